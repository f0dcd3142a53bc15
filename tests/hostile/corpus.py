"""A deterministic corpus of hostile input: case files, API request bodies and rule-file mutations.

Every item is something tolka must refuse with a clear error — never a traceback, a hang, an HTTP
5xx or a silent acceptance. Each item belongs to a class (the rows of the table in
benchmarks/bench_hostile.py). `variants` multiplies each class with a seeded generator: the CI test
uses 1 variant per template (a few hundred items, seconds), the benchmark thousands.

    python -m tests.hostile.corpus OUT_DIR [VARIANTS]   writes the corpus as files (for fuzzers)
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Facts of the shipped vocabulary, by type (the corpus attacks each kind of value).
DATE_FACTS = ("birth_date", "aap_since", "ill_since", "registered_unemployed_since")
NUMBER_FACTS = ("work_percentage", "years_insured_in_norway", "study_delay_credits")
BOOL_FACTS = ("mental_health_problem", "completed_upper_secondary", "psychiatric_contact")
ENUM_FACTS = ("current_activity", "home_country", "goal")
ESCAPES = ("\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\x00", "\x9b31m", "\r\n")


@dataclass(frozen=True)
class Item:
    """One hostile input: its class, a name (file name or endpoint) and the raw bytes."""

    cls: str
    name: str
    data: bytes


def _bomb(depth: int, width: int) -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, depth):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def _impossible_dates(rng: random.Random) -> list[str]:
    year = rng.randint(1950, 2030)
    return [f"{year}-02-30", f"{year}-13-01", f"{year}-04-31", f"{year}-00-10", f"{year}-06-00", "0000-01-01"]


def _case_templates(rng: random.Random) -> Iterator[tuple[str, str, bytes]]:
    """(class, suffix, bytes) for case files."""
    date_fact, number_fact = rng.choice(DATE_FACTS), rng.choice(NUMBER_FACTS)
    bool_fact, enum_fact = rng.choice(BOOL_FACTS), rng.choice(ENUM_FACTS)
    escape = rng.choice(ESCAPES)
    yield "encoding", ".yaml", f"{bool_fact}: true\nnote: caf".encode() + bytes([0xE9, 0x0A])
    yield "encoding", ".yaml", "mental_health_problem: true\n".encode("utf-16")
    yield "encoding", ".json", bytes(rng.randrange(128, 256) for _ in range(rng.randint(4, 64)))
    yield "encoding", ".yaml", f"{bool_fact}: true\x00\n".encode()
    yield "alias bomb", ".yaml", _bomb(rng.randint(6, 10), rng.randint(6, 10)).encode()
    yield "alias", ".yaml", f"x: &x true\n{bool_fact}: *x\n".encode()
    yield "tag", ".yaml", f"{bool_fact}: !!python/object/apply:os.system ['true']\n".encode()
    yield "tag", ".yaml", f"{enum_fact}: !custom studies\n".encode()
    yield "tag", ".yaml", f"{bool_fact}: !!binary aGVsbG8=\n".encode()
    for text in _impossible_dates(rng):
        yield "impossible date", ".yaml", f"{date_fact}: {text}\n".encode()
        yield "impossible date", ".json", json.dumps({date_fact: text}).encode()
    for text in ("20000101", "2000-W52", "2025-9-1", "1700000000", "2000-01-01T00:00:00", "01/02/2000", " 2000-01-01"):
        yield "date form", ".yaml", f'{date_fact}: "{text}"\n'.encode()
    yield "date form", ".json", json.dumps({date_fact: 0}).encode()
    yield "date form", ".json", json.dumps({date_fact: rng.randint(10**8, 2 * 10**9)}).encode()
    yield "date range", ".yaml", f"{date_fact}: 0001-01-01\n".encode()
    yield "date range", ".yaml", f"{date_fact}: 9999-12-31\n".encode()
    digits = "9" * rng.randint(4301, 6000)
    yield "huge integer", ".yaml", f"{number_fact}: {digits}\n".encode()
    yield "huge integer", ".json", f'{{"{number_fact}": {digits}}}'.encode()
    yield "huge integer", ".yaml", f'{number_fact}: "{digits}"\n'.encode()
    for text in (".nan", ".inf", "-.inf", "1e309", "-1e400"):
        yield "non-finite number", ".yaml", f"{number_fact}: {text}\n".encode()
    for text in ("NaN", "Infinity", "-Infinity"):
        yield "non-finite number", ".json", f'{{"{number_fact}": {text}}}'.encode()
    for value in (rng.randint(10**3, 10**9), -rng.randint(1, 10**6), 1e308, 1000, -5, -0.5):
        yield "out of range", ".yaml", f"{number_fact}: {value}\n".encode()
    depth = rng.randint(20, 2000)
    yield "nesting", ".yaml", (f"{bool_fact}: " + "[" * depth + "]" * depth + "\n").encode()
    yield "nesting", ".json", ('{"a":' * depth + "1" + "}" * depth).encode()
    yield "nesting", ".json", ("[" * depth + "]" * depth).encode()
    yield "duplicate key", ".yaml", f"{bool_fact}: true\n{bool_fact}: false\n".encode()
    yield "duplicate key", ".json", f'{{"{bool_fact}": true, "{bool_fact}": "maybe"}}'.encode()
    yield "control characters", ".yaml", json.dumps({f"fact{escape}": True}).encode()
    yield "control characters", ".json", json.dumps({enum_fact: f"studies{escape}" * rng.randint(1, 5000)}).encode()
    yield "unknown fact", ".yaml", f"{bool_fact}x{rng.randint(0, 99)}: true\n".encode()
    yield "bad value", ".yaml", f"{bool_fact}: perhaps\n".encode()
    yield "bad value", ".yaml", f"{enum_fact}: sleeping\n".encode()
    yield "bad value", ".json", json.dumps({number_fact: [1, 2]}).encode()
    yield "bad value", ".json", json.dumps({bool_fact: {"a": 1}}).encode()
    yield "huge value", ".json", json.dumps({enum_fact: "x" * rng.randint(10_000, 200_000)}).encode()
    yield "not a mapping", ".yaml", b"- a\n- b\n"
    yield "not a mapping", ".json", b"42"
    yield "not a mapping", ".json", b'"text"'
    yield "syntax", ".yaml", f"{bool_fact}: [true\n".encode()
    yield "syntax", ".json", f'{{"{bool_fact}": tru'.encode()
    yield "implausible", ".yaml", f"birth_date: {rng.randint(2040, 2100)}-01-01\n".encode()
    yield (
        "implausible",
        ".yaml",
        f"birth_date: 2000-01-01\n{date_fact if date_fact != 'birth_date' else 'aap_since'}: 1990-01-01\n".encode(),
    )
    yield "implausible", ".yaml", b"birth_date: 2010-01-01\nyears_insured_in_norway: 60\n"


def _body_templates(rng: random.Random) -> Iterator[tuple[str, str, bytes]]:
    """(class, endpoint, body) for the JSON API."""
    date_fact, number_fact = rng.choice(DATE_FACTS), rng.choice(NUMBER_FACTS)
    bool_fact = rng.choice(BOOL_FACTS)
    endpoint = rng.choice(("/api/evaluate", "/api/brief", "/api/next-questions", "/api/compare"))
    extra = {"jurisdictions": ["NO-0301"]} if endpoint == "/api/compare" else {}

    def body(**fields: object) -> bytes:
        return json.dumps({**extra, **fields}, allow_nan=True).encode()

    yield "non-finite number", endpoint, body(case={number_fact: float("nan")})
    yield "non-finite number", endpoint, body(case={number_fact: float("inf")})
    yield "huge integer", endpoint, f'{{"case": {{"{number_fact}": {"9" * rng.randint(4301, 6000)}}}}}'.encode()
    yield "surrogate", endpoint, b'{"case": {"a\\ud800": true}}'
    yield "surrogate", endpoint, f'{{"case": {{"{bool_fact}": "\\udfff"}}}}'.encode()
    for day in ("0001-01-01", "9999-12-31", 0, "0", "1700000000", "20000101", "2000-W52", "2025-9-1", "2025-02-30", ""):
        yield "date", "/api/next-questions" if day == "0001-01-01" else endpoint, body(date=day)
    yield "date", endpoint, body(case={date_fact: "2025-02-30"})
    yield "strict type", "/api/evaluate", json.dumps({"explain": 0}).encode()
    yield "strict type", "/api/evaluate", json.dumps({"plan": "yes"}).encode()
    yield "strict type", "/api/next-questions", json.dumps({"limit": "5"}).encode()
    yield "strict type", "/api/next-questions", json.dumps({"limit": 5.5}).encode()
    yield "strict type", endpoint, json.dumps({**extra, "case": []}).encode()
    yield "empty", "/api/compare", json.dumps({"jurisdictions": []}).encode()
    yield "empty", "/api/compare", json.dumps({"jurisdictions": [""]}).encode()
    yield "empty", "/api/evaluate", json.dumps({"jurisdiction": ""}).encode()
    yield "empty", "/api/next-questions", json.dumps({"skip": [""]}).encode()
    yield "duplicate key", endpoint, f'{{"case": {{"{bool_fact}": true, "{bool_fact}": "x"}}}}'.encode()
    yield "duplicate key", "/api/evaluate", b'{"date": "2025-01-01", "date": "2025-13-01"}'
    depth = rng.randint(20, 5000)
    yield "nesting", endpoint, ('{"case": ' + '{"a":' * depth + "1" + "}" * depth + "}").encode()
    yield "unknown key", endpoint, body(colour="blue")
    yield "control characters", endpoint, body(case={f"fact{rng.choice(ESCAPES)}": True})
    yield "control characters", "/api/evaluate", body(jurisdiction=f"SE{rng.choice(ESCAPES)}" * 100)
    yield "encoding", endpoint, b'{"case": {"goal": "caf\xe9"}}'
    yield "syntax", endpoint, b'{"case": '
    yield "syntax", endpoint, b"NaN"
    yield "not an object", endpoint, b"[]"
    yield "implausible", "/api/evaluate", body(case={"birth_date": "2090-01-01"}, date="2025-01-01")
    yield "too many", "/api/compare", json.dumps({"jurisdictions": ["NO-0301"] * 5000}).encode()


MINI_RULE_FILE = "rules/laws/testlaw.yaml"


def _rule_templates(rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """(class, old, new): replace `old` by `new` in the mini rulebook's law file (tests/conftest.py)."""
    year = rng.randint(1990, 2020)
    for text in (f"{year}-02-30", f"{year}-13-01", f"{year}-04-31"):
        yield "impossible date", "in_force_from: 2001-01-01", f"in_force_from: {text}"
    yield "alias bomb", "law:\n", _bomb(rng.randint(6, 10), rng.randint(6, 10)) + "law:\n"
    yield "alias bomb", "short: TL", "short: &s TL\n  x: &t [*s, *s]\n  y: [*t, *t]"
    yield "encoding", "Test Act", "Test\xe9 Act"  # written as Latin-1 below
    yield "tag", "short: TL", "short: !!python/object/apply:os.system ['true']"
    yield "tag", "country: SE", "country: !custom SE"
    yield "huge integer", 'number: "SFS 2000:1"', f"number: {'9' * rng.randint(4301, 6000)}"
    depth = rng.randint(70, 3000)
    yield "nesting", "short: TL", "short: " + "[" * depth + "]" * depth
    yield "control characters", "id: testlaw\n", f"id: testlaw{rng.choice(ESCAPES[:3])}\n"
    yield "duplicate key", "short: TL", "short: TL\n  short: TM"
    yield "syntax", "short: TL", "short: [TL"


def case_files(variants: int = 1) -> list[Item]:
    """Hostile case files (the suffix decides YAML or JSON)."""
    items = []
    for seed in range(variants):
        rng = random.Random(seed)
        for index, (cls, suffix, data) in enumerate(_case_templates(rng)):
            items.append(Item(cls, f"case-{seed}-{index}{suffix}", data))
    return items


def request_bodies(variants: int = 1) -> list[Item]:
    """Hostile JSON bodies for the API (`name` is the endpoint)."""
    return [
        Item(cls, endpoint, data)
        for seed in range(variants)
        for cls, endpoint, data in _body_templates(random.Random(10_000 + seed))
    ]


def rule_mutations(law_text: str, variants: int = 1) -> list[Item]:
    """Hostile versions of the mini rulebook's law file (`name` is the file, relative to the rulebook)."""
    items = []
    for seed in range(variants):
        for cls, old, new in _rule_templates(random.Random(20_000 + seed)):
            assert old in law_text, old
            text = law_text.replace(old, new, 1)
            data = text.encode("latin-1") if cls == "encoding" else text.encode("utf-8")
            items.append(Item(cls, MINI_RULE_FILE, data))
    return items


def main(argv: list[str]) -> None:
    out = Path(argv[0])
    variants = int(argv[1]) if len(argv) > 1 else 1
    for folder, items in (("cases", case_files(variants)), ("bodies", request_bodies(variants))):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for index, item in enumerate(items):
            name = item.name if folder == "cases" else f"{index}-{item.name.strip('/').replace('/', '-')}.json"
            (out / folder / name).write_bytes(item.data)


if __name__ == "__main__":
    main(sys.argv[1:])
