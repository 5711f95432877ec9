"""A trial's KPI over time, drawn like the dashboard charts (matplotlib, Noto Sans CJK).

Reports reads trials (nothing reads reports), so the chart lives here and the trial page
shows it by URL. The measured values are a line with points; the baseline and the target
are horizontal lines, so that whether the trial moves the right way is seen at a glance.
"""

import datetime as dt
import io

from django.utils.translation import gettext as _

from livinglab.reports.charts import COLOURS, _empty, _figure, date_axis
from livinglab.trials.models import KpiDefinition, TrialKpi


def render_kpi(kpi: TrialKpi, values, fmt: str = "svg") -> bytes:
    """The chart of `kpi` over `values` (its measurements, oldest first) as SVG or PNG."""
    figure, axes = _figure(2.4)
    definition = kpi.definition
    if fmt == "png":
        axes.set_title(str(definition), loc="left")
    if not values and kpi.baseline is None and kpi.target is None:
        _empty(axes, _("No values yet."))
        return _save(figure, fmt)
    if values:
        axes.plot(
            [m.on for m in values],
            [float(m.value) for m in values],
            marker="o",
            markersize=4,
            color=COLOURS["tracked"],
            label=_("measured"),
            zorder=3,
        )
    if kpi.baseline is not None:
        axes.axhline(
            float(kpi.baseline), color="#999999", linestyle=":", linewidth=1.2, label=_("baseline")
        )
    if kpi.target is not None:
        axes.axhline(
            float(kpi.target),
            color=COLOURS["closed"],
            linestyle="--",
            linewidth=1.2,
            label=_("target"),
        )
    better = (
        _("higher is better")
        if definition.direction == KpiDefinition.Direction.UP
        else _("lower is better")
    )
    axes.set_ylabel(f"{definition.unit} ({better})" if definition.unit else better)
    axes.grid(axis="y", color="#eeeeee")
    # The whole period of the trial, so that a reader sees how far into it the values go.
    days = [kpi.trial.starts_on, kpi.trial.ends_on, *(m.on for m in values)]
    margin = dt.timedelta(days=max(2, (max(days) - min(days)).days // 40))
    axes.set_xlim(min(days) - margin, max(days) + margin)
    date_axis(axes.xaxis)
    axes.tick_params(axis="x", labelrotation=30)
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _save(figure, fmt)


def _save(figure, fmt: str) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format=fmt, dpi=150 if fmt == "png" else 100, bbox_inches="tight")
    return out.getvalue()


def render_catalogue_kpi(progress, fmt: str = "svg") -> bytes:
    """Actual against target by year for a KPI of the catalogue in one scope.

    Actual figures are a line with points (a missed year's point in the overdue
    colour); the target path is a dashed line, with the targets that were set as
    diamonds. A projected figure for the current year is a hollow point.
    """
    figure, axes = _figure(2.6)
    definition = progress.definition
    if fmt == "png":
        axes.set_title(f"{definition.name} · {progress.scope.name}", loc="left")
    actual = [(y.year, y.value) for y in progress.years if y.value is not None]
    path = [(y.year, y.target) for y in progress.years if y.target is not None]
    if not actual and not path:
        _empty(axes, _("No values yet."))
        return _save(figure, fmt)
    if actual:
        axes.plot(
            *zip(*actual, strict=True),
            marker="o",
            markersize=4,
            color=COLOURS["tracked"],
            label=_("actual"),
            zorder=3,
        )
        missed = [(y.year, y.value) for y in progress.years if y.missed and y.value is not None]
        if missed:
            axes.scatter(
                *zip(*missed, strict=True), color=COLOURS["overdue"], zorder=4, label=_("missed")
            )
    projected = [(y.year, y.projected) for y in progress.years if y.projected is not None]
    if projected:
        axes.scatter(
            *zip(*projected, strict=True),
            facecolors="none",
            edgecolors=COLOURS["tracked"],
            zorder=4,
            label=_("projected"),
        )
    if path:
        axes.plot(
            *zip(*path, strict=True),
            color=COLOURS["closed"],
            linestyle="--",
            linewidth=1.2,
            label=_("target path"),
        )
        set_targets = [(y.year, y.target) for y in progress.years if y.is_set]
        axes.scatter(*zip(*set_targets, strict=True), marker="D", color=COLOURS["closed"], zorder=4)
    better = (
        _("higher is better")
        if definition.direction == definition.Direction.UP
        else _("lower is better")
    )
    axes.set_ylabel(f"{definition.unit_label} ({better})" if definition.unit else better)
    axes.grid(axis="y", color="#eeeeee")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _save(figure, fmt)
