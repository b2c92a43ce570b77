"""The French CSV writer shared by every CSV output."""

from __future__ import annotations

import csv
import io

from generators.reports.csv_fr import format_cell, to_csv_fr


def read_back(text: str) -> list[list[str]]:
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_rows_with_header_decimal_comma_and_quoting():
    text = to_csv_fr(
        [
            ["Lot", "Intitulé", "Taux", "Note"],
            ["1", "Gros œuvre; maçonnerie", 0.45, None],
            ["2", 'Peinture "intérieure"', 1234567.5, True],
        ]
    )
    assert text.startswith("\ufeffLot;Intitulé;Taux;Note\r\n")
    assert read_back(text) == [
        ["Lot", "Intitulé", "Taux", "Note"],
        ["1", "Gros œuvre; maçonnerie", "0,45", ""],
        ["2", 'Peinture "intérieure"', "1234567,5", "oui"],
    ]


def test_dict_rows_take_their_header_from_the_first_row():
    text = to_csv_fr([{"a": 1, "b": 2.0}, {"a": 3, "b": None}])
    assert read_back(text) == [["a", "b"], ["1", "2"], ["3", ""]]


def test_format_cell():
    assert format_cell(833.3) == "833,3"
    assert format_cell(1e-7) == "0,0000001"
    assert format_cell(820000.0) == "820000"
    assert format_cell(False) == "non"
    assert format_cell(["a", "b"]) == "a, b"
