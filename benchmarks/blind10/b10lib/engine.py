"""Wording of the pieces of the tenth blind corpus, and the hours calculation.

Everything here was written for this corpus, in French, from shared/domain/reference.md and
shared/spec/*.md. A case (cases.py) says what the consultation is and which errors are planted
(`errs`); the functions below write the pieces accordingly."""

from __future__ import annotations

import random
from fractions import Fraction as F

from .writers import Doc10

# labour shares: middle of the ranges of reference.md § 6.2
MO = {
    "vrd": F(30, 100), "gros_oeuvre": F(45, 100), "charpente_bois": F(35, 100),
    "charpente_metallique": F(20, 100), "couverture_etancheite": F(40, 100),
    "menuiseries_exterieures": F(25, 100), "menuiseries_interieures": F(40, 100),
    "platrerie": F(55, 100), "peinture": F(65, 100), "revetements_sols": F(45, 100),
    "electricite": F(45, 100), "plomberie_cvc": F(35, 100), "ascenseurs": F(20, 100),
    "espaces_verts_creation": F(45, 100), "espaces_verts_entretien": F(65, 100),
    "nettoyage": F(85, 100), "collecte_dechets": F(55, 100), "restauration": F(45, 100),
    "demolition_desamiantage": F(50, 100), "fournitures": F(0),
}
RATE, COST, STEP, MINH = F(5, 100), F(30), 5, 70


def raw_hours(amount, trade):
    return F(int(amount)) * MO[trade] * RATE / COST


def rnd(x):
    q = x / STEP
    n = int(q)
    if q - n >= F(1, 2):
        n += 1
    return n * STEP


def computed(amount, trade):
    """None below the minimum or for supplies."""
    if MO[trade] == 0:
        return None
    h = rnd(raw_hours(amount, trade))
    return h if h >= MINH else None


def safe_amount(amount, trade):
    """Shifts an amount by 5 000 € until the raw hours sit away from a rounding edge and from the
    minimum (the key must not depend on how a tool rounds)."""
    a = amount
    for _ in range(60):
        if MO[trade] == 0:
            return a
        r = raw_hours(a, trade)
        frac = (r / STEP) - int(r / STEP)
        if abs(frac - F(1, 2)) > F(8, 100) and not (F(58) <= r <= F(84)):
            return a
        a += 5000
    raise ValueError("no safe amount")


def eur(x):
    s = f"{int(x):,}".replace(",", " ")
    return f"{s} € HT"


def hfmt(h, style=0):
    s = f"{h:,}".replace(",", " ")
    return [f"{s} heures", f"{s} h", f"{s} heures de travail"][style % 3]


def etp(h, months):
    v = h / (1607 * months / 12)
    return f"{v:.1f}".replace(".", ",")


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def dlong(d):
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def deadline(c, extra=0):
    import datetime as dt

    d = c["send"] + dt.timedelta(days=33 + extra)
    while d.weekday() > 4:
        d += dt.timedelta(days=1)
    return f"le {DAYS[d.weekday()]} {dlong(d)} à 12 h 00"


def dshort(d):
    return d.strftime("%d/%m/%Y")


# ------------------------------------------------------------------ lots and their hours
class Case:
    """Thin wrapper over the case dict, with the hours of every lot as each piece writes them."""

    def __init__(self, c):
        self.c = c
        self.rng = random.Random(c["name"])
        self.errs = {e["code"]: e for e in c.get("errs", [])}
        for lot in c.get("lots", []):
            if lot.get("tranches"):
                lot["tranches"] = [(lab, safe_amount(a, lot["trade"])) for lab, a in lot["tranches"]]
                lot["amount"] = sum(a for _l, a in lot["tranches"])
            elif lot.get("amount"):
                lot["amount"] = safe_amount(lot["amount"], lot["trade"])

    def __getitem__(self, k):
        return self.c[k]

    def get(self, k, d=None):
        return self.c.get(k, d)

    def has(self, code):
        return code in self.errs

    @property
    def lots(self):
        return self.c.get("lots", [])

    @property
    def clause(self):
        return self.c.get("noclause") is None

    def tranche_hours(self, lot):
        """[(label, amount, hours)] for a lot in tranches (true computation)."""
        return [(lab, a, computed(a, lot["trade"])) for lab, a in lot["tranches"]]

    def true_hours(self, lot):
        """Hours the clause asks for this lot (None: not concerned)."""
        if lot.get("excluded") or lot.get("reserved"):
            return None
        if lot["trade"] == "fournitures":
            return 140 if self.errs.get("CS405", {}).get("lot") == lot["num"] else None
        if lot.get("tranches"):
            hs = [h for _l, _a, h in self.tranche_hours(lot)]
            if any(h is None for h in hs):
                raise ValueError(f"{self['name']}: tranche under the minimum")
            base = sum(hs)
        else:
            base = computed(lot["amount"], lot["trade"])
        if base is None:
            return None
        if self.errs.get("CS403", {}).get("lot") == lot["num"]:
            return rnd(F(base * 4))
        return base

    def concerned(self):
        return [l for l in self.lots if self.true_hours(l) is not None]

    def written(self, lot, piece):
        """Hours for a lot as piece ('CCAP', 'RC', 'AE', 'ANNEXE_CLAUSE') writes them:
        an int, 'preciser' (CS301 of a lot), None (not concerned), or 'absent' (CS404)."""
        if not self.clause or self.has("CS301") and self.errs["CS301"].get("lot") is None:
            return None
        h = self.true_hours(lot)
        if h is None:
            return None
        e = self.errs.get("CS301")
        if e and e.get("lot") == lot["num"]:
            return "preciser"
        e = self.errs.get("CS404")
        if e and e["lot"] == lot["num"] and piece == e["piece_kind"]:
            return "absent"
        e = self.errs.get("CS401")
        if e and e["lot"] == lot["num"] and piece == e["piece_kind"]:
            return h + e.get("delta", 35)
        return h

    def tranche_written(self, lot, piece):
        """Per-tranche hours written alongside the lot total (None when the lot has no tranches)."""
        if not lot.get("tranches"):
            return None
        w = self.written(lot, piece)
        if not isinstance(w, int):
            return None
        ths = [h for _l, _a, h in self.tranche_hours(lot)]
        if w != sum(ths):  # planted difference: put it on the last tranche
            ths[-1] += w - sum(ths)
        return list(zip([l for l, _a in lot["tranches"]], ths))

    def total_written(self, piece):
        vals = [self.written(l, piece) for l in self.lots]
        s = sum(v for v in vals if isinstance(v, int))
        e = self.errs.get("CS402")
        if e and piece == e.get("piece_kind", "CCAP"):
            s += e.get("delta", 100)
        return s

    def value(self):
        """Estimated value for the thresholds: sum of the lots (× years for an accord-cadre)."""
        v = sum(l["amount"] for l in self.lots)
        if self.get("ac"):
            v *= self["ac"]["years"]
        return v

    def threshold(self):
        if self["nature"] == "travaux":
            return 5_404_000
        return 140_000 if self["buyer_kind"] == "etat" else 216_000

    def obligation(self):
        """Loi Climat art. 35 applies (launched from 21 Aug 2026, value ≥ EU threshold)."""
        import datetime as dt

        return self["send"] >= dt.date(2026, 8, 21) and self.value() >= self.threshold()


# ------------------------------------------------------------------ common helpers
TRANCHE_LABEL = {"TF": "Tranche ferme", "TO1": "Tranche optionnelle n° 1", "TO2": "Tranche optionnelle n° 2"}


def ccag_name(c):
    return {"travaux": "CCAG-Travaux", "fcs": "CCAG-FCS"}[c["ccag"]]


def ccag_art(c):
    return {"travaux": "20.1", "fcs": "16.1"}[c["ccag"]]


def lot_label(lot):
    if lot["num"] == "unique":
        return "Marché unique"
    return f"Lot {lot['num']}"


def lots_concerned_phrase(k):
    conc = [l["num"] for l in k.concerned()]
    if not conc:
        return ""
    if conc == ["unique"]:
        return "l'ensemble du marché"
    allnums = [l["num"] for l in k.lots]
    if conc == allnums and len(conc) > 2:
        return f"les lots {conc[0]} à {conc[-1]}"
    if len(conc) == 1:
        return f"le lot {conc[0]}"
    return "les lots " + ", ".join(conc[:-1]) + " et " + conc[-1]


def amount_cell(lot):
    if lot.get("tranches"):
        return " ; ".join(f"{TRANCHE_LABEL[l].replace('Tranche optionnelle', 'TO').replace('Tranche ferme', 'TF')} : {eur(a)}"
                          for l, a in lot["tranches"]) + f" (total {eur(lot['amount'])})"
    return eur(lot["amount"])


def hours_cell(k, lot, piece, style=0):
    w = k.written(lot, piece)
    if w is None:
        if lot.get("reserved"):
            return "Non concerné (lot réservé)"
        if lot["trade"] == "fournitures":
            return "Non concerné (fourniture livrée)"
        if lot.get("excluded"):
            return "Non concerné"
        return "Non concerné (volume calculé inférieur à 70 h)"
    if w == "preciser":
        return "à préciser"
    return hfmt(w, style)


def buyer_line(c):
    g = c.get("grp")
    if g:
        return f"{g['coord']}, coordonnateur du groupement de commandes"
    return c["buyer"]


def group_paragraphs(c):
    g = c.get("grp")
    if not g:
        return []
    mem = "; ".join(g["members"])
    return [f"La présente consultation est passée par un groupement de commandes constitué par convention "
            f"entre les membres suivants : {mem}. Le coordonnateur est {g['coord']} ; il signe et notifie "
            f"le marché au nom de l'ensemble des membres, chacun en assurant ensuite l'exécution pour la "
            f"part qui le concerne."]


def montage_phrase(c):
    m = c.get("montage", "classique")
    if m == "cr":
        return ("Le contrat est un marché de conception-réalisation : un même opérateur économique (ou "
                "groupement) assure la conception des ouvrages et leur réalisation.")
    if m == "mpgp":
        return ("Le contrat est un marché global de performance associant la réalisation des travaux à "
                "leur exploitation-maintenance, avec des engagements de performance mesurables.")
    return ""


# ------------------------------------------------------------------ clause elements
def legal_basis(k, c):
    v = k.rng.randrange(3)
    base = "l'article L2112-2 du Code de la commande publique"
    if k.has("CS202"):
        base = {"L2113-13": "l'article L2113-13 du Code de la commande publique",
                "R2152-7": "l'article R2152-7 du Code de la commande publique"}[k.errs["CS202"]["ref"]]
    if k.has("CS201") and k.errs["CS201"]["piece"] == "CCAP":
        base = "l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics"
    s = [f"En application de {base}, le présent marché comporte une condition d'exécution à caractère "
         f"social : le titulaire réalise une action d'insertion professionnelle dans les conditions du "
         f"présent article.",
         f"Conformément à {base}, l'exécution du marché est assortie d'une clause sociale d'insertion, "
         f"qui s'impose au titulaire comme condition d'exécution.",
         f"Sur le fondement de {base}, une partie des heures de travail nécessaires à l'exécution du "
         f"marché est réservée à une action d'insertion professionnelle."][v]
    if k.obligation() and k.clause:
        s += (" Le montant estimé du besoin atteignant le seuil européen et la consultation étant engagée "
              "après le 21 août 2026, cette condition répond aussi à l'article L2112-2-1 du même code.")
    art = ccag_art(c)
    name = ccag_name(c)
    if k.has("CS203"):
        e = k.errs["CS203"]
        if e["kind"] == "wrong_art":
            art = e["art"]
        else:
            name = name + " approuvé par l'arrêté du 8 septembre 2009"
    s2 = (f"Le présent article précise les stipulations de l'article {art} du {name}"
          + ("" if k.has("CS203") and k.errs["CS203"]["kind"] == "2009" else " (version 2021)")
          + ", dont il fixe les éléments laissés aux documents particuliers.")
    return [s, s2]


def volume_blocks(k, c, piece="CCAP"):
    """Blocks giving the hours of every lot (table), the total, ETP and share."""
    out = []
    if k.has("CS301") and k.errs["CS301"].get("lot") is None:
        out.append(("p", "Le volume d'heures d'insertion sera déterminé avec le titulaire lors de la "
                         "réunion de lancement, au vu de son organisation."))
        return out
    tr = any(l.get("tranches") for l in k.lots)
    months = c.get("months", 12)
    if tr:
        labels = []
        for l in k.lots:
            for lab, _a in l.get("tranches") or []:
                if lab not in labels:
                    labels.append(lab)
        head = ["Lot", "Intitulé"] + [TRANCHE_LABEL[x] for x in labels] + ["Total du lot"]
        rows = [head]
        for l in k.lots:
            tw = k.tranche_written(l, piece)
            row = [lot_label(l).replace("Lot ", ""), l["title"]]
            if tw:
                d = dict(tw)
                row += [hfmt(d[x], 1) if x in d else "—" for x in labels]
                row += [hfmt(k.written(l, piece), 1)]
            else:
                hc = hours_cell(k, l, piece, 1)
                row += ["—"] * len(labels) + [hc]
            rows.append(row)
        if len(k.lots) > 1:
            rows.append(["", "Total général"] + [""] * len(labels) + [hfmt(k.total_written(piece), 1)])
        out.append(("p", "Le nombre minimal d'heures d'insertion à réaliser est fixé, tranche par tranche, "
                         "dans le tableau ci-dessous. Les heures d'une tranche optionnelle ne sont dues que si "
                         "cette tranche est affermie ; le total du lot s'entend toutes tranches affermies."))
        out.append(("t", rows))
    else:
        rows = [["Lot", "Désignation", "Heures d'insertion"]]
        for l in k.lots:
            rows.append([lot_label(l).replace("Lot ", ""), l["title"], hours_cell(k, l, piece, 0)])
        if len(k.lots) > 1:
            rows.append(["", "Total", hfmt(k.total_written(piece), 0)])
        per = " par an" if c.get("ac") else ""
        out.append(("p", f"Le titulaire de chaque lot concerné réalise au minimum le nombre d'heures d'insertion"
                         f"{per} indiqué ci-après."))
        out.append(("t", rows))
        if c.get("ac"):
            y = c["ac"]["years"]
            for l in k.lots:
                w = k.written(l, piece)
                if isinstance(w, int):
                    out.append(("p", f"Pour le {lot_label(l).lower()}, ce volume annuel représente "
                                     f"{hfmt(w * y)} sur la durée maximale de {y} ans de l'accord-cadre ; il "
                                     f"est calculé sur le montant estimatif annuel des commandes."))
    # ETP equivalence and share (traps: numbers that are not the hours of a lot)
    if c.get("etp"):
        tot = k.total_written(piece) if len(k.lots) > 1 else k.written(k.lots[0], piece)
        if isinstance(tot, int) and tot > 0:
            out.append(("p", f"À titre indicatif, ce volume représente environ {etp(tot, months)} ETP sur "
                             f"{months} mois (base de 1 607 heures par an pour un temps plein), soit 5 % des "
                             f"heures de main-d'œuvre estimées des lots concernés."))
    return out


PUBLICS = [
    "les demandeurs d'emploi de longue durée (plus de 12 mois d'inscription à France Travail) ;",
    "les bénéficiaires du RSA, de l'ASS ou de l'AAH ;",
    "les personnes bénéficiant d'une reconnaissance de la qualité de travailleur handicapé (RQTH) ;",
    "les jeunes de moins de 26 ans sortis du système scolaire sans qualification ou peu qualifiés, "
    "suivis par une mission locale ;",
    "les demandeurs d'emploi de plus de 50 ans ;",
    "les personnes salariées d'une structure d'insertion par l'activité économique ou titulaires d'un "
    "PASS IAE ;",
]


def publics_blocks(k, c):
    if k.has("CS302"):
        return []
    out = [("p", "Sont concernées les personnes rencontrant des difficultés sociales ou professionnelles "
                 "particulières d'accès à l'emploi, notamment :")]
    pub = list(PUBLICS)
    if k.has("CS204") and k.errs["CS204"]["piece"] == "CCAP" and k.errs["CS204"]["word"] == "agrément":
        pub[5] = "les personnes disposant d'un agrément Pôle emploi au titre de l'insertion par l'activité économique ;"
    if c.get("qpv"):
        pub.append("les habitants des quartiers prioritaires de la politique de la ville (QPV) du territoire, "
                   "que l'opération vise en priorité ;")
    out += [("li", x) for x in pub]
    out.append(("p", "D'autres personnes peuvent être retenues sur avis motivé du facilitateur, qui vérifie "
                     "l'éligibilité de chaque candidat avant son entrée dans le dispositif."))
    return out


def modal_blocks(k, c, deep, num):
    """Modalities; deep=True: sub-sub-articles num.1 … num.3."""
    if k.has("CS303"):
        return []
    who = "personnes en parcours d'insertion" if k.has("CS302") else "personnes éligibles"
    a = ("Le titulaire recrute lui-même, en CDI, CDD, contrat d'apprentissage ou de professionnalisation, "
         f"une ou plusieurs {who} affectées à l'exécution du marché.")
    b = ("Le titulaire fait appel à une entreprise de travail temporaire d'insertion (ETTI), à une "
         "association intermédiaire (AI) ou à un groupement d'employeurs pour l'insertion et la "
         "qualification (GEIQ), qui met des salariés en insertion à sa disposition.")
    d = ("Le titulaire confie une partie des prestations, en sous-traitance ou en co-traitance, à une "
         "structure d'insertion par l'activité économique (entreprise d'insertion, atelier et chantier "
         "d'insertion), à une entreprise adaptée ou à un ESAT ; les heures des salariés en insertion de "
         "cette structure sur le marché sont décomptées.")
    if deep:
        return [("h", 4, f"{num}.1", "Embauche directe"), ("p", a),
                ("h", 4, f"{num}.2", "Mise à disposition de personnel"), ("p", b),
                ("h", 4, f"{num}.3", "Recours à une structure de l'insertion ou du handicap"), ("p", d),
                ("p", "Ces modalités peuvent être combinées ; le titulaire les indique au facilitateur lors de "
                      "la réunion de lancement.")]
    return [("p", "Le titulaire choisit librement l'une des modalités suivantes, ou les combine :"),
            ("li", a), ("li", b), ("li", d)]


def fac_blocks(k, c):
    f = c["fac"]
    if k.has("CS304"):
        return [("p", "Le titulaire prend l'attache du facilitateur de la clause sociale dès la notification du "
                      "marché ; celui-ci l'aide à identifier les candidats et les structures partenaires.")]
    v = k.rng.randrange(2)
    if v == 0:
        return [("p", f"Le titulaire est accompagné par le facilitateur de la clause : {f['struct']} – "
                      f"{f['person']} – tél. {f['tel']} – courriel : {f['mail']}."),
                ("p", "Le facilitateur l'aide à identifier les candidats et les structures partenaires, suit les "
                      "parcours et rend compte à l'acheteur.")]
    return [("p", "La mise en œuvre de la clause est accompagnée gratuitement par :"),
            ("t", [["Structure", "Interlocuteur", "Téléphone", "Courriel"],
                   [f["struct"], f["person"], f["tel"], f["mail"]]]),
            ("p", "Le titulaire le contacte dans les quinze jours suivant la notification.")]


def report_blocks(k, c):
    if k.has("CS305"):
        return []
    extra = ""
    if k.has("CS204") and k.errs["CS204"]["piece"] == "CCAP" and k.errs["CS204"]["word"] == "DIRECCTE":
        extra = " Une copie du bilan final est adressée par l'acheteur à la DIRECCTE."
    return [("p", "Le titulaire transmet au facilitateur, avant le 10 de chaque mois, un tableau de suivi des "
                  "heures réalisées le mois précédent (personne, statut, type de contrat, dates, heures), "
                  "accompagné des copies des contrats de travail, des relevés d'heures ou des factures des "
                  "structures partenaires."),
            ("p", "À la fin de l'exécution, le facilitateur établit une attestation de réalisation des heures "
                  "au vu de ces justificatifs ; elle est jointe au décompte général." + extra)]


def penalty_hour(k, c):
    """Penalty per hour not done (None when CS306 is planted)."""
    if k.has("CS306"):
        return None
    if k.has("CS307"):
        if k.errs["CS307"]["kind"] == "smic2025":
            return ("Chaque heure d'insertion non réalisée et non justifiée donne lieu à une pénalité égale à "
                    "1,5 fois le SMIC horaire brut de 11,88 €, soit 17,82 € par heure manquante.")
        return ("Chaque heure d'insertion non réalisée donne lieu à une pénalité dont le montant sera fixé "
                "ultérieurement par l'acheteur.")
    v = c.get("pen", 0) % 3
    return ["Chaque heure d'insertion non réalisée et non justifiée au bilan donne lieu à une pénalité égale "
            "à 1,5 fois le SMIC horaire brut en vigueur à la date du constat (pour mémoire, 12,02 € au "
            "1er janvier 2026).",
            "Le titulaire qui n'a pas réalisé les heures prévues supporte une pénalité de 45 € HT par heure "
            "manquante constatée au bilan final.",
            "Une pénalité égale à deux fois le SMIC horaire brut applicable au jour du bilan est due pour "
            "chaque heure d'insertion non effectuée."][v]


def penalty_docs(k, c):
    if k.has("CS305") or k.has("CS308"):
        return None
    v = c.get("pen", 0) % 3
    return ["Le défaut de remise des documents de suivi dans les délais donne lieu, après mise en demeure "
            "restée sans effet, à une pénalité de 100 € HT par jour de retard dans la remise.",
            "Tout document de suivi non remis à la date prévue entraîne une pénalité de 150 € HT par document "
            "manquant, après mise en demeure.",
            "Le retard dans la transmission des tableaux de suivi est sanctionné par une pénalité de 200 € HT "
            "par semaine de retard, après relance restée sans effet."][v]


def penalty_blocks(k, c):
    out = []
    ph, pd = penalty_hour(k, c), penalty_docs(k, c)
    if ph:
        out.append(("p", ph))
    if pd:
        out.append(("p", pd))
    if out:
        out.append(("p", "Ces pénalités sont cumulables et plafonnées à 5 % du montant du marché ; elles ne sont "
                         "pas appliquées lorsque le défaut résulte d'une cause que le titulaire ne maîtrise pas, "
                         "après avis du facilitateur."))
    return out


# ------------------------------------------------------------------ CCAP
GENERIC_TRAVAUX = [
    ("Objet du marché – dispositions générales", [
        "Le présent cahier fixe les stipulations administratives propres au marché décrit ci-dessus."]),
    ("Pièces constitutives du marché", None),
    ("Prix – variation des prix – règlement", [
        "Les prix sont révisables mensuellement par application des index BT du mois de la date d'exécution.",
        "Le délai global de paiement est de 30 jours. Une avance de 10 % est versée aux titulaires qui ne la "
        "refusent pas."]),
    ("Délais d'exécution", [
        "Le délai d'exécution est fixé par le calendrier détaillé ; il comprend une période de préparation "
        "d'un mois. Les horaires du chantier sont de 7 h 30 à 17 h 00, du lundi au vendredi."]),
]


def clause_sub_blocks(k, c, n, deep_mod=True, pen_ref=None):
    """The clause as sub-article n.2 of « Conditions particulières d'exécution » (or article n)."""
    lay = c.get("layout", "sub")
    out = []
    if lay == "sub":
        out += [("h", 1, str(n), "Conditions particulières d'exécution"),
                ("h", 2, f"{n}.1", "Clause environnementale"),
                ("p", "Le titulaire trie ses déchets de chantier à la source et en justifie par les bordereaux de "
                      "suivi ; il limite les nuisances sonores aux horaires fixés."),
                ("h", 2, f"{n}.2", "Clause sociale d'insertion")]
        base = f"{n}.2"
        lv = 3
    else:
        out += [("h", 1, str(n), "Clause sociale d'insertion")]
        base = str(n)
        lv = 2
    out.append(("sdt_begin", "clause_sociale"))
    subs = [("Objet et fondement", [("p", x) for x in legal_basis(k, c)]),
            ("Volume d'heures d'insertion", volume_blocks(k, c)),
            ("Publics éligibles", publics_blocks(k, c)),
            ("Modalités de mise en œuvre", None),
            ("Accompagnement par le facilitateur", fac_blocks(k, c)),
            ("Suivi, contrôle et pénalités", None)]
    i = 0
    for title, body in subs:
        if title == "Publics éligibles" and not body:
            continue
        i += 1
        num = f"{base}.{i}"
        if title == "Modalités de mise en œuvre":
            mb = modal_blocks(k, c, deep_mod and lv == 3, num)
            if not mb:
                i -= 1
                continue
            out.append(("h", lv, num, title))
            out += mb
            continue
        if title == "Suivi, contrôle et pénalités":
            rb = report_blocks(k, c)
            pb = penalty_blocks(k, c) if not pen_ref else []
            t = ("Suivi, contrôle et pénalités" if rb and (pb or pen_ref) else
                 "Suivi et contrôle" if rb else "Pénalités" if (pb or pen_ref) else None)
            if t is None:
                i -= 1
                continue
            out.append(("h", lv, num, t))
            out += rb
            out += pb
            if pen_ref:
                out.append(("p", f"Les manquements à la présente clause sont sanctionnés par les pénalités "
                                 f"fixées à l'article {pen_ref} du présent CCAP."))
            continue
        out.append(("h", lv, num, title))
        out += body
    out.append(("sdt_end",))
    return out


def general_penalties(k, c, n):
    """The general « Pénalités » article; x.4 holds the clause penalties when layout says so."""
    out = [("h", 1, str(n), "Pénalités"),
           ("h", 2, f"{n}.1", "Pénalités de retard"),
           ("p", "Par dérogation au CCAG-Travaux, le titulaire encourt une pénalité "
                 "journalière égale à 1/3 000 du montant du marché par jour calendaire de dépassement du délai "
                 "d'exécution.") if c["ccag"] == "travaux" else
           ("p", "En cas de retard dans l'exécution des prestations, une pénalité de 1/1 000 du montant de la "
                 "commande est appliquée par jour de dépassement."),
           ("h", 2, f"{n}.2", "Absence aux réunions"),
           ("p", "L'absence non excusée à une réunion à laquelle le titulaire est convoqué entraîne une pénalité "
                 "forfaitaire de 150 € HT."),
           ("h", 2, f"{n}.3", "Exonération"),
           ("p", "Les pénalités dont le montant total n'excède pas 500 € HT pour l'ensemble du marché ne sont pas "
                 "appliquées.")]
    if c.get("pen_general"):
        pb = penalty_blocks(k, c)
        if pb:
            out += [("h", 2, f"{n}.4", "Manquements à la clause sociale d'insertion")] + pb
    return out


def pieces_constitutives(k, c):
    name = ccag_name(c)
    yr = "2021"
    suffix = "approuvé par l'arrêté du 30 mars 2021"
    if k.has("CS203") and k.errs["CS203"]["kind"] == "2009":
        suffix = "approuvé par l'arrêté du 8 septembre 2009"
        yr = ""
    _ = yr
    items = ["l'acte d'engagement (ATTRI1) et ses annexes éventuelles ;",
             "le présent CCAP et ses annexes ;",
             "le CCTP de chaque lot et les documents graphiques ;",
             "la décomposition du prix global et forfaitaire (DPGF) ou le bordereau des prix ;",
             f"le {name} {suffix} ;"]
    return [("p", "Le marché est constitué des pièces suivantes, par ordre de priorité décroissante :")] + \
        [("li", x) for x in items]


def ccap(k):
    c = k.c
    d = Doc10("Cahier des clauses administratives particulières (CCAP)",
              cover=[buyer_line(c), c["objet"], f"Référence de la consultation : {c['ref']}"],
              header=f"{c['short']} – CCAP", footer=f"Réf. {c['ref']}", hstyle=c.get("hstyle", "article_dash"))
    if c.get("date_field"):
        d.date("Version du document : ", dshort(c["send"]))
    if c.get("toc", True):
        d.toc()
        d.section()
    blocks = []
    n = 1
    blocks += [("h", 1, str(n), "Objet du marché – dispositions générales"),
               ("h", 2, f"{n}.1", "Objet"),
               ("p", f"Le marché a pour objet : {c['objet']}."),
               ]
    mp = montage_phrase(c)
    if mp:
        blocks.append(("p", mp))
    blocks.append(("h", 2, f"{n}.2", "Allotissement et tranches" if any(l.get("tranches") for l in k.lots)
                   else "Allotissement"))
    if k.lots[0]["num"] == "unique":
        blocks.append(("p", "Le marché n'est pas alloti : il forme un ensemble indissociable."))
        if k.lots[0].get("tranches"):
            blocks.append(("p", "Il comprend " + " et ".join(
                f"une {TRANCHE_LABEL[l].lower()} estimée à {eur(a)}" for l, a in k.lots[0]["tranches"]) + "."))
    else:
        rows = [["Lot", "Intitulé", "Montant estimé"]]
        for l in k.lots:
            rows.append([l["num"], l["title"], amount_cell(l)])
        blocks.append(("t", rows))
    if c.get("ac"):
        blocks.append(("p", f"Chaque lot est un accord-cadre à bons de commande conclu pour un an, reconductible "
                            f"tacitement trois fois (durée maximale de {c['ac']['years']} ans), sans minimum et avec "
                            f"un maximum annuel égal au double du montant estimatif annuel."))
    gp = group_paragraphs(c)
    if gp:
        blocks.append(("h", 2, f"{n}.3", "Groupement de commandes"))
        blocks += [("p", x) for x in gp]
    n += 1
    blocks += [("h", 1, str(n), "Pièces constitutives du marché")] + pieces_constitutives(k, c)
    n += 1
    blocks += [("h", 1, str(n), "Prix – variation des prix – règlement"),
               ("p", "Les prix sont révisables selon les index mentionnés à l'acte d'engagement. Le délai "
                     "global de paiement est de 30 jours."),
               ("p", "Une avance de 10 % est versée au titulaire qui ne la refuse pas ; la retenue de garantie "
                     "est de 5 %, remplaçable par une garantie à première demande.")]
    n += 1
    blocks += [("h", 1, str(n), "Délais d'exécution"),
               ("p", f"Le délai d'exécution est de {c.get('months', 12)} mois à compter de l'ordre de service ou "
                     f"de la notification. " + ("Les horaires du chantier sont de 7 h 30 à 17 h 00, du lundi au "
                                              "vendredi ; toute demande d'intervention urgente est traitée sous "
                                              "48 heures." if c["nature"] == "travaux" else
                                              "Les prestations sont réalisées entre 6 h 00 et 9 h 00 ou après "
                                              "18 h 00 ; le délai d'intervention en cas d'urgence est de 4 heures."))]
    n += 1
    pen_art = None
    clause_n = c.get("clause_art", n)
    # articles between: assurances
    fillers = [("Assurances", "Le titulaire justifie, dans les quinze jours suivant la notification, des assurances "
                              "couvrant sa responsabilité civile et, pour les travaux, sa responsabilité décennale."),
               ("Réception", "La réception est prononcée dans les conditions du CCAG ; les opérations préalables "
                             "sont conduites en présence du représentant de l'acheteur."
                if c["nature"] == "travaux" else
                "Les prestations font l'objet d'une vérification mensuelle contradictoire ; la décision "
                "d'admission est notifiée dans les quinze jours."),
               ("Garanties", "La garantie de parfait achèvement court un an à compter de la réception ; la retenue "
                             "de garantie est libérée à son terme." if c["nature"] == "travaux" else
                "Le titulaire garantit la qualité des prestations pendant toute la durée du marché."),
               ("Confidentialité et sécurité", "Le titulaire et son personnel respectent les consignes de sécurité "
                                               "des sites et la confidentialité des informations recueillies.")]
    fi = 0
    while n < clause_n:
        blocks += [("h", 1, str(n), fillers[fi % 4][0]), ("p", fillers[fi % 4][1])]
        fi += 1
        n += 1
    gen_pen_n = clause_n + 1
    if c.get("pen_general"):
        pen_art = f"{gen_pen_n}.4"
    has_article = k.clause and not k.has("CS101")
    if has_article:
        blocks += clause_sub_blocks(k, c, clause_n, deep_mod=c.get("deep", True), pen_ref=pen_art)
    elif c.get("noclause") == "sans":
        blocks += [("h", 1, str(clause_n), "Clause sociale"),
                   ("p", "Sans objet : le présent marché ne comporte pas de clause sociale d'insertion.")]
    elif c.get("noclause") == "derog":
        blocks += [("h", 1, str(clause_n), "Conditions particulières d'exécution"),
                   ("h", 2, f"{clause_n}.1", "Clause environnementale"),
                   ("p", "Les produits livrés sont conditionnés dans des emballages recyclables ; les palettes sont "
                         "reprises par le titulaire."),
                   ("h", 2, f"{clause_n}.2", "Considérations sociales – dérogation motivée"),
                   ("p", c["derog_text"])]
    else:
        blocks += [("h", 1, str(clause_n), "Conditions particulières d'exécution"),
                   ("p", "Le titulaire trie ses déchets et limite les nuisances sonores ; il en justifie sur demande.")]
    n = clause_n + 1
    blocks += general_penalties(k, c, n)
    n += 1
    blocks += [("h", 1, str(n), "Résiliation – litiges"),
               ("p", "Le tribunal administratif territorialement compétent est seul compétent pour les litiges "
                     "nés de l'exécution du marché.")]
    n += 1
    der = [f"L'article {n - 2}.1 (pénalités de retard) déroge au {ccag_name(c)}."]
    blocks += [("h", 1, str(n), "Dérogations aux documents généraux")] + [("p", x) for x in der]
    if c.get("sdt_whole") is False:
        blocks = [b for b in blocks if b[0] not in ("sdt_begin", "sdt_end")]
    d.blocks += blocks
    d.sdt_cells = c.get("sdt_cells", False)
    d.sdt_runs = c.get("sdt_runs", [])
    return d


# ------------------------------------------------------------------ RC
def rc_gives_hours(k):
    c = k.c
    if not k.clause or k.has("CS102"):
        return False
    if k.has("CS301") and k.errs["CS301"].get("lot") is None:
        return False
    return bool((c.get("rc_hours") and k.lots[0]["num"] != "unique") or c.get("rc_hours_text"))


def rc(k, version=None):
    c = k.c
    d = Doc10("Règlement de la consultation (RC)",
              cover=[buyer_line(c), c["objet"], f"Consultation n° {c['ref']} – {c['procedure']}"],
              header=f"{c['short']} – Règlement de la consultation", footer=f"Réf. {c['ref']}",
              hstyle=c.get("rc_hstyle", "article_dash"))
    send = c["send"]
    d.p(f"Date d'envoi de l'avis à la publication : {dlong(send) if k.rng.random() < 0.5 else dshort(send)}")
    lim = deadline(c, 10 if version == "v2" else 0)
    lim_idx = len(d.blocks)
    d.p(f"Date limite de réception des offres : {lim}")
    if c.get("toc", True):
        d.toc()
        d.section()
    n = 1
    d.h(1, str(n), "Objet et étendue de la consultation")
    d.p(f"La consultation porte sur : {c['objet']}. Elle est passée selon la {c['procedure']} en application "
        f"du Code de la commande publique.")
    if k.has("CS201") and k.errs["CS201"]["piece"] == "RC":
        d.p("La présente consultation comporte une clause d'insertion fondée sur l'article 14 du Code des marchés "
            "publics, dont le titulaire doit tenir compte dans l'organisation de ses équipes.")
    mp = montage_phrase(c)
    if mp:
        d.p(mp)
    for x in group_paragraphs(c):
        d.p(x)
    if k.lots[0]["num"] == "unique":
        d.p(f"Le marché n'est pas alloti. Montant estimé : {amount_cell(k.lots[0])}.")
    else:
        rows = [["Lot", "Intitulé", "Estimation"]]
        rh = c.get("rc_hours") and k.clause and not k.has("CS102")
        if rh:
            rows[0].append("Heures d'insertion")
        for l in k.lots:
            r = [l["num"], l["title"], amount_cell(l)]
            if rh:
                r.append(hours_cell(k, l, "RC", 0))
            rows.append(r)
        d.t(rows)
    if c.get("ac"):
        d.p(f"Chaque lot donne lieu à un accord-cadre à bons de commande d'une durée maximale de {c['ac']['years']} "
            f"ans ; les estimations ci-dessus sont annuelles.")
    if k.has("CS205"):
        e = k.errs["CS205"]
        if e["kind"] == "221000":
            d.p("Le montant estimé du besoin étant inférieur au seuil européen de 221 000 € HT applicable aux "
                "marchés de services des collectivités, la consultation est passée en procédure adaptée.")
        else:
            d.p("Les besoins inférieurs à 40 000 € HT pouvant être satisfaits sans publicité ni mise en "
                "concurrence préalables, les prestations complémentaires d'un montant inférieur à ce seuil "
                "pourront faire l'objet d'un marché distinct.")
    elif c["nature"] == "travaux" and k.value() < 5_404_000:
        d.p("Le montant estimé des travaux étant inférieur au seuil européen de 5 404 000 € HT, la procédure "
            "adaptée ouverte est retenue.")
    n += 1
    d.h(1, str(n), "Conditions de la consultation")
    d.p("Les offres sont valables 120 jours. Les variantes ne sont pas autorisées. Le candidat peut se présenter "
        "seul ou en groupement ; le mandataire d'un groupement conjoint est solidaire.")
    n += 1
    if k.clause and not k.has("CS102"):
        d.h(1, str(n), "Conditions particulières d'exécution – clause sociale d'insertion")
        ref = f"l'article {c.get('clause_art_label', '')}" if c.get("clause_art_label") else "le CCAP"
        if k.has("CS101"):
            ref = "l'acte d'engagement"
        d.p(f"Le marché comporte une condition d'exécution à caractère social (clause sociale d'insertion) qui "
            f"concerne {lots_concerned_phrase(k) or 'le marché'}. Elle est détaillée dans {ref} ; elle ne constitue ni "
            f"un critère de sélection des candidatures ni un critère de jugement des offres.")
        if k.has("CS204") and k.errs["CS204"]["piece"] == "RC":
            w = k.errs["CS204"]["word"]
            if w == "Pôle emploi":
                d.p("Les candidats peuvent se rapprocher de l'agence Pôle emploi de leur secteur pour préparer "
                    "leurs recrutements.")
            elif w == "ZUS":
                d.p("Une attention particulière est portée aux habitants des ZUS de l'agglomération.")
        if c.get("rc_hours_text") and k.lots[0]["num"] == "unique":
            w = k.written(k.lots[0], "RC")
            if isinstance(w, int):
                d.p(f"Volume minimal d'heures d'insertion exigé du titulaire : {hfmt(w)}, toutes tranches "
                    f"affermies.")
        elif c.get("rc_hours_text"):
            parts = []
            for l in k.lots:
                w = k.written(l, "RC")
                if isinstance(w, int):
                    parts.append(f"{lot_label(l).lower()} : {hfmt(w)}")
            if parts:
                d.p("Volume minimal d'heures d'insertion : " + " ; ".join(parts) + ".")
        if c.get("rc_fac") and not k.has("CS304"):
            f = c["fac"]
            d.p(f"Les candidats peuvent interroger le facilitateur de la clause : {f['struct']}, {f['tel']}, "
                f"{f['mail']}.")
    elif c.get("noclause") == "sans":
        d.h(1, str(n), "Clause sociale")
        d.p("Sans objet.")
    elif c.get("noclause") == "derog":
        d.h(1, str(n), "Considérations sociales")
        d.p(c["derog_text"])
    else:
        d.h(1, str(n), "Conditions particulières d'exécution")
        d.p("Les conditions d'exécution environnementales sont précisées au CCAP.")
    n += 1
    d.h(1, str(n), "Contenu du dossier de consultation")
    for x in c.get("dce_list", ["le présent RC ;", "l'acte d'engagement (ATTRI1) ;", "le CCAP ;",
                                 "le CCTP et ses annexes ;", "le cadre de décomposition des prix."]):
        d.li(x)
    n += 1
    d.h(1, str(n), "Présentation des candidatures et des offres")
    d.p("Le candidat produit les formulaires DC1 et DC2, l'acte d'engagement complété, le mémoire "
        "technique et le cadre de prix. La déclaration de sous-traitance (DC4) est jointe le cas échéant.")
    n += 1
    d.h(1, str(n), "Jugement des offres")
    if c.get("criterion"):
        d.p("Les offres sont jugées sur le prix (50 %), la valeur technique (40 %) et, en application de "
            "l'article R2152-7 du Code de la commande publique, la performance en matière d'insertion "
            "professionnelle des publics en difficulté (10 %), appréciée au vu des moyens d'accompagnement "
            "proposés au-delà du minimum fixé par la clause.")
    else:
        d.p("Les offres sont jugées sur le prix (60 %) et la valeur technique (40 %), appréciée au vu du mémoire "
            "technique.")
    n += 1
    d.h(1, str(n), "Conditions d'envoi et de remise des plis")
    d.p(f"Les plis sont remis par voie électronique sur le profil d'acheteur avant {lim.split(' à ')[0].replace('le ', 'le ', 1)} "
        f"à 12 h 00. Aucun pli papier n'est accepté.")
    n += 1
    d.h(1, str(n), "Renseignements complémentaires")
    b = c["buyer_contact"]
    d.p(f"Questions administratives : {b['service']}, tél. {b['tel']}, courriel {b['mail']}. Les questions sont "
        f"posées sur le profil d'acheteur au plus tard 10 jours avant la date limite.")
    d.sdt_cells = c.get("sdt_cells", False)
    if k.has("CS903") and k.errs["CS903"]["piece"] == "RC":
        if k.errs["CS903"]["kind"] == "tracked":
            d.tracked = [(lim_idx, deadline(c, 7), lim)]
            d.blocks[lim_idx] = ("p", "Date limite de réception des offres : ")
    return d


# ------------------------------------------------------------------ AE (ATTRI1-like)
def ae(k, only_lot=None):
    c = k.c
    d = Doc10("ACTE D'ENGAGEMENT (ATTRI1)" + (f" – LOT N° {only_lot['num']}" if only_lot else ""),
              cover=[buyer_line(c), c["objet"], f"Consultation n° {c['ref']}"]
              + ([f"Lot n° {only_lot['num']} – {only_lot['title']}"] if only_lot else []),
              header=f"{c['short']} – Acte d'engagement", footer=f"Réf. {c['ref']}",
              hstyle="bare")
    d.pb("A – Objet de l'acte d'engagement")
    d.p(f"Le présent acte d'engagement concerne {'le lot ' + only_lot['num'] if only_lot else 'le marché'} de la "
        f"consultation « {c['objet']} ».")
    d.pb("B – Engagement du titulaire ou du groupement titulaire")
    d.p("Après avoir pris connaissance des pièces constitutives du marché, le signataire s'engage, sur la base de "
        "son offre et pour son propre compte ☐, pour le compte de la société ☐, en tant que mandataire du "
        "groupement ☐, à exécuter les prestations dans les conditions ci-après définies.")
    d.pb("B1 – Identification du titulaire")
    d.t([["Nom commercial et dénomination sociale", ""], ["Adresse de l'établissement", ""],
         ["Numéro SIRET", ""], ["Courriel", ""]])
    d.pb("B2 – Prix")
    d.p("Montant HT : ................................. €     TVA (20 %) : .................. €     "
        "Montant TTC : ................................. €")
    lots = [only_lot] if only_lot else k.lots
    if k.clause and not k.has("CS103"):
        d.pb("B3 – Engagement au titre de la clause sociale")
        if k.has("CS301") and k.errs["CS301"].get("lot") is None:
            d.p("☒ Le titulaire s'engage à exécuter la clause sociale d'insertion prévue au CCAP, pour le nombre "
                "d'heures qui y est fixé.")
        else:
            rows = [["Lot", "Intitulé", "Heures d'insertion par an" if c.get("ac") else "Heures d'insertion à réaliser",
                     "Engagement du titulaire"]]
            for l in lots:
                w = k.written(l, "AE")
                if w == "absent":
                    continue
                if w is None:
                    rows.append([lot_label(l).replace("Lot ", ""), l["title"], hours_cell(k, l, "AE"), "Sans objet"])
                else:
                    rows.append([lot_label(l).replace("Lot ", ""), l["title"], hours_cell(k, l, "AE", 0),
                                 "☐ Je m'engage"])
            d.t(rows)
            d.p("Le titulaire déclare avoir pris connaissance des conditions de la clause sociale d'insertion "
                "définies au CCAP et s'engage à les respecter.")
            if not k.has("CS303"):
                d.p("Modalité envisagée (indicative) : ☐ embauche directe  ☐ mise à disposition  ☐ recours à une "
                    "structure de l'insertion ou du handicap")
    d.pb("B4 – Durée d'exécution")
    d.p(f"La durée d'exécution est fixée au CCAP ({c.get('months', 12)} mois).")
    d.pb("C – Signature du candidat")
    d.t([["Nom, prénom et qualité du signataire", "Lieu et date", "Signature"], ["", "", ""]])
    d.pb("D – Identification de l'acheteur")
    d.p(f"Acheteur : {buyer_line(c)}. Personne habilitée à donner les renseignements prévus à l'article R2191-59 "
        f"du Code de la commande publique : le directeur de la commande publique.")
    d.pb("E – Décision de l'acheteur")
    d.p("La présente offre est acceptée. À …………………, le …………………")
    d.sdt_cells = c.get("ae_sdt_cells", False)
    return d


def annexe_engagement(k):
    c = k.c
    d = Doc10("Fiche d'engagement – clause sociale d'insertion",
              cover=[buyer_line(c), c["objet"], f"Consultation n° {c['ref']}"],
              header=f"{c['short']} – Annexe d'insertion", footer=f"Réf. {c['ref']}")
    d.p("Le candidat s'engage, s'il est retenu, à réaliser les heures d'insertion suivantes, selon les conditions "
        "de la clause sociale d'insertion du CCAP :")
    rows = [["Lot", "Intitulé", "Heures d'insertion", "Visa du candidat"]]
    for l in k.lots:
        w = k.written(l, "ANNEXE_CLAUSE")
        if w == "absent":
            continue
        rows.append([l["num"], l["title"], hours_cell(k, l, "ANNEXE_CLAUSE", 1), "☐"])
    d.t(rows)
    d.p("Fait à ……………………, le ……………………   Signature et cachet du candidat :")
    return d


def dc4(k):
    c = k.c
    d = Doc10("DÉCLARATION DE SOUS-TRAITANCE (DC4)", cover=[buyer_line(c), c["objet"]],
              header=f"{c['short']} – DC4", footer=f"Réf. {c['ref']}", hstyle="bare")
    d.pb("A – Identification de l'acheteur")
    d.p(buyer_line(c))
    d.pb("B – Objet du marché public")
    d.p(f"{c['objet']} – consultation n° {c['ref']}. Lot n° ………")
    d.pb("C – Objet de la déclaration du sous-traitant")
    d.p("☐ La présente déclaration constitue un acte spécial de sous-traitance annexé à l'offre.  ☐ Elle modifie "
        "un acte spécial antérieur.")
    d.pb("D – Identification du soumissionnaire ou du titulaire")
    d.t([["Dénomination", ""], ["SIRET", ""], ["Adresse", ""]])
    d.pb("E – Identification du sous-traitant")
    d.t([["Dénomination", ""], ["SIRET", ""], ["Forme juridique", ""],
         ["Le sous-traitant est une structure d'insertion, une entreprise adaptée ou un ESAT", "☐ oui  ☐ non"]])
    d.pb("F – Nature et prix des prestations sous-traitées")
    d.p("Nature des prestations : ………………………………………  Montant maximum HT : ……………… €")
    d.pb("G – Clause sociale d'insertion")
    d.p("☐ Le sous-traitant concourt à l'exécution de la clause sociale d'insertion prévue au CCAP. Nombre d'heures "
        "d'insertion dont il assure la réalisation : ……………… heures, décomptées sur les heures dues par le "
        "titulaire, qui en reste seul responsable envers l'acheteur.")
    d.pb("H – Conditions de paiement")
    d.p("Le sous-traitant est payé directement ☐ oui ☐ non. Compte à créditer : ………………")
    return d


def aapc(k):
    c = k.c
    d = Doc10("Avis d'appel public à la concurrence", cover=[buyer_line(c)],
              header=f"{c['short']} – Avis", footer=f"Réf. {c['ref']}")
    d.pb("Identification de l'acheteur")
    d.p(buyer_line(c) + ".")
    for x in group_paragraphs(c):
        d.p(x)
    d.pb("Objet du marché")
    d.p(f"{c['objet']}. Procédure : {c['procedure']}.")
    if k.lots[0]["num"] != "unique":
        d.p("Allotissement : " + " ; ".join(f"lot {l['num']} – {l['title']}" for l in k.lots) + ".")
    if c.get("reserved_note"):
        d.p(c["reserved_note"])
    d.pb("Conditions d'exécution")
    if k.clause and not k.has("CS104"):
        d.p(f"Le marché comporte une condition d'exécution à caractère social : clause sociale d'insertion "
            f"professionnelle, pour {lots_concerned_phrase(k) or 'le marché'} (voir le CCAP).")
    elif c.get("noclause") == "sans":
        d.p("Clause sociale : sans objet. Conditions d'exécution environnementales : voir le CCAP.")
    else:
        d.p("Les conditions d'exécution environnementales (gestion des déchets, limitation des nuisances) sont "
            "précisées au CCAP.")
    d.pb("Critères d'attribution")
    d.p("Offre économiquement la plus avantageuse appréciée selon les critères énoncés dans le règlement de la "
        "consultation.")
    d.pb("Renseignements")
    lim = deadline(c)
    d.p(f"Date limite de réception des offres : {lim}. Le dossier est gratuit et téléchargeable sur le profil "
        f"d'acheteur.")
    d.p(f"Date d'envoi du présent avis à la publication : {dshort(c['send'])}.")
    return d


def cctp(k, lot=None):
    c = k.c
    d = Doc10("Cahier des clauses techniques particulières (CCTP)",
              cover=[c["objet"]] + ([f"Lot n° {lot['num']} – {lot['title']}"] if lot else []),
              header=f"{c['short']} – CCTP", footer=f"Réf. {c['ref']}")
    d.h(1, "1", "Généralités")
    d.p("Le présent cahier décrit les prestations et les exigences techniques ; il complète les plans et le "
        "cadre de prix.")
    if c["nature"] == "travaux":
        d.h(1, "2", "Description des ouvrages")
        d.p("Les ouvrages sont exécutés conformément aux DTU en vigueur et aux avis techniques. Les échantillons "
            "sont soumis au maître d'œuvre 15 jours avant mise en œuvre.")
        d.h(1, "3", "Organisation du chantier")
        d.p("Horaires d'ouverture du chantier : 7 h 30 – 17 h 00. Les livraisons ont lieu entre 8 h et 16 h 30. Les "
            "réunions de chantier se tiennent chaque mardi à 9 h 30.")
    else:
        d.h(1, "2", "Consistance des prestations")
        d.p("Les prestations sont décrites par site dans l'annexe ; les fréquences sont hebdomadaires ou "
            "quotidiennes. Le délai d'intervention sur appel est de 2 heures pour les urgences.")
        d.h(1, "3", "Personnel")
        d.p("Le titulaire affecte un personnel formé ; il désigne un chef d'équipe joignable de 7 h 00 à 19 h 00.")
    return d


def prices_xlsx(k, kind, lot=None):
    title = {"DPGF": "Décomposition du prix global et forfaitaire", "BPU": "Bordereau des prix unitaires",
             "DQE": "Détail quantitatif estimatif"}[kind]
    rows = [[title + (f" – lot {lot['num']} {lot['title']}" if lot else "")], [],
            ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"]]
    items = ["Installation et repli de chantier", "Ouvrages principaux", "Ouvrages secondaires", "Finitions",
             "Dossier des ouvrages exécutés"] if k["nature"] == "travaux" else \
        ["Prestation courante (mensuelle)", "Prestation ponctuelle", "Intervention urgente", "Fournitures associées"]
    for i, it in enumerate(items, 1):
        rows.append([f"{i}", it, "forfait" if k["nature"] == "travaux" else "u", 1, "", ""])
    rows.append(["", "TOTAL HT", "", "", "", ""])
    return [(kind, rows)]


def notes_txt(k):
    return ("Notes – réunion de préparation du DCE\n"
            f"{k['objet']}\n"
            "- relire les délais avec le maître d'œuvre\n"
            "- vérifier la liste des pièces avant mise en ligne\n"
            "- prévoir la visite de site (facultative)\n")


def programme(k):
    c = k.c
    d = Doc10("Programme de l'opération", cover=[buyer_line(c), c["objet"]],
              header=f"{c['short']} – Programme", footer=f"Réf. {c['ref']}")
    d.h(1, "1", "Contexte et enjeux")
    d.p("L'opération répond à l'augmentation des effectifs et à la vétusté des locaux existants. Elle vise un "
        "bâtiment sobre, confortable été comme hiver, et un chantier à faibles nuisances.")
    d.h(1, "2", "Surfaces et fonctions")
    d.t([["Fonction", "Surface utile"], ["Enseignement", "2 450 m²"], ["Restauration", "620 m²"],
         ["Locaux techniques", "180 m²"]])
    d.h(1, "3", "Exigences de performance")
    d.p("Consommation d'énergie finale inférieure de 40 % à la référence ; confort d'été sans climatisation.")
    return d
