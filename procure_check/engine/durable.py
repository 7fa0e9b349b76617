"""The durable-rules engine behind a small interface: assert a document's facts, get the rules that fired.

durable-rules is vendored (`procure_check/_vendor/durable`, with our patches listed in its PATCHES.md)
and built by procure-check's own build. Its `Host` starts timer threads that call into the C engine and
race with batch asserts (crashes in measurements); we disable them by overriding `Host._run` and drive
every action synchronously inside `assert_facts`. Each evaluation gets its own session, deleted after
use, so the 1,024-sessions-per-ruleset limit never bites.

One engine serves the whole process, and its C binding never releases the GIL: evaluations take turns
under a lock (no parallelism is lost), and each collects its own firings.
"""

import copy
import itertools
import threading
from typing import Any

from procure_check._vendor.durable import engine as durable_engine
from procure_check.engine.compile import CATCH_ALL, CompiledRuleset

Firing = tuple[str, dict[str, dict[str, Any]]]
"""A fired rule's name and, per alias of the rule, the fact it matched (as asserted)."""
GroupFiring = tuple[str, dict[str, list[dict[str, Any]]]]
"""A fired rule's name and, per alias, the facts it matched (alike facts: `RulesEngine.evaluate_groups`)."""

RULE_LIMIT = 512
"""The engine holds fewer rules than this in one ruleset (`NEXT_BUCKET_LENGTH` of its C core, one slot kept free)."""
_RULE_LIMIT_ERROR = "error code: 106"  # ERR_RULE_LIMIT_EXCEEDED, raised by create_ruleset


class RulesetTooLarge(ValueError):
    """A ruleset with more rules than the engine can hold."""


class _Host(durable_engine.Host):
    def __init__(self, on_fire):
        self._on_fire = on_fire
        self.errors: list[BaseException] = []
        """Raised by actions: durable-rules would keep them in the session state, silently."""
        super().__init__()

    def _run(self):
        """No background timers: actions run synchronously inside assert_facts."""

    def get_action(self, action_name):
        if action_name == CATCH_ALL:
            return lambda closure: None

        def action(closure):
            try:
                self._on_fire(action_name, closure._m)
            except BaseException as error:
                self.errors.append(error)

        return action


class RulesEngine:
    """One host per process; rulesets registered once; one session per evaluation, one at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fired: list[Firing] = []
        """The firings of the evaluation under way (the lock is held)."""
        self._host = _Host(self._collect)
        self._names: dict[str, str] = {}
        self._sessions = itertools.count(1)
        self.firings = 0
        """Rule actions run so far (catch-all matches not counted): the benchmark's measure of the engine's work."""

    def evaluate(self, ruleset: CompiledRuleset, facts: list[dict[str, Any]]) -> list[Firing]:
        """Assert `facts` (flat dicts with unique `id`s) in a fresh session and return what fired."""
        return [(name, dict(zip(groups, combination, strict=True)))
                for name, groups in self.evaluate_groups(ruleset, facts)
                for combination in itertools.product(*groups.values())]

    def evaluate_groups(self, ruleset: CompiledRuleset, facts: list[dict[str, Any]]) -> list[GroupFiring]:
        """As `evaluate`, each firing with the group of alike facts per alias: it fired for every combination.

        Facts that no rule can tell apart (equal in every field the rules read: the same label required in
        many clauses) are asserted once, and what fires for one fires for each (`CompiledRuleset.merges_alike`):
        the engine's work grows with the different facts, not with the facts."""
        if not facts:
            return []
        alike = _alike(ruleset, facts)
        fired = _once(self._fire(ruleset, [group[0] for group in alike.values()]))
        return [(name, {alias: alike[fact["id"]] for alias, fact in matched.items()}) for name, matched in fired]

    def _fire(self, ruleset: CompiledRuleset, facts: list[dict[str, Any]]) -> list[Firing]:
        with self._lock:
            name = self._register(ruleset)
            session = f"s{next(self._sessions)}"
            batch = [dict(fact, sid=session, seq=seq) for seq, fact in enumerate(facts)]
            self._fired, self._host.errors = [], []
            try:
                self._host.assert_facts(name, batch)
            finally:
                self._host.delete_state(name, session)
            fired, errors = self._fired, self._host.errors
            self._fired, self._host.errors = [], []
        if errors:
            raise errors[0]
        return fired

    def _collect(self, name: str, matched: dict[str, dict[str, Any]]) -> None:
        # Only the ids are kept: `evaluate` answers with the facts it was given.
        self._fired.append((name, {alias: {"id": fact["id"]} for alias, fact in matched.items()}))
        self.firings += 1

    def _register(self, ruleset: CompiledRuleset) -> str:
        key = ruleset.key
        if key not in self._names:
            name = f"rules{len(self._names) + 1}"
            try:
                # set_rulesets deletes each rule's "run": give it a copy.
                self._host.set_rulesets({name: copy.deepcopy(ruleset.definition)})
            except durable_engine.durable_rules_engine.error as error:
                if _RULE_LIMIT_ERROR not in str(error):
                    raise
                raise RulesetTooLarge(f"{len(ruleset.definition)} rules in one ruleset; the rules engine holds "
                                      f"at most {RULE_LIMIT - 1}") from None
            self._names[key] = name
        return self._names[key]


def _once(fired: list[Firing]) -> list[Firing]:
    """Each firing once: the engine tries the options of an `any` condition one by one, and a fact that meets two
    of them ("licence withdrawn", and a validity date past) fires the rule twice."""
    seen = set()
    return [(name, matched) for name, matched in fired
            if not ((key := (name, *(fact["id"] for fact in matched.values()))) in seen or seen.add(key))]


def _alike(ruleset: CompiledRuleset, facts: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The facts in groups that no rule can tell apart, by the id of each group's first fact (every fact its own
    group where the ruleset cannot merge them)."""
    if not ruleset.merges_alike:
        return {fact["id"]: [fact] for fact in facts}
    fields = ruleset.read_fields
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for fact in facts:
        groups.setdefault(tuple([fact.get(field, _ABSENT) for field in fields]), []).append(fact)
    return {group[0]["id"]: group for group in groups.values()}


_ABSENT = object()

_ENGINE: RulesEngine | None = None
_ENGINE_LOCK = threading.Lock()


def engine() -> RulesEngine:
    """The process's engine (durable-rules hosts are not shared across processes)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = RulesEngine()
        return _ENGINE
