"""Regression tests: one per bug found and fixed (append only)."""

from __future__ import annotations

import pytest
from clitext import flat

# ---------------------------------------------------------------- batch


def test_reviews_in_two_threads_of_one_process_do_not_corrupt_spacy(tmp_path):
    """Dask workers run tasks in threads; spaCy's string store is not thread-safe and two
    simultaneous reviews ended in « KeyError: [E018] Can't retrieve string for hash ». The
    batch task now serialises reviews within a process."""
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date

    from apps.batch.worker import Task, review_task
    from tools.simple_documents import Doc, H, P, write

    tasks = []
    for n in range(6):
        folder = tmp_path / f"DCE-{n}"
        write(
            folder / "CCAP.docx",
            Doc(
                [
                    H("Cahier des clauses administratives particulières"),
                    H("Article 7 - Clause sociale d'insertion"),
                    P(f"Le titulaire réalise {100 + n} heures d'insertion (lot {n})."),
                ]
            ),
        )
        tasks.append(Task(id=folder.name, path=str(folder), review_date=date(2026, 11, 25)))
    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(pool.map(review_task, tasks))
    for outcome in outcomes:
        assert not [f for f in outcome["report"]["findings"] if f["code"] == "CS901"], outcome


def test_hours_cell_with_non_breaking_space_is_read_whole(tmp_path):
    """Review: « 2 155 heures » (U+00A0) in a table total was read as 2 hours (CS402 false
    positive on the conforming works sample)."""
    from datetime import date as _date

    from review.engine import review as _review
    from tools.simple_documents import Doc as _Doc
    from tools.simple_documents import H as _H
    from tools.simple_documents import P as _P
    from tools.simple_documents import T as _T
    from tools.simple_documents import write as _write

    table = _T(
        [
            ["Lot", "Heures d'insertion"],
            ["1", "1\u00a0200 heures"],
            ["2", "955\u00a0heures"],
            ["Total", "2\u00a0155 heures"],
        ]
    )
    _write(
        tmp_path / "CCAP.docx",
        _Doc(
            [
                _P("Cahier des clauses administratives particulières"),
                _H("Article 9 - Clause sociale d'insertion"),
                table,
            ]
        ),
    )
    report = _review(tmp_path, review_date=_date(2026, 11, 25), strict=True)
    assert "CS402" not in {f.code for f in report.findings}
    assert {lot.number: lot.hours.get("CCAP") for lot in report.lots} == {"1": 1200, "2": 955}


# ---------------------------------------------------------------- review (quality pass)


def _review_docs(root, docs, when=None):
    """Write `docs` (file name -> Doc) under `root` and review the folder."""
    from datetime import date as _date

    from review.engine import review as _review
    from tools.simple_documents import write as _write

    for name, doc in docs.items():
        _write(root / name, doc)
    return _review(root, review_date=when or _date(2026, 11, 25), strict=True)


def test_oe_ligature_keeps_accent_insensitive_matching(tmp_path):
    """Review: « œ » folded to « oe » changed the segment length, the folded text fell back
    to a plain lower case with accents, and « Pôle emploi » in an article saying « mise en
    œuvre » was never matched (missed CS204)."""
    from review.nlp import fold
    from tools.simple_documents import Doc, H, P

    assert fold("Mise en Œuvre – Pôle emploi’s") == "mise en œuvre – pole emploi's"
    assert len(fold("İstanbul œ é")) == len("İstanbul œ é")
    ccap = Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("Article 9 - Clause sociale d'insertion"),
            P(
                "Pour la mise en œuvre de la clause, le titulaire recrute des demandeurs "
                "d'emploi inscrits à Pôle emploi : 300 heures d'insertion."
            ),
        ]
    )
    report = _review_docs(tmp_path, {"CCAP.pdf": ccap})
    found = [f for f in report.findings if f.code == "CS204"]
    assert [f.target for f in found] == ["Pôle emploi"]


def _split_table_pdf(path, repeat_header: bool, total: str):
    """A CCAP whose hours table starts at the foot of page 1 and goes on on page 2, with
    or without its header repeated (fpdf2 drawn, like a Word export)."""
    from fpdf import FPDF

    from tools.simple_documents import _font_path

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(_font_path(False)))
    pdf.add_font("DejaVu", "B", str(_font_path(True)))
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    lines = ["Cahier des clauses administratives particulières"]
    lines += ["Article 9 - Clause sociale d'insertion"]
    lines += ["Le titulaire réalise une action d'insertion professionnelle."] * 42
    for line in lines:
        pdf.multi_cell(170, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    rows = [
        ["Lot", "Intitulé", "Heures d'insertion"],
        ["1", "Gros œuvre", "615 heures"],
        ["2", "Charpente", "270 heures"],
        ["3", "Peinture", "120 heures"],
        ["4", "Plâtrerie", "200 heures"],
        ["Total", "", total],
    ]
    with pdf.table(text_align="LEFT", repeat_headings=1 if repeat_header else 0) as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.output(str(path))
    return path


def test_hours_table_split_across_pdf_pages_is_one_table(tmp_path):
    """Review: a PDF table cut by a page break was read as two tables; the rows on the next
    page (no header, or the header repeated) were lost: false CS404, missed CS402."""
    from datetime import date as _date

    from review.engine import review as _review

    for repeat in (False, True):
        root = tmp_path / f"repeat-{repeat}"
        root.mkdir()
        _split_table_pdf(root / "CCAP.pdf", repeat, "1 300 heures")
        report = _review(root, review_date=_date(2026, 11, 25), strict=True)
        pages = {f.place.page for f in report.facts if f.kind == "hours"}
        assert pages == {1, 2}, repeat  # the table does straddle the page break
        hours = {lot.number: lot.hours.get("CCAP") for lot in report.lots}
        assert hours == {"1": 615, "2": 270, "3": 120, "4": 200}, repeat
        assert [f.code for f in report.findings if f.code in ("CS402", "CS404")] == ["CS402"]


def _clause_ccap(*paragraphs, hours_rows=None):
    from tools.simple_documents import Doc, H, P, T

    items = [P("Cahier des clauses administratives particulières")]
    items += [H("Article 9 - Clause sociale d'insertion")]
    if hours_rows:
        items.append(T(hours_rows))
    items += [P(text) for text in paragraphs]
    return Doc(items)


def test_messages_contract_de_le_and_fit_the_penalty_found(tmp_path):
    """Review: the CS401 suggestion said « de le lot 2 » (and « valeur du AE »); CS307 spoke
    of the per-hour penalty when the frozen SMIC was in the reporting-delay penalty."""
    import re as _re

    from tools.simple_documents import Doc, P, T

    ccap = _clause_ccap(
        "En application de l'ARTICLE 14 DU CODE DES MARCHÉS PUBLICS, le titulaire réalise "
        "les heures d'insertion ci-dessus.",
        "En cas de non-réalisation des heures d'insertion, pénalité de 1,5 fois le SMIC "
        "horaire brut en vigueur par heure non réalisée.",
        "En cas de retard dans la transmission des documents de suivi, pénalité égale à "
        "10 fois le SMIC horaire brut de 11,65 € (2024) par jour de retard.",
        hours_rows=[["Lot", "Heures d'insertion"], ["1", "615"], ["2", "270"]],
    )
    ae = Doc(
        [
            P("Acte d'engagement"),
            T([["Lot", "Heures d'insertion"], ["1", "615 heures"], ["2", "300 heures"]]),
        ]
    )
    report = _review_docs(tmp_path, {"CCAP.docx": ccap, "AE.docx": ae})
    by = {f.code: f for f in report.findings}
    assert "du lot 2" in by["CS401"].suggestion and "du CCAP" in by["CS401"].suggestion
    for f in report.findings:
        for words in (f.message, f.suggestion or ""):
            assert not _re.search(r"\b(?:de|à) les?\b", words), (f.code, words)
    assert "L2112-2" in by["CS201"].suggestion and "L2112-2" in by["CS201"].replacement
    cs307 = by["CS307"]
    assert "transmission des documents de suivi" in cs307.message
    assert "par jour de retard" in cs307.suggestion and "heure non réalisée" not in cs307.suggestion


def test_cs301_for_a_lot_the_clause_covers_without_hours(tmp_path):
    """Review: CS301 per lot was not implemented: a lot the clause covers, with no hours in
    any piece, went unreported (CS404 only sees lots listed with hours)."""
    from tools.simple_documents import Doc, P, T

    hours = [["Lot", "Heures d'insertion"], ["1", "615"], ["2", "270"]]
    ccap = _clause_ccap(
        "La clause sociale d'insertion concerne les lots n° 1 à 3.", hours_rows=hours
    )
    rc = Doc(
        [
            P("Règlement de la consultation"),
            T(
                [
                    ["Lot", "Intitulé", "Montant estimé", "Clause d'insertion"],
                    ["1", "Gros œuvre", "820 000 € HT", "Oui"],
                    ["2", "Charpente bois", "460 000 € HT", "Oui"],
                    ["3", "Peinture", "300 000 € HT", "Oui"],
                    ["4", "Fourniture de mobilier", "90 000 € HT", "Non"],
                ]
            ),
        ]
    )
    report = _review_docs(tmp_path / "a", {"CCAP.docx": ccap, "RC.docx": rc})
    found = [f for f in report.findings if f.code == "CS301"]
    assert [(f.piece, f.lot) for f in found] == [("CCAP.docx", "3")]
    assert "350 heures" in found[0].suggestion  # 300 000 × 0,70 × 5 % ÷ 30
    # Near miss: the lot is said to carry no clause.
    ccap = _clause_ccap(
        "La clause sociale d'insertion concerne les lots 1 et 2. Le lot 3 ne comporte pas de "
        "clause sociale.",
        hours_rows=hours,
    )
    report = _review_docs(tmp_path / "b", {"CCAP.docx": ccap})
    assert "CS301" not in {f.code for f in report.findings}


def test_expected_range_knows_accords_cadres():
    """Hours: expected_range ignored accords-cadres (nettoyage at 440 000 € over 4 years:
    (470, 780) while the tender states 155 h per year); the engine skipped such lots."""
    from clausier.hours import LotRequest, compute_lot, expected_range
    from clausier.profile import load_profile

    profile = load_profile()
    lot = LotRequest("1", "Nettoyage des locaux", 440_000.0, "nettoyage")
    assert expected_range(lot, profile) == (470, 780)
    assert expected_range(lot, profile, framework=True, duration_years=4) == (115, 195)
    assert expected_range(lot, profile, duration_years=4, period="year") == (115, 195)
    assert expected_range(lot, profile, period="year") is None  # duration unknown
    low, high = expected_range(lot, profile, period="tranche")
    hours = compute_lot(lot, profile, period="tranche").hours  # 50 000 € ordered
    assert low <= hours <= high and hours == 70


def test_cs403_judges_hours_per_year_of_an_accord_cadre(tmp_path):
    """Review: lots with hours « par an » were skipped by CS403 (a workaround for
    expected_range); now judged per year with the duration the pieces state."""
    from tools.simple_documents import Doc, P, T

    def rc(hours: str) -> Doc:
        return Doc(
            [
                P("Règlement de la consultation"),
                P("Accord-cadre de services conclu pour une durée de quatre ans."),
                T(
                    [
                        ["Lot", "Intitulé", "Montant maximum sur 4 ans"],
                        ["1", "Nettoyage des locaux", "440 000 € HT"],
                    ]
                ),
                P(f"Clause sociale d'insertion : lot 1 : {hours} heures d'insertion par an."),
            ]
        )

    good = _review_docs(tmp_path / "good", {"RC.docx": rc("155")})
    assert "CS403" not in {f.code for f in good.findings}
    assert [(lot.amount_ht, lot.computed_hours) for lot in good.lots] == [(440000.0, 155)]
    bad = _review_docs(tmp_path / "bad", {"RC.docx": rc("600")})
    found = [f for f in bad.findings if f.code == "CS403"]
    assert len(found) == 1 and "115 à 195 heures par an" in found[0].message


def test_hours_from_an_accord_cadre_tender_gives_hours_per_year():
    """CLI: `hours --from` did not know the tender was an accord-cadre: it gave hours over
    the whole contract instead of the DCE's hours per year."""
    import json as _json
    from pathlib import Path as _Path

    from click.testing import CliRunner

    from apps.cli import cli

    sample = _Path(__file__).resolve().parent.parent / "samples" / "services-accord-cadre.zip"
    result = CliRunner().invoke(cli, ["hours", "--from", str(sample), "--format", "json"])
    assert result.exit_code == 0, result.output
    lots = _json.loads(result.stdout)["lots"]
    assert [(lot["hours"], lot.get("period")) for lot in lots] == [(155, "year"), (75, "year")]
    assert "4 ans" in lots[0]["note"]


def test_buyer_object_reference_and_nature_facts_feed_generate_from(tmp_path):
    """Review → generate: `generate --from` found no buyer, object nor reference in the
    review facts (« à compléter » everywhere); the review now states them."""
    from click.testing import CliRunner
    from docx import Document

    from apps.cli import cli
    from tools.simple_documents import Doc, H, P, T

    rc = Doc(
        [
            P("COMMUNE DE SAINT-EXEMPLE-SUR-LOIRE", bold=True),
            P("Règlement de la consultation"),
            H("Article 1 - Identification"),
            P("Pouvoir adjudicateur : Commune de Saint-Exemple-sur-Loire, 1 rue de la Mairie."),
            P("Objet de la consultation : Réhabilitation de l'école des Tilleuls."),
            P("Référence de la consultation : DCE-2026-07"),
            P("Marché public de travaux passé selon une procédure adaptée."),
            T(
                [
                    ["Lot", "Intitulé", "Montant estimé"],
                    ["1", "Gros œuvre – maçonnerie", "820 000 € HT"],
                ]
            ),
        ]
    )
    dce = tmp_path / "dce"
    report = _review_docs(dce, {"RC.docx": rc})
    facts = {f.kind: f.value for f in reversed(report.facts)}
    assert facts["buyer"] == "Commune de Saint-Exemple-sur-Loire"
    assert facts["object"] == "Réhabilitation de l'école des Tilleuls"
    assert facts["consultation_reference"] == "DCE-2026-07"
    assert facts["nature"] == "travaux"
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["generate", "--from", str(dce), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "à compléter" not in result.output and "non trouv" not in result.output
    ccap = next(out.glob("CCAP_*.docx"))
    assert "DCE-2026-07" in ccap.name
    text = "\n".join(p.text for p in Document(ccap).paragraphs)
    assert "Commune de Saint-Exemple-sur-Loire" in text
    assert "Réhabilitation de l'école des Tilleuls" in text


def test_title_page_buyer_in_capitals_takes_the_case_written_elsewhere(tmp_path):
    """Review: a buyer written in capitals on the title page is reported in the case the
    piece writes it elsewhere (running header), for the generated clauses."""
    from tools.simple_documents import Doc, H, P

    ccap = Doc(
        [
            P("COMMUNAUTÉ D'AGGLOMÉRATION DU GRAND EXEMPLE", bold=True),
            P("Cahier des clauses administratives particulières", bold=True),
            P("Entretien des espaces verts du parc d'activités"),
            P("Consultation n° 2026/AG/031"),
            H("Article 1 - Clause sociale d'insertion"),
            P("Le titulaire réalise 300 heures d'insertion."),
        ],
        header="Communauté d'agglomération du Grand Exemple – CCAP",
    )
    report = _review_docs(tmp_path, {"CCAP.docx": ccap})
    facts = {f.kind: f.value for f in report.facts}
    assert facts["buyer"] == "Communauté d'agglomération du Grand Exemple"
    assert facts["object"] == "Entretien des espaces verts du parc d'activités"
    assert facts["consultation_reference"] == "2026/AG/031"


def test_lot_named_after_its_figure_is_not_the_previous_one(tmp_path):
    """Review: in « 615 heures d'insertion (lot 1) et 270 heures d'insertion (lot 2) » the
    270 hours went to lot 1 (the last lot before the figure): false CS401 / CS403."""
    ccap = _clause_ccap("615 heures d'insertion (lot 1) et 270 heures d'insertion (lot 2).")
    report = _review_docs(tmp_path, {"CCAP.docx": ccap})
    assert {lot.number: lot.hours.get("CCAP") for lot in report.lots} == {"1": 615, "2": 270}


def test_ccap_article_that_incorporates_the_clause_annex_is_a_clause_article(tmp_path):
    """Review: a CCAP « Conditions particulières d'exécution » article sending the reader
    to the clause annex was no clause article: false CS101."""
    from tools.simple_documents import Doc, H, P

    ccap = Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("Article 9 - Conditions particulières d'exécution"),
            P(
                "Les conditions d'exécution à caractère social (action d'insertion) sont "
                "définies à l'annexe n° 2 au présent CCAP."
            ),
        ]
    )
    annex = Doc(
        [
            P("Annexe n° 2 au CCAP – Clause sociale d'insertion"),
            P("Le titulaire réalise 300 heures d'insertion."),
        ]
    )
    report = _review_docs(tmp_path, {"CCAP.docx": ccap, "Annexe_clause.docx": annex})
    assert "CS101" not in {f.code for f in report.findings}
    assert any(f.kind == "clause_article" and f.piece == "CCAP.docx" for f in report.facts)


def test_text_less_scanned_piece_is_cs902_without_cs904(tmp_path):
    """Review: a fully scanned PDF got CS902 and CS904 (type unknown), the second only
    repeating that it cannot be read."""
    import io

    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF(format="A4")
    image = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(image, format="PNG")
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    tmp_path.mkdir(exist_ok=True)
    pdf.output(str(tmp_path / "scan.pdf"))
    report = _review_docs(tmp_path, {})
    assert sorted(f.code for f in report.findings if f.piece == "scan.pdf") == ["CS902"]


def test_lot_not_concerned_by_the_clause_is_not_covered(tmp_path):
    """Review: « Le lot 3 n'est pas concerné par la clause sociale » was read as a lot the
    clause covers (« concerné »): false CS301 for lot 3."""
    ccap = _clause_ccap(
        "Lot 1 : 615 heures d'insertion. Lot 2 : 270 heures d'insertion.",
        "Le lot 3 n'est pas concerné par la clause sociale.",
    )
    report = _review_docs(tmp_path, {"CCAP.docx": ccap})
    assert "CS301" not in {f.code for f in report.findings}
    assert [f.lot for f in report.facts if f.kind == "lot_no_clause"] == ["3"]


def test_insertion_article_of_another_ccag_than_the_contracts(tmp_path):
    """Review: a works clause citing « article 16.1 du CCAG-FCS » (copied from a services
    tender) was not reported: the cited family was trusted over the contract's CCAG."""
    from tools.simple_documents import Doc, H, P

    ccap = Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("Article 2 - Pièces contractuelles"),
            P("CCAG-Travaux approuvé par l'arrêté du 30 mars 2021."),
            H("Article 9 - Clause sociale d'insertion"),
            P(
                "En application de l'article 16.1 du CCAG-FCS, le titulaire réalise 300 heures "
                "d'insertion."
            ),
        ]
    )
    report = _review_docs(tmp_path, {"CCAP.docx": ccap})
    found = [f for f in report.findings if f.code == "CS203"]
    assert len(found) == 1 and "CCAG-Travaux" in found[0].message


def test_retenue_penalty_and_personnes_eloignees_public(tmp_path):
    """Review: « une retenue de 30 € par heure d'insertion non réalisée » was no penalty
    (false CS306) and « personnes éloignées de l'emploi » no public (false CS302); « la
    modalité retenue » must stay no penalty."""
    ccap = _clause_ccap(
        "Le titulaire réalise 300 heures d'insertion au bénéfice de personnes éloignées de "
        "l'emploi. Il informe le facilitateur de la modalité retenue.",
        "Pour chaque heure d'insertion non réalisée, une retenue de 30 € est opérée.",
    )
    report = _review_docs(tmp_path, {"CCAP.docx": ccap})
    codes = {f.code for f in report.findings}
    assert not codes & {"CS302", "CS306", "CS307"}
    assert len([f for f in report.facts if f.kind == "penalty_hours"]) == 1


def test_contract_length_and_calculation_result_in_the_clause(tmp_path):
    """Review: « chaque contrat compte au moins 70 heures » was read as the insertion hours
    (false CS401), « … de 7 000 heures de main-d'œuvre, soit 350 heures » was dropped."""
    ccap = _clause_ccap(
        "Chaque contrat de travail compte au moins 70 heures.",
        "L'effort d'insertion représente 5 % de 7 000 heures de main-d'œuvre, soit 350 heures.",
    )
    report = _review_docs(tmp_path, {"CCAP.docx": ccap})
    assert [f.value for f in report.facts if f.kind == "hours"] == [350]


# ---------------------------------------------------------------- QA before release


def test_empty_folder_or_archive_is_no_clean_review(tmp_path):
    """QA: an empty folder (often a wrong path) or an empty .zip was reviewed as « 0 pièce
    lue … 0 erreur » with exit 0, as if the DCE were fine."""
    import zipfile

    from click.testing import CliRunner

    from apps.cli import cli

    (tmp_path / "vide").mkdir()
    zipfile.ZipFile(tmp_path / "vide.zip", "w").close()
    for target in ("vide", "vide.zip"):
        result = CliRunner().invoke(cli, ["review", str(tmp_path / target)])
        assert result.exit_code == 1, result.output
        assert "CS901" in result.output and "aucune pièce" in flat(result.output)


def test_same_lot_twice_is_refused_not_counted_twice(tmp_path):
    """QA: a lot given by --lot and again in the consultation file (or twice in the file)
    was counted twice in the total, and generate wrote its engagement twice over one file."""
    from click.testing import CliRunner

    from apps.cli import cli

    toml = tmp_path / "consultation.toml"
    toml.write_text(
        '[consultation]\nacheteur = "Ville"\nobjet = "Travaux"\nreference = "X"\n'
        'nature = "travaux"\n\n[[lots]]\nnumero = "1"\nmontant = 100000.0\n'
        'metier = "peinture"\n\n[[lots]]\nnumero = "1"\nmontant = 200000.0\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["hours", "--consultation", str(toml)])
    assert result.exit_code == 2 and "ligne 13" in result.output, result.output
    result = CliRunner().invoke(cli, ["generate", str(toml), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "numéro 1" in result.output, result.output
    result = CliRunner().invoke(
        cli, ["hours", "--lot", "1;Peinture;100000;peinture", "--lot", "1;Autre;5000"]
    )
    assert result.exit_code == 2 and "Le lot 1 est décrit deux fois" in result.output


def test_profile_rule_code_that_does_not_exist_is_refused(tmp_path):
    """QA: [regles] CS999 = "desactivee" (a typo in the code) was accepted by profile check
    and silently did nothing."""
    from click.testing import CliRunner

    from apps.cli import cli

    profile = tmp_path / "profil.toml"
    profile.write_text('[regles]\nCS403 = "information"\nCS930 = "desactivee"\n', "utf-8")
    result = CliRunner().invoke(cli, ["profile", "check", str(profile)])
    assert result.exit_code == 1, result.output
    assert "ligne 3" in result.output and "CS930" in result.output


def test_decimal_comma_in_toml_says_how_to_write_the_number(tmp_path):
    """QA: « taux_insertion = 0,05 » (French habit) gave only « texte en trop après la
    valeur », without saying that TOML numbers take a point and no spaces."""
    from clausier.profile import ProfileError, load_profile

    profile = tmp_path / "profil.toml"
    profile.write_text("[profil]\ntaux_insertion = 0,05\n", encoding="utf-8")
    try:
        load_profile(profile)
    except ProfileError as exc:
        assert "ligne 2" in str(exc) and "point décimal" in str(exc), str(exc)
    else:
        raise AssertionError("0,05 accepted")


def test_profile_key_above_every_table_says_where_to_write_it(tmp_path):
    """QA: « taux_insertion = 0.05 » written above [profil] was called an unknown « table »
    and the list of tables ran into the next sentence (« regles Corrigez »)."""
    from clausier.profile import ProfileError, load_profile

    cases = {
        "taux_insertion = 0.05\n": "sous l'en-tête [profil]",
        "[zzz]\nnom = 'x'\n": "regles. Corrigez",
    }
    for text, expected in cases.items():
        profile = tmp_path / "profil.toml"
        profile.write_text(text, encoding="utf-8")
        try:
            load_profile(profile)
        except ProfileError as exc:
            assert expected in str(exc), str(exc)
        else:
            raise AssertionError(text)


def test_batch_and_profile_usage_is_french(tmp_path):
    """QA: `clausier batch` showed « ROOT », « DIR » and « [required] », and `clausier
    profile` « COMMAND [ARGS]... » and « FILE » to French users."""
    from click.testing import CliRunner

    from apps.cli import cli

    runner = CliRunner()
    batch_help = runner.invoke(cli, ["batch", "--help"]).output
    assert "RACINE" in batch_help and "[obligatoire]" in batch_help
    assert not {"ROOT", "DIR", "required"} & set(batch_help.replace("[", " ").split())
    missing = runner.invoke(cli, ["batch", str(tmp_path / "absent"), "-o", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "introuvable : vérifiez le chemin" in missing.output
    profile_usage = runner.invoke(cli, ["profile", "check"]).output
    assert "FICHIER" in profile_usage and "FILE" not in profile_usage
    assert "COMMANDE [ARGUMENTS]" in runner.invoke(cli, ["profile", "--help"]).output


def test_reading_problem_advice_is_no_text_to_write(tmp_path):
    """QA: a CS901 advice (« Téléchargez de nouveau l'archive… ») was shown as « À écrire : »,
    the label of words to put in the DCE."""
    from click.testing import CliRunner

    from apps.cli import cli

    (tmp_path / "DCE.zip").write_bytes(b"not a zip")
    for fmt in ("text", "html"):
        result = CliRunner().invoke(cli, ["review", str(tmp_path / "DCE.zip"), "--format", fmt])
        assert result.exit_code == 1, result.output
        assert "À faire :" in flat(result.output) and "À écrire :" not in flat(result.output)


def test_accord_cadre_total_hours_say_per_year(tmp_path):
    """QA: an accord-cadre's lots showed « 155 h/an » but their total « 230 h », read as the
    hours of the whole contract (text table and CSV total row)."""
    from click.testing import CliRunner

    from apps.cli import cli

    args = ["hours", "--lot", "1;Nettoyage;440000;nettoyage", "--lot", "2;Vitres;280000;nettoyage"]
    args += ["--accord-cadre", "--duree-annees", "4"]
    text = CliRunner().invoke(cli, args).output
    total = next(line for line in text.splitlines() if line.strip().startswith("Total"))
    assert total.rstrip().endswith("h/an"), text
    csv = CliRunner().invoke(cli, [*args, "--format", "csv"]).output
    assert csv.strip().splitlines()[-1].startswith("Total;") and ";par an;" in csv.splitlines()[-1]


def test_trade_written_as_its_label_is_recognised(tmp_path):
    """QA: --lot "1;Lot 1;1000000;Gros œuvre" (the trade as people say it) gave no hours and
    advised adding a table [metiers.Gros œuvre], which is no valid key."""
    from click.testing import CliRunner

    from apps.cli import cli

    for written in ("Gros œuvre", "GROS_OEUVRE", "gros-oeuvre"):
        result = CliRunner().invoke(
            cli, ["hours", "--lot", f"1;Lot 1;1000000;{written}", "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        assert '"trade": "gros_oeuvre"' in result.output and '"hours": 750' in result.output


# ---------------------------------------------------------------- issue 12: a new user's first day


def test_default_profile_has_no_fictitious_facilitator(tmp_path):
    """Issue 12, item 10: the default profile's example facilitator (example.org) was
    written silently into generated pieces and suggested by CS304, and `profile check`
    called that profile valid. Now: a highlighted « à compléter » field, a notice once per
    command, no example contact anywhere."""
    import json

    from click.testing import CliRunner
    from docx import Document

    from apps.cli import cli
    from tools.simple_documents import Doc, H, P, write

    runner = CliRunner()
    out = tmp_path / "out"
    toml = str(
        __import__("pathlib").Path(__file__).parents[1] / "samples/consultation-travaux.toml"
    )
    result = runner.invoke(cli, ["generate", toml, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Profil par défaut utilisé") == 1
    for path in out.glob("*.docx"):
        runs = [r for p in Document(path).paragraphs for r in p.runs]
        runs += [
            r
            for t in Document(path).tables
            for row in t.rows
            for c in row.cells
            for p in c.paragraphs
            for r in p.runs
        ]
        text = "".join(r.text for r in runs)
        assert "example.org" not in text and "Maison de l'emploi du territoire" not in text
        marked = [r for r in runs if "à compléter" in r.text and r.font.highlight_color]
        assert marked and "facilitateur" in marked[0].text, path.name

    write(
        tmp_path / "dce" / "CCAP.docx",
        Doc(
            [
                H("Cahier des clauses administratives particulières"),
                H("Article 9 - Clause sociale d'insertion"),
                P("Le titulaire réalise 300 heures d'insertion au bénéfice de personnes éloignées "
                  "de l'emploi."),
            ]
        ),
    )  # fmt: skip
    result = runner.invoke(
        cli, ["review", str(tmp_path / "dce"), "--format", "json", "--date", "2026-11-25"]
    )
    findings = json.loads(result.stdout)["findings"]
    cs304 = [f for f in findings if f["code"] == "CS304"]
    assert cs304 and "example.org" not in cs304[0]["suggestion"]
    assert result.stderr.count("Profil par défaut utilisé") == 1

    (tmp_path / "p.toml").write_text('[profil]\nnom = "Territoire"\n', encoding="utf-8")
    check = runner.invoke(cli, ["profile", "check", str(tmp_path / "p.toml")])
    assert check.exit_code == 0 and "valide mais incomplet" in check.output
    assert "facilitateur : à compléter" in flat(check.output)


def test_a_picture_or_a_scan_is_never_a_piece_kind(tmp_path):
    """Issue 12, item 11: « CCAP.png » or « CCAP.jpg » counted as the CCAP by its name: the
    « CCAP missing » finding disappeared. A file with no text is typed AUTRE and said not
    reviewed (CS904, or CS902 for a scan)."""
    from PIL import Image

    from review.engine import review
    from tools.simple_documents import Doc, H, P, write

    write(tmp_path / "RC.docx", Doc([H("Règlement de la consultation"), P("Objet : travaux.")]))
    Image.new("RGB", (40, 40), "white").save(tmp_path / "CCAP.png")
    Image.new("RGB", (40, 40), "white").save(tmp_path / "CCAP (1).jpg")
    Image.new("RGB", (200, 200), "white").save(tmp_path / "CCAP_scan.pdf")
    report = review(tmp_path, review_date=__import__("datetime").date(2026, 11, 25))
    kinds = {p.path: p.kind.value for p in report.pieces}
    assert kinds == {"RC.docx": "RC", "CCAP.png": "AUTRE", "CCAP (1).jpg": "AUTRE",
                     "CCAP_scan.pdf": "AUTRE"}  # fmt: skip
    codes = {(f.code, f.piece) for f in report.findings}
    assert {("CS904", "CCAP.png"), ("CS904", "CCAP (1).jpg"), ("CS902", "CCAP_scan.pdf")} <= codes
    assert any(f.code == "CS105" and "CCAP" in f.message for f in report.findings)


def test_lots_that_give_no_hours_are_usage_errors(tmp_path):
    """Issue 12, item 12: `--lot "1,Gros oeuvre,1000000"` (commas), a lot with no amount and
    an unknown trade (`grosoeuvre`) gave 0 h with exit 0. A usage error names the lot and
    the nearest trade."""
    from click.testing import CliRunner

    from apps.cli import cli

    def hours(*args):
        return CliRunner().invoke(cli, ["hours", *args])

    commas = hours("--lot", "1,Gros oeuvre,1000000")
    assert commas.exit_code == 2 and '--lot "1;Gros oeuvre;1000000"' in flat(commas.output)
    no_amount = hours("--lot", "1;Gros oeuvre")
    assert no_amount.exit_code == 2
    assert "Le lot 1 (« Gros oeuvre ») de l'option --lot n'a pas de montant HT" in flat(
        no_amount.output
    )
    typo = hours("--lot", "1;Lot 1;1000000;grosoeuvre")
    assert typo.exit_code == 2 and "vouliez-vous dire « gros_oeuvre »" in flat(typo.output)
    toml = tmp_path / "c.toml"
    toml.write_text(
        '[consultation]\nacheteur = "Ville"\nobjet = "Travaux"\nreference = "X"\n'
        'nature = "travaux"\n\n[[lots]]\nnumero = "2"\nintitule = "Divers"\nmontant = 300000.0\n',
        encoding="utf-8",
    )
    unknown = hours("--consultation", str(toml))
    assert unknown.exit_code == 2 and f"Le lot 2 (« Divers ») du fichier {toml}" in flat(
        unknown.output
    )


def test_output_extension_gives_the_format(tmp_path):
    """Issue 12, item 13: `review -o rapport.html`, `-o r.json`, `hours -o heures.csv`
    without --format wrote terminal text into the file. The extension gives the format;
    an explicit --format that contradicts it is a usage error."""
    import csv
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from apps.cli import cli

    dce = Path(__file__).parents[1] / "samples" / "travaux-conforme"
    runner = CliRunner()
    review = ["review", str(dce), "--date", "2026-11-25", "--fail-on", "never"]
    assert runner.invoke(cli, [*review, "-o", str(tmp_path / "rapport.html")]).exit_code == 0
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert runner.invoke(cli, [*review, "-o", str(tmp_path / "r.json")]).exit_code == 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["pieces"]
    hours = ["hours", "--lot", "1;Peinture;200000;peinture"]
    assert runner.invoke(cli, [*hours, "-o", str(tmp_path / "heures.csv")]).exit_code == 0
    text = (tmp_path / "heures.csv").read_text(encoding="utf-8-sig")
    assert next(csv.reader(text.splitlines(), delimiter=";"))[0] == "Lot"
    clash = runner.invoke(cli, [*review, "-o", str(tmp_path / "x.json"), "--format", "html"])
    assert clash.exit_code == 2 and "contredit l'extension" in flat(clash.output)
    unknown = runner.invoke(cli, [*hours, "-o", str(tmp_path / "heures.pdf")])
    assert unknown.exit_code == 2 and "extension .pdf" in flat(unknown.output)
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "heures.pdf").exists()


def test_an_output_that_cannot_be_written_is_a_french_usage_error(tmp_path):
    """Issue 12, item 14: `review -o`, `hours -o`, `generate -o`, `--annotate`, `profile
    init` and a full disk gave tracebacks. A French message names the path, exit 2."""
    from pathlib import Path

    from click.testing import CliRunner

    from apps.cli import cli

    samples = Path(__file__).parents[1] / "samples"
    dce = str(samples / "travaux-conforme")
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    runs = {
        "review -o": ["review", dce, "-o", str(blocker / "r.json")],
        "hours -o": ["hours", "--lot", "1;Peinture;200000;peinture", "-o", str(blocker / "h.csv")],
        "generate -o": ["generate", str(samples / "consultation-travaux.toml"), "-o", str(blocker / "out")],
        "--annotate": ["review", dce, "--annotate", str(blocker / "annotes")],
        "profile init": ["profile", "init", str(blocker / "profil.toml")],
        "disk full": ["hours", "--lot", "1;Peinture;200000;peinture", "-o", "/dev/full", "--force", "--format", "csv"],
    }  # fmt: skip
    for what, args in runs.items():
        result = CliRunner().invoke(cli, args)
        text = flat(result.output)
        assert result.exit_code == 2, (what, result.output)
        assert "Erreur : Impossible d'écrire" in text and "Traceback" not in text, what
    assert "(disque plein)" in text


def test_serve_on_a_busy_port_says_so_in_french():
    """Issue 12, item 15: `serve` on a busy port printed « prêt », then uvicorn's English
    `ERROR: [Errno 98]`, and exited 3. The port is bound first."""
    import socket

    from click.testing import CliRunner

    from apps.cli import cli

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 2 and "déjà utilisé" in flat(result.output)
    assert "prêt" not in result.output


def test_batch_outputs_are_readable_as_the_umask_allows(tmp_path):
    """Issue 12, item 16: batch wrote its reports 0600 (mkstemp) whatever the umask, in a
    folder the README suggests sharing."""
    import os
    import stat

    from click.testing import CliRunner

    from apps.cli import cli
    from tools.simple_documents import Doc, H, P, write

    write(tmp_path / "racine" / "DCE-1" / "CCAP.docx", Doc([H("CCAP"), P("Objet : travaux.")]))
    previous = os.umask(0o002)
    try:
        result = CliRunner().invoke(
            cli, ["batch", str(tmp_path / "racine"), "-o", str(tmp_path / "out"), "-j", "1",
                  "--date", "2026-11-25"],
        )  # fmt: skip
    finally:
        os.umask(previous)
    assert result.exit_code in (0, 1), result.output
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and p.suffix != ".sqlite"]
    assert {p.name for p in written} >= {"index.html", "synthese.csv", "synthese.xlsx"}
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o664, path.name


def test_output_follows_the_terminal_width_and_says_kinds_as_people_do(tmp_path):
    """Issue 12, item 17: with COLUMNS=60 the report, the hours table and `pieces` still
    gave lines of 118-300 columns, and tables showed raw labels such as ANNEXE_CLAUSE."""
    from pathlib import Path

    from click.testing import CliRunner

    from apps.cli import cli

    samples = Path(__file__).parents[1] / "samples"
    runs = [
        ["review", str(samples / "travaux-avec-erreurs"), "--date", "2026-11-25"],
        ["hours", "--consultation", str(samples / "consultation-travaux.toml")],
        ["pieces", str(samples / "travaux-conforme")],
        ["profile", "check", str(samples / "profil-exemple.toml")],
        ["hours", "--lot", "1;Gros oeuvre"],  # an error message
    ]
    for args in runs:
        result = CliRunner().invoke(cli, args, env={"COLUMNS": "60"})
        long = [line for line in result.output.splitlines() if len(line) > 60]
        assert not long, (args[0], long)
        assert "ANNEXE_CLAUSE" not in result.output and "AUTRE" not in result.output
    pieces = CliRunner().invoke(cli, runs[2], env={"COLUMNS": "60"}).output
    assert "type : Annexe clause sociale" in pieces
    wide = CliRunner().invoke(cli, runs[1], env={"COLUMNS": "130"}).output
    assert "Taux MO" in wide and max(len(line) for line in wide.splitlines()) <= 130


# ---------------------------------------------------------------- hostile input (issue 12)
# The whole matrix (CLI, batch, web, time and memory) is tests/test_hostile.py; each bug
# keeps its one regression here, in process, on its reproducer of tests/fixtures/hostile/.


def _hostile_findings(name: str) -> list:
    from pathlib import Path

    from review.reading import read_consultation

    path = Path(__file__).parent / "fixtures" / "hostile" / name
    consultation = read_consultation(path)
    return consultation.findings + [f for p in consultation.pieces for f in p.findings]


def test_bzip2_member_that_lies_about_its_size_is_not_expanded():
    """1.5 KB of bzip2 took 3.8 GB: zipfile decompressed a whole chunk before cutting it
    to the declared size. Members are now decompressed with a bound (review.members)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    findings = _hostile_findings("bomb-bzip2-lying-sizes.zip")
    assert any("taille annoncée fausse" in f.message for f in findings)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB


def test_numbering_start_of_1e11_in_roman_numerals_is_bounded():
    """`w:start` 1e11 in roman numerals: 19 s and 1 GB for one string of 10⁸ « m »."""
    import time

    started = time.perf_counter()
    _hostile_findings("hang-docx-roman-start-1e11.docx")
    from review.readers.docx import format_number

    assert format_number(100_000_000_000, "lowerRoman") == "100000000000"
    assert format_number(20_000_000_000, "lowerLetter") == "20000000000"
    assert time.perf_counter() - started < 30  # minutes before; seconds on a slow machine


def test_docx_of_150_mb_text_in_410_kb_is_refused_before_parsing():
    findings = _hostile_findings("mem-docx-410KB-150MB-text.docx")
    assert any("412 fois" in f.message and f.code == "CS901" for f in findings)


def test_corrupt_deflate_member_is_one_cs901_not_a_lost_consultation():
    """zlib.error escaped collect_sources and lost the whole consultation."""
    findings = _hostile_findings("crash-00213.zip")
    assert [f.piece for f in findings if f.code == "CS901"] == [
        "Avis d'appel public à la concurrence.pdf"
    ]


def test_encrypted_mimetype_and_zip_version_8_4_do_not_escape_the_sniffer():
    """RuntimeError and NotImplementedError escaped the format sniffer (a traceback)."""
    assert any("mot de passe" in f.message for f in _hostile_findings("crash-01023.odt"))
    assert any("endommagé" in f.message for f in _hostile_findings("crash-01716.xlsx"))


def test_profile_nested_5000_levels_is_a_french_profile_error():
    from pathlib import Path

    import pytest

    from clausier.profile import ProfileError, load_profile

    with pytest.raises(ProfileError, match="imbriqués trop profondément"):
        load_profile(Path(__file__).parent / "fixtures" / "hostile" / "profile-deep.toml")


def test_zip_members_of_one_name_are_distinct_pieces():
    """The CCAP's comments were written into a copy of the RC (same member name)."""
    from pathlib import Path

    from review.sources import collect_sources

    path = Path(__file__).parent / "fixtures" / "hostile" / "duplicate-member-names.zip"
    sources = collect_sources(path).sources
    assert [s.path for s in sources] == ["CCAP.docx", "CCAP (2).docx", "ccap (3).DOCX"]
    assert sources[0].read_bytes() != sources[1].read_bytes()


def test_two_versions_of_one_piece_are_cs905(tmp_path):
    """Issue 12, item 20: « CCAP.docx » and « CCAP (copie).docx », or « RC_v1 » and
    « RC_v2 », were reviewed twice with no word. CS905 names both; the AE of two lots are
    no duplicates."""
    import shutil
    from datetime import date

    from review.engine import review
    from tools.simple_documents import Doc, H, P, write

    ccap = Doc([H("Cahier des clauses administratives particulières"), P("Article 1 - Objet")])
    write(tmp_path / "CCAP.docx", ccap)
    shutil.copy(tmp_path / "CCAP.docx", tmp_path / "CCAP (copie).docx")
    write(tmp_path / "RC_v1.docx", Doc([H("Règlement de la consultation"), P("Version 1.")]))
    write(tmp_path / "RC_v2.docx", Doc([H("Règlement de la consultation"), P("Version 2.")]))
    for lot in ("1", "2"):
        write(tmp_path / f"AE_Lot0{lot}.docx", Doc([H("Acte d'engagement"), P(f"Lot {lot}.")]))
    report = review(tmp_path, review_date=date(2026, 11, 25))
    found = [f for f in report.findings if f.code == "CS905"]
    assert sorted(f.piece for f in found) == ["CCAP.docx", "RC_v2.docx"] or sorted(
        f.piece for f in found
    ) == ["CCAP (copie).docx", "RC_v2.docx"], [f.message for f in found]
    messages = " ".join(f.message for f in found)
    assert "« CCAP (copie).docx »" in messages and "« CCAP.docx »" in messages
    assert "« RC_v1.docx »" in messages and "même contenu" in messages
    assert all(f.severity.value == "warning" and f.suggestion for f in found)


def test_annotated_copies_are_refused_inside_the_reviewed_folder(tmp_path):
    """Issue 12, item 19: `--annotate` into the DCE folder made the next review read the
    copies as pieces (findings doubled). Refused, nothing written; the web's corrected
    copies get their own names (tests/web/test_review_page.py)."""
    import shutil
    from pathlib import Path

    from click.testing import CliRunner

    from apps.cli import cli

    dce = Path(
        shutil.copytree(
            Path(__file__).parents[1] / "samples" / "travaux-avec-erreurs", tmp_path / "dce"
        )
    )
    before = sorted(p.name for p in dce.rglob("*"))
    for target in (dce, dce / "annotes"):
        result = CliRunner().invoke(cli, ["review", str(dce), "--annotate", str(target)])
        assert result.exit_code == 2 and "dans le dossier relu" in flat(result.output)
    assert sorted(p.name for p in dce.rglob("*")) == before
    beside = CliRunner().invoke(cli, ["review", str(dce), "--annotate", str(tmp_path / "annotes")])
    assert beside.exit_code == 1 and any((tmp_path / "annotes").iterdir())


def test_small_things_of_a_first_day(tmp_path):
    """Issue 12, item 21: an unclosed quote in a profile gave the English « Illegal
    character »; a date error talked about numbers; « voulez-vous dire « montant » ?. »;
    `clausier revew` suggested nothing; the annex's monthly table broke « Heure s »."""
    from pathlib import Path

    from click.testing import CliRunner
    from docx import Document
    from docx.shared import Cm

    from apps.cli import cli

    runner = CliRunner()
    profile = tmp_path / "profil.toml"
    profile.write_text('[profil]\nnom = "Territoire\n', encoding="utf-8")
    quote = flat(runner.invoke(cli, ["profile", "check", str(profile)]).output)
    assert "texte non fermé" in quote and "Illegal" not in quote
    head = '[consultation]\nacheteur = "V"\nobjet = "O"\nreference = "R"\nnature = "travaux"\n'
    lot = '[[lots]]\nnumero = "1"\nmontant = 100000.0\nmetier = "peinture"\n'
    dated = tmp_path / "date.toml"
    dated.write_text(head + "date_lancement = 01/12/2026\n" + lot, encoding="utf-8")
    date_error = flat(runner.invoke(cli, ["hours", "--consultation", str(dated)]).output)
    assert "AAAA-MM-JJ" in date_error and "nombre" not in date_error
    typo = tmp_path / "typo.toml"
    typo.write_text(head + lot.replace("montant", "montnt"), encoding="utf-8")
    key_error = flat(runner.invoke(cli, ["hours", "--consultation", str(typo)]).output)
    assert key_error.endswith("voulez-vous dire « montant » ?")
    command = runner.invoke(cli, ["revew", "x"])
    assert command.exit_code == 2 and "Vouliez-vous dire « review » ?" in command.output

    out = tmp_path / "out"
    toml = Path(__file__).parents[1] / "samples" / "consultation-travaux.toml"
    assert (
        runner.invoke(cli, ["generate", str(toml), "-o", str(out), "--only", "annexe"]).exit_code
        == 0
    )
    (annex,) = out.glob("Annexe_*.docx")
    table = next(
        t for t in Document(annex).tables if t.rows[0].cells[0].text.startswith("Participant")
    )
    assert len(table.columns) == 7 and sum(c.width for c in table.rows[0].cells) <= Cm(16.7)
    import shutil
    import subprocess

    if shutil.which("soffice") and shutil.which("pdftotext"):
        convert = ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(annex)]  # fmt: skip
        assert subprocess.run(convert, capture_output=True, timeout=240).returncode == 0
        pdf = next((tmp_path / "pdf").glob("*.pdf"))
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        header = text[text.index("Participant") :][:600].split()
        for word in ("Heures", "cumulées", "facilitateur", "d'éligibilité", "prénom)"):
            assert word in header, (word, header)


def _long_tmpdir(tmp_path):
    """A TMPDIR of about 150 characters, whatever the machine's own temporary path."""
    folder = tmp_path / ("t" * max(10, 150 - len(str(tmp_path))))
    folder.mkdir()
    return folder


def test_serve_starts_under_a_long_tmpdir(tmp_path):
    """The forkserver's socket lives under TMPDIR: a long TMPDIR (a long pytest basetemp)
    made `serve` stop at start with « AF_UNIX path too long »."""
    import urllib.request

    from web.conftest import LiveServer

    server = LiveServer(_long_tmpdir(tmp_path))
    try:
        with urllib.request.urlopen(server.url + "/", timeout=30) as response:
            assert response.status == 200
    finally:
        server.stop()


def test_batch_pool_starts_under_a_long_tmpdir(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "samples" / "travaux-conforme"
    import shutil

    root = tmp_path / "ROOT"
    shutil.copytree(sample, root / "DCE-1")
    out = tmp_path / "out"
    env = {**os.environ, "TMPDIR": str(_long_tmpdir(tmp_path))}
    result = subprocess.run(
        [sys.executable, "-m", "apps", "batch", str(root), "-o", str(out), "-j", "2",
         "--date", "2026-11-25", "--fail-on", "never"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "DCE-1.json").read_text(encoding="utf-8"))
    assert report["pieces"]


# ---------------------------------------------------------------- session 3


def test_article_headings_atop_their_own_page_number_are_not_running_headers(tmp_path):
    """A CCAP PDF with one article per page had « Article N » atop page N: once the page
    number was blanked, every heading read « article # » on most pages and was set apart as
    a running header, leaving a CCAP without articles (the clause judged on all 41 pages)."""
    from review.reading import read_consultation
    from tools.simple_documents import Doc, H, P, PageBreak, write

    items = [P("Cahier des clauses administratives particulières")]
    for n in range(1, 9):
        body = [
            P(f"Alinéa {k} de l'article : le titulaire exécute la prestation {k * n}.")
            for k in (1, 2, 3)
        ]
        items += [H(f"Article {n} - Stipulations {n}"), *body, PageBreak()]
    write(tmp_path / "CCAP.pdf", Doc(items, header="CCAP – Pôle enfance", footer="Commune"))
    piece = read_consultation(tmp_path).pieces[0]
    assert [a.number for a in piece.articles] == [str(n) for n in range(1, 9)]
    assert all("Stipulations" not in b.text for b in piece.furniture)
    assert any("CCAP – Pôle enfance" in b.text for b in piece.furniture)  # near-miss


def test_lots_table_never_cuts_a_figure_in_a_narrow_terminal(tmp_path):
    """With six columns of hours the terminal table at 100 columns printed « 61 » for 615
    in « Calculées », and at 80 columns dropped the column. Figures now stay whole: the
    table when it fits, one block per lot when it does not."""
    import re
    from pathlib import Path

    from click.testing import CliRunner

    from apps.cli import cli

    samples = Path(__file__).parents[1] / "samples"
    args = ["review", str(samples / "travaux-conforme"), "--date", "2026-11-25"]
    wide = CliRunner().invoke(cli, args, env={"COLUMNS": "200"}).output
    table = wide[wide.index("Lots et heures") :]
    figures = sorted(re.findall(r"\b\d{2,5}\b", table.split("\n\n")[0]))
    assert figures
    for width in (50, 60, 80, 100, 120):
        out = CliRunner().invoke(cli, args, env={"COLUMNS": str(width)}).output
        part = out[out.index("Lots et heures") :].split("\n\n")[0]
        assert max(len(line) for line in part.splitlines()) <= width, width
        assert "Calculées" in part, width
        found = sorted(re.findall(r"\b\d{2,5}\b", flat(part)))
        assert [f for f in figures if f not in found] == [], width


def test_contents_with_page_numbers_on_their_own_lines_are_no_articles(tmp_path):
    """Real CCAP (SMECTOM, PDF text): the « SOMMAIRE » gave each page number a line of its
    own (« ARTICLE 2 : PIÈCES … » then « 6 ») or glued it to the title (« … CLAUSES
    D'INSERTION11 »); the entries were read as the articles of the CCAP."""
    from review.reading import read_consultation

    contents = (
        "SOMMAIRE\nARTICLE 1ER : OBJET DE LA CONSULTATION\n4\n1.1 - OBJET DU MARCHE\n"
        "1.2 - DECOMPOSITION EN LOTS\n4\n4\nARTICLE 2 : INSERTION PAR L'ACTIVITE ECONOMIQUE\n10\n"
        "2.1 – LE DISPOSITIF D'ACCOMPAGNEMENT DES CLAUSES D'INSERTION11\n"
    )
    body = (
        "ARTICLE 1ER : OBJET DE LA CONSULTATION\nLe marché porte sur la construction d'un "
        "bâtiment.\nARTICLE 2 : INSERTION PAR L'ACTIVITE ECONOMIQUE\nLe titulaire réalise 300 "
        "heures d'insertion.\n"
    )
    (tmp_path / "CCAP.txt").write_text(
        "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIERES\n" + contents + body, encoding="utf-8"
    )
    piece = read_consultation(tmp_path).pieces[0]
    assert [a.number for a in piece.articles] == ["1", "2"]
    assert "300 heures" in " ".join(b.text for b in piece.articles[1].blocks)


def test_supply_lot_titled_fourniture_de_is_the_supplies_trade():
    """Third blind corpus: « Fourniture de pompes », « Fourniture de bacs roulants » had no
    trade, so hours asked on them gave no CS405. A lot with work on site is no supply."""
    from clausier.hours import guess_trades
    from clausier.profile import load_profile

    profile = load_profile()
    assert guess_trades("Fourniture de pompes", profile) == ["fournitures"]
    assert guess_trades("Lot 2 – Fourniture de bacs roulants", profile) == ["fournitures"]
    assert "fournitures" not in guess_trades("Fourniture et pose de carrelage", profile)
    assert guess_trades("Fourniture et installation de bornes", profile) != ["fournitures"]


def test_hours_table_never_cuts_a_figure_at_any_width():
    """`clausier hours` at 100 columns printed « 61 » for 615 h: the wide layout (trade,
    labour share, hours worked) did not fit and rich cropped its last columns. The wide
    layout is now taken only when it fits; every lot's hours stay whole."""
    import re
    from pathlib import Path

    from click.testing import CliRunner

    from apps.cli import cli

    sample = Path(__file__).parents[1] / "samples" / "consultation-travaux.toml"
    args = ["hours", "--consultation", str(sample)]
    wide = CliRunner().invoke(cli, args, env={"COLUMNS": "200"}).output
    expected = sorted(set(re.findall(r"(?<![\d,])\d{1,3}(?:[\u202f\u00a0]\d{3})* h\b", wide)))
    assert len(expected) >= 4, expected
    for width in (60, 80, 100, 110, 120, 130):
        out = CliRunner().invoke(cli, args, env={"COLUMNS": str(width)}).output
        assert max(len(line) for line in out.splitlines()) <= width, width
        for figure in expected:
            assert figure in out, (width, figure)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # blind13 b13-24: an architect's index is a version mark
        ("CCAP ind A.docx", "CCAP ind B.docx", True),
        ("CCAP_indice_B.pdf", "CCAP.pdf", True),
        ("RC rev2.docx", "RC rev3.docx", True),
        # near misses: a word that starts with « ind » or « rev », two lots
        ("Plan indus.pdf", "Plan.pdf", False),
        ("AE_Lot01.docx", "AE_Lot02.docx", False),
    ],
)
def test_version_marks_of_a_file_name(first, second, same):
    from review.rules.documents import version_stem

    assert (version_stem(first) == version_stem(second)) is same
