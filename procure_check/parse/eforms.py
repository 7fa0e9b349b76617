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
from procure_check.parse.ted import LANGUAGES, is_ted, ted_notice

_CBC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}"
_FIELDS = {
    "strategic-procurement": "strategic_procurement",
    "environmental-impact": "green_procurement",
    "gpp-criteria": "gpp_criteria",
}
_CAC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2}"
_TEXTS = ("Name", "Description", "ProcurementType", "Note")
_ISO_639_2 = {"DAN": "da", "ENG": "en", "SWE": "sv", "NOR": "nb", "NOB": "nb", "NNO": "nb", "DEU": "de", "GER": "de"}
"""eForms writes languages as ISO 639-2 codes; these are the ones the checks read."""


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
    return _document(path, data, lines, notice, _language(root))


def _language(root: ElementTree.Element) -> str:
    """The notice's language as `ted.LANGUAGES` writes it: its main language (BT-702), or an additional one
    the checks read when the main one is not (a Finnish notice with a Swedish parallel text)."""
    codes = [element.text.strip().upper() for element in root.iter(f"{_CBC}NoticeLanguageCode") if element.text]
    codes += [element.text.strip().upper() for parent in root.iter(f"{_CAC}AdditionalNoticeLanguage")
              for element in parent.iter(f"{_CBC}ID") if element.text]
    languages = [_ISO_639_2.get(code, code.lower()) for code in codes]
    return next((language for language in languages if language in LANGUAGES), languages[0] if languages else "")


def _document(path: Path, data: bytes, lines: list[Line], notice: Notice, language: str = "") -> Document:
    lines = lines + [Line(text=f"CPV {code}") for code in notice.cpv]
    if not lines:
        raise DocumentError("no_text", "the notice has no texts or CPV codes", str(path))
    return Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="eforms",
                    pages=[Page(number=1, lines=lines)], notice=notice, language=language)
