"""The protocol every renderer follows: a name, a media type, a file extension, and bytes in pieces."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import BinaryIO, ClassVar, Generic, TypeVar

Item = TypeVar("Item", contravariant=True)
"""What a renderer renders: a Document, metric rows, validation findings …"""


class Renderer(ABC, Generic[Item]):
    """One output format.

    ``chunks`` gives the output in pieces, so that a large output (the JSON of a 10 MB report is
    ~85 MB) is written as it is made rather than held as one buffer beside what it renders; a
    caller writes the pieces to a file or a stream, or sends them as a streamed response with
    :attr:`media_type`.
    """

    name: ClassVar[str]
    """The format's name, as ``--format`` takes it."""
    media_type: ClassVar[str]
    """The IANA media type of the output (``Content-Type``)."""
    extension: ClassVar[str]
    """The extension of a file holding the output, with its dot."""

    @abstractmethod
    def chunks(self, item: Item) -> Iterator[bytes | memoryview]:
        """The output for ``item``, in pieces."""

    def write(self, item: Item, stream: BinaryIO) -> None:
        """Write the output for ``item`` to a binary stream."""
        for chunk in self.chunks(item):
            stream.write(chunk)

    def render(self, item: Item) -> bytes:
        """The output for ``item`` as one bytes object."""
        return b"".join(self.chunks(item))
