"""Reading Chinese government meeting records: meetings, decisions, cases, agencies,
deadlines and statuses, with character offsets into the source text.

Pure Python; imports no Django. See ../shared/contracts/minutes-json.md.
"""

from .agencies import AgencyDirectory
from .errors import MinutesError, Problem
from .model import AgencyRef, CaseRelation, Deadline, Document, Item, Meeting
from .reader import read_minutes

__all__ = [
    "AgencyDirectory",
    "AgencyRef",
    "CaseRelation",
    "Deadline",
    "Document",
    "Item",
    "Meeting",
    "MinutesError",
    "Problem",
    "read_minutes",
]
