"""Text from documents made safe for the formats that embed it.

Document text is untrusted: a data sheet may contain markup, control characters or characters that
XML 1.0 forbids. Each renderer escapes for its own syntax; this module only removes what no text
format can carry.
"""

import re

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 does not allow (and that no report needs): C0 controls but tab and newlines,
DEL, non-characters and lone surrogates."""


def control_free(text: str) -> str:
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Control characters removed and line breaks made spaces (for table cells and attributes)."""
    return " ".join(control_free(text).split())
