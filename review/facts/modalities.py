"""Modalities of execution: direct hiring, mise à disposition (ETTI, AI, GEIQ),
sub- or co-contracting with an SIAE / EA / ESAT, apprenticeship…; and the control and
reporting obligations (fiche de suivi, justificatifs, transmission to the facilitator)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from review.facts._matched import add_matches

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


# A document named alone (« justificatifs », « bulletins de paie », « attestations ») is an
# obligation only in a sentence that has someone send, give or keep it: « heures figurant
# sur les bulletins de paie » says how hours are counted, not what to report.
_BARE_DOCUMENT = re.compile(r"^(?:justificatifs?|pieces|attestations?|copies|bulletins)$")
_OBLIGATION = re.compile(
    r"transm|communiqu|fourni|adress|remet|remis|produi|envoi|envoy|depos|tenu|tient|tenir"
    r"|sur (?:simple )?demande|a la disposition|justifi|rend compte|controle"
)


# « Fiche d'engagement », « fiche de candidature »: the form the candidate signs, not a
# follow-up document (blind5: a commitment form's title stood for the missing reporting).
_NOT_REPORTING_AFTER = re.compile(r"\s*(?:engagement|candidature|presentation|renseignements)\b")


# « par courriel à l'adresse facilitation@… »: the noun, not the verb « adresse au
# facilitateur » (seventh blind corpus: a contact sentence stood for the reporting).
_NOUN_BEFORE = re.compile(r"(?:\bl'|\b(?:une|son|sa|leur|cette|votre)\s+)$")


# « fiche de … », « tableau de … » without a follow-up word after « de » (the matcher's
# third word is optional): a follow-up document only when what follows is the clause's
# (« bilan de l'action d'insertion », « état des salariés »); « fiche de données de
# sécurité », « tableau de l'article 2 » are other documents (twelfth blind corpus: they
# stood for the missing reporting, CS305 missed).
_OPEN_OF = re.compile(r"(?:\s|^)d(?:e|')$")
_CLAUSE_DOCUMENT_AFTER = re.compile(
    r"\s*(?:la\s+|l'|des?\s+|du\s+|ces?\s+)?(?:clause|insertion|action|personnes?|salarie"
    r"|heures?|suivi|embauch|contrats?|beneficiaires?|publics?|parcours|presence|pointage"
    r"|fin\b|realisation|execution|liaison|controle)"
)


def _obligation(match: str, sentence: str, offset: int, headings: str) -> bool:
    if match.startswith("fiche") and _NOT_REPORTING_AFTER.match(sentence, offset + len(match)):
        return False
    if _OPEN_OF.search(match) and not _CLAUSE_DOCUMENT_AFTER.match(sentence, offset + len(match)):
        return False
    if match.startswith("adresse") and _NOUN_BEFORE.search(sentence[:offset]):
        return False
    return not _BARE_DOCUMENT.match(match) or bool(_OBLIGATION.search(sentence))


# A structure named alone (« ETTI », « SIAE », « structures d'insertion ») is a way of
# doing the hours only in a sentence about doing them: « salariés en parcours dans une
# SIAE » is a public, « factures des structures d'insertion » a document.
_BARE_STRUCTURE = re.compile(
    r"^(?:etti|geiq|siae|esat|ei|aci|eatt|ai|entreprises?|structures?|associations?)\b"
)
_WAY_OF_DOING = re.compile(
    r"recour|fai\w* appel|par l'intermediaire|par le biais|en lien avec|confi|trait"
    r"|disposition|embauch|recrut|modalit|partenariat|achat|commande|interven|s'adress"
    r"|au choix|peut|pourra|option|mettre en oeuvre"
)
# Words just before a structure that make it a document or a person's path, not a way.
_NOT_A_WAY = re.compile(
    r"(?:factures?|attestations?|salaries?|parcours|suivi\w* par|accompagne\w* par"
    r"|oriente\w* par|inscrit\w*)\s+(?:\S+\s+){0,2}$"
)


# « copies des contrats de travail ou de mise à disposition »: the name of a document to
# hand over, not the way of doing the hours (blind4: a clause with no modalities read as
# complete because its control sub-article asked for these copies).
_DOCUMENT_BEFORE = re.compile(
    r"(?:contrats?|conventions?|copies?|avenants?)\s+(?:de\s+travail\s+)?(?:(?:ou|et)\s+)?(?:de\s+|d')$"
)


def _way_of_doing(match: str, sentence: str, offset: int, headings: str) -> bool:
    if match.startswith("mise") and _DOCUMENT_BEFORE.search(sentence[:offset]):
        return False
    if not _BARE_STRUCTURE.match(match):
        return True
    return bool(_WAY_OF_DOING.search(sentence)) and not _NOT_A_WAY.search(sentence[:offset])


def extract(text: PieceText, facts: Facts) -> None:
    add_matches(text, facts, "MODALITY", "modality", keep=_way_of_doing)
    add_matches(text, facts, "REPORTING", "reporting", keep=_obligation)
