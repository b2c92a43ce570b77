"""Wordings of the seventh blind corpus (French), written for it only.

Every clause element has several wordings; `pick()` draws one from a seed (the consultation
name + element), skipping the wordings that would carry an element the case removes (the
`SIG` signatures below are used both to filter and, by build_corpus.py, to check that a
removed element appears in no piece)."""

from __future__ import annotations

import random
import re

# ------------------------------------------------------------------ signatures of elements
SIG = {
    "publics": re.compile(
        r"RSA|RQTH|\bAAH\b|\bASS\b|demandeurs? d.emploi|allocataires?|moins de 26 ans|"
        r"plus de 50 ans|de 50 ans|obligation d.emploi|travailleurs? handicapés?|jeunes\b|"
        r"personnes? (éloignées|rencontrant|en difficulté|sans emploi)|"
        r"publics? (éligibles|visés|concernés|prioritaires|cibles?)|quartiers? prioritaires?|QPV|"
        r"PASS IAE|minima sociaux|chômage de longue durée|longue durée|personnes éligibles", re.I),
    "modalites": re.compile(
        r"embauche directe|recrut\w+ (directement|lui-même|elle-même|en direct)|mise à disposition|"
        r"mis à disposition|\bETTI\b|travail temporaire d.insertion|association intermédiaire|"
        r"\bGEIQ\b|groupement d.employeurs|co-?trait\w*|sous-trait\w*[^.;]{0,60}(insertion|SIAE|adaptée|ESAT)|"
        r"entreprise d.insertion|\bSIAE\b|\bACI\b|chantiers? d.insertion|entreprises? adaptées?|"
        r"\bESAT\b|apprentissage|professionnalisation", re.I),
    "controle": re.compile(
        r"fiches? (de )?suivi|tableau (mensuel |trimestriel )?de suivi|états? (mensuels?|trimestriels?) "
        r"des heures|relevés? d.heures|bulletins? de (paie|salaire)|copies? des contrats|justifi\w+|"
        r"bilan|documents? de suivi|attestation de réalisation|compte rendu (mensuel|trimestriel)|"
        r"pièces justificatives|état récapitulatif", re.I),
    "pen_heure": re.compile(
        r"par heure|heures? (d.insertion )?(non (réalisées?|effectuées?|exécutées?|accomplies?)|manquantes?)|"
        r"SMIC|heure non faite", re.I),
    "pen_docs": re.compile(
        r"(documents?|justificatifs?|fiches?|tableaux?|états?|relevés?|pièces?)[^.;]{0,80}"
        r"(manquant|non (transmis|remis|produit|fourni)|retard)|"
        r"retard[^.;]{0,60}(transmission|remise|production|envoi)[^.;]{0,50}"
        r"(documents?|justificatifs?|fiches?|tableaux?|états?|relevés?|pièces?)|par (état|document|fiche) manquant", re.I),
    "heures": re.compile(
        r"\d[\d\u00a0\u202f ]*\s*(heures|h)\b[^.;]{0,60}insertion|insertion[^.;]{0,80}\d[\d\u00a0\u202f ]*\s*"
        r"(heures|h)\b|heures d.insertion\s*[:|]\s*\d", re.I),
}


def sig_hits(text, elements):
    return [e for e in elements if e in SIG and SIG[e].search(text)]


def _flat(block):
    if isinstance(block, str):
        return block
    if block[0] in ("p", "li"):
        return block[1]
    if block[0] == "t":
        return " ".join(" ".join(r) for r in block[1])
    return ""


def pick(seed, key, variants, forbid=(), force=None):
    """Draws one wording among `variants` (callables or strings already formatted)."""
    if force is not None:
        return variants[force]
    rng = random.Random(f"{seed}/{key}")
    order = list(range(len(variants)))
    rng.shuffle(order)
    for i in order:
        v = variants[i]
        txt = v if isinstance(v, str) else " ".join(_flat(x) for x in v)
        if not sig_hits(txt, forbid):
            return v
    raise RuntimeError(f"{seed}: no wording for {key} avoids {forbid}")


# ------------------------------------------------------------------ numbers, dates, amounts
_U = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
      "douze", "treize", "quatorze", "quinze", "seize"]
_T = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt"}


def _under100(n):
    if n <= 16:
        return _U[n]
    if n < 20:
        return "dix-" + _U[n - 10]
    t, u = divmod(n, 10)
    if t == 7:
        return "soixante-" + ("et-onze" if u == 1 else _under100(10 + u))
    if t == 9:
        return "quatre-vingt-" + _under100(10 + u)
    if t == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + _U[u]
    if u == 0:
        return _T[t]
    if u == 1:
        return _T[t] + " et un"
    return _T[t] + "-" + _U[u]


def words(n):
    """French words for 0 <= n < 10000 (usual spelling, 'cent' plural rules)."""
    if n < 100:
        return _under100(n)
    if n < 1000:
        c, r = divmod(n, 100)
        head = "cent" if c == 1 else _U[c] + " cent" + ("s" if r == 0 else "")
        return head if r == 0 else head + " " + _under100(r)
    m, r = divmod(n, 1000)
    head = "mille" if m == 1 else words(m) + " mille"
    return head if r == 0 else head + " " + words(r)


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]


def fdate(d, style):
    if style == "long":
        day = "1er" if d.day == 1 else str(d.day)
        return f"{day} {MOIS[d.month - 1]} {d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "short":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    raise ValueError(style)


def _grp(n):
    s = f"{int(n):,}".replace(",", " ")
    return s


def famount(a, style="esp"):
    a = int(round(a))
    if style == "M" and a >= 1_000_000 and a % 10_000 == 0:
        v = f"{a / 1_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"{v} M€ HT"
    if style == "k" and a % 1000 == 0:
        return f"{_grp(a // 1000)} k€ HT"
    if style == "eur":
        return f"{_grp(a)},00 euros HT"
    return f"{_grp(a)} € HT"


def de(struct):
    """« de » + structure with its article (le PLIE → du PLIE)."""
    if struct.startswith("le "):
        return "du " + struct[3:]
    if struct.startswith("les "):
        return "des " + struct[4:]
    return "de " + struct


def a_(struct):
    """« à » + structure with its article (le PLIE → au PLIE)."""
    if struct.startswith("le "):
        return "au " + struct[3:]
    if struct.startswith("les "):
        return "aux " + struct[4:]
    return "à " + struct


def hh(h):
    return f"{h} heures"


# ------------------------------------------------------------------ legal references
CCAG = {
    "travaux": dict(art="20.1", long="cahier des clauses administratives générales applicable aux marchés "
                    "publics de travaux (CCAG-Travaux) approuvé par l'arrêté du 30 mars 2021",
                    mid="CCAG-Travaux de 2021", short="CCAG-Travaux 2021, art. 20.1"),
    "fcs": dict(art="16.1", long="cahier des clauses administratives générales des marchés publics de "
                "fournitures courantes et de services (CCAG-FCS) approuvé par l'arrêté du 30 mars 2021",
                mid="CCAG-FCS de 2021", short="CCAG-FCS (2021) art. 16.1"),
}


def basis_variants(C):
    g = CCAG[C.ccag]
    plus = (" et de l'article L. 2112-2-1 du même code, la valeur estimée du besoin atteignant le seuil "
            "européen" if C.need_l21121 else "")
    plus2 = " et L. 2112-2-1" if C.need_l21121 else ""
    basis = C.mods.get("basis")
    if basis == "cmp14":
        return ["Cette clause, condition d'exécution du marché, est prise en application de l'article 14 du "
                "Code des marchés publics ; elle s'ajoute aux stipulations de l'article "
                f"{g['art']} du {g['mid']}."]
    if basis == "ord38":
        return ["Condition d'exécution fondée sur l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015 "
                f"relative aux marchés publics, mise en œuvre selon l'article {g['art']} du {g['mid']}."]
    if basis == "l211313":
        return ["En application de l'article L. 2113-13 du code de la commande publique, le titulaire "
                "consacre une part des heures de travail du marché à une action d'insertion, dans les conditions "
                f"de l'article {g['art']} du {g['mid']}."]
    if basis == "r21527":
        return ["L'action d'insertion ci-dessous est une condition d'exécution du marché imposée sur le "
                f"fondement de l'article R2152-7 du code de la commande publique ; l'article {g['art']} du "
                f"{g['mid']} s'applique pour le surplus."]
    if basis == "wrongart":
        wrong = "16.1" if C.ccag == "travaux" else "20.1"
        name = "CCAG-Travaux" if C.ccag == "travaux" else "CCAG-FCS"
        return [f"La présente clause est une condition d'exécution au sens de l'article L. 2112-2 du code "
                f"de la commande publique ; elle complète l'article {wrong} du {name} (version 2021)."]
    if basis == "ccag2009":
        return [f"La présente clause est une condition d'exécution au sens de l'article L. 2112-2 du code "
                f"de la commande publique{plus}."]
    return [
        f"La présente clause est une condition d'exécution à caractère social au sens de l'article L. 2112-2 "
        f"du code de la commande publique{plus}. Elle précise les stipulations de l'article {g['art']} du "
        f"{g['mid']}.",
        f"Fondement : art. L. 2112-2{plus2} CCP ; {g['short']}.",
        f"Conformément à l'article L2112-2 du Code de la commande publique{plus}, l'acheteur fait de l'action "
        f"d'insertion décrite ci-après une condition d'exécution du marché ; l'article {g['art']} du "
        f"{g['mid']} s'applique, complété par le présent article.",
        f"Le marché est assorti d'une condition d'exécution destinée à favoriser l'accès à l'emploi (code de la "
        f"commande publique, article L2112-2{plus2}). Elle est mise en œuvre selon l'article {g['art']} du "
        f"{g['mid']}, que le présent article complète.",
    ]


# ------------------------------------------------------------------ clause elements
def publics_variants(C):
    ft = "France Travail"
    qpv = "quartier prioritaire de la politique de la ville (QPV)"
    if C.mods.get("zus"):
        qpv = "zone urbaine sensible (ZUS)"
    return [
        [("p", "Sont éligibles, après validation par le facilitateur : 1) les demandeurs d'emploi inscrits à "
               f"{ft} depuis plus de douze mois ; 2) les bénéficiaires du RSA et leurs ayants droit ; 3) les "
               "bénéficiaires de l'obligation d'emploi des travailleurs handicapés (article L. 5212-13 du code du "
               "travail) ; 4) les jeunes de moins de 26 ans sans qualification ou sans expérience professionnelle ; "
               f"5) les demandeurs d'emploi de 50 ans et plus ; 6) les habitants d'un {qpv} ; 7) les personnes "
               "titulaires d'un PASS IAE.")],
        [("p", "Les heures sont effectuées par des personnes sans emploi qui rencontrent des difficultés "
               "sociales ou professionnelles d'accès à l'emploi, notamment :"),
         ("li", f"demandeurs d'emploi de longue durée (plus de douze mois d'inscription à {ft}) ;"),
         ("li", "allocataires de minima sociaux (RSA, ASS, AAH) ;"),
         ("li", "personnes reconnues travailleurs handicapés (RQTH) ;"),
         ("li", "jeunes de moins de 26 ans de niveau de qualification 3 ou infra ;"),
         ("li", f"résidents d'un {qpv} ;"),
         ("li", "toute autre personne dont la situation est validée par le facilitateur sur avis motivé d'un "
                "prescripteur (mission locale, Cap emploi, PLIE).")],
        [("p", "Peuvent occuper les postes d'insertion : les allocataires de minima sociaux (RSA, ASS, AAH), les "
               "travailleurs handicapés, les personnes privées d'emploi depuis au moins douze mois, les jeunes de "
               f"16 à 25 ans révolus suivis par une mission locale, les habitants d'un {qpv}, ainsi que les "
               "personnes que le facilitateur reconnaît éligibles sur proposition de France Travail, de Cap emploi "
               "ou d'un service social.")],
        [("p", f"Publics visés : personnes orientées par {ft}, Cap emploi, une mission locale ou le PLIE qui "
               "relèvent d'au moins une des situations suivantes — inscription comme demandeur d'emploi depuis "
               "un an au moins, perception du RSA, de l'ASS ou de l'AAH, reconnaissance de la qualité de "
               "travailleur handicapé, âge inférieur à 26 ans sans diplôme qualifiant, âge d'au moins 50 ans "
               f"avec une recherche d'emploi en cours, résidence en {qpv}. Le facilitateur vérifie l'éligibilité "
               "avant toute prise en compte des heures.")],
    ]


def modalites_variants(C):
    return [
        [("p", "Le titulaire choisit librement une ou plusieurs des modalités suivantes : 1. l'embauche directe "
               "(CDI, CDD, contrat d'apprentissage ou de professionnalisation) ; 2. la mise à disposition de "
               "salariés par une entreprise de travail temporaire d'insertion (ETTI), une association "
               "intermédiaire (AI) ou un groupement d'employeurs pour l'insertion et la qualification (GEIQ) ; "
               "3. la sous-traitance ou la co-traitance d'une partie des prestations avec une structure "
               "d'insertion par l'activité économique (SIAE), une entreprise adaptée ou un ESAT.")],
        [("p", "Pour atteindre le volume fixé, l'entreprise peut :"),
         ("li", "recruter directement les personnes, y compris en contrat d'apprentissage ;"),
         ("li", "faire appel à des salariés mis à disposition par une ETTI, une association intermédiaire ou "
                "un GEIQ ;"),
         ("li", "confier une partie des prestations, en sous-traitance ou en co-traitance, à une entreprise "
                "d'insertion, à un atelier et chantier d'insertion (ACI), à une entreprise adaptée ou à un ESAT.")],
        [("p", "L'exécution de l'action d'insertion peut prendre la forme d'une embauche directe, d'une mise à "
               "disposition de personnel par une structure spécialisée (ETTI, AI, GEIQ, ou entreprise de travail "
               "temporaire recrutant des personnes éligibles) ou d'un contrat de sous-traitance passé avec une "
               "SIAE ; ces formes peuvent être combinées.")],
        [("p", "Modalités de réalisation ouvertes au titulaire : embauche directe sur le chantier ou dans "
               "l'entreprise ; recours à une structure de mise à disposition (ETTI, association intermédiaire, "
               "GEIQ) ; co-traitance ou sous-traitance avec une SIAE, une entreprise adaptée ou un ESAT, les "
               "heures étant alors converties selon la méthode indiquée par le facilitateur.")],
    ]


def facil_variants(C):
    f = C.facil
    if C.mods.get("facil") == "vague":
        return [[("p", "Le titulaire se rapproche du facilitateur de la clause sociale dès la notification du "
                       "marché afin d'organiser les recrutements.")]]
    tel = f.get("phone")
    mail = f.get("email")
    pers = f.get("person")
    if tel and pers:
        return [
            [("p", f"Le facilitateur de la clause est {f['struct']} — {pers}, tél. {tel}, courriel : {mail}. "
                   "Il aide le titulaire à repérer les candidats et à préparer les recrutements.")],
            [("p", f"Interlocuteur du titulaire pour la mise en œuvre de la clause : {f['struct']}, {pers} "
                   f"({tel} – {mail}).")],
            [("p", f"Pour toute question relative à l'action d'insertion, le titulaire s'adresse {a_(f['struct'])} "
                   f"(contact : {pers}), au {tel} ou à l'adresse {mail}.")],
        ]
    return [
        [("p", f"Contact de la facilitation : {f['struct']} – {mail}.")],
        [("p", f"Le titulaire prend l'attache {de(f['struct'])}, structure chargée de la facilitation des "
               f"clauses sociales, par courriel à l'adresse {mail}, dès la notification.")],
    ]


def controle_variants(C):
    end = "la réception des travaux" if C.nature == "travaux" else "la fin de chaque période d'exécution"
    return [
        [("p", "Le titulaire remet au facilitateur, avant le 10 de chaque mois, un état mensuel des heures "
               "réalisées le mois précédent (nom, situation, type de contrat, nombre d'heures), accompagné de la "
               "copie des contrats de travail ou des relevés d'heures de mise à disposition. Un bilan est établi "
               f"avant {end}.")],
        [("p", "Une fiche de suivi trimestrielle est adressée au facilitateur dans les quinze jours qui suivent "
               "chaque trimestre civil ; les bulletins de salaire ou les factures des structures d'insertion y "
               "sont joints. Le facilitateur établit une attestation de réalisation en fin de marché.")],
        [("p", "Le titulaire justifie de l'exécution de son engagement en joignant à chaque demande de paiement "
               "le tableau de suivi des heures d'insertion, visé par le facilitateur, et tient à la disposition "
               "de l'acheteur les pièces justificatives (contrats, relevés d'heures, factures).")],
        [("p", "Suivi et contrôle : réunion de lancement avec le facilitateur dans le mois de la notification ; "
               "transmission d'un état récapitulatif des heures tous les deux mois, dans les dix jours suivant "
               "la période ; production, sur simple demande, des bulletins de paie des personnes concernées.")],
    ]


def pen_heure_variants(C):
    m = C.mods.get("pen_heure")
    if m == "noamount":
        return [[("p", "En cas d'inexécution de l'engagement, le titulaire encourt une pénalité dont le montant "
                       "est fixé par l'acheteur après avis du facilitateur.")]]
    if m == "smic2025":
        return [[("p", "Chaque heure d'insertion non réalisée donne lieu à une pénalité égale à 1,5 fois le SMIC "
                       "horaire brut de 11,88 €, soit 17,82 € par heure.")]]
    return [
        [("p", "En cas d'inexécution, une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date "
               "du constat est appliquée par heure d'insertion non réalisée.")],
        [("p", "Chaque heure manquante constatée au bilan donne lieu à une retenue de 35 € HT.")],
        [("p", "Le défaut de réalisation entraîne une pénalité forfaitaire de 40 € par heure non effectuée, sans "
               "mise en demeure préalable.")],
        [("p", "Une retenue égale à deux fois le SMIC horaire brut en vigueur à la date du constat est opérée "
               "pour chaque heure d'insertion non exécutée.")],
    ]


def pen_docs_variants(C):
    return [
        [("p", "Tout retard dans la transmission des documents de suivi entraîne une pénalité de 80 € par jour "
               "calendaire de retard, après une mise en demeure restée sans effet pendant huit jours.")],
        [("p", "Une pénalité de 150 € HT est appliquée par document de suivi manquant à l'échéance prévue.")],
        [("p", "À défaut de remise de l'état des heures dans le délai prévu, une pénalité de 100 € par jour "
               "calendaire de retard est appliquée.")],
        [("p", "Pénalité pour défaut de production des pièces de suivi : 60 € par document manquant.")],
    ]


CLAUSE_TITLES = [
    "Clause d'insertion sociale et professionnelle",
    "Condition sociale d'exécution – insertion",
    "Action d'insertion professionnelle du titulaire",
    "Heures de travail réservées à l'insertion",
    "Dispositif d'insertion par l'emploi",
]

SUB_TITLES = {
    "basis": ["Objet et fondement", "Cadre juridique", "Nature de l'obligation"],
    "heures": ["Volume d'heures", "Nombre d'heures à réaliser", "Quantification de l'engagement"],
    "publics": ["Personnes éligibles", "Bénéficiaires de l'action", "Publics"],
    "modalites": ["Modalités de mise en œuvre", "Formes de réalisation", "Moyens ouverts au titulaire"],
    "facil": ["Accompagnement", "Facilitateur", "Interlocuteur de la clause"],
    "controle": ["Suivi et contrôle", "Justification des heures", "Contrôle de l'exécution"],
    "pen": ["Pénalités", "Sanctions du non-respect", "Manquements"],
}

TABLE_LABELS = {"basis": "Fondement", "heures": "Volume d'heures d'insertion", "publics": "Publics éligibles",
                "modalites": "Modalités", "facil": "Facilitateur", "controle": "Contrôle et justificatifs",
                "pen_heure": "Pénalité – heures non réalisées", "pen_docs": "Pénalité – documents de suivi",
                "extra": "Précisions"}

TRAPS = {
    "hebdo35": "Les interventions sont organisées sur la base de 35 heures hebdomadaires, du lundi au vendredi.",
    "horaires": "Horaires de chantier : 7 h 00 – 19 h 00, hors samedis, dimanches et jours fériés.",
    "delai72": "Le titulaire intervient dans un délai de 72 heures suivant la demande écrite de l'acheteur.",
    "contrat150": "Chaque personne recrutée au titre de la clause bénéficie d'un contrat d'au moins 150 heures.",
    "etp1607": "À titre indicatif, 1 607 heures correspondent à un équivalent temps plein sur une année.",
}
