#!/usr/bin/env python3
"""Quinzième corpus aveugle de Clausier : écrit corpus/sealed/b15-NN et answers/sealed/b15-NN.json
à partir de la table CASES, puis relit les fichiers et contrôle les corrigés.

    /work/main/.venv/bin/python benchmarks/blind15/build_corpus.py [OUT] [--no-answers]
"""
from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from b15lib.render import (Doc, damage_empty, damage_truncate, render_docx, render_odt,  # noqa: E402
                           render_pdf, render_plan, render_scanned_pdf, render_xlsx, soffice_pdf)

# ------------------------------------------------------------------ hours (hours.md, default profile)
MO = {"vrd": "0.30", "gros_oeuvre": "0.45", "charpente_bois": "0.35", "charpente_metallique": "0.20",
      "couverture_etancheite": "0.40", "menuiseries_exterieures": "0.25", "menuiseries_interieures": "0.40",
      "platrerie": "0.55", "peinture": "0.65", "revetements_sols": "0.45", "electricite": "0.45",
      "plomberie_cvc": "0.35", "ascenseurs": "0.20", "espaces_verts_creation": "0.45",
      "espaces_verts_entretien": "0.65", "nettoyage": "0.85", "collecte_dechets": "0.55",
      "restauration": "0.45", "demolition_desamiantage": "0.50", "fournitures": "0"}


def raw_hours(amount, trade):
    return Fraction(int(amount)) * Fraction(MO[trade]) * Fraction(5, 100) / 30


def round5(x):
    return int(math.floor(Fraction(x) / 5 + Fraction(1, 2))) * 5


def fmt_eur(a):
    s = f"{int(a):,}".replace(",", " ")
    return s + " €"


def fmt_h(h):
    return f"{h:,}".replace(",", " ")


# ------------------------------------------------------------------ facilitators (invented; fiction phone ranges)
FAC = [
    ("Maison de l'emploi et de la formation du Pays de Brocéliande-Ouest", "02 61 91 40 17",
     "clauses@mef-broceliande-ouest.fr"),
    ("PLIE de l'agglomération de Vaucanson", "04 65 71 22 08", "facilitation@plie-vaucanson.fr"),
    ("Mission clauses sociales du Département de la Haute-Lizonne", "05 36 49 11 73",
     "clauses.sociales@hautelizonne.fr"),
    ("Cellule insertion de la Métropole du Val d'Ardre", "03 53 01 64 90",
     "insertion.marches@valdardre-metropole.fr"),
    ("Maison de l'emploi du Grand Orcival", "01 99 00 37 52", "facilitatrice@mde-grand-orcival.fr"),
]

# ------------------------------------------------------------------ the cases
# lot: (numero, intitulé, montant € HT (annuel pour un accord-cadre), métier, couvert)
# errs: codes plantés avec leurs paramètres ; traps: pièges des dossiers corrects
L = lambda *a: a  # noqa: E731

CASES = [
 # ---------------------------------------------------------------- correct
 dict(n=1, buyer="Université de Brocéliande-Ouest", objet="Réhabilitation du bâtiment B de la faculté des sciences",
      nature="travaux", envoi="2026-09-14", fac=0, style="dash", layout="split", crit=True,
      lots=[L("1", "Gros œuvre – maçonnerie", 820000, "gros_oeuvre", True),
            L("2", "Plâtrerie – cloisons – faux plafonds", 310000, "platrerie", True),
            L("3", "Électricité courants forts et faibles", 265000, "electricite", True),
            L("4", "Peinture – revêtements muraux", 150000, "peinture", True)],
      files=dict(RC=("01_RC.pdf", "soffice"), CCAP=("02_CCAP.docx", "docx"), AE=("03_AE.docx", "docx")),
      extras=[("plan_batiment_B.png", "plan")], traps=["history14"]),
 dict(n=2, buyer="CROUS de Vaucanson", objet="Restructuration de la résidence universitaire Les Tilleuls",
      nature="travaux", envoi="2026-10-05", fac=1, style="para", layout="annex", pen_in="ccap", hform="etp",
      lots=[L("1", "Démolition – désamiantage", 380000, "demolition_desamiantage", True),
            L("2", "Gros œuvre – maçonnerie", 1150000, "gros_oeuvre", True),
            L("3", "Menuiseries extérieures", 240000, "menuiseries_exterieures", True)],
      files=dict(RC=("RC_Tilleuls.docx", "docx"), CCAP=("CCAP_Tilleuls.docx", "docx"),
                 AE=("AE_Tilleuls.docx", "docx"), ANNEXE=("Annexe_3_CCAP_clause_insertion.odt", "odt"),
                 AAPC=("Avis_BOAMP.pdf", "pdf")), extras=[]),
 dict(n=3, buyer="Grand Port fluvial de la Lizonne (syndicat mixte)", objet="Reconstruction du quai Nord et de ses réseaux",
      nature="travaux", envoi="2026-10-19", fac=2, style="paren", layout="split",
      lots=[L("1", "Génie civil – gros œuvre du quai", 4300000, "gros_oeuvre", True),
            L("2", "VRD – réseaux et voirie portuaire", 1950000, "vrd", True)],
      files=dict(RC=("RC.pdf", "pdf"), CCAP=("CCAP.pdf", "soffice"), AE=("AE.docx", "docx"),
                 AAPC=("Avis_JOUE.pdf", "pdf")), extras=[("vue_aerienne_quai.jpg", "photo")], above=True),
 dict(n=4, buyer="Syndicat mixte de l'aéroport de Vaucanson-Orcival", objet="Nettoyage des aérogares (accord-cadre à marchés subséquents)",
      nature="services", envoi="2026-09-28", fac=1, style="bis", layout="ccap", ac=dict(years=4),
      lots=[L("unique", "Nettoyage des aérogares", 260000, "nettoyage", True)],
      files=dict(RC=("1-RC.pdf", "pdf"), CCAP=("2-CCAP.docx", "docx"), AE=("3-AE.pdf", "soffice")),
      extras=[("photo_hall_depart.jpg", "photo")]),
 dict(n=5, buyer="SPL Haute-Lizonne Aménagement, mandataire du Département pour le musée de la Batellerie",
      objet="Rénovation muséographique du musée de la Batellerie", nature="travaux", envoi="2026-09-07", fac=2,
      style="plain", layout="split",
      lots=[L("1", "Menuiseries intérieures – agencement", 420000, "menuiseries_interieures", True),
            L("2", "Peinture – revêtements muraux", 175000, "peinture", True),
            L("3", "Nettoyage de fin de chantier (lot réservé EA/ESAT)", 45000, "nettoyage", False)],
      reserved="3",
      files=dict(RC=("RC_musee.pdf", "soffice"), CCAP=("CCAP_musee.pdf", "soffice"), AE=("AE_musee.docx", "docx"),
                 CCTP=("CCTP_musee.docx", "docx")), extras=[], traps=["history_ord"]),
 dict(n=6, buyer="Région Val d'Ardre – Direction des lycées", objet="Rénovation énergétique du lycée Jean-Rostand",
      nature="travaux", envoi="2026-10-26", fac=3, style="dash", layout="split",
      lots=[L("1", "Couverture – étanchéité", 510000, "couverture_etancheite", True),
            L("2", "Menuiseries extérieures", 640000, "menuiseries_exterieures", True),
            L("3", "Plomberie – chauffage – ventilation", 720000, "plomberie_cvc", True),
            L("4", "Ascenseurs", 95000, "ascenseurs", False),
            L("5", "Électricité", 330000, "electricite", True)],
      files=dict(RC=("RC_lycee.docx", "docx"), CCAP=("CCAP_lycee.docx", "docx"), AE=("AE_lycee.docx", "docx"),
                 DPGF=("DPGF_lycee.xlsx", "xlsx")), extras=[("notes_reunion_MOE.txt", "note")]),
 dict(n=7, buyer="Université du Grand Orcival", objet="Entretien des espaces verts du campus de la Sablière",
      nature="services", envoi="2026-11-02", fac=4, style="plain", layout="ccap", hform="prose",
      lots=[L("unique", "Entretien des espaces verts", 185000, "espaces_verts_entretien", True)],
      files=dict(RC=("Reglement_consultation.pdf", "pdf"), CCAP=("CCAP_EV.odt", "odt"), AE=("AE_EV.docx", "docx")),
      extras=[], thr_quote=True),
 dict(n=8, buyer="CROUS de Brocéliande-Ouest", objet="Nettoyage des résidences universitaires",
      nature="services", envoi="2026-09-21", fac=0, style="plain", layout="annex", pen_in="annex",
      lots=[L("1", "Résidences du campus nord", 210000, "nettoyage", True),
            L("2", "Résidences du centre-ville", 145000, "nettoyage", True)],
      files=dict(RC=("RC.docx", "docx"), CCAP=("CCAP.docx", "docx"), AE=("AE.docx", "docx"),
                 ANNEXE=("Cahier_des_charges_clause_insertion.docx", "docx"), BPU=("BPU.xlsx", "xlsx")), extras=[]),
 dict(n=9, buyer="Musée des Beaux-Arts de Vaucanson (régie municipale)", objet="Fourniture de vitrines d'exposition",
      nature="fournitures", envoi="2026-10-12", fac=None, style="plain", layout="ccap", clause="sans",
      lots=[L("unique", "Vitrines d'exposition", 95000, "fournitures", False)],
      files=dict(RC=("RC_vitrines.pdf", "pdf"), CCAP=("CCAP_vitrines.docx", "docx"), AE=("AE_vitrines.docx", "docx")),
      extras=[]),
 dict(n=10, buyer="Université de la Haute-Lizonne", objet="Fourniture de postes de travail informatiques",
      nature="fournitures", envoi="2026-09-30", fac=None, style="plain", layout="ccap", clause="derog",
      lots=[L("unique", "Postes de travail", 900000, "fournitures", False)],
      files=dict(RC=("RC.pdf", "soffice"), CCAP=("CCAP.docx", "docx"), AE=("AE.docx", "docx")), extras=[]),
 dict(n=11, buyer="SEM Val d'Ardre Construction, mandataire du Département pour le collège de Saint-Aubrac",
      objet="Construction du collège de Saint-Aubrac", nature="travaux", envoi="2026-11-09", fac=3,
      style="dash", layout="annex", pen_in="ccap",
      lots=[L("1", "VRD – terrassements", 460000, "vrd", True),
            L("2", "Gros œuvre", 1780000, "gros_oeuvre", True),
            L("3", "Charpente bois", 390000, "charpente_bois", True),
            L("4", "Revêtements de sols – carrelage", 210000, "revetements_sols", True)],
      files=dict(RC=("RC_college.pdf", "soffice"), CCAP=("CCAP_college.docx", "docx"), AE=("AE_college.pdf", "soffice"),
                 ANNEXE=("Annexe_3_clause_insertion.pdf", "pdf"), CCTP=("CCTP_college.docx", "docx")),
      extras=[("plan_masse_college.png", "plan")]),
 dict(n=12, buyer="Régie du port de plaisance de Brocéliande", objet="Réaménagement de la capitainerie",
      nature="travaux", envoi="2026-10-01", fac=0, style="bis", layout="ccap", hform="etp",
      lots=[L("1", "Gros œuvre – maçonnerie", 560000, "gros_oeuvre", True),
            L("2", "Électricité", 240000, "electricite", True),
            L("3", "Peinture", 60000, "peinture", False)],
      small="3",
      files=dict(RC=("RC_capitainerie.docx", "docx"), CCAP=("CCAP_capitainerie.pdf", "soffice"),
                 AE=("AE_capitainerie.docx", "docx"), AAPC=("Avis_publicite.pdf", "pdf")), extras=[]),
 # ---------------------------------------------------------------- faulty
 dict(n=13, buyer="Université de Vaucanson", objet="Mise en accessibilité de la bibliothèque universitaire",
      nature="travaux", envoi="2026-09-16", fac=1, style="dash", layout="ccap",
      lots=[L("1", "Gros œuvre", 480000, "gros_oeuvre", True), L("2", "Menuiseries intérieures", 230000, "menuiseries_interieures", True)],
      files=dict(RC=("RC_BU.pdf", "pdf"), CCAP=("CCAP_BU.docx", "docx"), AE=("AE_BU.docx", "docx")), extras=[],
      errs=[("CS101", {}), ("CS205", dict(text="221 000 € HT"))]),
 dict(n=14, buyer="Musée archéologique régional d'Orcival", objet="Extension des réserves du musée",
      nature="travaux", envoi="2026-10-07", fac=4, style="plain", layout="ccap",
      lots=[L("1", "Gros œuvre", 690000, "gros_oeuvre", True), L("2", "Charpente métallique", 380000, "charpente_metallique", True)],
      files=dict(RC=("RC_reserves.docx", "docx"), CCAP=("CCAP_reserves.odt", "odt"), AE=("AE_reserves.docx", "docx")),
      extras=[("Compte_rendu_reunion_programmation.docx", "cr")], errs=[("CS101", {}), ("CS904", {})]),
 dict(n=15, buyer="CROUS du Grand Orcival", objet="Restauration collective des restaurants universitaires",
      nature="services", envoi="2026-09-23", fac=4, style="para", layout="ccap",
      lots=[L("1", "Restaurant universitaire du Mail", 520000, "restauration", True),
            L("2", "Cafétérias du campus", 260000, "restauration", True)],
      files=dict(RC=("RC.pdf", "soffice"), CCAP=("CCAP.docx", "docx"), AE=("AE.docx", "docx")), extras=[],
      errs=[("CS102", {}), ("CS306", {})]),
 dict(n=16, buyer="Aéroport régional de Brocéliande (syndicat mixte)", objet="Réfection des bâtiments de l'aérogare fret",
      nature="travaux", envoi="2026-10-14", fac=0, style="paren", layout="ccap",
      lots=[L("1", "Couverture – étanchéité", 440000, "couverture_etancheite", True),
            L("2", "Plâtrerie – faux plafonds", 260000, "platrerie", True)],
      files=dict(RC=("RC_fret.docx", "docx"), CCAP=("CCAP_fret.docx", "docx"), AE=("AE_fret.docx", "docx")), extras=[],
      errs=[("CS102", {}), ("CS403", dict(lot="1", factor=4)), ("CS303", {})]),
 dict(n=17, buyer="Région Haute-Lizonne", objet="Restructuration du lycée professionnel Marie-Curie",
      nature="travaux", envoi="2026-09-09", fac=2, style="dash", layout="ccap",
      lots=[L("1", "Gros œuvre", 950000, "gros_oeuvre", True), L("2", "Plomberie – CVC", 410000, "plomberie_cvc", True)],
      files=dict(RC=("RC_lycee_pro.pdf", "pdf"), CCAP=("CCAP_lycee_pro.docx", "docx"), AE=("AE_lycee_pro.docx", "docx")),
      extras=[], errs=[("CS103", {}), ("CS201", dict(piece="CCAP", text="article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015"))]),
 dict(n=18, buyer="Université de Brocéliande-Ouest", objet="Rénovation des amphithéâtres A1 à A4",
      nature="travaux", envoi="2026-10-21", fac=0, style="para", layout="ccap",
      lots=[L("1", "Menuiseries intérieures – gradins", 360000, "menuiseries_interieures", True),
            L("2", "Revêtements de sols", 180000, "revetements_sols", True),
            L("3", "Électricité", 290000, "electricite", True)],
      files=dict(RC=("RC_amphis.docx", "docx"), CCAP=("CCAP_amphis.docx", "docx"), AE=("AE_amphis.pdf", "soffice")),
      extras=[], errs=[("CS103", {}), ("CS402", dict(piece="CCAP", delta=100)), ("CS302", {})]),
 dict(n=19, buyer="Musée de la Marine de Vaucanson", objet="Restauration des façades du musée",
      nature="travaux", envoi="2026-09-18", fac=1, style="plain", layout="ccap",
      lots=[L("1", "Maçonnerie – pierre de taille", 740000, "gros_oeuvre", True),
            L("2", "Menuiseries extérieures", 210000, "menuiseries_exterieures", True)],
      files=dict(RC=("RC_facades.pdf", "pdf"), CCAP=("CCAP_facades.docx", "docx"), AE=("AE_facades.docx", "docx"),
                 AAPC=("Avis_BOAMP_facades.pdf", "pdf")), extras=[], errs=[("CS104", {}), ("CS302", {})]),
 dict(n=20, buyer="Région Val d'Ardre", objet="Entretien des espaces verts des lycées du secteur Est",
      nature="services", envoi="2026-10-28", fac=3, style="bis", layout="ccap",
      lots=[L("1", "Lycées de l'agglomération", 230000, "espaces_verts_entretien", True),
            L("2", "Lycées ruraux", 150000, "espaces_verts_entretien", True)],
      files=dict(RC=("RC_EV_lycees.docx", "docx"), CCAP=("CCAP_EV_lycees.docx", "docx"), AE=("AE_EV_lycees.docx", "docx"),
                 AAPC=("Avis_EV_lycees.pdf", "pdf")), extras=[], errs=[("CS104", {}), ("CS305", {})]),
 dict(n=21, buyer="CROUS de la Haute-Lizonne", objet="Réhabilitation de la résidence Pasteur",
      nature="travaux", envoi="2026-09-25", fac=2, style="dash", layout="annex", pen_in="annex",
      lots=[L("1", "Gros œuvre", 620000, "gros_oeuvre", True), L("2", "Peinture", 190000, "peinture", True)],
      files=dict(RC=("RC_Pasteur.docx", "docx"), CCAP=("CCAP_Pasteur.docx", "docx"),
                 ANNEXE=("Annexe_3_engagement_insertion.docx", "docx")), extras=[],
      errs=[("CS105", dict(missing="AE")), ("CS204", dict(piece="ANNEXE", text="agrément Pôle emploi"))]),
 dict(n=22, buyer="Grand Port fluvial de la Lizonne (syndicat mixte)", objet="Réfection des terre-pleins de la darse Sud",
      nature="travaux", envoi="2026-10-09", fac=2, style="paren", layout="ccap",
      lots=[L("1", "VRD – chaussées portuaires", 1400000, "vrd", True), L("2", "Réseaux d'éclairage", 330000, "electricite", True)],
      files=dict(CCAP=("CCAP_darse.docx", "docx"), AE=("AE_darse.docx", "docx"), AAPC=("Avis_darse.pdf", "pdf")),
      extras=[], errs=[("CS105", dict(missing="RC")), ("CS203", dict(text="CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009")), ("CS308", {})]),
 dict(n=23, buyer="Université du Grand Orcival", objet="Construction d'un centre de ressources pédagogiques",
      nature="travaux", envoi="2026-11-04", fac=4, style="dash", layout="split",
      lots=[L("1", "Gros œuvre", 1250000, "gros_oeuvre", True), L("2", "Plâtrerie", 340000, "platrerie", True),
            L("3", "Peinture", 160000, "peinture", True)],
      files=dict(RC=("RC_CRP.docx", "docx"), CCAP=("CCAP_CRP.docx", "docx"), AE=("AE_CRP.docx", "docx")), extras=[],
      errs=[("CS201", dict(piece="RC", text="article 53 du Code des marchés publics")), ("CS903", dict(piece="CCAP", how="tracked"))]),
 dict(n=24, buyer="Musée départemental d'art sacré (Département de la Haute-Lizonne)", objet="Aménagement des salles d'exposition",
      nature="travaux", envoi="2026-09-29", fac=2, style="para", layout="ccap",
      lots=[L("1", "Menuiseries intérieures", 300000, "menuiseries_interieures", True),
            L("2", "Peinture – revêtements", 210000, "peinture", True),
            L("3", "Électricité – éclairage muséographique", 250000, "electricite", True)],
      files=dict(RC=("RC_salles.pdf", "pdf"), CCAP=("CCAP_salles.docx", "docx"), AE=("AE_salles.docx", "docx")), extras=[],
      errs=[("CS202", dict(piece="CCAP", text="L. 2113-13")), ("CS307", dict(how="smic2025")), ("CS404", dict(lot="2"))]),
 dict(n=25, buyer="Syndicat mixte de l'aéroport de Vaucanson-Orcival", objet="Collecte et évacuation des déchets de la plateforme",
      nature="services", envoi="2026-10-16", fac=1, style="plain", layout="ccap",
      lots=[L("unique", "Collecte des déchets", 240000, "collecte_dechets", True)],
      files=dict(RC=("RC_dechets.docx", "docx"), CCAP=("CCAP_dechets.docx", "docx"), AE=("AE_dechets.docx", "docx")), extras=[],
      errs=[("CS202", dict(piece="CCAP", text="R. 2152-7")), ("CS304", {})]),
 dict(n=26, buyer="Région Brocéliande-Ouest", objet="Extension du lycée maritime de Kerlann",
      nature="travaux", envoi="2026-09-11", fac=0, style="dash", layout="ccap",
      lots=[L("1", "Gros œuvre", 880000, "gros_oeuvre", True), L("2", "Charpente bois", 270000, "charpente_bois", True)],
      files=dict(RC=("RC_Kerlann.pdf", "pdf"), CCAP=("CCAP_Kerlann.docx", "docx"), AE=("AE_Kerlann.docx", "docx")), extras=[],
      errs=[("CS203", dict(text="article 16.1 du CCAG-Travaux")), ("CS401", dict(lot="1", piece="AE", delta=30))]),
 dict(n=27, buyer="SPL Orcival Patrimoine, mandataire de la Ville pour le musée Lapérouse",
      objet="Restauration du musée Lapérouse", nature="travaux", envoi="2026-10-23", fac=4, style="plain", layout="ccap",
      lots=[L("1", "Maçonnerie", 510000, "gros_oeuvre", True), L("2", "Peinture", 230000, "peinture", True)],
      files=dict(RC=("RC_Laperouse.docx", "docx"), CCAP=("CCAP_Laperouse.docx", "docx"), AE=("AE_Laperouse.docx", "docx")), extras=[],
      errs=[("CS204", dict(piece="CCAP", text="DIRECCTE")), ("CS205", dict(text="5 538 000 € HT")), ("CS903", dict(piece="RC", how="comment"))]),
 dict(n=28, buyer="Université de la Haute-Lizonne", objet="Rénovation des laboratoires de chimie",
      nature="travaux", envoi="2026-11-06", fac=2, style="paren", layout="ccap",
      lots=[L("1", "Plomberie – CVC – sorbonnes", 690000, "plomberie_cvc", True),
            L("2", "Électricité", 310000, "electricite", True)],
      files=dict(RC=("RC_labos.pdf", "soffice"), CCAP=("CCAP_labos.docx", "docx"), AE=("AE_labos.docx", "docx")), extras=[],
      errs=[("CS301", dict(lot="2")), ("CS303", {})]),
 dict(n=29, buyer="CROUS de Vaucanson", objet="Entretien ménager des restaurants universitaires",
      nature="services", envoi="2026-09-30", fac=1, style="plain", layout="ccap",
      lots=[L("unique", "Entretien ménager", 170000, "nettoyage", True)],
      files=dict(RC=("RC_menage.docx", "docx"), CCAP=("CCAP_menage.docx", "docx"), AE=("AE_menage.docx", "docx"),
                 CCTP=("CCTP_menage.pdf", "scan")), extras=[],
      errs=[("CS301", dict(lot=None)), ("CS304", {}), ("CS902", dict(piece="CCTP"))]),
 dict(n=30, buyer="Musée de la Faïence d'Orcival (établissement public de coopération culturelle)", objet="Réaménagement de l'accueil et mobilier",
      nature="travaux", envoi="2026-10-02", fac=4, style="dash", layout="ccap",
      lots=[L("1", "Menuiseries intérieures – banque d'accueil", 280000, "menuiseries_interieures", True),
            L("2", "Fourniture de mobilier (livraison seule)", 120000, "fournitures", True)],
      files=dict(RC=("RC_accueil.docx", "docx"), CCAP=("CCAP_accueil.docx", "docx"), AE=("AE_accueil.docx", "docx")), extras=[],
      errs=[("CS305", {}), ("CS405", dict(lot="2", hours=140))]),
 dict(n=31, buyer="Région Haute-Lizonne – mandat à la SPL Lizonne Bâtiments", objet="Réhabilitation de l'internat du lycée agricole",
      nature="travaux", envoi="2026-10-13", fac=2, style="para", layout="ccap",
      lots=[L("1", "Gros œuvre", 720000, "gros_oeuvre", True), L("2", "Menuiseries extérieures", 300000, "menuiseries_exterieures", True),
            L("3", "Peinture", 180000, "peinture", True)],
      files=dict(RC=("RC_internat.pdf", "pdf"), CCAP=("CCAP_internat.docx", "docx"), AE=("AE_internat.docx", "docx")), extras=[],
      errs=[("CS306", {}), ("CS404", dict(lot="3")), ("CS403", dict(lot="1", factor=Fraction(1, 4)))]),
 dict(n=32, buyer="Aéroport régional de Brocéliande (syndicat mixte)", objet="Nettoyage de l'aérogare passagers",
      nature="services", envoi="2026-09-17", fac=0, style="bis", layout="ccap",
      lots=[L("unique", "Nettoyage aérogare", 330000, "nettoyage", True)],
      files=dict(RC=("RC_aerogare.pdf", "pdf"), CCAP=("CCAP_aerogare.docx", "docx"), AE=("AE_aerogare.docx", "docx"),
                 CCTP=("CCTP_aerogare.docx", "trunc")), extras=[],
      errs=[("CS307", dict(how="later")), ("CS308", {}), ("CS901", dict(piece="CCTP"))]),
 dict(n=33, buyer="CROUS de Brocéliande-Ouest", objet="Construction de la résidence étudiante Les Goélands",
      nature="travaux", envoi="2026-11-12", fac=0, style="dash", layout="split", fiche=True,
      lots=[L("1", "Gros œuvre", 1350000, "gros_oeuvre", True), L("2", "Menuiseries intérieures", 330000, "menuiseries_interieures", True)],
      files=dict(RC=("RC_Goelands.docx", "docx"), CCAP=("CCAP_Goelands.docx", "docx"), AE=("AE_Goelands.docx", "docx"),
                 ANNEXE=("Fiche_engagement_insertion.docx", "docx")), extras=[],
      errs=[("CS401", dict(lot="1", piece="ANNEXE", delta=35)), ("CS905", dict(piece="CCAP", copy="CCAP_Goelands (copie).docx"))]),
 dict(n=34, buyer="Grand Port fluvial de la Lizonne (syndicat mixte)", objet="Rénovation de la gare maritime et équipement",
      nature="travaux", envoi="2026-10-30", fac=2, style="plain", layout="ccap",
      lots=[L("1", "Gros œuvre", 640000, "gros_oeuvre", True), L("2", "Plâtrerie", 220000, "platrerie", True),
            L("3", "Fourniture de bancs et signalétique (livraison)", 90000, "fournitures", True)],
      files=dict(RC=("RC_gare.docx", "docx"), CCAP=("CCAP_gare.docx", "docx"), AE=("AE_gare.docx", "docx"),
                 DPGF=("DPGF_gare.pdf", "scan")), extras=[],
      errs=[("CS402", dict(piece="RC", delta=-100)), ("CS405", dict(lot="3", hours=105)), ("CS902", dict(piece="DPGF"))]),
 dict(n=35, buyer="Région Val d'Ardre", objet="Nettoyage des locaux de l'hôtel de Région (trois ans)",
      nature="services", envoi="2026-09-14", fac=None, style="plain", layout="ccap", clause="none", years=3,
      lots=[L("unique", "Nettoyage des locaux", 160000, "nettoyage", False)],
      files=dict(RC=("RC_nettoyage.docx", "docx"), CCAP=("CCAP_nettoyage.docx", "docx"), AE=("AE_nettoyage.docx", "docx"),
                 AAPC=("Avis_nettoyage.pdf", "pdf"), DQE=("DQE.pdf", "empty")),
      extras=[("notes_internes_relecture.txt", "note_planted")],
      errs=[("CS501", {}), ("CS901", dict(piece="DQE")), ("CS904", {})]),
 dict(n=36, buyer="Syndicat mixte de l'aéroport de Vaucanson-Orcival", objet="Maintenance des passerelles et des tapis bagages",
      nature="services", envoi="2026-10-05", fac=None, style="plain", layout="ccap", clause="sans", years=3,
      lots=[L("unique", "Maintenance des équipements aéroportuaires", 250000, "ascenseurs", False)],
      files=dict(RC=("RC_v1.pdf", "pdf"), CCAP=("CCAP_maintenance.docx", "docx"), AE=("AE_maintenance.docx", "docx")),
      extras=[], errs=[("CS501", {}), ("CS905", dict(piece="RC", copy="RC_v2.pdf"))]),
]


# ------------------------------------------------------------------ derived facts of a case
def errd(c):
    return {code: p for code, p in c.get("errs", [])}


def has_clause(c):
    return c.get("clause", "yes") == "yes"


def ccag_of(c):
    return "Travaux" if c["nature"] == "travaux" else "FCS"


def ccag_art(c):
    return "20.1" if c["nature"] == "travaux" else "16.1"


def lot_hours(c):
    """Returns {lot: computed hours or None}, after adjusting amounts away from rounding edges."""
    out = {}
    newlots = []
    for (num, title, amount, trade, cov) in c["lots"]:
        if cov and trade != "fournitures":
            while True:
                r = raw_hours(amount, trade)
                fr = (r / 5) - math.floor(r / 5)
                if r >= 78 and abs(fr - Fraction(1, 2)) > Fraction(1, 20):
                    break
                amount += 5000
            out[num] = round5(raw_hours(amount, trade))
        else:
            out[num] = None
        newlots.append((num, title, amount, trade, cov))
    c["lots"] = newlots
    return out


def stated(c):
    """Hours written per lot per piece kind: {kind: {lot: int|str}} and the key's lots."""
    E = errd(c)
    comp = c["computed"]
    base = {}
    for (num, title, amount, trade, cov) in c["lots"]:
        h = comp[num]
        if "CS403" in E and E["CS403"]["lot"] == num:
            h = round5(comp[num] * E["CS403"]["factor"])
        if "CS405" in E and E["CS405"]["lot"] == num:
            h = E["CS405"]["hours"]
        if "CS301" in E and (E["CS301"]["lot"] in (None, num)) and h is not None:
            h = "à définir"
        if h is not None:
            base[num] = h
    kinds = []
    if has_clause(c):
        if "CCAP" in c["files"] and not (c["layout"] == "annex") and "CS101" not in E:
            kinds.append("CCAP")
        if "RC" in c["files"] and "CS102" not in E:
            kinds.append("RC")
        if "AE" in c["files"] and "CS103" not in E:
            kinds.append("AE")
        if "ANNEXE" in c["files"]:
            kinds.append("ANNEXE")
    per = {k: dict(base) for k in kinds}
    if "CS401" in E:
        p = E["CS401"]
        per[p["piece"]][p["lot"]] = base[p["lot"]] + p["delta"]
    if "CS404" in E:
        per["AE"].pop(E["CS404"]["lot"])
    return per, base


KIND = {"RC": "RC", "CCAP": "CCAP", "AE": "AE", "ANNEXE": "ANNEXE_CLAUSE", "AAPC": "AAPC", "CCTP": "CCTP",
        "DPGF": "DPGF", "BPU": "BPU", "DQE": "DQE"}


# ------------------------------------------------------------------ clause wording
def els(c):
    """Which clause elements are present."""
    E = errd(c)
    return dict(publics="CS302" not in E, modalites="CS303" not in E, contact="CS304" not in E,
                suivi="CS305" not in E, pen_h="CS306" not in E, pen_doc=("CS308" not in E and "CS305" not in E))


def basis_text(c):
    E = errd(c)
    art = ccag_art(c)
    ccag = f"CCAG-{ccag_of(c)}"
    if "CS203" in E and "16.1" in E["CS203"]["text"]:
        cc = f"de l'{E['CS203']['text']}"
    else:
        cc = f"de l'article {art} du {ccag} approuvé par l'arrêté du 30 mars 2021"
    if "CS202" in E and E["CS202"]["piece"] == "CCAP":
        law = f"l'article {E['CS202']['text']} du Code de la commande publique"
    elif "CS201" in E and E["CS201"]["piece"] == "CCAP":
        law = "l'" + E["CS201"]["text"]
    else:
        law = "l'article L. 2112-2 du Code de la commande publique"
        if c.get("above"):
            law = ("les articles L. 2112-2 et L. 2112-2-1 du Code de la commande publique (la valeur estimée "
                   "du marché dépassant le seuil européen des travaux de 5 404 000 € HT)")
    return (f"En application de {law} et {cc}, le titulaire met en œuvre une action d'insertion professionnelle "
            "au bénéfice de personnes éloignées de l'emploi. Cette action est une condition d'exécution du marché ; "
            "elle ne constitue ni un critère de sélection des candidatures ni, en elle-même, un motif de rejet de l'offre.")


def hours_blocks(c, per_kind, kind, D, ref_label):
    """Adds the hours statement for `kind` to Doc D."""
    hs = per_kind[kind]
    form = c.get("hform", "table")
    ac = c.get("ac")
    lots = c["lots"]
    E = errd(c)
    if ac:
        h = hs["unique"]
        D.p(f"Le titulaire réalise, pour chaque année d'exécution de l'accord-cadre, au moins {fmt_h(h)} heures "
            "de travail d'insertion, réparties entre les marchés subséquents au prorata des montants commandés.")
        D.p(f"Pour mémoire, sur la durée maximale de {ac['years']} ans de l'accord-cadre, cet engagement représente "
            f"{fmt_h(h * ac['years'])} heures ; ce rappel n'ajoute aucune obligation.")
        return
    if lots[0][0] == "unique":
        h = hs.get("unique")
        if isinstance(h, str):
            D.p("Le nombre d'heures d'insertion sera arrêté avec le titulaire lors de la réunion de lancement, "
                "au vu de son organisation.")
        elif form == "prose":
            D.p(f"Le marché n'est pas alloti. Sur la durée du marché, le titulaire consacre à l'insertion "
                f"{fmt_h(h)} heures de travail, soit environ 5 % des heures nécessaires à l'exécution des prestations.")
        else:
            D.p(f"Nombre d'heures d'insertion à réaliser sur la durée du marché (marché non alloti) : {fmt_h(h)} heures.")
        return
    rows = [["Lot", "Intitulé", "Heures d'insertion"]]
    for (num, title, amount, trade, cov) in lots:
        if num in hs:
            v = hs[num]
            if isinstance(v, str):
                rows.append([num, title, "à définir avec le titulaire"])
            elif form == "etp" and kind in ("CCAP", "ANNEXE"):
                etp = f"{v / 1607:.1f}".replace(".", ",")
                rows.append([num, title, f"environ {etp} ETP sur 12 mois, soit {fmt_h(v)} heures"])
            else:
                rows.append([num, title, f"{fmt_h(v)} heures"])
        elif c.get("reserved") == num:
            rows.append([num, title, "lot réservé (article L. 2113-12) – pas d'heures d'insertion"])
        elif kind == "AE" and "CS404" in E and E["CS404"]["lot"] == num:
            continue
        else:
            rows.append([num, title, "non concerné"])
    nums = [v for v in hs.values() if isinstance(v, int)]
    D.t(rows)
    if len(nums) >= 2 and kind in ("CCAP", "RC"):
        tot = sum(nums)
        if "CS402" in E and E["CS402"]["piece"] == kind:
            tot += E["CS402"]["delta"]
        D.p(f"Total des heures d'insertion pour l'ensemble des lots concernés : {fmt_h(tot)} heures.")
    if c.get("small"):
        D.p(f"Le lot {c['small']} n'est pas soumis à la clause : le volume d'heures calculé serait trop faible "
            "pour permettre un parcours d'insertion.")


def publics_blocks(D, c, pole=False):
    D.p("Sont éligibles à l'action d'insertion, notamment :")
    D.li("les demandeurs d'emploi de longue durée inscrits à France Travail depuis plus de douze mois ;")
    D.li("les bénéficiaires du RSA, de l'ASS ou de l'AAH ;")
    D.li("les jeunes de moins de 26 ans sortis du système scolaire sans diplôme ou sans expérience ;")
    D.li("les personnes reconnues travailleurs handicapés ;")
    if pole:
        D.li("les personnes titulaires d'un agrément Pôle emploi au titre de l'insertion par l'activité économique ;")
    D.li("les personnes bénéficiant d'un PASS IAE délivré par la plateforme de l'inclusion, ou résidant dans un "
         "quartier prioritaire de la politique de la ville (QPV).")
    D.p("Le facilitateur vérifie l'éligibilité de chaque personne avant le début de sa mission.")


def modalites_blocks(D):
    D.p("Le titulaire choisit librement l'une ou plusieurs des modalités suivantes :")
    D.li("l'embauche directe (CDI, CDD, contrat d'apprentissage ou de professionnalisation) ;")
    D.li("la mise à disposition de salariés par une ETTI, une association intermédiaire ou un GEIQ ;")
    D.li("la sous-traitance ou la cotraitance avec une SIAE, une entreprise adaptée ou un ESAT.")


def contact_text(c):
    s, t, m = FAC[c["fac"]]
    return (f"Facilitateur de la clause : {s} – téléphone {t} – courriel {m}. Il accompagne le titulaire dans le "
            "choix des candidats et le montage de l'action.")


def suivi_blocks(D, c):
    E = errd(c)
    who = "à la DIRECCTE et au facilitateur" if ("CS204" in E and E["CS204"]["piece"] == "CCAP") else "au facilitateur"
    D.p(f"Le titulaire adresse {who}, au plus tard le 10 de chaque mois, un état mensuel des heures réalisées "
        "(nom, date d'entrée, contrat, heures) accompagné des copies des contrats et des relevés d'heures des "
        "structures d'insertion. Un bilan final est remis dans un délai de 30 jours après la réception.")
    D.p("Le titulaire informe le facilitateur dans un délai de 48 heures de toute rupture de parcours, afin qu'un "
        "remplacement soit proposé. La durée hebdomadaire de 35 heures sert de référence au décompte des contrats.")


def pen_lines(c):
    E = errd(c)
    e = els(c)
    out = []
    if e["pen_h"]:
        if "CS307" in E and E["CS307"]["how"] == "smic2025":
            out.append("Heures non réalisées : pénalité de 11,88 € (SMIC horaire brut 2025) multipliée par 1,5, "
                       "par heure d'insertion non réalisée.")
        elif "CS307" in E:
            out.append("Heures non réalisées : pénalité dont le montant sera arrêté ultérieurement par le maître "
                       "d'ouvrage, par heure d'insertion non réalisée.")
        else:
            out.append("Heures non réalisées : pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date "
                       "du constat, par heure d'insertion non réalisée.")
    if e["pen_doc"]:
        out.append("Retard de transmission : pénalité de 100 € par jour de retard dans la transmission des "
                   "justificatifs d'insertion, si la mise en demeure adressée au titulaire n'est pas suivie d'effet sous huit jours.")
    return out


# ------------------------------------------------------------------ piece builders
def clause_pos(c):
    return 5 + (c["n"] * 7) % 11  # article number of (or holding) the clause: 5 … 15


def pen_pos(c):
    return 18 if c["style"] == "bis" else 19


def clause_ref(c):
    P = clause_pos(c)
    return {"dash": f"{P}-2", "para": f"{P}.2", "paren": f"{P}.2", "bis": f"{P} bis", "plain": f"{P}"}[c["style"]]


def h1(c, k, title):
    st = c["style"]
    if st == "dash":
        return f"Article {k} – {title}"
    if st == "para":
        return f"§ {k} – {title}"
    if st == "paren":
        return f"{k}) {title.upper()}"
    if st == "bis":
        return f"Art. {k} – {title}"
    return f"ARTICLE {k} : {title.upper()}"


def clause_heads(c):
    """(parent heading or None, env heading or None, clause heading, sub-heading function)."""
    P = clause_pos(c)
    st = c["style"]
    if st == "dash":
        return (f"Article {P} – Conditions particulières d'exécution", f"Article {P}-1 – Clause environnementale",
                f"Article {P}-2 – Clause sociale d'insertion", lambda i, t: f"Article {P}-2-{i} – {t}")
    if st == "para":
        return (f"§ {P} – Conditions particulières d'exécution", f"§ {P}.1 Clause environnementale",
                f"§ {P}.2 Clause d'insertion par l'activité économique", lambda i, t: f"§ {P}.2.{i} {t}")
    if st == "paren":
        return (f"{P}) CONDITIONS PARTICULIÈRES D'EXÉCUTION", f"{P}.1) Clause environnementale",
                f"{P}.2) Clause sociale d'insertion", lambda i, t: f"{P}.2.{i}) {t}")
    if st == "bis":
        return (None, None, f"Art. {P} bis – Action d'insertion professionnelle", lambda i, t: f"{P} bis.{i} – {t}")
    return (None, None, f"ARTICLE {P} : CLAUSE SOCIALE D'INSERTION", lambda i, t: f"{P}.{i} {t}")


GENERIC = [
    ("Objet du marché", ["{objet}. Acheteur : {buyer}."]),
    ("Pièces constitutives du marché", ["Par ordre de priorité décroissante : l'acte d'engagement ; le présent CCAP et ses annexes ; le CCTP ; le {ccag} ; les pièces financières."]),
    ("Durée et délais d'exécution", ["{duree}"]),
    ("Horaires et organisation", ["Les prestations sont exécutées en heures ouvrées, du lundi au vendredi de 7 h 30 à 18 h 00. Les heures de nuit majorées et les heures supplémentaires ne sont pas rémunérées en sus du prix, sauf ordre écrit."]),
    ("Astreinte et interventions urgentes", ["Le titulaire assure une astreinte 24 h/24 et 7 j/7. Il intervient dans un délai de 48 heures pour les désordres courants et de 4 heures pour les mises en sécurité."]),
    ("Sous-traitance", ["La sous-traitance est admise dans les conditions des articles L. 2193-1 et suivants du Code de la commande publique."]),
    ("Forme et contenu des prix", ["Les prix sont fermes et actualisables. Ils comprennent toutes les charges, y compris celles liées aux conditions d'exécution du marché."]),
    ("Variation des prix", ["Les prix sont actualisés par l'index BT01 ou l'indice des services applicable, selon la formule du cahier des charges."]),
    ("Avance", ["Une avance de 10 % est versée au titulaire qui ne la refuse pas, dans les conditions de l'article R. 2191-3."]),
    ("Acomptes et paiement", ["Les acomptes sont mensuels. Le délai global de paiement est de 30 jours."]),
    ("Retenue de garantie", ["Une retenue de garantie de 5 % est appliquée ; elle peut être remplacée par une garantie à première demande."]),
    ("Assurances", ["Le titulaire justifie, dans un délai de quinze jours à compter de la notification, d'une assurance de responsabilité civile."]),
    ("Sécurité et santé", ["Le titulaire respecte le plan général de coordination. La durée hebdomadaire de travail de ses salariés ne peut excéder les limites légales (35 heures, heures supplémentaires comprises dans les plafonds)."]),
    ("Personnel du titulaire", ["Le titulaire affecte un personnel qualifié ; un équivalent temps plein correspond à 1 607 heures annuelles."]),
    ("Réception ou admission", ["Les opérations préalables à la réception ont lieu en présence du titulaire, qui est convoqué au moins huit jours à l'avance."]),
    ("Propreté et gestion des déchets", ["Le titulaire trie ses déchets et remet les bordereaux de suivi au maître d'ouvrage."]),
    ("Protection des données", ["Le titulaire traite les données personnelles conformément au règlement (UE) 2016/679."]),
    ("Pénalités", []),
    ("Résiliation", ["Le marché peut être résilié dans les conditions du CCAG, sans préjudice des dommages et intérêts."]),
    ("Confidentialité", ["Le titulaire est tenu au secret professionnel pour toutes les informations dont il a connaissance."]),
    ("Clause de réexamen", ["Clause de réexamen : sans objet, hors des modifications prévues par le Code de la commande publique."]),
    ("Variantes", ["Le marché est passé sans variante."]),
    ("Langue et monnaie", ["Les documents sont rédigés en français ; l'euro est la monnaie de compte."]),
    ("Règlement des différends", ["Les litiges relèvent du tribunal administratif territorialement compétent."]),
    ("Dérogations au CCAG", ["Les dérogations au CCAG figurent aux articles {pen} (pénalités) et {cl} du présent CCAP."]),
    ("Signature", ["Lu et accepté par le titulaire, à la date de notification."]),
]


def add_clause(c, D, sub, e, per_kind, kind_for_hours):
    """Clause body in sub-articles (layout ccap/split) for the CCAP."""
    E = errd(c)
    i = 1
    D.h(2, None, sub(i, "Fondement et objet")); i += 1
    D.p(basis_text(c))
    if "history14" in c.get("traps", []):
        D.p("Pour mémoire, ce type de clause relevait autrefois de l'article 14 de l'ancien Code des marchés publics, "
            "abrogé le 1er avril 2016 ; seul le Code de la commande publique s'applique au présent marché.")
    D.h(2, None, sub(i, "Volume d'heures")); i += 1
    hours_blocks(c, per_kind, kind_for_hours, D, clause_ref(c))
    if e["publics"]:
        D.h(2, None, sub(i, "Publics éligibles")); i += 1
        publics_blocks(D, c)
    if e["modalites"]:
        D.h(2, None, sub(i, "Modalités de réalisation")); i += 1
        modalites_blocks(D)
    D.h(2, None, sub(i, "Accompagnement")); i += 1
    if e["contact"]:
        D.p(contact_text(c))
    else:
        D.p("Le nom du référent chargé d'accompagner le titulaire lui sera communiqué à la notification.")
    if e["suivi"]:
        D.h(2, None, sub(i, "Contrôle et suivi")); i += 1
        suivi_blocks(D, c)
    if c["layout"] == "split":
        D.h(2, None, sub(i, "Sanctions")); i += 1
        D.p(f"Les manquements à la présente clause sont sanctionnés dans les conditions de l'article {pen_pos(c)} "
            "(Pénalités) du présent CCAP.")
    else:
        pl = pen_lines(c)
        if pl:
            D.h(2, None, sub(i, "Pénalités propres à la clause")); i += 1
            for x in pl:
                D.li(x)


def build_ccap(c, per_kind):
    E = errd(c)
    e = els(c)
    D = Doc(title="CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)", subtitle=f"{c['buyer']} — {c['objet']}")
    P, Q = clause_pos(c), pen_pos(c)
    ccag = f"CCAG-{ccag_of(c)} approuvé par l'arrêté du 30 mars 2021"
    if "CS203" in E and "2009" in E["CS203"]["text"]:
        ccag = E["CS203"]["text"]
    gen = list(GENERIC)
    k = 0
    clause_done = False
    for title, paras in gen:
        k += 1
        if k == P and c["style"] != "bis":
            _clause_group(c, D, e, per_kind)
            clause_done = True
            k += 1
        D.h(1, None, h1(c, k, title))
        for para in paras:
            D.p(para.format(objet=c["objet"], buyer=c["buyer"], ccag=ccag, pen=Q, cl=clause_ref(c), duree=duree_text(c)))
        if title == "Durée et délais d'exécution" and "CS903" in E and E["CS903"]["piece"] == "CCAP":
            c["_tracked_idx"] = len(D.blocks) - 1
        if title == "Pièces constitutives du marché" and "history_ord" in c.get("traps", []):
            D.p("Les textes antérieurs au Code de la commande publique (ordonnance n° 2015-899 et décret n° 2016-360) "
                "sont abrogés depuis le 1er avril 2019 et ne s'appliquent pas au présent marché.")
        if title == "Objet du marché" and c.get("reserved"):
            D.p(f"Le lot {c['reserved']} est réservé aux entreprises adaptées et aux ESAT en application de l'article "
                "L. 2113-12 du Code de la commande publique.")
        if title == "Pénalités":
            D.p("Retard d'exécution : 1/3 000e du montant du marché par jour calendaire de retard.")
            D.p("Retard d'intervention en astreinte : pénalité de 200 € par heure de retard au-delà du délai de 4 heures.")
            if k != Q:
                raise SystemExit(f"b15-{c['n']:02d}: article Pénalités numéroté {k}, attendu {Q}")
            if has_clause(c) and "CS101" not in E and (c["layout"] == "split" or
                                                       (c["layout"] == "annex" and c.get("pen_in") == "ccap")):
                D.p(f"Manquements à la clause d'insertion (article {clause_ref(c)} et, le cas échéant, annexe n° 3) :")
                for x in pen_lines(c):
                    D.li(x)
        if c["style"] == "bis" and k == P:
            _clause_group(c, D, e, per_kind)
            clause_done = True
    assert clause_done or c["style"] == "bis"
    return D


def duree_text(c):
    if c["nature"] == "travaux":
        return "Le délai d'exécution global est de seize mois à compter de l'ordre de service de démarrage."
    y = c["ac"]["years"] if c.get("ac") else c.get("years", 1)
    if y == 1:
        return "Le marché est conclu pour une durée d'un an à compter de sa notification."
    return f"Le marché est conclu pour une durée de {y} ans à compter de sa notification."


def _clause_group(c, D, e, per_kind):
    E = errd(c)
    parent, env, head, sub = clause_heads(c)
    if parent:
        D.h(1, None, parent)
        D.h(2, None, env)
        D.p("Le titulaire limite les nuisances et valorise au moins 70 % des déchets produits.")
    elif c["style"] == "plain" and not has_clause(c):
        pass
    if not has_clause(c) or "CS101" in E:
        if c.get("clause") == "sans":
            D.h(1 if not parent else 2, None, head)
            D.p("Clause sociale d'insertion : sans objet pour le présent marché.")
        elif c.get("clause") == "derog":
            D.h(1 if not parent else 2, None, head)
            D.p(DEROG)
        elif not parent:
            D.h(1, None, head.replace("CLAUSE SOCIALE D'INSERTION", "CONDITIONS PARTICULIÈRES D'EXÉCUTION")
                .replace("Action d'insertion professionnelle", "Conditions particulières d'exécution"))
            D.p("Le titulaire limite les nuisances et valorise au moins 70 % des déchets produits.")
        return
    D.h(1 if not parent else 2, None, head)
    if c["layout"] == "annex":
        D.p(basis_text(c))
        D.p("Le volume d'heures de chaque lot, les publics éligibles, les modalités de réalisation, l'accompagnement "
            "et le suivi de l'action sont définis par l'annexe n° 3 au présent CCAP, « Cahier des charges de la clause "
            "d'insertion », qui a valeur contractuelle (voir annexe 3).")
        D.p("Le titulaire désigne un référent insertion dans un délai de 48 heures après la réunion de lancement.")
        if c.get("pen_in") == "ccap":
            D.p(f"Les pénalités applicables figurent à l'article {pen_pos(c)} du présent CCAP.")
        return
    add_clause(c, D, sub, e, per_kind, "CCAP")


DEROG = ("Le marché ne comporte pas de condition d'exécution sociale. En application de l'article L. 2112-2-1 du Code "
         "de la commande publique, l'acheteur y déroge : le besoin est satisfait par une solution immédiatement "
         "disponible sur le marché (matériels standard livrés préconfigurés, aucune prestation n'étant exécutée sur "
         "site), de sorte qu'une telle condition n'aurait pas de lien suffisant avec l'objet du marché.")


def build_annex(c, per_kind):
    E = errd(c)
    e = els(c)
    if c["layout"] == "annex":
        D = Doc(title="ANNEXE N° 3 AU CCAP — CAHIER DES CHARGES DE LA CLAUSE D'INSERTION",
                subtitle=f"{c['buyer']} — {c['objet']}")
        D.h(1, None, "1. Objet de l'annexe")
        D.p(f"La présente annexe précise l'article {clause_ref(c)} du CCAP. Elle est signée par le titulaire et vaut "
            "engagement de sa part à réaliser les heures ci-dessous.")
        D.h(1, None, "2. Heures d'insertion par lot")
        hours_blocks(c, per_kind, "ANNEXE", D, clause_ref(c))
        if e["publics"]:
            D.h(1, None, "3. Publics éligibles")
            publics_blocks(D, c, pole=("CS204" in E and E["CS204"]["piece"] == "ANNEXE"))
        if e["modalites"]:
            D.h(1, None, "4. Modalités")
            modalites_blocks(D)
        D.h(1, None, "5. Facilitateur")
        D.p(contact_text(c) if e["contact"] else "Le référent de l'acheteur sera désigné à la notification.")
        if e["suivi"]:
            D.h(1, None, "6. Suivi de l'action")
            suivi_blocks(D, c)
        if c.get("pen_in") == "annex":
            D.h(1, None, "7. Pénalités")
            for x in pen_lines(c):
                D.li(x)
        D.h(1, None, "8. Engagement du titulaire")
        D.p("Le titulaire s'engage à réaliser les heures d'insertion indiquées au point 2 pour le ou les lots dont il "
            "est attributaire. Date, cachet et signature :")
        return D
    # fiche d'engagement (hours only)
    D = Doc(title="FICHE D'ENGAGEMENT — ACTION D'INSERTION", subtitle=f"{c['buyer']} — {c['objet']}")
    D.p(f"Annexe à l'acte d'engagement. Le candidat s'engage à réaliser l'action d'insertion définie à l'article "
        f"{clause_ref(c)} du CCAP, pour le volume d'heures suivant :")
    hours_blocks(c, per_kind, "ANNEXE", D, clause_ref(c))
    D.p("Modalité envisagée (à cocher) : ☐ embauche directe ☐ mise à disposition ☐ sous-traitance à une structure d'insertion.")
    D.p("Nom, qualité et signature du candidat :")
    return D


def build_ae(c, per_kind):
    E = errd(c)
    D = Doc(title="ACTE D'ENGAGEMENT", subtitle=f"{c['buyer']} — {c['objet']}")
    D.h(1, None, "A – Objet de l'acte d'engagement")
    D.p(f"Objet : {c['objet']}.")
    D.h(1, None, "B – Engagement du titulaire")
    D.p("Après avoir pris connaissance des pièces du marché, le signataire s'engage, sur la base de son offre, à "
        "exécuter les prestations aux prix indiqués dans les pièces financières. L'offre est valable 120 jours.")
    if has_clause(c) and "CS103" not in E:
        D.h(1, None, "C – Engagement relatif à la clause sociale d'insertion")
        D.p(f"Le titulaire s'engage à réaliser l'action d'insertion prévue à l'article {clause_ref(c)} du CCAP"
            + (" et à son annexe n° 3" if c["layout"] == "annex" else "") + ", soit :")
        hours_blocks(c, per_kind, "AE", D, clause_ref(c))
    elif c.get("clause") == "sans":
        D.p("Clause sociale d'insertion : sans objet.")
    D.h(1, None, "D – Signature")
    D.p("Fait à ……, le ……. Signature du candidat :")
    return D


def proc_text(c):
    tot = total_value(c)
    if c["nature"] == "travaux":
        return ("appel d'offres ouvert (articles R. 2124-2 1° et R. 2161-2 à R. 2161-5 du Code de la commande publique)"
                if tot >= 5404000 else "procédure adaptée (article R. 2123-1 1° du Code de la commande publique)")
    return ("appel d'offres ouvert (articles R. 2124-2 1° et R. 2161-2 à R. 2161-5 du Code de la commande publique)"
            if tot >= 216000 else "procédure adaptée (article R. 2123-1 1° du Code de la commande publique)")


def total_value(c):
    s = sum(l[2] for l in c["lots"])
    if c.get("ac"):
        return s * c["ac"]["years"]
    return s * c.get("years", 1)


def ddmmyyyy(d):
    y, m, j = d.split("-")
    return f"{j}/{m}/{y}"


def build_rc(c, per_kind, version=None):
    E = errd(c)
    e = els(c)
    D = Doc(title="RÈGLEMENT DE LA CONSULTATION", subtitle=f"{c['buyer']} — {c['objet']}")
    D.p(f"Date d'envoi de l'avis à la publication : {ddmmyyyy(c['envoi'])}")
    D.h(1, None, "Article 1 – Acheteur")
    D.p(f"{c['buyer']}. Service de la commande publique, téléphone 01 99 00 81 14 (questions administratives "
        "uniquement, par la plateforme de dématérialisation).")
    D.h(1, None, "Article 2 – Objet et allotissement")
    D.p(f"{c['objet']}.")
    if c.get("ac"):
        D.p(f"Accord-cadre multi-attributaire exécuté par marchés subséquents, d'une durée de {c['ac']['years']} ans ; "
            f"montant annuel estimé : {fmt_eur(c['lots'][0][2])} HT.")
    elif c["lots"][0][0] == "unique":
        yrs = c.get("years", 1)
        D.p(f"Marché non alloti. Montant estimé : {fmt_eur(c['lots'][0][2] * yrs)} HT"
            + (f" sur {yrs} ans ({fmt_eur(c['lots'][0][2])} HT par an)." if yrs > 1 else "."))
    else:
        rows = [["Lot", "Intitulé", "Montant estimé (€ HT)"]]
        for (num, title, amount, trade, cov) in c["lots"]:
            rows.append([num, title, fmt_eur(amount)])
        D.t(rows)
    D.h(1, None, "Article 3 – Procédure")
    txt = f"Procédure retenue : {proc_text(c)}."
    if "CS205" in E:
        if "221" in E["CS205"]["text"]:
            txt += (" Pour mémoire, les seuils de procédure formalisée sont de 5 404 000 € HT pour les travaux et de "
                    "221 000 € HT pour les fournitures et services.")
        else:
            txt += f" Le montant estimé est inférieur au seuil de procédure formalisée de {E['CS205']['text']}."
    if c.get("thr_quote"):
        txt += " Le montant estimé est inférieur au seuil européen de 216 000 € HT applicable aux services."
    D.p(txt)
    if c.get("reserved"):
        D.p(f"Le lot {c['reserved']} est réservé aux entreprises adaptées et aux ESAT (article L. 2113-12 du Code de la "
            "commande publique).")
    D.h(1, None, "Article 4 – Conditions d'exécution")
    if has_clause(c) and "CS102" not in E:
        D.p(f"Le marché comporte une clause sociale d'insertion, condition d'exécution définie à l'article "
            f"{clause_ref(c)} du CCAP" + (" et à son annexe n° 3" if c["layout"] == "annex" else "") +
            ". Elle s'impose au titulaire et n'est pas un critère de sélection. Lots et heures concernés :")
        hours_blocks(c, per_kind, "RC", D, clause_ref(c))
        if e["contact"]:
            D.p("Pour toute question sur la clause, les candidats peuvent s'adresser au facilitateur. " + contact_text(c))
    elif c.get("clause") == "sans":
        D.p("Clause sociale d'insertion : sans objet.")
    elif c.get("clause") == "derog":
        D.p(DEROG)
    else:
        D.p("Le titulaire respecte la clause environnementale du CCAP (gestion et valorisation des déchets).")
    D.h(1, None, "Article 5 – Critères d'attribution")
    crit = "Offre économiquement la plus avantageuse appréciée selon les critères suivants"
    if "CS201" in E and E["CS201"]["piece"] == "RC":
        crit += f", conformément à l'{E['CS201']['text']}"
    D.p(crit + " :")
    if c.get("crit"):
        D.t([["Critère", "Pondération"], ["Prix", "50 %"], ["Valeur technique", "40 %"],
             ["Performance en matière d'insertion professionnelle des publics en difficulté", "10 %"]])
        D.p("Le critère d'insertion (article R. 2152-7 du Code de la commande publique) est apprécié au vu de la note "
            "du candidat sur l'accompagnement et la formation qu'il proposera au-delà du minimum d'heures imposé par "
            "la condition d'exécution ; il ne remplace pas cette condition.")
    else:
        D.t([["Critère", "Pondération"], ["Prix", "60 %"], ["Valeur technique", "40 %"]])
    D.h(1, None, "Article 6 – Remise des offres")
    lim = "13/11/2026" if version != 2 else "20/11/2026"
    D.p(f"Date limite de réception des offres : voir l'avis ; à défaut, le {lim} à 12 h 00. Le marché est passé sans "
        "variante ; la visite du site dure environ deux heures.")
    if "CS903" in E and E["CS903"]["piece"] == "RC":
        c["_comment_idx"] = len(D.blocks) - 1
    return D


def build_aapc(c, per_kind):
    E = errd(c)
    D = Doc(title="AVIS DE MARCHÉ", subtitle="Directive 2014/24/UE — Avis publié au BOAMP et au JOUE")
    D.p("Section I : Pouvoir adjudicateur")
    D.p(f"I.1) Nom et adresses : {c['buyer']}.")
    D.p("I.4) Type de pouvoir adjudicateur : organisme de droit public.")
    D.p("Section II : Objet")
    D.p(f"II.1.1) Intitulé : {c['objet']}.")
    D.p(f"II.1.3) Type de marché : {c['nature']}.")
    D.p(f"II.1.5) Valeur totale estimée : {fmt_eur(total_value(c))} HT.")
    D.p("II.1.6) Information sur les lots : " + ("marché non alloti." if c["lots"][0][0] == "unique"
                                                 else f"{len(c['lots'])} lots."))
    for (num, title, amount, trade, cov) in c["lots"]:
        D.p(f"II.2.1) Lot {num} : {title}. II.2.4) Description des prestations : voir CCTP. "
            f"II.2.6) Valeur estimée : {fmt_eur(amount)} HT.")
    D.p("Section III : Renseignements d'ordre juridique, économique, financier et technique")
    D.p("III.1.1) Habilitation à exercer l'activité professionnelle : voir le règlement de la consultation.")
    D.p("III.1.4) Règles et critères objectifs de participation : voir le règlement de la consultation.")
    if has_clause(c) and "CS104" not in E:
        D.p(f"III.2.2) Conditions particulières d'exécution : le marché comporte une clause sociale d'insertion "
            f"(condition d'exécution, article {clause_ref(c)} du CCAP).")
    else:
        D.p("III.2.2) Conditions particulières d'exécution : clause environnementale relative aux déchets, voir le CCAP.")
    D.p("Section IV : Procédure")
    D.p(f"IV.1.1) Type de procédure : {proc_text(c)}.")
    D.p("IV.2.2) Date limite de réception des offres : 13/11/2026 à 12 h 00.")
    D.p("Section VI : Renseignements complémentaires")
    D.p("VI.4.1) Instance chargée des procédures de recours : tribunal administratif compétent.")
    D.p(f"VI.5) Date d'envoi du présent avis : {ddmmyyyy(c['envoi'])}.")
    return D


def build_cctp(c):
    D = Doc(title="CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES", subtitle=f"{c['buyer']} — {c['objet']}")
    D.h(1, None, "1. Consistance des prestations")
    D.p("Le présent document décrit les prestations techniques. Les interventions bruyantes ont lieu entre 8 heures "
        "et 12 heures ; les interventions de nuit se déroulent entre 22 heures et 6 heures.")
    D.h(1, None, "2. Exigences de qualité")
    D.p("Les matériaux et produits sont conformes aux normes en vigueur ; les fiches techniques sont remises 15 jours "
        "avant toute mise en œuvre.")
    D.h(1, None, "3. Nettoyage")
    D.p("Les zones sont rendues propres chaque jour ; les équipements sont vérifiés toutes les 500 heures de fonctionnement.")
    return D


def price_sheet(c):
    rows = [["Lot", "Désignation", "Unité", "Quantité", "Prix unitaire € HT", "Total € HT"]]
    for (num, title, amount, trade, cov) in c["lots"]:
        rows.append([num, title, "ens", 1, "", ""])
        rows.append([num, "Installation et repli", "fft", 1, "", ""])
    return rows


# ------------------------------------------------------------------ writing
SOFFICE_QUEUE = []


def write_doc(D, path, fmt, c):
    if fmt == "docx":
        tracked = []
        if c.get("_tracked_idx") is not None and path.name == c["files"]["CCAP"][0]:
            D.tracked = [(c["_tracked_idx"], " Le délai est porté à dix-huit mois par décision du maître d'ouvrage.",
                          " Le délai peut être prolongé de deux mois.")]
        if c.get("_comment_idx") is not None and path.name == c["files"]["RC"][0]:
            D.comments = [(c["_comment_idx"], "À vérifier avec le service juridique avant envoi : date limite ?")]
        render_docx(D, path)
    elif fmt == "pdf":
        render_pdf(D, path)
    elif fmt == "soffice":
        SOFFICE_QUEUE.append((D, path))
    elif fmt == "odt":
        render_odt(D, path)
    elif fmt == "scan":
        render_scanned_pdf(D, path, seed=c["n"])
    elif fmt == "trunc":
        render_docx(D, path)
        damage_truncate(path, 0.45)
    elif fmt == "empty":
        damage_empty(path)
    else:
        raise ValueError(fmt)


def flush_soffice():
    import tempfile
    if not SOFFICE_QUEUE:
        return
    tmp = Path(tempfile.mkdtemp(prefix="b15so_"))
    srcs = []
    for i, (D, path) in enumerate(SOFFICE_QUEUE):
        d = tmp / f"{i:03d}"
        d.mkdir()
        src = d / f"{i:03d}__{path.stem}.docx"
        render_docx(D, src)
        srcs.append((src, path))
    ok = False
    if shutil.which("soffice"):
        r = subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo_blind15", "--headless", "--convert-to",
                            "pdf", "--outdir", str(tmp / "out")] + [str(s) for s, _ in srcs],
                           capture_output=True, text=True, timeout=900)
        ok = True
    for src, path in srcs:
        out = tmp / "out" / (src.stem + ".pdf")
        if ok and out.exists() and out.stat().st_size > 0:
            shutil.copy(out, path)
        else:
            raise SystemExit(f"LibreOffice n'a pas converti {path.name}")
    shutil.rmtree(tmp, ignore_errors=True)
    SOFFICE_QUEUE.clear()


def write_extra(path, typ, c):
    if typ == "plan":
        render_plan(path, [c["objet"], "Plan de masse – échelle 1/500", "Indice B"], seed=c["n"])
    elif typ == "photo":
        from PIL import Image, ImageDraw
        img = Image.new("RGB", (1024, 680), (150, 170, 190))
        dr = ImageDraw.Draw(img)
        for i in range(25):
            dr.rectangle([40 * i, 400 - (i * 37) % 200, 40 * i + 35, 680], fill=(90 + i * 3, 90, 100))
        img.save(path, quality=85)
    elif typ in ("note", "note_planted"):
        path.write_text("Notes de relecture (ne pas publier)\n- vérifier les plans indice B\n- relancer le maître "
                        "d'œuvre sur le planning\n- rendez-vous de chantier chaque mardi à 9 h 30\n", encoding="utf-8")
    elif typ == "cr":
        D = Doc(title="Compte rendu de la réunion de programmation", subtitle="Réunion du 3 septembre 2026")
        D.p("Présents : maître d'ouvrage, assistant à maîtrise d'ouvrage, conservateur du musée.")
        D.p("Points abordés : phasage des travaux en site occupé, accès des livraisons, calendrier de l'opération.")
        render_docx(D, path)


# ------------------------------------------------------------------ answer key
def answer_key(c, per_kind, base):
    E = errd(c)
    F = c["files"]
    fn = lambda k: F[k][0] if k in F else None  # noqa: E731
    pieces = {}
    for k, (f, fmt) in F.items():
        pieces[f] = None if fmt in ("scan", "trunc", "empty") else KIND[k]
    if "CS905" in E:
        pieces[E["CS905"]["copy"]] = KIND[E["CS905"]["piece"]]
    for f, typ in c.get("extras", []):
        pieces[f] = None
    if "CS105" in E:
        pieces.pop(fn(E["CS105"]["missing"]), None)

    def with_copy(k):
        f = fn(k)
        if "CS905" in E and E["CS905"]["piece"] == k:
            return [f, E["CS905"]["copy"]]
        return f

    def clause_piece():
        if "CCAP" not in F or ("CS105" in E and E["CS105"]["missing"] == "CCAP"):
            return fn("ANNEXE")
        p = with_copy("CCAP")
        p = p if isinstance(p, list) else [p]
        if c["layout"] == "annex":
            p = p + [fn("ANNEXE")]
        return p if len(p) > 1 else p[0]

    find, opt = [], []
    add = lambda code, piece, lot, planted, note: find.append(  # noqa: E731
        dict(code=code, piece=piece, lot=lot, planted=planted, note=note))
    for f, typ in c.get("extras", []):
        add("CS904", f, None, typ in ("cr", "note_planted"),
            "document qui n'est pas une pièce du DCE (" + {"plan": "plan", "photo": "photo", "note": "notes",
                                                           "note_planted": "notes internes oubliées",
                                                           "cr": "compte rendu de réunion"}[typ] + ")")
    for code, p in c.get("errs", []):
        if code == "CS101":
            add(code, fn("CCAP"), None, True, "CCAP sans article de clause ; la clause n'est qu'au RC et à l'AE")
            for cc in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt.append(dict(code=cc, piece=None, lot=None, note="CS101 : contenu de la clause jugé hors du CCAP"))
        elif code == "CS102":
            add(code, fn("RC"), None, True, "RC qui n'annonce pas la clause")
        elif code == "CS103":
            add(code, None, None, True, "AE sans engagement sur les heures, aucune annexe d'engagement")
        elif code == "CS104":
            add(code, fn("AAPC"), None, True, "avis muet sur la condition d'exécution sociale (III.2.2 ne parle que d'environnement)")
        elif code == "CS105":
            add(code, None, None, True, f"{p['missing']} absent du dossier")
        elif code in ("CS201", "CS202", "CS204"):
            add(code, with_copy(p.get("piece", "CCAP")), None, True, f"« {p['text']} »")
        elif code == "CS203":
            add(code, with_copy("CCAP"), None, True, f"« {p['text']} »")
        elif code == "CS205":
            add(code, fn("RC"), None, True, f"seuil périmé « {p['text']} » au RC")
        elif code == "CS301":
            add(code, clause_piece(), p["lot"], True,
                "aucun nombre d'heures" + (f" pour le lot {p['lot']}" if p["lot"] else ""))
            if p["lot"] is None:
                opt.append(dict(code="CS103", piece=None, lot=None, note="CS301 : aucun nombre d'heures à engager"))
        elif code in ("CS302", "CS303", "CS304", "CS306", "CS307", "CS308"):
            add(code, clause_piece(), None, True, {"CS302": "publics éligibles retirés", "CS303": "modalités retirées",
                                                   "CS304": "aucun contact de facilitateur",
                                                   "CS306": "pas de pénalité par heure non réalisée",
                                                   "CS307": "pénalité sans montant ou SMIC 2025 figé",
                                                   "CS308": "pas de pénalité de retard des justificatifs"}[code])
        elif code == "CS305":
            add(code, clause_piece(), None, True, "aucune obligation de suivi")
            add("CS308", clause_piece(), None, False, "découle du CS305 : la pénalité de retard des justificatifs est retirée avec le suivi")
        elif code == "CS401":
            pp = []
            for k in per_kind:
                w = with_copy(k)
                pp += w if isinstance(w, list) else [w]
            add(code, pp, p["lot"], True, f"heures du lot {p['lot']} différentes ({p['piece']} +{p['delta']} h)")
        elif code == "CS402":
            add(code, fn(p["piece"]), None, True, f"total de {p['piece']} faux de {p['delta']} h")
        elif code == "CS403":
            add(code, None, p["lot"], True, f"heures du lot {p['lot']} ×{p['factor']} du calcul")
        elif code == "CS404":
            add(code, [fn(k) for k in ("AE", "CCAP", "RC", "ANNEXE") if k in F], p["lot"], True, f"lot {p['lot']} absent du tableau de l'AE")
            opt.append(dict(code="CS103", piece=None, lot=p["lot"], note="CS404 : lot absent de l'AE"))
        elif code == "CS405":
            add(code, None, p["lot"], True, f"{p['hours']} h sur un lot de fournitures livrées")
            opt.append(dict(code="CS403", piece=None, lot=p["lot"], note="CS405 : fournitures"))
        elif code == "CS501":
            add(code, None, None, True, "lancé après le 21/08/2026, au-dessus de 216 000 € HT, sans condition sociale ni justification")
            if c.get("clause") == "none":
                add("CS100", None, None, False, "aucune pièce ne porte de clause ni ne dit « sans »")
            if "AAPC" in F:
                opt.append(dict(code="CS104", piece=fn("AAPC"), lot=None, note="avis d'un dossier sans clause"))
        elif code in ("CS901", "CS902"):
            add(code, fn(p["piece"]), None, True, "pièce illisible" if code == "CS901" else "PDF scanné sans couche texte")
            opt.append(dict(code="CS904", piece=fn(p["piece"]), lot=None, note="fichier illisible ou scanné"))
        elif code == "CS903":
            add(code, fn(p["piece"]), None, True, "modification suivie" if p["how"] == "tracked" else "commentaire Word")
        elif code == "CS904":
            pass  # written with the extras
        elif code == "CS905":
            add(code, [fn(p["piece"]), p["copy"]], None, True, "deux versions d'une même pièce")
        else:
            raise ValueError(code)
    if c.get("clause") == "derog":
        opt.append(dict(code="CS100", piece=None, lot=None, note="dérogation motivée (L. 2112-2-1)"))
    # hours
    lots = {}
    if has_clause(c):
        for num, v in base.items():
            if not isinstance(v, int):
                continue
            vals = {KIND[k]: d[num] for k, d in per_kind.items() if num in d}
            if len(set(vals.values())) == 1:
                lots[num] = v if not vals else list(vals.values())[0]
            else:
                lots[num] = vals
    desc = c.get("desc") or (("correct : " + ", ".join(c.get("traps", []) + [c["layout"], c["style"]]))
                             if not c.get("errs") else "erreurs plantées : " + ", ".join(e for e, _ in c["errs"]))
    return dict(name=c["name"], half="sealed", review_date=c["review"], description=desc, pieces=pieces,
                lots=lots, findings=find, optional=opt)


# ------------------------------------------------------------------ readback
def read_text(path):
    suf = path.suffix.lower()
    if path.stat().st_size == 0:
        return ""
    if suf == ".docx":
        try:
            import docx
            d = docx.Document(str(path))
        except Exception:
            return None
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                parts.append(" | ".join(cell.text for cell in r.cells))
        return "\n".join(parts)
    if suf == ".odt":
        with zipfile.ZipFile(path) as z:
            x = z.read("content.xml").decode("utf-8")
        return re.sub(r"<[^>]+>", " ", x).replace("&apos;", "'").replace("&quot;", '"').replace("&amp;", "&")
    if suf == ".pdf":
        r = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
        return r.stdout if r.returncode == 0 else None
    if suf == ".xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(str(path))
        return "\n".join(" ".join(str(v) for v in r if v is not None) for ws in wb for r in ws.iter_rows(values_only=True))
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    return ""


def norm(s):
    s = re.sub(r"\s+", " ", (s or "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'"))
    return re.sub(r"(\d)- (\d)", r"\1-\2", s).lower()


FORBID = {  # planted references: text -> codes that may carry it
    "2015-899": ("CS201",), "code des marchés publics": ("CS201",), "septembre 2009": ("CS203",),
    "16.1 du ccag-travaux": ("CS203",), "pôle emploi": ("CS204",), "direccte": ("CS204",),
    "221 000": ("CS205",), "5 538 000": ("CS205",), "l. 2113-13": ("CS202",), "r. 2152-7": ("CS202",),
    "11,88": ("CS307",), "arrêté ultérieurement": ("CS307",),
}
TRAP_ALLOW = {"history14": ["code des marchés publics"], "history_ord": ["2015-899"]}
SIG = dict(publics="longue durée", modalites="etti", suivi="état mensuel", pen_h="heure d'insertion non réalisée",
           pen_doc="justificatifs d'insertion")


def build_case(c, root):
    c["name"] = f"b15-{c['n']:02d}"
    c["review"] = "2026-12-01"
    c.setdefault("clause", "yes")
    c["computed"] = lot_hours(c)
    per_kind, base = stated(c)
    c["_per"], c["_base"] = per_kind, base
    d = root / c["name"]
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    E = errd(c)
    F = c["files"]
    docs = {}
    if "CCAP" in F:
        docs["CCAP"] = build_ccap(c, per_kind)
    if "RC" in F and not ("CS105" in E and E["CS105"]["missing"] == "RC"):
        docs["RC"] = build_rc(c, per_kind)
    if "AE" in F:
        docs["AE"] = build_ae(c, per_kind)
    if "ANNEXE" in F:
        docs["ANNEXE"] = build_annex(c, per_kind)
    if "AAPC" in F:
        docs["AAPC"] = build_aapc(c, per_kind)
    if "CCTP" in F:
        docs["CCTP"] = build_cctp(c)
    for k in ("DPGF", "BPU", "DQE"):
        if k in F and F[k][1] != "xlsx":
            D = Doc(title={"DPGF": "DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE", "BPU": "BORDEREAU DES PRIX UNITAIRES",
                           "DQE": "DÉTAIL QUANTITATIF ESTIMATIF"}[k], subtitle=c["objet"])
            D.t([[str(x) for x in r] for r in price_sheet(c)])
            docs[k] = D
    for k, D in docs.items():
        write_doc(D, d / F[k][0], F[k][1], c)
    for k in ("DPGF", "BPU", "DQE"):
        if k in F and F[k][1] == "xlsx":
            render_xlsx([(k, price_sheet(c))], d / F[k][0], title=k)
    if "CS905" in E:
        p = E["CS905"]
        if p["piece"] == "RC":
            write_doc(build_rc(c, per_kind, version=2), d / p["copy"], F["RC"][1], c)
        else:
            c["_copy"] = (d / F[p["piece"]][0], d / p["copy"])
    for f, typ in c.get("extras", []):
        write_extra(d / f, typ, c)
    return answer_key(c, per_kind, base)


def check_case(c, key, root):
    d = root / c["name"]
    E = errd(c)
    errs = []
    on_disk = sorted(p.name for p in d.iterdir())
    if on_disk != sorted(key["pieces"]):
        errs.append(f"fichiers {on_disk} ≠ corrigé {sorted(key['pieces'])}")
    texts = {}
    for f in on_disk:
        t = read_text(d / f)
        fmt = next((v[1] for v in c["files"].values() if v[0] == f), None)
        if fmt in ("trunc",):
            if t is not None:
                errs.append(f"{f} devrait être illisible")
            continue
        if fmt in ("scan", "empty"):
            if (t or "").strip():
                errs.append(f"{f} devrait être sans texte")
            continue
        if t is None:
            errs.append(f"{f} illisible")
            continue
        if f.endswith((".docx", ".pdf", ".odt")) and len(t.strip()) < 100:
            errs.append(f"{f} presque vide")
        if f.endswith((".docx", ".pdf", ".odt")) and f not in dict(c.get("extras", [])) and \
                norm(c["objet"][:25]) not in norm(t):
            errs.append(f"{f} ne porte pas l'objet de la consultation")
        texts[f] = norm(t)
    alltext = " ".join(texts.values())
    seen = {}
    for f, t in texts.items():
        if t in seen and not ("CS905" in E and E["CS905"]["copy"] in (f, seen[t])):
            errs.append(f"{f} et {seen[t]} ont le même texte")
        seen[t] = f
    # planted references only where planted
    allowed = set()
    for tr in c.get("traps", []):
        allowed.update(TRAP_ALLOW.get(tr, []))
    planted_files = {}
    for code, p in c.get("errs", []):
        if "text" in p:
            tgt = p.get("piece", "RC" if code == "CS205" else "CCAP")
            planted_files.setdefault(code, []).append(c["files"][tgt][0])
    for s, codes in FORBID.items():
        for f, t in texts.items():
            if s in t:
                ok = any(code in E and f in planted_files.get(code, []) or
                         (code == "CS307" and code in E and s in ("11,88", "arrêté ultérieurement")) for code in codes)
                if s == "r. 2152-7" and c.get("crit") and "rc" in f.lower():
                    ok = True
                if s in allowed:
                    ok = True
                if "CS905" in E and f == E["CS905"]["copy"]:
                    ok = ok or any(code in E for code in codes)
                if not ok:
                    errs.append(f"« {s} » dans {f} sans erreur plantée")
    for code, p in c.get("errs", []):
        if "text" in p:
            for f in planted_files[code]:
                if norm(p["text"]) not in texts.get(f, "") and not (code == "CS205" and "221 000" in texts.get(f, "")):
                    errs.append(f"{code} : « {p['text']} » absent de {f}")
    # clause elements
    if has_clause(c) and "CS101" not in E:
        e = els(c)
        for k, sig in SIG.items():
            present = sig in alltext
            if e[k] and not present:
                errs.append(f"élément {k} absent alors qu'il devrait y être")
            if not e[k] and present:
                errs.append(f"élément {k} présent alors qu'il est retiré")
        s, t, m = FAC[c["fac"]]
        if e["contact"] != (norm(m) in alltext):
            errs.append("contact du facilitateur incohérent")
        if not e["contact"] and (norm(t) in alltext or norm(s) in alltext):
            errs.append("contact du facilitateur présent (CS304)")
    # silent pieces
    F = c["files"]
    for code, k in (("CS101", "CCAP"), ("CS102", "RC"), ("CS103", "AE"), ("CS104", "AAPC")):
        if code in E and "insertion" in texts.get(F[k][0], ""):
            errs.append(f"{code} : {F[k][0]} parle d'insertion")
    if not has_clause(c):
        if "insertion" in alltext and c["clause"] == "none":
            errs.append("dossier sans clause qui parle d'insertion")
    # hours written where stated
    for kind, hs in c["_per"].items():
        f = F[kind][0]
        for num, v in hs.items():
            if isinstance(v, int) and norm(fmt_h(v) + " heures") not in texts.get(f, "") and \
                    norm(fmt_h(v)) not in texts.get(f, ""):
                errs.append(f"{v} h du lot {num} absentes de {f}")
    for num, v in key["lots"].items():
        comp = c["computed"].get(num)
        planted = ("CS403" in E and E["CS403"]["lot"] == num) or ("CS405" in E and E["CS405"]["lot"] == num)
        if not planted and not isinstance(v, dict) and v != comp:
            errs.append(f"lot {num} : {v} h ≠ calcul {comp}")
        if "CS403" in E and E["CS403"]["lot"] == num:
            r = Fraction(v) / comp
            if Fraction(3, 10) < r < Fraction(7, 2):
                errs.append("CS403 trop proche du calcul")
    # CS501 consistency
    val = total_value(c)
    thr = 5404000 if c["nature"] == "travaux" else 216000
    need = c["envoi"] >= "2026-08-21" and val >= thr and c["clause"] in ("none", "sans")
    if need != ("CS501" in E):
        errs.append(f"CS501 incohérent (valeur {val}, seuil {thr})")
    if c.get("above") and not (val >= 5404000 and c["envoi"] >= "2026-08-21"):
        errs.append("above sans obligation")
    # tracked changes / comments only where planted
    for f in on_disk:
        if f.endswith(".docx") and next((v[1] for v in F.values() if v[0] == f), "docx") != "trunc":
            with zipfile.ZipFile(d / f) as z:
                x = z.read("word/document.xml").decode("utf-8")
                has_rev = "<w:ins " in x or "<w:del " in x
                has_com = "word/comments.xml" in z.namelist() and "commentReference" in x
            want = "CS903" in E and F[E["CS903"]["piece"]][0] == f
            if (has_rev or has_com) != want:
                errs.append(f"{f} : révisions/commentaires inattendus ({has_rev}, {has_com})")
    return errs


def main(argv):
    out = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else HERE / "corpus"
    root = out / "sealed"
    root.mkdir(parents=True, exist_ok=True)
    keys = {}
    for c in CASES:
        keys[c["n"]] = build_case(c, root)
    flush_soffice()
    for c in CASES:
        if c.get("_copy"):
            shutil.copy(*c["_copy"])
    problems = []
    planted = Counter()
    files = Counter()
    typed = hours_lots = 0
    for c in CASES:
        k = keys[c["n"]]
        for e in check_case(c, k, root):
            problems.append(f"{c['name']} : {e}")
        nerr = len(c.get("errs", []))
        if c["n"] <= 12 and (nerr or any(f["code"] not in ("CS904",) for f in k["findings"])):
            problems.append(f"{c['name']} : dossier correct avec constat")
        if c["n"] > 12 and not 1 <= nerr <= 3:
            problems.append(f"{c['name']} : {nerr} erreurs")
        for f in k["findings"]:
            if f["planted"]:
                planted[f["code"]] += 1
        for f, kind in k["pieces"].items():
            files[Path(f).suffix.lower()] += 1
            typed += kind is not None
        hours_lots += len(k["lots"])
    plantable = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205"] + \
                [f"CS30{i}" for i in range(1, 9)] + [f"CS40{i}" for i in range(1, 6)] + ["CS501"] + \
                [f"CS90{i}" for i in range(1, 6)]
    for code in plantable:
        if planted[code] < 2:
            problems.append(f"{code} planté {planted[code]} fois")
    if "--no-answers" not in argv:
        ad = HERE / "answers" / "sealed"
        ad.mkdir(parents=True, exist_ok=True)
        for c in CASES:
            (ad / f"{c['name']}.json").write_text(json.dumps(keys[c["n"]], ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")
    print(f"{len(CASES)} consultations, {sum(planted.values())} erreurs plantées")
    print("par code :", ", ".join(f"{k}×{v}" for k, v in sorted(planted.items())))
    print("fichiers :", dict(files), f"typés : {typed}, lots chiffrés : {hours_lots}",
          "LibreOffice :", sum(1 for c in CASES for v in c["files"].values() if v[1] == "soffice"))
    for c in CASES:
        print(c["name"], {n: h for n, h in c["computed"].items()}, [l[2] for l in c["lots"]])
    if problems:
        print("\n".join("PROBLÈME " + p for p in problems))
        return 1
    print("contrôles : OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
