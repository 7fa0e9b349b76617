"""Errors that end the check of one document or one run, with a stable code and a one-line message."""

from typing import Literal

ErrorCode = Literal[
    "encrypted", "corrupt", "no_text", "too_large", "timeout", "crashed", "unsupported", "not_found", "no_group",
    "catalogue", "waivers", "mapping", "output", "usage",
]


class ProcureCheckError(Exception):
    """A problem the user can act on; `str()` is the one line shown to them."""

    def __init__(self, code: ErrorCode, message: str, path: str | None = None):
        message = " ".join(message.split())  # one line, whatever text (a value, a library's error) it quotes
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DocumentError(ProcureCheckError):
    """A document could not be read; the other documents of the run are still checked."""


class CatalogueError(ProcureCheckError):
    """The criteria catalogue or a rules file is invalid."""

    def __init__(self, message: str, path: str | None = None):
        super().__init__("catalogue", message, path)


class UsageError(ProcureCheckError):
    """The run was asked for something it cannot do (an unknown group, no documents, OCR without tesseract)."""

    def __init__(self, message: str, path: str | None = None):
        super().__init__("usage", message, path)
