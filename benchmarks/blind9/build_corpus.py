#!/usr/bin/env python3
"""Builds the blind9 corpus (sealed half only) and its answer keys, then checks them.

    /work/main/.venv/bin/python benchmarks/blind9/build_corpus.py [OUT] [--no-answers] [--only NAME ...]

Writes OUT/sealed/<name>/... (default benchmarks/blind9/corpus) and answers/sealed/<name>.json.
Never reads nor runs the tool."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b9lib import engine as E  # noqa: E402
from b9lib.cases import CASES  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402", "CS403",
             "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]

# outdated / misused references: pattern -> the err tag that may plant it (None: never)
OUTDATED = {
    r"2015-899": "CS201a", r"[Cc]ode des march[ée]s publics": "CS201b", r"2016-360": None,
    r"R2152-7": "CS202a", r"L2113-13": "CS202b", r"2009": "CS203a", r"16\.1 du CCAG-Travaux": "CS203b",
    r"Pôle emploi": "CS204a", r"DIRECCTE": "CS204b", r"\bZUS\b": None, r"221\s?000": "CS205a",
    r"5\s?538\s?000": None, r"(?<!\d[\s\u00a0])(?<!\d)40[\s\u00a0]?000": "CS205b", r"11,88": "CS307a", r"ultérieurement": "CS307b",
    r"20\.1 du CCAG-FCS": None,
}
LEGIT = {"b9-04-val-de-loue-lycee": {r"R2152-7"}}


def fname(c, role):
    f = c["files"].get(role)
    if f is None:
        return None
    if isinstance(f, list):
        return [x[0] for x in f]
    return f[0]


def base(p):
    return None if p is None else Path(p).name


def clause_piece(c):
    """Where the clause content stands (for CS3xx)."""
    cc = base(fname(c, "CCAP"))
    if c["placement"] in ("annex", "ae_annex") or "CS101" in c["errs"]:
        return [cc, base(fname(c, "ANNEXE"))]
    if c.get("dup_ccap"):
        return [cc, c["dup_ccap"]]
    return cc


def ref_piece(c):
    """Where the clause's references physically stand (CS201-CS204)."""
    if c["placement"] in ("annex", "ae_annex") or "CS101" in c["errs"]:
        return base(fname(c, "ANNEXE"))
    if c.get("dup_ccap"):
        return [base(fname(c, "CCAP")), c["dup_ccap"]]
    return base(fname(c, "CCAP"))


def hour_kinds(c):
    ks = []
    if c["placement"] in ("annex", "ae_annex") or "CS101" in c["errs"]:
        ks.append("ANNEXE_CLAUSE")
    elif "CCAP" in c["hours_in"]:
        ks.append("CCAP")
    if "RC" in c["hours_in"] and "RC" in c["files"]:
        ks.append("RC")
    if "ENGAGEMENT" in c["files"]:
        ks.append("ANNEXE_CLAUSE")
    if "AE" in c["files"] and "CS103" not in c["errs"] and c["placement"] != "ae_annex":
        ks.append("AE")
    return ks


def answer_key(c, kinds):
    e = c["errs"]
    F, O = [], []

    def add(code, piece, lot=None, planted=True, note=""):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def opt(code, piece=None, lot=None, note=""):
        O.append(dict(code=code, piece=piece, lot=lot, note=note))

    cp, rp = clause_piece(c), ref_piece(c)
    rc = base(fname(c, "RC"))
    ccap = base(fname(c, "CCAP"))
    ae = fname(c, "AE")
    ae = [base(x) for x in ae] if isinstance(ae, list) else base(ae)
    lots_key = {}
    if E.has_clause(c) and "CS301all" not in e and not c.get("tranche"):
        st = E.stated(c)
        ks = hour_kinds(c)
        for num, h in st.items():
            if h == "?":
                continue
            o = E.lotopts(c, num)
            if o.get("cs401"):
                lots_key[num] = {k: (h + 35 if k == "AE" else h) for k in ks}
            elif o.get("cs404"):
                lots_key[num] = {k: h for k in ks if k != "AE"}
            else:
                lots_key[num] = h
    for tag in e:
        code = tag[:5]
        if code == "CS101":
            add(code, ccap, note="le CCAP n'a aucun article de clause ; la clause n'est que dans une note annexe "
                                 "que le CCAP ne cite pas")
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt(k, None, note="CS101 : le contenu de la clause ne se juge pas hors du CCAP (décision des "
                                  "corpus précédents)")
        elif code == "CS102":
            add(code, rc, note="le RC n'annonce pas la condition d'exécution sociale")
        elif code == "CS103":
            add(code, None, note="ni l'AE ni une annexe ne portent l'engagement sur les heures")
        elif code == "CS104":
            add(code, base(fname(c, "AVIS")), note="l'avis ne mentionne pas la condition d'exécution sociale")
        elif code == "CS105":
            miss = "RC" if "RC" not in c["files"] and not c.get("rc_versions") else "AE"
            add(code, None, note=f"pièce usuelle absente : {miss}" + (
                " (la fiche d'engagement porte les heures : pas de CS103)" if miss == "AE" else
                " (la date d'envoi vient de l'avis)"))
        elif tag in ("CS201a", "CS201b"):
            add(code, rp, note="référence abrogée dans le fondement de la clause ("
                              + ("ordonnance 2015-899 art. 38" if tag == "CS201a" else "CMP art. 14") + ") → L2112-2")
        elif tag in ("CS202a", "CS202b"):
            add(code, rp, note="clause d'exécution fondée sur " + ("R2152-7 (critère d'attribution)" if tag == "CS202a"
                                                                  else "L2113-13 (marché réservé)") + " → L2112-2")
        elif tag == "CS203a":
            add(code, ccap, note="CCAG-Travaux de 2009 (arrêté du 8 septembre 2009) cité : abrogé le 1er oct. 2021")
        elif tag == "CS203b":
            add(code, rp, note="article 16.1 du CCAG-Travaux cité pour la clause ; c'est l'article 20.1")
        elif tag == "CS204a":
            add(code, rp, note="« Pôle emploi » dans les publics → France Travail")
        elif tag == "CS204b":
            add(code, rp, note="« DIRECCTE » dans le suivi → DREETS / DDETS")
        elif tag == "CS205a":
            add(code, rc, note="seuil européen 2024-2025 (221 000 € HT) cité ; 216 000 € HT depuis le 1er janv. 2026")
        elif tag == "CS205b":
            add(code, rc, note="dispense de 40 000 € HT citée ; 60 000 € HT (F/S) depuis le 1er avril 2026")
        elif tag == "CS301":
            lot = [l[0] for l in c["lots"] if len(l) > 4 and l[4].get("cs301")][0]
            add(code, cp, lot, note=f"lot {lot} couvert par la clause, heures « à préciser » partout")
        elif tag == "CS301all":
            add("CS301", cp, note="aucun nombre d'heures d'insertion")
            opt("CS103", None, note="la clause ne fixe aucun nombre d'heures (décision des corpus précédents)")
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS308"):
            add(code, cp, note={"CS302": "aucun public éligible", "CS303": "aucune modalité de mise en œuvre",
                                "CS304": "facilitateur évoqué sans structure ni coordonnées",
                                "CS305": "aucune obligation de suivi ni de justificatifs",
                                "CS306": "aucune pénalité par heure non réalisée (la pénalité de retard des "
                                         "documents reste)",
                                "CS308": "aucune pénalité pour retard des documents de suivi"}[code])
            if code == "CS305":
                add("CS308", cp, planted=False, note="le suivi étant retiré, la pénalité de retard des documents "
                                                     "l'est aussi")
        elif tag == "CS307a":
            add("CS307", cp, note="pénalité figée sur le SMIC 2025 (11,88 €) ; 12,02 € depuis le 1er janv. 2026, "
                                  "mieux : SMIC en vigueur")
        elif tag == "CS307b":
            add("CS307", cp, note="pénalité sans montant (« arrêté ultérieurement »)")
        elif code == "CS401":
            lot = [l[0] for l in c["lots"] if len(l) > 4 and l[4].get("cs401")][0]
            p1 = base(fname(c, "ANNEXE")) if "CS101" in e else ccap
            add(code, [p1, ae], lot, note=f"lot {lot} : l'AE donne 35 h de plus que la clause")
        elif code == "CS402":
            add(code, ccap, note="le total du CCAP dépasse de 100 h la somme des lots")
        elif code == "CS403":
            lot = [l[0] for l in c["lots"] if len(l) > 4 and l[4].get("cs403")][0]
            add(code, None, lot, note="heures = 4 × le calcul (montant et métier au RC)")
        elif code == "CS404":
            lot = [l[0] for l in c["lots"] if len(l) > 4 and l[4].get("cs404")][0]
            add(code, [ae, ccap], lot, note=f"lot {lot} chiffré au CCAP, absent du tableau de l'AE")
        elif code == "CS405":
            lot = [l[0] for l in c["lots"] if len(l) > 4 and l[4].get("cs405")][0]
            add(code, None, lot, note="140 h demandées sur un lot de fournitures livrées")
            opt("CS403", None, lot, note="CS405 : CS403 facultatif sur ce lot")
        elif code == "CS501":
            add(code, None, note="lancée après le 21 août 2026, au-dessus du seuil, sans condition sociale ni "
                                 "justification (« sans objet » n'en est pas une)" if c["clause"] == "sans" else
                "lancée après le 21 août 2026, au-dessus du seuil, sans condition sociale ni justification")
            if c["clause"] is False:
                add("CS100", None, planted=False, note="aucune clause et aucune mention « sans »")
        elif code == "CS901":
            f = [x[1] for x in c["extra"] if x[0] in ("DQE_enc", "CCTP_trunc")][0]
            add(code, base(f), note="pièce illisible (PDF chiffré ou docx tronqué)")
            opt("CS904", base(f), note="pièce illisible : type inconnaissable")
        elif code == "CS902":
            f = [x[1] for x in c["extra"] if x[0] in ("CCTP_scan", "DPGF_scan")][0]
            add(code, base(f), note="PDF scanné sans couche texte")
            opt("CS904", base(f), note="scanné : type inconnaissable sans OCR")
        elif code == "CS903":
            add(code, ccap, note="CCAP avec " + ("un commentaire" if tag == "CS903a" else "une modification suivie"))
        elif code == "CS904":
            f = [x[1] for x in c["extra"] if x[0] == "draft"][0]
            add(code, base(f), note="brouillon oublié dans le dossier, qui n'est aucune pièce")
        elif code == "CS905":
            pair = [c["dup_ccap"], ccap] if c.get("dup_ccap") else list(c["rc_versions"])
            add(code, [base(x) for x in pair], note="deux versions d'une même pièce")
        else:
            raise ValueError(tag)
    for ex in c["extra"]:
        if ex[0] in ("plan", "notes", "planning"):
            add("CS904", base(ex[1]), planted=False, note="fichier qui n'est pas une pièce (plan, notes, planning)")
    if c["clause"] == "derog":
        opt("CS100", None, note="dérogation motivée à la place d'une clause")
    if c.get("tranche"):
        opt("CS403", None, note="heures par tranche de montant commandé : pas de volume à comparer au calcul")
    for num, h in lots_key.items():
        lot = next(l for l in c["lots"] if l[0] == num)
        if lot[3] in E.NOT_IN_TABLE:
            opt("CS403", None, num, note="métier absent de la table par défaut (accueil)")
    pieces = {}
    for f, k in kinds.items():
        pieces[f] = k
    return dict(name=c["name"], half="sealed", review_date=c["review"].isoformat(),
                description=describe(c), pieces=pieces, lots=lots_key, findings=F, optional=O)


def describe(c):
    s = f"{c['buyer']} — {c['objet']} ({c['nature']}, envoi {c['sent'].isoformat()})"
    if not c["errs"]:
        return s + " ; dossier correct (pièges : " + (", ".join(t[1][:50] for t in c["traps"]) or "aucun") + ")"
    return s + " ; erreurs plantées : " + ", ".join(c["errs"])


def check(c, folder, texts, kinds, key):
    errs = []
    e = c["errs"]
    alltext = "\n".join(texts.values())
    # files on disk = key
    disk = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    if sorted(texts) != disk:
        errs.append(f"fichiers sur disque {disk} ≠ {sorted(texts)}")
    if set(key["pieces"]) != {Path(x).name for x in texts}:
        errs.append("pièces du corrigé ≠ fichiers")
    # removed elements absent
    for tag, marks in (("CS302", E.PUB_MARK), ("CS303", E.MOD_MARK), ("CS305", E.CTRL_MARK),
                       ("CS306", E.HPEN_MARK), ("CS308", E.LPEN_MARK)):
        removed = tag in e or (tag == "CS308" and "CS305" in e)
        if c["clause"] is not True:
            continue
        if "CS101" in e and tag != "CS308":
            pass
        found = [m for m in marks if m in alltext]
        if removed and found:
            errs.append(f"{tag} retiré mais {found} présent")
        if not removed and not found:
            errs.append(f"{tag} non retiré mais absent")
    if c["clause"] is True:
        f = c["fac"]
        found = [x for x in (f["struct"], f["tel"], f["mail"]) if x in alltext]
        if "CS304" in e and found:
            errs.append(f"CS304 mais {found}")
        if "CS304" not in e and len(found) < 3:
            errs.append("contact du facilitateur incomplet")
    # outdated references only where planted
    for pat, tag in OUTDATED.items():
        legit = pat in LEGIT.get(c["name"], set())
        hits = [fn for fn, t in texts.items() if re.search(pat, t)]
        planted = tag is not None and tag in e
        if planted:
            want = key_pieces_for(key, tag[:5])
            if not hits:
                errs.append(f"{tag} planté mais {pat} absent")
            elif not set(Path(h).name for h in hits) <= want:
                errs.append(f"{pat} hors de la pièce annoncée : {hits} vs {want}")
        elif hits and not legit:
            errs.append(f"référence périmée non plantée {pat} dans {hits}")
    # L2112-2-1 cited exactly when the obligation applies (for non-planted basis)
    if c["clause"] is True and not any(t.startswith(("CS201", "CS202")) for t in e):
        cited = "L2112-2-1" in alltext
        if cited != c["oblig"]:
            errs.append(f"L2112-2-1 cité={cited} mais obligation={c['oblig']}")
    # CS501 exactly when due
    due = E.oblig_applies(c) and c["clause"] in (False, "sans")
    if due != ("CS501" in e):
        errs.append(f"CS501 attendu={due} planté={'CS501' in e}")
    # files all different except CS905
    seen = {}
    for fn in texts:
        b = (folder / fn).read_bytes()
        t = texts[fn]
        for k, (bb, tt) in seen.items():
            if (b == bb or (t and t == tt)) and "CS905" not in e:
                errs.append(f"{fn} identique à {k}")
        seen[fn] = (b, t)
    # hours of correct folders = computation
    for num, h in key["lots"].items():
        lot = next(l for l in c["lots"] if l[0] == num)
        o = lot[4] if len(lot) > 4 else {}
        if not any(o.get(k) for k in ("cs401", "cs403", "cs404", "cs405")) and h != E.computed(lot[2], lot[3]):
            errs.append(f"lot {num} : {h} ≠ calcul {E.computed(lot[2], lot[3])}")
    # the dated RC (or avis)
    if "RC" in c["files"] and "Date d'envoi à la publication" not in "\n".join(
            t for f, t in texts.items() if kinds.get(Path(f).name) == "RC"):
        errs.append("RC sans date d'envoi")
    if len([x for x in e]) > 3:
        errs.append("plus de 3 erreurs")
    return errs


def key_pieces_for(key, code):
    out = set()
    for f in key["findings"]:
        if f["code"] == code:
            p = f["piece"]
            out |= set(p if isinstance(p, list) else [p])
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    root = Path(a.out) / "sealed"
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    planted, natural, problems = Counter(), Counter(), []
    print("Taux de main-d'œuvre (milieu des fourchettes § 6.2) :",
          ", ".join(f"{k} {v}" for k, v in E.MO.items()))
    ncorrect = 0
    for c in CASES:
        if a.only and c["name"] not in a.only:
            continue
        # amounts away from rounding halves and from the minimum
        c["lots"] = [(l[0], l[1], E.safe_amount(l[2], l[3])) + tuple(l[3:]) for l in c["lots"]]
        folder = root / c["name"]
        if folder.exists():
            shutil.rmtree(folder)
        texts, kinds = E.build_case(c, root)
        kinds = {Path(f).name: k for f, k in kinds.items()}
        key = answer_key(c, kinds)
        for f in key["findings"]:
            (planted if f["planted"] else natural)[f["code"]] += 1
        if not c["errs"]:
            ncorrect += 1
            bad = [f for f in key["findings"] if f["code"] != "CS904"]
            if bad:
                problems.append(f"{c['name']}: dossier correct avec {bad}")
        problems += [f"{c['name']}: {p}" for p in check(c, folder, texts, kinds, key)]
        if not a.no_answers:
            (ans / f"{c['name']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
        lots = ", ".join(f"{l[0]}: {int(l[2])} € {l[3]} → {E.computed(l[2], l[3])}" for l in c["lots"])
        print(f"{c['name']:42s} errs={','.join(c['errs']) or '—':28s} lots [{lots}] clé={key['lots']}")
    shutil.rmtree("/tmp/b9_lo_profile_blind9", ignore_errors=True)
    print("Plantés :", dict(sorted(planted.items())), "total", sum(planted.values()))
    print("Naturels :", dict(sorted(natural.items())))
    if not a.only:
        for code in PLANTABLE:
            if planted[code] < 1:
                problems.append(f"{code} jamais planté")
        if ncorrect != 12 or len(CASES) != 36:
            problems.append(f"{len(CASES)} dossiers dont {ncorrect} corrects")
    if problems:
        print("\nCONTRÔLES EN ÉCHEC :")
        for p in problems:
            print("  -", p)
        return 1
    print(f"{len(CASES) if not a.only else len(a.only)} consultations ; contrôles réussis.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
