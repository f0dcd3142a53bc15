"""The rulebook for legal review (`tolka rules`) and the catalogues (`tolka facts`, `tolka supports`)."""

from __future__ import annotations

from tolka.citations import citation
from tolka.i18n import translator
from tolka.model import contract as C
from tolka.model.catalogue import Support
from tolka.render.labels import CATEGORY, WORDS, as_language, word
from tolka.render.report import Block, Bullets, Heading, Paragraph
from tolka.rulebook import Rulebook, RuleEntry


def rule_data(rulebook: Rulebook, entry: RuleEntry) -> C.RuleOut:
    return C.RuleOut(
        id=entry.rule.id,
        key=entry.key,
        support=entry.rule.support,
        scope=entry.scope,
        condition=entry.rule.when,
        default=entry.rule.default,
        then=entry.rule.then.aspects(),
        exception_to=list(entry.rule.exception_to),
        citations=[citation(rulebook, p) for p in entry.rule.cites],
        valid_from=entry.validity.valid_from.isoformat() if entry.validity.valid_from else None,
        valid_to=entry.validity.valid_to.isoformat() if entry.validity.valid_to else None,
        verified=entry.rule.verified,
        explanation=entry.rule.explanation,
        note=entry.rule.note,
        file=str(entry.origin),
    )


def rules_data(rulebook: Rulebook, entries: list[RuleEntry]) -> C.RulesOut:
    """`tolka rules --format json`."""
    return C.RulesOut(rulebook_fingerprint=rulebook.fingerprint, rules=[rule_data(rulebook, e) for e in entries])


def facts_data(rulebook: Rulebook) -> C.FactsOut:
    """`tolka facts --format json` and `GET /api/facts`."""
    return C.FactsOut(rulebook_fingerprint=rulebook.fingerprint, facts=list(rulebook.facts.values()))


def chosen_supports(rulebook: Rulebook, country: str | None, category: str | None) -> list[Support]:
    return [
        s
        for s in rulebook.supports.values()
        if (country is None or s.country == country) and (category is None or s.category == category)
    ]


def support_out(rulebook: Rulebook, support: Support) -> C.SupportOut:
    """A support as the contract gives it: each period's provisions as citation objects."""
    periods = [
        C.BenefitPeriodOut(
            **period.model_dump(exclude={"cites"}), citations=[citation(rulebook, p) for p in period.cites]
        )
        for period in support.periods
    ]
    return C.SupportOut(**support.model_dump(exclude={"periods"}), periods=periods)


def supports_data(rulebook: Rulebook, chosen: list[Support]) -> C.SupportsOut:
    """`tolka supports --format json` and `GET /api/supports`."""
    return C.SupportsOut(rulebook_fingerprint=rulebook.fingerprint, supports=[support_out(rulebook, s) for s in chosen])


def rules_markdown(rulebook: Rulebook, chosen: list[RuleEntry], language: str) -> list[Block]:
    """`tolka rules` as text or Markdown: the `chosen` rules under their supports, in rulebook order.

    Conditions and conclusions stay as written in the rule files (that is what a legal reviewer
    checks); the labels around them are in `language`."""
    _ = translator(as_language(language))
    unverified = word(WORDS, "unverified", language)
    blocks: list[Block] = [
        Heading(1, _("The tolka rulebook")),
        Paragraph(f"{word(WORDS, 'fingerprint', language)}: {rulebook.fingerprint}"),
    ]
    for support in rulebook.supports.values():
        entries = [e for e in chosen if e.rule.support == support.id]
        if not entries:
            continue
        category = word(CATEGORY, support.category, language)
        blocks.append(Heading(2, f"{support.name.get(language)} ({support.id}, {support.country}, {category})"))
        for entry in entries:
            data = rule_data(rulebook, entry)
            condition = _("(default)") if entry.rule.default else f"`{entry.rule.when or ''}`"
            cited = "; ".join(c.text + ("" if c.verified else f" [{unverified}]") for c in data.citations)
            lines = [
                _("condition: {condition}", condition=condition),
                _("then: {conclusion}", conclusion=", ".join(f"{k} = {v}" for k, v in data.then.items())),
                _("cites: {citations}", citations=cited),
                _("in force: {period}; scope: {scope}", period=entry.validity.period, scope=entry.scope),
            ]
            if entry.rule.exception_to:
                lines.append(_("exception to: {rules}", rules=", ".join(entry.rule.exception_to)))
            if not entry.rule.verified:
                lines.append(_("rule marked unverified"))
            if entry.rule.explanation:
                lines.append(_("why: {text}", text=entry.rule.explanation.get(language)))
            if entry.rule.note:
                lines.append(_("note: {text}", text=entry.rule.note.get(language)))
            lines.append(_("file: {path}", path=entry.origin))
            blocks += [Heading(3, entry.key), Bullets(lines)]
    return blocks
