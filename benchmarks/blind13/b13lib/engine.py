"""Writes the pieces of one consultation of the thirteenth blind corpus from its description
(cases.py) and derives its answer key. All wording is in texts.py or here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import nums
from .nums import amount as fmt_amount, grp, hours as fmt_hours, words
from .texts import BUYERS, FACS, ROMAN, fr_date, up
from .writers import D

EU_WORKS = 5_404_000
EU_LOCAL = 216_000
CLIMAT = "2026-08-21"


@dataclass
class Lot:
    num: str
    title: str
    amount: int
    trade: str
    status: str = "covered"        # covered | low | supply | reserved | tbd
    stated: int | None = None      # hours written in the pieces (planted CS403 / CS405)
    by: dict = field(default_factory=dict)   # hours by piece role (planted CS401)
    omit: set = field(default_factory=set)   # roles whose lot list lacks this lot (CS404)

    @property
    def computed(self):
        return nums.computed(self.amount, self.trade)

    def hours_for(self, role):
        if self.status not in ("covered",):
            return None
        if role in self.by:
            return self.by[role]
        if self.stated is not None:
            return self.stated
        return self.computed


class Case:
    def __init__(self, d):
        self.d = d
        self.id = d["id"]
        self.name = f"{d['id']}-{d['slug']}"
        self.zip = d.get("zip", False)
        self.buyer = BUYERS[d["buyer"]]
        self.fac = FACS[d["fac"]] if d.get("fac") else None
        self.nature = d.get("nature", "travaux")
        self.ccag = "CCAG-Travaux" if self.nature == "travaux" else "CCAG-FCS"
        self.ccag_art = "20.1" if self.nature == "travaux" else "16.1"
        self.ac = d.get("ac")  # {"years": 4}
        self.unique = d.get("unique", False)
        self.lots = [Lot(*l[:4], **(l[4] if len(l) > 4 else {})) for l in d["lots"]]
        self.launch = d["launch"]
        self.review = d["review"]
        self.o = dict(DEFAULTS)
        self.o.update(d.get("o", {}))
        self.errs = list(d.get("errs", []))
        self.files = d["files"]
        self.mode = d.get("mode", "clause")  # clause | noclause | sans | derog
        self.objet = d["objet"]
        self.ref = d["ref"]
        self.mandant = d.get("mandant")

    # ---- facts
    def err(self, code):
        return code in self.errs

    @property
    def has_clause(self):
        return self.mode == "clause"

    @property
    def value(self):
        s = sum(l.amount for l in self.lots)
        return s * (self.ac["years"] if self.ac else 1)

    @property
    def threshold(self):
        return EU_WORKS if self.nature == "travaux" else EU_LOCAL

    @property
    def obliged(self):
        return self.value >= self.threshold and self.launch >= CLIMAT

    @property
    def formal(self):
        return self.value >= self.threshold

    def covered(self):
        return [l for l in self.lots if l.status in ("covered", "tbd")]

    def H(self, n):
        return fmt_hours(n, self.o["hfmt"], self.o["hsep"])

    def A(self, a, style=None):
        return fmt_amount(a, style or self.o["afmt"], self.o["asep"])

    def lotname(self, l):
        return f"Lot {l.num} – {l.title}"


DEFAULTS = dict(
    ccap_style="article", name="clause", hours_in="table", hfmt="heures", hsep="space",
    afmt="plain", asep="space", keur=False, pen="inline", split=False, fac_fn=False, basis_fn=False,
    rc_hours=False, rc_fac=False, typo=False, pen_hour="smic15", pen_docs="day", merged_hdr=False,
    vmerge_nc=False, total_row=False, box_total=None, ae="table", history=False, variantes_sans=False,
    env_sans=False, date_style="long", cctp_lots=False, ae_share=False, ae_label="table",
    pub_style="list", mod_style="list", suivi_style=0, clause_title=None, mo=True,
    tracked_delay=False, comment=None, per_year_hint=None,
)


# ====================================================================== clause elements
def clause_name(c):
    return "action d'insertion" if c.o["name"] == "action" else "clause d'insertion"


def nm_def(c):
    return "l'action d'insertion" if c.o["name"] == "action" else "la clause d'insertion"


def clause_title(c):
    if c.o["clause_title"]:
        return c.o["clause_title"]
    return "Action d'insertion" if c.o["name"] == "action" else "Clause d'insertion par l'activité économique"


def basis_sentence(c, ref_annex=False):
    """Object and legal basis of the clause (the planted CS201 / CS202 / CS203 live here)."""
    nm = clause_name(c)
    ccag = f"l'article {c.ccag_art} du {c.ccag} approuvé par l'arrêté du 30 mars 2021"
    if c.err("CS203") and c.o.get("cs203") == "art":
        ccag = c.o["cs203_text"]
    if c.obliged:
        core = ("articles L2112-2 et L2112-2-1 du code de la commande publique, la valeur estimée du marché "
                "atteignant le seuil européen applicable")
        laws_a, laws_de = "aux " + core, "des " + core
    else:
        core = "article L2112-2 du code de la commande publique"
        laws_a, laws_de = "à l'" + core, "de l'" + core
    public = "" if c.err("CS302") else (
        " au bénéfice de personnes rencontrant des difficultés sociales ou professionnelles particulières")
    if c.err("CS202"):
        return (f"En application de {c.o['cs202_text']}, le titulaire réalise une action d'insertion dans les conditions "
                f"du présent article et de {ccag}.")
    if c.err("CS201") and c.o.get("cs201") == "footnote":
        return (f"Le titulaire réalise une action d'insertion{public}, condition d'exécution du marché"
                f"{{{{fn:{c.o['cs201_text']}}}}}, dans les conditions du présent article et de {ccag}.")
    if c.o["history"]:
        return (f"Le titulaire réalise une action d'insertion{public}. Ce dispositif, introduit à l'origine par "
                "l'article 14 de l'ancien code des marchés publics de 2006, aujourd'hui abrogé, relève "
                f"désormais {laws_de} ; il est mis en œuvre selon {ccag}.")
    if c.o["basis_fn"]:
        fn = ("Articles L2112-2 et L2112-2-1 du code de la commande publique" if c.obliged
              else "Article L2112-2 du code de la commande publique")
        fn += f" ; article {c.ccag_art} du {c.ccag} (arrêté du 30 mars 2021)."
        return (f"Le marché comporte une condition d'exécution à caractère social{{{{fn:{fn}}}}} : le "
                f"titulaire réalise une action d'insertion{public}.")
    return (f"Conformément {laws_a}, le marché comporte une condition d'exécution à caractère social : le "
            f"titulaire réalise une action d'insertion{public}. Elle est mise en œuvre selon {ccag}, complété par les "
            "stipulations ci-après.")


def hours_rows(c, role, merged=None, share=False, with_amount=False, total=None):
    """Table of hours per lot for the piece `role`. Non-covered lots are listed with « Non
    concerné », in a vertically merged cell when the case says so."""
    lots = [l for l in c.lots if role not in l.omit]
    merged = c.o["merged_hdr"] if merged is None else merged
    head_ins = "Action d'insertion" if c.o["name"] == "action" else "Clause d'insertion"
    unit = "Heures d'insertion par an" if c.ac else "Heures d'insertion"
    rows = []
    if share:
        if merged:
            rows.append([{"t": "Lot", "rs": 2}, {"t": "Désignation", "rs": 2},
                         {"t": "Action d'insertion", "cs": 3}, None, None])
            rows.append([None, None, "Heures de main-d'œuvre estimées", "Part réservée", "Heures d'insertion"])
        else:
            rows.append(["Lot", "Désignation", "Heures de main-d'œuvre estimées", "Part réservée",
                         "Heures d'insertion"])
    elif with_amount:
        if merged:
            hdr_amt = "Estimation (k€ HT)" if c.o["keur"] else "Estimation (€ HT)"
            rows.append([{"t": "Lot", "rs": 2}, {"t": "Désignation", "rs": 2}, {"t": hdr_amt, "rs": 2},
                         {"t": head_ins, "cs": 2}, None])
            rows.append([None, None, None, "Concerné", unit])
        else:
            rows.append(["Lot", "Désignation", "Estimation (€ HT)", unit])
    else:
        if merged:
            rows.append([{"t": "Lot", "rs": 2}, {"t": "Désignation", "rs": 2}, {"t": head_ins, "cs": 2}, None])
            rows.append([None, None, "Concerné", unit])
        else:
            rows.append(["Lot", "Désignation", unit])
    nh = len(rows)
    body = []
    for l in lots:
        h = l.hours_for(role)
        if share:
            if l.status == "covered":
                body.append([l.num, l.title, grp(nums.labour_hours(l.amount, l.trade), c.o["hsep"]), "5 %",
                             c.H(h)])
            else:
                body.append([l.num, l.title, "—", "—", nc_label(c, l)])
            continue
        amt = []
        if with_amount:
            amt = [fmt_amount(l.amount, "keur", c.o["asep"]) if c.o["keur"] else c.A(l.amount, "plain")]
        if merged:
            if l.status == "covered":
                body.append([l.num, l.title] + amt + ["Oui", c.H(h)])
            elif l.status == "tbd":
                body.append([l.num, l.title] + amt + ["Oui", c.o["tbd_text"]])
            else:
                body.append([l.num, l.title] + amt + [{"t": nc_label(c, l), "cs": 2}, None])
        else:
            if l.status == "covered":
                body.append([l.num, l.title] + amt + [c.H(h)])
            elif l.status == "tbd":
                body.append([l.num, l.title] + amt + [c.o["tbd_text"]])
            else:
                body.append([l.num, l.title] + amt + [nc_label(c, l)])
    # vertical merge of consecutive « Non concerné » cells (same label)
    if c.o["vmerge_nc"] and merged and not share:
        i = 0
        while i < len(body):
            r = body[i]
            cell = r[-2]
            if isinstance(cell, dict) and cell.get("cs") == 2:
                j = i + 1
                while (j < len(body) and isinstance(body[j][-2], dict)
                       and body[j][-2]["t"] == cell["t"]):
                    j += 1
                if j - i > 1:
                    cell["rs"] = j - i
                    for k in range(i + 1, j):
                        body[k][-2] = None
                        body[k][-1] = None
                i = j
            else:
                i += 1
    rows.extend(body)
    if total is not None:
        ncol = len(rows[0])
        rows.append([{"t": "Total", "cs": ncol - 1}] + [None] * (ncol - 2) + [c.H(total)])
    return rows, nh


def nc_label(c, l):
    if c.o["vmerge_nc"]:
        return "Non concerné"
    if l.status == "supply":
        return "Non concerné (fourniture)"
    if l.status == "reserved":
        return "Non concerné (lot réservé)"
    return "Non concerné"


def hours_total(c, role):
    return sum(l.hours_for(role) for l in c.lots if l.status == "covered" and role not in l.omit)


def not_covered_sentence(c):
    out = []
    low = [l for l in c.lots if l.status == "low"]
    sup = [l for l in c.lots if l.status == "supply"]
    res = [l for l in c.lots if l.status == "reserved"]
    if low:
        out.append(f"{plural_lots(low)} {'n’est' if len(low) == 1 else 'ne sont'} pas concerné"
                   f"{'' if len(low) == 1 else 's'} : le volume calculé y reste inférieur à 70 heures.")
    if sup:
        out.append(f"{plural_lots(sup)} porte{'' if len(sup) == 1 else 'nt'} sur une fourniture livrée sans "
                   "intervention sur site et n'est pas soumis à la clause." if len(sup) == 1 else
                   f"{plural_lots(sup)} portent sur des fournitures livrées sans intervention sur site et ne "
                   "sont pas soumis à la clause.")
    if res:
        out.append(f"{plural_lots(res)} est réservé aux structures d'insertion par l'activité économique "
                   "(article L2113-13 du code de la commande publique) : aucune heure n'y est demandée.")
    return " ".join(out)


def plural_lots(ls):
    if len(ls) == 1:
        return f"Le lot {ls[0].num}"
    return "Les lots " + ", ".join(l.num for l in ls[:-1]) + f" et {ls[-1].num}"


def covered_list(c):
    ls = [l.num for l in c.covered()]
    if len(ls) == 1:
        return f"le lot {ls[0]}"
    nums_ = [int(x) for x in ls if x.isdigit()]
    if len(nums_) == len(ls) and nums_ == list(range(nums_[0], nums_[-1] + 1)) and len(ls) > 2:
        return f"les lots {ls[0]} à {ls[-1]}"
    return "les lots " + ", ".join(ls[:-1]) + f" et {ls[-1]}"


def volume_blocks(c, role="CCAP"):
    """The hours, in the form the case asks for."""
    out = []
    form = c.o["hours_in"]
    nm = clause_name(c)
    per = " par an" if c.ac else ""
    if c.err("CS301") and c.o.get("cs301") == "all":
        out.append(("p", c.o["cs301_text"], {}))
        return out
    if c.unique:
        l = c.lots[0]
        h = l.hours_for(role)
        if c.ac:
            out.append(("p", f"Le titulaire réalise au minimum {c.H(h)} d'insertion par an, soit "
                              f"{c.H(h * c.ac['years'])} sur la durée maximale de l'accord-cadre "
                              f"({c.ac['years']} ans).", {}))
        else:
            s = f"Le volume d'heures d'insertion à réaliser est fixé à {c.H(h)} pour la durée du marché."
            if c.o["per_year_hint"]:
                s += f" {c.o['per_year_hint']}"
            out.append(("p", s, {}))
        return out
    intro = {
        "table": f"Le nombre minimal d'heures d'insertion{per} à réaliser par le titulaire de chaque lot est fixé "
                 "comme suit :",
        "box": f"Le volume d'heures d'insertion{per} exigé pour chaque lot figure dans l'encadré ci-dessous.",
        "frame": f"Le volume d'heures d'insertion{per} demandé pour chaque lot est rappelé dans le cadre ci-après.",
        "list": f"Chaque titulaire réalise au minimum le nombre d'heures d'insertion{per} suivant :",
        "share": ("L'action d'insertion représente 5 % des heures de main-d'œuvre estimées par le maître "
                  "d'ouvrage pour chaque lot ; le nombre d'heures d'insertion qui en résulte constitue "
                  "l'engagement du titulaire :"),
    }[form]
    out.append(("p", intro, {}))
    if form in ("table", "share"):
        tot = hours_total(c, role) if c.o["total_row"] else None
        if c.err("CS402") and c.o.get("cs402") == "row":
            tot = hours_total(c, role) + c.o["cs402_delta"]
        rows, nh = hours_rows(c, role, share=(form == "share"), total=tot)
        out.append(("t", rows, {"hdr": nh, "bold_last": tot is not None,
                                "tracked": None}))
    elif form in ("box", "frame"):
        lines = []
        for l in c.lots:
            if role in l.omit:
                continue
            if l.status == "covered":
                lines.append(f"{c.lotname(l)} : {c.H(l.hours_for(role))}{per}")
            elif l.status == "tbd":
                lines.append(f"{c.lotname(l)} : {c.o['tbd_text']}")
        if c.o["total_row"]:
            lines.append(f"Total des lots : {c.H(hours_total(c, role))}{per}")
        if form == "box":
            out.append(("box", "À retenir", lines))
        else:
            out.append(("frame", ["À RETENIR"] + lines))
    elif form == "list":
        for l in c.lots:
            if l.status == "covered":
                out.append(("li", f"{c.lotname(l)} : {c.H(l.hours_for(role))}{per} ;"))
            elif l.status == "tbd":
                out.append(("li", f"{c.lotname(l)} : {c.o['tbd_text']} ;"))
    if c.ac:
        yrs = c.ac["years"]
        tot = hours_total(c, role)
        out.append(("p", f"Ces volumes sont annuels ; sur la durée maximale de l'accord-cadre ({yrs} ans), "
                         f"l'engagement représente {c.H(tot * yrs)} pour l'ensemble des lots concernés.", {}))
    nc = not_covered_sentence(c)
    if nc:
        out.append(("p", nc, {}))
    if c.err("CS402") and c.o.get("cs402") == "box":
        out.append(("box", "À retenir", [
            f"Volume global de {nm_def(c)} : {c.H(hours_total(c, role) + c.o['cs402_delta'])} pour l'ensemble des lots.",
            "Le détail par lot figure au tableau ci-dessus.",
            "Le facilitateur accompagne gratuitement les entreprises." if not c.err("CS304") else
            "Les heures sont contrôlées à la réception des travaux."]))
    out.append(("p", "Les heures retenues sont les heures de travail effectivement accomplies par les personnes "
                     "en insertion sur le marché ; les heures de formation suivies pendant le contrat sont prises en "
                     "compte lorsqu'elles sont liées au poste occupé.", {}))
    return out


def publics_blocks(c):
    if c.err("CS302"):
        return []
    fac_ok = not (c.err("CS304") and c.o.get("cs304") == "none")
    val = ", après validation de leur éligibilité par le facilitateur," if fac_ok else ""
    out = []
    pole = ""
    if c.err("CS204") and c.o.get("cs204") == "footnote":
        pole = f"{{{{fn:{c.o['cs204_text']}}}}}"
    items = [
        f"les demandeurs d'emploi de longue durée, inscrits à France Travail depuis au moins douze mois{pole} ;",
        "les allocataires du revenu de solidarité active (RSA), de l'allocation de solidarité spécifique (ASS) "
        "ou de l'allocation aux adultes handicapés (AAH) ;",
        "les travailleurs reconnus handicapés (RQTH) ;",
        "les jeunes de moins de 26 ans sortis du système scolaire sans diplôme ou peu qualifiés ;",
        "les demandeurs d'emploi âgés de 50 ans et plus ;",
        "les habitants des quartiers prioritaires de la politique de la ville (QPV) ;",
    ]
    if c.o["mo"]:
        items.append("les personnes titulaires d'un PASS IAE, notamment les salariés des structures d'insertion "
                     "par l'activité économique.")
    else:
        items.append("les personnes titulaires d'un PASS IAE.")
    if c.err("CS204") and c.o.get("cs204") == "agrement":
        items[-1] = "les personnes titulaires d'un agrément Pôle emploi."
    if c.o["pub_style"] == "list":
        out.append(("p", f"Peuvent être recrutées au titre de la clause{val} les personnes sans emploi "
                         "qui rencontrent des difficultés particulières d'accès à l'emploi, notamment :", {}))
        for it in items:
            out.append(("li", it))
    else:
        out.append(("p", f"Sont éligibles{val} les personnes éloignées de l'emploi, en particulier "
                         + " ".join(x.rstrip(" ;.") + ";" for x in items).rstrip(";") + ".", {}))
    extra = ("D'autres personnes rencontrant des difficultés sociales ou professionnelles peuvent être retenues "
             "sur avis motivé du facilitateur." if fac_ok else
             "D'autres personnes rencontrant des difficultés sociales ou professionnelles peuvent être retenues "
             "sur avis motivé d'un organisme prescripteur (mission locale, Cap emploi, France Travail).")
    if c.err("CS204") and c.o.get("cs204") == "direccte":
        extra += " " + c.o["cs204_text"]
    out.append(("p", extra, {}))
    return out


def modalites_blocks(c):
    if c.err("CS303"):
        return []
    out = []
    if c.o["mod_style"] == "list":
        out.append(("p", "Le titulaire choisit librement la ou les modalités de réalisation de son engagement :", {}))
        who = "" if c.err("CS302") else " de personnes éligibles"
        out.append(("li", f"l'embauche directe{who}, par le titulaire ou ses sous-traitants (CDI, "
                          "CDD, contrat d'apprentissage ou de professionnalisation) ;"))
        out.append(("li", "la mise à disposition de salariés par une entreprise de travail temporaire d'insertion "
                          "(ETTI), une association intermédiaire (AI), un groupement d'employeurs pour l'insertion et "
                          "la qualification (GEIQ) ou une entreprise de travail temporaire ;"))
        out.append(("li", "la sous-traitance ou la co-traitance d'une partie des prestations avec une entreprise "
                          "d'insertion, un atelier et chantier d'insertion, une entreprise adaptée ou un ESAT."))
    else:
        who = "" if c.err("CS302") else " de personnes éligibles"
        out.append(("p", f"L'engagement peut être tenu par recrutement direct{who}, par le recours "
                         "à des salariés mis à disposition par une ETTI, une AI, un GEIQ ou une entreprise de travail "
                         "temporaire, ou en confiant une part des prestations, en sous-traitance ou en co-traitance, à "
                         "une entreprise d'insertion, un atelier et chantier d'insertion, une entreprise adaptée ou un "
                         "ESAT. Ces modalités peuvent être combinées.", {}))
    return out


def fac_blocks(c):
    f = c.fac
    if c.err("CS304"):
        if c.o.get("cs304") == "none":
            return []
        return [("p", f"Le titulaire peut solliciter l'appui de la {f['struct']}, qui exerce la mission de "
                      "facilitateur de la clause sur le territoire." if f["struct"].startswith(("Maison", "Mission",
                                                                                                   "Cellule"))
                 else f"Le titulaire peut solliciter l'appui du {f['struct']}, qui exerce la mission de "
                      "facilitateur de la clause sur le territoire.", {})]
    art = "la" if f["struct"].startswith(("Maison", "Mission", "Cellule")) else "le"
    help_ = ("Le facilitateur aide le titulaire à identifier les candidats, lui présente des partenaires et suit "
             "la réalisation des heures.")
    if c.o["fac_fn"]:
        return [("p", f"Le titulaire bénéficie gratuitement de l'appui du facilitateur de la clause, {art} "
                      f"{f['struct']} ({f['person']}{{{{fn:Courriel : {f['mail']}.}}}}). {help_}", {})]
    return [("p", f"Le titulaire bénéficie gratuitement de l'appui du facilitateur de la clause : {art} "
                  f"{f['struct']}, {f['person']}, tél. {f['tel']}, courriel {f['mail']}. {help_}", {})]


def suivi_blocks(c):
    if c.err("CS305"):
        return []
    dest = "maître d'ouvrage" if (c.err("CS304") and c.o.get("cs304") == "none") else "facilitateur"
    if c.o["suivi_style"] == 0 and c.o["mo"]:
        return [("p", f"Dans les quinze jours suivant la notification, le titulaire adresse au {dest} une fiche de "
                      "liaison indiquant les postes ouverts à l'insertion et la modalité retenue. Il transmet ensuite, "
                      "au plus tard le 10 de chaque mois, un état des heures réalisées le mois précédent par chaque "
                      "participant (identifiant, public, employeur, type de contrat, heures), avec les justificatifs : "
                      "contrats de travail ou de mission, relevés d'heures, factures de l'ETTI, de l'AI, du GEIQ ou de "
                      "la structure sous-traitante.", {}),
                ("p", "Un bilan final est remis avec le projet de décompte final ; le facilitateur établit alors "
                      "une attestation de réalisation." if dest == "facilitateur" else
                      "Un bilan final est remis avec le projet de décompte final.", {})]
    return [("p", f"Le titulaire remet chaque trimestre au {dest} un tableau de suivi des heures effectuées, "
                  "accompagné des copies des contrats et des bulletins de salaire ou relevés d'heures "
                  "correspondants, puis un bilan final dans le mois qui suit la fin des prestations.", {})]


def pen_hour_text(c):
    if c.err("CS306"):
        return None
    if c.err("CS307"):
        return c.o["cs307_text"]
    return {
        "smic15": "Lorsque le nombre d'heures réalisées est inférieur à l'engagement, le titulaire supporte, pour "
                  "chaque heure manquante, une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date "
                  "du constat.",
        "eur35": "Chaque heure d'insertion non réalisée donne lieu à une pénalité de 35 € HT.",
        "formula2": "Les heures non réalisées sont sanctionnées par une pénalité P = Hm × 2 × S, où Hm est le "
                    "nombre d'heures manquantes constaté au bilan et S le SMIC horaire brut applicable au jour du "
                    "constat.",
        "eur40": "Une pénalité forfaitaire de 40 € HT est appliquée par heure non effectuée, dans la limite de "
                 "5 % du montant du marché.",
    }[c.o["pen_hour"]]


def pen_docs_text(c):
    if c.err("CS308") or c.err("CS305"):
        return None
    return {
        "day": "Le retard dans la remise des documents de suivi, après mise en demeure restée sans effet pendant "
               "huit jours, est sanctionné par une pénalité de 100 € HT par jour de retard.",
        "doc": "Chaque document de suivi non remis à l'échéance prévue entraîne une pénalité forfaitaire de "
               "150 € HT.",
    }[c.o["pen_docs"]]


def pen_blocks(c):
    out = []
    for t in (pen_hour_text(c), pen_docs_text(c)):
        if t:
            out.append(("p", t, {}))
    return out


# ====================================================================== the CCAP
def node(title, blocks=None, kids=None, nid=None):
    return dict(title=title, blocks=list(blocks or []), kids=list(kids or []), id=nid)


def clause_node(c, annex=False):
    """The clause as a node (sub-articles) or a flat list (prose)."""
    kids = []
    obj = [("p", basis_sentence(c), {})]
    kids.append(node("Objet et fondement", obj))
    kids.append(node("Volume d'heures d'insertion", volume_blocks(c)))
    if c.o["split"]:
        kids.append(node("Publics éligibles", [("p", "Les publics éligibles sont définis à l'annexe n° 3 au présent "
                                                     "CCAP.", {})] if not c.err("CS302") else []))
    else:
        kids.append(node("Publics éligibles", publics_blocks(c)))
    kids.append(node("Modalités de réalisation", modalites_blocks(c)))
    kids.append(node("Accompagnement par le facilitateur" if not (c.err("CS304") and c.o.get("cs304") == "none")
                     else "Accompagnement", fac_blocks(c)))
    if c.o["split"]:
        kids.append(node("Suivi et contrôle", [("p", "Les documents de suivi, leurs échéances et le modèle de tableau "
                                                     "mensuel figurent à l'annexe n° 3 au présent CCAP.", {})]
                         if not c.err("CS305") else []))
    else:
        kids.append(node("Suivi et contrôle", suivi_blocks(c)))
    if c.o["pen"] == "general":
        kids.append(node("Sanctions", [("p", "Les manquements du titulaire à ses obligations d'insertion sont "
                                             "sanctionnés dans les conditions de l'§PENREF§ du présent CCAP.", {})]))
    else:
        kids.append(node("Sanctions", pen_blocks(c)))
    kids = [k for k in kids if k["blocks"]]
    if c.o["ccap_style"] == "prose":
        flat = []
        for k in kids:
            flat.extend(k["blocks"])
        return node(clause_title(c), flat, [], "clause")
    return node(clause_title(c), [], kids, "clause")


def ccap_nodes(c):
    """Sections of the CCAP. The clause is absent for CS101 (and in no-clause consultations it is
    replaced by a « sans objet » or a justification)."""
    works = c.nature == "travaux"
    sec = []
    # 1. object
    obj_txt = (f"Le présent cahier fixe les clauses administratives particulières du marché de "
               f"{'travaux' if works else ('fournitures' if c.nature == 'fournitures' else 'services')} "
               f"relatif à : {c.objet}.")
    if c.mandant:
        obj_txt += (f" {BUYERS[c.d['buyer']]['name']} agit en qualité de mandataire, au nom et pour le compte de "
                    f"{c.mandant}.")
    k1 = [node("Objet du marché", [("p", obj_txt, {})])]
    if c.unique:
        k1.append(node("Décomposition", [("p", "Le marché n'est pas alloti : les prestations forment un ensemble "
                                              "indissociable confié à un seul titulaire.", {})]))
    else:
        rows = [["Lot", "Désignation", "Délai d'exécution" if works else "Durée"]]
        for l in c.lots:
            rows.append([l.num, l.title, c.o.get("delays", {}).get(l.num, "selon le calendrier détaillé"
                                                                    if works else "durée du marché")])
        topts = {"hdr": 1}
        if c.o["tracked_delay"]:
            r, old, new = c.o["tracked_delay"]
            topts["tracked"] = (r, 2, new, old)
            rows[r][2] = new
        k1.append(node("Allotissement", [("p", f"Le marché est décomposé en {len(c.lots)} lots traités séparément :",
                                          {}), ("t", rows, topts)]))
    if works:
        k1.append(node("Maîtrise d'œuvre", [("p", "La maîtrise d'œuvre est assurée par l'atelier d'architecture "
                                                  "désigné au marché de maîtrise d'œuvre ; interlocuteur pour le chantier : "
                                                  f"M. Hugo Balestra, tél. {c.o.get('moe_tel', '01 99 00 88 40')}.", {})]))
    else:
        dur = ("L'accord-cadre à bons de commande est conclu pour une période initiale d'un an, reconductible "
               f"tacitement {c.ac['years'] - 1} fois par période d'un an, sans minimum et avec un maximum annuel "
               "fixé à l'acte d'engagement." if c.ac else
               f"Le marché est conclu pour une durée de {c.d.get('duration', 'quatre ans')} à compter de sa "
               "notification.")
        k1.append(node("Durée", [("p", dur, {})]))
    sec.append(node("Objet et dispositions générales", [], k1))
    # 2. contract pieces
    ccag_line = (f"le {c.ccag} approuvé par l'arrêté du 30 mars 2021, dans sa version en vigueur au premier "
                 "jour du mois de remise des offres.")
    if c.err("CS203") and c.o.get("cs203") == "ccap2009":
        ccag_line = c.o["cs203_text"]
    pieces = [("li", "l'acte d'engagement et, le cas échéant, ses annexes ;"),
              ("li", "le présent CCAP" + (" et ses annexes ;" if c.o["split"] else " ;")),
              ("li", "le cahier des clauses techniques particulières (CCTP) ;"),
              ("li", ("la décomposition du prix global et forfaitaire (DPGF) ;" if works else
                      "le bordereau des prix unitaires (BPU) ;")),
              ("li", ccag_line)]
    sec.append(node("Pièces constitutives du marché", [("p", "Par ordre de priorité décroissant :", {})] + pieces))
    # 3. price
    sec.append(node("Prix et règlement", [], [
        node("Forme des prix", [("p", ("Les prix sont fermes et actualisables ; ils sont réputés comprendre toutes les "
                                       "charges liées à l'exécution, y compris celles de la clause d'insertion."
                                       if c.has_clause and not c.err("CS101") else
                                       "Les prix sont fermes et actualisables ; ils sont réputés comprendre toutes les "
                                       "charges liées à l'exécution.") if works else
                                      ("Les prestations sont rémunérées par application des prix unitaires du "
                                       "bordereau aux quantités réellement commandées ; les prix sont révisables "
                                       "annuellement."), {})]),
        node("Avance et retenue de garantie", [("p", "Une avance de 10 % est consentie au titulaire qui ne la refuse "
                                                     "pas dans l'acte d'engagement. " + (
                                                         "Une retenue de garantie de 5 % est appliquée ; elle peut être "
                                                         "remplacée par une garantie à première demande." if works else
                                                         "Il n'est pas prévu de retenue de garantie."), {})]),
    ]))
    # 4. delays / execution
    if works:
        exec_kids = [node("Délai et période de préparation", [("p", c.d.get("delay_text",
                    "Le délai d'exécution est fixé par l'ordre de service de démarrage ; il comprend une période de "
                    "préparation de cinq semaines."), {})]),
                     node("Chantier à faibles nuisances", [("p", "Les horaires de chantier sont fixés de 7 h 30 à "
                                                                 "17 h 30, du lundi au vendredi ; les livraisons sont "
                                                                 "admises entre 8 h 00 et 16 h 00.", {})])]
    else:
        exec_kids = [node("Conditions d'intervention", [("p", c.d.get("exec_text", "Les prestations sont réalisées "
                                                        "selon les fréquences et les horaires du CCTP ; toute "
                                                        "intervention urgente a lieu dans un délai de 4 heures."), {})])]
    clause = None
    if c.has_clause and not c.err("CS101"):
        clause = clause_node(c)
    elif c.mode == "sans":
        clause = node(c.o.get("sans_title", "Clause sociale"), [("p", c.o["sans_text"], {})], [], "clause")
    elif c.mode == "derog":
        clause = node("Conditions d'exécution à caractère social", [("p", c.o["derog_text"], {})], [], "clause")
    if c.o["ccap_style"] == "exec":
        if clause:
            exec_kids.append(clause)
        sec.append(node("Exécution", [], exec_kids))
    else:
        sec.append(node("Délais et conditions d'exécution" if works else "Exécution des prestations", [], exec_kids))
        if clause:
            sec.append(clause)
    # 6. penalties
    pk = []
    if works:
        pk.append(node("Retard d'exécution", [("p", "Par dérogation au CCAG-Travaux, le titulaire encourt une pénalité "
                                                    "journalière égale à 1/3 000e du montant du marché par jour calendaire "
                                                    "de retard dans l'achèvement des travaux.", {})]))
        pk.append(node("Absence aux réunions", [("p", "Toute absence non excusée aux réunions de chantier est "
                                                      "sanctionnée par une pénalité de 150 € HT.", {})]))
    else:
        pk.append(node("Retard d'intervention", [("p", "Tout retard d'intervention au-delà du délai prévu entraîne une "
                                                       "pénalité de 80 € HT par heure de retard.", {})]))
        pk.append(node("Prestations non exécutées", [("p", "Une prestation non réalisée et non rattrapée dans les 48 "
                                                           "heures donne lieu à une réfaction de son prix.", {})]))
    if clause is not None and c.has_clause and c.o["pen"] == "general":
        pk.append(node("Manquements à " + nm_def(c), pen_blocks(c), nid="penins"))
    sec.append(node("Pénalités", [], pk, nid="pen"))
    # 7. derogations
    sec.append(node("Dérogations aux documents généraux", [("p", "Le présent CCAP déroge au CCAG en matière de "
                                                                 "pénalités de retard (§PENRETREF§).", {})]))
    return sec


def number_nodes(c, sec):
    """Gives each node its heading text and reference, by the case's numbering style."""
    style = c.o["ccap_style"]
    refs = {}
    out = []   # (level, heading text, node)

    def walk(nodes, prefix, depth, chap=None):
        for j, n in enumerate(nodes, start=1):
            if depth == 1:
                if style == "roman":
                    num = ROMAN[j]
                    text = f"{num} – {up(n['title'])}"
                    ref = f"article {num}"
                elif style == "titre":
                    num = str(chap[0] + j)
                    text = f"CHAPITRE {num} – {up(n['title'])}"
                    ref = f"chapitre {num}"
                elif style == "plain":
                    num = str(j)
                    text = f"Article {num} – {n['title']}"
                    ref = f"article {num}"
                else:
                    num = str(j)
                    text = f"ARTICLE {num} - {up(n['title'])}"
                    ref = f"article {num}"
            else:
                num = f"{prefix}.{j}"
                if style == "titre" and depth == 2:
                    text = f"Article {num} – {n['title']}"
                elif style in ("roman",):
                    text = f"{num} – {n['title']}"
                elif style == "exec" and n.get("id") == "clause":
                    text = f"{num} - {up(n['title'])}"
                elif depth == 2:
                    text = f"{num} - {n['title']}"
                else:
                    text = f"{num} {n['title']}"
                ref = f"article {num}"
            n["num"], n["text"], n["ref"], n["depth"] = num, text, ref, depth
            if n.get("id"):
                refs[n["id"]] = ref
            if n["title"] == "Retard d'exécution" or n["title"] == "Retard d'intervention":
                refs["penret"] = ref
            out.append(n)
            walk(n["kids"], num, depth + 1)

    if style == "titre":
        groups = c.o.get("titres") or [("Dispositions générales", 2), ("Conditions financières et d'exécution", None),
                                        ("Pénalités et dispositions finales", 2)]
        n = len(sec)
        parts = [sec[:2], sec[2:n - 2], sec[n - 2:]]
        chap = 0
        order = []
        for g, part in enumerate(parts):
            walk(part, "", 1, chap=[chap])
            chap += len(part)
            order.append(("TITRE", f"TITRE {ROMAN[g + 1]} – {up(groups[g][0])}"))
            for top in part:
                order.extend(_flatten(top))
        return order, refs
    walk(sec, "", 1)
    order = []
    for top in sec:
        order.extend(_flatten(top))
    return order, refs


def _flatten(n):
    out = [("NODE", n)]
    for k in n["kids"]:
        out.extend(_flatten(k))
    return out


def subst(s, refs):
    s = s.replace("§PENREF§", refs.get("penins", "article des pénalités"))
    s = s.replace("§PENRETREF§", refs.get("penret", "article des pénalités"))
    s = s.replace("§CLREF§", refs.get("clause", "article de la clause"))
    return s


def subst_blocks(blocks, refs):
    out = []
    for b in blocks:
        if b[0] in ("p",):
            out.append(("p", subst(b[1], refs), b[2]))
        elif b[0] == "li":
            out.append(("li", subst(b[1], refs)))
        elif b[0] in ("box",):
            out.append(("box", b[1], [subst(x, refs) for x in b[2]]))
        elif b[0] == "frame":
            out.append(("frame", [subst(x, refs) for x in b[1]]))
        else:
            out.append(b)
    return out


def ccap_refs(c):
    sec = ccap_nodes(c)
    _order, refs = number_nodes(c, sec)
    return refs


def heading_level(c, n_depth, is_titre=False):
    if c.o["ccap_style"] == "titre":
        return 1 if is_titre else min(n_depth + 1, 3)
    return min(n_depth, 3)


def doc_ccap(c, variant=None):
    sec = ccap_nodes(c)
    order, refs = number_nodes(c, sec)
    title = ("CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIERES" if c.o.get("up", True)
             else "Cahier des clauses administratives particulières")
    d = D(title, subtitle=[c.buyer["name"], c.objet, f"Marché n° {c.ref}"])
    if variant:
        d.subtitle.append(variant)
    if c.err("CS201") and c.o.get("cs201") == "visa":
        d.p(c.o["cs201_text"], italic=True)
        d.p(f"Vu le {c.ccag} approuvé par l'arrêté du 30 mars 2021 ;", italic=True)
    for kind, item in order:
        if kind == "TITRE":
            d.h(1, item)
            continue
        n = item
        d.h(heading_level(c, n["depth"]), n["text"])
        for b in subst_blocks(n["blocks"], refs):
            d.blocks.append(b)
    if c.o["comment"] and c.o.get("comment_on") == "ccap":
        # attach the comment to the first paragraph of the clause
        for i, b in enumerate(d.blocks):
            if b[0] == "p" and ("insertion" in b[1]):
                d.blocks[i] = ("p", b[1], dict(b[2], comment=c.o["comment"]))
                break
    return d


# ====================================================================== the RC
def rc_heading(c, n, title):
    if c.o.get("rc_style", "article") == "roman":
        return f"{ROMAN[n]} – {up(title)}"
    return f"ARTICLE {n} - {up(title)}"


def procedure_text(c):
    if c.err("CS205") and c.o.get("cs205_in") == "rc":
        return c.o["cs205_text"]
    if c.formal:
        seuil = "5\u00a0404\u00a0000\u00a0€ HT" if c.nature == "travaux" else "216\u00a0000\u00a0€ HT"
        return (f"La valeur estimée du besoin ({fmt_amount(c.value, 'plain', 'nbsp')}) dépassant le seuil européen "
                f"de {seuil} applicable depuis le 1er janvier 2026, la consultation est passée par appel d'offres "
                "ouvert, en application des articles L2124-2, R2124-2 1° et R2161-2 à R2161-5 du code de la commande "
                "publique.")
    return ("La consultation est passée selon la procédure adaptée prévue aux articles L2123-1 et R2123-1 1° du "
            "code de la commande publique.")


def launch_line(c, where="rc"):
    ds = fr_date(c.launch, c.o["date_style"])
    if where == "aapc":
        return f"Date d'envoi du présent avis à la publication : {ds}"
    return {0: f"Date d'envoi de l'avis à la publication : {ds}",
            1: f"Date d'envoi à la publication : {ds}",
            2: f"Avis d'appel public à la concurrence envoyé à la publication le {ds}"}[c.o.get("rc_date_form", 0)]


def deadline(c):
    y, m, dd = (int(x) for x in c.launch.split("-"))
    d2 = dt.date(y, m, dd) + dt.timedelta(days=c.o.get("offer_days", 33))
    return fr_date(d2.isoformat(), "long")


def clause_where(c, refs):
    """Where the clause is defined, as the RC and the AE say it."""
    if c.err("CS101"):
        if any(f[0] == "annexe_full" for f in c.files):
            return "à l'annexe « " + clause_title(c) + " » du dossier"
        return "à l'article 3 du règlement de la consultation"
    ref = refs.get("clause", "article")
    return ("au " if ref.startswith("chapitre") else "à l'") + ref + " du CCAP"


def doc_rc(c):
    refs = ccap_refs(c)
    d = D("REGLEMENT DE LA CONSULTATION", subtitle=[c.buyer["name"], c.objet, f"Référence : {c.ref}"])
    d.p(launch_line(c), bold=True)
    n = 1
    d.h(1, rc_heading(c, n, "Objet et étendue de la consultation"))
    s = f"La présente consultation porte sur : {c.objet}."
    if c.mandant:
        s += f" Elle est lancée par {c.buyer['name']}, mandataire de {c.mandant}."
    d.p(s)
    d.p(procedure_text(c))
    if c.unique:
        if c.ac:
            d.p(f"Le marché n'est pas alloti. Montant annuel estimé : {c.A(c.lots[0].amount)}.")
        else:
            d.p(f"Le marché n'est pas alloti. Montant estimé pour sa durée : {c.A(c.lots[0].amount)}.")
    else:
        d.p(f"Les prestations sont réparties en {len(c.lots)} lots :")
        show_h = c.o["rc_hours"] and c.has_clause and not c.err("CS102")
        if show_h:
            rows, nh = hours_rows(c, "RC", merged=True, with_amount=True)
        else:
            hdr = "Montant annuel estimé (€ HT)" if c.ac else (
                "Estimation (k€ HT)" if c.o["keur"] else "Estimation (€ HT)")
            rows = [["Lot", "Désignation", hdr]]
            for l in c.lots:
                rows.append([l.num, l.title, fmt_amount(l.amount, "keur", c.o["asep"]) if c.o["keur"]
                             else c.A(l.amount, c.o.get("rc_afmt", "plain"))])
            nh = 1
        d.t(rows, hdr=nh)
    if c.ac:
        d.p(f"Il s'agit d'un accord-cadre à bons de commande d'une durée maximale de {c.ac['years']} ans "
            f"(valeur estimée sur la durée : {c.A(c.value)}).")
    n += 1
    d.h(1, rc_heading(c, n, "Conditions de la consultation"))
    if c.o["variantes_sans"]:
        d.p("Variantes : sans.")
        d.p("Prestations supplémentaires éventuelles : sans objet.")
    else:
        d.p("Les variantes ne sont pas autorisées. Aucune prestation supplémentaire éventuelle n'est prévue.")
    if c.o["env_sans"]:
        d.p("Clause environnementale : sans objet.")
    d.p("Délai de validité des offres : 120 jours à compter de la date limite de réception des offres.")
    n += 1
    # social condition
    if c.mode == "sans":
        d.h(1, rc_heading(c, n, "Clause sociale"))
        d.p(c.o.get("rc_sans_text", "Clause sociale d'insertion : sans objet."))
        n += 1
    elif c.mode == "derog":
        d.h(1, rc_heading(c, n, "Conditions d'exécution"))
        d.p(c.o["derog_text"])
        n += 1
    elif c.mode == "noclause":
        pass
    elif c.err("CS102"):
        if c.o.get("cs102") == "env":
            d.h(1, rc_heading(c, n, "Conditions particulières d'exécution"))
            d.p("Le titulaire trie et valorise les déchets de chantier conformément au plan de gestion joint au "
                "CCTP ; il limite les nuisances sonores pour les riverains.")
            n += 1
    else:
        d.h(1, rc_heading(c, n, "Condition d'exécution à caractère social"))
        nm = clause_name(c)
        d.p(f"Le marché comporte une {nm}, condition d'exécution obligatoire pour le titulaire, définie "
            f"{clause_where(c, refs)}" +
            ("." if c.unique else f". Elle concerne {covered_list(c)}.") +
            " Elle n'est pas un critère de jugement des offres.")
        if c.o["rc_hours"] and c.unique:
            h = c.lots[0].hours_for("RC")
            d.p(f"Volume d'heures d'insertion : {c.H(h)}" + (" par an." if c.ac else " pour la durée du marché."))
        elif c.o["rc_hours"]:
            d.p("Le nombre d'heures demandé pour chaque lot figure au tableau de l'article 1.")
        if c.o["rc_fac"] and not c.err("CS304"):
            f = c.fac
            d.p(f"Pour toute question sur sa mise en œuvre, les candidats peuvent joindre le facilitateur : "
                f"{f['struct']}, {f['person']}, {f['tel']}, {f['mail']}.")
        n += 1
    d.h(1, rc_heading(c, n, "Contenu du dossier de consultation"))
    d.p("Le dossier de consultation comprend les pièces suivantes :")
    for line in c.d.get("rc_list", default_rc_list(c)):
        d.li(line)
    n += 1
    d.h(1, rc_heading(c, n, "Présentation des candidatures et des offres"))
    d.p("Chaque candidat produit la lettre de candidature (DC1) et la déclaration du candidat (DC2), ou le DUME, "
        "puis l'acte d'engagement complété, un mémoire technique et " +
        ("la décomposition du prix global et forfaitaire." if c.nature == "travaux" else
         "le bordereau des prix unitaires complété."))
    n += 1
    d.h(1, rc_heading(c, n, "Jugement des offres"))
    d.p("L'offre économiquement la plus avantageuse est choisie selon les critères pondérés suivants : prix des "
        "prestations (60 %) ; valeur technique appréciée au vu du mémoire technique (40 %).")
    if c.has_clause and not c.err("CS102"):
        d.p("L'engagement relatif à l'insertion, obligatoire, n'est pas noté.")
    n += 1
    d.h(1, rc_heading(c, n, "Conditions d'envoi des plis"))
    d.p(f"Les plis sont déposés sur le profil d'acheteur avant le {deadline(c)} à 12 h 00. Aucune offre papier "
        "n'est acceptée.")
    n += 1
    d.h(1, rc_heading(c, n, "Renseignements complémentaires"))
    b = c.buyer
    d.p(f"Renseignements administratifs : {b['service']}, tél. {b['tel']}, {b['mail']}. Les questions sont posées "
        "sur le profil d'acheteur au plus tard six jours avant la date limite.")
    return d


def default_rc_list(c):
    out = ["le présent règlement de la consultation ;", "le cahier des clauses administratives particulières (CCAP)"
           + (" et son annexe n° 3 ;" if c.o["split"] else " ;"),
           "l'acte d'engagement" + (" de chaque lot ;" if c.o["ae"] == "per_lot" else " ;"),
           "le cahier des clauses techniques particulières (CCTP) ;"]
    if c.nature == "travaux":
        out.append("la décomposition du prix global et forfaitaire (DPGF) ;")
    else:
        out.append("le bordereau des prix unitaires (BPU) ;")
    out.append("les documents graphiques éventuels.")
    return out


# ====================================================================== AE, annexes, avis
def doc_ae(c, lot=None):
    refs = ccap_refs(c)
    title = "ACTE D'ENGAGEMENT" + (f" – LOT N° {lot.num} – {up(lot.title)}" if lot else "")
    d = D(title, subtitle=[c.buyer["name"], c.objet, f"Marché n° {c.ref}"])
    d.h(1, "A – Objet de l'acte d'engagement")
    d.p(f"Le présent acte d'engagement concerne {'le lot ' + lot.num + ' (' + lot.title + ')' if lot else 'le marché'} "
        f"de la consultation « {c.objet} ».")
    d.h(1, "B – Pièces contractuelles")
    ccag = f"du {c.ccag} approuvé par l'arrêté du 30 mars 2021"
    if c.err("CS203") and c.o.get("cs203") == "ae":
        ccag = c.o["cs203_text"]
    d.p(f"Le signataire déclare avoir pris connaissance du CCAP, du CCTP et {ccag}.")
    d.h(1, "C – Engagement du candidat")
    d.p("Après avoir pris connaissance des pièces du marché, le candidat s'engage, sans réserve, à exécuter les "
        "prestations aux conditions ci-après.")
    if lot and c.o.get("ae_amount"):
        d.p(f"Pour information, estimation du lot par le maître d'ouvrage : {c.A(lot.amount)}.")
    d.p("Montant de l'offre : ............................ € HT, soit ............................ € TTC.")
    show = c.has_clause and not c.err("CS103")
    if show:
        nm = clause_name(c)
        d.h(1, "D – Engagement relatif à " + nm_def(c))
        if c.err("CS301") and c.o.get("cs301") == "all":
            d.p(f"Le candidat s'engage à exécuter {nm_def(c)} définie {clause_where(c, refs)}.")
        elif lot:
            h = lot.hours_for("AE")
            if lot.status == "covered":
                d.p(f"Le candidat s'engage à exécuter {nm_def(c)} prévue {clause_where(c, refs)}.")
                d.p(f"Nombre d'heures d'insertion à réaliser pour le lot : {c.H(h)}" + (" par an." if c.ac else "."))
            elif lot.status == "tbd":
                d.p(f"Nombre d'heures d'insertion à réaliser pour le lot : {c.o['tbd_text']}.")
            else:
                d.p(f"Le lot {lot.num} n'est pas concerné par {nm_def(c)}.")
        elif c.unique:
            h = c.lots[0].hours_for("AE")
            d.p(f"Le candidat s'engage à exécuter {nm_def(c)} prévue {clause_where(c, refs)}, soit "
                f"{c.H(h)}" + (" par an." if c.ac else " pour la durée du marché."))
        else:
            d.p(f"Le candidat s'engage à exécuter, pour chaque lot dont il est titulaire, {nm_def(c)} prévue "
                f"{clause_where(c, refs)} :")
            share = c.o["ae_share"]
            rows, nh = hours_rows(c, "AE", share=share,
                                  total=(hours_total(c, "AE") if c.o.get("ae_total") else None))
            d.t(rows, hdr=nh, bold_last=bool(c.o.get("ae_total")))
    d.h(1, ("E" if show else "D") + " – Signature")
    d.p("Fait à ........................................, le ........................................")
    d.p("Signature du représentant habilité du candidat :")
    return d


def doc_annex_split(c):
    nm = clause_name(c)
    d = D("ANNEXE N° 3 AU CCAP", subtitle=[f"Publics éligibles et suivi de {nm_def(c)}", c.buyer["name"], c.objet])
    d.h(1, "1. PUBLICS ELIGIBLES")
    for b in publics_blocks(c):
        d.blocks.append(b)
    d.h(1, "2. DOCUMENTS DE SUIVI")
    for b in suivi_blocks(c):
        d.blocks.append(b)
    d.h(1, "3. MODELE DE TABLEAU MENSUEL")
    d.t([["Mois", "Lot", "Identifiant", "Public", "Employeur", "Contrat", "Heures"],
         ["2027-01", "1", "P-xx-01", "RSA", "…", "CDD", "…"]])
    d.p("Le tableau ne comporte aucun nom : chaque participant est désigné par l'identifiant que lui attribue le "
        "facilitateur.")
    return d


def doc_annex_full(c):
    """The whole clause in an annex (CS101: the CCAP does not mention it)."""
    nm = clause_name(c)
    d = D("ANNEXE – " + up(clause_title(c)), subtitle=[c.buyer["name"], c.objet])
    d.h(1, "1. OBJET ET FONDEMENT")
    d.p(basis_sentence(c).replace("du présent article", "de la présente annexe"))
    d.h(1, "2. VOLUME D'HEURES")
    for b in volume_blocks(c, "ANNEXE"):
        d.blocks.append(b)
    d.h(1, "3. PUBLICS ELIGIBLES")
    d.blocks.extend(publics_blocks(c))
    d.h(1, "4. MODALITES")
    d.blocks.extend(modalites_blocks(c))
    d.h(1, "5. FACILITATEUR")
    d.blocks.extend(fac_blocks(c))
    d.h(1, "6. SUIVI")
    d.blocks.extend(suivi_blocks(c))
    d.h(1, "7. PENALITES")
    d.blocks.extend(pen_blocks(c))
    return d


def doc_engagement(c, lot=None):
    nm = clause_name(c)
    if lot:
        d = D("ENGAGEMENT RELATIF A " + up(nm_def(c)), subtitle=[f"Lot n° {lot.num} – {lot.title}", c.buyer["name"], c.objet])
        d.p(f"Le candidat soussigné s'engage, s'il est retenu, à réaliser {c.H(lot.hours_for('ANNEXE'))} "
            f"d'insertion sur le lot {lot.num}, dans les conditions du CCAP.")
    else:
        d = D(f"ANNEXE A L'ACTE D'ENGAGEMENT – ENGAGEMENT D'INSERTION", subtitle=[c.buyer["name"], c.objet])
        d.p(f"Le candidat s'engage à réaliser les heures d'insertion suivantes" + (" (par an) :" if c.ac else " :"))
        rows, nh = hours_rows(c, "ANNEXE", merged=False)
        d.t(rows, hdr=nh)
    if not c.err("CS303"):
        d.p("Modalité envisagée (à cocher) : ☐ embauche directe   ☐ mise à disposition (ETTI, AI, GEIQ)   "
            "☐ sous-traitance ou co-traitance (entreprise d'insertion, entreprise adaptée, ESAT)")
    d.p("Nom et qualité du signataire : ....................................")
    d.p("Date et signature : ....................................")
    return d


def doc_aapc(c):
    d = D("AVIS D'APPEL PUBLIC A LA CONCURRENCE", subtitle=[c.buyer["name"]])
    d.h(1, "Section I : Acheteur")
    d.p(f"{c.buyer['name']}, {c.buyer['addr']}. Contact : {c.buyer['service']}, {c.buyer['mail']}.")
    d.h(1, "Section II : Objet")
    d.p(f"Objet : {c.objet}. Référence : {c.ref}.")
    if not c.unique:
        d.p("Lots : " + " ; ".join(f"lot {l.num} – {l.title}" for l in c.lots) + ".")
    d.h(1, "Section III : Renseignements d'ordre juridique")
    d.p("III.1) Conditions de participation : se reporter au règlement de la consultation.")
    if c.has_clause and not c.err("CS104"):
        d.p(f"III.2) Conditions d'exécution : le marché comporte une condition d'exécution à caractère social "
            f"({clause_name(c)}) pour {('le marché' if c.unique else covered_list(c))} ; ses modalités sont précisées "
            "au CCAP.")
    elif c.err("CS104") and c.o.get("cs104") == "env":
        d.p("III.2) Conditions d'exécution : gestion et valorisation des déchets de chantier selon le CCTP.")
    if any(l.status == "reserved" for l in c.lots):
        r = [l for l in c.lots if l.status == "reserved"][0]
        d.p(f"III.3) Marché réservé : le lot {r.num} est réservé aux structures d'insertion par l'activité "
            "économique mentionnées à l'article L2113-13 du code de la commande publique.")
    d.h(1, "Section IV : Procédure")
    if c.err("CS205") and c.o.get("cs205_in") == "aapc":
        d.p(c.o["cs205_text"])
    else:
        d.p("Procédure : " + ("appel d'offres ouvert." if c.formal else "procédure adaptée ouverte."))
    d.p(f"Date limite de réception des offres : {deadline(c)} à 12 h 00.")
    d.h(1, "Section VI : Renseignements complémentaires")
    d.p("Le dossier de consultation est téléchargeable gratuitement sur le profil d'acheteur.")
    d.p(launch_line(c, "aapc") + ".")
    return d


def doc_cctp(c, lot=None):
    t = "CAHIER DES CLAUSES TECHNIQUES PARTICULIERES"
    sub = [c.buyer["name"], c.objet] + ([f"Lot n° {lot.num} – {lot.title}"] if lot else [])
    d = D(t, subtitle=sub)
    if c.nature == "travaux":
        d.h(1, "1. GENERALITES")
        d.p("Le présent document décrit les ouvrages à réaliser et les prescriptions techniques applicables. "
            "L'entrepreneur est réputé avoir pris connaissance des lieux et des documents graphiques.")
        d.h(1, "2. CONTRAINTES DU SITE")
        d.p("Le site reste partiellement occupé pendant les travaux : les interventions bruyantes sont regroupées "
            "entre 8 h 00 et 12 h 00 ; les usagers sont prévenus 48 heures à l'avance de toute coupure de réseau.")
        d.h(1, "3. PRESCRIPTIONS TECHNIQUES")
        d.p("Les ouvrages sont exécutés conformément aux documents techniques unifiés (DTU) en vigueur, aux normes "
            "NF et aux avis techniques des produits mis en œuvre.")
        if lot:
            d.p(f"Les prestations du lot {lot.num} comprennent la fourniture, la mise en œuvre et les essais des "
                f"ouvrages relevant de l'intitulé « {lot.title} ».")
    else:
        d.h(1, "1. CONSISTANCE DES PRESTATIONS")
        d.p("Le titulaire exécute les prestations décrites au présent cahier selon les fréquences indiquées par site.")
        d.h(1, "2. HORAIRES")
        d.p("Les interventions ont lieu entre 6 h 00 et 8 h 30 ou après 18 h 00, hors présence des usagers.")
        d.h(1, "3. QUALITE")
        d.p("Un contrôle contradictoire est organisé chaque mois ; les non-conformités sont reprises sous 48 heures.")
    return d


def dpgf_sheets(c, lot=None, kind="DPGF"):
    ls = [lot] if lot else c.lots
    sheets = []
    for l in ls:
        rows = [[f"{kind} – {c.objet}"], [f"Lot {l.num} – {l.title}"], [],
                ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"]]
        items = ITEMS.get(l.trade, ITEMS["_"])
        for i, (des, u, q) in enumerate(items, start=1):
            rows.append([f"{l.num}.{i}", des, u, q, None, None])
        rows.append([None, "Total HT", None, None, None, None])
        sheets.append((f"Lot {l.num}", rows))
    return sheets


ITEMS = {
    "vrd": [("Décapage de terre végétale", "m²", 1800), ("Grave non traitée 0/31,5", "m³", 420),
            ("Bordures T2", "ml", 380), ("Enrobés BBSG 0/10", "t", 260)],
    "gros_oeuvre": [("Béton de propreté", "m³", 35), ("Semelles filantes", "m³", 60), ("Voiles béton armé", "m²", 640),
                    ("Dallage sur terre-plein", "m²", 520)],
    "nettoyage": [("Nettoyage des bureaux", "m²/an", 4200), ("Nettoyage des sanitaires", "u/an", 36),
                  ("Vitrerie intérieure", "m²/an", 900)],
    "espaces_verts_entretien": [("Tonte des pelouses", "m²/an", 38000), ("Taille des haies", "ml/an", 2100),
                                ("Ramassage des feuilles", "forfait", 1)],
    "restauration": [("Repas maternelle", "u/an", 41000), ("Repas élémentaire", "u/an", 56000),
                     ("Goûter", "u/an", 12000)],
    "_": [("Installation de chantier", "forfait", 1), ("Fourniture et pose", "ens", 1), ("Essais et réception", "forfait", 1)],
}


# ====================================================================== other files of the folder
def doc_courrier(c):
    d = D(c.buyer["name"], subtitle=[c.buyer["addr"]])
    d.p(f"{c.buyer['town']}, le {fr_date(c.launch)}")
    d.p("Monsieur le Préfet,")
    d.p(f"J'ai l'honneur de vous transmettre, au titre du contrôle de légalité, la délibération autorisant le "
        f"lancement de la consultation « {c.objet} » ainsi que le dossier correspondant.")
    d.p("Je vous prie d'agréer, Monsieur le Préfet, l'expression de ma haute considération.")
    d.p("Le Directeur général")
    return d


def doc_note_interne(c):
    d = D("NOTE INTERNE", subtitle=["Objet : arbitrages budgétaires avant lancement", "Diffusion restreinte"])
    d.p("Le budget de fonctionnement voté pour l'entretien des bâtiments permet de lancer la consultation sur "
        "quatre ans. Les crédits du premier exercice sont inscrits au chapitre 011.")
    d.p("Point à trancher en réunion de direction : regrouper ou non les sites culturels avec les bâtiments "
        "administratifs ; l'avis du service des bâtiments est favorable au regroupement.")
    d.p("Rédacteur : direction des finances – ne pas diffuser.")
    return d


def doc_geotech(c):
    d = D("RAPPORT D'ETUDE GEOTECHNIQUE – MISSION G2 AVP", subtitle=[c.objet, "Bureau d'études des sols"])
    d.p("Les sondages pressiométriques réalisés sur le site mettent en évidence des remblais hétérogènes sur "
        "1,80 m d'épaisseur, reposant sur des limons argileux puis sur un substratum calcaire à 6 m.")
    d.p("Les fondations des extensions sont envisagées par semelles isolées ancrées dans les limons, après purge "
        "des remblais ; les dallages sont désolidarisés.")
    d.p("Le niveau d'eau relevé en piézomètre se situe à 3,20 m sous le terrain naturel en période de hautes eaux.")
    return d


NOTES_TXT = {
    "b13-07": "Réunion de programmation – école des Tanneurs\n- classes occupées pendant les travaux : phasage par "
              "aile\n- le directeur souhaite garder la salle de motricité disponible en juin\n- vérifier la "
              "présence d'amiante dans les colles de faïence (diagnostic à commander)\n",
    "b13-12": "Visite du terrain du futur gymnase\n- accès chantier par le chemin des Écoliers\n- réseau d'eau "
              "pluviale à dévoyer en limite nord\n- penser au second jeu de plans papier pour la mairie annexe\n",
}
