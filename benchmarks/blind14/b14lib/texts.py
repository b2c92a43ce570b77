"""Wording of blind14 (written for this corpus, in French, from the facts of reference.md).

Every function returns blocks for rich.RDoc: ("p", segs, opts), ("li", segs, opts), ("t", rows, opts).
`c` is the Case (engine.Case). Variants are picked by c.pick(name, n) (fixed by the case name)."""

from __future__ import annotations

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def P(*segs, **opts):
    return ("p", list(segs), opts)


def LI(*segs, **opts):
    return ("li", list(segs), opts)


def T(rows, **opts):
    return ("t", [[c if isinstance(c, list) else str(c) for c in r] for r in rows], opts)


def fmt_n(n, sep=" "):
    s = f"{int(n):,}".replace(",", sep)
    return s


def eur(a, sep=" "):
    return f"{fmt_n(a, sep)} € HT"


def fr_date(d, style="long"):
    if style == "long":
        j = "1er" if d.day == 1 else str(d.day)
        return f"{j} {MOIS[d.month - 1]} {d.year}"
    if style == "jour":
        j = "1er" if d.day == 1 else str(d.day)
        return f"{JOURS[d.weekday()]} {j} {MOIS[d.month - 1]} {d.year}"
    return d.strftime("%d/%m/%Y")


def lots_a(nums):
    nums = list(nums)
    if len(nums) == 1:
        return f"au lot {nums[0]}"
    return "aux lots " + ", ".join(nums[:-1]) + " et " + nums[-1]


def lots_phrase(nums):
    nums = list(nums)
    if not nums:
        return ""
    if len(nums) == 1:
        return f"le lot {nums[0]}"
    return "les lots " + ", ".join(nums[:-1]) + " et " + nums[-1]


# ------------------------------------------------------------------ legal basis
def basis(c):
    """Legal basis of the clause (with the planted CS201 / CS202 / CS203 shapes)."""
    e202 = c.err("CS202")
    e203 = c.err("CS203", where="clause")
    ccag_art = "18.1" if e203 else "16.1"
    if e202 and e202["shape"] == "L2152-7":
        first = ("Sur le fondement de l'article L. 2152-7 du code de la commande publique, l'exécution du "
                 "présent marché comporte une action d'insertion professionnelle, dans les conditions "
                 f"ci-après. L'article {ccag_art} du CCAG-FCS, approuvé par l'arrêté du 30 mars 2021, "
                 "s'applique.")
    elif e202 and e202["shape"] == "L2113-12":
        first = ("En application de l'article L. 2113-12 du code de la commande publique, le titulaire "
                 "consacre une partie des heures de travail nécessaires à l'exécution des prestations à une "
                 f"action d'insertion professionnelle, selon l'article {ccag_art} du CCAG-FCS (2021) et les "
                 "stipulations du présent article.")
    else:
        v = c.pick("basis", 3)
        if v == 0:
            first = ("En application de l'article L. 2112-2 du code de la commande publique, l'exécution du "
                     "présent marché est soumise à une condition à caractère social : le titulaire réalise une "
                     "action d'insertion professionnelle dans les conditions fixées ci-après. L'article "
                     f"{ccag_art} du CCAG-FCS, approuvé par l'arrêté du 30 mars 2021, est applicable ; les "
                     "stipulations qui suivent en précisent les modalités.")
        elif v == 1:
            first = ("Le présent marché comporte une condition d'exécution sociale prise sur le fondement de "
                     "l'article L2112-2 du code de la commande publique (CCP). Elle met en œuvre l'article "
                     f"{ccag_art} du CCAG des marchés publics de fournitures courantes et de services (édition "
                     "2021). Le titulaire ne peut s'en affranchir en cours d'exécution.")
        else:
            first = ("Conformément aux articles L. 2112-2 du code de la commande publique et "
                     f"{ccag_art} du CCAG-FCS (arrêté du 30 mars 2021), le titulaire s'engage à réserver une "
                     "partie des heures de travail nécessaires à l'exécution des prestations à une action "
                     "d'insertion professionnelle.")
    out = [P(first)]
    if c.trap("history_cmp"):
        out.append(P("Cette condition d'exécution relevait autrefois de l'article 14 de l'ancien code des "
                     "marchés publics, abrogé en 2016 ; elle repose aujourd'hui sur le seul code de la "
                     "commande publique."))
    if c.above_threshold_after():
        seuil = "140 000 € HT" if c.etat else "216 000 € HT"
        out.append(P(f"Le montant estimé du besoin dépassant le seuil européen de {seuil} et la consultation "
                     "étant lancée après le 21 août 2026, cette condition répond également à l'obligation "
                     "posée par l'article L. 2112-2-1 du code de la commande publique."))
    return out


# ------------------------------------------------------------------ hours
def hour_unit(c):
    if c.hmode in ("annual", "min_annual", "rate_fig"):
        return " par année scolaire" if c.school_year else " par an"
    return ""


def hours_cell(c, lot, role):
    """Text of one lot's hours in a table of piece `role`."""
    if lot.cover == "fourniture":
        return "Non concerné (fourniture seule)"
    if lot.cover == "reserve":
        return "Non concerné (lot réservé)"
    if lot.cover == "adefinir":
        return "À définir avec le facilitateur"
    if lot.cover == "tranche":
        return f"{lot.tranche[0]} h par tranche de {fmt_n(lot.tranche[1])} € HT commandés"
    if lot.cover == "bc":
        return (f"{lot.tranche[0]} h par bon de commande d'au moins {fmt_n(lot.tranche[1])} € HT")
    h = c.hours(lot, role)
    if h is None:
        return None
    return f"{fmt_n(h, c.sep)} h{hour_unit(c)}" if c.pick("hcell", 2) else f"{fmt_n(h, c.sep)} heures"


def hours_blocks(c, role, article_ref=None):
    """The volume of hours as written in the clause (CCAP or annex)."""
    out = []
    if c.hmode == "rate_only":
        out.append(P("Le titulaire consacre à l'action d'insertion 5 % des heures travaillées pour "
                     "l'exécution des prestations, pendant toute la durée de l'accord-cadre."))
        return out
    lots = [l for l in c.lots if c.hours(l, role) is not None or l.cover != "oui"]
    if c.hmode == "rate_fig":
        l = c.lots[0]
        out.append(P("L'effort d'insertion demandé représente 5 % des heures travaillées estimées pour "
                     "l'exécution des prestations (montant annuel estimé × part de main-d'œuvre ÷ coût horaire "
                     "moyen), soit ",
                     ("b", f"{fmt_n(c.hours(l, role), c.sep)} heures d'insertion par an"),
                     ". Ce volume reste dû chaque année de l'accord-cadre, reconduction comprise."))
        return out
    if c.single:
        l = c.lots[0]
        h = c.hours(l, role)
        if c.hmode == "min_annual":
            out.append(P(f"Le titulaire réalise au minimum {fmt_n(h, c.sep)} heures d'insertion{hour_unit(c)}."))
        elif c.hmode == "annual":
            tot = h * c.ac_years
            span = (f"sur la durée maximale de {c.years_word}" if c.ac else f"sur les {c.years_word} du marché")
            out.append(P(f"Le volume d'heures d'insertion est fixé à {fmt_n(h, c.sep)} heures{hour_unit(c)}, "
                         f"soit {fmt_n(tot, c.sep)} heures {span}."))
        else:
            out.append(P(f"Le titulaire réalise {fmt_n(h, c.sep)} heures d'insertion sur la durée du marché."))
        return out
    style = c.pick("hstyle", 2) if not c.force_table else 0
    unit = hour_unit(c)
    if c.hmode == "annual":
        intro = ("Le volume d'heures d'insertion est fixé par lot et par année d'exécution ; il est dû chaque "
                 "année, y compris en cas de reconduction :")
    elif c.hmode == "min_annual":
        intro = f"Chaque titulaire réalise au minimum, pour son lot et{unit}, le nombre d'heures suivant :"
    else:
        intro = "Le titulaire de chaque lot réalise, sur toute la durée du marché, le nombre d'heures suivant :"
    out.append(P(intro))
    if style == 0:
        head = ["Lot", "Intitulé", "Heures d'insertion" + (unit if unit and c.hmode != "total" else "")]
        if c.hmode == "annual" and c.recall:
            head.append(f"Rappel sur {c.years_word}")
        rows = [head]
        total = 0
        for l in c.lots:
            cell = hours_cell(c, l, role)
            if cell is None:
                continue
            h = c.hours(l, role) if l.cover == "oui" else None
            if h is not None:
                cell = f"{fmt_n(h, c.sep)} heures"
                total += h
            r = [l.n, l.title, cell]
            if c.hmode == "annual" and c.recall:
                r.append(f"{fmt_n(h * c.ac_years, c.sep)} heures" if h is not None else "—")
            rows.append(r)
        if c.total_line.get(role):
            tv = c.total_line[role]
            rows.append(["", "Total", f"{fmt_n(tv, c.sep)} heures"] + (["—"] if len(head) == 4 else []))
        out.append(T(rows))
    else:
        for l in c.lots:
            cell = hours_cell(c, l, role)
            if cell is None:
                continue
            if l.cover == "oui":
                out.append(LI(f"lot {l.n} – {l.title} : ", ("b", f"{fmt_n(c.hours(l, role), c.sep)} heures{unit}"),
                              " ;"))
            else:
                out.append(LI(f"lot {l.n} – {l.title} : {cell.lower() if cell[0] in 'NÀ' else cell}."))
        # the last item of the list ends with a full stop
        for i in range(len(out) - 1, 0, -1):
            if out[i][0] == "li":
                segs = list(out[i][1])
                if segs and isinstance(segs[-1], str) and segs[-1].endswith(" ;"):
                    segs[-1] = segs[-1][:-2] + "."
                    out[i] = ("li", segs, out[i][2])
                break
        if c.total_line.get(role):
            out.append(P(f"Soit un total de {fmt_n(c.total_line[role], c.sep)} heures d'insertion{unit}."))
    notes = []
    for l in c.lots:
        if l.cover == "fourniture":
            notes.append(f"Le lot {l.n}, qui porte sur une fourniture livrée sans main-d'œuvre sur place, n'est "
                         "pas concerné : clause sociale sans objet pour ce lot.")
        elif l.cover == "reserve":
            notes.append(f"Le lot {l.n}, réservé en application de l'article L. 2113-12 du code de la commande "
                         "publique, ne comporte pas d'heures d'insertion.")
        elif l.cover in ("tranche", "bc"):
            notes.append(f"Pour le lot {l.n}, dont les quantités dépendent des commandes, les heures sont dues "
                         "au fur et à mesure des bons de commande, selon le barème indiqué ci-dessus.")
        elif l.cover == "adefinir":
            notes.append(f"Le volume du lot {l.n} sera arrêté avec le facilitateur avant la notification.")
    for n in notes:
        out.append(P(n))
    if c.hmode == "annual" and not c.recall:
        out.append(P("Les heures non réalisées au cours d'une année ne se reportent pas sur l'année suivante, "
                     "sauf accord écrit du facilitateur."))
    return out


# ------------------------------------------------------------------ eligible public
def public_blocks(c):
    if "public" in c.omit:
        return []
    v = c.pick("public", 3)
    no_iae = "modal" in c.omit  # a CS303 case must not mention insertion structures anywhere
    if v == 0:
        out = [P("Les heures d'insertion sont réalisées par des personnes rencontrant des difficultés sociales "
                 "ou professionnelles particulières, dont l'éligibilité est validée par le facilitateur avant "
                 "leur prise de poste, notamment :"),
               LI("les demandeurs d'emploi inscrits à France Travail depuis au moins douze mois au cours des "
                  "dix-huit derniers mois ;"),
               LI("les bénéficiaires du RSA, de l'allocation de solidarité spécifique (ASS) ou de l'allocation "
                  "aux adultes handicapés (AAH) ;"),
               LI("les personnes reconnues travailleurs handicapés (RQTH) ;"),
               LI("les jeunes de moins de 26 ans sortis du système scolaire sans diplôme ou avec un premier "
                  "niveau de qualification ;"),
               LI("les demandeurs d'emploi âgés de 50 ans et plus ;"),
               LI("les habitants des quartiers prioritaires de la politique de la ville (QPV)" +
                  (" ;" if not no_iae else "."))]
        if not no_iae:
            out.append(LI("les salariés en parcours dans une structure d'insertion par l'activité économique, "
                          "titulaires d'un PASS IAE."))
    elif v == 1:
        out = [P("Peuvent bénéficier de l'action les personnes éloignées de l'emploi : chômeurs de longue "
                 "durée, allocataires de minima sociaux (RSA, ASS, AAH), travailleurs handicapés, jeunes de "
                 "moins de 26 ans peu ou pas qualifiés suivis par la mission locale, seniors de plus de 50 ans "
                 "privés d'emploi, résidents des QPV" +
                 ("" if no_iae else ", salariés d'une structure de l'insertion par l'activité économique") +
                 ". D'autres personnes peuvent être retenues sur avis motivé de France Travail, de la mission "
                 "locale ou de Cap emploi, validé par le facilitateur.")]
    else:
        out = [P("Publics éligibles (liste indicative, la validation du facilitateur étant requise dans tous les "
                 "cas) :"),
               T([["Catégorie", "Précision"],
                  ["Demandeurs d'emploi de longue durée", "inscrits à France Travail depuis 12 mois au moins"],
                  ["Allocataires de minima sociaux", "RSA, ASS, AAH"],
                  ["Travailleurs handicapés", "RQTH ou bénéficiaires de l'obligation d'emploi"],
                  ["Jeunes", "moins de 26 ans, niveau de qualification inférieur au baccalauréat"],
                  ["Seniors", "demandeurs d'emploi de 50 ans et plus"],
                  ["Résidents des QPV", "quel que soit leur statut au regard de l'emploi"]] +
                 ([] if no_iae else [["Personnes en parcours IAE", "PASS IAE en cours de validité"]]))]
    if c.trap("history_zus"):
        out.append(P("Les quartiers prioritaires de la politique de la ville ont remplacé en 2015 les anciennes "
                     "zones urbaines sensibles : seule la liste des QPV en vigueur fait foi pour l'éligibilité."))
    e204 = c.err("CS204", where="clause_public")
    if e204:
        out.append(P("Sont également éligibles les personnes titulaires d'un agrément Pôle emploi en cours de "
                     "validité."))
    return out


# ------------------------------------------------------------------ modalities
def modal_blocks(c):
    if "modal" in c.omit:
        return []
    v = c.pick("modal", 2)
    if v == 0:
        return [P("Le titulaire choisit librement la manière de réaliser les heures, seul ou en combinant les "
                  "formules suivantes :"),
                LI("le recrutement direct, en contrat à durée indéterminée ou déterminée, en contrat "
                   "d'apprentissage ou de professionnalisation ;"),
                LI("la mise à disposition de salariés par une entreprise de travail temporaire d'insertion "
                   "(ETTI), une association intermédiaire (AI), un groupement d'employeurs pour l'insertion et "
                   "la qualification (GEIQ) ou une entreprise de travail temporaire engagée dans la démarche ;"),
                LI("la sous-traitance ou la co-traitance d'une partie des prestations avec une entreprise "
                   "d'insertion, un atelier et chantier d'insertion, une entreprise adaptée ou un ESAT."),
                P("Les heures réalisées par un sous-traitant ou un cotraitant au titre de la clause sont "
                  "comptées au bénéfice du titulaire.")]
    return [P("Pour atteindre le volume fixé, le titulaire peut procéder à des embauches directes "
              "(CDI, CDD, alternance), recourir à la mise à disposition de personnel par une ETTI, une "
              "association intermédiaire ou un GEIQ, ou confier une part des prestations, en sous-traitance ou "
              "en co-traitance, à une structure d'insertion par l'activité économique (SIAE), à une entreprise "
              "adaptée (EA) ou à un établissement et service d'aide par le travail (ESAT). Il peut combiner ces "
              "formules et en changer en cours d'exécution, après en avoir informé le facilitateur.")]


# ------------------------------------------------------------------ facilitator
def email_seg(c):
    f = c.facil
    if c.facil_link:
        return ("link", f["email"], "mailto:" + f["email"])
    return f["email"]


def facil_blocks(c):
    f = c.facil
    e304 = c.err("CS304")
    if e304 and e304["shape"] == "evoked":
        return [P("Le titulaire désigne un référent chargé des relations avec le facilitateur de la clause "
                  "sociale, dont les coordonnées lui seront communiquées à la notification du marché.")]
    if e304 and e304["shape"] == "comment":
        return [P("Dès la notification, le titulaire se rapproche du ",
                  ("cm", "facilitateur de la clause sociale",
                   f"Coordonnées à insérer avant publication : {f['person']}, {f['struct']}, "
                   f"{f['phone']}, {f['email']}"),
                  ", qui l'aide à organiser les recrutements et vérifie l'éligibilité des personnes.")]
    if c.facil_nophone:
        return [P(f"L'accompagnement du titulaire est assuré gratuitement par le facilitateur de la clause, "
                  f"{f['struct']}. Toute demande est "
                  "adressée par courriel à ", email_seg(c),
                  " ; le facilitateur répond sous cinq jours ouvrés et peut se déplacer sur les sites.")]
    v = c.pick("facil", 2)
    if v == 0:
        return [P(f"Le titulaire prend contact avec le facilitateur dès la notification : {f['struct']} – "
                  f"{f['person']}, {f['role']} – tél. {f['phone']} – courriel : ", email_seg(c), "."),
                P("Le facilitateur l'aide à identifier les candidats, vérifie leur éligibilité et suit la "
                  "réalisation des heures ; il ne se substitue pas au titulaire dans le choix des personnes.")]
    return [P(f"Un accompagnement gratuit est proposé par le facilitateur de la clause ({f['struct']}). "
              f"Interlocuteur : {f['person']} "
              f"({f['role']}), {f['phone']}, ", email_seg(c), "."),
            P("Le facilitateur présente des candidats, propose des structures partenaires et atteste, en fin "
              "d'exécution, des heures réalisées.")]


# ------------------------------------------------------------------ control / reporting
def control_blocks(c):
    if "control" in c.omit:
        return []
    v = c.pick("control", 3)
    if "modal" in c.omit and v == 0:
        v = 1
    out = []
    if v == 0:
        out.append(P("Le titulaire adresse au facilitateur, avant le 10 de chaque mois, l'état des heures "
                     "d'insertion réalisées le mois précédent (personne, catégorie de public, employeur, type de "
                     "contrat, nombre d'heures), avec les justificatifs : copies des contrats de travail, "
                     "relevés d'heures de l'ETTI, de l'AI ou du GEIQ, factures de la structure sous-traitante. "
                     "Un bilan est établi avec le facilitateur à la fin de chaque année d'exécution."))
    elif v == 1:
        out.append(P("Chaque trimestre, le titulaire transmet au facilitateur un tableau de suivi des heures "
                     "d'insertion, accompagné des bulletins de salaire ou des relevés d'heures correspondants. "
                     "Un bilan de la clause est dressé en fin de marché, avant le paiement du solde."))
    else:
        out.append(P("Dans le mois qui suit la notification, le titulaire remet au facilitateur une fiche de "
                     "liaison décrivant l'organisation retenue. Il produit ensuite, au plus tard le 15 du mois "
                     "suivant chaque trimestre civil, un état récapitulatif des heures réalisées accompagné des "
                     "pièces justificatives."))
    e204 = c.err("CS204", where="clause_control")
    if e204:
        out.append(P("Une copie de chaque bilan annuel est adressée pour information à l'unité départementale "
                     "de la DIRECCTE."))
    return out


# ------------------------------------------------------------------ penalties
def pen_hour_blocks(c):
    if "penhour" in c.omit:
        return []
    e307 = c.err("CS307")
    if e307 and e307["shape"] == "smic2024":
        return [P("Lorsque le bilan fait apparaître des heures d'insertion non réalisées du fait du titulaire, "
                  "celui-ci encourt une pénalité égale à 1,5 fois le SMIC horaire brut de 11,65 € (valeur au "
                  "1er janvier 2024), soit 17,48 € par heure non réalisée.")]
    if e307 and e307["shape"] == "noamount":
        return [P("Les heures d'insertion non réalisées du fait du titulaire donnent lieu à une pénalité par "
                  "heure manquante, dont le montant sera arrêté par l'acheteur au vu du bilan de la clause.")]
    v = c.pick("penhour", 3)
    if "control" in c.omit:
        v = 2  # no follow-up: the penalty must not speak of a bilan either
    if v == 0:
        return [P("Lorsque le bilan fait apparaître des heures d'insertion non réalisées du fait du titulaire, "
                  "celui-ci encourt une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date du "
                  "bilan, par heure non réalisée.")]
    if v == 1:
        return [P("Chaque heure d'insertion manquante au bilan de fin d'année est sanctionnée par une pénalité "
                  "de 35 € HT, sans mise en demeure préalable.")]
    return [P("Pénalité par heure d'insertion non effectuée : deux fois le taux horaire du SMIC brut "
              "applicable au jour du constat (pour mémoire, 12,02 € au 1er janvier 2026).")]


def pen_doc_blocks(c):
    if "pendoc" in c.omit:
        return []
    v = c.pick("pendoc", 3)
    if v == 0:
        return [P("Le retard dans la remise des documents de suivi de la clause entraîne, après mise en demeure "
                  "restée sans effet pendant huit jours, une pénalité de 80 € par jour calendaire de retard.")]
    if v == 1:
        return [P("Tout document de suivi de la clause manquant ou remis incomplet à l'échéance donne lieu à une "
                  "pénalité forfaitaire de 150 €.")]
    return [P("Une pénalité de 50 € HT par jour de retard est appliquée lorsque les justificatifs de la clause "
              "ne sont pas transmis dans le délai prévu.")]


# signatures of every element's wording (self-check: a removed element appears nowhere)
SIG = {
    "public": [r"demandeurs? d'emploi", r"\bRSA\b", r"RQTH", r"handicap", r"moins de 26 ans", r"publics? éligibles?",
               r"personnes éligibles", r"\bQPV\b", r"quartiers? prioritaires?", r"PASS IAE", r"minima sociaux",
               r"allocataires?", r"\bAAH\b", r"éloignées? de l'emploi", r"zones urbaines sensibles",
               r"difficultés sociales", r"chômeurs", r"seniors"],
    "modal": [r"embauch", r"recrutement direct", r"mise à disposition", r"\bETTI\b", r"\bGEIQ\b",
              r"association intermédiaire", r"sous-trait\w*.{0,80}(insertion|SIAE|ESAT|adaptée)",
              r"co-trait\w*.{0,80}(insertion|SIAE|ESAT|adaptée)", r"\bSIAE\b", r"entreprise d'insertion",
              r"\bESAT\b", r"entreprise adaptée", r"apprentissage", r"professionnalisation",
              r"travail temporaire d'insertion", r"structure d'insertion", r"chantier d'insertion", r"alternance"],
    "control": [r"état des heures", r"tableau de suivi", r"fiche de suivi", r"fiche de liaison", r"\bbilan",
                r"justificatif", r"relevés? d'heures", r"bulletins? de (salaire|paie)", r"copies? des contrats",
                r"attestation de réalisation", r"état récapitulatif", r"documents de suivi"],
    "penhour": [r"par heure (d'insertion )?(non (réalisée|effectuée|exécutée)|manquante)", r"SMIC",
                r"heure d'insertion (manquante|non)", r"heures? (d'insertion )?manquantes?"],
    "pendoc": [r"documents? de suivi.{0,80}(pénalité|manquant)", r"pénalité.{0,120}justificatifs",
               r"par jour calendaire de retard", r"remise des documents de suivi"],
}
