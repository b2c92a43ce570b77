"""The sample operation of `samples/suivi/`: `clausier followup demo` builds a store from
it (consultation file, awards, the companies' monthly sheets) to show a status."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from clausier.profile import load_profile
from followup.errors import FollowupError
from followup.importer import import_sheets
from followup.operations import AwardRequest, add_operation, award_lot, plan_from_consultation_file
from followup.sheet_files import EXTENSIONS
from followup.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "suivi"


def build_demo(store: Store, folder: Path = SAMPLES) -> tuple[str, list[str]]:
    """Add the sample operation, its awards and every sheet of `folder/feuilles/` (in name
    order, each in its own transaction as a facilitator would); returns the reference."""
    folder = Path(folder)
    if not (folder / "consultation.toml").is_file():
        raise FollowupError(
            f"Exemple introuvable : {folder}/consultation.toml. Lancez la démonstration depuis "
            "le dossier de Clausier (celui qui contient samples/)."
        )
    profile = load_profile()
    plan = plan_from_consultation_file(folder / "consultation.toml", profile)
    with store.transaction() as session:
        add_operation(session, plan)
    awards = tomllib.loads((folder / "titulaires.toml").read_text(encoding="utf-8"))
    with store.transaction() as session:
        for item in awards["titulaires"]:
            award_lot(
                session,
                plan.reference,
                AwardRequest(
                    lot=str(item["lot"]),
                    company=item["raison_sociale"],
                    siret=item["siret"],
                    notified=_day(item["notification"]),
                    start=_day(item.get("debut")),
                    end=_day(item.get("fin")),
                ),
            )
    notes = []
    for sheet in sorted((folder / "feuilles").iterdir()):
        if sheet.suffix.lower() not in EXTENSIONS:
            continue
        with store.transaction() as session:
            result = import_sheets(session, plan.reference, [(sheet, sheet.name)])
        for outcome in result.sheets:
            notes.append(
                f"{outcome.file} : {outcome.added} ajouté(s), {outcome.replaced} remplacé(s)"
            )
    return plan.reference, notes


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
