"""The Python API for notebooks and services: a typed facade over the engine the CLI uses.

    >>> import tolka
    >>> book = tolka.load_rulebook()                       # the shipped rulebook (or $TOLKA_RULEBOOK)
    >>> result = book.evaluate({"birth_date": "2006-03-14"}, "SE-EX-C", "2025-09-01")

Every answer is a model of the published contract (tolka.model.contract, docs/schema/): the same
fields, with the same names, as the CLI's `--format json`. Population runs come back as pandas
DataFrames (`pip install 'tolka[pandas]'`). Bad input raises the engine's own errors
(`tolka.errors.TolkaError` and its subclasses: unknown fact, bad value, unknown jurisdiction).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tolka.case import Case, case_from_mapping, read_case
from tolka.cli.app import default_rulebook, jurisdiction_list
from tolka.compare import compare_explained
from tolka.errors import TolkaError
from tolka.evaluate import Engine
from tolka.jurisdictions import default_jurisdiction
from tolka.model.contract import ComparisonOut
from tolka.model.outcome import Evaluation
from tolka.render.compare_view import explained_comparison_data
from tolka.rulebook import Rulebook

if TYPE_CHECKING:
    import pandas as pd

CaseInput = Mapping[str, Any] | str | Path | Case
DateInput = dt.date | str | None


class MissingExtraError(TolkaError):
    """An optional dependency the call needs is not installed."""

    kind = "missing dependency"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(
            "DataFrames need pandas, which is not installed",
            hint="pip install 'tolka[pandas]'",
        ) from None
    return pandas


def _day(day: DateInput) -> dt.date:
    if day is None:
        return dt.date.today()
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(day)


class Tolka:
    """A loaded, compiled rulebook: evaluate cases, compare jurisdictions, run populations."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def rulebook(self) -> Rulebook:
        """The rulebook itself: facts, supports, jurisdictions, rules and readings."""
        return self.engine.rulebook

    @property
    def fingerprint(self) -> str:
        """The rulebook's hash: every answer carries it."""
        return self.engine.rulebook.fingerprint

    def case(self, case: CaseInput) -> Case:
        """A case from a mapping of fact → value or a case file (YAML/JSON), checked against the vocabulary."""
        if isinstance(case, Case):
            return case
        if isinstance(case, str | Path):
            return read_case(Path(case), self.rulebook)
        return case_from_mapping(case, self.rulebook)

    def evaluate(self, case: CaseInput, jurisdiction: str | None = None, date: DateInput = None) -> Evaluation:
        """One case in one jurisdiction on one date (default: the case's home municipality, today).

        As `tolka evaluate --format json`: `Evaluation.outcomes` holds one cited outcome per support.
        """
        checked = self.case(case)
        place = jurisdiction or default_jurisdiction(checked, self.rulebook)
        return self.engine.evaluate(checked, place, _day(date))

    def compare(
        self, case: CaseInput, jurisdictions: Sequence[str] | str = "all", date: DateInput = None
    ) -> ComparisonOut:
        """One case across jurisdictions (ids, or "all" of the case's country), as `tolka compare --format json`.

        With two jurisdictions of one country, `why` names the readings that explain a difference;
        across countries, `counterparts` lines up the supports that correspond.
        """
        checked = self.case(case)
        ids = self._jurisdictions(jurisdictions, checked)
        return explained_comparison_data(compare_explained(self.engine, checked, ids, _day(date)))

    def outcomes(self, evaluations: Evaluation | Sequence[Evaluation]) -> pd.DataFrame:
        """Outcomes as a DataFrame: one row per jurisdiction × support (status, route, legal status, …)."""
        pandas = _pandas()
        many = [evaluations] if isinstance(evaluations, Evaluation) else list(evaluations)
        return pandas.DataFrame(
            [
                {
                    "jurisdiction": e.jurisdiction.id,
                    "support": o.support,
                    "category": o.category,
                    "status": o.status,
                    "route": o.route.id if o.route else None,
                    "legal_status": o.legal_status,
                    "missing_facts": list(o.missing_facts),
                    "unverified": o.unverified,
                    "evaluation_date": e.evaluation_date,
                }
                for e in many
                for o in e.outcomes
            ]
        )

    def population(
        self,
        people: str | Path | pd.DataFrame,
        jurisdictions: Sequence[str] | str = "all",
        date: DateInput = None,
        *,
        country: str = "SE",
        summary: bool = False,
    ) -> pd.DataFrame:
        """Every person in every jurisdiction, vectorised (as `tolka population`), as a DataFrame.

        `people` is a CSV or Parquet file with one column per fact, or a DataFrame of the same shape.
        One row per person × jurisdiction × support (schema `population-row`); with `summary=True`,
        the summary table instead (schema `population-summary-row`).
        """
        from tolka.population.run import run_population

        pandas = _pandas()
        day = _day(date)
        ids = self._jurisdictions(jurisdictions, None, country)
        with tempfile.TemporaryDirectory(prefix="tolka-") as folder:
            work = Path(folder)
            if isinstance(people, str | Path):
                source = Path(people)
            else:
                source = work / "people.parquet"
                people.to_parquet(source, index=False)
            out = work / "results.parquet"
            totals = work / "summary.csv"
            run_population(self.rulebook, source, ids, day, out=None if summary else out, summary=totals)
            if summary:
                return pandas.read_csv(totals, keep_default_na=False)
            frame = pandas.read_parquet(out)
        for column in frame.columns:  # Parquet dictionaries become pandas categoricals; plain text reads better
            if isinstance(frame[column].dtype, pandas.CategoricalDtype):
                frame[column] = frame[column].astype(object)
        return frame

    def _jurisdictions(self, which: Sequence[str] | str, case: Case | None, country: str | None = None) -> list[str]:
        """Ids as given, or every jurisdiction of the country for "all" (as the CLI's `-J`)."""
        if isinstance(which, str):
            home = country or (case.facts.get("home_country") if case else None) or "SE"
            return jurisdiction_list(self.rulebook, which, home)
        return list(which)


def load_rulebook(rulebook: str | Path | None = None, *, use_cache: bool = True) -> Tolka:
    """Load and compile a rulebook directory (default: `$TOLKA_RULEBOOK`, else the shipped rulebook)."""
    root = Path(rulebook) if rulebook is not None else default_rulebook()
    return Tolka(Engine.load(root, use_cache=use_cache))
