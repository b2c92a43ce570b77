"""The machine-readable review (docs/sorties.md): `Report.to_dict()`, nothing more."""

from __future__ import annotations

import json
from collections.abc import Iterable

from clausier.model import Report


def render_json(reports: Report | Iterable[Report]) -> str:
    """One JSON object for one consultation, a list of objects for several."""
    if isinstance(reports, Report):
        data: object = reports.to_dict()
    else:
        items = [r.to_dict() for r in reports]
        data = items[0] if len(items) == 1 else items
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
