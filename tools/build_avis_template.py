"""Build the Word template of the facilitator's opinion letter (python-docx + Jinja tags).

    python tools/build_avis_template.py     # writes clause_templates/avis_facilitateur.docx

Same house style as the clause templates (`tools/build_templates.py`); rendered by
`generators/avis.py` with docxtpl, `autoescape=True` and `StrictUndefined`. The variables
are those of `generators.avis.avis_context` (listed in docs/sorties.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from generators.avis import AVIS_TEMPLATE  # noqa: E402
from tools.build_templates import Builder  # noqa: E402


def build_avis(path: Path = AVIS_TEMPLATE) -> Path:
    b = Builder("Avis du facilitateur – clause sociale d'insertion")
    b.title(
        "Avis du facilitateur sur la clause sociale d'insertion",
        "Consultation « {{ consultation }} »",
    )
    b.p("Objet : {{ objet }}", justify=False)
    b.p("Acheteur : {{ acheteur }} – consultation n° {{ reference }}", justify=False)
    b.p("Madame, Monsieur,", justify=False)
    b.p(
        "Vous nous avez transmis le dossier de consultation « {{ consultation }} » "
        "({{ nombre_pieces }} pièce{% if nombre_pieces > 1 %}s{% endif %}). Nous l'avons relu "
        "le {{ date_relecture }} au regard de la clause sociale d'insertion (condition "
        "d'exécution prévue à l'article L2112-2 du code de la commande publique). Vous "
        "trouverez ci-dessous ce qui doit être corrigé avant la publication, pièce par pièce, "
        "avec la rédaction à retenir, puis les points à vérifier et les heures d'insertion de "
        "chaque lot."
    )

    b.h1("1 – Pièces examinées")
    b.table(
        ["Pièce", "Type", "Format"],
        loop=("p in pieces", ["{{ p.chemin }}", "{{ p.type }}", "{{ p.format }}"]),
        widths=[9.6, 4.6, 2.4],
    )

    b.h1("2 – À corriger avant la publication")
    b.tag("{%p if a_corriger %}")
    b.p(
        "{{ nombre_erreurs }} point{% if nombre_erreurs > 1 %}s doivent{% else %} doit{% endif %} "
        "être corrigé{% if nombre_erreurs > 1 %}s{% endif %} avant de publier le dossier :"
    )
    _sections(b, "a_corriger")
    b.tag("{%p else %}")
    b.p("Aucune correction n'est nécessaire avant la publication.")
    b.tag("{%p endif %}")

    b.h1("3 – Points à vérifier")
    b.tag("{%p if a_verifier %}")
    b.p(
        "Ces points ne bloquent pas la publication, mais méritent d'être vérifiés avec le "
        "rédacteur des pièces :"
    )
    _sections(b, "a_verifier")
    b.tag("{%p else %}")
    b.p("Aucun autre point à vérifier.")
    b.tag("{%p endif %}")

    b.h1("4 – Heures d'insertion par lot")
    b.tag("{%p if lots %}")
    b.p(
        "Heures écrites dans les pièces du dossier, et heures calculées avec le profil du "
        "territoire ({{ profil }}) : montant HT × part de main-d'œuvre × taux d'insertion ÷ "
        "coût horaire."
    )
    b.table(
        ["Lot", "Intitulé", "Montant HT", "Heures dans les pièces", "Heures calculées"],
        loop=(
            "lot in lots",
            [
                "{{ lot.numero }}",
                "{{ lot.intitule }}",
                "{{ lot.montant }}",
                "{{ lot.heures_pieces }}",
                "{{ lot.heures_calculees }}",
            ],
        ),
        widths=[1.6, 5.0, 3.0, 4.4, 2.6],
        right=(2, 4),
    )
    b.tag("{%p else %}")
    b.p("Aucun lot ni montant n'a été trouvé dans les pièces : les heures n'ont pas été calculées.")
    b.tag("{%p endif %}")

    b.h1("5 – Suite")
    b.p(
        "Nous restons à votre disposition pour relire les pièces corrigées avant la "
        "publication, et pour accompagner le titulaire dans la réalisation des heures "
        "d'insertion pendant l'exécution du marché."
    )
    b.p("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.")
    b.p("Fait le {{ date_relecture }}.", justify=False)
    b.p("Le facilitateur de la clause sociale d'insertion", bold=True, justify=False)
    b.p("{{ facilitateur.structure }}", justify=False)
    b.tag("{%p if facilitateur.nom %}")
    b.p("{{ facilitateur.nom }}", justify=False)
    b.tag("{%p endif %}")
    b.tag("{%p if facilitateur.telephone %}")
    b.p("Téléphone : {{ facilitateur.telephone }}", justify=False)
    b.tag("{%p endif %}")
    b.tag("{%p if facilitateur.courriel %}")
    b.p("Courriel : {{ facilitateur.courriel }}", justify=False)
    b.tag("{%p endif %}")
    return b.save(path)


def _sections(b: Builder, name: str) -> None:
    """Per piece: a heading, then each finding with its place, what is wrong, the wording
    to use and the excerpt."""
    b.tag(f"{{%p for section in {name} %}}")
    b.h2("{{ section.piece }}")
    b.tag("{%p for c in section.constats %}")
    b.bullet("{{ c.lieu }} : {{ c.message }} ({{ c.code }}, {{ c.gravite }}).")
    b.tag("{%p if c.suggestion %}")
    b.p("{{ c.libelle_suggestion }} : {{ c.suggestion }}", bold=True)
    b.tag("{%p endif %}")
    b.tag("{%p if c.extrait %}")
    b.note("Extrait : « {{ c.extrait }} »")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")


if __name__ == "__main__":
    print(build_avis())
