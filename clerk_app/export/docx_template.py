"""A council's Word reference template (.docx or .dotx): loaded, emptied, or refused with a reason.

The template brings the council's styles, fonts, page set-up and letterhead header; its body
(sample text, instructions) is cleared so that only the minutes are written into it.  A
template that cannot be used is never fatal: the caller is told why, in words a clerk can act
on, and the minutes are written in Clerk's plain style instead.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

# Word's template (.dotx) differs from a document only in its main part's content type.
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "minutes.docx"


class TemplateError(Exception):
    """The template could not be used; str(exc) says why, in a clerk's words."""


def _as_document(path: Path) -> io.BytesIO:
    """The file's bytes, with a .dotx's content type turned into a document's."""
    data = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            out.writestr(info, content)
    data.seek(0)
    return data


def load_template(path: Path) -> Any:
    """The template as a python-docx Document with an empty body; TemplateError if unusable."""
    name = path.name
    if not path.is_file():
        why = "it is a folder" if path.is_dir() else "the file does not exist"
        raise TemplateError(f"The Word template {name} cannot be used: {why}.")
    try:
        document = docx.Document(_as_document(path))
    except zipfile.BadZipFile as exc:
        raise TemplateError(
            f"The Word template {name} cannot be used: it is not a Word file (.docx or .dotx)."
        ) from exc
    except ValueError as exc:  # python-docx: a package whose main part is not a document
        raise TemplateError(
            f"The Word template {name} cannot be used: it is not a Word document or template "
            "(save it from Word as .docx or .dotx)."
        ) from exc
    except OSError as exc:
        raise TemplateError(
            f"The Word template {name} cannot be read: {exc.strerror or exc}."
        ) from exc
    except Exception as exc:  # any damage inside the file (a missing part, bad XML): its fault
        raise TemplateError(
            f"The Word template {name} cannot be used: the file is damaged "
            f"({type(exc).__name__}); open it in Word and save it again."
        ) from exc
    _clear_body(document)
    return document


def _clear_body(document: Any) -> None:
    """Remove the template's own paragraphs and tables, keeping the final section properties."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def has_content(part: Any) -> bool:
    """Whether a header or footer has anything in it: text, a field, a picture or a table."""
    element = part._element
    for tag in ("w:t", "w:instrText", "w:fldSimple", "w:drawing", "w:pict", "w:tbl"):
        if element.find(f".//{qn(tag)}") is not None:
            return True
    return False
