"""gunicorn settings used by :func:`kg.web.serve.run_server` (``-c python:kg.web.gunicorn_conf``).

Threaded workers (``gthread``) keep client connections alive; each worker process
has its own pool of query children. Our access log replaces gunicorn's.
"""
worker_class = "gthread"
accesslog = None
limit_request_line = 8190  # the largest gunicorn allows; longer queries: use POST
graceful_timeout = 10
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s [%(process)d] %(name)s %(levelname)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "kg": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
