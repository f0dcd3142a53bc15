"""Keep the message catalogues in step with the source: `python -m tolka.i18n.catalogues update|check|stats`.

`update` extracts every marked sentence (babel.cfg for the `tolka` domain, babel-web.cfg for `web`)
and merges it into `engine/locale/<language>/LC_MESSAGES/<domain>.po`: new sentences arrive with an
empty translation, sentences no longer in the source are dropped. The files are written sorted,
without source-line comments, without a header and without line wrapping, so that two branches that
add sentences merge with small, local conflicts. `check` fails (exit 1) when a file is not what
`update` would write or a translation is missing. It needs a checkout (the sources), not a wheel.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from tolka.i18n import DOMAINS, SOURCE_LANGUAGE
from tolka.model.common import LANGUAGES

REPOSITORY = Path(__file__).resolve().parents[2]
LOCALE = REPOSITORY / "engine" / "locale"
MAPPING = {"tolka": REPOSITORY / "babel.cfg", "web": REPOSITORY / "babel-web.cfg", "cli": REPOSITORY / "babel-cli.cfg"}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}|%\((\w+)\)")


def extract(domain: str) -> Catalog:
    """Every sentence marked in the sources of `domain`, as a template catalogue."""
    with MAPPING[domain].open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(MAPPING[domain]))
    template = Catalog(domain=domain, fuzzy=False)
    for _file, _line, message, _comments, context in extract_from_dir(
        REPOSITORY, method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        template.add(message, context=context)
    if domain == "cli":
        _add_help(template)
    return template


def _add_help(template: Catalog) -> None:
    """The CLI's help texts as written (they are the message ids) and click's plural messages."""
    from tolka.cli.app import _import_all_commands, cli
    from tolka.cli.help_language import CLICK_PLURALS, METAVAR, help_texts, metavars

    _import_all_commands()
    for text in help_texts(cli):
        template.add(text)
    for metavar in metavars(cli):
        template.add(metavar, context=METAVAR)
    for plural in CLICK_PLURALS:
        template.add(plural)


def render(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, no_location=True, omit_header=True, sort_output=True, ignore_obsolete=True)
    return buffer.getvalue()


def path(language: str, domain: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def read(language: str, domain: str) -> Catalog:
    source = path(language, domain)
    if not source.exists():
        return Catalog(locale=language, domain=domain)
    with source.open("rb") as handle:
        return read_po(handle, locale=language, domain=domain)


def updated(language: str, domain: str, template: Catalog) -> bytes:
    """What `update` writes for `language`: the existing translations merged into `template`."""
    catalogue = read(language, domain)
    # No fuzzy matching: a guessed translation of a reworded sentence is worse than a missing one.
    catalogue.update(template, no_fuzzy_matching=True, update_creation_date=False)
    return render(catalogue)


@dataclass(frozen=True)
class Problem:
    language: str
    domain: str
    message: str

    def __str__(self) -> str:
        return f"{path(self.language, self.domain).relative_to(REPOSITORY)}: {self.message}"


def _ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def _strings(message: Message) -> tuple[str, ...]:
    if isinstance(message.string, (list, tuple)):
        return tuple(message.string)
    return (message.string or "",)


def placeholders(text: str) -> set[str]:
    """The named values a sentence takes: `{name}` (Python) or `%(name)s` (Jinja2 templates)."""
    return {first or second for first, second in PLACEHOLDER.findall(text)}


def translation_problems(language: str, domain: str) -> Iterator[Problem]:
    """Missing or fuzzy translations, and translations whose placeholders differ from the English."""
    for message in read(language, domain):
        if not message.id:
            continue
        ids, strings = _ids(message), _strings(message)
        shown = ids[0] if len(ids[0]) <= 70 else ids[0][:67] + "..."
        if message.fuzzy:
            yield Problem(language, domain, f"fuzzy translation of {shown!r}")
        if not all(strings):
            if language != SOURCE_LANGUAGE:
                yield Problem(language, domain, f"no translation of {shown!r}")
            continue
        known = set().union(*(placeholders(text) for text in ids))
        for index, text in enumerate(strings):
            if placeholders(text) - known:
                yield Problem(language, domain, f"the translation of {shown!r} has unknown placeholders: {text!r}")
            # Each plural form keeps the values of its English form (click's singular and plural name
            # different values); a plural may leave out {n} (e.g. "one problem").
            expected = placeholders(ids[min(index, len(ids) - 1)])
            missing = expected - placeholders(text) - ({"n"} if len(ids) > 1 else set())
            if missing:
                yield Problem(language, domain, f"the translation of {shown!r} leaves out {sorted(missing)}")


def update() -> list[Path]:
    """Bring every catalogue in step with the sources; the paths written."""
    written = []
    for domain in DOMAINS:
        template = extract(domain)
        for language in LANGUAGES:
            content = updated(language, domain, template)
            target = path(language, domain)
            if not target.exists() or target.read_bytes() != content:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                written.append(target)
    return written


def stale() -> list[Path]:
    """The catalogues that `update` would change."""
    result = []
    for domain in DOMAINS:
        template = extract(domain)
        for language in LANGUAGES:
            target = path(language, domain)
            if not target.exists() or target.read_bytes() != updated(language, domain, template):
                result.append(target)
    return result


def counts() -> dict[tuple[str, str], tuple[int, int]]:
    """(messages, translated) per (language, domain)."""
    result = {}
    for domain in DOMAINS:
        for language in LANGUAGES:
            messages = [m for m in read(language, domain) if m.id]
            result[language, domain] = (len(messages), sum(1 for m in messages if all(_strings(m)) and not m.fuzzy))
    return result


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for target in update():
            print(f"updated {target.relative_to(REPOSITORY)}")
        problems = [p for d in DOMAINS for lang in LANGUAGES for p in translation_problems(lang, d)]
        for problem in problems:
            print(problem)
        return 0
    if command == "check":
        lines = [f"{t.relative_to(REPOSITORY)}: not up to date, run `update`" for t in stale()]
        lines += [str(p) for d in DOMAINS for lang in LANGUAGES for p in translation_problems(lang, d)]
        for line in lines:
            print(line)
        return 1 if lines else 0
    if command == "stats":
        for (language, domain), (total, done) in sorted(counts().items()):
            print(f"{domain:6} {language}: {done}/{total} translated")
        return 0
    print("usage: python -m tolka.i18n.catalogues update|check|stats", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
