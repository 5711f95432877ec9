"""Reading Chinese government meeting records: meetings, decisions, cases, agencies,
deadlines and statuses, with character offsets into the source text.

Pure Python; imports no Django. See ../shared/contracts/minutes-json.md.
"""

from .agencies import AgencyDirectory
from .errors import MinutesError
from .model import AgencyRef, CaseRelation, Deadline, Document, Item, Meeting

__all__ = [
    "AgencyDirectory",
    "AgencyRef",
    "CaseRelation",
    "Deadline",
    "Document",
    "Item",
    "Meeting",
    "MinutesError",
    "read_minutes",
]


def __getattr__(name: str) -> object:
    if name == "read_minutes":  # lazy so that the data model imports cheaply
        from .reader import read_minutes

        return read_minutes
    raise AttributeError(name)
