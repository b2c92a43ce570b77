"""Rédaction des pièces (textes écrits pour ce corpus)."""
from __future__ import annotations

from .words import fr, eur, date_fr

# milieu des fourchettes de reference.md § 6.2
MO = {"vrd": 0.30, "gros_oeuvre": 0.45, "charpente_bois": 0.35, "charpente_metallique": 0.20,
      "couverture_etancheite": 0.40, "menuiseries_exterieures": 0.25,
      "menuiseries_interieures": 0.40, "platrerie": 0.55, "peinture": 0.65,
      "revetements_sols": 0.45, "electricite": 0.45, "plomberie_cvc": 0.35, "ascenseurs": 0.20,
      "espaces_verts_creation": 0.45, "espaces_verts_entretien": 0.65, "nettoyage": 0.85,
      "collecte_dechets": 0.55, "restauration": 0.45, "demolition_desamiantage": 0.50,
      "fournitures": 0.0}
RANGE = {"vrd": (0.25, 0.35), "gros_oeuvre": (0.40, 0.50), "charpente_bois": (0.30, 0.40),
         "couverture_etancheite": (0.35, 0.45), "menuiseries_exterieures": (0.20, 0.30),
         "menuiseries_interieures": (0.35, 0.45), "platrerie": (0.50, 0.60),
         "peinture": (0.60, 0.70), "revetements_sols": (0.40, 0.50), "electricite": (0.40, 0.50),
         "plomberie_cvc": (0.30, 0.40), "espaces_verts_entretien": (0.60, 0.70),
         "nettoyage": (0.80, 0.90), "collecte_dechets": (0.50, 0.60), "restauration": (0.40, 0.50),
         "demolition_desamiantage": (0.40, 0.60), "charpente_metallique": (0.20, 0.20),
         "espaces_verts_creation": (0.40, 0.50), "ascenseurs": (0.15, 0.25)}


def raw_hours(amount, trade):
    return amount * MO[trade] * 0.05 / 30.0


def computed_hours(amount, trade):
    r = raw_hours(amount, trade)
    h = int((r + 2.5) // 5) * 5
    return h if h >= 70 else None


def hours_phrase(h, fmt):
    if fmt == "words":
        return f"{fr(h)} heures"
    if fmt == "unit":
        return f"heures : {h}"
    if fmt == "both":
        return f"{fr(h)} ({h}) heures"
    return f"{h} heures"


def amount_phrase(a, words):
    return f"{fr(a)} euros hors taxes" if words else f"{eur(a)} € HT"


LEGAL_OK = {
    "travaux": ("Cette obligation est une condition d'exécution prévue par l'article L2112-2 du "
                "code de la commande publique ; elle complète l'article 20.1 du CCAG-Travaux "
                "approuvé par l'arrêté du 30 mars 2021."),
    "fcs": ("Cette obligation est une condition d'exécution prévue par l'article L2112-2 du code "
            "de la commande publique ; elle complète l'article 16.1 du CCAG des fournitures "
            "courantes et services approuvé par l'arrêté du 30 mars 2021."),
}
LEGAL_BAD = {
    "CS201:cmp14": "Cette obligation est une condition d'exécution prise en application de l'article 14 du Code des marchés publics ; elle complète l'article 20.1 du CCAG-Travaux approuvé par l'arrêté du 30 mars 2021.",
    "CS202:L2113-13": "Cette obligation est une condition d'exécution fondée sur l'article L2113-13 du code de la commande publique ; elle complète l'article 20.1 du CCAG-Travaux approuvé par l'arrêté du 30 mars 2021.",
    "CS202:R2152-7": "Cette obligation d'insertion est imposée sur le fondement de l'article R2152-7 du code de la commande publique ; elle complète l'article 20.1 du CCAG-Travaux approuvé par l'arrêté du 30 mars 2021.",
    "CS203:2009": "Cette obligation est une condition d'exécution prévue par l'article L2112-2 du code de la commande publique ; elle complète le CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009.",
    "CS203:fcs20": "Cette obligation est une condition d'exécution prévue par l'article L2112-2 du code de la commande publique ; elle complète l'article 20.1 du CCAG des fournitures courantes et services de 2021.",
}


def publics(variant=None):
    fte = "inscrites à Pôle emploi" if variant == "pole" else "inscrites à France Travail"
    quart = "les habitants des ZUS de la commune" if variant == "zus" else \
        "les habitants d'un quartier prioritaire de la politique de la ville (QPV)"
    return ["Les heures sont confiées à des personnes éloignées de l'emploi, dont le facilitateur "
            "vérifie l'éligibilité avant l'embauche, notamment :",
            f"- les personnes sans emploi depuis plus de douze mois, {fte} ;",
            "- les bénéficiaires du RSA, de l'ASS ou de l'AAH ;",
            "- les travailleurs handicapés (RQTH) ;",
            "- les jeunes de moins de 26 ans peu ou pas qualifiés suivis par la Mission locale ;",
            "- les salariés d'une structure de l'insertion par l'activité économique ou les titulaires d'un PASS IAE ;",
            f"- {quart}."]


def modalites():
    return ["L'entreprise retient la forme qui lui convient, seule ou combinée :",
            "• embauche directe (CDD, CDI, apprentissage, contrat de professionnalisation) ;",
            "• mise à disposition de salariés par une ETTI, une association intermédiaire ou un GEIQ ;",
            "• sous-traitance ou co-traitance avec une SIAE, une entreprise adaptée ou un ESAT."]


def contact_line(f):
    return (f"Accompagnement : {f['structure']}, {f['nom']}, tél. {f['tel']}, "
            f"courriel {f['mail']}.")


def suivi():
    return ["Chaque mois, avant le 10, le titulaire remet au facilitateur le tableau de suivi des "
            "heures réalisées, avec la copie des contrats de travail et les relevés d'heures ou "
            "factures des structures partenaires. Le facilitateur établit une attestation de "
            "réalisation à la fin du marché."]


def pen_heure(variant=None):
    if variant == "smic2023":
        return ("Pour chaque heure d'insertion non réalisée du fait du titulaire : pénalité de "
                "17,28 € (1,5 fois le SMIC horaire brut de 11,52 € fixé en 2023).")
    if variant == "vide":
        return ("Pour les heures d'insertion non réalisées, une pénalité pourra être appliquée au "
                "titulaire après mise en demeure.")
    return ("Pour chaque heure d'insertion non réalisée du fait du titulaire : pénalité égale à "
            "une fois et demie le SMIC horaire brut en vigueur à la date du constat.")


def pen_retard():
    return ("Retard dans la remise des justificatifs d'insertion : pénalité de 100 € par jour "
            "calendaire, après relance restée sans effet huit jours.")
