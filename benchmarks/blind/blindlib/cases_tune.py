"""The 36 consultations of the `tune` half. Each mistake is planted through `err`; the answer key
is derived from the same facts (engine.answer_key)."""

from .engine import L


def p(role, fname, **opts):
    return (role, fname, opts)


CASES = [
    # ------------------------------------------------------------------ correct ones
    dict(slug="valdorbize-pole-enfance", correct=True,
         desc="Travaux en 6 lots : CCAP Word à numérotation automatique avec tableau « L'essentiel du "
              "contrat », clause en sous-articles, tableau d'heures avec total juste, estimations dans "
              "le RC, lot 5 non concerné ; AE par lot, plan et notes.",
         review="2026-11-25", launch="2026-12-03", buyer="cc_orbize", fac="mde_orbize",
         nature="travaux", objet="Construction d'un pôle enfance-jeunesse à Saint-Aubin-sur-Orbize",
         ref="2026-014",
         lots=[L(1, "VRD – terrassements", "vrd", 210000),
               L(2, "Gros œuvre – maçonnerie", "gros_oeuvre", 620000),
               L(3, "Charpente bois", "charpente_bois", 180000),
               L(4, "Plâtrerie – cloisons – faux plafonds", "platrerie", 160000),
               L(5, "Menuiseries extérieures aluminium", "menuiseries_exterieures", 140000, concerned=False),
               L(6, "Peinture – revêtements muraux", "peinture", 90000)],
         amounts_in=("rc",), summary={"CCAP": "L'essentiel du contrat", "RC": "Fiche synthétique"},
         clause=dict(loc="sub", hours_style="table", total_row=True, v=dict(rc=4)),
         pieces=[p("RC", "01_RC.docx"), p("CCAP", "02_CCAP.docx", autonum=True),
                 p("AE_LOT", "03_AE_lot{n}.docx"), p("ANNEXE", "04_Annexe_clause_insertion.docx"),
                 p("AAPC", "AAPC.pdf"), p("PLAN", "plan_masse.png"), p("README", "readme.txt")]),

    dict(slug="clain-habitat-tilleuls", correct=True,
         desc="Bailleur social, réhabilitation en QPV (ANRU) : le CCAP renvoie à l'annexe, qui porte "
              "toute la clause (heures par lot avec estimations, publics dont QPV et PASS IAE, "
              "modalités, facilitateur, suivi, pénalités) ; RC en .odt, ATTRI1, DPGF .xlsx.",
         review="2026-11-25", launch="2026-12-14", buyer="oph_clain", fac="mde_poitou",
         nature="travaux", objet="Réhabilitation thermique de 64 logements – résidence Les Tilleuls "
                                 "(quartier prioritaire Ozon-Nord)", ref="CH-2026-31",
         lots=[L(1, "Isolation thermique par l'extérieur – ravalement", None, 980000, hours=420),
               L(2, "Menuiseries extérieures PVC", "menuiseries_exterieures", 310000),
               L(3, "Plomberie – ventilation", "plomberie_cvc", 260000),
               L(4, "Électricité – courants faibles", "electricite", 150000)],
         amounts_in=("annex",),
         clause=dict(loc="annex", anru=True, hours_style="table", v=dict(public=0, rc=0)),
         pieces=[p("RC", "RC.odt"), p("CCAP", "CCAP.pdf"), p("ATTRI1", "ATTRI1.docx"),
                 p("ANNEXE", "Annexe_clause_insertion.docx", title="Annexe n° 2 au CCAP – clause "
                   "sociale d'insertion"), p("DPGF_LOT", "DPGF_lot{n}.xlsx"), p("AAPC", "AAPC.pdf")]),

    dict(slug="vonne-college-est", correct=True,
         desc="Travaux en lot unique au-dessus du seuil européen lancés après le 21/08/2026, avec "
              "clause (L2112-2 et L2112-2-1) : « Nombre d'heures d'insertion à réaliser : 5043. » ; "
              "RC PDF converti par LibreOffice.",
         review="2026-11-30", launch="2026-12-10", buyer="dep_vonne", fac="guichet_vonne",
         nature="travaux", objet="Construction du collège de Vonnac-Est – gros œuvre et génie civil",
         ref="DV-2026-088",
         lots=[L("unique", "Gros œuvre – génie civil", "gros_oeuvre", 6724000, hours=5043)],
         amounts_in=("rc",), show_value_rc=True,
         clause=dict(loc="sub", hours_style="colon", sep="", above_eu=True, v=dict(rc=0)),
         pieces=[p("RC", "RC_college_Vonnac-Est.pdf", via="soffice"), p("CCAP", "CCAP.docx"),
                 p("AE", "AE.docx"), p("ANNEXE", "Annexe_clause_sociale.odt"), p("AAPC", "AAPC.pdf"),
                 p("CCTP", "CCTP.pdf"), p("PLAN", "plan_masse.png")]),

    dict(slug="bremont-chauffage", correct=True,
         desc="Services d'une commune sous le seuil de 216 000 € HT, lancés après le 21/08/2026, sans "
              "clause : seule la fiche synthétique du RC le dit (« Clauses sociales | Sans », sans "
              "deux-points).",
         review="2026-10-05", launch="2026-10-12", buyer="commune_bremont", fac=None,
         nature="services", objet="Maintenance des installations de chauffage, de ventilation et de "
                                  "production d'eau chaude des bâtiments communaux", ref="BLA-2026-07",
         lots=[L("unique", "Maintenance CVC", "plomberie_cvc", 190000, hours=None)],
         show_value_rc=True, noclause="sans", noclause_in=("rc_kv",),
         summary={"RC": "Fiche synthétique"},
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.odt"), p("AE", "AE.docx"), p("BPU", "BPU.xlsx")]),

    dict(slug="smctd-collecte", correct=True,
         desc="Accord-cadre de collecte des déchets (heures par an, estimation annuelle) ; lot 2 réservé "
              "aux SIAE sur le fondement de L2113-13 (bon usage) et non concerné par la clause ; critère "
              "d'insertion R2152-7 (bon usage).",
         review="2026-11-09", launch="2026-11-16", buyer="smctd", fac="mde_orbize",
         nature="services", objet="Collecte des déchets ménagers et assimilés", ref="SMCTD-2026-03",
         lots=[L(1, "Collecte des ordures ménagères résiduelles et des emballages", "collecte_dechets",
                 520000, unit="year"),
               L(2, "Collecte du verre en points d'apport volontaire (lot réservé)", "collecte_dechets",
                 150000, concerned=False)],
         ac=dict(years=4), amounts_in=("rc",), show_value_rc=True,
         rc_extra=dict(procedure=["Le lot 2 est réservé, en application de l'article L2113-13 du Code "
                                  "de la commande publique, aux structures d'insertion par l'activité "
                                  "économique mentionnées à l'article L5132-4 du code du travail."],
                       criterion_insertion=True),
         clause=dict(loc="sub", hours_style="table", v=dict(rc=4)),
         pieces=[p("RC", "RC.pdf"), p("CCAP", "CCAP.docx"), p("AE_LOT", "AE_lot{n}.docx"),
                 p("ANNEXE", "Annexe_clause_sociale.odt"), p("AAPC", "AAPC.pdf"),
                 p("BPU", "BPU.xlsx")]),

    dict(slug="bremont-salle-fetes", correct=True,
         desc="Petits travaux en lot unique, pièces PDF : heures en toutes lettres (« deux cent "
              "soixante-cinq (265) heures »), pénalités dans l'article général « Pénalités » auquel la "
              "clause renvoie.",
         review="2026-09-01", launch="2026-09-07", buyer="commune_bremont", fac="ct_asso",
         nature="travaux", objet="Extension de la salle des fêtes", ref="BLA-2026-04",
         lots=[L("unique", "Gros œuvre – maçonnerie", "gros_oeuvre", 350000)],
         amounts_in=("rc",),
         clause=dict(loc="sub", pen="general", hours_style="plain", hstyle=1, v=dict(rc=0, ae=1)),
         pieces=[p("RC", "RC.pdf"), p("CCAP", "CCAP.pdf"), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_clause_insertion.odt")]),

    dict(slug="dir-ac-sel", correct=True,
         desc="État, fournitures au-dessus de 140 000 € HT lancées après le 21/08/2026, sans clause "
              "mais avec une dérogation motivée (RC et CCAP).",
         review="2026-10-12", launch="2026-10-19", buyer="dir_ac", fac=None,
         nature="fournitures", objet="Fourniture de sel de déneigement pour les centres d'exploitation",
         ref="DIRAC-26-112",
         lots=[L("unique", "Fourniture de sel de déneigement", "fournitures", 190000, hours=None)],
         show_value_rc=True, noclause="derog", noclause_in=("rc", "ccap"),
         derog_what="la fourniture de sel de déneigement en vrac, produit standardisé livré par "
                    "transporteur",
         pieces=[p("RC", "RC.pdf"), p("CCAP", "CCAP.docx"), p("ATTRI1", "ATTRI1.docx"),
                 p("BPU", "BPU.xlsx")]),

    dict(slug="uhp-espaces-verts", correct=True,
         desc="Accord-cadre d'entretien d'espaces verts : cahier des clauses particulières (CCP) unique, "
              "clause rédigée en prose sans sous-titres, heures « 35 H par tranche de 100 000 € de "
              "commandes ».",
         review="2026-11-25", launch="2026-12-01", buyer="univ_hp", fac="mde_poitou",
         nature="services", objet="Entretien des espaces verts des campus", ref="UHP-2026-045",
         lots=[L("unique", "Entretien des espaces verts", "espaces_verts_entretien", None, hours=None,
                 unit="tranche", tranche=(35, 100000))],
         ac=dict(years=4, max=150000), value=600000,
         clause=dict(loc="prose", title="Conditions d'exécution", hstyle=0, v=dict(rc=1)),
         pieces=[p("RC", "RC.docx"), p("CCP", "CCP.docx"), p("AE", "AE.odt"), p("BPU", "BPU.xlsx")]),

    dict(slug="bremont-informatique", correct=True,
         desc="Petit accord-cadre informatique sans clause et sans mention « sans » (CS100 seul) ; piège : "
              "un montant maximum de 40 000 € HT par an qui n'est pas un seuil.",
         review="2026-11-25", launch="2026-11-30", buyer="commune_bremont", fac=None,
         nature="services", ccag="tic", objet="Maintenance du parc informatique et téléphonique de la "
                                              "mairie", ref="BLA-2026-11",
         lots=[L("unique", "Maintenance informatique", None, None, hours=None)],
         ac=dict(years=4, max=40000), value=160000, show_value_rc=True, noclause="silent",
         whitelist=["CS205"],
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE", "AE.docx")]),

    dict(slug="chi-nettoyage", correct=True,
         desc="Hôpital, accord-cadre de nettoyage : 425 heures par an pour 300 000 € HT par an, rappel "
              "du total sur 4 ans (piège pour CS402), CCAG-FCS 16.1, pénalités dans l'article général, "
              "CCAP à numérotation automatique et tableau de synthèse.",
         review="2026-12-01", launch="2026-12-07", buyer="chi_thouare", fac="mde_poitou",
         nature="services", objet="Nettoyage des locaux administratifs et logistiques",
         ref="CHI-2026-019",
         lots=[L("unique", "Nettoyage des locaux", "nettoyage", 300000, unit="year")],
         ac=dict(years=4), amounts_in=("rc",), show_value_rc=True,
         summary={"CCAP": "L'essentiel du contrat"},
         clause=dict(loc="sub", pen="general", hours_style="plain", total_years=4, v=dict(rc=0)),
         pieces=[p("RC", "RC.pdf", via="soffice"), p("CCAP", "CCAP.docx", autonum=True),
                 p("ATTRI1", "ATTRI1.docx"), p("ANNEXE", "Fiche_engagement_insertion.odt"),
                 p("AAPC", "Avis_BOAMP.pdf"), p("BPU", "BPU.xlsx"), p("README", "LISEZMOI.txt")]),

    dict(slug="vonne-pont", correct=True,
         desc="Travaux au-dessus du seuil européen mais lancés avant le 21/08/2026 (6 juillet), "
              "« sans objet » dans RC, CCAP et avis : pas d'obligation de la loi Climat.",
         review="2026-07-01", launch="2026-07-06", buyer="dep_vonne", fac=None,
         nature="travaux", objet="Construction d'un pont sur la Vonne à Saint-Priest-sous-Roche",
         ref="DV-2026-041",
         lots=[L("unique", "Ouvrage d'art – pont en béton précontraint", "gros_oeuvre", 5600000, hours=None)],
         amounts_in=("rc",), show_value_rc=True, noclause="sans", noclause_in=("rc", "ccap", "aapc"),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.pdf"), p("AE", "AE.docx"), p("AAPC", "AAPC.pdf"),
                 p("CCTP", "CCTP.pdf"), p("PLAN", "plan_situation.jpg")]),

    dict(slug="dir-ac-chaussee", correct=True,
         desc="État, travaux routiers en 2 lots : clause sans sous-titres mais avec intertitres en gras, "
              "heures en liste, pas de pénalité pour défaut de justificatifs (CS308 info seulement).",
         review="2026-11-25", launch="2026-12-02", buyer="dir_ac", fac="guichet_vonne",
         nature="travaux", objet="Renforcement de chaussée de la RN 941 entre Vonnac et Saint-Léonard",
         ref="DIRAC-26-131",
         lots=[L(1, "Terrassements – chaussées", "vrd", 1900000),
               L(2, "Signalisation horizontale et verticale", None, 240000, hours=80)],
         amounts_in=("rc",),
         clause=dict(loc="flat", hours_style="bullets", v=dict(rc=2)),
         err=dict(omit=["pend"], planted_omit=[]),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.pdf"), p("AE_LOT", "AE_lot{n}.docx"),
                 p("AAPC", "AAPC.pdf"), p("CCTP_LOT", "CCTP_lot{n}.pdf"), p("DC1", "DC1.docx"),
                 p("DC2", "DC2.docx")]),

    # ------------------------------------------------------------------ planted mistakes
    dict(slug="chantebrie-ecole",
         desc="Clause fondée sur l'article 14 du Code des marchés publics, « Pôle emploi » dans les "
              "publics, pas de pénalité pour défaut de justificatifs.",
         review="2026-11-25", launch="2026-12-01", buyer="ville_chantebrie", fac="ct_asso",
         nature="travaux", objet="Réhabilitation de l'école élémentaire Jules-Verne", ref="VC-2026-052",
         lots=[L(1, "Gros œuvre – démolitions", "gros_oeuvre", 380000),
               L(2, "Menuiseries intérieures", "menuiseries_interieures", 120000),
               L(3, "Peinture", "peinture", 95000)],
         clause=dict(basis="cmp14", v=dict(public=0, legal=0)),
         err=dict(cs201=dict(role="CCAP", note="article 14 du CMP comme fondement"),
                  cs204={"CCAP": {"pole"}}, omit=["pend"]),
         pieces=[p("RC", "RC.pdf"), p("CCAP", "CCAP.docx"), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_insertion.odt"), p("PLAN", "plan.jpg")]),

    dict(slug="chi-espaces-verts",
         desc="Clause fondée sur L2113-13 (marché réservé) au lieu de L2112-2 ; aucune obligation de "
              "suivi ni de pénalité pour justificatifs.",
         review="2026-11-25", launch="2026-12-04", buyer="chi_thouare", fac="mde_poitou",
         nature="services", objet="Entretien des espaces verts des sites hospitaliers", ref="CHI-2026-022",
         lots=[L("unique", "Entretien des espaces verts", "espaces_verts_entretien", 120000, unit="year")],
         ac=dict(years=4),
         clause=dict(basis="l2113_13", v=dict(legal=1)),
         err=dict(cs202=True, omit=["control", "pend"]),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE", "AE.pdf"),
                 p("ANNEXE", "Annexe_clause_sociale.docx"), p("README", "readme.txt")]),

    dict(slug="clairet-parc-rives",
         desc="Le RC et les AE annoncent la clause et ses heures, mais le CCAP n'a aucun article de "
              "clause (pas d'annexe non plus).",
         review="2026-11-25", launch="2026-12-08", buyer="ca_clairet", fac="plie_clairet",
         nature="travaux", objet="Aménagement du parc urbain des Rives", ref="GC-2026-077",
         lots=[L(1, "Terrassements – VRD", "vrd", 540000),
               L(2, "Espaces verts – plantations", "espaces_verts_creation", 260000)],
         clause=dict(v=dict(rc=1)),
         err=dict(cs101=True),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.pdf"), p("AE_LOT", "AE_lot{n}.docx"),
                 p("CCTP", "CCTP.pdf"), p("DPGF_LOT", "DPGF_lot{n}.xlsx")]),

    dict(slug="vonne-centre-routier",
         desc="Le RC ne dit rien de la clause, l'avis non plus ; le CCAP (numérotation automatique) et "
              "l'annexe la portent.",
         review="2026-11-25", launch="2026-12-02", buyer="dep_vonne", fac="guichet_vonne",
         nature="travaux", objet="Restructuration du centre d'exploitation routier de Vonnac",
         ref="DV-2026-093",
         lots=[L(1, "Démolition – désamiantage", "demolition_desamiantage", None, hours=260),
               L(2, "Gros œuvre", "gros_oeuvre", None, hours=540),
               L(3, "Couverture – étanchéité", "couverture_etancheite", None, hours=150),
               L(4, "Électricité", "electricite", None, hours=120)],
         clause=dict(),
         err=dict(cs102="silent", cs104=True),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx", autonum=True),
                 p("AE_LOT", "AE_lot{n}.pdf"), p("ANNEXE", "Annexe_clause_sociale.docx"),
                 p("AAPC", "AAPC.pdf"), p("PLAN", "plan_masse.png")]),

    dict(slug="uhp-amphis",
         desc="Aucun AE ni annexe ne recueille l'engagement d'heures (ATTRI1 sans clause) ; pénalité "
              "figée sur le SMIC 2025.",
         review="2026-11-25", launch="2026-12-01", buyer="univ_hp", fac="mde_poitou",
         nature="travaux", objet="Rénovation des amphithéâtres du bâtiment B", ref="UHP-2026-051",
         lots=[L(1, "Plâtrerie – faux plafonds", "platrerie", 240000),
               L(2, "Électricité", "electricite", 210000),
               L(3, "Revêtements de sols", "revetements_sols", 130000)],
         amounts_in=("ccap",),
         clause=dict(hours_style="table"),
         err=dict(cs103=True, penh_bad="frozen"),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.pdf"), p("ATTRI1", "ATTRI1.docx"),
                 p("CCTP", "CCTP.docx"), p("DPGF", "DPGF.xlsx")]),

    dict(slug="sdis-nettoyage",
         desc="Pas d'acte d'engagement dans le dossier (l'annexe porte l'engagement) ; le RC cite "
              "l'ancien seuil de 221 000 € HT.",
         review="2026-11-25", launch="2026-12-01", buyer="sdis_vonne", fac="guichet_vonne",
         nature="services", objet="Nettoyage des locaux des centres d'incendie et de secours",
         ref="SDIS-2026-14",
         lots=[L("unique", "Nettoyage des locaux", "nettoyage", 150000, unit="year")],
         ac=dict(years=4),
         clause=dict(v=dict(rc=1)),
         err=dict(cs105="AE", cs205=dict(role="RC", text="Le montant estimé du besoin étant supérieur "
                  "au seuil de 221 000 € HT applicable aux marchés de fournitures et de services, la "
                  "consultation prend la forme d'un appel d'offres ouvert.")),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("ANNEXE", "Annexe_clause_sociale.pdf"),
                 p("BPU", "BPU.xlsx")]),

    dict(slug="chantebrie-repas",
         desc="CCP de restauration scolaire : la clause ne fixe aucun nombre d'heures (« arrêté avec le "
              "facilitateur ») et ne donne aucun contact de facilitateur.",
         review="2026-11-25", launch="2026-12-03", buyer="ville_chantebrie", fac="ct_asso",
         nature="services", objet="Fourniture et livraison de repas en liaison froide pour les écoles",
         ref="VC-2026-061",
         lots=[L("unique", "Restauration scolaire", "restauration", 420000, hours=None)],
         clause=dict(v=dict(rc=1)),
         err=dict(cs301=dict(lot=None), omit=["contact"]),
         pieces=[p("RC", "RC.odt"), p("CCP", "CCP.docx"), p("AE", "AE.docx"), p("DQE", "DQE.xlsx")]),

    dict(slug="clairet-rue-gambetta",
         desc="Clause sans publics éligibles, sans modalités de réalisation et sans pénalité pour heures "
              "non réalisées (la pénalité pour justificatifs existe).",
         review="2026-11-25", launch="2026-12-07", buyer="ca_clairet", fac="plie_clairet",
         nature="travaux", objet="Requalification de la rue Gambetta", ref="GC-2026-081",
         lots=[L(1, "Voirie et réseaux divers", "vrd", 780000),
               L(2, "Éclairage public", "electricite", 190000),
               L(3, "Espaces verts et plantations", "espaces_verts_creation", 110000)],
         amounts_in=("rc",),
         clause=dict(),
         err=dict(omit=["public", "modal", "penh"]),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_clause_sociale.docx"), p("AAPC", "AAPC.pdf"),
                 p("PLAN", "plan_rue.jpg")]),

    dict(slug="clain-lamartine",
         desc="Heures du lot 2 différentes entre l'AE du lot 2 (810) et le CCAP (180) ; total du "
              "tableau du CCAP faux (1 070 au lieu de 970).",
         review="2026-11-25", launch="2026-12-09", buyer="oph_clain", fac="mde_poitou",
         nature="travaux", objet="Construction de 18 logements locatifs sociaux – îlot Lamartine",
         ref="CH-2026-35",
         lots=[L(1, "Gros œuvre", "gros_oeuvre", None, hours=510),
               L(2, "Charpente – couverture", "couverture_etancheite", None, hours=180),
               L(3, "Menuiseries intérieures", "menuiseries_interieures", None, hours=120),
               L(4, "Plâtrerie – peinture", "platrerie", None, hours=160)],
         clause=dict(hours_style="table", total_row=True, v=dict(rc=3)),
         err=dict(cs401=dict(lot="2", role="AE", value=810, file="AE_lot2.docx"),
                  cs402=dict(total=1070)),
         pieces=[p("RC", "RC.pdf"), p("CCAP", "CCAP.docx"), p("AE_LOT", "AE_lot{n}.docx"),
                 p("ANNEXE", "Annexe_clause_insertion.odt")]),

    dict(slug="valdorbize-mediatheque",
         desc="Lot 3 peinture : 660 h pour 150 000 € HT (environ 4 fois trop) ; lot 5 de fournitures "
              "seules avec des heures ; total annoncé faux.",
         review="2026-11-25", launch="2026-12-10", buyer="cc_orbize", fac="mde_orbize",
         nature="travaux", objet="Construction d'une médiathèque intercommunale", ref="2026-019",
         lots=[L(1, "Gros œuvre", "gros_oeuvre", 700000),
               L(2, "Plâtrerie – isolation", "platrerie", 210000),
               L(3, "Peinture – revêtements muraux", "peinture", 150000, hours=660),
               L(4, "Électricité", "electricite", 180000),
               L(5, "Mobilier – fourniture et livraison", "fournitures", 120000, hours=105)],
         amounts_in=("rc",),
         clause=dict(hours_style="sentence", total_row=True),
         err=dict(cs402=dict(total=1260), cs403=dict(lot="3"), cs405=dict(lot="5", amount_shown=True)),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.pdf", via="soffice"), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_clause_insertion.odt"), p("PLAN", "plan_masse.png"),
                 p("README", "readme.txt")]),

    dict(slug="chantebrie-gymnase",
         desc="L'annexe (complète) oublie le lot 3 que le CCAP dote d'heures ; « DIRECCTE » dans le "
              "CCAP et « ZUS » dans l'annexe.",
         review="2026-11-25", launch="2026-12-11", buyer="ville_chantebrie", fac="ct_asso",
         nature="travaux", objet="Construction d'un gymnase – quartier des Sablons", ref="VC-2026-066",
         lots=[L(1, "Gros œuvre", "gros_oeuvre", None, hours=450),
               L(2, "Charpente métallique – bardage", "charpente_metallique", None, hours=90),
               L(3, "Électricité", "electricite", None, hours=140)],
         clause=dict(v=dict(control=0)),
         err=dict(cs404=dict(lot="3", role="ANNEXE"), cs204={"CCAP": {"direccte"}, "ANNEXE": {"zus"}}),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE_LOT", "AE_lot{n}.docx"),
                 p("ANNEXE", "Annexe_clause_insertion.docx", full=True),
                 p("CCTP_LOT", "CCTP_lot{n}.pdf")]),

    dict(slug="prefecture-nettoyage",
         desc="État, services de nettoyage à 180 000 € HT (au-dessus de 140 000) lancés le 5/10/2026, "
              "sans aucune clause ni justification.",
         review="2026-09-28", launch="2026-10-05", buyer="pref_vonne", fac=None,
         nature="services", objet="Nettoyage des locaux de la cité administrative", ref="SGCD-26-017",
         lots=[L("unique", "Nettoyage des locaux", "nettoyage", 180000, hours=None)],
         show_value_rc=True, noclause="silent",
         err=dict(cs501=True),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE", "AE.pdf"), p("BPU", "BPU.xlsx")]),

    dict(slug="valdorbize-centre-aquatique",
         desc="Travaux à 6,2 M€ HT lancés le 1/12/2026 avec « sans objet » pour la clause et aucune "
              "justification ; le RC cite l'ancien seuil de dispense de 40 000 € HT.",
         review="2026-11-25", launch="2026-12-01", buyer="cc_orbize", fac=None,
         nature="travaux", objet="Construction du centre aquatique intercommunal", ref="2026-021",
         lots=[L(1, "Gros œuvre – génie civil des bassins", "gros_oeuvre", 2900000, hours=None),
               L(2, "Traitement d'eau – chauffage – ventilation", "plomberie_cvc", 1450000, hours=None),
               L(3, "Charpente – couverture", "couverture_etancheite", 820000, hours=None),
               L(4, "Carrelage – revêtements", "revetements_sols", 610000, hours=None),
               L(5, "Électricité", "electricite", 420000, hours=None)],
         amounts_in=("rc",), show_value_rc=True, noclause="sans", noclause_in=("rc", "ccap", "aapc"),
         err=dict(cs501=True, cs205=dict(role="RC", text="Pour mémoire, les prestations de même nature "
                  "d'un montant inférieur à 40 000 € HT peuvent être conclues sans publicité ni mise en "
                  "concurrence préalables (seuil de dispense).")),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.pdf"), p("AE_LOT", "AE_lot{n}.docx"),
                 p("AAPC", "AAPC.pdf"), p("PLAN", "plan_masse.png")]),

    dict(slug="bremont-eglise",
         desc="CCTP Word tronqué (illisible), DPGF scannée sans couche texte, pas de pénalité pour "
              "défaut de justificatifs.",
         review="2026-11-25", launch="2026-12-07", buyer="commune_bremont", fac="ct_asso",
         nature="travaux", objet="Réfection de la toiture de l'église Saint-Hilaire", ref="BLA-2026-09",
         lots=[L("unique", "Couverture – zinguerie", "couverture_etancheite", 240000)],
         amounts_in=("rc",),
         clause=dict(),
         err=dict(omit=["pend"]),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_clause_insertion.pdf"), p("CCTP", "CCTP.docx", corrupt="truncate"),
                 p("DPGF", "DPGF_scan.pdf", scan="whole")]),

    dict(slug="uhp-restaurant",
         desc="CCAP avec modifications suivies, deux versions du RC (RC_v1 / RC_v2), un planning "
              "prévisionnel qui n'est pas une pièce reconnaissable.",
         review="2026-11-25", launch="2026-12-02", buyer="univ_hp", fac="mde_poitou",
         nature="travaux", objet="Réhabilitation du restaurant universitaire du campus Nord",
         ref="UHP-2026-058",
         lots=[L(1, "Gros œuvre – démolitions", "gros_oeuvre", None, hours=380),
               L(2, "Menuiseries intérieures", "menuiseries_interieures", None, hours=95),
               L(3, "Plomberie – ventilation", "plomberie_cvc", None, hours=140)],
         clause=dict(),
         err=dict(cs903=True, cs905=True, cs904=True),
         pieces=[p("RC", "RC_v1.pdf"),
                 p("DUP", "RC_v2.pdf", of="RC_v1.pdf", identical=False,
                   note="Version 2 du 20/11/2026 : correction de l'adresse de remise des plis."),
                 p("CCAP", "CCAP.docx", tracked=True), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_clause_sociale.odt"),
                 p("AUTRE", "Planning_previsionnel.pdf", what="planning")]),

    dict(slug="chi-repas-personnel",
         desc="Le RC fonde le jugement sur l'article 62 du décret n° 2016-360 ; DQE en PDF chiffré "
              "(illisible) ; une note de présentation au type non reconnaissable.",
         review="2026-11-25", launch="2026-12-08", buyer="chi_thouare", fac="mde_poitou",
         nature="services", objet="Fourniture et livraison de repas pour le restaurant du personnel",
         ref="CHI-2026-027",
         lots=[L("unique", "Restauration du personnel", "restauration", 260000, unit="year")],
         ac=dict(years=3),
         clause=dict(),
         err=dict(cs201=dict(role="RC", text="Le jugement des offres est effectué dans les conditions "
                  "prévues à l'article 62 du décret n° 2016-360 du 25 mars 2016 relatif aux marchés "
                  "publics.", note="article 62 du décret 2016-360 dans le RC")),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_clause_insertion.docx"), p("DQE", "DQE.pdf", corrupt="encrypt"),
                 p("AUTRE", "Note_de_presentation.docx", what="note")]),

    dict(slug="clairet-conservatoire",
         desc="La clause renvoie à l'article 20.2 du CCAG-Travaux (clause environnementale) ; CCAP avec "
              "commentaires ; l'AE figure deux fois (« AE.docx » et « AE (copie).docx »).",
         review="2026-11-25", launch="2026-12-14", buyer="ca_clairet", fac="plie_clairet",
         nature="travaux", objet="Extension du conservatoire de musique et de danse", ref="GC-2026-090",
         lots=[L(1, "Gros œuvre", "gros_oeuvre", None, hours=300),
               L(2, "Menuiseries intérieures", "menuiseries_interieures", None, hours=120)],
         clause=dict(ccag_art="20.2"),
         err=dict(cs203=dict(v="article", note="article 20.2 au lieu de 20.1")),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx", comments=True), p("AE", "AE.docx"),
                 p("DUP", "AE (copie).docx", of="AE.docx", identical=True),
                 p("ANNEXE", "Annexe_clause_sociale.docx")]),

    dict(slug="vonne-gymnase-college",
         desc="CCAP PDF dont deux pages d'annexe sont scannées ; lot 2 couvert par la clause sans "
              "nombre d'heures ; pénalité sans montant.",
         review="2026-11-25", launch="2026-12-04", buyer="dep_vonne", fac="guichet_vonne",
         nature="travaux", objet="Rénovation du gymnase du collège Louise-Michel", ref="DV-2026-097",
         lots=[L(1, "Gros œuvre", "gros_oeuvre", None, hours=300),
               L(2, "Couverture – étanchéité", "couverture_etancheite", None, hours=None),
               L(3, "Peinture", "peinture", None, hours=110)],
         clause=dict(hours_style="table", v=dict(rc=0)),
         err=dict(cs301=dict(lot="2"), penh_bad="noamount"),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.pdf", scan="pages"), p("AE", "AE.docx")]),

    dict(slug="smctd-centre-tri",
         desc="Pas de RC dans le dossier ; l'avis ne mentionne pas la clause ; la clause est fondée sur "
              "R2152-7 (critère d'attribution).",
         review="2026-11-25", launch="2026-12-01", buyer="smctd", fac="mde_orbize",
         nature="services", objet="Exploitation du centre de tri des collectes sélectives",
         ref="SMCTD-2026-05",
         lots=[L("unique", "Exploitation du centre de tri", "collecte_dechets", None, hours=640, unit="year")],
         ac=dict(years=4), value=3200000,
         clause=dict(basis="r2152_7", v=dict(legal=2)),
         err=dict(cs104=True, cs105="RC", cs202=True),
         pieces=[p("CCAP", "CCAP.pdf"), p("AE", "AE.docx"), p("ANNEXE", "Annexe_clause_sociale.docx"),
                 p("AAPC", "AAPC.pdf")]),

    dict(slug="chantebrie-pole-echanges",
         desc="Le RC ne parle que d'une condition environnementale ; la clause n'a pas de modalités et "
              "ne nomme le facilitateur que par sa structure, sans téléphone ni courriel.",
         review="2026-11-25", launch="2026-12-03", buyer="ville_chantebrie", fac="ct_asso",
         nature="travaux", objet="Aménagement du pôle d'échanges multimodal de la gare", ref="VC-2026-070",
         lots=[L(1, "Voirie – réseaux", "vrd", None, hours=300),
               L(2, "Mobilier urbain – fourniture et pose", None, None, hours=70)],
         clause=dict(),
         err=dict(cs102="env", omit=["modal"], contact_partial=True),
         pieces=[p("RC", "RC.odt"), p("CCAP", "CCAP.docx"), p("AE_LOT", "AE_lot{n}.pdf"),
                 p("ANNEXE", "Annexe_clause_insertion.docx")]),

    dict(slug="clairet-maison-sante",
         desc="Le CCAP n'a pas d'article de clause ; l'annexe porte une clause complète ; lot 4 "
              "plâtrerie : 90 h pour 400 000 € HT (environ 4 fois trop peu).",
         review="2026-11-25", launch="2026-12-10", buyer="ca_clairet", fac="plie_clairet",
         nature="travaux", objet="Construction d'une maison de santé pluriprofessionnelle",
         ref="GC-2026-095",
         lots=[L(1, "Gros œuvre", "gros_oeuvre", 520000),
               L(2, "Menuiseries intérieures", "menuiseries_interieures", 150000),
               L(3, "Plomberie – chauffage – ventilation", "plomberie_cvc", 280000),
               L(4, "Plâtrerie – cloisons – faux plafonds", "platrerie", 400000, hours=90)],
         amounts_in=("rc", "annex"),
         clause=dict(hours_style="table", v=dict(rc=0)),
         err=dict(cs101=True, cs403=dict(lot="4")),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.docx"), p("AE", "AE.docx"),
                 p("ANNEXE", "Annexe_clause_sociale.docx", full=True)]),

    dict(slug="vonne-veloroute",
         desc="Lot 1 : 615 h dans le RC, 650 h au CCAP et à l'AE ; l'AE (tableau des lots) oublie le "
              "lot 3 ; lot 4 de fournitures seules avec 70 h.",
         review="2026-11-25", launch="2026-12-07", buyer="dep_vonne", fac="guichet_vonne",
         nature="travaux", objet="Aménagement de la véloroute de la vallée de la Vonne", ref="DV-2026-102",
         lots=[L(1, "Terrassements – VRD", "vrd", None, hours=650),
               L(2, "Ouvrages d'art – maçonnerie", "gros_oeuvre", None, hours=240),
               L(3, "Espaces verts", "espaces_verts_creation", None, hours=120),
               L(4, "Fourniture de mobilier de signalisation et de jalonnement", "fournitures", None,
                 hours=70)],
         clause=dict(hours_style="table", v=dict(rc=1)),
         err=dict(cs401=dict(lot="1", role="RC", value=615, file="RC.pdf"),
                  cs404=dict(lot="3", role="AE"), cs405=dict(lot="4")),
         pieces=[p("RC", "RC.pdf"), p("CCAP", "CCAP.docx"), p("AE", "AE.docx"), p("AAPC", "AAPC.pdf"),
                 p("PLAN", "plan_itineraire.png")]),

    dict(slug="sdis-cis-ouest",
         desc="Clause minimale : pas d'engagement dans l'AE ni d'annexe, pas de publics, pas de suivi, "
              "pas de pénalité pour justificatifs ; CCAP en .odt.",
         review="2026-11-25", launch="2026-12-09", buyer="sdis_vonne", fac="guichet_vonne",
         nature="travaux", objet="Construction du centre d'incendie et de secours de Vonnac-Ouest",
         ref="SDIS-2026-19",
         lots=[L("unique", "Construction – tous corps d'état", None, None, hours=700)],
         clause=dict(),
         err=dict(cs103=True, omit=["public", "control", "pend"]),
         pieces=[p("RC", "RC.docx"), p("CCAP", "CCAP.odt"), p("AE", "AE.docx"), p("CCTP", "CCTP.pdf")]),

    dict(slug="chantebrie-entretien-batiments",
         desc="Accord-cadre d'entretien en 3 lots (heures par an), pièces .odt : le CCAP vise le "
              "CCAG-Travaux de 2009 et ne prévoit aucune pénalité pour heures non réalisées.",
         review="2026-11-25", launch="2026-12-15", buyer="ville_chantebrie", fac="ct_asso",
         nature="travaux", objet="Travaux d'entretien et de grosses réparations des bâtiments communaux",
         ref="VC-2026-074",
         lots=[L(1, "Maçonnerie – gros œuvre", "gros_oeuvre", None, hours=120, unit="year"),
               L(2, "Peinture – revêtements", "peinture", None, hours=150, unit="year"),
               L(3, "Plomberie – sanitaires", "plomberie_cvc", None, hours=80, unit="year")],
         ac=dict(years=4),
         clause=dict(hours_style="table"),
         err=dict(cs203=dict(v="ccag2009", note="CCAG-Travaux 2009 dans les pièces constitutives"),
                  omit=["penh"]),
         pieces=[p("RC", "RC.odt"), p("CCAP", "CCAP.odt"), p("AE", "AE.odt"),
                 p("ANNEXE", "Annexe_clause_insertion.odt")]),
]
