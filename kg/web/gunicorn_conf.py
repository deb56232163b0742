"""gunicorn settings used by :func:`kg.web.serve.gunicorn_argv` (``-c python:kg.web.gunicorn_conf``).

Threaded workers (``gthread``) keep client connections alive; each worker process
has its own pool of query children. Our access log replaces gunicorn's.
"""
from kg.web.serve import LOGGING as logconfig_dict  # noqa: F401  (a gunicorn setting)

worker_class = "gthread"
accesslog = None
limit_request_line = 8190  # the largest gunicorn allows; longer queries: use POST
graceful_timeout = 10
