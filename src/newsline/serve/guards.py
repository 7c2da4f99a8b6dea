"""Bounds on every request, the security headers on every answer, and every error in one shape: a
server that never answers 500 to what a client sends."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .errors import SECURITY_HEADERS, ApiError, error_response

MAX_QUERY_BYTES = 4_096  # a URL's query string; longer ones are refused, not parsed


def add_guards(app: FastAPI, max_body: int) -> None:
    """Bounds on every request, the security headers on every answer, and every error in one shape."""
    @app.middleware("http")
    async def bounds_and_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if len(request.url.query.encode()) > MAX_QUERY_BYTES:
            return error_response(414, "query_too_long", f"the query string is over {MAX_QUERY_BYTES} bytes",
                                  "ask for less: shorter search words, fewer filters")
        length = request.headers.get("content-length")
        if request.method in ("POST", "PUT", "PATCH"):
            if length is None or not length.isdigit():
                return error_response(411, "length_required", "a request body needs a Content-Length header")
            if int(length) > max_body:
                return error_response(413, "too_large",
                                      f"the request body is {length} bytes, over the limit of {max_body}",
                                      "send fewer documents per request, or start the server with a larger --max-bytes")
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.hint)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path"))
        return error_response(422, "invalid_parameter", f"{where or 'request'}: {first.get('msg', 'invalid')}",
                              "see /openapi.json for the parameters each endpoint takes")
