"""French wording pools for the blind corpus. Every sentence here was written for this corpus
from the domain facts (reference.md); none is copied from a published model."""

from __future__ import annotations

import datetime as dt

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]

CCAG = {
    "travaux": dict(short="CCAG-Travaux", art="20.1", env="20.2",
                    long="cahier des clauses administratives générales applicables aux marchés "
                         "publics de travaux"),
    "fcs": dict(short="CCAG-FCS", art="16.1", env="16.2",
                long="cahier des clauses administratives générales applicables aux marchés publics "
                     "de fournitures courantes et de services"),
    "pi": dict(short="CCAG-PI", art="16.1", env="16.2",
               long="cahier des clauses administratives générales applicables aux marchés publics "
                    "de prestations intellectuelles"),
    "tic": dict(short="CCAG-TIC", art="16.1", env="16.2",
                long="cahier des clauses administratives générales applicables aux marchés publics "
                     "de techniques de l'information et de la communication"),
    "moe": dict(short="CCAG-MOE", art="18.1", env="18.2",
                long="cahier des clauses administratives générales applicables aux marchés publics "
                     "de maîtrise d'œuvre"),
}


# --------------------------------------------------------------------------- formatting
def fmt_int(n: int, sep=" ") -> str:
    s = f"{int(n):,}".replace(",", sep)
    return s


def fmt_eur(a: float, sep="\u00a0", style=0) -> str:
    base = fmt_int(round(a), sep)
    return [f"{base} € HT", f"{base},00 € HT", f"{base} euros HT", f"{base} € H.T."][style % 4]


def fmt_date(d: dt.date, style=0) -> str:
    if style == 1:
        return d.strftime("%d/%m/%Y")
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize"]
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int) -> str:
    if n <= 16:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    t, u = divmod(n, 10)
    if t in (7, 9):
        base = "soixante" if t == 7 else "quatre-vingt"
        rest = 10 + u
        if t == 7 and u == 1:
            return "soixante et onze"
        return base + "-" + _below_100(rest)
    if t == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + _UNITS[u]
    if u == 0:
        return _TENS[t]
    if u == 1:
        return _TENS[t] + " et un"
    return _TENS[t] + "-" + _UNITS[u]


def _below_1000(n: int, final=True) -> str:
    h, r = divmod(n, 100)
    parts = []
    if h:
        if h == 1:
            parts.append("cent")
        else:
            parts.append(_UNITS[h] + " cent" + ("s" if r == 0 and final else ""))
    if r:
        w = _below_100(r)
        if not final and w == "quatre-vingts":
            w = "quatre-vingt"
        parts.append(w)
    return " ".join(parts) if parts else "zéro"


def fr_words(n: int) -> str:
    """Spelled-out French number (traditional spelling), 0 ≤ n < 1 000 000."""
    if n < 1000:
        return _below_1000(n)
    th, r = divmod(n, 1000)
    head = "mille" if th == 1 else _below_1000(th, final=False) + " mille"
    return head if r == 0 else head + " " + _below_1000(r)


def hours_str(n: int, style: int, sep=" ") -> str:
    """One way of writing a number of hours inside a sentence."""
    s = fmt_int(n, sep)
    return [
        f"{s} heures",
        f"{fr_words(n)} ({s}) heures",
        f"{s} h",
        f"{s} heures de travail",
        f"{s} H",
    ][style % 5]


def a_(s: str) -> str:
    """« à » + article: à le → au, à les → aux."""
    if s.startswith("le "):
        return "au " + s[3:]
    if s.startswith("les "):
        return "aux " + s[4:]
    return "à " + s


def de_(s: str) -> str:
    if s.startswith("le "):
        return "du " + s[3:]
    if s.startswith("les "):
        return "des " + s[4:]
    return "de " + s


def lots_phrase(nums: list[str]) -> str:
    if len(nums) == 1:
        return f"le lot {nums[0]}"
    if len(nums) == 2:
        return f"les lots {nums[0]} et {nums[1]}"
    contiguous = all(int(b) - int(a) == 1 for a, b in zip(nums, nums[1:]) if a.isdigit() and b.isdigit())
    if contiguous and all(n.isdigit() for n in nums) and len(nums) > 3:
        return f"les lots {nums[0]} à {nums[-1]}"
    return "les lots " + ", ".join(nums[:-1]) + " et " + nums[-1]


# --------------------------------------------------------------------------- obsolete names
def names(inject: set[str]) -> dict:
    """Current names, or the obsolete one where a mistake is planted."""
    return dict(
        ft="Pôle emploi" if "pole" in inject else "France Travail",
        qpv="zones urbaines sensibles (ZUS)" if "zus" in inject
        else "quartiers prioritaires de la politique de la ville (QPV)",
        qpv_short="ZUS" if "zus" in inject else "QPV",
        pass_iae="disposant d'un agrément Pôle emploi" if "agrement" in inject
        else "titulaires d'un PASS IAE",
        ddets="la DIRECCTE" if "direccte" in inject else "la DDETS",
    )


# --------------------------------------------------------------------------- clause elements
def legal_intro(v: int, ccag: str, basis: str, ccag_art: str | None, above_eu=False) -> str:
    """basis: the legal text cited as the ground of the clause (L2112-2 normally)."""
    c = CCAG[ccag]
    art = ccag_art or c["art"]
    bare = basis[2:] if basis.startswith("l'") else basis
    ccag_ref = f"l'article {art} du {c['short']}"
    pool = [
        f"En application de {basis}, l'exécution du présent marché comporte une condition à caractère "
        f"social : le titulaire met en œuvre une action d'insertion professionnelle au bénéfice de "
        f"personnes rencontrant des difficultés sociales ou professionnelles particulières. Le présent "
        f"article complète {ccag_ref}.",
        f"Le marché intègre une clause d'insertion par l'activité économique fondée sur {basis}. "
        f"Les stipulations qui suivent précisent {ccag_ref} ; elles constituent une condition "
        f"d'exécution du contrat et non un critère de sélection des offres.",
        f"Conformément à {basis}, l'acheteur a choisi d'inscrire dans ce contrat une obligation "
        f"d'insertion : une part des heures de travail nécessaires à l'exécution est réservée à des "
        f"personnes éloignées de l'emploi, dans les conditions prévues à {ccag_ref}.",
        f"Clause sociale d'exécution ({bare} ; {c['short']}, article {art}). Le titulaire s'oblige à "
        f"favoriser l'accès ou le retour à l'emploi de personnes en difficulté d'insertion en leur "
        f"réservant un volume d'heures de travail fixé ci-après.",
        f"Une partie des heures nécessaires à la réalisation des prestations est consacrée à "
        f"l'insertion de publics éloignés de l'emploi. Cette obligation, prise sur le fondement de "
        f"{basis} et de {ccag_ref}, s'impose au titulaire comme à ses sous-traitants.",
        f"Le titulaire est tenu de réaliser une action d'insertion sociale et professionnelle "
        f"({bare}). Il est dérogé à {ccag_ref} uniquement en ce qui concerne le montant des "
        f"pénalités, fixé au présent document.",
    ]
    txt = pool[v % len(pool)]
    if above_eu:
        txt += (" La valeur estimée du marché étant supérieure au seuil européen, cette condition "
                "d'exécution répond également à l'article L2112-2-1 du même code.")
    return txt


BASIS = {
    "ok": "l'article L2112-2 du Code de la commande publique",
    "ok2": "l'article L.2112-2 du code de la commande publique",
    "cmp14": "l'article 14 du Code des marchés publics",
    "ord38": "l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics",
    "dec_ord": "l'ordonnance n° 2015-899 du 23 juillet 2015 et du décret n° 2016-360 du 25 mars 2016",
    "l2113_13": "l'article L2113-13 du Code de la commande publique",
    "l2113_12": "l'article L2113-12 du Code de la commande publique",
    "r2152_7": "l'article R2152-7 du Code de la commande publique",
}


def public_block(doc, v: int, nm: dict, anru=False):
    intro_anru = (
        f"Conformément aux engagements de la convention de renouvellement urbain, les heures "
        f"d'insertion bénéficient en priorité aux habitants des {nm['qpv']}. ") if anru else ""
    if v % 6 == 0:
        doc.p(intro_anru + "Sont éligibles, après validation par le facilitateur :")
        doc.bullets([
            f"les demandeurs d'emploi de longue durée (plus de 12 mois d'inscription à {nm['ft']}) ;",
            "les bénéficiaires du RSA, de l'allocation de solidarité spécifique ou de l'AAH ;",
            "les travailleurs reconnus handicapés (RQTH) ;",
            "les jeunes de moins de 26 ans sans diplôme ou de faible niveau de qualification ;",
            "les demandeurs d'emploi âgés de 50 ans et plus ;",
            f"les personnes accompagnées par une structure d'insertion par l'activité économique, "
            f"{nm['pass_iae']} ;",
            f"les habitants des {nm['qpv']} inscrits comme demandeurs d'emploi.",
        ])
    elif v % 6 == 1:
        doc.p(intro_anru +
              f"Le public visé est constitué de personnes sans emploi rencontrant des difficultés "
              f"sociales ou professionnelles : demandeurs d'emploi inscrits depuis plus d'un an à "
              f"{nm['ft']}, allocataires des minima sociaux (RSA, ASS, AAH), personnes en situation de "
              f"handicap, jeunes de moins de 26 ans suivis par la Mission locale, seniors de plus de 50 "
              f"ans, salariés en parcours dans une SIAE. D'autres situations peuvent être retenues sur "
              f"avis motivé du facilitateur.")
    elif v % 6 == 2:
        doc.p(intro_anru + "Les publics éligibles à la clause sont les suivants :")
        doc.table([
            ["Catégorie", "Précision"],
            ["Demandeurs d'emploi de longue durée", f"inscrits à {nm['ft']} depuis au moins 12 mois "
                                                     "au cours des 18 derniers mois"],
            ["Allocataires de minima sociaux", "RSA, ASS, AAH (et ayants droit)"],
            ["Travailleurs handicapés", "RQTH, orientation par Cap emploi"],
            ["Jeunes", "moins de 26 ans, niveau de qualification 3 ou infra"],
            ["Seniors", "50 ans et plus, en recherche d'emploi"],
            ["Parcours IAE", f"personnes {nm['pass_iae']}"],
            ["Résidents prioritaires", f"habitants des {nm['qpv']}"],
        ])
    elif v % 6 == 3:
        doc.p(intro_anru +
              f"Peuvent bénéficier des heures d'insertion les personnes {nm['pass_iae']}, les "
              f"demandeurs d'emploi de longue durée, les bénéficiaires du revenu de solidarité active, "
              f"les personnes reconnues travailleurs handicapés et les jeunes de moins de 26 ans "
              f"accompagnés par la Mission locale. Le facilitateur vérifie l'éligibilité avant toute "
              f"embauche ; les heures effectuées par une personne dont l'éligibilité n'a pas été "
              f"validée ne sont pas prises en compte.")
    elif v % 6 == 4:
        doc.p(intro_anru +
              f"Publics concernés : chômeurs de longue durée ; bénéficiaires du RSA ; travailleurs "
              f"handicapés ; jeunes de moins de 26 ans peu qualifiés ; personnes de 50 ans et plus en "
              f"recherche d'emploi ; personnes suivies par le PLIE ou par une structure d'insertion "
              f"par l'activité économique ; habitants des {nm['qpv']} orientés par {nm['ft']}.")
    else:
        doc.p(intro_anru +
              "L'action d'insertion s'adresse à des personnes qui connaissent des difficultés "
              "particulières d'accès à l'emploi, notamment :")
        doc.bullets([
            "personnes privées d'emploi depuis au moins douze mois ;",
            "bénéficiaires du RSA ou de l'ASS, titulaires de l'AAH ;",
            f"jeunes de 16 à 25 ans révolus orientés par la Mission locale ou {nm['ft']} ;",
            f"salariés des structures d'insertion (AI, ETTI, EI, ACI) {nm['pass_iae']} ;",
            "personnes placées sous main de justice, réfugiés et bénéficiaires d'une protection "
            "internationale, sur validation du facilitateur.",
        ])


def modal_block(doc, v: int):
    if v % 6 == 0:
        doc.p("Le titulaire choisit librement une ou plusieurs des modalités suivantes :")
        doc.bullets([
            "l'embauche directe (CDI, CDD, contrat d'apprentissage ou de professionnalisation) ;",
            "la mise à disposition de salariés par une entreprise de travail temporaire d'insertion "
            "(ETTI), une association intermédiaire (AI) ou un groupement d'employeurs pour "
            "l'insertion et la qualification (GEIQ) ;",
            "la sous-traitance ou la co-traitance d'une partie des prestations avec une entreprise "
            "d'insertion, un atelier et chantier d'insertion, une entreprise adaptée ou un ESAT.",
        ])
    elif v % 6 == 1:
        doc.p("Pour atteindre l'objectif, l'entreprise peut recruter directement, faire appel à une "
              "ETTI, une association intermédiaire ou un GEIQ, ou encore confier une partie de "
              "l'exécution à une entreprise d'insertion ou à une entreprise adaptée ; ces solutions "
              "peuvent être combinées.")
    elif v % 6 == 2:
        doc.table([
            ["Modalité de réalisation", "Heures prises en compte"],
            ["Embauche directe (CDI, CDD, alternance)", "heures figurant sur les bulletins de paie"],
            ["Mise à disposition (ETTI, AI, GEIQ, ETT)", "heures facturées par la structure"],
            ["Sous-traitance ou co-traitance (EI, ACI, EA, ESAT)",
             "heures des salariés en insertion affectés à la part sous-traitée"],
        ])
    elif v % 6 == 3:
        doc.p("Trois voies sont ouvertes au titulaire : 1) recruter lui-même les personnes éligibles ; "
              "2) recourir à la mise à disposition de personnel par une structure d'insertion (ETTI, "
              "AI) ou par un GEIQ ; 3) sous-traiter une partie des prestations à une SIAE ou à une "
              "structure du secteur adapté. Le choix est indiqué dans la fiche d'engagement remise "
              "avant le démarrage.")
    elif v % 6 == 4:
        doc.p("Modalités de réalisation : embauche en contrat de droit commun ou en alternance, "
              "intérim d'insertion (ETTI), mise à disposition par une association intermédiaire, "
              "recours à un GEIQ, ou achat de prestations auprès d'une SIAE, d'une entreprise "
              "adaptée ou d'un ESAT.")
    else:
        doc.p("Le titulaire peut satisfaire à son obligation par embauche directe, par "
              "l'intermédiaire d'une structure de mise à disposition (ETTI, AI, GEIQ) ou en "
              "sous-traitant à une SIAE, une EA ou un ESAT ; les heures réalisées par ses "
              "sous-traitants et cotraitants sont prises en compte.")


def contact_block(doc, v: int, fac: dict, partial=False):
    """partial: the structure is named without any phone number or e-mail (a mistake)."""
    if partial:
        pool = [
            f"Le titulaire est accompagné dans la mise en œuvre de la clause par {fac['structure']}.",
            f"Le dispositif est animé par le facilitateur {de_(fac['structure'])}, qui assiste "
            f"gratuitement les entreprises.",
        ]
        doc.p(pool[v % 2])
        return
    if v % 6 == 0:
        doc.p(f"Le facilitateur de la clause sociale accompagne gratuitement le titulaire : "
              f"{fac['structure']} — {fac['person']}, {fac['role']} — tél. {fac['phone']} — "
              f"courriel : {fac['email']}.")
    elif v % 6 == 1:
        doc.kv([["Structure", fac["structure"][0].upper() + fac["structure"][1:]], ["Interlocuteur", f"{fac['person']}, {fac['role']}"],
                ["Téléphone", fac["phone"]], ["Courriel", fac["email"]]],
               title="Coordonnées du facilitateur")
    elif v % 6 == 2:
        doc.p(f"Pour toute question relative à la mise en œuvre de la clause, les candidats puis le "
              f"titulaire s'adressent {a_(fac['structure'])}, {fac['addr']}, {fac['phone']}, "
              f"{fac['email']}.")
    elif v % 6 == 3:
        doc.p(f"Interlocuteur unique pour l'insertion : {fac['person']} ({fac['structure']}) — "
              f"{fac['email']}.")
    elif v % 6 == 4:
        doc.p(f"Le suivi de la clause est assuré par {fac['structure']} ; contact téléphonique : "
              f"{fac['phone']}.")
    else:
        doc.p(f"Coordonnées du guichet clauses sociales : {fac['structure']}, {fac['addr']}. "
              f"Téléphone : {fac['phone']}. Adresse électronique : {fac['email']}.")


def control_block(doc, v: int, nm: dict):
    if v % 6 == 0:
        doc.p("Le titulaire transmet au facilitateur, avant le démarrage, une fiche de liaison "
              "indiquant la ou les modalités retenues, puis chaque mois, au plus tard le 10 du mois "
              "suivant, un tableau de suivi des heures réalisées accompagné des justificatifs "
              "(contrats, relevés d'heures, factures des structures d'insertion). Un bilan est "
              "établi à la fin du marché.")
    elif v % 6 == 1:
        doc.p("Sur simple demande de l'acheteur ou du facilitateur, et au minimum chaque trimestre, "
              "le titulaire produit l'état des heures d'insertion réalisées et les pièces "
              "justificatives correspondantes (copies des contrats de travail, bulletins de "
              "salaire, attestations de mission). Le facilitateur établit l'attestation de "
              "réalisation avant le paiement du solde.")
    elif v % 6 == 2:
        doc.p("Le titulaire s'engage à :")
        doc.bullets([
            "désigner un référent insertion dès la notification du marché ;",
            "remettre sous quinze jours un plan prévisionnel de recrutement ;",
            "fournir chaque mois le tableau de suivi des heures (modèle remis par le facilitateur) ;",
            "communiquer, à la fin des prestations, les justificatifs permettant d'établir le bilan.",
        ])
    elif v % 6 == 3:
        doc.p("Les justificatifs des heures (contrats, fiches de paie ou relevés de mission) sont "
              "adressés tous les deux mois au facilitateur. L'acheteur peut à tout moment contrôler "
              f"la réalité des heures déclarées ; un bilan annuel est communiqué à {nm['ddets']}.")
    elif v % 6 == 4:
        doc.p("Suivi et reporting : le titulaire renseigne le tableau de bord trimestriel fourni par "
              "le facilitateur et le retourne dans les quinze jours suivant la fin de chaque "
              "trimestre, avec les justificatifs d'emploi des personnes concernées.")
    else:
        doc.p("Le respect de l'engagement est vérifié au vu d'un relevé mensuel (identifiant de la "
              "personne, catégorie de public, type de contrat, dates, heures réalisées) que le "
              "titulaire remet au facilitateur avant le 5 de chaque mois.")


def penh_text(v: int, bad: str | None = None) -> str:
    """Penalty for hours not performed. bad: 'noamount' | 'frozen' | 'frozen2'."""
    if bad == "noamount":
        return ["En cas de non-respect de son engagement d'insertion, le titulaire se verra "
                "appliquer des pénalités par heure non réalisée.",
                "Toute heure d'insertion non effectuée du fait du titulaire donnera lieu à une "
                "pénalité, dont le montant sera arrêté par l'acheteur au vu du bilan du facilitateur.",
                ][v % 2]
    if bad == "frozen":
        return ("Pour chaque heure d'insertion non réalisée, une pénalité égale à 1,5 fois le SMIC "
                "horaire brut est appliquée, soit 17,82 € par heure (SMIC 2025 : 11,88 €).")
    if bad == "frozen2":
        return ("La pénalité due par heure d'insertion non réalisée est fixée à deux fois le SMIC "
                "horaire brut au 1er janvier 2024, soit 23,30 €.")
    pool = [
        "En cas de non-réalisation de tout ou partie des heures d'insertion du fait du titulaire, "
        "une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date du constat est "
        "appliquée par heure non réalisée.",
        "Toute heure d'insertion non effectuée donne lieu à une pénalité forfaitaire de 35 € HT, "
        "sans mise en demeure préalable.",
        "Pénalité pour inexécution de l'action d'insertion : nombre d'heures non réalisées × 2 × "
        "SMIC horaire brut applicable au jour du constat.",
        "Si le titulaire n'a pas réalisé le volume d'heures prévu, il lui est appliqué une pénalité "
        "de 40 euros par heure manquante, après une mise en demeure restée sans effet pendant "
        "quinze jours.",
        "Pénalité P = Hnr × 1,5 × S, où Hnr désigne le nombre d'heures d'insertion non réalisées et "
        "S le SMIC horaire brut en vigueur au moment du calcul.",
        "Le défaut de réalisation des heures d'insertion est sanctionné par une pénalité de 25 € "
        "par heure non réalisée, dans la limite de 5 % du montant du marché.",
    ]
    return pool[v % len(pool)]


def pend_text(v: int) -> str:
    pool = [
        "Le retard dans la transmission des documents de suivi de la clause entraîne une pénalité "
        "de 100 € par jour calendaire de retard.",
        "Tout document de suivi de l'insertion non remis dans le délai fixé donne lieu, après "
        "relance restée infructueuse, à une pénalité de 150 € par document manquant.",
        "Une pénalité journalière de 50 € est appliquée en cas de non-production des justificatifs "
        "d'heures d'insertion demandés.",
        "Défaut de transmission des tableaux de suivi de l'insertion : pénalité forfaitaire de 200 € "
        "HT par mois de retard.",
        "À défaut de remise des pièces justificatives de l'insertion dans les quinze jours suivant "
        "une mise en demeure, le titulaire encourt une pénalité de 80 € par jour de retard.",
        "Absence ou retard de transmission des éléments de suivi de la clause sociale : 120 € par "
        "jour.",
    ]
    return pool[v % len(pool)]


# --------------------------------------------------------------------------- derogations, « sans »
def derogation_text(v: int, what: str) -> str:
    pool = [
        f"Justification de l'absence de condition d'exécution sociale : en application de l'article "
        f"L2112-2-1 du Code de la commande publique, l'acheteur n'a pas prévu de considération "
        f"relative à l'emploi, le besoin portant sur {what}, solution standard immédiatement "
        f"disponible sur le marché dont l'exécution ne mobilise pas de main-d'œuvre sur le "
        f"territoire.",
        f"Dérogation motivée à l'obligation de clause sociale : le marché porte sur {what} ; une "
        f"condition d'exécution relative à l'emploi ne présenterait pas de lien suffisant avec son "
        f"objet. Cette dérogation, prévue par l'article L2112-2-1 du Code de la commande publique, "
        f"est consignée dans le rapport de présentation.",
        f"L'acheteur fait usage de la faculté de dérogation ouverte par la loi n° 2021-1104 du "
        f"22 août 2021 (article 35) pour les contrats dont la valeur dépasse les seuils européens : "
        f"imposer une condition sociale pour {what} restreindrait la concurrence, les fournisseurs "
        f"capables de répondre étant très peu nombreux.",
        f"Absence de clause sociale — motif : il s'agit de {what}. Conformément à l'article "
        f"L2112-2-1 du Code de la commande publique, l'acheteur n'y insère pas de condition "
        f"d'exécution sociale, faute de lien suffisant avec l'objet du marché.",
    ]
    return pool[v % len(pool)]


SANS = [
    "Clause sociale : sans objet.",
    "Le présent marché ne comporte pas de clause sociale d'insertion.",
    "Conditions d'exécution à caractère social : sans objet.",
    "Insertion professionnelle : sans objet",
    "Clause d'insertion : sans",
]

# --------------------------------------------------------------------------- generic paragraphs
CRITERIA = [
    [["Critère", "Pondération"], ["Prix des prestations", "60 %"], ["Valeur technique", "40 %"]],
    [["Critère", "Pondération"], ["Valeur technique (mémoire)", "50 %"], ["Prix", "40 %"],
     ["Performance environnementale", "10 %"]],
    [["Critère", "Pondération"], ["Prix", "55 %"], ["Méthodologie et moyens", "35 %"],
     ["Délai d'exécution", "10 %"]],
]

LITIGE = ("En cas de litige, la loi française est seule applicable. Le tribunal administratif de "
          "{trib} est compétent. Avant toute saisine, les parties recherchent une solution amiable, "
          "le cas échéant devant le comité consultatif interrégional de règlement amiable.")

RETARD = [
    "Par dérogation au CCAG, le titulaire encourt, sans mise en demeure préalable, une pénalité de "
    "retard de 1/3000e du montant du marché par jour calendaire de retard.",
    "En cas de dépassement du délai d'exécution, une pénalité de 300 € HT par jour calendaire de "
    "retard est appliquée.",
    "Les pénalités de retard sont calculées selon la formule P = V × R / 1000, où V est la valeur "
    "des prestations en retard et R le nombre de jours de retard.",
    "Tout retard dans l'exécution donne lieu à une pénalité journalière de 150 € HT, plafonnée à "
    "10 % du montant du marché.",
]

ABSENCE = [
    "L'absence non excusée du titulaire à une réunion de chantier donne lieu à une pénalité de "
    "150 € HT par absence.",
    "Le retard dans la remise des documents d'exécution (plans, notes de calcul) est sanctionné "
    "par une pénalité de 100 € HT par jour.",
    "Le défaut de nettoyage et de repli des installations de chantier est sanctionné par une "
    "pénalité de 200 € HT par constat.",
    "La non-présentation du planning détaillé dans le délai fixé entraîne une pénalité de 250 € HT.",
]

CCTP_TRADES = {
    "vrd": ["Les terrassements sont exécutés en déblai et en remblai selon les plans d'exécution.",
            "Les réseaux d'eaux pluviales sont réalisés en PVC CR8 de diamètre 200 mm minimum.",
            "La couche de roulement est un enrobé BBSG 0/10 de 6 cm d'épaisseur."],
    "gros_oeuvre": ["Les fondations sont de type semelles filantes en béton armé C25/30.",
                    "Les murs porteurs sont réalisés en blocs béton de 20 cm enduits.",
                    "Les planchers sont des prédalles avec dalle de compression coulée en place."],
    "charpente_bois": ["La charpente est réalisée en bois lamellé-collé GL24h traité classe 2.",
                       "Les assemblages sont réalisés par connecteurs métalliques galvanisés."],
    "couverture_etancheite": ["L'étanchéité des toitures-terrasses est de type bicouche "
                              "élastomère avec isolant PIR de 160 mm.",
                              "Les relevés d'étanchéité sont protégés par des bandes solins."],
    "menuiseries_exterieures": ["Les menuiseries sont en aluminium à rupture de pont thermique, "
                                "double vitrage 4/16/4 faiblement émissif."],
    "menuiseries_interieures": ["Les blocs-portes intérieurs sont à âme pleine, huisserie bois, "
                                "finition à peindre."],
    "platrerie": ["Les cloisons de distribution sont de type 72/48 avec isolant laine minérale.",
                  "Les plafonds suspendus sont en plaques de plâtre sur ossature métallique."],
    "peinture": ["Les supports sont préparés (rebouchage, ponçage, dépoussiérage) avant toute "
                 "application.", "La finition des murs est une peinture acrylique velours, deux "
                 "couches, classe 1 selon la norme NF EN 13300."],
    "revetements_sols": ["Les sols des salles sont revêtus d'un PVC homogène U4P3.",
                         "Le carrelage des sanitaires est en grès cérame 30 x 30 R10."],
    "electricite": ["L'installation est conforme à la norme NF C 15-100.",
                    "L'éclairage est assuré par des luminaires LED avec détection de présence."],
    "plomberie_cvc": ["La production de chaleur est assurée par une pompe à chaleur air/eau.",
                      "La ventilation est une VMC double flux avec récupération de chaleur."],
    "ascenseurs": ["L'ascenseur est de type électrique sans local de machinerie, charge 630 kg."],
    "espaces_verts_creation": ["Les plantations comprennent arbres tiges 14/16 et haies "
                               "champêtres d'essences locales."],
    "espaces_verts_entretien": ["La tonte est réalisée à une hauteur de 6 cm, selon un calendrier "
                                "de 12 passages par an.", "Aucun produit phytosanitaire de "
                                "synthèse n'est utilisé."],
    "nettoyage": ["Le nettoyage des bureaux est quotidien, du lundi au vendredi, entre 6 h 00 et "
                  "8 h 30.", "Les produits utilisés disposent d'un écolabel."],
    "collecte_dechets": ["La collecte des ordures ménagères résiduelles est réalisée en C1 sur "
                         "l'ensemble du territoire.", "Les bennes sont équipées d'un système de "
                         "pesée embarquée."],
    "restauration": ["Les repas sont livrés en liaison froide, au moins 50 % de produits durables "
                     "dont 20 % issus de l'agriculture biologique."],
    "demolition_desamiantage": ["Le désamiantage est réalisé en sous-section 3 par une entreprise "
                                "certifiée.", "Les déchets sont tracés par bordereaux de suivi."],
    "fournitures": ["Les articles livrés sont neufs, conformes aux normes en vigueur et garantis "
                    "deux ans.", "La livraison a lieu sur rendez-vous, du lundi au vendredi."],
}
