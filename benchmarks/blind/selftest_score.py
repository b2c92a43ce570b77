#!/usr/bin/env python3
"""Checks score.py on hand-written keys and a fake `clausier` that prints hand-written JSON.
It never runs the real tool.  Usage: python benchmarks/blind/selftest_score.py"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# what the fake tool prints, per consultation folder name
OUTPUTS = {
    "c1": dict(
        consultation="c1", reviewed_at="2026-11-25",
        pieces=[dict(path="RC.docx", kind="RC"), dict(path="sous/CCAP.docx", kind="CCAP"),
                dict(path="AE.pdf", kind="CCAP"), dict(path="plan.png", kind="AUTRE")],
        lots=[dict(number="1", hours={"CCAP": 615, "RC": 615, "AE": 615}),
              dict(number="2", hours={"CCAP": 270, "AE": 720}),
              dict(number="3", hours={"CCAP": 100, "AE": 110}),
              dict(number="9", hours={"CCAP": 5})],
        findings=[
            # matches the key CS201 (path inside the consultation: the base name is compared)
            dict(code="CS201", severity="error", piece="sous/CCAP.docx", lot=None, message="CMP"),
            # the same problem at another paragraph: counted once
            dict(code="CS201", severity="error", piece="sous/CCAP.docx", lot=None, message="CMP bis"),
            # matches the key CS401 whose piece is a list
            dict(code="CS401", severity="error", piece="AE.pdf", lot="2", message="écart"),
            # second report of the same mismatch on the other piece: absorbed by the list
            dict(code="CS401", severity="error", piece="CCAP.docx", lot="2", message="écart"),
            # wrong lot: a false positive AND the key CS403 lot 3 is missed
            dict(code="CS403", severity="warning", piece="CCAP.docx", lot="1", message="hors fourchette"),
            # consultation-wide key (piece null): any piece matches
            dict(code="CS103", severity="warning", piece="AE.pdf", lot=None, message="pas d'engagement"),
            # optional: ignored
            dict(code="CS308", severity="info", piece="CCAP.docx", lot=None, message="pas de pénalité"),
            # a real false positive
            dict(code="CS204", severity="warning", piece="RC.docx", lot=None, message="Pôle emploi"),
            dict(code="CS904", severity="info", piece="plan.png", lot=None, message="type inconnu"),
        ],
        summary=dict(error=3, warning=2, info=1)),
    "c2": "not json at all",
    "c3": "EXIT2",
    "c4": [dict(consultation="autre", findings=[dict(code="CS100", piece=None)]),
           dict(consultation="c4", pieces=[], lots=[dict(number="unique", hours=420)],
                findings=[dict(code="CS100", severity="info", piece=None, lot=None, message="aucune")])],
}

KEYS = {
    "c1": dict(name="c1", half="tune", review_date="2026-11-25", description="test",
               pieces={"RC.docx": "RC", "CCAP.docx": "CCAP", "AE.pdf": "AE", "plan.png": None,
                       "absent.docx": "CCTP"},
               lots={"1": 615, "2": {"CCAP": 270, "AE": 720}, "3": 100},
               findings=[dict(code="CS201", piece="CCAP.docx", lot=None),
                         dict(code="CS401", piece=["AE.pdf", "CCAP.docx"], lot="2"),
                         dict(code="CS403", piece=None, lot="3"),
                         dict(code="CS103", piece=None, lot=None),
                         dict(code="CS904", piece="plan.png", lot=None),
                         dict(code="CS302", piece="CCAP.docx", lot=None)],
               optional=[dict(code="CS308", piece="CCAP.docx")]),
    "c2": dict(name="c2", half="tune", review_date="2026-11-25", description="sortie non JSON",
               pieces={"RC.docx": "RC"}, lots={"1": 10},
               findings=[dict(code="CS102", piece="RC.docx", lot=None)], optional=[]),
    "c3": dict(name="c3", half="tune", review_date="2026-11-25", description="code 2",
               pieces={}, lots={}, findings=[], optional=[]),
    "c4": dict(name="c4", half="tune", review_date="2026-12-01", description="liste d'objets",
               pieces={}, lots={"unique": 420},
               findings=[dict(code="CS100", piece=None, lot=None)], optional=[]),
}

FAKE = r'''#!/usr/bin/env python3
import json, sys, pathlib
outputs = json.loads(pathlib.Path(__file__).with_name("outputs.json").read_text())
args = sys.argv[1:]
assert args[0] == "review" and args[2:4] == ["--format", "json"] and args[4] == "--date", args
folder = pathlib.Path(args[1]).name
want_date = {"c4": "2026-12-01"}.get(folder, "2026-11-25")
if args[5] != want_date:
    print("wrong date", args[5], file=sys.stderr); sys.exit(2)
o = outputs[folder]
if o == "EXIT2":
    print("usage error", file=sys.stderr); sys.exit(2)
print(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False))
sys.exit(1)
'''


def main():
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "answers" / "tune").mkdir(parents=True)
        for n, k in KEYS.items():
            (t / "answers" / "tune" / f"{n}.json").write_text(json.dumps(k, ensure_ascii=False))
            (t / "corpus" / "tune" / n).mkdir(parents=True)
        (t / "outputs.json").write_text(json.dumps(OUTPUTS, ensure_ascii=False))
        fake = t / "clausier"
        fake.write_text(FAKE)
        fake.chmod(0o755)
        cp = subprocess.run([sys.executable, str(HERE / "score.py"), "--half", "tune",
                             "--corpus", str(t / "corpus"), "--answers", str(t / "answers"),
                             "--clausier", str(fake), "--json", str(t / "res.json"), "--show-errors"],
                            capture_output=True, text=True)
        print(cp.stdout)
        if cp.returncode != 0:
            print(cp.stderr)
            return 1
        r = json.loads((t / "res.json").read_text())
    pc = r["per_code"]
    expect = {
        "CS201": (1, 0, 0), "CS401": (1, 0, 0), "CS403": (0, 1, 1), "CS103": (1, 0, 0),
        "CS904": (1, 0, 0), "CS302": (0, 0, 1), "CS204": (0, 1, 0), "CS102": (0, 0, 1),
        "CS100": (1, 0, 0),
    }
    bad = []
    for code, (tp, fp, mi) in expect.items():
        got = (pc.get(code, {}).get("tp", 0), pc.get(code, {}).get("fp", 0),
               pc.get(code, {}).get("missed", 0))
        if got != (tp, fp, mi):
            bad.append(f"{code}: attendu VP/FP/manqués {tp}/{fp}/{mi}, obtenu {got[0]}/{got[1]}/{got[2]}")
    if "CS308" in pc:
        bad.append("CS308 facultatif compté")
    ov = r["overall"]
    if (ov["tp"], ov["fp"], ov["missed"]) != (5, 2, 3):
        bad.append(f"total {ov}")
    # kinds: c1 RC ok, CCAP ok (nested path), AE wrong, absent.docx wrong; c2 crash: RC counted
    if (r["pieces"]["correct"], r["pieces"]["total"]) != (2, 5):
        bad.append(f"pièces {r['pieces']}")
    # hours: c1 lot 1 ok, lot 2 ok (dict), lot 3 wrong (AE 110); c2 crash: 1 lot; c4 unique ok (int)
    if (r["hours"]["correct"], r["hours"]["total"]) != (3, 5):
        bad.append(f"heures {r['hours']}")
    if sorted(c["name"] for c in r["crashes"]) != ["c2", "c3"]:
        bad.append(f"plantages {r['crashes']}")
    if r["exact"] != 1:  # c4 only (c3 is a crash)
        bad.append(f"exact {r['exact']}")
    if bad:
        print("ÉCHEC :\n  " + "\n  ".join(bad))
        return 1
    print("score.py : auto-test réussi.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
