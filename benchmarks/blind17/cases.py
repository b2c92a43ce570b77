"""Table des 36 consultations de blind17 (moitié sealed)."""
TRADE_M = {"vrd": 0.30, "gros_oeuvre": 0.45, "charpente_bois": 0.35, "charpente_metallique": 0.20,
           "couverture_etancheite": 0.40, "menuiseries_exterieures": 0.25, "menuiseries_interieures": 0.40,
           "platrerie": 0.55, "peinture": 0.65, "revetements_sols": 0.45, "electricite": 0.45,
           "plomberie_cvc": 0.35, "ascenseurs": 0.20, "espaces_verts_creation": 0.45,
           "espaces_verts_entretien": 0.65, "nettoyage": 0.85, "collecte_dechets": 0.55,
           "restauration": 0.45, "demolition_desamiantage": 0.50, "fournitures": 0.0}

FAC = [
    dict(name="Mme Claire Vasseur", struct="Maison de l'emploi du Pays de Brenne-Aubance", addr="4 rue des Tanneurs, 36300 Brenne",
         tel="02 99 41 27 63", mail="clauses.sociales@mde-brenne-aubance.fr"),
    dict(name="M. Karim Benali", struct="PLIE de l'agglomération de Saint-Orvan", addr="12 avenue Jean-Jaurès, 44800 Saint-Orvan",
         tel="02 99 58 14 02", mail="facilitateur@plie-saintorvan.fr"),
    dict(name="Mme Élodie Perrin", struct="service insertion du Département de la Haute-Loirette", addr="Hôtel du Département, 1 place de la Préfecture",
         tel="04 99 12 36 80", mail="clauses.insertion@hauteloirette.fr"),
    dict(name="M. Thomas Giraud", struct="Maison de l'emploi et de la formation du Val d'Ysère", addr="8 quai de la Gare, 38120 Ysère",
         tel="04 99 73 05 21", mail="t.giraud@mef-valdysere.fr"),
    dict(name="Mme Nadia Ferrand", struct="PLIE Métropole Côte d'Opale Sud", addr="2 rue du Port, 62200 Opale",
         tel="03 99 20 44 17", mail="clauses@plie-opalesud.fr"),
]


def lot(n, t, a, tr, cov=True, fac=1.0, h=None):
    L = dict(n=n, t=t, a=a, tr=tr, cov=cov)
    if not cov or tr == "fournitures" and h is None:
        L["h"] = h
        L["chk"] = False
        return L
    raw = a * TRADE_M[tr] * 0.05 / 30
    hh = int(raw / 5 + 0.5) * 5
    if h is not None:
        L["h"], L["chk"] = h, False
    elif fac != 1.0:
        L["h"], L["chk"], L["fac"] = int(hh * fac / 5 + 0.5) * 5, False, fac
    else:
        L["h"] = hh
    return L


def mk(num, kind, buyer, obj, nature, lots, date, errs=None, fac=0, files=None, **kw):
    d, m, y = date.split("/")
    c = dict(name=f"b17-{num:02d}", kind=kind, buyer=buyer, obj=obj, nature=nature,
             ccag="travaux" if nature == "travaux" else "fcs", lots=lots, unique=(len(lots) == 1 and lots[0]["n"] == "unique"),
             date_fr=date, dl="12/12/2026" if m >= "08" else "15/09/2026", review=kw.pop("review", "2026-11-25"),
             ref=f"2026-{num:03d}", proc=kw.pop("proc", "procédure adaptée"), errs=errs or {}, facil=FAC[fac % len(FAC)])
    F = {"RC": ("01_RC.docx", "docx"), "CCAP": ("02_CCAP.docx", "docx"), "AE": ("03_AE.docx", "docx"),
         "ANNEXE": ("04_Annexe_clause_insertion.docx", "docx")}
    F.update(files or {})
    c["files"] = F
    c.update(kw)
    return c


L = lot
CASES = [
    # ---------------------------------------------------------------- 01 correct
    mk(1, "correct", "Commune de Mirebeau-sur-Ysère", "Réhabilitation de l'école élémentaire Jules-Ferry", "travaux",
       [L("1", "Gros œuvre – maçonnerie", 640000, "gros_oeuvre"), L("2", "Menuiseries intérieures", 210000, "menuiseries_interieures"),
        L("3", "Plâtrerie – faux plafonds", 260000, "platrerie"), L("4", "Peinture", 160000, "peinture")],
       "14/09/2026", fac=3, annex=True, total=True, rc_contact=True,
       extra=[("plan_situation.png", None, "Plan de situation – école Jules-Ferry")],
       desc="Correct : clause complète en sous-articles, tableau avec total exact, fiche d'engagement en annexe, plan (CS904)."),
    # 02 faulty: CS101 + CS204 (RC) + CS403
    mk(2, "faulty", "Communauté de communes du Haut-Brenne", "Construction d'une maison de santé pluriprofessionnelle", "travaux",
       [L("1", "Terrassement – VRD", 380000, "vrd"), L("2", "Gros œuvre", 720000, "gros_oeuvre", fac=0.25),
        L("3", "Couverture – étanchéité", 240000, "couverture_etancheite")],
       "02/10/2026", fac=0,
       errs={"CS101": "none", "CS204": ("RC", "Pôle emploi", "Les personnes recrutées au titre de la clause pourront être orientées par Pôle emploi ou la mission locale."),
             "CS403": ("2", 0.25)},
       desc="CS101 (CCAP sans article de clause, RC et AE chiffrés), CS204 Pôle emploi au RC, CS403 lot 2 quatre fois trop bas."),
    # 03 faulty: CS102 + CS403 (x4) + CS302
    mk(3, "faulty", "Office public de l'habitat Loirette Habitat", "Réhabilitation thermique de 48 logements – résidence Les Tilleuls", "travaux",
       [L("1", "Isolation par l'extérieur – ravalement", 520000, "peinture"), L("2", "Menuiseries extérieures", 300000, "menuiseries_exterieures", fac=4.0),
        L("3", "Chauffage – ventilation", 410000, "plomberie_cvc")],
       "21/09/2026", fac=2, errs={"CS102": True, "CS403": ("2", 4.0), "CS302": True},
       desc="CS102 (RC muet sur la clause), CS403 lot 2 quatre fois trop haut, CS302 (aucun public éligible)."),
    # 04 correct: accord-cadre nettoyage heures par an, pénalités dans l'article général
    mk(4, "correct", "Centre hospitalier de Saint-Orvan", "Nettoyage des locaux administratifs et logistiques – accord-cadre à bons de commande", "services",
       [L("unique", "Nettoyage des locaux", 300000, "nettoyage", h=425)], "05/10/2026", fac=1, ac=4, pen="general",
       proc="appel d'offres ouvert", files={"CCAP": ("02_CCAP.odt", "odt"), "RC": ("01_RC.pdf", "pdf")},
       desc="Correct : accord-cadre de 4 ans, 425 h par an (1 700 h sur la durée, rappel qui n'est pas un total de lots), pénalités dans l'article général, CCAP en ODT."),
    # 05 faulty: CS103 + CS201 (RC)
    mk(5, "faulty", "Commune de Vauclair-les-Prés", "Aménagement de la place du marché et des rues adjacentes", "travaux",
       [L("1", "Voirie – réseaux", 820000, "vrd"), L("2", "Espaces verts – plantations", 200000, "espaces_verts_creation")],
       "28/09/2026", fac=3, errs={"CS103": True, "CS201": ("RC", "La clause d'insertion est prévue en application de l'article 14 du Code des marchés publics.", "CMP art. 14 au RC")},
       desc="CS103 (ni AE ni annexe ne portent l'engagement), CS201 article 14 du CMP au RC."),
    # 06 faulty: CS104 + CS306 + CS404 (RC sans lot 2)
    mk(6, "faulty", "Département de la Haute-Loirette", "Restructuration du collège Louise-Michel", "travaux",
       [L("1", "Démolition – désamiantage", 330000, "demolition_desamiantage"), L("2", "Gros œuvre", 1180000, "gros_oeuvre"),
        L("3", "Électricité", 420000, "electricite")],
       "12/10/2026", fac=2, proc="appel d'offres ouvert", files={"AVIS": ("00_Avis_publicite.docx", "docx")},
       errs={"CS104": True, "CS306": True, "CS404": ("2", "RC")},
       desc="CS104 (avis muet), CS306 (aucune pénalité par heure non réalisée), CS404 lot 2 absent du RC."),
    # 07 correct: split CCAP/annexe, AE par lot, RC pdf
    mk(7, "correct", "Saint-Orvan Habitat (SA d'HLM)", "Construction de 22 logements sociaux – îlot des Forges", "travaux",
       [L("1", "Gros œuvre", 1300000, "gros_oeuvre"), L("2", "Charpente bois – couverture", 280000, "charpente_bois"),
        L("3", "Plâtrerie – isolation", 340000, "platrerie"), L("4", "Plomberie – chauffage", 400000, "plomberie_cvc")],
       "19/10/2026", fac=1, annex=True, layout="split", ae_perlot=True,
       files={"RC": ("01_RC.pdf", "pdf"), "AE": ("03_AE_lot{n}.docx", "docx")},
       desc="Correct : clause répartie entre le CCAP (objet, heures, pénalités) et l'annexe (publics, modalités, facilitateur, suivi) ; un AE par lot."),
    # 08 faulty: CS105 (RC absent) + CS307 frozen
    mk(8, "faulty", "Syndicat mixte du bassin de l'Aubance", "Entretien des berges et des espaces naturels", "services",
       [L("unique", "Entretien des espaces naturels", 260000, "espaces_verts_entretien")],
       "07/09/2026", fac=0, files={"AVIS": ("Avis_BOAMP.pdf", "pdf")}, errs={"CS105": "RC", "CS307": "frozen"},
       desc="CS105 (pas de RC ; date prise à l'avis), CS307 pénalité figée sur le SMIC 2023."),
    # 09 faulty: CS201 (CCAP) + CS302
    mk(9, "faulty", "Communauté d'agglomération Côte d'Opale Sud", "Extension du centre technique communautaire", "travaux",
       [L("1", "Gros œuvre", 900000, "gros_oeuvre"), L("2", "Charpente métallique – bardage", 610000, "charpente_metallique")],
       "16/09/2026", fac=4,
       errs={"CS201": ("CCAP", "La présente clause est prise en application de l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics.", "ordonnance 2015-899 art. 38 au CCAP"),
             "CS302": True},
       desc="CS201 ordonnance 2015-899 art. 38 comme base de la clause, CS302 (aucun public)."),
    # 10 correct: prose, history trap
    mk(10, "correct", "Université de Haute-Loirette", "Rénovation de l'amphithéâtre Pasteur", "travaux",
       [L("1", "Démolition – gros œuvre", 560000, "gros_oeuvre"), L("2", "Menuiseries intérieures – agencement", 330000, "menuiseries_interieures"),
        L("3", "Électricité – courants faibles", 280000, "electricite")],
       "08/10/2026", fac=2, layout="prose", hstyle="prose", ctitle="Action d'insertion professionnelle",
       traps={"CCAP": ["Pour mémoire, l'ancien Code des marchés publics de 2006 a été abrogé le 1er avril 2019 ; le présent marché relève exclusivement du Code de la commande publique."]},
       desc="Correct : clause en prose (« Action d'insertion »), heures par lot en phrases, rappel historique du CMP abrogé."),
    # 11 faulty: CS202 (CCAP) + CS305 (+CS308) + CS905 (RC v1/v2)
    mk(11, "faulty", "Commune de Port-Aubance", "Requalification du front de mer – promenade", "travaux",
       [L("1", "VRD – revêtements", 1200000, "vrd"), L("2", "Espaces verts", 260000, "espaces_verts_creation")],
       "23/09/2026", fac=4, files={"RC": ("RC_v1.pdf", "pdf")},
       errs={"CS202": ("CCAP", "La présente clause sociale d'insertion est fondée sur l'article L2113-13 du Code de la commande publique.", "L2113-13 comme base de la clause"),
             "CS305": True, "CS905": ("RC_v1.pdf", "RC_v2.pdf")},
       desc="CS202 (L2113-13), CS305 (aucun suivi, d'où CS308), CS905 RC_v1 / RC_v2."),
    # 12 faulty: CS203 (pièces: CCAG 2009) + CS401 (AE)
    mk(12, "faulty", "Ville de Brenne", "Construction d'un gymnase", "travaux",
       [L("1", "Gros œuvre", 1480000, "gros_oeuvre"), L("2", "Charpente bois", 380000, "charpente_bois"),
        L("3", "Revêtements de sols sportifs", 220000, "revetements_sols")],
       "01/10/2026", fac=0,
       errs={"CS203": ("CCAP", "Par dérogation, le CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009 s'applique au présent marché.", "pieces"),
             "CS401": ("2", "AE", 250)},
       desc="CS203 (CCAG-Travaux 2009), CS401 lot 2 : 250 h à l'AE, 220 h au CCAP et au RC."),
    # 13 correct: services espaces verts, pénalités générales, "sans préjudice"
    mk(13, "correct", "Département de la Haute-Loirette", "Entretien des espaces verts des collèges du secteur nord", "services",
       [L("unique", "Entretien des espaces verts", 240000, "espaces_verts_entretien")], "26/10/2026", fac=2, pen="general",
       files={"CCAP": ("CCAP.pdf", "pdf"), "AE": ("AE.odt", "odt")}, rc_contact=True,
       desc="Correct : marché non alloti de services, pénalités dans l'article général, « sans préjudice » et « variantes : sans objet »."),
    # 14 faulty: CS204 ZUS (CCAP) + CS402 + CS405
    mk(14, "faulty", "Commune de Saint-Orvan", "Réaménagement de la médiathèque", "travaux",
       [L("1", "Plâtrerie – cloisons", 420000, "platrerie"), L("2", "Peinture – revêtements", 180000, "peinture"),
        L("3", "Fourniture de mobilier (livraison sans pose)", 160000, "fournitures", h=80)],
       "10/09/2026", fac=1, total=True, errs={"CS204": ("CCAP", "ZUS"), "CS402": ("CCAP", 760), "CS405": "3"},
       desc="CS204 ZUS au CCAP, CS402 total du tableau faux (760), CS405 heures sur le lot de fournitures."),
    # 15 faulty: CS205 (RC 221 000) + CS303 + CS308
    mk(15, "faulty", "Centre communal d'action sociale de Vauclair", "Restauration collective de l'EHPAD Les Glycines", "services",
       [L("unique", "Fabrication et livraison des repas", 180000, "restauration")], "30/09/2026", fac=3,
       errs={"CS205": ("RC", "Le montant estimé étant inférieur au seuil européen de 221 000 € HT, la consultation est passée en procédure adaptée.", "seuil 221 000 € HT"),
             "CS303": True, "CS308": True},
       desc="CS205 ancien seuil 221 000 € HT au RC, CS303 (pas de modalités), CS308 (pas de pénalité de retard des justificatifs)."),
    # 16 correct: sans objet, no clause
    mk(16, "correct", "Commune des Essarts-d'Aubance", "Remplacement de la chaudière de la mairie", "travaux",
       [L("unique", "Chauffage", 140000, "plomberie_cvc", cov=False)], "15/06/2026", fac=0, noclause=True,
       noclause_text="Clause sociale d'insertion : sans objet.", noclause_ccap="Clause sociale d'insertion : sans objet, compte tenu de la durée (trois semaines) des travaux.",
       desc="Correct sans clause : le RC et le CCAP disent « sans objet » (CS100 facultatif)."),
    # 17 faulty: CS301 all + CS201 décret 2016-360 (RC) + plan
    mk(17, "faulty", "Communauté de communes du Haut-Brenne", "Collecte des déchets ménagers et assimilés", "services",
       [L("unique", "Collecte en porte-à-porte", 200000, "collecte_dechets", h=None)], "17/09/2026", fac=0, rc_nohours=True,
       errs={"CS301": "all", "CS201": ("RC", "La consultation est passée selon l'article 28 du décret n° 2016-360 du 25 mars 2016.", "décret 2016-360 art. 28 au RC")},
       extra=[("circuits_collecte.png", None, "Circuits de collecte – secteur est")],
       desc="CS301 (aucun nombre d'heures), CS201 décret 2016-360 art. 28 au RC, plan (CS904)."),
    # 18 faulty: CS304 none + CS405 + CS303
    mk(18, "faulty", "Université de la Côte d'Opale", "Équipement du laboratoire de chimie", "travaux",
       [L("1", "Plomberie – fluides", 360000, "plomberie_cvc"), L("2", "Électricité", 300000, "electricite"),
        L("3", "Fourniture de paillasses et sorbonnes (sans pose)", 240000, "fournitures", h=120)],
       "06/10/2026", fac=4, errs={"CS304": "none", "CS405": "3", "CS303": True},
       desc="CS304 (aucun facilitateur), CS405 lot 3 de fournitures, CS303 (pas de modalités)."),
    # 19 correct: State services below 140k, no clause -> CS100
    mk(19, "correct", "Préfecture de la Haute-Loirette", "Maintenance des équipements de vidéoprotection", "services",
       [L("unique", "Maintenance", 120000, "electricite", cov=False)], "14/09/2026", fac=0, noclause=True, cs100="expected",
       desc="Correct sans clause : État sous son seuil de 140 000 € HT, rien n'est dit de la clause (CS100 attendu, pas CS501)."),
    # 20 faulty: CS501 works
    mk(20, "faulty", "Ville de Saint-Orvan", "Construction du pôle aquatique intercommunal", "travaux",
       [L("1", "Gros œuvre", 3900000, "gros_oeuvre", cov=False), L("2", "Traitement d'eau – CVC", 2300000, "plomberie_cvc", cov=False)],
       "25/09/2026", fac=1, noclause=True, proc="appel d'offres ouvert", errs={"CS501": True},
       desc="CS501 : travaux 6 200 000 € HT lancés le 25/09/2026 sans condition sociale ni justification (CS100 en découle)."),
    # 21 faulty: CS901 trunc + CS308
    mk(21, "faulty", "Loirette Habitat", "Remplacement des ascenseurs et mise en peinture des halls", "travaux",
       [L("1", "Peinture des parties communes", 290000, "peinture")], "05/10/2026", fac=2,
       files={"CCTP": ("05_CCTP.docx", "docx")}, errs={"CS901": ("06_DPGF.docx", "trunc"), "CS308": True},
       desc="CS901 DPGF docx tronqué, CS308 (pas de pénalité de retard des justificatifs)."),
    # 22 correct: lot non concerné, total, avis, DPGF xlsx
    mk(22, "correct", "Communauté d'agglomération du Val d'Ysère", "Construction du siège de l'office de tourisme", "travaux",
       [L("1", "Gros œuvre", 880000, "gros_oeuvre"), L("2", "Menuiseries extérieures", 340000, "menuiseries_exterieures"),
        L("3", "Ascenseur", 90000, "ascenseurs", cov=False), L("4", "Électricité", 260000, "electricite")],
       "09/11/2026", fac=3, total=True, annex=True, review="2026-12-01",
       files={"AVIS": ("Avis_AAPC.docx", "docx"), "DPGF": ("DPGF.xlsx", "xlsx")},
       desc="Correct : lot 3 (ascenseur) non concerné, total exact, avis qui annonce la clause, DPGF xlsx."),
    # 23 faulty: CS902 + CS404 (AE sans lot 3) + CS402 (RC prose)
    mk(23, "faulty", "Commune de Mirebeau-sur-Ysère", "Extension du groupe scolaire et du restaurant", "travaux",
       [L("1", "Gros œuvre", 700000, "gros_oeuvre"), L("2", "Couverture – zinguerie", 200000, "couverture_etancheite"),
        L("3", "Carrelage – faïence", 160000, "revetements_sols")],
       "13/10/2026", fac=3, total=True, errs={"CS902": "05_CCTP_scan.pdf", "CS404": ("3", "AE"), "CS402": ("RC", 780)},
       desc="CS902 CCTP numérisé, CS404 lot 3 absent de l'AE, CS402 total du RC faux (780)."),
    # 24 faulty: CS903 track (CCAP) + CS205 (RC 5 538 000) + CS304 nocontact
    mk(24, "faulty", "Département de la Haute-Loirette", "Construction du centre routier départemental", "travaux",
       [L("1", "Gros œuvre", 1000000, "gros_oeuvre"), L("2", "Charpente métallique", 500000, "charpente_metallique")],
       "20/10/2026", fac=2,
       errs={"CS903": ("CCAP", "track"), "CS205": ("RC", "Le montant des travaux étant inférieur au seuil européen de 5 538 000 € HT, la procédure adaptée est retenue.", "seuil 5 538 000 € HT"),
             "CS304": "nocontact"},
       desc="CS903 modifications suivies au CCAP, CS205 ancien seuil travaux, CS304 structure nommée sans téléphone ni courriel."),
    # 25 correct: dérogation motivée
    mk(25, "correct", "Centre hospitalier universitaire de Saint-Orvan", "Maintenance des automates de biologie", "services",
       [L("unique", "Maintenance des automates", 400000, "electricite", cov=False)], "12/10/2026", fac=1, noclause=True,
       proc="appel d'offres ouvert",
       noclause_text="Aucune condition d'exécution à caractère social n'est prévue : la maintenance est assurée exclusivement par le fabricant des automates, seul habilité, et une telle condition serait sans lien utile avec l'objet du marché ; cette dérogation est motivée au titre de l'article L2112-2-1 du Code de la commande publique.",
       desc="Correct : au-dessus du seuil, après le 21/08/2026, sans clause mais avec une dérogation motivée (CS100 facultatif)."),
    # 26 faulty: CS905 CCAP copy + CS202 (RC R2152-7)
    mk(26, "faulty", "Commune de Vauclair-les-Prés", "Rénovation de la salle des fêtes", "travaux",
       [L("1", "Gros œuvre – reprises", 300000, "gros_oeuvre"), L("2", "Peinture", 160000, "peinture")],
       "02/11/2026", fac=3, review="2026-12-01",
       errs={"CS905": ("02_CCAP.docx", "02_CCAP (copie).docx"), "CS202": ("RC", "La clause sociale d'insertion est imposée au titre de l'article R2152-7 du Code de la commande publique.", "R2152-7 comme base de la condition d'exécution")},
       desc="CS905 CCAP et sa copie, CS202 R2152-7 au RC."),
    # 27 faulty: CS101 + CS204 (AE agrément), AE par lot
    mk(27, "faulty", "Office public de l'habitat Loirette Habitat", "Résidentialisation de la cité des Peupliers", "travaux",
       [L("1", "VRD – clôtures", 450000, "vrd"), L("2", "Espaces verts", 200000, "espaces_verts_creation")],
       "29/09/2026", fac=2, ae_perlot=True, files={"AE": ("03_AE_lot{n}.docx", "docx"), "CCAP": ("02_CCAP.pdf", "pdf")},
       errs={"CS101": "none", "CS204": ("AE", "agrément", "Les salariés mis à disposition par une SIAE justifient d'un agrément Pôle emploi.")},
       desc="CS101 (CCAP PDF sans article de clause), CS204 « agrément Pôle emploi » dans les AE."),
    # 28 correct: AE par lot pdf, notes txt
    mk(28, "correct", "Communauté d'agglomération Côte d'Opale Sud", "Création d'une voie verte et d'un parking relais", "travaux",
       [L("1", "Terrassement – voirie", 1100000, "vrd"), L("2", "Éclairage public", 260000, "electricite"), L("3", "Plantations", 180000, "espaces_verts_creation")],
       "16/10/2026", fac=4, ae_perlot=True, rc_contact=True, files={"AE": ("AE_lot_{n}.pdf", "pdf")},
       extra=[("notes_reunion.txt", None, "Notes de réunion du 3 septembre : vérifier le planning des acquisitions foncières.")],
       desc="Correct : un AE PDF par lot, chacun avec ses heures ; notes texte (CS904)."),
    # 29 faulty: CS102 + CS307 noamount
    mk(29, "faulty", "Ville de Brenne", "Nettoyage des bâtiments communaux", "services",
       [L("unique", "Nettoyage", 160000, "nettoyage")], "24/09/2026", fac=0, files={"CCAP": ("CCAP.odt", "odt")},
       errs={"CS102": True, "CS307": "noamount"},
       desc="CS102 (RC muet), CS307 (pénalité sans montant)."),
    # 30 faulty: CS103 + CS301 lot 2
    mk(30, "faulty", "Université de Haute-Loirette", "Réfection des toitures du bâtiment B", "travaux",
       [L("1", "Couverture – étanchéité", 430000, "couverture_etancheite"), L("2", "Désamiantage", 180000, "demolition_desamiantage", h=None)],
       "03/11/2026", fac=2, review="2026-12-01", errs={"CS103": True, "CS301": "2"},
       desc="CS103 (AE sans engagement, pas d'annexe), CS301 lot 2 concerné sans heures."),
    # 31 correct: State rectorat restauration with clause
    mk(31, "correct", "Rectorat de l'académie de Haute-Loirette", "Restauration du personnel de la cité administrative", "services",
       [L("unique", "Restauration collective", 260000, "restauration")], "22/09/2026", fac=2, annex=True, proc="appel d'offres ouvert",
       files={"ANNEXE": ("04_Fiche_engagement.odt", "odt"), "CCAP": ("02_CCP.docx", "docx")},
       desc="Correct : service de l'État au-dessus de 140 000 € HT avec clause ; fiche d'engagement ODT."),
    # 32 faulty: CS104 (avis pdf) + CS306 (renvoi général vide) + CS203 (article 16.1 CCAG-Travaux)
    mk(32, "faulty", "Commune de Port-Aubance", "Construction d'une salle multisports", "travaux",
       [L("1", "Gros œuvre", 980000, "gros_oeuvre"), L("2", "Charpente métallique", 450000, "charpente_metallique")],
       "08/10/2026", fac=4, pen="general", pen_missing_in_general=True, files={"AVIS": ("Avis.pdf", "pdf")},
       errs={"CS104": True, "CS306": True,
             "CS203": ("CCAP", "La présente clause est une condition d'exécution au sens de l'article L2112-2 du Code de la commande publique, conformément à l'article 16.1 du CCAG-Travaux 2021.", "art")},
       desc="CS104 (avis PDF muet), CS306 (la clause renvoie à l'article Pénalités qui ne prévoit rien), CS203 (article 16.1 du CCAG-Travaux)."),
    # 33 faulty: CS105 AE + CS401 (RC) + CS305
    mk(33, "faulty", "Saint-Orvan Habitat (SA d'HLM)", "Réhabilitation de la résidence Bellevue", "travaux",
       [L("1", "Plâtrerie – doublages", 380000, "platrerie"), L("2", "Électricité", 340000, "electricite")],
       "15/10/2026", fac=1, annex=True, errs={"CS105": "AE", "CS401": ("1", "RC", 310), "CS305": True},
       desc="CS105 (pas d'AE ; la fiche d'engagement est en annexe), CS401 lot 1 : 310 h au RC, 350 h ailleurs, CS305 (d'où CS308)."),
    # 34 correct: odt, photo, pénalités générales
    mk(34, "correct", "Commune des Essarts-d'Aubance", "Restauration de l'église Saint-Martin", "travaux",
       [L("1", "Maçonnerie – pierre de taille", 760000, "gros_oeuvre"), L("2", "Charpente – couverture", 420000, "charpente_bois")],
       "19/10/2026", fac=0, annex=True, pen="general", ctitle="Condition d'exécution à caractère social",
       files={"CCAP": ("CCAP.odt", "odt"), "ANNEXE": ("Annexe_insertion.odt", "odt")},
       extra=[("photo_facade.jpg", None, "Façade ouest – état existant")],
       desc="Correct : CCAP et annexe ODT, pénalités dans l'article général, photo (CS904)."),
    # 35 faulty: CS501 services
    mk(35, "faulty", "Département de la Haute-Loirette", "Nettoyage des centres médico-sociaux", "services",
       [L("unique", "Nettoyage", 300000, "nettoyage", cov=False)], "21/09/2026", fac=2, noclause=True, proc="appel d'offres ouvert",
       noclause_text="Clause sociale d'insertion : sans objet.", errs={"CS501": True},
       desc="CS501 : services 300 000 € HT d'un département lancés le 21/09/2026, « sans objet » n'est pas une justification."),
    # 36 faulty: CS901 crypt + CS902 + CS903 comment (RC)
    mk(36, "faulty", "Communauté de communes du Haut-Brenne", "Aménagement d'une aire d'accueil", "travaux",
       [L("1", "VRD", 700000, "vrd"), L("2", "Bâtiment sanitaire", 300000, "gros_oeuvre")],
       "27/10/2026", fac=0, files={"CCTP": ("05_CCTP.pdf", "fpdf")},
       errs={"CS901": ("06_DPGF.pdf", "crypt"), "CS902": "07_Memoire_technique_cadre.pdf", "CS903": ("RC", "comment")},
       desc="CS901 DPGF PDF chiffré, CS902 cadre de mémoire numérisé, CS903 commentaire au RC."),
]
