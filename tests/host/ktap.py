"""Parse the KTAP version 1 output that mm386's ktest runner prints.

The layout is KUnit's: a top-level plan with one result line per suite,
each suite a subtest block indented by four spaces with one result per
test case.  Anything else in the log (kernel messages, deliberate BUG and
WARNING reports made by the tests) is skipped.
"""
import re
from dataclasses import dataclass, field

RESULT = re.compile(r'^(?P<indent> *)(?P<ok>ok|not ok) (?P<num>\d+) (?P<name>[^#]*?)\s*(?:# (?P<directive>.*))?$')
PLAN = re.compile(r'^(?P<indent> *)1\.\.(?P<n>\d+)')


@dataclass
class Case:
    name: str
    ok: bool
    skip: bool
    directive: str = ""


@dataclass
class Suite:
    name: str
    ok: bool = False
    skip: bool = False
    plan: int = -1
    cases: list = field(default_factory=list)


@dataclass
class Ktap:
    plan: int
    suites: list
    lines: list

    def failures(self):
        """Every 'not ok' line, suite or case, as text."""
        return [l for l in self.lines if RESULT.match(l) and RESULT.match(l).group("ok") == "not ok"]

    def suite(self, name):
        for s in self.suites:
            if s.name == name:
                return s
        raise KeyError(name)


class KtapError(Exception):
    pass


def parse(log):
    """Parse KTAP out of a serial log; raise KtapError if there is none."""
    lines = log.splitlines()
    try:
        start = lines.index("KTAP version 1")
    except ValueError:
        raise KtapError("no KTAP output at all")
    body = lines[start + 1:]
    plan = -1
    suites = []
    current = Suite(name="")
    for line in body:
        m = PLAN.match(line)
        if m and plan < 0 and not m.group("indent"):
            plan = int(m.group("n"))
            continue
        if m and len(m.group("indent")) == 4:
            current.plan = int(m.group("n"))
            continue
        m = RESULT.match(line)
        if not m:
            continue
        directive = m.group("directive") or ""
        skip = directive.startswith("SKIP")
        if len(m.group("indent")) == 4:
            current.cases.append(Case(m.group("name"), m.group("ok") == "ok", skip, directive))
        elif not m.group("indent"):
            current.name = m.group("name")
            current.ok = m.group("ok") == "ok"
            current.skip = skip
            suites.append(current)
            current = Suite(name="")
    if plan < 0:
        raise KtapError("KTAP without a plan line")
    return Ktap(plan, suites, body)


def check(log):
    """Parse and assert a clean run: plan met, no 'not ok' anywhere."""
    k = parse(log)
    bad = k.failures()
    if bad:
        raise KtapError("failing tests:\n" + "\n".join(bad))
    if len(k.suites) != k.plan:
        raise KtapError(f"plan says {k.plan} suites, saw {len(k.suites)} (kernel died mid-run?)")
    for s in k.suites:
        if s.plan >= 0 and len(s.cases) != s.plan:
            raise KtapError(f"suite {s.name}: plan {s.plan}, saw {len(s.cases)} results")
    if "# Totals:" not in log:
        raise KtapError("no '# Totals:' line: the run did not finish")
    return k
