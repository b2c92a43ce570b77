#!/usr/bin/env python3
"""Builds the eighth blind corpus (sealed half only) and its answer keys, then checks them.

    /work/main/.venv/bin/python benchmarks/blind8/build_corpus.py [OUTDIR] [--no-answers] [--only NAME ...]

OUTDIR defaults to benchmarks/blind8/corpus (consultations go to OUTDIR/sealed/<name>/);
answers go to benchmarks/blind8/answers/sealed/<name>.json. Stops with an error when a check fails."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b8lib import builder as B  # noqa: E402
from b8lib import engine as E  # noqa: E402
from b8lib import render as R  # noqa: E402
from b8lib.cases import CASES  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]

# tokens whose absence from every piece is checked when an element is removed
SIG = {
    "CS302": ["rsa", "demandeurs d'emploi", "rqth", "publics", "public visé", "sont éligibles", "26 ans", "qpv", "travailleurs handicapés"],
    "CS303": ["etti", "geiq", "embauche directe", "recrutement direct", "mise à disposition", "sous-traitance",
              "cotraitance", "association intermédiaire"],
    "CS305": ["tableau de suivi", "fiche de suivi", "relevés d'heures", "bilan", "documents de suivi",
              "fiche manquante", "justificatifs"],
    "CS306": ["smic", "heure manquante", "heure d'insertion non réalisée"],
    "CS308": ["semaine de retard", "fiche manquante", "retard de transmission", "justificatifs dans les délais"],
}
# outdated references: (code, regex); must appear exactly where planted
OUTDATED = [
    ("CS201", r"code des marchés publics|\bCMP\b|2015-899|2016-360"),
    ("CS202", r"R2152-7|L2113-1[23]"),
    ("CS203", r"2009|16\.1 du CCAG-Travaux|20\.1 du CCAG-FCS"),
    ("CS204", r"P[ôo]le[- ]emploi|DIRECCTE|\bZUS\b"),
    ("CS205", r"(?<!\d)(?<!\d )221 000|5 538 000|(?<!\d)(?<!\d )143 000|(?<!\d)(?<!\d )40 000"),
    ("CS307", r"11,88|11,65|arrêté ultérieurement"),
]


def text_of(payload):
    if isinstance(payload, E.Doc):
        return payload.text()
    if isinstance(payload, str):
        return payload
    if isinstance(payload, list) and payload and isinstance(payload[0], tuple):
        return "\n".join(" ".join(str(c) for c in r) for _n, rows in payload for r in rows)
    if isinstance(payload, list):
        return "\n".join(payload)
    return ""


def render(path: Path, fmt: str, payload, seed: int):
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("scan", "pdf", "enc", "lopdf") and isinstance(payload, list):
        (_n, rows), = payload
        d = E.Doc(title=rows[0][0], subtitle=rows[1][0])
        d.t([[str(c) for c in r] for r in rows[2:]])
        payload = d
    if fmt in ("docx", "docx_auto"):
        payload.autonum = payload.autonum or fmt == "docx_auto"
        R.render_docx(payload, path)
        R.normalize_zip(path)
    elif fmt == "trunc":
        R.render_docx(payload, path)
        R.normalize_zip(path)
        R.damage_truncate(path, 0.4)
    elif fmt == "pdf":
        R.render_pdf(payload, path)
    elif fmt == "enc":
        R.render_pdf(payload, path, password="dce2026")
    elif fmt == "lopdf":
        how = R.soffice_pdf(payload, path)
        if how != "soffice":
            print(f"  (LibreOffice indisponible : {path.name} écrit par fpdf2)")
    elif fmt == "scan":
        R.render_scanned_pdf(payload, path, seed=seed)
    elif fmt == "odt":
        R.render_odt(payload, path)
        R.normalize_zip(path)
    elif fmt == "xlsx":
        R.render_xlsx(payload, path, title=str(payload[0][1][0][0]))
        R.normalize_zip(path)
    elif fmt == "empty":
        R.damage_empty(path)
    elif fmt == "txt":
        path.write_text(payload, encoding="utf-8")
    elif fmt == "png":
        R.render_plan(path, payload, seed=seed)
    else:
        raise SystemExit(f"format inconnu {fmt}")


def fail(msg):
    raise SystemExit("CONTRÔLE ÉCHOUÉ : " + msg)


def check_case(case, out, key, folder):
    name = case["name"]
    e = case["_errs"]
    texts = {PurePosixPath(f[0]).name: (f[1], text_of(f[3]) if not str(f[3]).startswith("COPY:") else None)
             for f in out}
    for b, (role, t) in list(texts.items()):
        if t is None:  # identical copy
            src = [x for x in out if x[3] is not None and not isinstance(x[3], str) and x[1] == role][0]
            texts[b] = (role, text_of(src[3]))
    alltext = "\n".join(t for _r, t in texts.values()).lower()
    # removed elements
    for code, toks in SIG.items():
        if code in e or (code == "CS308" and "CS305" in e):
            for tok in toks:
                if tok in alltext:
                    fail(f"{name}: {code} retiré mais « {tok} » présent")
    if "CS304" in e:
        s, p, t, m = E.FACIL[case["facil"]]
        for tok in (s, p, t, m, "facilitat"):
            if tok.lower() in alltext and tok != "facilitat":
                fail(f"{name}: CS304 mais « {tok} » présent")
        if re.search(r"@\S*(plie|mde|clause|insertion|cellule)", alltext):
            fail(f"{name}: CS304 mais un courriel de facilitation reste")
    # outdated refs only where planted
    legit202 = case.get("crit_r2152") or any(len(l) > 4 and l[4] == "reserved" for l in case["lots"])
    for code, rx in OUTDATED:
        hits = [b for b, (_r, t) in texts.items() if re.search(rx, t, re.I if code != "CS204" else 0)]
        planted = code in e
        if code == "CS307":
            planted = code in e
        if code == "CS202" and legit202:
            continue
        if planted and not hits:
            fail(f"{name}: {code} planté mais absent des pièces")
        if not planted and hits:
            fail(f"{name}: référence {code} non plantée trouvée dans {hits}")
        if planted:
            exp = [k for k in key["findings"] if k["code"] == code][0]["piece"]
            exp = exp if isinstance(exp, list) else [exp]
            if not set(hits) <= set(exp):
                fail(f"{name}: {code} trouvé dans {hits}, attendu {exp}")
    if re.search(r"12,02", alltext) and "CS307" not in e:
        pass
    # silent pieces
    def silent(role, words=("insertion", "clause sociale")):
        for b, (r, t) in texts.items():
            if r == role and any(w in t.lower() for w in words):
                fail(f"{name}: pièce {b} devait être muette sur la clause")
    if "CS102" in e:
        silent("rc")
    if "CS104" in e:
        silent("avis")
    if "CS101" in e:
        silent("ccap")
    if "CS103" in e:
        silent("ae")
    # CS501 exactly when required
    value = sum(l["amount"] for l in case["_lots"])
    thr = E.THRESH["travaux"] if case["nature"] == "travaux" else (
        E.THRESH["etat"] if case["btype"] == "etat" else E.THRESH["autre"])
    after = dt.date.fromisoformat(case["envoi"]) >= E.OBLIG
    clause = case.get("clause", True)
    need = after and value >= thr and clause in (None, "sans")
    if need != ("CS501" in e):
        fail(f"{name}: CS501 incohérent (valeur {value}, seuil {thr}, après={after})")
    if clause is True and after and value >= thr and not case.get("l2112_2_1") and "CS101" not in e:
        fail(f"{name}: L2112-2-1 devrait être cité")
    if case.get("l2112_2_1") and not (after and value >= thr):
        fail(f"{name}: L2112-2-1 cité sans obligation")
    # hours of correct folders = computation
    if not e and clause is True:
        for l in case["_lots"]:
            if l["covered"]:
                if any(v != l["calc"] for v in l["h"].values()):
                    fail(f"{name}: heures du lot {l['num']} différentes du calcul")
                if key["lots"].get(l["num"]) != l["calc"]:
                    fail(f"{name}: corrigé du lot {l['num']} différent du calcul")
    # files on disk = key
    disk = sorted(p.name for p in folder.rglob("*") if p.is_file())
    if disk != sorted(key["pieces"]):
        fail(f"{name}: fichiers {disk} ≠ corrigé {sorted(key['pieces'])}")
    # all files different (bytes and text) except the planted CS905 pair
    pair = set()
    for k in key["findings"]:
        if k["code"] == "CS905":
            pair = set(k["piece"])
    digests, seen_text = {}, {}
    for p in folder.rglob("*"):
        if not p.is_file():
            continue
        h = hashlib.sha256(p.read_bytes()).hexdigest()
        if h in digests and not {p.name, digests[h]} <= pair:
            fail(f"{name}: {p.name} identique à {digests[h]}")
        digests[h] = p.name
    for b, (_r, t) in texts.items():
        if t in seen_text and not {b, seen_text[t]} <= pair:
            fail(f"{name}: {b} même texte que {seen_text[t]}")
        seen_text[t] = b
    if pair and len(pair) != 2:
        fail(f"{name}: paire CS905 incomplète")
    # errors count
    if len(e) > 3:
        fail(f"{name}: plus de trois erreurs plantées")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    root = Path(a.outdir) / "sealed"
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    planted, natural = Counter(), Counter()
    ncorrect = 0
    names = set()
    print("Taux de main-d'œuvre (milieu des fourchettes de reference.md § 6.2) : " +
          ", ".join(f"{k} {float(v):.2f}" for k, v in E.MO.items()))
    for case in CASES:
        if case["name"] in names:
            fail(f"nom en double {case['name']}")
        names.add(case["name"])
        if a.only and case["name"] not in a.only:
            continue
        out = B.plan_files(case)
        key = B.answer_key(case, out)
        folder = root / case["name"]
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        seed = B.seed_of(case["name"])
        for fname, role, fmt, payload, _lot in out:
            p = folder / fname
            if isinstance(payload, str) and payload.startswith("COPY:"):
                p.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / payload[5:], p)
                continue
            render(p, fmt, payload, seed)
        check_case(case, out, key, folder)
        if not case["_errs"]:
            ncorrect += 1
            bad = [k for k in key["findings"] if k["code"] not in ("CS904", "CS100")]
            if bad:
                fail(f"{case['name']}: dossier correct avec constats {bad}")
        for k in key["findings"]:
            (planted if k["planted"] else natural)[k["code"]] += 1
        if not a.no_answers:
            (ans / f"{case['name']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                        encoding="utf-8")
        hl = ", ".join(f"{n}: {v}" for n, v in key["lots"].items()) or "—"
        print(f"{case['name']}: {len(out)} fichiers ; heures {hl} ; constats "
              + (", ".join(k["code"] for k in key["findings"]) or "aucun"))
    if not a.only:
        if len(CASES) != 36 or ncorrect != 12:
            fail(f"{len(CASES)} consultations dont {ncorrect} correctes (36 / 12 attendues)")
        for c in PLANTABLE:
            if planted[c] < 1:
                fail(f"code {c} jamais planté")
    print(f"\n{len(CASES) if not a.only else len(a.only)} consultations, {ncorrect} correctes.")
    print("Plantés : " + ", ".join(f"{c} {planted[c]}" for c in PLANTABLE) + f" (total {sum(planted.values())})")
    print("Naturels : " + ", ".join(f"{c} {n}" for c, n in sorted(natural.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
