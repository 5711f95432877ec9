"""Who may do what with compute credits.

- The programme's body's secretariat (and admins) run the programme: allocation runs,
  usage statements, adjustments, every team's statement.
- A team's proposers see their own team's balance and statement, nothing of others.
- Everyone, signed in or not, sees each programme's totals and its totals per domain.
- A team's proposers apply with their proposals and may withdraw their applications;
  the secretariat accepts or withdraws them.
"""

from livinglab.core.access import policy
from livinglab.credits.models import Account, Application, Programme, Statement
from livinglab.orgs.roles import roles_of

RUN = {"allocate", "import_usage", "adjust", "manage", "view_accounts"}


def runs(user, programme: Programme) -> bool:
    roles = roles_of(user)
    return roles.is_admin or programme.body_id in roles.secretariat_body_ids


@policy(Programme)
def programme_policy(user, action: str, programme: Programme) -> bool:
    if action == "view":
        return True
    return action in RUN and runs(user, programme)


@policy(Account)
def account_policy(user, action: str, account: Account) -> bool:
    if action != "view":
        return False
    if runs(user, account.programme):
        return True
    return account.kind == Account.Kind.TEAM and (
        account.organisation_id in roles_of(user).proposer_org_ids
    )


@policy(Statement)
def statement_policy(user, action: str, statement: Statement) -> bool:
    return action in {"view", "apply"} and runs(user, statement.programme)


@policy(Application)
def application_policy(user, action: str, application: Application) -> bool:
    if action == "view":
        return True  # reaching it already went through Application.objects.visible_to
    if runs(user, application.programme):
        return action in {"accept", "withdraw"}
    own = application.proposal.organisation_id in roles_of(user).proposer_org_ids
    return action == "withdraw" and own
