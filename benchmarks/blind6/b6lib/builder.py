"""Builds one consultation folder and its key (see engine.py for the pieces)."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import engine as E
from . import render as R

KINDS = {"RC": "RC", "CCAP": "CCAP", "ANNEXE": "ANNEXE_CLAUSE", "FICHE": "ANNEXE_CLAUSE", "AE": "AE",
         "AVIS": "AAPC", "CCTP": "CCTP", "DPGF": "DPGF", "PLAN": None, "EXTRA": None}
CLAUSE_CODES = ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308")


class Built:
    def __init__(self, case):
        self.case = case
        self.files = []  # dicts: rel, base, role, kind, text, lot
        self.post = []


def build_case(case, root: Path, soffice: R.Soffice):
    ctx = E.Ctx(case)
    o = case["o"]
    ctx.clause_in_annexe = o.get("clause_in") == "annexe" and ctx.has_clause and "CS101" not in ctx.codes
    ctx.ref_err_piece = "CLAUSE"
    ctx.bad204_piece = "CLAUSE"
    ctx.pen_ref = None
    folder = root / case["name"]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    sub = o.get("sub", {})
    errs = [tuple(e) for e in ctx.errs]
    damaged = {e[1]: e[2] for e in errs if e[0] == "CS901"}
    scanned = {e[1] for e in errs if e[0] == "CS902"}
    lo = set(o.get("lo", ()))
    b = Built(case)

    # ---- plan of the files: (role, name, lot)
    plan = []
    missing = {e[1] for e in errs if e[0] == "CS105"}
    if "RC" not in missing:
        plan.append(("RC", o.get("rc_name", "RC.pdf"), None))
    plan.append(("CCAP", o.get("ccap_name", "CCAP.docx"), None))
    if ctx.clause_in_annexe:
        plan.append(("ANNEXE", o.get("ann_name", "Annexe 2 CCAP - Clause sociale d'insertion.odt"), None))
    if "AE" not in missing and not o.get("no_ae"):
        if o.get("ae", "single") == "single":
            plan.append(("AE", o.get("ae_name", "AE.docx"), None))
        else:
            for L in ctx.lots:
                plan.append(("AE", o.get("ae_pattern", "AE_lot{n:02d}.pdf").format(n=int(L["num"])), L["num"]))
    if o.get("fiche"):
        plan.append(("FICHE", o.get("fiche_name", "Fiche engagement insertion.docx"), None))
    if o.get("avis"):
        plan.append(("AVIS", o.get("avis_name", "AAPC.pdf"), None))
    for name, lot in o.get("cctp", ()):
        plan.append(("CCTP", name, lot))
    for name, lot in o.get("dpgf", ()):
        plan.append(("DPGF", name, lot))
    for name, cart in o.get("plans", ()):
        plan.append(("PLAN", name, cart))
    for name, title, paras in o.get("extra", ()):
        plan.append(("EXTRA", name, (title, paras)))

    labels = {"RC": "le règlement de la consultation", "CCAP": "le cahier des clauses administratives "
              "particulières (CCAP)", "ANNEXE": "l'annexe n° 2 au CCAP (clause sociale d'insertion)",
              "AE": "l'acte d'engagement" if o.get("ae", "single") == "single" else "les actes d'engagement, un par lot",
              "FICHE": "la fiche d'engagement insertion", "AVIS": None, "CCTP": "le ou les CCTP",
              "DPGF": "les décompositions du prix global et forfaitaire (DPGF)", "PLAN": "les plans"}
    seen = []
    for role, _, _ in plan:
        lab = labels.get(role)
        if lab and lab not in seen:
            seen.append(lab)
    ctx.dce_list = [s[0].upper() + s[1:] + (" ;" if i < len(seen) - 1 else ".") for i, s in enumerate(seen)]

    def place(role, name):
        d = folder / sub[role] if role in sub else folder
        d.mkdir(parents=True, exist_ok=True)
        return d / name

    def write_doc(doc, path, role):
        ext = path.suffix.lower()
        nm = path.name
        if nm in scanned:
            R.render_scanned_pdf(doc, path, seed=case["name"] + nm)
        elif ext == ".pdf" and damaged.get(nm) == "enc":
            R.render_pdf(doc, path, password="interne-2026")
        elif ext == ".pdf" and nm in lo:
            soffice.add(doc, path)
        elif ext == ".pdf":
            R.render_pdf(doc, path)
        elif ext == ".docx":
            R.render_docx(doc, path)
        elif ext == ".odt":
            R.render_odt(doc, path)
        else:
            raise ValueError(nm)
        if damaged.get(nm) == "trunc":
            b.post.append(lambda p=path: R.damage_truncate(p, 0.45))
        if damaged.get(nm) == "empty":
            b.post.append(lambda p=path: R.damage_empty(p))

    # ---- render
    for role, name, extra in plan:
        path = place(role, name)
        text = ""
        if role == "RC":
            doc = E.rc_doc(ctx)
        elif role == "CCAP":
            doc = E.ccap_doc(ctx)
        elif role == "ANNEXE":
            doc = E.annexe_doc(ctx)
        elif role == "AE":
            doc = E.ae_single_doc(ctx) if extra is None else E.ae_lot_doc(ctx, ctx.lot(extra))
        elif role == "FICHE":
            doc = E.fiche_doc(ctx)
        elif role == "AVIS":
            doc = E.avis_doc(ctx)
        elif role == "CCTP":
            doc = E.cctp_doc(ctx, ctx.lot(extra) if extra else None)
        elif role == "EXTRA":
            doc = E.note_doc(ctx, extra[0], extra[1])
        else:
            doc = None
        if role == "DPGF":
            sheets = E.dpgf_sheets(ctx, ctx.lot(extra))
            R.render_xlsx(sheets, path, title=f"DPGF lot {extra}")
            text = R.xlsx_text(sheets)
            if damaged.get(name) == "trunc":
                b.post.append(lambda p=path: R.damage_truncate(p, 0.5))
        elif role == "PLAN":
            R.render_plan_pdf(path, extra, seed=case["name"] + name)
            text = "\n".join(extra)
        else:
            write_doc(doc, path, role)
            text = doc.text()
        rel = path.relative_to(folder).as_posix()
        b.files.append(dict(rel=rel, base=path.name, role=role, lot=extra if role in ("AE", "CCTP", "DPGF") else None,
                            kind=KINDS[role], text=text, deleted=doc.deleted_text() if doc else "",
                            doc=doc, path=path))
    for e in errs:
        if e[0] == "CS905":
            src = next(f for f in b.files if f["base"] == e[1])
            dst = src["path"].with_name(e[2])
            b.post.append(lambda s=src["path"], d=dst: shutil.copyfile(s, d))
            b.files.append(dict(src, rel=dst.relative_to(folder).as_posix(), base=e[2], path=dst, copy_of=e[1]))
    b.ctx = ctx
    b.folder = folder
    return b


# ------------------------------------------------------------------ key
def clause_pieces(b):
    ctx = b.ctx
    names = [f["base"] for f in b.files if f["role"] == "CCAP" and "copy_of" not in f]
    if ctx.clause_in_annexe:
        names += [f["base"] for f in b.files if f["role"] == "ANNEXE"]
    return names if len(names) > 1 else names[0]


def clause_file(b):
    """The file that holds the clause text itself (the annex when the CCAP refers to it)."""
    return file_of(b, "ANNEXE")[0] if b.ctx.clause_in_annexe else file_of(b, "CCAP")[0]


def file_of(b, role, lot=None):
    return [f["base"] for f in b.files if f["role"] == role and (lot is None or f["lot"] == lot)
            and "copy_of" not in f]


def key_of(b):
    case, ctx = b.case, b.ctx
    errs = [tuple(e) for e in ctx.errs]
    F, OPT = [], []
    kinds = {}
    dam = {e[1] for e in errs if e[0] in ("CS901", "CS902")}
    for f in b.files:
        kinds[f["base"]] = None if f["base"] in dam else f["kind"]
    planted904 = {e[1] for e in errs if e[0] == "CS904"}
    for f in b.files:
        if f["role"] in ("PLAN", "EXTRA") and f["base"] not in dam:
            F.append(dict(code="CS904", piece=f["base"], lot=None, planted=f["base"] in planted904,
                          note="fichier qui n'est aucune des pièces de output.md (plan, note interne)"
                          if f["base"] not in planted904 else
                          "fichier étranger au DCE laissé dans le dossier (compte rendu interne) : type non reconnu"))
    cp = clause_pieces(b)
    src_file = {"CLAUSE": cp, "RC": file_of(b, "RC"), "FICHE": file_of(b, "FICHE")}

    def files_for_lot(lot):
        out = []
        for s in ctx.sources:
            if s == "AE":
                out += file_of(b, "AE", lot) if case["o"].get("ae") == "perlot" else file_of(b, "AE")
            elif s == "CLAUSE":
                out += file_of(b, "ANNEXE") if ctx.clause_in_annexe else file_of(b, "CCAP")
            else:
                out += src_file[s]
        return sorted(set(out))

    for e in errs:
        c = e[0]
        if c == "CS101":
            F.append(dict(code=c, piece=file_of(b, "CCAP")[0], lot=None, planted=True,
                          note="le RC et l'AE annoncent la clause et ses heures ; le CCAP n'a aucun article de clause"))
            for cc in CLAUSE_CODES:
                OPT.append(dict(code=cc, piece=None, lot=None,
                                note="CCAP sans article de clause (CS101) : le contenu de la clause n'est jugé nulle part"))
        elif c == "CS102":
            F.append(dict(code=c, piece=file_of(b, "RC")[0], lot=None, planted=True,
                          note="le RC ne dit rien de la clause d'insertion (ni condition d'exécution ni lots)"))
        elif c == "CS103":
            F.append(dict(code=c, piece=None, lot=None, planted=True,
                          note="l'AE n'a aucune rubrique d'insertion et aucune annexe ne porte l'engagement"))
        elif c == "CS104":
            F.append(dict(code=c, piece=file_of(b, "AVIS")[0], lot=None, planted=True,
                          note="l'avis ne mentionne pas la condition sociale d'exécution (seule une condition "
                               "environnementale figure en III.2.2)"))
        elif c == "CS105":
            F.append(dict(code=c, piece=None, lot=None, planted=True, note=f"{e[1]} absent du dossier"))
        elif c == "CS201":
            where = {"ord2015": clause_file(b), "cmp14_tracked": file_of(b, "CCAP")[0], "decret62": file_of(b, "RC")[0]}[e[1]]
            sug = {"ord2015": "L2112-2", "cmp14_tracked": "L2112-2", "decret62": "R2152-7 / L2152-7"}[e[1]]
            F.append(dict(code=c, piece=where, lot=None, planted=True,
                          note=f"texte abrogé cité ({e[1]}) ; à remplacer par {sug} du code de la commande publique"))
        elif c == "CS202":
            F.append(dict(code=c, piece=clause_file(b), lot=None, planted=True,
                          note=f"clause d'exécution fondée sur {e[1]} (mauvais mécanisme) au lieu de L2112-2"))
        elif c == "CS203":
            where = file_of(b, "CCAP")[0] if e[1] == "2009" else clause_file(b)
            F.append(dict(code=c, piece=where, lot=None, planted=True,
                          note="CCAG-Travaux de 2009 cité" if e[1] == "2009" else
                          "la clause d'insertion renvoie à l'article 20.2 du CCAG-Travaux (clause environnementale) "
                          "au lieu de 20.1"))
        elif c == "CS204":
            F.append(dict(code=c, piece=clause_file(b), lot=None,
                          planted=True, note="dénomination périmée dans la liste des publics : " + ", ".join(e[1])))
        elif c == "CS205":
            F.append(dict(code=c, piece=file_of(b, "RC")[0], lot=None, planted=True,
                          note={"5538000": "seuil européen 2024-2025 (5 538 000 € HT) cité comme actuel",
                                "40000": "ancienne dispense de 40 000 € HT citée"}[e[1]]))
        elif c == "CS301":
            F.append(dict(code=c, piece=cp, lot=e[1], planted=True,
                          note=("aucun nombre d'heures pour le lot couvert (« à préciser »)" if e[1] else
                                "aucun nombre d'heures d'insertion dans aucune pièce")))
            if e[1] is None:
                OPT.append(dict(code="CS103", piece=None, lot=None,
                                note="l'AE s'engage sur la clause sans nombre d'heures : CS103 facultatif (erreur CS301)"))
        elif c in ("CS302", "CS303", "CS304", "CS305", "CS306"):
            note = {"CS302": "la clause ne dit pas quelles personnes sont éligibles",
                    "CS303": "aucune modalité de réalisation (embauche, mise à disposition, sous-traitance…)",
                    "CS304": "facilitateur évoqué sans structure ni téléphone ni courriel ; aucun contact ailleurs",
                    "CS305": "aucune obligation de suivi ni de transmission de justificatifs",
                    "CS306": "aucune pénalité par heure d'insertion non réalisée (seule la pénalité de retard "
                             "des documents demeure)"}[c]
            F.append(dict(code=c, piece=cp, lot=None, planted=True, note=note))
            if c == "CS305":
                F.append(dict(code="CS308", piece=cp, lot=None, planted=False,
                              note="le suivi retiré emporte la pénalité de retard des justificatifs"))
        elif c == "CS307":
            F.append(dict(code=c, piece=cp, lot=None, planted=True,
                          note={"smic2025": "pénalité figée sur le SMIC horaire de 2025 (11,88 €)",
                                "noamount": "pénalité sans montant ni formule (« arrêté par le maître d'ouvrage »)"}[e[1]]))
        elif c == "CS308":
            F.append(dict(code=c, piece=cp, lot=None, planted=True,
                          note="suivi demandé mais aucune pénalité pour retard ou défaut de transmission"))
        elif c == "CS401":
            F.append(dict(code=c, piece=files_for_lot(e[1]), lot=e[1], planted=True,
                          note=f"heures du lot {e[1]} différentes dans une pièce ({e[3]} au lieu de "
                               f"{ctx.base[e[1]]})"))
        elif c == "CS402":
            where = src_file[e[1]] if e[1] != "CLAUSE" else cp
            where = where[0] if isinstance(where, list) and len(where) == 1 else where
            tot = sum(ctx.stated[e[1]].values())
            F.append(dict(code=c, piece=where, lot=None, planted=True,
                          note=f"total écrit {e[2]} h pour une somme des lots de {tot} h"))
        elif c == "CS403":
            L = ctx.lot(e[1])
            F.append(dict(code=c, piece=None, lot=e[1], planted=True,
                          note=f"{ctx.stated[ctx.sources[0]][e[1]]} h pour un calcul de {ctx.base[e[1]]} h "
                               f"({L['amount']} € HT, {L['trade']})"))
        elif c == "CS404":
            F.append(dict(code=c, piece=sorted(set(files_for_lot(e[1]) + src_of_missing(b, e[2]))), lot=e[1], planted=True,
                          note=f"le lot {e[1]} a des heures ailleurs mais manque dans la pièce {e[2]} qui liste les lots"))
        elif c == "CS405":
            F.append(dict(code=c, piece=None, lot=e[1], planted=True,
                          note=f"{e[2]} heures demandées sur un lot de fournitures seules"))
            OPT.append(dict(code="CS403", piece=None, lot=e[1],
                            note="lot de fournitures avec montant : le calcul donne 0 h, CS403 facultatif"))
        elif c == "CS501":
            F.append(dict(code=c, piece=None, lot=None, planted=True,
                          note=f"travaux {ctx.total} € HT ≥ 5 404 000, lancés le {case['launch']} (≥ 21/08/2026), "
                               + ("aucune condition sociale ni justification" if e[1] == "none" else
                                  "« sans objet » n'est pas une justification")))
        elif c == "CS901":
            F.append(dict(code=c, piece=e[1], lot=None, planted=True, note=f"pièce illisible ({e[2]})"))
            OPT.append(dict(code="CS904", piece=e[1], lot=None, note="type indéterminable d'un fichier illisible"))
        elif c == "CS902":
            F.append(dict(code=c, piece=e[1], lot=None, planted=True, note="PDF scanné sans couche texte"))
            OPT.append(dict(code="CS904", piece=e[1], lot=None, note="type indéterminable d'un scan sans texte"))
        elif c == "CS903":
            F.append(dict(code=c, piece=e[1], lot=None, planted=True,
                          note={"comment": "commentaire Word de relecture interne resté dans la pièce",
                                "tracked_bad": "modification suivie non acceptée (elle insère une référence abrogée)",
                                "tracked_ok": "modification suivie non acceptée (le texte accepté est juste)"}[e[2]]))
        elif c == "CS905":
            pair = [e[1], e[2]]
            F.append(dict(code=c, piece=pair, lot=None, planted=True, note="deux fichiers identiques d'une même pièce"))
    if not ctx.has_clause and not case["o"].get("sans_objet") and not case["o"].get("justif"):
        F.append(dict(code="CS100", piece=None, lot=None, planted=False,
                      note="aucune pièce ne porte de clause ni ne dit « sans »"))
        if case["o"].get("avis"):
            OPT.append(dict(code="CS104", piece=None, lot=None, note="avis d'une consultation sans clause"))
    # a copied piece: any finding on the original may name the copy
    copies = {f["copy_of"]: f["base"] for f in b.files if "copy_of" in f}
    for f in F + OPT:
        p = f["piece"]
        if isinstance(p, str) and p in copies:
            f["piece"] = [p, copies[p]]
    # hours per lot
    lots = {}
    kmap = {"CLAUSE": "ANNEXE_CLAUSE" if ctx.clause_in_annexe else "CCAP", "RC": "RC", "AE": "AE",
            "FICHE": "ANNEXE_CLAUSE"}
    if ctx.clause_in_annexe and "FICHE" in ctx.sources:
        raise AssertionError(f"{case['name']}: annexe and fiche share a kind")
    for L in ctx.lots:
        n = L["num"]
        if L.get("pse"):
            continue
        vals = {}
        for s in ctx.sources:
            if s == "AE" and case["o"].get("ae") == "perlot" and not file_of(b, "AE", n):
                continue
            if n in ctx.stated[s]:
                vals[kmap[s]] = ctx.stated[s][n]
        if not vals:
            continue
        miss = any(e[0] == "CS404" and e[1] == n for e in errs)
        if len(set(vals.values())) == 1 and not miss:
            lots[n] = next(iter(vals.values()))
        else:
            lots[n] = vals
    return dict(name=case["name"], half="sealed", review_date=str(case["review"]),
                description=case["desc"], pieces=kinds, lots=lots, findings=F, optional=OPT)


def src_of_missing(b, src):
    if src == "AE":
        return file_of(b, "AE")
    if src == "FICHE":
        return file_of(b, "FICHE")
    if src == "RC":
        return file_of(b, "RC")
    return []
