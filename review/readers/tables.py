"""Tables read as label → value rows, for every format (Word, ODT, PDF).

Real RCs and CCAPs open with a summary table (« L'essentiel du contrat », « Fiche
synthétique ») whose rows read « Clauses sociales | Sans » or « Clause d'insertion | Oui –
article 7 », with no colon: the words of a row only mean something together. Each reader
gives its cells a `Place` (table, row, cell); `label_cells` then gives every value cell of a
row whose first cell is a short label that label (`Block.label`), so that the extractors can
read « label : value » without knowing how the table was drawn. Readers know no rule: what
a label means is the extractors' business.
"""

from __future__ import annotations

from clausier.model import Block, Piece

_LABEL_MAX_WORDS = 12  # a row label is a few words; a longer first cell is prose


def _is_label(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _LABEL_MAX_WORDS and any(c.isalpha() for c in text)


def label_cells(piece: Piece) -> None:
    """Set `label` on the value cells of each table row whose first cell is a label."""
    rows: dict[tuple[int, int], dict[int, list[Block]]] = {}
    for block in piece.blocks:
        place = block.place
        if place.table is None:
            continue
        rows.setdefault((place.table, place.row or 0), {}).setdefault(place.cell or 0, []).append(
            block
        )
    for cells in rows.values():
        if len(cells) < 2:
            continue
        first = min(cells)
        label = " ".join(b.text.strip() for b in cells[first] if b.text.strip())
        if not _is_label(label):
            continue
        for index, blocks in cells.items():
            if index == first:
                continue
            for block in blocks:
                block.label = label.rstrip(" :")
