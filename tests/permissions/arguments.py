"""The objects of the non-public body each URL is asked about."""

PAGE_ARGS = {
    "sandbox:apply": lambda w: {"trial_pk": w.trial.pk},
    "sandbox:application": lambda w: {"pk": w.sandbox_application.pk},
    "sandbox:attach": lambda w: {"pk": w.sandbox_application.pk},
    "sandbox:withdraw": lambda w: {"pk": w.sandbox_application.pk},
    "sandbox:grant": lambda w: {"pk": w.sandbox_application.pk},
    "sandbox:attachment": lambda w: {"pk": w.sandbox_attachment.pk},
    "sandbox:consent": lambda w: {"pk": w.sandbox_consent.pk},
    "sandbox:permit": lambda w: {"pk": w.permit.pk},
    "sandbox:change": lambda w: {"pk": w.permit.pk},
    "sandbox:incident": lambda w: {"pk": w.permit.pk},
    "sandbox:condition_met": lambda w: {"pk": w.permit_condition.pk},
    "credits:programme": lambda w: {"pk": w.programme.pk},
    "credits:burn": lambda w: {"pk": w.programme.pk},
    "credits:allocate": lambda w: {"pk": w.programme.pk},
    "credits:upload": lambda w: {"pk": w.programme.pk},
    "credits:statement": lambda w: {"pk": w.usage_statement.pk},
    "credits:account": lambda w: {"pk": w.credit_account.pk},
    "credits:account_export": lambda w: {"pk": w.credit_account.pk, "fmt": "xlsx"},
    "credits:edit": lambda w: {"pk": w.programme.pk},
    "credits:apply": lambda w: {"pk": w.programme.pk},
    "credits:applications": lambda w: {"pk": w.programme.pk},
    "credits:decide": lambda w: {"pk": w.credit_application.pk},
    "accounts:token_revoke": lambda w: {"pk": w.token.pk},
    "orgs:detail": lambda w: {"pk": w.industry.pk},
    "sites:detail": lambda w: {"pk": w.site.pk},
    "sites:edit": lambda w: {"pk": w.site.pk},
    "sites:calendar": lambda w: {"pk": w.site.pk},
    "sites:cancel": lambda w: {"pk": w.site.pk, "booking_pk": w.booking.pk},
    "case_manage:rename": lambda w: {"pk": w.case.pk},
    "case_manage:merge": lambda w: {"pk": w.case.pk},
    "case_manage:unmerge": lambda w: {"pk": w.case.pk},
    "case_manage:state": lambda w: {"pk": w.case.pk},
    "case_manage:agencies": lambda w: {"pk": w.case.pk},
    "case_manage:deadline": lambda w: {"pk": w.case.pk},
    "case_manage:split": lambda w: {"pk": w.case.pk, "decision_pk": w.decision.pk},
    "case_manage:corrections": lambda w: {"pk": w.meeting.pk},
    "case_manage:add_decision": lambda w: {"pk": w.meeting.pk},
    "case_manage:case_options": lambda w: {"pk": w.meeting.pk},
    "case_manage:correct_decision": lambda w: {"pk": w.decision.pk},
    "imports:retry": lambda w: {"pk": w.draft.pk},
    "kpis:scope": lambda w: {"pk": w.kpi_scope.pk},
    "kpis:definition": lambda w: {"identifier": "context.population"},
    "kpis:upload_preview": lambda w: {"pk": w.value_upload.pk},
    "kpis:export": lambda w: {"pk": w.kpi_scope.pk, "fmt": "json"},
    "kpis:import": lambda w: {"pk": w.exchange.pk},
    "kpis:settle_conflict": lambda w: {"pk": w.conflict.pk},
    "kpis:kpi": lambda w: {"identifier": "context.population", "pk": w.kpi_scope.pk},
    "reports:catalogue_kpi_chart": lambda w: {
        "identifier": "context.population",
        "pk": w.kpi_scope.pk,
    },
    "tracking:case": lambda w: {"pk": w.case.pk},
    "tracking:agency": lambda w: {"pk": w.industry.pk},
    "tracking:review_answer": lambda w: {"pk": w.link.pk},
    "meetings:body": lambda w: {"pk": w.body.pk},
    "meetings:meeting": lambda w: {"pk": w.meeting.pk},
    "meetings:body_edit": lambda w: {"pk": w.body.pk},
    "meetings:staff": lambda w: {"pk": w.body.pk},
    "meetings:staff_invite": lambda w: {"pk": w.body.pk},
    "meetings:staff_remove": lambda w: {"pk": w.body.pk, "membership_pk": _spare_member(w).pk},
    "meetings:invitation_resend": lambda w: {"pk": w.body.pk, "invitation_pk": _invitation(w).pk},
    "meetings:invitation_cancel": lambda w: {"pk": w.body.pk, "invitation_pk": _invitation(w).pk},
    "accounts:invitation": lambda w: {"token": _invitation_token(w)},
    "work:assignment": lambda w: {"pk": w.assignment.pk},
    "work:deadline": lambda w: {"pk": w.assignment.pk},
    "work:in_charge": lambda w: {"pk": w.assignment.pk},
    "work:review": lambda w: {"pk": w.report.pk},
    "work:report_edit": lambda w: {"pk": w.report.pk},
    "work:report_withdraw": lambda w: {"pk": w.report.pk},
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
    "tracking:list_file": lambda w: {"fmt": "xlsx"},
    "orgs:list_file": lambda w: {"fmt": "csv"},
    "needs:list_file": lambda w: {"fmt": "ods"},
    "proposals:list_file": lambda w: {"fmt": "xlsx"},
    "trials:list_file": lambda w: {"fmt": "csv"},
    "work:plate_file": lambda w: {"fmt": "ods"},
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
    "imports:cancel": lambda w: {"pk": w.draft.pk},
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


def _spare_member(w):
    """A reviewer of the body kept for removing: made again whenever one was removed."""
    from django.contrib.auth import get_user_model

    from livinglab.orgs.models import Membership

    person, _ = get_user_model().objects.get_or_create(username="spare_reviewer")
    return Membership.objects.get_or_create(user=person, role="reviewer", body=w.body)[0]


def _invitation(w):
    """An invitation to the body's staff, waiting (of the staff page and the invitations API)."""
    from django.utils import timezone

    from livinglab.accounts.models import Invitation

    invitation, _ = Invitation.objects.get_or_create(
        email="invitee@example.org",
        body=w.body,
        defaults={
            "role": "reviewer",
            "invited_by": w.users["secretary"],
            "nonce": "0123456789abcdef",
            "sent_at": timezone.now(),
            "expires_at": timezone.now() + timezone.timedelta(days=7),
        },
    )
    return invitation


def _invitation_token(w):
    from livinglab.accounts.invitations import token_for

    return token_for(_invitation(w))


# API path parameters, by name.
API_ARGS = {
    "account_id": lambda w: w.credit_account.pk,
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
    "identifier": lambda w: "context.population",
    "import_id": lambda w: w.draft.pk,
    "report_id": lambda w: w.report.pk,
    "scope_id": lambda w: w.kpi_scope.pk,
    "application_id": lambda w: w.sandbox_application.pk,
    "consent_id": lambda w: w.sandbox_consent.pk,
    "permit_id": lambda w: w.permit.pk,
    "membership_id": lambda w: _spare_member(w).pk,
    "invitation_id": lambda w: _invitation(w).pk,
    "meeting_index": lambda w: 0,
    "item_index": lambda w: 0,
}

# Path parameters whose name means another object on some paths, by path.
API_PATH_ARGS = {
    "/api/assignments/{assignment_id}": {"assignment_id": lambda w: w.assignment.pk},
    "/api/assignments/{assignment_id}/reports": {"assignment_id": lambda w: w.assignment.pk},
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
    "GET /api/kpis/rollup": "?kpi=context.population&scope=budget-room&year=2024",
    "GET /api/organisations/resolve": "?name=產業局",
}


def _today():
    from django.utils import timezone

    return timezone.localdate()


API_BODIES = {
    "POST /api/sandbox/applications": lambda w: {
        "trial_id": w.trial.pk,
        "site_id": w.site.pk,
        "rules": "機房消防規則放寬",
        "starts_on": _today().isoformat(),
        "ends_on": _today().isoformat(),
        "safety_plan": "值班人員在場",
        "insurance": "公共意外責任險",
        "agency_ids": [w.industry.pk],
    },
    "POST /api/sandbox/consents/{consent_id}": lambda w: {"decision": "consent"},
    "POST /api/sandbox/permits/{permit_id}/changes": lambda w: {
        "change": "suspended",
        "reason": "查核",
    },
    "POST /api/sandbox/permits/{permit_id}/incidents": lambda w: {
        "occurred_at": "2024-01-01T08:00:00+08:00",
        "severity": "minor",
        "description": "警報誤響",
        "measures": "重設警報",
    },
    "POST /api/kpis/values": lambda w: {
        "kpi": "context.population",
        "scope": "budget-room",
        "period": "2025",
        "value": 14,
    },
    "POST /api/assignments/{assignment_id}/reports": lambda w: {"text": "機房巡檢完成"},
    "POST /api/cases/{case_id}/merge": lambda w: {"sources": [w.case2.pk]},
    "POST /api/cases/{case_id}/rename": lambda w: {"title": "資訊機房汰換及備援案"},
    "POST /api/links/{link_id}/review": lambda w: {"accept": True},
    "POST /api/links/{link_id}/split": lambda w: {"title": "另立新案"},
    "POST /api/organisations/{org_id}/aliases": lambda w: {"name": "產業處"},
    "POST /api/progress-reports/{report_id}/review": lambda w: {"accept": True},
    "PATCH /api/progress-reports/{report_id}": lambda w: {"percent_complete": 30},
    "POST /api/bodies": lambda w: {"name": "數位轉型工作小組"},
    "PATCH /api/bodies/{body_id}": lambda w: {"description": "年度預算審查"},
    "POST /api/bodies/{body_id}/staff": lambda w: {"person": "proposer", "role": "reviewer"},
    "POST /api/bodies/{body_id}/invitations": lambda w: {
        "email": "new.reviewer@example.org",
        "role": "reviewer",
    },
    "POST /api/imports/{import_id}/draft/meetings/{meeting_index}/items": lambda w: {
        "text": "臨時動議：請產業局研議。"
    },
    "PATCH /api/imports/{import_id}/draft/meetings/{meeting_index}/items/{item_index}": (
        lambda w: {"pending": "待府級會議"}
    ),
    "POST /api/imports/{import_id}/draft/meetings": lambda w: {"title": "內部預算審查會臨時會"},
    "PATCH /api/imports/{import_id}/draft/meetings/{meeting_index}": lambda w: {
        "chair": "張副局長"
    },
    # The world's draft has one meeting of one item: the secretariat may split it or
    # join it to the next, and is refused (400) since there is no place to.
    "POST /api/imports/{import_id}/draft/meetings/{meeting_index}/split": lambda w: {
        "item_index": 1
    },
    "POST /api/progress-reports/{report_id}/withdraw": lambda w: {"reason": "重新填報"},
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
