"""The CLI's help and click's own words (usage errors, headings) in the reader's language.

A case worker who types `tolka evaluate --help` or mistypes an option reads the answer in Swedish
or Norwegian, like the rest of the output. The language is the command line's `--lang` if given
(looked up before click parses, since `--help` and usage errors come first), else the locale's
(`default_language`).

Two kinds of text, both in the `cli` catalogue (docs/i18n.md):

* tolka's own help — command docstrings and option `help=` texts — is translated when help is
  printed: `TranslatedCommand` swaps each text for its translation while click formats it. The
  English text as written in the source (a docstring without its indentation) is the message
  id; `python -m tolka.i18n.catalogues update` collects them by walking the command tree
  (`help_texts`).
* click's own words ("Usage:", "Options", "No such option …", "Try … for help.") come from
  click's modules, which bind `gettext.gettext` at import under the name `_` (and `ngettext`).
  `install` points those names at the `cli` catalogue of the chosen language: click has no other
  hook for a catalogue that is not a compiled .mo file in a gettext folder, and tolka keeps .po
  files only. The ids are listed in `CLICK_WORDS` exactly as click 8 writes them; a text click
  words differently in a later release simply stays English.
* metavariables — what an option or argument takes (`FILE`, `TEXT`, `INTEGER`, `CASE_FILE`,
  `[OPTIONS]`) — are translated with the context `metavar` (`ÄRENDEFIL`, `HELTALL`): every
  tolka command sets its parameters' metavariables in the installed language whenever click asks
  for them (help, usage line, "Missing argument …"). Lists of choices (`[sv|en|nb]`,
  `[text|json]`) stay as written: they are what the reader types.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import weakref
from collections.abc import Iterator, Sequence
from typing import Any

import click

from tolka.i18n import N_, requoted, translations
from tolka.model.common import LANGUAGES

# The click modules that bind `_` / `ngettext` at import time and print to users.
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
)

CLICK_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Show this message and exit."),  # HELP_OPTION
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("Aborted!"),
    N_("Missing command."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("unknown error"),
    N_("Could not open file {filename!r}: {message}"),
    N_("Option {name!r} does not take a value."),
    N_("Choose from:\n\t{choices}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    # the names of click's number types, in "{value!r} is not a valid {number_type}."
    N_("integer"),
    N_("float"),
    N_("integer range"),
    N_("float range"),
)
# click's plural messages: (singular, plural) as click writes them.
CLICK_PLURALS = (
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."),
)

# The words click writes on the usage line itself (Command.options_metavar, Group.subcommand_metavar).
USAGE_METAVARS = ("[OPTIONS]", "COMMAND [ARGS]...")
METAVAR = "metavar"  # the message context of metavariables: "FILE" is not the word "file"

_language = "en"


def language_in(args: Sequence[str], default: str) -> str:
    """The `--lang` given on the command line (`--lang sv` or `--lang=sv`), else `default`. Given
    twice (`tolka --lang sv evaluate --lang nb`), the last wins, as the command's own does."""
    found = default
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = arg[len("--lang=") :] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        if value in LANGUAGES:
            found = value
    return found


def installed() -> str:
    """The language `install` chose for this command line (its `--lang`, else the locale's): what a
    value is checked in while click parses, before the command's own `--lang` is read."""
    return _language


class _Words(str):
    """One of click's sentences in the installed language. click fills in its values with
    `.format`, some of them quoted by repr or between straight quotes ('--date', 'xml', 'text',
    'json'): the filled-in sentence shows them in the language's quotation marks
    (`tolka.i18n.requoted`), and the name of a number type (`integer range`) in its words."""

    language = "en"

    def format(self, *args: object, **values: object) -> str:
        if "number_type" in values:
            values["number_type"] = translations(self.language, "cli").gettext(str(values["number_type"]))
        return requoted(str.format(self, *args, **values), self.language)


def _sentences(language: str, function: Any) -> Any:
    """`function` (the catalogue's gettext or ngettext) returning `_Words` of `language`."""
    words = type("_Words", (_Words,), {"language": language})

    def translated(*args: Any) -> str:
        return words(function(*args))

    return translated


def install(language: str) -> None:
    """Let click's own words and tolka's help speak `language` from now on in this process."""
    global _language
    _language = language
    catalogue = translations(language, "cli")
    gettext, ngettext = _sentences(language, catalogue.gettext), _sentences(language, catalogue.ngettext)
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


HELP_OPTION = "Show this message and exit."  # click's words for --help, as click 8 writes them


@contextlib.contextmanager
def _translated(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """The command's and its options' help in the installed language while click formats it."""
    gettext = translations(_language, "cli").gettext
    saved: list[tuple[Any, str, str]] = []
    for item in (command, *command.get_params(ctx)):
        for attribute in ("help", "short_help"):
            text = getattr(item, attribute, None)
            if text:
                saved.append((item, attribute, text))
                setattr(item, attribute, gettext(inspect.cleandoc(text)))
    try:
        yield
    finally:
        for item, attribute, text in saved:
            setattr(item, attribute, text)


# Each parameter's metavariable as the source set it (None: click's default), kept while the
# parameter shows a translated one.
_source_metavars: weakref.WeakKeyDictionary[click.Parameter, str | None] = weakref.WeakKeyDictionary()


def english_metavar(param: click.Parameter, ctx: click.Context) -> str | None:
    """The English word click shows for what `param` takes (without its brackets or dots), or None
    when it shows a list of choices, which the reader types as written."""
    source = _source_metavars.get(param, param.metavar)  # not the translation shown last
    if source is not None:
        return source
    if isinstance(param, click.Argument):
        return (param.name or "").upper() or None
    if param.type.get_metavar(param=param, ctx=ctx) is not None:
        return None  # [sv|en|nb], date formats: values, not words
    if isinstance(param.type, click.Path):
        # click names a path type through gettext when it is created (`_("file")`): in whatever
        # language was installed at import. The English word is what the type accepts.
        if param.type.file_okay and not param.type.dir_okay:
            return "FILE"
        return "DIRECTORY" if param.type.dir_okay and not param.type.file_okay else "PATH"
    return param.type.name.upper()


def _translate_metavar(param: click.Parameter, ctx: click.Context) -> None:
    """Set `param`'s metavariable in the installed language (click adds brackets and dots to it)."""
    source = _source_metavars.setdefault(param, param.metavar)
    param.metavar = source
    english = english_metavar(param, ctx)
    if english is None:
        return
    shown = param.make_metavar(ctx)  # as click writes it: `[PATH]`, `FILE...`, `FILEN` (see above)
    written = source if source is not None else english
    if isinstance(param, click.Option) and source is None:
        written = param.type.name.upper()
    translated = translations(_language, "cli").pgettext(METAVAR, english)
    param.metavar = shown.replace(written, translated, 1)


class TranslatedHelp(click.Command):
    """Help printed in the language `install` chose (a mixin for commands and groups)."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        # click asks for the parameters whenever it shows one (help, usage, a missing argument):
        # their metavariables follow the language installed now.
        params = super().get_params(ctx)
        for param in params:
            _translate_metavar(param, ctx)
        return params

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        catalogue = translations(_language, "cli")
        pieces = super().collect_usage_pieces(ctx)
        return [catalogue.pgettext(METAVAR, piece) if piece in USAGE_METAVARS else piece for piece in pieces]

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, ctx):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        text = self.short_help or self.help
        if not text:
            return super().get_short_help_str(limit)
        saved = self.short_help, self.help
        self.short_help, self.help = None, translations(_language, "cli").gettext(inspect.cleandoc(text))
        try:
            return super().get_short_help_str(limit)
        finally:
            self.short_help, self.help = saved

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click keeps the --help option it made first, with its help in the language of that
        # moment: give it the words of the language installed now.
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = translations(_language, "cli").gettext(HELP_OPTION)
        return option


class TranslatedCommand(TranslatedHelp):
    """A tolka subcommand (the group's `command_class`)."""


def metavars(group: click.Group) -> Iterator[str]:
    """Every metavariable of `group`, its commands and their options, in English (context `metavar`)."""
    yield from USAGE_METAVARS
    context = click.Context(group)
    for command in [group, *(group.get_command(context, name) for name in group.list_commands(context))]:
        if command is None:
            continue
        for param in command.params:
            english = english_metavar(param, click.Context(command, parent=context))
            if english is not None:
                yield english


def help_texts(group: click.Group) -> Iterator[str]:
    """Every help text of `group`, its commands and their options, as written in the source."""
    context = click.Context(group)
    for command in [group, *(group.get_command(context, name) for name in group.list_commands(context))]:
        if command is None:
            continue
        for item in (command, *command.params):
            for attribute in ("help", "short_help"):
                text = getattr(item, attribute, None)
                if text:
                    yield inspect.cleandoc(text)  # a docstring's indentation is not part of the text
