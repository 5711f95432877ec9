"""The open datasets: what each holds, column by column, in both languages.

A dataset is public facts only: it reads its rows through the same `visible_to` rules
as the pages, as an anonymous visitor, so a body or case marked non-public can never
reach it. Personal data is left out by design: no recorder, contact person, e-mail or
account appears in any column.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from livinglab.opendata import kpi_sources, sources


@dataclass(frozen=True)
class Column:
    name: str  # stable: outside tools read it
    type: str  # integer, string, date, datetime, list
    meaning: str
    example: str


@dataclass(frozen=True)
class Dataset:
    slug: str  # stable: the dataset's identifier in the catalogue and the CKAN API
    title: str
    description: str
    keywords: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: Callable[[], Iterable[dict]]
    stamp: Callable[[], tuple]  # changes whenever the rows may have changed

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="bodies",
        title=_("Meeting bodies"),
        description=_("The public meeting series whose decisions the city tracks."),
        keywords=("meetings", "governance"),
        columns=(
            Column("id", "integer", _("Identifier of the body on this platform"), "3"),
            Column("name", "string", _("Name of the body"), "智慧城市推動委員會"),
            Column("short_name", "string", _("Short name"), "智慧城市委員會"),
            Column("parent_id", "integer", _("The body it reports to, if any"), "1"),
            Column(
                "members",
                "list",
                _("Member organisations, separated by ;"),
                "臺北市政府;新北市政府",
            ),
            Column("meetings", "integer", _("Meetings recorded"), "12"),
        ),
        rows=sources.bodies,
        stamp=sources.bodies_stamp,
    ),
    Dataset(
        slug="meetings",
        title=_("Meetings"),
        description=_("Meetings of the public bodies, with where and when they took place."),
        keywords=("meetings", "minutes"),
        columns=(
            Column("id", "integer", _("Identifier of the meeting"), "41"),
            Column("body_id", "integer", _("The body that met"), "3"),
            Column("body", "string", _("Name of the body"), "智慧城市推動委員會"),
            Column("number", "integer", _("Number of the meeting in its series"), "7"),
            Column("title", "string", _("Title as the minutes give it"), "第7次會議"),
            Column("date", "date", _("Date (ISO 8601)"), "2025-03-12"),
            Column("location", "string", _("Where it took place"), "市政大樓第一會議室"),
            Column("chair", "string", _("Who chaired it, as the minutes say"), "副市長"),
            Column("decisions", "integer", _("Decisions recorded"), "9"),
        ),
        rows=sources.meetings,
        stamp=sources.meetings_stamp,
    ),
    Dataset(
        slug="cases",
        title=_("Tracked cases"),
        description=_(
            "Every tracked case (列管案件) of the public bodies: its state, how it closed, "
            "its deadline and the agencies responsible, as of the latest decision."
        ),
        keywords=("tracking", "decisions", "accountability"),
        columns=(
            Column("id", "integer", _("Identifier of the case"), "1024"),
            Column("body_id", "integer", _("The body that tracks it"), "3"),
            Column("body", "string", _("Name of the body"), "智慧城市推動委員會"),
            Column("title", "string", _("Name of the case"), "智慧路燈示範計畫"),
            Column("state", "string", _("proposed, tracked or closed"), "tracked"),
            Column("closure", "string", _("How it closed: delisted, regular or merged"), ""),
            Column("merged_into", "integer", _("The case it was merged into"), ""),
            Column("deadline", "date", _("Current deadline (ISO 8601)"), "2025-06-30"),
            Column("last_decided_on", "date", _("Date of the latest decision"), "2025-03-12"),
            Column("lead_agencies", "list", _("Lead agencies, separated by ;"), "臺北市政府工務局"),
            Column("supporting_agencies", "list", _("Supporting agencies, separated by ;"), ""),
            Column("aliases", "list", _("Other names it was known by, separated by ;"), ""),
            Column("decisions", "integer", _("Decisions about it"), "4"),
            Column(
                "progress_percent",
                "integer",
                _(
                    "How far along it is, 0 to 100: 100 once closed, else the mean of its "
                    "agencies' latest accepted progress reports; empty with no agency"
                ),
                "60",
            ),
            Column(
                "progress_reported_on",
                "date",
                _("When the latest accepted progress report counted was filed"),
                "2025-05-20",
            ),
            Column(
                "history",
                "list",
                _("Its history: the date and kind of each change, oldest first, separated by ;"),
                "2025-03-12 tracked;2025-06-18 noted",
            ),
        ),
        rows=sources.cases,
        stamp=sources.cases_stamp,
    ),
    Dataset(
        slug="decisions",
        title=_("Decisions"),
        description=_("Each decision of a public body's meeting, with the cases it concerns."),
        keywords=("decisions", "minutes"),
        columns=(
            Column("id", "integer", _("Identifier of the decision"), "5120"),
            Column("meeting_id", "integer", _("The meeting that took it"), "41"),
            Column("date", "date", _("Date of the meeting (ISO 8601)"), "2025-03-12"),
            Column("body", "string", _("Name of the body"), "智慧城市推動委員會"),
            Column("path", "string", _("Numbering in the minutes, from the top"), "參/二/1"),
            Column("text", "string", _("The decision as written"), "請工務局於6月底前完成。"),
            Column("status", "string", _("What it decided about its cases"), "tracked"),
            Column("deadline", "date", _("Deadline it set (ISO 8601)"), "2025-06-30"),
            Column("cases", "list", _("Ids of the cases it concerns, separated by ;"), "1024"),
        ),
        rows=sources.decisions,
        stamp=sources.decisions_stamp,
    ),
    Dataset(
        slug="needs",
        title=_("Needs of the city's agencies"),
        description=_("Problems agencies published for companies, schools and citizens to solve."),
        keywords=("living lab", "needs", "innovation"),
        columns=(
            Column("id", "integer", _("Identifier of the need"), "17"),
            Column("title", "string", _("Title"), "公車到站預估準確度提升"),
            Column("problem", "string", _("The problem"), "尖峰時段到站預估誤差大。"),
            Column("figures", "string", _("The problem in numbers"), "誤差平均4.5分鐘"),
            Column("domain", "string", _("Domain key"), "transport"),
            Column("tags", "list", _("Priority tags, separated by ;"), "traffic"),
            Column("agency", "string", _("Publishing agency"), "臺北市政府交通局"),
            Column("status", "string", _("published, matched or closed"), "published"),
            Column(
                "published_at", "datetime", _("When it was published"), "2025-02-01T09:00:00+08:00"
            ),
            Column("calls", "list", _("Ids of the calls it is in, separated by ;"), "2"),
        ),
        rows=sources.needs,
        stamp=sources.needs_stamp,
    ),
    Dataset(
        slug="calls",
        title=_("Calls for proposals"),
        description=_("The city's calls for proposals, when they open and close."),
        keywords=("living lab", "calls"),
        columns=(
            Column("id", "integer", _("Identifier of the call"), "2"),
            Column("title", "string", _("Title"), "2025上半年智慧城市徵案"),
            Column(
                "opens_at",
                "datetime",
                _("Opens (ISO 8601, Asia/Taipei)"),
                "2025-03-01T00:00:00+08:00",
            ),
            Column(
                "closes_at",
                "datetime",
                _("Closes (ISO 8601, Asia/Taipei)"),
                "2025-04-30T17:00:00+08:00",
            ),
            Column("accepts_unsolicited", "string", _("yes or no"), "yes"),
            Column("needs", "list", _("Ids of its needs, separated by ;"), "17;18"),
        ),
        rows=sources.calls,
        stamp=sources.calls_stamp,
    ),
)

DATASETS += (
    Dataset(
        slug="trials",
        title=_("Trials"),
        description=_(
            "Proof-of-concept trials at the city's field sites: who sponsors them, where "
            "and when they run, and how they ended (adopted or closed, with lessons learned)."
        ),
        keywords=("living lab", "trials", "innovation"),
        columns=(
            Column("id", "integer", _("Identifier of the trial"), "5"),
            Column("title", "string", _("Title"), "路口邊緣運算排隊偵測試辦"),
            Column("status", "string", _("running, adopted or closed"), "running"),
            Column("outcome", "string", _("procurement, scale_up or export"), ""),
            Column("outcome_note", "string", _("What was adopted"), ""),
            Column("lessons", "string", _("Lessons learned"), ""),
            Column("starts_on", "date", _("First day (ISO 8601)"), "2026-01-05"),
            Column("ends_on", "date", _("Last day planned (ISO 8601)"), "2026-06-30"),
            Column("ended_on", "date", _("Day it ended (ISO 8601)"), ""),
            Column("site", "string", _("Field site"), "內湖科技園區智慧園區場域"),
            Column("agency", "string", _("Sponsoring agency"), "臺北市政府交通局"),
            Column("body", "string", _("Body that tracks it"), "智慧城市推動委員會"),
            Column("case_id", "integer", _("Its tracked case (see the cases dataset)"), "1024"),
            Column("domain", "string", _("Domain key"), "transport"),
            Column(
                "proposer",
                "string",
                _("Proposing organisation (empty for a person proposing for themselves)"),
                "晨曦智慧感測股份有限公司",
            ),
        ),
        rows=sources.trials,
        stamp=sources.trials_stamp,
    ),
    Dataset(
        slug="trial-kpis",
        title=_("Trial KPI series"),
        description=_(
            "Every measured value of the trials' KPIs, with their baselines and targets."
        ),
        keywords=("living lab", "trials", "kpi"),
        columns=(
            Column("trial_id", "integer", _("The trial (see the trials dataset)"), "5"),
            Column("kpi", "string", _("Name of the KPI"), "尖峰平均停等週期"),
            Column("unit", "string", _("Unit"), "次"),
            Column("direction", "string", _("Whether lower or higher is better"), "down"),
            Column("baseline", "number", _("Value before the trial"), "3"),
            Column("target", "number", _("Value the trial aims at"), "2"),
            Column("on", "date", _("Day of the measurement (ISO 8601)"), "2026-02-01"),
            Column("value", "number", _("Measured value"), "2.6"),
        ),
        rows=sources.trial_kpis,
        stamp=sources.trial_kpis_stamp,
    ),
)


# The columns naming a value's KPI and scope, the same in both KPI datasets.
KPI_AND_SCOPE = (
    Column(
        "definition", "string", _("KPI definition (identifier@version)"), "energy.electricity@1"
    ),
    Column("kpi", "string", _("Name of the KPI"), "用電量"),
    Column("category", "string", _("Domain of the KPI"), "energy"),
    Column("scope", "string", _("Scope (namespace:code)"), "local:taipei"),
    Column("scope_name", "string", _("Name of the scope"), "臺北市"),
    Column("scope_kind", "string", _("city, district, building, site, trial…"), "city"),
)

DATASETS += (
    Dataset(
        slug="kpi-values",
        title=_("KPI values"),
        description=_(
            "Every value of the shared KPI catalogue recorded for a public scope (a city, "
            "district, building, route, field site or trial), in its definition's unit."
        ),
        keywords=("kpi", "indicators", "energy", "emissions"),
        columns=(
            *KPI_AND_SCOPE,
            Column("period", "string", _("Period (year, 2025-Q1 or 2025-03)"), "2025-03"),
            Column("period_start", "date", _("First day of the period (ISO 8601)"), "2025-03-01"),
            Column("value", "number", _("Value, in the unit"), "1250.5"),
            Column("unit", "string", _("Unit"), "MWh"),
            Column("source", "string", _("local, or the city instance it came from"), "local"),
        ),
        rows=kpi_sources.kpi_values,
        stamp=kpi_sources.kpi_values_stamp,
    ),
    Dataset(
        slug="kpi-rollups",
        title=_("KPI roll-ups by year"),
        description=_(
            "Each public scope's yearly figure of a KPI, rolled up from its own values and "
            "those of the scopes under it, with its target and how many of its parts reported."
        ),
        keywords=("kpi", "indicators", "targets"),
        columns=(
            *KPI_AND_SCOPE,
            Column("period", "string", _("Calendar year"), "2025"),
            Column("value", "number", _("Rolled-up value, in the unit"), "15023.1"),
            Column("unit", "string", _("Unit"), "MWh"),
            Column("target", "number", _("Target for that year, if one is set"), "14800"),
            Column("sources", "integer", _("Scopes whose values it adds up"), "12"),
            Column(
                "coverage",
                "string",
                _("Parts directly under the scope that reported, of all its parts"),
                "11/12",
            ),
        ),
        rows=kpi_sources.kpi_rollups,
        stamp=kpi_sources.kpi_rollups_stamp,
    ),
)

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
