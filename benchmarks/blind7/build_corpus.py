#!/usr/bin/env python3
"""Builds the seventh blind corpus of Clausier (sealed half only) and its answer keys.

    /work/main/.venv/bin/python benchmarks/blind7/build_corpus.py [OUT] [--no-answers] [--only NAME ...]

OUT defaults to benchmarks/blind7/corpus; consultations go to OUT/sealed/<name>/, answer keys to
benchmarks/blind7/answers/sealed/<name>.json. Nothing here reads, imports or runs the tool.
The script checks what it wrote and stops with an error when a check fails."""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b7lib import engine as E  # noqa: E402
from b7lib import texts as T  # noqa: E402
from b7lib.cases import CASES  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]

OUTDATED = {
    "CS201": re.compile(r"code des marchés publics|2015-899|2016-360|\bCMP\b|2006-975", re.I),
    "CS203": re.compile(r"(8 septembre|19 janvier) 2009|CCAG[^.;]{0,40}2009|article 16\.1 du CCAG-Travaux|"
                        r"article 20\.1 du CCAG-FCS", re.I),
    "CS204": re.compile(r"P[ôo]le[ -]emploi|DIRECCTE|\bZUS\b|zone urbaine sensible", re.I),
    "CS205": re.compile(r"221 000|5 538 000|143 000|215 000|5 382 000|(?<!\d)40 000 €"),
}
MENTION = re.compile(r"insertion|clause sociale|condition sociale", re.I)
EMAIL = re.compile(r"[\w.-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"0\d(?: \d\d){4}")


class CheckError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise CheckError(msg)


def pdf_has_text(path):
    try:
        out = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return len(out.strip()) > 40


def docx_has_revisions(path):
    with zipfile.ZipFile(path) as z:
        doc = z.read("word/document.xml").decode("utf-8")
        names = z.namelist()
    return "<w:ins " in doc or "<w:del " in doc or "word/comments.xml" in names


def check_case(C, key, texts, folder):
    name = C.name
    errs = C.errs
    codes = [e["code"] for e in errs]
    correct = not errs
    files_key = set(key["pieces"])
    on_disk = {p.name for p in folder.iterdir()}
    need(files_key == on_disk, f"{name}: fichiers sur disque {on_disk ^ files_key} ≠ corrigé")
    need(correct or 1 <= len(errs) <= 3, f"{name}: {len(errs)} erreurs plantées")
    all_text = "\n".join(texts.values())
    # removed clause elements appear in no piece
    for el in sorted(C.removed & set(T.SIG)):
        for f, t in texts.items():
            m = T.SIG[el].search(t)
            need(not m, f"{name}: élément retiré « {el} » trouvé dans {f} : {m.group(0) if m else ''!r}")
    if "CS304" in codes:
        need(not EMAIL.search(all_text), f"{name}: un courriel subsiste malgré CS304")
        adm = C.case.get("admin", ("", "", "05 36 49 10 44"))[2]
        phones = set(PHONE.findall(all_text)) - {adm}
        need(not phones, f"{name}: téléphone(s) {phones} malgré CS304")
        need(not re.search(r"Maison de l.Emploi et de la Formation|service insertion du", all_text),
             f"{name}: structure de facilitation présente malgré CS304")
    # outdated references only where planted
    for code, rx in OUTDATED.items():
        where = {f for f, t in texts.items() if rx.search(t)}
        planted = {e["piece"] for e in errs if e["code"] == code}
        if code == "CS201":
            planted = {e["piece"] for e in errs if e["code"] == code}
        need(where == planted, f"{name}: référence périmée {code} trouvée dans {where}, plantée dans {planted}")
    for e in errs:
        if e["code"] == "CS202":
            rx = {"r21527": r"R2152-7", "l211313": r"L\. 2113-13"}[e["how"]]
            need(re.search(rx + r"[^.]{0,200}(insertion|condition d'exécution)|(insertion|condition d'exécution)"
                           r"[^.]{0,200}" + rx, texts[e["piece"]]), f"{name}: CS202 non écrit dans {e['piece']}")
    if "reserved" not in C.traps:
        need(not re.search(r"L\. ?2113-1[23]", all_text) or "CS202" in codes, f"{name}: L2113-12/13 inattendu")
    if "crit_r2152" not in C.traps:
        need(not re.search(r"R ?2152-7", all_text) or "CS202" in codes, f"{name}: R2152-7 inattendu")
    # no mention where the plant says none
    roles = {f: r for r, _fmt, f in C.case["files"]}
    for e in errs:
        if e["code"] == "CS102":
            need(not MENTION.search(texts[e["piece"]]), f"{name}: le RC mentionne la clause malgré CS102")
        if e["code"] == "CS104":
            need(not MENTION.search(texts[e["piece"]]), f"{name}: l'avis mentionne la clause malgré CS104")
        if e["code"] == "CS101":
            ccap = [f for f, r in roles.items() if r == "CCAP"][0]
            need(not MENTION.search(texts[ccap]), f"{name}: le CCAP mentionne la clause malgré CS101")
        if e["code"] == "CS103":
            ae = [f for f, r in roles.items() if r == "AE"][0]
            need(not MENTION.search(texts[ae]), f"{name}: l'AE mentionne l'insertion malgré CS103")
            need(not any(r in ("ANNEX", "FICHE") for r in roles.values()), f"{name}: annexe présente malgré CS103")
        if e["code"] == "CS105":
            present = set(roles.values())
            need(not ({"RC", "AE"} <= present and present & {"CCAP", "CDC", "AECCAP"}),
                 f"{name}: CS105 planté mais RC, CCAP et AE présents")
        if e["code"] == "CS903":
            need(docx_has_revisions(folder / e["piece"]), f"{name}: {e['piece']} sans révision ni commentaire")
        if e["code"] == "CS902":
            need(pdf_has_text(folder / e["piece"]) is False, f"{name}: {e['piece']} a une couche texte")
        if e["code"] == "CS901":
            p = folder / e["piece"]
            if p.suffix == ".pdf":
                need(b"/Encrypt" in p.read_bytes(), f"{name}: {e['piece']} n'est pas chiffré")
            else:
                try:
                    zipfile.ZipFile(p).testzip()
                    ok = False
                except Exception:
                    ok = True
                need(ok, f"{name}: {e['piece']} n'est pas abîmé")
    if "CS105" not in codes:
        present = set(roles.values())
        need("RC" in present and ("AE" in present or "AECCAP" in present) and present & {"CCAP", "CDC", "AECCAP"},
             f"{name}: une pièce usuelle manque sans CS105 planté")
    if "CS103" not in codes and C.clause == "yes":
        need(any(r in ("AE", "AECCAP", "ANNEX", "FICHE") for r in roles.values()), f"{name}: pas d'engagement")
    for f, (role) in roles.items():
        p = folder / f
        if p.suffix == ".pdf" and not any(e.get("piece") == f and e["code"] in ("CS901", "CS902") for e in errs):
            need(pdf_has_text(p) is not False, f"{name}: {f} sans couche texte")
        if role == "RC":
            need(C.d() in texts[f], f"{name}: {f} ne porte pas sa date d'envoi")
        if role == "AAPC":
            need(C.d() in texts[f], f"{name}: l'avis ne porte pas sa date d'envoi")
        if role == "CCAP" and C.clause == "yes" and "CS101" not in codes:
            need(MENTION.search(texts[f]), f"{name}: CCAP sans clause ni renvoi")
    # files all different except the planted CS905
    dup_ok = set()
    for e in errs:
        if e["code"] == "CS905":
            dup_ok = set(e["piece"])
    hashes = collections.defaultdict(list)
    txts = collections.defaultdict(list)
    for f in on_disk:
        hashes[hashlib.sha256((folder / f).read_bytes()).hexdigest()].append(f)
        if texts.get(f):
            txts[texts[f]].append(f)
    for group in list(hashes.values()) + list(txts.values()):
        if len(group) > 1:
            need(set(group) == dup_ok, f"{name}: fichiers identiques {group}")
    # hours
    planted_lots = {str(e.get("lot")) for e in errs if e.get("lot")}
    for l in C.lots:
        if l.covered and l.calc is not None:
            x = E.raw_hours(l.amount, l.trade)
            frac = (x / E.STEP) % 1
            need(abs(frac - 0.5) > 0.05, f"{name}: lot {l.n} à mi-chemin de l'arrondi ({x:.2f})")
            need(abs(x - E.HMIN) > 5, f"{name}: lot {l.n} trop près du minimum ({x:.2f})")
        if l.amount and not l.reserved and l.trade != "fournitures" and not l.covered:
            need(E.raw_hours(l.amount, l.trade) < E.HMIN - 5, f"{name}: lot {l.n} non couvert mais au-dessus du minimum")
    for lot, want in key["lots"].items():
        l = C.lot(lot)
        if lot in planted_lots:
            continue
        need(want == l.calc, f"{name}: lot {lot} : {want} h au corrigé, {l.calc} h au calcul")
    for k, hp in C.hp.items():
        for l in C.lots:
            if l.covered and l.n not in hp:
                need(any(e["code"] == "CS404" and e["lot"] == l.n and e["kind"] == k for e in errs),
                     f"{name}: la pièce {k} ne donne pas les heures du lot {l.n}")
    for e in errs:
        l = C.lot(e["lot"]) if e.get("lot") else None
        if e["code"] == "CS401":
            lo, hi = E.hours_range(l.amount, l.trade)
            need(lo - 2.5 <= e["value"] <= hi + 2.5, f"{name}: CS401 {e['value']} hors fourchette {lo:.0f}–{hi:.0f}")
            need(e["value"] != l.calc, f"{name}: CS401 sans écart")
        if e["code"] == "CS403":
            lo, hi = E.hours_range(l.amount, l.trade)
            need(l.stated > 2 * hi or l.stated < lo / 2, f"{name}: CS403 trop proche du calcul")
        if e["code"] == "CS405":
            need(l.trade == "fournitures", f"{name}: CS405 sur un lot qui n'est pas une fourniture")
        if e["code"] == "CS402":
            real = sum(v for v in C.hp[e["kind"]].values() if isinstance(v, int))
            need(real != e["total"], f"{name}: CS402 sans écart")
    # CS501 exactly when date and threshold require it
    launched_after = C.launch >= dt.date(2026, 8, 21)
    requires = launched_after and C.est_value >= C.threshold and C.clause in ("none", "sans")
    need(requires == ("CS501" in codes), f"{name}: CS501 planté={('CS501' in codes)} attendu={requires}")
    if C.clause == "derog":
        need(launched_after and C.est_value >= C.threshold, f"{name}: dérogation sans objet")
    if C.need_l21121:
        cp = E.clause_pieces(C)
        cp = cp if isinstance(cp, list) else [cp]
        need(any("2112-2-1" in texts[f] for f in cp), f"{name}: L2112-2-1 absent au-dessus du seuil")
    # SMIC values: only 'en vigueur' or the planted 2025 value
    for f, t in texts.items():
        for m in re.finditer(r"\d\d,\d\d €", t):
            need("CS307" in codes and m.group(0) in ("11,88 €", "17,82 €"), f"{name}: montant SMIC chiffré dans {f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Construit le corpus aveugle blind7 (moitié sealed).")
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    out = Path(a.out) / "sealed"
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)) == 36, "36 consultations aux noms distincts"
    planted = collections.Counter()
    natural = collections.Counter()
    n_correct = 0
    hours_lines = []
    for case in CASES:
        if a.only and case["name"] not in a.only:
            continue
        folder = out / case["name"]
        if folder.exists():
            shutil.rmtree(folder)
        C, key, texts, _docs = E.build(case, folder)
        check_case(C, key, texts, folder)
        for f in key["findings"]:
            (planted if f["planted"] else natural)[f["code"]] += 1
        if not C.errs:
            n_correct += 1
        for l in C.lots:
            if C.clause != "yes":
                hours_lines.append(f"  {C.name:42s} lot {l.n:7s} (pas de clause : {C.clause})")
                continue
            if l.amount:
                h = l.calc
                hours_lines.append(f"  {C.name:42s} lot {l.n:7s} {l.trade:26s} {l.amount:>10,.0f} € × {E.MO[l.trade]:.2f}"
                                   f" → {E.raw_hours(l.amount, l.trade):7.1f} → {h if h else '—'}"
                                   + (f" (énoncé {l.stated})" if l.stated != h else ""))
        if not a.no_answers:
            (ans / f"{C.name}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{C.name}: {len(key['pieces'])} fichiers, {sum(1 for f in key['findings'] if f['planted'])} "
              f"erreur(s) plantée(s)")
    if not a.only:
        need(n_correct == 12, f"{n_correct} consultations correctes au lieu de 12")
        for c in PLANTABLE:
            need(planted[c] >= 2, f"{c} planté {planted[c]} fois (2 attendues)")
        keys = {p.stem for p in ans.glob("*.json")}
        need(a.no_answers or keys == set(names), f"corrigés en trop ou manquants : {keys ^ set(names)}")
    print("\nHeures calculées (hours.md : 5 %, 30 €/h, arrondi 5 h, minimum 70 h ; taux de main-d'œuvre au milieu de "
          "reference.md § 6.2) :")
    print("\n".join(hours_lines))
    print(f"\n{len(names) if not a.only else len(a.only)} consultations, {n_correct} correctes, "
          f"{sum(planted.values())} erreurs plantées.")
    print("Plantées par code : " + ", ".join(f"{c} {planted[c]}" for c in sorted(planted)))
    print("Constats attendus non plantés : " + ", ".join(f"{c} {natural[c]}" for c in sorted(natural)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckError as e:
        print(f"CONTRÔLE ÉCHOUÉ : {e}", file=sys.stderr)
        sys.exit(1)
