#!/usr/bin/env python3
"""Writes the files of a new lambda-lint rule, in the manner of clang-tidy's add_new_check.py.

usage: scripts/new-rule.py RULE-ID --languages python,javascript,typescript,cpp
                           [--summary TEXT] [--after RULE-ID] [--root DIR]

Adding a rule touches four places, and this writes all of them:
  checks/<Name>.cpp             the check (RuleInfo and run(); <Name> is RULE-ID in CamelCase)
  docs/rules/RULE-ID.md         its page, with every section a rule page has
  test/rules/<lang>/RULE-ID.*   a lit test per language it reads
  docs/README.md                its row in the rule index, which is the list of checks: the
                                build registers a check per row (cmake/CheckList.cmake)
Then build, write the check and its tests, and run `ctest -R rules` (every rule has its check,
page, index row and tests). Nothing else needs an edit: no CMakeLists.txt, no registry, no
clang-tidy module (a rule whose languages include cpp becomes `lambda-RULE-ID` there).
"""
import argparse
import os
import re
import sys

LANGUAGES = {
    # name: (test folder, extension, comment, language name in the index)
    "python": ("python", ".py", "#", "Python"),
    "javascript": ("javascript", ".js", "//", "JavaScript"),
    "typescript": ("javascript", ".ts", "//", "TypeScript"),
    "cpp": ("cpp", ".cpp", "//", "C++"),
}

CHECK = """\
// {id}: {summary} Documentation: docs/rules/{id}.md.
#include "checks/Check.h"

namespace ll {{

namespace {{

const RuleInfo kInfo{{
    .id = "{id}",
    .name = "{name}",
    .defaultLevel = Level::Warning,
    .tags = {{"performance", "lambda"}},
    .languages = {{{languages}}},
    .fixAvailability = "none",
}};

class {name} final : public Check {{
public:
  const RuleInfo& info() const override {{ return kInfo; }}

  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {{
    // The model of the file is ctx.module (core/Model.h); ctx.invocation says which functions
    // and calls run on every invocation (core/Analysis.h); checks/PerInvocationCalls.h finds
    // catalogued calls in per-invocation code. Report with a Finding per problem:
    //   Finding f;
    //   f.rule = std::string(kInfo.id);
    //   f.level = kInfo.defaultLevel;
    //   f.file = ctx.module.file;
    //   f.range = ...;
    //   f.message = ...;
    //   out.push_back(std::move(f));
    (void)ctx;
    (void)out;
  }}
}};

}} // namespace

std::unique_ptr<Check> make{name}() {{ return std::make_unique<{name}>(); }}

}} // namespace ll
"""

PAGE = """\
# {id}

## What it does
Checks for {summary_lower}

## Why is this bad?
TODO: what it costs on Lambda (latency, GB-seconds, cold starts), and why.

## Example
```{fence}
TODO: code that the rule reports
```

## Use instead
```{fence}
TODO: the same code written so the rule is quiet
```

## Fix safety
There is no fix yet.

## Options
None.

## References
- [Lambda execution environment lifecycle](https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html)
"""

TESTS = {
    "python": """\
# RUN: %check_lambda_lint %s {id} %t
# TODO: code that {id} reports, each finding with a CHECK-MESSAGES line below it, and code it
# must stay quiet on. Unexpected diagnostics fail the test.


def lambda_handler(event, context):
    return event
""",
    "javascript": """\
// RUN: %check_lambda_lint %s {id} %t
// TODO: code that {id} reports, each finding with a CHECK-MESSAGES line below it, and code it
// must stay quiet on. Unexpected diagnostics fail the test.

exports.handler = async (event) => event;
""",
    "typescript": """\
// RUN: %check_lambda_lint %s {id} %t
// TODO: code that {id} reports, each finding with a CHECK-MESSAGES line below it, and code it
// must stay quiet on. Unexpected diagnostics fail the test.

export const handler = async (event: unknown): Promise<unknown> => event;
""",
    "cpp": """\
// RUN: %check_lambda_lint %s {id} %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
// TODO: code that {id} reports, each finding with a CHECK-MESSAGES line below it, and code it
// must stay quiet on. Unexpected diagnostics fail the test.
#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

static invocation_response handler(const invocation_request& request) {{
  return invocation_response::success(request.payload, "application/json");
}}

int main() {{
  run_handler(handler);
  return 0;
}}
""",
}


def camel(rule_id):
    return "".join(w[:1].upper() + w[1:] for w in rule_id.split("-"))


def add_index_row(index, rule_id, languages, summary, after):
    with open(index, encoding="utf-8") as f:
        lines = f.readlines()
    row_re = re.compile(r"^\| \[`([a-z0-9-]+)`\]\(rules/")
    in_rules = False
    last_row = None
    after_row = None
    for i, line in enumerate(lines):
        if line.startswith("## "):
            in_rules = line.strip() == "## Rules"
            continue
        m = row_re.match(line) if in_rules else None
        if m:
            if m.group(1) == rule_id:
                raise SystemExit(f"new-rule: docs/README.md already has a row for {rule_id}")
            last_row = i
            if m.group(1) == after:
                after_row = i
    if last_row is None:
        raise SystemExit("new-rule: docs/README.md has no rule index under '## Rules'")
    if after and after_row is None:
        raise SystemExit(f"new-rule: --after {after}: no such rule in the index")
    names = ", ".join(LANGUAGES[l][3] for l in languages)
    row = f"| [`{rule_id}`](rules/{rule_id}.md) | {names} | {summary} | Never |\n"
    lines.insert((after_row if after else last_row) + 1, row)
    with open(index, "w", encoding="utf-8") as f:
        f.writelines(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rule_id")
    ap.add_argument("--languages", required=True,
                    help="comma-separated: " + ", ".join(LANGUAGES))
    ap.add_argument("--summary", default="TODO: what the rule reports, in one sentence.")
    ap.add_argument("--after", help="the rule whose index row the new one follows (default: last)")
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    args = ap.parse_args()
    rule_id = args.rule_id
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)+", rule_id):
        ap.error(f"'{rule_id}': a rule id is lower-case words joined by '-' (client-in-handler)")
    languages = [l.strip() for l in args.languages.split(",") if l.strip()]
    unknown = [l for l in languages if l not in LANGUAGES]
    if unknown or not languages:
        ap.error(f"--languages: {', '.join(unknown) or 'none given'}; choose from {', '.join(LANGUAGES)}")
    languages = [l for l in LANGUAGES if l in languages]  # the index's order
    summary = args.summary.strip()
    if not summary.endswith("."):
        summary += "."
    root = os.path.abspath(args.root)
    name = camel(rule_id)
    files = {
        os.path.join("checks", name + ".cpp"): CHECK.format(
            id=rule_id, name=name, summary=summary,
            languages=", ".join(f'"{l}"' for l in languages)),
        os.path.join("docs", "rules", rule_id + ".md"): PAGE.format(
            id=rule_id, summary_lower=summary[:1].lower() + summary[1:],
            fence={"cpp": "cpp", "typescript": "ts", "javascript": "js"}.get(languages[0], "python")),
    }
    for lang in languages:
        folder, ext, _, _ = LANGUAGES[lang]
        files[os.path.join("test", "rules", folder, rule_id + ext)] = TESTS[lang].format(id=rule_id)
    for rel in files:
        if os.path.exists(os.path.join(root, rel)):
            raise SystemExit(f"new-rule: {rel} exists already")
    add_index_row(os.path.join(root, "docs", "README.md"), rule_id, languages, summary, args.after)
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    for rel in [*files, os.path.join("docs", "README.md")]:
        print(("updated " if rel.endswith("README.md") else "created ") + rel)
    print(f"Next: build, write the check and its tests, then `ctest --test-dir build -R 'rules|lit'`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
