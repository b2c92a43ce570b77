"""The 36 consultations of the twelfth blind corpus (all sealed). Buyers, facilitators and phone
numbers are invented (phones in the ranges reserved for fiction)."""

import datetime as dt

D = dt.date

FAC = {
    "mde": dict(structure="Maison de l'emploi du Val d'Aubrette", person="Mme Claire Ondet",
                tel="02 61 91 24 80", mail="clauses@mde-valdaubrette.fr"),
    "plie": dict(structure="PLIE de l'agglomération de Beaumarsac", person="M. Yannick Perrouin",
                 tel="05 36 49 11 62", mail="clauses.sociales@plie-beaumarsac.fr"),
    "cel": dict(structure="Cellule emploi-insertion de Lirande Métropole", person="Mme Samia Kerbrat",
                tel="03 53 01 47 09", mail="facilitation@lirande-metropole.fr"),
    "gip": dict(structure="GIP Emploi Haute-Ardaine", person="M. Loïc Vernadet",
                tel="01 99 00 63 25", mail="clause@gip-emploi-ardaine.fr"),
    "mdef": dict(structure="Maison de l'emploi et de la formation du Pays d'Ysore", person="Mme Hélène Barsac",
                 tel="04 65 71 38 14", mail="h.barsac@mdef-ysore.fr"),
    "dep": dict(structure="Service insertion du Département de la Maraise", person="M. Thomas Gréaume",
                tel="02 61 91 70 03", mail="insertion.marches@maraise.fr"),
}

BUY = {
    "ght": ("Groupement hospitalier de territoire Rives de l'Aubrette – établissement support : Centre "
            "hospitalier de Valmorin", "hopital"),
    "rect": ("Rectorat de l'académie de Beaumarsac", "etat"),
    "crous": ("CROUS de Lirande", "crous"),
    "pref": ("Préfecture de la Haute-Ardaine – Secrétariat général commun départemental (SGCD)", "etat"),
    "gra": ("Groupement régional d'achats hospitaliers Maraise-Loirette (GIP GRAHML), coordonnateur du "
            "groupement de commandes", "hopital"),
    "chu": ("Centre hospitalier universitaire de Sainte-Orbe", "hopital"),
    "chi": ("Centre hospitalier intercommunal du Val d'Ysore", "hopital"),
    "cc": ("Communauté de communes du Pays de Brenne-Orgère", "coll"),
    "oph": ("Loire-Ardaine Habitat, office public de l'habitat", "coll"),
    "dep": ("Département de la Maraise", "coll"),
}


def L(num, title, amount, trade, **kw):
    d = dict(num=num, title=title, amount=amount, trade=trade)
    d.update(kw)
    return d


TITLES = ["Promotion de l'emploi et lutte contre l'exclusion", "Action d'insertion professionnelle",
          "Condition d'exécution à caractère social",
          "Engagement en faveur de l'emploi des personnes éloignées de l'emploi", "Clause sociale d'insertion"]

SANS = ("Condition d'exécution à caractère social (clause sociale d'insertion) : sans objet, compte tenu "
        "du montant et de la nature des prestations.")

DEROG = ("L'acheteur ne prévoit pas de condition d'exécution à caractère social ou relative à l'emploi. "
         "Conformément à l'article L. 2112-2-1 du CCP, cette absence est justifiée : le besoin est satisfait "
         "par une solution immédiatement disponible sur le marché (fourniture de carburant en stations-service "
         "du réseau du titulaire, par cartes accréditives), sans aucune prestation exécutée par du personnel "
         "affecté au contrat, de sorte qu'une telle condition n'aurait pas de lien suffisant avec l'objet du "
         "marché.")


def F(name, key, fmt, kind, label=None, **kw):
    d = dict(name=name, key=key, fmt=fmt, kind=kind, label=label or name)
    d.update(kw)
    return d


CASES = []


def case(**kw):
    b = BUY[kw.pop("b")]
    kw.setdefault("buyer", b[0])
    kw.setdefault("buyer_kind", b[1])
    kw.setdefault("errs", {})
    kw.setdefault("review", kw["launch"] + dt.timedelta(days=3))
    CASES.append(kw)


# ============================================================== correct (01-12)
case(name="b12-01", b="ght", ref="GHT-RA-2026-031", objet="Prestations de nettoyage et de bionettoyage des "
     "locaux des établissements du GHT", nature="services", ccag="fcs", proc="appel d'offres ouvert",
     ac="bc", years=4, mode="year", lotfmt="Lot 0{n}", title=TITLES[0], fac=FAC["mde"], launch=D(2026, 9, 14),
     lots=[L("1", "Nettoyage des locaux de soins et d'hébergement", 380000, "nettoyage", cpv="90911200-8"),
           L("2", "Nettoyage des vitreries", 95000, "nettoyage", cpv="90911300-9")],
     rc_table="landscape", calc_xlsx=True, hsty="h00", sep="\u202f", refsty=1,
     desc="GHT, accord-cadre à bons de commande mono-attributaire, heures par an, RC PDF paysage à tableau "
          "réglé, AE en .xlsx, annexe xlsx de calcul à formules, rappel sur 4 ans",
     files=[F("RC_GHT-RA-2026-031.pdf", "rc", "pdf", "RC"), F("CCAP_GHT-RA-2026-031.docx", "ccap", "docx", "CCAP"),
            F("AE_GHT-RA-2026-031.xlsx", "ae", "xlsx", "AE", "Acte d'engagement (tableur)"),
            F("Annexe 3 - Tableau de calcul des heures d'insertion.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE",
              "Annexe n° 3 au CCAP – Tableau de calcul des heures d'insertion"),
            F("BPU_lot01.xlsx", "bpu", "xlsx", "BPU"), F("CCTP_nettoyage.pdf", "cctp", "pdf", "CCTP")])

case(name="b12-02", pen_in_general="5.2", b="rect", ref="RECT-BMS-26-014", objet="Travaux de rénovation et de mise en accessibilité "
     "du bâtiment C du rectorat", nature="travaux", ccag="travaux", proc="procédure adaptée", lotfmt="LOT N°{n} -",
     title=TITLES[1], fac=FAC["plie"], launch=D(2026, 10, 5), ccap_style="manual", refsty=2,
     lots=[L("1", "Gros œuvre – maçonnerie", 520000, "gros_oeuvre"),
           L("2", "Menuiseries extérieures", 260000, "menuiseries_exterieures"),
           L("3.1", "Plâtrerie – cloisons – faux plafonds", 225000, "platrerie"),
           L("3.2", "Peinture – revêtements muraux", 120000, "peinture"),
           L("4", "Ascenseur", 90000, "ascenseurs", covered=False)],
     desc="État (rectorat), travaux à sous-lots 3.1 / 3.2, CCAP ODT ancien à numérotation tapée et "
          "tabulations, lot ascenseur non concerné",
     files=[F("01_RC.docx", "rc", "docx", "RC"), F("02_CCAP.odt", "ccap", "odt", "CCAP"),
            F("03_AE.docx", "ae", "docx", "AE"), F("AAPC_BOAMP.pdf", "aapc", "pdf", "AAPC"),
            F("plan_niveau_RDC.png", "plan", "png", None)])

case(name="b12-03", b="crous", ref="CROUS-L-2026-22", objet="Travaux d'entretien et de petites réparations "
     "de plâtrerie et de peinture dans les résidences universitaires", nature="travaux", ccag="travaux",
     proc="appel d'offres ouvert", ac="ms", multi=True, years=4, mode="ms_tranche", title=TITLES[3],
     fac=FAC["cel"], launch=D(2026, 9, 28), refsty=0,
     lots=[L("unique", "Plâtrerie et peinture", 900000, "peinture")],
     desc="CROUS, accord-cadre multi-attributaire à marchés subséquents, 35 h par tranche de 50 000 € HT de "
          "chaque marché subséquent",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "lopdf", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("Avis_de_marche.pdf", "aapc", "pdf", "AAPC"), F("CCTP.odt", "cctp", "odt", "CCTP"),
            F("notes_service.txt", "notes", "txt", None)])

case(name="b12-04", b="pref", ref="SGCD-HA-2026-09", objet="Maintenance des extincteurs et des robinets "
     "d'incendie armés des sites de l'État", nature="services", ccag="fcs", proc="procédure adaptée",
     clause="sans", sans_text=SANS, fac=FAC["gip"], launch=D(2026, 10, 12),
     lots=[L("unique", "Maintenance des moyens de secours", 96000, "fournitures")],
     desc="État, 96 000 € HT sur 3 ans, « sans objet » sous le seuil de 140 000 € HT après le 21 août 2026",
     files=[F("RC_SGCD-HA-2026-09.pdf", "rc", "pdf", "RC"), F("CCAP_SGCD-HA-2026-09.docx", "ccap", "docx", "CCAP"),
            F("AE_SGCD-HA-2026-09.docx", "ae", "docx", "AE"), F("BPU.xlsx", "bpu", "xlsx", "BPU")])

case(name="b12-05", b="gra", ref="GRAHML-2026-EV-03", objet="Entretien des espaces verts des établissements "
     "membres du groupement", nature="services", ccag="fcs", proc="appel d'offres ouvert", ac="bc", years=4,
     mode="ac_total", lotfmt="Lot 0{n}", title=TITLES[2], fac=FAC["dep"], launch=D(2026, 11, 2),
     ccap_style="annex_end", calc_xlsx=True, hsty="hdot", refsty=3,
     sites=[("CH de Valmorin", "12 avenue des Acacias"), ("EHPAD Les Charmilles", "3 rue du Moulin"),
            ("CH de Saint-Aubrec", "route de Lorsac")],
     lots=[L("1", "Secteur nord", 420000, "espaces_verts_entretien"),
           L("2", "Secteur centre", 310000, "espaces_verts_entretien"),
           L("3", "Secteur sud", 185000, "espaces_verts_entretien")],
     desc="groupement régional d'achats, accord-cadre à bons de commande, heures pour toute la durée, "
          "clause en annexe 2 à la fin du CCAP, annexe xlsx de calcul",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.pdf", "ae", "pdf", "AE"),
            F("Annexe_calcul_heures_insertion.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE",
              "Annexe au CCAP – Tableau de calcul des heures d'insertion"),
            F("DQE.xlsx", "dqe", "xlsx", "DQE"), F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-06", b="chu", ref="CHU-SO-26-118", objet="Restructuration du service de médecine interne – "
     "bâtiment Lavoisier", nature="travaux", ccag="travaux", proc="appel d'offres ouvert", lotfmt="Lot 0{n}",
     title=TITLES[4], fac=FAC["mdef"], launch=D(2026, 9, 21), rc_table="landscape", calc_xlsx=True, sep="\u202f",
     rc_objet_extra=("Les travaux se déroulent en site occupé, le service restant ouvert pendant toute la durée "
                     "du chantier : ils sont phasés en quatre étapes, la première libérant l'aile nord, la "
                     "deuxième l'aile sud, la troisième les locaux du plateau de consultations et la dernière "
                     "les circulations et les locaux techniques. Le maître d'œuvre est le cabinet Arlequin "
                     "Architectes ; la mission de contrôle technique et la coordination SPS sont confiées à "
                     "des prestataires distincts. Une visite du site est conseillée ; elle a lieu les mardis "
                     "de 9 h 00 à 11 h 30 sur rendez-vous, le nombre de participants étant limité à deux "
                     "personnes par entreprise. Les entreprises prennent connaissance du plan de prévention "
                     "de l'établissement et des consignes d'hygiène propres aux services de soins, "
                     "notamment du protocole de confinement des poussières (classe ISO 7 pour les zones "
                     "à risque), avant toute intervention."),
     lots=[L("1", "Désamiantage – démolition", 240000, "demolition_desamiantage"),
           L("2", "Gros œuvre", 780000, "gros_oeuvre"),
           L("3", "Charpente métallique", 150000, "charpente_metallique", covered=False),
           L("4", "Couverture – étanchéité", 210000, "couverture_etancheite"),
           L("5", "Menuiseries intérieures", 175000, "menuiseries_interieures"),
           L("6", "Plâtrerie – isolation", 260000, "platrerie"),
           L("7", "Revêtements de sols", 140000, "revetements_sols"),
           L("8", "Peinture", 110000, "peinture"),
           L("9", "Électricité courants forts et faibles", 395000, "electricite"),
           L("10", "Plomberie – CVC", 520000, "plomberie_cvc"),
           L("11", "Ascenseurs", 130000, "ascenseurs", covered=False)],
     desc="CHU, 11 lots au tableau paysage réglé du RC (PDF, en-tête répété), total juste, annexe xlsx",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("Tableau de calcul des heures d'insertion.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE",
              "Tableau de calcul des heures d'insertion"),
            F("DPGF_Lot02.xlsx", "dpgf", "xlsx", "DPGF"), F("vue_aerienne.jpg", "plan", "jpg", None)])

case(name="b12-07", b="pref", ref="SGCD-HA-2026-17", objet="Fourniture de carburant par cartes accréditives "
     "pour les véhicules des services de l'État", nature="fournitures", ccag="fcs", proc="appel d'offres ouvert",
     ac="bc", years=4, annual=True, clause="derog", derog_text=DEROG, fac=FAC["gip"], launch=D(2026, 9, 30),
     lots=[L("unique", "Carburant par cartes accréditives", 120000, "fournitures")],
     desc="État au-dessus du seuil (480 000 € HT sur 4 ans) après le 21 août 2026, dérogation motivée",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "pdf", "CCAP"), F("AE.odt", "ae", "odt", "AE"),
            F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-08", b="chi", ref="CHIVY-2026-07", objet="Extension de l'EHPAD Les Peupliers", nature="travaux",
     ccag="travaux", proc="procédure adaptée", title=TITLES[1], fac=FAC["mdef"], launch=D(2026, 10, 19),
     ccap_style="manual", rc_criterion=True, refsty=1, lotfmt="lot n° {n}",
     lots=[L("1", "VRD", 230000, "vrd"), L("2", "Gros œuvre", 620000, "gros_oeuvre"),
           L("3", "Charpente bois", 180000, "charpente_bois"),
           L("4", "Menuiseries extérieures", 140000, "menuiseries_exterieures", covered=False),
           L("5", "Espaces verts", 70000, "espaces_verts_creation", reserved="L2113-12")],
     desc="centre hospitalier, RC et CCAP ODT à numérotation tapée, AE par lot, critère R. 2152-7 pondéré, "
          "lot réservé L.2113-12",
     files=[F("RC.odt", "rc", "odt", "RC"), F("CCAP.odt", "ccap", "odt", "CCAP"),
            F("AE_lot1.docx", "ae_lot", "docx", "AE", lot="1"), F("AE_lot2.docx", "ae_lot", "docx", "AE", lot="2"),
            F("AE_lot3.docx", "ae_lot", "docx", "AE", lot="3"), F("AE_lot4.docx", "ae_lot", "docx", "AE", lot="4"),
            F("AE_lot5.docx", "ae_lot", "docx", "AE", lot="5"), F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-09", b="rect", ref="RECT-BMS-26-031", objet="Travaux de maçonnerie, de gros œuvre et de "
     "réparations de génie civil sur les bâtiments des services académiques", nature="travaux", ccag="travaux",
     proc="appel d'offres ouvert", ac="ms", multi=True, years=4, mode="ac_total", title=TITLES[0],
     fac=FAC["plie"], launch=D(2026, 11, 9), hsty="h00", sep="\u202f", refsty=2,
     lots=[L("unique", "Maçonnerie – gros œuvre", 1400000, "gros_oeuvre")],
     desc="État, accord-cadre multi-attributaire à marchés subséquents, 1 050 h 00 pour tout l'accord-cadre, "
          "réparties entre marchés subséquents",
     files=[F("RC.pdf", "rc", "lopdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("AAPC.pdf", "aapc", "pdf", "AAPC"), F("CCTP.docx", "cctp", "docx", "CCTP")])

case(name="b12-10", pen_in_general="5.2", b="crous", ref="CROUS-L-2026-35", objet="Réhabilitation de la résidence universitaire "
     "Les Glycines", nature="travaux", ccag="travaux", proc="appel d'offres ouvert", title=TITLES[2],
     fac=FAC["cel"], launch=D(2026, 10, 26), ccap_style="annex_end", calc_xlsx=True, rc_table="simple",
     sites=[("Résidence Les Glycines", "8 allée des Tanneurs")],
     lots=[L("1", "Démolition", 160000, "demolition_desamiantage"), L("2", "Gros œuvre", 460000, "gros_oeuvre"),
           L("3.1", "Menuiseries intérieures", 150000, "menuiseries_interieures"),
           L("3.2", "Peinture", 170000, "peinture"), L("4", "Électricité", 220000, "electricite"),
           L("5", "Plomberie – sanitaires", 310000, "plomberie_cvc")],
     desc="CROUS, travaux à sous-lots, clause en annexe 2 à la fin du CCAP, annexe xlsx, AE PDF",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.pdf", "ae", "pdf", "AE"),
            F("Annexe 3 - calcul heures insertion.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE",
              "Annexe n° 3 – Tableau de calcul des heures d'insertion"), F("DPGF.xlsx", "dpgf", "xlsx", "DPGF")])

case(name="b12-11", b="cc", ref="CCPBO-2026-12", objet="Aménagement du bourg de Saint-Orgère", nature="travaux",
     ccag="travaux", proc="procédure adaptée", title=TITLES[4], fac=FAC["dep"], launch=D(2026, 9, 8),
     lots=[L("1", "VRD – voirie – réseaux", 540000, "vrd"),
           L("2", "Espaces verts", 135000, "espaces_verts_creation"),
           L("3", "Éclairage public", 75000, "electricite", covered=False)],
     desc="communauté de communes, dossier ordinaire (RC, CCAP PDF LibreOffice, AE, DPGF, plan, avis)",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "lopdf", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("DPGF_lot1.xlsx", "dpgf", "xlsx", "DPGF"), F("plan_de_situation.png", "plan", "png", None),
            F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-12", b="oph", ref="LAH-2026-044", objet="Réhabilitation thermique de la résidence Les Ormeaux",
     nature="travaux", ccag="travaux", proc="procédure adaptée", title=TITLES[0], fac=FAC["mde"],
     launch=D(2026, 11, 16), ccap_style="manual", hsty="h00", sep="\u202f",
     lots=[L("1", "Menuiseries extérieures", 720000, "menuiseries_exterieures"),
           L("2", "Chauffage – ventilation", 1800000, "plomberie_cvc")],
     desc="OPH, CCAP ODT à numérotation tapée, AE en .xlsx, « 1 050 h 00 » avec espace fine insécable",
     files=[F("RC.pdf", "rc", "lopdf", "RC"), F("CCAP.odt", "ccap", "odt", "CCAP"), F("AE.xlsx", "ae", "xlsx", "AE"),
            F("CCTP_lot2.pdf", "cctp", "pdf", "CCTP")])

# ============================================================== faulty (13-36)
case(name="b12-13", b="ght", ref="GHT-RA-2026-040", objet="Réfection des toitures du site de Valmorin",
     nature="travaux", ccag="travaux", proc="procédure adaptée", lotfmt="LOT N°{n} -", title=TITLES[0],
     fac=FAC["mde"], launch=D(2026, 10, 1),
     lots=[L("1", "Couverture – zinguerie", 460000, "couverture_etancheite"),
           L("2", "Charpente bois", 215000, "charpente_bois"), L("3", "Peinture des sous-faces", 100000, "peinture")],
     errs={"CS101": {}, "CS205": {"piece": "RC", "text": "La procédure adaptée est retenue, le montant estimé "
           "restant inférieur au seuil européen de 5 538 000 € HT applicable aux marchés de travaux."}},
     desc="CCAP sans article d'insertion (clause au RC, à l'AE et dans la fiche ODT) ; ancien seuil au RC",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "lopdf", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("Fiche_engagement_insertion.odt", "fiche", "odt", "ANNEXE_CLAUSE", "Fiche d'engagement insertion"),
            F("DPGF.xlsx", "dpgf", "xlsx", "DPGF"), F("plan_toiture.png", "plan", "png", None)])

case(name="b12-14", pen_in_general="5.2", b="crous", ref="CROUS-L-2026-41", objet="Nettoyage des parties communes des résidences "
     "universitaires", nature="services", ccag="fcs", proc="appel d'offres ouvert", ac="bc", years=4, mode="year",
     lotfmt="Lot 0{n}", title=TITLES[2], fac=FAC["cel"], launch=D(2026, 9, 16), sep="\u202f",
     lots=[L("1", "Résidence Les Tilleuls", 260000, "nettoyage"), L("2", "Résidence du Parc", 180000, "nettoyage")],
     errs={"CS102": {}, "CS306": {}},
     desc="RC muet sur la clause ; pas de pénalité par heure (retard des documents gardé) ; AE .xlsx",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.xlsx", "ae", "xlsx", "AE"),
            F("BPU.xlsx", "bpu", "xlsx", "BPU"), F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-15", b="pref", ref="SGCD-HA-2026-21", objet="Entretien des espaces verts des sites de l'État "
     "en Haute-Ardaine (3 ans)", nature="services", ccag="fcs", proc="appel d'offres ouvert", title=TITLES[1],
     fac=FAC["gip"], launch=D(2026, 10, 7), ccap_style="manual",
     lots=[L("1", "Préfecture", 160000, "espaces_verts_entretien"),
           L("2", "Sous-préfectures", 110000, "espaces_verts_entretien"),
           L("3", "Cité administrative", 240000, "espaces_verts_entretien")],
     errs={"CS103": {}, "CS201": {"piece": "CCAP", "text": "en application de l'article 38 de l'ordonnance "
           "n° 2015-899 du 23 juillet 2015 relative aux marchés publics"}},
     desc="AE sans rubrique d'insertion ni fiche ; fondement : art. 38 de l'ordonnance 2015-899 (CCAP ODT)",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.odt", "ccap", "odt", "CCAP"), F("AE.pdf", "ae", "pdf", "AE"),
            F("CCTP.pdf", "cctp", "pdf", "CCTP"), F("BPU.xlsx", "bpu", "xlsx", "BPU")])

case(name="b12-16", b="chu", ref="CHU-SO-26-131", objet="Rénovation de deux salles du bloc opératoire",
     nature="travaux", ccag="travaux", proc="appel d'offres ouvert", lotfmt="Lot 0{n}", title=TITLES[1],
     fac=FAC["mdef"], launch=D(2026, 11, 4), rc_table="landscape",
     lots=[L("1", "Plâtrerie – faux plafonds", 340000, "platrerie"), L("2", "Électricité", 480000, "electricite"),
           L("3", "Traitement d'air – CVC", 650000, "plomberie_cvc"),
           L("4", "Revêtements de sols", 200000, "revetements_sols")],
     errs={"CS104": {}, "CS302": {}, "CS903": {"piece": "CCAP", "how": "comment",
                                                "text": "À revoir avec la direction des travaux avant publication."}},
     desc="avis muet sur la clause ; aucun public éligible ; commentaire Word oublié dans le CCAP",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("AAPC.pdf", "aapc", "pdf", "AAPC"), F("CCTP.docx", "cctp", "docx", "CCTP"),
            F("photo_bloc.jpg", "plan", "jpg", None)])

case(name="b12-17", b="rect", ref="RECT-BMS-26-040", objet="Nettoyage des locaux des services académiques",
     nature="services", ccag="fcs", proc="appel d'offres ouvert", title=TITLES[3], fac=FAC["plie"],
     launch=D(2026, 9, 23), lots=[L("unique", "Nettoyage des locaux (3 ans)", 420000, "nettoyage")],
     errs={"CS105": {"removed": "ae"}, "CS204": {"piece": "RC", "word": "pe", "text": "Les candidats peuvent "
           "s'informer sur les publics éligibles auprès de l'agence Pôle emploi de Beaumarsac."}},
     desc="AE retiré (la fiche d'engagement porte les heures) ; « Pôle emploi » au RC",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "pdf", "CCAP"),
            F("Annexe_AE_engagement_insertion.docx", "fiche", "docx", "ANNEXE_CLAUSE", "Fiche d'engagement insertion"),
            F("BPU.xlsx", "bpu", "xlsx", "BPU"), F("notes.txt", "notes", "txt", None)])

case(name="b12-18", b="oph", ref="LAH-2026-051", objet="Réhabilitation de la résidence Les Aubépines",
     nature="travaux", ccag="travaux", proc="procédure adaptée", title=TITLES[4], fac=FAC["mde"],
     launch=D(2026, 10, 14), ccap_style="annex_end", calc_xlsx=True,
     sites=[("Résidence Les Aubépines", "14 rue Pasteur")],
     lots=[L("1", "Menuiseries extérieures", 380000, "menuiseries_exterieures"),
           L("2", "Peinture – revêtements muraux", 160000, "peinture"), L("3", "Électricité", 260000, "electricite")],
     errs={"CS201": {"piece": "RC-clause", "text": "Cette condition est prévue conformément à l'article 14 du "
           "Code des marchés publics."}, "CS403": {"lots": ["2"]}},
     desc="« article 14 du Code des marchés publics » au RC ; lot 2 à 4 fois le calcul partout",
     files=[F("RC.pdf", "rc", "lopdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("Tableau_calcul_heures.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE", "Tableau de calcul des heures d'insertion"),
            F("DPGF.xlsx", "dpgf", "xlsx", "DPGF")])

case(name="b12-19", b="gra", ref="GRAHML-2026-DE-05", objet="Collecte et traitement des déchets assimilés des "
     "établissements membres", nature="services", ccag="fcs", proc="appel d'offres ouvert", ac="bc", years=4,
     mode="year", lotfmt="Lot 0{n}", title=TITLES[2], fac=FAC["dep"], launch=D(2026, 10, 21),
     lots=[L("1", "Déchets assimilés aux ordures ménagères", 300000, "collecte_dechets"),
           L("2", "Cartons et papiers", 120000, "collecte_dechets")],
     errs={"CS202": {"piece": "CCAP", "text": "en application de l'article L. 2113-13 du CCP"}, "CS308": {},
           "CS301": {}},
     desc="clause fondée sur L. 2113-13 ; aucun nombre d'heures ; pas de pénalité de retard des documents",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.pdf", "ae", "pdf", "AE"),
            F("DQE.xlsx", "dqe", "xlsx", "DQE"), F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-20", b="chi", ref="CHIVY-2026-12", objet="Construction d'une unité de soins de suite",
     nature="travaux", ccag="travaux", proc="appel d'offres ouvert", lotfmt="Lot 0{n}", title=TITLES[0],
     fac=FAC["mdef"], launch=D(2026, 9, 9),
     lots=[L("1", "Gros œuvre", 900000, "gros_oeuvre"),
           L("2", "Charpente métallique", 120000, "charpente_metallique", covered=False),
           L("3", "Menuiseries intérieures", 190000, "menuiseries_interieures"),
           L("4", "Plomberie – chauffage", 350000, "plomberie_cvc")],
     errs={"CS203": {"where": "pieces", "text": "Le CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009."},
           "CS401": {"kind": "AE", "delta": {"1": 35}}, "CS901": {"file": "CCTP.docx"}},
     desc="CCAG-Travaux de 2009 aux pièces constitutives ; AE +35 h au lot 1 ; CCTP docx tronqué",
     files=[F("RC.odt", "rc", "odt", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.pdf", "ae", "pdf", "AE"),
            F("CCTP.docx", "cctp", "trunc", None), F("DPGF_lot1.xlsx", "dpgf", "xlsx", "DPGF")])

case(name="b12-21", b="dep", ref="DEP-M-2026-077", objet="Entretien et réparation des routes départementales",
     nature="travaux", ccag="travaux", proc="appel d'offres ouvert", ac="bc", years=4, mode="year",
     title=TITLES[4], fac=FAC["dep"], launch=D(2026, 11, 12),
     lots=[L("1", "Secteur nord", 420000, "vrd"), L("2", "Secteur sud", 380000, "vrd"),
           L("3", "Secteur est", 290000, "vrd")],
     errs={"CS204": {"piece": "CCAP", "word": "zus"}, "CS305": {}, "CS905": {"copy": "CCAP (copie).docx"}},
     desc="« ZUS » au CCAP ; aucun suivi ; CCAP en double (copie)",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"),
            F("CCAP (copie).docx", "ccap_copy", "copy", "CCAP", hidden=True), F("AE.docx", "ae", "docx", "AE"),
            F("BPU.xlsx", "bpu", "xlsx", "BPU"), F("plan_reseau.png", "plan", "png", None)])

case(name="b12-22", b="gra", ref="GRAHML-2026-MO-08", objet="Fourniture, installation et remise en service "
     "de mobilier pour les EHPAD du groupement", nature="fournitures", ccag="fcs", proc="appel d'offres ouvert",
     title=TITLES[1], fac=FAC["dep"], launch=D(2026, 10, 28), calc_xlsx=True,
     lots=[L("1", "Fourniture de mobilier", 260000, "fournitures", fixed=140),
           L("2", "Montage et installation du mobilier", 180000, "menuiseries_interieures"),
           L("3", "Nettoyage de remise en service", 95000, "nettoyage")],
     errs={"CS205": {"piece": "CCAP", "text": "Le montant estimé dépassant le seuil de 221 000 € HT, la "
           "procédure formalisée s'applique."}, "CS402": {"delta": 100}, "CS405": {"lots": ["1"]}},
     desc="ancien seuil de 221 000 € HT au CCAP ; total faux de 100 h ; 140 h sur la fourniture",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "pdf", "CCAP"), F("AE.xlsx", "ae", "xlsx", "AE"),
            F("Annexe - Tableau de calcul des heures d'insertion.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE",
              "Annexe – Tableau de calcul des heures d'insertion"), F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-23", b="rect", ref="RECT-BMS-26-052", objet="Maintenance des installations de chauffage et de "
     "ventilation des bâtiments académiques (4 ans)", nature="services", ccag="fcs", proc="appel d'offres ouvert",
     title=TITLES[2], fac=FAC["plie"], launch=D(2026, 10, 2), ccap_style="manual",
     lots=[L("1", "Chauffage – site du rectorat", 280000, "plomberie_cvc"),
           L("2", "Ventilation – centres d'examen", 220000, "plomberie_cvc")],
     errs={"CS301": {"lots": ["2"]}, "CS902": {"file": "BPU.pdf"}},
     desc="lot 2 « à préciser » ; BPU scanné",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.odt", "ccap", "odt", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("BPU.pdf", "bpu", "scan", None), F("CCTP.pdf", "cctp", "pdf", "CCTP")])

case(name="b12-24", b="crous", ref="CROUS-L-2026-48", objet="Réhabilitation de la résidence universitaire "
     "Les Sorbiers", nature="travaux", ccag="travaux", proc="appel d'offres ouvert", title=TITLES[3],
     fac=FAC["cel"], launch=D(2026, 11, 18), rc_table="landscape", calc_xlsx=True,
     lots=[L("1", "Désamiantage", 140000, "demolition_desamiantage"), L("2.1", "Plâtrerie", 230000, "platrerie"),
           L("2.2", "Peinture", 125000, "peinture"), L("3", "Électricité", 300000, "electricite")],
     errs={"CS101": {}, "CS404": {"lots": ["3"]}},
     desc="CCAP sans article d'insertion ; lot 3 absent du tableau de l'AE",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("Tableau de calcul des heures d'insertion.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE",
              "Tableau de calcul des heures d'insertion"),
            F("DPGF.xlsx", "dpgf", "xlsx", "DPGF"), F("plan_masse.png", "plan", "png", None)])

case(name="b12-25", b="ght", ref="GHT-RA-2026-055", objet="Fourniture de repas en liaison froide pour les "
     "EHPAD du GHT", nature="services", ccag="fcs", proc="appel d'offres ouvert", ac="bc", years=3, mode="year",
     title=TITLES[0], fac=FAC["mde"], launch=D(2026, 9, 17),
     lots=[L("unique", "Repas en liaison froide", 520000, "restauration")],
     errs={"CS303": {}, "CS904": {"file": "CR_reunion_preparation.docx"}},
     desc="aucune modalité de mise en œuvre ; compte rendu de réunion oublié",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "lopdf", "CCAP"), F("AE.odt", "ae", "odt", "AE"),
            F("CR_reunion_preparation.docx", "cr", "docx", None, hidden=True), F("AAPC.pdf", "aapc", "pdf", "AAPC"),
            F("BPU.xlsx", "bpu", "xlsx", "BPU")])

case(name="b12-26", b="pref", ref="SGCD-HA-2026-30", objet="Aménagement des bureaux de la cité administrative",
     nature="travaux", ccag="travaux", proc="procédure adaptée", title=TITLES[2], fac=FAC["gip"],
     launch=D(2026, 10, 9), rc_fac=False,
     lots=[L("1", "Fourniture de mobilier de bureau", 150000, "fournitures", fixed=105),
           L("2", "Cloisons – plâtrerie", 200000, "platrerie"), L("3", "Peinture", 105000, "peinture")],
     errs={"CS304": {}, "CS405": {"lots": ["1"]}, "CS302": {}},
     desc="aucun contact de facilitateur ; aucun public ; 105 h sur la fourniture de mobilier",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.pdf", "ae", "pdf", "AE"),
            F("CCTP.odt", "cctp", "odt", "CCTP"), F("DPGF.xlsx", "dpgf", "xlsx", "DPGF")])

case(name="b12-27", pen_in_general="5.2", b="dep", ref="DEP-M-2026-081", objet="Construction du centre d'exploitation routier de Lorsac",
     nature="travaux", ccag="travaux", proc="appel d'offres ouvert", title=TITLES[1], fac=FAC["dep"],
     launch=D(2026, 9, 24), lotfmt="Lot 0{n}",
     lots=[L("1", "VRD", 450000, "vrd"), L("2", "Gros œuvre", 640000, "gros_oeuvre"),
           L("3", "Charpente métallique – bardage", 170000, "charpente_metallique", covered=False),
           L("4", "Électricité", 215000, "electricite")],
     errs={"CS305": {}, "CS203": {"where": "clause", "text": "l'article 16.1 du CCAG-Travaux"}},
     desc="aucun suivi (ni pénalité de retard des documents) ; « article 16.1 du CCAG-Travaux »",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("AAPC.pdf", "aapc", "pdf", "AAPC"), F("DPGF_lot2.xlsx", "dpgf", "xlsx", "DPGF")])

case(name="b12-28", b="chu", ref="CHU-SO-26-140", objet="Entretien des espaces verts du CHU", nature="services",
     ccag="fcs", proc="appel d'offres ouvert", ac="bc", years=4, mode="year", title=TITLES[4], fac=FAC["mdef"],
     launch=D(2026, 10, 15), lots=[L("unique", "Entretien des espaces verts", 240000, "espaces_verts_entretien")],
     errs={"CS306": {}, "CS102": {}, "CS304": {"vague": True}},
     desc="pas de pénalité par heure ; RC muet ; facilitateur évoqué sans coordonnées",
     files=[F("RC.odt", "rc", "odt", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("BPU.xlsx", "bpu", "xlsx", "BPU"), F("plan_des_sites.jpg", "plan", "jpg", None)])

case(name="b12-29", b="gra", ref="GRAHML-2026-NE-11", objet="Nettoyage des locaux administratifs des "
     "établissements membres", nature="services", ccag="fcs", proc="appel d'offres ouvert", ac="ms", multi=True,
     years=4, mode="ac_total", lotfmt="Lot 0{n}", title=TITLES[2], fac=FAC["dep"], launch=D(2026, 11, 23),
     ccap_style="annex_end", sites=[("CH de Valmorin", "12 avenue des Acacias"), ("CH de Lorsac", "2 quai Neuf")],
     lots=[L("1", "Zone nord", 600000, "nettoyage"), L("2", "Zone sud", 460000, "nettoyage")],
     errs={"CS307": {"text": "une pénalité égale à 1,5 fois le SMIC horaire brut de 11,88 € (valeur 2025), soit "
           "17,82 € HT par heure d'insertion non réalisée"}, "CS103": {}},
     desc="pénalité figée sur le SMIC 2025 ; AE .xlsx sans engagement d'insertion",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.xlsx", "ae", "xlsx", "AE"),
            F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-30", b="crous", ref="CROUS-L-2026-57", objet="Travaux d'entretien de plâtrerie et de plomberie "
     "dans les résidences universitaires", nature="travaux", ccag="travaux", proc="appel d'offres ouvert",
     ac="ms", multi=True, years=4, mode="ms_tranche", title=TITLES[1], fac=FAC["cel"], launch=D(2026, 9, 29),
     lots=[L("1", "Plâtrerie – peinture", 600000, "platrerie"), L("2", "Plomberie – sanitaires", 400000, "plomberie_cvc")],
     errs={"CS308": {}, "CS104": {}, "CS905": {"v1": "RC_v1.pdf", "v2": "RC_v2.pdf"}},
     desc="pas de pénalité de retard des documents ; avis muet ; RC_v1 / RC_v2",
     files=[F("RC_v1.pdf", "rc", "pdf", "RC", version="Version 1 du 14/09/2026"),
            F("RC_v2.pdf", "rc", "pdf", "RC", version="Version 2 du 25/09/2026", hidden=True),
            F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"), F("AAPC.pdf", "aapc", "pdf", "AAPC"),
            F("CCTP.pdf", "cctp", "pdf", "CCTP")])

case(name="b12-31", b="ght", ref="GHT-RA-2026-062", objet="Extension du laboratoire de biologie médicale",
     nature="travaux", ccag="travaux", proc="appel d'offres ouvert", lotfmt="Lot 0{n}", title=TITLES[3],
     fac=FAC["mde"], launch=D(2026, 10, 20), ccap_style="manual", calc_xlsx=True,
     lots=[L("1", "Gros œuvre", 560000, "gros_oeuvre"), L("2", "Plâtrerie", 250000, "platrerie"),
           L("3", "Électricité", 235000, "electricite")],
     errs={"CS401": {"kind": "AE", "delta": {"1": 35}}, "CS105": {"removed": "rc"}},
     desc="RC retiré (l'avis est daté) ; AE du lot 1 à +35 h",
     files=[F("CCAP.odt", "ccap", "odt", "CCAP"), F("AE_Lot01.docx", "ae_lot", "docx", "AE", lot="1"),
            F("AE_Lot02.docx", "ae_lot", "docx", "AE", lot="2"), F("AE_Lot03.docx", "ae_lot", "docx", "AE", lot="3"),
            F("AAPC.pdf", "aapc", "pdf", "AAPC"), F("CCTP.pdf", "cctp", "pdf", "CCTP"),
            F("Tableau calcul heures insertion.xlsx", "calc", "xlsx", "ANNEXE_CLAUSE", "Tableau de calcul des heures")])

case(name="b12-32", b="pref", ref="SGCD-HA-2026-36", objet="Nettoyage des locaux des services de l'État (4 ans)",
     nature="services", ccag="fcs", proc="appel d'offres ouvert", title=TITLES[0], fac=FAC["gip"],
     launch=D(2026, 11, 5), rc_table="landscape", hsty="H",
     lots=[L("1", "Cité administrative", 380000, "nettoyage"), L("2", "Préfecture", 290000, "nettoyage"),
           L("3", "Sous-préfectures", 155000, "nettoyage")],
     errs={"CS402": {"delta": 100}, "CS303": {}},
     desc="total du CCAP faux de 100 h ; aucune modalité",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("BPU.xlsx", "bpu", "xlsx", "BPU"),
            F("Fiche_engagement.pdf", "fiche", "pdf", "ANNEXE_CLAUSE", "Fiche d'engagement insertion")])

case(name="b12-33", b="cc", ref="CCPBO-2026-19", objet="Aménagement de la traversée du bourg de Lorsac",
     nature="travaux", ccag="travaux", proc="procédure adaptée", title=TITLES[4], fac=FAC["dep"],
     launch=D(2026, 10, 13),
     lots=[L("1", "VRD – voirie", 620000, "vrd"), L("2", "Espaces verts", 140000, "espaces_verts_creation"),
           L("3", "Signalisation", 90000, "vrd", covered=False)],
     errs={"CS403": {"lots": ["1"]}, "CS904": {"file": "notes_internes_relecture.txt"},
           "CS202": {"piece": "CCAP", "text": "sur le fondement de l'art. R. 2152-7 du CCP"}},
     desc="lot 1 à 4 fois le calcul ; notes internes oubliées ; clause fondée sur R. 2152-7",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.pdf", "ccap", "lopdf", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("DPGF.xlsx", "dpgf", "xlsx", "DPGF"), F("notes_internes_relecture.txt", "notes", "txt", None, hidden=True),
            F("plan_traversee.png", "plan", "png", None)])

case(name="b12-34", b="chu", ref="CHU-SO-26-152", objet="Désamiantage et démolition du bâtiment B",
     nature="travaux", ccag="travaux", proc="appel d'offres ouvert", lotfmt="Lot 0{n}", title=TITLES[2],
     fac=FAC["mdef"], launch=D(2026, 11, 25), ccap_style="manual",
     lots=[L("1", "Désamiantage", 420000, "demolition_desamiantage"), L("2", "Démolition", 260000, "demolition_desamiantage"),
           L("3", "Reprises de gros œuvre", 195000, "gros_oeuvre")],
     errs={"CS404": {"lots": ["2"]}, "CS307": {"text": "une pénalité par heure d'insertion non réalisée, dont le "
           "montant sera fixé ultérieurement par l'acheteur"}, "CS901": {"file": "DPGF.pdf"}},
     desc="lot 2 absent de l'AE ; montant de pénalité « fixé ultérieurement » ; DPGF PDF chiffré",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.odt", "ccap", "odt", "CCAP"), F("AE.pdf", "ae", "pdf", "AE"),
            F("DPGF.pdf", "dpgf", "enc", None), F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-35", b="pref", ref="SGCD-HA-2026-41", objet="Prestations d'accueil et de gardiennage des sites "
     "de la préfecture (3 ans)", nature="services", ccag="fcs", proc="appel d'offres ouvert", clause="sans",
     sans_text="Clause sociale d'insertion : sans objet.", fac=FAC["gip"], launch=D(2026, 10, 6),
     lots=[L("unique", "Accueil et gardiennage", 380000, "fournitures")],
     errs={"CS501": {}, "CS903": {"piece": "RC", "how": "comment", "text": "Faut-il une clause ? à voir"}},
     desc="État, 380 000 € HT après le 21 août 2026, « sans objet » sans justification ; commentaire au RC",
     files=[F("RC.docx", "rc", "docx", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.docx", "ae", "docx", "AE"),
            F("AAPC.pdf", "aapc", "pdf", "AAPC")])

case(name="b12-36", b="rect", ref="RECT-BMS-26-060", objet="Location et maintenance de copieurs multifonctions "
     "(4 ans)", nature="services", ccag="fcs", proc="appel d'offres ouvert", clause="none", fac=FAC["plie"],
     launch=D(2026, 11, 10), lots=[L("unique", "Copieurs multifonctions", 290000, "fournitures")],
     errs={"CS501": {}, "CS902": {"file": "CCTP.pdf"}},
     desc="État, 290 000 € HT après le 21 août 2026, rien sur l'emploi ; CCTP scanné",
     files=[F("RC.pdf", "rc", "pdf", "RC"), F("CCAP.docx", "ccap", "docx", "CCAP"), F("AE.odt", "ae", "odt", "AE"),
            F("CCTP.pdf", "cctp", "scan", None), F("BPU.xlsx", "bpu", "xlsx", "BPU")])
