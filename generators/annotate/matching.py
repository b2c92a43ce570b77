"""Find the words of a finding in the text of a paragraph or a page.

The target comes from the reader's text, which may differ from the file's raw characters
in spacing and apostrophes (no-break spaces, tabs, ’ vs '). Both sides are folded the same
way and the match is mapped back to positions in the raw text.
"""

from __future__ import annotations

_FOLD = {
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\t": " ",
    "\n": " ",
    "\r": " ",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2011": "-",
    "\u2010": "-",
}


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text (lower case, one space for any run of blanks, plain apostrophes)
    and, for each of its characters, the index of the raw character it comes from."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        ch = _FOLD.get(ch, ch)
        if ch == " " and out and out[-1] == " ":
            continue
        low = ch.lower()
        ch = low if len(low) == 1 else ch
        out.append(ch)
        origin.append(i)
    return "".join(out), origin


def fold_target(target: str) -> str:
    return fold(target)[0].strip()


def find_all(text: str, target: str) -> list[tuple[int, int]]:
    """Every (start, end) span of `text` (raw positions, end exclusive) matching `target`."""
    needle = fold_target(target)
    if not needle:
        return []
    haystack, origin = fold(text)
    spans = []
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        spans.append((origin[start], origin[end - 1] + 1))
        start = haystack.find(needle, end)
    return spans


def find(text: str, target: str) -> tuple[int, int] | None:
    spans = find_all(text, target)
    return spans[0] if spans else None


def excerpt_probe(excerpt: str | None) -> str | None:
    """A distinctive piece of an excerpt (without the « … » the engine adds around it) to
    find the paragraph it was taken from."""
    if not excerpt:
        return None
    text = excerpt.strip().strip("…").strip()
    if text.startswith("...") or text.endswith("..."):
        text = text.strip(".").strip()
    # The longest line of the excerpt that is long enough to be telling.
    parts = sorted((p.strip(" …") for p in text.split("\n")), key=len, reverse=True)
    best = parts[0] if parts else ""
    return best[:80] if len(best) >= 12 else None
