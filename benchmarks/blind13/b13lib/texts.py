"""French wording of the thirteenth blind corpus (written for it, from the facts of
shared/domain/reference.md). Each function returns plain strings; a footnote is {{fn:…}}.
Nothing here knows about files or formats."""

from __future__ import annotations

import unicodedata

# ------------------------------------------------------------------ people and places (invented)
# Telephone numbers are taken in the ranges reserved for fiction (01 99 00, 02 61 91, 03 53 01,
# 04 65 71, 05 36 49).
BUYERS = {
    "staubin": dict(name="Commune de Saint-Aubin-des-Landiers", town="Saint-Aubin-des-Landiers",
                    addr="2 place de la Mairie, 79410 Saint-Aubin-des-Landiers",
                    service="Secrétariat général – marchés publics", tel="05 36 49 10 20",
                    mail="marches@saintaubin-landiers.fr", kind="commune", ma="la Commune"),
    "brenne_hab": dict(name="Brenne Habitat – Office public de l'habitat", town="Rochebrune-sur-Brenne",
                       addr="14 avenue du Général-Leclerc, 36410 Rochebrune-sur-Brenne",
                       service="Direction du patrimoine – cellule marchés", tel="02 61 91 30 44",
                       mail="marches@brenne-habitat.fr", kind="oph", ma="Brenne Habitat"),
    "lysmarais": dict(name="Communauté d'agglomération Lys-et-Marais", town="Pontarcy",
                      addr="Hôtel d'agglomération, 1 quai des Tanneries, 59670 Pontarcy",
                      service="Direction de la commande publique", tel="03 53 01 20 10",
                      mail="commande.publique@lys-marais.fr", kind="epci", ma="l'Agglomération"),
    "hautesorbe": dict(name="Département de la Haute-Sorbe", town="Vaunac",
                       addr="Hôtel du Département, 5 rue de la Préfecture, 15290 Vaunac",
                       service="Direction des affaires juridiques et de la commande publique",
                       tel="04 65 71 12 00", mail="marches@hautesorbe.fr", kind="departement",
                       ma="le Département"),
    "semalm": dict(name="SEM Aménagement Lys-Marais (SEMALM)", town="Pontarcy",
                   addr="22 rue des Halles, 59670 Pontarcy", service="Pôle opérations – marchés",
                   tel="03 53 01 57 30", mail="operations@semalm.fr", kind="sem", ma="la SEMALM"),
    "lizon": dict(name="Communauté de communes des Coteaux du Lizon", town="Lizières",
                  addr="3 allée des Vignes, 21540 Lizières", service="Service marchés publics",
                  tel="01 99 00 41 70", mail="marches@coteauxdulizon.fr", kind="epci",
                  ma="la Communauté de communes"),
    "vauclerc": dict(name="Ville de Vauclerc-la-Rivière", town="Vauclerc-la-Rivière",
                     addr="Hôtel de ville, 8 place du Marché, 45570 Vauclerc-la-Rivière",
                     service="Direction de la commande publique", tel="02 61 91 72 05",
                     mail="commandepublique@vauclerc.fr", kind="commune", ma="la Ville"),
    "valdardenne": dict(name="Département du Val-d'Ardenne", town="Bréval",
                        addr="Hôtel du Département, 1 cours Chanzy, 08390 Bréval",
                        service="Direction des marchés et des achats", tel="03 53 01 80 00",
                        mail="achats@valdardenne.fr", kind="departement", ma="le Département"),
    "moulins": dict(name="Commune de Moulins-sur-Lézine", town="Moulins-sur-Lézine",
                    addr="1 rue de l'Église, 03260 Moulins-sur-Lézine", service="Mairie – marchés publics",
                    tel="04 65 71 48 20", mail="mairie@moulins-lezine.fr", kind="commune", ma="la Commune"),
    "orvanne": dict(name="Communauté de communes Val d'Orvanne", town="Saint-Ost",
                    addr="12 route de Sens, 77940 Saint-Ost", service="Service de la commande publique",
                    tel="01 99 00 63 12", mail="marches@valdorvanne.fr", kind="epci",
                    ma="la Communauté de communes"),
    "lizon_hab": dict(name="Lizon Habitat – Office public de l'habitat", town="Lizières",
                      addr="9 boulevard Carnot, 21540 Lizières", service="Service achats et marchés",
                      tel="01 99 00 25 36", mail="achats@lizon-habitat.fr", kind="oph", ma="Lizon Habitat"),
    "castelbrenne": dict(name="Ville de Castelbrenne", town="Castelbrenne",
                         addr="Hôtel de ville, place Jean-Moulin, 36200 Castelbrenne",
                         service="Direction des marchés publics", tel="02 61 91 15 60",
                         mail="marches@castelbrenne.fr", kind="commune", ma="la Ville"),
    "sorbe_hab": dict(name="Sorbe Habitat – Office public de l'habitat de la Haute-Sorbe", town="Vaunac",
                      addr="30 rue du Puy-Mary, 15290 Vaunac", service="Direction de la maîtrise d'ouvrage",
                      tel="04 65 71 66 10", mail="moa@sorbe-habitat.fr", kind="oph", ma="Sorbe Habitat"),
    "sevre": dict(name="Communauté de communes du Pays de la Sèvre Bocagère", town="Chantemerle",
                  addr="Maison communautaire, 4 rue des Sabotiers, 79320 Chantemerle",
                  service="Pôle ressources – marchés publics", tel="05 36 49 33 80",
                  mail="marchespublics@sevre-bocagere.fr", kind="epci", ma="la Communauté de communes"),
    "semavo": dict(name="SEMAVO – Société d'économie mixte d'aménagement du Val d'Orvanne",
                   town="Saint-Ost", addr="5 place de la Gare, 77940 Saint-Ost",
                   service="Direction de l'aménagement", tel="01 99 00 70 45", mail="zac@semavo.fr",
                   kind="sem", ma="la SEMAVO"),
    "castel_hab": dict(name="Castelbrenne Habitat – Office public de l'habitat", town="Castelbrenne",
                       addr="17 rue Émile-Zola, 36200 Castelbrenne", service="Service marchés",
                       tel="02 61 91 88 12", mail="marches@castelbrenne-habitat.fr", kind="oph",
                       ma="Castelbrenne Habitat"),
}

FACS = {
    "F1": dict(struct="Maison de l'emploi du Pays de la Sèvre Bocagère", person="Mme Clotilde Arnaud",
               tel="05 36 49 21 14", mail="c.arnaud@mde-sevrebocagere.fr"),
    "F2": dict(struct="PLIE Lys-et-Marais", person="M. Yannick Ferrand", tel="03 53 01 44 27",
               mail="clauses@plie-lysmarais.fr"),
    "F3": dict(struct="Service insertion et emploi du Département de la Haute-Sorbe",
               person="Mme Aïcha Benali", tel="04 65 71 30 82", mail="clauses.sociales@hautesorbe.fr"),
    "F4": dict(struct="Mission clauses sociales de la Communauté de communes Val d'Orvanne",
               person="M. Théo Marchal", tel="01 99 00 57 03", mail="facilitation@valdorvanne.fr"),
    "F5": dict(struct="Maison de l'emploi et de la formation des Coteaux du Lizon", person="Mme Inès Courtois",
               tel="01 99 00 62 48", mail="ines.courtois@mef-lizon.fr"),
    "F6": dict(struct="GIP Emploi Castelbrenne-Brenne", person="M. Paul-Henri Lemoine",
               tel="02 61 91 70 11", mail="p.lemoine@gip-emploi-brenne.fr"),
    "F7": dict(struct="Cellule clauses d'insertion du Département du Val-d'Ardenne", person="M. Karim Oudjani",
               tel="03 53 01 18 66", mail="insertion.marches@valdardenne.fr"),
    "F8": dict(struct="Maison de l'emploi du Loiret-Est", person="Mme Léa Fontenelle",
               tel="02 61 91 54 09", mail="clauses@mde-loiret-est.fr"),
}

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def fr_date(iso, style="long"):
    y, m, d = (int(x) for x in iso.split("-"))
    if style == "long":
        return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
    if style == "slash":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "dots":
        return f"{d:02d}.{m:02d}.{y}"
    raise ValueError(style)


def noacc(s):
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")


def up(s):
    """Uppercase without accents (œ kept as OE)."""
    return noacc(s).replace("œ", "oe").replace("Œ", "OE").upper()


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def typo(s):
    """Typographic habits: ’ apostrophes, no-break space before « : » and inside « ».
    E-mail addresses and URLs are left alone (they have no apostrophe nor colon-space)."""
    s = s.replace("'", "’")
    s = s.replace(" :", "\u00a0:").replace(" ;", "\u202f;")
    s = s.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    s = s.replace("oeuvre", "œuvre")
    return s


def norm(s):
    """Normalised text used by the self-checks."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    s = noacc(s).lower().replace("œ", "oe")
    s = " ".join(s.split())
    return s
