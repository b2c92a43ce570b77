"""`clausier generate` through click's CliRunner: real consultation files, real .docx out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from clitext import flat
from docx import Document

from apps.cli import cli
from tools.simple_documents import Doc, H, P, T, write_docx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CONSULTATION = str(SAMPLES / "consultation-travaux.toml")
SAMPLE_FILES = [
    "RC_2026-014_clause_insertion.docx",
    "CCAP_2026-014_clause_insertion.docx",
    "AE_2026-014_lot1_engagement.docx",
    "AE_2026-014_lot2_engagement.docx",
    "AE_2026-014_lot3_engagement.docx",
    "AE_2026-014_lot4_engagement.docx",
    "Annexe_2026-014_clause_insertion.docx",
]


def run(*args: str):
    return CliRunner().invoke(cli, ["generate", *args])


def test_generates_the_sample_consultation(tmp_path):
    out = tmp_path / "sortie"
    result = run(CONSULTATION, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(SAMPLE_FILES)
    assert "7 document(s) écrit(s)" in flat(result.output)
    for name in SAMPLE_FILES:
        assert name in result.output
    ae = Document(str(out / "AE_2026-014_lot1_engagement.docx"))
    assert any(p.text == "615 heures" for p in ae.paragraphs)


def test_only(tmp_path):
    result = run(CONSULTATION, "-o", str(tmp_path), "--only", "ccap,annexe")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Annexe_2026-014_clause_insertion.docx",
        "CCAP_2026-014_clause_insertion.docx",
    ]
    result = run(CONSULTATION, "-o", str(tmp_path), "--only", "ccap,bpu")
    assert result.exit_code == 2
    assert "« bpu » n'est pas un document connu" in flat(result.output)


def test_force(tmp_path):
    assert run(CONSULTATION, "-o", str(tmp_path), "--only", "rc").exit_code == 0
    rc = tmp_path / "RC_2026-014_clause_insertion.docx"
    rc.write_bytes(b"copie modifiee par l'acheteur")
    result = run(CONSULTATION, "-o", str(tmp_path), "--only", "rc")
    assert result.exit_code == 2
    assert "RC_2026-014_clause_insertion.docx existe déjà" in flat(result.output)
    assert "--force" in flat(result.output)
    assert rc.read_bytes() == b"copie modifiee par l'acheteur"
    result = run(CONSULTATION, "-o", str(tmp_path), "--only", "rc", "--force")
    assert result.exit_code == 0, result.output
    assert rc.read_bytes().startswith(b"PK")


def test_missing_variable_in_own_template(tmp_path):
    templates = tmp_path / "modeles"
    templates.mkdir()
    document = Document()
    document.add_paragraph("Lot {{ lot.numero }} : {{ heures_lot }} heures.")
    document.save(str(templates / "ae_engagement.docx"))
    out = tmp_path / "sortie"
    result = run(CONSULTATION, "-o", str(out), "--templates", str(templates))
    assert result.exit_code == 2
    assert "ae_engagement.docx" in flat(result.output)
    assert "« heures_lot »" in flat(result.output)
    assert not out.exists()


def test_profile_option(tmp_path):
    out = tmp_path / "sortie"
    profile = SAMPLES / "profil-exemple.toml"
    result = run(CONSULTATION, "-o", str(out), "--profile", str(profile), "--only", "ccap")
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(out / SAMPLE_FILES[1])).paragraphs)
    assert "PLIE du Val d'Exemple (fictif)" in text
    bad = tmp_path / "profil.toml"
    bad.write_text("[profil]\ntaux_insertion = 5\n", encoding="utf-8")
    result = run(CONSULTATION, "-o", str(out), "--profile", str(bad), "--force")
    assert result.exit_code == 2
    assert "profil.toml" in flat(result.output)


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "x"], "Indiquez un fichier consultation"),
        ([CONSULTATION], "Indiquez le dossier de sortie avec -o"),
        ([CONSULTATION, "--from", ".", "-o", "x"], "pas les deux"),
        (["absent.toml", "-o", "x"], "absent.toml"),
    ],
)
def test_usage_errors_exit_2_in_french(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_bad_consultation_file(tmp_path):
    path = tmp_path / "consultation.toml"
    path.write_text('[consultation]\nacheteur = "Commune"\nnature = "travau"\n', encoding="utf-8")
    result = run(str(path), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 2
    assert "consultation.toml" in flat(result.output) and "nature" in flat(result.output)


def test_from_a_reviewed_tender_folder(tmp_path):
    dce = tmp_path / "DCE"
    write_docx(
        dce / "RC.docx",
        Doc(
            [
                H("Règlement de la consultation"),
                P("Objet : construction d'une salle de sports. Procédure adaptée."),
                H("Article 1 – Allotissement"),
                T(
                    [
                        ["Lot", "Intitulé", "Montant estimé HT"],
                        ["1", "Gros œuvre – maçonnerie", "820 000 €"],
                        ["2", "Peinture – revêtements muraux", "780 000 €"],
                    ]
                ),
            ]
        ),
    )
    out = tmp_path / "sortie"
    result = CliRunner().invoke(cli, ["generate", "--from", str(dce), "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    # No reference found in the folder: the file names carry the folder's name.
    assert "CCAP_DCE_clause_insertion.docx" in names
    ae = [n for n in names if n.startswith("AE_")]
    assert len(ae) == 2
    text = "\n".join(p.text for p in Document(str(out / ae[0])).paragraphs)
    assert "615 heures" in text  # 820 000 × 0,45 × 5 % ÷ 30
    # Warnings on stderr for the placeholders, which the documents show.
    assert "référence de la consultation non trouvée" in result.stderr
    assert "[acheteur à compléter]" in "\n".join(
        p.text for p in Document(str(out / ae[0])).paragraphs
    )


def test_from_a_missing_folder(tmp_path):
    result = run("--from", str(tmp_path / "absent"), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "introuvable" in flat(result.output)
