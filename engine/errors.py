"""Errors a user can act on: each names the file and line it comes from and carries a hint.

Two families: `RulebookError` (something is wrong in the rule files; `tolka check` lists them all)
and `CaseError` (something is wrong in a case or a command-line value; the CLI exits with 2).
`EngineInvariantError` is the only error that means a bug in tolka itself.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Self

from tolka.i18n import N_, quoted_value

if TYPE_CHECKING:
    from tolka.i18n import Translator


def _translator(lang: str) -> Translator:
    from tolka.i18n import translator  # at first use: most errors are never rendered

    return translator("sv" if lang == "sv" else "nb" if lang == "nb" else "en")


def _worded(template: str, values: Mapping[str, object], _: Translator | None) -> str:
    """`template` with `values` filled in: in English when `_` is None, else translated by `_` (a
    `Phrase` among the values is worded in the same language). As the translator does, a template
    is formatted only when it has values, so a message without any may hold braces as written."""
    text = _(template) if _ is not None else template
    if not values:
        return text
    return text.format(**{name: _value(value, _) for name, value in values.items()})


def _value(value: object, _: Translator | None) -> object:
    """A value as it goes into a message: a `Phrase` worded, a tuple listed with commas, a value in
    straight quotes in the language's quotation marks (`tolka.i18n.quoted_value`), else as is."""
    if isinstance(value, Phrase):
        return value.worded(_)
    if isinstance(value, tuple):
        return ", ".join(str(_value(item, _)) for item in value)
    return quoted_value(value, _.language) if _ is not None else value


class Phrase:
    """A piece of a message that is itself worded in the reader's language (`what` in "two versions
    of {what} …"): a message id marked with `N_` and its named values, like an error's message."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values

    def worded(self, _: Translator | None = None) -> str:
        """The phrase in the language of `_` (English without one)."""
        return _worded(self.template, self.values, _)

    def __str__(self) -> str:
        return self.worded()

    def __repr__(self) -> str:
        return f"Phrase({self.template!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash(self.template)

    def __reduce__(self) -> tuple[object, ...]:  # keyword-only values: pickled rulebooks keep warnings
        return (_phrase, (self.template, self.values))


def _phrase(template: str, values: dict[str, object]) -> Phrase:
    return Phrase(template, **values)


class InvalidValue(ValueError):
    """Raised by a model's validator: pydantic reports it as a `value_error` keeping this exception,
    so the schema error can word the message id and its values in the reader's language
    (`tolka.load.schema_messages`). `str()` is the English sentence, as for a plain ValueError."""

    def __init__(self, template: str, /, **values: object) -> None:
        super().__init__(_worded(template, values, None))
        self.phrase = Phrase(template, **values)


class TolkaError(Exception):
    """Base class: a message plus where it comes from and what to do about it.

    The message and the hint are message ids (English, marked with `N_`) with `{name}` placeholders
    filled from the named values, so that `render(lang)` can word them in the reader's language:

        raise SchemaError(N_("unknown key `{key}`"), key=key, file=rel, line=line, hint=N_("check the spelling"))

    `message`, `hint` and `str(error)` are the English sentences (tests, logs and JSON read them).
    A value that is itself a phrase to translate is a `Phrase` (so may be the message); a tuple of
    values is listed with commas.
    """

    kind = N_("error")

    def __init__(
        self,
        message: str | Phrase,
        /,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        **values: object,
    ) -> None:
        if isinstance(message, Phrase):  # a message id worded elsewhere, with its values
            values = {**message.values, **values}
            message = message.template
        english = _worded(message, values, None)
        super().__init__(english)
        self.template = message
        self.hint_template = hint
        self.values = values
        self.context: list[Phrase | str] = []  # what the message is about, outermost first (`within`)
        self.message = english
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column
        self.hint = _worded(hint, values, None) if hint is not None else None

    def within(self, what: Phrase | str) -> Self:
        """Name what the message is about, before it (`amount x, step y: …`); a `str` is data shown
        as written (a key path such as `rules.0.then`). Returns self."""
        self.context.insert(0, what)
        self.message = f"{what}: {self.message}"
        return self

    def located(self, file: str | Path | None, line: int | None) -> Self:
        """Attach a location if the error does not carry one yet (returns self)."""
        if self.file is None and file is not None:
            self.file = str(file)
        if self.line is None:
            self.line = line
        return self

    @property
    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)  # `column` counts within a condition; messages name it themselves

    def words(self, lang: str = "en") -> tuple[str, str | None]:
        """The message and the hint in `lang` (the hint None when there is none)."""
        _ = _translator(lang)
        context = [part.worded(_) if isinstance(part, Phrase) else part for part in self.context]
        message = ": ".join([*context, _worded(self.template, self.values, _)])
        hint = _worded(self.hint_template, self.values, _) if self.hint_template is not None else None
        return message, hint

    def render(self, lang: str = "en") -> str:
        """One line `file:line: kind: message` (`kind: message` for a command-line value, which has no
        file), then the hint on its own line, all in `lang`."""
        _ = _translator(lang)
        message, hint = self.words(lang)
        where = f"{self.location}: " if self.file is not None or self.line is not None else ""
        text = f"{where}{_(self.kind)}: {message}"
        if hint:
            text += "\n    " + _("hint") + f": {hint}"
        return text

    def __str__(self) -> str:
        return self.render()


# --- the rulebook -------------------------------------------------------------------------------


class RulebookError(TolkaError):
    """A problem in the rule files."""


class YamlSyntaxError(RulebookError):
    kind = N_("YAML syntax")


class UnsafeYamlError(RulebookError):
    kind = N_("unsafe YAML")


class SchemaError(RulebookError):
    kind = N_("schema")


class UnknownNameError(RulebookError):
    kind = N_("unknown name")


class DuplicateIdError(RulebookError):
    kind = N_("duplicate id")


class CycleError(RulebookError):
    kind = N_("cycle")


class OverlappingValidityError(RulebookError):
    kind = N_("overlapping validity")


class MissingCitationError(RulebookError):
    kind = N_("missing citation")


class ExpressionSyntaxError(RulebookError):
    kind = N_("expression syntax")


class ExpressionTypeError(RulebookError):
    kind = N_("expression type")


class StaticConflictError(RulebookError):
    kind = N_("conflict")


class CitationValidityError(RulebookError):
    kind = N_("citation out of force")


class RulebookWarning(RulebookError):
    """Allowed, but worth a reviewer's look: `tolka check` lists it and the rulebook still loads.

    Subclasses name what is doubtful (an unverified rule that alone decides, a source older than
    the rule that reads it, a condition that can never hold …) in `kind`.
    """

    kind = N_("warning")

    def render(self, lang: str = "en") -> str:
        """`file:line: warning: kind: message`, then the hint on its own line, all in `lang`."""
        _ = _translator(lang)
        message, hint = self.words(lang)
        warning = _("warning")
        label = warning if self.kind == "warning" else f"{warning}: {_(self.kind)}"
        text = f"{self.location}: {label}: {message}"
        if hint:
            text += "\n    " + _("hint") + f": {hint}"
        return text


class SourceOlderThanRuleWarning(RulebookWarning):
    kind = N_("source older than the rule")


class UnverifiedDecidesWarning(RulebookWarning):
    """Unverified content (a rule or a reading) is all that makes an outcome `not_eligible`."""

    kind = N_("unverified decides")


class ConstantConditionWarning(RulebookWarning):
    """A condition that can never be true, or is true whenever its facts are known, within the
    ranges the vocabulary declares (`tolka.load.ranges`)."""

    kind = N_("constant condition")


class OtherCountryWarning(RulebookWarning):
    """A rule reads a fact the vocabulary marks as belonging to the other country only."""

    kind = N_("other country")


class ConflictUncheckedWarning(RulebookWarning):
    """Two rules that set the same aspect of a support were too large to check for a conflict."""

    kind = N_("conflict not checked")


class CitationOutOfForceWarning(RulebookWarning):
    """A rule, route or default cites a provision that is not in force for part of its period."""

    kind = N_("citation out of force")


class LimitWordingError(RulebookError):
    """A date limit in a condition without the law's wording beside it, or wording for no limit."""

    kind = N_("limit")


class RulebookInvalid(TolkaError):
    """Raised when a rulebook has errors; carries all of them, in file order."""

    kind = N_("invalid rulebook")

    def __init__(self, errors: list[RulebookError]) -> None:
        super().__init__(
            N_("{count} error(s) in the rulebook"), hint=N_("run `tolka check` to list them"), count=len(errors)
        )
        self.errors = errors


# --- cases and command-line values --------------------------------------------------------------


class CaseError(TolkaError):
    """A problem in a case file or a value given on the command line."""


class CaseFileError(CaseError):
    kind = N_("case file")


class RequestBodyError(CaseError):
    """An API request body that is not strict JSON (duplicate keys, NaN, too deep, not UTF-8)."""

    kind = N_("invalid JSON")


class UnknownFactError(CaseError):
    kind = N_("unknown fact")


class FactValueError(CaseError):
    kind = N_("fact value")


class CaseInvalid(CaseError):
    """Several problems in one case, all reported at once (each names its fact and line)."""

    kind = N_("invalid case")

    def __init__(self, errors: list[CaseError], message: str) -> None:
        super().__init__(message)
        self.errors = errors

    def located(self, file: str | Path | None, line: int | None) -> Self:
        """Locate every problem in `file` (each keeps its own line)."""
        for error in self.errors:
            error.located(file, None)
        return super().located(file, line)

    def render(self, lang: str = "en") -> str:
        return "\n".join(error.render(lang) for error in self.errors) + f"\n{self.location}: {self.message}"


class UnknownIdError(CaseError):
    """An id given on the command line (support, jurisdiction, point) that the rulebook lacks."""

    kind = N_("unknown id")


class OptionError(CaseError):
    """Command-line options that do not fit together, or a value an option does not take (beyond
    what click checks itself): `tolka population` without `--out` or `--summary`."""

    kind = N_("option")


class PeopleFileError(CaseFileError):
    """A people file of `tolka population` (or one `tolka synth` is asked to write) that cannot be
    read or written as one."""

    kind = N_("people file")


class DistributionFileError(CaseFileError):
    """A distribution file of `tolka synth` that cannot be read or does not fit the vocabulary."""

    kind = N_("distribution file")


class ResultsFileError(CaseFileError):
    """Population results: where they are to be written, or compact results `tolka expand` reads back."""

    kind = N_("results file")


# What the operating system says when a file cannot be opened, in words a reader can translate.
OS_REASONS = {
    errno.ENOENT: N_("there is no such file"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}


def os_reason(exc: OSError) -> Phrase:
    """Why a file could not be opened, as a `Phrase` in the reader's language: the common reasons
    have words of their own; a rare one is the system's own text (`strerror`), quoted as data."""
    template = OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if template is not None:
        return Phrase(template)
    return Phrase(N_("the system reports: {reason}"), reason=exc.strerror or type(exc).__name__)


def check_writable(path: Path, error: type[CaseFileError]) -> None:
    """Refuse, before any work, a file that cannot be written where it is to go — its folder does
    not exist or may not be written to — with an `error` in the reader's words (a mistyped
    `--out` folder is the user's mistake, not a bug in tolka)."""
    folder = path.parent
    if not folder.is_dir():
        reason = Phrase(N_("there is no folder {folder}"), folder=str(folder))
    elif not os.access(folder, os.W_OK):
        reason = Phrase(N_("the folder {folder} may not be written to"), folder=str(folder))
    elif path.is_dir():
        reason = Phrase(N_("it is a folder, not a file"))
    else:
        return
    raise error(N_("cannot write {name}: {reason}"), name=path.name, reason=reason)


# --- bugs ---------------------------------------------------------------------------------------


class EngineInvariantError(RuntimeError):
    """An invariant of the engine failed. This is a bug in tolka, never in the user's input."""
