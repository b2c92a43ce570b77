"""CS1xx on real documents: each test changes one thing of a correct DCE."""

from __future__ import annotations

from dce_builder import Doc, H, P, by_code, ccap, codes, rc, run, write_dce


def test_the_correct_dce_has_no_finding(tmp_path):
    report = run(write_dce(tmp_path))
    assert report.findings == []


def test_cs100_when_no_piece_has_a_clause(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "RC.docx": rc(clause=None),
            "CCAP.docx": ccap(clause_title=None),
            "AE.docx": Doc(
                [P("Acte d'engagement"), P("Le candidat s'engage à exécuter les prestations.")]
            ),
        },
    )
    report = run(root)
    assert codes(report) == {"CS100": 1}
    finding = by_code(report, "CS100")[0]
    assert finding.piece is None and finding.severity.value == "info"
    assert "sans objet" in finding.suggestion


def test_explicit_sans_objet_silences_presence_and_content(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "RC.docx": rc(
                clause=None,
                extra=[
                    H("Article 6 - Clause sociale"),
                    P("Clause sociale d'insertion : sans objet."),
                ],
            ),
            "CCAP.docx": ccap(clause_title=None),
            "AE.docx": Doc(
                [P("Acte d'engagement"), P("Le candidat s'engage à exécuter les prestations.")]
            ),
        },
    )
    assert run(root).findings == []


def test_sans_objet_heading_also_silences(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "RC.docx": rc(clause=None),
            "CCAP.docx": ccap(
                clause_title=None, extra=[H("Article 9 - Clause sociale d'insertion : sans objet")]
            ),
            "AE.docx": Doc(
                [P("Acte d'engagement"), P("Le candidat s'engage à exécuter les prestations.")]
            ),
        },
    )
    assert run(root).findings == []


def test_cs101_ccap_without_clause_article(tmp_path):
    root = write_dce(tmp_path, {"CCAP.docx": ccap(clause_title=None)})
    report = run(root)
    found = by_code(report, "CS101")
    assert len(found) == 1 and found[0].piece == "CCAP.docx"
    assert "CCAP" in found[0].message and "L2112-2" in found[0].suggestion


def test_cs101_near_miss_clause_article_in_pdf_ccap(tmp_path):
    root = write_dce(tmp_path, {"CCAP.docx": None, "CCAP.pdf": ccap()})
    report = run(root)
    assert "CS101" not in codes(report)


def test_cs102_rc_does_not_announce_the_clause(tmp_path):
    report = run(write_dce(tmp_path, {"RC.docx": rc(clause=None)}))
    found = by_code(report, "CS102")
    assert [f.piece for f in found] == ["RC.docx"]
    assert found[0].severity.value == "error"


def test_cs102_near_miss_rc_announces_in_one_sentence(tmp_path):
    rc_doc = rc(
        clause="Le marché comporte une clause sociale d'insertion détaillée à l'article 9 du CCAP."
    )
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc}))
    assert "CS102" not in codes(report)


def test_cs103_no_commitment_in_ae_or_annex(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "AE.docx": Doc(
                [P("Acte d'engagement"), P("Le candidat s'engage à exécuter les prestations.")]
            )
        },
    )
    report = run(root)
    found = by_code(report, "CS103")
    assert [f.piece for f in found] == ["AE.docx"]


def test_cs103_near_miss_commitment_in_an_annex(tmp_path):
    annex = Doc(
        [
            P("Annexe clause sociale d'insertion – fiche d'engagement"),
            P(
                "Le candidat s'engage à réaliser 615 heures d'insertion pour le lot 1 et 270 heures d'insertion pour le lot 2."
            ),
        ]
    )
    root = write_dce(
        tmp_path,
        {
            "AE.docx": Doc(
                [P("Acte d'engagement"), P("Le candidat s'engage à exécuter les prestations.")]
            ),
            "Annexe_clause_insertion.docx": annex,
        },
    )
    report = run(root)
    assert "CS103" not in codes(report)


def test_cs104_notice_without_social_condition(tmp_path):
    notice = Doc(
        [
            P("Avis d'appel public à la concurrence"),
            P("Objet : construction d'un pôle enfance. Procédure adaptée."),
        ]
    )
    report = run(write_dce(tmp_path, {"AAPC.pdf": notice}))
    assert [f.piece for f in by_code(report, "CS104")] == ["AAPC.pdf"]


def test_cs104_near_miss_notice_mentions_the_clause(tmp_path):
    notice = Doc(
        [
            P("Avis d'appel public à la concurrence"),
            P(
                "Objet : construction d'un pôle enfance. Le marché comporte une clause sociale d'insertion (lots 1 et 2)."
            ),
        ]
    )
    report = run(write_dce(tmp_path, {"AAPC.pdf": notice}))
    assert "CS104" not in codes(report)


def test_cs104_near_miss_an_amending_notice(tmp_path):
    """An « avis rectificatif » changes a date of the first notice: it is a notice (AAPC),
    and the clause is mentioned in the notice it amends, not in it."""
    amending = Doc(
        [
            P("Avis rectificatif"),
            P("La date limite de remise des offres est reportée au 15 janvier 2027 à 12 h 00."),
        ]
    )
    notice = Doc(
        [
            P("Avis d'appel public à la concurrence"),
            P("Le marché comporte une clause sociale d'insertion (lots 1 et 2)."),
        ]
    )
    report = run(write_dce(tmp_path, {"Avis_rectificatif.pdf": amending, "AAPC.pdf": notice}))
    kinds = {p.path: p.kind.value for p in report.pieces}
    assert kinds["Avis_rectificatif.pdf"] == "AAPC"
    assert "CS104" not in codes(report) and "CS904" not in codes(report)


def test_cs105_missing_usual_piece(tmp_path):
    report = run(write_dce(tmp_path, {"AE.docx": None}))
    found = by_code(report, "CS105")
    assert len(found) == 1 and "acte d'engagement" in found[0].message
    assert found[0].severity.value == "info"


def test_cs105_near_miss_pieces_in_odt_and_pdf(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "RC.docx": None,
            "RC.odt": rc(),
            "AE.docx": None,
            "AE.pdf": Doc(
                [
                    P("Acte d'engagement"),
                    P("Lot 1 : 615 heures d'insertion ; lot 2 : 270 heures d'insertion."),
                ]
            ),
        },
    )
    report = run(root)
    assert "CS105" not in codes(report)


def test_profile_can_silence_or_raise_a_code(tmp_path):
    from clausier.profile import load_profile

    profile_file = tmp_path / "profil.toml"
    profile_file.write_text('[regles]\nCS102 = "désactivée"\nCS105 = "erreur"\n', encoding="utf-8")
    profile = load_profile(profile_file)
    root = write_dce(tmp_path / "dce", {"RC.docx": rc(clause=None), "AE.docx": None})
    report = run(root, profile=profile)
    assert "CS102" not in codes(report)
    assert [f.severity.value for f in by_code(report, "CS105")] == ["error"]


def test_declared_clause_flag_makes_presence_rules_speak(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "RC.docx": rc(clause=None),
            "CCAP.docx": ccap(clause_title=None),
            "AE.docx": Doc([P("Acte d'engagement")]),
        },
    )
    report = run(root, clause=True)
    assert {"CS101", "CS102", "CS103"} <= set(codes(report))
    assert "CS100" not in codes(report)
