"""Domain errors. Each carries an HTTP status so the web layer can map it in one place."""
from __future__ import annotations


class KGError(Exception):
    """Base class of every error this package raises on purpose."""

    status = 500

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class InputError(KGError):
    """An article that cannot be read: empty, binary, not UTF-8, bad metadata."""

    status = 400


class QuerySyntaxError(KGError):
    status = 400


class QueryNotFound(KGError):
    status = 404


class QueryTimeout(KGError):
    status = 503


class ResultTooLarge(KGError):
    status = 413


class UpdateNotAllowed(KGError):
    status = 403


class StoreError(KGError):
    status = 500


class OntologyError(KGError):
    status = 500
