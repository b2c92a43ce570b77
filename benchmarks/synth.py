"""Generate N synthetic consultations (DCE) for the batch and review benchmarks.

    python benchmarks/synth.py OUT -n 500 [--seed 0] [-j 2] [--zip 0.3] [--errors 0.3]
                               [--manifest FILE]

Each consultation is a folder of pieces or a .zip (share `zip`), with realistic sizes: an
RC of 5-10 pages, a CCAP of 20-40 pages, 1 to 4 AE, an annex "clause sociale d'insertion",
in .docx, .pdf and .odt. A share `errors` of them carries 1 to 4 planted mistakes of the
catalogue (CS102, CS201, CS203, CS204, CS306, CS307, CS401, CS402); the manifest lists them.
Every consultation has its own reference, amounts and article order, so no two have the
same bytes (the batch register hashes pieces) nor the same text.

Speed: Word and ODT pieces are written by tools.simple_documents; PDFs by a small
line-based writer here (fpdf2 `text` + rectangles), because fpdf2's `multi_cell` line
breaking costs about 1.2 s for a 30-page CCAP. About 0.3 s per consultation on one core.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import random
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tools.simple_documents import Doc, H, P, PageBreak, T, write  # noqa: E402


def _load_samples_builder():
    """The sample builder holds the shared French wording (public, modalities, contacts)."""
    name = "clausier_build_samples"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / "build_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


S = _load_samples_builder()

DEFAULT_MIX = {"zip": 0.3, "errors": 0.3, "pdf": 0.5, "services": 0.25}

# Planted mistake -> the finding code a review must give for it.
MISTAKES = {
    "rc_silent": "CS102",  # the RC does not announce the clause
    "cmp14": "CS201",  # "article 14 du Code des marchés publics"
    "ccag2009": "CS203",  # the 2009 CCAG in the pieces of the contract
    "pole_emploi": "CS204",  # "Pôle emploi"
    "zus": "CS204",  # "ZUS"
    "no_hour_penalty": "CS306",  # no penalty per hour not performed
    "smic_frozen": "CS307",  # penalty on a frozen SMIC value
    "hours_mismatch": "CS401",  # one lot's hours differ between CCAP and AE
    "bad_total": "CS402",  # stated total is not the sum
}

WORKS_TRADES = [
    ("Terrassement – VRD", "vrd", 0.30),
    ("Gros œuvre – maçonnerie", "gros_oeuvre", 0.45),
    ("Charpente bois", "charpente_bois", 0.35),
    ("Couverture – zinguerie", "couverture_etancheite", 0.40),
    ("Menuiseries extérieures", "menuiseries_exterieures", 0.25),
    ("Menuiseries intérieures", "menuiseries_interieures", 0.40),
    ("Plâtrerie – cloisons – faux plafonds", "platrerie", 0.55),
    ("Peinture – revêtements muraux", "peinture", 0.70),
    ("Revêtements de sols – carrelage", "revetements_sols", 0.45),
    ("Électricité courants forts et faibles", "electricite", 0.45),
    ("Plomberie – chauffage – ventilation", "plomberie_cvc", 0.35),
]
SERVICE_TRADES = [
    ("Nettoyage des locaux", "nettoyage", 0.85),
    ("Entretien des espaces verts", "espaces_verts_entretien", 0.65),
    ("Collecte des déchets", "collecte_dechets", 0.55),
    ("Restauration collective", "restauration", 0.45),
]
WORKS_OBJECTS = [
    "Construction d'un pôle enfance",
    "Réhabilitation de la médiathèque intercommunale",
    "Extension du gymnase communautaire",
    "Construction d'une maison de santé pluriprofessionnelle",
    "Rénovation énergétique de l'hôtel communautaire",
    "Aménagement d'un centre technique intercommunal",
]
SERVICE_OBJECTS = [
    "Nettoyage et entretien des bâtiments communautaires",
    "Entretien des espaces verts des zones d'activités",
    "Collecte des déchets ménagers et assimilés",
    "Restauration scolaire des écoles du territoire",
]

# Administrative prose without any clause word (no hours, no insertion, no reference):
# the bulk of a real CCAP, shuffled per consultation.
FILLER_TITLES = [
    "ORDRES DE SERVICE",
    "PÉRIODE DE PRÉPARATION",
    "INSTALLATION ET ORGANISATION DU CHANTIER",
    "GESTION DES DÉCHETS DE CHANTIER",
    "PLANS D'EXÉCUTION ET NOTES DE CALCUL",
    "ESSAIS ET CONTRÔLES",
    "CONSTATS ET CONSTATATIONS",
    "DOSSIER DES OUVRAGES EXÉCUTÉS",
    "RETENUE DE GARANTIE",
    "ACOMPTES ET SOLDE",
    "RÉVISION DES PRIX",
    "CO-TRAITANCE",
    "CONFIDENTIALITÉ",
    "PROTECTION DES DONNÉES PERSONNELLES",
    "ASSURANCES",
    "MESURES DE SÉCURITÉ ET D'HYGIÈNE",
    "SIGNALISATION DU CHANTIER",
    "RÉUNIONS DE CHANTIER",
    "MODIFICATIONS DU MARCHÉ",
    "ARRÊT DE L'EXÉCUTION",
]
FILLER_SENTENCES = [
    "Le titulaire exécute les prestations conformément aux stipulations du marché et aux "
    "règles de l'art, sous le contrôle du maître d'ouvrage.",
    "Les documents mentionnés au présent article sont remis en trois exemplaires, dont un "
    "sous forme dématérialisée.",
    "Le maître d'œuvre dispose d'un délai de quinze jours pour faire connaître ses "
    "observations ; passé ce délai, les documents sont réputés acceptés.",
    "Toute modification demandée par le titulaire fait l'objet d'une demande écrite et "
    "motivée adressée au maître d'ouvrage.",
    "Les frais correspondants sont réputés compris dans les prix du marché.",
    "Le titulaire prend toutes les dispositions utiles pour assurer la continuité du service "
    "public et la sécurité des usagers.",
    "Les constatations contradictoires font l'objet d'un procès-verbal signé par les parties.",
    "En cas de désaccord, le différend est porté devant le comité consultatif de règlement "
    "amiable compétent avant toute saisine du juge.",
    "Le titulaire informe sans délai le maître d'ouvrage de toute difficulté susceptible de "
    "compromettre le bon déroulement des travaux.",
    "Les matériaux et produits mis en œuvre sont conformes aux normes en vigueur et "
    "accompagnés de leurs fiches techniques.",
    "Le titulaire tient à jour un registre des interventions, consultable à tout moment par "
    "le maître d'ouvrage.",
    "Les installations provisoires sont déposées et le site remis en état à l'achèvement "
    "des prestations.",
    "Les pièces justificatives sont transmises par voie électronique sur le portail de "
    "facturation de l'État.",
    "Le titulaire garantit la confidentialité des informations dont il a connaissance à "
    "l'occasion de l'exécution du marché.",
    "Le maître d'ouvrage peut ajourner l'exécution ; le titulaire est alors indemnisé des "
    "frais justifiés qui en résultent.",
    "Les délais courent à compter du lendemain de la réception de la notification.",
]


@dataclass
class SynthLot:
    number: str
    title: str
    amount: float  # € HT (per year for an accord-cadre)
    trade: str
    share: float
    hours: int | None = None


@dataclass
class SynthConsultation:
    name: str  # folder name or "<name>.zip"
    reference: str
    nature: str  # travaux | services
    object: str
    lots: list[SynthLot]
    mistakes: list[str]
    expected_codes: list[str]
    launch: str = ""
    pieces: list[str] = field(default_factory=list)
    bytes: int = 0


# ------------------------------------------------------------------ fast PDF


_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FONT_CHARS = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "".join(chr(c) for c in range(0xA0, 0x180))
    + "œŒ€–—‘’“”…«»☐•×≥≤°\u202f"
)
_font_cache: list[str] = []


def _fonts() -> tuple[str, str]:
    """DejaVu Sans cut down to the characters of French documents, once per process:
    fpdf2 parses the whole 700 KB font for every document otherwise (0.25 s a PDF)."""
    if not _font_cache:
        import logging

        from fontTools import subset
        from fontTools.ttLib import TTFont

        logging.getLogger("fontTools").setLevel(logging.ERROR)
        folder = Path(tempfile.mkdtemp(prefix="clausier-synth-fonts-"))
        for name in ("DejaVuSans", "DejaVuSans-Bold"):
            font = TTFont(_FONT_DIR / f"{name}.ttf")
            options = subset.Options()
            options.layout_features = []
            options.hinting = False
            subsetter = subset.Subsetter(options)
            subsetter.populate(text=_FONT_CHARS)
            subsetter.subset(font)
            font.save(folder / f"{name}.ttf")
            _font_cache.append(str(folder / f"{name}.ttf"))
    return _font_cache[0], _font_cache[1]


def write_pdf_fast(path: Path, doc: Doc) -> Path:
    """A text PDF from the same blocks as simple_documents, without fpdf2's line breaking:
    lines are wrapped by character count and placed with `text`, tables drawn cell by cell."""
    from fpdf import FPDF

    regular, bold = _fonts()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", regular)
    pdf.add_font("DejaVu", "B", bold)
    top, bottom, left, width = 22.0, 280.0, 12.0, 186.0
    state = {"y": top}

    def new_page() -> None:
        pdf.add_page()
        pdf.set_font("DejaVu", "", 8)
        if doc.header:
            pdf.text(left, 12, doc.header)
        footer = f"{doc.footer} - " if doc.footer else ""
        pdf.text(left + 70, 290, f"{footer}Page {pdf.page_no()}")
        state["y"] = top

    def lines_out(lines: Iterable[str], style: str, size: float, step: float) -> None:
        pdf.set_font("DejaVu", style, size)
        for line in lines:
            if state["y"] > bottom:
                new_page()
                pdf.set_font("DejaVu", style, size)
            pdf.text(left, state["y"], line)
            state["y"] += step

    new_page()
    for item in doc.items:
        if isinstance(item, H):
            if state["y"] > bottom - 20:
                new_page()
            state["y"] += 2
            lines_out(textwrap.wrap(item.text, 78), "B", 12 if item.level == 1 else 10.5, 6.5)
        elif isinstance(item, P):
            lines_out(textwrap.wrap(item.text, 100) or [""], "B" if item.bold else "", 9.5, 4.8)
            state["y"] += 1.5
        elif isinstance(item, T):
            n_cols = max(len(r) for r in item.rows)
            col_w = width / n_cols
            chars = max(8, int(col_w / 1.75))
            pdf.set_font("DejaVu", "", 8.5)
            for row in item.rows:
                cells = [textwrap.wrap(str(c), chars) or [""] for c in row]
                height = max(len(c) for c in cells) * 4.2 + 2
                if state["y"] + height > bottom:
                    new_page()
                    pdf.set_font("DejaVu", "", 8.5)
                y0 = state["y"] - 3.5
                for c, cell_lines in enumerate(cells):
                    x = left + c * col_w
                    pdf.rect(x, y0, col_w, height)
                    for k, line in enumerate(cell_lines):
                        pdf.text(x + 1, y0 + 4 + k * 4.2, line)
                state["y"] += height
            state["y"] += 3
        elif isinstance(item, PageBreak):
            new_page()
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def write_piece(path: Path, doc: Doc) -> Path:
    if path.suffix == ".pdf":
        return write_pdf_fast(path, doc)
    return write(path, doc)


# ------------------------------------------------------------------ wording


def _filler_articles(
    rng: random.Random, first: int, count: int, paragraphs: int, titles: list[str] | None = None
) -> list:
    titles = titles or rng.sample(FILLER_TITLES, k=min(count, len(FILLER_TITLES)))
    items: list = []
    for offset, title in enumerate(titles):
        number = first + offset
        items.append(H(f"ARTICLE {number} – {title}"))
        for sub in range(1, rng.randint(2, 4) + 1):
            items.append(H(f"{number}.{sub} – {title.capitalize()} ({sub})", level=2))
            for _ in range(paragraphs):
                items.append(P(" ".join(rng.sample(FILLER_SENTENCES, k=rng.randint(3, 5)))))
    return items


def _penalty_paragraphs(mistakes: set[str]) -> list:
    frozen = "smic_frozen" in mistakes
    items = []
    if "no_hour_penalty" not in mistakes:
        rate = "1,5 fois le SMIC horaire de 11,65 €, soit 17,48 €" if frozen else S.HOURS_PENALTY
        items.append(
            P(
                "En cas de non-réalisation de tout ou partie des heures d'insertion, le "
                f"titulaire subit une pénalité par heure non réalisée égale à {rate}."
            )
        )
    late = (
        "dix fois le SMIC horaire de 11,65 €, soit 116,50 €"
        if frozen and "no_hour_penalty" in mistakes
        else f"{S.LATE_PENALTY} €"
    )
    items.append(
        P(
            "En cas de retard dans la transmission des documents de suivi, le titulaire subit "
            f"une pénalité de {late} par jour de retard."
        )
    )
    return items


def _clause_article(c: SynthConsultation, number: int, mistakes: set[str], total: int) -> list:
    # Services here are one-year contracts (not accords-cadres): hours for the contract.
    unit = "heures"
    ccag = "16.1 du CCAG-FCS" if c.nature == "services" else "20.1 du CCAG-Travaux"
    if "cmp14" in mistakes:
        basis = "Conformément à l'article 14 du Code des marchés publics"
    else:
        basis = f"En application de l'article L2112-2 du Code de la commande publique et de l'article {ccag}"
    stated_total = total + 45 if "bad_total" in mistakes else total
    rows = [["Lot", "Intitulé", "Heures d'insertion"]]
    rows += [[lot.number, lot.title, f"{lot.hours} {unit}"] for lot in c.lots]
    if len(c.lots) > 1:
        rows.append(["", "Total", f"{S.hours_fr(stated_total, S.NBSP)} {unit}"])
    public = list(S.ELIGIBLE_PUBLIC)
    if "pole_emploi" in mistakes:
        public[0] = "les demandeurs d'emploi de longue durée inscrits à Pôle emploi ;"
    if "zus" in mistakes:
        public[5] = "les personnes résidant en ZUS ;"
    n = number
    return [
        H(f"ARTICLE {n} – CLAUSE SOCIALE D'INSERTION"),
        H(f"{n}.1 – Objet et fondement juridique", level=2),
        P(
            f"{basis}, le marché comporte une condition d'exécution à caractère social : le "
            "titulaire réalise une action d'insertion au bénéfice de personnes éloignées de "
            "l'emploi."
        ),
        H(f"{n}.2 – Volume d'heures d'insertion", level=2),
        T(rows),
        H(f"{n}.3 – Publics éligibles", level=2),
        *[P("– " + line) for line in public],
        H(f"{n}.4 – Modalités de mise en œuvre", level=2),
        *[P(line) for line in S.MODALITIES],
        H(f"{n}.5 – Facilitateur", level=2),
        *S.facilitator_paragraphs(),
        H(f"{n}.6 – Contrôle et suivi", level=2),
        P(
            "Le titulaire transmet au facilitateur, au plus tard le 10 de chaque mois, le "
            "tableau de suivi des heures réalisées et les justificatifs (contrats, relevés "
            "d'heures, factures des structures d'insertion)."
        ),
        H(f"{n}.7 – Pénalités", level=2),
        *_penalty_paragraphs(mistakes),
    ]


def _ccap(c: SynthConsultation, rng: random.Random, pages: int, mistakes: set[str]) -> Doc:
    total = sum(lot.hours or 0 for lot in c.lots)
    ccag_name = "CCAG-FCS" if c.nature == "services" else "CCAG-Travaux"
    ccag = (
        "le CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009"
        if "ccag2009" in mistakes
        else f"le {ccag_name} approuvé par l'arrêté du 30 mars 2021 modifié"
    )
    n_articles = rng.randint(10, 16)
    # ~10 filler paragraphs a page (3 sub-articles an article on average); the clause
    # article and the title page make up the rest.
    per_sub = max(1, round((pages - 3) * 10 / ((n_articles - 4) * 3)))
    clause_at = rng.randint(5, 8)
    titles = rng.sample(FILLER_TITLES, k=n_articles - 4)
    body = [
        H("ARTICLE 1 – OBJET DU MARCHÉ"),
        P(f"{c.object}. Consultation n° {c.reference}."),
        S.lot_amount_table(
            [S.LotSpec(x.number, x.title, x.amount, x.trade, x.share) for x in c.lots]
        ),
        H("ARTICLE 2 – PIÈCES CONSTITUTIVES DU MARCHÉ"),
        P(f"L'acte d'engagement, le présent CCAP, le CCTP, les pièces financières et {ccag}."),
        H("ARTICLE 3 – PÉNALITÉS DE RETARD"),
        P("En cas de retard, une pénalité journalière de 1/3000 du montant du lot est appliquée."),
        *_filler_articles(rng, 4, 0, per_sub, titles[: clause_at - 4]),
        *_clause_article(c, clause_at, mistakes, total),
        *_filler_articles(rng, clause_at + 1, 0, per_sub, titles[clause_at - 4 :]),
    ]
    title = S.title_page(
        "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)",
        [c.object, f"Consultation n° {c.reference}", f"Date de lancement : {c.launch}"],
    )
    return Doc([*title, *body], header=f"{S.BUYER} – CCAP {c.reference}", footer=c.reference)


def _rc(c: SynthConsultation, rng: random.Random, pages: int, mistakes: set[str]) -> Doc:
    unit = "heures"
    total = sum(lot.hours or 0 for lot in c.lots)
    items = [
        *S.title_page(
            "RÈGLEMENT DE LA CONSULTATION (RC)", [c.object, f"Consultation n° {c.reference}"]
        ),
        H("ARTICLE 1 – OBJET ET ÉTENDUE DE LA CONSULTATION"),
        P(f"{c.object}. La consultation est lancée le {c.launch}."),
        S.lot_amount_table(
            [S.LotSpec(x.number, x.title, x.amount, x.trade, x.share) for x in c.lots]
        ),
    ]
    if "rc_silent" not in mistakes:
        rows = [["Lot", "Heures d'insertion"]] + [
            [lot.number, f"{lot.hours} {unit}"] for lot in c.lots
        ]
        if len(c.lots) > 1:
            rows.append(["Total", f"{S.hours_fr(total, S.NBSP)} {unit}"])
        items += [
            H("ARTICLE 2 – CONDITIONS PARTICULIÈRES D'EXÉCUTION : CLAUSE SOCIALE D'INSERTION"),
            P(
                "L'exécution des lots ci-dessous comporte une clause sociale d'insertion, "
                "condition d'exécution détaillée au CCAP (article L2112-2 du Code de la "
                "commande publique). Ce n'est pas un critère de jugement des offres."
            ),
            T(rows),
            *S.facilitator_paragraphs(),
        ]
    n_articles = rng.randint(5, 7)
    items += _filler_articles(
        rng, 3, n_articles, max(1, round((pages - 2) * 10 / (n_articles * 3)))
    )
    return Doc(items, header=f"{S.BUYER} – RC {c.reference}", footer=c.reference)


def _ae(c: SynthConsultation, lot: SynthLot, hours: int | None) -> Doc:
    unit = "heures"
    return Doc(
        [
            *S.title_page(
                "ACTE D'ENGAGEMENT (AE)",
                [c.object, f"Lot n° {lot.number} – {lot.title}", f"Consultation n° {c.reference}"],
            ),
            H("ARTICLE 1 – ACHETEUR"),
            P(f"{S.BUYER}, {S.BUYER_ADDRESS}."),
            H("ARTICLE 2 – ENGAGEMENT"),
            P(
                "Le signataire s'engage à exécuter les prestations du lot aux prix de son offre, "
                "soit un montant hors TVA de ________ €."
            ),
            H("ARTICLE 3 – CLAUSE SOCIALE D'INSERTION"),
            P(
                f"Le titulaire s'engage à réaliser {hours} {unit} de travail réservées à "
                f"l'insertion pour le lot n° {lot.number}, selon les modalités du CCAP."
            ),
            H("ARTICLE 4 – SIGNATURE"),
            P("Fait à ____________________, le ____________________"),
        ]
    )


def _annex(c: SynthConsultation) -> Doc:
    unit = "heures"
    return Doc(
        [
            P("ANNEXE AU CCAP – CLAUSE SOCIALE D'INSERTION", bold=True),
            P(f"{c.object} – consultation n° {c.reference}"),
            H("ARTICLE 1 – HEURES PAR LOT"),
            T([["Lot", "Heures"]] + [[lot.number, f"{lot.hours} {unit}"] for lot in c.lots]),
            H("ARTICLE 2 – MODALITÉ RETENUE"),
            P(
                "☐ Embauche directe   ☐ Mise à disposition (ETTI, AI, GEIQ)   ☐ Sous-traitance SIAE, EA, ESAT"
            ),
            H("ARTICLE 3 – FACILITATEUR"),
            *S.facilitator_paragraphs(),
        ]
    )


# ------------------------------------------------------------------ one consultation

MONTHS = ["septembre", "octobre", "novembre", "décembre"]


def plan(index: int, seed: int, mix: dict[str, float]) -> tuple[SynthConsultation, random.Random]:
    rng = random.Random(seed * 1_000_003 + index)
    services = rng.random() < mix["services"]
    trades = SERVICE_TRADES if services else WORKS_TRADES
    n_lots = rng.randint(1, min(4, len(trades)))
    chosen = rng.sample(trades, k=n_lots)
    low, high, step = (60_000, 300_000, 5_000) if services else (150_000, 1_200_000, 10_000)
    lots = []
    for k, (title, trade, share) in enumerate(chosen, start=1):
        hours = None
        while hours is None:  # below the minimum a lot gets no clause: draw again
            amount = float(rng.randrange(low, high, step))
            hours = S.insertion_hours(amount, share)
        lots.append(SynthLot(str(k), title, amount, trade, share, hours))
    mistakes: list[str] = []
    if rng.random() < mix["errors"]:
        pool = [m for m in MISTAKES if not (m == "bad_total" and len(lots) < 2)]
        mistakes = sorted(rng.sample(pool, k=rng.randint(1, 4)))
    reference = f"SYN-{seed}-{index:05d}"
    name = f"DCE_{reference}"
    if rng.random() < mix["zip"]:
        name += ".zip"
    c = SynthConsultation(
        name=name,
        reference=reference,
        nature="services" if services else "travaux",
        object=rng.choice(SERVICE_OBJECTS if services else WORKS_OBJECTS),
        lots=lots,
        mistakes=mistakes,
        expected_codes=sorted(MISTAKES[m] for m in mistakes),
    )
    c.launch = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2026"
    return c, rng


def build_one(root: Path, index: int, seed: int, mix: dict[str, float]) -> SynthConsultation:
    c, rng = plan(index, seed, mix)
    mistakes = set(c.mistakes)
    fmt = lambda: ".pdf" if rng.random() < mix["pdf"] else ".docx"  # noqa: E731
    pieces: dict[str, Doc] = {
        f"01_RC{fmt()}": _rc(c, rng, rng.randint(5, 10), mistakes),
        f"02_CCAP{fmt()}": _ccap(c, rng, rng.randint(20, 40), mistakes),
    }
    wrong_lot = rng.choice(c.lots).number if "hours_mismatch" in mistakes else None
    for lot in c.lots:
        # +10 % (at least 5 h): a CS401, still inside the CS403 tolerance
        delta = max(5, round((lot.hours or 0) * 0.1 / 5) * 5)
        hours = (lot.hours or 0) + delta if lot.number == wrong_lot else lot.hours
        ext = rng.choice([".docx", ".odt"])
        pieces[f"03_AE_Lot{int(lot.number):02d}{ext}"] = _ae(c, lot, hours)
    pieces[f"04_Annexe_clause_insertion{rng.choice(['.odt', '.docx'])}"] = _annex(c)
    c.pieces = list(pieces)
    if c.name.endswith(".zip"):
        members: dict[str, bytes | Path] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for name, doc in pieces.items():
                target = write_piece(Path(tmp) / name, doc)
                members[f"{c.reference}/{name}"] = target.read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        (root / c.name).write_bytes(buffer.getvalue())
        c.bytes = len(buffer.getvalue())
        c.pieces = list(members)
    else:
        folder = root / c.name
        for name, doc in pieces.items():
            write_piece(folder / name, doc)
        c.bytes = sum(p.stat().st_size for p in folder.iterdir())
    return c


def _build_star(args: tuple[Path, int, int, dict[str, float]]) -> dict:
    return asdict(build_one(*args))


def make_corpus(
    root: Path | str,
    n: int,
    seed: int = 0,
    mix: dict[str, float] | None = None,
    jobs: int | None = None,
) -> list[dict]:
    """Write `n` synthetic consultations under `root` and return their manifest entries
    (name, reference, nature, lots with hours, planted mistakes and expected codes, pieces,
    bytes). `mix` shares: zip, errors, pdf, services (see DEFAULT_MIX)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    shares = {**DEFAULT_MIX, **(mix or {})}
    tasks = [(root, i, seed, shares) for i in range(1, n + 1)]
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or n < 4:
        return [_build_star(t) for t in tasks]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_build_star, tasks, chunksize=4))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-j", "--jobs", type=int, default=None)
    parser.add_argument("--zip", type=float, default=DEFAULT_MIX["zip"])
    parser.add_argument("--errors", type=float, default=DEFAULT_MIX["errors"])
    parser.add_argument("--pdf", type=float, default=DEFAULT_MIX["pdf"])
    parser.add_argument("--services", type=float, default=DEFAULT_MIX["services"])
    parser.add_argument("--manifest", type=Path, default=None, help="JSON manifest to write")
    args = parser.parse_args(argv)
    mix = {"zip": args.zip, "errors": args.errors, "pdf": args.pdf, "services": args.services}
    start = time.perf_counter()
    entries = make_corpus(args.out, args.n, seed=args.seed, mix=mix, jobs=args.jobs)
    elapsed = time.perf_counter() - start
    size = sum(e["bytes"] for e in entries)
    with_errors = sum(1 for e in entries if e["mistakes"])
    print(
        f"{len(entries)} consultations in {args.out} ({size / 1e6:.1f} MB, "
        f"{with_errors} with planted mistakes) in {elapsed:.1f} s "
        f"({elapsed / max(1, len(entries)):.2f} s each)"
    )
    if args.manifest:
        args.manifest.write_text(json.dumps(entries, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
