"""Numbers the API accepts from callers: ids and page offsets within what every database
can hold, so that a wild value is answered 422 with a message, never a 500."""

from typing import Annotated

from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import LimitOffsetPagination

# Ids are BigAutoField: signed 64-bit on SQLite and PostgreSQL alike.
MAX_ID = 2**63 - 1
# Far past any registry's size; bigger offsets overflow SQLite's LIMIT/OFFSET.
MAX_OFFSET = 10**9

Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """ninja's limit/offset pages, with both numbers bounded."""

    class Input(Schema):
        limit: int = Field(ninja_settings.PAGINATION_PER_PAGE, ge=1, le=1000)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
