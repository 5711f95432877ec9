"""Dashboard charts drawn on the server with matplotlib, as SVG for pages, PNG for exports.

Figures are made with the object-oriented API (`Figure`), never pyplot, so that threads
serving requests share no state. Text is drawn with Noto Sans CJK when the machine has
it (Debian's fonts-noto-cjk); without it the pages show the tables only and the exports
say why they have no charts (`cjk_font()` is None).
"""

import functools
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from django.utils.translation import gettext as _  # noqa: E402
from matplotlib import dates as mdates  # noqa: E402
from matplotlib import font_manager  # noqa: E402  (after choosing the backend)
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from livinglab.core import roc  # noqa: E402
from livinglab.reports.dashboard import Dashboard, quarter_label  # noqa: E402

CHARTS = ("states", "quarters", "overdue", "ageing", "timeline")
# The parts of `build_dashboard` each chart draws from.
NEEDS = {
    "states": {"states"},
    "quarters": {"spans"},
    "overdue": {"overdue"},
    "ageing": {"spans"},
    "timeline": {"timeline"},
}
CJK_FAMILIES = ("Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK SC")
# Okabe–Ito colours: told apart by readers with colour-blindness, and in greyscale print.
COLOURS = {
    "proposed": "#999999",
    "tracked": "#0072B2",
    "closed": "#009E73",
    "new": "#56B4E9",
    "delisted": "#009E73",
    "regular": "#E69F00",
    "merged": "#CC79A7",
    "renamed": "#F0E442",
    "noted": "#0072B2",
    "overdue": "#D55E00",
}
MAX_AGENCIES = 15
TITLE_CHARS = 18


@functools.cache
def cjk_font() -> str | None:
    """The family name of an installed Noto Sans CJK face, or None."""
    found = _cjk_family()
    if found is None:
        # Matplotlib keeps the font list it saw first in its cache; a font installed
        # later (as when the server's packages are completed) is added from the system.
        for path in font_manager.findSystemFonts():
            if Path(path).name.startswith(("NotoSansCJK", "NotoSerifCJK")):
                font_manager.fontManager.addfont(path)
        found = _cjk_family()
    return found


def _cjk_family() -> str | None:
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


def _configure() -> None:
    # Set once at import; every figure then draws with the same fonts.
    family = cjk_font()
    matplotlib.rcParams["font.sans-serif"] = [*([family] if family else []), "DejaVu Sans"]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.size"] = 10
    matplotlib.rcParams["svg.hashsalt"] = "livinglab"
    matplotlib.rcParams["svg.fonttype"] = "path"  # glyphs as outlines: no font needed to view


_configure()


def render(name: str, dashboard: Dashboard, fmt: str = "svg") -> bytes:
    """Chart `name` (one of CHARTS) as SVG or PNG bytes.

    A PNG (for documents) carries its title; an SVG sits under the page's own heading."""
    draw = {
        "states": _states,
        "quarters": _quarters,
        "overdue": _overdue,
        "ageing": _ageing,
        "timeline": _timeline,
    }[name]
    figure = draw(dashboard)
    if fmt != "png":
        for axes in figure.axes:
            axes.set_title("", loc="left")
    out = io.BytesIO()
    figure.savefig(out, format=fmt, dpi=150 if fmt == "png" else 100, bbox_inches="tight")
    return out.getvalue()


def render_all_png(dashboard: Dashboard) -> list[bytes]:
    """Every chart as PNG for the office exports; none without a CJK font."""
    if cjk_font() is None:
        return []
    return [render(name, dashboard, "png") for name in CHARTS]


def date_axis(axis, by_month: bool = False) -> None:
    """Dates along `axis` as the pages write them: 113年9月27日 (or 113年9月) in Chinese,
    ISO in English."""
    official = roc.official_month if by_month else roc.official_date
    axis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    axis.set_major_formatter(
        FuncFormatter(lambda value, _position: official(mdates.num2date(value).date()))
    )


def amount_axis(axis) -> None:
    """Whole amounts along `axis` grouped by thousands (150,000)."""
    axis.set_major_formatter(FuncFormatter(lambda value, _position: f"{value:,.0f}"))


def _figure(height: float = 2.6, width: float = 6.0):
    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.add_subplot()
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure, axes


def _empty(axes, text: str) -> None:
    axes.text(0.5, 0.5, text, ha="center", va="center", transform=axes.transAxes, color="#555")
    axes.set_axis_off()


def _states(dashboard: Dashboard):
    figure, axes = _figure(1.8)
    states = dashboard.states
    labels = [label for _key, label, _n in states]
    values = [n for _key, _label, n in states]
    bars = axes.barh(labels, values, color=[COLOURS[key] for key, _l, _n in states])
    axes.bar_label(bars, padding=3)
    axes.invert_yaxis()
    axes.set_xlabel(_("cases"))
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_title(_("Cases by state"), loc="left")
    axes.margins(x=0.12)
    return figure


def _quarters(dashboard: Dashboard):
    figure, axes = _figure()
    axes.set_title(_("Tracked and closed per quarter"), loc="left")
    rows = dashboard.quarters
    if not rows:
        _empty(axes, _("No cases yet."))
        return figure
    positions = range(len(rows))
    axes.bar(
        [p - 0.2 for p in positions],
        [r[1] for r in rows],
        0.4,
        label=_("newly tracked"),
        color=COLOURS["tracked"],
    )
    axes.bar(
        [p + 0.2 for p in positions],
        [r[2] for r in rows],
        0.4,
        label=_("closed"),
        color=COLOURS["closed"],
    )
    step = max(1, -(-len(rows) // 12))  # at most 12 labels: every `step`-th quarter
    axes.set_xticks(list(positions)[::step], [quarter_label(r[0]) for r in rows][::step])
    if len(rows) > 6:
        axes.tick_params(axis="x", labelrotation=45)
    axes.set_ylabel(_("cases"))
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(frameon=False)
    return figure


def _overdue(dashboard: Dashboard):
    rows = dashboard.overdue_by_agency[:MAX_AGENCIES]
    figure, axes = _figure(max(1.4, 0.9 + 0.32 * len(rows)))
    axes.set_title(_("Overdue by agency"), loc="left")
    if not rows:
        _empty(axes, _("Nothing overdue."))
        return figure
    bars = axes.barh(
        [name for name, _n in rows], [n for _name, n in rows], height=0.6, color=COLOURS["overdue"]
    )
    axes.bar_label(bars, padding=3)
    axes.invert_yaxis()
    axes.set_xlabel(_("overdue assignments"))
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.margins(x=0.12)
    return figure


def _ageing(dashboard: Dashboard):
    figure, axes = _figure()
    axes.set_title(_("How long cases stay tracked"), loc="left")
    buckets = dashboard.ageing
    labels = [b.label for b in buckets]
    still = [b.open for b in buckets]
    axes.bar(labels, still, label=_("still tracked"), color=COLOURS["tracked"])
    axes.bar(
        labels,
        [b.closed for b in buckets],
        bottom=still,
        label=_("closed"),
        color=COLOURS["closed"],
    )
    axes.set_ylabel(_("cases"))
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(frameon=False)
    return figure


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def _timeline(dashboard: Dashboard):
    lanes = dashboard.lanes
    figure, axes = _figure(max(1.8, 0.9 + 0.3 * len(lanes)), 9.0)
    axes.set_title(_("Each case across meetings"), loc="left")
    if not lanes:
        _empty(axes, _("No cases yet."))
        return figure
    spans = [
        (i, lane.marks[0].date, lane.marks[-1].date) for i, lane in enumerate(lanes) if lane.marks
    ]
    if spans:
        rows, starts, ends = zip(*spans, strict=True)
        axes.hlines(rows, starts, ends, color="#cccccc", zorder=1)
    # One scatter per status (fast to draw, and one legend entry each).
    points: dict[str, tuple[str, list, list]] = {}
    for index, lane in enumerate(lanes):
        for mark in lane.marks:
            colour = COLOURS.get(mark.status, "#555555")
            _colour, xs, ys = points.setdefault(mark.label, (colour, [], []))
            xs.append(mark.date)
            ys.append(index)
    for label, (colour, xs, ys) in points.items():
        axes.scatter(
            xs, ys, s=36, color=colour, zorder=2, edgecolors="white", linewidths=0.5, label=label
        )
    axes.set_yticks(range(len(lanes)), [_short(lane.case.title) for lane in lanes])
    axes.set_ylim(len(lanes) - 0.5, -0.5)
    axes.grid(axis="x", color="#eeeeee")
    date_axis(axes.xaxis, by_month=True)
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure
