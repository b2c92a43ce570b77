"""French wordings of the sixth blind corpus, written for it (no published clause copied).

Every function returns blocks for render.Doc (see render.py) or strings. A variant is drawn
with the consultation's own random generator, so that a build is reproducible."""

from __future__ import annotations

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
         "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below100(n):
    if n < 20:
        return UNITS[n]
    t, u = divmod(n, 10)
    if t in (7, 9):
        base = "soixante" if t == 7 else "quatre-vingt"
        rest = 10 + u
        if t == 7 and u == 1:
            return "soixante et onze"
        return f"{base}-{UNITS[rest]}"
    if t == 8:
        return "quatre-vingts" if u == 0 else f"quatre-vingt-{UNITS[u]}"
    if u == 0:
        return TENS[t]
    if u == 1:
        return f"{TENS[t]} et un"
    return f"{TENS[t]}-{UNITS[u]}"


def _below1000(n):
    c, r = divmod(n, 100)
    if c == 0:
        return _below100(r)
    head = "cent" if c == 1 else f"{UNITS[c]} cent"
    if r == 0:
        return head + ("s" if c > 1 else "")
    return f"{head} {_below100(r)}"


def en_lettres(n):
    """French words for 0 <= n < 1 000 000 (traditional spelling)."""
    if n < 1000:
        return _below1000(n)
    m, r = divmod(n, 1000)
    head = "mille" if m == 1 else f"{_below1000(m).replace('cents', 'cent').replace('quatre-vingts', 'quatre-vingt')} mille"
    return head if r == 0 else f"{head} {_below1000(r)}"


def nb(n, sep=" "):
    s = str(int(n))
    if len(s) <= 3 or not sep:
        return s
    out = []
    while s:
        out.insert(0, s[-3:])
        s = s[:-3]
    return sep.join(out)


def euros(a, sep=" "):
    return f"{nb(round(a), sep)} €"


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]


def date_fr(d, style=0):
    if style == 0:
        return f"{d.day if d.day > 1 else '1er'} {MOIS[d.month - 1]} {d.year}"
    if style == 1:
        return d.strftime("%d/%m/%Y")
    return d.strftime("%d.%m.%Y")


# ------------------------------------------------------------------ legal basis of the clause
def basis(rng, nature, above, err=None):
    """Sentences giving the legal basis. err: ('CS201', 'ord2015') / ('CS202', 'L2113-12' | 'R2152-7') /
    ('CS203', '20.2' | '2009')."""
    ccag = "CCAG-Travaux" if nature == "travaux" else "CCAG-FCS"
    art = "20.1" if nature == "travaux" else "16.1"
    law = "article L. 2112-2 du code de la commande publique"
    ccag_ref = f"l'article {art} du {ccag} (arrêté du 30 mars 2021)"
    if err == ("CS202", "L2113-12"):
        law = "article L. 2113-12 du code de la commande publique"
    if err == ("CS202", "R2152-7"):
        law = "article R2152-7 du code de la commande publique"
    if err == ("CS203", "20.2"):
        ccag_ref = f"l'article 20.2 du {ccag} (arrêté du 30 mars 2021)"
    if err == ("CS203", "2009"):
        ccag_ref = f"l'article {art} du {ccag}"  # the 2009 CCAG is named in the pieces article
    if err == ("CS201", "ord2015"):
        law = "article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics"
    v = rng.randrange(3)
    if v == 0:
        s = (f"L'action d'insertion décrite ci-après est une condition d'exécution du marché, prévue par "
             f"l'{law}. Elle précise, pour la présente opération, {ccag_ref}.")
    elif v == 1:
        short = ccag_ref[2:] if ccag_ref.startswith("l'") else ccag_ref
        s = f"Base juridique : {law} ; {short}, dont le présent texte fixe les modalités particulières."
    else:
        s = (f"En application de l'{law}, le titulaire est tenu de réaliser une action d'insertion "
             f"professionnelle, dans le cadre posé par {ccag_ref}.")
    out = [s]
    if above:
        out.append("Le montant estimé de l'opération atteignant le seuil européen des marchés de travaux "
                   "(5 404 000 € HT) et la consultation étant engagée après le 21 août 2026, cette condition "
                   "répond en outre à l'obligation de l'article L. 2112-2-1 du même code.")
    return out


def objet_sentence(rng, lots_txt):
    return rng.choice([
        f"Le titulaire consacre, pour l'exécution de son lot, un volume minimal d'heures de travail à une "
        f"action d'insertion professionnelle. Lots concernés : {lots_txt}.",
        f"Une partie des heures de travail nécessaires au chantier est réservée à une action d'insertion "
        f"professionnelle ; elle porte sur les lots suivants : {lots_txt}.",
        f"Chacun des lots {lots_txt} comporte un engagement d'heures d'insertion, dont le volume est fixé "
        f"ci-dessous.",
    ])


# ------------------------------------------------------------------ eligible public
PUBLICS_LIST = [
    "les demandeurs d'emploi inscrits à France Travail depuis douze mois au moins, de façon continue ou "
    "non, au cours des dix-huit derniers mois ;",
    "les allocataires du revenu de solidarité active (RSA), ainsi que leurs ayants droit ;",
    "les bénéficiaires de l'obligation d'emploi des travailleurs handicapés (article L. 5212-13 du code du "
    "travail), notamment les titulaires d'une RQTH ;",
    "les jeunes de moins de 26 ans sortis du système scolaire avec un niveau de qualification inférieur ou "
    "égal au niveau 3 ;",
    "les demandeurs d'emploi de 50 ans et plus ;",
    "les habitants d'un quartier prioritaire de la politique de la ville (QPV) ;",
    "les salariés en parcours dans une structure d'insertion par l'activité économique (article L. 5132-4 "
    "du code du travail) ;",
    "toute autre personne rencontrant des difficultés d'accès à l'emploi, sur avis motivé d'un prescripteur "
    "(France Travail, Mission locale, Cap emploi, PLIE) validé par le facilitateur.",
]


def publics(rng, style, bad_terms=(), no_siae=False):
    """bad_terms: planted CS204 terms ('Pôle emploi', 'ZUS', 'DIRECCTE')."""
    items = list(PUBLICS_LIST)
    if no_siae:
        items = [i for i in items if "activité économique" not in i]
    if "Pôle emploi" in bad_terms:
        items[0] = ("les demandeurs d'emploi de longue durée inscrits à Pôle emploi depuis plus de douze mois "
                    "au cours des dix-huit derniers mois ;")
    if "ZUS" in bad_terms:
        items[5] = "les habitants d'une zone urbaine sensible (ZUS) ;"
    if "DIRECCTE" in bad_terms:
        items[-1] = ("toute autre personne en difficulté d'accès à l'emploi dont la situation a été reconnue "
                     "par la DIRECCTE ou par le facilitateur.")
    if style == "list":
        intro = ("Peuvent bénéficier des heures d'insertion les personnes qui relèvent, au début de leur contrat, "
                 "de l'une des situations suivantes :" if no_siae else
                 "Peuvent bénéficier des heures d'insertion, à la date de leur embauche ou de leur mise à "
                 "disposition, les personnes suivantes :")
        return [("p", intro)] + [("li", i) for i in items] + [
            ("p", "Le facilitateur vérifie l'éligibilité de chaque personne avant le début de son contrat.")]
    if style == "table":
        rows = [["Catégorie de personnes", "Pièce attestant l'éligibilité"]]
        proof = ["attestation d'inscription France Travail", "attestation CAF ou MSA",
                 "notification MDPH / attestation d'OETH", "pièce d'identité et attestation de niveau",
                 "attestation d'inscription", "justificatif de domicile", "attestation de la structure",
                 "fiche de prescription visée par le facilitateur"]
        if "Pôle emploi" in bad_terms:
            proof[0] = "attestation d'inscription Pôle emploi"
        for i, p in zip(items, proof if not no_siae else proof[:6] + proof[7:]):
            c = i.rstrip(" ;.").replace("les ", "", 1)
            rows.append([c[0].upper() + c[1:], p])
        return [("p", "Les publics éligibles sont les suivants :"), ("t", rows)]
    # prose
    txt = " ".join(i.rstrip(" ;.") + "," for i in items[:-1])
    return [("p", "Sont éligibles à la clause : " + txt + " et " + items[-1]),
            ("p", "L'éligibilité est validée par le facilitateur, qui peut en demander les justificatifs.")]


# ------------------------------------------------------------------ modalities
def modalites(rng, style):
    if style == "list":
        return [("p", "Le titulaire choisit librement l'une ou plusieurs des voies suivantes :"),
                ("li", "l'embauche directe, par lui-même ou par l'un de ses sous-traitants, en CDI, en CDD d'un "
                       "mois au moins, en contrat d'apprentissage ou en contrat de professionnalisation ;"),
                ("li", "la mise à disposition de salariés par une entreprise de travail temporaire d'insertion "
                       "(ETTI), une association intermédiaire (AI) ou un groupement d'employeurs pour "
                       "l'insertion et la qualification (GEIQ) ;"),
                ("li", "la sous-traitance ou la cotraitance d'une partie des travaux avec une entreprise "
                       "d'insertion (EI), un atelier et chantier d'insertion (ACI), une entreprise adaptée (EA) "
                       "ou un ESAT.")]
    if style == "table":
        return [("t", [["Modalité de réalisation", "Heures retenues"],
                       ["Recrutement direct (CDI, CDD, alternance)", "heures travaillées figurant au bulletin de paie"],
                       ["Mise à disposition par une ETTI, une AI ou un GEIQ", "heures facturées par la structure"],
                       ["Sous-traitance à une EI, un ACI, une EA ou un ESAT",
                        "heures des salariés de la structure affectés au chantier"]])]
    return [("p", "Pour atteindre ce volume, l'entreprise peut recruter elle-même (contrat de droit commun ou "
                  "alternance), faire travailler des salariés mis à disposition par une ETTI, une association "
                  "intermédiaire ou un GEIQ, ou confier une part des travaux, en sous-traitance, à une structure "
                  "d'insertion ou du secteur adapté (EI, ACI, EA, ESAT). Elle fait connaître son choix au "
                  "facilitateur avant l'ouverture du chantier.")]


# ------------------------------------------------------------------ facilitator
def facilitateur(rng, fac, style):
    s, who, tel, mail = fac["structure"], fac["nom"], fac["tel"], fac["mail"]
    if style == 0:
        return [("p", f"Facilitateur de la clause : {who}, {s} – tél. {tel} – {mail}. Il aide le titulaire à "
                      f"repérer les candidats et suit l'exécution de la clause pour le compte de l'acheteur.")]
    if style == 1:
        return [("p", f"Dès la notification, le titulaire prend contact avec {fac.get('avec', s)} ({who}, téléphone {tel}, "
                      f"courriel {mail}), qui assure l'accompagnement de la clause pour le compte de l'acheteur.")]
    return [("p", "L'accompagnement est assuré par le facilitateur désigné ci-dessous :"),
            ("t", [["Structure", "Interlocuteur", "Téléphone", "Courriel"], [s, who, tel, mail]])]


# ------------------------------------------------------------------ control / reporting
def controle(rng, style):
    if style == 0:
        return [("p", "Avant le 10 de chaque mois, le titulaire transmet au facilitateur l'état nominatif des "
                      "heures réalisées le mois précédent, avec les copies des contrats de travail ou de mission, "
                      "les relevés d'heures et, s'il y a lieu, les factures des structures partenaires. Un bilan "
                      "est établi à la réception ; le facilitateur délivre alors une attestation de réalisation.")]
    if style == 1:
        return [("p", "Dans les quinze jours qui suivent l'ordre de service de démarrage, le titulaire remet "
                      "une fiche de liaison indiquant les postes proposés et la modalité retenue. Il adresse "
                      "ensuite, chaque trimestre, le tableau de suivi des heures d'insertion, signé, accompagné "
                      "des bulletins de salaire ou relevés de mission correspondants. L'acheteur peut demander à "
                      "tout moment les justificatifs.")]
    return [("li", "remise du tableau mensuel des heures au plus tard le 5 du mois suivant, pièces "
                   "justificatives à l'appui ;"),
            ("li", "point d'étape avec le facilitateur à mi-parcours du chantier ;"),
            ("li", "bilan final remis avant les opérations préalables à la réception.")]


# ------------------------------------------------------------------ penalties
def pen_heure(rng, style, err=None):
    if err == "smic2025":
        return [("p", "Toute heure d'insertion non réalisée est sanctionnée par une pénalité de 1,5 fois le "
                      "SMIC horaire brut de 2025 (11,88 €), soit 17,82 € HT par heure manquante.")]
    if err == "noamount":
        return [("p", "Les heures d'insertion non réalisées exposent le titulaire à une pénalité dont le "
                      "montant sera arrêté par le maître d'ouvrage au vu du bilan de fin de chantier.")]
    if style == 0:
        return [("p", "Si le volume d'heures n'est pas atteint, le titulaire supporte une pénalité égale au "
                      "nombre d'heures manquantes multiplié par 1,5 fois le SMIC horaire brut en vigueur à la "
                      "date du constat.")]
    if style == 1:
        return [("p", "Chaque heure d'insertion non effectuée donne lieu à une pénalité de 35 € HT.")]
    return [("p", "Pénalité pour heures non réalisées : P = H × 2 × S, où H est le nombre d'heures manquantes "
                  "et S le SMIC horaire brut applicable au jour du constat (12,02 € au 1er janvier 2026 ; la "
                  "valeur suit de plein droit les revalorisations).")]


def pen_retard(rng, style):
    if style == 0:
        return [("p", "Tout retard dans la remise des documents de suivi entraîne une pénalité de 100 € par "
                      "jour calendaire, après une mise en demeure restée sans effet pendant huit jours.")]
    if style == 1:
        return [("p", "Défaut de transmission des justificatifs : 150 € HT par document manquant ou remis hors "
                      "délai.")]
    return [("p", "À défaut de production du tableau de suivi à l'échéance, une pénalité journalière de 80 € "
                  "est appliquée jusqu'à sa remise.")]


# ------------------------------------------------------------------ misc texts
TRAPS = {
    "1607": "À titre indicatif, un équivalent temps plein représente 1 607 heures de travail par an ; le "
            "volume demandé ne correspond donc pas nécessairement à un poste permanent.",
    "48h": "Les réserves qui compromettent la sécurité des occupants sont levées dans un délai de 48 heures.",
    "horaires": "Horaires d'ouverture du chantier : 7 h 30 – 17 h, du lundi au vendredi ; aucune intervention "
                "bruyante avant 8 h 00 en site occupé.",
    "semaines": "Le délai global d'exécution est de 14 mois, dont 5 semaines de période de préparation.",
    "reunion": "Les réunions de chantier se tiennent chaque mardi à 9 h 30 ; la présence des lots convoqués "
               "est obligatoire.",
    "26ans": "",
}


def lots_phrase(nums):
    nums = list(nums)
    if not nums:
        return ""
    if len(nums) == 1:
        return f"lot {nums[0]}"
    return "lots " + ", ".join(nums[:-1]) + " et " + nums[-1]
