"""Whether the content of a PDF's pages decodes to its end.

PDFium reads what it can of a damaged content stream and says nothing. A page cut short or garbled can
lose exactly the words that make a claim no pass ("gyldig til 31.03.2025", "ikke", a table's "Ønske"
column), so such a PDF is `corrupt` rather than judged on what is left. PDFium exposes no raw streams, so
pdfminer (pdfplumber's parser) reads them: the Flate data of each page's content streams and of the
form XObjects they draw must inflate without error (a wrong checksum is one) to its end. Streams without
Flate cannot be verified, nor can objects or files that pdfminer cannot parse (PDFium is more lenient).
"""

from __future__ import annotations

import io
import logging
import re
import zlib

log = logging.getLogger(__name__)

_PDF_WHITESPACE = re.compile(rb"[\0\t\n\f\r ]+")  # ignored inside ASCII85 and hex data
_CHUNK = 1 << 20
_MAX_INFLATED = 256 << 20  # bytes of one stream; beyond that a stream is taken as it is
_MAX_FORMS = 10_000  # form XObjects checked per document


def damaged_page(data: bytes, password: str | None) -> int | None:
    """The number of the first page whose content is cut short or garbled; None if none is found."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
        seen: set[int] = set()
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if not _content_intact(page.attrs.get("Contents"), page.resources, seen):
                return number
    except Exception as exc:  # pdfminer fails on some files PDFium repairs: they stay as PDFium read them
        log.debug("cannot verify the page content: %s: %s", type(exc).__name__, exc)
    return None


def _content_intact(contents, resources, seen: set[int]) -> bool:
    """Whether the content streams (a stream, a reference or a list of them) and their forms are intact."""
    from pdfminer.pdftypes import PDFStream, resolve1

    if contents is None:  # a blank page
        return True
    references = resolve1(contents)
    for reference in references if isinstance(references, list) else [contents]:
        stream = resolve1(reference)
        # Not a stream: missing, or misread where PDFium repaired the file (qpdf's bad24.pdf): no verdict.
        if isinstance(stream, PDFStream) and not _stream_intact(stream):
            return False
    return _forms_intact(resources, seen)


def _forms_intact(resources, seen: set[int]) -> bool:
    """Whether the form XObjects among the resources are intact (each checked once per document)."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
    from pdfminer.psparser import LIT

    resources = resolve1(resources)
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if not isinstance(xobjects, dict):
        return True
    for reference in xobjects.values():
        if not isinstance(reference, PDFObjRef) or reference.objid in seen or len(seen) >= _MAX_FORMS:
            continue
        seen.add(reference.objid)
        form = resolve1(reference)
        is_form = isinstance(form, PDFStream) and form.get("Subtype") is LIT("Form")
        if is_form and not _content_intact(reference, form.get("Resources"), seen):
            return False
    return True


def _stream_intact(stream) -> bool:
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.psparser import LIT

    data = stream.get_rawdata()
    if data is None or not data.strip():  # already decoded by pdfminer, or empty: nothing to lose
        return True
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _ in stream.get_filters():
        try:
            if name in (LIT("ASCII85Decode"), LIT("A85")):
                data = ascii85decode(_PDF_WHITESPACE.sub(b"", data))
            elif name in (LIT("ASCIIHexDecode"), LIT("AHx")):
                data = asciihexdecode(_PDF_WHITESPACE.sub(b"", data))
            elif name in (LIT("FlateDecode"), LIT("Fl")):
                return _flate_intact(data)
            else:
                return True
        except ValueError:  # a character that is not of the encoding
            return False
    return True


def _flate_intact(data: bytes) -> bool:
    """Whether Flate data inflates without error to its end and its checksum. The checksum is what tells
    an end from a cut: the bytes after a cut can decode as a last block by chance. Data without the zlib
    header (some writers) has no checksum: there the end of the last block must do."""
    zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
    return _inflates_to_end(data, zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS) is True


def _inflates_to_end(data: bytes, wbits: int) -> bool | None:
    """True if the data inflates to its end (or too far to tell), False if it stops before, None on an
    error (also a wrong checksum). The output is not kept."""
    inflater = zlib.decompressobj(wbits)
    total = 0
    try:
        chunk = inflater.decompress(data, _CHUNK)
        while True:
            total += len(chunk)
            if inflater.eof or total > _MAX_INFLATED:
                return True
            if not inflater.unconsumed_tail:
                return False
            chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    except zlib.error:
        return None
