"""Fictional buyers and facilitators of the blind corpus, and the hours arithmetic of
spec/hours.md with the default parameters (t = 5 %, c = 30 €/h, step 5 h, minimum 70 h).

Phone numbers are taken from the ranges ARCEP keeps for fiction (05 36 49 xx xx, 02 61 91 xx xx,
04 65 71 xx xx, 03 53 01 xx xx, 01 99 00 xx xx). Names of people and places are invented."""

# labour shares: ranges of reference.md § 6.2; the corpus uses the middle of the range
LABOUR = {
    "vrd": (0.25, 0.35), "gros_oeuvre": (0.40, 0.50), "charpente_bois": (0.30, 0.40),
    "charpente_metallique": (0.15, 0.25), "couverture_etancheite": (0.35, 0.45),
    "menuiseries_exterieures": (0.20, 0.30), "menuiseries_interieures": (0.35, 0.45),
    "platrerie": (0.50, 0.60), "peinture": (0.60, 0.70), "revetements_sols": (0.40, 0.50),
    "electricite": (0.40, 0.50), "plomberie_cvc": (0.30, 0.40), "ascenseurs": (0.15, 0.25),
    "espaces_verts_creation": (0.40, 0.50), "espaces_verts_entretien": (0.60, 0.70),
    "nettoyage": (0.80, 0.90), "collecte_dechets": (0.50, 0.60), "restauration": (0.40, 0.50),
    "demolition_desamiantage": (0.40, 0.60), "fournitures": (0.0, 0.0),
}
RATE, COST, STEP, MIN_H = 0.05, 30.0, 5, 70


def round_step(x: float, step=STEP) -> int:
    return int((x / step) + 0.5) * step


def calc_hours(amount: float, trade: str, share: float | None = None) -> int:
    m = share if share is not None else sum(LABOUR[trade]) / 2
    return round_step(amount * m * RATE / COST)


def calc_range(amount: float, trade: str) -> tuple[int, int]:
    lo, hi = LABOUR[trade]
    return round_step(amount * lo * RATE / COST), round_step(amount * hi * RATE / COST)


def _b(name, kind, city, addr, trib, service, site, short=None):
    return dict(name=name, kind=kind, city=city, addr=addr, trib=trib, service=service,
                site=site, short=short or name)


BUYERS = {
    # ---- tune
    "cc_orbize": _b("Communauté de communes du Val d'Orbize", "local", "Saint-Aubin-sur-Orbize",
                    "2 rue de la Filature, 79400 Saint-Aubin-sur-Orbize", "Poitiers",
                    "Service commande publique", "https://marches.valdorbize.fr",
                    "la Communauté de communes"),
    "ville_chantebrie": _b("Ville de Chantebrie", "local", "Chantebrie",
                           "Hôtel de ville, place du Marché, 44170 Chantebrie", "Nantes",
                           "Direction des affaires juridiques et de la commande publique",
                           "https://achats.chantebrie.fr", "la Ville"),
    "oph_clain": _b("Clain Habitat, office public de l'habitat", "local", "Châtellerault-Est",
                    "9 boulevard des Tanneurs, 86100 Châtellerault-Est", "Poitiers",
                    "Direction du patrimoine – pôle marchés", "https://marches.clain-habitat.fr",
                    "Clain Habitat"),
    "chi_thouare": _b("Centre hospitalier intercommunal du Pays de Thouaré", "local", "Thouaré",
                      "1 allée des Soignants, 79100 Thouaré", "Poitiers",
                      "Direction des achats et de la logistique", "https://achats.chi-thouare.fr",
                      "le Centre hospitalier"),
    "univ_hp": _b("Université du Haut-Poitou", "local", "Montbreuil",
                  "15 rue de l'Observatoire, 86000 Montbreuil", "Poitiers",
                  "Direction du patrimoine immobilier", "https://marches.univ-hautpoitou.fr",
                  "l'Université"),
    "dep_vonne": _b("Département de la Vonne", "local", "Vonnac",
                    "Hôtel du Département, 3 cours Gambetta, 87000 Vonnac", "Limoges",
                    "Direction de la commande publique", "https://marches.vonne.fr",
                    "le Département"),
    "dir_ac": _b("Direction interdépartementale des routes Atlantique-Centre (DIR AC), services de "
                 "l'État – ministère chargé des transports", "etat", "Vonnac",
                 "Cité administrative, 12 rue des Arènes, 87000 Vonnac", "Limoges",
                 "Bureau des marchés", "https://www.marches-publics.gouv.fr", "la DIR AC"),
    "pref_vonne": _b("Préfecture de la Vonne – Secrétariat général commun départemental (services "
                     "de l'État)", "etat", "Vonnac", "1 place de la Préfecture, 87000 Vonnac",
                     "Limoges", "Pôle achats du SGCD", "https://www.marches-publics.gouv.fr",
                     "le SGCD"),
    "smctd": _b("Syndicat mixte de collecte et de traitement des déchets Thouet-Argenton (SMCTD)",
                "local", "Argenton-le-Vieux", "ZA des Grands Prés, 79150 Argenton-le-Vieux",
                "Poitiers", "Service administratif et financier", "https://marches.smctd.fr",
                "le Syndicat"),
    "ca_clairet": _b("Communauté d'agglomération du Grand Clairet", "local", "Clairet",
                     "Hôtel d'agglomération, 40 quai des Carmes, 17300 Clairet", "Poitiers",
                     "Direction de la commande publique mutualisée", "https://marches.grandclairet.fr",
                     "l'Agglomération"),
    "commune_bremont": _b("Commune de Brémont-les-Aulnes", "local", "Brémont-les-Aulnes",
                          "Mairie, 1 place de l'Église, 85410 Brémont-les-Aulnes", "Nantes",
                          "Secrétariat général", "https://bremont-les-aulnes.e-marches.fr",
                          "la Commune"),
    "sdis_vonne": _b("Service départemental d'incendie et de secours de la Vonne", "local", "Vonnac",
                     "Rue des Pompiers, 87000 Vonnac", "Limoges", "Groupement finances – marchés",
                     "https://marches.sdis-vonne.fr", "le SDIS"),
    # ---- sealed
    "metro_rives": _b("Rivesaulne Métropole", "local", "Rivesaulne",
                      "Hôtel de Métropole, 1 esplanade du Fleuve, 33800 Rivesaulne", "Bordeaux",
                      "Direction de la commande publique", "https://marches.rivesaulne-metropole.fr",
                      "la Métropole"),
    "chu_valcourt": _b("Centre hospitalier universitaire de Valcourt", "local", "Valcourt",
                       "2 avenue du Professeur-Lenoir, 37000 Valcourt", "Orléans",
                       "Direction des achats – GHT Valcourt-Loire", "https://achats.chu-valcourt.fr",
                       "le CHU"),
    "hso": _b("Habitat Sud-Océan, office public de l'habitat", "local", "Port-Aubrac",
              "5 rue des Voiliers, 17000 Port-Aubrac", "Poitiers", "Service marchés et juridique",
              "https://marches.habitat-sudocean.fr", "Habitat Sud-Océan"),
    "ombre": _b("Commune de Sainte-Ombre-sur-Lay", "local", "Sainte-Ombre-sur-Lay",
                "Mairie, 3 rue du Lavoir, 85320 Sainte-Ombre-sur-Lay", "Nantes", "Secrétariat de mairie",
                "https://sainte-ombre.e-marches.fr", "la Commune"),
    "region_ca": _b("Région Centre-Atlantique", "local", "Valcourt",
                    "Hôtel de Région, 9 rue Saint-Pierre-le-Puellier, 37000 Valcourt", "Orléans",
                    "Direction des lycées – service des opérations", "https://marches.centre-atlantique.fr",
                    "la Région"),
    "rectorat": _b("Rectorat de l'académie de Valcourt (services déconcentrés de l'État – ministère de "
                   "l'Éducation nationale)", "etat", "Valcourt",
                   "21 rue Michelet, 37000 Valcourt", "Orléans", "Division des achats",
                   "https://www.marches-publics.gouv.fr", "le Rectorat"),
    "dep_ardonne": _b("Département de l'Ardonne", "local", "Sermiers",
                      "Hôtel du Département, 6 rue des Bénédictins, 08000 Sermiers", "Châlons-en-Champagne",
                      "Direction des achats et de la commande publique", "https://marches.ardonne.fr",
                      "le Département"),
    "sm_sarve": _b("Syndicat mixte du bassin de la Sarve", "local", "Lerné-sur-Sarve",
                   "Moulin de la Roche, 49260 Lerné-sur-Sarve", "Nantes", "Direction générale",
                   "https://sarve.e-marches.fr", "le Syndicat"),
    "cc_gatine": _b("Communauté de communes Gâtine-Orée", "local", "Vernoux-en-Gâtine",
                    "Maison communautaire, 8 route de Parthenay, 79240 Vernoux-en-Gâtine", "Poitiers",
                    "Pôle ressources – marchés publics", "https://marches.gatine-oree.fr",
                    "la Communauté de communes"),
    "univ_vo": _b("Université Valcourt-Océan", "local", "Valcourt", "60 rue du Plat-d'Étain, 37000 Valcourt",
                  "Orléans", "Service achats et marchés", "https://marches.univ-valcourt-ocean.fr",
                  "l'Université"),
    "drac": _b("Direction régionale des affaires culturelles Centre-Atlantique (ministère de la "
               "Culture, services de l'État)", "etat", "Valcourt", "6 rue de la Manufacture, 37000 "
               "Valcourt", "Orléans", "Secrétariat général – cellule marchés",
               "https://www.marches-publics.gouv.fr", "la DRAC"),
    "ccas_port": _b("Centre communal d'action sociale de Port-Aubrac", "local", "Port-Aubrac",
                    "12 rue de la Solidarité, 17000 Port-Aubrac", "Poitiers", "Direction du CCAS",
                    "https://port-aubrac.e-marches.fr", "le CCAS"),
    "ville_port": _b("Ville de Port-Aubrac", "local", "Port-Aubrac", "Hôtel de ville, quai Duperré, "
                     "17000 Port-Aubrac", "Poitiers", "Direction de la commande publique",
                     "https://marches.port-aubrac.fr", "la Ville"),
}


def _f(structure, person, role, phone, email, addr):
    return dict(structure=structure, person=person, role=role, phone=phone, email=email, addr=addr)


FACS = {
    "mde_orbize": _f("la Maison de l'emploi et des entreprises du Val d'Orbize", "Mme Hélène Carpentier",
                     "facilitatrice des clauses sociales", "05 36 49 12 07",
                     "clauses@mdee-valdorbize.fr", "14 avenue de la Gare, 79400 Saint-Aubin-sur-Orbize"),
    "plie_clairet": _f("le PLIE du Grand Clairet", "M. Yanis Berthelot", "chargé de mission clauses "
                       "sociales", "05 36 49 30 58", "facilitateur@plie-grandclairet.fr",
                       "40 quai des Carmes, 17300 Clairet"),
    "guichet_vonne": _f("le guichet clauses sociales du Département de la Vonne", "Mme Claire Maubert",
                        "facilitatrice", "05 36 49 71 22", "clauses.sociales@vonne.fr",
                        "3 cours Gambetta, 87000 Vonnac"),
    "ct_asso": _f("l'association Clauses et Territoires Loire-Océan", "M. Karim Lefebvre",
                  "facilitateur", "02 61 91 44 18", "k.lefebvre@clauses-territoires.org",
                  "7 rue des Forges, 44000 Nantes"),
    "mde_poitou": _f("la Maison de l'emploi du Haut-Poitou", "Mme Sonia Perrault", "facilitatrice "
                     "territoriale", "05 36 49 55 63", "clauses-sociales@mde-hautpoitou.fr",
                     "22 rue Carnot, 86000 Montbreuil"),
    # ---- sealed
    "mde_rives": _f("la Maison de l'emploi de Rivesaulne Métropole", "M. Bastien Royer",
                    "facilitateur des clauses sociales", "05 36 49 80 41",
                    "clauses.sociales@mde-rivesaulne.fr", "18 cours du Fleuve, 33800 Rivesaulne"),
    "plie_valcourt": _f("le PLIE Valcourt-Loire", "Mme Inès Garnier", "facilitatrice", "02 61 91 27 70",
                        "i.garnier@plie-valcourt.fr", "4 place Anatole, 37000 Valcourt"),
    "facil_ardonne": _f("la mission clauses sociales du Département de l'Ardonne", "M. Julien Daubigny",
                        "facilitateur départemental", "03 53 01 62 19", "clauses@ardonne.fr",
                        "6 rue des Bénédictins, 08000 Sermiers"),
    "mde_gatine": _f("la Maison de l'emploi Gâtine-Bocage", "Mme Laëtitia Moreau", "facilitatrice",
                     "05 36 49 44 90", "facilitation@mde-gatine.fr", "2 rue du Marché, 79200 Parthenay-Est"),
    "asso_atl": _f("l'association Inclusion Atlantique Clauses", "Mme Fanny Le Goff",
                   "coordinatrice des clauses d'insertion", "05 36 49 09 35",
                   "contact@inclusion-atlantique.org", "11 rue Chanzy, 17000 Port-Aubrac"),
}
