"""Tender folders written the way real buyers write them, in styles the rule tests do not
use: each review must give exactly the findings a facilitator would give — nothing to
cross out, nothing missed."""

from __future__ import annotations

from collections import Counter
from datetime import date

from dce_builder import (
    CLAUSE_FACILITATOR,
    CLAUSE_MODALITIES,
    CLAUSE_OBJECT,
    CLAUSE_PENALTY,
    CLAUSE_PENALTY_REPORTING,
    CLAUSE_PUBLIC,
    CLAUSE_REPORTING,
    RC_CLAUSE,
    Doc,
    P,
    T,
    ae,
    by_code,
    ccap,
    rc,
    run,
    write_dce,
)

from tools.simple_documents import H

CLAUSE_BODY = [
    P(CLAUSE_PUBLIC),
    P(CLAUSE_MODALITIES),
    P(CLAUSE_FACILITATOR),
    P(CLAUSE_REPORTING),
    P(CLAUSE_PENALTY),
    P(CLAUSE_PENALTY_REPORTING),
]


def _only(report, *expected: str) -> None:
    found = Counter(f.code for f in report.findings)
    assert found == Counter(expected), [
        (f.code, f.piece, f.lot, f.message) for f in report.findings
    ]


# ---------------------------------------------------------------- where the clause is


def test_clause_in_an_annex_only_with_a_ccap_that_points_to_it(tmp_path):
    """The CCAP says the clause is in its annex; the annex holds every element."""
    ccap_doc = ccap(
        clause_title="Article 9 - Conditions particulières d'exécution",
        objet="Les conditions d'exécution à caractère social (action d'insertion) sont "
        "définies à l'annexe n° 2 au présent CCAP, qui a valeur contractuelle.",
        hours=None,
        total=None,
        public=None,
        modalities=None,
        facilitator=None,
        reporting=None,
        penalty=None,
        penalty_reporting=None,
    )
    annex = Doc(
        [
            P("Annexe n° 2 au CCAP – Clause sociale d'insertion"),
            P(
                "En application de l'article L2112-2 du Code de la commande publique, le "
                "titulaire réalise une action d'insertion : lot 1 : 615 heures d'insertion ; "
                "lot 2 : 270 heures d'insertion."
            ),
            *CLAUSE_BODY,
        ]
    )
    report = run(
        write_dce(tmp_path, {"CCAP.docx": ccap_doc, "Annexe_2_clause_sociale.docx": annex})
    )
    _only(report)


# ---------------------------------------------------------------- hours written in prose


def test_hours_in_prose_per_lot_with_every_number_style(tmp_path):
    """« Pour le lot n° 3, le volume d'heures d'insertion est fixé à 1 200 heures », « 1.200
    heures », U+202F and U+00A0 thousands separators: every lot read, none missing."""
    rc_lots = T(
        [
            ["Lot", "Intitulé", "Montant estimé"],
            ["1", "Gros œuvre – maçonnerie", "1 780 000 € HT"],
            ["2", "Peinture", "1 030 000 € HT"],
            ["3", "Plâtrerie – cloisons", "1 310 000 € HT"],
        ]
    )
    hours_prose = [
        P("Pour le lot n° 1, le volume d'heures d'insertion est fixé à 1.335 heures."),
        P("Pour le lot n° 2, le volume d'heures d'insertion est fixé à 1\u202f200 heures."),
        P("Pour le lot n° 3, le volume d'heures d'insertion est fixé à 1\u00a0200 heures."),
    ]
    ccap_doc = ccap(hours=None, total=None, extra=())
    position = next(
        i
        for i, item in enumerate(ccap_doc.items)
        if getattr(item, "text", "") == "9.2 Volume d'heures"
    )
    ccap_doc.items[position + 1 : position + 1] = hours_prose
    rc_doc = rc(
        lots=rc_lots,
        clause="Le marché comporte une clause sociale d'insertion (article 9 du CCAP) pour les "
        "lots 1, 2 et 3.",
    )
    ae_doc = ae(
        commitment=T(
            [
                ["Lot", "Heures d'insertion"],
                ["1", "1 335 heures"],
                ["2", "1 200 heures"],
                ["3", "1 200 heures"],
            ]
        )
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc, "CCAP.docx": ccap_doc, "AE.docx": ae_doc}))
    hours = {lot.number: lot.hours for lot in report.lots}
    assert hours == {
        "1": {"CCAP": 1335, "AE": 1335},
        "2": {"CCAP": 1200, "AE": 1200},
        "3": {"CCAP": 1200, "AE": 1200},
    }
    _only(report)


def test_article_premier_heading_and_clause_in_it(tmp_path):
    """« ARTICLE PREMIER – CLAUSE SOCIALE D'INSERTION »: the clause article is found and its
    place says article 1."""
    ccap_doc = Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("ARTICLE PREMIER – CLAUSE SOCIALE D'INSERTION"),
            P(
                "En application de l'article L2112-2 du Code de la commande publique, le "
                "titulaire réalise une action d'insertion."
            ),
            T([["Lot", "Heures d'insertion"], ["1", "615"], ["2", "270"]]),
            *CLAUSE_BODY,
            H("ARTICLE 2 – PIÈCES CONSTITUTIVES"),
            P("CCAG-Travaux approuvé par l'arrêté du 30 mars 2021."),
        ]
    )
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap_doc}))
    _only(report)
    articles = [f for f in report.facts if f.kind == "clause_article" and f.piece == "CCAP.docx"]
    assert [f.article for f in articles] == ["1"]


def test_accord_cadre_hours_per_year(tmp_path):
    """An accord-cadre of services states its hours « par an »: the lots hold the yearly
    hours, the profile's calculation is per year over the stated duration (no CS403)."""
    rc_doc = Doc(
        [
            P("Règlement de la consultation"),
            H("Article 1 - Objet"),
            P(
                "Accord-cadre de services à bons de commande (CCAG-FCS), conclu pour une durée "
                "d'un an reconductible trois fois. Date d'envoi de l'avis à la publication : "
                "2 décembre 2026."
            ),
            T(
                [
                    ["Lot", "Intitulé", "Montant annuel estimé"],
                    ["1", "Nettoyage des locaux", "110 000 € HT"],
                    ["2", "Entretien des espaces verts", "70 000 € HT"],
                ]
            ),
            H("Article 5 - Clause sociale d'insertion"),
            P(
                "L'accord-cadre comporte une clause sociale d'insertion : lot 1 : 155 heures "
                "d'insertion par an ; lot 2 : 75 heures d'insertion par an."
            ),
        ]
    )
    ccap_doc = ccap(
        docs="CCAG-FCS approuvé par l'arrêté du 30 mars 2021.",
        objet="En application de l'article L2112-2 du Code de la commande publique et de "
        "l'article 16.1 du CCAG-FCS, le titulaire réalise une action d'insertion.",
        hours=T(
            [
                ["Lot", "Heures d'insertion par an"],
                ["1", "155 heures par an"],
                ["2", "75 heures par an"],
            ]
        ),
        total="Soit 230 heures d'insertion par an pour l'ensemble des lots.",
    )
    ae_doc = ae(
        commitment=T(
            [["Lot", "Heures d'insertion par an"], ["1", "155 heures"], ["2", "75 heures"]]
        )
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc, "CCAP.docx": ccap_doc, "AE.docx": ae_doc}))
    _only(report)
    lots = {
        lot.number: (lot.amount_ht, lot.hours["CCAP"], lot.computed_hours) for lot in report.lots
    }
    assert lots == {"1": (440000.0, 155, 155), "2": (280000.0, 75, 75)}


# ---------------------------------------------------------------- legal bases


def test_clause_based_on_the_award_criterion_article_by_mistake(tmp_path):
    """The execution clause « en application de l'article R2152-7 »: CS202."""
    report = run(
        write_dce(
            tmp_path,
            {
                "CCAP.docx": ccap(
                    objet="En application de l'article R2152-7 du Code de la commande publique, "
                    "le titulaire réalise une action d'insertion professionnelle."
                )
            },
        )
    )
    _only(report, "CS202")
    assert by_code(report, "CS202")[0].target == "R2152-7"


def test_reserved_lot_citing_l2113_13_is_right(tmp_path):
    """A lot reserved to SIAE with its own article, beside a clause on L2112-2: no CS202."""
    rc_doc = rc(
        clause=RC_CLAUSE
        + " Le lot 3 « Entretien des abords » est réservé aux structures d'insertion par "
        "l'activité économique (SIAE) en application de l'article L2113-13 du Code de la "
        "commande publique ; il ne comporte pas de clause sociale d'insertion."
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc}))
    _only(report)


def test_france_travail_formerly_pole_emploi_is_no_obsolete_name(tmp_path):
    report = run(
        write_dce(
            tmp_path,
            {
                "CCAP.docx": ccap(
                    public="Publics éligibles : demandeurs d'emploi de longue durée inscrits à "
                    "France Travail (anciennement Pôle emploi), bénéficiaires du RSA."
                )
            },
        )
    )
    _only(report)


def test_tender_of_2025_is_judged_by_2025_law(tmp_path):
    """Launched in March 2025: 221 000 € HT is the threshold in force (no CS205); launched
    in 2023: « Pôle emploi » is the name in force (no CS204)."""
    rc_2025 = rc(
        object_="Marché public de travaux. Date d'envoi de l'avis à la publication : 3 mars "
        "2025. Le montant des fournitures reste inférieur au seuil de procédure formalisée de "
        "221 000 € HT.",
    )
    report = run(write_dce(tmp_path / "2025", {"RC.docx": rc_2025}))
    _only(report)
    rc_2023 = rc(
        object_="Marché public de travaux. Date d'envoi de l'avis à la publication : 12 juin 2023.",
    )
    ccap_2023 = ccap(
        public="Publics éligibles : demandeurs d'emploi de longue durée inscrits à Pôle emploi."
    )
    report = run(write_dce(tmp_path / "2023", {"RC.docx": rc_2023, "CCAP.docx": ccap_2023}))
    _only(report)
    # The same words in a 2026 tender are out of date.
    report = run(write_dce(tmp_path / "2026", {"CCAP.docx": ccap_2023}))
    _only(report, "CS204")


# ---------------------------------------------------------------- the files themselves


def test_scanned_pages_are_cs902_and_nothing_else(tmp_path):
    """A scanned plan as an annex, and an AE whose signature page is scanned: one CS902
    each, no CS904 for the piece without any text (CS902 already says it)."""
    import io

    from fpdf import FPDF
    from PIL import Image

    from tools.simple_documents import _font_path

    def scanned(path, text_lines=()):
        pdf = FPDF(format="A4")
        pdf.add_font("DejaVu", "", str(_font_path(False)))
        pdf.set_font("DejaVu", "", 10)
        if text_lines:
            pdf.add_page()
            for line in text_lines:
                pdf.multi_cell(170, 6, line, new_x="LMARGIN", new_y="NEXT")
        image = io.BytesIO()
        Image.new("RGB", (200, 280), "white").save(image, format="PNG")
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=180)
        pdf.output(str(path))

    root = write_dce(tmp_path, {"AE.docx": None})
    scanned(root / "Annexe_plan_scanne.pdf")
    scanned(
        root / "AE.pdf",
        [
            "Acte d'engagement",
            "Le candidat s'engage à exécuter les prestations et à réaliser les heures "
            "d'insertion suivantes : lot 1 : 615 heures ; lot 2 : 270 heures.",
        ],
    )
    report = run(root)
    _only(report, "CS902", "CS902")
    assert sorted(f.piece for f in report.findings) == ["AE.pdf", "Annexe_plan_scanne.pdf"]
    assert by_code(report, "CS902")[0].location.page == 2  # the AE's signature page


def test_docx_with_a_reviewer_comment_in_the_clause(tmp_path):
    from docx import Document

    root = write_dce(tmp_path)
    document = Document(str(root / "CCAP.docx"))
    target = next(p for p in document.paragraphs if "heures d'insertion" in p.text)
    document.add_comment(target.runs, text="Vérifier le total avec le PLIE", author="Acheteur")
    document.save(str(root / "CCAP.docx"))
    report = run(root)
    _only(report, "CS903")
    assert by_code(report, "CS903")[0].piece == "CCAP.docx"


def test_folder_with_an_xlsx_dpgf(tmp_path):
    """A DPGF spreadsheet beside the pieces: recognised as DPGF, and its amounts and
    « heures » of labour are no insertion hours (no noise)."""
    import openpyxl

    root = write_dce(tmp_path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Lot 1"
    sheet.append(["Décomposition du prix global et forfaitaire (DPGF) – Lot 1 Gros œuvre"])
    sheet.append(["N°", "Désignation", "Unité", "Quantité", "Prix unitaire", "Montant HT"])
    sheet.append(["1.1", "Installation de chantier", "ft", 1, 12000, 12000])
    sheet.append(["1.2", "Main-d'œuvre en régie", "heures", 120, 45, 5400])
    sheet.append(["1.3", "Béton de fondation", "m3", 80, 150, 12000])
    sheet.append(["", "Total HT", "", "", "", 29400])
    workbook.save(root / "DPGF_Lot1.xlsx")
    report = run(root)
    kinds = {p.path: p.kind.value for p in report.pieces}
    assert kinds["DPGF_Lot1.xlsx"] == "DPGF"
    _only(report)


def test_review_date_is_not_the_launch_date(tmp_path):
    """Reviewed in 2026 a tender launched in 2025: dated rules follow the launch date."""
    rc_doc = rc(
        object_="Marché public de travaux. Consultation lancée le 10 janvier 2025. Inférieur "
        "au seuil européen de 5 538 000 € HT."
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc}), when=date(2026, 11, 25))
    _only(report)


def _ccap_with_hours_prose(*lines: str) -> Doc:
    doc = ccap(hours=None, total=None)
    position = next(
        i for i, item in enumerate(doc.items) if getattr(item, "text", "") == "9.2 Volume d'heures"
    )
    doc.items[position + 1 : position + 1] = [P(line) for line in lines]
    return doc


def test_lot_named_after_its_hours_in_prose(tmp_path):
    """« 615 heures d'insertion (lot 1) et 270 heures d'insertion (lot 2) » gave lot 1 the
    270 hours (the last lot before the figure): a false CS401. « … est exigé pour le lot
    1 », « six cent quinze (615) heures », « est de 615 pour le lot 1 » were not read."""
    variants = {
        "paren": ["615 heures d'insertion (lot 1) et 270 heures d'insertion (lot 2)."],
        "after": [
            "Un volume de 615 heures d'insertion est exigé pour le lot 1.",
            "Un volume de 270 heures d'insertion est exigé pour le lot 2.",
        ],
        "words": [
            "Lot 1 : six cent quinze (615) heures d'insertion.",
            "Lot 2 : deux cent soixante-dix (270) heures d'insertion.",
        ],
        "bare": [
            "Le nombre d'heures d'insertion est de 615 pour le lot 1 et de 270 pour le lot 2."
        ],
    }
    for name, lines in variants.items():
        report = run(write_dce(tmp_path / name, {"CCAP.docx": _ccap_with_hours_prose(*lines)}))
        hours = {lot.number: lot.hours.get("CCAP") for lot in report.lots}
        assert hours == {"1": 615, "2": 270}, name
        _only(report)


def test_lot_said_not_concerned_is_no_lot_without_hours(tmp_path):
    """« Le lot 3 n'est pas concerné par la clause sociale », « tous les lots sauf le lot
    3 »: no CS301 for lot 3 (it was read as covered: « concerné »)."""
    for name, words in {
        "negation": " Le lot 3 (fourniture de mobilier) n'est pas concerné par la clause sociale.",
        "except": " La clause d'insertion concerne tous les lots sauf le lot 3.",
    }.items():
        report = run(write_dce(tmp_path / name, {"RC.docx": rc(clause=RC_CLAUSE + words)}))
        _only(report)


def test_clause_copied_from_a_services_tender_cites_the_ccag_fcs(tmp_path):
    """A works tender (CCAG-Travaux) whose clause cites « l'article 16.1 du CCAG-FCS »: the
    right article of the wrong CCAG, CS203 with article 20.1 of the CCAG-Travaux."""
    objet = (
        "En application de l'article L2112-2 du Code de la commande publique et de l'article "
        "16.1 du CCAG-FCS, le titulaire réalise une action d'insertion professionnelle."
    )
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(objet=objet)}))
    _only(report, "CS203")
    assert "20.1" in by_code(report, "CS203")[0].suggestion


def test_penalty_written_as_a_retenue_and_public_as_personnes_eloignees(tmp_path):
    """« une retenue de 30 € … par heure non réalisée » is the penalty (no CS306); « des
    personnes éloignées de l'emploi, dont l'éligibilité est validée par le facilitateur »
    is the public (no CS302); « la modalité retenue » is no penalty (no CS307)."""
    report = run(
        write_dce(
            tmp_path,
            {
                "CCAP.docx": ccap(
                    public="L'action d'insertion bénéficie à des personnes éloignées de "
                    "l'emploi, dont l'éligibilité est validée par le facilitateur.",
                    modalities=CLAUSE_MODALITIES
                    + " Le titulaire informe le facilitateur de la modalité retenue.",
                    penalty="Pour chaque heure d'insertion non réalisée, une retenue de 30 € "
                    "est opérée sur les sommes dues au titulaire.",
                )
            },
        )
    )
    _only(report)


def test_contract_not_divided_into_lots_with_other_hours_in_the_clause(tmp_path):
    """A single contract (lot « unique »): « chaque contrat compte au moins 70 heures » is a
    contract's length, « … 5 % de 7 000 heures de main-d'œuvre, soit 350 heures » gives the
    insertion hours: the lot holds 350 hours in every piece, no CS401."""
    rc_doc = rc(
        lots=None,
        clause="Le marché n'est pas alloti. Il comporte une clause sociale d'insertion de 350 "
        "heures (article 9 du CCAP).",
    )
    ae_doc = ae(commitment=P("Le candidat s'engage à réaliser 350 heures d'insertion."))
    ccap_doc = ccap(
        hours=None,
        total=None,
        objet=CLAUSE_OBJECT + " Chaque contrat de travail compte au moins 70 heures. L'effort "
        "d'insertion représente 5 % de 7 000 heures de main-d'œuvre, soit 350 heures.",
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc, "AE.docx": ae_doc, "CCAP.docx": ccap_doc}))
    _only(report)
    assert [(lot.number, lot.hours) for lot in report.lots] == [
        ("unique", {"CCAP": 350, "AE": 350, "RC": 350})
    ]
