"""Errors a service raises for bad input: a stable code and a translated message.

Views show ``message`` on the page; the API returns ``{"code", "message"}``.
"""

from __future__ import annotations


class ServiceError(Exception):
    status = 400

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = str(message)


class PermissionDeniedError(ServiceError):
    status = 403


class NotFoundError(ServiceError):
    status = 404
