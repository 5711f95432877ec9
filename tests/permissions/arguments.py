"""The objects of the non-public body each URL is asked about."""

PAGE_ARGS = {
    "accounts:token_revoke": lambda w: {"pk": w.token.pk},
    "orgs:detail": lambda w: {"pk": w.industry.pk},
    "sites:detail": lambda w: {"pk": w.site.pk},
    "sites:edit": lambda w: {"pk": w.site.pk},
    "sites:calendar": lambda w: {"pk": w.site.pk},
    "sites:cancel": lambda w: {"pk": w.site.pk, "booking_pk": w.booking.pk},
    "case_manage:rename": lambda w: {"pk": w.case.pk},
    "case_manage:merge": lambda w: {"pk": w.case.pk},
    "case_manage:unmerge": lambda w: {"pk": w.case.pk},
    "case_manage:split": lambda w: {"pk": w.case.pk, "decision_pk": w.decision.pk},
    "case_manage:corrections": lambda w: {"pk": w.meeting.pk},
    "case_manage:add_decision": lambda w: {"pk": w.meeting.pk},
    "case_manage:case_options": lambda w: {"pk": w.meeting.pk},
    "case_manage:correct_decision": lambda w: {"pk": w.decision.pk},
    "tracking:case": lambda w: {"pk": w.case.pk},
    "tracking:agency": lambda w: {"pk": w.industry.pk},
    "tracking:review_answer": lambda w: {"pk": w.link.pk},
    "meetings:body": lambda w: {"pk": w.body.pk},
    "meetings:meeting": lambda w: {"pk": w.meeting.pk},
    "work:assignment": lambda w: {"pk": w.assignment.pk},
    "work:deadline": lambda w: {"pk": w.assignment.pk},
    "work:review": lambda w: {"pk": w.report.pk},
    "work:attachment": lambda w: {"pk": w.work_attachment.pk},
    "work:notification_open": lambda w: {"pk": w.notification.pk},
    "work:bulk": lambda w: {"body_pk": w.body.pk},
    "work:bulk_download": lambda w: {"body_pk": w.body.pk, "fmt": "xlsx"},
    "work:bulk_preview": lambda w: {"pk": w.bulk.pk},
    "reports:table": lambda w: {"pk": w.body.pk},
    "reports:table_file": lambda w: {"pk": w.body.pk, "fmt": "xlsx"},
    "reports:agenda": lambda w: {"pk": w.body.pk},
    "reports:agenda_file": lambda w: {"pk": w.body.pk, "fmt": "odt"},
    "reports:dashboard": lambda w: {"pk": w.body.pk},
    "reports:dashboard_file": lambda w: {"pk": w.body.pk, "fmt": "odt"},
    "reports:chart": lambda w: {"pk": w.body.pk, "name": "states"},
    "reports:agency_dashboard": lambda w: {"pk": w.industry.pk},
    "reports:agency_dashboard_file": lambda w: {"pk": w.industry.pk, "fmt": "odt"},
    "reports:agency_chart": lambda w: {"pk": w.industry.pk, "name": "states"},
    "reports:platform_dashboard_file": lambda w: {"fmt": "odt"},
    "reports:platform_chart": lambda w: {"name": "states"},
    "reports:trial_kpi_chart": lambda w: {"pk": w.trial.pk, "kpi": w.kpi.pk},
    "trials:register_file": lambda w: {"fmt": "xlsx"},
    "trials:start": lambda w: {"proposal": w.proposal.pk},
    "trials:detail": lambda w: {"pk": w.trial.pk},
    "trials:status": lambda w: {"pk": w.trial.pk},
    "trials:add_kpi": lambda w: {"pk": w.trial.pk},
    "trials:add_milestone": lambda w: {"pk": w.trial.pk},
    "trials:complete_milestone": lambda w: {"pk": w.trial.pk, "milestone": w.milestone.pk},
    "trials:add_measurement": lambda w: {"pk": w.trial.pk},
    "trials:upload": lambda w: {"pk": w.trial.pk},
    "reviews:assignment": lambda w: {"pk": w.review.pk},
    "reviews:declare": lambda w: {"pk": w.review.pk},
    "reviews:save": lambda w: {"pk": w.review.pk},
    "reviews:move": lambda w: {"pk": w.review.pk},
    "reviews:call": lambda w: {"pk": w.call.pk},
    "reviews:export": lambda w: {"pk": w.call.pk, "fmt": "xlsx"},
    "reviews:proposal": lambda w: {"pk": w.proposal.pk},
    "reviews:assign": lambda w: {"pk": w.proposal.pk},
    "reviews:decide": lambda w: {"pk": w.proposal.pk},
    "imports:upload": lambda w: {"body_pk": w.body.pk},
    "imports:draft": lambda w: {"pk": w.draft.pk},
    "imports:progress": lambda w: {"pk": w.draft.pk},
    "imports:item": lambda w: {"pk": w.draft.pk, "m": 0, "i": 0},
    "imports:discard": lambda w: {"pk": w.draft.pk},
    "imports:read_again": lambda w: {"pk": w.draft.pk},
    "needs:need": lambda w: {"pk": w.need.pk},
    "needs:need_edit": lambda w: {"pk": w.need.pk},
    "needs:need_status": lambda w: {"pk": w.need.pk},
    "needs:call": lambda w: {"pk": w.call.pk},
    "needs:call_edit": lambda w: {"pk": w.call.pk},
    "needs:rubric": lambda w: {"pk": w.call.pk},
    "proposals:join_decide": lambda w: {"pk": w.join.pk},
    "proposals:detail": lambda w: {"pk": w.proposal.pk},
    "proposals:edit": lambda w: {"pk": w.proposal.pk},
    "proposals:submit": lambda w: {"pk": w.proposal.pk},
    "proposals:withdraw": lambda w: {"pk": w.proposal.pk},
    "proposals:attachment": lambda w: {"pk": w.proposal_attachment.pk},
    "proposals:attachment_delete": lambda w: {"pk": w.proposal_attachment.pk},
    "opendata:dataset": lambda w: {"slug": "cases"},
    "opendata:download": lambda w: {"slug": "cases", "fmt": "csv"},
    "opendata:decisions_feed": lambda w: {"body_id": w.body.pk},
    "ckan": lambda w: {"name": "package_list"},
}

# API path parameters, by name.
API_ARGS = {
    "org_id": lambda w: w.industry.pk,
    "case_id": lambda w: w.case.pk,
    "body_id": lambda w: w.body.pk,
    "meeting_id": lambda w: w.meeting.pk,
    "link_id": lambda w: w.link.pk,
    "site_id": lambda w: w.site.pk,
    "need_id": lambda w: w.need.pk,
    "call_id": lambda w: w.call.pk,
    "proposal_id": lambda w: w.proposal.pk,
    "trial_id": lambda w: w.trial.pk,
    "kpi_id": lambda w: w.kpi.pk,
    "assignment_id": lambda w: w.review.pk,
}

# What a form is sent, where an empty form would be refused before the permission is
# asked (so that the status says who may, not what is missing).
PAGE_POSTS = {
    "needs:need_status": lambda w: {"status": "published"},
    "proposals:join_decide": lambda w: {"approve": "1"},
    "reviews:declare": lambda w: {"declaration": "none"},
    "tracking:review_answer": lambda w: {"answer": "accept"},
}

API_QUERIES = {
    "GET /api/organisations/resolve": "?name=產業局",
}


def _today():
    from django.utils import timezone

    return timezone.localdate()


API_BODIES = {
    "POST /api/cases/{case_id}/merge": lambda w: {"sources": [w.case2.pk]},
    "POST /api/cases/{case_id}/rename": lambda w: {"title": "資訊機房汰換及備援案"},
    "POST /api/links/{link_id}/review": lambda w: {"accept": True},
    "POST /api/links/{link_id}/split": lambda w: {"title": "另立新案"},
    "POST /api/organisations/{org_id}/aliases": lambda w: {"name": "產業處"},
    "POST /api/proposals": lambda w: {
        "call_id": w.call.pk,
        "title": "機房備援電力",
        "domain": "transport",
    },
    "PATCH /api/proposals/{proposal_id}": lambda w: {"title": "機房能耗監測（修正）"},
    "POST /api/reviews/assignments/{assignment_id}/declare": lambda w: {"conflict": False},
    "POST /api/sites/{site_id}/bookings": lambda w: {
        "starts_on": str(_today().replace(year=_today().year + 2)),
        "ends_on": str(_today().replace(year=_today().year + 2)),
        "label": "年度消防檢查",
    },
    "POST /api/trials/{trial_id}/kpis/{kpi_id}/measurements": lambda w: {
        "on": str(_today()),
        "value": "1.8",
    },
    "POST /api/trials/{trial_id}/status": lambda w: {"status": "running"},
}
