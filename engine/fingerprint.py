"""The rulebook's fingerprint: SHA-256 over a canonical JSON form of everything it contains.

Positions in files (lines, file names) are left out, so re-formatting a file keeps the
fingerprint; any change of content — a law's date, a reading's source, a rule's condition — changes it.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:  # the rulebook imports the loader, which uses this module
    from tolka.rulebook import Rulebook


def canonical(rulebook: Rulebook) -> bytes:
    """The rulebook as canonical JSON bytes (sorted keys, no insignificant whitespace)."""

    def dump(model: BaseModel) -> dict[str, Any]:
        return model.model_dump(mode="json", exclude_none=True)

    content = {
        "laws": [dump(law) for law in rulebook.laws.values()],
        "bodies": [dump(body) for body in rulebook.bodies.values()],
        "supports": [dump(support) for support in rulebook.supports.values()],
        "routes": [dump(version) for versions in rulebook.routes.values() for version in versions],
        "facts": [dump(fact) for fact in rulebook.facts.values()],
        "definitions": [dump(definition) for definition in rulebook.definitions.values()],
        "points": [dump(point) for point in rulebook.points.values()],
        "rules": [{"scope": r.scope, "rule": dump(r.rule)} for r in rulebook.rules],
        "jurisdictions": [dump(j) for j in rulebook.jurisdictions.values()],
        "team": [dump(role) for role in rulebook.team.values()],
        "parameters": [dump(parameter) for parameter in rulebook.parameters.values()],
        "amounts": [{"scope": a.scope, "amount": dump(a.formula)} for a in rulebook.amounts],
        "readings": [
            {"scope": scope, "reading": dump(entry.item)}
            for scope, entries in rulebook.readings.items()
            for entry in entries
        ],
    }
    for key in content:
        content[key].sort(key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(rulebook: Rulebook) -> str:
    return "sha256:" + hashlib.sha256(canonical(rulebook)).hexdigest()
