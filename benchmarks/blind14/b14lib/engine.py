"""Builds the pieces of one blind14 consultation from its case, and its answer key."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction

from . import texts as X
from .rich import RDoc
from .texts import LI, P, T, eur, fmt_n, fr_date

# labour shares: middle of the ranges of reference.md § 6.2 (hours.md trade keys)
MO = {
    "vrd": Fraction(30, 100), "gros_oeuvre": Fraction(45, 100), "plomberie_cvc": Fraction(35, 100),
    "electricite": Fraction(45, 100), "peinture": Fraction(65, 100), "menuiseries_interieures": Fraction(40, 100),
    "espaces_verts_creation": Fraction(45, 100), "espaces_verts_entretien": Fraction(65, 100),
    "nettoyage": Fraction(85, 100), "collecte_dechets": Fraction(55, 100), "restauration": Fraction(45, 100),
    "fournitures": Fraction(0),
}
RATE, COST, STEP, MINH = Fraction(5, 100), Fraction(30), 5, 70


def raw_hours(amount, trade):
    return Fraction(amount) * MO[trade] * RATE / COST


def computed_hours(amount, trade):
    r = raw_hours(amount, trade)
    q = r / STEP
    n = int(q)
    if q - n >= Fraction(1, 2):
        n += 1
    h = n * STEP
    return h if r >= MINH else None


def nfd(s):
    return unicodedata.normalize("NFD", s)


def nfc(s):
    return unicodedata.normalize("NFC", s)


@dataclass
class Lot:
    n: str
    title: str
    amount: int
    trade: str                   # key of MO, or "transport" (not in the default table)
    cover: str = "oui"           # oui | fourniture | reserve | tranche | bc | adefinir
    stated: int | None = None    # hours fixed by the buyer (else computed)
    tranche: tuple | None = None  # (hours, amount) for tranche / bc

    def base_hours(self):
        if self.cover != "oui":
            return None
        if self.stated is not None:
            return self.stated
        return computed_hours(self.amount, self.trade)


class Case:
    def __init__(self, d):
        self.d = d
        self.id = d["id"]
        self.name = f"{d['id']}-{d['slug']}"
        self.b = d["buyer"]
        self.etat = d["buyer"].get("etat", False)
        self.objet = d["objet"]
        self.ref = d["ref"]
        self.nature = d.get("nature", "services")
        self.ac = d.get("ac")  # dict(years=, word=) or None
        self.ac_years = (self.ac or {}).get("years", d.get("years", 1))
        self.years_word = (self.ac or {}).get("word", d.get("years_word", ""))
        self.school_year = d.get("school_year", False)
        self.lots = [Lot(**l) for l in d["lots"]]
        self.single = d.get("single", False)
        if self.single:
            self.lots[0].n = "unique"
        self.hmode = d.get("hmode", "total")
        self.recall = d.get("recall", False)
        self.launch = dt.date.fromisoformat(d["launch"])
        self.review = d.get("review", "2026-11-25")
        self.facil = d.get("facil")
        self.facil_link = d.get("facil_link", False)
        self.facil_nophone = d.get("facil_nophone", False)
        self.clause = d.get("clause", True)         # False: no insertion clause at all
        self.noclause = d.get("noclause")           # None | "sans_objet" | "derogation" | "reserve" | "rien"
        self.layout = d.get("layout", "sub")        # sub | spread | annex | prose | bullets
        self.errs = d.get("errs", [])
        self.traps = set(d.get("traps", []))
        self.sep = d.get("sep", " ")
        self.force_table = d.get("force_table", False)
        self.total_line = d.get("total_line", {})
        self.omit = set()
        for e in self.errs:
            code = e["code"]
            if code == "CS302":
                self.omit.add("public")
            elif code == "CS303":
                self.omit.add("modal")
            elif code == "CS305":
                self.omit |= {"control", "pendoc"}
            elif code == "CS306" and e.get("shape") == "removed":
                self.omit.add("penhour")
            elif code == "CS308":
                self.omit.add("pendoc")
        if not self.clause:
            self.omit |= {"public", "modal", "control", "penhour", "pendoc"}
        self.files = {}  # role → spec dict(name, fmt, ...)
        for role, spec in d["files"].items():
            self.files[role] = dict(spec) if isinstance(spec, dict) else list(spec)

    # ---- helpers
    def pick(self, what, n):
        if what in self.d.get("force", {}):
            return self.d["force"][what]
        h = hashlib.sha256(f"{self.name}/{what}".encode()).digest()
        return h[0] % n

    def err(self, code, **kw):
        for e in self.errs:
            if e["code"] == code and all(e.get(k) == v for k, v in kw.items()):
                return e
        return None

    def trap(self, t):
        return t in self.traps

    def value(self):
        """Estimated value of the need (all lots, whole duration; the maximum of an accord-cadre)."""
        if self.d.get("value"):
            return self.d["value"]
        per = sum(l.amount for l in self.lots)
        return per * (self.ac_years if self.hmode in ("annual", "min_annual", "rate_fig", "rate_only")
                      or self.d.get("annual_amounts") else 1)

    def threshold(self):
        return 140000 if self.etat else 216000

    def above_threshold_after(self):
        return self.value() >= self.threshold() and self.launch >= dt.date(2026, 8, 21)

    def covered(self):
        return [l for l in self.lots if l.cover == "oui"]

    def hours(self, lot, role):
        """Hours of `lot` written in the piece of role `role` (None: not written there)."""
        if lot.cover != "oui":
            return None
        h = lot.base_hours()
        for e in self.errs:
            if e["code"] == "CS403" and e["lot"] == lot.n:
                h = e["hours"]
        for e in self.errs:
            if e["code"] == "CS404" and e["lot"] == lot.n and e["role"] == role:
                return None
            if e["code"] == "CS401" and e["lot"] == lot.n and e["role"] == role:
                h = e["hours"]
        return h

    def lot_label(self, l):
        return "Lot unique" if l.n == "unique" else f"Lot {l.n}"


# =================================================================== common pieces of text
def buyer_block(c):
    b = c.b
    return [P(f"{b['name']}, {b['addr']}."),
            P(f"Service de la commande publique – tél. {b['tel']} – courriel : {b['mail']}. Ce service répond "
              "aux questions administratives" + (" ; il n'est pas chargé de l'accompagnement de la clause."
                                                 if c.clause and not c.err("CS102") else "."))]


def lots_table(c, annual=None):
    annual = c.ac is not None or c.d.get("annual_amounts") if annual is None else annual
    head = ["Lot", "Intitulé", "Montant estimatif HT" + (" annuel" if annual else "")]
    rows = [head]
    for l in c.lots:
        rows.append([("Unique" if l.n == "unique" else l.n), l.title, eur(l.amount)])
    return T(rows)


def date_line(c, piece="rc"):
    st = c.d.get("date_style", "long")
    if piece == "rc":
        return P(f"Date d'envoi de l'avis à la publication : {fr_date(c.launch, st)}")
    return P(f"Date d'envoi du présent avis à la publication : {fr_date(c.launch, st)}")


def duration_text(c):
    if c.ac:
        return (f"L'accord-cadre à bons de commande est conclu pour un an à compter de sa notification. Il est "
                f"reconductible tacitement, sans que sa durée totale puisse excéder {c.years_word}. "
                + c.d.get("minmax", ""))
    return c.d.get("duration", "Le marché est conclu pour trois ans à compter de sa notification.")


def procedure_text(c):
    out = []
    v = c.value()
    if v >= c.threshold():
        out.append(P("La consultation est passée selon la procédure de l'appel d'offres ouvert, en application "
                     "des articles L. 2124-2, R. 2124-2 1° et R. 2161-2 à R. 2161-5 du code de la commande "
                     "publique."))
    else:
        e201 = c.err("CS201", where="rc_procedure")
        if e201:
            out.append(P("La consultation est passée selon une procédure adaptée, en application de l'article 27 "
                         "du décret n° 2016-360 du 25 mars 2016 relatif aux marchés publics."))
        else:
            out.append(P("La consultation est passée selon une procédure adaptée, en application des articles "
                         "L. 2123-1 et R. 2123-1 1° du code de la commande publique."))
    e205 = c.err("CS205", where="rc")
    if e205:
        if e205["shape"] == "143000":
            out.append(P("Le montant estimé du besoin reste inférieur au seuil européen de 143 000 € HT applicable "
                         "aux autorités publiques centrales : aucune publicité au Journal officiel de l'Union "
                         "européenne n'est requise."))
        elif e205["shape"] == "215000":
            out.append(P("Pour mémoire, le seuil de procédure formalisée applicable aux marchés de fournitures et "
                         "de services des collectivités territoriales est fixé à 215 000 € HT."))
        elif e205["shape"] == "40000":
            out.append(P("Les prestations similaires d'un montant inférieur à 40 000 € HT pourront être confiées "
                         "au titulaire sans publicité ni mise en concurrence préalables, au titre du seuil de "
                         "dispense prévu par le code de la commande publique."))
    elif c.trap("current_thresholds"):
        out.append(P(f"Pour mémoire, le seuil européen applicable aux marchés de fournitures et de services de "
                     f"l'acheteur est de {'140 000' if c.etat else '216 000'} € HT depuis le 1er janvier 2026 ; "
                     "les achats de moins de 60 000 € HT peuvent être dispensés de publicité."))
    return out


def criteria_blocks(c):
    out = []
    e201 = c.err("CS201", where="rc_criteria")
    if e201:
        out.append(P("Les offres sont jugées selon les critères pondérés ci-dessous, conformément à l'article 53 "
                     "du code des marchés publics :"))
    else:
        out.append(P("L'offre économiquement la plus avantageuse est choisie selon les critères pondérés "
                     "suivants (articles L. 2152-7 et R. 2152-7 du code de la commande publique) :"))
    out.append(T([["Critère", "Pondération"], ["Prix des prestations (BPU / DQE)", "55 %"],
                  ["Valeur technique (cadre de réponse)", "40 %"],
                  ["Performance environnementale (produits, véhicules, déchets)", "5 %"]]))
    if c.clause and not c.err("CS102"):
        out.append(P("L'engagement d'insertion, condition d'exécution du marché, n'est pas noté."))
    return out


# =================================================================== RC
def rc_clause_blocks(c, nums):
    """Announcement of the clause in the RC."""
    out = []
    if not c.clause:
        if c.noclause == "sans_objet":
            out.append(P("Clause sociale d'insertion : sans objet."))
        elif c.noclause == "reserve":
            out.append(P("Le marché est réservé, en application de l'article L. 2113-13 du code de la commande "
                         "publique, aux structures d'insertion par l'activité économique mentionnées à l'article "
                         "L. 5132-4 du code du travail et aux structures équivalentes. Clause sociale "
                         "d'insertion : sans objet, le marché étant lui-même réservé."))
        elif c.noclause == "derogation":
            out.append(P(c.d["derogation"]))
        return out
    cov = [l.n for l in c.covered() + [l for l in c.lots if l.cover in ("tranche", "bc", "adefinir")]]
    cov = sorted(cov, key=lambda x: (len(x), x))
    art = nums.get("ccap_clause")
    where = f"à l'article {art} du CCAP" if art else "dans les documents de la consultation"
    if c.layout == "annex" or c.d.get("rc_refers_annex"):
        where = c.d.get("annex_ref", "dans l'annexe au CCAP consacrée à la clause sociale")
    if c.single:
        lots_txt = "à l'ensemble des prestations"
    else:
        lots_txt = X.lots_a(cov)
    out.append(P("Le marché comporte une condition d'exécution à caractère social : une clause sociale "
                 f"d'insertion s'applique {lots_txt}, selon les modalités fixées {where}."))
    others = [l for l in c.lots if l.cover in ("fourniture", "reserve")]
    for l in others:
        why = "fourniture seule" if l.cover == "fourniture" else "lot réservé"
        out.append(P(f"Le lot {l.n} n'est pas concerné ({why})."))
    if c.d.get("rc_hours"):
        items = []
        for l in c.lots:
            h = c.hours(l, "rc")
            if h is not None:
                items.append(f"{c.lot_label(l).lower()} : {fmt_n(h, c.sep)} heures{X.hour_unit(c)}")
        if items:
            txt = "Volume d'heures d'insertion exigé : " + " ; ".join(items) + "."
            if c.total_line.get("rc"):
                txt += f" Total : {fmt_n(c.total_line['rc'], c.sep)} heures{X.hour_unit(c)}."
            out.append(P(txt))
    e204 = c.err("CS204", where="rc")
    if e204:
        out.append(P("Les heures bénéficient en priorité aux demandeurs d'emploi habitant les zones urbaines "
                     f"sensibles de {c.b['city']}, en lien avec le facilitateur."))
    out.append(P("L'engagement est pris dans l'acte d'engagement ; il s'impose au titulaire pendant toute "
                 "l'exécution."))
    if c.facil and not c.err("CS304") and c.d.get("rc_facil", True):
        f = c.facil
        out.append(P(f"Renseignements sur la clause : {f['struct']}, {f['person']}, {f['phone']}, ",
                     X.email_seg(c), "."))
    return out


def dce_list(c):
    missing = {e["role"] for e in c.errs if e["code"] == "CS105"}
    roles = set(c.files) | missing
    an = c.files.get("annex", {})
    out = ["le présent règlement de la consultation ;"]
    if "ccap" in roles:
        if an and an.get("kind") in ("clause", "spread", "liaison") and not c.err("CS101"):
            out.append(f"le CCAP et son annexe « {an.get('title', 'ANNEXE AU CCAP – CLAUSE SOCIALE D’INSERTION').split('– ')[-1].capitalize()} » ;")
        else:
            out.append("le cahier des clauses administratives particulières (CCAP) ;")
    if an and c.err("CS101"):
        out.append(f"l'annexe « {an.get('title', 'ANNEXE AU CCAP – CLAUSE SOCIALE D’INSERTION').split('– ')[-1].capitalize()} » ;")
    if "ae" in roles:
        out.append("l'acte d'engagement" + (" et son annexe d'engagement ;" if an.get("kind") == "engagement"
                                            else " ;"))
    elif an.get("kind") == "engagement":
        out.append("l'annexe d'engagement à l'acte d'engagement ;")
    if "cctp" in roles or any(x["name"].startswith("CCTP") for x in c.d.get("extras", [])):
        out.append("le cahier des clauses techniques particulières (CCTP) ;")
    names = {"BPU": "le bordereau des prix unitaires (BPU)", "DQE": "le détail quantitatif estimatif (DQE)",
             "DPGF": "la décomposition du prix global et forfaitaire (DPGF)"}
    for pr in c.files.get("prices", []):
        out.append(names[pr["kind"]] + " ;")
    for x in c.d.get("extras", []):
        if x["name"].startswith("DQE"):
            out.append(names["DQE"] + " ;")
    out[-1] = out[-1][:-2] + "."
    return out


def build_rc(c, nums):
    spec = c.files["rc"]
    d = RDoc(title="RÈGLEMENT DE LA CONSULTATION",
             subtitle=f"{c.b['name']} – {c.objet} – Réf. {c.ref}",
             num=spec.get("num", "typed"), l1=spec.get("l1", "Article %1 –"),
             header=spec.get("header", ""), footer=spec.get("footer", "pages"))
    if c.d.get("rc_fiche"):
        rows = [["Rubrique", "Contenu"], ["Acheteur", c.b["name"]], ["Objet", c.objet],
                ["Procédure", "Appel d'offres ouvert" if c.value() >= c.threshold() else "Procédure adaptée"],
                ["Variantes", "Non autorisées"], ["Clause de réexamen", "Sans objet"]]
        if c.clause and not c.err("CS102"):
            rows.append(["Clause sociale d'insertion", "Oui – condition d'exécution"])
        d.t(rows)
    d.h(1, "Acheteur")
    d.blocks += buyer_block(c)
    d.h(1, "Objet et allotissement")
    d.p(f"La consultation a pour objet : {c.objet[0].lower() + c.objet[1:]}.")
    if not c.single:
        d.p(f"Elle est allotie en {len(c.lots)} lots :")
    d.blocks.append(lots_table(c))
    if c.d.get("rc_value"):
        d.p(c.d["rc_value"])
    d.h(1, "Procédure")
    d.blocks += procedure_text(c)
    d.h(1, "Durée et forme du contrat")
    d.p(duration_text(c))
    # clause
    if c.clause or c.noclause in ("sans_objet", "reserve", "derogation"):
        if c.err("CS102") and c.err("CS102")["shape"] == "tracked":
            d.h(1, "Conditions d'exécution")
            d.p("Les prestations sont exécutées dans les conditions fixées par le CCAP et le CCTP.")
            for b in rc_clause_blocks(c, nums):
                segs = b[1]
                d.blocks.append(("p", segs, {"del_para": True}))
        elif c.err("CS102"):
            d.h(1, "Conditions d'exécution")
            d.p("Les prestations sont exécutées dans les conditions fixées par le CCAP et le CCTP ; les "
                "horaires d'intervention sont précisés au CCTP.")
        else:
            d.h(1, c.d.get("rc_clause_title", "Conditions d'exécution à caractère social" if c.noclause == "derogation"
                           else "Condition d'exécution sociale – clause d'insertion"))
            d.blocks += rc_clause_blocks(c, nums)
    d.h(1, "Contenu du dossier de consultation")
    for p in c.d.get("dce_list") or dce_list(c):
        d.li(p)
    d.h(1, "Présentation des candidatures et des offres")
    d.p("Chaque candidat produit les formulaires DC1 et DC2 (ou leur équivalent), l'acte d'engagement complété, "
        "les pièces de prix et un mémoire technique répondant au cadre fourni.")
    d.h(1, "Jugement des offres")
    d.blocks += criteria_blocks(c)
    d.h(1, "Remise des offres")
    dl = c.launch + dt.timedelta(days=35)
    while dl.weekday() > 4:
        dl += dt.timedelta(days=1)
    d.p(f"Les offres sont remises par voie électronique sur le profil d'acheteur avant le {fr_date(dl, 'jour')} "
        "à 12 h 00. Les questions sont posées sur la même plateforme au plus tard dix jours avant cette date.")
    d.h(1, "Renseignements complémentaires")
    d.p("Le dossier est téléchargeable gratuitement sur le profil d'acheteur. Une visite des sites est "
        "conseillée ; elle n'est pas obligatoire.")
    d.blocks.append(date_line(c, "rc"))
    return d


# =================================================================== CCAP
def ccap_plan(c):
    """Ordered list of (key, level, title) of the CCAP's headings."""
    plan = [("objet", 1, "Objet du marché – dispositions générales"),
            ("pieces", 1, "Pièces constitutives du marché"),
            ("duree", 1, "Durée et forme du marché"),
            ("prix", 1, "Prix et variation des prix"),
            ("exec", 1, "Conditions d'exécution des prestations")]
    if c.d.get("env"):
        plan.append(("env", 1, "Clause environnementale"))
    lay = c.layout
    if c.clause and not c.err("CS101") and c.files.get("ccap"):
        title = c.d.get("clause_title", "Clause sociale d'insertion")
        plan.append(("clause", 1, title))
        if lay in ("sub", "spread"):
            subs = [("c_obj", "Objet et fondement"), ("c_vol", "Volume d'heures d'insertion")]
            if c.place("public") == "ccap" and "public" not in c.omit:
                subs.append(("c_pub", "Personnes pouvant bénéficier de l'action"))
            if c.place("modal") == "ccap" and "modal" not in c.omit:
                subs.append(("c_mod", "Mise en œuvre par le titulaire"))
            if c.place("facil") == "ccap":
                subs.append(("c_fac", "Accompagnement par le facilitateur"))
            if c.place("control") == "ccap" and "control" not in c.omit:
                subs.append(("c_ctl", "Suivi et justification des heures"))
            if c.place("pen") == "ccap":
                subs.append(("c_pen", "Sanctions"))
            for k, t in subs:
                plan.append((k, 2, t))
    elif not c.clause and c.noclause in ("sans_objet", "reserve", "derogation"):
        plan.append(("clause", 1, c.d.get("clause_title", "Clause sociale d'insertion")))
    plan.append(("penal", 1, "Pénalités"))
    if c.place("pen") == "general":
        plan.append(("pen_ret", 2, "Retard d'exécution"))
        plan.append(("pen_cs", 2, "Manquements à la clause sociale d'insertion"))
    plan += [("paie", 1, "Règlement des comptes – avance"),
             ("resil", 1, "Résiliation"),
             ("derog", 1, "Dérogations au CCAG-FCS")]
    return plan


def plan_numbers(plan):
    out, c1, c2 = {}, 0, 0
    for key, lvl, _t in plan:
        if lvl == 1:
            c1 += 1
            c2 = 0
            out[key] = str(c1)
        else:
            c2 += 1
            out[key] = f"{c1}.{c2}"
    return out


def _place(c, element):
    """Where an element of the clause stands: ccap | annex | general (penalties) | none."""
    lay = c.layout
    pl = c.d.get("placement", {})
    if element in pl:
        return pl[element]
    if lay == "annex":
        return "annex"
    if lay == "spread":
        return {"public": "ccap", "modal": "annex", "facil": "annex", "control": "annex",
                "pen": "general"}.get(element, "ccap")
    return "ccap"


Case.place = _place


def ref_seg(c, nums, key, fallback):
    """Reference to another article: a Word REF field when the case asks for it."""
    mode = c.files["ccap"].get("ref")
    num = nums[key]
    if mode and c.files["ccap"].get("fmt") == "docx":
        bm = "_Ref" + str(int(hashlib.sha256((key + c.name).encode()).hexdigest()[:8], 16))
        c._bookmarks[key] = bm
        return ("ref", num, bm, mode)
    return num


def clause_elements(c, nums, where):
    """Blocks of the clause elements placed in `where` (ccap | annex), by element."""
    el = {}
    if not c.clause:
        return {k: [] for k in ("obj", "vol", "pub", "mod", "fac", "ctl", "pen")}
    el["obj"] = X.basis(c)
    el["vol"] = X.hours_blocks(c, "ccap" if where == "ccap" else "annex")
    el["pub"] = X.public_blocks(c)
    el["mod"] = X.modal_blocks(c)
    el["fac"] = X.facil_blocks(c) if c.facil else []
    el["ctl"] = X.control_blocks(c)
    pen = X.pen_hour_blocks(c) + X.pen_doc_blocks(c)
    if c.err("CS306", shape="tracked"):
        pen = [("p", b[1], {"del_para": True}) if i == 0 else b for i, b in enumerate(pen)]
    el["pen"] = pen
    return el


def build_ccap(c):
    spec = c.files["ccap"]
    c._bookmarks = {}
    plan = ccap_plan(c)
    nums = plan_numbers(plan)
    d = RDoc(title=spec.get("title", "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES"),
             subtitle=f"{c.b['name']} – {c.objet} – Réf. {c.ref}",
             num=spec.get("num", "typed"), l1=spec.get("l1", "Article %1 –"), l2=spec.get("l2", "%1.%2"),
             header=spec.get("header", ""), footer=spec.get("footer", "pages"), bullet=spec.get("bullet", "–"))
    if spec.get("fiche"):
        rows = [["Rubrique", "Contenu"], ["Forme", "Accord-cadre à bons de commande" if c.ac else "Marché ordinaire"],
                ["Variantes", "Non autorisées"], ["Clause de réexamen", "Sans objet"],
                ["Avance", "5 % du montant annuel, sauf renonciation du titulaire"]]
        if c.clause and "clause" in nums:
            rows.append(["Clause sociale d'insertion", f"Oui – article {nums['clause']}"])
        d.t(rows)
    if spec.get("cols") and spec.get("fmt") == "pdf":
        d.blocks.append(("cols", [
            ("h", 1, ["Présentation du marché"], {}),
            ("p", [f"Le présent cahier fixe les stipulations administratives du marché « {c.objet} » passé "
                   f"par l'acheteur ({c.b['name']}). Il déroge au CCAG-FCS sur les seuls points énumérés à l'article "
                   f"{nums['derog']}."], {}),
            ("p", ["Le titulaire exécute les prestations dans des locaux occupés : il adapte ses horaires à ceux "
                   "des services, qui sont ouverts au public de 7 h 30 à 19 h 00 du lundi au vendredi."], {}),
            ("h", 1, ["Points d'attention"], {}),
            ("p", ["Prix révisables annuellement ; paiement à 30 jours ; avance de 5 % sauf renonciation."], {}),
            ("p", [f"Condition d'exécution sociale : une clause d'insertion s'applique (article {nums.get('clause', '')})"
                   " ; l'engagement est pris dans l'acte d'engagement."] if c.clause else
             ["Aucune condition d'exécution sociale."], {}),
            ("p", ["Cette page de présentation est sans valeur contractuelle ; seuls les articles qui suivent "
                   "engagent les parties."], {}),
        ]))
    el_cc = clause_elements(c, nums, "ccap")
    for key, lvl, title in plan:
        if key in c._bookmarks.values():
            pass
        opts = {}
        d.h(lvl, title, **opts)
        bi = len(d.blocks) - 1
        d.blocks[bi] = ("h", lvl, [title], {"_key": key})
        d.blocks += ccap_body(c, key, nums, el_cc)
    # attach bookmarks on the target headings
    for i, b in enumerate(d.blocks):
        if b[0] == "h" and b[3].get("_key") in c._bookmarks:
            b[3]["bm"] = c._bookmarks[b[3]["_key"]]
    return d, nums


def ccap_body(c, key, nums, el):
    b = c.b
    out = []
    if key == "objet":
        out.append(P(f"Le présent cahier des clauses administratives particulières (CCAP) fixe les stipulations "
                     f"administratives du marché « {c.objet} » passé par l'acheteur ({b['name']})."))
        if not c.single:
            out.append(lots_table(c))
        if c.d.get("ccap_objet_extra"):
            out.append(P(c.d["ccap_objet_extra"]))
    elif key == "pieces":
        out.append(P("Les pièces contractuelles sont, par ordre de priorité décroissante :"))
        out.append(LI("l'acte d'engagement et ses annexes ;"))
        out.append(LI("le présent CCAP" + (" et son annexe relative à la clause sociale ;" if c.files.get("annex")
                                          and c.layout in ("annex", "spread") and not c.err("CS101")
                                          else " ;")))
        out.append(LI("le cahier des clauses techniques particulières (CCTP) ;"))
        e203 = c.err("CS203", where="pieces")
        if e203:
            out.append(LI("le cahier des clauses administratives générales applicables aux marchés publics de "
                          "fournitures courantes et de services, dans sa version de 2009 ;"))
        else:
            out.append(LI("le cahier des clauses administratives générales des marchés publics de fournitures "
                          "courantes et de services (CCAG-FCS), approuvé par l'arrêté du 30 mars 2021 ;"))
        out.append(LI("le bordereau des prix unitaires et le détail quantitatif estimatif, ce dernier étant sans "
                      "valeur contractuelle."))
    elif key == "duree":
        out.append(P(duration_text(c)))
    elif key == "prix":
        out.append(P("Les prix sont révisés une fois par an, à la date anniversaire de la notification, par "
                     "application de l'indice de référence publié au Moniteur des travaux publics. Ils "
                     "comprennent toutes les charges liées à l'exécution, y compris celles de la clause "
                     "d'insertion." if c.clause and not c.err("CS101") else
                     "Les prix sont révisés une fois par an, à la date anniversaire de la notification, par "
                     "application de l'indice de référence publié au Moniteur des travaux publics."))
    elif key == "exec":
        for t in c.d.get("exec_traps", []):
            out.append(P(t))
        out.append(P("Les prestations sont exécutées conformément au CCTP et aux bons de commande, sans préjudice "
                     "des obligations du titulaire en matière d'hygiène et de sécurité." if c.ac else
                     "Les prestations sont exécutées conformément au CCTP, sans préjudice des obligations du "
                     "titulaire en matière d'hygiène et de sécurité."))
    elif key == "env":
        out.append(P("En application de l'article 16.2 du CCAG-FCS, le titulaire limite les déchets produits et "
                     "utilise des produits porteurs d'un écolabel ou équivalents ; il en justifie à la demande."))
    elif key == "clause":
        if not c.clause:
            if c.noclause == "sans_objet":
                out.append(P("Sans objet : le présent marché ne comporte pas de clause sociale d'insertion."))
            elif c.noclause == "reserve":
                out.append(P("Clause sociale d'insertion : sans objet. Le marché est réservé aux structures "
                             "d'insertion par l'activité économique (article L. 2113-13 du code de la commande "
                             "publique), qui emploient elles-mêmes les personnes en parcours."))
            elif c.noclause == "derogation":
                out.append(P(c.d["derogation_ccap"]))
            return out
        lay = c.layout
        if lay == "annex":
            ann = c.d.get("annex_ref", "dans l'annexe au présent CCAP")
            out.append(P("Le marché comporte une condition d'exécution à caractère social, fondée sur l'article "
                         "L. 2112-2 du code de la commande publique. Son contenu (volume d'heures, personnes "
                         "éligibles, modalités, accompagnement, suivi et sanctions) figure " + ann +
                         ", qui a valeur contractuelle."))
            return out
        if lay in ("prose", "bullets"):
            order = ["obj", "vol", "pub", "mod", "fac", "ctl", "pen"]
            for k in order:
                if k == "pen" and c.place("pen") == "general":
                    out.append(P("Les manquements à la présente clause sont sanctionnés dans les conditions de "
                                 "l'article ", ref_seg(c, nums, "pen_cs", nums.get("pen_cs")), "."))
                    continue
                if {"pub": "public", "mod": "modal", "fac": "facil", "ctl": "control"}.get(k) and \
                        c.place({"pub": "public", "mod": "modal", "fac": "facil", "ctl": "control"}[k]) != "ccap":
                    continue
                blocks = el[k]
                if lay == "bullets" and k != "vol":
                    blocks = [("li", bb[1], bb[2]) if bb[0] == "p" and not bb[2].get("del_para") else bb
                              for bb in blocks]
                out += blocks
            if c.files.get("annex") and c.layout != "annex" and any(
                    c.place(e) == "annex" for e in ("public", "modal", "facil", "control")):
                out.append(P("Les éléments non repris au présent article figurent " +
                             c.d.get("annex_ref", "dans l'annexe au CCAP") + "."))
            return out
        # sub / spread: intro only; the sub-articles carry the content
        if c.layout == "spread" and c.files.get("annex"):
            txt = "La clause est répartie entre le présent article et " + c.d.get("annex_ref", "l'annexe au CCAP")
            if "pen_cs" in nums:
                out.append(P(txt + " ; les sanctions de ses manquements figurent à l'article ",
                             ref_seg(c, nums, "pen_cs", nums.get("pen_cs")), " du présent CCAP."))
            else:
                out.append(P(txt + "."))
        elif "pen_cs" in nums:
            out.append(P("Le présent article fixe le contenu de la clause ; les sanctions de ses manquements "
                         "figurent à l'article ", ref_seg(c, nums, "pen_cs", nums.get("pen_cs")),
                         " (« Manquements à la clause sociale d'insertion »)."))
    elif key == "c_obj":
        out += el["obj"]
    elif key == "c_vol":
        out += el["vol"]
    elif key == "c_pub":
        out += el["pub"]
        if not el["pub"]:
            out.append(P("Le titulaire recrute les personnes de son choix, en lien avec le facilitateur."))
    elif key == "c_mod":
        out += el["mod"]
        if not el["mod"]:
            out.append(P("Le titulaire organise librement l'exécution des heures."))
    elif key == "c_fac":
        out += el["fac"]
    elif key == "c_ctl":
        out += el["ctl"]
        if not el["ctl"]:
            out.append(P("Le titulaire informe l'acheteur de toute difficulté rencontrée dans l'exécution de la "
                         "clause."))
    elif key == "c_pen":
        out += el["pen"]
        if not el["pen"]:
            out.append(P("Les stipulations du CCAG-FCS relatives aux manquements du titulaire s'appliquent."))
    elif key == "penal":
        out.append(P("Par dérogation au CCAG-FCS, les pénalités ne sont pas plafonnées ; elles sont appliquées sans "
                     "mise en demeure préalable, sauf stipulation contraire ci-après."))
        if c.place("pen") != "general":
            out.append(P("En cas de retard dans l'exécution d'un bon de commande, le titulaire encourt une "
                         "pénalité de 1/1 000 du montant du bon par jour de retard." if c.ac else
                         "En cas de retard d'exécution, le titulaire encourt une pénalité de 1/1 000 du montant "
                         "mensuel des prestations par jour de retard."))
            out.append(P("L'absence du titulaire à une réunion de suivi à laquelle il a été convoqué donne lieu à "
                         "une pénalité de 150 € HT par absence."))
    elif key == "pen_ret":
        out.append(P("En cas de retard dans l'exécution d'un bon de commande, le titulaire encourt une pénalité "
                     "de 1/1 000 du montant du bon par jour de retard ; l'absence à une réunion de suivi coûte "
                     "150 € HT."))
    elif key == "pen_cs":
        out += el["pen"]
        if not el["pen"]:
            out.append(P("Aucune pénalité particulière n'est prévue."))
    elif key == "paie":
        out.append(P("Les sommes dues sont payées dans un délai global de 30 jours à compter de la réception de "
                     "la facture. Une avance de 5 % est versée si le montant annuel dépasse 50 000 € HT, sauf "
                     "renonciation du titulaire."))
    elif key == "resil":
        out.append(P("Les stipulations du CCAG-FCS relatives à la résiliation s'appliquent ; le non-respect "
                     "répété des conditions d'exécution peut justifier une résiliation pour faute."))
    elif key == "derog":
        out.append(P(f"L'article {nums['penal']} du présent CCAP déroge aux stipulations du CCAG-FCS relatives aux "
                     "pénalités (absence de plafond)."))
    return out


# =================================================================== annex (clause, engagement, follow-up)
def build_annex(c, nums):
    spec = c.files["annex"]
    kind = spec.get("kind", "clause")
    d = RDoc(title=spec.get("title", "ANNEXE AU CCAP – CLAUSE SOCIALE D'INSERTION"),
             subtitle=f"{c.b['name']} – {c.objet} – Réf. {c.ref}",
             num=spec.get("num", "typed"), l1=spec.get("l1", "%1."), l2=spec.get("l2", "%1.%2"),
             header=spec.get("header", ""), footer=spec.get("footer", "pages"), bullet=spec.get("bullet", "•"))
    el = clause_elements(c, nums, "annex")
    if kind == "clause":
        # the whole clause (layout annex, or the CCAP-less folder of CS105)
        parts = [("Objet et fondement", el["obj"]), ("Volume d'heures", el["vol"]),
                 ("Personnes éligibles", el["pub"]), ("Modalités de réalisation", el["mod"]),
                 ("Facilitateur", el["fac"]), ("Suivi et justificatifs", el["ctl"]), ("Sanctions", el["pen"])]
        for t, bl in parts:
            if not bl:
                continue
            d.h(1, t)
            d.blocks += bl
        if spec.get("engage_sign"):
            d.h(1, "Engagement du candidat")
            d.p("Je soussigné(e) ………………………………, agissant pour le compte de ………………………………, m'engage à réaliser "
                "l'action d'insertion décrite ci-dessus.")
            d.p("Fait à ……………………, le ……………………  Signature et cachet :")
    elif kind == "spread":
        # the part of the clause left to the annex (the CCAP refers to it)
        parts = []
        if c.place("public") == "annex":
            parts.append(("Personnes éligibles", el["pub"]))
        if c.place("modal") == "annex":
            parts.append(("Modalités de réalisation des heures", el["mod"]))
        if c.place("facil") == "annex":
            parts.append(("Facilitateur de la clause", el["fac"]))
        if c.place("control") == "annex":
            parts.append(("Suivi de l'exécution", el["ctl"]))
        if c.place("pen") == "annex":
            parts.append(("Sanctions", el["pen"]))
        for t, bl in parts:
            if not bl:
                continue
            d.h(1, t)
            d.blocks += bl
    elif kind == "engagement":
        d.p("Le candidat s'engage, pour chaque lot auquel il répond, à réaliser le volume d'heures d'insertion "
            "fixé par le CCAP au titre de la condition d'exécution sociale (article L. 2112-2 du code de la "
            "commande publique).")
        rows = [["Lot", "Intitulé", "Heures d'insertion à réaliser", "Case à cocher"]]
        for l in c.lots:
            h = c.hours(l, "annex")
            if l.cover == "oui" and h is None:
                continue
            cell = f"{fmt_n(h, c.sep)} heures{X.hour_unit(c)}" if h is not None else X.hours_cell(c, l, "annex")
            rows.append([l.n, l.title, cell, "☐ je m'engage" if l.cover == "oui" else "—"])
        d.t(rows)
        if "modal" not in c.omit:
            d.p("Modalité envisagée (plusieurs réponses possibles) : ☐ recrutement direct ☐ mise à disposition "
                "(ETTI, AI, GEIQ) ☐ sous-traitance ou co-traitance avec une SIAE, une EA ou un ESAT.")
        if c.facil and not c.err("CS304"):
            f = c.facil
            d.p([f"Facilitateur : {f['struct']} – {f['phone']} – ", X.email_seg(c)])
        d.p("Fait à ……………………, le ……………………  Signature du candidat :")
    elif kind == "liaison":
        d.p("La présente fiche est complétée par le titulaire et remise au facilitateur dans le mois qui suit la "
            "notification. Elle précise l'organisation retenue pour réaliser les heures d'insertion.")
        l = c.lots[0]
        d.t([["Rubrique", "À compléter"],
             ["Volume d'heures d'insertion", f"{fmt_n(c.hours(l, 'annex'), c.sep)} heures par an"],
             ["Modalité retenue", "☐ recrutement direct ☐ ETTI / AI / GEIQ ☐ sous-traitance SIAE, EA, ESAT"],
             ["Postes proposés", "………………………………"],
             ["Référent du titulaire", "………………………………"]])
        if c.facil:
            f = c.facil
            d.p(f"Facilitateur : {f['struct']}, {f['person']}, {f['phone']}, {f['email']}.")
        d.p("Le titulaire joint à la fiche le planning prévisionnel des recrutements. Il tient à jour, avec le "
            "facilitateur, le tableau de suivi des heures prévu au CCAP.")
        d.blocks.append(("scan", ["Fiche de liaison – page de signature", "Cachet de l'entreprise :",
                                  "Nom et qualité du signataire : ………………………", "Fait à ……………… le ………………",
                                  "Visa du facilitateur :"]))
    return d


# =================================================================== AE
def ae_commit_blocks(c, nums, lots, role="ae"):
    out = []
    art = nums.get("clause")
    where = f"l'article {art} du CCAP" if art and c.layout != "annex" else \
        c.d.get("annex_ref_ae", "l'annexe du CCAP relative à la clause sociale")
    if c.layout == "annex" or not art:
        where = c.d.get("annex_ref_ae", where)
    if c.hmode == "rate_only":
        out.append(P("Le titulaire s'engage à réaliser l'action d'insertion prévue par " + where + ", en y "
                     "consacrant 5 % des heures travaillées pour l'exécution des prestations."))
        return out
    v = c.pick("aecommit", 2)
    rows = [["Lot", "Intitulé", "Heures d'insertion"]]
    lines = []
    for l in lots:
        h = c.hours(l, role)
        if l.cover == "oui" and h is None:
            continue
        cell = f"{fmt_n(h, c.sep)} heures{X.hour_unit(c)}" if h is not None else X.hours_cell(c, l, role)
        if c.hmode == "min_annual" and h is not None:
            cell = f"au minimum {fmt_n(h, c.sep)} heures{X.hour_unit(c)}"
        if c.hmode == "rate_fig" and h is not None:
            cell = f"5 % des heures travaillées, soit {fmt_n(h, c.sep)} heures par an"
        rows.append([("Unique" if l.n == "unique" else l.n), l.title, cell])
        lines.append((l, cell))
    if c.total_line.get(role):
        rows.append(["", "Total", f"{fmt_n(c.total_line[role], c.sep)} heures"])
    if v == 0 or len(lots) > 1:
        out.append(P("Au titre de la condition d'exécution sociale prévue par " + where + ", je m'engage à "
                     "réaliser le volume d'heures d'insertion suivant :"))
        out.append(T(rows))
    else:
        l, cell = lines[0]
        out.append(P("Au titre de la condition d'exécution sociale prévue par " + where + ", je m'engage à "
                     f"réaliser {cell} d'insertion professionnelle." if "heures" in cell else
                     "Au titre de la condition d'exécution sociale prévue par " + where + f" : {cell}."))
    return out


def build_ae(c, nums, lot=None):
    spec = c.files["ae"]
    title = "ACTE D'ENGAGEMENT" + (f" – LOT N° {lot.n}" if lot else "")
    d = RDoc(title=title, subtitle=f"{c.b['name']} – {c.objet} – Réf. {c.ref}",
             num=spec.get("num", "typed"), l1=spec.get("l1", "%1."), header=spec.get("header", ""),
             footer=spec.get("footer", "pages"))
    d.h(1, "Objet de l'acte d'engagement")
    if lot:
        d.p(f"Le présent acte d'engagement concerne le lot n° {lot.n} : {lot.title}.")
    else:
        d.p(f"Le présent acte d'engagement concerne : {c.objet[0].lower() + c.objet[1:]}" +
            ("." if c.single else " ; le candidat indique ci-dessous le ou les lots auxquels il répond."))
    d.h(1, "Identification du candidat")
    d.p("Raison sociale : ……………………………………  Forme juridique : ……………………  SIRET : ……………………………")
    d.p("Adresse : ……………………………………………………  Courriel : ……………………………")
    d.h(1, "Engagement")
    d.p("Après avoir pris connaissance des pièces du marché, je m'engage, sans réserve, à exécuter les "
        "prestations aux prix indiqués dans le bordereau des prix unitaires, l'offre me liant pendant 120 jours "
        "à compter de la date limite de remise des offres.")
    if c.clause and not c.err("CS103"):
        lots = [lot] if lot else c.lots
        if lot and lot.cover != "oui" and lot.cover not in ("tranche", "bc", "adefinir"):
            why = "fourniture seule" if lot.cover == "fourniture" else "lot réservé"
            d.h(1, "Clause sociale d'insertion")
            d.p(f"Ce lot n'est pas concerné par la clause sociale d'insertion ({why}).")
        else:
            d.h(1, "Clause sociale d'insertion")
            d.blocks += ae_commit_blocks(c, nums, lots)
    d.h(1, "Paiement")
    d.p("L'acheteur se libère des sommes dues en faisant porter le montant au crédit du compte ouvert au nom "
        "du titulaire (joindre un RIB).")
    d.h(1, "Signature")
    d.p("Fait à ……………………, le ……………………")
    d.p("Le candidat (signature et cachet)                L'acheteur (signature)")
    return d


# =================================================================== AAPC
def avis_blocks(c):
    """Body of the notice (list of blocks), in sections I to VI."""
    b = c.b
    spec = c.files["avis"]
    mention = spec.get("mention", "full")
    out = [("h", 1, ["Section I – Acheteur"], {}),
           ("p", [f"{b['name']}, {b['addr']}. Profil d'acheteur : plateforme de dématérialisation de l'acheteur."], {}),
           ("h", 1, ["Section II – Objet"], {}),
           ("p", [f"{c.objet}. " + ("Accord-cadre à bons de commande avec minimum et maximum annuels. "
                                    if c.ac else "") + duration_text(c)], {})]
    if not c.single:
        out.append(("p", ["Lots : " + " ; ".join(f"lot {l.n} – {l.title}" for l in c.lots) + "."], {}))
    out.append(("h", 1, ["Section III – Renseignements d'ordre juridique"], {}))
    if mention == "full":
        cov = [l.n for l in c.lots if l.cover in ("oui", "tranche", "bc", "adefinir")]
        lt = "l'ensemble du marché" if c.single else X.lots_phrase(cov)
        out.append(("p", ["Conditions particulières d'exécution : le marché comporte une clause sociale "
                          f"d'insertion (condition d'exécution, article L. 2112-2 du code de la commande "
                          f"publique) pour {lt}."], {}))
        for l in c.lots:
            if l.cover == "reserve":
                out.append(("p", [f"Le lot {l.n} est réservé à des entreprises adaptées et à des établissements et "
                                  "services d'aide par le travail, en application de l'article L. 2113-12 du code "
                                  "de la commande publique."], {}))
    elif mention == "env":
        out.append(("p", ["Conditions particulières d'exécution : le titulaire emploie des produits écolabellisés, "
                          "trie et valorise les déchets produits sur les sites et limite les déplacements à vide "
                          "de ses véhicules."], {}))
    elif mention == "reserve":
        out.append(("p", ["Marché réservé, en application de l'article L. 2113-13 du code de la commande publique, "
                          "aux structures d'insertion par l'activité économique (article L. 5132-4 du code du "
                          "travail) et aux structures équivalentes."], {}))
    elif mention == "none":
        pass
    out.append(("p", ["Conditions de participation : formulaires DC1 et DC2 ou document unique de marché "
                      "européen ; chiffre d'affaires minimal non exigé."], {}))
    out.append(("h", 1, ["Section IV – Procédure"], {}))
    dl = c.launch + dt.timedelta(days=35)
    while dl.weekday() > 4:
        dl += dt.timedelta(days=1)
    proc = "Appel d'offres ouvert" if c.value() >= c.threshold() else "Procédure adaptée"
    out.append(("p", [f"{proc}. Date limite de réception des offres : {fr_date(dl, 'short')} à 12 h 00. "
                      "Critères : prix 55 %, valeur technique 40 %, performance environnementale 5 %."], {}))
    out.append(("h", 1, ["Section VI – Renseignements complémentaires"], {}))
    out.append(("p", ["Visite des sites conseillée. Instance chargée des recours : tribunal administratif "
                      "territorialement compétent."], {}))
    out.append(("p", [f"Date d'envoi du présent avis à la publication : {fr_date(c.launch, 'short')}"], {}))
    return out


def build_avis(c):
    spec = c.files["avis"]
    d = RDoc(title=spec.get("title", "AVIS D'APPEL PUBLIC À LA CONCURRENCE"),
             subtitle=f"{c.b['name']} – Réf. {c.ref}", num="none", header=spec.get("header", ""),
             footer=spec.get("footer", "pages"))
    body = avis_blocks(c)
    if spec.get("cols"):
        d.p("Le présent avis est publié sur le profil d'acheteur et au Bulletin officiel des annonces des "
            "marchés publics. Il est présenté sur deux colonnes à la page suivante.")
        d.blocks.append(("cols", body))
        d.p("Fin de l'avis.")
    else:
        d.blocks += body
    return d


# =================================================================== CCTP
def build_cctp(c):
    spec = c.files["cctp"]
    d = RDoc(title="CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES",
             subtitle=f"{c.b['name']} – {c.objet} – Réf. {c.ref}", num=spec.get("num", "typed"),
             l1=spec.get("l1", "%1."), header=spec.get("header", ""), footer=spec.get("footer", "pages"))
    d.h(1, "Objet")
    d.p(f"Le présent CCTP décrit les prestations attendues au titre du marché « {c.objet} ».")
    d.h(1, "Description des prestations")
    for t in c.d.get("cctp_text", []):
        d.p(t)
    d.h(1, "Moyens du titulaire")
    d.p("Le titulaire dispose du personnel, du matériel et des produits nécessaires. Il communique la liste "
        "nominative des intervenants et la tient à jour.")
    d.h(1, "Qualité et contrôle")
    d.p("Un contrôle contradictoire des prestations est réalisé chaque mois ; ses résultats sont consignés dans "
        "une grille signée des deux parties.")
    return d


# =================================================================== price workbooks
def price_sheets(c, kind):
    sheets = [("Notice", [[f"{kind} – {c.objet}"], [f"Acheteur : {c.b['name']}"], [f"Référence : {c.ref}"],
                          ["Les prix sont exprimés en euros hors taxes. Une feuille par lot."]])]
    items = c.d.get("price_items", [("Prestation courante", "forfait mensuel"), ("Prestation ponctuelle", "heure"),
                                     ("Intervention d'urgence", "unité")])
    for l in c.lots:
        rows = [["N°", "Désignation", "Unité", "Prix unitaire HT"] + (["Quantité estimée", "Montant HT"]
                                                                       if kind == "DQE" else [])]
        for i, (des, unit) in enumerate(items, start=1):
            r = [f"{l.n}.{i}", des, unit, ""]
            if kind == "DQE":
                r += [12 * i, ""]
            rows.append(r)
        name = "Lot unique" if l.n == "unique" else f"Lot {l.n}"
        sheets.append((name, rows))
    return sheets
