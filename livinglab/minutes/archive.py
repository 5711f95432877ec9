"""Safe reading of the zip containers of .docx and .odt: no zip bombs, no DTDs."""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from livinglab.zipguard import ZipBomb, ZipLimits, check_zip

from .errors import MinutesError, Problem

MAX_MEMBER = 50 * 1024 * 1024  # no part of a real document is this large
MAX_TOTAL = 200 * 1024 * 1024
MAX_RATIO = 200  # text XML compresses ~10x; bombs compress ~1000x
MAX_MEMBERS = 5000
LIMITS = ZipLimits(
    members=MAX_MEMBERS, total=MAX_TOTAL, member=MAX_MEMBER, ratio=MAX_RATIO, ratio_floor=1_000_000
)


def open_zip(data: bytes, source: str, kind: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise MinutesError(source, f"corrupt {kind} file (not a valid zip container)") from exc
    _check_sizes(archive, source)
    return archive


def _check_sizes(archive: zipfile.ZipFile, source: str) -> None:
    try:
        check_zip(archive, LIMITS)
    except ZipBomb as exc:
        raise MinutesError(source, f"refused: zip bomb ({exc})", Problem.UNSAFE) from exc


def read_member(archive: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    """A part's bytes, read with a cap since zip headers can lie about sizes."""
    try:
        with archive.open(name) as handle:
            data = handle.read(MAX_MEMBER + 1)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise MinutesError(source, f"corrupt file (cannot read {name})") from exc
    if len(data) > MAX_MEMBER:
        raise MinutesError(
            source, "refused: zip bomb (expands to an excessive size)", Problem.UNSAFE
        )
    return data


def parse_xml(data: bytes, source: str) -> Element:
    """Parse XML refusing DTDs and entities (billion laughs, external entities)."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise MinutesError(source, "refused: XML with a DTD or entities", Problem.UNSAFE) from exc
    except SafeET.ParseError as exc:
        raise MinutesError(source, f"corrupt XML ({exc})") from exc
