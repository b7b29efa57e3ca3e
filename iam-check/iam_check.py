"""./dev iam-check: every AWS call each function made in the end-to-end suites, allowed by its own
IAM role as CloudFormation would create it from the template (docs/deploy.md, "The deploy proof").

usage: iam_check.py [--template FILE] [--calls FOLDER] [--least-privilege]
Exit 0 when every recorded call is allowed (and, with --least-privilege, when every grant is
used by some call or justified in the function's Metadata IamCheck NotExercised); 1 otherwise.
"""
import argparse
import glob
import logging
import sys

from iamcheck import check


def main(argv):
    parser = argparse.ArgumentParser(prog="./dev iam-check")
    parser.add_argument("--template", default="template.yaml")
    parser.add_argument("--calls", action="append",
                        help="a folder of recorded calls; repeatable (default: e2e/target/aws-calls, where the "
                             "end-to-end suites record, and functions/*/target/aws-calls, where priming tests do)")
    parser.add_argument("--least-privilege", action="store_true",
                        help="also fail on a grant no call used and no Metadata IamCheck NotExercised explains")
    args = parser.parse_args(argv)
    logging.getLogger("samtranslator").setLevel(logging.ERROR)  # its metrics chatter says nothing of IAM

    folders = args.calls or ["e2e/target/aws-calls"] + sorted(glob.glob("functions/*/target/aws-calls"))
    manifests, calls = {}, []
    for folder in folders:
        found_manifests, found_calls = check.read_recordings(folder)
        manifests.update(found_manifests)
        calls += found_calls
    if not calls:
        print(f"iam-check: no recorded calls in {', '.join(folders)}", file=sys.stderr)
        return 2
    outcome = check.check(args.template, manifests, calls)
    print(f"iam-check: {outcome.calls} recorded calls of {len(outcome.functions)} functions in {outcome.runs} runs "
          f"({', '.join(folders)}), against {args.template}")
    failed = False
    for problem in outcome.problems:
        print(f"  CANNOT CHECK {problem}")
        failed = True
    for (function, action, resource, why), count in sorted(outcome.denied.items()):
        print(f"  DENIED {function}: {action} on {resource} ({count} calls; {why})")
        failed = True

    unused = check.unused_grants(outcome)
    print("Granted, and used by no recorded call (least privilege):")
    unexplained = 0
    for function, pattern, where, label, reason in unused:
        if reason:
            print(f"  {function}: {pattern} on {where} [{label}] - not exercised locally: {reason}")
        else:
            print(f"  {function}: {pattern} on {where} [{label}] - UNUSED, no reason given")
            unexplained += 1
    if not unused:
        print("  (none)")
    for function, action in check.stale_justifications(outcome):
        print(f"  note: {function} explains {action} as not exercised, but a recorded call used it: drop the note")
    if args.least_privilege and unexplained:
        print(f"iam-check: {unexplained} grants no call used and no Metadata IamCheck NotExercised explains")
        failed = True
    silent = sorted(outcome.template_functions - outcome.functions)
    if silent:
        print("Functions with no recorded call: " + ", ".join(silent))
    print("iam-check: " + ("FAILED" if failed else "every recorded call is allowed by its function's role"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
