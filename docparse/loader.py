"""``docparse.load``: a Document read back from its JSON (a file, or the JSON itself)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .errors import InputError, path_text

if TYPE_CHECKING:
    from .models import Document


def load(source: str | bytes | os.PathLike[str]) -> Document:
    """The Document of a JSON written by docparse (``docparse parse``, ``convert``, :func:`docparse.to_json`):
    ``source`` is the JSON (text or bytes) or a path to a file holding it.

    Raises:
        InputError: the file cannot be read, it is not a Document's JSON, or it was written by a
            docparse of another schema major version (or a newer minor one); the message says which.

    >>> import docparse
    >>> doc = docparse.parse("关于2022年度工作的报告\\n一、主要工作\\n开展培训12次。")
    >>> load(docparse.to_json(doc)) == doc
    True
    """
    import pydantic

    from .models import Document

    path: str | None = None
    if isinstance(source, os.PathLike) or (isinstance(source, str) and not source.lstrip().startswith("{")):
        path = path_text(os.fspath(source))
        try:
            with open(source, "rb") as handle:
                data: str | bytes = handle.read()
        except OSError as exc:
            raise InputError(f"无法读取文件（{exc.strerror or exc}）", path=path) from None
    else:
        data = source
    try:
        return Document.model_validate_json(data)
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        where = "/".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(f"不是 docparse 文档 JSON（{where}：{message}）" if where else
                         f"不是 docparse 文档 JSON（{message}）", path=path) from None
