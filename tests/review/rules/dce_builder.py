"""A complete, correct works DCE written as real files, with every part replaceable, so that
each rule test changes one thing and sees one finding (or none for a near-miss)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from review.engine import review
from tools.simple_documents import Doc, H, P, T, write

REVIEW_DATE = date(2026, 11, 25)

RC_OBJECT = (
    "Marché public de travaux : construction d'un pôle enfance. La consultation est passée "
    "selon une procédure adaptée. Date d'envoi de l'avis à la publication : 1er décembre 2026."
)
RC_LOTS = T(
    [
        ["Lot", "Intitulé", "Montant estimé"],
        ["1", "Gros œuvre – maçonnerie", "820 000 € HT"],
        ["2", "Charpente bois – couverture", "460 000 € HT"],
    ]
)
RC_CLAUSE = (
    "Le marché comporte une clause sociale d'insertion, condition d'exécution prévue à "
    "l'article 9 du CCAP : lot 1 : 615 heures d'insertion ; lot 2 : 270 heures d'insertion."
)
CCAP_DOCS = (
    "Les pièces générales sont le CCAG applicable aux marchés publics de travaux (CCAG-Travaux) "
    "approuvé par l'arrêté du 30 mars 2021."
)
CLAUSE_OBJECT = (
    "En application de l'article L2112-2 du Code de la commande publique et de l'article 20.1 "
    "du CCAG-Travaux, le titulaire réalise une action d'insertion professionnelle."
)
CLAUSE_HOURS = T(
    [
        ["Lot", "Intitulé", "Heures d'insertion"],
        ["1", "Gros œuvre – maçonnerie", "615"],
        ["2", "Charpente bois – couverture", "270"],
    ]
)
CLAUSE_TOTAL = "Soit un total de 885 heures d'insertion pour l'ensemble des lots."
CLAUSE_PUBLIC = (
    "Publics éligibles : demandeurs d'emploi de longue durée inscrits à France Travail, "
    "bénéficiaires du RSA, jeunes de moins de 26 ans sans qualification."
)
CLAUSE_MODALITIES = (
    "Le titulaire choisit librement : embauche directe, mise à disposition de personnel par "
    "une ETTI ou un GEIQ, sous-traitance à une SIAE."
)
CLAUSE_FACILITATOR = (
    "Facilitatrice : Maison de l'emploi du territoire (exemple), Camille Martin, "
    "01 99 00 12 34, clause.insertion@example.org."
)
CLAUSE_REPORTING = (
    "Le titulaire transmet chaque mois au facilitateur un tableau de suivi des heures "
    "réalisées, avec les justificatifs."
)
CLAUSE_PENALTY = (
    "En cas de non-réalisation des heures d'insertion, le titulaire subit une pénalité égale à "
    "1,5 fois le SMIC horaire brut en vigueur par heure non réalisée."
)
CLAUSE_PENALTY_REPORTING = (
    "En cas de retard dans la transmission des documents de suivi, une pénalité de 100 € par "
    "jour de retard est appliquée."
)
AE_COMMITMENT = T(
    [
        ["Lot", "Heures d'insertion"],
        ["1", "615 heures"],
        ["2", "270 heures"],
    ]
)

_KEEP = object()


def _items(*items):
    return [i for i in items if i is not None]


def rc(object_=RC_OBJECT, lots=RC_LOTS, clause=RC_CLAUSE, extra=()) -> Doc:
    return Doc(
        _items(
            P("Règlement de la consultation"),
            H("Article 1 - Objet de la consultation"),
            P(object_) if object_ else None,
            lots,
            H("Article 5 - Conditions particulières d'exécution") if clause else None,
            P(clause) if clause else None,
            *extra,
        )
    )


def ccap(
    docs=CCAP_DOCS,
    clause_title="Article 9 - Clause sociale d'insertion",
    objet=CLAUSE_OBJECT,
    hours=CLAUSE_HOURS,
    total=CLAUSE_TOTAL,
    public=CLAUSE_PUBLIC,
    modalities=CLAUSE_MODALITIES,
    facilitator=CLAUSE_FACILITATOR,
    reporting=CLAUSE_REPORTING,
    penalty=CLAUSE_PENALTY,
    penalty_reporting=CLAUSE_PENALTY_REPORTING,
    extra=(),
) -> Doc:
    clause = []
    if clause_title:
        clause = _items(
            H(clause_title),
            H("9.1 Objet", 2),
            P(objet) if objet else None,
            H("9.2 Volume d'heures", 2),
            hours,
            P(total) if total else None,
            H("9.3 Publics éligibles", 2),
            P(public) if public else None,
            H("9.4 Modalités de mise en œuvre", 2),
            P(modalities) if modalities else None,
            H("9.5 Accompagnement", 2),
            P(facilitator) if facilitator else None,
            H("9.6 Suivi et contrôle", 2),
            P(reporting) if reporting else None,
            H("9.7 Pénalités", 2),
            P(penalty) if penalty else None,
            P(penalty_reporting) if penalty_reporting else None,
        )
    return Doc(
        _items(
            P("Cahier des clauses administratives particulières"),
            H("Article 1 - Objet du marché"),
            P("Construction d'un pôle enfance, marché de travaux allotis en deux lots."),
            H("Article 2 - Pièces constitutives du marché"),
            P(docs) if docs else None,
            *clause,
            *extra,
        )
    )


def ae(commitment=AE_COMMITMENT, extra=()) -> Doc:
    return Doc(
        _items(
            P("Acte d'engagement"),
            P(
                "Le candidat s'engage à exécuter les prestations et à réaliser les heures d'insertion suivantes :"
            )
            if commitment is not None
            else P("Le candidat s'engage à exécuter les prestations."),
            commitment,
            *extra,
        )
    )


def write_dce(
    root: Path, pieces: dict[str, Doc | None] | None = None, formats: dict[str, str] | None = None
) -> Path:
    """Write RC, CCAP, AE (defaults) and any other piece; None removes a piece."""
    docs: dict[str, Doc | None] = {"RC.docx": rc(), "CCAP.docx": ccap(), "AE.docx": ae()}
    docs.update(pieces or {})
    root.mkdir(parents=True, exist_ok=True)
    for name, doc in docs.items():
        if doc is not None:
            write(root / name, doc)
    return root


def run(root: Path, when: date = REVIEW_DATE, **kwargs):
    return review(root, review_date=when, strict=True, **kwargs)


def codes(report) -> Counter:
    return Counter(f.code for f in report.findings)


def by_code(report, code: str) -> list:
    return [f for f in report.findings if f.code == code]
