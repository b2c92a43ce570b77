"""The 36 consultations of the thirteenth blind corpus (all sealed).

Each case: buyer, object, nature, lots (number, title, amount € HT — annual for an accord-cadre —,
trade key of hours.md, options), dates, facilitator, options `o` (layout and wording habits),
files (role, path inside the consultation, format) and `errs`, the planted errors.
b13-01 … b13-12 are correct; b13-13 … b13-36 carry 1 to 3 planted errors."""

from __future__ import annotations


def L(num, title, amount, trade, **kw):
    return (num, title, amount, trade, kw)


def folder_files(lots, folders, spec):
    out = []
    for l in lots:
        n = l[0]
        for role, pat, fmt in spec:
            out.append((f"{role}:{n}", f"{folders[n]}/{pat.format(n=n)}", fmt))
    return out


CASES = []


def case(**kw):
    CASES.append(kw)
    return kw


# =============================================================================== correct
_l01 = [L("1", "Terrassements – VRD", 310000, "vrd"), L("2", "Gros œuvre – maçonnerie", 640000, "gros_oeuvre"),
        L("3", "Charpente bois – bardage", 196000, "charpente_bois"),
        L("4", "Menuiseries extérieures aluminium", 140000, "menuiseries_exterieures", status="low"),
        L("5", "Plâtrerie – isolation – faux plafonds", 148000, "platrerie"),
        L("6", "Électricité courants forts et faibles", 132000, "electricite")]
_f01 = {"1": "Lot 1 - VRD", "2": "Lot 2 - Gros oeuvre", "3": "Lot 3 - Charpente bois", "4": "Lot 4 - Menuiseries ext",
        "5": "Lot 5 - Platrerie", "6": "Lot 6 - Electricite"}
case(id="b13-01", slug="saint-aubin-salle-polyvalente", buyer="staubin", fac="F1",
     objet="Construction d'une salle polyvalente et aménagement de ses abords", ref="SAL-2026-07",
     lots=_l01, launch="2026-09-14", review="2026-09-21",
     o=dict(ccap_style="article", hours_in="box", fac_fn=True, pen="general", ae="per_lot", variantes_sans=True,
            typo=True, pen_hour="smic15", pen_docs="day"),
     files=[("rc", "RC_salle_polyvalente.pdf", "pdf_lo"), ("ccap", "CCAP.docx", "docx"),
            ("plan", "Plan_de_masse.png", "png")]
     + folder_files(_l01, _f01, [("ae_lot", "AE_lot{n}.pdf", "pdf"), ("cctp_lot", "CCTP_lot{n}.docx", "docx")]),
     traps="heures seulement dans la zone de texte « À retenir » du CCAP ; courriel du facilitateur en note de "
           "bas de page ; « Variantes : sans » ; pénalités dans l'article général ; lot 4 sous 70 h ; AE par lot "
           "dans des sous-dossiers")

case(id="b13-02", slug="brenne-habitat-tilleuls", buyer="brenne_hab", fac="F6",
     objet="Réhabilitation de 48 logements – résidence Les Tilleuls", ref="BH-2026-118",
     lots=[L("1", "Désamiantage – curage", 230000, "demolition_desamiantage"),
           L("2", "Menuiseries extérieures PVC", 410000, "menuiseries_exterieures"),
           L("3", "Plomberie – ventilation", 360000, "plomberie_cvc"),
           L("4", "Électricité", 175000, "electricite"),
           L("5", "Peinture – revêtements muraux", 220000, "peinture")],
     launch="2026-10-06", review="2026-10-12",
     o=dict(ccap_style="roman", name="action", hours_in="share", merged_hdr=True, basis_fn=True, ae_share=True,
            pen_hour="eur35", pen_docs="doc", typo=True),
     files=[("rc", "RC_Tilleuls.pdf", "pdf"), ("ccap", "CCAP_Tilleuls.docx", "docx_lo"),
            ("ae", "AE_Tilleuls.docx", "docx"), ("aapc", "AAPC_Tilleuls.pdf", "pdf"),
            ("dpgf", "DPGF_Tilleuls.xlsx", "xlsx"), ("photo", "Photo_facade_nord.jpg", "jpg")],
     traps="action d'insertion exprimée en part (5 %) des heures de main-d'œuvre, avec les heures de "
           "main-d'œuvre estimées à côté des heures d'insertion ; fondement en note de bas de page ; CCAP .docx "
           "produit par LibreOffice depuis ODT ; en-tête de tableau sur deux lignes")

case(id="b13-03", slug="lys-marais-nettoyage-locaux", buyer="lysmarais", fac="F2", nature="services",
     objet="Nettoyage et entretien des locaux communautaires", ref="CALM-2026-S14", ac={"years": 4},
     lots=[L("1", "Nettoyage des sièges administratifs et annexes", 158000, "nettoyage"),
           L("2", "Nettoyage des équipements sportifs et culturels", 96000, "nettoyage"),
           L("3", "Nettoyage de la vitrerie de l'ensemble des sites", 38000, "nettoyage", status="low")],
     launch="2026-09-28", review="2026-10-05",
     o=dict(ccap_style="exec", hours_in="table", fac_fn=True, pen_hour="eur40", pen_docs="doc", merged_hdr=True,
            rc_hours=True, date_style="slash"),
     files=[("rc", "01_RC.docx", "docx"), ("ccap", "02_CCAP.pdf", "pdf_lo"), ("ae", "03_AE.docx", "docx"),
            ("bpu", "04_BPU.xlsx", "xlsx"), ("cctp", "05_CCTP.docx", "docx")],
     traps="accord-cadre à heures par an et rappel sur quatre ans (pas un total des lots) ; « sans minimum » ; "
           "L2112-2-1 (au-dessus du seuil après le 21 août 2026) ; interventions entre 6 h 00 et 8 h 30 ; délai "
           "de 4 heures ; courriel du facilitateur en note de bas de page d'un PDF LibreOffice")

_l04 = [L("1", "Désamiantage – démolition", 420000, "demolition_desamiantage"),
        L("2", "Gros œuvre", 1980000, "gros_oeuvre"),
        L("3", "Charpente métallique – serrurerie", 390000, "charpente_metallique"),
        L("4", "Couverture – étanchéité", 445000, "couverture_etancheite"),
        L("5", "Menuiseries extérieures", 520000, "menuiseries_exterieures"),
        L("6", "Plâtrerie – cloisons – faux plafonds", 610000, "platrerie"),
        L("7", "Électricité CFO – CFA", 700000, "electricite"),
        L("8", "Plomberie – chauffage – ventilation", 760000, "plomberie_cvc"),
        L("9", "Ascenseur", 95000, "ascenseurs", status="low"),
        L("10", "Fourniture de mobilier (livraison)", 150000, "fournitures", status="supply")]
case(id="b13-04", slug="haute-sorbe-college-marvingt", buyer="hautesorbe", fac="F3",
     objet="Restructuration et extension du collège Marie-Marvingt à Vaunac", ref="HS-2026-COL-03",
     lots=_l04, launch="2026-10-12", review="2026-10-19",
     o=dict(ccap_style="titre", hours_in="table", merged_hdr=True, vmerge_nc=True, total_row=True, split=True,
            pen="general", history=True, pen_hour="formula2", pen_docs="day", rc_fac=True),
     files=[("rc", "RC_college_Marvingt.pdf", "pdf_lo"), ("ccap", "CCAP_college_Marvingt.docx", "docx"),
            ("ae", "AE_college_Marvingt.docx", "docx"), ("annexe_split", "Annexe_3_CCAP_publics_suivi.pdf", "pdf"),
            ("aapc", "AAPC_college_Marvingt.pdf", "pdf_lo_odt"), ("plan", "Plan_RDC.jpg", "jpg"),
            ("plan", "Plan_R+1.jpg", "jpg")],
     traps="TITRE / CHAPITRE / Article ; clause répartie entre le chapitre 4, l'article général des pénalités et "
           "l'annexe 3 ; ancien article 14 du CMP cité comme historique ; L2112-2-1 ; lignes « Non concerné » "
           "fusionnées verticalement (lots 9 et 10) ; ligne de total fusionnée")

case(id="b13-05", slug="semalm-quartier-gare", buyer="semalm", fac="F2", mandant="la commune de Pontarcy",
     objet="Requalification des espaces publics du quartier de la Gare à Pontarcy", ref="SEMALM-2026-09",
     lots=[L("1", "Voirie – réseaux divers", 1250000, "vrd"),
           L("2", "Espaces verts – plantations", 285000, "espaces_verts_creation"),
           L("3", "Éclairage public", 220000, "electricite"),
           L("4", "Fourniture de mobilier urbain (livraison)", 120000, "fournitures", status="supply")],
     launch="2026-09-07", review="2026-09-14",
     o=dict(ccap_style="exec", hours_in="box", hfmt="words", afmt="dots", keur=True, rc_hours=True, fac_fn=True,
            ae="per_lot", pen_hour="smic15", pen_docs="doc", rc_afmt="dots", ae_amount=True),
     files=[("rc", "RC.odt", "odt"), ("ccap", "CCAP.docx", "docx_lo"),
            ("ae_lot:1", "AE_lot1.docx", "docx"), ("ae_lot:2", "AE_lot2.docx", "docx"),
            ("ae_lot:3", "AE_lot3.docx", "docx"), ("ae_lot:4", "AE_lot4.docx", "docx"),
            ("plan", "Plan_general.png", "png")],
     traps="SEM mandataire ; montants en k€ et « 1.250.000 € HT » ; heures en toutes lettres ; zone de texte "
           "d'un .docx LibreOffice ; fourniture non concernée")

_l06 = [L("1", "Gros œuvre", 720000, "gros_oeuvre"), L("2", "Charpente – ossature bois", 410000, "charpente_bois"),
        L("3", "Couverture zinc", 150000, "couverture_etancheite"),
        L("4", "Menuiseries intérieures bois", 170000, "menuiseries_interieures"),
        L("5", "Revêtements de sols souples", 140000, "revetements_sols"), L("6", "Peinture", 98000, "peinture")]
case(id="b13-06", slug="lizon-creche", zip=True, zip_root="DCE_CCCL_2026-031", buyer="lizon", fac="F5",
     objet="Construction d'une crèche intercommunale à Lizières", ref="CCCL-2026-031", lots=_l06,
     launch="2026-11-02", review="2026-11-09",
     o=dict(ccap_style="article", hours_in="table", hfmt="words", split=True, typo=True, pen_hour="eur35",
            pen_docs="day", merged_hdr=True, hsep="nnbsp"),
     files=[("rc", "1-RC.pdf", "pdf"), ("ccap", "2-CCAP.docx", "docx"), ("ae", "3-AE.docx", "docx"),
            ("annexe_split", "4-Annexe_insertion.odt", "odt"), ("cctp", "5-CCTP.pdf", "pdf"),
            ("plan", "Plan_situation.png", "png")],
     traps="consultation livrée en .zip (dossier racine dans l'archive) ; heures en toutes lettres suivies du "
           "chiffre ; publics et suivi dans l'annexe ODT")

case(id="b13-07", slug="vauclerc-ecole-tanneurs", buyer="vauclerc", fac="F8",
     objet="Rénovation énergétique de l'école élémentaire des Tanneurs", ref="VLR-2026-021",
     lots=[L("1", "Isolation thermique – plâtrerie", 310000, "platrerie"),
           L("2", "Menuiseries extérieures", 380000, "menuiseries_exterieures"),
           L("3", "Chauffage – ventilation", 430000, "plomberie_cvc"),
           L("4", "Électricité – éclairage", 158000, "electricite"),
           L("5", "Peinture", 52000, "peinture", status="low")],
     launch="2026-08-24", review="2026-08-31",
     o=dict(ccap_style="roman", hours_in="frame", hfmt="hrs", basis_fn=True, pen="general", pen_hour="formula2",
            pen_docs="doc"),
     files=[("rc", "RC_ecole_Tanneurs.docx", "docx"), ("ccap", "CCAP_ecole_Tanneurs.docx", "docx_lo"),
            ("ae", "AE_ecole_Tanneurs.odt", "odt"), ("cctp", "CCTP_ecole_Tanneurs.pdf", "pdf_lo"),
            ("notes", "Notes_reunion_programmation.txt", "txt")],
     traps="lancée après le 21 août 2026 mais sous le seuil (pas de L2112-2-1) ; heures « 285 hrs » dans un "
           "cadre à bordure ; titres en chiffres romains ; fondement en note de bas de page")

case(id="b13-08", slug="val-dardenne-espaces-verts-colleges", buyer="valdardenne", fac="F7", nature="services",
     objet="Entretien des espaces verts des collèges départementaux", ref="VA-2026-EV-05", ac={"years": 4},
     lots=[L("1", "Entretien des espaces verts – secteur Nord", 128000, "espaces_verts_entretien"),
           L("2", "Entretien des espaces verts – secteur Centre", 142000, "espaces_verts_entretien"),
           L("3", "Entretien des espaces verts – secteur Sud", 95000, "espaces_verts_entretien", status="reserved")],
     launch="2026-09-21", review="2026-09-28",
     o=dict(ccap_style="article", hours_in="box", pen_hour="smic15", pen_docs="day", typo=True, hsep="nbsp",
            exec_text="Les tontes ont lieu entre 7 h 00 et 19 h 00 ; toute intervention demandée en urgence est "
                      "réalisée dans un délai de 48 heures."),
     files=[("rc", "RC_EV_colleges.odt", "odt"), ("ccap", "CCAP_EV_colleges.docx", "docx"),
            ("ae", "AE_EV_colleges.pdf", "pdf"), ("aapc", "AAPC_EV_colleges.pdf", "pdf_lo"),
            ("bpu", "BPU_EV_colleges.xlsx", "xlsx")],
     traps="lot 3 réservé aux SIAE (L2113-13) sans heures ; heures par an dans une zone de texte ; L2112-2-1 ; "
           "7 h 00 – 19 h 00, 48 heures ; « 26 ans » ; rappel des heures sur quatre ans")

case(id="b13-09", slug="moulins-maintenance-chauffage", buyer="moulins", nature="services", mode="sans",
     objet="Maintenance des installations de chauffage et d'eau chaude des bâtiments communaux", ref="MSL-2026-04",
     unique=True, lots=[L("unique", "Maintenance", 114000, "plomberie_cvc", status="none")],
     duration="trois ans", launch="2026-10-19", review="2026-10-22",
     o=dict(ccap_style="plain", sans_title="Clause sociale", variantes_sans=True,
            sans_text="Clause sociale d'insertion : sans objet (prestations techniques de faible volume confiées à "
                      "des techniciens qualifiés)."),
     files=[("rc", "RC_maintenance_chauffage.docx", "docx"), ("ccap", "CCAP_maintenance_chauffage.pdf", "pdf"),
            ("ae", "AE_maintenance_chauffage.docx", "docx"), ("dqe", "DQE_maintenance.xlsx", "xlsx")],
     traps="« Clause sociale d'insertion : sans objet » sous le seuil : aucun constat ; « Variantes : sans »")

case(id="b13-10", slug="orvanne-collecte-dechets", buyer="orvanne", fac="F4", nature="services", unique=True,
     objet="Collecte des déchets ménagers et assimilés", ref="CCVO-2026-DM1", duration="quatre ans",
     lots=[L("unique", "Collecte des déchets ménagers", 3120000, "collecte_dechets")],
     launch="2026-11-03", review="2026-11-10",
     o=dict(ccap_style="article", fac_fn=True, pen="general", hsep="nnbsp", asep="nnbsp", pen_hour="smic15",
            pen_docs="day", typo=True,
            per_year_hint="À titre indicatif, cela représente environ 715 heures par année d'exécution."),
     files=[("rc", "RC_collecte.pdf", "pdf_lo"), ("ccap", "CCAP_collecte.docx", "docx_lo"),
            ("ae", "AE_collecte.docx", "docx"), ("aapc", "AAPC_collecte.docx", "docx"),
            ("bpu", "BPU_collecte.xlsx", "xlsx"), ("plan", "Carte_des_circuits.png", "png")],
     traps="marché non alloti (lot « unique ») de quatre ans, heures pour toute la durée et indication annuelle ; "
           "L2112-2-1 ; espaces fines insécables dans les nombres")

case(id="b13-11", slug="lizon-habitat-compteurs", buyer="lizon_hab", nature="fournitures", mode="derog",
     objet="Fourniture de compteurs d'eau individuels à télérelève", ref="LH-2026-F07", unique=True,
     duration="trois ans", lots=[L("unique", "Compteurs", 420000, "fournitures", status="none")],
     launch="2026-09-28", review="2026-10-05",
     o=dict(ccap_style="article",
            derog_text="En application de l'article L2112-2-1 du code de la commande publique, le marché ne comporte "
                       "pas de condition d'exécution prenant en compte des considérations relatives au domaine social "
                       "ou à l'emploi : il porte sur la livraison de matériels de série disponibles sur catalogue, "
                       "sans pose ni prestation sur site, de sorte qu'une telle condition serait dépourvue de lien "
                       "suffisant avec son objet."),
     files=[("rc", "RC_compteurs.pdf", "pdf"), ("ccap", "CCAP_compteurs.docx", "docx"),
            ("ae", "AE_compteurs.docx", "docx"), ("bpu", "BPU_compteurs.xlsx", "xlsx")],
     traps="fourniture au-dessus du seuil après le 21 août 2026 sans clause, avec dérogation motivée (RC et CCAP)")

_l12 = [L("1", "Terrassement – VRD", 380000, "vrd"), L("2", "Gros œuvre", 1160000, "gros_oeuvre"),
        L("3", "Charpente métallique – bardage", 640000, "charpente_metallique"),
        L("4", "Couverture – étanchéité", 300000, "couverture_etancheite"),
        L("5", "Menuiseries extérieures", 260000, "menuiseries_exterieures"),
        L("6", "Sols sportifs", 205000, "revetements_sols"), L("7", "Électricité", 240000, "electricite"),
        L("8", "Fourniture d'équipements sportifs (livraison)", 85000, "fournitures", status="supply")]
_f12 = {"1": "Lot 1 - Terrassement VRD", "2": "Lot 2 - Gros oeuvre", "3": "Lot 3 - Charpente metallique",
        "4": "Lot 4 - Couverture", "5": "Lot 5 - Menuiseries", "6": "Lot 6 - Sols sportifs", "7": "Lot 7 - Electricite",
        "8": "Lot 8 - Equipements sportifs"}
case(id="b13-12", slug="castelbrenne-gymnase", buyer="castelbrenne", fac="F6",
     objet="Construction d'un gymnase de type C", ref="VC-2026-GYM", lots=_l12, launch="2026-11-16",
     review="2026-11-23",
     o=dict(ccap_style="titre", hours_in="table", hfmt="h", hsep="nnbsp", total_row=True, basis_fn=True,
            fac_fn=True, ae="per_lot", pen_hour="eur35", pen_docs="doc", merged_hdr=True, ae_amount=True,
            afmt="dec", asep="nbsp"),
     files=[("rc", "RC_gymnase.docx", "docx"), ("ccap", "CCAP_gymnase.pdf", "pdf_lo"),
            ("aapc", "Avis_BOAMP_gymnase.pdf", "pdf"), ("photo", "Photo_terrain.jpg", "jpg"),
            ("notes", "notes_visite.txt", "txt")]
     + folder_files(_l12, _f12, [("ae_lot", "AE_lot{n}.docx", "docx_lo")]),
     traps="AE par lot (.docx LibreOffice) dans des sous-dossiers ; total « 1 920 h » à espace fine ; notes de "
           "bas de page dans un PDF LibreOffice ; fourniture non concernée")

# =============================================================================== faulty
case(id="b13-13", slug="sevre-bocagere-maison-sante", buyer="sevre", fac="F1",
     objet="Extension de la maison de santé pluriprofessionnelle de Chantemerle", ref="CCPSB-2026-11",
     lots=[L("1", "Gros œuvre", 520000, "gros_oeuvre"), L("2", "Couverture", 260000, "couverture_etancheite"),
           L("3", "Menuiseries intérieures", 150000, "menuiseries_interieures"),
           L("4", "Plâtrerie", 190000, "platrerie"), L("5", "Plomberie – CVC", 280000, "plomberie_cvc")],
     launch="2026-09-08", review="2026-09-15",
     o=dict(ccap_style="article", hours_in="table", cs201="footnote", cs201_text="Article 14 du code des marchés publics.",
            cs304="struct", pen_hour="eur35", pen_docs="day",
            delays={"1": "4 mois", "2": "2 mois", "3": "2 mois", "4": "3 mois", "5": "3 mois"},
            tracked_delay=(2, "6 semaines", "2 mois")),
     files=[("rc", "RC.pdf", "pdf"), ("ccap", "CCAP.docx", "docx"), ("ae", "AE.docx", "docx"),
            ("cctp", "CCTP.pdf", "pdf_lo"), ("plan", "Plan_extension.png", "png")],
     errs=["CS201", "CS304", "CS903"],
     notes={"CS201": "fondement de la clause en note de bas de page : article 14 du code des marchés publics",
            "CS304": "facilitateur nommé par sa seule structure, sans téléphone ni courriel",
            "CS903": "modification suivie dans une cellule du tableau des lots du CCAP (délai du lot 2)"})

case(id="b13-14", slug="sorbe-habitat-clos-fleuri", buyer="sorbe_hab", fac="F3",
     objet="Réhabilitation thermique de 60 logements – résidence Le Clos Fleuri", ref="SH-2026-072",
     lots=[L("1", "Menuiseries extérieures", 520000, "menuiseries_exterieures"),
           L("2", "Plâtrerie – isolation intérieure", 338000, "platrerie", by={"AE": 330}),
           L("3", "Chauffage – VMC", 410000, "plomberie_cvc"), L("4", "Électricité", 120000, "electricite")],
     launch="2026-10-13", review="2026-10-20",
     o=dict(ccap_style="roman", name="action", hours_in="share", ae_share=True, merged_hdr=True,
            cs202_text="l'article L. 2113-13 du code de la commande publique", pen_hour="smic15", typo=True),
     files=[("rc", "RC_Clos_Fleuri.docx", "docx"), ("ccap", "CCAP_Clos_Fleuri.pdf", "pdf_lo"),
            ("ae", "AE_Clos_Fleuri.docx", "docx"), ("aapc", "AAPC_Clos_Fleuri.pdf", "pdf"),
            ("dpgf", "DPGF_Clos_Fleuri.xlsx", "xlsx")],
     errs=["CS202", "CS305", "CS401"],
     notes={"CS202": "action d'insertion fondée sur l'article L. 2113-13 (marché réservé aux SIAE)",
            "CS305": "aucune obligation de suivi ni de remise de justificatifs",
            "CS401": "lot 2 : 310 h au CCAP, 330 h à l'AE"})

case(id="b13-15", slug="val-dardenne-rd412", buyer="valdardenne", fac="F7",
     objet="Recalibrage et renforcement de la RD 412 entre Bréval et Saint-Ost", ref="VA-2026-RD412",
     lots=[L("1", "Terrassements – chaussées", 1480000, "vrd"),
           L("2", "Ouvrages hydrauliques – assainissement", 560000, "vrd"),
           L("3", "Signalisation et équipements de la route", 180000, "vrd")],
     launch="2026-09-21", review="2026-09-28",
     o=dict(ccap_style="article", hours_in="list", cs203="ae",
            cs203_text="du CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009", pen_hour="formula2",
            pen_docs="doc", date_style="slash"),
     files=[("rc", "RC_RD412.pdf", "pdf_lo"), ("ccap", "CCAP_RD412.docx", "docx"), ("ae", "AE_RD412.docx", "docx"),
            ("cctp_lot:1", "Lot 1 - Chaussees/CCTP_lot1.pdf", "pdf"),
            ("cctp_lot:2", "Lot 2 - Ouvrages hydrauliques/CCTP_lot2.pdf", "trunc"),
            ("cctp_lot:3", "Lot 3 - Signalisation/CCTP_lot3.pdf", "pdf")],
     errs=["CS203", "CS302", "CS901"],
     notes={"CS203": "AE : CCAG-Travaux « approuvé par l'arrêté du 8 septembre 2009 »",
            "CS302": "aucun public éligible",
            "CS901": "CCTP du lot 2 : PDF tronqué, illisible"})

case(id="b13-16", slug="vauclerc-restaurant-scolaire", buyer="vauclerc", fac="F8",
     objet="Construction d'un restaurant scolaire", ref="VLR-2026-034",
     lots=[L("1", "Gros œuvre", 620000, "gros_oeuvre"), L("2", "Charpente bois", 215000, "charpente_bois"),
           L("3", "Étanchéité", 170000, "couverture_etancheite"),
           L("4", "Plomberie – CVC", 325000, "plomberie_cvc", omit={"AE"}),
           L("5", "Électricité", 160000, "electricite")],
     launch="2026-10-26", review="2026-11-02",
     o=dict(ccap_style="article", hours_in="table", cs204="footnote", cs204_text="Inscription attestée par Pôle emploi.",
            pen_docs="day"),
     files=[("rc", "RC_restaurant_scolaire.odt", "odt"), ("ccap", "CCAP_restaurant_scolaire.docx", "docx"),
            ("ae", "AE_restaurant_scolaire.docx", "docx"), ("cctp", "CCTP_restaurant_scolaire.pdf", "pdf")],
     errs=["CS204", "CS306", "CS404"],
     notes={"CS204": "« Pôle emploi » dans une note de bas de page de la liste des publics du CCAP",
            "CS306": "aucune pénalité par heure non réalisée (seule la pénalité de retard des documents reste)",
            "CS404": "lot 4 absent du tableau des heures de l'AE"})

case(id="b13-17", slug="lys-marais-espaces-verts-za", buyer="lysmarais", fac="F2", nature="services", unique=True,
     objet="Entretien des espaces verts des zones d'activités communautaires", ref="CALM-2026-S22",
     duration="trois ans", lots=[L("unique", "Entretien des espaces verts", 204000, "espaces_verts_entretien")],
     launch="2026-10-05", review="2026-10-12",
     o=dict(ccap_style="article", mo=False, suivi_style=1, cs205_in="rc",
            cs205_text="La valeur estimée du besoin étant inférieure au seuil de 221 000 € HT, la consultation est "
                       "passée selon la procédure adaptée (article R2123-1 1° du code de la commande publique).",
            pen_hour="eur40", pen_docs="doc"),
     files=[("rc", "RC_espaces_verts_ZA.docx", "docx_lo"), ("ccap", "CCAP_espaces_verts_ZA.docx", "docx"),
            ("ae", "AE_espaces_verts_ZA.pdf", "pdf"), ("cctp", "CCTP_espaces_verts_ZA.pdf", "scan"),
            ("bpu", "BPU_espaces_verts_ZA.xlsx", "xlsx")],
     errs=["CS205", "CS303", "CS902"],
     notes={"CS205": "RC : seuil de 221 000 € HT (seuil 2024-2025)",
            "CS303": "aucune modalité de réalisation",
            "CS902": "CCTP scanné sans couche texte"})

_l18 = [L("1", "Maçonnerie – pierre de taille", 460000, "gros_oeuvre"), L("2", "Charpente bois", 240000, "charpente_bois"),
        L("3", "Menuiseries intérieures – agencement", 185000, "menuiseries_interieures"),
        L("4", "Électricité", 145000, "electricite")]
_f18 = {"1": "Lot 1 - Maconnerie", "2": "Lot 2 - Charpente", "3": "Lot 3 - Menuiseries", "4": "Lot 4 - Electricite"}
case(id="b13-18", slug="moulins-mediatheque-grange", buyer="moulins", fac="F8",
     objet="Aménagement d'une médiathèque dans l'ancienne grange dîmière", ref="MSL-2026-09", lots=_l18,
     launch="2026-09-29", review="2026-10-05",
     o=dict(ccap_style="article", hours_in="table", ae="per_lot", rc_hours=True, rc_fac=True, pen_hour="smic15",
            pen_docs="day"),
     files=[("rc", "RC_mediatheque.pdf", "pdf_lo"), ("ccap", "CCAP_mediatheque.docx", "docx"),
            ("annexe_full", "Annexe_clause_insertion.docx", "docx")]
     + folder_files(_l18, _f18, [("ae_lot", "AE_lot{n}.pdf", "pdf"), ("cctp_lot", "CCTP_lot{n}.docx", "docx")])
     + [("ae_copy:2", "Lot 2 - Charpente/AE_lot2 - Copie.pdf", "copy")],
     errs=["CS101", "CS905"],
     notes={"CS101": "le CCAP ne contient aucun article d'insertion ; la clause est au RC, aux AE et dans une annexe "
                     "que le CCAP ne cite pas",
            "CS905": "« AE_lot2.pdf » et « AE_lot2 - Copie.pdf » dans le même sous-dossier"})

case(id="b13-19", slug="semavo-zac-grands-pres", buyer="semavo", fac="F4",
     objet="Viabilisation de la ZAC des Grands Prés – tranche 1", ref="SEMAVO-2026-ZAC1",
     lots=[L("1", "Terrassements – voirie", 1850000, "vrd", stated=230), L("2", "Réseaux humides", 720000, "vrd"),
           L("3", "Espaces verts – plantations", 260000, "espaces_verts_creation")],
     launch="2026-10-05", review="2026-10-12",
     o=dict(ccap_style="article", hours_in="table", variantes_sans=True, env_sans=True, afmt="dots", rc_afmt="dots",
            cs102="silent",
            cs307_text="Pour chaque heure non réalisée, le titulaire supporte une pénalité égale à 1,5 fois le SMIC "
                       "horaire brut fixé au 1er novembre 2024 (11,88 €), soit 17,82 € HT par heure.",
            pen_docs="day"),
     files=[("rc", "RC_ZAC_Grands_Pres.pdf", "pdf"), ("ccap", "CCAP_ZAC_Grands_Pres.docx", "docx_lo"),
            ("ae", "AE_ZAC_Grands_Pres.docx", "docx"), ("plan", "Plan_ZAC.png", "png")],
     errs=["CS102", "CS307", "CS403"],
     notes={"CS102": "RC muet sur la clause (« Clause environnementale : sans objet » n'en parle pas)",
            "CS307": "pénalité figée sur le SMIC du 1er novembre 2024 (11,88 €)",
            "CS403": "lot 1 : 230 h pour 1 850 000 € HT de VRD (calcul : 925 h)"})

case(id="b13-20", slug="brenne-habitat-genets", buyer="brenne_hab", fac="F6",
     objet="Résidentialisation de la cité des Genêts", ref="BH-2026-131",
     lots=[L("1", "VRD – clôtures", 540000, "vrd"), L("2", "Serrurerie – contrôle d'accès", 300000, "charpente_metallique"),
           L("3", "Espaces verts – plantations", 180000, "espaces_verts_creation")],
     launch="2026-09-15", review="2026-09-22",
     o=dict(ccap_style="article", name="action", hours_in="table", cs204="direccte",
            cs204_text="L'éligibilité est vérifiée en lien avec l'unité départementale de la DIRECCTE.",
            pen_hour="eur35", pen_docs="day"),
     files=[("rc", "RC_Genets.docx", "docx"), ("ccap", "CCAP_Genets.pdf", "pdf"), ("ae", "AE_Genets.docx", "docx"),
            ("courrier", "Courrier_transmission_prefecture.odt", "odt"), ("photo", "Photo_entree_cite.jpg", "jpg")],
     errs=["CS103", "CS204", "CS904"],
     notes={"CS103": "l'AE ne porte aucun engagement d'insertion et il n'y a ni annexe ni fiche",
            "CS204": "CCAP : « unité départementale de la DIRECCTE »",
            "CS904": "courrier de transmission au contrôle de légalité laissé dans le dossier"})

case(id="b13-21", slug="haute-sorbe-centre-routier", buyer="hautesorbe", fac="F3",
     objet="Construction du centre d'exploitation routier de Montcenis", ref="HS-2026-CER",
     lots=[L("1", "Terrassement – VRD", 420000, "vrd"), L("2", "Gros œuvre", 780000, "gros_oeuvre"),
           L("3", "Charpente métallique – bardage", 510000, "charpente_metallique"),
           L("4", "Couverture", 190000, "couverture_etancheite"), L("5", "Électricité", 180000, "electricite")],
     launch="2026-10-19", review="2026-10-26",
     o=dict(ccap_style="titre", hours_in="table", merged_hdr=True, cs402="row", cs402_delta=100, cs104="env",
            pen_hour="smic15"),
     files=[("rc", "RC_CER_Montcenis.docx", "docx"), ("ccap", "CCAP_CER_Montcenis.docx", "docx"),
            ("ae", "AE_CER_Montcenis.pdf", "pdf_lo"), ("aapc", "AAPC_CER_Montcenis.pdf", "pdf")],
     errs=["CS104", "CS308", "CS402"],
     notes={"CS104": "avis muet sur la condition sociale (III.2 ne parle que des déchets)",
            "CS308": "aucune pénalité pour les documents de suivi non remis",
            "CS402": "ligne « Total » fusionnée du CCAP : 1 325 h pour 1 225 h de lots"})

case(id="b13-22", slug="orvanne-cuisine-centrale", buyer="orvanne", fac="F4",
     objet="Rénovation de la cuisine centrale intercommunale", ref="CCVO-2026-CC",
     lots=[L("1", "Démolition – curage", 180000, "demolition_desamiantage"),
           L("2", "Plomberie – ventilation", 290000, "plomberie_cvc"),
           L("3", "Revêtements de sols – carrelage", 160000, "revetements_sols"),
           L("4", "Électricité", 140000, "electricite"),
           L("5", "Fourniture d'équipements de cuisson (livraison sans pose)", 210000, "fournitures", stated=105)],
     launch="2026-11-09", review="2026-11-16",
     o=dict(ccap_style="article", hours_in="table", cs201="visa",
            cs201_text="Vu le code des marchés publics (décret n° 2006-975 du 1er août 2006) ;", pen_hour="eur35",
            pen_docs="doc"),
     files=[("ccap", "CCAP_cuisine_centrale.docx", "docx_lo"), ("ae", "AE_cuisine_centrale.docx", "docx"),
            ("aapc", "AAPC_cuisine_centrale.pdf", "pdf_lo"), ("cctp", "CCTP_cuisine_centrale.pdf", "pdf")],
     errs=["CS105", "CS201", "CS405"],
     notes={"CS105": "pas de RC dans le dossier (la date vient de l'avis)",
            "CS201": "visa du CCAP : code des marchés publics (décret n° 2006-975)",
            "CS405": "105 h sur le lot 5, fourniture d'équipements livrés sans pose"})

case(id="b13-23", slug="castelbrenne-hotel-de-ville", buyer="castelbrenne", fac="F6",
     objet="Rénovation de l'hôtel de ville", ref="VC-2026-HDV",
     lots=[L("1", "Maçonnerie – pierre", 355000, "gros_oeuvre"), L("2", "Menuiseries extérieures bois", 260000,
                                                                      "menuiseries_exterieures"),
           L("3", "Peinture – décors", 190000, "peinture", status="tbd"), L("4", "Électricité", 205000, "electricite")],
     launch="2026-11-02", review="2026-11-09",
     o=dict(ccap_style="article", hours_in="table", cs301="lot", tbd_text="volume à définir avec le facilitateur",
            cs203="art", cs203_text="l'article 18.1 du CCAG-Travaux 2021",
            comment="Volume du lot 3 à revoir avec la maison de l'emploi avant publication ?", comment_on="ccap",
            pen_hour="smic15", pen_docs="day"),
     files=[("rc", "RC_hotel_de_ville.pdf", "pdf"), ("ccap", "CCAP_hotel_de_ville.docx", "docx_lo"),
            ("ae", "AE_hotel_de_ville.odt", "odt"), ("cctp", "CCTP_hotel_de_ville.docx", "docx")],
     errs=["CS301", "CS203", "CS903"],
     notes={"CS301": "lot 3 couvert par la clause mais « volume à définir avec le facilitateur » partout",
            "CS203": "clause rattachée à « l'article 18.1 du CCAG-Travaux » (18.1 est l'article du CCAG-MOE)",
            "CS903": "commentaire de relecture laissé dans le CCAP (.docx produit par LibreOffice)"})

case(id="b13-24", slug="lizon-habitat-verger", buyer="lizon_hab", fac="F5",
     objet="Construction de 18 logements individuels – lotissement du Verger", ref="LH-2026-T12",
     lots=[L("1", "Gros œuvre", 980000, "gros_oeuvre", by={"RC": 770}),
           L("2", "Couverture – zinguerie", 310000, "couverture_etancheite"),
           L("3", "Menuiseries extérieures", 240000, "menuiseries_exterieures"), L("4", "Plâtrerie", 260000, "platrerie"),
           L("5", "Plomberie – chauffage", 350000, "plomberie_cvc")],
     launch="2026-09-22", review="2026-09-29",
     o=dict(ccap_style="article", hours_in="table", rc_hours=True, pen_hour="eur35", pen_docs="doc"),
     files=[("rc", "RC_Verger.docx", "docx"), ("ccap", "CCAP ind A.docx", "docx"), ("ccap_b", "CCAP ind B.docx", "docx"),
            ("ae", "AE_Verger.pdf", "pdf"), ("dpgf", "DPGF_Verger.xlsx", "xlsx")],
     errs=["CS302", "CS401", "CS905"],
     notes={"CS302": "aucun public éligible",
            "CS401": "lot 1 : 770 h au RC, 735 h au CCAP et à l'AE",
            "CS905": "« CCAP ind A.docx » et « CCAP ind B.docx », deux indices du même CCAP"})

case(id="b13-25", slug="vauclerc-nettoyage-batiments", buyer="vauclerc", fac="F8", nature="services", ac={"years": 4},
     objet="Nettoyage des bâtiments communaux", ref="VLR-2026-S03",
     lots=[L("1", "Nettoyage des groupes scolaires", 120000, "nettoyage"),
           L("2", "Nettoyage des bâtiments administratifs et culturels", 84000, "nettoyage", omit={"ANNEXE"})],
     launch="2026-09-01", review="2026-09-08",
     o=dict(ccap_style="exec", hours_in="table", mo=False, suivi_style=1, pen_hour="smic15", pen_docs="day",
            date_style="dots"),
     files=[("rc", "RC_nettoyage.pdf", "pdf_lo_odt"), ("ccap", "CCAP_nettoyage.docx", "docx"),
            ("ae", "AE_nettoyage.docx", "docx"), ("engagement", "Annexe_engagement_insertion.odt", "odt"),
            ("note_interne", "Note_interne_arbitrages.pdf", "pdf"), ("bpu", "BPU_nettoyage.xlsx", "xlsx")],
     errs=["CS303", "CS404", "CS904"],
     notes={"CS303": "aucune modalité de réalisation",
            "CS404": "lot 2 absent de l'annexe d'engagement",
            "CS904": "note interne d'arbitrages budgétaires laissée dans le dossier"})

case(id="b13-26", slug="lizon-centre-aquatique", buyer="lizon", fac="F5",
     objet="Construction du centre aquatique intercommunal", ref="CCCL-2026-044",
     lots=[L("1", "Gros œuvre – cuvelage", 1720000, "gros_oeuvre"),
           L("2", "Charpente bois lamellé-collé", 480000, "charpente_bois"),
           L("3", "Traitement d'air – CVC", 1060000, "plomberie_cvc"), L("4", "Carrelage", 420000, "revetements_sols"),
           L("5", "Électricité", 335000, "electricite")],
     launch="2026-10-12", review="2026-10-19",
     o=dict(ccap_style="article", hours_in="table", cs304="none", cs402="box", cs402_delta=100,
            cs202_text="l'article L2113-12 du code de la commande publique", pen_hour="eur35", pen_docs="day",
            suivi_style=1),
     files=[("rc", "RC_centre_aquatique.odt", "odt"), ("ccap", "CCAP_centre_aquatique.docx", "docx"),
            ("ae", "AE_centre_aquatique.docx", "docx"), ("cctp", "CCTP_centre_aquatique.pdf", "pdf_lo"),
            ("photo", "Perspective_architecte.jpg", "jpg")],
     errs=["CS304", "CS402", "CS202"],
     notes={"CS304": "aucun facilitateur ni contact",
            "CS402": "zone de texte « À retenir » : 2 855 h pour 2 755 h de lots",
            "CS202": "clause fondée sur l'article L2113-12 (marché réservé aux EA / ESAT)"})

case(id="b13-27", slug="val-dardenne-cms-breval", buyer="valdardenne", fac="F7",
     objet="Réhabilitation du centre médico-social de Bréval", ref="VA-2026-CMS",
     lots=[L("1", "Démolition – désamiantage", 160000, "demolition_desamiantage"),
           L("2", "Plâtrerie – cloisons", 240000, "platrerie", stated=880),
           L("3", "Menuiseries intérieures", 130000, "menuiseries_interieures"),
           L("4", "Électricité – courants faibles", 215000, "electricite")],
     launch="2026-11-03", review="2026-11-10",
     o=dict(ccap_style="prose", hours_in="list", pen_hour="eur40"),
     files=[("rc", "RC_CMS_Breval.pdf", "pdf_lo"), ("ccap", "CCAP_CMS_Breval.odt", "odt"),
            ("ae", "AE_CMS_Breval.docx", "docx"),
            ("dpgf_lot:1", "DPGF/DPGF_lot1.xlsx", "xlsx"), ("dpgf_lot:2", "DPGF/DPGF_lot2.xlsx", "xlsx"),
            ("dpgf_lot:3", "DPGF/DPGF_lot3.xlsx", "garbage"), ("dpgf_lot:4", "DPGF/DPGF_lot4.xlsx", "xlsx")],
     errs=["CS305", "CS403", "CS901"],
     notes={"CS305": "aucune obligation de suivi ni de remise de justificatifs",
            "CS403": "lot 2 : 880 h pour 240 000 € HT de plâtrerie (calcul : 220 h)",
            "CS901": "DPGF du lot 3 : fichier .xlsx corrompu"})

case(id="b13-28", slug="saint-aubin-groupe-scolaire", buyer="staubin", fac="F1",
     objet="Restructuration du groupe scolaire des Landiers et équipement mobilier", ref="SAL-2026-12",
     lots=[L("1", "Gros œuvre", 440000, "gros_oeuvre"), L("2", "Menuiseries intérieures", 150000,
                                                            "menuiseries_interieures"),
           L("3", "Plâtrerie – faux plafonds", 202000, "platrerie"), L("4", "Peinture", 120000, "peinture"),
           L("5", "Électricité", 175000, "electricite"),
           L("6", "Fourniture de mobilier scolaire (livraison)", 95000, "fournitures", stated=140)],
     launch="2026-10-05", review="2026-10-12",
     o=dict(ccap_style="article", hours_in="table", pen="general", variantes_sans=True, cs102="env", pen_docs="day"),
     files=[("rc", "RC_groupe_scolaire.docx", "docx_lo"), ("ccap", "CCAP_groupe_scolaire.pdf", "pdf"),
            ("ae", "AE_groupe_scolaire.docx", "docx"), ("plan", "Plan_groupe_scolaire.png", "png")],
     errs=["CS306", "CS405", "CS102"],
     notes={"CS306": "la clause renvoie à l'article « Pénalités », qui ne prévoit rien pour les heures non réalisées",
            "CS405": "140 h sur le lot 6, fourniture de mobilier livré",
            "CS102": "RC : l'article « Conditions particulières d'exécution » ne parle que des déchets"})

case(id="b13-29", slug="semalm-halle-delaunay", buyer="semalm", fac="F2", mandant="la commune de Pontarcy",
     objet="Reconversion de la friche Delaunay en halle gourmande", ref="SEMALM-2026-14",
     lots=[L("1", "Désamiantage – démolition", 290000, "demolition_desamiantage"),
           L("2", "Gros œuvre – reprises", 540000, "gros_oeuvre"), L("3", "Charpente métallique", 380000,
                                                                    "charpente_metallique"),
           L("4", "Menuiseries extérieures – verrières", 300000, "menuiseries_exterieures")],
     launch="2026-11-16", review="2026-11-23",
     o=dict(ccap_style="exec", hours_in="table", cs104="silent",
            cs307_text="Chaque heure d'insertion non réalisée donne lieu à une pénalité dont le montant unitaire sera "
                       "précisé au titulaire lors de la réunion de lancement du chantier.", pen_docs="doc"),
     files=[("rc", "RC_halle_Delaunay.docx", "docx"), ("ccap", "CCAP_halle_Delaunay.docx", "docx_lo"),
            ("ae", "AE_halle_Delaunay.pdf", "pdf"), ("aapc", "AAPC_halle_Delaunay.docx", "docx"),
            ("geotech", "Rapport_geotechnique_G2AVP.pdf", "scan")],
     errs=["CS307", "CS104", "CS902"],
     notes={"CS307": "pénalité par heure sans montant (« précisé lors de la réunion de lancement »)",
            "CS104": "avis sans aucune mention de la condition sociale",
            "CS902": "rapport géotechnique scanné sans couche texte"})

case(id="b13-30", slug="haute-sorbe-aire-accueil", buyer="hautesorbe", fac="F3",
     objet="Aménagement de l'aire d'accueil des gens du voyage de Vaunac", ref="HS-2026-AGV",
     lots=[L("1", "VRD – réseaux", 620000, "vrd"), L("2", "Bâtiments sanitaires – gros œuvre", 340000, "gros_oeuvre"),
           L("3", "Plomberie", 155000, "plomberie_cvc")],
     launch="2026-09-14", review="2026-09-21",
     o=dict(ccap_style="article", rc_hours=True, rc_fac=True),
     files=[("rc", "RC_aire_accueil.docx", "docx"), ("ccap", "CCAP_aire_accueil.pdf", "pdf_lo"),
            ("ae", "AE_aire_accueil.odt", "odt"), ("cctp", "CCTP_aire_accueil.pdf", "pdf")],
     errs=["CS101"],
     notes={"CS101": "CCAP sans article d'insertion ; la clause n'est annoncée qu'au RC et chiffrée à l'AE"})

case(id="b13-31", slug="val-dardenne-nettoyage-colleges", buyer="valdardenne", nature="services", mode="noclause",
     objet="Nettoyage des locaux des collèges publics", ref="VA-2026-NET", ac={"years": 4}, unique=True,
     lots=[L("unique", "Nettoyage des collèges", 165000, "nettoyage", status="none")],
     launch="2026-09-14", review="2026-09-21",
     o=dict(ccap_style="article", cs205_in="aapc",
            cs205_text="Procédure : appel d'offres ouvert, la valeur estimée dépassant le seuil européen de "
                       "215 000 € HT."),
     files=[("rc", "RC_nettoyage_colleges.docx", "docx"), ("ccap", "CCAP_nettoyage_colleges.docx", "docx_lo"),
            ("ae", "AE_nettoyage_colleges.pdf", "pdf"), ("aapc", "AAPC_nettoyage_colleges.pdf", "pdf"),
            ("bpu", "BPU_nettoyage_colleges.xlsx", "xlsx")],
     errs=["CS501", "CS205"],
     notes={"CS501": "accord-cadre de 660 000 € HT sur 4 ans lancé le 14 septembre 2026, sans condition sociale ni "
                     "justification",
            "CS205": "avis : seuil européen de 215 000 € HT (seuil 2022-2023)"})

case(id="b13-32", slug="lys-marais-siege-communautaire", buyer="lysmarais", mode="sans",
     objet="Construction du nouveau siège communautaire", ref="CALM-2026-T30",
     lots=[L("1", "Terrassement – fondations spéciales", 640000, "vrd", status="none"),
           L("2", "Gros œuvre", 2150000, "gros_oeuvre", status="none"),
           L("3", "Charpente métallique", 520000, "charpente_metallique", status="none"),
           L("4", "Façades – menuiseries extérieures", 980000, "menuiseries_exterieures", status="none"),
           L("5", "Plâtrerie – cloisons", 410000, "platrerie", status="none"),
           L("6", "Électricité", 560000, "electricite", status="none"),
           L("7", "Chauffage – ventilation – climatisation", 690000, "plomberie_cvc", status="none"),
           L("8", "Ascenseurs", 200000, "ascenseurs", status="none")],
     launch="2026-10-05", review="2026-10-12",
     o=dict(ccap_style="titre", sans_title="Clause sociale", sans_text="Clause sociale d'insertion : sans objet.",
            rc_sans_text="Clause sociale d'insertion : sans objet."),
     files=[("rc", "RC_siege.pdf", "pdf_lo"), ("ccap", "CCAP_siege.docx", "docx"), ("ae", "AE_siege.docx", "docx"),
            ("cctp", "CCTP_siege.pdf", "pdf")],
     errs=["CS501"],
     notes={"CS501": "travaux de 6 150 000 € HT lancés le 5 octobre 2026 ; « sans objet » n'est pas une justification"})

_l33 = [L("1", "Menuiseries extérieures", 460000, "menuiseries_exterieures"),
        L("2", "Plomberie – salles de bains", 520000, "plomberie_cvc"), L("3", "Électricité", 260000, "electricite"),
        L("4", "Peinture – revêtements muraux", 290000, "peinture")]
_f33 = {"1": "Lot 1 - Menuiseries exterieures", "2": "Lot 2 - Plomberie", "3": "Lot 3 - Electricite",
        "4": "Lot 4 - Peinture sols"}
case(id="b13-33", slug="castelbrenne-habitat-residence-parc", buyer="castel_hab", fac="F6",
     objet="Réhabilitation de la résidence du Parc (72 logements)", ref="CBH-2026-05", lots=_l33,
     launch="2026-10-26", review="2026-11-02",
     o=dict(ccap_style="article", name="action", hours_in="share", merged_hdr=True, pen_hour="smic15", ae="none"),
     files=[("rc", "RC_residence_du_Parc.docx", "docx"), ("ccap", "CCAP_residence_du_Parc.pdf", "pdf_lo")]
     + folder_files(_l33, _f33, [("engagement_lot", "Engagement_insertion_lot{n}.docx", "docx_lo"),
                                 ("cctp_lot", "CCTP_lot{n}.pdf", "pdf")]),
     errs=["CS105", "CS308"],
     notes={"CS105": "aucun acte d'engagement dans le dossier (les fiches d'engagement par lot portent les heures)",
            "CS308": "aucune pénalité pour les documents de suivi non remis"})

case(id="b13-34", slug="moulins-eglise-couverture", buyer="moulins", fac="F8",
     objet="Restauration de la couverture et de la charpente de l'église Saint-Martin", ref="MSL-2026-11",
     lots=[L("1", "Charpente bois", 260000, "charpente_bois", status="tbd"),
           L("2", "Couverture – ardoise", 410000, "couverture_etancheite", status="tbd")],
     launch="2026-11-09", review="2026-11-16",
     o=dict(ccap_style="plain", cs301="all", tbd_text="à définir",
            cs301_text="Le volume d'heures d'insertion sera arrêté avec le facilitateur au vu du planning des "
                       "travaux et communiqué au titulaire lors de la période de préparation.",
            pen_hour="smic15", pen_docs="day"),
     files=[("rc", "RC_eglise.odt", "odt"), ("ccap", "CCAP_eglise.docx", "docx"), ("ae", "AE_eglise.docx", "docx"),
            ("cctp", "CCTP_eglise.pdf", "pdf"), ("photo", "Photo_clocher.jpg", "jpg")],
     errs=["CS301"],
     notes={"CS301": "aucun nombre d'heures : volume « arrêté avec le facilitateur au vu du planning »"})

_l35 = [L("1", "Terrassement – VRD", 260000, "vrd"), L("2", "Gros œuvre – dallage", 395000, "gros_oeuvre"),
        L("3", "Charpente métallique – bardage", 520000, "charpente_metallique"), L("4", "Électricité", 138000,
                                                                                     "electricite")]
_f35 = {"1": "Lot 1 - VRD", "2": "Lot 2 - Gros oeuvre", "3": "Lot 3 - Charpente bardage", "4": "Lot 4 - Electricite"}
case(id="b13-35", slug="orvanne-ateliers-relais", buyer="orvanne", fac="F4",
     objet="Construction de deux ateliers relais – ZA de la Prée", ref="CCVO-2026-AR", lots=_l35,
     launch="2026-09-28", review="2026-10-05",
     o=dict(ccap_style="roman", hours_in="table", ae="per_lot", pen_hour="eur35", pen_docs="doc", ae_amount=True,
            afmt="dec"),
     files=[("rc", "RC_ateliers_relais.pdf", "pdf"), ("ccap", "CCAP_ateliers_relais.docx", "docx_lo")]
     + folder_files(_l35, _f35, [("ae_lot", "AE_lot{n}.pdf", "pdf_lo"), ("dpgf_lot", "DPGF_lot{n}.xlsx", "xlsx")]),
     errs=["CS103"],
     notes={"CS103": "les AE par lot ne portent aucun engagement d'insertion ; ni annexe ni fiche"})

case(id="b13-36", slug="vauclerc-restauration-scolaire", buyer="vauclerc", fac="F8", nature="services",
     ac={"years": 3}, unique=True,
     objet="Confection et livraison de repas en liaison froide pour la restauration scolaire", ref="VLR-2026-S09",
     lots=[L("unique", "Restauration scolaire", 240000, "restauration")],
     launch="2026-10-19", review="2026-10-26",
     o=dict(ccap_style="article", cs204="agrement", pen_hour="smic15", pen_docs="doc"),
     files=[("rc", "RC_restauration.docx", "docx"), ("ccap", "CCAP_restauration.pdf", "pdf"),
            ("ae", "AE_restauration.docx", "docx"), ("aapc", "AAPC_restauration.pdf", "pdf_lo"),
            ("bpu", "BPU_restauration.xlsx", "xlsx")],
     errs=["CS204"],
     notes={"CS204": "CCAP : « titulaires d'un agrément Pôle emploi » dans les publics"})
