"""CS4xx on real documents: hours across pieces and against the profile."""

from __future__ import annotations

from dce_builder import Doc, P, T, by_code, ccap, codes, rc, run, write_dce

RC_AMOUNTS_4 = T(
    [
        ["Lot", "Intitulé", "Montant estimé"],
        ["1", "Gros œuvre – maçonnerie", "820 000 € HT"],
        ["2", "Charpente bois – couverture", "460 000 € HT"],
        ["3", "Fourniture de mobilier", "150 000 € HT"],
    ]
)


def test_cs401_hours_differ_between_ccap_and_ae(tmp_path):
    ae = Doc(
        [
            P("Acte d'engagement"),
            T([["Lot", "Heures d'insertion"], ["1", "615 heures"], ["2", "300 heures"]]),
        ]
    )
    report = run(write_dce(tmp_path, {"AE.docx": ae}))
    found = by_code(report, "CS401")
    assert [(f.piece, f.lot) for f in found] == [("AE.docx", "2")]
    assert "270" in found[0].message and "300" in found[0].message
    assert found[0].location.paragraph is not None


def test_cs401_per_lot_ae_in_pdf(tmp_path):
    ae2 = Doc(
        [
            P("Acte d'engagement – Lot 2 : Charpente bois – couverture"),
            P("Le titulaire s'engage à réaliser 1.270 heures d'insertion."),
        ]
    )
    report = run(write_dce(tmp_path, {"AE.docx": None, "AE_Lot2.pdf": ae2}))
    assert [(f.piece, f.lot) for f in by_code(report, "CS401")] == [("AE_Lot2.pdf", "2")]


def test_cs401_near_miss_same_hours_written_differently(tmp_path):
    ae = Doc(
        [
            P("Acte d'engagement"),
            P("Lot 1 : 615 h d’insertion. Lot 2 : 270 heures de travail réservées à l'insertion."),
        ]
    )
    report = run(write_dce(tmp_path, {"AE.docx": ae}))
    assert "CS401" not in codes(report)


def test_cs402_total_differs_from_the_sum(tmp_path):
    report = run(
        write_dce(
            tmp_path,
            {
                "CCAP.docx": ccap(
                    total="Soit un total de 900 heures d'insertion pour l'ensemble des lots."
                )
            },
        )
    )
    found = by_code(report, "CS402")
    assert [f.piece for f in found] == ["CCAP.docx"]
    assert "885" in found[0].suggestion


def test_cs402_near_miss_total_in_table_is_right(tmp_path):
    hours = T(
        [
            ["Lot", "Intitulé", "Heures d'insertion"],
            ["1", "Gros œuvre", "615"],
            ["2", "Charpente", "270"],
            ["Total", "", "885"],
        ]
    )
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(hours=hours, total=None)}))
    assert "CS402" not in codes(report)


def _dce_with_lot1_hours(tmp_path, lot1_hours: str):
    """RC, CCAP and AE of two works lots; the CCAP gives lot 1 (gros œuvre) `lot1_hours`."""
    hours = T(
        [
            ["Lot", "Intitulé", "Heures d'insertion"],
            ["1", "Gros œuvre – maçonnerie", lot1_hours],
            ["2", "Charpente bois – couverture", "270"],
        ]
    )
    rc_doc = rc(clause="Le marché comporte une clause sociale d'insertion (article 9 du CCAP).")
    ae = Doc(
        [
            P("Acte d'engagement"),
            P(
                "Le candidat s'engage à réaliser les heures d'insertion prévues au CCAP pour son lot."
            ),
        ]
    )
    return write_dce(
        tmp_path, {"CCAP.docx": ccap(hours=hours, total=None), "RC.docx": rc_doc, "AE.docx": ae}
    )


def test_cs403_hours_outside_the_profile_range(tmp_path):
    report = run(_dce_with_lot1_hours(tmp_path, "150"))
    found = by_code(report, "CS403")
    assert [(f.piece, f.lot) for f in found] == [("CCAP.docx", "1")]
    assert "615" in found[0].suggestion


def test_cs403_near_miss_within_tolerance(tmp_path):
    assert "CS403" not in codes(run(_dce_with_lot1_hours(tmp_path, "700")))


def test_cs404_lot_missing_from_a_piece_that_lists_lots(tmp_path):
    hours = T(
        [
            ["Lot", "Intitulé", "Heures d'insertion"],
            ["1", "Gros œuvre – maçonnerie", "615"],
            ["2", "Charpente bois – couverture", "270"],
            ["3", "Plâtrerie", "360"],
        ]
    )
    rc_doc = rc(lots=None)
    report = run(
        write_dce(tmp_path, {"CCAP.docx": ccap(hours=hours, total=None), "RC.docx": rc_doc})
    )
    found = by_code(report, "CS404")
    assert sorted((f.piece, f.lot) for f in found) == [("AE.docx", "3"), ("RC.docx", "3")]


def test_cs404_near_miss_lot_said_without_clause(tmp_path):
    hours = T(
        [
            ["Lot", "Intitulé", "Heures d'insertion"],
            ["1", "Gros œuvre – maçonnerie", "615"],
            ["2", "Charpente bois – couverture", "270"],
            ["3", "Plâtrerie", "sans objet"],
        ]
    )
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(hours=hours, total=None)}))
    assert "CS404" not in codes(report)


def test_cs405_hours_on_a_supplies_lot(tmp_path):
    hours = T(
        [
            ["Lot", "Intitulé", "Heures d'insertion"],
            ["1", "Gros œuvre – maçonnerie", "615"],
            ["2", "Charpente bois – couverture", "270"],
            ["3", "Fourniture de mobilier", "70"],
        ]
    )
    rc_doc = rc(
        lots=RC_AMOUNTS_4,
        clause="Le marché comporte une clause sociale d'insertion (article 9 du CCAP).",
    )
    ae = Doc(
        [
            P("Acte d'engagement"),
            P(
                "Le candidat s'engage à réaliser les heures d'insertion prévues au CCAP pour son lot."
            ),
        ]
    )
    report = run(
        write_dce(
            tmp_path, {"CCAP.docx": ccap(hours=hours, total=None), "RC.docx": rc_doc, "AE.docx": ae}
        )
    )
    found = by_code(report, "CS405")
    assert [(f.piece, f.lot) for f in found] == [("CCAP.docx", "3")]
    assert found[0].severity.value == "info"


def test_cs405_near_miss_supply_and_installation_is_not_supplies_only(tmp_path):
    lots = T(
        [
            ["Lot", "Intitulé", "Montant estimé"],
            ["1", "Gros œuvre – maçonnerie", "820 000 € HT"],
            ["2", "Charpente bois – couverture", "460 000 € HT"],
        ]
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc(lots=lots)}))
    assert "CS405" not in codes(report)


def test_report_lots_hold_hours_per_piece_kind_and_computed_hours(tmp_path):
    report = run(write_dce(tmp_path))
    lots = {lot.number: lot for lot in report.lots}
    assert lots["1"].hours == {"CCAP": 615, "AE": 615, "RC": 615}
    assert lots["1"].computed_hours == 615 and lots["1"].trade == "gros_oeuvre"
    assert lots["2"].amount_ht == 460000.0
    data = report.to_dict()
    assert data["lots"][0]["number"] == "1" and data["summary"] == {
        "error": 0,
        "warning": 0,
        "info": 0,
    }


def _three_lots(tmp_path, sentence: str):
    """Three lots with hours (the third a VRD lot), and a sentence about two of them."""
    lots = T(
        [
            ["Lot", "Intitulé", "Montant estimé"],
            ["1", "Gros œuvre – maçonnerie", "820 000 € HT"],
            ["2", "Charpente bois – couverture", "460 000 € HT"],
            ["3", "Voirie et réseaux divers", "300 000 € HT"],
        ]
    )
    hours = T(
        [
            ["Lot", "Intitulé", "Heures d'insertion"],
            ["1", "Gros œuvre – maçonnerie", "615"],
            ["2", "Charpente bois – couverture", "270"],
            ["3", "Voirie et réseaux divers", "200"],
        ]
    )
    rc_clause = (
        "Le marché comporte une clause sociale d'insertion, condition d'exécution prévue à "
        "l'article 9 du CCAP : lot 1 : 615 heures ; lot 2 : 270 heures ; lot 3 : 200 heures."
    )
    pieces = {
        "RC.docx": rc(lots=lots, clause=rc_clause),
        "CCAP.docx": ccap(hours=hours, total=sentence),
        "AE.docx": Doc(
            [
                P("Acte d'engagement"),
                P("Le candidat s'engage à réaliser les heures d'insertion du CCAP."),
            ]
        ),
    }
    return run(write_dce(tmp_path, pieces))


def test_cs402_near_miss_the_total_of_two_named_lots_of_three(tmp_path):
    """« Les lots 1 et 2 comportent ensemble 885 heures » is their sum, not the total of
    the three lots (it was compared with 1 085)."""
    report = _three_lots(tmp_path, "Les lots 1 et 2 comportent ensemble 885 heures d'insertion.")
    assert "CS402" not in codes(report), by_code(report, "CS402")


def test_cs402_the_total_of_two_named_lots_is_wrong(tmp_path):
    report = _three_lots(tmp_path, "Les lots 1 et 2 comportent ensemble 900 heures d'insertion.")
    found = by_code(report, "CS402")
    assert len(found) == 1 and "885" in found[0].suggestion and "lots 1, 2" in found[0].message
