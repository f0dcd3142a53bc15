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
from tolka.boundary import code
from tolka.case import coerce_fact
from tolka.errors import (
    CaseError,
    DistributionFileError,
    OptionError,
    PeopleFileError,
    Phrase,
    check_writable,
    os_reason,
)
from tolka.i18n import N_
from tolka.load.schema_messages import schema_error
from tolka.model.vocabulary import Fact
from tolka.render.labels import MESSAGES
from tolka.rulebook import Rulebook
from tolka.shipped import examples_root
from tolka.suggest import MESSAGES as SUGGESTIONS
from tolka.suggest import nearest

BLOCK = 100_000
AGE = "age"
# What each type of fact is called where a distribution file gives it the wrong kind of distribution.
KINDS = {
    "bool": N_("a yes-or-no fact"),
    "enum": N_("a choice among values"),
    "date": N_("a date"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "code": N_("a code"),
}
DEFAULT_CONFIG = examples_root() / "synth" / "young-adults-se.yaml"
FORMAT_HINT = N_("docs/population.md describes the distribution file")


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


def load_config(path: Path, rulebook: Rulebook, lang: str = "en") -> tuple[SynthConfig, str]:
    """The distribution file, checked against the vocabulary; returns it with its text. Errors are
    `DistributionFileError`s; a value the vocabulary refuses is worded in `lang`, as `coerce_fact` words it."""
    try:
        text = path.read_text(encoding="utf-8")
        data = YAML(typ="safe", pure=True).load(text)
        config = SynthConfig.model_validate(data)
    except OSError as exc:
        raise DistributionFileError(
            N_("cannot read the distribution file: {reason}"), file=path, reason=os_reason(exc)
        ) from None
    except UnicodeDecodeError as exc:
        raise DistributionFileError(
            MESSAGES["not_utf8"], file=path, offset=exc.start, hint=MESSAGES["not_utf8_hint"]
        ) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)  # where the parser gave up
        raise DistributionFileError(
            N_("not valid YAML: the problem is in column {position}"),
            file=path,
            line=mark.line + 1 if mark is not None else None,
            hint=MESSAGES["yaml_hint"],
            position=mark.column + 1 if mark is not None else "?",
        ) from None
    except ValidationError as exc:
        raise _wrong(exc, path) from None
    except ValueError:  # ruamel turns 2006-02-30 into a date, and fails
        raise DistributionFileError(
            N_("the file holds a value YAML cannot read, such as a date that does not exist"),
            file=path,
            hint=FORMAT_HINT,
        ) from None
    _check(config, rulebook, path, lang)
    return config, text


def _wrong(exc: ValidationError, path: Path) -> DistributionFileError:
    """The first of pydantic's problems with the distribution file, worded from tolka's catalogue as
    a rule file's schema errors are (`tolka.load.schema_messages`), at the key it concerns."""
    problem = schema_error(exc.errors()[0], path, None, empty=Phrase(N_("(the whole file)")))
    hint = (
        N_("check the spelling; docs/population.md describes the distribution file")
        if problem.template == N_("unknown key `{key}`")
        else FORMAT_HINT
    )
    error = DistributionFileError(Phrase(problem.template, **problem.values), file=path, hint=hint)
    for part in reversed(problem.context):
        error.within(part)
    return error


def municipality_codes(rulebook: Rulebook, country: str) -> tuple[str, ...]:
    """The codes `codes: municipalities` draws from."""
    return tuple(
        sorted(
            j.code
            for j in rulebook.jurisdictions.values()
            if j.kind == "municipality" and j.country == country and j.code
        )
    )


def _check(config: SynthConfig, rulebook: Rulebook, path: Path, lang: str) -> None:
    low, high = config.age
    if not 0 <= low <= high:
        raise DistributionFileError(
            N_("`age` must be [MIN, MAX] with 0 <= MIN <= MAX, not {age}"), file=path, age=code(list(config.age))
        )
    drawn: set[str] = set()
    for name, spec in config.facts.items():
        fact = rulebook.facts.get(name)
        if fact is None:
            close = tuple(code(other) for other in nearest(str(name), rulebook.facts))
            raise DistributionFileError(
                SUGGESTIONS["unknown_fact"],
                file=path,
                hint=N_("did you mean {names}? `{command}` lists them all") if close else SUGGESTIONS["listed_by"],
                id=code(name),
                names=close,
                command="tolka facts",
            )
        shaped: list[FactSpec | Clause] = [spec, *spec.when]
        for clause in shaped:
            _shape(fact, clause, name == "birth_date", path, lang)
        if spec.codes and not municipality_codes(rulebook, config.country):
            raise DistributionFileError(
                N_("`{fact}`: the rulebook has no municipality codes for {country}"),
                file=path,
                fact=name,
                country=config.country,
            )
        for clause in spec.when:
            for other, expected in clause.condition.items():
                if other not in drawn:
                    raise DistributionFileError(
                        N_(
                            "`{fact}`: a condition can only name `age` (after `birth_date`) or a fact listed "
                            "before it, not {other}"
                        ),
                        file=path,
                        fact=name,
                        other=code(other),
                    )
                if other != AGE:
                    if rulebook.facts[other].type not in ("bool", "enum", "code"):
                        raise DistributionFileError(
                            N_("`{fact}`: a condition tests a yes-or-no fact, a choice, a code or `age`, not {other}"),
                            file=path,
                            fact=name,
                            other=code(other),
                        )
                    _values(rulebook.facts[other], expected if isinstance(expected, list) else [expected], path, lang)
        drawn.add(name)
        if name == "birth_date":
            drawn.add(AGE)


def _shape(fact: Fact, spec: FactSpec | Clause, is_birth_date: bool, path: Path, lang: str) -> None:
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
        wrong = tuple(code(key) for key in sorted(given - allowed))
        if allowed:
            raise DistributionFileError(
                N_("`{fact}` is {kind}: it takes {allowed}, not {wrong}"),
                file=path,
                fact=fact.name,
                kind=Phrase(KINDS[fact.type]),
                allowed=tuple(code(key) for key in sorted(allowed)),
                wrong=wrong,
            )
        raise DistributionFileError(
            N_("`{fact}` is drawn from `age` and takes no distribution, not {wrong}"),
            file=path,
            fact=fact.name,
            wrong=wrong,
        )
    if spec.values:
        _values(fact, list(spec.values), path, lang)
        if any(w < 0 for w in spec.values.values()) or sum(spec.values.values()) <= 0:
            raise DistributionFileError(
                N_("`{fact}`: weights must be 0 or more and not all 0"), file=path, fact=fact.name
            )
    if getattr(spec, "codes", None) not in (None, "municipalities"):
        raise DistributionFileError(N_("`{fact}`: `codes` can only be `municipalities`"), file=path, fact=fact.name)


def _values(fact: Fact, values: list[Any], path: Path, lang: str = "en") -> list[Any]:
    try:
        typed = [coerce_fact(fact, value, lang=lang) for value in values]
    except CaseError as exc:
        # the value's own message (worded in `lang`), as a case file's, under the distribution file's kind
        raise DistributionFileError(Phrase(exc.template, **exc.values), file=path, hint=exc.hint_template) from None
    if any(v is None for v in typed):
        raise DistributionFileError(
            N_("`{fact}`: write `known` for unknown values, not an unknown value"), file=path, fact=fact.name
        )
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


def write_population(
    rulebook: Rulebook, config_path: Path, n: int, seed: int, day: dt.date, out: Path, lang: str = "en"
) -> Path:
    """Draw `n` persons and write them to `out` (.parquet or .csv); returns the manifest's path.
    A value the distribution file gives that the vocabulary refuses is worded in `lang`."""
    if out.suffix.lower() not in (".parquet", ".csv"):
        raise PeopleFileError(N_("a people file is written as .parquet or .csv, not {name}"), name=out.name)
    if n < 1:
        raise OptionError(N_("--n must be at least 1, not {n}"), n=n)
    check_writable(out, PeopleFileError)
    config, text = load_config(config_path, rulebook, lang)
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
