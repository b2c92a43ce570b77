#!/usr/bin/env python3
"""Construit le corpus aveugle blind17 (moitié sealed) et ses corrigés, puis se vérifie.

    /work/main/.venv/bin/python benchmarks/blind17/build_corpus.py [SORTIE]

Écrit à l'aveugle (voir README.md). N'importe rien de l'outil."""
from __future__ import annotations

import json, shutil, subprocess, sys, zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import render as R  # noqa: E402
from cases import CASES, TRADE_M  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "corpus"
ANS = HERE / "answers" / "sealed"
SOFF = Path("/tmp/b17_soffice")
COPIES = []
PENDING = []  # (doc, dest) converted by LibreOffice in one batch


def hours(amount, trade, t=0.05, c=30.0):
    raw = amount * TRADE_M[trade] * t / c
    q = raw / 5
    h = int(q + 0.5) * 5
    return raw, h


def fr(n):
    s = f"{int(round(n)):,}".replace(",", " ")
    return s


CCAG_ART = {"travaux": ("CCAG-Travaux", "20.1"), "fcs": ("CCAG-FCS", "16.1")}


# ------------------------------------------------------------------ texts
def clause_parts(c):
    """Returns the elements of the clause as lists of blocks (by element)."""
    E = c["errs"]
    f = c["facil"]
    ccag, art = CCAG_ART[c["ccag"]]
    basis = (f"La présente clause est une condition d'exécution à caractère social au sens de l'article "
             f"L2112-2 du Code de la commande publique ; elle complète l'article {art} du {ccag} 2021, "
             f"auquel elle déroge pour le contenu des engagements.")
    if "CS201" in E and E["CS201"][0] == "CCAP":
        basis = E["CS201"][1]
    if "CS202" in E and E["CS202"][0] == "CCAP":
        basis = E["CS202"][1]
    if "CS203" in E and E["CS203"][0] == "CCAP" and E["CS203"][2] == "art":
        basis = E["CS203"][1]
    parts = {"basis": [("p", basis)]}
    pub = [("p", "Sont éligibles, après validation par le facilitateur, les personnes éloignées de l'emploi, notamment :"),
           ("li", "les demandeurs d'emploi inscrits à France Travail depuis plus de douze mois ;"),
           ("li", "les allocataires du RSA, de l'ASS ou de l'AAH ;"),
           ("li", "les jeunes de moins de 26 ans sortis du système scolaire sans diplôme qualifiant ;"),
           ("li", "les personnes reconnues travailleurs handicapés (RQTH) orientées vers le marché du travail ;"),
           ("li", "les salariés des structures d'insertion par l'activité économique titulaires d'un PASS IAE ;"),
           ("li", "les habitants des quartiers prioritaires de la politique de la ville (QPV) en recherche d'emploi.")]
    if "CS204" in E and E["CS204"][0] in ("CCAP", "ANNEXE"):
        w = E["CS204"][1]
        pub[1] = ("li", {"Pôle emploi": "les demandeurs d'emploi inscrits à Pôle emploi depuis plus de douze mois ;",
                         "ZUS": "les habitants des zones urbaines sensibles (ZUS) en recherche d'emploi ;",
                         "DIRECCTE": "les personnes dont l'éligibilité est confirmée par la DIRECCTE ;",
                         "agrément": "les salariés des SIAE bénéficiant d'un agrément Pôle emploi ;"}[w])
    parts["public"] = [] if "CS302" in E else pub
    mod = [("p", "Le titulaire choisit librement l'une ou plusieurs des modalités suivantes :"),
           ("li", "embauche directe (CDI, CDD, contrat d'apprentissage ou de professionnalisation) ;"),
           ("li", "mise à disposition de salariés par une entreprise de travail temporaire d'insertion (ETTI), une association intermédiaire (AI) ou un GEIQ ;"),
           ("li", "sous-traitance ou cotraitance avec une structure d'insertion par l'activité économique, une entreprise adaptée ou un ESAT.")]
    parts["modal"] = [] if "CS303" in E else mod
    if "CS304" in E:
        parts["facil"] = ([("p", f"Le titulaire se rapproche de {f['struct']}, qui accompagne les entreprises dans la mise en œuvre de la clause.")]
                          if E["CS304"] == "nocontact" else [])
    else:
        parts["facil"] = [("p", f"Le facilitateur de la clause est {f['name']}, {f['struct']}, {f['addr']}. "
                                 f"Téléphone : {f['tel']} – courriel : {f['mail']}. Il valide l'éligibilité des personnes "
                                 f"proposées et aide le titulaire à trouver des candidats.")]
    rep = [("p", "Avant le démarrage des prestations, le titulaire remet au facilitateur une fiche de liaison indiquant "
                 "les postes proposés et la modalité retenue. Il transmet ensuite, au plus tard le 10 de chaque mois, "
                 "un tableau de suivi des heures réalisées accompagné des copies des contrats de travail ou des "
                 "factures des structures d'insertion. Le facilitateur établit une attestation en fin de marché.")]
    parts["report"] = [] if "CS305" in E else rep
    pen_h = "1,5 fois le SMIC horaire brut en vigueur à la date du constat"
    if "CS307" in E:
        pen_h = {"noamount": "un montant qui sera déterminé par le pouvoir adjudicateur",
                 "frozen": "1,5 fois le SMIC horaire brut de 2023, soit 17,28 €"}[E["CS307"]]
    ph = [("p", f"En cas de non-réalisation, du fait du titulaire, de tout ou partie des heures d'insertion, une pénalité "
                f"égale à {pen_h} est appliquée par heure non réalisée.")]
    pr = [("p", "À défaut de remise du tableau de suivi dans les délais fixés, le titulaire encourt, après une mise en "
                "demeure restée sans effet pendant huit jours, une pénalité de 100 € par jour de retard.")]
    parts["pen_h"] = [] if "CS306" in E else ph
    parts["pen_r"] = [] if ("CS308" in E or "CS305" in E) else pr
    return parts


def lot_hours_map(c, piece):
    """hours written in this piece per lot (None: not written)."""
    m = {}
    for L in c["lots"]:
        h = L.get("h")
        if h is None:
            continue
        m[L["n"]] = h
    E = c["errs"]
    if "CS401" in E and E["CS401"][1] == piece:
        m[E["CS401"][0]] = E["CS401"][2]
    return m


def lots_listed(c, piece):
    E = c["errs"]
    out = []
    for L in c["lots"]:
        if "CS404" in E and E["CS404"][0] == L["n"] and E["CS404"][1] == piece:
            continue
        out.append(L)
    return out


def hours_blocks(c, piece, prose=None):
    hm = lot_hours_map(c, piece)
    ls = lots_listed(c, piece)
    style = prose if prose is not None else c.get("hstyle", "table")
    B = []
    if c["unique"]:
        L = c["lots"][0]
        h = hm.get(L["n"])
        if h is None:
            B.append(("p", "Le volume d'heures d'insertion sera arrêté avec le titulaire lors de la réunion de lancement."))
        elif c.get("ac"):
            B.append(("p", f"Le titulaire réalise {h} heures d'insertion par an, soit {fr(h * c['ac'])} heures sur la durée totale de l'accord-cadre ({c['ac']} ans)."))
        else:
            B.append(("p", f"Le nombre d'heures d'insertion à réaliser est fixé à {h} heures."))
        return B
    if style == "table":
        rows = [["Lot", "Désignation", "Heures d'insertion"]]
        for L in ls:
            h = hm.get(L["n"])
            rows.append([L["n"], L["t"], f"{h} h" if h is not None else ("non concerné" if not L.get("cov", True) else "—")])
        if c.get("total"):
            tot = sum(v for k, v in hm.items() if k in [x["n"] for x in ls])
            if "CS402" in c["errs"] and c["errs"]["CS402"][0] == piece:
                tot = c["errs"]["CS402"][1]
            rows.append(["", "Total", f"{tot} h"])
        B.append(("t", rows))
    else:
        for L in ls:
            h = hm.get(L["n"])
            if h is not None:
                B.append(("p", f"Lot n° {L['n']} ({L['t']}) : {h} heures d'insertion."))
            elif not L.get("cov", True):
                B.append(("p", f"Lot n° {L['n']} ({L['t']}) : lot non concerné par la clause."))
        if c.get("total"):
            tot = sum(v for k, v in hm.items() if k in [x["n"] for x in ls])
            if "CS402" in c["errs"] and c["errs"]["CS402"][0] == piece:
                tot = c["errs"]["CS402"][1]
            B.append(("p", f"Soit un total de {tot} heures pour l'ensemble des lots concernés."))
    cov = [L["n"] for L in c["lots"] if L.get("cov", True)]
    if "CS301" in c["errs"] and c["errs"]["CS301"] != "all":
        B.insert(0, ("p", f"Lots concernés par la clause : {', '.join(cov)}."))
    return B


def header_blocks(d, c):
    d.p(f"Pouvoir adjudicateur : {c['buyer']}")
    d.p(f"Objet : {c['obj']}")
    d.p(f"Référence : {c['ref']}")


def extra_sentence(c, piece, d):
    E = c["errs"]
    for code in ("CS201", "CS202", "CS205"):
        if code in E and E[code][0] == piece and not (code in ("CS201", "CS202") and piece == "CCAP"):
            d.p(E[code][1])
    if "CS203" in E and E["CS203"][0] == piece and E["CS203"][2] == "pieces":
        d.p(E["CS203"][1])
    if "CS204" in E and E["CS204"][0] == piece and piece in ("RC", "AE", "AVIS"):
        d.p(E["CS204"][1] if len(E["CS204"]) > 2 else "")
    for s in c.get("traps", {}).get(piece, []):
        d.p(s)


def make_rc(c):
    d = R.Doc("Règlement de la consultation", hstyle=c.get("rc_h", "article_dash"))
    d.subtitle = c["buyer"]
    header_blocks(d, c)
    d.h(1, "1", "Objet et étendue de la consultation")
    d.p(f"La consultation porte sur : {c['obj']}. Procédure : {c['proc']}, en application des articles L2123-1 et R2123-1 du Code de la commande publique." if "adaptée" in c["proc"] else
        f"La consultation porte sur : {c['obj']}. Procédure : {c['proc']} (articles L2124-2 et R2161-2 à R2161-5 du Code de la commande publique).")
    if c["unique"]:
        d.p(f"Le marché n'est pas alloti. Montant estimé : {fr(c['lots'][0]['a'])} € HT" + (" par an." if c.get("ac") else "."))
    else:
        d.p("La consultation est allotie comme suit :")
        rows = [["Lot", "Intitulé", "Montant estimé (€ HT)"]]
        for L in lots_listed(c, "RC"):
            rows.append([L["n"], L["t"], fr(L["a"])])
        d.t(rows)
    d.p("Variantes : sans objet. Tranches optionnelles : sans.")
    d.h(1, "2", "Conditions de la consultation")
    d.p("Le délai de validité des offres est de 120 jours. Les questions peuvent être posées sur le profil d'acheteur jusqu'à 8 jours avant la date limite.")
    extra_sentence(c, "RC", d)
    d.h(1, "3", "Condition d'exécution à caractère social")
    if "CS102" in c["errs"] or c.get("noclause"):
        d.p("Sans préjudice des stipulations du CCAP, le titulaire respecte la réglementation du travail et les règles de sécurité du chantier." if c["nature"] == "travaux"
            else "Le titulaire respecte la réglementation relative au travail et à la protection des données.")
        if c.get("noclause_text"):
            d.p(c["noclause_text"])
    else:
        d.p("Le marché comporte une clause sociale d'insertion, condition d'exécution au sens de l'article L2112-2 du Code de la commande publique ; elle ne constitue pas un critère de sélection des offres.")
        if not c.get("rc_nohours"):
            d.p("Les heures d'insertion demandées sont les suivantes :")
            for b in hours_blocks(c, "RC", prose=c.get("rc_hstyle", "prose")):
                d.blocks.append(b)
        d.p("Le détail de la clause figure à l'article du CCAP qui lui est consacré" + (" et en annexe au CCAP." if c.get("annex") else "."))
        if c.get("rc_contact") and "CS304" not in c["errs"]:
            f = c["facil"]
            d.p(f"Les candidats peuvent interroger le facilitateur : {f['struct']}, {f['tel']}.")
    d.h(1, "4", "Jugement des offres")
    d.p("Critères : prix (60 %), valeur technique (40 %). La réponse doit parvenir avant le " + c["dl"] + " à 12 h 00.")
    d.h(1, "5", "Date d'envoi à la publication")
    d.p(f"Date d'envoi à la publication : {c['date_fr']}")
    return d


def clause_article(c, d, num):
    """Adds the clause article to CCAP doc d."""
    P = clause_parts(c)
    lay = c.get("layout", "full")
    title = c.get("ctitle", "Clause sociale d'insertion")
    d.h(1, num, title)
    if lay == "prose":
        for k in ("basis",):
            d.blocks += P[k]
        d.p("Le titulaire s'engage à réaliser des heures d'insertion selon la répartition suivante :")
        d.blocks += hours_blocks(c, "CCAP")
        for k in ("public", "modal", "facil", "report"):
            d.blocks += P[k]
        if c.get("pen") != "general":
            d.blocks += P["pen_h"] + P["pen_r"]
        else:
            d.p(c.get("pen_ref", "Les pénalités applicables en cas de manquement sont fixées à l'article « Pénalités » du présent CCAP."))
        return
    subs = [("Objet", P["basis"]), ("Volume d'heures", [("p", "Les heures d'insertion à réaliser par lot sont :")] + hours_blocks(c, "CCAP"))]
    if lay == "split":
        subs.append(("Mise en œuvre", [("p", "Les publics éligibles, les modalités de mise en œuvre, le facilitateur et les obligations de suivi sont précisés dans l'annexe n° 1 au présent CCAP (« Clause sociale d'insertion – modalités »), qui a valeur contractuelle.")]))
    else:
        subs += [("Publics éligibles", P["public"]), ("Modalités de mise en œuvre", P["modal"]),
                 ("Accompagnement par le facilitateur", P["facil"]), ("Suivi et contrôle", P["report"])]
    if c.get("pen") == "general":
        subs.append(("Sanctions", [("p", c.get("pen_ref", "Les manquements à la présente clause sont sanctionnés dans les conditions de l'article « Pénalités » ci-après."))]))
    else:
        subs.append(("Pénalités", P["pen_h"] + P["pen_r"]))
    i = 0
    for t, bl in subs:
        if not bl:
            continue
        i += 1
        d.h(2, f"{num}.{i}", t)
        d.blocks += bl


def make_ccap(c):
    d = R.Doc("Cahier des clauses administratives particulières", hstyle=c.get("ccap_h", "article_dash"))
    d.subtitle = c["buyer"]
    header_blocks(d, c)
    ccag, art = CCAG_ART[c["ccag"]]
    d.h(1, "1", "Objet du marché")
    d.p(f"Le présent CCAP fixe les stipulations administratives du marché : {c['obj']}.")
    if not c["unique"]:
        d.p("Le marché est décomposé en lots : " + " ; ".join(f"lot {L['n']} – {L['t']}" for L in lots_listed(c, "CCAP")) + ".")
    d.h(1, "2", "Pièces contractuelles")
    d.p(f"Les pièces du marché sont, par ordre de priorité : l'acte d'engagement, le présent CCAP" + (" et son annexe n° 1" if c.get("annex") else "") +
        f", le CCTP, le {ccag} approuvé par l'arrêté du 30 mars 2021.")
    extra_sentence(c, "CCAP", d)
    d.h(1, "3", "Délais d'exécution")
    d.p("Le délai d'exécution est de 12 mois à compter de l'ordre de service de démarrage. Toute réunion de chantier se tient le mardi à 10 h 00 ; le titulaire y est représenté." if c["nature"] == "travaux"
        else "Le marché est conclu pour une durée de 12 mois à compter de sa notification. Le titulaire intervient dans un délai de 48 heures après chaque demande.")
    d.h(1, "4", "Prix et règlement")
    d.p("Les prix sont fermes et actualisables. Le délai global de paiement est de 30 jours.")
    num = "5"
    if c.get("noclause"):
        d.h(1, "5", "Conditions d'exécution")
        d.p(c.get("noclause_ccap", "Le titulaire respecte les obligations du Code du travail."))
    elif "CS101" in c["errs"]:
        d.h(1, "5", "Conditions particulières d'exécution")
        d.p("Le titulaire gère ses déchets de chantier conformément au CCTP et tient le site propre." if c["nature"] == "travaux"
            else "Le titulaire prend en charge la gestion des déchets liés à ses prestations.")
    else:
        clause_article(c, d, "5")
    d.h(1, "6", "Pénalités")
    d.p("Pénalités de retard : par jour calendaire de retard, 1/3000 du montant du marché, sans mise en demeure préalable.")
    if c.get("pen") == "general" and not c.get("noclause") and "CS101" not in c["errs"] and not c.get("pen_missing_in_general"):
        P = clause_parts(c)
        d.p("Pénalités relatives à la clause sociale d'insertion :")
        d.blocks += P["pen_h"] + P["pen_r"]
    d.h(1, "7", "Résiliation et litiges")
    d.p("Le tribunal administratif territorialement compétent est seul compétent en cas de litige.")
    return d


def make_annex(c):
    d = R.Doc("Annexe n° 1 au CCAP – Clause sociale d'insertion", hstyle="article_dash")
    d.subtitle = c["buyer"] + " – " + c["obj"]
    P = clause_parts(c)
    if c.get("layout") == "split":
        d.h(1, "1", "Publics éligibles")
        d.blocks += P["public"] or [("p", "Rubrique laissée à l'appréciation du titulaire.")]
        d.h(1, "2", "Modalités de mise en œuvre")
        d.blocks += P["modal"] or [("p", "Le titulaire précise sa démarche dans la fiche ci-dessous.")]
        d.h(1, "3", "Facilitateur")
        d.blocks += P["facil"] or [("p", "Le titulaire organise lui-même ses recrutements.")]
        d.h(1, "4", "Suivi")
        d.blocks += P["report"] or [("p", "Le titulaire conserve ses justificatifs.")]
    d.h(1, "5" if c.get("layout") == "split" else "1", "Fiche d'engagement du titulaire")
    d.p("Je soussigné(e), représentant de l'entreprise ……………, m'engage à réaliser les heures d'insertion indiquées ci-dessous et à en justifier.")
    d.blocks += hours_blocks(c, "ANNEXE", prose=None if not c["unique"] else None)
    d.p("Modalité envisagée : ☐ embauche directe ☐ mise à disposition ☐ sous-traitance ou cotraitance" if "CS303" not in c["errs"] else "Observations : ……………")
    d.p("Fait à ……………, le ……………  Signature :")
    extra_sentence(c, "ANNEXE", d)
    return d


def make_ae(c, lot=None):
    t = "Acte d'engagement" + (f" – Lot n° {lot['n']}" if lot else "")
    d = R.Doc(t, hstyle="article_dash")
    d.subtitle = c["buyer"]
    header_blocks(d, c)
    d.h(1, "1", "Identification du titulaire")
    d.p("Nom, raison sociale : ……………  SIRET : ……………")
    d.h(1, "2", "Engagement")
    d.p("Après avoir pris connaissance des pièces du marché, je m'engage, sans réserve, à exécuter les prestations aux prix indiqués.")
    if not c.get("noclause") and "CS103" not in c["errs"]:
        d.h(1, "3", "Clause sociale d'insertion")
        hm = lot_hours_map(c, "AE")
        if lot:
            h = hm.get(lot["n"])
            if h is not None:
                d.p(f"Le titulaire s'engage à réaliser {h} heures d'insertion au titre du lot n° {lot['n']}, dans les conditions du CCAP.")
            else:
                d.p("Le titulaire s'engage à respecter la clause sociale d'insertion du CCAP.")
        else:
            d.p("Le titulaire s'engage à réaliser les heures d'insertion suivantes, dans les conditions fixées par le CCAP :")
            d.blocks += hours_blocks(c, "AE", prose=c.get("ae_hstyle"))
    extra_sentence(c, "AE", d)
    d.h(1, "4", "Signature")
    d.p("Fait à ……………, le ……………")
    return d


def make_avis(c):
    d = R.Doc("Avis d'appel public à la concurrence", hstyle="bare")
    d.subtitle = c["buyer"]
    d.h(1, "1", "Acheteur")
    d.p(c["buyer"])
    d.h(1, "2", "Objet")
    d.p(c["obj"] + f" – {c['proc']}.")
    if not c["unique"]:
        d.p("Lots : " + " ; ".join(f"{L['n']}. {L['t']}" for L in c["lots"]) + ".")
    d.h(1, "3", "Conditions d'exécution")
    if "CS104" in c["errs"] or c.get("noclause"):
        d.p("Les conditions d'exécution figurent dans les documents de la consultation.")
    else:
        d.p("Le marché comporte une condition d'exécution à caractère social : clause d'insertion par l'activité économique (voir CCAP).")
    extra_sentence(c, "AVIS", d)
    d.h(1, "4", "Date d'envoi du présent avis")
    d.p(c["date_fr"])
    return d


def make_cctp(c):
    d = R.Doc("Cahier des clauses techniques particulières", hstyle="article_dash")
    d.subtitle = c["obj"]
    d.h(1, "1", "Description des prestations")
    d.p("Les prestations comprennent la fourniture, la mise en œuvre et la réception des ouvrages décrits ci-après, conformément aux normes en vigueur.")
    d.h(1, "2", "Contraintes du site")
    d.p("Le site reste occupé pendant les travaux ; les interventions bruyantes ont lieu entre 8 h 00 et 17 h 30. L'entreprise prévoit l'accueil et le tutorat des personnes en parcours d'insertion.")
    return d


# ------------------------------------------------------------------ writing
def write(doc, path, fmt):
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        R.render_docx(doc, path)
    elif fmt == "odt":
        R.render_odt(doc, path)
    elif fmt == "pdf":  # LibreOffice
        PENDING.append((doc, path))
    elif fmt == "fpdf":
        R.render_pdf(doc, path)
    elif fmt == "scan":
        R.render_scanned_pdf(doc, path, seed=len(str(path)))
    return doc


def flush_soffice():
    if not PENDING:
        return
    shutil.rmtree(SOFF, ignore_errors=True)
    SOFF.mkdir(parents=True)
    srcs = []
    for i, (doc, path) in enumerate(PENDING):
        src = SOFF / f"d{i:03d}.docx"
        R.render_docx(doc, src)
        srcs.append(str(src))
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo_blind17", "--headless",
                    "--convert-to", "pdf", "--outdir", str(SOFF)] + srcs, capture_output=True, timeout=900)
    for i, (doc, path) in enumerate(PENDING):
        out = SOFF / f"d{i:03d}.pdf"
        if out.exists() and out.stat().st_size > 0:
            shutil.move(str(out), str(path))
        else:
            R.render_pdf(doc, path)


def build_case(c, root):
    folder = root / c["name"]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    E = c["errs"]
    pieces, texts = {}, {}
    F = c["files"]
    drop = E.get("CS105")

    def put(key, doc, kind):
        fname, fmt = F[key]
        if "CS903" in E and E["CS903"][0] == key:
            idx = next(i for i, b in enumerate(doc.blocks) if b[0] == "p")
            if E["CS903"][1] == "track":
                doc.tracked = [(idx, " (délai porté à 15 jours)", " (délai de 10 jours)")]
            else:
                doc.comments = [(idx, "À vérifier avec le service juridique avant publication.")]
        write(doc, folder / fname, fmt)
        pieces[fname] = kind
        texts[fname] = doc.text()

    if drop != "RC":
        put("RC", make_rc(c), "RC")
    put("CCAP", make_ccap(c), "CCAP")
    if drop != "AE":
        if c.get("ae_perlot"):
            for L in c["lots"]:
                fname, fmt = F["AE"]
                fn = fname.replace("{n}", L["n"])
                doc = make_ae(c, L)
                write(doc, folder / fn, fmt)
                pieces[fn] = "AE"
                texts[fn] = doc.text()
        else:
            put("AE", make_ae(c), "AE")
    if c.get("annex"):
        put("ANNEXE", make_annex(c), "ANNEXE_CLAUSE")
    if "AVIS" in F:
        put("AVIS", make_avis(c), "AAPC")
    if "CCTP" in F:
        fname, fmt = F["CCTP"]
        doc = make_cctp(c)
        write(doc, folder / fname, fmt)
        pieces[fname] = None if fmt == "scan" else "CCTP"
        texts[fname] = doc.text()
    if "DPGF" in F:
        fname = F["DPGF"][0]
        rows = [["Poste", "Désignation", "Unité", "Quantité", "PU HT", "Total HT"],
                ["1.1", "Installation de chantier", "ft", 1, "", ""],
                ["1.2", "Ouvrages principaux", "ens", 1, "", ""]]
        R.render_xlsx([("DPGF", rows)], folder / fname, title="DPGF")
        pieces[fname] = "DPGF"
    for fname, kind, txt in c.get("extra", []):
        p = folder / fname
        if fname.endswith((".png", ".jpg")):
            R.render_plan(p.with_suffix(".png") if fname.endswith(".png") else p, [txt], seed=len(fname))
            if fname.endswith(".jpg"):
                from PIL import Image
                Image.open(p).convert("RGB").save(p, "JPEG")
        elif fname.endswith(".txt"):
            p.write_text(txt, encoding="utf-8")
        pieces[fname] = kind
    # copies (CS905)
    if "CS905" in E:
        src, dst = E["CS905"]
        COPIES.append((folder / src, folder / dst))
        pieces[dst] = pieces[src]
        texts[dst] = texts.get(src)
        c["_copy"] = (src, dst)
    # damaged (CS901)
    if "CS901" in E:
        fname, mode = E["CS901"]
        d = R.Doc("Décomposition du prix global et forfaitaire")
        d.p("Document à compléter par le candidat.")
        p = folder / fname
        if mode == "empty":
            p.write_bytes(b"")
        elif mode == "trunc":
            R.render_docx(make_cctp(c), p)
            R.damage_truncate(p, 0.35)
        elif mode == "crypt":
            R.render_pdf(make_cctp(c), p, password="b17secret")
        pieces[fname] = None
    if "CS902" in E:
        fname = E["CS902"]
        write(make_cctp(c), folder / fname, "scan")
        pieces[fname] = None
    c["_pieces"], c["_texts"] = pieces, texts
    return folder


def answer_key(c):
    E = c["errs"]
    P = c["_pieces"]
    F = {k: v[0] for k, v in c["files"].items()}
    ccap = F["CCAP"]
    ann = F.get("ANNEXE") if c.get("annex") else None
    cl = [ccap, ann] if (ann and c.get("layout") == "split") else ccap
    if "_copy" in c and c["_copy"][0] == ccap:
        cl = [ccap, c["_copy"][1]] + ([ann] if isinstance(cl, list) else [])
    fnd, opt = [], []

    def add(code, piece=None, lot=None, planted=True, note=""):
        fnd.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def piece_of(k):
        if k == "AVIS":
            return F["AVIS"]
        if k == "AE" and c.get("ae_perlot"):
            return [F["AE"].replace("{n}", L["n"]) for L in c["lots"]]
        return F[k] if k != "ANNEXE" else F["ANNEXE"]

    notes = {"CS302": "aucun public éligible", "CS303": "aucune modalité de mise en œuvre",
             "CS304": "aucun contact du facilitateur (structure et téléphone ou courriel)",
             "CS305": "aucune obligation de suivi ni de justificatifs", "CS306": "aucune pénalité par heure non réalisée",
             "CS308": "aucune pénalité pour retard des justificatifs"}
    for code, v in E.items():
        if code == "CS101":
            add("CS101", ccap, note="le CCAP n'a pas d'article de clause, alors que le RC et l'AE la portent")
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt.append(dict(code=k, piece=None, lot=None, note="CS101 : contenu jugé hors du CCAP"))
        elif code == "CS102":
            add("CS102", F["RC"], note="le RC n'annonce pas la clause")
        elif code == "CS103":
            add("CS103", None, note="ni l'AE ni une annexe ne portent l'engagement sur les heures")
        elif code == "CS104":
            add("CS104", F["AVIS"], note="l'avis ne mentionne pas la condition d'exécution sociale")
        elif code == "CS105":
            add("CS105", None, note=f"pièce usuelle absente : {v}")
        elif code in ("CS201", "CS202", "CS205"):
            add(code, piece_of(v[0]) if v[0] != "CCAP" else ccap if "_copy" not in c else [ccap, c["_copy"][1]], note=v[2] if len(v) > 2 else v[1][:90])
        elif code == "CS203":
            add(code, ccap if v[0] == "CCAP" else piece_of(v[0]), note=v[1][:90])
        elif code == "CS204":
            add(code, piece_of(v[0]), note=f"nom périmé : {v[1] if v[0] in ('CCAP','ANNEXE') else v[1][:60]}")
        elif code == "CS301":
            if v == "all":
                add("CS301", cl, note="aucun nombre d'heures")
                opt.append(dict(code="CS103", piece=None, lot=None, note="pas de nombre d'heures"))
            else:
                add("CS301", cl, lot=v, note=f"lot {v} couvert par la clause sans nombre d'heures")
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS308"):
            add(code, cl, note=notes[code])
            if code == "CS305":
                add("CS308", cl, planted=False, note="découle de CS305 : pas de pénalité de retard des justificatifs")
        elif code == "CS307":
            add("CS307", cl, note="pénalité sans montant" if v == "noamount" else "pénalité figée sur le SMIC de 2023")
        elif code == "CS401":
            lot, pc, val = v
            other = "CCAP"
            add("CS401", [piece_of(pc)] if isinstance(piece_of(pc), str) else piece_of(pc), lot=lot, note=f"lot {lot} : {val} h dans {pc}, autre nombre ailleurs")
            fnd[-1]["piece"] = fnd[-1]["piece"] + [ccap] if isinstance(fnd[-1]["piece"], list) else fnd[-1]["piece"]
            opt.append(dict(code="CS403", piece=None, lot=lot, note="écart modéré"))
        elif code == "CS402":
            add("CS402", piece_of(v[0]) if v[0] != "CCAP" else ccap, note=f"total écrit {v[1]} ≠ somme des lots")
        elif code == "CS403":
            add("CS403", None, lot=v[0], note=f"heures hors fourchette (facteur {v[1]})")
        elif code == "CS404":
            lot, pc = v
            ps = piece_of(pc)
            ps = ps if isinstance(ps, list) else [ps]
            add("CS404", ps + [ccap], lot=lot, note=f"lot {lot} absent de {pc}")
            opt.append(dict(code="CS103", piece=None, lot=None, note="CS404"))
        elif code == "CS405":
            add("CS405", None, lot=v, note="heures sur un lot de fournitures seules")
            opt.append(dict(code="CS403", piece=None, lot=v, note="lot de fournitures"))
        elif code == "CS501":
            add("CS501", None, note="lancée après le 21/08/2026, au-dessus du seuil, sans condition sociale ni justification")
            add("CS100", None, planted=False, note="aucune clause dans le dossier")
        elif code == "CS901":
            add("CS901", v[0], note=f"pièce illisible ({v[1]})")
            opt.append(dict(code="CS904", piece=v[0], lot=None, note="illisible"))
        elif code == "CS902":
            add("CS902", v, note="PDF numérisé sans couche texte")
            opt.append(dict(code="CS904", piece=v, lot=None, note="numérisé"))
        elif code == "CS903":
            add("CS903", piece_of(v[0]) if v[0] != "CCAP" else ccap, note="modifications suivies" if v[1] == "track" else "commentaires")
        elif code == "CS905":
            add("CS905", list(v), note="deux versions d'une même pièce")
    for fname, kind, _ in c.get("extra", []):
        if kind is None:
            add("CS904", fname, planted=False, note="fichier qui n'est pas une pièce (plan, photo, notes)")
    if c.get("noclause") and "CS501" not in E:
        if c.get("cs100") == "expected":
            add("CS100", None, planted=False, note="aucune clause, aucune pièce ne dit « sans »")
        else:
            opt.append(dict(code="CS100", piece=None, lot=None, note="absence de clause expliquée"))
    lots = {}
    if not c.get("noclause") and "CS501" not in E:
        for L in c["lots"]:
            if L.get("h") is None:
                continue
            n = "unique" if c["unique"] else L["n"]
            if "CS401" in E and E["CS401"][0] == L["n"]:
                pc = E["CS401"][1]
                lots[n] = {"CCAP": L["h"], pc: E["CS401"][2]}
            else:
                lots[n] = L["h"]
    return dict(name=c["name"], half="sealed", review_date=c["review"], description=c["desc"],
                pieces=P, lots=lots, findings=fnd, optional=opt)


def apply_903(c):
    pass


def selfcheck(cases, root):
    cnt = Counter()
    probs = []
    for c in cases:
        key = json.loads((ANS / f"{c['name']}.json").read_text(encoding="utf-8"))
        pl = [f for f in key["findings"] if f["planted"]]
        for f in pl:
            cnt[f["code"]] += 1
        if c["kind"] == "faulty" and not (1 <= len(pl) <= 3):
            probs.append(f"{c['name']}: {len(pl)} erreurs plantées")
        if c["kind"] == "correct" and pl:
            probs.append(f"{c['name']}: correct mais erreurs plantées")
        for L in c["lots"]:
            if L.get("h") is not None and L.get("chk", True):
                raw, h = hours(L["a"], L["tr"])
                fac = L.get("fac", 1)
                if fac == 1 and (h != L["h"] or raw < 95 or abs((raw / 5) % 1 - 0.5) < 0.1):
                    probs.append(f"{c['name']} lot {L['n']}: {L['h']} vs calcul {raw:.1f}->{h}")
        folder = root / c["name"]
        for fname in key["pieces"]:
            p = folder / fname
            if not p.exists():
                probs.append(f"{c['name']}: {fname} absent")
                continue
            want = c["_texts"].get(fname)
            if not want or key["pieces"][fname] is None:
                continue
            if fname.endswith(".docx"):
                import docx
                d = docx.Document(str(p))
                got = "\n".join(x.text for x in d.paragraphs) + "\n".join(cc.text for t in d.tables for r in t.rows for cc in r.cells)
            elif fname.endswith(".odt"):
                got = zipfile.ZipFile(p).read("content.xml").decode("utf-8")
                got = got.replace("&apos;", "'").replace("&quot;", '"')
            elif fname.endswith(".pdf"):
                got = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True).stdout
            else:
                continue
            norm = lambda s: "".join(s.split()).replace("’", "'")
            G = norm(got)
            for line in want.split("\n")[:60]:
                line = line.split(" | ")[0]
                if line.startswith(" ("):
                    continue
                if len(line) > 12 and norm(line)[:40] not in G:
                    probs.append(f"{c['name']}/{fname}: texte manquant « {line[:50]} »")
                    break
    for code in ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
                 "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
                 "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS905"]:
        if cnt[code] < 2:
            probs.append(f"{code} planté {cnt[code]} fois")
    return cnt, probs


def main():
    root = OUT / "sealed"
    ANS.mkdir(parents=True, exist_ok=True)
    for c in CASES:
        build_case(c, root)
    flush_soffice()
    for src, dst in COPIES:
        shutil.copy(src, dst)
    for c in CASES:
        key = answer_key(c)
        (ANS / f"{c['name']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    cnt, probs = selfcheck(CASES, root)
    print(f"{len(CASES)} consultations ; erreurs plantées par code :")
    for k in sorted(cnt):
        print(f"  {k}: {cnt[k]}")
    fm = Counter(p.suffix for c in CASES for p in (root / c["name"]).iterdir())
    print("fichiers :", dict(fm))
    print("lots avec heures :", sum(len(json.loads((ANS / f"{c['name']}.json").read_text())["lots"]) for c in CASES))
    if probs:
        print("CONTRÔLES EN ÉCHEC :")
        for p in probs:
            print("  " + p)
        return 1
    print("contrôles : OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
