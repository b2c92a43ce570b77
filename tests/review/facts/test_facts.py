"""Facts read from real documents: hours, lots, references, dates, « sans objet »."""

from __future__ import annotations

from datetime import date

from review.facts import extract_facts
from review.reading import read_consultation
from tools.simple_documents import Doc, H, P, T, write


def _facts(tmp_path, name: str, doc: Doc):
    write(tmp_path / name, doc)
    return extract_facts(read_consultation(tmp_path))


def _ccap(*items):
    return Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("Article 9 - Clause sociale d'insertion"),
            *items,
        ]
    )


def test_hours_in_prose_per_lot_and_total(tmp_path):
    facts = _facts(
        tmp_path,
        "CCAP.docx",
        _ccap(
            P(
                "Lot n° 01 : 1 200 heures d’insertion ; lot 2A : 1.200 heures d'insertion. Soit un total de 2 400 heures."
            )
        ),
    )
    assert sorted((f.lot, f.value) for f in facts.of("hours")) == [("1", 1200), ("2a", 1200)]
    assert [f.value for f in facts.of("hours_total")] == [2400]
    assert all(f.article == "9" for f in facts.of("hours"))


def test_delays_and_working_week_are_not_insertion_hours(tmp_path):
    facts = _facts(
        tmp_path,
        "CCAP.docx",
        _ccap(
            P(
                "Le titulaire réalise 300 heures d'insertion. Il répond dans un délai de 48 heures ; la durée hebdomadaire est de 35 heures par semaine."
            )
        ),
    )
    assert [f.value for f in facts.of("hours")] == [300]


def test_hours_worked_of_the_formula_are_not_insertion_hours(tmp_path):
    facts = _facts(
        tmp_path,
        "CCAP.docx",
        _ccap(
            P(
                "Le nombre d'heures travaillées est estimé à 16 667 heures, dont 5 % soit 835 heures d'insertion."
            )
        ),
    )
    assert [f.value for f in facts.of("hours")] == [835]


def test_hours_per_year_in_a_framework_agreement(tmp_path):
    facts = _facts(
        tmp_path,
        "CCAP.pdf",
        _ccap(
            P(
                "Accord-cadre : lot 1 : 155 heures d'insertion par an ; lot 2 : 75 heures d'insertion par an."
            )
        ),
    )
    assert sorted((f.lot, f.value) for f in facts.of("hours")) == [("1", 155), ("2", 75)]
    assert {f.value for f in facts.of("hours_period")} == {"year"}


def test_hours_table_with_sans_objet_row(tmp_path):
    table = T(
        [
            ["Lot", "Intitulé", "Montant estimé", "Heures d'insertion"],
            ["Lot 1", "VRD", "300 000 € HT", "135"],
            ["Lot 2", "Fourniture de mobilier", "80 000 € HT", "sans objet"],
            ["Total", "", "", "135"],
        ]
    )
    facts = _facts(tmp_path, "CCAP.odt", _ccap(table))
    assert [(f.lot, f.value) for f in facts.of("hours")] == [("1", 135)]
    assert [f.value for f in facts.of("hours_total")] == [135]
    lots = {f.value.number: f.value for f in facts.of("lot")}
    assert lots["2"].title == "Fourniture de mobilier" and lots["1"].amount_ht == 300000.0


def test_references_forms(tmp_path):
    text = "Vu les articles L. 2112-2, L2113-13 et R.2152-7 ; voir l'article L5132-4 du code du travail et l'article 14 du CCAP."
    facts = _facts(tmp_path, "CCAP.docx", _ccap(P(text)))
    refs = [f.value for f in facts.of("reference")]
    assert sorted(r.article for r in refs if r.family == "ccp") == [
        "L2112-2",
        "L2113-13",
        "R2152-7",
    ]
    assert not [r for r in refs if r.family == "cmp"]


def test_launch_date_and_deadline(tmp_path):
    doc = Doc(
        [
            P("Règlement de la consultation"),
            H("Article 1 - Objet"),
            P(
                "Date d'envoi de l'avis : 1er décembre 2026. Date limite de remise des offres : 15/01/2027."
            ),
        ]
    )
    facts = _facts(tmp_path, "RC.docx", doc)
    assert [f.value for f in facts.of("launch_date")] == [date(2026, 12, 1)]
    assert [f.value for f in facts.of("deadline")] == [date(2027, 1, 15)]


def test_sans_objet_statement_and_lot_without_clause(tmp_path):
    doc = Doc(
        [
            P("Règlement de la consultation"),
            H("Article 6 - Clause sociale"),
            P("Clause sociale d'insertion : sans objet."),
            P("Le lot 3 ne comporte pas de clause sociale."),
        ]
    )
    facts = _facts(tmp_path, "RC.docx", doc)
    assert len(facts.of("clause_none")) == 1
    assert [f.lot for f in facts.of("lot_no_clause")] == ["3"]


def test_obsolete_name_near_miss_with_new_name(tmp_path):
    doc = _ccap(
        P("Demandeurs d'emploi inscrits à France Travail (ex-Pôle emploi) ; résidents des QPV.")
    )
    assert _facts(tmp_path, "CCAP.docx", doc).of("obsolete_name") == []


def test_facilitator_contact_and_penalties(tmp_path):
    doc = _ccap(
        P("Facilitateur : Maison de l'emploi, tél. 05 49 00 00 00, clause@example.org."),
        P(
            "Pour chaque heure non réalisée, une pénalité de 1,5 fois le SMIC horaire brut de 11,88 € (2025) est appliquée."
        ),
        P(
            "En cas de retard dans la transmission des fiches de suivi, une pénalité de 50 € par jour de retard est appliquée."
        ),
    )
    facts = _facts(tmp_path, "CCAP.docx", doc)
    contact = facts.of("facilitator")[0].value
    assert contact.phone == "05 49 00 00 00" and contact.email == "clause@example.org"
    assert len(facts.of("penalty_hours")) == 1 and len(facts.of("penalty_reporting")) == 1
    smic = facts.of("smic_value")[0].value
    assert (smic.amount, smic.year) == (11.88, 2025)


def _lot_table_ccap(path, merged: bool) -> None:
    """A CCAP whose lot table has a header on two rows (« Clause sociale » merged over two
    columns, « Lot » and « Désignation » merged down: Word gridSpan and vMerge), or, not
    `merged`, a header on one row over a section row « Bâtiment A »."""
    import docx

    document = docx.Document()
    document.add_paragraph("Cahier des clauses administratives particulières")
    document.add_heading("Article 9 - Clause sociale d'insertion", 1)
    document.add_paragraph("Le titulaire réalise les heures d'insertion suivantes :")
    table = document.add_table(rows=4, cols=4)
    top = (
        ["Lot", "Désignation", "Clause sociale"]
        if merged
        else ["Lot", "Désignation", "Heures", "Montant"]
    )
    for column, text in enumerate(top):
        table.cell(0, column).text = text
    if merged:
        table.cell(0, 2).merge(table.cell(0, 3))
        table.cell(1, 2).text, table.cell(1, 3).text = "Heures", "Montant estimé (€ HT)"
        table.cell(0, 0).merge(table.cell(1, 0))
        table.cell(0, 1).merge(table.cell(1, 1))
    else:
        table.cell(1, 0).text = "Bâtiment A"
    rows = [("1", "Gros œuvre", "615", "820 000"), ("2", "Charpente", "270", "460 000")]
    for row, values in enumerate(rows, start=2):
        for column, text in enumerate(values):
            table.cell(row, column).text = text
    document.save(path)


def test_lot_table_with_a_header_on_two_merged_rows(tmp_path):
    _lot_table_ccap(tmp_path / "CCAP.docx", merged=True)
    facts = extract_facts(read_consultation(tmp_path))
    assert sorted((f.lot, f.value) for f in facts.of("hours")) == [("1", 615), ("2", 270)]
    assert sorted((f.lot, f.value.amount_ht) for f in facts.of("lot")) == [
        ("1", 820000.0),
        ("2", 460000.0),
    ]


def test_lot_table_with_a_section_row_under_its_header(tmp_path):
    # Near miss: « Bâtiment A » under « Lot » is a section row, not the header's lower half.
    _lot_table_ccap(tmp_path / "CCAP.docx", merged=False)
    facts = extract_facts(read_consultation(tmp_path))
    assert sorted((f.lot, f.value) for f in facts.of("hours")) == [("1", 615), ("2", 270)]


def _pdf_table(rows_by_page: list[list[list[str]]]):
    """A PDF piece whose table goes on over pages (one table index per page, as read)."""
    from clausier.model import Block, Piece, Place

    piece = Piece(path="RC.pdf", format="pdf")
    for table, rows in enumerate(rows_by_page):
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    place = Place(page=table + 1, table=table, row=r, cell=c)
                    piece.blocks.append(Block(text=text, place=place))
    return piece


def test_a_table_row_cut_by_a_page_break_is_one_row():
    """blind15 b15-01: « Électricité courants forts » / « et faibles » at the top of the next
    page made that page's rows another table (lot 4 lost: CS404, CS402)."""
    from review.facts.text import table_rows

    piece = _pdf_table(
        [
            [
                ["Lot", "Intitulé", "Heures d'insertion"],
                ["3", "Électricité courants forts", "200 heures"],
            ],
            [["", "et faibles", ""], ["4", "Peinture", "170 heures"]],
        ]
    )
    rows = [[c for c, _ in row] for row in next(iter(table_rows(piece).values()))]
    assert rows == [
        ["Lot", "Intitulé", "Heures d'insertion"],
        ["3", "Électricité courants forts et faibles", "200 heures"],
        ["4", "Peinture", "170 heures"],
    ]


def test_a_table_of_words_on_the_next_page_is_another_table():
    # Near miss: the next page opens with a full header of words.
    from review.facts.text import table_rows

    piece = _pdf_table(
        [
            [["Lot", "Intitulé", "Heures d'insertion"], ["3", "Électricité", "200 heures"]],
            [["Critère", "Pondération", "Note"], ["Prix", "60 %", "sur 20"]],
        ]
    )
    assert len(table_rows(piece)) == 2
