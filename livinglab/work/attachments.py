"""Checking attachments by what they contain, not by what they are called."""

import io
import uuid
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

from livinglab.zipguard import ZipBomb, ZipLimits, check_zip

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
# An office document unpacks to at most this much; more is a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2000
LIMITS = ZipLimits(members=MAX_MEMBERS, total=MAX_UNPACKED_BYTES, member=MAX_UNPACKED_BYTES)

_MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
]
_ZIP_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


# The extension a file of each accepted type is stored and downloaded with, whatever it
# was called: a PDF named page.html must never reach a browser as a page.
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    _ZIP_TYPES["word/"]: ".docx",
    _ZIP_TYPES["xl/"]: ".xlsx",
    _ZIP_TYPES["ppt/"]: ".pptx",
}
MAX_NAME_CHARS = 120


class AttachmentRejected(ValueError):
    """The message names the file and the reason."""


def download_name(filename: str, content_type: str) -> str:
    """The name a file is offered under: its own stem, the extension of what it holds."""
    stem = PurePath(filename.replace("\\", "/")).name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = stem.strip() or "attachment"
    extension = EXTENSIONS.get(content_type, "")
    return stem[: MAX_NAME_CHARS - len(extension)] + extension


def storage_name(content_type: str) -> str:
    """A name on disk that no uploader chose (and so no length or character of theirs)."""
    return uuid.uuid4().hex + EXTENSIONS.get(content_type, "")


def sniff(filename: str, data: bytes) -> str:
    """The content type of an acceptable attachment, or AttachmentRejected."""
    if len(data) > MAX_BYTES:
        raise AttachmentRejected(
            _("%(file)s is larger than %(mb)s MB.") % {"file": filename, "mb": MAX_BYTES >> 20}
        )
    for magic, content_type in _MAGIC:
        if data.startswith(magic):
            return content_type
    if data.startswith(b"PK\x03\x04"):
        return _office_type(filename, data)
    raise AttachmentRejected(
        _("%(file)s is not a PDF, image or office document.") % {"file": filename}
    )


def _office_type(filename: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                check_zip(archive, LIMITS)
            except ZipBomb as exc:
                raise AttachmentRejected(
                    _("%(file)s unpacks to too much data.") % {"file": filename}
                ) from exc
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mimetype.startswith("application/vnd.oasis.opendocument."):
                    return mimetype
            for prefix, content_type in _ZIP_TYPES.items():
                if "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names):
                    return content_type
    except zipfile.BadZipFile:
        pass
    raise AttachmentRejected(
        _("%(file)s is not a PDF, image or office document.") % {"file": filename}
    )
