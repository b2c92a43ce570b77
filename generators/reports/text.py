"""The terminal report: grouped by piece, coloured by severity, in French.

Rendered with rich into a string, so the same text goes to a terminal, a file (-o) or a
test. Without colour (``--no-color``, ``NO_COLOR``, not a terminal) the text stays complete:
the severity is always written out as a word, never shown by colour alone.
"""

from __future__ import annotations

import io

from clausier.model import Finding, Report

from .common import (
    counts_line,
    fr_amount,
    fr_date,
    fr_int,
    group_findings,
    hours_kinds,
    kind_label,
    lot_disagrees,
    lot_label,
    piece_label,
    place_label,
    suggestion_label,
)

SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
SEVERITY_MARKS = {"error": "✖", "warning": "▲", "info": "●"}
DEFAULT_WIDTH = 100


def render_text(report: Report, color: bool = True, width: int | None = None) -> str:
    """The review as text for a person; the last line counts the findings."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=width or DEFAULT_WIDTH,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    _header(console, report)
    groups, quiet = group_findings(report)
    for group in groups:
        console.print()
        title = f"[bold]{_esc(group.title)}[/bold]"
        if group.piece is not None:
            title += f" [dim]({_esc(piece_label(group.piece))})[/dim]"
        console.print(title)
        for finding in group.findings:
            _finding(console, finding)
    if quiet:
        console.print()
        console.print("[bold]Pièces sans remarque[/bold]")
        for piece in quiet:
            console.print(f"  • {_esc(piece.path)} [dim]({_esc(piece_label(piece))})[/dim]")
    if report.lots:
        console.print()
        _lots_table(console, report)
    console.print()
    worst = report.worst()
    style = SEVERITY_STYLES[worst.value] if worst else "bold green"
    console.print(f"[{style}]{counts_line(report)}[/{style}]")
    # rich pads table lines to the console width: trailing blanks only bother diffs and files.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _header(console, report: Report) -> None:
    console.print(f"[bold]Relecture de la consultation {_esc(report.consultation)}[/bold]")
    n = len(report.pieces)
    console.print(
        f"Date de relecture : {fr_date(report.reviewed_at)} — "
        f"{n} pièce{'s' if n > 1 else ''} lue{'s' if n > 1 else ''}"
    )


def _finding(console, finding: Finding) -> None:
    from rich.padding import Padding
    from rich.text import Text

    severity = finding.severity.value
    style = SEVERITY_STYLES[severity]
    mark = SEVERITY_MARKS[severity]
    head = f"  [{style}]{mark} {finding.code} {finding.severity.label}[/{style}]"
    place = place_label(finding)
    if place:
        head += f" · {_esc(place)}"
    console.print(head)
    # Padding keeps wrapped lines under the finding, not back at the left margin.
    lines = [Text(finding.message)]
    if finding.suggestion:
        lines.append(Text(f"→ {suggestion_label(finding)} : {finding.suggestion}", style="green"))
    if finding.excerpt:
        lines.append(Text(f"« {finding.excerpt} »", style="dim italic"))
    for line in lines:
        console.print(Padding(line, (0, 0, 0, 4)))


_LOTS_TITLE = "Lots et heures d'insertion (heures annoncées par chaque pièce, puis calculées)"


def _lots_rows(report: Report, kinds: list) -> list[list[str]]:
    """Plain cells of the lots table: lot, title, amount, trade, hours per kind, computed."""
    rows = []
    for lot in report.lots:
        differs = lot_disagrees(lot)
        cells = [
            lot_label(lot),
            lot.title or "—",
            fr_amount(lot.amount_ht).removesuffix("\u00a0HT"),
            lot.trade or "—",
        ]
        for kind in kinds:
            value = lot.hours.get(kind)
            text = fr_int(value) if value is not None else "—"
            # "≠" keeps the disagreement visible without colour.
            cells.append(f"{text} ≠" if differs and value is not None else text)
        cells.append(fr_int(lot.computed_hours))
        rows.append(cells)
    return rows


def _lots_table(console, report: Report) -> None:
    from rich import box
    from rich.table import Table

    kinds = hours_kinds(report.lots)
    headers = ["Lot", "Intitulé", "Montant HT", "Métier", *map(kind_label, kinds), "Calculées"]
    rows = _lots_rows(report, kinds)
    # Figures are never cut: when the columns that cannot wrap (lot, amount, hours) and
    # the narrowest title and trade do not fit, each lot is printed as a short block.
    rigid = [0, 2, *range(4, len(headers))]
    needed = sum(max(len(headers[i]), *(len(r[i]) for r in rows)) + 2 for i in rigid) + 2 * 10
    if needed > console.width:
        _lots_blocks(console, headers, rows)
        return
    table = Table(title=_LOTS_TITLE, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("Lot", no_wrap=True)
    table.add_column("Intitulé", ratio=1, min_width=8)
    table.add_column("Montant HT", justify="right", no_wrap=True)
    table.add_column("Métier", overflow="fold", min_width=8)
    for header in headers[4:]:
        table.add_column(header, justify="right", no_wrap=True)
    for cells in rows:
        table.add_row(*(_red_mark(_esc(c)) for c in cells))
    console.print(table)


def _red_mark(cell: str) -> str:
    return f"[red]{cell}[/red]" if cell.endswith(" ≠") else cell


def _packed(pairs: list[str], width: int) -> list[str]:
    """« label : value » pairs joined by « · » into lines of at most `width` characters,
    a pair never split (a line break between « RC » and « 615 » misleads)."""
    lines: list[str] = []
    for pair in pairs:
        if lines and len(lines[-1]) + 3 + len(pair) <= width:
            lines[-1] += " · " + pair
        else:
            lines.append(pair)
    return lines


def _lots_blocks(console, headers: list[str], rows: list[list[str]]) -> None:
    """The lots table for a narrow terminal: one block per lot, every figure whole."""
    from rich.text import Text

    console.print(f"[bold]{_esc(_LOTS_TITLE)}[/bold]")
    width = max(20, console.width - 4)
    for cells in rows:
        console.print(Text(f"  Lot {cells[0]} — {cells[1]}", style="bold"))
        pairs = [f"{h} : {c}" for h, c in zip(headers[2:], cells[2:], strict=True)]
        for line in _packed(pairs[:2], width) + _packed(pairs[2:], width):
            console.print(Text("    " + line), soft_wrap=True)
