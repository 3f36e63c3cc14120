"""Error responses: the HTTP status of each DP code, and the JSON body (:class:`Problem`) every
error carries, with the code and the Chinese message the command line prints for the same input.

=======  ======  ==================================================================
code     status  why
=======  ======  ==================================================================
DP001    400     the request carries no input to read (no ``file`` part, bad JSON,
                 an unknown option); 415 for a content type other than multipart
                 or JSON
DP002    422     empty input
DP003    415     a binary file no reader reads
DP004    422     bytes that do not decode (in the encoding asked for)
DP005    422     text with no Chinese: not a report
DP006    413     over a size limit (``--max-bytes``, ``max_size``, ``max_depth``,
                 memory); 504 when the parse is over ``--timeout``
DP007    500     the worker died during the parse
DP008    415     a ``format_in`` no reader has
DP012    415     a format whose optional dependency is not installed on the server
DP999    500     an internal error (a bug): the traceback is in the server's log
                 under the request id, never in the response
other    422     a code a newer reader may add: the input is not usable
=======  ======  ==================================================================
"""

from __future__ import annotations

from starlette.responses import JSONResponse

from .models import Problem

STATUS: dict[str, int] = {
    "DP001": 400, "DP002": 422, "DP003": 415, "DP004": 422, "DP005": 422, "DP006": 413,
    "DP007": 500, "DP008": 415, "DP012": 415, "DP999": 500,
}
"""The HTTP status of each DP code the service answers with (the table above)."""
UNUSABLE = 422
"""The status of a code not in :data:`STATUS`."""
INTERNAL = "DP999"
"""The code of an internal error, as the command line prints it."""


def status_of(code: str) -> int:
    return STATUS.get(code, UNUSABLE)


def problem(status: int, code: str, message: str, request_id: str, *, file: str | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    """An error response: ``status`` with a :class:`Problem` body."""
    body = Problem(code=code, message=message, file=file, request_id=request_id)
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)
