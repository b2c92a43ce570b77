"""Case model, file generation, answer keys and self-checks of the blind corpus."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

from . import pieces as P
from . import render as R
from . import texts as T
from .world import BUYERS, FACS, calc_hours

KIND = {"RC": "RC", "CCAP": "CCAP", "CCP": "CCAP", "AE": "AE", "AE_LOT": "AE", "ATTRI1": "AE",
        "ANNEXE": "ANNEXE_CLAUSE", "AAPC": "AAPC", "CCTP": "CCTP", "CCTP_LOT": "CCTP",
        "DPGF": "DPGF", "DPGF_LOT": "DPGF", "BPU": "BPU", "DQE": "DQE", "DC1": "DC1", "DC2": "DC2",
        "PLAN": None, "README": None, "AUTRE": "AUTRE"}

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204",
             "CS205", "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308",
             "CS401", "CS402", "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903",
             "CS904", "CS905"]


def D(s):
    return dt.date.fromisoformat(s)


def L(num, title, trade, amount=None, hours="calc", concerned=True, unit=None, tranche=None):
    """A lot. hours='calc' → the default profile's figure (middle labour share, 5 %, 30 €/h)."""
    if hours == "calc":
        hours = calc_hours(amount, trade) if concerned else None
    if not concerned:
        hours = None
    return dict(num=str(num), title=title, trade=trade or "none", amount=amount, hours=hours,
                concerned=concerned, unit=unit, tranche=tranche)


class Case:
    def __init__(self, **kw):
        self.name = kw["name"]
        self.half = kw["half"]
        self.desc = kw["desc"]
        self.review = D(kw["review"])
        self.launch = D(kw["launch"])
        self.deadline = self.launch + dt.timedelta(days=kw.get("delay", 35))
        self.buyer = BUYERS[kw["buyer"]]
        self.fac = FACS.get(kw.get("fac") or "", None) or FACS["mde_orbize"]
        self.nature = kw["nature"]
        self.ccag = kw.get("ccag") or ("travaux" if self.nature == "travaux" else "fcs")
        self.objet = kw["objet"]
        self.ref = kw["ref"]
        self.lots = kw["lots"]
        self.allotted = not (len(self.lots) == 1 and self.lots[0]["num"] == "unique")
        self.amounts_in = tuple(kw.get("amounts_in", ()))
        self.ac = kw.get("ac")
        self.clause = kw.get("clause")
        self.noclause = kw.get("noclause")
        self.noclause_in = tuple(kw.get("noclause_in", ("rc", "ccap")))
        self.derog_what = kw.get("derog_what", "")
        self.pieces = kw["pieces"]
        self.err = kw.get("err", {})
        self.summary = kw.get("summary", {})
        self.rc_extra = kw.get("rc_extra", {})
        self.style = kw.get("style", {})
        self.whitelist = set(kw.get("whitelist", ()))
        self.correct = kw.get("correct", False)
        rng = random.Random("case-" + self.name)
        self.rng = rng
        years = (self.ac or {}).get("years", 1)
        amounts = [l["amount"] for l in self.lots if l["amount"]]
        self.value = kw.get("value") or (sum(amounts) * years if amounts else 0)
        self.show_value_rc = kw.get("show_value_rc", bool(self.value) and rng.random() < 0.6)
        self.show_value_aapc = kw.get("show_value_aapc", bool(self.value))
        self.date_style = kw.get("date_style", rng.randrange(2))
        self.criteria = kw.get("criteria", rng.randrange(3))
        self.duration = kw.get("duration") or (
            f"{rng.choice([6, 8, 10, 12, 14, 18])} mois" if self.nature == "travaux" and not self.ac
            else f"{years} an{'s' if years > 1 else ''}" if self.ac else "un an reconductible trois fois")
        if self.clause is not None:
            cl = self.clause
            v = cl.setdefault("v", {})
            for k in ("legal", "public", "modal", "contact", "control", "penh", "pend", "hours", "rc",
                      "aapc", "ae"):
                v.setdefault(k, rng.randrange(6))
            cl.setdefault("hours_style", rng.choice(["table", "table", "sentence", "bullets"]))
            cl.setdefault("hstyle", rng.randrange(5))
            cl.setdefault("sep", rng.choice([" ", "\u00a0", "\u202f", " "]))
            cl.setdefault("loc", "sub")
            cl.setdefault("pen", "clause")
            inj = set().union(*self.err.get("cs204", {}).values()) if self.err.get("cs204") else set()
            if "pole" in inj and v["public"] % 6 == 3:
                v["public"] = 0
            if "agrement" in inj and v["public"] % 6 in (1, 4):
                v["public"] = 2
            if "zus" in inj and v["public"] % 6 not in (0, 2, 4) and not cl.get("anru"):
                v["public"] = 4
            if self.clause.get("loc") == "annex" or any(p[0] == "ANNEXE" and p[2].get("full") for p in self.pieces):
                cl.setdefault("annex_layout", rng.choice(["sub", "flat"]))

    # ------------------------------------------------------------------ helpers used by builders
    def inject_for(self, role):
        return set(self.err.get("cs204", {}).get(role, set()))

    def has_annex(self):
        return any(p[0] == "ANNEXE" for p in self.pieces)

    def procedure_label(self):
        if self.nature == "travaux":
            return "Appel d'offres ouvert" if self.value >= 5404000 else "Procédure adaptée ouverte"
        thr = 140000 if self.buyer["kind"] == "etat" else 216000
        return "Appel d'offres ouvert" if self.value >= thr else "Procédure adaptée ouverte"

    def procedure_text(self):
        if self.procedure_label().startswith("Appel"):
            t = ("La consultation est passée par appel d'offres ouvert, en application des articles "
                 "L2124-2, R2124-2 1° et R2161-2 à R2161-5 du Code de la commande publique.")
        else:
            t = ("La consultation est passée selon une procédure adaptée ouverte, en application des "
                 "articles L2123-1 et R2123-1 1° du Code de la commande publique.")
        if self.ac:
            t += (" Elle donne lieu à un accord-cadre à bons de commande mono-attributaire (articles "
                  "L2125-1 1°, R2162-1 à R2162-6 et R2162-13 à R2162-14 du même code).")
        return t

    def duration_text(self):
        if self.nature == "travaux" and not self.ac:
            return (f"Le délai global d'exécution est de {self.duration}, période de préparation "
                    f"comprise, à compter de la date fixée par l'ordre de service de démarrage.")
        if self.ac:
            return (f"L'accord-cadre est conclu pour une durée de {self.duration} à compter de sa "
                    f"notification.")
        return f"Le marché est conclu pour une durée d'{self.duration}, à compter de sa notification."

    def ac_text(self):
        a = self.ac
        t = (f"Il s'agit d'un accord-cadre à bons de commande conclu pour {a.get('years', 1)} an(s)"
             + (f", avec un montant maximum de {T.fmt_eur(a['max'], chr(160))} par an" if a.get("max") else "")
             + ".")
        return t

    def sans_text(self):
        return T.SANS[self.rng.randrange(len(T.SANS))] if not hasattr(self, "_sans") else self._sans

    def derog_text(self):
        if not hasattr(self, "_derog"):
            self._derog = T.derogation_text(self.rng.randrange(4), self.derog_what)
        return self._derog

    def dce_list(self):
        names = {"RC": "le règlement de la consultation", "CCAP": "le CCAP", "CCP": "le cahier des "
                 "clauses particulières (CCP)", "AE": "l'acte d'engagement", "AE_LOT": "les actes "
                 "d'engagement par lot", "ATTRI1": "l'acte d'engagement (ATTRI1)", "ANNEXE": "l'annexe "
                 "clause sociale d'insertion", "CCTP": "le CCTP", "CCTP_LOT": "les CCTP par lot",
                 "DPGF": "la DPGF", "DPGF_LOT": "les DPGF par lot", "BPU": "le BPU", "DQE": "le DQE",
                 "DC1": "le formulaire DC1", "DC2": "le formulaire DC2", "PLAN": "les plans"}
        out = []
        for role, _f, _o in self.pieces:
            if role == "ANNEXE" and (self.err.get("cs102")):
                continue
            n = names.get(role)
            if n and n not in out:
                out.append(n)
        return out


# =========================================================================== generation
def expand(case):
    """(role, filename, opts, lot) for every file, CCAP first."""
    out = []
    for role, fname, opts in case.pieces:
        if role in ("AE_LOT", "CCTP_LOT", "DPGF_LOT"):
            for l in case.lots:
                if opts.get("lots") and l["num"] not in opts["lots"]:
                    continue
                out.append((role, fname.format(n=l["num"], nn=l["num"].zfill(2)), opts, l))
        else:
            lot = next((l for l in case.lots if l["num"] == opts.get("lot")), None)
            out.append((role, fname, opts, lot))
    order = {"CCAP": 0, "CCP": 0}
    return sorted(out, key=lambda x: order.get(x[0], 1))


def write_doc(doc, path, opts):
    ext = path.suffix.lower()
    how = "direct"
    if ext == ".docx":
        R.render_docx(doc, path)
    elif ext == ".odt":
        R.render_odt(doc, path)
    elif ext == ".pdf":
        if opts.get("scan") == "whole":
            R.render_scanned_pdf(doc, path, seed=len(path.name))
        elif opts.get("corrupt") == "encrypt":
            R.render_pdf(doc, path, encrypt_password="Dce2026!")
        elif opts.get("via") == "soffice":
            how = R.render_pdf_via_soffice(doc, path)
        else:
            R.render_pdf(doc, path)
    else:
        raise ValueError(path)
    return how


SCAN_PAGES = [
    ["ANNEXE 1 AU CCAP – CALENDRIER PRÉVISIONNEL D'EXÉCUTION", "", "Période de préparation : un mois",
     "Démarrage des travaux : à la date fixée par l'ordre de service", "Phase 1 – installations et "
     "démolitions", "Phase 2 – gros œuvre et clos couvert", "Phase 3 – second œuvre", "Réception : "
     "à l'issue des opérations préalables", "", "Document signé par le maître d'ouvrage"],
    ["ANNEXE 2 AU CCAP – PLAN DE SITUATION", "", "Parcelles cadastrées section AB n° 112 et 113",
     "Accès chantier par la rue des Écoles", "Zone de stockage délimitée par clôture"],
]


def build_case(case, outdir: Path):
    ctx = P.Ctx(case)
    ann = [p for p in case.pieces if p[0] == "ANNEXE"]
    ctx.annex_title = (ann[0][2].get("title") if ann else None) or "Annexe clause sociale d'insertion"
    ctx.annex_name = ann[0][1] if ann else None
    folder = outdir / case.half / case.name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    made = {}
    ways = {}
    for role, fname, opts, lot in expand(case):
        path = folder / fname
        if role == "DUP":
            src = folder / opts["of"]
            if opts.get("identical", True):
                shutil.copyfile(src, path)
                ctx.text[fname] = ctx.text[opts["of"]]
            else:
                orole = made[opts["of"]]
                o2 = dict(opts.get("base_opts", {}))
                o2["version_note"] = opts["note"]
                doc = build_role(case, ctx, orole, fname, o2, None)
                write_doc(doc, path, o2)
            made[fname] = made[opts["of"]]
            continue
        made[fname] = role
        if role == "PLAN":
            R.render_plan(path, [opts.get("label", "PLAN DE MASSE"), case.objet[:60],
                                 "Échelle 1/500 – indice B", case.buyer["short"]], seed=len(case.name))
            continue
        if role == "README":
            R.render_txt(P.readme_text(case), path)
            continue
        if path.suffix == ".xlsx":
            kind = role.replace("_LOT", "")
            title = f"{kind} – {case.objet}"
            R.render_xlsx([(f"{kind} lot {lot['num']}" if lot else kind, P.price_sheet(case, lot, kind))],
                          path, title=title)
            ctx.text[fname] = "\n".join(" | ".join(map(str, r)) for r in P.price_sheet(case, lot, kind))
        else:
            doc = build_role(case, ctx, role, fname, opts, lot)
            if opts.get("scan") == "pages":
                for pg in SCAN_PAGES:
                    doc.scan(pg)
            ways[fname] = write_doc(doc, path, opts)
        c = opts.get("corrupt")
        if c == "truncate":
            R.damage_truncate(path)
        elif c == "empty":
            R.damage_empty(path)
        elif c == "garbage":
            R.damage_garbage(path, seed=len(fname))
    return ctx, made, ways


def build_role(case, ctx, role, fname, opts, lot):
    if role in ("CCAP", "CCP"):
        doc = P.build_ccap(case, ctx, fname, opts, combined=(role == "CCP"))
        if opts.get("version_note"):
            doc.blocks.insert(5, R.Block("p", opts["version_note"]))
            ctx.text[fname] = doc.plain_text()
        return doc
    if role == "RC":
        return P.build_rc(case, ctx, fname, opts)
    if role in ("AE", "AE_LOT", "ATTRI1"):
        return P.build_ae(case, ctx, fname, opts, lot=lot, attri=(role == "ATTRI1"))
    if role == "ANNEXE":
        return P.build_annex(case, ctx, fname, opts)
    if role == "AAPC":
        return P.build_aapc(case, ctx, fname, opts)
    if role in ("CCTP", "CCTP_LOT"):
        return P.build_cctp(case, ctx, fname, opts, lot=lot)
    if role in ("DPGF", "DPGF_LOT", "BPU", "DQE"):
        return P.build_price_doc(case, ctx, fname, role.replace("_LOT", ""), lot=lot)
    if role in ("DC1", "DC2"):
        return P.build_dc(case, ctx, fname, role)
    if role == "AUTRE":
        return P.build_autre(case, ctx, fname, opts["what"])
    raise ValueError(role)


# =========================================================================== answer key
def files_of(made, roles):
    return [f for f, r in made.items() if r in roles]


def one(lst):
    if not lst:
        return None
    return lst[0] if len(lst) == 1 else sorted(lst)


def answer_key(case, ctx, made):
    pieces = {}
    for role, fname, opts, _lot in expand(case):
        r = made.get(fname, role)
        k = KIND.get(r)
        if opts.get("corrupt") or opts.get("scan") == "whole":
            k = None
        pieces[fname] = k
    ccap_files = files_of(made, ("CCAP", "CCP"))
    rc_files = files_of(made, ("RC",))
    aapc_files = files_of(made, ("AAPC",))
    annex_files = files_of(made, ("ANNEXE",))
    ae_files = files_of(made, ("AE", "AE_LOT", "ATTRI1"))
    role_files = {"CCAP": ccap_files, "RC": rc_files, "AAPC": aapc_files, "ANNEXE": annex_files,
                  "AE": ae_files}
    if case.clause and case.clause.get("loc") == "annex":
        clause_piece = one(ccap_files + annex_files)
    elif not ccap_files:
        clause_piece = one(annex_files)
    elif case.err.get("cs101"):
        clause_piece = None
    else:
        clause_piece = one(ccap_files)
    F, O = [], []

    def add(code, piece, lot=None, planted=True, note=""):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def opt(code, piece, lot=None, note=""):
        O.append(dict(code=code, piece=piece, lot=lot, note=note))

    e = case.err
    if "cs101" in e:
        add("CS101", one(ccap_files), note="le CCAP n'a pas d'article de clause alors que le RC/AE l'annoncent")
        for c in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            opt(c, None, note="contenu de la clause jugé hors CCAP : défendable dans les deux sens")
    if "cs102" in e:
        add("CS102", one(rc_files), note="le RC n'annonce pas la clause")
    if "cs103" in e:
        add("CS103", None, note="aucun AE ni annexe ne porte l'engagement d'heures")
    if "cs104" in e:
        add("CS104", one(aapc_files), note="l'avis ne mentionne pas la condition sociale")
    if "cs105" in e:
        add("CS105", None, note=f"pièce absente : {e['cs105']}")
    if "cs201" in e:
        add("CS201", one(role_files[e["cs201"]["role"]]), note=e["cs201"].get("note", "texte abrogé cité"))
    if "cs202" in e:
        add("CS202", clause_piece, note="fondement erroné de la clause")
    if "cs203" in e:
        add("CS203", one(ccap_files) if e["cs203"]["v"] == "ccag2009" else clause_piece,
            note=e["cs203"].get("note", "CCAG 2009 ou mauvais article"))
    for role, terms in e.get("cs204", {}).items():
        add("CS204", one(role_files[role]), note="dénomination obsolète : " + ", ".join(sorted(terms)))
    if "cs205" in e:
        add("CS205", one(role_files[e["cs205"]["role"]]), note="seuil périmé cité")
    om = set(e.get("omit", []))
    if case.clause is not None and "cs101" not in e:
        if "cs301" in e:
            add("CS301", clause_piece, e["cs301"].get("lot"), note="pas de nombre d'heures")
            if e["cs301"].get("lot") is None:
                opt("CS103", None, note="l'AE s'engage sur la clause mais sans nombre d'heures (il n'y en a pas)")
        codes = {"public": "CS302", "modal": "CS303", "contact": "CS304", "control": "CS305",
                 "penh": "CS306"}
        for k, code in codes.items():
            if k in om:
                add(code, clause_piece, note=f"élément absent : {k}")
        if e.get("contact_partial"):
            add("CS304", clause_piece, note="structure sans téléphone ni courriel")
        if e.get("penh_bad"):
            add("CS307", clause_piece, note=f"pénalité : {e['penh_bad']}")
        if "pend" in om:
            add("CS308", clause_piece, planted=("pend" in e.get("planted_omit", om)),
                note="pas de pénalité pour défaut de transmission des justificatifs")
    if "cs401" in e:
        x = e["cs401"]
        add("CS401", one(role_files[x["role"]][:0] + [x["file"]] + ccap_files), x["lot"],
            note=f"heures du lot {x['lot']} différentes entre {x['file']} et le CCAP")
    if "cs402" in e:
        add("CS402", one(ccap_files), note="total différent de la somme des lots")
    if "cs403" in e:
        add("CS403", None, e["cs403"]["lot"], note="heures hors de la fourchette calculée")
    if "cs404" in e:
        x = e["cs404"]
        add("CS404", one(role_files[x["role"]] + ccap_files), x["lot"],
            note=f"lot {x['lot']} absent d'une pièce qui liste les lots")
    if "cs405" in e:
        add("CS405", None, e["cs405"]["lot"], note="heures sur un lot de fournitures seules")
        if e["cs405"].get("amount_shown"):
            opt("CS403", None, e["cs405"]["lot"], note="lot de fournitures : fourchette nulle")
    if "cs501" in e:
        add("CS501", None, note="au-dessus du seuil européen, lancé après le 21/08/2026, sans clause ni justification")
    if case.clause is None and case.noclause == "silent":
        add("CS100", None, planted=False, note="aucune clause, aucune mention « sans »")
    if case.clause is None and case.noclause == "derog":
        opt("CS100", None, note="dérogation justifiée : vaut mention explicite de l'absence de clause ?")
    # the files themselves
    dup_pairs = []
    for role, fname, opts, _lot in expand(case):
        if role in ("PLAN", "README"):
            add("CS904", fname, planted=False, note="fichier qui n'est pas une pièce (plan, notes)")
        if role == "AUTRE":
            add("CS904", fname, note="type de pièce non reconnaissable")
        c = opts.get("corrupt")
        if c:
            add("CS901", fname, note=f"fichier illisible ({c})")
            opt("CS904", fname, note="type inconnu d'un fichier illisible")
        if opts.get("scan"):
            add("CS902", fname, note=f"PDF sans couche texte ({opts['scan']})")
            if opts["scan"] == "whole":
                opt("CS904", fname, note="type inconnu d'un scan sans texte")
        if opts.get("tracked") or opts.get("comments"):
            add("CS903", fname, note="suivi des modifications / commentaires")
        if role == "DUP":
            dup_pairs.append(sorted([opts["of"], fname]))
    for a, b in dup_pairs:
        add("CS905", [a, b], note="deux versions d'une même pièce")
    # lots
    lots = {}
    for lot, by_kind in ctx.stated.items():
        vals = {k: v for k, v in by_kind.items() if v is not None}
        if not vals:
            continue
        if len(set(vals.values())) == 1:
            lots[lot] = next(iter(vals.values()))
        else:
            lots[lot] = dict(sorted(vals.items()))
    key = dict(name=case.name, half=case.half, review_date=case.review.isoformat(),
               description=case.desc, pieces=pieces, lots=lots, findings=F, optional=O)
    return key


# =========================================================================== self-checks
PATTERNS = {
    "CS201": re.compile(r"[Cc]ode des marchés publics|ordonnance n° ?2015-899|décret n° ?2016-360"),
    "CS203": re.compile(r"(arrêté du \d+ \w+ 2009)|CCAG[- ][A-Za-z]+ 2009|article 20\.2 du CCAG|"
                        r"article 16\.1 du CCAG-Travaux|CCAG-Travaux, article 16\.1"),
    "CS204": re.compile(r"P[ôo]le[ -][Ee]mploi|DIRECCTE|\bZUS\b"),
    "CS205": re.compile(r"\b(221|143|215|5[\s\u00a0\u202f]?538|5[\s\u00a0\u202f]?382|40)[\s\u00a0\u202f]000\b"),
}


def self_check(case, ctx, key, made):
    """The planted legal mistakes are where the key says, and nowhere else."""
    problems = []
    expected = {}
    for f in key["findings"]:
        if f["code"] in PATTERNS:
            for p in (f["piece"] if isinstance(f["piece"], list) else [f["piece"]]):
                expected.setdefault(f["code"], set()).add(p)
    for fname, txt in ctx.text.items():
        for code, rx in PATTERNS.items():
            hit = bool(rx.search(txt))
            want = fname in expected.get(code, set())
            if hit and not want and (code, fname) not in case.whitelist and code not in case.whitelist:
                problems.append(f"{case.name}: {code} text in {fname} but not in the key: "
                                f"{rx.search(txt).group(0)!r}")
            if want and not hit:
                problems.append(f"{case.name}: {code} expected in {fname} but not found")
    dups = {tuple(sorted(x)) for x in (f["piece"] for f in key["findings"] if f["code"] == "CS905")}
    seen = {}
    for fname, txt in ctx.text.items():
        if txt and txt in seen and tuple(sorted([seen[txt], fname])) not in dups:
            problems.append(f"{case.name}: {seen[txt]} and {fname} have the same text")
        seen.setdefault(txt, fname)
    rc = [f for f, r in made.items() if r == "RC"]
    for f in rc:
        if "Date d'envoi à la publication" not in ctx.text.get(f, ""):
            problems.append(f"{case.name}: no launch date in {f}")
    planted = [f for f in key["findings"] if f["planted"]]
    if not case.correct and not (1 <= len(planted) <= 4):
        problems.append(f"{case.name}: {len(planted)} planted findings")
    if case.correct and (planted or any(f["code"] not in ("CS100", "CS308", "CS904") for f in key["findings"])):
        problems.append(f"{case.name}: correct case with errors or warnings in its key")
    for f in key["findings"]:
        for p in (f["piece"] if isinstance(f["piece"], list) else [f["piece"]]):
            if p is not None and p not in key["pieces"]:
                problems.append(f"{case.name}: finding on unknown piece {p}")
    # every piece that gives hours gives them for every lot that has hours (unless CS404 is planted)
    by_kind = {}
    for lot, bk in ctx.stated.items():
        for k, v in bk.items():
            if v is not None:
                by_kind.setdefault(k, set()).add(lot)
    with_hours = set().union(*by_kind.values()) if by_kind else set()
    e404 = case.err.get("cs404")
    kind_of_role = {"ANNEXE": "ANNEXE_CLAUSE", "AE": "AE", "RC": "RC", "CCAP": "CCAP"}
    for k, ls in by_kind.items():
        for lot in sorted(with_hours - ls):
            if e404 and e404["lot"] == lot and kind_of_role[e404["role"]] == k:
                continue
            problems.append(f"{case.name}: {k} gives no hours for lot {lot}")
    if e404 and e404["lot"] in by_kind.get(kind_of_role[e404["role"]], set()):
        problems.append(f"{case.name}: CS404 lot still present in {e404['role']}")
    if case.clause is not None:
        for l in case.lots:
            if l.get("concerned", True) and l.get("hours") is not None and l["num"] not in with_hours:
                problems.append(f"{case.name}: lot {l['num']} has hours that no piece states")
    # the clause elements left out must not be found anywhere
    om = set(case.err.get("omit", []))
    words = {"public": r"[Pp]ublics? (éligibles|visé|concernés)|Sont éligibles|Peuvent bénéficier|s'adresse à des personnes",
             "modal": r"ETTI|GEIQ|mise à disposition",
             "contact": "|".join(re.escape(x) for x in (case.fac["phone"], case.fac["email"])),
             "control": r"tableau de (suivi|bord)|relevé mensuel|justificatifs des heures|état des heures",
             "penh": r"par heure (non|d'insertion non|manquante)|heures non réalisées|Hnr",
             "pend": r"document(s)? de suivi|tableaux de suivi|justificatifs d'heures|pièces justificatives de l'insertion|éléments de suivi"}
    if case.err.get("contact_partial"):
        om = om | {"contact"}
    for k in om:
        for fname, txt in ctx.text.items():
            if re.search(words[k], txt):
                problems.append(f"{case.name}: omitted element {k} still present in {fname}")
    return problems
