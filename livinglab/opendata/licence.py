"""The licence the open data is published under (a setting; Taiwan's Open Government
Data License 1.0 by default)."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Licence:
    id: str
    title: str
    url: str


KNOWN = {
    "OGDL-Taiwan-1.0": Licence(
        "OGDL-Taiwan-1.0",
        "Open Government Data License, version 1.0 (政府資料開放授權條款－第1版)",
        "https://data.gov.tw/license",
    ),
    "CC-BY-4.0": Licence(
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC0-1.0": Licence(
        "CC0-1.0", "CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"
    ),
}


def current() -> Licence:
    return KNOWN[settings.LIVINGLAB_OPENDATA_LICENCE]
