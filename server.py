"""WSGI entry point: ``gunicorn server:app``, or ``python server.py`` to serve.

``python server.py`` starts gunicorn with the ``KG_*`` environment (see
:mod:`kg.web.config`) plus ``KG_HOST`` (127.0.0.1), ``KG_PORT`` (8000),
``KG_WORKERS`` (2) and ``KG_THREADS`` (4). ``python server.py --dev`` runs Flask's
development server instead.
"""
from kg.web import create_app

app = create_app()

if __name__ == "__main__":
    import os
    import sys

    host = os.environ.get("KG_HOST", "127.0.0.1")
    port = int(os.environ.get("KG_PORT", "8000"))
    if "--dev" in sys.argv[1:]:
        app.run(host=host, port=port, threaded=True)
    else:
        from kg.web.serve import gunicorn_argv

        settings = app.extensions["kg"].settings
        argv = gunicorn_argv(
            host,
            port,
            int(os.environ.get("KG_WORKERS", "2")),
            int(os.environ.get("KG_THREADS", "4")),
            writable=settings.writable,
            timeout_s=settings.query_timeout_s,
        )
        os.execv(sys.executable, argv)
