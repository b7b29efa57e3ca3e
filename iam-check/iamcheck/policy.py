"""IAM's evaluation of identity policies for one request: an explicit Deny wins, else an Allow
whose Action, Resource and Condition all match, else the implicit deny.

Matching as IAM matches: actions case-insensitively, resources case-sensitively, '*' any run of
characters and '?' any one; a condition's operators AND together, its keys AND together, a key's
values OR together; ForAllValues is true when the context has no such key (IAM's own rule, and a
trap this evaluator keeps), ForAnyValue false; ...IfExists is true for a missing key.
"""
import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    policy: str
    index: int
    effect: str
    actions: tuple
    not_actions: tuple
    resources: tuple
    not_resources: tuple
    condition: dict

    def label(self):
        return f"{self.policy} statement {self.index + 1}"


def statements(policy_name, document):
    found = document.get("Statement", [])
    if isinstance(found, dict):
        found = [found]
    return [Statement(policy_name, i, s["Effect"], _tuple(s.get("Action")), _tuple(s.get("NotAction")),
                      _tuple(s.get("Resource")), _tuple(s.get("NotResource")), s.get("Condition") or {})
            for i, s in enumerate(found)]


def _tuple(value):
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


@functools.lru_cache(maxsize=None)
def _compiled(pattern, ignore_case):
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(regex, re.IGNORECASE | re.DOTALL if ignore_case else re.DOTALL)


def _glob(pattern, text, ignore_case):
    return _compiled(pattern, ignore_case).fullmatch(text) is not None


def matches_action(statement, action):
    if statement.actions:
        return any(_glob(p, action, True) for p in statement.actions)
    return not any(_glob(p, action, True) for p in statement.not_actions)


def matches_resource(statement, resource):
    if statement.resources:
        return any(_glob(p, resource, False) for p in statement.resources)
    return not any(_glob(p, resource, False) for p in statement.not_resources)


_OPERATORS = {
    "StringEquals": lambda value, wanted: value == wanted,
    "StringNotEquals": lambda value, wanted: value != wanted,
    "StringEqualsIgnoreCase": lambda value, wanted: value.lower() == wanted.lower(),
    "StringLike": lambda value, wanted: _glob(wanted, value, False),
    "StringNotLike": lambda value, wanted: not _glob(wanted, value, False),
    "ArnEquals": lambda value, wanted: value == wanted,
    "ArnLike": lambda value, wanted: _glob(wanted, value, False),
    "ArnNotEquals": lambda value, wanted: value != wanted,
    "ArnNotLike": lambda value, wanted: not _glob(wanted, value, False),
    "Bool": lambda value, wanted: str(value).lower() == str(wanted).lower(),
}
_NEGATED = {"StringNotEquals", "StringNotLike", "ArnNotEquals", "ArnNotLike"}


def matches_condition(statement, context):
    for operator, keys in statement.condition.items():
        qualifier, _, name = operator.rpartition(":")
        if_exists = name.endswith("IfExists")
        name = name[:-len("IfExists")] if if_exists else name
        if name not in _OPERATORS:
            raise ValueError(f"{statement.label()}: condition operator {operator} is not supported by iam-check")
        test = _OPERATORS[name]
        for key, wanted in keys.items():
            wanted = wanted if isinstance(wanted, list) else [wanted]
            present = key in context
            values = context.get(key, [])
            values = values if isinstance(values, list) else [values]
            # Several policy values: any may match (a negated operator: none may).
            def one(value):
                results = [test(value, w) for w in wanted]
                return all(results) if name in _NEGATED else any(results)
            if qualifier == "ForAllValues":
                ok = all(one(v) for v in values)  # true for a missing or empty key, as IAM has it
            elif qualifier == "ForAnyValue":
                ok = any(one(v) for v in values)
            elif not present:
                ok = if_exists
            else:
                ok = all(one(v) for v in values)
            if not ok:
                return False
    return True


def decide(all_statements, request):
    """('allow', the allowing statements) | ('deny', the denying ones) | ('implicit', []) for one request."""
    applicable = [s for s in all_statements
                  if matches_action(s, request.action) and matches_resource(s, request.resource)
                  and matches_condition(s, request.context)]
    denying = [s for s in applicable if s.effect == "Deny"]
    if denying:
        return "deny", denying
    allowing = [s for s in applicable if s.effect == "Allow"]
    return ("allow", allowing) if allowing else ("implicit", [])


def granted_patterns(statement, request):
    """The statement's (Action pattern, Resource pattern) pairs that cover the request: what a use credits."""
    resources = [r for r in statement.resources if _glob(r, request.resource, False)] \
        or ["NotResource " + ",".join(statement.not_resources)]
    return [(p, r) for p in statement.actions if _glob(p, request.action, True) for r in resources]
