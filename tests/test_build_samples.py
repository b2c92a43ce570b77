"""The sample builder: it writes every sample in the right formats, the committed samples
are what it builds (text, not bytes), and the expected findings name real pieces."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
CODE = re.compile(r"^CS[1-9]\d\d$")


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_samples", REPO / "tools" / "build_samples.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_samples"] = module
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    builder.build(out)
    return out


# ------------------------------------------------------------------ text of a piece


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def _odt_text(data: bytes) -> str:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    elements = document.getElementsByType(text.H) + document.getElementsByType(text.P)
    return "\n".join(teletype.extractText(e) for e in elements)


def _pdf_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def piece_text(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    return {".docx": _docx_text, ".odt": _odt_text, ".pdf": _pdf_text}[suffix](data)


def sample_pieces(path: Path) -> dict[str, bytes]:
    """Path inside the consultation -> bytes, for a folder or a zip."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()}


def _sample_path(root: Path, case) -> Path:
    return root / case.name


CASES = [make() for make in builder.CASES]


# ------------------------------------------------------------------ tests


def test_at_least_four_samples_with_every_format_and_a_zip():
    assert len(CASES) >= 4
    suffixes = {Path(name).suffix for case in CASES for name in case.pieces}
    assert {".docx", ".pdf", ".odt"} <= suffixes
    assert any(case.name.endswith(".zip") for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_builder_writes_real_files_of_the_right_format(built, case):
    pieces = sample_pieces(_sample_path(built, case))
    assert set(pieces) == set(case.pieces)
    for name, data in pieces.items():
        if name.endswith(".pdf"):
            assert data.startswith(b"%PDF-")
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
            expected = "word/document.xml" if name.endswith(".docx") else "content.xml"
            assert expected in names
        assert len(piece_text(name, data)) > 200, name


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_committed_samples_are_what_the_builder_writes(built, case):
    committed = sample_pieces(_sample_path(SAMPLES, case))
    fresh = sample_pieces(_sample_path(built, case))
    assert set(committed) == set(fresh), "run: python tools/build_samples.py"
    for name in fresh:
        assert piece_text(name, committed[name]) == piece_text(name, fresh[name]), (
            f"{case.name}/{name} differs from the builder's output: "
            "run python tools/build_samples.py and commit"
        )
    stem = case.name.removesuffix(".zip")
    assert json.loads((SAMPLES / f"{stem}.expected.json").read_text("utf-8")) == json.loads(
        (built / f"{stem}.expected.json").read_text("utf-8")
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_expected_findings_name_real_pieces_and_codes(case):
    stem = case.name.removesuffix(".zip")
    expected = json.loads((SAMPLES / f"{stem}.expected.json").read_text("utf-8"))
    assert expected["review_date"] == "2026-11-25"
    for finding in expected["findings"]:
        assert set(finding) == {"code", "piece", "lot", "why"}
        assert CODE.match(finding["code"]), finding
        assert finding["piece"] is None or finding["piece"] in case.pieces, finding
        assert finding["lot"] is None or isinstance(finding["lot"], str)
        assert len(finding["why"]) > 10


def test_sample_with_mistakes_lists_about_ten_findings_and_correct_ones_none():
    by_name = {case.name: case for case in CASES}
    assert 8 <= len(by_name["travaux-avec-erreurs"].findings) <= 12
    for name in ("travaux-conforme", "services-accord-cadre.zip", "fournitures-sans-clause"):
        assert by_name[name].findings == []


def test_zip_member_names_are_stored_in_the_windows_code_page():
    path = SAMPLES / "services-accord-cadre.zip"
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    accented = [i for i in infos if not i.filename.isascii()]
    assert accented, "at least one accented member name"
    assert any("/" in i.filename for i in infos), "a sub-folder"
    for info in accented:
        assert not info.flag_bits & 0x800, "no UTF-8 flag: cp437/cp850 as Windows tools write"
    raw = path.read_bytes()
    assert "Règlement".encode("cp850") in raw and "Règlement".encode() not in raw


def test_hours_in_samples_are_those_of_the_default_profile():
    from clausier.hours import LotRequest, compute
    from clausier.profile import load_profile

    profile = load_profile()
    works = compute(
        [LotRequest(lot.number, lot.title, lot.amount, lot.trade) for lot in builder.WORKS_LOTS],
        profile,
    )
    assert [lot.hours for lot in works.lots] == [lot.hours for lot in builder.WORKS_LOTS]
    assert works.total_hours == builder.WORKS_TOTAL_HOURS == 2155
    services = compute(
        [
            LotRequest(lot.number, lot.title, lot.amount * builder.SERVICES_YEARS, lot.trade)
            for lot in builder.SERVICES_LOTS
        ],
        profile,
        framework=True,
        duration_years=builder.SERVICES_YEARS,
    )
    assert [lot.hours for lot in services.lots] == [155, 75]
    for lot in builder.WORKS_LOTS + builder.SERVICES_LOTS:
        assert profile.trades[lot.trade].labour_share == lot.share


def test_works_samples_match_the_consultation_file():
    data = tomllib.loads((SAMPLES / "consultation-travaux.toml").read_text("utf-8"))
    lots = [(x["numero"], x["intitule"], x["montant"], x["metier"]) for x in data["lots"]]
    assert lots == [(x.number, x.title, x.amount, x.trade) for x in builder.WORKS_LOTS]


def test_hours_are_stated_in_every_piece_of_the_correct_works_sample():
    pieces = sample_pieces(SAMPLES / "travaux-conforme")
    texts = {name: piece_text(name, data) for name, data in pieces.items()}
    for name in ("01_RC.docx", "02_CCAP.pdf", "04_Annexe_clause_sociale_insertion.odt"):
        flat = re.sub(r"\s+", " ", texts[name].replace("\u00a0", " "))
        for lot in builder.WORKS_LOTS:
            assert f"{lot.hours} heures" in flat, (name, lot.number)
        assert "2 155 heures" in flat, name
    for lot in builder.WORKS_LOTS:
        ae = texts[f"03_AE_Lot0{lot.number}.docx"].replace("\u202f", " ")
        assert f"{lot.hours} heures" in ae


def test_the_ccap_sommaire_gives_the_right_pages():
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(SAMPLES / "travaux-conforme" / "02_CCAP.pdf"))
    pages = [page.get_textpage().get_text_range() for page in document]
    document.close()
    entries = re.findall(r"^\s*(.+?) \.{4,} (\d+)\s*$", pages[1], flags=re.M)
    assert len(entries) > 20
    for heading, number in entries:
        body = pages[int(number) - 1]
        assert any(line.strip().startswith(heading.strip()[:30]) for line in body.splitlines()), (
            heading,
            number,
        )


# ------------------------------------------------------------------ synthetic corpus


def _load_synth():
    spec = importlib.util.spec_from_file_location("synth", REPO / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synth_corpus(tmp_path_factory):
    synth = _load_synth()
    root = tmp_path_factory.mktemp("corpus")
    mix = {"zip": 0.5, "errors": 1.0, "pdf": 0.5}
    entries = synth.make_corpus(root, 6, seed=3, mix=mix, jobs=1)
    return synth, root, entries


def _corpus_pieces(root: Path, entry: dict) -> dict[str, bytes]:
    return sample_pieces(root / entry["name"])


def test_synth_writes_n_consultations_with_the_usual_pieces(synth_corpus):
    _, root, entries = synth_corpus
    assert len(entries) == 6 == len(list(root.iterdir()))
    assert any(e["name"].endswith(".zip") for e in entries)
    assert any(not e["name"].endswith(".zip") for e in entries)
    for entry in entries:
        pieces = _corpus_pieces(root, entry)
        names = [Path(n).name for n in pieces]
        assert sum(n.startswith("01_RC") for n in names) == 1
        assert sum(n.startswith("02_CCAP") for n in names) == 1
        assert 1 <= sum(n.startswith("03_AE") for n in names) <= 4
        assert sum(n.startswith("04_Annexe") for n in names) == 1
        assert len(entry["lots"]) == sum(n.startswith("03_AE") for n in names)


def test_synth_ccap_is_long_and_rc_mid_sized(synth_corpus):
    import pypdfium2 as pdfium

    _, root, entries = synth_corpus
    for entry in entries:
        for name, data in _corpus_pieces(root, entry).items():
            base = Path(name).name
            if base.startswith(("01_RC", "02_CCAP")) and base.endswith(".pdf"):
                document = pdfium.PdfDocument(data)
                pages = len(document)
                document.close()
                low, high = (20, 45) if base.startswith("02_CCAP") else (5, 12)
                assert low <= pages <= high, (entry["name"], base, pages)


def test_synth_pieces_all_differ_between_consultations(synth_corpus):
    import hashlib

    _, root, entries = synth_corpus
    seen: dict[str, str] = {}
    for entry in entries:
        for name, data in _corpus_pieces(root, entry).items():
            digest = hashlib.sha256(data).hexdigest()
            assert digest not in seen, (entry["name"], name, seen.get(digest))
            seen[digest] = f"{entry['name']}/{name}"


def test_synth_plants_the_mistakes_it_lists(synth_corpus):
    synth, root, entries = synth_corpus
    assert all(entry["mistakes"] for entry in entries)  # errors share 1.0
    words = {
        "cmp14": "article 14 du Code des marchés publics",
        "ccag2009": "arrêté du 8 septembre 2009",
        "pole_emploi": "Pôle emploi",
        "zus": "en ZUS",
        "smic_frozen": "SMIC horaire de 11,65 €",
    }
    for entry in entries:
        assert entry["expected_codes"] == sorted(synth.MISTAKES[m] for m in entry["mistakes"])
        texts = {Path(n).name: piece_text(n, d) for n, d in _corpus_pieces(root, entry).items()}
        ccap = next(t for n, t in texts.items() if n.startswith("02_CCAP"))
        rc = next(t for n, t in texts.items() if n.startswith("01_RC"))
        for mistake, phrase in words.items():
            assert (phrase in ccap) == (mistake in entry["mistakes"]), (entry["name"], mistake)
        assert ("clause sociale d'insertion" in rc.lower()) == (
            "rc_silent" not in entry["mistakes"]
        )
        assert ("non réalisée" in ccap) == ("no_hour_penalty" not in entry["mistakes"])


def test_synth_is_deterministic_for_a_seed(tmp_path):
    synth = _load_synth()
    first = synth.make_corpus(tmp_path / "a", 2, seed=7, jobs=1)
    second = synth.make_corpus(tmp_path / "b", 2, seed=7, jobs=1)
    assert [e["lots"] for e in first] == [e["lots"] for e in second]
    for entry in first:
        a = _corpus_pieces(tmp_path / "a", entry)
        b = _corpus_pieces(tmp_path / "b", entry)
        assert {n: piece_text(n, d) for n, d in a.items()} == {
            n: piece_text(n, d) for n, d in b.items()
        }
