"""The bilan's three charts as PNG bytes, drawn by matplotlib (Agg, imported lazily).

Fixed size and resolution, no date or software name in the file: the same figures give
the same bytes. French labels and numbers (« 1 200 »); a count of people under the
small-cell threshold is drawn as a hatched bar up to the threshold, labelled « < 3 ».
No pyplot: each chart is its own `Figure`, so that web requests can draw in parallel.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from clausier.followup_figures import BilanFigures, masked
from clausier.french import fr_int

from .tables import fr_hours, month_label

WIDTH_IN, HEIGHT_IN, DPI = 6.3, 2.7, 150
NAVY = "#1F3A5F"
SKY = "#8FB3D9"
GREY = "#9AA5B1"
FONT_SIZE = 8


@dataclass(frozen=True)
class Chart:
    """One chart: file name stem, French caption and PNG bytes."""

    key: str
    caption: str
    png: bytes


def _figure(height: float = HEIGHT_IN, left_in: float = 0.75, bottom_in: float = 0.45):
    """A figure with fixed margins (inches): no layout engine, one draw per chart."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    figure.subplots_adjust(
        left=left_in / WIDTH_IN,
        right=1 - 0.15 / WIDTH_IN,
        bottom=bottom_in / height,
        top=1 - 0.15 / height,
    )
    return figure


def _style(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["left"].set_color(GREY)
    axes.spines["bottom"].set_color(GREY)
    axes.tick_params(labelsize=FONT_SIZE, colors="#333333")
    axes.set_axisbelow(True)


def _french_axis(axis) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: fr_int(value)))


def _png(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _empty(axes, message: str) -> None:
    axes.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        fontsize=9,
        color="#555555",
        transform=axes.transAxes,
    )
    axes.set_xticks([])
    axes.set_yticks([])


def cumulative_chart(figures: BilanFigures) -> bytes:
    """Cumulative hours done against the hours expected, month by month (line chart)."""
    figure = _figure()
    axes = figure.add_subplot()
    _style(axes)
    months = figures.months
    if not months:
        _empty(axes, "Aucun relevé mensuel d'heures pour l'instant")
        return _png(figure)
    positions = range(len(months))
    expected = [point.hours_expected for point in months]
    done = [point.hours_done for point in months]
    axes.plot(
        positions,
        expected,
        color=GREY,
        linestyle="--",
        linewidth=1.6,
        label="Heures attendues (cumul)",
    )
    axes.plot(
        positions,
        done,
        color=NAVY,
        linewidth=2.2,
        marker="o",
        markersize=2.5,
        label="Heures réalisées (cumul)",
    )
    axes.fill_between(positions, done, color=SKY, alpha=0.25)
    step = max(1, len(months) // 8)
    ticks = list(range(0, len(months), step))
    axes.set_xticks(ticks, [month_label(months[i].month, short=True) for i in ticks])
    _french_axis(axes.yaxis)
    axes.set_ylim(0, max([*expected, *done, 1.0]) * 1.12)
    axes.set_ylabel("Heures", fontsize=FONT_SIZE)
    axes.grid(axis="y", color="#E3E7EC", linewidth=0.8)
    axes.legend(fontsize=FONT_SIZE, frameon=False, loc="upper left")
    last = months[-1]
    axes.annotate(
        fr_hours(last.hours_done) + " h",
        (len(months) - 1, last.hours_done),
        textcoords="offset points",
        xytext=(-4, 6),
        ha="right",
        fontsize=FONT_SIZE,
        color=NAVY,
    )
    return _png(figure)


def lots_chart(figures: BilanFigures) -> bytes:
    """Hours committed and hours done per lot (grouped bars)."""
    figure = _figure()
    axes = figure.add_subplot()
    _style(axes)
    lots = figures.status.lots
    if not lots:
        _empty(axes, "Aucun lot")
        return _png(figure)
    width = 0.38
    left = [i - width / 2 for i in range(len(lots))]
    right = [i + width / 2 for i in range(len(lots))]
    committed = [lot.hours_committed or 0.0 for lot in lots]
    done = [lot.hours_done for lot in lots]
    bars_c = axes.bar(left, committed, width, color=SKY, label="Heures prévues")
    bars_d = axes.bar(right, done, width, color=NAVY, label="Heures réalisées")
    for bars, values in ((bars_c, committed), (bars_d, done)):
        axes.bar_label(bars, labels=[fr_hours(v) for v in values], fontsize=7, padding=2)
    axes.set_xticks(range(len(lots)), [f"Lot {lot.lot}" for lot in lots])
    _french_axis(axes.yaxis)
    axes.set_ylim(0, max([*committed, *done, 1.0]) * 1.15)
    axes.set_ylabel("Heures", fontsize=FONT_SIZE)
    axes.grid(axis="y", color="#E3E7EC", linewidth=0.8)
    axes.legend(fontsize=FONT_SIZE, frameon=False, ncols=2, loc="upper right")
    return _png(figure)


def public_chart(figures: BilanFigures) -> bytes:
    """Participants by public (horizontal bars); small counts hatched and « < 3 »."""
    counts = figures.by_public
    threshold = figures.small_cell_threshold
    longest = max((len(count.label) for count in counts), default=10)
    height = max(HEIGHT_IN * 0.75, 0.8 + 0.32 * len(counts))
    figure = _figure(height, left_in=min(3.2, 0.25 + 0.062 * longest), bottom_in=0.5)
    axes = figure.add_subplot()
    _style(axes)
    if not counts:
        _empty(axes, "Aucun participant pour l'instant")
        return _png(figure)
    labels = [count.label for count in counts][::-1]
    shown = [masked(count.value, threshold) for count in counts][::-1]
    hidden = [text != str(count.value) for text, count in zip(shown, counts[::-1], strict=True)]
    heights = [
        threshold if h else count.value for h, count in zip(hidden, counts[::-1], strict=True)
    ]
    bars = axes.barh(
        range(len(counts)),
        heights,
        0.6,
        color=["white" if h else NAVY for h in hidden],
        edgecolor=NAVY,
        linewidth=0.8,
    )
    for bar, is_hidden in zip(bars, hidden, strict=True):
        if is_hidden:
            bar.set_hatch("////")
    axes.bar_label(bars, labels=shown, fontsize=7, padding=3)
    axes.set_yticks(range(len(counts)), labels)
    _french_axis(axes.xaxis)
    axes.set_xlim(0, max(heights) * 1.15 + 1)
    label = "Participants"
    if any(hidden):
        label += f" (barre hachurée : effectif inférieur à {threshold}, non publié)"
    axes.set_xlabel(label, fontsize=FONT_SIZE)
    axes.grid(axis="x", color="#E3E7EC", linewidth=0.8)
    return _png(figure)


def bilan_charts(figures: BilanFigures) -> list[Chart]:
    """The three charts, in the bilan's order, each with its French caption."""
    return [
        Chart(
            "cumul",
            "Heures réalisées cumulées et heures attendues, mois par mois",
            cumulative_chart(figures),
        ),
        Chart("lots", "Heures prévues et heures réalisées par lot", lots_chart(figures)),
        Chart("publics", "Participants par public", public_chart(figures)),
    ]
