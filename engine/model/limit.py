"""Age and date limits as the law words them, kept next to the condition that encodes them.

A rule or definition whose condition compares the evaluation date with a calendar term
(`evaluation_date >= start_of_quarter_after(turns(birth_date, 16))`) lists each such comparison
under `limits:` with the provision and the statute's own wording. `tolka check` refuses a
comparison without its entry and an entry the condition does not contain; docs/limits.md and the
boundary tests are generated from these entries.
"""

from __future__ import annotations

from typing import Literal

from tolka.model.common import Identifier, Model, Text

Bound = Literal["from", "until", "before", "after"]
# How each bound reads as a comparison of the evaluation date with the limit's date.
BOUND_OPERATORS: dict[str, str] = {"from": ">=", "until": "<=", "before": "<", "after": ">"}


class Limit(Model):
    """One limit: `bound` the date `term` (see tolka.periods), citing `provision`, worded as the law words it."""

    bound: Bound
    term: str
    provision: Identifier
    wording: Text
    verified: bool = True
    note: Text | None = None

    @property
    def condition(self) -> str:
        """The comparison the limit stands for, as rule text."""
        return f"evaluation_date {BOUND_OPERATORS[self.bound]} {self.term}"
