"""The input boundary: every byte tolka reads from outside passes here first.

Case files, API bodies, people files (CSV/Parquet) and rule files are decoded, parsed and bounded
here, so that hostile input ends in a clear error naming the file and line — never a traceback,
a hang or unbounded memory. The limits (documented in docs/engine.md, "Input limits"):

- sizes: a case file at most `CASE_FILE_BYTES`, a rule file at most `RULE_FILE_BYTES`; the API's
  body limit is the server's (64 KiB by default);
- nesting: at most `CASE_DEPTH` levels in a case or request body, `RULE_DEPTH` in a rule file;
- YAML aliases: none in a case; in a rule file at most `RULE_ALIASES`, and an alias may only name
  a node that has no aliases inside it (so nothing can expand beyond aliases × file size: the
  "billion laughs" shape is refused);
- numbers finite (no NaN, Infinity, `1e309`) and integers of at most `INT_DIGITS` digits;
- dates exactly YYYY-MM-DD, existing, between `DATE_MIN` and `DATE_MAX`;
- duplicate keys refused in JSON as in YAML; lone surrogates refused in every string;
- every value echoed in a message shortened to `ECHO_CHARS` and stripped of control characters.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError, MaxDepthExceededError
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.parser import ParserError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import ScannerError

from tolka.errors import InvalidValue, Phrase, TolkaError, os_reason
from tolka.i18n import translator
from tolka.render.labels import MESSAGES, phrase

CASE_FILE_BYTES = 1024 * 1024
RULE_FILE_BYTES = 4 * 1024 * 1024
CASE_DEPTH = 16
RULE_DEPTH = 64
RULE_ALIASES = 500
INT_DIGITS = 30
ECHO_CHARS = 80
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def shown(value: Any, limit: int = ECHO_CHARS) -> str:
    """`value` as it may appear in a message: repr-like, at most `limit` characters, and with every
    control or format character (terminal escapes, bidirectional overrides) written as an escape."""
    if isinstance(value, str):
        return f"'{clean_text(value, limit)}'"
    return clean_text(_bounded_repr(value, limit), limit)


def code(value: Any, limit: int = ECHO_CHARS) -> str:
    """A name or id echoed in backticks (`SE-0180`), shortened and cleaned as `shown` does."""
    return f"`{clean_text(str(value), limit)}`"


def clean_text(text: str, limit: int = ECHO_CHARS) -> str:
    """`text` cut to `limit` characters (saying how long it was) with control and format characters escaped."""
    clean = "".join(c if unicodedata.category(c)[0] != "C" else f"\\x{ord(c):02x}" for c in text[:limit])
    clean = clean.encode("utf-8", "backslashreplace").decode("utf-8")
    return clean + (f"… ({len(text)} characters)" if len(text) > limit else "")


def _bounded_repr(value: Any, limit: int) -> str:
    # repr of a huge or deeply nested value is itself unbounded: summarise containers instead.
    if isinstance(value, dict):
        return f"a mapping of {len(value)} key(s)"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3 * limit:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    return repr(value)


def say(key: str, lang: str | None, /, **values: object) -> str | Phrase:
    """The input-error sentence `key` worded in `lang`, or (`lang` None) as a message id with its values
    for the error to word in its reader's language later (`TolkaError.render`): a rule file's error is
    raised once and read by `tolka check --lang sv|nb|en`."""
    return Phrase(MESSAGES[key], **values) if lang is None else phrase(key, lang, **values)


def hint(key: str, lang: str | None) -> str:
    """A hint without values: worded in `lang`, or (`lang` None) its message id, worded when rendered."""
    return MESSAGES[key] if lang is None else phrase(key, lang)


# --- dates ---------------------------------------------------------------------------------------


def parse_date(text: str, lang: str | None = None) -> dt.date:
    """A date written exactly YYYY-MM-DD that exists and lies in DATE_MIN..DATE_MAX.

    Raises `ValueError` with a sentence in `lang` (Python's own `fromisoformat` would also take
    `20000101` and `2000-W52`, which the contract does not allow); without a language an
    `InvalidValue`, whose message id a reader's language words later.
    """
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
        raise _invalid("date_form", lang, value=shown(text))
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise _invalid("date_impossible", lang, value=shown(text)) from None
    return in_date_range(day, lang)


def in_date_range(day: dt.date, lang: str | None = None) -> dt.date:
    """`day` if it lies in DATE_MIN..DATE_MAX, else a `ValueError` saying the bounds."""
    if isinstance(day, dt.datetime):
        day = day.date()
    if not DATE_MIN <= day <= DATE_MAX:
        raise _invalid("date_range", lang, value=day.isoformat(), low=DATE_MIN, high=DATE_MAX)
    return day


def _invalid(key: str, lang: str | None, /, **values: object) -> ValueError:
    return InvalidValue(MESSAGES[key], **values) if lang is None else ValueError(phrase(key, lang, **values))


# --- bytes ---------------------------------------------------------------------------------------


def read_limited(
    path: Path,
    limit: int,
    error: type[TolkaError],
    lang: str | None = None,
    unreadable: str = "cannot_read",
    too_large: str = "too_large_hint",
) -> bytes:
    """At most `limit` bytes of `path`; a larger file (or an endless one such as /dev/zero) is refused
    after reading `limit + 1` bytes. `unreadable` is the message key for a file that cannot be opened,
    `too_large` the hint's for one over the limit."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        reason = os_reason(exc)  # the system's words are English: the common reasons have our own
        worded = reason if lang is None else reason.worded(translator(lang))
        raise error(say(unreadable, lang, reason=worded), file=path) from None
    if len(data) > limit:
        raise error(say("too_large", lang, limit=limit), file=path, hint=hint(too_large, lang))
    return data


def decode(data: bytes, name: str | Path, error: type[TolkaError], lang: str | None = None) -> str:
    """UTF-8 text (a leading byte-order mark is dropped); otherwise an error at the first bad byte's line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(
            say("not_utf8", lang, offset=exc.start), file=name, line=line, hint=hint("not_utf8_hint", lang)
        ) from None
    return text.removeprefix("\ufeff")


# --- YAML ----------------------------------------------------------------------------------------


class _Refused(MarkedYAMLError):
    """A limit of the boundary met while parsing: `load_yaml` words its message id (`MESSAGES`) and values
    in the reader's language."""

    def __init__(self, key: str, mark: Any, **values: object) -> None:
        super().__init__(None, None, MESSAGES[key].format(**values), mark)
        self.key, self.values = key, values


class _BoundedComposer(Composer):
    """Refuses aliases in cases; in rule files allows a bounded number of aliases to alias-free nodes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        policy: _AliasPolicy = self.loader.tolka_aliases
        if self.parser.check_event(AliasEvent):
            event = self.parser.peek_event()
            policy.count += 1
            if policy.limit == 0:
                raise _Refused("no_aliases", event.start_mark)
            if policy.count > policy.limit:
                raise _Refused("too_many_aliases", event.start_mark, limit=policy.limit)
            if event.anchor in policy.nested:
                raise _Refused("nested_alias", event.start_mark, name=code(event.anchor))
            if event.anchor not in self.anchors:
                raise _Refused("undefined_alias", event.start_mark, name=code(event.anchor))
            return super().compose_node(parent, index)
        anchor = getattr(self.parser.peek_event(), "anchor", None)
        before = policy.count
        node = super().compose_node(parent, index)
        if anchor is not None and policy.count > before:
            policy.nested.add(anchor)
        return node


class _BoundedConstructor(RoundTripConstructor):
    """Turns a value Python cannot hold (an integer of thousands of digits) into an error at the
    value's line instead of a bare `ValueError`.

    A date that looks like one but does not exist (`2006-02-30`) stays the text written: whoever
    reads it (a case's date fact, a rule file's schema) then says what is wrong, in the reader's
    language and together with every other problem, instead of the parser stopping at the first."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError):
            if node.tag == "tag:yaml.org,2002:timestamp" and isinstance(node.value, str):
                return node.value
            value = node.value if isinstance(node.value, str) else ""
            raise _Refused("unreadable_value", node.start_mark, value=shown(value, 40)) from None


class _AliasPolicy:
    def __init__(self, limit: int) -> None:
        self.limit, self.count, self.nested = limit, 0, set[str]()


class _BoundedYAML(YAML):
    """ruamel's round-trip loader carrying the alias policy its composer reads (`loader.tolka_aliases`)."""

    def __init__(self, aliases: int) -> None:
        super().__init__(typ="rt")
        self.tolka_aliases = _AliasPolicy(aliases)


def load_yaml(
    text: str, name: str | Path, error: type[TolkaError], *, aliases: int, depth: int, lang: str | None = None
) -> Any:
    """Parse YAML text into round-trip data (which keeps line numbers), bounded as the module says.

    Raises `error` with the file and line of the first problem, worded in `lang` (without one, as a
    message id that the error words in its reader's language).
    """
    deep_line = _flow_too_deep(text, depth)
    if deep_line is not None:
        raise error(say("too_deep", lang, limit=depth), file=name, line=deep_line)
    yaml = _BoundedYAML(aliases)
    yaml.Composer = _BoundedComposer
    yaml.Constructor = _BoundedConstructor
    yaml.max_depth = depth
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise error(
            _yaml_problem(exc, text, depth, lang),
            file=name,
            line=mark.line + 1 if mark else None,
            hint=hint("yaml_hint", lang) if isinstance(exc, (ScannerError, ParserError)) else None,
        ) from None
    except ReaderError as exc:  # a character YAML does not allow (control characters, NUL)
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise error(
            say("bad_character", lang, code=f"{exc.character:04x}" if isinstance(exc.character, int) else "?"),
            file=name,
            line=line,
        ) from None
    except YAMLError:
        raise error(say("not_yaml_at_all", lang), file=name, hint=hint("yaml_hint", lang)) from None
    except RecursionError:
        raise error(say("too_deep", lang, limit=depth), file=name) from None


def _yaml_problem(exc: MarkedYAMLError, text: str, depth: int, lang: str | None) -> str | Phrase:
    """What is wrong, in the reader's words: ruamel's own messages are English (and echo values)."""
    mark = exc.problem_mark or exc.context_mark
    if isinstance(exc, _Refused):
        return say(exc.key, lang, **exc.values)
    if isinstance(exc, MaxDepthExceededError):
        return say("too_deep", lang, limit=depth)
    if isinstance(exc, DuplicateKeyError) and mark:
        return say("duplicate_key", lang, key=shown(_key_at(text, mark.line, mark.column)))
    if isinstance(exc, ComposerError) and "another document" in str(exc.problem):
        return say("second_document", lang)
    if mark:
        return say("not_yaml", lang, column=mark.column + 1)
    return say("not_yaml_at_all", lang)


def _key_at(text: str, line: int, column: int) -> str:
    """The mapping key written at `line`, `column` (0-based) of `text`: up to its colon."""
    lines = text.splitlines()
    written = lines[line][column:] if line < len(lines) else ""
    return written.split(":", 1)[0].strip().strip("'\"")


_FLOW_TOKENS = re.compile(
    r"""[\[\]{}\n]"""  # brackets and line ends
    r"""|(?:(?<=\s)|^)#[^\n]*"""  # a comment
    r"""|(?:(?<=[\s:\-\[{,?])|^)(?:'[^']*(?:''[^']*)*'|"(?:[^"\\]|\\.)*")""",  # a quoted scalar
    re.MULTILINE,
)


def _flow_too_deep(text: str, limit: int) -> int | None:
    """The line where `[`/`{` nesting first exceeds `limit`, by one linear scan (quotes and comments
    skipped) — ruamel's scanner takes time quadratic in flow depth, so deep input is refused before
    it parses. A stray bracket in prose counts too; only very many unbalanced ones would be refused."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth, line = 0, 1
    for match in _FLOW_TOKENS.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in ("[", "{"):
            depth += 1
            if depth > limit:
                return line
        elif token in ("]", "}"):
            depth = max(depth - 1, 0)
        else:
            line += token.count("\n")
    return None


# --- JSON ----------------------------------------------------------------------------------------


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def load_json(text: str | bytes, name: str | Path, error: type[TolkaError], lang: str | None = None) -> Any:
    """Parse JSON strictly: no duplicate keys, no NaN/Infinity, no huge integers, bounded nesting."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_int=_bounded_int)
    except _DuplicateKey as exc:
        raise error(say("duplicate_key", lang, key=shown(exc.args[0])), file=name) from None
    except json.JSONDecodeError as exc:  # the parser's own words are English: say where, in the reader's language
        raise error(say("not_json", lang, column=exc.colno), file=name, line=exc.lineno) from None
    except UnicodeDecodeError:
        raise error(say("not_utf8", lang, offset="?"), file=name) from None
    except RecursionError:
        raise error(say("too_deep", lang, limit=CASE_DEPTH), file=name) from None
    except ValueError as exc:
        raise error(say("bad_number", lang, value=shown(str(exc.args[0]) if exc.args else "")), file=name) from None
    check_tree(data, name, error, CASE_DEPTH, lang)
    return data


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > INT_DIGITS:
        raise ValueError(text)
    return int(text)


def check_tree(data: Any, name: str | Path, error: type[TolkaError], depth: int, lang: str | None = None) -> None:
    """Walk parsed data once (iteratively): nesting within `depth`, strings valid Unicode.

    Numbers are left to the facts that read them (`case.coerce_fact`), so that every bad value of a
    case is reported at once."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list, CommentedMap, CommentedSeq)):
            if level > depth:
                raise error(say("too_deep", lang, limit=depth), file=name)
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in items:
                if isinstance(key, str):
                    _valid_text(key, name, error, lang)
                stack.append((value, level + 1))
        elif isinstance(node, str):
            _valid_text(node, name, error, lang)


def _valid_text(text: str, name: str | Path, error: type[TolkaError], lang: str | None) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise error(say("surrogate", lang, value=shown(text)), file=name) from None


def finite_number(value: Any) -> bool:
    """Whether `value` is an int or float (not a bool) that is finite and of bounded size."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, int):
        return value.bit_length() <= INT_DIGITS * 4
    return math.isfinite(value)
