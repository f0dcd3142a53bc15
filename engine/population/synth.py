"""Synthetic populations: invented persons drawn from a documented distribution file.

The distributions live in a YAML file (`examples/synth/young-adults-se.yaml` is the default; its
header documents the format). Persons are drawn in fixed blocks of `BLOCK` with NumPy's PCG64
generator seeded by (seed, block number), so the same file, seed, number of persons, reference date
and rulebook give the same people file on any machine, whatever the memory, and a large population
is written block by block.

Every file written here is labelled synthetic: a manifest (`<file>.synth.yaml`: what, seed, size,
reference date, rulebook fingerprint and the distribution file itself) is written beside it, and a
Parquet file also carries the manifest in its metadata.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

import tolka
from tolka.backends.vector.columns import derive
from tolka.case import coerce_fact
from tolka.errors import CaseError, CaseFileError
from tolka.model.vocabulary import Fact
from tolka.rulebook import Rulebook
from tolka.shipped import examples_root

BLOCK = 100_000
AGE = "age"
DEFAULT_CONFIG = examples_root() / "synth" / "young-adults-se.yaml"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Clause(_Spec):
    """`when:` — weights for the persons matching a condition."""

    condition: dict[Any, Any] = Field(alias="if")
    values: dict[Any, float] | None = None
    days_ago: tuple[int, int] | None = None
    range: tuple[float, float] | None = None


class FactSpec(_Spec):
    """How one fact is drawn."""

    known: float = Field(1.0, ge=0, le=1)
    values: dict[Any, float] | None = None
    when: list[Clause] = []
    days_ago: tuple[int, int] | None = None
    range: tuple[float, float] | None = None
    codes: str | None = None


class SynthConfig(_Spec):
    """A distribution file."""

    description: str
    country: str = "SE"
    age: tuple[int, int] = (16, 29)
    facts: dict[str, FactSpec]


def load_config(path: Path, rulebook: Rulebook) -> tuple[SynthConfig, str]:
    """The distribution file, checked against the vocabulary; returns it with its text."""
    try:
        text = path.read_text(encoding="utf-8")
        data = YAML(typ="safe", pure=True).load(text)
        config = SynthConfig.model_validate(data)
    except OSError as exc:
        raise CaseFileError(f"cannot read the distribution file: {exc.strerror}", file=path) from None
    except YAMLError as exc:
        raise CaseFileError(f"the distribution file is not valid YAML: {exc}", file=path) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CaseFileError(f"the distribution file is wrong at `{where}`: {first['msg']}", file=path) from None
    _check(config, rulebook, path)
    return config, text


def municipality_codes(rulebook: Rulebook, country: str) -> tuple[str, ...]:
    """The codes `codes: municipalities` draws from."""
    return tuple(
        sorted(
            j.code
            for j in rulebook.jurisdictions.values()
            if j.kind == "municipality" and j.country == country and j.code
        )
    )


def _check(config: SynthConfig, rulebook: Rulebook, path: Path) -> None:
    low, high = config.age
    if not 0 <= low <= high:
        raise CaseFileError(f"`age` must be [MIN, MAX] with 0 <= MIN <= MAX, not {list(config.age)}", file=path)
    drawn: set[str] = set()
    for name, spec in config.facts.items():
        fact = rulebook.facts.get(name)
        if fact is None:
            raise CaseFileError(
                f"`{name}` is not a fact of the vocabulary", file=path, hint="`tolka facts` lists them all"
            )
        shaped: list[FactSpec | Clause] = [spec, *spec.when]
        for clause in shaped:
            _shape(fact, clause, name == "birth_date", path)
        if spec.codes and not municipality_codes(rulebook, config.country):
            raise CaseFileError(f"`{name}`: the rulebook has no municipality codes for {config.country}", file=path)
        for clause in spec.when:
            for other, expected in clause.condition.items():
                if other not in drawn:
                    raise CaseFileError(
                        f"`{name}`: a condition can only name `age` (after birth_date) or a fact listed "
                        f"before it, not `{other}`",
                        file=path,
                    )
                if other != AGE:
                    if rulebook.facts[other].type not in ("bool", "enum", "code"):
                        raise CaseFileError(
                            f"`{name}`: conditions test booleans, enums, codes or `age`, not `{other}`", file=path
                        )
                    _values(rulebook.facts[other], expected if isinstance(expected, list) else [expected], path)
        drawn.add(name)
        if name == "birth_date":
            drawn.add(AGE)


def _shape(fact: Fact, spec: FactSpec | Clause, is_birth_date: bool, path: Path) -> None:
    """Each fact type takes its own kind of distribution."""
    given = {k for k in ("values", "days_ago", "range", "codes") if getattr(spec, k, None) is not None}
    allowed = {
        "bool": {"values"},
        "enum": {"values"},
        "date": set() if is_birth_date else {"days_ago"},
        "integer": {"range"},
        "number": {"range"},
        "code": {"codes"},
    }[fact.type]
    if given - allowed:
        raise CaseFileError(
            f"`{fact.name}` is {fact.type}: it takes "
            f"{', '.join(sorted(allowed)) or 'no distribution (drawn from `age`)'}, "
            f"not {', '.join(sorted(given - allowed))}",
            file=path,
        )
    if spec.values:
        _values(fact, list(spec.values), path)
        if any(w < 0 for w in spec.values.values()) or sum(spec.values.values()) <= 0:
            raise CaseFileError(f"`{fact.name}`: weights must be >= 0 and not all 0", file=path)
    if getattr(spec, "codes", None) not in (None, "municipalities"):
        raise CaseFileError(f"`{fact.name}`: `codes` can only be `municipalities`", file=path)


def _values(fact: Fact, values: list[Any], path: Path) -> list[Any]:
    try:
        typed = [coerce_fact(fact, value, "distribution file") for value in values]
    except CaseError as exc:
        raise exc.located(path, None) from None
    if any(v is None for v in typed):
        raise CaseFileError(f"`{fact.name}`: write `known` for unknown values, not an unknown value", file=path)
    return typed


# --- drawing --------------------------------------------------------------------------------------


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class _Block:
    """The columns drawn so far for one block of persons: (known mask, typed values) per fact."""

    def __init__(self, size: int, rng: np.random.Generator, day: dt.date) -> None:
        self.size = size
        self.rng = rng
        self.day = day
        self.columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def matches(self, condition: dict[Any, Any], rulebook: Rulebook) -> np.ndarray:
        """The persons whose drawn values meet a `when` condition (an unknown fact never does)."""
        mask = np.ones(self.size, dtype=bool)
        for name, expected in condition.items():
            if name == AGE:
                low, high = expected
                known, birth = self.columns["birth_date"]
                age = derive("age", birth, self.day)
                mask &= known & (age >= low) & (age <= high)
            else:
                known, values = self.columns[name]
                wanted = _values(rulebook.facts[name], expected if isinstance(expected, list) else [expected], Path())
                mask &= known & np.isin(values, np.array(wanted, dtype=values.dtype))
        return mask

    def draw(self, fact: Fact, spec: FactSpec | Clause, count: int, choices: tuple[str, ...]) -> np.ndarray:
        """`count` values of `fact` from a distribution (`choices`: the codes to draw from)."""
        if spec.values:
            options = _values(fact, list(spec.values), Path())
            weights = np.array(list(spec.values.values()), dtype=np.float64)
            picked = self.rng.choice(len(options), size=count, p=weights / weights.sum())
            return np.array(options, dtype=object)[picked]
        if spec.days_ago is not None:
            low, high = spec.days_ago
            return self.day.toordinal() - self.rng.integers(low, high + 1, size=count)
        if spec.range is not None:
            least, most = spec.range
            if fact.type == "integer":
                return self.rng.integers(int(least), int(most) + 1, size=count)
            return np.round(self.rng.uniform(least, most, size=count), 2)
        return np.array(choices, dtype=object)[self.rng.integers(0, len(choices), size=count)]


def _block(config: SynthConfig, rulebook: Rulebook, day: dt.date, seed: int, number: int, size: int) -> pa.Table:
    rng = np.random.default_rng([seed, number])
    block = _Block(size, rng, day)
    codes = municipality_codes(rulebook, config.country)
    arrays: dict[str, pa.Array] = {}
    for name, spec in config.facts.items():
        fact = rulebook.facts[name]
        if name == "birth_date":
            low, high = config.age
            first = years_before(day, high + 1).toordinal() + 1
            last = years_before(day, low).toordinal()
            values = rng.integers(first, last + 1, size=size)
            assigned = np.ones(size, dtype=bool)
        else:
            values = np.empty(size, dtype=object)
            assigned = np.zeros(size, dtype=bool)
            drawn = np.zeros(size, dtype=bool)
            for clause in spec.when:  # first match wins; a clause without a distribution leaves its persons unknown
                target = block.matches(clause.condition, rulebook) & ~assigned
                if _drawable(clause) and target.any():
                    values[target] = block.draw(fact, clause, int(target.sum()), codes)
                    drawn |= target
                assigned |= target
            rest = ~assigned
            if _drawable(spec) and rest.any():
                values[rest] = block.draw(fact, spec, int(rest.sum()), codes)
                drawn |= rest
            assigned = drawn
        known = assigned & (rng.random(size) < spec.known)
        typed = _typed(fact, values, known)
        block.columns[name] = (known, typed)
        arrays[name] = _arrow(fact, typed, known)
    return pa.table(arrays)


def _drawable(spec: FactSpec | Clause) -> bool:
    return (
        bool(spec.values)
        or spec.days_ago is not None
        or spec.range is not None
        or getattr(spec, "codes", None) is not None
    )


def _typed(fact: Fact, values: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Drawn values as a typed array (fillers where unknown), for conditions and for Arrow."""
    if fact.type == "bool":
        return np.array([bool(v) if k else False for v, k in zip(values, known, strict=True)], dtype=bool)
    if fact.type in ("date", "integer"):
        return np.where(known, values, 0).astype(np.int64)
    if fact.type == "number":
        return np.where(known, values, 0).astype(np.float64)
    return np.where(known, values, "").astype(str)


def _arrow(fact: Fact, values: np.ndarray, known: np.ndarray) -> pa.Array:
    mask = ~known
    if fact.type == "date":
        epoch = dt.date(1970, 1, 1).toordinal()
        return pa.array(values - epoch, type=pa.int32(), mask=mask).cast(pa.date32())
    if fact.type == "bool":
        return pa.array(values, type=pa.bool_(), mask=mask)
    if fact.type == "integer":
        return pa.array(values, type=pa.int64(), mask=mask)
    if fact.type == "number":
        return pa.array(values, type=pa.float64(), mask=mask)
    return pa.array(values, type=pa.string(), mask=mask).dictionary_encode()


def manifest(config_text: str, config_path: Path, rulebook: Rulebook, n: int, seed: int, day: dt.date) -> str:
    """The label written beside (and into) every synthetic people file."""
    header = (
        "# SYNTHETIC population written by `tolka synth`: every person is invented; no real personal data.\n"
        f"synthetic: true\ntolka_version: {tolka.__version__}\npersons: {n}\nseed: {seed}\n"
        f"reference_date: {day.isoformat()}\nrulebook: {rulebook.fingerprint}\ndistributions_file: {config_path.name}\n"
        "distributions: |\n"
    )
    return header + "".join(f"  {line}\n" for line in config_text.splitlines())


def write_population(rulebook: Rulebook, config_path: Path, n: int, seed: int, day: dt.date, out: Path) -> Path:
    """Draw `n` persons and write them to `out` (.parquet or .csv); returns the manifest's path."""
    if out.suffix.lower() not in (".parquet", ".csv"):
        raise CaseFileError(f"a people file is written as .parquet or .csv, not {out.name}")
    if n < 1:
        raise CaseFileError(f"--n must be at least 1, not {n}")
    config, text = load_config(config_path, rulebook)
    label = manifest(text, config_path, rulebook, n, seed, day)
    writer = None
    try:
        for number, start in enumerate(range(0, n, BLOCK)):
            table = _block(config, rulebook, day, seed, number, min(BLOCK, n - start))
            if writer is None:
                if out.suffix.lower() == ".csv":
                    writer = pa_csv.CSVWriter(out, _plain(table).schema)
                else:
                    schema = table.schema.with_metadata({"tolka.synthetic": "true", "tolka.manifest": label})
                    writer = pq.ParquetWriter(out, schema, compression="zstd")
            writer.write_table(
                _plain(table) if out.suffix.lower() == ".csv" else table.replace_schema_metadata(writer.schema.metadata)
            )
    finally:
        if writer is not None:
            writer.close()
    target = out.with_name(out.name + ".synth.yaml")
    target.write_text(label, encoding="utf-8")
    return target


def _plain(table: pa.Table) -> pa.Table:
    """Dictionary columns as plain text (CSV has no dictionaries)."""
    return pa.table(
        {
            name: (c.cast(pa.string()) if pa.types.is_dictionary(c.type) else c)
            for name, c in zip(table.column_names, table.columns, strict=True)
        }
    )


def read_manifest(path: Path) -> str | None:
    """The synthetic label of a people file, if it has one (Parquet metadata or the manifest beside it)."""
    beside = path.with_name(path.name + ".synth.yaml")
    if beside.exists():
        return beside.read_text(encoding="utf-8")
    if path.suffix.lower() == ".parquet":
        metadata = pq.ParquetFile(path).schema_arrow.metadata or {}
        label = metadata.get(b"tolka.manifest")
        return label.decode("utf-8") if label else None
    return None
