"""Errors a user can act on: each names the file and line it comes from and carries a hint.

Two families: `RulebookError` (something is wrong in the rule files; `tolka check` lists them all)
and `CaseError` (something is wrong in a case or a command-line value; the CLI exits with 2).
`EngineInvariantError` is the only error that means a bug in tolka itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Self

from tolka.i18n import N_

if TYPE_CHECKING:
    from tolka.i18n import Translator


def _translator(lang: str) -> Translator:
    from tolka.i18n import translator  # at first use: most errors are never rendered

    return translator("sv" if lang == "sv" else "nb" if lang == "nb" else "en")


class TolkaError(Exception):
    """Base class: a message plus where it comes from and what to do about it."""

    kind = "error"

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column
        self.hint = hint

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

    def render(self, lang: str = "en") -> str:
        """One line `file:line: kind: message` (`kind: message` for a command-line value, which has no
        file), then the hint on its own line. `lang` words the kind and the hint's label; the message
        and the hint were worded where the error was raised."""
        _ = _translator(lang)
        where = f"{self.location}: " if self.file is not None or self.line is not None else ""
        text = f"{where}{_(self.kind)}: {self.message}"
        if self.hint:
            label = _("hint")
            text += f"\n    {label}: {self.hint}"
        return text

    def __str__(self) -> str:
        return self.render()


# --- the rulebook -------------------------------------------------------------------------------


class RulebookError(TolkaError):
    """A problem in the rule files."""


class YamlSyntaxError(RulebookError):
    kind = "YAML syntax"


class UnsafeYamlError(RulebookError):
    kind = "unsafe YAML"


class SchemaError(RulebookError):
    kind = "schema"


class UnknownNameError(RulebookError):
    kind = "unknown name"


class DuplicateIdError(RulebookError):
    kind = "duplicate id"


class CycleError(RulebookError):
    kind = "cycle"


class OverlappingValidityError(RulebookError):
    kind = "overlapping validity"


class MissingCitationError(RulebookError):
    kind = "missing citation"


class ExpressionSyntaxError(RulebookError):
    kind = "expression syntax"


class ExpressionTypeError(RulebookError):
    kind = "expression type"


class StaticConflictError(RulebookError):
    kind = "conflict"


class CitationValidityError(RulebookError):
    kind = "citation out of force"


class RulebookWarning(RulebookError):
    """Allowed, but worth a reviewer's look: `tolka check` lists it and the rulebook still loads.

    Subclasses name what is doubtful (an unverified rule that alone decides, a source older than
    the rule that reads it, a condition that can never hold …) in `kind`.
    """

    kind = "warning"

    def render(self, lang: str = "en") -> str:
        """`file:line: warning: kind: message`, then the hint on its own line (in English: `tolka check`
        speaks to rule authors, whose files are written in English)."""
        label = "warning" if self.kind == "warning" else f"warning: {self.kind}"
        text = f"{self.location}: {label}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class SourceOlderThanRuleWarning(RulebookWarning):
    kind = "source older than the rule"


class UnverifiedDecidesWarning(RulebookWarning):
    """Unverified content (a rule or a reading) is all that makes an outcome `not_eligible`."""

    kind = "unverified decides"


class ConstantConditionWarning(RulebookWarning):
    """A condition that can never be true, or is true whenever its facts are known, within the
    ranges the vocabulary declares (`tolka.load.ranges`)."""

    kind = "constant condition"


class OtherCountryWarning(RulebookWarning):
    """A rule reads a fact the vocabulary marks as belonging to the other country only."""

    kind = "other country"


class ConflictUncheckedWarning(RulebookWarning):
    """Two rules that set the same aspect of a support were too large to check for a conflict."""

    kind = "conflict not checked"


class CitationOutOfForceWarning(RulebookWarning):
    """A rule, route or default cites a provision that is not in force for part of its period."""

    kind = "citation out of force"


class LimitWordingError(RulebookError):
    """A date limit in a condition without the law's wording beside it, or wording for no limit."""

    kind = "limit"


class RulebookInvalid(TolkaError):
    """Raised when a rulebook has errors; carries all of them, in file order."""

    kind = "invalid rulebook"

    def __init__(self, errors: list[RulebookError]) -> None:
        super().__init__(f"{len(errors)} error(s) in the rulebook", hint="run `tolka check` to list them")
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


# --- bugs ---------------------------------------------------------------------------------------


class EngineInvariantError(RuntimeError):
    """An invariant of the engine failed. This is a bug in tolka, never in the user's input."""
