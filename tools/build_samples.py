"""Build the example consultations shipped in `samples/`.

    python tools/build_samples.py            # rewrites samples/ in place
    python tools/build_samples.py OUT_DIR    # writes them elsewhere (tests)

Every piece is written by `tools.simple_documents` (python-docx, odfpy, fpdf2), so
the output is committed and neither users nor CI need a converter. Each consultation has
a `<case>.expected.json` beside it (never inside it): the findings a careful facilitator
would write, as (code, piece, lot) with the reason in French.

The buyer, the people and the contacts are fictional (phone 01 99 00 xx xx, e-mails
@example.org). Hours are those of the default profile (docs/heures.md):
round_half_up(amount x labour share x 0.05 / 30, 5), at least 70 h.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROOT = REPO / "samples"
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from tools.simple_documents import (  # noqa: E402
    Doc,
    H,
    P,
    PageBreak,
    T,
    write,
    write_pdf,
    write_zip,
)

REVIEW_DATE = "2026-11-25"
NBSP = "\u00a0"
NNBSP = "\u202f"

BUYER = "Communauté de communes du Val d'Exemple"
BUYER_ADDRESS = "2 place de la Mairie – 99100 Val-d'Exemple"
BUYER_CONTACT = "Service de la commande publique – tél. 01 99 00 45 67 – marches@example.org"
BUYER_PROFILE = "https://marches.example.org"
FACILITATOR_STRUCTURE = "Maison de l'emploi du territoire (exemple)"
FACILITATOR_NAME = "Camille Martin"
FACILITATOR_PHONE = "01 99 00 12 34"
FACILITATOR_MAIL = "clause.insertion@example.org"
HOURS_PENALTY = "1,5 × SMIC horaire brut en vigueur à la date du constat"
LATE_PENALTY = 100  # € per day of delay for the follow-up documents

# Default profile values (clause_templates/profiles/defaut.toml); the test checks that
# clausier.hours gives the same hours.
INSERTION_RATE = Decimal("0.05")
HOURLY_COST = Decimal("30")
STEP = 5
MIN_HOURS = 70


def insertion_hours(amount: float, labour_share: float) -> int | None:
    """round_half_up(A × m × t / c, 5); None below the minimum (no clause proposed)."""
    raw = Decimal(str(amount)) * Decimal(str(labour_share)) * INSERTION_RATE / HOURLY_COST
    hours = int((raw / STEP).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * STEP
    return hours if hours >= MIN_HOURS else None


def euros(amount: float, sep: str = " ") -> str:
    """French amount: 820 000 € HT (thousands separated by `sep`)."""
    whole = f"{int(round(amount)):,}".replace(",", sep)
    return f"{whole}{sep}€ HT"


def hours_fr(hours: int, sep: str = " ") -> str:
    return f"{hours:,}".replace(",", sep)


@dataclass
class LotSpec:
    number: str
    title: str
    amount: float  # € HT (per year for an accord-cadre)
    trade: str
    share: float

    @property
    def hours(self) -> int:
        value = insertion_hours(self.amount, self.share)
        assert value is not None, self
        return value


# The works consultation: the same lots as samples/consultation-travaux.toml.
WORKS_LOTS = [
    LotSpec("1", "Gros œuvre – maçonnerie", 820_000, "gros_oeuvre", 0.45),
    LotSpec("2", "Charpente bois – couverture", 460_000, "charpente_bois", 0.35),
    LotSpec("3", "Plâtrerie – cloisons – faux plafonds", 390_000, "platrerie", 0.55),
    LotSpec("4", "Peinture – revêtements muraux", 780_000, "peinture", 0.70),
]
WORKS_OBJECT = "Construction d'un pôle enfance"
WORKS_REF = "2026-014"
WORKS_LAUNCH = "1er décembre 2026"
WORKS_TOTAL_AMOUNT = sum(lot.amount for lot in WORKS_LOTS)  # 2 450 000, below 5 404 000
WORKS_TOTAL_HOURS = sum(lot.hours for lot in WORKS_LOTS)  # 2 155

# The services accord-cadre: amounts per year, four years.
SERVICES_LOTS = [
    LotSpec("1", "Nettoyage des locaux", 110_000, "nettoyage", 0.85),
    LotSpec("2", "Entretien des espaces verts", 70_000, "espaces_verts_entretien", 0.65),
]
SERVICES_OBJECT = "Nettoyage des locaux et entretien des espaces verts des sites communautaires"
SERVICES_REF = "2026-021"
SERVICES_YEARS = 4


@dataclass
class Finding:
    code: str
    piece: str | None
    lot: str | None
    why: str

    def to_dict(self) -> dict:
        return {"code": self.code, "piece": self.piece, "lot": self.lot, "why": self.why}


@dataclass
class Case:
    """One sample: a folder (pieces) or a zip (members), and what a review must find."""

    name: str  # folder name, or zip file name with its .zip
    pieces: dict[str, Doc]  # path inside the consultation -> document
    findings: list[Finding]
    pdf_with_toc: frozenset[str] = frozenset()  # pieces whose sommaire needs page numbers
    note: str = ""


# ------------------------------------------------------------------ shared wording


def title_page(kind: str, lines: list[str]) -> list:
    return [
        P(BUYER.upper(), bold=True),
        P(BUYER_ADDRESS),
        P(""),
        P(kind, bold=True),
        *[P(line, bold=i == 0) for i, line in enumerate(lines)],
        PageBreak(),
    ]


def lot_amount_table(lots: list[LotSpec], sep: str = " ") -> T:
    rows = [["Lot", "Intitulé", "Montant estimé"]]
    rows += [[lot.number, lot.title, euros(lot.amount, sep)] for lot in lots]
    rows.append(["", "Total", euros(sum(lot.amount for lot in lots), sep)])
    return T(rows)


def hours_table(lots: list[LotSpec], sep: str = " ", total: int | None = None) -> T:
    rows = [["Lot", "Intitulé", "Montant estimé", "Heures d'insertion"]]
    rows += [
        [lot.number, lot.title, euros(lot.amount, sep), f"{hours_fr(lot.hours, sep)} heures"]
        for lot in lots
    ]
    if total is not None:
        rows.append(
            [
                "",
                "Total",
                euros(sum(lot.amount for lot in lots), sep),
                f"{hours_fr(total, sep)} heures",
            ]
        )
    return T(rows)


def facilitator_paragraphs() -> list[P]:
    return [
        P(f"{FACILITATOR_STRUCTURE} – {FACILITATOR_NAME}, facilitatrice de la clause sociale"),
        P(f"Téléphone : {FACILITATOR_PHONE} – Courriel : {FACILITATOR_MAIL}"),
    ]


ELIGIBLE_PUBLIC = [
    "les demandeurs d'emploi de longue durée (plus de 12 mois d'inscription à France Travail "
    "au cours des 18 derniers mois) ;",
    "les bénéficiaires du revenu de solidarité active (RSA), de l'allocation de solidarité "
    "spécifique (ASS) ou de l'allocation aux adultes handicapés (AAH) ;",
    "les travailleurs reconnus handicapés (RQTH) au sens de l'article L5212-13 du code du "
    "travail ;",
    "les jeunes de moins de 26 ans sortis du système scolaire depuis au moins six mois, "
    "accompagnés par une mission locale ;",
    "les demandeurs d'emploi âgés de plus de 50 ans ;",
    "les personnes résidant dans un quartier prioritaire de la politique de la ville (QPV) ;",
    "les personnes titulaires d'un PASS IAE délivré par la plateforme de l'inclusion et les "
    "salariés des structures d'insertion par l'activité économique (SIAE) ;",
    "les personnes accompagnées par un établissement pour l'insertion dans l'emploi (EPIDE) "
    "ou une école de la deuxième chance (E2C).",
]

MODALITIES = [
    "a) l'embauche directe, par le titulaire ou ses sous-traitants, en contrat à durée "
    "indéterminée, à durée déterminée, d'apprentissage ou de professionnalisation ;",
    "b) la mise à disposition de salariés par une entreprise de travail temporaire "
    "d'insertion (ETTI), une association intermédiaire (AI), un groupement d'employeurs "
    "pour l'insertion et la qualification (GEIQ) ou une entreprise de travail temporaire ;",
    "c) la sous-traitance ou la co-traitance d'une partie des prestations avec une SIAE, une "
    "entreprise adaptée (EA) ou un établissement et service d'aide par le travail (ESAT).",
]


def works_neutral_articles(first: int, ccag_label: str | None) -> list:
    """Price, delays, reception, guarantees, termination, disputes: nothing about the
    clause. `ccag_label` None: no CCAG named (the old-template CCAP names it once only)."""
    n = first
    ccag = f"du {ccag_label}" if ccag_label else "des documents généraux du marché"
    return [
        H(f"ARTICLE {n} – PRIX ET RÈGLEMENT DES COMPTES"),
        H(f"{n}.1 – Forme des prix", level=2),
        P(
            "Les prix sont des prix globaux et forfaitaires. Ils sont établis hors TVA et "
            "réputés comprendre toutes les charges fiscales, parafiscales ou autres frappant "
            "obligatoirement les travaux."
        ),
        H(f"{n}.2 – Variation des prix", level=2),
        P(
            "Les prix sont fermes et actualisables. L'actualisation est faite par application "
            "de l'index BT01 « Tous corps d'état » lorsque le début des travaux intervient plus "
            "de trois mois après la date de remise des offres."
        ),
        H(f"{n}.3 – Avance", level=2),
        P(
            "Une avance est accordée au titulaire d'un lot dont le montant est supérieur à "
            f"50{NBSP}000 € HT et dont le délai d'exécution est supérieur à deux mois. Son "
            "montant est fixé à 10 % du montant initial du lot. Le titulaire peut y renoncer "
            "dans son acte d'engagement."
        ),
        H(f"{n}.4 – Paiement", level=2),
        P(
            "Les acomptes sont versés mensuellement sur présentation d'une demande de paiement "
            "déposée sur le portail Chorus Pro. Le délai global de paiement est de trente "
            "jours."
        ),
        H(f"ARTICLE {n + 1} – DÉLAIS D'EXÉCUTION"),
        P(
            "Le délai global d'exécution de l'ensemble des lots est de quatorze mois, dont un "
            "mois de période de préparation, à compter de la date fixée par l'ordre de service "
            "prescrivant le démarrage des travaux. Le calendrier détaillé d'exécution est "
            "élaboré par le maître d'œuvre pendant la période de préparation."
        ),
        H(f"ARTICLE {n + 2} – PÉNALITÉS"),
        H(f"{n + 2}.1 – Pénalités de retard", level=2),
        P(
            "Par dérogation aux documents généraux, en cas de retard dans l'exécution des "
            "travaux, le titulaire subit une pénalité journalière égale à 1/3000 du montant "
            "hors taxes de son lot."
        ),
        H(f"{n + 2}.2 – Absence aux réunions de chantier", level=2),
        P(
            "Toute absence non excusée d'un représentant qualifié du titulaire aux réunions de "
            "chantier donne lieu à une pénalité forfaitaire de 150 € par absence."
        ),
        H(f"ARTICLE {n + 3} – RÉCEPTION DES TRAVAUX"),
        P(
            "La réception a lieu à l'achèvement de l'ensemble des travaux. Les opérations "
            "préalables à la réception sont conduites par le maître d'œuvre en présence du "
            f"maître d'ouvrage, dans les conditions {ccag}."
        ),
        H(f"ARTICLE {n + 4} – GARANTIES ET ASSURANCES"),
        P(
            "Le délai de garantie de parfait achèvement est d'un an à compter de la date "
            "d'effet de la réception. Le titulaire justifie, avant tout commencement "
            "d'exécution, d'une assurance de responsabilité civile et d'une assurance de "
            "responsabilité décennale couvrant les travaux de son lot."
        ),
        H(f"ARTICLE {n + 5} – RÉSILIATION"),
        P(
            "Le marché peut être résilié dans les conditions prévues par les documents "
            "généraux. En cas de résiliation pour faute, les travaux peuvent être exécutés aux "
            "frais et risques du titulaire."
        ),
        H(f"ARTICLE {n + 6} – RÈGLEMENT DES LITIGES"),
        P(
            "En cas de litige, le tribunal administratif territorialement compétent est saisi, "
            "après recherche d'une solution amiable."
        ),
    ]


# ------------------------------------------------------------------ 1. travaux-conforme


def clause_paragraphs_full(
    lots: list[LotSpec], total: int, ccag_ref: str, article: str, per_year: bool = False
) -> list:
    """The complete clause article of a CCAP: every element of CS301-CS308."""
    unit = "heures par an" if per_year else "heures"
    rows = [["Lot", "Intitulé", "Montant estimé" + (" par an" if per_year else ""), "Heures"]]
    rows += [
        [lot.number, lot.title, euros(lot.amount, NBSP), f"{hours_fr(lot.hours, NBSP)} {unit}"]
        for lot in lots
    ]
    rows.append(
        [
            "",
            "Total",
            euros(sum(lot.amount for lot in lots), NBSP),
            f"{hours_fr(total, NBSP)} {unit}",
        ]
    )
    a = article
    return [
        H(f"{a}.1 – Objet et fondement juridique", level=2),
        P(
            "En application de l'article L2112-2 du Code de la commande publique et de "
            f"l'article {ccag_ref}, le présent marché comporte une condition d'exécution à "
            "caractère social : le titulaire réalise une action d'insertion qui permet l'accès "
            "ou le retour à l'emploi de personnes rencontrant des difficultés sociales ou "
            "professionnelles particulières."
        ),
        P(
            "Cette clause est une condition d'exécution du marché. Elle n'est ni un critère de "
            "sélection des candidatures ni un critère de jugement des offres."
        ),
        H(f"{a}.2 – Volume d'heures d'insertion par lot", level=2),
        P(
            "Le volume d'heures de travail réservées à l'insertion est fixé pour chaque lot "
            "comme suit"
            + (" ; il s'entend par année d'exécution de l'accord-cadre." if per_year else ".")
        ),
        T(rows),
        P(
            f"Soit un total de {hours_fr(total, NBSP)} {unit} pour l'ensemble des lots. Ce "
            "volume correspond à 5 % des heures de main-d'œuvre estimées pour chaque lot."
        ),
        H(f"{a}.3 – Publics éligibles", level=2),
        P(
            "Les personnes éligibles sont des personnes sans emploi rencontrant des "
            "difficultés sociales ou professionnelles particulières, notamment :"
        ),
        *[P("– " + line) for line in ELIGIBLE_PUBLIC],
        P(
            "Le facilitateur valide l'éligibilité de chaque personne avant son entrée en "
            "poste ; seules les heures des personnes dont l'éligibilité a été validée sont "
            "prises en compte."
        ),
        H(f"{a}.4 – Modalités de mise en œuvre", level=2),
        P("Le titulaire choisit librement une ou plusieurs des modalités suivantes :"),
        *[P(line) for line in MODALITIES],
        P(
            "Les heures réalisées par les sous-traitants du titulaire sont prises en compte. "
            "Avec l'accord du facilitateur, les heures peuvent être globalisées sur plusieurs "
            "marchés de l'acheteur afin d'offrir des parcours plus longs."
        ),
        H(f"{a}.5 – Accompagnement par le facilitateur", level=2),
        P(
            "Le facilitateur accompagne le titulaire pendant toute la durée du marché : "
            "définition des postes, présentation de candidats, mise en relation avec les "
            "structures d'insertion, suivi des parcours. Ses coordonnées sont :"
        ),
        *facilitator_paragraphs(),
        P(
            "Le titulaire désigne un référent de la clause et retourne la fiche d'engagement "
            "annexée au présent CCAP dans les quinze jours qui suivent la notification."
        ),
        H(f"{a}.6 – Contrôle et suivi de l'exécution", level=2),
        P(
            "Le titulaire transmet au facilitateur, au plus tard le 10 de chaque mois, le "
            "tableau de suivi des heures réalisées le mois précédent, accompagné des "
            "justificatifs : copies des contrats de travail ou de mission, relevés d'heures "
            "ou bulletins de salaire, factures des structures d'insertion."
        ),
        P(
            "À la fin du marché, le facilitateur établit un bilan et délivre au titulaire une "
            "attestation de réalisation, remise au maître d'ouvrage avant l'établissement du "
            "décompte général."
        ),
        H(f"{a}.7 – Modification du montant du marché", level=2),
        P(
            "En cas de modification du montant du marché, le volume d'heures d'insertion est "
            "ajusté dans la même proportion."
        ),
        H(f"{a}.8 – Pénalités", level=2),
        P(
            "En cas de non-réalisation de tout ou partie des heures d'insertion, constatée par "
            "le facilitateur, le titulaire subit une pénalité par heure d'insertion non "
            f"réalisée égale à {HOURS_PENALTY}."
        ),
        P(
            "En cas de retard dans la transmission des documents de suivi mentionnés à "
            f"l'article {a}.6, le titulaire subit une pénalité de {LATE_PENALTY} € par jour "
            "calendaire de retard, après mise en demeure restée sans effet pendant huit jours."
        ),
    ]


def travaux_ccap_pdf(pages: dict[str, int]) -> Doc:
    """The CCAP of the correct works DCE, with a sommaire (page numbers from `pages`)."""
    lots = WORKS_LOTS
    body: list = [
        H("ARTICLE 1 – OBJET DU MARCHÉ – DISPOSITIONS GÉNÉRALES"),
        H("1.1 – Objet du marché", level=2),
        P(
            "Le présent marché a pour objet les travaux de construction d'un pôle enfance "
            "(multi-accueil de 30 places et accueil de loisirs) sur le terrain communautaire "
            "situé rue des Écoles à Val-d'Exemple."
        ),
        H("1.2 – Décomposition en lots", level=2),
        P("Les travaux sont répartis en quatre lots, traités par marchés séparés :"),
        lot_amount_table(lots, NBSP),
        H("1.3 – Maîtrise d'œuvre", level=2),
        P(
            "La maîtrise d'œuvre est assurée par le groupement Atelier d'architecture Exemple "
            "(mandataire) et BET Structures Exemple."
        ),
        H("1.4 – Contrôle technique et coordination SPS", level=2),
        P(
            "Le contrôle technique est confié à un bureau de contrôle agréé. La coordination en "
            "matière de sécurité et de protection de la santé est de niveau 2."
        ),
        H("ARTICLE 2 – PIÈCES CONSTITUTIVES DU MARCHÉ"),
        P("Les pièces constitutives du marché sont, par ordre de priorité décroissante :"),
        P("– l'acte d'engagement du lot et ses annexes ;"),
        P(
            "– le présent cahier des clauses administratives particulières (CCAP) et son "
            "annexe « clause sociale d'insertion – fiche d'engagement » ;"
        ),
        P("– le cahier des clauses techniques particulières (CCTP) du lot ;"),
        P("– la décomposition du prix global et forfaitaire (DPGF) du lot ;"),
        P(
            "– le cahier des clauses administratives générales applicables aux marchés publics "
            "de travaux (CCAG-Travaux) approuvé par l'arrêté du 30 mars 2021 modifié."
        ),
        *works_neutral_articles(3, "CCAG-Travaux"),
        H("ARTICLE 10 – CLAUSE SOCIALE D'INSERTION"),
        *clause_paragraphs_full(lots, WORKS_TOTAL_HOURS, "20.1 du CCAG-Travaux", "10"),
        H("ARTICLE 11 – SOUS-TRAITANCE"),
        P(
            "Le titulaire peut sous-traiter l'exécution de certaines parties de son lot sous "
            "réserve de l'acceptation du sous-traitant et de l'agrément de ses conditions de "
            "paiement par le maître d'ouvrage."
        ),
        H("ARTICLE 12 – DÉROGATIONS AUX DOCUMENTS GÉNÉRAUX"),
        P(
            "Les pénalités de retard de l'article 5.1 du présent CCAP dérogent aux "
            "stipulations correspondantes du CCAG-Travaux."
        ),
    ]
    toc: list = [P("SOMMAIRE", bold=True)]
    for item in body:
        if isinstance(item, H):
            page = pages.get(item.text, 0)
            indent = "    " if item.level > 1 else ""
            label = indent + item.text
            dots = "." * max(4, 78 - len(label))
            toc.append(P(f"{label} {dots} {page}"))
    items = [
        *title_page(
            "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)",
            [
                WORKS_OBJECT,
                "Marché public de travaux – procédure adaptée",
                f"Consultation n° {WORKS_REF}",
                f"Date de lancement de la consultation : {WORKS_LAUNCH}",
            ],
        ),
        *toc,
        PageBreak(),
        *body,
    ]
    return Doc(
        items,
        header=f"{BUYER} – {WORKS_OBJECT} – CCAP",
        footer=f"Consultation n° {WORKS_REF}",
    )


def travaux_rc_docx() -> Doc:
    lots = WORKS_LOTS
    items = [
        *title_page(
            "RÈGLEMENT DE LA CONSULTATION (RC)",
            [
                WORKS_OBJECT,
                "Marché public de travaux – procédure adaptée",
                f"Consultation n° {WORKS_REF}",
                "Date limite de remise des offres : vendredi 15 janvier 2027 à midi",
            ],
        ),
        H("ARTICLE 1 – OBJET ET ÉTENDUE DE LA CONSULTATION"),
        H("1.1 – Objet", level=2),
        P(
            f"La consultation porte sur les travaux de construction d'un pôle enfance à "
            f"Val-d'Exemple pour le compte de la {BUYER}."
        ),
        H("1.2 – Procédure", level=2),
        P(
            "La consultation est passée selon la procédure adaptée ouverte, en application "
            "des articles L2123-1 et R2123-1 1° du Code de la commande publique. La valeur "
            f"estimée de l'ensemble des lots est de {euros(WORKS_TOTAL_AMOUNT, NBSP)}."
        ),
        H("1.3 – Décomposition en lots", level=2),
        P("Les travaux sont répartis en quatre lots :"),
        lot_amount_table(lots, NBSP),
        P("Chaque lot fait l'objet d'un marché séparé. Les variantes ne sont pas autorisées."),
        H("1.4 – Date de lancement", level=2),
        P(
            f"La présente consultation est lancée le {WORKS_LAUNCH}, date d'envoi de l'avis "
            "d'appel public à la concurrence."
        ),
        H("ARTICLE 2 – CONDITIONS DE LA CONSULTATION"),
        H("2.1 – Délai de validité des offres", level=2),
        P("Le délai de validité des offres est de cent vingt jours à compter de la date limite."),
        H("2.2 – Forme juridique du groupement", level=2),
        P(
            "Aucune forme de groupement n'est imposée. Le mandataire d'un groupement conjoint "
            "est solidaire de chacun des membres pour ses obligations contractuelles."
        ),
        H("ARTICLE 3 – CONDITIONS PARTICULIÈRES D'EXÉCUTION : CLAUSE SOCIALE D'INSERTION"),
        P(
            "En application de l'article L2112-2 du Code de la commande publique et de "
            "l'article 20.1 du CCAG-Travaux, l'exécution des quatre lots comporte une clause "
            "sociale d'insertion : chaque titulaire réserve un nombre d'heures de travail à "
            "des personnes éloignées de l'emploi. Cette condition d'exécution n'est pas un "
            "critère de jugement des offres."
        ),
        P("Les lots concernés et le volume d'heures d'insertion sont les suivants :"),
        hours_table(lots, NBSP, total=WORKS_TOTAL_HOURS),
        P(
            "Publics éligibles : demandeurs d'emploi de longue durée inscrits à France "
            "Travail, bénéficiaires des minima sociaux (RSA, ASS, AAH), travailleurs "
            "handicapés, jeunes de moins de 26 ans suivis par une mission locale, résidents "
            "des quartiers prioritaires de la politique de la ville (QPV), titulaires d'un "
            "PASS IAE ; la liste complète figure à l'article 10.3 du CCAP."
        ),
        P(
            "Modalités : embauche directe, mise à disposition par une ETTI, une AI ou un "
            "GEIQ, sous-traitance ou co-traitance avec une SIAE, une EA ou un ESAT."
        ),
        P(
            "Suivi : le titulaire transmet chaque mois au facilitateur le tableau de suivi "
            "des heures et les justificatifs (article 10.6 du CCAP)."
        ),
        P(
            f"Pénalités : {HOURS_PENALTY}, par heure d'insertion non réalisée ; "
            f"{LATE_PENALTY} € par jour de retard dans la transmission des documents de suivi "
            "(article 10.8 du CCAP)."
        ),
        P(
            "Aucun document relatif à la clause n'est demandé au stade de l'offre. Les "
            "candidats peuvent interroger le facilitateur :"
        ),
        *facilitator_paragraphs(),
        H("ARTICLE 4 – CONTENU DU DOSSIER DE CONSULTATION"),
        P(
            "Le dossier comprend : le présent règlement, l'avis d'appel public à la "
            "concurrence, le CCAP et son annexe « clause sociale d'insertion », un acte "
            "d'engagement par lot, le CCTP et la DPGF de chaque lot, les plans."
        ),
        H("ARTICLE 5 – PRÉSENTATION DES CANDIDATURES ET DES OFFRES"),
        H("5.1 – Candidature", level=2),
        P(
            "Le candidat produit les formulaires DC1 et DC2 ou des documents équivalents, ainsi "
            "que les références de travaux de nature comparable réalisés au cours des cinq "
            "dernières années."
        ),
        H("5.2 – Offre", level=2),
        P(
            "L'offre comprend l'acte d'engagement du lot complété et signé, la DPGF et un "
            "mémoire technique présentant les moyens humains et matériels, la méthodologie et "
            "le planning."
        ),
        H("ARTICLE 6 – JUGEMENT DES OFFRES"),
        P("Les offres sont jugées sur les critères pondérés suivants :"),
        T([["Critère", "Pondération"], ["Prix", "60 %"], ["Valeur technique", "40 %"]]),
        H("ARTICLE 7 – CONDITIONS D'ENVOI ET DE REMISE DES PLIS"),
        P(
            f"Les plis sont remis par voie électronique sur le profil d'acheteur {BUYER_PROFILE} "
            "avant la date et l'heure limites indiquées en première page."
        ),
        H("ARTICLE 8 – RENSEIGNEMENTS COMPLÉMENTAIRES"),
        P(
            "Les questions sont posées sur le profil d'acheteur au plus tard dix jours avant "
            f"la date limite de remise des offres. Contact administratif : {BUYER_CONTACT}."
        ),
    ]
    return Doc(
        items, header=f"{BUYER} – RC – {WORKS_OBJECT}", footer=f"Consultation n° {WORKS_REF}"
    )


def travaux_ae_lot_docx(lot: LotSpec) -> Doc:
    items = [
        *title_page(
            "ACTE D'ENGAGEMENT (AE)",
            [
                WORKS_OBJECT,
                f"Lot n° {lot.number} – {lot.title}",
                f"Consultation n° {WORKS_REF}",
            ],
        ),
        H("ARTICLE 1 – IDENTIFICATION DE L'ACHETEUR"),
        P(f"{BUYER}, {BUYER_ADDRESS}, représentée par son président."),
        H("ARTICLE 2 – OBJET DE L'ACTE D'ENGAGEMENT"),
        P(
            f"Le présent acte d'engagement concerne le lot n° {lot.number} « {lot.title} » "
            f"du marché de travaux « {WORKS_OBJECT} »."
        ),
        H("ARTICLE 3 – ENGAGEMENT DU TITULAIRE"),
        P(
            "Après avoir pris connaissance des pièces constitutives du marché, le signataire "
            "s'engage, sur la base de son offre, à exécuter les travaux du lot aux conditions "
            "ci-dessous."
        ),
        T(
            [
                ["Montant de l'offre", "Valeur"],
                ["Montant hors TVA", "________ €"],
                ["TVA (20 %)", "________ €"],
                ["Montant TTC", "________ €"],
            ]
        ),
        H("ARTICLE 4 – CLAUSE SOCIALE D'INSERTION"),
        P(
            "Le titulaire s'engage à réaliser l'action d'insertion prévue à l'article 10 du "
            f"CCAP, soit {hours_fr(lot.hours, NNBSP)} heures de travail réservées à des "
            f"personnes en insertion pour le lot n° {lot.number}, selon l'une des modalités "
            "prévues à l'article 10.4 du CCAP."
        ),
        H("ARTICLE 5 – DÉLAI D'EXÉCUTION"),
        P("Le délai d'exécution est celui fixé à l'article 4 du CCAP."),
        H("ARTICLE 6 – SIGNATURE"),
        P("Fait à ____________________, le ____________________"),
        P("Signature du candidat (ou du mandataire du groupement)"),
    ]
    return Doc(items)


def annex_clause_odt() -> Doc:
    lots = WORKS_LOTS
    items = [
        *title_page(
            "ANNEXE AU CCAP – CLAUSE SOCIALE D'INSERTION",
            [WORKS_OBJECT, "Fiche d'engagement du titulaire", f"Consultation n° {WORKS_REF}"],
        ),
        H("ARTICLE 1 – RAPPEL DU DISPOSITIF"),
        P(
            "Le marché comporte une condition d'exécution à caractère social prise en "
            "application de l'article L2112-2 du Code de la commande publique et de l'article "
            "20.1 du CCAG-Travaux, détaillée à l'article 10 du CCAP."
        ),
        H("ARTICLE 2 – HEURES D'INSERTION PAR LOT"),
        hours_table(lots, " ", total=WORKS_TOTAL_HOURS),
        H("ARTICLE 3 – PUBLICS ÉLIGIBLES"),
        P(
            "Personnes sans emploi rencontrant des difficultés sociales ou professionnelles "
            "particulières, notamment :"
        ),
        *[P("– " + line) for line in ELIGIBLE_PUBLIC],
        H("ARTICLE 4 – MODALITÉ RETENUE PAR LE TITULAIRE"),
        P("☐ Embauche directe (CDI, CDD, contrat d'apprentissage ou de professionnalisation)"),
        P("☐ Mise à disposition par une ETTI, une AI ou un GEIQ"),
        P("☐ Sous-traitance ou co-traitance avec une SIAE, une EA ou un ESAT"),
        H("ARTICLE 5 – CONTACT DU FACILITATEUR"),
        *facilitator_paragraphs(),
        H("ARTICLE 6 – SUIVI ET JUSTIFICATIFS"),
        P(
            "Le titulaire transmet au facilitateur, au plus tard le 10 de chaque mois, le "
            "tableau de suivi ci-dessous et les justificatifs (contrats, relevés d'heures, "
            "factures des structures d'insertion)."
        ),
        T(
            [
                ["Nom", "Prénom", "Critère d'éligibilité", "Contrat", "Entrée", "Sortie"],
                ["", "", "", "", "", ""],
                ["", "", "", "", "", ""],
            ]
        ),
        H("ARTICLE 7 – PÉNALITÉS"),
        P(
            f"Heure d'insertion non réalisée : {HOURS_PENALTY}, par heure. Retard dans la "
            f"transmission des documents de suivi : {LATE_PENALTY} € par jour de retard "
            "(article 10.8 du CCAP)."
        ),
        P("Fait à ____________________, le ____________________"),
        P("Le titulaire (nom, qualité, signature)"),
    ]
    return Doc(items, header=f"{BUYER} – Annexe clause sociale d'insertion", footer=WORKS_REF)


def aapc_pdf(
    object_: str,
    ref: str,
    nature: str,
    lots: list[LotSpec],
    launch: str,
    clause: str | None,
    amount: float,
    procedure: str,
) -> Doc:
    items = [
        P("AVIS D'APPEL PUBLIC À LA CONCURRENCE", bold=True),
        H("1 – Identification de l'acheteur"),
        P(f"{BUYER}, {BUYER_ADDRESS}. {BUYER_CONTACT}."),
        H("2 – Objet du marché"),
        P(f"{object_} – consultation n° {ref}. Type de marché : {nature}."),
        P(f"Valeur estimée hors TVA : {euros(amount)}."),
        H("3 – Procédure"),
        P(procedure),
        H("4 – Allotissement"),
        *[P(f"Lot n° {lot.number} : {lot.title}") for lot in lots],
        H("5 – Conditions de participation et critères"),
        P(
            "Critères d'attribution : ceux énoncés dans le règlement de la consultation. "
            f"Documents de la consultation disponibles gratuitement sur {BUYER_PROFILE}."
        ),
    ]
    if clause:
        items += [H("6 – Conditions particulières d'exécution"), P(clause)]
    items += [
        H("7 – Dates"),
        P(f"Date d'envoi du présent avis à la publication : {launch}."),
        P("Date limite de réception des offres : indiquée dans le règlement de la consultation."),
    ]
    return Doc(items, header=f"{BUYER} – Avis", footer=f"Consultation n° {ref}")


def case_travaux_conforme() -> Case:
    pieces: dict[str, Doc] = {
        "00_AAPC.pdf": aapc_pdf(
            WORKS_OBJECT,
            WORKS_REF,
            "travaux",
            WORKS_LOTS,
            WORKS_LAUNCH,
            "Le marché comporte une clause sociale d'insertion (condition d'exécution au sens "
            "de l'article L2112-2 du Code de la commande publique) pour les lots 1 à 4 ; le "
            "volume d'heures par lot figure dans le règlement de la consultation et le CCAP.",
            WORKS_TOTAL_AMOUNT,
            "Procédure adaptée ouverte (articles L2123-1 et R2123-1 1° du Code de la "
            "commande publique).",
        ),
        "01_RC.docx": travaux_rc_docx(),
        "02_CCAP.pdf": travaux_ccap_pdf({}),
    }
    for lot in WORKS_LOTS:
        pieces[f"03_AE_Lot0{lot.number}.docx"] = travaux_ae_lot_docx(lot)
    pieces["04_Annexe_clause_sociale_insertion.odt"] = annex_clause_odt()
    return Case(
        "travaux-conforme",
        pieces,
        [],
        pdf_with_toc=frozenset({"02_CCAP.pdf"}),
        note="DCE de travaux complet et cohérent : aucun constat attendu.",
    )


# ------------------------------------------------------------------ 2. travaux-avec-erreurs

# The AE of the old template still carries lot 2's hours from an earlier estimate.
ERR_AE_LOT2_HOURS = 300
ERR_STATED_TOTAL = 2_200  # the CCAP's total, not recomputed (the lots add up to 2 155)


def errors_rc_pdf() -> Doc:
    lots = WORKS_LOTS
    items = [
        *title_page(
            "RÈGLEMENT DE LA CONSULTATION",
            [WORKS_OBJECT, "Marché de travaux", f"Consultation n° {WORKS_REF}"],
        ),
        H("ARTICLE 1 – OBJET DE LA CONSULTATION"),
        P("La présente consultation concerne la construction d'un pôle enfance à Val-d'Exemple."),
        H("ARTICLE 2 – MODE DE PASSATION"),
        P(
            "La consultation est passée selon une procédure adaptée, le montant estimé des "
            "travaux étant inférieur au seuil européen de 5 538 000 € HT."
        ),
        P(f"La consultation est lancée le {WORKS_LAUNCH}."),
        H("ARTICLE 3 – ALLOTISSEMENT"),
        lot_amount_table(lots),
        H("ARTICLE 4 – DÉLAI DE VALIDITÉ DES OFFRES"),
        P("Le délai de validité des offres est fixé à cent vingt jours."),
        H("ARTICLE 5 – CONTENU DU DOSSIER DE CONSULTATION"),
        P(
            "Le dossier comprend le présent règlement, le CCAP, l'acte d'engagement, le CCTP "
            "et la DPGF de chaque lot."
        ),
        H("ARTICLE 6 – PRÉSENTATION DES OFFRES"),
        P(
            "Chaque candidat produit les formulaires DC1 et DC2, l'acte d'engagement complété "
            "et signé, la DPGF et un mémoire technique."
        ),
        H("ARTICLE 7 – JUGEMENT DES OFFRES"),
        T([["Critère", "Pondération"], ["Prix", "60 %"], ["Valeur technique", "40 %"]]),
        H("ARTICLE 8 – REMISE DES OFFRES"),
        P(f"Les offres sont remises sur le profil d'acheteur {BUYER_PROFILE}."),
        H("ARTICLE 9 – RENSEIGNEMENTS"),
        P(f"Renseignements administratifs : {BUYER_CONTACT}."),
    ]
    return Doc(items, header=f"{BUYER} – Règlement de la consultation", footer=WORKS_REF)


def errors_ccap_docx() -> Doc:
    lots = WORKS_LOTS
    hours_rows = [["Lot", "Désignation", "Nombre d'heures d'insertion"]]
    hours_rows += [[lot.number, lot.title, f"{hours_fr(lot.hours, NBSP)} h"] for lot in lots]
    hours_rows.append(["", "TOTAL", f"{hours_fr(ERR_STATED_TOTAL, NBSP)} h"])
    items = [
        *title_page(
            "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES",
            [WORKS_OBJECT, "Marché de travaux", f"Consultation n° {WORKS_REF}"],
        ),
        H("ARTICLE 1 – OBJET DU MARCHÉ"),
        H("1.1 – Objet", level=2),
        P("Le marché a pour objet la construction d'un pôle enfance à Val-d'Exemple."),
        H("1.2 – Lots", level=2),
        lot_amount_table(lots, NBSP),
        H("ARTICLE 2 – PIÈCES CONSTITUTIVES DU MARCHÉ"),
        P("– l'acte d'engagement ;"),
        P("– le présent CCAP ;"),
        P("– le CCTP et la DPGF du lot ;"),
        P(
            "– le cahier des clauses administratives générales applicables aux marchés publics "
            "de travaux (CCAG-Travaux), approuvé par l'arrêté du 8 septembre 2009."
        ),
        *works_neutral_articles(3, None),
        H("ARTICLE 10 – INSERTION PAR L'ACTIVITÉ ÉCONOMIQUE"),
        H("10.1 – Objet", level=2),
        P(
            "Conformément à l'article 14 du Code des marchés publics, le titulaire s'engage à "
            "réaliser une action d'insertion professionnelle au bénéfice de personnes "
            "rencontrant des difficultés sociales ou professionnelles."
        ),
        H("10.2 – Nombre d'heures d'insertion", level=2),
        P("Le nombre d'heures d'insertion à réaliser est fixé comme suit :"),
        T(hours_rows),
        H("10.3 – Public visé", level=2),
        P("Peuvent bénéficier de l'action d'insertion :"),
        P(
            "– les demandeurs d'emploi de longue durée inscrits à Pôle emploi depuis plus de 12 mois ;"
        ),
        P("– les bénéficiaires du RSA et leurs ayants droit ;"),
        P("– les travailleurs handicapés reconnus par la MDPH ;"),
        P("– les jeunes de moins de 26 ans sans qualification ;"),
        P("– les personnes résidant en ZUS."),
        H("10.4 – Modalités de mise en œuvre", level=2),
        P("Le titulaire réalise les heures d'insertion par l'une des modalités suivantes :"),
        *[P(line) for line in MODALITIES],
        H("10.5 – Dispositif d'accompagnement", level=2),
        P("Le titulaire est accompagné par le facilitateur de la clause :"),
        *facilitator_paragraphs(),
        H("10.6 – Modalités de contrôle", level=2),
        P(
            "Le titulaire adresse chaque mois au facilitateur un état des heures réalisées, "
            "accompagné des copies des contrats de travail et des relevés d'heures."
        ),
        P(
            "En cas de retard dans la transmission de ces documents, le titulaire encourt une "
            "pénalité journalière égale à dix fois le SMIC horaire de 11,65 €, soit 116,50 € "
            "par jour de retard."
        ),
    ]
    return Doc(items, header=f"{BUYER} – CCAP", footer=WORKS_REF)


def errors_ae_odt() -> Doc:
    rows = [["Lot", "Intitulé", "Heures d'insertion"]]
    for lot in WORKS_LOTS:
        hours = ERR_AE_LOT2_HOURS if lot.number == "2" else lot.hours
        rows.append([lot.number, lot.title, f"{hours} heures"])
    items = [
        *title_page(
            "ACTE D'ENGAGEMENT",
            [WORKS_OBJECT, "Marché de travaux", f"Consultation n° {WORKS_REF}"],
        ),
        H("ARTICLE 1 – ACHETEUR"),
        P(f"{BUYER}, {BUYER_ADDRESS}."),
        H("ARTICLE 2 – OBJET"),
        P(
            f"Le présent acte d'engagement concerne le marché « {WORKS_OBJECT} ». Le candidat "
            "indique le lot pour lequel il s'engage : lot n° ____."
        ),
        H("ARTICLE 3 – ENGAGEMENT DU CANDIDAT"),
        P(
            "Après avoir pris connaissance des pièces du marché, le signataire s'engage à "
            "exécuter les travaux du lot indiqué pour un montant hors TVA de ________ €."
        ),
        H("ARTICLE 4 – INSERTION PROFESSIONNELLE"),
        P(
            "Le titulaire s'engage à réaliser, pour le lot qui lui est attribué, le nombre "
            "d'heures d'insertion suivant :"
        ),
        T(rows),
        H("ARTICLE 5 – SIGNATURE"),
        P("Fait à ____________________, le ____________________"),
    ]
    return Doc(items)


def case_travaux_avec_erreurs() -> Case:
    pieces = {
        "AAPC.pdf": aapc_pdf(
            WORKS_OBJECT,
            WORKS_REF,
            "travaux",
            WORKS_LOTS,
            WORKS_LAUNCH,
            None,
            WORKS_TOTAL_AMOUNT,
            "Procédure adaptée.",
        ),
        "RC.pdf": errors_rc_pdf(),
        "CCAP.docx": errors_ccap_docx(),
        "AE.odt": errors_ae_odt(),
    }
    f = Finding
    findings = [
        f(
            "CS102",
            "RC.pdf",
            None,
            "le RC n'annonce ni la clause sociale d'insertion ni les lots concernés",
        ),
        f(
            "CS205",
            "RC.pdf",
            None,
            "seuil européen périmé « 5 538 000 € HT » (2024-2025), article 2 ; 5 404 000 € HT en 2026-2027",
        ),
        f("CS104", "AAPC.pdf", None, "l'avis ne mentionne pas la condition d'exécution sociale"),
        f(
            "CS203",
            "CCAP.docx",
            None,
            "CCAG-Travaux « approuvé par l'arrêté du 8 septembre 2009 », article 2 ; abrogé le 1er octobre 2021",
        ),
        f(
            "CS201",
            "CCAP.docx",
            None,
            "« article 14 du Code des marchés publics », article 10.1 → L2112-2 du Code de la commande publique",
        ),
        f(
            "CS402",
            "CCAP.docx",
            None,
            f"total de {ERR_STATED_TOTAL} h annoncé à l'article 10.2, somme des lots = {WORKS_TOTAL_HOURS} h",
        ),
        f(
            "CS204",
            "CCAP.docx",
            None,
            "« Pôle emploi » dans le public visé, article 10.3 → France Travail",
        ),
        f("CS204", "CCAP.docx", None, "« ZUS » dans le public visé, article 10.3 → QPV"),
        f(
            "CS306",
            "CCAP.docx",
            None,
            "aucune pénalité par heure d'insertion non réalisée dans l'article 10",
        ),
        f(
            "CS307",
            "CCAP.docx",
            None,
            "pénalité de retard des justificatifs fondée sur un « SMIC horaire de 11,65 € » figé (valeur de 2024), article 10.6",
        ),
        f(
            "CS401",
            "AE.odt",
            "2",
            f"lot 2 : {ERR_AE_LOT2_HOURS} h dans l'AE, {WORKS_LOTS[1].hours} h dans le CCAP (et {WORKS_LOTS[1].hours} h selon le calcul du profil)",
        ),
    ]
    return Case(
        "travaux-avec-erreurs",
        pieces,
        findings,
        note="Le même DCE issu d'un ancien modèle : onze erreurs volontaires.",
    )


# ------------------------------------------------------------------ 3. services-accord-cadre.zip

SERVICES_LAUNCH = "7 décembre 2026"
SERVICES_TOTAL_YEAR = sum(lot.hours for lot in SERVICES_LOTS)  # 230 h per year
SERVICES_TOTAL_AMOUNT = sum(lot.amount for lot in SERVICES_LOTS) * SERVICES_YEARS


def services_lot_table(sep: str = " ") -> T:
    rows = [["Lot", "Intitulé", "Montant annuel estimé", "Montant maximum sur 4 ans"]]
    rows += [
        [lot.number, lot.title, euros(lot.amount, sep), euros(lot.amount * SERVICES_YEARS, sep)]
        for lot in SERVICES_LOTS
    ]
    return T(rows)


def services_rc_pdf() -> Doc:
    items = [
        *title_page(
            "RÈGLEMENT DE LA CONSULTATION",
            [
                SERVICES_OBJECT,
                "Accord-cadre de services à bons de commande – appel d'offres ouvert",
                f"Consultation n° {SERVICES_REF}",
            ],
        ),
        H("ARTICLE 1 – OBJET ET CARACTÉRISTIQUES DE LA CONSULTATION"),
        H("1.1 – Objet", level=2),
        P(
            "La consultation porte sur le nettoyage des locaux communautaires (siège, "
            "médiathèque, pôle enfance) et l'entretien des espaces verts des sites "
            "communautaires."
        ),
        H("1.2 – Forme et durée", level=2),
        P(
            "Chaque lot fait l'objet d'un accord-cadre mono-attributaire à bons de commande, "
            "conclu pour une durée de quatre ans à compter de sa notification."
        ),
        H("1.3 – Procédure", level=2),
        P(
            "Appel d'offres ouvert passé en application des articles R2124-2 1° et R2161-2 à "
            "R2161-5 du Code de la commande publique. La valeur estimée de l'ensemble des "
            f"lots sur quatre ans est de {euros(SERVICES_TOTAL_AMOUNT)}."
        ),
        P(f"La consultation est lancée le {SERVICES_LAUNCH}."),
        H("1.4 – Allotissement", level=2),
        services_lot_table(),
        H("ARTICLE 2 – CLAUSE SOCIALE D'INSERTION"),
        P(
            "En application de l'article L2112-2 du Code de la commande publique et de "
            "l'article 16.1 du CCAG-FCS, l'exécution des deux lots comporte une clause "
            "sociale d'insertion. La valeur estimée de l'accord-cadre dépassant le seuil "
            "européen, cette condition d'exécution sociale est obligatoire (loi n° 2021-1104 "
            "du 22 août 2021, article 35). Elle n'est pas un critère de jugement des offres."
        ),
        T(
            [["Lot", "Intitulé", "Heures d'insertion par an"]]
            + [[lot.number, lot.title, f"{lot.hours} heures par an"] for lot in SERVICES_LOTS]
            + [["", "Total", f"{SERVICES_TOTAL_YEAR} heures par an"]]
        ),
        P(
            "Publics éligibles, modalités, suivi et pénalités : voir l'article 8 du CCAP et "
            "son annexe. Pénalités : "
            f"{HOURS_PENALTY}, par heure non réalisée ; {LATE_PENALTY} € par jour de retard "
            "dans la transmission des documents de suivi."
        ),
        P("Facilitateur à la disposition des candidats :"),
        *facilitator_paragraphs(),
        H("ARTICLE 3 – CONTENU DU DOSSIER"),
        P(
            "Règlement de la consultation, avis d'appel public à la concurrence, CCAP et son "
            "annexe « clause sociale d'insertion », acte d'engagement, CCTP, bordereaux des "
            "prix unitaires."
        ),
        H("ARTICLE 4 – JUGEMENT DES OFFRES"),
        T(
            [
                ["Critère", "Pondération"],
                ["Prix", "50 %"],
                ["Valeur technique", "40 %"],
                ["Performance environnementale (produits et matériels)", "10 %"],
            ]
        ),
        H("ARTICLE 5 – REMISE DES OFFRES"),
        P(f"Remise dématérialisée sur {BUYER_PROFILE}. Contact : {BUYER_CONTACT}."),
    ]
    return Doc(items, header=f"{BUYER} – RC – accord-cadre {SERVICES_REF}", footer=SERVICES_REF)


def services_ccap_docx() -> Doc:
    items = [
        *title_page(
            "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)",
            [
                SERVICES_OBJECT,
                "Accord-cadre de services à bons de commande",
                f"Consultation n° {SERVICES_REF}",
                f"Date de lancement : {SERVICES_LAUNCH}",
            ],
        ),
        H("ARTICLE 1 – OBJET ET FORME DE L'ACCORD-CADRE"),
        H("1.1 – Objet", level=2),
        P(
            "Le présent accord-cadre porte sur le nettoyage des locaux et l'entretien des "
            "espaces verts des sites de la communauté de communes."
        ),
        H("1.2 – Forme", level=2),
        P(
            "Accord-cadre mono-attributaire à bons de commande par lot, exécuté au fur et à "
            "mesure des besoins, avec un montant maximum par lot sur la durée totale."
        ),
        services_lot_table(NBSP),
        H("1.3 – Durée", level=2),
        P("L'accord-cadre est conclu pour quatre ans à compter de sa notification."),
        H("ARTICLE 2 – PIÈCES CONSTITUTIVES"),
        P(
            "L'acte d'engagement, le présent CCAP et son annexe « clause sociale d'insertion », "
            "le CCTP, le bordereau des prix unitaires, le cahier des clauses administratives "
            "générales applicables aux marchés publics de fournitures courantes et de services "
            "(CCAG-FCS) approuvé par l'arrêté du 30 mars 2021 modifié."
        ),
        H("ARTICLE 3 – BONS DE COMMANDE"),
        P(
            "Les prestations sont commandées par bons de commande précisant les sites, la "
            "nature des prestations, les quantités et le délai d'exécution."
        ),
        H("ARTICLE 4 – PRIX ET RÈGLEMENT"),
        P(
            "Les prix sont unitaires, révisables annuellement par application de l'indice du "
            "coût horaire du travail du secteur concerné. Le délai de paiement est de trente "
            "jours."
        ),
        H("ARTICLE 5 – PÉNALITÉS D'EXÉCUTION"),
        P(
            "Toute prestation non exécutée ou mal exécutée, constatée contradictoirement, "
            "donne lieu à une réfaction sur le prix de la prestation. Les pénalités relatives "
            "à la clause sociale d'insertion sont fixées à l'article 8.8."
        ),
        H("ARTICLE 6 – CONDITIONS ENVIRONNEMENTALES D'EXÉCUTION"),
        P(
            "Le titulaire du lot 1 utilise des produits d'entretien porteurs d'un écolabel ; "
            "le titulaire du lot 2 n'utilise aucun produit phytosanitaire de synthèse et "
            "valorise les déchets verts."
        ),
        H("ARTICLE 7 – ASSURANCES"),
        P("Le titulaire justifie d'une assurance de responsabilité civile professionnelle."),
        H("ARTICLE 8 – CLAUSE SOCIALE D'INSERTION"),
        *clause_paragraphs_full(
            SERVICES_LOTS, SERVICES_TOTAL_YEAR, "16.1 du CCAG-FCS", "8", per_year=True
        ),
        H("ARTICLE 9 – RÉSILIATION ET LITIGES"),
        P(
            "L'accord-cadre peut être résilié dans les conditions des documents généraux. Le "
            "tribunal administratif territorialement compétent connaît des litiges."
        ),
    ]
    return Doc(items, header=f"{BUYER} – CCAP", footer=SERVICES_REF)


def services_ae_odt() -> Doc:
    items = [
        *title_page(
            "ACTE D'ENGAGEMENT (AE)",
            [SERVICES_OBJECT, "Accord-cadre à bons de commande", f"Consultation n° {SERVICES_REF}"],
        ),
        H("ARTICLE 1 – ACHETEUR"),
        P(f"{BUYER}, {BUYER_ADDRESS}."),
        H("ARTICLE 2 – LOT CONCERNÉ"),
        P("Le candidat coche le lot pour lequel il présente une offre (un acte par lot) :"),
        *[P(f"☐ Lot n° {lot.number} – {lot.title}") for lot in SERVICES_LOTS],
        H("ARTICLE 3 – ENGAGEMENT"),
        P(
            "Le signataire s'engage à exécuter les prestations commandées aux prix du "
            "bordereau des prix unitaires joint à son offre."
        ),
        H("ARTICLE 4 – CLAUSE SOCIALE D'INSERTION"),
        P(
            "Le titulaire s'engage à réaliser l'action d'insertion prévue à l'article 8 du "
            "CCAP, soit, pour le lot attribué :"
        ),
        T(
            [["Lot", "Heures d'insertion par an"]]
            + [[lot.number, f"{lot.hours} heures par an"] for lot in SERVICES_LOTS]
        ),
        H("ARTICLE 5 – SIGNATURE"),
        P("Fait à ____________________, le ____________________"),
    ]
    return Doc(items)


def services_annex_docx() -> Doc:
    items = [
        P("ANNEXE AU CCAP – CLAUSE SOCIALE D'INSERTION", bold=True),
        P(f"{SERVICES_OBJECT} – consultation n° {SERVICES_REF}"),
        H("ARTICLE 1 – HEURES D'INSERTION PAR AN ET PAR LOT"),
        T(
            [["Lot", "Intitulé", "Heures par an"]]
            + [[lot.number, lot.title, f"{lot.hours} heures"] for lot in SERVICES_LOTS]
            + [["", "Total par an", f"{SERVICES_TOTAL_YEAR} heures"]]
        ),
        P(
            "Les heures sont dues pour chaque année d'exécution de l'accord-cadre ; elles "
            "sont ajustées au prorata si le montant commandé dans l'année s'écarte de plus de "
            "20 % du montant annuel estimé."
        ),
        H("ARTICLE 2 – MODALITÉ RETENUE"),
        P(
            "☐ Embauche directe   ☐ Mise à disposition (ETTI, AI, GEIQ)   ☐ Sous-traitance SIAE, EA, ESAT"
        ),
        H("ARTICLE 3 – FACILITATEUR"),
        *facilitator_paragraphs(),
        H("ARTICLE 4 – SUIVI"),
        P(
            "Tableau de suivi mensuel et justificatifs transmis au facilitateur au plus tard "
            "le 10 de chaque mois (article 8.6 du CCAP)."
        ),
    ]
    return Doc(items)


def case_services_zip() -> Case:
    clause = (
        "Condition d'exécution à caractère social : clause sociale d'insertion sur les lots 1 "
        "et 2 (article L2112-2 du Code de la commande publique), heures par an précisées au "
        "règlement de la consultation."
    )
    pieces = {
        "Avis d'appel public à la concurrence.pdf": aapc_pdf(
            SERVICES_OBJECT,
            SERVICES_REF,
            "services – accord-cadre à bons de commande",
            SERVICES_LOTS,
            SERVICES_LAUNCH,
            clause,
            SERVICES_TOTAL_AMOUNT,
            "Appel d'offres ouvert (articles R2124-2 1° et R2161-2 à R2161-5 du Code de la "
            "commande publique).",
        ),
        "Pièces administratives/Règlement de consultation.pdf": services_rc_pdf(),
        "Pièces administratives/CCAP.docx": services_ccap_docx(),
        "Pièces administratives/Acte d'engagement.odt": services_ae_odt(),
        "Annexes/Annexe clause sociale d'insertion.docx": services_annex_docx(),
    }
    return Case(
        "services-accord-cadre.zip",
        pieces,
        [],
        note="Accord-cadre de services au-dessus du seuil européen, lancé après le 21 août 2026, "
        "clause présente et complète : aucun constat attendu.",
    )


# ------------------------------------------------------------------ 4. fournitures-sans-clause

SUPPLY_OBJECT = "Fourniture et livraison de mobilier de bureau pour le siège communautaire"
SUPPLY_REF = "2026-018"
SUPPLY_LOTS = [
    LotSpec(
        "1",
        "Mobilier de bureau (bureaux, rangements, tables de réunion)",
        95_000,
        "fournitures",
        0.05,
    ),
    LotSpec("2", "Sièges de bureau", 45_000, "fournitures", 0.05),
]
SUPPLY_NO_CLAUSE = (
    "Clause sociale d'insertion : sans objet (fournitures livrées montées, sans main-d'œuvre "
    "significative sur site)."
)


def supply_rc_odt() -> Doc:
    items = [
        *title_page(
            "RÈGLEMENT DE LA CONSULTATION",
            [
                SUPPLY_OBJECT,
                "Marché de fournitures – procédure adaptée",
                f"Consultation n° {SUPPLY_REF}",
            ],
        ),
        H("ARTICLE 1 – OBJET"),
        P(f"{SUPPLY_OBJECT}. Livraison et montage compris."),
        H("ARTICLE 2 – PROCÉDURE ET ALLOTISSEMENT"),
        P(
            "Procédure adaptée (articles L2123-1 et R2123-1 1° du Code de la commande "
            "publique). Valeur estimée : "
            f"{euros(sum(lot.amount for lot in SUPPLY_LOTS))}. Lancement le 1er décembre 2026."
        ),
        lot_amount_table(SUPPLY_LOTS),
        H("ARTICLE 3 – CONDITIONS D'EXÉCUTION"),
        P(SUPPLY_NO_CLAUSE),
        P(
            "Les emballages sont repris par le titulaire ; le mobilier est garanti cinq ans "
            "et ses pièces détachées sont disponibles pendant dix ans."
        ),
        H("ARTICLE 4 – JUGEMENT DES OFFRES"),
        T(
            [
                ["Critère", "Pondération"],
                ["Prix", "50 %"],
                ["Qualité et ergonomie", "35 %"],
                ["Performance environnementale", "15 %"],
            ]
        ),
        H("ARTICLE 5 – REMISE DES OFFRES"),
        P(f"Remise sur {BUYER_PROFILE}. Contact : {BUYER_CONTACT}."),
    ]
    return Doc(items, header=f"{BUYER} – RC", footer=SUPPLY_REF)


def supply_ccap_pdf() -> Doc:
    items = [
        *title_page(
            "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES",
            [SUPPLY_OBJECT, "Marché de fournitures", f"Consultation n° {SUPPLY_REF}"],
        ),
        H("ARTICLE 1 – OBJET DU MARCHÉ"),
        P(f"{SUPPLY_OBJECT}, en deux lots :"),
        lot_amount_table(SUPPLY_LOTS),
        H("ARTICLE 2 – PIÈCES CONSTITUTIVES"),
        P(
            "L'acte d'engagement, le présent CCAP, le CCTP, le bordereau des prix et le CCAG "
            "des marchés publics de fournitures courantes et de services (CCAG-FCS) approuvé "
            "par l'arrêté du 30 mars 2021 modifié."
        ),
        H("ARTICLE 3 – LIVRAISON ET MONTAGE"),
        P(
            "Les fournitures sont livrées et montées au siège communautaire dans un délai de "
            "six semaines à compter de la notification ; les emballages sont repris."
        ),
        H("ARTICLE 4 – VÉRIFICATIONS ET ADMISSION"),
        P("Les vérifications quantitatives et qualitatives sont faites à la livraison."),
        H("ARTICLE 5 – PRIX ET PAIEMENT"),
        P("Les prix sont fermes. Le délai de paiement est de trente jours."),
        H("ARTICLE 6 – PÉNALITÉS DE RETARD"),
        P(
            "En cas de retard de livraison, une pénalité de 1/1000 du montant du lot par jour est appliquée."
        ),
        H("ARTICLE 7 – GARANTIE"),
        P("Le mobilier est garanti cinq ans, pièces et main-d'œuvre."),
        H("ARTICLE 8 – CONDITIONS PARTICULIÈRES D'EXÉCUTION"),
        P(SUPPLY_NO_CLAUSE),
    ]
    return Doc(items, header=f"{BUYER} – CCAP – mobilier", footer=SUPPLY_REF)


def supply_ae_docx() -> Doc:
    items = [
        *title_page("ACTE D'ENGAGEMENT", [SUPPLY_OBJECT, f"Consultation n° {SUPPLY_REF}"]),
        H("ARTICLE 1 – ACHETEUR"),
        P(f"{BUYER}, {BUYER_ADDRESS}."),
        H("ARTICLE 2 – LOT"),
        *[P(f"☐ Lot n° {lot.number} – {lot.title}") for lot in SUPPLY_LOTS],
        H("ARTICLE 3 – ENGAGEMENT"),
        P(
            "Le signataire s'engage à livrer et monter les fournitures du lot coché pour un "
            "montant hors TVA de ________ €, dans le délai fixé au CCAP."
        ),
        H("ARTICLE 4 – SIGNATURE"),
        P("Fait à ____________________, le ____________________"),
    ]
    return Doc(items)


def case_fournitures() -> Case:
    return Case(
        "fournitures-sans-clause",
        {
            "RC.odt": supply_rc_odt(),
            "CCAP.pdf": supply_ccap_pdf(),
            "AE.docx": supply_ae_docx(),
        },
        [],
        note="Fournitures sous le seuil européen, clause écartée explicitement (« sans "
        "objet ») : ni CS100 ni CS1xx/CS3xx, aucun constat attendu.",
    )


# ------------------------------------------------------------------ 5. services-seuil-2026

HVAC_OBJECT = (
    "Maintenance des installations de chauffage, ventilation et climatisation des bâtiments "
    "communautaires"
)
HVAC_REF = "2026-011"
HVAC_AMOUNT = 270_000  # over 3 years, above 216 000 € HT


def hvac_rc_docx() -> Doc:
    items = [
        *title_page(
            "RÈGLEMENT DE LA CONSULTATION",
            [
                HVAC_OBJECT,
                "Marché public de services – appel d'offres ouvert",
                f"Consultation n° {HVAC_REF}",
            ],
        ),
        H("ARTICLE 1 – OBJET"),
        P(
            f"{HVAC_OBJECT} : maintenance préventive et corrective de onze sites, astreinte "
            "comprise. Le marché n'est pas alloti : les installations sont pilotées par une "
            "supervision unique."
        ),
        H("ARTICLE 2 – PROCÉDURE ET DURÉE"),
        P(
            "Appel d'offres ouvert (articles R2124-2 1° et R2161-2 à R2161-5 du Code de la "
            f"commande publique). Durée : trois ans. Valeur estimée : {euros(HVAC_AMOUNT, NBSP)} "
            "sur la durée du marché."
        ),
        P("Date d'envoi de l'avis à la publication : 1er octobre 2026."),
        H("ARTICLE 3 – CONDITIONS D'EXÉCUTION"),
        P(
            "Le titulaire récupère et fait traiter les fluides frigorigènes par une filière "
            "agréée et remet chaque année un bilan des consommations d'énergie."
        ),
        H("ARTICLE 4 – JUGEMENT DES OFFRES"),
        T(
            [
                ["Critère", "Pondération"],
                ["Prix", "50 %"],
                ["Valeur technique", "35 %"],
                ["Performance environnementale", "15 %"],
            ]
        ),
        H("ARTICLE 5 – REMISE DES OFFRES"),
        P(f"Remise sur {BUYER_PROFILE}. Contact : {BUYER_CONTACT}."),
    ]
    return Doc(items, header=f"{BUYER} – RC", footer=HVAC_REF)


def hvac_ccap_pdf() -> Doc:
    items = [
        *title_page(
            "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES",
            [HVAC_OBJECT, "Marché public de services", f"Consultation n° {HVAC_REF}"],
        ),
        H("ARTICLE 1 – OBJET ET DURÉE"),
        P(f"{HVAC_OBJECT}. Le marché est conclu pour trois ans à compter du 1er mars 2027."),
        H("ARTICLE 2 – PIÈCES CONSTITUTIVES"),
        P(
            "L'acte d'engagement, le présent CCAP, le CCTP, la décomposition du prix global "
            "et forfaitaire, le CCAG-FCS approuvé par l'arrêté du 30 mars 2021 modifié."
        ),
        H("ARTICLE 3 – PRIX"),
        P(
            "Maintenance préventive : prix global et forfaitaire annuel. Maintenance "
            "corrective : prix unitaires. Les prix sont révisables annuellement."
        ),
        H("ARTICLE 4 – CONDITIONS ENVIRONNEMENTALES D'EXÉCUTION"),
        P(
            "Le titulaire récupère les fluides frigorigènes, remet un bilan annuel des "
            "consommations et propose des actions d'économie d'énergie."
        ),
        H("ARTICLE 5 – PÉNALITÉS"),
        P(
            "Dépassement du délai d'intervention en astreinte : 200 € par heure de retard. "
            "Visite préventive non réalisée : 300 € par visite."
        ),
        H("ARTICLE 6 – RÉSILIATION ET LITIGES"),
        P("Conditions des documents généraux ; tribunal administratif territorialement compétent."),
    ]
    return Doc(items, header=f"{BUYER} – CCAP – maintenance CVC", footer=HVAC_REF)


def hvac_ae_odt() -> Doc:
    items = [
        *title_page("ACTE D'ENGAGEMENT", [HVAC_OBJECT, f"Consultation n° {HVAC_REF}"]),
        H("ARTICLE 1 – ACHETEUR"),
        P(f"{BUYER}, {BUYER_ADDRESS}."),
        H("ARTICLE 2 – ENGAGEMENT"),
        P(
            "Le signataire s'engage à exécuter les prestations pour un prix global et "
            "forfaitaire annuel de ________ € HT et aux prix unitaires de son bordereau."
        ),
        H("ARTICLE 3 – SIGNATURE"),
        P("Fait à ____________________, le ____________________"),
    ]
    return Doc(items)


def case_services_seuil() -> Case:
    f = Finding
    return Case(
        "services-seuil-2026",
        {"RC.docx": hvac_rc_docx(), "CCAP.pdf": hvac_ccap_pdf(), "AE.odt": hvac_ae_odt()},
        [
            f(
                "CS501",
                None,
                None,
                "services de 270 000 € HT (≥ 216 000 € HT) lancés le 1er octobre 2026 (après le 21 août 2026) sans condition d'exécution sociale ni justification",
            ),
            f(
                "CS100",
                None,
                None,
                "aucune pièce ne porte de clause sociale d'insertion et aucune ne l'écarte",
            ),
        ],
        note="Marché de services au-dessus du seuil européen lancé après le 21 août 2026 sans "
        "clause sociale : CS501 et CS100.",
    )


# ------------------------------------------------------------------ building

CASES: list[Callable[[], Case]] = [
    case_travaux_conforme,
    case_travaux_avec_erreurs,
    case_services_zip,
    case_fournitures,
    case_services_seuil,
]


def _pdf_page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _write_ccap_with_toc(path: Path) -> None:
    """Write the works CCAP twice: the second time its sommaire has the right pages."""
    write_pdf(path, travaux_ccap_pdf({}))
    texts = _pdf_page_texts(path)
    headings = [i.text for i in travaux_ccap_pdf({}).items if isinstance(i, H)]
    toc_pages = [n for n, text in enumerate(texts) if re.search(r"\.{4,} \d+", text)]
    first_body_page = max(toc_pages) + 1
    pages: dict[str, int] = {}
    for heading in headings:
        for number in range(first_body_page, len(texts)):
            if any(line.strip().startswith(heading[:40]) for line in texts[number].splitlines()):
                pages[heading] = number + 1
                break
    missing = [h for h in headings if h not in pages]
    if missing:
        raise RuntimeError(f"sommaire: headings not found in the PDF: {missing}")
    write_pdf(path, travaux_ccap_pdf(pages))


def build_case(case: Case, out: Path) -> Path:
    """Write one sample (folder or zip) and its expected findings beside it."""
    if case.name.endswith(".zip"):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            members: dict[str, bytes | Path] = {}
            for name, doc in case.pieces.items():
                target = Path(tmp) / f"{len(members)}{Path(name).suffix}"
                write(target, doc)
                members[name] = target.read_bytes()
            target = write_zip(out / case.name, members, cp437_names=True)
        stem = case.name.removesuffix(".zip")
    else:
        target = out / case.name
        if target.exists():  # rebuild: drop the old pieces of this sample only
            for old in target.iterdir():
                if old.is_file():
                    old.unlink()
        for name, doc in case.pieces.items():
            if name in case.pdf_with_toc:
                _write_ccap_with_toc(target / name)
            else:
                write(target / name, doc)
        stem = case.name
    expected = {
        "review_date": REVIEW_DATE,
        "note": case.note,
        "findings": [f.to_dict() for f in case.findings],
    }
    (out / f"{stem}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return target


def build(out: Path = ROOT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [build_case(make(), out) for make in CASES]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else ROOT
    for path in build(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
