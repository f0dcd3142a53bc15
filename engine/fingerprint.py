"""The rulebook's fingerprint: SHA-256 over a canonical JSON form of everything it contains.

Positions in files (lines, file names) are left out, so re-formatting a file keeps the
fingerprint; any change of content — a law's date, a reading's source, a rule's condition — changes it.

The canonical form is one JSON document: per kind of item (sorted keys), the items' JSON with sorted
keys and no insignificant whitespace, ordered by their JSON with the default separators. Each item's
two forms (`Forms`) are made where the item is validated and kept with the file's validated items
(`tolka.load.sections.read_file`), so a start without the compiled rulebook's cache dumps only the
items of files it validates afresh (0.3 s CPU with readings everywhere, about 11,600 items).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:  # the rulebook imports the loader, which uses this module
    from tolka.rulebook import Rulebook

Forms = tuple[str, str]  # (the sort key: JSON with default separators, the compact JSON written)


def forms(model: BaseModel) -> Forms:
    """An item's two canonical JSON forms (sorted keys, None left out)."""
    data = model.model_dump(mode="json", exclude_none=True)
    return (
        json.dumps(data, sort_keys=True, ensure_ascii=False),
        json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
    )


def _scoped(key: str, scope: str, model_forms: Forms) -> Forms:
    """The forms of `{key: model, "scope": scope}` (json.dumps would write exactly this: `key` sorts
    before "scope")."""
    spaced, compact = model_forms
    name = json.dumps(scope, ensure_ascii=False)
    return f'{{"{key}": {spaced}, "scope": {name}}}', f'{{"{key}":{compact},"scope":{name}}}'


def canonical(rulebook: Rulebook, known: Mapping[int, Forms] | None = None) -> bytes:
    """The rulebook as canonical JSON bytes (sorted keys, no insignificant whitespace).

    `known` gives the forms already made for models, by `id()` of the (frozen) model object; the
    caller keeps those objects alive. Any other model is dumped here."""
    known = known or {}

    def of(model: BaseModel) -> Forms:
        found = known.get(id(model))
        return found if found is not None else forms(model)

    content: dict[str, Iterable[Forms]] = {
        "laws": [of(law) for law in rulebook.laws.values()],
        "bodies": [of(body) for body in rulebook.bodies.values()],
        "supports": [of(support) for support in rulebook.supports.values()],
        "routes": [of(version) for versions in rulebook.routes.values() for version in versions],
        "facts": [of(fact) for fact in rulebook.facts.values()],
        "definitions": [of(definition) for definition in rulebook.definitions.values()],
        "points": [of(point) for point in rulebook.points.values()],
        "rules": [_scoped("rule", r.scope, of(r.rule)) for r in rulebook.rules],
        "jurisdictions": [of(j) for j in rulebook.jurisdictions.values()],
        "team": [of(role) for role in rulebook.team.values()],
        "parameters": [of(parameter) for parameter in rulebook.parameters.values()],
        "amounts": [_scoped("amount", a.scope, of(a.formula)) for a in rulebook.amounts],
        "readings": [
            _scoped("reading", scope, of(entry.item))
            for scope, entries in rulebook.readings.items()
            for entry in entries
        ],
    }
    # json.dumps(content, sort_keys=True, separators=(",", ":")) with each list sorted by its items'
    # default-separator JSON, written from the forms instead of dumping every item again.
    parts = (f'"{key}":[' + ",".join(c for _, c in sorted(content[key])) + "]" for key in sorted(content))
    return ("{" + ",".join(parts) + "}").encode("utf-8")


def fingerprint(rulebook: Rulebook, known: Mapping[int, Forms] | None = None) -> str:
    """`sha256:` and the hex digest of the canonical form (`known`: see `canonical`)."""
    return "sha256:" + hashlib.sha256(canonical(rulebook, known)).hexdigest()
