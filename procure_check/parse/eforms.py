"""Notices (XML): eForms (UBL) with CPV codes, the green procurement fields and the notice's texts,
and TED notices in the standard forms before eForms (`procure_check.parse.ted`).

Most notices leave the green fields empty, so the notice's titles and descriptions also become
text lines that the requirement checks read like any other tender document.
"""

import hashlib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from procure_check.document import Document, Line, Notice, Page
from procure_check.errors import DocumentError
from procure_check.parse.ted import is_ted, ted_notice

_CBC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}"
_FIELDS = {
    "strategic-procurement": "strategic_procurement",
    "environmental-impact": "green_procurement",
    "gpp-criteria": "gpp_criteria",
}
_TEXTS = ("Name", "Description", "ProcurementType", "Note")


def parse_eforms(path: Path) -> Document:
    data = path.read_bytes()
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise DocumentError("unsupported", "XML with a DOCTYPE or entities is not accepted", str(path))
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise DocumentError("corrupt", f"not well-formed XML ({error})", str(path)) from None
    if is_ted(root):
        language, codes, lines = ted_notice(root)
        return _document(path, data, lines, Notice(cpv=codes), language)
    notice = Notice()
    for element in root.iter(f"{_CBC}ItemClassificationCode"):
        if element.get("listName") == "cpv" and element.text and element.text.strip() not in notice.cpv:
            notice.cpv.append(element.text.strip())
    for element in root.iter(f"{_CBC}ProcurementTypeCode"):
        field = _FIELDS.get(element.get("listName", ""))
        if field and element.text:
            getattr(notice, field).append(element.text.strip())
    for element in root.iter(f"{_CBC}ProcurementType"):
        if element.text and element.text.strip():
            notice.strategic_description.append(element.text.strip())
    lines = [
        Line(text=" ".join(element.text.split()))
        for element in root.iter()
        if element.tag.startswith(_CBC) and element.tag[len(_CBC):] in _TEXTS and element.text and element.text.strip()
    ]
    return _document(path, data, lines, notice)


def _document(path: Path, data: bytes, lines: list[Line], notice: Notice, language: str = "") -> Document:
    lines = lines + [Line(text=f"CPV {code}") for code in notice.cpv]
    if not lines:
        raise DocumentError("no_text", "the notice has no texts or CPV codes", str(path))
    return Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="eforms",
                    pages=[Page(number=1, lines=lines)], notice=notice, language=language)
