"""Population runs with and without amounts, measured side by side (issue 14).

Prints figures; asserts nothing. `tolka population --summary` on a synthetic population of --persons
persons × every Swedish jurisdiction, as a child process, alternately with amounts (the default)
and with `--no-amounts` (the baseline), --runs times each; the medians of the run's own time, the
whole command's wall time and its peak memory (max RSS) are printed with their ratios. Run:

    .venv/bin/python benchmarks/bench_amounts.py [--persons 100000] [--runs 3]

The rulebook: the shipped one when it has Swedish amount calculations; otherwise a copy under the
system's temporary directory with a benchmark-only calculation (never shipped) of försörjningsstöd
— riksnorm plus housing minus income minus activity compensation (its guarantee level × the
prisbasbelopp) — so that subsidiarity, conditions and rounding are all exercised. The population is
`tolka synth`'s default distributions plus monthly income and housing cost (illustrative ranges).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_population import child, run_seconds  # noqa: E402
from tolka.load import load_rulebook  # noqa: E402

DAY = "2026-03-01"  # the riksnorm parameters are encoded for 2026

BENCH_AMOUNTS = """
# BENCHMARK ONLY (benchmarks/bench_amounts.py): not shipped content.
country: SE
amounts:
  - id: bench.ae.amount
    support: activity_compensation
    period: per_year
    cites: [sfb.35.19]
    steps:
      - id: guarantee
        label: {en: Guarantee level, sv: Garantinivå}
        value: >-
          round_down((if age(birth_date) < 21 then param(se.ae.guarantee_under_21)
          else param(se.ae.guarantee_21_22)) * param(se.prisbasbelopp))
  - id: bench.fs.amount
    support: forsorjningsstod
    period: per_month
    last_resort: true
    cites: [sol2025.12.1]
    steps:
      - id: norm
        label: {en: Norm, sv: Norm}
        value: param(se.riksnorm.personal.single_adult) + param(se.riksnorm.common.household_1)
      - id: housing
        label: {en: Housing, sv: Boende}
        value: monthly_housing_cost
      - id: income
        label: {en: Income, sv: Inkomst}
        value: monthly_income
      - id: other
        label: {en: Activity compensation, sv: Aktivitetsersättning}
        value: per_month(amount(activity_compensation))
      - id: result
        label: {en: Financial assistance, sv: Försörjningsstöd}
        value: round_down(max(0, norm + housing - income - other))
"""

EXTRA_FACTS = """
  monthly_income: {known: 0.85, range: [0, 15000]}
  monthly_housing_cost: {known: 0.9, range: [2500, 8000]}
"""


def rulebook_with_amounts(work: Path) -> tuple[Path, str]:
    """(rulebook root, what it is): the shipped rulebook if it has Swedish amounts, else a copy with some."""
    shipped = load_rulebook(REPO)
    if any(entry.scope.startswith("SE") for entry in shipped.amounts):
        return REPO, f"shipped ({len(shipped.amounts)} calculations)"
    root = work / "rulebook"
    if not root.exists():
        for tree in ("rules", "jurisdictions"):
            shutil.copytree(REPO / tree, root / tree)
        (root / "rules/se/bench-amounts.yaml").write_text(BENCH_AMOUNTS, encoding="utf-8")
    return root, "shipped + benchmark-only calculations of försörjningsstöd and aktivitetsersättning"


def people_file(rulebook: Path, work: Path, persons: int) -> Path:
    config = work / "young-adults-with-money.yaml"
    default = (REPO / "examples" / "synth" / "young-adults-se.yaml").read_text(encoding="utf-8")
    config.write_text(default.rstrip("\n") + "\n" + EXTRA_FACTS.lstrip("\n"), encoding="utf-8")
    people = work / f"people-{persons}.parquet"
    if not people.exists():
        child(
            rulebook,
            "synth",
            "--n",
            str(persons),
            "--seed",
            "14",
            "--date",
            DAY,
            "--config",
            str(config),
            "--out",
            str(people),
        )
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.gettempdir()) / "tolka-bench-amounts"
    work.mkdir(exist_ok=True)
    rulebook, what = rulebook_with_amounts(work)
    people = people_file(rulebook, work, args.persons)
    print(f"rulebook: {what}; {args.persons:,} synthetic persons × every Swedish jurisdiction on {DAY}")
    samples: dict[str, list[tuple[float, float, float]]] = {"without amounts": [], "with amounts": []}
    for run in range(args.runs):
        for label, flag in (("without amounts", "--no-amounts"), ("with amounts", "--amounts")):
            summary = work / f"summary-{flag}.csv"
            wall, rss, out = child(
                rulebook,
                "population",
                str(people),
                "-J",
                "all",
                "--country",
                "SE",
                "--date",
                DAY,
                "--summary",
                str(summary),
                flag,
                "--no-progress",
            )
            samples[label].append((run_seconds(out), wall, rss))
            print(
                f"  run {run + 1} {label:16}: run {run_seconds(out):6.1f} s, command {wall:6.1f} s, peak {rss:6.0f} MB"
            )
    medians = {
        label: tuple(statistics.median(sample[i] for sample in found) for i in range(3))
        for label, found in samples.items()
    }
    base, amounts = medians["without amounts"], medians["with amounts"]
    print(f"medians of {args.runs} interleaved runs:")
    for label, (seconds, wall, rss) in medians.items():
        print(f"  {label:16}: run {seconds:6.1f} s, command {wall:6.1f} s, peak memory {rss:6.0f} MB")
    print(
        f"  ratio with/without: run {amounts[0] / base[0]:.2f}×, command {amounts[1] / base[1]:.2f}×, "
        f"peak memory {amounts[2] / base[2]:.2f}×"
    )
    rows = [line.split(",") for line in (work / "summary---amounts.csv").read_text(encoding="utf-8").splitlines()]
    header = rows[0]
    section = header.index("section")
    counts = {name: sum(1 for r in rows[1:] if r[section] == name) for name in ("amounts", "amount_causes")}
    print(f"summary with amounts: {counts['amounts']} amount rows, {counts['amount_causes']} reading-cost rows")


if __name__ == "__main__":
    started = dt.datetime.now()
    main()
    print(f"(benchmark took {(dt.datetime.now() - started).total_seconds():.0f} s)")
