"""Piece kinds and article outlines, on tender pieces written in every format and every
numbering style buyers use."""

from __future__ import annotations

import pytest
from reading_helpers import codes, outline

from clausier.model import PieceKind
from review.reading import read_consultation
from review.structure import build_articles, kind_from_name, normalise_number
from tools.simple_documents import Doc, H, P, PageBreak, T, write

TRAPS = [
    P(
        "1. Le titulaire s'engage à réaliser les heures d'insertion prévues au présent article, "
        "dans les conditions fixées ci-après et sous le contrôle du facilitateur."
    ),
    P("1 200 heures d'insertion sont prévues pour l'ensemble des lots."),
    P("2. Le facilitateur."),
    P("12 mois à compter de la notification."),
    P("Le 12.05.2026, la commission se réunit."),
]

# style -> (headings as (text, level), expected outline)
STYLES = {
    "article_1er": (
        [
            ("ARTICLE 1ER – OBJET DU MARCHÉ", 1),
            ("1.1 Décomposition en lots", 2),
            ("ARTICLE 2 – CLAUSE SOCIALE D'INSERTION", 1),
            ("2.1 Volume d'heures", 2),
            ("2.2 Publics éligibles", 2),
            ("ARTICLE 3 – PÉNALITÉS", 1),
        ],
        [
            ("1", "OBJET DU MARCHÉ", 1),
            ("1.1", "Décomposition en lots", 2),
            ("2", "CLAUSE SOCIALE D'INSERTION", 1),
            ("2.1", "Volume d'heures", 2),
            ("2.2", "Publics éligibles", 2),
            ("3", "PÉNALITÉS", 1),
        ],
    ),
    "article_premier": (
        [
            ("ARTICLE PREMIER - OBJET", 1),
            ("ARTICLE 2 - CLAUSE SOCIALE", 1),
            ("ARTICLE 3 - PÉNALITÉS", 1),
        ],
        [("1", "OBJET", 1), ("2", "CLAUSE SOCIALE", 1), ("3", "PÉNALITÉS", 1)],
    ),
    "article_dash": (
        [
            ("Article 1 – Objet du marché", 1),
            ("Article 2 – Clause sociale d'insertion", 1),
            ("Article 2.1 – Heures", 2),
            ("Article 3 – Pénalités", 1),
        ],
        [
            ("1", "Objet du marché", 1),
            ("2", "Clause sociale d'insertion", 1),
            ("2.1", "Heures", 2),
            ("3", "Pénalités", 1),
        ],
    ),
    "decimal": (
        [
            ("1. Objet", 1),
            ("2. Clause sociale d'insertion", 1),
            ("2.1 Volume d'heures", 2),
            ("2.1.1 Heures par lot", 3),
            ("2.2 Publics éligibles", 2),
            ("3. Pénalités", 1),
        ],
        [
            ("1", "Objet", 1),
            ("2", "Clause sociale d'insertion", 1),
            ("2.1", "Volume d'heures", 2),
            ("2.1.1", "Heures par lot", 3),
            ("2.2", "Publics éligibles", 2),
            ("3", "Pénalités", 1),
        ],
    ),
    "hyphen": (
        [
            ("1 - OBJET", 1),
            ("1-1 Lots", 2),
            ("2 - CLAUSE SOCIALE", 1),
            ("2-1 Heures", 2),
            ("2-2 Contrôle", 2),
        ],
        [
            ("1", "OBJET", 1),
            ("1.1", "Lots", 2),
            ("2", "CLAUSE SOCIALE", 1),
            ("2.1", "Heures", 2),
            ("2.2", "Contrôle", 2),
        ],
    ),
    "decimal_dash": (
        [
            ("1 – Objet", 1),
            ("1.1 – Lots", 2),
            ("2 – Clause sociale", 1),
            ("2.1 – Heures", 2),
            ("4.1 – Heures", 0),  # plain text out of sequence: a citation, not a heading
        ],
        [("1", "Objet", 1), ("1.1", "Lots", 2), ("2", "Clause sociale", 1), ("2.1", "Heures", 2)],
    ),
    "upper_case": (
        [("OBJET DU MARCHÉ", 1), ("CLAUSE SOCIALE D'INSERTION", 1), ("PÉNALITÉS", 1)],
        [
            (None, "OBJET DU MARCHÉ", 1),
            (None, "CLAUSE SOCIALE D'INSERTION", 1),
            (None, "PÉNALITÉS", 1),
        ],
    ),
}


def _ccap(style: str, styled: bool) -> Doc:
    headings, _ = STYLES[style]
    doc = Doc(header="Commune exemple – Pôle enfance").add(
        P("Commune exemple"),
        P("Cahier des clauses administratives particulières"),
        P("SOMMAIRE"),
    )
    for text, _level in headings[:3]:
        doc.add(P(f"{text} ........ {len(doc.items)}"))
    doc.add(PageBreak())
    for n, (text, level) in enumerate(headings):
        doc.add(H(text, level) if styled and level else P(text))
        doc.add(P(f"Texte de la partie {n}."))
        if n == 1:
            doc.add(*TRAPS)
            doc.add(T([["Lot", "Heures"], ["1", "280"]]))
    return doc


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
@pytest.mark.parametrize("styled", [True, False], ids=["styles", "texte"])
@pytest.mark.parametrize("style", list(STYLES))
def test_article_outline_in_every_style_and_format(tmp_path, style, styled, fmt):
    path = write(tmp_path / f"piece.{fmt}", _ccap(style, styled))
    piece = read_consultation(path).pieces[0]
    assert piece.kind == PieceKind.CCAP, piece.kind_reason
    assert outline(piece) == STYLES[style][1]
    # The text of an article is its own, up to the next heading.
    second = list(piece.all_articles())[1]
    assert "Texte de la partie 1." in second.text
    assert "1 200 heures d'insertion" in second.text
    assert "Texte de la partie 2." not in second.text


def test_title_on_the_line_after_article_number(tmp_path):
    doc = Doc().add(
        P("CCAP"),
        P("ARTICLE 1"),
        P("OBJET DU MARCHÉ"),
        P("Texte."),
        P("ARTICLE 2"),
        P("CLAUSE SOCIALE"),
        P("Texte deux."),
    )
    piece = read_consultation(write(tmp_path / "c.pdf", doc)).pieces[0]
    assert outline(piece) == [("1", "OBJET DU MARCHÉ", 1), ("2", "CLAUSE SOCIALE", 1)]
    assert piece.articles[1].text == "Texte deux."


def test_normalise_number():
    assert normalise_number("1ER") == "1"
    assert normalise_number("premier") == "1"
    assert normalise_number("5-2") == "5.2"
    assert normalise_number("05 . 2") == "5.2"


# ---------------------------------------------------------------- kinds

KIND_TITLES = [
    ("Règlement de la consultation", PieceKind.RC),
    ("REGLEMENT PARTICULIER DE LA CONSULTATION", PieceKind.RC),
    ("Cahier des clauses administratives particulières", PieceKind.CCAP),
    ("Cahier des charges valant CCAP", PieceKind.CCAP),
    ("Cahier des clauses administratives et techniques particulières", PieceKind.CCAP),
    ("C.C.A.T.P. – Nettoyage des locaux", PieceKind.CCAP),
    ("Acte d'engagement", PieceKind.AE),
    ("ATTRI1 – Acte d'engagement", PieceKind.AE),
    ("Avis d'appel public à la concurrence", PieceKind.AAPC),
    ("Avis de marché", PieceKind.AAPC),
    ("Cahier des clauses techniques particulières", PieceKind.CCTP),
    ("Bordereau des prix unitaires", PieceKind.BPU),
    ("Décomposition du prix global et forfaitaire", PieceKind.DPGF),
    ("Détail quantitatif estimatif", PieceKind.DQE),
    ("DC1 – Lettre de candidature", PieceKind.DC1),
    ("DC2 – Déclaration du candidat individuel", PieceKind.DC2),
    ("DC4 – Déclaration de sous-traitance", PieceKind.DC4),
    ("Annexe n° 1 à l'acte d'engagement – Engagement d'insertion", PieceKind.ANNEXE_CLAUSE),
    ("ANNEXE AU CCAP – CLAUSE SOCIALE D'INSERTION", PieceKind.ANNEXE_CLAUSE),
    ("Fiche de liaison – clause d'insertion", PieceKind.ANNEXE_CLAUSE),
    # blind11: the annex that holds part of the clause, the commitment form
    ("Fiche d'engagement – clause sociale d'insertion", PieceKind.ANNEXE_CLAUSE),
    ("Modalités de mise en œuvre de la clause sociale d'insertion", PieceKind.ANNEXE_CLAUSE),
    # blind12: the workbook that computes the hours, beside the AE
    ("Tableau de calcul des heures d'insertion", PieceKind.ANNEXE_CLAUSE),
]


@pytest.mark.parametrize(("title", "kind"), KIND_TITLES)
def test_kind_from_the_title_beats_the_file_name(tmp_path, title, kind):
    doc = Doc().add(P("Commune exemple – Marché public de travaux"), P(title), P("Texte."))
    # The file name says something else: the content wins.
    piece = read_consultation(write(tmp_path / "99_Divers.docx", doc)).pieces[0]
    assert piece.kind == kind
    assert piece.kind_reason.startswith("titre :") and title[:10] in piece.kind_reason


def test_ccap_citing_other_pieces_in_its_first_paragraphs_stays_ccap(tmp_path):
    doc = Doc().add(
        P("Commune exemple"),
        P("Construction d'un pôle enfance"),
        P("CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES"),
        H("ARTICLE 1 – Pièces contractuelles"),
        P("Acte d'engagement"),  # a list of pieces, short lines: after the title, too late
        P("Règlement de la consultation"),
    )
    piece = read_consultation(write(tmp_path / "01_RC.docx", doc)).pieces[0]
    assert piece.kind == PieceKind.CCAP


def test_contract_with_administrative_clauses_counts_as_ccap(tmp_path):
    doc = Doc().add(
        P("CONTRAT DE PRESTATIONS DE NETTOYAGE"),
        H("ARTICLE 1 – Objet"),
        P("Le présent contrat fixe les obligations du titulaire."),
        H("ARTICLE 2 – Prix et révision des prix"),
        P("Les prix sont révisables ; le délai d'exécution court à compter de la notification."),
        H("ARTICLE 3 – Pénalités et résiliation"),
        P("Le CCAG-FCS s'applique. Les pénalités sont dues sans mise en demeure."),
    )
    piece = read_consultation(write(tmp_path / "contrat.odt", doc)).pieces[0]
    assert piece.kind == PieceKind.CCAP and "contrat" in piece.kind_reason


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("01_RC.docx", PieceKind.RC),
        ("CCAP.pdf", PieceKind.CCAP),
        ("03_CCATP.pdf", PieceKind.CCAP),
        ("AE_Lot01.docx", PieceKind.AE),
        ("Annexe_clause_insertion.odt", PieceKind.ANNEXE_CLAUSE),
        ("Avis_BOAMP.pdf", PieceKind.AAPC),
        ("03-CCTP-lot2.odt", PieceKind.CCTP),
        ("DPGF_Lot02.docx", PieceKind.DPGF),
        ("Reglement_consultation.pdf", PieceKind.RC),
        ("Acte_engagement.docx", PieceKind.AE),
        ("DCE 2026 - Modalités de mise en œuvre de la clause sociale.PDF", PieceKind.ANNEXE_CLAUSE),
        ("CCAP clause sociale.docx", PieceKind.CCAP),
        ("Tableau_calcul_heures.docx", PieceKind.ANNEXE_CLAUSE),  # blind12
        ("Heures insertion.docx", PieceKind.ANNEXE_CLAUSE),
        # the whole name of the piece, accents decomposed as macOS writes them (NFD)
        ("Cahier des clauses administratives particulie\u0300res.docx", PieceKind.CCAP),
        ("De\u0301tail quantitatif estimatif.docx", PieceKind.DQE),
    ],
)
def test_kind_from_the_file_name_when_the_content_says_nothing(tmp_path, name, kind):
    doc = Doc().add(P("Commune exemple"), P("Texte sans titre de pièce."))
    piece = read_consultation(write(tmp_path / name, doc)).pieces[0]
    assert piece.kind == kind
    assert piece.kind_reason == f"nom du fichier : {name}"
    assert kind_from_name(name) == kind


def test_kind_from_the_running_header(tmp_path):
    doc = Doc(header="RC – Construction du pôle enfance").add(P("Commune exemple"), P("Texte."))
    piece = read_consultation(write(tmp_path / "piece.docx", doc)).pieces[0]
    assert piece.kind == PieceKind.RC and piece.kind_reason.startswith("en-tête")


def test_unknown_kind_is_cs904(tmp_path):
    doc = Doc().add(P("Note de service"), P("Texte."))
    piece = read_consultation(write(tmp_path / "note.docx", doc)).pieces[0]
    assert piece.kind == PieceKind.AUTRE
    assert codes(piece.findings) == ["CS904"]
    assert "note.docx" in piece.findings[0].message


def test_price_schedules_as_spreadsheets(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["BORDEREAU DES PRIX UNITAIRES"])
    sheet.append(["N°", "Désignation", "Unité", "Prix HT"])
    sheet.append([1, "Heure de nettoyage", "h", 32.5])
    workbook.save(tmp_path / "lot1.xlsx")
    piece = read_consultation(tmp_path / "lot1.xlsx").pieces[0]
    assert piece.kind == PieceKind.BPU
    assert piece.tables()[0][2] == ["1", "Heure de nettoyage", "h", "32.5"]


def test_notes_that_cite_a_piece_are_no_piece(tmp_path):
    """blind4: « Notes internes … : vérifier le DPGF. » in a .txt file was taken as the DPGF."""
    notes = tmp_path / "dce" / "notes_preparation.txt"
    notes.parent.mkdir()
    notes.write_text(
        "Notes internes : relancer le bureau d'études sur le planning ; vérifier le DPGF.\n",
        encoding="utf-8",
    )
    piece = read_consultation(notes.parent).pieces[0]
    assert piece.kind == PieceKind.AUTRE and codes(piece.findings) == ["CS904"]


def test_a_title_that_names_its_piece_still_counts(tmp_path):
    # Near miss: the piece's own title, after the buyer's name and a dash.
    doc = Doc().add(P("COMMUNE DE VALDOR – DPGF du lot 2"), P("Texte."))
    piece = read_consultation(write(tmp_path / "piece.docx", doc)).pieces[0]
    assert piece.kind == PieceKind.DPGF


def _pdf_piece(lines: list[str]):
    from clausier.model import Block, Piece, Place

    blocks = [Block(text=line, place=Place(page=1)) for line in lines]
    piece = Piece(path="CCAP.pdf", format="pdf", blocks=blocks)
    build_articles(piece)
    return piece


def test_pdf_title_wrapped_onto_the_next_line():
    """blind5: « ARTICLE 8 – CONDITION D'EXÉCUTION À CARACTÈRE » then « SOCIAL » on the
    next PDF line: the clause article lost its « social »."""
    piece = _pdf_piece(
        [
            "ARTICLE 7 – DÉLAIS D'EXÉCUTION",
            "Les délais courent à compter de l'ordre de service.",
            "ARTICLE 8 – CONDITION D'EXÉCUTION À CARACTÈRE",
            "SOCIAL",
            "8.1 Objet et fondement",
            "Base juridique : article L2112-2 du code de la commande publique.",
        ]
    )
    titles = [a.title for a in piece.all_articles()]
    assert "CONDITION D'EXÉCUTION À CARACTÈRE SOCIAL" in titles


def test_pdf_title_followed_by_a_short_body_line_keeps_its_body():
    # near miss: a complete title, then « SANS OBJET » as the article's body
    piece = _pdf_piece(
        [
            "ARTICLE 9 – CLAUSE SOCIALE D'INSERTION",
            "SANS OBJET",
            "ARTICLE 10 – RÉSILIATION",
            "Les stipulations du CCAG s'appliquent.",
        ]
    )
    article = next(a for a in piece.all_articles() if a.number == "9")
    assert article.title == "CLAUSE SOCIALE D'INSERTION"
    assert [b.text for b in article.blocks] == ["SANS OBJET"]


@pytest.mark.parametrize(
    ("title", "kind", "also"),
    [
        ("Marché valant acte d'engagement et CCAP", PieceKind.AE, (PieceKind.CCAP,)),
        ("Acte d'engagement valant CCAP", PieceKind.CCAP, (PieceKind.AE,)),
        ("CCAP valant acte d'engagement", PieceKind.CCAP, (PieceKind.AE,)),
        ("Acte d'engagement", PieceKind.AE, ()),  # near miss
    ],
)
def test_one_piece_that_stands_for_the_ae_and_the_ccap(tmp_path, title, kind, also):
    """blind7: a short DCE whose « Marché valant acte d'engagement et CCAP » holds both got
    « le dossier ne contient pas le CCAP » (CS105)."""
    doc = Doc().add(P("Centre hospitalier exemple"), P(title), P("Texte."))
    folder = tmp_path / "dce"
    write(folder / "Marche.docx", doc)
    consultation = read_consultation(folder)
    piece = consultation.pieces[0]
    assert (piece.kind, piece.also_serves_as) == (kind, also)
    from datetime import date

    from review.engine import review

    missing = [
        f for f in review(folder, review_date=date(2026, 11, 25)).findings if f.code == "CS105"
    ]
    assert len(missing) == 2 - len(also)  # the RC, and the CCAP or the AE unless it is both


def test_numbered_chapters_over_their_sub_articles_are_articles(tmp_path):
    """blind9: « Chapitre 4 – Clause sociale d'insertion » over « 4.1 … » to « 4.7
    Sanctions »: the chapter was text, and the clause's sanctions stood outside it."""
    doc = Doc().add(
        P("Cahier des clauses administratives particulières"),
        P("Chapitre 3 – Prix et règlement"),
        P("Les prix sont fermes."),
        P("Chapitre 4 – Clause sociale d'insertion"),
        P("4.1. Objet et fondement"),
        P("Le titulaire réalise une action d'insertion."),
        P("4.2. Sanctions"),
        P("Pénalité de 30 € par heure non réalisée."),
        P("Chapitre 5 – Pénalités"),
        P("Pénalité de retard : 1/3 000 du montant par jour."),
    )
    piece = read_consultation(write(tmp_path / "CCAP.docx", doc)).pieces[0]
    assert outline(piece) == [
        ("3", "Prix et règlement", 1),
        ("4", "Clause sociale d'insertion", 1),
        ("4.1", "Objet et fondement", 2),
        ("4.2", "Sanctions", 2),
        ("5", "Pénalités", 1),
    ]


def test_chapters_without_numbered_sub_articles_stay_text(tmp_path):
    doc = Doc().add(
        P("Cahier des clauses administratives particulières"),
        H("Article 1 – Objet"),
        P("Chapitre 2 de l'étude : sans objet pour le présent marché."),
        H("Article 2 – Prix"),
        P("Les prix sont fermes."),
    )
    piece = read_consultation(write(tmp_path / "CCAP.docx", doc)).pieces[0]
    assert [number for number, _, _ in outline(piece)] == ["1", "2"]


def test_a_file_named_for_other_hours_is_no_clause_annex():
    # Near miss of « Tableau_calcul_heures »: hours of the works, not of the clause.
    assert kind_from_name("Planning des heures de chantier.xlsx") is None
