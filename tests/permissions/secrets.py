"""Words only some roles may read: each is the name or text of one object of the
non-public body, with the roles allowed to see it."""

INSIDERS = {"reviewer", "officer", "secretary", "staff"}  # those the body's registry is open to
TRIAL = "機房冷卻最佳化"  # the planned trial (also its case's title, in the body's registry)

SECRETS = {
    "資訊機房汰換預算案": INSIDERS,  # the case
    "機房門禁升級案": INSIDERS,  # the second case
    "內部預算審查會第1次會議": INSIDERS,  # the meeting
    "請產業局續辦": INSIDERS,  # the decision
    "已完成需求訪談": {"officer", "secretary", "staff"},  # the progress report
    "備援電源採購案": {"secretary", "staff"},  # the draft import's item
    "機房能耗監測": {"proposer", "reviewer", "secretary", "staff"},  # the proposal
    TRIAL: {"proposer", "reviewer", "officer", "secretary", "staff"},
    "路口壅塞即時調控": {"officer", "secretary", "other_secretary", "staff"},  # the draft need
    "年度檢修": {"officer", "secretary", "other_secretary", "staff"},  # the site's booking
    "報表同步": {"secretary", "staff"},  # the secretary's API token
    "機房算力專案核配": {"proposer", "secretary", "staff"},  # the company's credit grant
    # The sandbox: applications are read by the team, the agencies asked and the body's
    # secretariat; an incident report by the same.
    "機房消防規則放寬": {"proposer", "officer", "secretary", "staff"},
    "冷卻液外洩": {"proposer", "officer", "secretary", "staff"},
}

# Sightings decided to be right, with the reason. The secretariat of any body manages
# every field site (sites/policies.py), and a site's bookings say what holds the site:
# a trial's booking carries its title, so the planned trial is named to them there. It
# becomes public anyway once it runs.
ALLOWED = {
    ("other_secretary", TRIAL, "sites:calendar"),
    ("other_secretary", TRIAL, "GET /api/sites/{site_id}/bookings"),
}


def leaked(role: str, text: str, where: str) -> list[str]:
    return [
        word
        for word, allowed in SECRETS.items()
        if role not in allowed and word in text and (role, word, where) not in ALLOWED
    ]
