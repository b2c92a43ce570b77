"""The 36 consultations of the fifth blind corpus (sealed half only).

Each case: buyer, nature, lots (amount per year for an accord-cadre, trade key of hours.md),
dates, drafting habits, files (role -> (file name, format)) and `errs`, the planted errors.
Buyers, facilitators, people and phone numbers are invented (numbers in the ranges reserved
for fiction: 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49)."""

PEN_SMIC15 = dict(hour=("smic", "1,5"), late=("semaine", 150))
PEN_SMIC2 = dict(hour=("smic", "deux"), late=("semaine", 200))


def L(n, title, amount, trade, label=None, **kw):
    d = dict(n=n, title=title, amount=amount, trade=trade)
    if label:
        d["label"] = label
    d.update(kw)
    return d


def U(title, amount, trade):
    return [dict(n="unique", title=title, amount=amount, trade=trade)]


FAC = {
    "plie_ardoise": dict(struct="PLIE Loir-et-Ardoise", team="pôle entreprises", person="Mme Aurore Lenfant",
                         tel="02 61 91 47 20", mail="clauses@plie-loir-ardoise.fr"),
    "dep_landiers": dict(struct="Département des Landiers", team="mission Clauses sociales et emploi",
                         person="M. Karim Ouazzani", tel="02 61 91 73 05", mail="clauses.sociales@landiers.fr"),
    "mde_3v": dict(struct="Maison de l'emploi et de la formation des Trois Vallées", team="service clauses",
                   person="Mme Élodie Carrié", tel="05 36 49 21 87", mail="facilitation@mef-troisvallees.fr"),
    "plie_sienne": dict(struct="PLIE du Pays de Sienne", person="M. Thibaut Gosselin", tel="02 61 91 30 64",
                        mail="t.gosselin@plie-sienne.fr"),
    "guichet_lizon": dict(struct="Guichet départemental des clauses sociales du Haut-Lizon",
                          mail="guichet.clauses@haut-lizon-emploi.fr",
                          web="https://www.haut-lizon-emploi.fr/clauses", guichet=True),
    "plie_bocage": dict(struct="PLIE des Marches du Bocage", person="M. Julien Maréchal", tel="02 61 91 58 04",
                        mail="clauses@plie-bocage.fr"),
    "mde_abers": dict(struct="Maison de l'emploi du Pays des Abers", team="pôle clauses sociales",
                      person="Mme Gwenola Le Bihan", tel="02 61 91 84 12", mail="clauses@mde-abers.fr"),
    "dep_vezere": dict(struct="Département de la Haute-Vézère", team="direction de l'insertion, équipe Clauses "
                                                                     "et emploi",
                       tel="05 36 49 60 10", mail="equipe.clauses@haute-vezere.fr"),
    "plie_marais": dict(struct="PLIE Estuaire et Marais", person="Mme Inès Barbotin", tel="02 61 91 66 41",
                        mail="ines.barbotin@plie-estuaire-marais.fr"),
    "plie_lys": dict(struct="PLIE Sèvre et Lys", team="cellule clauses", person="M. Antoine Rivalland",
                     tel="05 36 49 33 70", mail="cellule.clauses@plie-sevre-lys.fr"),
    "mde_isole": dict(struct="Maison de l'emploi du Pays d'Isole", person="Mme Maëlle Tanguy",
                      tel="02 61 91 20 96", mail="m.tanguy@mde-isole.fr"),
    "plie_lizon": dict(struct="PLIE du Pays de Lizon", person="M. Samuel Petitjean", tel="03 53 01 44 18",
                       mail="clauses@plie-lizon.fr"),
    "mde_morin": dict(struct="Maison de l'emploi Marne-et-Morin", team="service facilitation",
                      tel="01 99 00 52 31", mail="facilitation@mde-marne-morin.fr"),
    "guichet_alencay": dict(struct="Alençay-Métropole Emploi – guichet des clauses",
                            mail="clauses@alencay-emploi.fr", web="https://emploi.alencay-metropole.fr/clauses",
                            guichet=True),
    "plie_ternois": dict(struct="PLIE du Haut-Ternois", person="Mme Claire Vandenbussche", tel="03 53 01 27 59",
                         mail="clauses@plie-haut-ternois.fr"),
    "mde_lorvennec": dict(struct="Maison de l'emploi de Lorvennec", person="M. Yann Kerdraon",
                          tel="02 61 91 11 38", mail="y.kerdraon@mde-lorvennec.fr"),
    "dep_combe": dict(struct="Département du Doubs-Combe", team="service Insertion, unité clauses",
                      tel="03 53 01 90 22", mail="unite.clauses@doubs-combe.fr"),
    "plie_vernois": dict(struct="PLIE du Grand Vernois", person="Mme Sophie Aubertin", tel="01 99 00 73 46",
                         mail="clauses@plie-grand-vernois.fr"),
    "mde_couesnon": dict(struct="Maison de l'emploi des Rives du Couesnon", person="M. Loïc Hamelin",
                         tel="02 61 91 52 77", mail="clauses@mde-couesnon.fr"),
    "plie_ourse": dict(struct="PLIE de la Vallée de l'Ourse", person="Mme Chantal Ribeiro", tel="04 65 71 18 33",
                       mail="clauses@plie-ourse.fr"),
    "mde_loue": dict(struct="Maison de l'emploi Loue-Lison", person="M. Damien Pourchet", tel="03 53 01 63 08",
                     mail="d.pourchet@mde-loue-lison.fr"),
    "guichet_hautes_terres": dict(struct="Région Hautes-Terres – guichet Clauses sociales",
                                  mail="clauses.sociales@hautes-terres.fr",
                                  web="https://www.hautes-terres.fr/clauses-sociales", guichet=True),
    "plie_aubance": dict(struct="PLIE Sèvre-Aubance", person="Mme Hélène Gaborit", tel="02 61 91 95 20",
                         mail="clauses@plie-sevre-aubance.fr"),
    "mde_bauges": dict(struct="Maison de l'emploi des Bauges", person="M. Rémi Chappaz", tel="04 65 71 52 64",
                       mail="clauses@mde-bauges.fr"),
    "plie_save": dict(struct="PLIE Save-et-Garonne", team="pôle clauses", person="Mme Laure Castéran",
                      tel="05 36 49 77 15", mail="pole.clauses@plie-save-garonne.fr"),
    "mde_aulne": dict(struct="Maison de l'emploi de la Haute-Aulne", person="M. Erwan Le Goff",
                      tel="02 61 91 39 90", mail="clauses@mde-haute-aulne.fr"),
    "plie_sarre": dict(struct="PLIE du Val de Sarre", person="Mme Nadia Hamdani", tel="03 53 01 81 47",
                       mail="n.hamdani@plie-val-sarre.fr"),
    "plie_meuse": dict(struct="PLIE Val de Meuse", person="M. Jérôme Collignon", tel="03 53 01 58 26",
                       mail="clauses@plie-val-de-meuse.fr"),
    "mde_aygues": dict(struct="Maison de l'emploi du Pays d'Aygues", person="Mme Fanny Roubaud",
                       tel="04 65 71 64 09", mail="clauses@mde-aygues.fr"),
    "plie_penthievre": dict(struct="PLIE Arguenon-Penthièvre", person="M. Gaël Rouxel", tel="02 61 91 42 58",
                            mail="clauses@plie-arguenon.fr"),
}


def F(key, **kw):
    d = dict(FAC[key])
    d.update(kw)
    return d


CASES = [
    # ------------------------------------------------------------------ 01
    dict(name="b5-01-port-lauzach-vitrerie", description=(
        "Vitrerie, lot unique ; clause entièrement dans une annexe que le CCAP ne mentionne pas (CS101) ; visa "
        "du CCAP en note de bas de page citant l'ordonnance 2015-899 (CS201) ; « Pôle emploi » dans l'annexe "
        "(CS204)."),
        buyer="Ville de Port-Lauzach", nature="services", unique=True, duree="vingt-quatre mois",
        objet="le nettoyage des vitres et surfaces vitrées des bâtiments communaux",
        lots=U("Nettoyage des vitres", 160_000, "nettoyage"), launch="2026-06-08", review="2026-11-18",
        fac=F("mde_isole"), pen=dict(hour=("fixe", 40, None), late=("semaine", 100)), layout="flat",
        clause_in="annex", rc_where="à l'annexe « Clause sociale d'insertion » jointe au dossier",
        ccap_visa_note="Ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics, article 38.",
        files=dict(rc=("01_RC.docx", "docx"), ccap=("02_CCAP.docx", "docx"), ae=("03_AE.docx", "docx"),
                   annex=("04_Annexe_clause_sociale.docx", "docx")),
        rc_hours=True, traps=["horaires_6_9"],
        errs=[dict(code="CS101"),
              dict(code="CS201", role="ccap", text="ordonnance n° 2015-899, article 38 (note de bas de page du CCAP)"),
              dict(code="CS204", role="annex", where="publics", text="Pôle emploi")]),
    # ------------------------------------------------------------------ 02
    dict(name="b5-02-haute-vezere-demenagement", description=(
        "Correct. Département, déménagement des services vers le nouvel hôtel du Département, lot unique, "
        "280 H ; CCAP ODT à titres romains ; facilitateur = équipe nommée du Département ; notes .txt."),
        buyer="Département de la Haute-Vézère", nature="services", unique=True, duree="dix mois",
        objet="le déménagement des services départementaux vers le nouvel hôtel du Département",
        lots=U("Déménagement et transfert des services", 260_000, "demenagement"),
        launch="2026-09-07", review="2026-11-20", fac=F("dep_vezere"), pen=PEN_SMIC15, layout="roman",
        hstyle="plain", hunit=" H",
        files=dict(rc=("RC_2026-041.docx", "docx"), ccap=("CCAP_2026-041.odt", "odt"),
                   ae=("AE_2026-041.docx", "docx"), notes=("notes_preparation.txt", "txt")),
        traps=["ref_marche"], ref_person="Mme Sandrine Quéméner", ref_mail="commande.publique@haute-vezere.fr",
        domain="haute-vezere.fr", errs=[]),
    # ------------------------------------------------------------------ 03
    dict(name="b5-03-loir-ardoise-proprete", description=(
        "Correct. Groupement de commandes (agglomération coordonnatrice, une ville, un CCAS), accord-cadre de "
        "nettoyage sur 4 ans, 3 lots dont une fourniture non concernée ; CCAP à titres romains en numérotation "
        "automatique Word ; pénalités dans l'article général auquel la clause renvoie ; horaires 6 h – 9 h, "
        "35 heures hebdomadaires, seuil de 216 000 € HT cité ; avis qui renvoie au CCAP ; total sur la durée "
        "écrit « 1.480 »."),
        buyer="Communauté d'agglomération Loir-et-Ardoise", nature="services", ac=4,
        grp=dict(coord="la Communauté d'agglomération Loir-et-Ardoise",
                 members=["la Ville de Montreuil-sur-Thouet", "le CCAS de Loir-et-Ardoise"]),
        objet="le nettoyage et l'entretien courant des locaux des membres du groupement",
        lots=[L("1", "Locaux administratifs et culturels", 260_000, "nettoyage"),
              L("2", "Équipements sportifs et piscine", 150_000, "nettoyage"),
              L("3", "Fourniture de produits et consommables d'hygiène", 60_000, "fournitures")],
        launch="2026-09-21", review="2026-11-26", fac=F("plie_ardoise"),
        pen=dict(hour=("smic", "1,5"), late=("semaine", 150), where="general"), layout="roman", autonum=True,
        tstyle="dot", total_row=True,
        files=dict(rc=("RC.pdf", "pdf"), ccap=("CCAP.docx", "docx"), ae=("AE.docx", "docx"),
                   avis=("Avis_de_marche.pdf", "soffice"), bpu=("BPU_lots_1-3.xlsx", "xlsx")),
        traps=["horaires_6_9", "hebdo_35", "seuil_216"], ta="Nantes", errs=[]),
    # ------------------------------------------------------------------ 04
    dict(name="b5-04-rives-couesnon-repas", description=(
        "Restauration scolaire, accord-cadre 3 ans ; pas d'acte d'engagement, la fiche d'engagement porte les "
        "heures (CS105) ; aucune obligation de suivi (CS305, d'où CS308)."),
        buyer="Commune nouvelle de Rives-du-Couesnon", nature="services", ac=3, unique=True,
        objet="la fabrication et la livraison de repas pour les restaurants scolaires",
        lots=U("Fourniture et livraison de repas", 260_000, "restauration"), launch="2026-06-29",
        review="2026-11-19", fac=F("mde_couesnon"), pen=dict(hour=("fixe", 30, None)), layout="flat",
        files=dict(rc=("RC.pdf", "pdf"), ccap=("CCAP.docx", "docx"),
                   annex=("Fiche_engagement_insertion.docx", "docx")),
        traps=["livraison_11h"],
        errs=[dict(code="CS105", missing="acte d'engagement (la fiche d'engagement porte les heures)"),
              dict(code="CS305")]),
    # ------------------------------------------------------------------ 05
    dict(name="b5-05-pays-lizon-zones-activites", description=(
        "Espaces verts des zones d'activités, accord-cadre 3 ans, 2 lots ; CCAP à trois niveaux ; clause fondée "
        "sur R2152-7 (CS202) ; seule la pénalité de retard des documents existe (CS306)."),
        buyer="Communauté de communes du Pays de Lizon", nature="services", ac=3,
        objet="l'entretien des espaces verts des zones d'activités communautaires",
        lots=[L("1", "Tonte et entretien des pelouses", 90_000, "espaces_verts_entretien"),
              L("2", "Taille des haies et élagage", 70_000, "espaces_verts_entretien")],
        launch="2026-09-02", review="2026-11-25", fac=F("plie_lizon"), pen=dict(late=("jour", 50)),
        layout="three", autonum=True,
        files=dict(rc=("RC_espaces_verts.pdf", "pdf"), ccap=("CCAP_espaces_verts.docx", "docx"),
                   ae=("AE_espaces_verts.docx", "docx")),
        errs=[dict(code="CS202", role="ccap", text="article R2152-7 du code de la commande publique"),
              dict(code="CS306")]),
    # ------------------------------------------------------------------ 06
    dict(name="b5-06-saint-joachim-linge", description=(
        "Correct. CCAS, location-entretien du linge des EHPAD, accord-cadre 4 ans ; CCATP unique (Word, "
        "chapitres) ; 165 heures par an, 660 sur la durée ; PLIE ; métier hors table (CS403 facultatif)."),
        buyer="CCAS de Saint-Joachim-des-Marais", nature="services", ac=4, unique=True, ccatp=True,
        objet="la location et l'entretien du linge plat et des tenues des EHPAD",
        lots=U("Blanchisserie", 180_000, "blanchisserie"), launch="2026-10-26", review="2026-12-10",
        fac=F("plie_marais"), pen=dict(hour=("fixe", 25, "8 %"), late=("document", 80)), layout="chapitre",
        autonum=True, tech="Le linge est collecté deux fois par semaine et restitué sous 72 heures, plié et "
                           "conditionné par unité de soins.",
        files=dict(rc=("Reglement_consultation.pdf", "soffice"), ccap=("CCATP_blanchisserie.docx", "docx"),
                   ae=("Acte_engagement.docx", "docx")),
        traps=[], errs=[]),
    # ------------------------------------------------------------------ 07
    dict(name="b5-07-saint-aubin-espaces-verts", description=(
        "Correct. Commune, espaces verts et cimetières, lots A / B / C (C sous le minimum) ; CCATP unique en "
        "ODT ; pénalité de 35 € par heure manquante plafonnée ; retard des documents par semaine ; facilitateur "
        "du Département ; plan .png."),
        buyer="Commune de Saint-Aubin-des-Landiers", nature="services", ccatp=True, duree="vingt-quatre mois",
        objet="l'entretien des espaces verts, des squares et des cimetières communaux",
        lots=[L("A", "Parcs et squares", 140_000, "espaces_verts_entretien", label="Lot A"),
              L("B", "Cimetières", 65_000, "espaces_verts_entretien", label="Lot B"),
              L("C", "Fauchage des accotements", 40_000, "espaces_verts_entretien", label="Lot C")],
        launch="2026-05-18", review="2026-11-30", fac=F("dep_landiers"),
        pen=dict(hour=("fixe", 35, "5 %"), late=("semaine", 120)), layout="plain",
        files=dict(rc=("RC_Saint-Aubin.pdf", "pdf"), ccap=("CCATP_Saint-Aubin.odt", "odt"),
                   ae=("ATTRI1_Saint-Aubin.pdf", "soffice"), plan=("plan_cimetieres.png", "png")),
        ae_kind="attri1", rc_hours=True, rc_fac=True, errs=[]),
    # ------------------------------------------------------------------ 08
    dict(name="b5-08-vallee-ourse-encombrants", description=(
        "Collecte des encombrants et déchets verts, lot unique, 2 ans ; aucun nombre d'heures nulle part "
        "(CS301) ; dispense de 40 000 € HT citée (CS205)."),
        buyer="Syndicat intercommunal d'enlèvement des ordures ménagères de la Vallée de l'Ourse",
        nature="services", unique=True, duree="deux ans",
        objet="la collecte en porte-à-porte des encombrants et des déchets verts",
        lots=U("Collecte des encombrants et déchets verts", 210_000, "collecte_dechets"),
        launch="2026-09-30", review="2026-12-08", fac=F("plie_ourse"), pen=PEN_SMIC2, layout="plain",
        files=dict(rc=("RC.docx", "docx"), ccap=("CCAP.pdf", "soffice"), ae=("AE.docx", "docx")),
        errs=[dict(code="CS301"),
              dict(code="CS205", role="rc", text="Pour mémoire, seuls les besoins inférieurs à 40 000 € HT "
                                                 "peuvent être passés sans publicité ni mise en concurrence ; "
                                                 "tel n'est pas le cas de la présente consultation.")]),
    # ------------------------------------------------------------------ 09
    dict(name="b5-09-marne-morin-liaison-froide", description=(
        "Restauration collective, accord-cadre 4 ans, lot unique ; CCAG-FCS du 19 janvier 2009 cité (CS203) ; "
        "seuil de 221 000 € HT dans le RC (CS205) ; commentaire Word dans le RC (CS903)."),
        buyer="Syndicat intercommunal de restauration collective Marne-et-Morin", nature="services", ac=4,
        unique=True, objet="la fourniture de repas en liaison froide pour les écoles et les centres de loisirs",
        lots=U("Repas en liaison froide", 350_000, "restauration"), launch="2026-10-01", review="2026-12-02",
        fac=F("mde_morin"), pen=dict(hour=("smic", "1,5"), late=("jour", 40)), layout="plain",
        files=dict(rc=("RC_liaison_froide.docx", "docx"), ccap=("CCAP_liaison_froide.odt", "odt"),
                   ae=("AE_liaison_froide.pdf", "pdf")),
        traps=["livraison_11h"],
        errs=[dict(code="CS203", role="ccap", where="pieces",
                   text="le CCAG des marchés de fournitures courantes et de services approuvé par l'arrêté du "
                        "19 janvier 2009"),
              dict(code="CS205", role="rc", text="La valeur estimée dépassant le seuil européen de 221 000 € HT, "
                                                 "la consultation est passée par appel d'offres ouvert."),
              dict(code="CS903", role="rc", how="comment", offset=1,
                   text="Relire ce paragraphe avec le service juridique avant la mise en ligne.")]),
    # ------------------------------------------------------------------ 10
    dict(name="b5-10-sevre-lys-toitures", description=(
        "Correct. Office public de l'habitat, toitures et façades, lots « Lot n° 01 » à « Lot n° 03 » ; clause "
        "entièrement dans l'annexe au CCAP, le CCAP y renvoie ; RC et avis qui annoncent la clause ; AE par lot "
        "en PDF."),
        buyer="Habitat Sèvre et Lys (office public de l'habitat)", nature="travaux",
        objet="la réfection des toitures et le ravalement des façades de la résidence Les Tilleuls",
        lots=[L("1", "Couverture – zinguerie", 380_000, "couverture_etancheite", label="Lot n° 01"),
              L("2", "Ravalement – peinture des façades", 290_000, "peinture", label="Lot n° 02"),
              L("3", "Menuiseries extérieures", 210_000, "menuiseries_exterieures", label="Lot n° 03")],
        launch="2026-09-14", review="2026-11-27", fac=F("plie_lys"), pen=PEN_SMIC2, layout="flat",
        clause_in="annex", duree="huit mois",
        files=dict(rc=("RC.docx", "docx"), ccap=("CCAP.pdf", "soffice"),
                   annex=("Annexe_1_CCAP_clause_insertion.docx", "docx"), avis=("AAPC.pdf", "pdf")),
        ae_perlot=True,
        errs=[]),
    # ------------------------------------------------------------------ 11
    dict(name="b5-11-trois-vallees-restauration", description=(
        "Correct. SIVU de restauration scolaire, accord-cadre 3 ans, lot unique ; CCAP à trois niveaux avec "
        "références légales en notes de bas de page ; AE où le candidat inscrit ses heures (minimum 315 par "
        "an) ; livraison avant 11 h 15, délai d'intervention de 4 heures, 26 ans ; RC ODT."),
        buyer="SIVU de restauration scolaire des Trois Vallées", nature="services", ac=3, unique=True,
        objet="la confection et la livraison de repas en liaison chaude pour les écoles du syndicat",
        lots=U("Restauration scolaire", 420_000, "restauration"), launch="2026-10-05", review="2026-12-03",
        fac=F("mde_3v"), pen=dict(hour=("smic", "1,5"), late=("semaine", 100), where="general"),
        layout="three", autonum=True, footnotes=True, ae_kind="fill",
        files=dict(rc=("RC_restauration.odt", "odt"), ccap=("CCAP_restauration.docx", "docx"),
                   ae=("AE_restauration.docx", "docx")),
        traps=["livraison_11h", "delai_4h"], errs=[]),
    # ------------------------------------------------------------------ 12
    dict(name="b5-12-montfaucon-gymnase", description=(
        "Gymnase, 4 lots de travaux ; le lot 2 (charpente métallique) est couvert sans nombre d'heures "
        "(CS301 lot 2) ; modification suivie dans le CCAP (CS903) ; plan .png."),
        buyer="Ville de Montfaucon-sur-Loue", nature="travaux", duree="quatorze mois",
        objet="la construction d'un gymnase de type C",
        lots=[L("1", "Gros œuvre", 820_000, "gros_oeuvre"),
              L("2", "Charpente métallique", 360_000, "charpente_metallique"),
              L("3", "Couverture – étanchéité", 240_000, "couverture_etancheite"),
              L("4", "Plomberie – chauffage – ventilation", 280_000, "plomberie_cvc")],
        launch="2026-07-13", review="2026-11-26", fac=F("mde_loue"), pen=PEN_SMIC2, layout="flat",
        files=dict(rc=("RC_gymnase.pdf", "pdf"), ccap=("CCAP_gymnase.docx", "docx"), ae=("AE_gymnase.docx", "docx"),
                   dpgf=("DPGF_gymnase.xlsx", "xlsx"), plan=("plan_masse_gymnase.png", "png")),
        errs=[dict(code="CS301", lot="2"),
              dict(code="CS903", role="ccap", how="tracked", offset=3, ins="quatorze mois", **{"del": "douze mois"})]),
    # ------------------------------------------------------------------ 13
    dict(name="b5-13-alencay-collecte", description=(
        "Collecte des déchets, accord-cadre 4 ans, 2 lots ; « DIRECCTE » dans le CCAP (CS204) et « ZUS » dans "
        "le RC (CS204) ; heures du lot 2 : 285 au CCAP, 185 à l'AE (CS401) ; facilitateur = guichet."),
        buyer="Communauté urbaine d'Alençay-Métropole", nature="services", ac=4,
        objet="la collecte des déchets ménagers et assimilés",
        lots=[L("1", "Collecte des ordures ménagères résiduelles", 480_000, "collecte_dechets"),
              L("2", "Collecte sélective et verre", 310_000, "collecte_dechets")],
        launch="2026-09-09", review="2026-11-30", fac=F("guichet_alencay"), pen=PEN_SMIC2, layout="plain",
        files=dict(rc=("RC_collecte.docx", "docx"), ccap=("CCAP_collecte.pdf", "soffice"),
                   ae=("AE_collecte.docx", "docx")),
        errs=[dict(code="CS204", role="ccap", where="controle",
                   text="Une copie de chaque bilan est adressée à la DIRECCTE."),
              dict(code="CS204", role="rc", where="rc",
                   text="Une attention particulière sera portée aux habitants des ZUS de l'agglomération."),
              dict(code="CS401", lot="2", role="ae", value=185)]),
    # ------------------------------------------------------------------ 14
    dict(name="b5-14-haut-segala-colleges", description=(
        "Nettoyage des collèges, accord-cadre 4 ans au-dessus du seuil, lancé après le 21 août 2026, sans "
        "aucune clause ni mention (CS501, CS100) ; décret 2016-360 cité dans le RC (CS201)."),
        buyer="Département du Haut-Ségala", nature="services", ac=4, unique=True, noclause=True,
        objet="le nettoyage des locaux des collèges publics du département",
        lots=U("Nettoyage des collèges", 350_000, "nettoyage"), launch="2026-09-25", review="2026-12-04",
        layout="plain",
        procedure="appel d'offres ouvert",
        files=dict(rc=("RC.pdf", "soffice"), ccap=("CCAP.docx", "docx"), ae=("AE.docx", "docx"),
                   bpu=("BPU.xlsx", "xlsx")),
        errs=[dict(code="CS501"),
              dict(code="CS201", role="rc", text="La procédure suit les articles 25 et 67 du décret n° 2016-360 "
                                                 "du 25 mars 2016 relatif aux marchés publics.")]),
    # ------------------------------------------------------------------ 15
    dict(name="b5-15-brehal-ecole", description=(
        "Correct. Réhabilitation d'une école, 5 lots de travaux (électricité sous le minimum) ; CCAP « ARTICLE n » "
        "avec le contact du facilitateur dans une zone de texte Word ; AE par lot ; DPGF .xlsx."),
        buyer="Commune de Bréhal-sur-Sienne", nature="travaux", duree="onze mois",
        objet="la réhabilitation de l'école élémentaire Jules-Verne",
        lots=[L("1", "Gros œuvre – maçonnerie", 540_000, "gros_oeuvre"),
              L("2", "Menuiseries intérieures", 130_000, "menuiseries_interieures"),
              L("3", "Plâtrerie – faux plafonds", 160_000, "platrerie"),
              L("4", "Peinture", 70_000, "peinture"),
              L("5", "Électricité", 75_000, "electricite")],
        launch="2026-06-22", review="2026-11-24", fac=F("plie_sienne", where="textbox"),
        pen=dict(hour=("smic", "deux"), late=("jour", 60)), layout="flat",
        files=dict(rc=("RC_ecole.docx", "docx"), ccap=("CCAP_ecole.docx", "docx"),
                   dpgf=("DPGF_ecole.xlsx", "xlsx")),
        ae_perlot=True, ae_perlot_fmt="docx", errs=[]),
    # ------------------------------------------------------------------ 16
    dict(name="b5-16-hautes-terres-lycees", description=(
        "Nettoyage de lycées, accord-cadre 4 ans, 2 lots ; aucune pénalité d'insertion, ni par heure ni pour "
        "retard des documents (CS306, CS308) ; CCTP scanné (CS902)."),
        buyer="Région Hautes-Terres", nature="services", ac=4,
        objet="le nettoyage des locaux de lycées publics",
        lots=[L("1", "Lycées du bassin nord", 300_000, "nettoyage"),
              L("2", "Lycées du bassin sud", 240_000, "nettoyage")],
        launch="2026-10-07", review="2026-12-09", fac=F("guichet_hautes_terres"), pen={}, layout="three",
        files=dict(rc=("RC_lycees.docx", "docx"), ccap=("CCAP_lycees.pdf", "soffice"), ae=("AE_lycees.docx", "docx"),
                   cctp=("CCTP_lycees.pdf", "pdf")),
        traps=["horaires_6_9"],
        errs=[dict(code="CS306"), dict(code="CS308"), dict(code="CS902", role="cctp")]),
    # ------------------------------------------------------------------ 17
    dict(name="b5-17-haut-ternois-zae", description=(
        "Voirie et espaces verts d'une zone d'activités, 2 lots de travaux ; le RC annonce la clause avec les "
        "heures et l'AE les reprend, mais le CCAP n'a aucun article de clause (CS101) ; avis muet (CS104)."),
        buyer="Communauté de communes du Haut-Ternois", nature="travaux", duree="neuf mois",
        objet="l'aménagement de la voirie et des espaces verts de la zone d'activités du Moulin-Blanc",
        lots=[L("1", "Voirie et réseaux divers", 1_150_000, "vrd"),
              L("2", "Espaces verts et plantations", 140_000, "espaces_verts_creation")],
        launch="2026-07-20", review="2026-11-17", fac=F("plie_ternois"), pen=PEN_SMIC2, layout="plain",
        rc_where="au CCAP", rc_hours=True,
        files=dict(rc=("RC_ZAE.pdf", "pdf"), ccap=("CCAP_ZAE.docx", "docx"), ae=("AE_ZAE.docx", "docx"),
                   avis=("Avis_ZAE.pdf", "pdf")),
        errs=[dict(code="CS101"), dict(code="CS104")]),
    # ------------------------------------------------------------------ 18
    dict(name="b5-18-ddfip-haut-lizon-nettoyage", description=(
        "Service de l'État (DDFiP), nettoyage sur 3 ans pour 195 000 € HT, lancé après le 21 août 2026 : "
        "« Clause sociale : sans objet » n'est pas une justification (CS501, pas de CS100) ; DQE en PDF chiffré "
        "(CS901)."),
        buyer="Direction départementale des finances publiques du Haut-Lizon", bkind="etat", nature="services",
        unique=True, noclause=True, duree="trois ans",
        sans="Clause sociale d'insertion : sans objet.",
        objet="le nettoyage et l'hygiène des centres des finances publiques du département",
        lots=U("Nettoyage des centres des finances publiques", 195_000, "nettoyage"),
        launch="2026-10-09", review="2026-12-08", layout="plain", procedure="appel d'offres ouvert",
        files=dict(rc=("RC_DDFiP.docx", "docx"), ccap=("CCAP_DDFiP.pdf", "pdf"), ae=("AE_DDFiP.docx", "docx"),
                   dqe=("DQE_DDFiP.pdf", "pdf")),
        errs=[dict(code="CS501", note="État (seuil 140 000 € HT), lancé le 9 octobre 2026, « sans objet » sans "
                                      "justification"),
              dict(code="CS901", role="dqe", how="encrypt", note="PDF chiffré par mot de passe")]),
    # ------------------------------------------------------------------ 19
    dict(name="b5-19-prefecture-haut-lizon-locaux", description=(
        "Correct. Préfecture (État, seuil 140 000 € HT), nettoyage 2 ans pour 190 000 € HT, lancé après le "
        "21 août 2026, avec clause et L2112-2-1 ; pénalité en SMIC en vigueur avec la valeur 2026 pour "
        "information ; guichet du facilitateur (courriel + site) ; référent marché et contact technique."),
        buyer="Préfecture du Haut-Lizon – secrétariat général commun départemental", bkind="etat",
        nature="services", unique=True, duree="deux ans",
        objet="le nettoyage des locaux de la préfecture et des sous-préfectures",
        lots=U("Nettoyage des locaux", 190_000, "nettoyage"), launch="2026-09-28", review="2026-12-01",
        fac=F("guichet_lizon"), pen=dict(hour=("smic", "1,5"), late=("semaine", 100)), layout="chapitre",
        ae_kind="attri1",
        files=dict(rc=("RC_prefecture.docx", "docx"), ccap=("CCAP_prefecture.pdf", "soffice"),
                   ae=("ATTRI1_prefecture.docx", "docx"), cctp=("CCTP_prefecture.pdf", "pdf")),
        traps=["smic_1202", "ref_marche", "tech_contact", "hebdo_35"], domain="haut-lizon.gouv.fr",
        ref_person="M. Patrice Lemoigne", ref_mail="sgcd-achats@haut-lizon.gouv.fr",
        tech_person="Mme Noémie Arsac", tech_tel="03 53 01 70 44", errs=[]),
    # ------------------------------------------------------------------ 20
    dict(name="b5-20-sevre-aubance-rivieres", description=(
        "Espaces verts, 2 lots sur 3 ans ; heures du lot 1 environ quatre fois le calcul (CS403) ; aucune "
        "obligation de suivi (CS305, d'où CS308) ; pénalité par heure sans montant (CS307)."),
        buyer="Communauté de communes du Pays de Sèvre-Aubance", nature="services", duree="trois ans",
        objet="l'entretien des espaces verts des zones d'activités, des bords de rivière et des sentiers",
        lots=[L("1", "Zones d'activités", 210_000, "espaces_verts_entretien"),
              L("2", "Bords de rivière et sentiers", 150_000, "espaces_verts_entretien")],
        launch="2026-06-15", review="2026-11-18", fac=F("plie_aubance"), pen={}, layout="plain",
        rc_hours=True,
        files=dict(rc=("RC.pdf", "pdf"), ccap=("CCAP.docx", "docx"), ae=("AE.docx", "docx")),
        errs=[dict(code="CS403", lot="1", factor=4), dict(code="CS305"),
              dict(code="CS307", text="Chaque heure d'insertion non réalisée donne lieu à une pénalité dont le "
                                      "montant sera arrêté par l'acheteur au moment du constat.")]),
    # ------------------------------------------------------------------ 21
    dict(name="b5-21-lorvennec-menage", description=(
        "Groupement (ville coordonnatrice, CCAS, caisse des écoles), nettoyage en accord-cadre 4 ans, lot "
        "unique ; le RC ne dit rien de la clause (CS102) ; aucun public éligible (CS302)."),
        buyer="Ville de Lorvennec", nature="services", ac=4, unique=True,
        grp=dict(coord="la Ville de Lorvennec", members=["le CCAS de Lorvennec", "la Caisse des écoles de Lorvennec"]),
        objet="le nettoyage des bâtiments des membres du groupement",
        lots=U("Nettoyage des bâtiments", 210_000, "nettoyage"), launch="2026-10-14", review="2026-12-04",
        fac=F("mde_lorvennec"), pen=PEN_SMIC15, layout="chapitre", autonum=True,
        files=dict(rc=("RC_Lorvennec.odt", "odt"), ccap=("CCAP_Lorvennec.docx", "docx"),
                   ae=("AE_Lorvennec.docx", "docx")),
        errs=[dict(code="CS102"), dict(code="CS302")]),
    # ------------------------------------------------------------------ 22
    dict(name="b5-22-val-de-meuse-logements", description=(
        "24 logements, 3 lots de travaux ; clause fondée sur L2113-13 (CS202) ; aucun public éligible (CS302) ; "
        "« 1.050 heures » au lot 1."),
        buyer="Logis du Val de Meuse (office public de l'habitat)", nature="travaux", duree="seize mois",
        objet="la construction de 24 logements locatifs sociaux, rue des Vanniers",
        lots=[L("1", "Gros œuvre", 1_400_000, "gros_oeuvre"),
              L("2", "Menuiseries extérieures", 260_000, "menuiseries_exterieures"),
              L("3", "Revêtements de sols", 180_000, "revetements_sols")],
        launch="2026-08-17", review="2026-11-20", fac=F("plie_meuse"), pen=PEN_SMIC2, layout="flat", autonum=True,
        hstyle="dot",
        files=dict(rc=("RC_logements.pdf", "pdf"), ccap=("CCAP_logements.docx", "docx"),
                   ae=("AE_logements.docx", "docx")),
        errs=[dict(code="CS202", role="ccap", text="article L. 2113-13 du code de la commande publique"),
              dict(code="CS302")]),
    # ------------------------------------------------------------------ 23
    dict(name="b5-23-vaux-mobilier", description=(
        "Correct sans clause. Fourniture de mobilier scolaire (95 000 € HT, sous le seuil) ; « Clause sociale "
        "d'insertion : sans objet » au RC et au CCAP ; livraison entre 8 h et 12 h."),
        buyer="Commune de Vaux-sur-Aubette", nature="fournitures", unique=True, noclause=True,
        duree="douze mois",
        sans="Clause sociale d'insertion : sans objet (mobilier livré et monté par le fabricant, sans "
             "prestation durable sur place).",
        objet="la fourniture et la livraison de mobilier scolaire",
        lots=U("Mobilier scolaire", 95_000, "fournitures"), launch="2026-10-12", review="2026-12-07",
        layout="flat",
        files=dict(rc=("RC_mobilier.docx", "docx"), ccap=("CCAP_mobilier.pdf", "pdf"),
                   ae=("AE_mobilier.pdf", "pdf")),
        errs=[]),
    # ------------------------------------------------------------------ 24
    dict(name="b5-24-saint-remy-mediatheque", description=(
        "Extension de médiathèque, 4 lots de travaux ; pas de pénalité pour retard des documents (CS308) ; "
        "heures du lot 3 : 175 au RC et au CCAP, 115 à l'AE (CS401) ; CCTP .docx tronqué (CS901)."),
        buyer="Commune de Saint-Rémy-en-Bauges", nature="travaux", duree="dix mois",
        objet="l'extension de la médiathèque municipale",
        lots=[L("1", "Gros œuvre", 610_000, "gros_oeuvre"), L("2", "Charpente bois", 150_000, "charpente_bois"),
              L("3", "Plâtrerie – isolation", 190_000, "platrerie"), L("4", "Peinture", 85_000, "peinture")],
        launch="2026-08-03", review="2026-11-24", fac=F("mde_bauges"), pen=PEN_SMIC15, layout="plain",
        rc_hours=True,
        files=dict(rc=("RC_mediatheque.odt", "odt"), ccap=("CCAP_mediatheque.docx", "docx"),
                   ae=("AE_mediatheque.pdf", "pdf"), cctp=("CCTP_mediatheque.docx", "docx")),
        errs=[dict(code="CS308"), dict(code="CS401", lot="3", role="ae", value=115),
              dict(code="CS901", role="cctp", how="truncate", note="docx tronqué (archive incomplète)")]),
    # ------------------------------------------------------------------ 25
    dict(name="b5-25-villers-fleurissement", description=(
        "Espaces verts et fleurissement, lot unique, 2 ans ; l'AE n'a aucune rubrique d'insertion et il n'y a "
        "pas d'annexe (CS103) ; pénalité figée sur le SMIC 2025 à 11,88 € (CS307)."),
        buyer="Commune de Villers-la-Combe", nature="services", unique=True, duree="deux ans",
        objet="l'entretien des espaces verts et le fleurissement de la commune",
        lots=U("Espaces verts et fleurissement", 180_000, "espaces_verts_entretien"), launch="2026-05-26",
        review="2026-11-21", fac=F("dep_combe"), pen=dict(late=("semaine", 90)), layout="plain",
        files=dict(rc=("RC.pdf", "pdf"), ccap=("CCAP.odt", "odt"), ae=("AE.pdf", "pdf")),
        errs=[dict(code="CS103"),
              dict(code="CS307", text="Chaque heure d'insertion non réalisée est pénalisée à hauteur de 1,5 fois "
                                      "11,88 € (SMIC horaire brut 2025), soit 17,82 € par heure.")]),
    # ------------------------------------------------------------------ 26
    dict(name="b5-26-sainte-foy-groupe-scolaire", description=(
        "Réhabilitation d'un groupe scolaire, 3 lots de travaux ; la clause cite l'article 16.1 du "
        "CCAG-Travaux (CS203) ; aucune modalité de réalisation (CS303) ; CCTP scanné (CS902)."),
        buyer="Ville de Sainte-Foy-d'Aygues", nature="travaux", duree="douze mois",
        objet="la réhabilitation du groupe scolaire des Platanes",
        lots=[L("1", "Démolition – désamiantage", 220_000, "demolition_desamiantage"),
              L("2", "Gros œuvre", 480_000, "gros_oeuvre"), L("3", "Électricité", 170_000, "electricite")],
        launch="2026-10-02", review="2026-12-03", fac=F("mde_aygues"), pen=PEN_SMIC2, layout="roman",
        files=dict(rc=("RC_groupe_scolaire.docx", "docx"), ccap=("CCAP_groupe_scolaire.pdf", "soffice"),
                   ae=("AE_groupe_scolaire.docx", "docx"), cctp=("CCTP_scan.pdf", "pdf")),
        errs=[dict(code="CS203", role="ccap", where="basis", text="article 16.1 du CCAG-Travaux"),
              dict(code="CS303"), dict(code="CS902", role="cctp")]),
    # ------------------------------------------------------------------ 27
    dict(name="b5-27-haute-vezere-gaz", description=(
        "Correct sans clause. Fourniture de gaz naturel, accord-cadre 3 ans au-dessus du seuil, lancé après le "
        "21 août 2026 : dérogation motivée (énergie de réseau, pas de personnel sur site, lien insuffisant avec "
        "l'objet) ; CS100 facultatif ; BPU .xlsx."),
        buyer="Département de la Haute-Vézère", nature="fournitures", ac=3, unique=True, noclause=True,
        derog=("Aucune condition d'exécution à caractère social n'est prévue. Le contrat porte sur la fourniture "
               "et l'acheminement d'une énergie de réseau, sans intervention de personnel du titulaire sur les "
               "sites : une telle condition n'aurait pas de lien suffisant avec son objet, ce qui justifie de "
               "déroger à l'article L2112-2-1 du code de la commande publique."),
        objet="la fourniture et l'acheminement de gaz naturel pour les collèges et bâtiments départementaux",
        lots=U("Gaz naturel", 600_000, "fournitures"), launch="2026-10-19", review="2026-12-07",
        layout="plain", procedure="appel d'offres ouvert",
        files=dict(rc=("RC_gaz.pdf", "soffice"), ccap=("CCAP_gaz.docx", "docx"), ae=("AE_gaz.docx", "docx"),
                   bpu=("BPU_gaz.xlsx", "xlsx")),
        errs=[]),
    # ------------------------------------------------------------------ 28
    dict(name="b5-28-castelmaurou-batiments", description=(
        "Groupement (ville coordonnatrice, communauté de communes, SIVOM), nettoyage en accord-cadre 4 ans, "
        "« LOT 1 : … » ; total annuel du CCAP faux (850 au lieu de 810 : CS402) ; le lot 3 manque dans l'AE "
        "(CS404)."),
        buyer="Ville de Castelmaurou-sur-Save", nature="services", ac=4,
        grp=dict(coord="la Ville de Castelmaurou-sur-Save",
                 members=["la Communauté de communes Save-et-Garonne", "le SIVOM de la Save"]),
        objet="le nettoyage des bâtiments publics des membres du groupement",
        lots=[L("1", "Bâtiments administratifs", 200_000, "nettoyage", label="LOT 1"),
              L("2", "Écoles et accueils périscolaires", 260_000, "nettoyage", label="LOT 2"),
              L("3", "Salles polyvalentes et gymnases", 110_000, "nettoyage", label="LOT 3")],
        launch="2026-09-23", review="2026-12-02", fac=F("plie_save"), pen=PEN_SMIC15, layout="roman",
        autonum=True, duration_total=False,
        files=dict(rc=("RC_nettoyage.docx", "docx"), ccap=("CCAP_nettoyage.docx", "docx"),
                   ae=("AE_nettoyage.docx", "docx")),
        traps=["hebdo_35"],
        errs=[dict(code="CS402", role="ccap", total=850), dict(code="CS404", lot="3", roles=["ae"])]),
    # ------------------------------------------------------------------ 29
    dict(name="b5-29-grand-vernois-piscines", description=(
        "Nettoyage des équipements aquatiques, lot unique, 3 ans ; avis muet sur la clause (CS104) ; aucune "
        "modalité de réalisation (CS303) ; un brouillon « Document1.docx » joint au dossier (CS904)."),
        buyer="Agglomération du Grand Vernois", nature="services", unique=True, duree="trois ans",
        objet="le nettoyage des équipements aquatiques communautaires",
        lots=U("Nettoyage des piscines", 330_000, "nettoyage"), launch="2026-08-24", review="2026-11-28",
        fac=F("plie_vernois"), pen=PEN_SMIC15, layout="roman",
        files=dict(rc=("RC_piscines.docx", "docx"), ccap=("CCAP_piscines.docx", "docx"),
                   ae=("AE_piscines.odt", "odt"), avis=("Avis_piscines.pdf", "soffice"),
                   odd=("Document1.docx", "docx")),
        traps=["horaires_6_9"],
        errs=[dict(code="CS104"), dict(code="CS303"), dict(code="CS904")]),
    # ------------------------------------------------------------------ 30
    dict(name="b5-30-estuaire-abribus", description=(
        "Nettoyage du mobilier urbain, accord-cadre 3 ans, lot unique ; deux versions de l'AE (AE_v1.pdf, "
        "AE_v2.pdf : CS905) ; aucun contact de facilitateur, seulement le contact technique et le référent "
        "marché (CS304) ; « 215h »."),
        buyer="Communauté d'agglomération Estuaire-et-Brière", nature="services", ac=3, unique=True,
        objet="le nettoyage des abribus et du mobilier urbain communautaire",
        lots=U("Nettoyage du mobilier urbain", 150_000, "nettoyage"), launch="2026-09-15", review="2026-11-27",
        fac=F("plie_marais"), pen=PEN_SMIC15, layout="plain", hstyle="plain", hunit="h",
        ccap_contacts="Représentant de l'acheteur pour l'exécution : M. Franck Guillou, direction des mobilités, "
                      "tél. 02 61 91 08 52, f.guillou@estuaire-briere.fr.",
        files=dict(rc=("RC.pdf", "pdf"), ccap=("CCAP.docx", "docx"), ae=("AE.pdf", "pdf")),
        traps=["tech_contact", "ref_marche"], tech_person="M. Franck Guillou", tech_tel="02 61 91 08 52",
        ref_person="Mme Justine Moreau", ref_mail="marches@estuaire-briere.fr",
        errs=[dict(code="CS905", role="ae", versions=[("AE_v1.pdf", "Version du 2 septembre 2026"),
                                                      ("AE_v2.pdf", "Version du 9 septembre 2026")]),
              dict(code="CS304")]),
    # ------------------------------------------------------------------ 31
    dict(name="b5-31-bocage-collecte", description=(
        "Correct. Syndicat mixte, collecte des déchets en accord-cadre 5 ans, « LOT 1 : … » ; contact du "
        "facilitateur en pied de page du CCAP ; RC ODT ; avis qui annonce la clause et renvoie au CCAP ; "
        "35 heures hebdomadaires."),
        buyer="Syndicat mixte de collecte des Marches du Bocage", nature="services", ac=5,
        objet="la collecte des déchets ménagers et assimilés du territoire syndical",
        lots=[L("1", "Ordures ménagères résiduelles", 520_000, "collecte_dechets", label="LOT 1"),
              L("2", "Collecte sélective et verre", 310_000, "collecte_dechets", label="LOT 2")],
        launch="2026-08-31", review="2026-11-23", fac=F("plie_bocage", where="footer"), pen=PEN_SMIC2,
        layout="plain",
        files=dict(rc=("RC_collecte.odt", "odt"), ccap=("CCAP_collecte.docx", "docx"),
                   ae=("AE_collecte.docx", "docx"), avis=("AAPC_collecte.pdf", "pdf")),
        traps=["hebdo_35"], errs=[]),
    # ------------------------------------------------------------------ 32
    dict(name="b5-32-haute-aulne-cantines", description=(
        "Restauration scolaire, 2 lots sur 3 ans ; heures du lot 1 environ quatre fois sous le calcul (CS403) ; "
        "140 heures demandées sur le lot 2 de denrées livrées (CS405, CS403 facultatif)."),
        buyer="SIVOM de la Haute-Aulne", nature="services", duree="trois ans",
        objet="la restauration scolaire et la fourniture de denrées pour les cantines du SIVOM",
        lots=[L("1", "Confection et livraison des repas", 900_000, "restauration"),
              L("2", "Fourniture de denrées d'épicerie (livraison)", 180_000, "fournitures")],
        launch="2026-10-21", review="2026-12-11", fac=F("mde_aulne"), pen=PEN_SMIC15, layout="plain",
        rc_hours=True,
        files=dict(rc=("RC_cantines.pdf", "pdf"), ccap=("CCAP_cantines.odt", "odt"), ae=("AE_cantines.docx", "docx")),
        errs=[dict(code="CS403", lot="1", factor=0.25), dict(code="CS405", lot="2", hours=140)]),
    # ------------------------------------------------------------------ 33
    dict(name="b5-33-monts-livradois-creches", description=(
        "Entretien des crèches, lot unique, 3 ans ; pas de RC, l'avis donne la date et annonce la clause "
        "(CS105) ; aucun contact de facilitateur, seulement le référent marché de l'acheteur (CS304)."),
        buyer="Communauté de communes des Monts du Livradois", nature="services", unique=True, duree="trois ans",
        objet="l'entretien ménager des crèches et des accueils de loisirs",
        lots=U("Entretien ménager", 240_000, "nettoyage"), launch="2026-09-16", review="2026-12-01",
        fac=F("plie_ourse"), pen=PEN_SMIC15, layout="flat", fac_vague=True,
        ccap_contacts="Référent marché pour l'acheteur : Mme Nolwenn Guéguen, service achats, tél. 04 65 71 30 12, "
                      "achats@monts-livradois.fr.",
        files=dict(ccap=("CCAP_creches.docx", "docx"), ae=("AE_creches.docx", "docx"),
                   avis=("AAPC_creches.pdf", "pdf")),
        errs=[dict(code="CS105", missing="règlement de la consultation"), dict(code="CS304")]),
    # ------------------------------------------------------------------ 34
    dict(name="b5-34-plenee-terrains", description=(
        "Espaces verts et terrains de sport, 3 lots sur 2 ans ; le RC ne dit rien de la clause (CS102) ; l'AE "
        "n'a pas de rubrique d'insertion (CS103) ; total faux au CCAP (325 au lieu de 305 : CS402)."),
        buyer="Ville de Plénée-sur-Arguenon", nature="services", duree="deux ans",
        objet="l'entretien des parcs, jardins et terrains de sport",
        lots=[L("1", "Parcs et jardins", 160_000, "espaces_verts_entretien"),
              L("2", "Terrains de sport", 120_000, "espaces_verts_entretien"),
              L("3", "Fourniture de végétaux", 60_000, "fournitures")],
        launch="2026-06-01", review="2026-11-16", fac=F("plie_penthievre"), pen=PEN_SMIC15, layout="plain",
        files=dict(rc=("RC_Plenee.docx", "docx"), ccap=("CCAP_Plenee.pdf", "pdf"), ae=("AE_Plenee.docx", "docx")),
        errs=[dict(code="CS102"), dict(code="CS103"), dict(code="CS402", role="ccap", total=325)]),
    # ------------------------------------------------------------------ 35
    dict(name="b5-35-kerlouan-gardiennage", description=(
        "Correct. Centre hospitalier, gardiennage et sûreté, lot unique, 3 ans ; « 1 105 h » avec espace fine "
        "insécable ; fiche d'engagement en annexe ; rondes toutes les 2 heures, 24 h/24 ; métier hors table "
        "(CS403 facultatif)."),
        buyer="Centre hospitalier de Kerlouan-les-Abers", nature="services", unique=True, duree="trois ans",
        objet="le gardiennage et la sûreté des sites hospitaliers",
        lots=U("Gardiennage et sûreté", 780_000, "gardiennage"), launch="2026-07-06", review="2026-11-19",
        fac=F("mde_abers"), pen=dict(hour=("fixe", 45, "10 %"), late=("jour", 75)), layout="flat", autonum=True,
        hstyle="nnbsp", hunit=" h",
        files=dict(rc=("RC_gardiennage.docx", "docx"), ccap=("CCAP_gardiennage.docx", "docx"),
                   ae=("AE_gardiennage.pdf", "pdf"), annex=("Annexe_AE_engagement_insertion.docx", "docx")),
        traps=["rondes_2h", "delai_4h"], errs=[]),
    # ------------------------------------------------------------------ 36
    dict(name="b5-36-val-de-sarre-collecte", description=(
        "Collecte en accord-cadre 4 ans, 3 lots ; une copie identique du CCAP (CS905) ; le lot 2 manque dans "
        "l'AE (CS404) ; 75 heures demandées sur la fourniture de bacs roulants (CS405, CS403 facultatif)."),
        buyer="Syndicat intercommunal de collecte du Val de Sarre", nature="services", ac=4,
        objet="la collecte des déchets ménagers et la fourniture de bacs roulants",
        lots=[L("1", "Collecte en porte-à-porte", 400_000, "collecte_dechets"),
              L("2", "Collecte des points d'apport volontaire", 150_000, "collecte_dechets"),
              L("3", "Fourniture de bacs roulants", 90_000, "fournitures")],
        launch="2026-09-08", review="2026-11-23", fac=F("plie_sarre"), pen=PEN_SMIC2, layout="plain",
        rc_hours=True,
        files=dict(rc=("RC_Val_de_Sarre.pdf", "pdf"), ccap=("CCAP.docx", "docx"), ae=("AE.docx", "docx")),
        errs=[dict(code="CS905", role="ccap", copy="CCAP (copie).docx"), dict(code="CS404", lot="2", roles=["ae"]),
              dict(code="CS405", lot="3", hours=75)]),
]
