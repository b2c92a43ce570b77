"""CS2xx on real documents: repealed texts, wrong mechanism, CCAG, names, thresholds."""

from __future__ import annotations

from datetime import date

import pytest
from dce_builder import P, by_code, ccap, codes, rc, run, write_dce


@pytest.mark.parametrize(
    "sentence, target, replacement",
    [
        (
            "La clause est prise en application de l'article 14 du Code des marchés publics.",
            "article 14 du Code des marchés publics",
            "article L2112-2 du Code de la commande publique",
        ),
        (
            "Clause d'insertion prévue par l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015.",
            "article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015",
            "article L2112-2 du Code de la commande publique",
        ),
        (
            "Les critères sont ceux de l'article 62 du décret n° 2016-360 du 25 mars 2016.",
            "article 62 du décret n° 2016-360 du 25 mars 2016",
            "article R2152-7 du Code de la commande publique",
        ),
        (
            "Lot réservé en application de l'article 15 du CMP.",
            "article 15 du CMP",
            "article L2113-12 du Code de la commande publique",
        ),
    ],
)
def test_cs201_repealed_article_with_its_current_article(tmp_path, sentence, target, replacement):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(extra=[P(sentence)])}))
    found = by_code(report, "CS201")
    assert len(found) == 1
    assert found[0].target == target
    assert found[0].replacement == replacement
    assert found[0].suggestion.startswith(replacement[0].upper() + replacement[1:])
    assert found[0].piece == "CCAP.docx" and found[0].location.paragraph is not None


def test_cs201_bare_code_des_marches_publics(tmp_path):
    report = run(
        write_dce(
            tmp_path,
            {"RC.docx": rc(extra=[P("Le marché est soumis au Code des marchés publics.")])},
        )
    )
    found = by_code(report, "CS201")
    assert len(found) == 1 and found[0].replacement == "Code de la commande publique"


def test_cs201_near_miss_article_14_du_ccap(tmp_path):
    report = run(
        write_dce(
            tmp_path,
            {
                "CCAP.docx": ccap(
                    extra=[
                        P(
                            "Les pénalités sont fixées à l'article 14 du CCAP et à l'article 5 du CCTP."
                        )
                    ]
                )
            },
        )
    )
    assert "CS201" not in codes(report)


def test_cs202_execution_clause_based_on_reserved_contract_article(tmp_path):
    objet = "En application de l'article L2113-13 du Code de la commande publique, le titulaire réalise une action d'insertion (article 20.1 du CCAG-Travaux)."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(objet=objet)}))
    found = by_code(report, "CS202")
    assert len(found) == 1 and found[0].target == "L2113-13"
    assert "L2112-2" in found[0].suggestion


def test_cs202_execution_clause_based_on_award_criterion(tmp_path):
    objet = "La clause d'insertion, condition d'exécution du marché, est fondée sur l'article R. 2152-7 du Code de la commande publique."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(objet=objet)}))
    found = by_code(report, "CS202")
    assert len(found) == 1
    # French grammar (blind4 read « porte sur la critère d'attribution »)
    assert "porte sur le critère d'attribution :" in found[0].message


def test_cs202_near_miss_reserved_lot_quotes_its_own_article(tmp_path):
    extra = [
        P(
            "Le lot 3 est réservé aux structures d'insertion par l'activité économique en application de l'article L2113-13 du Code de la commande publique."
        )
    ]
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(extra=extra), "RC.docx": rc(extra=extra)}))
    assert "CS202" not in codes(report)


def test_cs202_near_miss_insertion_award_criterion(tmp_path):
    extra = [
        P(
            "Critère n° 3 : performance en matière d'insertion professionnelle des publics en difficulté (10 %), article R2152-7 du Code de la commande publique."
        )
    ]
    report = run(write_dce(tmp_path, {"RC.docx": rc(extra=extra)}))
    assert "CS202" not in codes(report)


def test_cs203_ccag_2009(tmp_path):
    docs = (
        "CCAG applicable aux marchés publics de travaux approuvé par l'arrêté du 8 septembre 2009."
    )
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(docs=docs)}))
    found = by_code(report, "CS203")
    assert len(found) == 1
    assert found[0].target == "arrêté du 8 septembre 2009"
    assert found[0].replacement == "arrêté du 30 mars 2021"


def test_cs203_ccag_travaux_2009_words(tmp_path):
    report = run(
        write_dce(tmp_path, {"CCAP.docx": ccap(docs="Pièces générales : CCAG-Travaux 2009.")})
    )
    found = by_code(report, "CS203")
    assert [(f.target, f.replacement) for f in found] == [
        ("CCAG-Travaux 2009", "CCAG-Travaux 2021")
    ]


def test_cs203_near_miss_ccag_2009_before_its_abrogation(tmp_path):
    docs = (
        "CCAG applicable aux marchés publics de travaux approuvé par l'arrêté du 8 septembre 2009."
    )
    rc_doc = rc(
        object_="Marché public de travaux. Procédure adaptée. Date d'envoi de l'avis : 3 mai 2021."
    )
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(docs=docs), "RC.docx": rc_doc}))
    assert "CS203" not in codes(report)


def test_cs203_wrong_ccag_article_for_insertion(tmp_path):
    objet = "En application de l'article L2112-2 du Code de la commande publique et de l'article 16.1 du CCAG-Travaux, le titulaire réalise une action d'insertion."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(objet=objet)}))
    found = by_code(report, "CS203")
    assert len(found) == 1
    assert found[0].target == "article 16.1 du CCAG"
    assert found[0].replacement == "article 20.1 du CCAG"


def test_cs203_near_miss_right_article_and_penalty_article(tmp_path):
    extra = [
        P(
            "Par dérogation à l'article 19.2 du CCAG-Travaux, les pénalités de la clause d'insertion ne sont pas plafonnées."
        )
    ]
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(extra=extra)}))
    assert "CS203" not in codes(report)


@pytest.mark.parametrize(
    "text, target, replacement",
    [
        (
            "Les demandeurs d'emploi inscrits à Pôle emploi depuis plus de 12 mois.",
            "Pôle emploi",
            "France Travail",
        ),
        ("Les personnes résidant en ZUS.", "ZUS", "QPV"),
        ("Les personnes titulaires d'un agrément Pôle emploi.", "agrément Pôle emploi", "PASS IAE"),
        ("Le contrôle est assuré par la DIRECCTE.", "DIRECCTE", None),
    ],
)
def test_cs204_obsolete_names(tmp_path, text, target, replacement):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(public="Publics éligibles : " + text)}))
    found = by_code(report, "CS204")
    assert [(f.target, f.replacement) for f in found] == [(target, replacement)]


def test_cs204_near_miss_new_name_with_the_old_one(tmp_path):
    public = "Publics éligibles : demandeurs d'emploi inscrits à France Travail (anciennement Pôle emploi), bénéficiaires du RSA."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(public=public)}))
    assert "CS204" not in codes(report)


def test_cs204_near_miss_pole_emploi_in_a_2023_tender(tmp_path):
    public = (
        "Publics éligibles : demandeurs d'emploi inscrits à Pôle emploi depuis plus de 12 mois."
    )
    rc_doc = rc(
        object_="Marché public de travaux. Procédure adaptée. Date d'envoi de l'avis : 15 juin 2023."
    )
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(public=public), "RC.docx": rc_doc}))
    assert "CS204" not in codes(report)


def test_cs205_outdated_eu_threshold(tmp_path):
    extra = [P("Le montant estimé est inférieur au seuil européen de 5 538 000 € HT.")]
    report = run(write_dce(tmp_path, {"RC.docx": rc(extra=extra)}))
    found = by_code(report, "CS205")
    assert len(found) == 1 and found[0].target == "5 538 000"
    assert found[0].replacement == "5 404 000"


def test_cs205_near_miss_2025_threshold_in_a_2025_tender(tmp_path):
    extra = [P("Le montant estimé est inférieur au seuil européen de 5 538 000 € HT.")]
    rc_doc = rc(
        object_="Marché public de travaux. Procédure adaptée. Date d'envoi de l'avis : 10 mars 2025.",
        extra=extra,
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc}))
    assert "CS205" not in codes(report)


def test_cs205_old_dispense_threshold(tmp_path):
    extra = [
        P(
            "Les fournitures et services de moins de 40 000 € HT sont dispensés de publicité et de mise en concurrence."
        )
    ]
    report = run(write_dce(tmp_path, {"RC.docx": rc(extra=extra)}))
    found = by_code(report, "CS205")
    assert len(found) == 1 and found[0].replacement == "60 000"


def test_cs205_near_miss_a_lot_amount_is_no_threshold(tmp_path):
    # 221 000 € is the 2024-2025 supplies threshold, but here it is the amount of a lot.
    extra = [P("Le lot 3 est estimé à 221 000 € HT.")]
    report = run(write_dce(tmp_path, {"RC.docx": rc(extra=extra)}))
    assert "CS205" not in codes(report)


def test_review_date_is_used_without_launch_date(tmp_path):
    rc_doc = rc(object_="Marché public de travaux. Procédure adaptée.")
    public = "Publics éligibles : demandeurs d'emploi inscrits à Pôle emploi."
    root = write_dce(tmp_path, {"RC.docx": rc_doc, "CCAP.docx": ccap(public=public)})
    assert "CS204" in codes(run(root, when=date(2026, 11, 25)))
    assert "CS204" not in codes(run(root, when=date(2023, 6, 1)))
