#!/usr/bin/env python3
"""Builds the blind18 corpus (sealed half only) and its answer keys, then checks them.

    python benchmarks/blind18/build_corpus.py [OUT_DIR] [--no-answers]

Written blind: only shared/spec/*.md, shared/domain/reference.md and the answer-key format
of benchmarks/blind were read. No tool code is read or run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from render import Doc, render_docx, render_odt, render_pdf, render_scanned_pdf, render_xlsx, render_plan, damage_truncate, damage_empty  # noqa: E402

MO = dict(vrd=0.30, gros_oeuvre=0.45, charpente_bois=0.35, charpente_metallique=0.20,
          couverture_etancheite=0.40, menuiseries_exterieures=0.25, menuiseries_interieures=0.40,
          platrerie=0.55, peinture=0.65, revetements_sols=0.45, electricite=0.45, plomberie_cvc=0.35,
          ascenseurs=0.20, espaces_verts_creation=0.45, espaces_verts_entretien=0.65, nettoyage=0.85,
          collecte_dechets=0.55, restauration=0.45, demolition_desamiantage=0.50, fournitures=0.0)


def raw_hours(amount, trade):
    return amount * MO[trade] * 0.05 / 30.0


def hours(amount, trade):
    r = raw_hours(amount, trade)
    h = int(r / 5 + 0.5) * 5
    return h if h >= 70 else 0


def fix_amount(amount, trade):
    """Moves an amount until its raw hours are far from a rounding half-step and >= 95 h."""
    if MO[trade] == 0:
        return amount
    while True:
        r = raw_hours(amount, trade)
        frac = (r / 5) % 1
        if r >= 95 and abs(frac - 0.5) > 0.1:
            return amount
        amount += 3000


def fmt_n(n):
    s = f"{int(n):,}".replace(",", " ")
    return s


def eur(n):
    return fmt_n(n) + " € HT"


FACS = [
    ("Maison de l'emploi du Val d'Argent", "Mme Soizic Ferrand", "01 99 00 41 27", "clauses@mde-valdargent.fr"),
    ("PLIE des Trois Rivières", "M. Yannick Berthelot", "02 99 00 17 63", "facilitation@plie-troisrivieres.fr"),
    ("Direction de l'insertion du Département de la Haute-Orne", "Mme Nadia Cherki", "03 99 00 52 08", "clauses.sociales@haute-orne.fr"),
    ("Service emploi de l'agglomération de Bréval", "M. Loïc Pasquier", "04 99 00 73 45", "insertion@agglo-breval.fr"),
    ("Maison de l'emploi et de la formation du Pays de Lorsac", "Mme Élodie Marchal", "05 99 00 26 91", "facilitateur@mef-lorsac.fr"),
]

# ---------------------------------------------------------------- case table
# lots: (num, title, trade, amount, covered)
C = []


def case(**k):
    k.setdefault("annex", None)
    k.setdefault("avis", False)
    k.setdefault("extras", [])
    k.setdefault("errs", {})
    k.setdefault("fmt", {})
    k.setdefault("ae_per_lot", False)
    k.setdefault("pen_general", False)
    k.setdefault("rc_hours", False)
    k.setdefault("style", "sub")
    k.setdefault("clause", True)
    k.setdefault("nature", "travaux")
    k.setdefault("date", "12/05/2026")
    k.setdefault("review", "2026-11-20")
    k.setdefault("total", False)
    k.setdefault("fac", 0)
    k.setdefault("traps", [])
    k.setdefault("cctp", None)
    k.setdefault("perlot_prose", False)
    C.append(k)


case(n="b18-01", slug="commune-saint-aubrac-ecole", buyer="Commune de Saint-Aubrac", objet="Extension et restructuration de l'école élémentaire Jean-Rostand",
     lots=[("1", "Gros œuvre – maçonnerie", "gros_oeuvre", 612000, True), ("2", "Charpente bois – couverture", "charpente_bois", 248000, True),
           ("3", "Plâtrerie – faux plafonds", "platrerie", 187000, True), ("4", "Peinture", "peinture", 96000, True)],
     fmt=dict(RC="pdf", CCAP="docx", AE="docx"), pen_general=True, total=True, extras=["plan"], fac=0,
     traps=["hours_noise", "history"], desc="correct : tableau des heures avec total exact, pénalités dans l'article général, rappel historique du CMP abrogé, plan")
case(n="b18-02", slug="cc-haut-lignon-nettoyage", buyer="Communauté de communes du Haut-Lignon", objet="Accord-cadre de nettoyage des bâtiments communautaires",
     nature="services", lots=[("unique", "Nettoyage des locaux", "nettoyage", 168000, True)], peryear=True, years=4,
     fmt=dict(RC="docx", CCAP="pdf", AE="docx"), annex="partage", fac=1,
     desc="correct : accord-cadre, heures par an et rappel sur 4 ans, clause partagée CCAP / annexe, CCAG-FCS 16.1")
case(n="b18-03", slug="ch-vallon-pharmacie", buyer="Centre hospitalier du Vallon", objet="Réaménagement de la pharmacie à usage intérieur",
     lots=[("1", "Démolition – désamiantage", "demolition_desamiantage", 142000, True), ("2", "Cloisons – plâtrerie", "platrerie", 231000, True),
           ("3", "Électricité", "electricite", 205000, True)],
     fmt=dict(RC="docx", CCAP="docx", AE="docx"), ae_per_lot=True, fac=2, traps=["history", "hours_noise"],
     desc="correct : clause en sous-articles, AE par lot, ancien article 14 du CMP cité comme historique")
case(n="b18-04", slug="habitat-ornais-rehabilitation", buyer="Ornaise Habitat, office public de l'habitat", objet="Réhabilitation thermique de 48 logements, résidence Les Tilleuls",
     lots=[("1", "Ravalement – peinture des façades", "peinture", 410000, True), ("2", "Menuiseries extérieures", "menuiseries_exterieures", 298000, True),
           ("3", "Chauffage – ventilation", "plomberie_cvc", 264000, True), ("4", "Ascenseur", "ascenseurs", 118000, False)],
     fmt=dict(RC="pdf", CCAP="odt", AE="docx"), annex="fiche", fac=2, rc_hours=True,
     desc="correct : CCAP ODT, fiche d'engagement en annexe, lot ascenseur non concerné")
case(n="b18-05", slug="dept-haute-orne-rd12", buyer="Département de la Haute-Orne", objet="Recalibrage de la RD 12 entre Vrigny et Montcel",
     lots=[("unique", "Terrassements, chaussée et assainissement", "vrd", 1340000, True)], fmt=dict(RC="pdf", CCAP="pdf", AE="docx"),
     extras=["plan_jpg", "dpgf"], fac=2, traps=["sans_noise", "hours_noise"],
     desc="correct : marché non alloti, « sans préjudice », « sans effet », plan, DPGF")
case(n="b18-06", slug="commune-lanvaux-fetes", buyer="Commune de Lanvaux", objet="Location et montage de chapiteaux pour les fêtes communales",
     nature="services", lots=[("unique", "Location de chapiteaux", "fournitures", 38000, False)], clause=False, sans=True,
     fmt=dict(RC="docx", CCAP="docx", AE="docx"), desc="correct : « Clause sociale d'insertion : sans objet », petit marché sous le seuil ; aucun constat")
case(n="b18-07", slug="prefecture-mobilier", buyer="Préfecture de la Haute-Orne (services de l'État)", objet="Fourniture de mobilier de bureau",
     nature="fournitures", lots=[("unique", "Mobilier de bureau", "fournitures", 96000, False)], clause=False, date="02/09/2026",
     fmt=dict(RC="pdf", CCAP="docx", AE="docx"), desc="correct : État sous 140 000 € HT après le 21/08/2026, aucune clause ni mention : CS100 seul")
case(n="b18-08", slug="agglo-breval-piscine", buyer="Communauté d'agglomération de Bréval", objet="Construction du centre aquatique intercommunal",
     lots=[("1", "Gros œuvre", "gros_oeuvre", 3150000, True), ("2", "Étanchéité", "couverture_etancheite", 640000, True),
           ("3", "Traitement d'eau – CVC", "plomberie_cvc", 1480000, True), ("4", "Carrelage", "revetements_sols", 720000, True)],
     date="07/09/2026", fmt=dict(RC="pdf", CCAP="docx", AE="pdf"), avis=True, fac=3, total=True, post2026=True,
     desc="correct : travaux au-dessus du seuil lancés après le 21/08/2026, clause citant L2112-2-1, avis qui annonce la clause")
case(n="b18-09", slug="dept-haute-orne-espaces-verts", buyer="Département de la Haute-Orne", objet="Entretien des espaces verts des collèges du secteur nord",
     nature="services", lots=[("1", "Entretien des espaces verts – collèges de Vrigny et Montcel", "espaces_verts_entretien", 92000, True), ("2", "Entretien des espaces verts – collèges de Sorel et Aunay", "espaces_verts_entretien", 118000, True)],
     style="prose", rc_hours=True, fmt=dict(RC="docx", CCAP="odt", AE="docx"), extras=["notes"], fac=2, perlot_prose=True,
     desc="correct : clause en prose sans sous-titres, heures par lot en prose, RC qui reprend les heures, notes")
case(n="b18-10", slug="region-vehicules", buyer="Département de la Haute-Orne", objet="Fourniture de véhicules utilitaires électriques",
     nature="fournitures", lots=[("unique", "Véhicules utilitaires", "fournitures", 452000, False)], clause=False, derog=True, date="14/09/2026",
     fmt=dict(RC="pdf", CCAP="docx", AE="docx"), desc="correct : fournitures au-dessus de 216 000 € HT après le 21/08/2026 avec dérogation motivée (L2112-2-1) ; CS100 facultatif")
case(n="b18-11", slug="univ-lorsac-labo", buyer="Université de Lorsac", objet="Rénovation des laboratoires du bâtiment C",
     lots=[("1", "Cloisons – doublages", "platrerie", 176000, True), ("2", "Plomberie – fluides", "plomberie_cvc", 322000, True),
           ("3", "Peinture", "peinture", 134000, True)],
     annex="partage", avis=True, cctp="pdf", fmt=dict(RC="docx", CCAP="docx", AE="docx"), fac=4, pen_general=True,
     desc="correct : clause entre CCAP et annexe, avis qui renvoie au CCAP, CCTP PDF")

# ---- faulty
case(n="b18-12", slug="commune-merval-gymnase", buyer="Commune de Merval", objet="Réfection du gymnase municipal",
     lots=[("1", "Couverture", "couverture_etancheite", 286000, True), ("2", "Sols sportifs", "revetements_sols", 164000, True)],
     fmt=dict(RC="pdf", CCAP="docx", AE="docx"), extras=["notes_bad"], fac=0,
     errs={"CS201": "cmp14_ccap", "CS302": 1, "CS904": "divers.txt"}, desc="CMP art. 14 au CCAP ; pas de publics ; notes")
case(n="b18-13", slug="sm-eaux-orne-station", buyer="Syndicat mixte des eaux de l'Orne", objet="Réhabilitation de la station de pompage de Rouvres",
     lots=[("1", "Génie civil", "gros_oeuvre", 455000, True), ("2", "Électricité – automatismes", "electricite", 238000, True)],
     fmt=dict(RC="docx", CCAP="docx", AE="docx"), fac=1, errs={"CS202": "l2113_13", "CS305": 1, "CS905": "ccap_copie"},
     desc="clause fondée sur L2113-13 ; pas de suivi (CS308 en découle) ; CCAP et sa copie")
case(n="b18-14", slug="commune-ferrieres-mairie", buyer="Commune de Ferrières-sur-Loup", objet="Mise en accessibilité de la mairie",
     lots=[("1", "Maçonnerie", "gros_oeuvre", 214000, True), ("2", "Menuiseries intérieures", "menuiseries_interieures", 152000, True)],
     fmt=dict(RC="pdf", CCAP="docx", AE="docx"), fac=0, errs={"CS203": "ccag2009", "CS401": "2"},
     desc="CCAG-Travaux 2009 ; heures du lot 2 différentes entre CCAP et AE")
case(n="b18-15", slug="habitat-breval-demolition", buyer="Bréval Habitat", objet="Démolition de la barre Les Glycines",
     lots=[("unique", "Désamiantage et démolition", "demolition_desamiantage", 865000, True)],
     fmt=dict(RC="docx", CCAP="pdf", AE="docx"), fac=3, errs={"CS204": "pole_emploi_ccap", "CS306": 1, "CS102": 1},
     desc="« Pôle emploi » au CCAP ; pas de pénalité d'heures ; RC muet")
case(n="b18-16", slug="cc-lorsac-voirie", buyer="Communauté de communes du Pays de Lorsac", objet="Aménagement du bourg de Saint-Cyr",
     lots=[("1", "VRD", "vrd", 780000, True), ("2", "Espaces verts", "espaces_verts_creation", 156000, True)],
     fmt=dict(RC="docx", CCAP="docx", AE="docx"), fac=4, errs={"CS205": "221000_rc", "CS301": "2", "CS903": "tracked_ccap"},
     desc="seuil 221 000 € HT au RC ; lot 2 couvert sans heures ; modification suivie au CCAP")
case(n="b18-17", slug="commune-aunay-cantine", buyer="Commune d'Aunay", objet="Construction d'un restaurant scolaire",
     lots=[("1", "Gros œuvre", "gros_oeuvre", 395000, True), ("2", "Électricité", "electricite", 122000, True)],
     rc_hours=True, fmt=dict(RC="docx", CCAP="docx", AE="docx"), fac=0, errs={"CS101": "rc_ae", "CS204": "direccte_rc"},
     desc="CCAP sans article de clause (heures seulement au RC et à l'AE) ; « DIRECCTE » au RC")
case(n="b18-18", slug="chu-orne-parking", buyer="CHU de l'Orne", objet="Réalisation d'un parking du personnel",
     lots=[("1", "Terrassement – voirie", "vrd", 520000, True), ("2", "Éclairage", "electricite", 148000, True), ("3", "Plantations", "espaces_verts_creation", 99000, True)],
     total=True, fmt=dict(RC="pdf", CCAP="docx", AE="docx"), fac=2, errs={"CS102": 1, "CS402": 1, "CS308": 1},
     desc="RC PDF muet ; total faux ; pas de pénalité de retard des justificatifs")
case(n="b18-19", slug="commune-vrigny-salle", buyer="Commune de Vrigny", objet="Rénovation de la salle polyvalente",
     lots=[("1", "Plâtrerie – isolation", "platrerie", 168000, True), ("2", "Peinture", "peinture", 84000, True)],
     fmt=dict(RC="docx", CCAP="odt", AE="docx"), fac=0, errs={"CS103": "ae_silent", "CS303": 1},
     desc="AE sans engagement et pas d'annexe ; pas de modalités")
case(n="b18-20", slug="dept-college-sorel", buyer="Département de la Haute-Orne", objet="Restructuration de la demi-pension du collège de Sorel",
     lots=[("1", "Gros œuvre", "gros_oeuvre", 342000, True), ("2", "Plomberie – ventilation de la cuisine", "plomberie_cvc", 276000, True)],
     avis=True, fmt=dict(RC="pdf", CCAP="docx", AE="docx"), fac=2, errs={"CS104": "avis_silent", "CS304": "none", "CS403": ("1", 4)},
     desc="avis muet ; aucun contact ; lot 1 ×4")
case(n="b18-21", slug="agglo-breval-voirie", buyer="Communauté d'agglomération de Bréval", objet="Requalification de l'avenue de la Gare",
     lots=[("1", "Voirie – réseaux", "vrd", 690000, True), ("2", "Éclairage public", "electricite", 174000, True), ("3", "Espaces verts – plantations", "espaces_verts_creation", 128000, True)],
     avis=True, fmt=dict(CCAP="docx", AE="docx"), fac=3, errs={"CS105": "no_rc", "CS307": "vague", "CS404": "3_ae"},
     desc="pas de RC ; pénalité sans montant ; lot 3 absent de l'AE")
case(n="b18-22", slug="univ-lorsac-restaurant", buyer="Université de Lorsac", objet="Rénovation et équipement du restaurant universitaire",
     lots=[("1", "Second œuvre – cloisons", "platrerie", 214000, True), ("2", "Fourniture de mobilier de salle", "fournitures", 86000, True)],
     annex="fiche", fmt=dict(RC="docx", CCAP="docx"), fac=4, errs={"CS105": "no_ae", "CS201": "ord38_ccap", "CS405": ("2", 120)},
     desc="pas d'AE (fiche d'engagement en annexe) ; ordonnance 2015-899 art. 38 ; 120 h sur le mobilier")
case(n="b18-23", slug="ccas-merval-portage", buyer="CCAS de Merval", objet="Portage de repas à domicile",
     nature="services", lots=[("unique", "Préparation et livraison des repas", "restauration", 240000, True)],
     fmt=dict(RC="docx", CCAP="docx", AE="docx"), fac=0, errs={"CS301": "none", "CS203": "fcs20"},
     desc="aucun nombre d'heures ; services renvoyant à l'article 20.1 du CCAG-FCS")
case(n="b18-24", slug="commune-montcel-eglise", buyer="Commune de Montcel", objet="Restauration de la toiture de l'église Saint-Martin",
     lots=[("1", "Charpente", "charpente_bois", 233000, True), ("2", "Couverture ardoise", "couverture_etancheite", 198000, True)],
     cctp="docx_trunc", fmt=dict(RC="pdf", CCAP="docx", AE="docx"), fac=1, errs={"CS302": 1, "CS304": "name_only", "CS901": "cctp_trunc"},
     desc="pas de publics ; facilitateur nommé sans téléphone ni courriel ; CCTP tronqué")
case(n="b18-25", slug="habitat-ornais-cages", buyer="Ornaise Habitat, office public de l'habitat", objet="Remise en peinture des cages d'escalier (12 bâtiments)",
     lots=[("unique", "Peinture des parties communes", "peinture", 286000, True)], cctp="scan",
     fmt=dict(RC="docx", CCAP="pdf", AE="docx"), fac=2, errs={"CS303": 1, "CS306": 1, "CS902": "cctp_scan"},
     desc="pas de modalités ; pas de pénalité d'heures ; CCTP numérisé")
case(n="b18-26", slug="cc-haut-lignon-creche", buyer="Communauté de communes du Haut-Lignon", objet="Construction d'une crèche de 30 berceaux",
     lots=[("1", "Ossature bois", "charpente_bois", 388000, True), ("2", "Menuiseries extérieures", "menuiseries_exterieures", 142000, True), ("3", "Plomberie – chauffage", "plomberie_cvc", 196000, True)],
     annex="fiche", fmt=dict(RC="docx", CCAP="docx", AE="pdf"), extras=["photo"], fac=1, errs={"CS305": 1, "CS401": "3", "CS904": "photo"},
     desc="pas de suivi (CS308 en découle) ; lot 3 : AE différent du CCAP et de l'annexe ; photo")
case(n="b18-27", slug="dir-ouest-bassin", buyer="Direction interdépartementale des routes Ouest (services de l'État)", objet="Création d'un bassin de rétention sur la RN 158",
     lots=[("1", "Terrassement", "vrd", 410000, True), ("2", "Génie civil", "gros_oeuvre", 298000, True)], total=True, avis=True,
     fmt=dict(RC="docx", CCAP="odt", AE="docx"), fac=3, errs={"CS307": "frozen", "CS402": 1, "CS104": "avis_silent"},
     desc="SMIC figé 2023 ; total faux ; avis muet")
case(n="b18-28", slug="commune-sorel-stade", buyer="Commune de Sorel", objet="Réaménagement du stade et des vestiaires",
     lots=[("1", "Vestiaires – gros œuvre", "gros_oeuvre", 302000, True), ("2", "Terrain – VRD", "vrd", 418000, True)],
     fmt=dict(RC="pdf", CCAP="docx", AE="docx"), fac=4, errs={"CS308": 1, "CS403": ("2", 0.25), "CS905": "rc_v"},
     desc="pas de pénalité de retard des justificatifs ; lot 2 ÷4 ; RC_v1 / RC_v2")
case(n="b18-29", slug="agglo-breval-mediatheque", buyer="Communauté d'agglomération de Bréval", objet="Construction de la médiathèque communautaire",
     lots=[("1", "Clos couvert", "gros_oeuvre", 3900000, False), ("2", "Second œuvre", "platrerie", 2250000, False)], clause=False, date="28/09/2026",
     fmt=dict(RC="pdf", CCAP="docx", AE="docx"), extras=["dc1_empty"], errs={"CS501": 1, "CS901": "dc1_empty"},
     desc="travaux 6,15 M€ HT lancés le 28/09/2026 sans clause ni justification (CS100 en découle) ; DC1.pdf vide")
case(n="b18-30", slug="commune-lanvaux-nettoyage", buyer="Commune de Lanvaux", objet="Nettoyage des écoles et bâtiments communaux (3 ans)",
     nature="services", lots=[("unique", "Nettoyage", "nettoyage", 294000, False)], clause=False, sans=True, date="05/10/2026",
     fmt=dict(RC="docx", CCAP="docx", AE="docx"), errs={"CS501": 1, "CS903": "comment_rc"},
     desc="services 294 000 € HT d'une commune lancés le 05/10/2026, « sans objet » sans justification ; commentaire au RC")
case(n="b18-31", slug="commune-rouvres-ehpad", buyer="Commune de Rouvres", objet="Extension de la résidence autonomie Les Peupliers",
     lots=[("1", "Gros œuvre", "gros_oeuvre", 488000, True), ("2", "Menuiseries intérieures", "menuiseries_interieures", 146000, True)],
     annex="orphan", ae_per_lot=True, fmt=dict(RC="docx", CCAP="pdf", AE="docx"), extras=["memoire_scan"], fac=0,
     errs={"CS101": "annex_orphan", "CS205": "5538000_rc", "CS902": "memoire_scan"},
     desc="CCAP PDF sans clause, clause dans une annexe non citée ; 5 538 000 € HT au RC ; cadre de mémoire numérisé")
case(n="b18-32", slug="chu-orne-cuisine", buyer="CHU de l'Orne", objet="Modernisation de la cuisine centrale",
     lots=[("1", "Maçonnerie – gros œuvre", "gros_oeuvre", 256000, True), ("2", "Fourniture d'équipements de cuisson", "fournitures", 212000, True), ("3", "Électricité", "electricite", 163000, True)],
     fmt=dict(RC="docx", CCAP="docx", AE="docx"), fac=2, errs={"CS404": "3_rc", "CS405": ("2", 90), "CS202": "r2152_7"},
     desc="lot 3 absent du RC ; 90 h sur des fournitures ; clause fondée sur R2152-7")
case(n="b18-33", slug="cc-lorsac-dechetterie", buyer="Communauté de communes du Pays de Lorsac", objet="Extension de la déchetterie de Saint-Cyr",
     lots=[("1", "Terrassement – quais", "vrd", 436000, True), ("2", "Bardage – serrurerie", "charpente_metallique", 318000, True)],
     fmt=dict(RC="pdf", CCAP="docx", AE="odt"), fac=4, errs={"CS103": "ae_silent", "CS201": "dec28_rc"},
     desc="AE ODT sans engagement ; décret 2016-360 art. 28 au RC")

# ---------------------------------------------------------------- wording
PUBLICS = ("Peuvent être retenues au titre de la clause les personnes rencontrant des difficultés sociales ou "
           "professionnelles particulières, en particulier : les demandeurs d'emploi inscrits depuis plus de douze mois "
           "auprès de {ft} ; les allocataires du RSA ou de l'ASS ; les travailleurs reconnus handicapés ; les jeunes de "
           "moins de 26 ans sortis du système scolaire sans diplôme qualifiant ; les habitants des {qpv} ; les personnes "
           "titulaires d'un PASS IAE ou suivies par un PLIE. L'éligibilité de chaque personne est vérifiée avant sa "
           "prise de poste.")
MODAL = ("Pour remplir son engagement, le titulaire peut recourir, seul ou en combinaison : à l'embauche directe "
         "(CDD, CDI, contrat d'apprentissage ou de professionnalisation) ; à la mise à disposition de salariés par une "
         "entreprise de travail temporaire d'insertion (ETTI), une association intermédiaire (AI) ou un GEIQ ; à la "
         "sous-traitance ou à la co-traitance avec une structure d'insertion par l'activité économique (SIAE), une "
         "entreprise adaptée (EA) ou un ESAT.")
CONTACT = ("Le titulaire prend contact, dès la notification, avec le facilitateur de la clause : {s}, {p}, "
           "téléphone {t}, courriel {e}. Cet accompagnement est gratuit.")
CONTACT_NAME = "Le titulaire se rapproche, dès la notification, de {s}, qui l'accompagne gratuitement dans la mise en œuvre."
REPORT = ("Le titulaire remet chaque mois, au plus tard le 10 du mois suivant, un tableau de suivi nominatif des heures "
          "d'insertion accompagné des pièces justificatives (contrats de travail, relevés d'heures des structures "
          "d'insertion, attestations). Un bilan final est transmis au plus tard un mois après la fin d'exécution.")
PEN_H = ("Pour chaque heure d'insertion non réalisée du fait du titulaire, il est appliqué une pénalité égale à 1,5 fois "
         "le montant du SMIC horaire brut en vigueur à la date du constat.")
PEN_H_VAGUE = "Si l'engagement d'insertion n'est pas tenu, le titulaire s'expose à des pénalités."
PEN_H_FROZEN = ("Pour chaque heure d'insertion non réalisée, une pénalité de 1,5 fois le SMIC horaire brut, soit "
                "11,52 € (valeur au 1er mai 2023), est appliquée au titulaire.")
PEN_D = ("En cas de retard dans la remise du tableau de suivi ou des justificatifs, une pénalité de 100 € par jour de "
         "retard est appliquée, après une mise en demeure restée sans effet pendant huit jours.")


def basis(c):
    e = c["errs"]
    serv = c["nature"] != "travaux"
    ccag = "l'article 16.1 du CCAG-FCS (arrêté du 30 mars 2021)" if serv else "l'article 20.1 du CCAG-Travaux (arrêté du 30 mars 2021)"
    if e.get("CS203") == "fcs20":
        ccag = "l'article 20.1 du CCAG-FCS"
    if e.get("CS203") == "ccag2009":
        ccag = "le CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009"
    law = "l'article L2112-2 du Code de la commande publique"
    if c.get("post2026"):
        law = "des articles L2112-2 et L2112-2-1 du Code de la commande publique"
    if e.get("CS201") == "cmp14_ccap":
        law = "l'article 14 du Code des marchés publics"
    if e.get("CS201") == "ord38_ccap":
        law = "l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015"
    if e.get("CS202") == "l2113_13":
        law = "l'article L2113-13 du Code de la commande publique"
    if e.get("CS202") == "r2152_7":
        law = "l'article R2152-7 du Code de la commande publique"
    pre = "de " if not law.startswith("des") else ""
    return (f"En application {pre}{law} et de {ccag}, l'exécution du marché comporte une action d'insertion "
            "professionnelle au bénéfice de personnes éloignées de l'emploi.").replace("de de ", "de ").replace("application de des", "application des")


def lot_hours(c):
    """Per-lot written hours per piece kind: dict lot -> dict(CCAP=..., AE=..., RC=..., ANNEXE=...)."""
    e = c["errs"]
    res = {}
    for num, title, trade, amt, cov in c["lots"]:
        if not cov:
            continue
        h = hours(amt, trade)
        if e.get("CS405") and e["CS405"][0] == num:
            h = e["CS405"][1]
        if e.get("CS403") and e["CS403"][0] == num:
            h = int(h * e["CS403"][1] / 5 + 0.5) * 5
        if c.get("peryear"):
            h = hours(amt, trade)
        if e.get("CS301") in (num, "none"):
            h = None
        res[num] = h
    return res


def prep(c):
    lots = []
    for num, title, trade, amt, cov in c["lots"]:
        if cov and MO[trade] > 0:
            amt = fix_amount(amt, trade)
        lots.append((num, title, trade, amt, cov))
    c["lots"] = lots


def fac(c):
    return FACS[c["fac"]]


def lotname(num):
    return "Marché unique" if num == "unique" else f"Lot {num}"


def clause_blocks(d, c, art, where="ccap"):
    """Adds the clause article to doc d. where: 'ccap' (full), 'ccap_short' (shared with annex)."""
    e = c["errs"]
    H = lot_hours(c)
    s, p, t, m = fac(c)
    title = {"sub": "Clause sociale d'insertion", "prose": "Action d'insertion professionnelle"}.get(c["style"], "Clause sociale d'insertion")
    if c.get("post2026"):
        title = "Condition d'exécution à caractère social"
    d.h(1, art, title)
    d.h(2, f"{art}.1", "Objet et fondement")
    d.p(basis(c))
    d.h(2, f"{art}.2", "Volume d'heures")
    covered = [l for l in c["lots"] if l[4]]
    if e.get("CS301") == "none":
        d.p("Le volume d'heures d'insertion sera arrêté d'un commun accord lors de la réunion de démarrage.")
    elif c.get("peryear"):
        h = H["unique"]
        d.p(f"Le titulaire réalise {fmt_n(h)} heures d'insertion par an, soit {fmt_n(h * c['years'])} heures sur les "
            f"{c['years']} ans de l'accord-cadre, reconduction comprise.")
    elif len(c["lots"]) == 1:
        d.p(f"Nombre d'heures d'insertion à réaliser : {fmt_n(H['unique'])} heures.")
    elif c.get("perlot_prose"):
        for num, title_, trade, amt, cov in c["lots"]:
            d.p(f"Pour le lot {num} ({title_}), le titulaire réalise {fmt_n(H[num])} heures d'insertion.")
    else:
        rows = [["Lot", "Désignation", "Heures d'insertion"]]
        for num, title_, trade, amt, cov in c["lots"]:
            if not cov:
                rows.append([num, title_, "non concerné"])
            elif H.get(num) is None:
                rows.append([num, title_, "à préciser"])
            else:
                rows.append([num, title_, fmt_n(H[num])])
        if c["total"]:
            tot = sum(v for v in H.values() if v)
            if e.get("CS402"):
                tot += 140
            rows.append(["", "Total", fmt_n(tot)])
        d.t(rows)
        if any(not l[4] for l in c["lots"]):
            d.p("Les lots marqués « non concerné » ne comportent pas d'obligation d'insertion.")
    if where == "ccap_short":
        d.p("Les publics concernés, les modalités de mise en œuvre, l'accompagnement et le suivi sont décrits dans "
            "l'annexe n° 1 au présent CCAP « Clause sociale d'insertion », qui a valeur contractuelle.")
        d.p(f"Les pénalités attachées à la clause figurent à l'article {art + 3} « Pénalités ».")
        return
    if not e.get("CS302"):
        d.h(2, f"{art}.3", "Personnes éligibles")
        d.p(publics_text(c, "ccap"))
    if not e.get("CS303"):
        d.h(2, f"{art}.4", "Modalités de réalisation")
        d.p(MODAL)
    if e.get("CS304") != "none":
        d.h(2, f"{art}.5", "Accompagnement")
        d.p(CONTACT_NAME.format(s=s) if e.get("CS304") == "name_only" else CONTACT.format(s=s, p=p, t=t, e=m))
    if not e.get("CS305"):
        d.h(2, f"{art}.6", "Contrôle et suivi")
        d.p(REPORT)
    if c["pen_general"]:
        d.h(2, f"{art}.7", "Pénalités")
        d.p(f"Les manquements à la présente clause sont sanctionnés dans les conditions de l'article {art + 3} « Pénalités ».")
    else:
        pen = pen_texts(c)
        if pen:
            d.h(2, f"{art}.7", "Pénalités")
            for x in pen:
                d.p(x)


def publics_text(c, piece):
    e = c["errs"]
    ft = "Pôle emploi" if e.get("CS204") == "pole_emploi_ccap" and piece == "ccap" else "France Travail"
    return PUBLICS.format(ft=ft, qpv="quartiers prioritaires de la politique de la ville (QPV)")


def pen_texts(c):
    e = c["errs"]
    out = []
    if not e.get("CS306"):
        out.append({"vague": PEN_H_VAGUE, "frozen": PEN_H_FROZEN}.get(e.get("CS307"), PEN_H))
    if not (e.get("CS308") or e.get("CS305")):
        out.append(PEN_D)
    return out


def general_penalties(d, c, art):
    d.h(1, art, "Pénalités")
    d.p("Par dérogation à l'article 19 du CCAG-Travaux, les pénalités de retard dans l'exécution sont fixées à "
        "1/3000e du montant du marché par jour calendaire de retard." if c["nature"] == "travaux" else
        "Les pénalités de retard sont calculées selon la formule du CCAG-FCS, sans préjudice des autres stipulations.")
    d.p("L'absence non excusée d'une entreprise à une réunion de chantier donne lieu à une pénalité de 150 €.")
    if c["pen_general"] or c["annex"] == "partage":
        d.p("Au titre de la clause sociale d'insertion :")
        for x in pen_texts(c):
            d.li(x)


def noise(d, c):
    if "hours_noise" in c["traps"]:
        d.p("Les horaires du chantier sont compris entre 7 h 30 et 18 h 00. Les demandes d'accès sont formulées au "
            "moins 48 heures à l'avance. La période de préparation est de 2 mois.")
    if "sans_noise" in c["traps"]:
        d.p("Les prix sont révisables sans préjudice des stipulations de l'article 10. Tranches optionnelles : sans.")


# ---------------------------------------------------------------- pieces
def make_rc(c):
    e = c["errs"]
    d = Doc(title="Règlement de la consultation", subtitle=f"{c['buyer']} — {c['objet']}", hstyle="ARTICLE_colon" if c["n"][-1] in "13579" else "article_dash")
    d.p(f"Pouvoir adjudicateur : {c['buyer']}.")
    d.p(f"Date d'envoi à la publication : {c['date']}")
    d.h(1, 1, "Objet et étendue de la consultation")
    d.p(f"La consultation porte sur : {c['objet']}.")
    amt = sum(l[3] for l in c["lots"])
    big = amt >= 5404000 if c["nature"] == "travaux" else amt >= 216000
    if e.get("CS201") == "dec28_rc":
        d.p("Procédure adaptée passée en application de l'article 28 du décret n° 2016-360 du 25 mars 2016.")
    elif big:
        d.p("Procédure d'appel d'offres ouvert (articles R2124-2 et R2161-2 à R2161-5 du Code de la commande publique).")
    else:
        d.p("Procédure adaptée (article R2123-1 du Code de la commande publique).")
    if e.get("CS205") == "221000_rc":
        d.p("Le montant estimé étant inférieur au seuil européen de 221 000 € HT, une procédure adaptée est retenue.")
    if e.get("CS205") == "5538000_rc":
        d.p("Le montant estimé des travaux est inférieur au seuil de 5 538 000 € HT des procédures formalisées.")
    if len(c["lots"]) > 1:
        d.h(1, 2, "Allotissement")
        rows = [["Lot", "Désignation", "Montant estimé (€ HT)"]]
        for num, title, trade, a, cov in c["lots"]:
            if e.get("CS404") == "3_rc" and num == "3":
                continue
            rows.append([num, title, fmt_n(a)])
        d.t(rows)
    else:
        d.h(1, 2, "Allotissement")
        d.p("Le marché n'est pas alloti : les prestations forment un ensemble indissociable.")
        d.p(("Montant annuel estimé : " if c.get("peryear") else "Montant estimé : ") + eur(c["lots"][0][3]) + ".")
    d.h(1, 3, "Conditions d'exécution")
    if c["clause"] and not e.get("CS102"):
        cov = [l for l in c["lots"] if l[4]]
        if e.get("CS404") == "3_rc":
            cov = [l for l in cov if l[0] != "3"]
        if len(c["lots"]) > 1:
            ls = ", ".join(l[0] for l in cov)
            txt = f"Le marché comporte une condition d'exécution à caractère social : une clause d'insertion professionnelle s'applique aux lots {ls}."
        else:
            txt = "Le marché comporte une condition d'exécution à caractère social : une clause d'insertion professionnelle."
        if e.get("CS101") == "annex_orphan":
            txt += " Le détail figure dans l'annexe « Clause sociale d'insertion » du dossier."
        elif e.get("CS101") != "rc_ae":
            txt += " Son contenu est précisé à l'article 7 du CCAP."
        d.p(txt)
        if c["rc_hours"]:
            H = lot_hours(c)
            for num, h in H.items():
                if h:
                    d.p(f"{lotname(num)} : {fmt_n(h)} heures d'insertion.")
        if e.get("CS101") == "rc_ae":
            s, p, t, m = fac(c)
            d.p(PUBLICS.format(ft="France Travail", qpv="QPV"))
            d.p(MODAL)
            d.p(CONTACT.format(s=s, p=p, t=t, e=m))
            d.p(REPORT)
            for x in pen_texts(c):
                d.p(x)
        if e.get("CS204") == "direccte_rc":
            d.p("Le suivi de la clause est assuré en lien avec la DIRECCTE.")
    elif c.get("sans"):
        d.p("Clause sociale d'insertion : sans objet.")
    elif c.get("derog"):
        d.p("Conformément à l'article L2112-2-1 du Code de la commande publique, le marché ne comporte pas de condition "
            "d'exécution prenant en compte des considérations relatives à l'emploi : les véhicules sont des produits "
            "standard immédiatement disponibles, livrés par le constructeur sans prestation sur place, et une telle "
            "condition serait sans lien utile avec l'objet du marché.")
    else:
        d.p("Les conditions d'exécution sont fixées par le CCAP et le CCTP.")
    d.h(1, 4, "Remise des offres")
    d.p("Les offres sont remises sur le profil d'acheteur avant le 12 h 00 de la date limite. Délai de validité des offres : 120 jours.")
    d.p("Les candidats peuvent poser leurs questions jusqu'à dix jours avant la date limite. Variantes : non autorisées.")
    if "history" in c["traps"]:
        d.p("Pour mémoire, les anciennes clauses de l'article 14 du Code des marchés publics de 2006, abrogé depuis le "
            "1er avril 2019, sont remplacées par l'article L2112-2 du Code de la commande publique.")
    d.h(1, 5, "Jugement des offres")
    d.p("Prix : 60 % ; valeur technique : 40 %.")
    return d


def make_ccap(c):
    e = c["errs"]
    d = Doc(title="Cahier des clauses administratives particulières (CCAP)", subtitle=f"{c['buyer']} — {c['objet']}",
            hstyle="article_dash" if c["n"][-1] in "02468" else "chap", h2style="dot")
    d.h(1, 1, "Objet du marché")
    d.p(f"Le présent marché a pour objet : {c['objet']}.")
    if len(c["lots"]) > 1:
        d.t([["Lot", "Désignation"]] + [[l[0], l[1]] for l in c["lots"]])
    d.h(1, 2, "Pièces contractuelles")
    pieces = "l'acte d'engagement, le présent CCAP"
    if c["annex"] in ("partage", "fiche"):
        pieces += ", son annexe n° 1 « Clause sociale d'insertion »"
    ccag = "CCAG-FCS" if c["nature"] != "travaux" else "CCAG-Travaux"
    if e.get("CS203") == "ccag2009":
        ccag = "CCAG-Travaux de 2009"
    d.p(f"Les pièces contractuelles sont, par ordre de priorité : {pieces}, le CCTP, le {ccag}.")
    d.h(1, 3, "Durée et délais")
    if c.get("peryear"):
        d.p("L'accord-cadre est conclu pour un an, reconductible trois fois, soit une durée maximale de 4 ans.")
    else:
        d.p("Le délai d'exécution est fixé à 12 mois, période de préparation comprise.")
    noise(d, c)
    d.h(1, 4, "Prix et règlement")
    d.p("Les prix sont fermes et actualisables. Le délai global de paiement est de 30 jours (50 jours pour les établissements publics de santé).")
    d.h(1, 5, "Avance")
    d.p("Une avance de 10 % est versée lorsque le montant du lot dépasse 50 000 € HT.")
    d.h(1, 6, "Sous-traitance")
    d.p("Le titulaire peut sous-traiter dans les conditions du Code de la commande publique.")
    if c["clause"] and not e.get("CS101"):
        clause_blocks(d, c, 7, "ccap_short" if c["annex"] == "partage" else "ccap")
        nxt = 8
    else:
        if c.get("sans"):
            d.h(1, 7, "Clause sociale")
            d.p("Clause sociale d'insertion : sans objet.")
        nxt = 8 if c.get("sans") else 7
    if c["clause"] and not e.get("CS101"):
        d.h(1, 8, "Assurances")
        d.p("Le titulaire justifie d'une assurance de responsabilité civile et, pour les travaux, décennale.")
        d.h(1, 9, "Réception")
        d.p("La réception a lieu dans les conditions du CCAG applicable.")
        general_penalties(d, c, 10)
        d.h(1, 11, "Résiliation")
        d.p("Les stipulations du CCAG applicable s'appliquent.")
    else:
        d.h(1, nxt, "Pénalités")
        d.p("Les pénalités de retard sont fixées à 200 € par jour calendaire de retard.")
        d.h(1, nxt + 1, "Résiliation")
        d.p("Les stipulations du CCAG applicable s'appliquent.")
    if "history" in c["traps"]:
        d.p("Note : les clauses de l'ancien article 14 du Code des marchés publics, abrogé le 1er avril 2019, ne sont plus une base ; seul l'article L2112-2 du Code de la commande publique fonde la présente clause.")
    return d


def make_annex(c):
    e = c["errs"]
    H = lot_hours(c)
    s, p, t, m = fac(c)
    d = Doc(title="Annexe n° 1 au CCAP — Clause sociale d'insertion", subtitle=f"{c['buyer']} — {c['objet']}")
    if c["annex"] == "fiche":
        d.p("Fiche d'engagement du candidat, à compléter, signer et joindre à l'offre.")
        rows = [["Lot", "Heures d'insertion", "Engagement de l'entreprise"]]
        for num, h in H.items():
            if e.get("CS404") == "3_ae" and num == "3":
                pass
            if e.get("CS401") == num:
                h = int(h * 1.25 / 5 + 0.5) * 5
            rows.append([num, fmt_n(h) if h else "", "Je m'engage à réaliser ce volume d'heures d'insertion"])
        d.t(rows)
        d.p("Nom, qualité et signature du représentant habilité :")
        return d
    if c["annex"] == "orphan":
        clause_blocks(d, c, 1, "ccap")
        return d
    # partage
    d.h(1, 1, "Personnes éligibles")
    if not e.get("CS302"):
        d.p(publics_text(c, "annex"))
    d.h(1, 2, "Modalités")
    if not e.get("CS303"):
        d.p(MODAL)
    d.h(1, 3, "Facilitateur")
    d.p(CONTACT.format(s=s, p=p, t=t, e=m))
    if not e.get("CS305"):
        d.h(1, 4, "Suivi et contrôle")
        d.p(REPORT)
    return d


def make_ae(c, lot=None):
    e = c["errs"]
    H = lot_hours(c)
    d = Doc(title="Acte d'engagement" + (f" — lot {lot}" if lot else ""), subtitle=f"{c['buyer']} — {c['objet']}", hstyle="bare")
    d.h(1, "A", "Objet")
    d.p(f"Marché : {c['objet']}." + (f" Lot {lot}." if lot else ""))
    d.h(1, "B", "Engagement du candidat")
    d.p("Après avoir pris connaissance des pièces du marché, je m'engage, sans réserve, à exécuter les prestations aux prix de mon offre.")
    d.p("Montant de l'offre : ................ € HT")
    silent = e.get("CS103") or (e.get("CS101") == "annex_orphan" and False)
    if c["clause"] and not silent and c["annex"] != "fiche":
        items = [(num, h) for num, h in H.items() if (lot is None or num == lot)]
        if e.get("CS404") == "3_ae":
            items = [x for x in items if x[0] != "3"]
        if e.get("CS401"):
            items = [(num, (int(h * 1.25 / 5 + 0.5) * 5 if num == e["CS401"] else h)) for num, h in items]
        d.h(1, "C", "Clause sociale d'insertion")
        if len(c["lots"]) == 1 or lot:
            for num, h in items:
                if h:
                    d.p(f"Je m'engage à réaliser {fmt_n(h)} heures d'insertion" + (" par an" if c.get("peryear") else "") + " dans les conditions du CCAP.")
        else:
            rows = [["Lot", "Heures d'insertion sur lesquelles le candidat s'engage"]]
            for num, h in items:
                rows.append([num, fmt_n(h) if h else "—"])
            d.t(rows)
            if e.get("CS301") == "none":
                d.p("Je m'engage à réaliser les heures d'insertion arrêtées à la réunion de démarrage.")
    elif c["clause"] and c["annex"] == "fiche" and not silent:
        d.h(1, "C", "Clause sociale d'insertion")
        d.p("Le candidat joint la fiche d'engagement de l'annexe n° 1 au CCAP, dûment complétée.")
    d.h(1, "D", "Signature")
    d.p("Fait à ................, le ................")
    return d


def make_avis(c):
    e = c["errs"]
    d = Doc(title="Avis d'appel public à la concurrence", subtitle=c["buyer"])
    d.p(f"Acheteur : {c['buyer']}.")
    d.p(f"Objet : {c['objet']}.")
    d.p(f"Date d'envoi à la publication : {c['date']}")
    d.p("Procédure : voir règlement de la consultation.")
    if len(c["lots"]) > 1:
        d.p("Lots : " + " ; ".join(f"{l[0]} – {l[1]}" for l in c["lots"]) + ".")
    if not e.get("CS104"):
        d.p("Conditions particulières d'exécution : le marché comporte une condition d'exécution à caractère social (clause d'insertion), précisée au CCAP.")
    d.p("Date limite de réception des offres : voir le profil d'acheteur, 12 h 00.")
    return d


def make_cctp(c):
    d = Doc(title="Cahier des clauses techniques particulières (CCTP)", subtitle=c["objet"])
    d.h(1, 1, "Généralités")
    d.p("Les ouvrages sont exécutés selon les DTU et normes en vigueur. Les matériaux sont soumis au visa du maître d'œuvre.")
    d.h(1, 2, "Prescriptions")
    d.p("Les supports sont contrôlés avant toute application. Les déchets de chantier sont triés et évacués en filière agréée.")
    return d


# ---------------------------------------------------------------- writing
def write(doc, fmt, path, todo_pdf):
    if fmt == "docx":
        render_docx(doc, path)
    elif fmt == "odt":
        render_odt(doc, path)
    elif fmt == "pdf":
        todo_pdf.append((doc, path))


def soffice_batch(todo, tmp):
    src = tmp / "src"
    src.mkdir(parents=True, exist_ok=True)
    names = {}
    for i, (doc, path) in enumerate(todo):
        f = src / f"d{i:03d}.docx"
        render_docx(doc, f)
        names[f.stem] = path
    files = sorted(str(p) for p in src.glob("*.docx"))
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo_blind18", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp / "out")] + files, capture_output=True, timeout=900)
    for stem, path in names.items():
        o = tmp / "out" / f"{stem}.pdf"
        if o.exists() and o.stat().st_size > 0:
            shutil.move(str(o), str(path))
        else:
            print("soffice failed, fpdf fallback:", path)
            render_pdf(todo[int(stem[1:])][0], path)


def build_case(c, root, todo_pdf, post):
    e = c["errs"]
    folder = root / "sealed" / c["n"]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pieces, F, OPT = {}, [], []
    ext = lambda k: c["fmt"].get(k, "docx")  # noqa: E731
    clause_piece = None
    # RC
    if e.get("CS105") != "no_rc":
        rc = make_rc(c)
        if e.get("CS903") == "comment_rc":
            rc.comments.append((3, "À revoir avec le service juridique avant publication."))
        if e.get("CS905") == "rc_v":
            for v in ("RC_v1", "RC_v2"):
                write(rc, "pdf", folder / f"{v}.pdf", todo_pdf)
                pieces[f"{v}.pdf"] = "RC"
            rcname = ["RC_v1.pdf", "RC_v2.pdf"]
        else:
            rcname = f"01_RC.{ext('RC')}"
            write(rc, ext("RC"), folder / rcname, todo_pdf)
            pieces[rcname] = "RC"
    ccap = make_ccap(c)
    if e.get("CS903") == "tracked_ccap":
        ccap.tracked.append((4, "Le délai d'exécution est porté à 14 mois.", "Le délai d'exécution est fixé à 12 mois."))
    ccname = f"02_CCAP.{ext('CCAP')}"
    write(ccap, ext("CCAP"), folder / ccname, todo_pdf)
    pieces[ccname] = "CCAP"
    if e.get("CS905") == "ccap_copie":
        write(ccap, "docx", folder / "02_CCAP (copie).docx", todo_pdf)
        pieces["02_CCAP (copie).docx"] = "CCAP"
        ccname = [ccname, "02_CCAP (copie).docx"]
    anname = None
    if c["annex"]:
        anname = "04_Annexe_clause_insertion.docx"
        write(make_annex(c), "docx", folder / anname, todo_pdf)
        pieces[anname] = "ANNEXE_CLAUSE"
    aenames = []
    if e.get("CS105") != "no_ae":
        if c["ae_per_lot"]:
            for l in c["lots"]:
                nm = f"03_AE_lot{l[0]}.{ext('AE')}"
                write(make_ae(c, l[0]), ext("AE"), folder / nm, todo_pdf)
                pieces[nm] = "AE"
                aenames.append(nm)
        else:
            nm = f"03_AE.{ext('AE')}"
            write(make_ae(c), ext("AE"), folder / nm, todo_pdf)
            pieces[nm] = "AE"
            aenames.append(nm)
    avname = None
    if c["avis"]:
        avname = "00_Avis_AAPC.pdf"
        write(make_avis(c), "pdf", folder / avname, todo_pdf)
        pieces[avname] = "AAPC"
    if c["cctp"] == "pdf":
        write(make_cctp(c), "pdf", folder / "05_CCTP.pdf", todo_pdf)
        pieces["05_CCTP.pdf"] = "CCTP"
    if c["cctp"] == "docx_trunc":
        render_docx(make_cctp(c), folder / "05_CCTP.docx")
        damage_truncate(folder / "05_CCTP.docx", 0.45)
        pieces["05_CCTP.docx"] = None
        F.append(dict(code="CS901", piece="05_CCTP.docx", lot=None, planted=True, note="CCTP .docx tronqué"))
        OPT.append(dict(code="CS904", piece="05_CCTP.docx", lot=None, note="fichier illisible"))
    if c["cctp"] == "scan":
        render_scanned_pdf(make_cctp(c), folder / "05_CCTP.pdf", seed=7)
        pieces["05_CCTP.pdf"] = None
        F.append(dict(code="CS902", piece="05_CCTP.pdf", lot=None, planted=True, note="CCTP numérisé sans couche texte"))
        OPT.append(dict(code="CS904", piece="05_CCTP.pdf", lot=None, note="fichier numérisé"))
    for x in c["extras"]:
        if x == "plan":
            render_plan(folder / "plan_masse.png", ["PLAN DE MASSE", "Échelle 1/200"], seed=1)
            pieces["plan_masse.png"] = None
            F.append(dict(code="CS904", piece="plan_masse.png", lot=None, planted=False, note="plan : pas une pièce"))
        if x == "plan_jpg":
            render_plan(folder / "plan_situation.png", ["PLAN DE SITUATION"], seed=2)
            from PIL import Image
            Image.open(folder / "plan_situation.png").convert("RGB").save(folder / "plan_situation.jpg")
            (folder / "plan_situation.png").unlink()
            pieces["plan_situation.jpg"] = None
            F.append(dict(code="CS904", piece="plan_situation.jpg", lot=None, planted=False, note="plan : pas une pièce"))
        if x == "photo":
            render_plan(folder / "p.png", ["IMG_3318"], seed=5)
            from PIL import Image
            Image.open(folder / "p.png").convert("RGB").save(folder / "IMG_3318.jpg")
            (folder / "p.png").unlink()
            pieces["IMG_3318.jpg"] = None
            F.append(dict(code="CS904", piece="IMG_3318.jpg", lot=None, planted=True, note="photo : pas une pièce"))
        if x == "notes":
            (folder / "notes_reunion.txt").write_text("Réunion de préparation du 3 mars : vérifier les accès des collèges, prévoir les clés.\n", encoding="utf-8")
            pieces["notes_reunion.txt"] = None
            F.append(dict(code="CS904", piece="notes_reunion.txt", lot=None, planted=False, note="notes : pas une pièce"))
        if x == "notes_bad":
            (folder / "divers.txt").write_text("à faire : relancer le bureau de contrôle ; photos de la toiture à classer.\n", encoding="utf-8")
            pieces["divers.txt"] = None
            F.append(dict(code="CS904", piece="divers.txt", lot=None, planted=True, note="notes : pas une pièce"))
        if x == "dpgf":
            rows = [["Poste", "Désignation", "Unité", "Quantité", "PU HT", "Total HT"], ["1.1", "Décapage terre végétale", "m2", 4200, "", ""],
                    ["1.2", "Déblais", "m3", 3100, "", ""], ["2.1", "Grave non traitée", "t", 5200, "", ""]]
            render_xlsx([("DPGF", rows)], folder / "06_DPGF.xlsx", title="DPGF")
            pieces["06_DPGF.xlsx"] = "DPGF"
        if x == "dc1_empty":
            damage_empty(folder / "DC1.pdf")
            pieces["DC1.pdf"] = None
            F.append(dict(code="CS901", piece="DC1.pdf", lot=None, planted=True, note="DC1.pdf vide"))
            OPT.append(dict(code="CS904", piece="DC1.pdf", lot=None, note="fichier vide"))
        if x == "memoire_scan":
            md = Doc(title="Cadre de mémoire technique", subtitle=c["objet"])
            md.p("1. Moyens humains affectés. 2. Méthodologie. 3. Planning. 4. Gestion des déchets.")
            render_scanned_pdf(md, folder / "07_Cadre_memoire.pdf", seed=3)
            pieces["07_Cadre_memoire.pdf"] = None
            F.append(dict(code="CS902", piece="07_Cadre_memoire.pdf", lot=None, planted=True, note="cadre de mémoire numérisé"))
            OPT.append(dict(code="CS904", piece="07_Cadre_memoire.pdf", lot=None, note="fichier numérisé"))
    # ---------- key
    cl_piece = ccname if c["annex"] != "partage" else ([ccname] if isinstance(ccname, str) else ccname) + [anname]
    if c["annex"] == "orphan":
        cl_piece = [ccname, anname]
    H = lot_hours(c)
    lots_key = {}
    for num, h in H.items():
        if h is None:
            continue
        if e.get("CS401") == num:
            ae_h = int(h * 1.25 / 5 + 0.5) * 5
            v = {"CCAP": h, "AE": ae_h}
            if c["annex"] == "fiche":
                v = {"CCAP": h, "ANNEXE_CLAUSE": ae_h}
            lots_key[num] = v
        else:
            lots_key[num] = h
    if not c["clause"]:
        lots_key = {}

    def add(code, piece, lot=None, note="", planted=True):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))
    rcp = rcname if e.get("CS105") != "no_rc" else None
    for code, v in e.items():
        if code == "CS101":
            add("CS101", ccname, note="CCAP sans article de clause alors que la consultation porte une clause")
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                OPT.append(dict(code=k, piece=None, lot=None, note="CS101 : contenu jugé hors CCAP"))
        elif code == "CS102":
            add("CS102", rcp, note="RC qui n'annonce pas la clause")
        elif code == "CS103":
            add("CS103", None, note="aucun AE ni annexe ne porte l'engagement sur les heures")
        elif code == "CS104":
            add("CS104", avname, note="avis sans condition d'exécution sociale")
        elif code == "CS105":
            add("CS105", None, note="pièce usuelle absente : " + ("RC" if v == "no_rc" else "AE"))
        elif code == "CS201":
            add("CS201", rcp if v == "dec28_rc" else ccname, note=f"texte abrogé cité ({v})")
        elif code == "CS202":
            add("CS202", ccname, note=f"mauvais article du CCP pour la clause ({v})")
        elif code == "CS203":
            add("CS203", ccname, note=f"CCAG ({v})")
        elif code == "CS204":
            add("CS204", rcp if v == "direccte_rc" else ccname, note=f"nom périmé ({v})")
        elif code == "CS205":
            add("CS205", rcp, note=f"seuil périmé ({v})")
        elif code == "CS301":
            add("CS301", cl_piece, lot=None if v == "none" else v, note="pas de nombre d'heures")
            if v == "none":
                OPT.append(dict(code="CS103", piece=None, lot=None, note="CS301 sans aucun nombre"))
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, cl_piece, note=f"élément de clause absent ou défaillant ({v})")
            if code == "CS305":
                add("CS308", cl_piece, note="découle de CS305 : pas de pénalité de retard des justificatifs", planted=False)
        elif code == "CS401":
            add("CS401", [ccname if isinstance(ccname, str) else ccname[0]] + aenames + ([anname] if anname else []), lot=v, note="heures du lot différentes entre pièces")
            OPT.append(dict(code="CS403", piece=None, lot=v, note="CS401"))
        elif code == "CS402":
            add("CS402", ccname, note="total ≠ somme des lots")
        elif code == "CS403":
            add("CS403", None, lot=v[0], note=f"heures ×{v[1]} du calcul")
        elif code == "CS404":
            lot = "3"
            add("CS404", ([rcp] if v == "3_rc" else aenames) + [ccname], lot=lot, note=f"lot absent ({v})")
            OPT.append(dict(code="CS103", piece=None, lot=None, note="CS404"))
        elif code == "CS405":
            add("CS405", None, lot=v[0], note="heures sur un lot de fournitures seules")
            OPT.append(dict(code="CS403", piece=None, lot=v[0], note="CS405"))
        elif code == "CS501":
            add("CS501", None, note="au-dessus du seuil après le 21/08/2026 sans condition d'exécution ni justification")
            if not c.get("sans"):
                add("CS100", None, note="aucune clause et aucun « sans »", planted=False)
        elif code == "CS903":
            add("CS903", rcp if v == "comment_rc" else ccname, note=v)
        elif code == "CS905":
            add("CS905", rcname if v == "rc_v" else ccname, note="deux versions d'une pièce")
    if not c["clause"] and not c.get("sans") and not e.get("CS501"):
        if c.get("derog"):
            OPT.append(dict(code="CS100", piece=None, lot=None, note="dérogation motivée"))
        else:
            add("CS100", None, note="aucune clause et aucun « sans »", planted=False)
    key = dict(name=c["n"], half="sealed", review_date=c["review"], description=c["desc"], pieces=pieces,
               lots=lots_key, findings=F, optional=OPT)
    post.append((c, folder, key))
    return key


# ---------------------------------------------------------------- read back and checks
def read_text(path: Path):
    s = path.suffix.lower()
    if s == ".docx":
        import docx
        d = docx.Document(str(path))
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                out.append(" | ".join(c.text for c in r.cells))
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        out += re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml) if "w:ins" in xml else []
        return "\n".join(out)
    if s == ".odt":
        xml = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
        return re.sub(r"<[^>]+>", " ", xml.replace("</text:p>", "\n"))
    if s == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    if s == ".txt":
        return path.read_text(encoding="utf-8")
    return ""


def norm(t):
    return re.sub(r"\s+", " ", t.replace("\u00a0", " ").replace("’", "'"))


OBSOLETE = ["Pôle emploi", "DIRECCTE", "ZUS", "2015-899", "2016-360", "5 538 000", "221 000", "143 000", "8 septembre 2009",
            "L2113-13", "R2152-7", "20.1 du CCAG-FCS", "11,52"]
MARK = dict(CS302=["PASS IAE", "allocataires du RSA"], CS303=["ETTI", "embauche directe", "SIAE"],
            CS305=["tableau de suivi", "bilan final"], CS306=["heure d'insertion non réalisée", "engagement d'insertion n'est pas tenu"],
            CS308=["par jour de retard est appliquée, après"])


def checks(post):
    bad = []
    planted = Counter()
    for c, folder, key in post:
        texts = {}
        for f in sorted(folder.iterdir()):
            if key["pieces"].get(f.name) is None and f.suffix.lower() in (".png", ".jpg", ".txt"):
                continue
            try:
                texts[f.name] = norm(read_text(f))
            except Exception as ex:  # noqa: BLE001
                texts[f.name] = None
                if not any(x["code"] == "CS901" and x["piece"] == f.name for x in key["findings"]):
                    bad.append(f"{c['n']}: {f.name} unreadable {ex}")
        for name, kind in key["pieces"].items():
            if kind and not texts.get(name):
                if not name.endswith(".xlsx"):
                    bad.append(f"{c['n']}: {name} empty text")
        allt = "\n".join(t for t in texts.values() if t)
        for x in key["findings"]:
            if x["planted"]:
                planted[x["code"]] += 1
        e = c["errs"]
        # obsolete words: only where planted
        hist_ok = "history" in c["traps"]
        for w in OBSOLETE + ["Code des marchés publics"]:
            where = [n for n, t in texts.items() if t and w in t]
            if not where:
                continue
            if w == "Code des marchés publics" and (hist_ok or e.get("CS201") == "cmp14_ccap"):
                continue
            expected = [x["piece"] for x in key["findings"] if x["code"] in ("CS201", "CS202", "CS203", "CS204", "CS205", "CS307")]
            flat = set()
            for p in expected:
                flat.update(p if isinstance(p, list) else [p])
            if not set(where) <= flat:
                bad.append(f"{c['n']}: '{w}' in {where} not planted there")
        if not c["clause"] or not e:
            for w in ["Pôle emploi", "DIRECCTE", "5 538 000", "221 000", "2015-899", "2016-360", "L2113-13", "R2152-7", "2009"]:
                if w in allt:
                    bad.append(f"{c['n']}: non-planted case has '{w}'")
        for code, ws in MARK.items():
            present = any(w in allt for w in ws)
            removed = code in e or (code == "CS308" and "CS305" in e) or (code == "CS306" and False)
            if c["clause"] and not e.get("CS101"):
                if removed and present:
                    bad.append(f"{c['n']}: {code} removed but marker present")
                if not removed and not present and not (code == "CS306" and e.get("CS307")):
                    bad.append(f"{c['n']}: {code} element missing though not planted")
        s, p, t, m = fac(c)
        if e.get("CS304") and (t in allt or m in allt or "courriel" in allt or "téléphone" in allt):
            bad.append(f"{c['n']}: CS304 but contact present")
        if e.get("CS304") == "none" and s in allt:
            bad.append(f"{c['n']}: CS304 none but structure named")
        if e.get("CS102"):
            rct = "".join(texts[n] for n in texts if n.startswith(("01_RC", "RC_")))
            if "insertion" in rct or "social" in rct:
                bad.append(f"{c['n']}: CS102 but RC mentions insertion")
        if e.get("CS104"):
            if "insertion" in texts["00_Avis_AAPC.pdf"] or "social" in texts["00_Avis_AAPC.pdf"]:
                bad.append(f"{c['n']}: CS104 but avis mentions")
        if e.get("CS103"):
            for n, tt in texts.items():
                if n.startswith("03_AE") and "insertion" in tt:
                    bad.append(f"{c['n']}: CS103 but AE mentions insertion")
        if e.get("CS301") and e["CS301"] != "none":
            lot = e["CS301"]
            for n, tt in texts.items():
                if re.search(rf"(?:Lot {lot}\b|\b{lot} \|)[^\n|]*\|?\s*\d[\d ]* heures", tt):
                    bad.append(f"{c['n']}: CS301 lot {lot} has hours in {n}")
        if e.get("CS301") == "none" and re.search(r"\d+ heures d'insertion", allt):
            bad.append(f"{c['n']}: CS301 none but hours")
        if e.get("CS402"):
            m_ = re.search(r"Total \| ([\d ]+)", texts[key_ccap(key)]) or re.search(r"Total\s+([\d ]+\d)", texts[key_ccap(key)])
            tot = int(m_.group(1).replace(" ", "")) if m_ else None
            s_ = sum(v for v in key["lots"].values() if isinstance(v, int))
            if tot is None or tot == s_:
                bad.append(f"{c['n']}: CS402 total {tot} vs sum {s_}")
        if c.get("total") and not e.get("CS402"):
            m_ = re.search(r"Total \| ([\d ]+)", texts[key_ccap(key)]) or re.search(r"Total\s+([\d ]+\d)", texts[key_ccap(key)])
            s_ = sum(v for v in key["lots"].values() if isinstance(v, int))
            if not m_ or int(m_.group(1).replace(" ", "")) != s_:
                bad.append(f"{c['n']}: correct total mismatch")
        if e.get("CS404"):
            tgt = [n for n in texts if (n.startswith("01_RC") if e["CS404"] == "3_rc" else n.startswith("03_AE"))]
            for n in tgt:
                if re.search(r"(\b3 \||Lot 3|lots? [\d, ]*3\b)", texts[n]):
                    bad.append(f"{c['n']}: CS404 lot 3 present in {n}")
        # every hour figure in the key appears in the pieces
        for num, h in key["lots"].items():
            vals = h.values() if isinstance(h, dict) else [h]
            for v in vals:
                if fmt_n(v) not in allt:
                    bad.append(f"{c['n']}: hours {v} of lot {num} not found in text")
        if e.get("CS401"):
            ae = "".join(texts[n] for n in texts if n.startswith(("03_AE", "04_Annexe")))
            v = key["lots"][e["CS401"]]
            v = dict(v, AE=v.get("AE", v.get("ANNEXE_CLAUSE")))
            if fmt_n(v["AE"]) not in ae or v["AE"] == v["CCAP"]:
                bad.append(f"{c['n']}: CS401 AE value not there")
        if e.get("CS903"):
            n = key_piece(key, "CS903")
            z = zipfile.ZipFile(folder / n)
            xml = z.read("word/document.xml").decode()
            if not ("<w:ins" in xml or "word/comments.xml" in z.namelist()):
                bad.append(f"{c['n']}: CS903 no tracked change/comment")
        if e.get("CS905"):
            ps = key_piece(key, "CS905")
            if texts[ps[0]] != texts[ps[1]]:
                bad.append(f"{c['n']}: CS905 texts differ")
        if e.get("CS902"):
            n = key_piece(key, "CS902")
            if texts.get(n) and texts[n].strip():
                bad.append(f"{c['n']}: CS902 has text layer")
        if not c["clause"] and ("heures d'insertion" in allt or "clause d'insertion" in allt):
            bad.append(f"{c['n']}: no-clause case mentions clause")
        if c["date"] and "RC" in key["pieces"].values():
            for n, k in key["pieces"].items():
                if k == "RC" and "Date d'envoi à la publication : " + c["date"] not in texts[n]:
                    bad.append(f"{c['n']}: RC date missing in {n}")
        nplant = sum(1 for x in key["findings"] if x["planted"])
        if c["errs"] and not 1 <= nplant <= 3:
            bad.append(f"{c['n']}: {nplant} planted")
        if not c["errs"] and any(x["planted"] for x in key["findings"]):
            bad.append(f"{c['n']}: correct case with planted finding")
        if not c["errs"] and any(x["code"] not in ("CS904", "CS100") for x in key["findings"]):
            bad.append(f"{c['n']}: correct case with non-info finding")
    for code in ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205", "CS301", "CS302",
                 "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402", "CS403", "CS404", "CS405", "CS501",
                 "CS901", "CS902", "CS903", "CS904", "CS905"]:
        if planted[code] < 2:
            bad.append(f"code {code} planted {planted[code]}×")
    return bad, planted


def key_ccap(key):
    return [n for n, k in key["pieces"].items() if k == "CCAP"][0]


def key_piece(key, code):
    return [x["piece"] for x in key["findings"] if x["code"] == code][0]


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]) if args else HERE / "corpus"
    todo, post = [], []
    for c in C:
        prep(c)
        build_case(c, root, todo, post)
    tmp = Path(tempfile.mkdtemp(prefix="b18_"))
    soffice_batch(todo, tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    bad, planted = checks(post)
    if "--no-answers" not in argv:
        ad = HERE / "answers" / "sealed"
        ad.mkdir(parents=True, exist_ok=True)
        for c, folder, key in post:
            (ad / f"{c['n']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(post)} consultations ({sum(1 for c in C if not c['errs'])} correctes), {sum(planted.values())} erreurs plantées")
    print(" ".join(f"{k}:{v}" for k, v in sorted(planted.items())))
    if bad:
        print("CONTRÔLES EN ÉCHEC :")
        for b in bad:
            print("  ", b)
        return 1
    print("contrôles : OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
