"""Rule files → typed models, one file at a time, collecting every schema error.

A rulebook is the `rules/` and `jurisdictions/` trees of a directory. Each YAML file holds one or
more *sections*, named by its top-level keys (see docs/rule-format.md); CSV files under
`jurisdictions/` are tables of jurisdictions. Nothing here looks across files: that is
`tolka.load.link`.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tolka.boundary import RULE_FILE_BYTES, read_limited
from tolka.errors import RulebookError, SchemaError, YamlSyntaxError
from tolka.fingerprint import Forms, forms
from tolka.i18n import N_
from tolka.load import stored
from tolka.load.parameters import step_lines, value_lines
from tolka.load.schema_messages import ROW, schema_error
from tolka.load.yaml_source import line_of, parse_yaml
from tolka.model.amount import AmountFormula
from tolka.model.catalogue import Body, Route, Support, TeamRole
from tolka.model.interpretation import InterpretationPoint, Reading
from tolka.model.jurisdiction import Jurisdiction
from tolka.model.law import Law
from tolka.model.origin import Entry, Origin
from tolka.model.parameter import Parameter
from tolka.model.rule import Rule
from tolka.model.source import Source
from tolka.model.vocabulary import Definition, Fact

T = TypeVar("T", bound=BaseModel)


# duplicates: one typed list per section of the files, alike by necessity (LIST_SECTIONS names them).
@dataclass
class FileItems:
    """What one file holds, validated one item at a time, not yet cross-checked."""

    laws: list[Entry[Law]] = field(default_factory=list)
    bodies: list[Entry[Body]] = field(default_factory=list)
    supports: list[Entry[Support]] = field(default_factory=list)
    routes: list[Entry[Route]] = field(default_factory=list)
    facts: list[Entry[Fact]] = field(default_factory=list)
    definitions: list[Entry[Definition]] = field(default_factory=list)
    points: list[Entry[InterpretationPoint]] = field(default_factory=list)
    rules: list[Entry[Rule]] = field(default_factory=list)
    jurisdictions: list[Entry[Jurisdiction]] = field(default_factory=list)
    readings: list[Entry[Reading]] = field(default_factory=list)
    team: list[Entry[TeamRole]] = field(default_factory=list)
    parameters: list[Entry[Parameter]] = field(default_factory=list)
    amounts: list[Entry[AmountFormula]] = field(default_factory=list)
    jurisdiction_refs: list[Entry[str]] = field(default_factory=list)  # files that bind readings to an id
    errors: list[RulebookError] = field(default_factory=list)
    # Each validated item's canonical JSON for the fingerprint (tolka.fingerprint), made once per file
    # and kept with its items; the item object itself identifies it after unpickling.
    forms: list[tuple[BaseModel, Forms]] = field(default_factory=list)

    def extend(self, other: FileItems) -> None:
        """Append everything `other` holds, in its order."""
        for name in FILE_ITEM_LISTS:
            getattr(self, name).extend(getattr(other, name))

    def make_forms(self) -> None:
        """The canonical forms of every validated item (see `forms`)."""
        self.forms = [
            (entry.item, forms(entry.item))
            for name in MODEL_LISTS
            for entry in getattr(self, name)
            if isinstance(entry.item, BaseModel)
        ]

    def known_forms(self) -> dict[int, Forms]:
        """The forms by `id()` of their item, for `tolka.fingerprint.canonical` (while this lives)."""
        return {id(item): item_forms for item, item_forms in self.forms}


FILE_ITEM_LISTS = tuple(f.name for f in fields(FileItems))
MODEL_LISTS = tuple(name for name in FILE_ITEM_LISTS if name not in ("jurisdiction_refs", "errors", "forms"))


@dataclass
class RawRulebook(FileItems):
    """Everything read from the files of a rulebook, in file order."""

    root: Path = Path()
    files: list[Path] = field(default_factory=list)


LIST_SECTIONS: dict[str, tuple[str, type[BaseModel]]] = {
    "bodies": ("bodies", Body),
    "supports": ("supports", Support),
    "routes": ("routes", Route),
    "facts": ("facts", Fact),
    "definitions": ("definitions", Definition),
    "points": ("points", InterpretationPoint),
    "rules": ("rules", Rule),
    "readings": ("readings", Reading),
    "jurisdictions": ("jurisdictions", Jurisdiction),
    "team": ("team", TeamRole),
    "parameters": ("parameters", Parameter),
    "amounts": ("amounts", AmountFormula),
}
TOP_LEVEL_KEYS = ("country", "law", "jurisdiction", "sources", *LIST_SECTIONS)
SOURCE_NOTES = ("date_note", "retrieved", "date_aside", "seen_aside")
COUNTRY_DEFAULTED = (Body, Support, InterpretationPoint, TeamRole, Parameter)


def _schema_errors(exc: ValidationError, data: Any, location: tuple, origin_file: str) -> list[SchemaError]:
    return [
        schema_error(problem, origin_file, line_of(data, location + tuple(problem["loc"]))) for problem in exc.errors()
    ]


def _validate(model: type[T], data: Any, root: Any, location: tuple, rel: str, raw: FileItems) -> T | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raw.errors.extend(_schema_errors(exc, root, location, rel))
        return None


def _read_yaml_file(content: bytes, rel: str) -> FileItems:
    raw = FileItems()
    data = parse_yaml(content, rel)
    if data is None:
        return raw
    if not isinstance(data, dict):
        raise SchemaError(N_("a rule file is a mapping of sections (law, supports, rules, …)"), file=rel, line=1)
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raw.errors.append(
                SchemaError(
                    N_("unknown section `{key}`"),
                    file=rel,
                    line=line_of(data, (key,)),
                    hint=N_("sections: {sections}"),
                    key=key,
                    sections=", ".join(f"`{key}`" for key in TOP_LEVEL_KEYS),
                )
            )
    country = data.get("country")
    scope: str | None = None
    if "jurisdiction" in data:
        binding = data["jurisdiction"]
        if isinstance(binding, str):
            scope = binding
            raw.jurisdiction_refs.append(Entry(binding, Origin(rel, line_of(data, ("jurisdiction",)))))
        else:
            jurisdiction = _validate(Jurisdiction, binding, data, ("jurisdiction",), rel, raw)
            if jurisdiction is not None:
                scope = jurisdiction.id
                raw.jurisdictions.append(Entry(jurisdiction, Origin(rel, line_of(data, ("jurisdiction",)))))
    sources = data.get("sources") or {}
    if not isinstance(sources, dict):
        raw.errors.append(
            SchemaError(N_("`sources` is a mapping of names to sources"), file=rel, line=line_of(data, ("sources",)))
        )
    else:
        for name, source in sources.items():  # shared through YAML anchors; validated here once
            _validate(Source, source, data, ("sources", name), rel, raw)
    if "law" in data:
        law = _validate(Law, data["law"], data, ("law",), rel, raw)
        if law is not None:
            raw.laws.append(Entry(law, Origin(rel, line_of(data, ("law",)))))
    for key, (attribute, model) in LIST_SECTIONS.items():
        if key not in data:
            continue
        items = data[key]
        if not isinstance(items, list):
            raw.errors.append(SchemaError(N_("`{key}` must be a list"), file=rel, line=line_of(data, (key,)), key=key))
            continue
        if key == "readings" and scope is None:
            raw.errors.append(
                SchemaError(
                    N_("readings belong to a jurisdiction"),
                    file=rel,
                    line=line_of(data, (key,)),
                    hint=N_("add `jurisdiction: <id>` (or a jurisdiction mapping) to this file"),
                )
            )
            continue
        item_scope = scope if key in ("rules", "readings", "amounts") else None
        if key in ("rules", "amounts") and item_scope is None:
            if country is None:
                raw.errors.append(
                    SchemaError(
                        N_("a file of national rules needs `country: SE` or `country: NO`"),
                        file=rel,
                        line=line_of(data, (key,)),
                    )
                )
                continue
            item_scope = str(country)
        for index, item in enumerate(items):
            if model in COUNTRY_DEFAULTED and isinstance(item, dict) and "country" not in item and country:
                item = {**item, "country": country}
            validated = _validate(model, item, data, (key, index), rel, raw)
            if validated is not None:
                key_lines = tuple(
                    (name, line_of(data, (key, index, name))) for name in (item if isinstance(item, dict) else ())
                )
                if isinstance(validated, Parameter):
                    key_lines += value_lines(data, (key, index), len(validated.values))
                if isinstance(validated, AmountFormula):
                    key_lines += step_lines(data, (key, index), len(validated.steps))
                if isinstance(validated, Reading):
                    key_lines += source_lines(data, (key, index))
                origin = Origin(rel, line_of(data, (key, index)))
                getattr(raw, attribute).append(Entry(validated, origin, item_scope, key_lines))
    return raw


def source_lines(data: Any, location: tuple) -> tuple[tuple[str, int], ...]:
    """The line of each note of a reading's source, as extra key lines of its entry (`source.seen`
    …); a source shared through a YAML anchor has the lines where the anchor was written."""
    lines = ((f"source.{name}", line_of(data, (*location, "source", name))) for name in SOURCE_NOTES)
    return tuple((key, line) for key, line in lines if line is not None)


def _read_csv_file(content: bytes, rel: str) -> FileItems:
    raw = FileItems()
    reader = csv.DictReader(io.StringIO(content.decode("utf-8"), newline=""))
    for row_number, row in enumerate(reader, start=2):
        item = {key: value for key, value in row.items() if value not in (None, "")}
        try:
            raw.jurisdictions.append(Entry(Jurisdiction.model_validate(item), Origin(rel, row_number)))
        except ValidationError as exc:
            raw.errors.extend(schema_error(problem, rel, row_number, ROW) for problem in exc.errors())
    return raw


def read_file(path: Path, rel: str) -> FileItems:
    """The validated items of one file, named `rel` in the rulebook. Raises a `RulebookError` for a
    file that cannot be read at all; every other problem is among the items' `errors`.

    The items of a file without errors are kept in the cache directory's `validated/`
    (`tolka.load.stored`), named by the file's bytes, its name and the engine's code; a file with
    errors is never kept, so its errors are found afresh every time.
    """
    content = (
        path.read_bytes()
        if path.suffix == ".csv"
        else read_limited(path, RULE_FILE_BYTES, YamlSyntaxError, too_large="too_large_rule_hint")
    )
    entry = stored.entry("validated", _salt(), rel.encode(), content)
    items = stored.load(entry)
    if isinstance(items, FileItems):
        return items
    items = _read_csv_file(content, rel) if path.suffix == ".csv" else _read_yaml_file(content, rel)
    items.make_forms()
    if not items.errors:
        stored.store(entry, items)
    return items


@functools.cache
def _salt() -> bytes:
    """What shapes validated items besides a file's bytes: the engine's code (models, validators,
    this reader) and the libraries that validate and parse."""
    import pydantic
    import pydantic_core
    import ruamel.yaml

    versions = f"pydantic {pydantic.VERSION} core {pydantic_core.__version__} ruamel {ruamel.yaml.__version__}"
    return stored.engine_digest() + versions.encode() + b"\0"


def rulebook_files(root: Path) -> list[Path]:
    """The files of a rulebook, in a stable order."""
    files: list[Path] = []
    for tree in ("rules", "jurisdictions"):
        base = root / tree
        if base.is_dir():
            files.extend(
                p
                for p in base.rglob("*")
                if p.suffix in (".yaml", ".yml") or (tree == "jurisdictions" and p.suffix == ".csv")
            )
    return sorted(files)


def read_rulebook_files(root: Path) -> RawRulebook:
    """Read and validate every file of the rulebook at `root`; errors are collected, not raised."""
    raw = RawRulebook(root=root)
    raw.files = rulebook_files(root)
    if not raw.files:
        raw.errors.append(
            SchemaError(
                N_("no rule files under {root}"),
                file=root,
                hint=N_("a rulebook is a directory with rules/ and jurisdictions/ sub-directories"),
                root=root,
            )
        )
    for path in raw.files:
        rel = path.relative_to(root).as_posix()
        try:
            raw.extend(read_file(path, rel))
        except RulebookError as exc:
            raw.errors.append(exc.located(rel, None))
    return raw
