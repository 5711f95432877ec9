"""What each role gets from every page and API operation about the non-public body.

One row per URL name and method, one column per role (see world.py): anon(ymous),
prop(oser), oprop (other proposer), rev(ie)w(er), offi(cer), ooffi (other officer),
secr(etary of the body), osecr (secretary of another body), staff. A status is what
the server must answer: 200 a page or file, 201 created, 302 a redirect (to sign in for
an anonymous visitor, else to where the action leads), 400/422 a form or body refused
(the role may act; what was sent was not enough), 403 the object is visible but the act
is not the role's, 404 the role may not know the object exists, 405 wrong method,
401 the API wants someone signed in.

A URL pattern or API operation that is added without a row here fails
test_every_url_has_a_row / test_every_api_operation_has_a_row: decide who may use it,
then add the row.
"""

from tests.permissions.world import ROLES


def _table(text: str, columns_before: int) -> dict[tuple[str, str], tuple[int, ...]]:
    rows = {}
    for line in text.strip().splitlines()[1:]:
        words = line.split()
        key, codes = tuple(words[:columns_before]), words[columns_before:]
        assert len(codes) == len(ROLES), f"{key}: {len(codes)} statuses for {len(ROLES)} roles"
        assert key not in rows, f"{key} twice in the matrix"
        rows[key] = tuple(int(code) for code in codes)
    return rows


# fmt: off
PAGES = _table("""
                                       anon  prop  oprop revw  offi  ooffi secr  osecr staff
accounts:invitation              GET   200   200   200   200   200   200   200   200   200
accounts:invitation              POST  200   200   200   200   200   200   200   200   200
accounts:login                   GET   200   302   302   302   302   302   302   302   302
accounts:login                   POST  200   302   302   302   302   302   302   302   302
accounts:logout                  POST  302   302   302   302   302   302   302   302   302
accounts:token_revoke            POST  302   404   404   404   404   404   302   404   302
accounts:tokens                  GET   302   200   200   200   200   200   200   200   200
accounts:tokens                  POST  302   200   200   200   200   200   200   200   200
api:api-root                     GET   404   404   404   404   404   404   404   404   404
api:openapi-json                 GET   200   200   200   200   200   200   200   200   200
api:openapi-view                 GET   200   200   200   200   200   200   200   200   200
case_manage:add_decision         POST  404   404   404   403   403   404   400   404   400
case_manage:case_options         GET   404   404   404   403   403   404   200   404   200
case_manage:correct_decision     POST  404   404   404   403   403   404   302   404   302
case_manage:corrections          GET   404   404   404   403   403   404   200   404   200
case_manage:merge                GET   404   404   404   403   403   404   200   404   200
case_manage:merge                POST  404   404   404   403   403   404   200   404   200
case_manage:rename               GET   404   404   404   403   403   404   200   404   200
case_manage:rename               POST  404   404   404   403   403   404   200   404   200
case_manage:split                GET   404   404   404   403   403   404   200   404   200
case_manage:split                POST  404   404   404   403   403   404   200   404   200
case_manage:state                GET   404   404   404   403   403   404   200   404   200
case_manage:state                POST  404   404   404   403   403   404   200   404   200
case_manage:agencies             GET   404   404   404   403   403   404   200   404   200
case_manage:agencies             POST  404   404   404   403   403   404   200   404   200
case_manage:deadline             GET   404   404   404   403   403   404   200   404   200
case_manage:deadline             POST  404   404   404   403   403   404   200   404   200
case_manage:unmerge              GET   404   404   404   403   403   404   200   404   200
case_manage:unmerge              POST  404   404   404   403   403   404   302   404   302
ckan                             GET   200   200   200   200   200   200   200   200   200
core:home                        GET   200   200   200   200   200   200   200   200   200
credits:account                  GET   302   200   404   404   404   404   200   404   200
credits:account_export           GET   302   200   404   404   404   404   200   404   200
credits:applications             GET   302   200   200   200   200   200   200   200   200
credits:apply                    GET   302   200   200   403   403   403   403   403   403
credits:apply                    POST  302   400   400   403   403   403   403   403   403
credits:decide                   POST  302   400   404   404   404   404   400   404   400
credits:edit                     GET   302   403   403   403   403   403   200   403   200
credits:edit                     POST  302   403   403   403   403   403   400   403   400
credits:new                      GET   302   403   403   403   403   403   200   200   200
credits:new                      POST  302   403   403   403   403   403   400   400   400
credits:allocate                 GET   302   403   403   403   403   403   200   403   200
credits:allocate                 POST  302   403   403   403   403   403   302   403   302
credits:burn                     GET   200   200   200   200   200   200   200   200   200
credits:list                     GET   200   200   200   200   200   200   200   200   200
credits:programme                GET   200   200   200   200   200   200   200   200   200
credits:statement                GET   302   404   404   404   404   404   200   404   200
credits:statement                POST  302   404   404   404   404   404   302   404   302
credits:upload                   GET   302   403   403   403   403   403   200   403   200
credits:upload                   POST  302   403   403   403   403   403   400   403   400
favicon.ico                      GET   301   301   301   301   301   301   301   301   301
imports:discard                  POST  302   404   404   404   404   404   302   404   302
imports:cancel                   POST  302   404   404   404   404   404   302   404   302
imports:draft                    GET   302   404   404   404   404   404   200   404   200
imports:draft                    POST  302   404   404   404   404   404   400   404   400
imports:item                     POST  302   404   404   404   404   404   302   404   302
imports:progress                 GET   302   404   404   404   404   404   302   404   302
imports:read_again               POST  302   404   404   404   404   404   302   404   302
imports:retry                    POST  302   404   404   404   404   404   302   404   302
imports:upload                   GET   302   404   404   403   403   404   200   404   200
imports:upload                   POST  302   404   404   403   403   404   400   404   400
kpis:catalogue                   GET   200   200   200   200   200   200   200   200   200
kpis:definition                  GET   200   200   200   200   200   200   200   200   200
kpis:kpi                         GET   404   404   404   200   200   404   200   404   200
kpis:scope                       GET   404   404   404   200   200   404   200   404   200
kpis:export                      GET   404   404   404   200   200   404   200   404   200
kpis:import                      GET   302   404   404   404   404   404   200   200   200
kpis:import                      POST  302   404   404   404   404   404   302   302   302
kpis:imports                     GET   302   403   403   403   403   403   200   200   200
kpis:imports                     POST  302   403   403   403   403   403   200   200   200
kpis:settle_conflict             POST  302   404   404   404   404   404   302   302   302
kpis:upload                      GET   302   200   200   200   200   200   200   200   200
kpis:upload                      POST  302   200   200   200   200   200   200   200   200
kpis:upload_preview              GET   302   404   404   404   200   404   404   404   404
kpis:upload_preview              POST  302   404   404   404   302   404   404   404   404
meetings:bodies                  GET   200   200   200   200   200   200   200   200   200
meetings:body                    GET   404   404   404   200   200   404   200   404   200
meetings:body_edit               GET   302   404   404   403   403   404   200   404   200
meetings:body_edit               POST  302   404   404   403   403   404   200   404   200
meetings:body_new                GET   302   403   403   403   403   403   200   200   200
meetings:body_new                POST  302   403   403   403   403   403   200   200   200
meetings:invitation_cancel       POST  302   404   404   403   403   404   302   404   302
meetings:invitation_resend       POST  302   404   404   403   403   404   302   404   302
meetings:meeting                 GET   404   404   404   200   200   404   200   404   200
meetings:member_picker           GET   302   403   403   403   403   403   200   200   200
meetings:staff                   GET   302   404   404   403   403   404   200   404   200
meetings:staff                   POST  302   404   404   403   403   404   200   404   200
meetings:staff_invite            POST  302   404   404   403   403   404   200   404   200
meetings:staff_remove            POST  302   404   404   403   403   404   302   404   302
needs:call                       GET   200   200   200   200   200   200   200   200   200
needs:call_edit                  GET   302   403   403   403   403   403   200   403   200
needs:call_edit                  POST  302   403   403   403   403   403   200   403   200
needs:call_new                   GET   302   403   403   403   403   403   200   200   200
needs:call_new                   POST  302   403   403   403   403   403   200   200   200
needs:calls                      GET   200   200   200   200   200   200   200   200   200
needs:list                       GET   200   200   200   200   200   200   200   200   200
needs:list_file                  GET   200   200   200   200   200   200   200   200   200
needs:need                       GET   404   404   404   404   200   404   200   200   200
needs:need_edit                  GET   302   404   404   404   200   404   200   200   200
needs:need_edit                  POST  302   404   404   404   200   404   200   200   200
needs:need_new                   GET   302   403   403   403   200   200   200   200   200
needs:need_new                   POST  302   403   403   403   200   200   200   200   200
needs:need_status                POST  302   404   404   404   302   404   302   302   302
needs:rubric                     GET   302   403   403   403   403   403   200   403   200
needs:rubric                     POST  302   403   403   403   403   403   200   403   200
opendata:catalogue               GET   200   200   200   200   200   200   200   200   200
opendata:dataset                 GET   200   200   200   200   200   200   200   200   200
opendata:decisions_feed          GET   404   404   404   404   404   404   404   404   404
opendata:download                GET   200   200   200   200   200   200   200   200   200
opendata:index                   GET   200   200   200   200   200   200   200   200   200
opendata:kpis                    GET   200   200   200   200   200   200   200   200   200
orgs:detail                      GET   200   200   200   200   200   200   200   200   200
orgs:list                        GET   200   200   200   200   200   200   200   200   200
orgs:list_file                   GET   200   200   200   200   200   200   200   200   200
proposals:attachment             GET   302   200   404   200   404   404   200   404   200
proposals:attachment_delete      POST  302   302   404   403   404   404   403   404   403
proposals:desk                   GET   302   200   200   200   200   200   200   200   200
proposals:detail                 GET   302   200   404   200   404   404   200   404   200
proposals:edit                   GET   302   302   404   403   404   404   403   404   403
proposals:edit                   POST  302   302   404   403   404   404   403   404   403
proposals:join_decide            POST  302   302   403   404   404   404   404   404   302
proposals:list                   GET   302   200   200   200   200   200   200   200   200
proposals:list_file              GET   302   200   200   200   200   200   200   200   200
proposals:new                    GET   302   404   404   302   302   302   302   302   302
proposals:new                    POST  302   404   404   302   302   302   302   302   302
proposals:search                 GET   302   200   200   200   200   200   200   200   200
proposals:signup                 GET   200   200   200   200   200   200   200   200   200
proposals:signup                 POST  200   200   200   200   200   200   200   200   200
proposals:submit                 POST  302   302   404   403   404   404   403   404   403
proposals:withdraw               POST  302   302   404   403   404   404   403   404   403
reports:agency_chart             GET   302   403   403   403   200   403   200   200   200
reports:agency_dashboard         GET   302   403   403   403   200   403   200   200   200
reports:agency_dashboard_file    GET   302   403   403   403   200   403   200   200   200
reports:agenda                   GET   302   404   404   403   403   404   200   404   200
reports:agenda_file              GET   302   404   404   403   403   404   200   404   200
reports:catalogue_kpi_chart      GET   404   404   404   200   200   404   200   404   200
reports:chart                    GET   302   404   404   403   403   404   200   404   200
reports:dashboard                GET   302   404   404   403   403   404   200   404   200
reports:dashboard_file           GET   302   404   404   403   403   404   200   404   200
reports:dashboards               GET   302   403   403   403   200   200   200   200   200
reports:platform_chart           GET   302   403   403   403   403   403   200   200   200
reports:platform_dashboard       GET   302   403   403   403   403   403   200   200   200
reports:platform_dashboard_file  GET   302   403   403   403   403   403   200   200   200
reports:table                    GET   302   404   404   403   403   404   200   404   200
reports:table_file               GET   302   404   404   403   403   404   200   404   200
reports:tables                   GET   302   403   403   403   403   403   200   200   200
reports:trial_kpi_chart          GET   404   200   404   404   200   404   200   404   200
reviews:assign                   POST  302   403   404   403   404   404   302   404   302
reviews:assignment               GET   302   404   404   200   404   404   302   404   302
reviews:call                     GET   302   403   403   403   403   403   200   403   200
reviews:decide                   GET   302   403   404   403   404   404   302   404   302
reviews:decide                   POST  302   403   404   403   404   404   400   404   400
reviews:declare                  POST  302   404   404   302   404   404   403   404   403
reviews:due                      GET   302   200   200   200   200   200   200   200   200
reviews:expertise                GET   302   403   403   200   403   403   403   403   403
reviews:expertise                POST  302   403   403   200   403   403   403   403   403
reviews:export                   GET   302   403   403   403   403   403   200   403   200
reviews:move                     POST  302   404   404   403   404   404   403   404   403
reviews:proposal                 GET   302   403   404   403   404   404   200   404   200
reviews:save                     POST  302   404   404   403   404   404   403   404   403
set_language                     GET   302   302   302   302   302   302   302   302   302
sandbox:application              GET   302   200   404   404   200   404   200   404   200
sandbox:apply                    GET   302   200   404   404   403   404   200   404   200
sandbox:apply                    POST  302   400   404   404   403   404   400   404   400
sandbox:attach                   POST  302   400   404   404   403   404   400   404   400
sandbox:attachment               GET   302   200   404   404   200   404   200   404   200
sandbox:change                   POST  302   403   404   404   403   404   400   404   400
sandbox:condition_met            POST  302   302   404   404   403   404   403   404   302
sandbox:consent                  GET   302   403   404   404   200   404   403   404   403
sandbox:consent                  POST  302   403   404   404   400   404   403   404   403
sandbox:grant                    POST  302   403   404   404   403   404   400   404   400
sandbox:incident                 POST  302   400   404   404   403   404   403   404   400
sandbox:mine                     GET   302   200   200   200   200   200   200   200   200
sandbox:permit                   GET   302   200   404   404   200   404   200   404   200
sandbox:public                   GET   200   200   200   200   200   200   200   200   200
sandbox:queue                    GET   302   200   200   200   200   200   200   200   200
sandbox:withdraw                 POST  302   302   404   404   403   404   302   404   302
sites:calendar                   GET   404   404   404   404   200   404   200   200   200
sites:calendar                   POST  404   404   404   404   200   404   200   200   200
sites:cancel                     POST  302   404   404   404   302   404   302   302   302
sites:create                     GET   302   403   403   403   200   200   200   200   200
sites:create                     POST  302   403   403   403   200   200   200   200   200
sites:detail                     GET   404   404   404   404   200   404   200   200   200
sites:edit                       GET   302   404   404   404   200   404   200   200   200
sites:edit                       POST  302   404   404   404   200   404   200   200   200
sites:list                       GET   200   200   200   200   200   200   200   200   200
sites:map                        GET   200   200   200   200   200   200   200   200   200
tracking:agency                  GET   200   200   200   200   200   200   200   200   200
tracking:case                    GET   404   404   404   200   200   404   200   404   200
tracking:list                    GET   200   200   200   200   200   200   200   200   200
tracking:list_file               GET   200   200   200   200   200   200   200   200   200
tracking:review                  GET   302   403   403   403   403   403   200   200   200
tracking:review_answer           POST  302   404   404   404   404   404   302   404   302
trials:add_kpi                   POST  302   403   404   404   403   404   400   404   400
trials:add_measurement           POST  302   400   404   404   403   404   403   404   400
trials:add_milestone             POST  302   403   404   404   403   404   400   404   400
trials:candidates                GET   302   403   403   403   403   403   200   200   200
trials:complete_milestone        POST  302   302   404   404   403   404   302   404   302
trials:detail                    GET   404   200   404   404   200   404   200   404   200
trials:funnel                    GET   200   200   200   200   200   200   200   200   200
trials:list                      GET   200   200   200   200   200   200   200   200   200
trials:list_file                 GET   200   200   200   200   200   200   200   200   200
trials:register_file             GET   200   200   200   200   200   200   200   200   200
trials:start                     GET   302   403   403   403   403   403   404   404   404
trials:start                     POST  302   403   403   403   403   403   404   404   404
trials:status                    POST  302   403   404   404   403   404   400   404   400
trials:upload                    POST  302   400   404   404   403   404   403   404   400
work:assignment                  GET   302   403   403   403   200   404   200   404   200
work:assignment                  POST  302   403   403   403   200   404   200   404   200
work:attachment                  GET   302   404   404   404   200   404   200   404   200
work:bell                        GET   200   200   200   200   200   200   200   200   200
work:bulk                        GET   302   404   404   403   403   404   200   404   200
work:bulk                        POST  302   404   404   403   403   404   200   404   200
work:bulk_download               GET   302   404   404   403   403   404   200   404   200
work:bulk_preview                GET   302   404   404   404   404   404   200   404   200
work:bulk_preview                POST  302   404   404   404   404   404   302   404   302
work:deadline                    POST  302   404   404   404   403   404   302   404   302
work:in_charge                   POST  302   404   404   404   400   404   400   404   400
work:notification_open           POST  302   404   404   404   302   404   404   404   404
work:notifications               GET   302   200   200   200   200   200   200   200   200
work:notifications               POST  302   302   302   302   302   302   302   302   302
work:plate                       GET   302   403   403   403   200   200   200   200   200
work:plate_file                  GET   302   403   403   403   200   200   200   200   200
work:preferences                 GET   302   403   403   403   200   200   200   200   200
work:preferences                 POST  302   403   403   403   200   200   200   200   200
work:report_edit                 GET   302   404   404   404   200   404   403   404   403
work:report_edit                 POST  302   404   404   404   200   404   403   404   403
work:report_withdraw             POST  302   404   404   404   302   404   403   404   403
work:review                      POST  302   404   404   404   403   404   302   404   302
work:reviews                     GET   302   403   403   403   403   403   200   200   200
""", 2)

API = _table("""
                                                          anon  prop  oprop revw  offi  ooffi secr  osecr staff
/api/assignments                                   GET    401   200   200   200   200   200   200   200   200
/api/assignments/{assignment_id}                   GET    401   404   404   404   200   404   200   404   200
/api/bodies                                        GET    200   200   200   200   200   200   200   200   200
/api/bodies/{body_id}                              GET    404   404   404   200   200   404   200   404   200
/api/bodies/{body_id}/imports                      GET    401   404   404   403   403   404   200   404   200
/api/bodies/{body_id}/invitations                  GET    401   404   404   403   403   404   200   404   200
/api/bodies/{body_id}/settings                     GET    401   404   404   403   403   404   200   404   200
/api/bodies/{body_id}/staff                        GET    401   404   404   403   403   404   200   404   200
/api/imports/{import_id}                           GET    401   404   404   404   404   404   200   404   200
/api/imports/{import_id}/draft                     GET    401   404   404   404   404   404   200   404   200
/api/imports/{import_id}/draft/meetings/{meeting_index}/items/{item_index} GET  401 404 404 404 404 404 200 404 200
/api/credits/accounts/{account_id}                 GET    404   200   404   404   404   404   200   404   200
/api/credits/programmes                            GET    200   200   200   200   200   200   200   200   200
/api/calls                                         GET    200   200   200   200   200   200   200   200   200
/api/calls/{call_id}                               GET    200   200   200   200   200   200   200   200   200
/api/bodies/{body_id}/tracking-table               GET    401   404   404   403   403   404   200   404   200
/api/capabilities                                  GET    200   200   200   200   200   200   200   200   200
/api/cases                                         GET    200   200   200   200   200   200   200   200   200
/api/cases/{case_id}                               GET    404   404   404   200   200   404   200   404   200
/api/domains                                       GET    200   200   200   200   200   200   200   200   200
/api/kpis/definitions                              GET    200   200   200   200   200   200   200   200   200
/api/kpis/definitions/{identifier}                 GET    200   200   200   200   200   200   200   200   200
/api/kpis/imports                                  POST   401   403   403   403   403   403   400   400   400
/api/kpis/rollup                                   GET    200   200   200   200   200   200   200   200   200
/api/kpis/scopes/{scope_id}/export                 GET    404   404   404   200   200   404   200   404   200
/api/kpis/values                                   POST   401   403   403   403   201   403   403   403   201
/api/meetings/{meeting_id}                         GET    404   404   404   200   200   404   200   404   200
/api/needs                                         GET    200   200   200   200   200   200   200   200   200
/api/needs/{need_id}                               GET    404   404   404   404   200   404   200   200   200
/api/notifications                                 GET    401   200   200   200   200   200   200   200   200
/api/organisations                                 GET    200   200   200   200   200   200   200   200   200
/api/organisations/resolve                         GET    404   404   404   404   404   404   404   404   404
/api/organisations/{org_id}                        GET    200   200   200   200   200   200   200   200   200
/api/progress-reports                              GET    401   200   200   200   200   200   200   200   200
/api/progress-reports/{report_id}                  GET    401   404   404   404   200   404   200   404   200
/api/proposals                                     GET    401   200   200   200   200   200   200   200   200
/api/proposals/{proposal_id}                       GET    401   200   404   200   404   404   200   404   200
/api/review-queue                                  GET    401   200   200   200   200   200   200   200   200
/api/reviews/assignments                           GET    401   200   200   200   200   200   200   200   200
/api/reviews/assignments/{assignment_id}           GET    401   404   404   200   404   404   404   404   404
/api/reviews/calls/{call_id}/ranking               GET    401   403   403   403   403   403   200   403   200
/api/sites                                         GET    200   200   200   200   200   200   200   200   200
/api/sites/geojson                                 GET    200   200   200   200   200   200   200   200   200
/api/sites/{site_id}                               GET    404   404   404   404   200   404   200   200   200
/api/sites/{site_id}/bookings                      GET    401   404   404   404   200   404   200   200   200
/api/trials                                        GET    200   200   200   200   200   200   200   200   200
/api/trials/{trial_id}                             GET    404   200   404   404   200   404   200   404   200
/api/trials/{trial_id}/kpis                        GET    404   200   404   404   200   404   200   404   200
/api/trials/{trial_id}/kpis/{kpi_id}/measurements  GET    404   200   404   404   200   404   200   404   200
/api/proposals/{proposal_id}                       PATCH  401   400   404   403   404   404   403   404   403
/api/progress-reports/{report_id}                  PATCH  401   404   404   404   200   404   403   404   403
/api/bodies/{body_id}/imports                      POST   401   404   404   403   403   404   400   404   400
/api/bodies                                        POST   401   403   403   403   403   403   201   201   201
/api/bodies/{body_id}                              PATCH  401   404   404   403   403   404   200   404   200
/api/bodies/{body_id}/staff                        POST   401   404   404   403   403   404   201   404   201
/api/bodies/{body_id}/staff/{membership_id}        DELETE 401   404   404   403   403   404   200   404   200
/api/bodies/{body_id}/invitations                  POST   401   404   404   403   403   404   201   404   201
/api/bodies/{body_id}/invitations/{invitation_id}  DELETE 401   404   404   403   403   404   200   404   200
/api/bodies/{body_id}/invitations/{invitation_id}/resend POST 401 404 404 403 403 404 200 404 200
/api/imports/{import_id}/confirm                   POST   401   404   404   404   404   404   200   404   200
/api/imports/{import_id}/draft/meetings/{meeting_index}/items POST  401 404 404 404 404 404 201 404 201
/api/imports/{import_id}/draft/meetings/{meeting_index}/items/{item_index} PATCH  401 404 404 404 404 404 200 404 200
/api/imports/{import_id}/draft/meetings/{meeting_index}/items/{item_index} DELETE  401 404 404 404 404 404 200 404 200
/api/imports/{import_id}/draft/meetings               POST   401   404   404   404   404   404   201   404   201
/api/imports/{import_id}/draft/meetings/{meeting_index} PATCH 401  404   404   404   404   404   200   404   200
/api/imports/{import_id}/draft/meetings/{meeting_index} DELETE 401 404   404   404   404   404   200   404   200
/api/imports/{import_id}/draft/meetings/{meeting_index}/split POST 401 404 404 404 404  404   400   404   400
/api/imports/{import_id}/draft/meetings/{meeting_index}/join POST 401 404 404 404 404   404   400   404   400
/api/assignments/{assignment_id}/reports           POST   401   404   404   404   201   404   403   404   403
/api/imports/{import_id}/discard                   POST   401   404   404   404   404   404   200   404   200
/api/imports/{import_id}/retry                     POST   401   404   404   404   404   404   400   404   400
/api/cases/{case_id}/merge                         POST   401   404   404   403   403   404   200   404   200
/api/cases/{case_id}/rename                        POST   401   404   404   403   403   404   200   404   200
/api/cases/{case_id}/unmerge                       POST   401   404   404   403   403   404   400   404   400
/api/links/{link_id}/review                        POST   401   404   404   404   404   404   200   404   200
/api/links/{link_id}/split                         POST   401   404   404   404   404   404   200   404   200
/api/notifications/read                            POST   401   200   200   200   200   200   200   200   200
/api/progress-reports/{report_id}/review           POST   401   404   404   404   403   404   200   404   200
/api/progress-reports/{report_id}/withdraw         POST   401   404   404   404   200   404   403   404   403
/api/organisations/{org_id}/aliases                POST   401   403   403   403   403   403   201   201   201
/api/proposals                                     POST   401   201   201   400   400   400   400   400   400
/api/proposals/{proposal_id}/submit                POST   401   400   404   403   404   404   403   404   403
/api/proposals/{proposal_id}/withdraw              POST   401   200   404   403   404   404   403   404   403
/api/reviews/assignments/{assignment_id}/declare   POST   401   404   404   200   404   404   404   404   404
/api/sandbox/applications                          GET    401   200   200   200   200   200   200   200   200
/api/sandbox/applications/{application_id}         GET    401   200   404   404   200   404   200   404   200
/api/sandbox/permits                               GET    200   200   200   200   200   200   200   200   200
/api/sandbox/permits/{permit_id}                   GET    401   200   404   404   200   404   200   404   200
/api/sandbox/applications                          POST   401   201   404   404   403   404   201   404   201
/api/sandbox/applications/{application_id}/permit  POST   401   403   404   404   403   404   400   404   400
/api/sandbox/consents/{consent_id}                 POST   401   403   404   404   200   404   403   404   403
/api/sandbox/permits/{permit_id}/changes           POST   401   403   404   404   403   404   200   404   200
/api/sandbox/permits/{permit_id}/incidents         POST   401   201   404   404   403   404   403   404   201
/api/reviews/assignments/{assignment_id}/review    POST   401   404   404   403   404   404   404   404   404
/api/sites/{site_id}/bookings                      POST   401   404   404   404   201   404   201   201   201
/api/trials/{trial_id}/kpis/{kpi_id}/measurements  POST   401   201   404   404   403   404   403   404   201
/api/trials/{trial_id}/status                      POST   401   403   404   404   403   404   200   404   200
""", 2)
# fmt: on

# Django's admin site: every one of its URLs is for staff; the others are sent to sign in.
ADMIN_PROBES = ("admin:index", "admin:tracking_case_changelist", "admin:auth_user_changelist")
ADMIN = (302, 302, 302, 302, 302, 302, 302, 302, 200)
