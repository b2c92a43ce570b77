#!/usr/bin/env python3
"""Scores Clausier on one half of the blind corpus.

    python benchmarks/blind/score.py [--half tune|sealed] [--corpus DIR] [--answers DIR]
                                     [--clausier PATH] [--json FILE] [--show-errors]

For each answer key answers/<half>/<name>.json it runs
    clausier review <corpus>/<half>/<name> --format json --date <review_date>
and compares the output with the key:

- findings: a tool finding matches a key finding on its code, the base name of its piece and its
  lot. A key finding whose piece is null (consultation-wide codes: CS100, CS103, CS105, CS501, and
  CS403/CS405 whose piece may be any) matches on code (and lot, when the key gives one) only. A key
  piece may be a list: any of those files matches (two versions of a piece, a mismatch between two
  pieces). When the key gives no lot, the lot is not compared. Findings are compared as sets of
  (code, piece, lot): the same problem reported at several places of one piece counts once.
  `optional` key entries are neither missed nor false when found.
- piece kinds: over the files whose key kind is not null.
- hours per lot: a lot matches when the tool's `lots[].hours` figures for it all equal the key
  (an integer), or, when the key gives figures per kind of piece, each of those.
- crashes: output that is not JSON, or an exit status other than 0 and 1, or a time-out.

Nothing here reads or imports the tool: it is only run as a program."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path, PurePosixPath, PureWindowsPath

HERE = Path(__file__).resolve().parent


def base(p):
    if p is None:
        return None
    return PurePosixPath(PureWindowsPath(str(p)).as_posix()).name


def norm_lot(x):
    if x is None:
        return None
    s = str(x).strip()
    return s


def piece_ok(key_piece, tool_piece):
    if key_piece is None:
        return True
    if isinstance(key_piece, list):
        return tool_piece in key_piece
    return tool_piece == key_piece


def lot_ok(key_lot, tool_lot):
    if key_lot is None:
        return True
    return norm_lot(tool_lot) == str(key_lot)


def same_number(a, b):
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return False


def run_tool(clausier, folder, date, timeout):
    cmd = [clausier, "review", str(folder), "--format", "json", "--date", date]
    try:
        cp = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"délai dépassé ({timeout} s)", None
    except OSError as e:
        return None, f"impossible de lancer {clausier} : {e}", None
    if cp.returncode not in (0, 1):
        return None, f"code de sortie {cp.returncode} : {cp.stderr.strip()[-300:]}", cp.returncode
    try:
        obj = json.loads(cp.stdout)
    except json.JSONDecodeError as e:
        return None, f"sortie non JSON ({e}) : {cp.stdout[:200]!r}", cp.returncode
    return obj, None, cp.returncode


def pick(obj, name):
    if isinstance(obj, list):
        for o in obj:
            if isinstance(o, dict) and o.get("consultation") == name:
                return o
        return obj[0] if obj and isinstance(obj[0], dict) else None
    return obj if isinstance(obj, dict) else None


def score_one(key, out):
    """Compares one tool output (dict) with one key. Returns a dict of results."""
    tool = {}
    for f in out.get("findings") or []:
        if not isinstance(f, dict) or not f.get("code"):
            continue
        t = (str(f["code"]), base(f.get("piece")), norm_lot(f.get("lot")))
        tool.setdefault(t, f)
    res = dict(tp=Counter(), fp=Counter(), missed=Counter(), fp_list=[], missed_list=[])
    consumed = set()
    for k in key.get("findings", []):
        hits = [t for t in tool if t[0] == k["code"] and piece_ok(k.get("piece"), t[1])
                and lot_ok(k.get("lot"), t[2])]
        if hits:
            res["tp"][k["code"]] += 1
            consumed.update(hits)
        else:
            res["missed"][k["code"]] += 1
            res["missed_list"].append(k)
    for t, f in tool.items():
        if t in consumed:
            continue
        if any(o["code"] == t[0] and piece_ok(o.get("piece"), t[1]) and lot_ok(o.get("lot"), t[2])
               for o in key.get("optional", [])):
            continue
        res["fp"][t[0]] += 1
        res["fp_list"].append(f)
    # piece kinds
    kinds = {base(p.get("path")): p.get("kind") for p in out.get("pieces") or [] if isinstance(p, dict)}
    res["kind_total"] = res["kind_ok"] = 0
    res["kind_wrong"] = []
    for fname, kind in key.get("pieces", {}).items():
        if kind is None:
            continue
        res["kind_total"] += 1
        got = kinds.get(fname)
        if got == kind:
            res["kind_ok"] += 1
        else:
            res["kind_wrong"].append((fname, kind, got))
    # hours per lot
    tlots = {}
    for l in out.get("lots") or []:
        if isinstance(l, dict):
            tlots[norm_lot(l.get("number"))] = l.get("hours")
    res["hours_total"] = res["hours_ok"] = 0
    res["hours_wrong"] = []
    for num, want in key.get("lots", {}).items():
        res["hours_total"] += 1
        got = tlots.get(str(num))
        ok = False
        if isinstance(got, dict) and got:
            vals = {k: v for k, v in got.items() if v is not None}
            if isinstance(want, dict):
                ok = all(same_number(vals.get(k), v) for k, v in want.items())
            else:
                ok = bool(vals) and all(same_number(v, want) for v in vals.values())
        elif got is not None and not isinstance(got, dict) and not isinstance(want, dict):
            ok = same_number(got, want)
        if ok:
            res["hours_ok"] += 1
        else:
            res["hours_wrong"].append((num, want, got))
    return res


def ratio(a, b):
    return (a / b) if b else None


def fmt(x):
    return "  —  " if x is None else f"{100 * x:5.1f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description="Évalue Clausier sur une moitié du corpus aveugle.")
    ap.add_argument("--half", choices=["tune", "sealed"], default="tune")
    ap.add_argument("--corpus", default=str(HERE / "corpus"), help="dossier du corpus construit")
    ap.add_argument("--answers", default=str(HERE / "answers"), help="dossier des corrigés")
    ap.add_argument("--clausier", default="/work/main/.venv/bin/clausier", help="exécutable clausier")
    ap.add_argument("--json", dest="json_out", help="écrit les chiffres dans ce fichier JSON")
    ap.add_argument("--show-errors", action="store_true",
                    help="liste chaque faux positif et chaque constat manqué")
    ap.add_argument("--only", nargs="*", help="ne traite que ces consultations (noms)")
    ap.add_argument("--timeout", type=float, default=600.0, help="délai par consultation (s)")
    a = ap.parse_args(argv)

    keys = sorted((Path(a.answers) / a.half).glob("*.json"))
    if a.only:
        keys = [k for k in keys if k.stem in set(a.only)]
    if not keys:
        print(f"aucun corrigé dans {Path(a.answers) / a.half}", file=sys.stderr)
        return 2
    tp, fp, missed = Counter(), Counter(), Counter()
    kind_ok = kind_total = hours_ok = hours_total = 0
    crashes, details, exact = [], [], 0
    for kf in keys:
        key = json.loads(kf.read_text(encoding="utf-8"))
        name = key["name"]
        folder = Path(a.corpus) / a.half / name
        if not folder.exists():
            crashes.append(dict(name=name, reason=f"dossier absent : {folder} (lancer build_corpus.py)"))
            continue
        obj, err, rc = run_tool(a.clausier, folder, key["review_date"], a.timeout)
        out = pick(obj, name) if obj is not None else None
        if out is None:
            crashes.append(dict(name=name, reason=err or "sortie JSON vide ou inattendue"))
            for k in key.get("findings", []):
                missed[k["code"]] += 1
            kind_total += sum(1 for v in key.get("pieces", {}).values() if v is not None)
            hours_total += len(key.get("lots", {}))
            continue
        r = score_one(key, out)
        tp.update(r["tp"])
        fp.update(r["fp"])
        missed.update(r["missed"])
        kind_ok += r["kind_ok"]
        kind_total += r["kind_total"]
        hours_ok += r["hours_ok"]
        hours_total += r["hours_total"]
        if not r["fp_list"] and not r["missed_list"]:
            exact += 1
        details.append(dict(
            name=name, exit_status=rc,
            false_positives=[dict(code=f.get("code"), piece=f.get("piece"), lot=f.get("lot"),
                                  severity=f.get("severity"), message=f.get("message"))
                             for f in r["fp_list"]],
            missed=[dict(code=k["code"], piece=k.get("piece"), lot=k.get("lot"), note=k.get("note", ""))
                    for k in r["missed_list"]],
            kinds_wrong=[dict(file=f, expected=e, got=g) for f, e, g in r["kind_wrong"]],
            hours_wrong=[dict(lot=n, expected=e, got=g) for n, e, g in r["hours_wrong"]]))

    codes = sorted(set(tp) | set(fp) | set(missed))
    per_code = {}
    print(f"Corpus aveugle — moitié « {a.half} » : {len(keys)} consultations, "
          f"{len(crashes)} plantage(s), {exact} sans aucun écart")
    print(f"{'code':7s} {'VP':>4s} {'FP':>4s} {'manq':>5s} {'rappel':>7s} {'précision':>9s}")
    for c in codes:
        rec, prec = ratio(tp[c], tp[c] + missed[c]), ratio(tp[c], tp[c] + fp[c])
        per_code[c] = dict(tp=tp[c], fp=fp[c], missed=missed[c], recall=rec, precision=prec)
        print(f"{c:7s} {tp[c]:4d} {fp[c]:4d} {missed[c]:5d} {fmt(rec):>7s} {fmt(prec):>9s}")
    T, F, M = sum(tp.values()), sum(fp.values()), sum(missed.values())
    rec, prec = ratio(T, T + M), ratio(T, T + F)
    print(f"{'total':7s} {T:4d} {F:4d} {M:5d} {fmt(rec):>7s} {fmt(prec):>9s}")
    print(f"Types de pièces : {kind_ok}/{kind_total} ({fmt(ratio(kind_ok, kind_total)).strip()} %)")
    print(f"Heures par lot  : {hours_ok}/{hours_total} ({fmt(ratio(hours_ok, hours_total)).strip()} %)")
    for c in crashes:
        print(f"PLANTAGE {c['name']} : {c['reason']}")
    if a.show_errors:
        for d in details:
            if not (d["false_positives"] or d["missed"] or d["kinds_wrong"] or d["hours_wrong"]):
                continue
            print(f"\n== {d['name']}")
            for f in d["false_positives"]:
                print(f"  FAUX POSITIF {f['code']} [{f['severity']}] {f['piece']} lot={f['lot']} : {f['message']}")
            for m in d["missed"]:
                print(f"  MANQUÉ       {m['code']} {m['piece']} lot={m['lot']} : {m['note']}")
            for k in d["kinds_wrong"]:
                print(f"  TYPE         {k['file']} : attendu {k['expected']}, obtenu {k['got']}")
            for h in d["hours_wrong"]:
                print(f"  HEURES       lot {h['lot']} : attendu {h['expected']}, obtenu {h['got']}")
    if a.json_out:
        res = dict(half=a.half, consultations=len(keys), exact=exact, crashes=crashes,
                   per_code=per_code,
                   overall=dict(tp=T, fp=F, missed=M, recall=rec, precision=prec),
                   pieces=dict(correct=kind_ok, total=kind_total, accuracy=ratio(kind_ok, kind_total)),
                   hours=dict(correct=hours_ok, total=hours_total, accuracy=ratio(hours_ok, hours_total)),
                   details=details)
        Path(a.json_out).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
