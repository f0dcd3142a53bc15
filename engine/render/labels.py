"""Labels for the engine's codes (statuses, legal statuses, roles, ...), translated through the catalogues.

The tables map a data key (English everywhere) to its English label, marked with `N_` so that
Babel extracts it; `word` translates it (tolka.i18n, docs/i18n.md).
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tolka.i18n import N_, translator
from tolka.model.common import Language

if TYPE_CHECKING:
    from tolka.rulebook import Rulebook

STATUS = {
    "eligible": N_("eligible"),
    "eligible_after_decision": N_("eligible after a needs-assessed decision"),
    "eligible_after_application": N_("eligible after application"),
    "not_eligible": N_("not eligible"),
    "not_eligible_as_a_rule": N_("not eligible as a rule — an individual assessment can grant it"),
    "not_offered": N_("not offered here"),
    "undetermined": N_("undetermined"),
    "conflict": N_("conflict in the rulebook"),
}

LEGAL_STATUS = {
    "mandated_by_law": N_("mandated by law"),
    "mandated_by_local_reading": N_("mandated by this jurisdiction's reading"),
    "recommended_by_national_guidance": N_("recommended by national guidance"),
    "discretionary": N_("discretionary (no right to it)"),
    "not_offered": N_("not offered"),
    None: N_("undetermined"),
}

# duplicates: the tables share one shape (code → N_(English label)) by design: data for the catalogues.
BASIS = {
    "local": N_("this jurisdiction's reading"),
    "inherited": N_("inherited reading"),
    "national_default": N_("national default"),
    "no_national_position": N_("no national position"),
}

WORDS = {
    "support": N_("Support"),
    "status": N_("Status"),
    "route": N_("Route"),
    "legal_status": N_("Legal status"),
    "missing": N_("Still unknown"),
    "why": N_("Why"),
    "readings": N_("Readings used"),
    "unverified": N_("unverified"),
    "contested": N_("contested"),
    "stale": N_("source over 5 years old"),
    "example": N_("example (anonymised study unit)"),
    "fingerprint": N_("rulebook"),
    "date": N_("evaluation date"),
    "appeal": N_("appeal"),
    "not_appealable": N_("cannot be appealed"),
    "decides": N_("decides"),
    "route_info": N_("Queue and priority"),
    "source": N_("source"),
    "would_change": N_("What would change the answer"),
    "plan": N_("Action plan"),
    "if_eligible": N_("once the open questions are answered"),
    "appealable": N_("the decision can be appealed"),
    "by_counterpart": N_("Side by side across countries, by counterpart"),
    "ask_person": N_("Still to find out from the person"),
    "in_place": N_("in"),
    "assessment_when": N_("An individual assessment can grant it when {when}"),
    "supporting_facts": N_("Facts that would support an exception"),
    "not_known_yet": N_("not known yet"),
    "supported_true": N_("The facts given are grounds the law or the reading names for an exception."),
    "supported_false": N_(
        "None of the grounds named is shown by the facts given; the assessment can still weigh other circumstances."
    ),
    "supported_unknown": N_("Whether the facts support an exception is not known yet: find out the facts above."),
    "ask_assessment": N_("Ask for an individual assessment"),
    "still_possible": N_("Still possible"),
    "never_mandated_by_law": N_("not mandated by law in any case"),
    "mandated_by_law_possible": N_("can be mandated by law, depending on what is not yet known"),
    "depends_on_person": N_("depends on the person or on a local reading"),
    "depends_on": N_("depends on"),
    "if": N_("if"),
    "and": N_("and"),
    "or": N_("or"),
    "in_every_case": N_("in every case"),
    "rests_on": N_("Rests on"),
    "others_answer": N_("How other jurisdictions with a known reading answer"),
    "count": N_("count"),
    "jurisdictions": N_("jurisdictions"),
    "no_others": N_("No other jurisdiction has a published reading on these points."),
    "without_reading": N_("{n} other jurisdictions have no reading of their own: the national default applies there."),
    "ask_locally": N_("Still to find out about local practice (ask the municipality)"),
}

YES_NO = {
    True: N_("yes"),
    False: N_("no"),
}

CATEGORY = {
    "vocational": N_("Work"),
    "educational": N_("Education"),
    "financial": N_("Money"),
}

ROLE = {
    "decisive": N_("applies"),
    "default": N_("applies (default)"),
    "defeated": N_("overridden"),
    "not_applicable": N_("does not apply"),
    "unknown": N_("cannot be decided yet"),
    "conflicting": N_("in conflict"),
}


def word(table: Mapping[Any, str] | Mapping[Any, Mapping[str, str]], key: object, language: str) -> str:
    """The label of `key` in `table`, in `language`; the key itself when the table has no label.

    A table still written as {"sv", "en", "nb"} mappings (not yet moved to the catalogues) is read
    as before.
    """
    entry = table.get(key)
    if entry is None:
        return str(key)
    if isinstance(entry, str):
        return translator(as_language(language))(entry)
    return entry.get(language) or entry["en"]


def sentence(table: Mapping[Any, str], key: object, language: str, /, **values: object) -> str:
    """The sentence `key` of `table` in `language` (as `word`), with `values` filled in."""
    return word(table, key, language).format(**values)


def as_language(language: str) -> Language:
    """`language` when tolka has a catalogue for it, else English."""
    return language if language in ("sv", "nb") else "en"  # type: ignore[return-value]


def default_language() -> str:
    """`sv` or `nb` when the locale says so, else English."""
    for name in ("TOLKA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return _language_of(value)
    return _language_of(locale.getlocale()[0] or "en")


def _language_of(locale_name: str) -> str:
    """sv_SE.UTF-8 → sv; Norwegian in any form (nb, nn, no) reads Bokmål; anything else English."""
    code = locale_name.split(".")[0].split("_")[0].lower()
    return "nb" if code in ("nb", "nn", "no") else code if code == "sv" else "en"


# --- the web page (tolka.server) ----------------------------------------------------------------

KIND = {
    "country": N_("Countries (national baseline)"),
    "example_unit": N_("Example units (anonymised, from the study of six IPS/SEd units)"),
    "region": N_("Regions"),
    "county": N_("Counties"),
    "municipality": N_("Municipalities"),
    "kommunalforbund": N_("Municipal federations"),
    "samordningsforbund": N_("Coordination associations"),
    "nav_office": N_("NAV offices"),
}

COUNTRY = {
    "SE": N_("Sweden"),
    "NO": N_("Norway"),
}

PAGE = {
    "title": N_("tolka — support for young adults"),
    "tagline": N_(
        "Which support applies to a young adult with mental health problems — by which route, on what legal basis, "
        "and why."
    ),
    "privacy": N_(
        "Answer about the situation only — no names or personal identity numbers. Nothing you enter is stored or "
        "logged."
    ),
    "setup": N_("Where and when"),
    "jurisdiction": N_("Municipality, region or unit"),
    "jurisdiction_hint": N_(
        "Type to search. Example units are anonymised units from a study, not real municipalities."
    ),
    "date": N_("Evaluation date"),
    "date_hint": N_("Decides which laws and readings are in force."),
    "language": N_("Language"),
    "questions": N_("Questions, most decisive first"),
    "questions_hint": N_("Answer what you know; leave the rest empty or choose “don't know”."),
    "settles": N_("An answer settles {score} open outcome(s) on average, among them {supports}."),
    "and_more": N_("and {n} more"),
    "no_questions": N_("No question left that would settle an outcome."),
    "yes": N_("Yes"),
    "no": N_("No"),
    "dont_know": N_("Don't know"),
    "choose": N_("— choose —"),
    "submit": N_("Save answers and show outcomes"),
    "answers": N_("Answers so far"),
    "no_answers": N_("No answers yet."),
    "change": N_("Change"),
    "change_label": N_("Change the answer to: {question}"),
    "unknown_answers": N_("Answered “don't know”"),
    "ask_again": N_("Ask again"),
    "ask_again_label": N_("Ask again: {question}"),
    "outcomes": N_("Outcomes"),
    "marks": N_("Marks"),
    "details": N_("Reasons, citations and route"),
    "explain": N_("What would change the answer?"),
    "explain_label": N_("What would change the answer for {support}?"),
    "nothing_changes": N_("No single change of a fact or reading gives another answer."),
    "missing_readings": N_("Local reading not known"),
    "step_supports": N_("For"),
    "team": N_("Who in the team does what"),
    "print": N_("Print view"),
    "team_brief": N_("IPS team brief"),
    "restart": N_("Start again"),
    "answered": N_("{n} answer(s) given"),
    "error_summary": N_("Please check these answers"),
    "api": N_("JSON API (OpenAPI)"),
    "example_mark": N_("example"),
}


PERIOD = {
    "per_month": N_("per month"),
    "per_year": N_("per year"),
    "per_week": N_("per week"),
    "per_4_weeks": N_("per 4 weeks"),
}
# A numeric fact's unit as a reader says it; money is counted in the country's currency.
# What kind of answer a fact takes, for the `tolka facts` table (the type's key is what a rule author writes).
FACT_TYPE = {
    "bool": N_("yes or no"),
    "enum": N_("one of the values"),
    "integer": N_("whole number"),
    "number": N_("number"),
    "date": N_("date YYYY-MM-DD"),
    "code": N_("code"),
}

FACT_UNITS = {
    "percent": N_("per cent"),
    "years": N_("years"),
    "studiepoeng": N_("credits"),
    "money": N_("kronor"),
}


def fact_unit_text(fact: Any, language: str) -> str:
    """ "per cent", "kronor per month", "years" — or "" for a fact without a unit."""
    unit = word(FACT_UNITS, fact.unit, language) if fact.unit in FACT_UNITS else (fact.unit or "")
    if fact.period in PERIOD:
        unit = f"{unit} {word(PERIOD, fact.period, language)}"
    return unit


def fact_value_label(rulebook: Rulebook, name: str, value: object, language: str) -> str:
    """A fact's value as a person reads it: yes/no, an enum value's label, or a number with its unit."""
    fact = rulebook.facts[name]
    if fact.type == "bool":
        return word(YES_NO, bool(value), language)
    for candidate in fact.values:
        if candidate.id == value:
            return candidate.label.get(language)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    unit = fact_unit_text(fact, language) if fact.type in ("integer", "number") else ""
    return f"{value} {unit}" if unit else str(value)


# --- input errors (tolka.boundary, tolka.case, tolka.plausible) ---------------------------------
# Templates take named values that are already shortened and cleaned by `boundary.shown`.

MESSAGES = {
    "cannot_read": N_("cannot read the file: {reason}"),
    "cannot_read_case": N_("cannot read the case file: {reason}"),
    "too_large": N_("the file is larger than {limit} bytes"),
    "too_large_hint": N_("a case is a few hundred bytes; check that this is the right file"),
    "not_utf8": N_("not UTF-8 text (first bad byte at offset {offset})"),
    "not_utf8_hint": N_("save the file as UTF-8"),
    "yaml_hint": N_("check indentation, colons and quotes"),
    "not_yaml": N_("not valid YAML: the problem is in column {column}"),
    "not_json": N_("not valid JSON: the problem is in column {column}"),
    "bad_character": N_("the character U+{code} is not allowed in YAML (control characters are refused)"),
    "too_deep": N_("nested more than {limit} levels deep"),
    "duplicate_key": N_("the key {key} appears twice"),
    "no_aliases": N_("a case file cannot refer to another line (*name): write the value itself"),
    "too_many_aliases": N_("more than {limit} references to other lines (*name) in one file"),
    "nested_alias": N_("the reference {name} names a part that itself holds references (*name)"),
    "undefined_alias": N_("the reference {name} names no anchor (&name) written before it"),
    "unreadable_value": N_("the value {value} cannot be read: it is too large or not a value YAML can hold"),
    "second_document": N_("a second YAML document (after ---): a file holds one"),
    "not_yaml_at_all": N_("not valid YAML"),
    "too_large_rule_hint": N_("split the rule file into several files"),
    "tag": N_("a case file takes plain values, without tags (!!…)"),
    "tag_hint": N_("write the value itself, in quotes if it is text"),
    "bad_number": N_("the number {value} is not allowed (NaN, Infinity and integers over 30 digits are refused)"),
    "surrogate": N_("the text {value} is not valid Unicode (a lone surrogate)"),
    "date_form": N_("{value} is not a date written YYYY-MM-DD"),
    "date_impossible": N_("{value} is not a date that exists"),
    "date_range": N_("{value} is outside {low}..{high}"),
    "not_mapping": N_("a case must be a mapping of fact names to values, not {what}"),
    "a_list": N_("a list"),
    "a_text": N_("a text"),
    "a_value": N_("a single value"),
    "fact_date": N_("`{fact}` must be a date YYYY-MM-DD that exists: {reason}"),
    "fact_number": N_("`{fact}` must be a finite number, not {value}"),
    "fact_whole": N_("`{fact}` must be a whole number, not {value}"),
    "fact_range": N_("`{fact}` must be between {low} and {high}, not {value}"),
    "fact_minimum": N_("`{fact}` must be at least {low}, not {value}"),
    "fact_maximum": N_("`{fact}` must be at most {high}, not {value}"),
    "born_after": N_("`birth_date` {birth} is after the evaluation date {day}"),
    "before_birth": N_("`{fact}` {value} is before `birth_date` {birth}"),
    "since_after": N_("`{fact}` {value} is after the evaluation date {day}: at that date it had not begun"),
    "insured_longer_than_alive": N_("`years_insured_in_norway` = {years} is more than the person's age ({age})"),
    "contradiction": N_("`{first}` and `{second}` contradict each other: {why}"),
    "upper_secondary_twice": N_("the person attends upper secondary school but has completed it"),
    "problems": N_("{count} problem(s) in the case"),
    "internal": N_("internal error {id}: this is a bug in tolka, not in your input. Details: {log}"),
    "warning": N_("warning"),
}


def typed_number(value: float, language: str) -> str:
    """A number a person typed or a bound of it, in full and grouped as the language writes numbers:
    100,000,000 and 0.5 (en), 100 000 000 and 0,5 (sv, nb)."""
    text = f"{value:,.15g}"
    return text if language == "en" else text.replace(",", " ").replace(".", ",")


def phrase(key: str, language: str, /, **values: object) -> str:
    """The input-error sentence `key` in `language` (English if missing), with `values` filled in."""
    return translator(as_language(language))(MESSAGES[key], **values)
