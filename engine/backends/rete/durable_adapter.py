"""The only module that imports durable_rules.

What it guarantees, with the reasons measured on durable_rules 2.0.28 (see docs/engine.md):

* Each ruleset is registered once per process under a unique name: durable_rules cannot redefine
  or remove a ruleset (upstream #262, #157), and it deletes each rule's `run` key from the
  definitions it is given, so it gets a copy of the rule mappings (`Ruleset.__init__` changes
  nothing deeper).
* One session (`sid`) per evaluation and ruleset, and `delete_state` after it, so memory stays flat.
* Every ruleset has a sentinel rule that matches every case. An assert that matches nothing raises
  `MessageNotHandledException`, and calling `delete_state` for such a session corrupts the engine
  (a segfault at the next assert); the sentinel makes that path unreachable, and if it is reached
  anyway we raise instead of deleting.
* Actions take exactly one argument (two arguments make durable_rules treat them as asynchronous)
  and only append to a list: durable_rules swallows exceptions raised inside actions.
* The batch calls (`assert_facts`, `post_batch`) are never used: they crash with large batches.
* durable_rules' engine is process-global and not thread-safe, so evaluations are serialised.
* The host starts no background threads. durable_rules' `Host` runs two timer threads that call
  `start_action` on every ruleset every 0.2 s, outside our lock; they can take an action belonging
  to the session being asserted, which makes the sentinel count wrong (error 307) or segfaults the
  process. tolka uses neither timers nor queued actions, so those threads have nothing to do.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import durable.engine as durable_engine

from tolka.backends.rete.compile import (
    DAY_KEY,
    SENTINEL_KEY,
    CompiledNetwork,
    parse_action_name,
    scope_marker,
    unknown_marker,
)
from tolka.errors import EngineInvariantError
from tolka.expr.logic import Truth

_ruleset_names = itertools.count()
_sessions = itertools.count()
_lock = threading.Lock()

Firing = tuple[str, Truth, tuple[str, ...]]


class _Host(durable_engine.Host):
    """A durable_rules host whose actions record which leaf fired."""

    def __init__(self) -> None:
        self.fired: list[Firing] = []
        self.sentinels = 0
        super().__init__()

    def _run(self) -> None:
        """Start no dispatch threads (durable_rules' `Host.__init__` calls this; see the module notes)."""

    def get_action(self, action_name: str):
        rule_key, truth, missing = parse_action_name(action_name)
        if truth is None:

            def sentinel(c) -> None:  # one argument: a synchronous action
                self.sentinels += 1

            return sentinel
        firing = (rule_key, truth, missing)
        fired = self.fired

        def record(c) -> None:
            fired.append(firing)

        return record


class ReteNetwork:
    """A compiled rulebook registered with durable_rules, ready to evaluate case documents."""

    def __init__(self, network: CompiledNetwork) -> None:
        self._scopes_in: dict[tuple[int, frozenset[str]], tuple[str, ...]] = {}
        self._scope_order = [{scope: n for n, scope in enumerate(r.scopes)} for r in network.rulesets]
        process_tag = next(_ruleset_names)
        self._rulesets = [(f"{ruleset.name}_p{process_tag}", ruleset) for ruleset in network.rulesets]
        # Registered with durable_rules when the first case runs through it: the default back end
        # (`tolka.backends.tree`) never does, and registering parses every ruleset.
        self._registered: _Host | None = None

    @property
    def _host(self) -> _Host:
        """The durable_rules host with every ruleset registered (call with `_lock` held)."""
        if self._registered is None:
            host = _Host()
            # durable_rules deletes each rule's `run` key and reads the rest: a copy of the rule
            # mappings suffices (a deep copy of every pattern cost a third of registering).
            host.set_rulesets(
                {
                    name: {rule: dict(body) for rule, body in ruleset.definition.items()}
                    for name, ruleset in self._rulesets
                }
            )
            self._registered = host
        return self._registered

    def rulesets_for(self, rule_keys: Iterable[str]) -> tuple[int, ...]:
        """Positions of the rulesets holding any of these rules (to evaluate only those)."""
        wanted = set(rule_keys)
        return tuple(i for i, (_, ruleset) in enumerate(self._rulesets) if wanted.intersection(ruleset.rule_keys))

    @property
    def ruleset_count(self) -> int:
        return len(self._rulesets)

    @staticmethod
    def _projection(ruleset, document: Mapping[str, Any], scopes: frozenset[str]) -> tuple:
        """The part of a document one ruleset reads, as a hashable key for reuse."""
        values = tuple((key, document.get(key, _ABSENT)) for key in ruleset.keys)
        in_scope = tuple(s for s in ruleset.scopes if s in scopes)
        day = document.get(DAY_KEY) if ruleset.uses_day else None
        return values, in_scope, day

    def evaluate(
        self,
        document: Mapping[str, Any],
        scopes: frozenset[str],
        memo: dict | None = None,
        only: tuple[int, ...] | None = None,
    ) -> dict[str, tuple[Truth, tuple[str, ...]]]:
        """Run one case document through every ruleset (or the rulesets at positions `only`).

        Returns, per rule key that fired, its truth value (TRUE or UNKNOWN) and the document keys
        missing on its leaf; a rule that is absent from the result is FALSE. `memo` lets a caller
        evaluating the same case in many jurisdictions reuse results for identical projections.
        """
        results: dict[str, tuple[Truth, tuple[str, ...]]] = {}
        for index in range(len(self._rulesets)) if only is None else only:
            for rule_key, truth, missing in self.firings(index, document, scopes, memo):
                if rule_key in results and results[rule_key][0] is not truth:
                    raise EngineInvariantError(f"rule {rule_key} matched two leaves of different value")
                results[rule_key] = (truth, missing)
        return results

    def firings(
        self, index: int, document: Mapping[str, Any], scopes: frozenset[str], memo: dict | None = None
    ) -> list[Firing]:
        """The rules of the ruleset at `index` that fire (true or unknown) for the document."""
        name, ruleset = self._rulesets[index]
        if not any(s in scopes for s in ruleset.scopes):
            return []  # no rule of this ruleset can apply in this jurisdiction
        if memo is None:
            return self._run(name, ruleset, document, scopes)
        key = (name, self._projection(ruleset, document, scopes))
        if key not in memo:
            memo[key] = self._run(name, ruleset, document, scopes)
        return memo[key]

    def rule_keys(self, index: int) -> tuple[str, ...]:
        """The keys of the rules in the ruleset at `index`."""
        return self._rulesets[index][1].rule_keys

    def scopes_in(self, index: int, scopes: frozenset[str]) -> tuple[str, ...]:
        """The scopes of the ruleset at `index` that are among `scopes` (its rules that can apply)."""
        key = (index, scopes)
        found = self._scopes_in.get(key)
        if found is None:  # a ruleset can hold hundreds of local scopes, a chain only a few
            order = self._scope_order[index]
            found = self._scopes_in[key] = tuple(sorted((s for s in scopes if s in order), key=order.__getitem__))
        return found

    def reading_keys(self, index: int) -> tuple[str, ...]:
        """The document keys of readings the ruleset at `index` reads."""
        return tuple(k for k in self._rulesets[index][1].keys if k.startswith("reading__"))

    def _run(self, name: str, ruleset, document: Mapping[str, Any], scopes: frozenset[str]) -> list[Firing]:
        fact: dict[str, Any] = {SENTINEL_KEY: 1}
        for key in ruleset.keys:
            if key in document:
                fact[key] = document[key]
            else:
                fact[unknown_marker(key)] = 1
        for scope in ruleset.scopes:
            if scope in scopes:
                fact[scope_marker(scope)] = 1
        if ruleset.uses_day:
            fact[DAY_KEY] = document[DAY_KEY]
        with _lock:
            sid = str(next(_sessions))
            fact["sid"] = sid
            host = self._host
            host.fired.clear()
            before = host.sentinels
            try:
                host.assert_fact(name, fact)
            except durable_engine.MessageNotHandledException as exc:
                # The sentinel matches every fact; reaching this means the network is broken.
                # Do not delete_state here: durable_rules crashes on sessions that matched nothing.
                raise EngineInvariantError(f"ruleset {name} did not handle a case") from exc
            host.delete_state(name, sid)
            if host.sentinels != before + 1:
                raise EngineInvariantError(f"ruleset {name} did not see the case")
            firings = list(host.fired)
        return firings


class _Absent:
    """Marks a key absent from a document inside projection keys (distinct from any value)."""

    def __repr__(self) -> str:
        return "<unknown>"


_ABSENT = _Absent()
