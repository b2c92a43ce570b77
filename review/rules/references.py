"""CS2xx — legal references and names, judged by the law in force at the launch date
(else the review date)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from clausier.french import fr_date
from clausier.model import Consultation, Fact, Finding
from review.rules import fact_finding, rule

if TYPE_CHECKING:
    from review.facts import Facts
    from review.rules import RuleContext


def _repealed(name: str) -> str:
    return "abrogée" if name.startswith("ordonnance") else "abrogé"


def _of(name: str) -> str:
    """« du Code des marchés publics », « de l'ordonnance … », « du décret … »."""
    return f"de l'{name}" if name.startswith("ordonnance") else f"du {name}"


def _articles_fr(articles: str) -> str:
    """« L2113-12 et L2113-13 » -> « articles L2113-12 et L2113-13 »."""
    return ("articles " if " et " in articles else "article ") + articles


def _current_code(text) -> str:
    """What replaces a repealed text cited without an article: the part of the Code de la
    commande publique that took it over, and the article of the insertion clause."""
    source = f" ({text.source})" if text.key != "cmp" else ""
    return (
        f"{text.replaced_by}, en vigueur depuis le 1er avril 2019{source} ; pour la "
        "clause d'insertion, citer l'article L2112-2 du Code de la commande publique."
    )


# « Ce dispositif, introduit à l'origine par l'article 14 de l'ancien code des marchés
# publics de 2006, aujourd'hui abrogé, relève désormais des articles L2112-2 … du code de
# la commande publique »: the repealed text told as history (thirteenth blind corpus);
# « relevait autrefois de l'article 14 …, abrogé en 2016 » (fourteenth). The sentence says
# the text is repealed or past, or says what stands now beside the text in force:
# « l'article 14 de l'ancien code » alone is CS201.
_SAID_PAST = re.compile(r"abrog\w*|autrefois|jadis|historiquement|a l'origine|anterieurement")
_SAID_NOW = re.compile(r"desormais|aujourd'hui|(?:qui\s+a|a\s+ete|ont\s+ete)\s+remplace")
_TEXT_IN_FORCE = re.compile(r"code de la commande publique|\bccp\b|\bl\.?\s?21\d\d-\d")


def _told_as_history(sentence: str) -> bool:
    return bool(
        _SAID_PAST.search(sentence)
        or (_SAID_NOW.search(sentence) and _TEXT_IN_FORCE.search(sentence))
    )


@rule("CS201")
def repealed_text(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    law = ctx.law
    for fact in facts.of("reference"):
        ref = fact.value
        if ref.family not in ("cmp", "ordonnance_2015_899", "decret_2016_360"):
            continue
        if _told_as_history(ref.sentence):
            continue
        text = law.repealed_text(ref.family)
        if ctx.judged_on < text.repealed_on:
            continue
        current = text.articles.get(ref.article or "")
        if ref.article:
            message = f"Référence abrogée : article {ref.article} {_of(text.name)}, {_repealed(text.name)} le {fr_date(text.repealed_on)}."
            if current:
                words = _articles_fr(current)
                suggestion = f"{words[0].upper()}{words[1:]} du Code de la commande publique."
                replacement = f"{_articles_fr(current)} du Code de la commande publique"
                if fact.text[:1].isupper():
                    replacement = replacement[0].upper() + replacement[1:]
            else:
                suggestion = "L'article correspondant du Code de la commande publique."
                replacement = None
        else:
            message = f"Référence abrogée : {text.name}, {_repealed(text.name)} le {fr_date(text.repealed_on)}."
            suggestion = _current_code(text)
            replacement = (
                "Code de la commande publique"
                if ref.family == "cmp" and "code" in fact.text.lower()
                else None
            )
        yield fact_finding(
            "CS201",
            message,
            suggestion=suggestion,
            fact=fact,
            facts=facts,
            target=fact.text,
            replacement=replacement,
        )


_CLAUSE_CONTEXT = re.compile(
    r"clauses?\s+(?:sociales?|d'insertion)|conditions?\s+d'execution|insertion|heures"
)
# A reserved contract or lot (L2113-12/13 rightly quoted), not « heures réservées à des
# personnes éloignées de l'emploi », which is the insertion clause itself.
_RESERVED_WORDS = re.compile(
    r"\b(?:lots?|marches?|contrats?|accords?-cadres?|consultations?|prestations)\s+(?:\S+\s+){0,3}reserv"
    r"|reserv\w*\s+(?:\S+\s+){0,2}(?:siae|structures?|entreprises?|operateurs?|esat|ea\b"
    r"|etablissements?|travailleurs handicapes)"
)
# « une partie des heures de travail … du marché est réservée à une action d'insertion »:
# the hours are reserved, which is the clause itself, not a reserved contract.
_HOURS_RESERVED = re.compile(
    r"\bheures\b[^.;]{0,80}\breserv\w*\s+(?:a|aux)\s+(?:une\s+action|des\s+personnes|l'insertion|des\s+publics)"
)
_CRITERION_WORDS = re.compile(r"criteres?|jugement|attribution|ponder\w*|notation")


@rule("CS202")
def wrong_mechanism(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    law = ctx.law
    for fact in facts.of("reference"):
        ref = fact.value
        if ref.family != "ccp":
            continue
        mechanism = law.mechanism_of(ref.article)
        sentence = ref.sentence
        if mechanism not in ("marche_reserve", "critere_attribution"):
            continue
        if not (
            ref.in_clause
            or re.search(
                r"clauses?\s+(?:sociales?|d'insertion)|conditions?\s+d'execution", sentence
            )
        ):
            continue
        if not (ref.in_clause or _CLAUSE_CONTEXT.search(sentence)):
            continue  # in the clause article, its basis may stand in a sentence of its own
        if (
            mechanism == "marche_reserve"
            and _RESERVED_WORDS.search(sentence)
            and not _HOURS_RESERVED.search(sentence)
        ):
            continue  # a reserved lot quoted with its own article: right
        if mechanism == "critere_attribution" and _CRITERION_WORDS.search(sentence):
            continue  # an insertion award criterion: right
        label = law.mechanism_labels.get(mechanism, mechanism)
        yield fact_finding(
            "CS202",
            f"L'article {ref.article} du Code de la commande publique porte sur {label} : "
            "il ne fonde pas la clause d'insertion, qui est une condition d'exécution.",
            suggestion="Article L2112-2 du Code de la commande publique (conditions d'exécution)."
            + (
                " Si un lot est réservé aux SIAE, le dire explicitement (article L2113-13)."
                if mechanism == "marche_reserve"
                else ""
            ),
            fact=fact,
            facts=facts,
            target=fact.text,
        )


def _ccag_family_of(facts: Facts, piece: str) -> str | None:
    families = Counter(
        f.value.ccag
        for f in facts.of("reference", piece)
        if f.value.family == "ccag" and f.value.ccag
    )
    if families:
        return families.most_common(1)[0][0]
    families = Counter(
        f.value.ccag for f in facts.of("reference") if f.value.family == "ccag" and f.value.ccag
    )
    if families:
        return families.most_common(1)[0][0]
    natures = [f.value for f in facts.of("nature")]
    if natures:
        return "travaux" if Counter(natures).most_common(1)[0][0] == "travaux" else "fcs"
    return None


def _governing_ccag(facts: Facts, sentence: str) -> str | None:
    """The CCAG the consultation clearly follows: the only family its pieces name outside
    `sentence` (the clause's own citation), backed by the nature of the contract."""
    families = {
        f.value.ccag
        for f in facts.of("reference")
        if f.value.family == "ccag" and f.value.ccag and f.value.sentence != sentence
    }
    if len(families) != 1:
        return None
    family = families.pop()
    natures = {f.value for f in facts.of("nature")}
    if natures and ("travaux" in natures) != (family == "travaux"):
        return None  # the pieces disagree: no sure finding
    return family


def _other_ccag(law, fact: Fact, facts: Facts, governing: str) -> Iterable[Finding]:
    """The clause cites the insertion article of another CCAG than the contract's (a clause
    copied from a services tender into a works one)."""
    ref = fact.value
    cited_name = law.ccag_names.get(ref.ccag, "CCAG").split(" (")[0]
    name = law.ccag_names.get(governing, "CCAG").split(" (")[0]
    expected = law.ccag_insertion_article(governing)
    if not expected:
        return
    yield fact_finding(
        "CS203",
        f"La clause d'insertion renvoie à l'article {ref.article} du {cited_name}, alors que le "
        f"marché relève du {name} (article {expected} pour l'insertion).",
        suggestion=f"Article {expected} du {name} 2021.",
        fact=fact,
        facts=facts,
        target=fact.text,
    )


@rule("CS203")
def ccag(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    law = ctx.law
    for fact in facts.of("reference"):
        ref = fact.value
        if ref.family == "ccag" and ref.year == 2009 and ctx.judged_on >= law.ccag_2009_abrogated:
            name = law.ccag_names.get(ref.ccag or "", "CCAG").split(" (")[0]
            target = fact.text
            if re.search(r"arr[êe]t[ée] du", target, re.I):
                replacement = "arrêté du 30 mars 2021"
            elif "2009" in target:
                replacement = target.replace("2009", "2021")
            else:
                replacement = None
            yield fact_finding(
                "CS203",
                f"Le {name} de 2009 est cité : les CCAG de 2009 sont abrogés depuis le "
                f"{fr_date(law.ccag_2009_abrogated)}.",
                suggestion=f"{name} approuvé par l'arrêté du 30 mars 2021 (modifié).",
                fact=fact,
                facts=facts,
                target=target,
                replacement=replacement,
            )
        elif ref.family == "ccag_article":
            sentence = ref.sentence
            # In the clause article, « cette obligation, prise sur le fondement … de l'article
            # 20.2 du CCAG-Travaux » is the clause's basis even without the word insertion.
            if not (ref.in_clause or re.search(r"insertion|clauses?\s+sociales?", sentence)):
                continue
            family = ref.ccag or _ccag_family_of(facts, fact.piece)
            expected = law.ccag_insertion_article(family) if family else None
            # Penalty and termination articles are rightly quoted beside the clause, but not
            # another CCAG's insertion article (« dérogé à l'article 16.1 du CCAG-Travaux »).
            foreign = ref.article in set(law.ccag_insertion_articles.values()) - {expected}
            if re.search(r"penalit|resiliation|retenue", sentence) and not foreign:
                continue
            governing = _governing_ccag(facts, ref.sentence)
            if ref.ccag and governing and governing != ref.ccag:
                yield from _other_ccag(law, fact, facts, governing)
                continue
            if not expected:
                continue
            cited = ref.article
            if (
                cited == expected
                or expected.startswith(cited + ".")
                or cited.startswith(expected + ".")
            ):
                continue
            name = law.ccag_names.get(family, "CCAG").split(" (")[0]
            replacement = re.sub(re.escape(cited), expected, fact.text, count=1)
            yield fact_finding(
                "CS203",
                f"La clause d'insertion renvoie à l'article {cited} du {name} : l'article qui "
                f"traite de l'insertion dans le {name} 2021 est l'article {expected}.",
                suggestion=f"Article {expected} du {name} 2021.",
                fact=fact,
                facts=facts,
                target=fact.text,
                replacement=replacement,
            )


_SURE_NAMES = {"France Travail", "PASS IAE"}


@rule("CS204")
def obsolete_name(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    in_force = {n.old: n for n in ctx.law.obsolete_names_on(ctx.judged_on)}
    for fact in facts.of("obsolete_name"):
        name = in_force.get(fact.value.old)
        if name is None:
            continue  # not yet renamed at the launch date
        new_short = name.new.split(" (")[0]
        replacement = new_short if new_short in _SURE_NAMES or name.old == "ZUS" else None
        yield fact_finding(
            "CS204",
            f"Dénomination obsolète : « {fact.text} » (remplacé par {name.new} depuis le {fr_date(name.since)}).",
            suggestion=f"Remplacer « {fact.text} » par « {name.new} ».",
            fact=fact,
            facts=facts,
            target=fact.text,
            replacement=replacement,
        )


def _format_amount(value: float, like: str) -> str:
    digits = f"{int(value):,}"
    sep = next((c for c in like if c in " \u00a0\u202f."), " ")
    return digits.replace(",", sep)


@rule("CS205")
def outdated_threshold(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    law = ctx.law
    on = ctx.judged_on
    outdated = law.outdated_thresholds(on)
    current = law.thresholds_on(on)
    natures = [f.value for f in facts.of("nature")]
    works = bool(natures) and Counter(natures).most_common(1)[0][0] == "travaux"
    for fact in facts.of("threshold"):
        mention = fact.value
        number = re.match(r"[\d \u00a0\u202f.,]+\d", fact.text)
        target = number.group(0) if number else fact.text
        if mention.dispense:
            dispense = law.dispense_on(on)
            sentence = (facts.block_text(fact) or "").lower()
            is_works = "travaux" in sentence or (
                works and "fourniture" not in sentence and "service" not in sentence
            )
            in_force = dispense.works if is_works else dispense.supplies_services
            if mention.amount != 40000.0 or in_force == 40000.0:
                continue
            yield fact_finding(
                "CS205",
                f"Seuil dépassé : le seuil de dispense de publicité et de mise en concurrence de "
                f"40 000 € HT n'est plus en vigueur ({_format_amount(in_force, ' ')} € HT "
                + ("pour les travaux)." if is_works else "pour les fournitures et services)."),
                suggestion=f"{_format_amount(in_force, ' ')} € HT (article R2122-8 du Code de la commande publique).",
                fact=fact,
                facts=facts,
                target=target,
                replacement=_format_amount(in_force, target),
            )
            continue
        period = outdated.get(mention.amount)
        if period is None:
            continue
        index = period.values().index(mention.amount)
        now = current.values()[index]
        labels = (
            "travaux",
            "fournitures et services de l'État",
            "fournitures et services des collectivités",
            "fournitures et services des entités adjudicatrices",
        )
        yield fact_finding(
            "CS205",
            f"Seuil périmé : {_format_amount(mention.amount, ' ')} € HT était le seuil européen "
            f"({labels[index]}) du {fr_date(period.start)} au {fr_date(period.end)}.",
            suggestion=f"{_format_amount(now, ' ')} € HT (seuil en vigueur depuis le {fr_date(current.start)}).",
            fact=fact,
            facts=facts,
            target=target,
            replacement=_format_amount(now, target),
        )
