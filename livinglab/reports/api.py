"""The reports API: a body's tracking table (列管案件辦理情形表) as the page offers it.

Who may download it is the page's rule (`get_body_for_reports`: the body's secretariat
and admins); the file is written by the same service as the page's download.
"""

from typing import Literal

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import require_user
from livinglab.core.api_types import Id
from livinglab.meetings.models import Meeting
from livinglab.reports.access import get_body_for_reports
from livinglab.reports.exports import CONTENT_TYPES, FORMATS
from livinglab.reports.services import export_table

router = Router(tags=["reports"])

TableFormat = Literal[FORMATS]  # type: ignore[valid-type]  # the page's formats, one list


class TableQuery(Schema):
    format: TableFormat = Field("xlsx", description="The file's format, as on the page")
    meeting: Id | None = Field(
        None, description="A meeting of the body: the table as it stood for that meeting"
    )


_FILE_RESPONSES = {
    200: {
        "description": "The tracking table as an office document",
        "content": {
            CONTENT_TYPES[fmt]: {"schema": {"type": "string", "format": "binary"}}
            for fmt in FORMATS
        },
    }
}


@router.get(
    "/bodies/{body_id}/tracking-table",
    auth=require_user,
    openapi_extra={"responses": _FILE_RESPONSES},
)
def tracking_table(request, body_id: Id, query: Query[TableQuery]):
    """Download the body's tracking table (.xlsx, .ods, .odt or .docx); the body's
    secretariat only. The number of cases it lists is in `X-Case-Count`."""
    body = get_body_for_reports(request.auth, body_id)
    meeting = None
    if query.meeting is not None:
        meeting = get_for_user(Meeting.objects.filter(body=body), request.auth, query.meeting)
    data, count = export_table(body, query.format, meeting)
    response = HttpResponse(data, content_type=CONTENT_TYPES[query.format])
    name = f"tracking-table-{body.pk}" + (f"-meeting-{meeting.pk}" if meeting else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.{query.format}"'
    response["X-Case-Count"] = str(count)
    return response
