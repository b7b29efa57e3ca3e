"""Checks recorded calls against the roles, and reports what the roles grant that nothing used."""
import glob
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field

from . import actions, policy, roles, template
from .intrinsics import Resolver


@dataclass
class Outcome:
    calls: int = 0
    runs: int = 0
    functions: set = field(default_factory=set)
    denied: dict = field(default_factory=dict)           # (function, action, resource, why) -> count
    problems: list = field(default_factory=list)        # calls that could not be checked at all
    used: set = field(default_factory=set)              # (function, policy, statement index, action, resource)
    grants: set = field(default_factory=set)            # the same, for every grant of every role
    template_functions: set = field(default_factory=set)  # every function of the template, recorded or not
    justified: dict = field(default_factory=dict)       # function -> {action (lower case): reason}


def read_recordings(folder):
    """({run id: manifest}, [call]) from a folder the local runtime recorded into."""
    manifests = {}
    for path in glob.glob(os.path.join(folder, "runs", "*.json")):
        with open(path, encoding="utf-8") as f:
            manifests[os.path.basename(path)[:-len(".json")]] = json.load(f)
    calls = []
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            calls += [json.loads(line) for line in f if line.strip()]
    return manifests, calls


def check(template_path, manifests, calls):
    sam = template.load(template_path)
    outcome = Outcome(calls=len(calls))
    outcome.justified = _justifications(sam)
    by_run = defaultdict(list)
    for call in calls:
        by_run[call.get("run")].append(call)
    outcome.runs = len(by_run)
    for run, run_calls in by_run.items():
        manifest = manifests.get(run)
        if manifest is None:
            outcome.problems.append(f"{len(run_calls)} calls of run {run}, whose manifest (runs/{run}.json) is missing")
            continue
        parameters = dict(manifest.get("parameters", {}))
        cfn = template.transformed(sam, parameters, manifest["region"])
        resolver = Resolver(cfn, manifest)
        function_roles = roles.roles(cfn, resolver)
        key_schema = roles.key_schemas(cfn, resolver)
        _record_grants(outcome, function_roles)
        outcome.template_functions.update(function_roles)
        decided = {}
        for call in run_calls:
            function = call["function"]
            outcome.functions.add(function)
            role = function_roles.get(function)
            if role is None:
                outcome.problems.append(f"{function}: recorded calls, but the template has no such function")
                continue
            try:
                requests = actions.requests_for(call, resolver, key_schema)
            except (actions.UnknownOperation, ValueError) as e:
                outcome.problems.append(f"{function}: {e}")
                continue
            for request in requests:
                key = (function, request.action, request.resource, _context_key(request.context))
                if key not in decided:
                    decided[key] = policy.decide(role.statements, request)
                verdict, deciding = decided[key]
                if verdict == "allow":
                    for s in deciding:
                        for pattern, resource in policy.granted_patterns(s, request):
                            outcome.used.add((function, s.policy, s.index, pattern, resource))
                else:
                    why = ("denied by " + deciding[0].label()) if verdict == "deny" else "no statement allows it"
                    context = "".join(f" with {k}={v}" for k, v in sorted(request.context.items()))
                    denied_key = (function, request.action, request.resource + context, why)
                    outcome.denied[denied_key] = outcome.denied.get(denied_key, 0) + 1
    return outcome


def _context_key(context):
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in context.items()))


def _record_grants(outcome, function_roles):
    for function, role in function_roles.items():
        for s in role.statements:
            if s.effect != "Allow":
                continue
            for pattern in s.actions:
                for resource in s.resources or ("NotResource " + ",".join(s.not_resources),):
                    outcome.grants.add((function, s.policy, s.index, pattern, resource))


def _justifications(sam):
    """Metadata IamCheck NotExercised of each function: {action: why no suite reaches it}."""
    found = {}
    for function, resource in sam.get("Resources", {}).items():
        reasons = ((resource.get("Metadata") or {}).get("IamCheck") or {}).get("NotExercised") or {}
        found[function] = {action.lower(): reason for action, reason in reasons.items()}
    return found


def unused_grants(outcome):
    """[(function, action pattern, resource pattern, statement label, justification or None)]: each
    action a statement grants on each of its resources that no recorded call used."""
    unused = []
    for grant in sorted(outcome.grants - outcome.used):
        function, policy_name, index, pattern, resource = grant
        reason = outcome.justified.get(function, {}).get(pattern.lower())
        unused.append((function, pattern, resource, f"{policy_name} statement {index + 1}", reason))
    return unused


def stale_justifications(outcome):
    """[(function, action)]: a NotExercised note on an action that every recorded grant of it did use."""
    unexercised = {(function, pattern.lower()) for function, pattern, _, _, _ in unused_grants(outcome)}
    return sorted((function, action) for function, reasons in outcome.justified.items()
                  for action in reasons if (function, action) not in unexercised)
