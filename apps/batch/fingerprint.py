"""What a batch result depends on besides the pieces: the profile and the engine."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from clausier import __version__

# ------------------------------------------------------------------ what a result depends on


def profile_fingerprint(profile: Any, profile_path: Path | None) -> str:
    """Hash of the effective profile (values, not the file: a comment does not count)."""
    if profile is not None and is_dataclass(profile):
        data = asdict(profile)
        data.pop("source_path", None)
        text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    elif profile_path is not None:
        text = profile_path.read_bytes().hex()
    else:
        text = "default"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Code and data whose change can change a report: the core, the review engine, the
# renderers and the data in clause_templates (law, rule catalogue, default profile). Their
# content hash, with the version and the rule catalogue's version, is the « engine » part
# of the register's key.
_ENGINE_PACKAGES = ("clausier", "review", "generators.reports", "clause_templates")
_ENGINE_SUFFIXES = {".py", ".toml", ".j2", ".html", ".css", ".json", ".txt"}


def engine_fingerprint() -> str:
    """The rule-catalogue version, with a hash of the engine's source and data, without
    importing the engine (a re-run of unchanged consultations must not load the engine)."""
    import importlib.util

    from clausier.catalogue import load_catalogue

    digest = hashlib.sha256(__version__.encode())
    files: list[Path] = []
    for package in _ENGINE_PACKAGES:
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            files += [p for p in Path(location).rglob("*") if p.suffix in _ENGINE_SUFFIXES]
    for file in sorted(set(files)):
        if "__pycache__" in file.parts:
            continue
        try:
            content = file.read_bytes()
        except OSError:
            continue
        digest.update(file.name.encode() + b"\0" + content)
    return f"{load_catalogue().version}+{digest.hexdigest()[:12]}"


def load_effective_profile(profile_path: Path | None) -> tuple[Any, str]:
    """(Profile or None, its French display name). ProfileError goes to the caller."""
    from clausier.profile import load_profile

    profile = load_profile(profile_path)
    return profile, getattr(profile, "name", None) or str(profile_path or "profil par défaut")
