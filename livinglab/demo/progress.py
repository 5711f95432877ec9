"""Demo progress on a tracked case of the committee: 陳科員 of the industry bureau reports
on 新創產品場域實證媒合案 twice; 林書記 accepted the first report, the second waits for
review. So the public registry shows a case part of the way along, and the secretary's
review queue has a report in it. Through the same services the pages use; loading twice
changes nothing.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from livinglab.tracking.models import Case
from livinglab.work import services
from livinglab.work.models import Assignment, ProgressReport

CASE = "新創產品場域實證媒合案"
AGENCY = "臺北市政府產業發展局"

REPORTS = [
    ("已辦理新創產品場域實證媒合說明會，計有12家新創業者報名參與。", 40),
    ("已完成3處場域（市場、運動中心、區公所）之實地勘查，預計下月召開媒合會議。", 60),
]
ACCEPTED_WITH = "請持續辦理，並於下次會議報告媒合結果。"


def load_progress() -> str:
    people = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["secretary", "officer"])
    }
    assignment = (
        Assignment.objects.filter(
            case__title=CASE, case__state=Case.State.TRACKED, organisation__name=AGENCY
        )
        .select_related("case")
        .first()
    )
    if assignment is None or len(people) < 2:
        return "no demo case"
    if ProgressReport.objects.filter(assignment=assignment).exists():
        return "loaded before"
    with transaction.atomic():
        (first_text, first_percent), (second_text, second_percent) = REPORTS
        first = services.file_report(
            people["officer"], assignment, services.NewReport(first_text, first_percent)
        )
        services.review_report(people["secretary"], first, accept=True, comment=ACCEPTED_WITH)
        services.file_report(
            people["officer"], assignment, services.NewReport(second_text, second_percent)
        )
    return f"{CASE}: one report accepted ({first_percent}%), one waiting for review"
