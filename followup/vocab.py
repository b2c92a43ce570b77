"""The listed values of the monthly sheet and how people write them.

Headers and listed values are matched without regard to case, accents, spaces, dots or a
trailing « (*) » (`key`). Each list maps a stored code to its French label and the other
spellings people use.
"""

from __future__ import annotations

import functools
import re
import unicodedata


def key(text: object) -> str:
    """« Modalité (*) » -> « modalite »; « N° SIRET » -> « n siret »."""
    return _key(text if isinstance(text, str) else str(text or ""))


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """« Modalité (*) » -> « modalite »; « N° SIRET » -> « n siret »."""
    value = unicodedata.normalize("NFKD", str(text or ""))
    value = "".join(ch for ch in value if not unicodedata.combining(ch)).lower()
    value = re.sub(r"\(\s*\*\s*\)|\*", " ", value)
    value = re.sub(r"[^a-z0-9+<>\-]+", " ", value.replace("'", " ").replace("’", " "))
    return " ".join(value.split())


class Vocabulary:
    """Codes with French labels, recognised from any of their spellings."""

    def __init__(self, name: str, entries: dict[str, tuple[str, ...]]) -> None:
        self.name = name
        self.labels = {code: spellings[0] for code, spellings in entries.items()}
        self._lookup: dict[str, str] = {}
        for code, spellings in entries.items():
            for spelling in (code, *spellings):
                self._lookup[key(spelling)] = code

    def code(self, text: object) -> str | None:
        """The code for `text`, or None when it is not one of the listed values."""
        return self._lookup.get(key(text))

    def label(self, code: str | None) -> str:
        return self.labels.get(code or "", code or "non renseigné")

    def listed(self) -> str:
        """« DELD, RSA, … » for messages."""
        return ", ".join(self.labels.values())


PUBLICS = Vocabulary(
    "public",
    {
        "DELD": (
            "DELD",
            "demandeur d'emploi de longue durée",
            "demandeurs d'emploi de longue durée",
            "DELD 12 mois",
        ),
        "RSA": ("RSA", "bénéficiaire du RSA", "allocataire du RSA", "BRSA"),
        "ASS": ("ASS", "allocation de solidarité spécifique", "bénéficiaire de l'ASS"),
        "AAH": ("AAH", "allocation aux adultes handicapés", "bénéficiaire de l'AAH"),
        "TH": ("TH", "RQTH", "travailleur handicapé", "BOETH", "personne handicapée"),
        "JEUNE": (
            "JEUNE",
            "jeune",
            "jeune de moins de 26 ans",
            "jeunes -26",
            "-26 ans",
            "moins de 26 ans",
        ),
        "SENIOR": ("SENIOR", "senior", "50 ans et plus", "plus de 50 ans", "+50 ans", "seniors"),
        "QPV": ("QPV", "résident QPV", "quartier prioritaire", "habitant QPV"),
        "SIAE": ("SIAE", "salarié en insertion", "personne en SIAE", "IAE", "salarié SIAE"),
        "AUTRE": ("AUTRE", "autre", "autre public", "validation du facilitateur"),
    },
)
# Written by people who do not know: stored as « unknown » (no public), alert SU201.
UNKNOWN_WORDS = frozenset(
    key(w) for w in ("inconnu", "?", "nc", "non renseigné", "nr", "ne sait pas")
)

MODALITIES = Vocabulary(
    "modalité",
    {
        "embauche_directe": (
            "embauche directe",
            "embauche",
            "recrutement direct",
            "CDI/CDD direct",
        ),
        "mise_a_disposition": ("mise à disposition", "MAD", "intérim d'insertion", "mise a dispo"),
        "sous_traitance": ("sous-traitance", "sous traitance", "sous-traitant"),
        "co_traitance": ("co-traitance", "cotraitance", "co traitance", "groupement"),
        "formation": ("formation", "action de formation", "heures de formation"),
    },
)
CONTRACTS = Vocabulary(
    "contrat",
    {
        "CDI": ("CDI", "CDI inclusion", "contrat à durée indéterminée"),
        "CDD": ("CDD", "CDD d'usage", "CDD tremplin", "contrat à durée déterminée"),
        "CDDI": ("CDDI", "CDD d'insertion"),
        "interim": (
            "intérim (mission)",
            "intérim",
            "interim",
            "mission",
            "contrat de mission",
            "CTT",
            "CTTI",
        ),
        "apprentissage": ("apprentissage", "contrat d'apprentissage", "apprenti"),
        "professionnalisation": (
            "professionnalisation",
            "contrat de professionnalisation",
            "contrat pro",
        ),
        "autre": ("autre", "PEC", "contrat aidé", "autre contrat"),
    },
)
OUTCOMES = Vocabulary(
    "situation à la sortie",
    {
        "emploi_durable": (
            "emploi durable",
            "CDI",
            "CDD de 6 mois ou plus",
            "création d'entreprise",
        ),
        "emploi_transition": ("emploi de transition", "CDD de moins de 6 mois", "contrat aidé"),
        "sortie_positive": ("sortie positive", "formation qualifiante", "embauche en SIAE"),
        "autre": ("autre", "autre sortie", "sans emploi"),
        "inconnue": ("inconnue", "inconnu", "non connue", "ne sait pas"),
    },
)
SEXES = Vocabulary("sexe", {"F": ("F", "femme", "féminin"), "H": ("H", "homme", "masculin", "M")})
AGE_BANDS = Vocabulary(
    "tranche d'âge",
    {
        "-26": ("-26", "moins de 26 ans", "< 26", "<26", "-26 ans", "jeune"),
        "26-49": ("26-49", "26 à 49 ans", "26-49 ans", "26 49"),
        "50+": ("50+", "50 ans et plus", "+50", ">= 50", "50 ans ou plus", "50 et plus"),
    },
)
QUALIFICATIONS = Vocabulary(
    "niveau de qualification",
    {
        "infra3": ("infra 3", "infra3", "sans diplôme", "niveau 1", "niveau 2", "infra niveau 3"),
        "3": ("3", "niveau 3", "CAP", "BEP", "CAP/BEP"),
        "4": ("4", "niveau 4", "bac", "baccalauréat"),
        "5+": ("5+", "niveau 5 et plus", "5 et plus", "bac+2", "bac +2 et plus", "niveau 5"),
    },
)
YES_NO = Vocabulary(
    "oui/non",
    {"oui": ("oui", "o", "yes", "1", "vrai", "x"), "non": ("non", "n", "no", "0", "faux")},
)

# Employers: who may employ a participant on a lot (reference.md §12).
EMPLOYER_KINDS = Vocabulary(
    "type d'employeur",
    {
        "titulaire": ("titulaire", "entreprise titulaire", "attributaire"),
        "ETTI": ("ETTI", "entreprise de travail temporaire d'insertion"),
        "AI": ("AI", "association intermédiaire"),
        "GEIQ": ("GEIQ",),
        "ETT": ("ETT", "entreprise de travail temporaire", "agence d'intérim"),
        "EI": ("EI", "entreprise d'insertion"),
        "ACI": ("ACI", "atelier chantier d'insertion", "chantier d'insertion"),
        "EA": ("EA", "entreprise adaptée"),
        "EATT": ("EATT",),
        "ESAT": ("ESAT",),
        "autre": ("autre",),
    },
)
SIAE_KINDS = frozenset({"ETTI", "AI", "EI", "ACI", "EA", "EATT", "ESAT", "GEIQ"})
