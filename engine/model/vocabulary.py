"""The fact vocabulary: what can be known about a person's situation, and named conditions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints, model_validator

from tolka.model.common import Country, FactName, Model, Named, Text
from tolka.model.limit import Limit

FactType = Literal["bool", "enum", "integer", "number", "date", "code"]


ValueId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=80)]


# The largest `maximum` a money fact may have: far above any income or benefit, well inside exact arithmetic.
MONEY_CEILING = 1e9


class ValueLabel(Model):
    id: ValueId
    label: Text


class Fact(Named):
    """One item of a person's situation. Unknown is always a legitimate value."""

    name: FactName
    type: FactType
    values: tuple[ValueLabel, ...] = ()
    ordered: bool = False
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    # For an amount of money (`unit: money`, in the currency of the country evaluated): the period it
    # is counted in (docs/amounts.md).
    period: Literal["per_month", "per_year", "per_4_weeks", "per_week", "none"] | None = None
    question: Text
    description: Text | None = None
    countries: tuple[Country, ...] = ("SE", "NO")

    @model_validator(mode="after")
    def _shape(self) -> Fact:
        if self.type == "enum" and not self.values:
            raise ValueError(f"enum fact `{self.name}` needs `values`")
        if self.type != "enum" and (self.values or self.ordered):
            raise ValueError(f"only enum facts have `values` / `ordered` (`{self.name}` is {self.type})")
        if (self.unit == "money") != (self.period is not None):
            raise ValueError(f"a money fact has `unit: money` and a `period`, and only a money fact (`{self.name}`)")
        if self.unit == "money" and (self.type != "number" or self.minimum is None or self.minimum < 0):
            raise ValueError(f"money fact `{self.name}` is `type: number` with `minimum: 0` (never negative)")
        # Amounts are exact decimals (28 digits): an unbounded figure such as 1e308 cannot be computed exactly.
        if self.unit == "money" and (self.maximum is None or self.maximum > MONEY_CEILING):
            raise ValueError(
                f"money fact `{self.name}` needs a `maximum` of at most {MONEY_CEILING:.0f}"
                " (a bound no real figure reaches)"
            )
        if self.type == "code" and not self.pattern:
            raise ValueError(f"code fact `{self.name}` needs a `pattern` (a regular expression)")
        return self

    @property
    def value_ids(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.values)


class Definition(Named):
    """A named condition, usable in other conditions by its name (inlined when compiled)."""

    name: FactName
    when: str
    description: Text
    limits: tuple[Limit, ...] = ()
