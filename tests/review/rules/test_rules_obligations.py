"""CS501 on real documents: the 21 August 2026 social obligation above EU thresholds."""

from __future__ import annotations

from dce_builder import Doc, H, P, by_code, codes, run, write_dce


def _services(root, launch: str, amount: str, extra=()):
    rc = Doc(
        [
            P("Règlement de la consultation"),
            H("Article 1 - Objet"),
            P(
                f"Marché public de services : maintenance des installations de chauffage. Appel d'offres ouvert. Montant estimé : {amount} € HT sur trois ans. Date d'envoi de l'avis : {launch}."
            ),
            *extra,
        ]
    )
    ccap = Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("Article 1 - Objet"),
            P("Maintenance des installations de chauffage (CCAG-FCS)."),
        ]
    )
    ae = Doc([P("Acte d'engagement"), P("Le candidat s'engage à exécuter les prestations.")])
    return write_dce(root, {"RC.docx": rc, "CCAP.docx": ccap, "AE.docx": ae})


def test_cs501_services_above_threshold_after_21_august_2026(tmp_path):
    report = run(_services(tmp_path, "1er octobre 2026", "270 000"))
    assert codes(report) == {"CS501": 1, "CS100": 1}
    found = by_code(report, "CS501")[0]
    assert found.piece is None and "216 000" in found.message and "L2112-2" in found.suggestion


def test_cs501_near_miss_launched_before_21_august_2026(tmp_path):
    report = run(_services(tmp_path, "3 juillet 2026", "270 000"))
    assert "CS501" not in codes(report)


def test_cs501_near_miss_below_threshold(tmp_path):
    report = run(_services(tmp_path, "1er octobre 2026", "150 000"))
    assert "CS501" not in codes(report)


def test_cs501_near_miss_justified_derogation(tmp_path):
    extra = [
        H("Article 7 - Conditions d'exécution"),
        P(
            "Par dérogation à l'obligation de l'article L2112-2-1 du Code de la commande publique, aucune condition d'exécution sociale n'est prévue : le besoin est satisfait par une solution immédiatement disponible."
        ),
    ]
    report = run(_services(tmp_path, "1er octobre 2026", "270 000", extra))
    assert "CS501" not in codes(report)


def test_cs501_review_date_used_when_no_launch_date(tmp_path):
    from datetime import date

    root = _services(tmp_path, "date à préciser", "270 000")
    assert "CS501" in codes(run(root, when=date(2026, 11, 25)))
    assert "CS501" not in codes(run(root, when=date(2026, 5, 1)))


def _framework(root, estimate: str):
    rc = Doc(
        [
            P("Règlement de la consultation"),
            H("Article 1 - Objet"),
            P(
                "Accord-cadre de services à bons de commande : nettoyage des locaux. Appel d'offres "
                "ouvert. L'accord-cadre est conclu pour une durée d'un an reconductible trois fois. "
                f"{estimate} Date d'envoi de l'avis : 1er octobre 2026."
            ),
        ]
    )
    ae = Doc([P("Acte d'engagement"), P("Le candidat s'engage à exécuter les prestations.")])
    return write_dce(root, {"RC.docx": rc, "AE.docx": ae, "CCAP.docx": None})


def test_cs501_annual_estimate_counts_over_the_duration(tmp_path):
    # 80 000 € HT a year over four years is 320 000 € HT, above 216 000 € HT
    report = run(_framework(tmp_path, "Montant estimatif annuel : 80 000 € HT."))
    found = by_code(report, "CS501")
    assert len(found) == 1 and "320 000" in found[0].message


def test_cs501_near_miss_whole_estimate_of_a_framework(tmp_path):
    report = run(_framework(tmp_path, "Montant estimé, reconductions comprises : 80 000 € HT."))
    assert "CS501" not in codes(report)


def _works_framework(root, maximum: str):
    rc = Doc(
        [
            P("Règlement de la consultation"),
            H("Article 1 - Objet"),
            P(
                "Marché public de travaux : entretien des chaussées des routes départementales. "
                "Appel d'offres ouvert. Le marché n'est pas alloti. Estimation : 1 550 000 € HT. "
                "Il s'agit d'un accord-cadre à bons de commande d'une durée de 4 ans, sans minimum, "
                f"avec un montant maximum de {maximum} € HT sur sa durée. Date d'envoi de l'avis : "
                "1er octobre 2026."
            ),
        ]
    )
    ae = Doc([P("Acte d'engagement"), P("Le candidat s'engage à exécuter les travaux.")])
    return write_dce(root, {"RC.docx": rc, "AE.docx": ae, "CCAP.docx": None})


def test_cs501_the_maximum_of_an_accord_cadre_is_its_value(tmp_path):
    # works threshold 5 404 000 € HT: the estimate is below, the maximum above (R2121-8)
    found = by_code(run(_works_framework(tmp_path, "6 200 000")), "CS501")
    assert len(found) == 1 and "6 200 000" in found[0].message


def test_cs501_near_miss_maximum_below_the_threshold(tmp_path):
    assert "CS501" not in codes(run(_works_framework(tmp_path, "5 000 000")))


def _lots_each_with_its_estimate(root, amounts: list[str]):
    """blind16 b16-33: « Lot n° 1 – Gros œuvre – estimation : 2 600 000 € HT. » on each lot's
    line; the consultation's value is their sum, not the largest of them."""
    lines = [
        P(f"Lot n° {n} – {title} – estimation : {amount} € HT.")
        for n, (title, amount) in enumerate(
            zip(["Gros œuvre", "Charpente métallique", "Électricité"], amounts, strict=True), 1
        )
    ]
    rc = Doc(
        [
            P("Règlement de la consultation"),
            H("Article 1 - Objet"),
            P(
                "Marché public de travaux : construction d'un pavillon. Procédure adaptée. "
                "Date d'envoi de l'avis à la publication : 15 septembre 2026."
            ),
            *lines,
        ]
    )
    ccap = Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("Article 1 - Objet"),
            P("Construction d'un pavillon (CCAG-Travaux)."),
        ]
    )
    ae = Doc([P("Acte d'engagement"), P("Le candidat s'engage à exécuter les travaux.")])
    return write_dce(root, {"RC.docx": rc, "CCAP.docx": ccap, "AE.docx": ae})


def test_cs501_the_value_of_lots_estimated_line_by_line_is_their_sum(tmp_path):
    report = run(_lots_each_with_its_estimate(tmp_path, ["2 600 000", "1 900 000", "1 300 000"]))
    assert len(by_code(report, "CS501")) == 1 and "5 800 000" in by_code(report, "CS501")[0].message


def test_cs501_near_miss_lots_whose_sum_is_below_the_threshold(tmp_path):
    report = run(_lots_each_with_its_estimate(tmp_path, ["2 600 000", "1 300 000", "800 000"]))
    assert "CS501" not in codes(report)
