"""Zip-bomb guard for uploaded zip containers (.docx, .odt, .ods, .xlsx).

Pure Python (the minutes reader uses it too): it looks only at the sizes the zip's
directory declares, before anything is unpacked. Readers must still cap what they read,
since a directory can lie.
"""

import zipfile
from dataclasses import dataclass


class ZipBomb(ValueError):
    """The container would unpack to more than its limits allow."""


@dataclass(frozen=True)
class ZipLimits:
    members: int = 5000
    total: int = 200 * 1024 * 1024
    member: int = 50 * 1024 * 1024
    # Office XML compresses about 10x; bombs about 1000x. Small parts may compress well.
    ratio: int = 200
    ratio_floor: int = 1 << 20


def check_zip(archive: zipfile.ZipFile, limits: ZipLimits = ZipLimits()) -> None:  # noqa: B008
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise ZipBomb("too many parts")
    total = 0
    for info in infos:
        total += info.file_size
        packed = info.file_size > limits.ratio * max(info.compress_size, 1)
        too_packed = packed and info.file_size > limits.ratio_floor
        if info.file_size > limits.member or total > limits.total or too_packed:
            raise ZipBomb("expands to an excessive size")
