"""CS3xx on real documents: the content of the clause article."""

from __future__ import annotations

import pytest
from dce_builder import Doc, H, P, T, by_code, ccap, codes, run, write_dce

from clausier.profile import load_profile


def test_cs301_no_hours_anywhere(tmp_path):
    rc_clause = "Le marché comporte une clause sociale d'insertion, décrite à l'article 9 du CCAP."
    from dce_builder import rc

    root = write_dce(
        tmp_path,
        {
            "RC.docx": rc(clause=rc_clause),
            "CCAP.docx": ccap(hours=None, total=None),
            "AE.docx": Doc(
                [
                    P("Acte d'engagement"),
                    P("Le candidat s'engage à respecter la clause sociale d'insertion du CCAP."),
                ]
            ),
        },
    )
    report = run(root)
    found = by_code(report, "CS301")
    assert len(found) == 1
    assert found[0].piece == "CCAP.docx" and found[0].location.article == "9"
    assert "heures" in found[0].suggestion


def test_cs301_near_miss_hours_in_prose_with_narrow_spaces(tmp_path):
    hours = P("Lot 1 : 615\u202fheures d’insertion ; lot 2 : 270\u00a0heures d’insertion.")
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(hours=hours)}))
    assert "CS301" not in codes(report)
    assert "CS401" not in codes(report)


def test_cs302_no_eligible_public(tmp_path):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(public=None)}))
    found = by_code(report, "CS302")
    assert len(found) == 1 and found[0].severity.value == "error"
    assert "RSA" in found[0].suggestion


def test_cs302_near_miss_public_listed_without_the_words_publics_eligibles(tmp_path):
    public = "Sont concernés les demandeurs d'emploi de longue durée et les bénéficiaires du RSA."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(public=public)}))
    assert "CS302" not in codes(report)


def test_cs303_no_modalities(tmp_path):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(modalities=None)}))
    assert len(by_code(report, "CS303")) == 1


def test_cs303_near_miss_modalities_in_the_annex(tmp_path):
    annex = Doc(
        [
            P("Annexe à l'acte d'engagement : clause sociale d'insertion"),
            H("Modalités"),
            P(
                "L'entreprise peut recourir à la mise à disposition de salariés par une ETTI ou à l'embauche directe."
            ),
        ]
    )
    report = run(
        write_dce(
            tmp_path, {"CCAP.docx": ccap(modalities=None), "Annexe_clause_sociale.docx": annex}
        )
    )
    assert "CS303" not in codes(report)


def test_cs304_no_facilitator_contact_suggests_the_profile_facilitator(tmp_path):
    report = run(
        write_dce(
            tmp_path, {"CCAP.docx": ccap(facilitator="Le titulaire désigne un référent interne.")}
        )
    )
    found = by_code(report, "CS304")
    assert len(found) == 1
    facilitator = load_profile().facilitator
    assert (
        facilitator.telephone in found[0].suggestion and facilitator.courriel in found[0].suggestion
    )


def test_cs304_near_miss_facilitator_with_email_only(tmp_path):
    facilitator = "Le facilitateur du PLIE accompagne le titulaire : clauses@plie.example.org."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(facilitator=facilitator)}))
    assert "CS304" not in codes(report)


def test_cs304_facilitator_named_without_phone_or_email(tmp_path):
    report = run(
        write_dce(
            tmp_path,
            {
                "CCAP.docx": ccap(
                    facilitator="Le facilitateur de la Maison de l'emploi accompagne le titulaire."
                )
            },
        )
    )
    assert len(by_code(report, "CS304")) == 1


def test_cs305_no_control_or_reporting(tmp_path):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(reporting=None)}))
    assert len(by_code(report, "CS305")) == 1


def test_cs306_no_penalty_for_hours(tmp_path):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(penalty=None)}))
    found = by_code(report, "CS306")
    assert len(found) == 1
    assert "SMIC horaire brut en vigueur" in found[0].suggestion


def test_cs306_suggestion_uses_the_profile_amount(tmp_path):
    profile_file = tmp_path / "profil.toml"
    profile_file.write_text("[penalites]\nheure_non_realisee = 25.0\n", encoding="utf-8")
    report = run(
        write_dce(tmp_path / "dce", {"CCAP.docx": ccap(penalty=None)}),
        profile=load_profile(profile_file),
    )
    assert "25,00 € par heure" in by_code(report, "CS306")[0].suggestion


def test_cs306_near_miss_penalty_in_the_general_penalties_article(tmp_path):
    extra = [
        H("Article 12 - Pénalités"),
        P(
            "12.4 Clause d'insertion : pour chaque heure d'insertion non réalisée, le titulaire subit une pénalité de 30 €."
        ),
    ]
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(penalty=None, extra=extra)}))
    assert "CS306" not in codes(report)


def test_cs307_penalty_without_amount(tmp_path):
    penalty = "En cas de non-réalisation des heures d'insertion, le titulaire subit une pénalité."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(penalty=penalty)}))
    found = by_code(report, "CS307")
    assert len(found) == 1 and found[0].location.article == "9.7"


@pytest.mark.parametrize(
    "penalty",
    [
        "Pour chaque heure d'insertion non réalisée, une pénalité égale au SMIC horaire brut de 11,65 € est appliquée.",
        "Pour chaque heure d'insertion non réalisée, une pénalité égale au SMIC horaire (12,02 € en 2025) est appliquée.",
    ],
)
def test_cs307_penalty_frozen_on_a_past_smic(tmp_path, penalty):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(penalty=penalty)}))
    found = by_code(report, "CS307")
    assert len(found) == 1 and found[0].target.endswith("€")


def test_cs307_near_miss_current_smic_value_of_the_launch_year(tmp_path):
    penalty = "Pour chaque heure d'insertion non réalisée, une pénalité égale au SMIC horaire brut de 12,02 € est appliquée."
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(penalty=penalty)}))
    assert "CS307" not in codes(report)


def test_cs308_no_penalty_for_reporting(tmp_path):
    report = run(write_dce(tmp_path, {"CCAP.docx": ccap(penalty_reporting=None)}))
    found = by_code(report, "CS308")
    assert len(found) == 1 and found[0].severity.value == "info"
    assert "100 € par jour" in found[0].suggestion


def test_content_rules_silent_when_the_ccap_says_sans_objet(tmp_path):
    ccap_doc = Doc(
        [
            P("Cahier des clauses administratives particulières"),
            H("Article 9 - Clause sociale"),
            P("Clause sociale : sans objet."),
            T([["Lot", "Intitulé"], ["1", "Mobilier"]]),
        ]
    )
    from dce_builder import rc

    root = write_dce(
        tmp_path,
        {
            "CCAP.docx": ccap_doc,
            "RC.docx": rc(clause=None),
            "AE.docx": Doc([P("Acte d'engagement")]),
        },
    )
    report = run(root)
    assert not [f for f in report.findings if f.code.startswith(("CS1", "CS3", "CS4"))]
