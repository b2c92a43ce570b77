"""The clause generator: real consultation files in, real Word documents out, then read
back (python-docx), reviewed (review.engine) and, where LibreOffice exists, converted to PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from clausier.consultation_file import load_consultation_file
from clausier.french import fr_hours
from clausier.hours import compute
from clausier.law import load_law
from clausier.profile import load_profile
from generators.clauses import (
    NO_CLAUSE_TEXT,
    TEMPLATE_FILES,
    TEMPLATES_DIR,
    GenerationError,
    generate,
    parse_only,
    safe_name,
)

REVIEW_DATE = date(2026, 11, 25)

# ----------------------------------------------------------------- consultations

WORKS_FOUR_LOTS = """
[consultation]
acheteur = "Communauté de communes du Val d'Exemple"
objet = "Construction d'un pôle enfance"
reference = "2026-014"
nature = "travaux"
procedure = "procédure adaptée"
ccag = "travaux"
date_lancement = 2026-12-01
accord_cadre = false

[[lots]]
numero = "1"
intitule = "Gros œuvre – maçonnerie"
montant = 820000.0
metier = "gros_oeuvre"

[[lots]]
numero = "2"
intitule = "Charpente bois – couverture"
montant = 460000.0
metier = "charpente_bois"

[[lots]]
numero = "3"
intitule = "Plâtrerie – cloisons – faux plafonds"
montant = 390000.0
metier = "platrerie"

[[lots]]
numero = "4"
intitule = "Peinture – revêtements muraux"
montant = 780000.0
metier = "peinture"
"""

SERVICES_FRAMEWORK = """
[consultation]
acheteur = "Ville d'Exemple-sur-Loire"
objet = "Entretien des bâtiments et des espaces verts communaux"
reference = "AC 2027/003"
nature = "services"
procedure = "appel d'offres ouvert"
ccag = "fcs"
date_lancement = 2026-06-15
accord_cadre = true
duree_annees = 4

[[lots]]
numero = "1"
intitule = "Nettoyage des locaux"
montant = 600000.0
metier = "nettoyage"

[[lots]]
numero = "2"
intitule = "Entretien des espaces verts"
montant = 400000.0
metier = "espaces_verts_entretien"
"""

ABOVE_THRESHOLD = """
[consultation]
acheteur = "Département d'Exemple"
objet = "Construction d'un collège de 600 élèves"
reference = "2026-TRX-88"
nature = "travaux"
procedure = "appel d'offres ouvert"
ccag = "travaux"
date_lancement = 2026-10-05
montant_estime = 6200000.0

[[lots]]
numero = "1"
intitule = "Gros œuvre"
montant = 3100000.0
metier = "gros_oeuvre"

[[lots]]
numero = "2"
intitule = "Électricité"
montant = 1300000.0
metier = "electricite"

[[lots]]
numero = "3"
intitule = "Plomberie – CVC"
montant = 1800000.0
metier = "plomberie_cvc"
"""

# A buyer whose name holds XML characters, and a lot too small for a clause.
AMPERSAND_BUYER = "Syndicat Eau & Assainissement <Nord> « Bassin & Vallée »"
SPECIAL_BUYER = f"""
[consultation]
acheteur = "{AMPERSAND_BUYER}"
objet = "Réseaux & voirie <phase 2>"
reference = "SEA/2026-07"
nature = "travaux"
procedure = "procédure adaptée"
ccag = "travaux"
date_lancement = 2026-09-01

[[lots]]
numero = "1"
intitule = "VRD & réseaux"
montant = 700000.0
metier = "vrd"

[[lots]]
numero = "2"
intitule = "Signalétique"
montant = 40000.0
metier = "charpente_metallique"
"""

CASES = {
    "travaux-4-lots": WORKS_FOUR_LOTS,
    "services-accord-cadre": SERVICES_FRAMEWORK,
    "au-dessus-du-seuil": ABOVE_THRESHOLD,
    "acheteur-esperluette": SPECIAL_BUYER,
}


def write_case(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(CASES[name], encoding="utf-8")
    return path


# A territory's profile names its facilitator; the default one does not (issue 12, item 10).
FACILITATOR = (
    '[facilitateur]\nstructure = "Maison de l\'emploi du Val d\'Exemple"\nnom = "Camille Martin"\n'
    'telephone = "01 99 00 12 34"\ncourriel = "clause.insertion@example.org"\n'
)


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "territoire.toml"
    path.write_text(FACILITATOR, encoding="utf-8")
    return load_profile(path)


def generate_case(tmp_path: Path, name: str, profile, **kwargs):
    spec = load_consultation_file(write_case(tmp_path, name))
    out = tmp_path / f"out-{name}"
    return spec, out, generate(spec, profile, out, **kwargs)


# ----------------------------------------------------------------- reading helpers


def docx_text(path: Path) -> str:
    """Body paragraphs, then every table cell, then headers: all the words of the file."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def table_rows(path: Path) -> list[list[str]]:
    rows = []
    for table in Document(str(path)).tables:
        for row in table.rows:
            rows.append([cell.text for cell in row.cells])
    return rows


def jinja_leftovers(path: Path) -> list[str]:
    found = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                text = package.read(name).decode("utf-8")
                for tag in ("{{", "}}", "{%", "%}", "{#"):
                    if tag in text:
                        found.append(f"{name}: {tag}")
    return found


def by_kind(paths: list[Path]) -> dict[str, list[Path]]:
    kinds: dict[str, list[Path]] = {}
    for path in paths:
        kinds.setdefault(path.name.split("_")[0], []).append(path)
    return kinds


# ----------------------------------------------------------------- the four documents


@pytest.mark.parametrize("case", sorted(CASES))
def test_four_documents_with_the_calculators_hours(tmp_path, profile, case):
    spec, out, paths = generate_case(tmp_path, case, profile)
    table = compute(
        spec.lots, profile, framework=spec.framework, duration_years=spec.duration_years
    )
    with_clause = [lot for lot in table.lots if lot.hours]
    kinds = by_kind(paths)
    assert sorted(kinds) == ["AE", "Annexe", "CCAP", "RC"]
    # One AE commitment per lot with a clause, none for a lot below the minimum.
    assert len(kinds["AE"]) == len(with_clause)
    for path in paths:
        assert path.parent == out and path.is_file()
        assert jinja_leftovers(path) == [], path.name
        assert re.fullmatch(r"[A-Za-z0-9._-]+\.docx", path.name), path.name

    unit = {"year": " par an"}.get(with_clause[0].period or "", "")
    for name in ("RC", "CCAP", "Annexe"):
        rows = table_rows(kinds[name][0])
        for lot in table.lots:
            row = next(r for r in rows if r[0] == f"Lot {lot.number}")
            if lot.hours:
                assert row[-1] == f"{fr_hours(lot.hours)} heures{unit}", (name, row)
            else:
                assert row[-1] == NO_CLAUSE_TEXT, (name, row)
        total = next(r for r in rows if r[0] == "Total")
        assert total[-1] == f"{fr_hours(table.total_hours)} heures{unit}"
    for path, lot in zip(
        sorted(kinds["AE"]), sorted(with_clause, key=lambda lot: lot.number), strict=True
    ):
        text = docx_text(path)
        assert f"lot{lot.number}" in path.name
        assert f"Lot {lot.number}" in text
        assert f"{fr_hours(lot.hours)} heures{unit}" in text
        assert "Fait à" in text and "représentant habilité" in text


def test_buyer_name_with_xml_characters_is_intact(tmp_path, profile):
    _, _, paths = generate_case(tmp_path, "acheteur-esperluette", profile)
    for path in paths:
        document = Document(str(path))
        header = " ".join(p.text for p in document.sections[0].header.paragraphs)
        assert AMPERSAND_BUYER in header, path.name
        assert f"Acheteur : {AMPERSAND_BUYER}" in docx_text(path)
        # A row of every table survived: the annex contacts row holds the buyer.
    annex = next(p for p in paths if p.name.startswith("Annexe"))
    assert ["Acheteur", AMPERSAND_BUYER, "", "", ""] in table_rows(annex)
    assert "Réseaux & voirie <phase 2>" in docx_text(annex)
    # The lot below the minimum: listed without clause, no commitment.
    assert not any("lot2" in p.name for p in paths)
    assert "SEA-2026-07" in paths[0].name


def test_legal_basis_follows_the_2026_obligation(tmp_path, profile):
    law = load_law()
    spec, _, paths = generate_case(tmp_path, "au-dessus-du-seuil", profile)
    assert law.social_obligation_applies(spec.launch_date, spec.total_amount, "travaux")
    for name in ("RC", "CCAP"):
        text = docx_text(by_kind(paths)[name][0])
        assert "L2112-2-1" in text and "L2112-2 " in text, name
    ccap = docx_text(by_kind(paths)["CCAP"][0])
    assert "article 20.1 du CCAG-Travaux" in ccap

    # Below the threshold (the four-lot works) and before 21 Aug 2026: no L2112-2-1.
    _, _, paths = generate_case(tmp_path, "travaux-4-lots", profile)
    assert "L2112-2-1" not in docx_text(by_kind(paths)["CCAP"][0])
    _, _, paths = generate_case(tmp_path, "services-accord-cadre", profile)
    ccap = docx_text(by_kind(paths)["CCAP"][0])
    assert "L2112-2-1" not in ccap
    assert "article 16.1 du CCAG-FCS" in ccap
    assert "chaque année d'exécution" in ccap


def test_no_outdated_reference_in_any_document(tmp_path, profile):
    _, _, paths = generate_case(tmp_path, "travaux-4-lots", profile)
    banned = re.compile(
        r"P[ôo]le[- ]emploi|code des marchés publics|\bCMP\b|2009|2015-899|2016-360|"
        r"DIRECCTE|\bZUS\b|agrément|221 000|5 538 000|40 000|R2152-7|L2113-13",
        re.IGNORECASE,
    )
    for path in paths:
        assert not banned.search(docx_text(path)), path.name


def test_penalties_and_facilitator_from_the_profile(tmp_path):
    profile_file = tmp_path / "profil.toml"
    profile_file.write_text(
        '[facilitateur]\nstructure = "PLIE du Val & Mont"\nnom = "Dominique Bernard"\n'
        'telephone = "05 99 00 45 67"\ncourriel = "clauses@plie.example.org"\nsite = ""\n'
        "[penalites]\nheure_non_realisee = 45.0\nretard_justificatifs = 80.0\n",
        encoding="utf-8",
    )
    profile = load_profile(profile_file)
    _, _, paths = generate_case(tmp_path, "travaux-4-lots", profile)
    ccap = docx_text(by_kind(paths)["CCAP"][0])
    assert "fixée à : 45 € par heure." in ccap
    assert "pénalité de 80 € par jour calendaire de retard" in ccap
    assert "PLIE du Val & Mont" in ccap and "05 99 00 45 67" in ccap
    assert "Site internet" not in ccap  # empty site: the line is dropped, not left blank


# ----------------------------------------------------------------- files and options


def test_never_overwrites_without_force(tmp_path, profile):
    spec, out, paths = generate_case(tmp_path, "travaux-4-lots", profile)
    paths[0].write_bytes(b"a buyer's edited copy")
    with pytest.raises(GenerationError, match=r"existent déjà.*--force"):
        generate(spec, profile, out)
    assert paths[0].read_bytes() == b"a buyer's edited copy"
    again = generate(spec, profile, out, force=True)
    assert again == paths
    assert paths[0].read_bytes().startswith(b"PK")


def test_one_existing_file_is_named(tmp_path, profile):
    spec, out, paths = generate_case(tmp_path, "travaux-4-lots", profile, only={"rc"})
    assert len(paths) == 1
    with pytest.raises(GenerationError, match=rf"Le fichier .*{paths[0].name} existe déjà"):
        generate(spec, profile, out, only={"rc"})


def test_only_some_documents(tmp_path, profile):
    _, _, paths = generate_case(tmp_path, "travaux-4-lots", profile, only={"ccap", "ae"})
    assert sorted(by_kind(paths)) == ["AE", "CCAP"]
    assert parse_only("rc, Annexe") == {"rc", "annexe"}
    with pytest.raises(GenerationError, match="« devis » n'est pas un document connu"):
        parse_only("rc,devis")


def test_safe_file_names():
    assert safe_name("2026/014 – École & Crèche") == "2026-014-Ecole-Creche"
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert safe_name("  ") == "consultation"
    assert safe_name("Œuvre") == "OEuvre"


def test_no_clause_to_write_is_an_error(tmp_path, profile):
    path = tmp_path / "petit.toml"
    path.write_text(
        '[consultation]\nacheteur = "Commune"\nreference = "P-1"\nnature = "travaux"\n'
        '[[lots]]\nnumero = "1"\nintitule = "Peinture"\nmontant = 20000.0\nmetier = "peinture"\n',
        encoding="utf-8",
    )
    with pytest.raises(GenerationError, match="Aucun lot n'atteint le volume minimal"):
        generate(load_consultation_file(path), profile, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_unknown_amount_is_an_error_naming_the_lot(tmp_path, profile):
    path = tmp_path / "inconnu.toml"
    path.write_text(
        '[consultation]\nacheteur = "Commune"\nreference = "P-2"\n'
        '[[lots]]\nnumero = "1"\nintitule = "Gros œuvre"\nmontant = 900000.0\n'
        'metier = "gros_oeuvre"\n[[lots]]\nnumero = "2"\nintitule = "Divers"\n',
        encoding="utf-8",
    )
    with pytest.raises(GenerationError, match="lot 2 : .*montant HT du lot inconnu"):
        generate(load_consultation_file(path), profile, tmp_path / "out")


# ----------------------------------------------------------------- own templates


def write_template(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def test_own_template_replaces_the_default(tmp_path, profile):
    own = tmp_path / "modeles"
    write_template(
        own / "rc_clause.docx", "Notre règlement pour {{ acheteur }} : {{ total_texte }}."
    )
    spec, _, paths = generate_case(tmp_path, "acheteur-esperluette", profile, templates=own)
    rc = by_kind(paths)["RC"][0]
    assert f"Notre règlement pour {AMPERSAND_BUYER} : 350 heures." in docx_text(rc)
    # The others keep the default templates.
    assert "Article 1 – Clause sociale d'insertion" in docx_text(by_kind(paths)["CCAP"][0])


def test_template_with_an_unknown_variable_is_refused(tmp_path, profile):
    own = tmp_path / "modeles"
    write_template(own / "ccap_article.docx", "Contact : {{ facilitateur_mail }}")
    out = tmp_path / "out"
    spec = load_consultation_file(write_case(tmp_path, "travaux-4-lots"))
    with pytest.raises(GenerationError) as error:
        generate(spec, profile, out, templates=own)
    message = str(error.value)
    assert "ccap_article.docx" in message and "« facilitateur_mail »" in message
    assert "variables disponibles" in message
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


def test_template_with_an_unknown_attribute_is_refused(tmp_path, profile):
    own = tmp_path / "modeles"
    write_template(own / "annexe_clause.docx", "Tél. : {{ facilitateur.telefone }}")
    spec = load_consultation_file(write_case(tmp_path, "travaux-4-lots"))
    with pytest.raises(GenerationError, match=r"annexe_clause\.docx.*« telefone » n'existe pas"):
        generate(spec, profile, tmp_path / "out", templates=own)


def test_broken_templates_are_refused(tmp_path, profile):
    spec = load_consultation_file(write_case(tmp_path, "travaux-4-lots"))
    own = tmp_path / "modeles"
    write_template(own / "rc_clause.docx", "{% if acheteur %} sans fin")
    with pytest.raises(GenerationError, match="rc_clause.docx"):
        generate(spec, profile, tmp_path / "out", templates=own)
    (own / "rc_clause.docx").write_text("pas un document Word", encoding="utf-8")
    with pytest.raises(GenerationError, match=r"n'est pas un document Word \(\.docx\) lisible"):
        generate(spec, profile, tmp_path / "out", templates=own)
    with pytest.raises(GenerationError, match="n'existe pas"):
        generate(spec, profile, tmp_path / "out", templates=tmp_path / "absent")
    (tmp_path / "vide").mkdir()
    with pytest.raises(GenerationError, match="aucun modèle reconnu"):
        generate(spec, profile, tmp_path / "out", templates=tmp_path / "vide")


def test_committed_templates_are_the_build_scripts_output(tmp_path):
    from tools.build_templates import build_all

    built = build_all(tmp_path)
    for path in built:
        committed = TEMPLATES_DIR / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{path.name} differs: run python tools/build_templates.py"
        )
    assert sorted(p.name for p in built) == sorted(TEMPLATE_FILES.values())


def test_templates_read_as_a_buyers_document(tmp_path, profile):
    """Headings, page numbers in the footer, buyer and reference in the header."""
    _, _, paths = generate_case(tmp_path, "travaux-4-lots", profile)
    for path in paths:
        document = Document(str(path))
        styles = {p.style.name for p in document.paragraphs}
        assert {"Title", "Heading 1"} <= styles, path.name
        footer_xml = document.sections[0].footer._element.xml
        assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
        header = document.sections[0].header.paragraphs[0].text
        assert header.endswith("Consultation n° 2026-014")
        assert document.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)
    ccap = Document(str(by_kind(paths)["CCAP"][0]))
    subheadings = [p.text for p in ccap.paragraphs if p.style.name == "Heading 2"]
    assert [h.split(" – ")[0] for h in subheadings] == [f"1.{i}" for i in range(1, 9)]


# ----------------------------------------------------------------- review and PDF


def _review_engine():
    from review.engine import review

    return review


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_folder_passes_the_review(tmp_path, profile, case):
    review = _review_engine()
    spec, out, paths = generate_case(tmp_path, case, profile)
    report = review(out, profile=profile, review_date=REVIEW_DATE)
    serious = [
        f"{f.code} {f.severity.value} {f.piece} {f.message}"
        for f in report.findings
        if f.severity.value in ("error", "warning")
    ]
    assert serious == []
    # The review reads back the calculator's hours for every lot with a clause.
    table = compute(
        spec.lots, profile, framework=spec.framework, duration_years=spec.duration_years
    )
    found = {lot.number: lot for lot in report.lots}
    for lot in table.lots:
        if lot.hours:
            assert set(found[lot.number].hours.values()) == {lot.hours}, found[lot.number]


@pytest.mark.soffice
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_documents_convert_to_pdf(tmp_path, profile):
    _, out, paths = generate_case(tmp_path, "acheteur-esperluette", profile)
    pdf_dir = tmp_path / "pdf"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    import pypdfium2

    for path in paths:
        pdf = pdf_dir / (path.stem + ".pdf")
        assert pdf.is_file(), (path.name, result.stdout, result.stderr)
        document = pypdfium2.PdfDocument(str(pdf))
        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        assert "Consultation n° SEA/2026-07" in text
        assert "page 1 sur" in text
        document.close()


def test_framework_hours_per_tranche_of_orders(tmp_path):
    profile_file = tmp_path / "profil.toml"
    profile_file.write_text(
        FACILITATOR + '[accords_cadres]\nforme = "tranche"\ntranche = 100000.0\n', "utf-8"
    )
    profile = load_profile(profile_file)
    spec, out, paths = generate_case(tmp_path, "services-accord-cadre", profile)
    table = compute(spec.lots, profile, framework=True, duration_years=spec.duration_years)
    assert {lot.period for lot in table.lots} == {"tranche"}
    rows = table_rows(by_kind(paths)["CCAP"][0])
    unit = "par tranche de 100 000 € HT commandés"
    for lot in table.lots:
        assert [f"Lot {lot.number}", lot.title, f"{lot.hours} heures {unit}"] in rows
    assert "tranche de 100 000 € HT de commandes émises" in docx_text(by_kind(paths)["RC"][0])
    review = _review_engine()
    report = review(out, profile=profile, review_date=REVIEW_DATE)
    assert [f.code for f in report.findings if f.severity.value != "info"] == []
