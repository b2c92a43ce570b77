"""Write the companies' monthly sheets of the sample operation (samples/suivi/feuilles/).

    python -m tools.build_followup_samples

Three styles, as companies send them: an Excel workbook with title rows above the header,
a CSV with « ; », decimal commas and months written « 03/2027 », an OpenDocument workbook
whose months are date cells; then a correcting sheet. The tests write the same sheets
into their own folders with `write_sample_sheets`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from followup.sheet_files import write_grid

HEADERS = [
    "Mois", "Lot", "Participant", "Public", "Employeur", "SIRET employeur", "Modalité",
    "Contrat", "Entrée", "Sortie", "Situation à la sortie", "Heures",
]  # fmt: skip
HOLDER_1 = ("Bâti Sèvre SARL", "412 345 670 00019")
ETTI = ("Intérim Insertion Val", "745 678 904 00046")
HOLDER_2 = ("Charpentes du Val", "523 456 788 00026")
EI = ("Bois Solidaire", "856 789 011 00058")
HOLDER_3 = ("Plâtres et Cloisons SAS", "634 567 895 00038")


def lot1_rows() -> list[list]:
    """Excel, with two title rows and a blank row above the header, loose headers."""

    def row(month, participant, public, employer, modality, contract, start, hours):
        return [
            month,
            "Lot 1",
            participant,
            public,
            *employer,
            modality,
            contract,
            start,
            None,
            None,
            hours,
        ]

    return [
        ["Bâti Sèvre SARL — suivi des heures d'insertion"],
        ["Opération 2026-014, lot 1 Gros œuvre"],
        [],
        ["MOIS", "Lot n°", "Participant (*)", "Public (*)", "Employeur", "N° SIRET", "Modalite",
         "Type de contrat", "Date d'entrée", "Date de sortie", "Situation à la sortie", "Heures réalisées"],
        row("2027-01", "P-014-01", "DELD", HOLDER_1, "Embauche directe", "CDD", date(2027, 1, 11), 60),
        row("2027-02", "P-014-01", "DELD", HOLDER_1, "Embauche directe", "CDD", date(2027, 1, 11), 70),
        row("2027-02", "P-014-02", "bénéficiaire du RSA", ETTI, "Mise à disposition", "Intérim", date(2027, 2, 1), 50),
        row("mars 2027", "P-014-01", "DELD", HOLDER_1, "Embauche directe", "CDD", date(2027, 1, 11), 70),
        row("mars 2027", "P-014-02", "bénéficiaire du RSA", ETTI, "Mise à disposition", "Intérim", date(2027, 2, 1), 55),
        row("mars 2027", "P-014-03", "Jeune", HOLDER_1, "Embauche directe", "Apprentissage", date(2027, 3, 1), 40),
    ]  # fmt: skip


def lot2_rows() -> list[list]:
    """CSV: months « 03/2027 », decimal commas, the action that ends in May."""
    rows = [HEADERS]
    plan = [
        ("02/2027", "P-014-04", "TH", EI, "sous-traitance", "CDDI", None, None, "40"),
        ("02/2027", "P-014-05", "SENIOR", HOLDER_2, "embauche directe", "CDI", None, None, "0"),
        ("03/2027", "P-014-04", "TH", EI, "sous-traitance", "CDDI", None, None, "45"),
        ("03/2027", "P-014-05", "SENIOR", HOLDER_2, "embauche directe", "CDI", None, None, "35"),
        ("04/2027", "P-014-04", "TH", EI, "sous-traitance", "CDDI", None, None, "50"),
        ("04/2027", "P-014-05", "SENIOR", HOLDER_2, "embauche directe", "CDI", None, None, "35"),
        (
            "05/2027",
            "P-014-04",
            "TH",
            EI,
            "sous-traitance",
            "CDDI",
            "20/05/2027",
            "emploi durable",
            "30,5",
        ),
        ("05/2027", "P-014-05", "SENIOR", HOLDER_2, "embauche directe", "CDI", None, None, "20"),
    ]
    starts = {"P-014-04": "01/02/2027", "P-014-05": "15/02/2027"}
    for month, who, public, employer, modality, contract, end, outcome, hours in plan:
        rows.append(
            [
                month,
                "2",
                who,
                public,
                *employer,
                modality,
                contract,
                starts[who],
                end,
                outcome,
                hours,
            ]
        )
    return rows


def lot3_rows() -> list[list]:
    """OpenDocument: months as date cells (the first of the month), one public left empty."""
    rows = [HEADERS]
    for month, (h6, h7) in zip(range(3, 7), [(30, 20), (35, 25), (35, 25), (35, 25)], strict=True):
        day = date(2027, month, 1)
        rows.append(
            [
                day,
                3,
                "P-014-06",
                "QPV",
                *HOLDER_3,
                "embauche directe",
                "CDD",
                date(2027, 3, 1),
                None,
                None,
                h6,
            ]
        )
        rows.append(
            [
                day,
                3,
                "P-014-07",
                None,
                *HOLDER_3,
                "embauche directe",
                "professionnalisation",
                date(2027, 3, 8),
                None,
                None,
                h7,
            ]
        )
    return rows


def correction_rows() -> list[list]:
    """Bâti Sèvre corrects March for P-014-02 (65 h, not 55 h)."""
    return [
        HEADERS,
        [
            "03/2027",
            "1",
            "P-014-02",
            "RSA",
            *ETTI,
            "mise à disposition",
            "intérim",
            "01/02/2027",
            None,
            None,
            "65",
        ],
    ]


SHEETS = {
    "01-bati-sevre-lot1.xlsx": lot1_rows,
    "02-charpentes-du-val-lot2.csv": lot2_rows,
    "03-platres-et-cloisons-lot3.ods": lot3_rows,
    "04-bati-sevre-correction-mars.csv": correction_rows,
}


def write_sample_sheets(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_grid(folder / name, build()) for name, build in SHEETS.items()]


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    for path in write_sample_sheets(root / "samples" / "suivi" / "feuilles"):
        print(path.relative_to(root))
