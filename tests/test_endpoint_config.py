"""create_app configuration: defaults < KG_* environment < explicit mapping."""

from __future__ import annotations

import pytest

from kg.web import create_app
from kg.web.config import DEFAULTS
from kg.web.errors import ConfigError


@pytest.fixture
def clean_env(monkeypatch):
    for key in DEFAULTS:
        monkeypatch.delenv(key, raising=False)
    return monkeypatch


def _settings(app):
    return app.extensions["kg"].settings


def test_defaults(clean_env):
    app = create_app()
    assert app.config["KG_STORE_PATH"] == "data/store"
    settings = _settings(app)
    assert settings.writable is False and settings.write_token is None
    assert settings.query_timeout_s == 30 and settings.service_allowlist == ()
    assert app.config["MAX_CONTENT_LENGTH"] == DEFAULTS["KG_MAX_REQUEST_BYTES"]
    assert app.extensions["kg"].executor.pids() == []  # no store opened before a request


def test_environment_overrides_defaults(clean_env):
    clean_env.setenv("KG_QUERY_TIMEOUT_S", "7")
    clean_env.setenv("KG_SERVICE_ALLOWLIST", '["Example.org", "h:8080"]')
    clean_env.setenv("KG_CORS_ORIGINS", "https://a.example, https://b.example")
    clean_env.setenv("KG_READ_ONLY", "false")
    clean_env.setenv("KG_WRITE_TOKEN", "12345678")
    settings = _settings(create_app())
    assert settings.query_timeout_s == 7
    assert settings.service_allowlist == ("example.org", "h:8080")
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.writable is True and settings.write_token == "12345678"


def test_mapping_overrides_environment(clean_env):
    clean_env.setenv("KG_QUERY_TIMEOUT_S", "7")
    clean_env.setenv("KG_STORE_PATH", "/from/env")
    app = create_app({"KG_QUERY_TIMEOUT_S": 3, "TESTING": True})
    assert _settings(app).query_timeout_s == 3
    assert app.config["KG_STORE_PATH"] == "/from/env"
    assert app.testing


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"KG_READ_ONLY": False}, "needs KG_WRITE_TOKEN"),
        ({"KG_READ_ONLY": False, "KG_WRITE_TOKEN": "short"}, "too short"),
        ({"KG_QUERY_TIMEOUT_S": 0}, "KG_QUERY_TIMEOUT_S"),
        ({"KG_MAX_RESULT_BYTES": "lots"}, "KG_MAX_RESULT_BYTES"),
        ({"KG_READ_ONLY": "maybe"}, "KG_READ_ONLY"),
        ({"KG_SERVICE_ALLOWLIST": 5}, "KG_SERVICE_ALLOWLIST"),
    ],
)
def test_unworkable_configuration_is_refused(clean_env, config, message):
    with pytest.raises(ConfigError, match=message):
        create_app(config)


def test_two_apps_do_not_share_state(clean_env):
    a, b = create_app({"KG_STORE_PATH": "/a"}), create_app({"KG_STORE_PATH": "/b"})
    assert a.extensions["kg"] is not b.extensions["kg"]
    assert _settings(a).store_path == "/a" and _settings(b).store_path == "/b"
