"""Running `clausier followup` and building the sample operation in a test's folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from apps.cli import cli
from tools.build_followup_samples import HEADERS, write_sample_sheets

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CONSULTATION = ROOT / "samples" / "suivi" / "consultation.toml"
AWARDS = [
    ("1", "Bâti Sèvre SARL", "41234567000019"),
    ("2", "Charpentes du Val", "52345678800026"),
    ("3", "Plâtres et Cloisons SAS", "63456789500038"),
]
REFERENCE = "2026-014"
__all__ = ["HEADERS", "followup", "operation", "status_json", "write_sample_sheets"]


def followup(*args: str, db: str, cwd: Path | None = None):
    """`clausier followup ARGS --db DB`; stderr kept apart."""
    runner = CliRunner()
    command, *rest = args
    return runner.invoke(cli, ["followup", command, *rest, "--db", db], catch_exceptions=False)


def operation(db: str, tmp_path: Path) -> Path:
    """The sample operation added and awarded; returns the folder of its fresh sheets."""
    consultation = tmp_path / "consultation.toml"
    shutil.copy(SAMPLE_CONSULTATION, consultation)
    result = followup("add", str(consultation), db=db)
    assert result.exit_code == 0, result.output
    for lot, company, siret in AWARDS:
        result = followup(
            "award", REFERENCE, "--lot", lot, "--company", company, "--siret", siret,
            "--notified", "2026-12-10", db=db,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    sheets = tmp_path / "feuilles"
    write_sample_sheets(sheets)
    return sheets


def status_json(db: str, day: str = "2027-06-30", reference: str = REFERENCE) -> tuple[int, dict]:
    result = followup("status", reference, "--date", day, "--format", "json", db=db)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)
