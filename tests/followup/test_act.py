"""`followup award --from AE.docx`: the holder, SIRET and lot read from the signed act."""

from __future__ import annotations

from clitext import flat

from followup.act import parse_act_lines
from tools.simple_documents import Doc, H, P, write_docx

from .helpers import REFERENCE, followup, status_json


def test_parse_attri1_lines():
    found = parse_act_lines(
        [
            "ACTE D'ENGAGEMENT — ATTRI1",
            "Objet : Construction d'un pôle enfance — Lot n° 2 : Charpente bois",
            "Nom commercial et dénomination sociale du titulaire :",
            "Charpentes du Val",
            "Numéro SIRET : 523 456 788 00026",
            "Le titulaire s'engage à réaliser 270 heures d'insertion.",
        ]
    )
    assert (found.company, found.siret, found.lot, found.hours) == (
        "Charpentes du Val", "52345678800026", "2", 270.0
    )  # fmt: skip


def test_award_from_a_signed_act(sqlite_url, tmp_path):
    from .helpers import SAMPLE_CONSULTATION

    assert followup("add", str(SAMPLE_CONSULTATION), db=sqlite_url).exit_code == 0
    act = write_docx(
        tmp_path / "AE_lot3_signe.docx",
        Doc(
            [
                H("Acte d'engagement"),
                P("Consultation 2026-014 — Lot n°3 : Plâtrerie – cloisons – faux plafonds"),
                P("Raison sociale : Plâtres et Cloisons SAS"),
                P("SIRET : 634 567 895 00038"),
            ]
        ),
    )
    result = followup(
        "award", REFERENCE, "--from", str(act), "--notified", "2026-12-10", "--yes", db=sqlite_url
    )
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "titulaire : Plâtres et Cloisons SAS" in out and "SIRET : 63456789500038" in out
    assert "lot : 3" in out
    lots = {lot["lot"]: lot for lot in status_json(sqlite_url)[1]["lots"]}
    assert lots["3"]["company"] == "Plâtres et Cloisons SAS"
    refused = followup(
        "award", REFERENCE, "--from", str(act), "--notified", "2026-12-10", db=sqlite_url
    )
    assert refused.exit_code == 2 and "--yes" in refused.stderr  # no terminal: no silent write
