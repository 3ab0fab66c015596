#!/usr/bin/env python3
"""Run lambda-lint on one test file and check its findings and fixes with FileCheck.

Modeled on clang-tidy's check_clang_tidy.py. In a lit test:

    # RUN: %check_lambda_lint %s client-in-handler %t
    # RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler %t -- --handler %t.py:process
    # RUN: %check_lambda_lint %s client-in-handler,unused-suppression %t

(`//` instead of `#` in JS/TS/C++ files). Usage:

    check_lambda_lint.py [--binary B] [--filecheck F] [--unsafe-fixes | --no-fix]
                         [--check-suffix=SUF[,SUF...]] [--cxx CXX] [--cxx-include DIR ...]
                         <test-file> <rule>[,<rule>...] <temp> [-- <lambda-lint args>]

Expectations are comments in the test file:

    CHECK-MESSAGES[-SUF]: findings (warnings/errors) lambda-lint reports, as `:LINE:COL: ...`;
                          any warning/error without an expectation fails the test.
    CHECK-NOTES[-SUF]:    like CHECK-MESSAGES, but notes must be expected too.
    CHECK-FIXES[-SUF]:    the file after `lambda-lint --fix`.

Steps:
 1. Copy the test file to `<temp>.<ext>` with the text of every CHECK-* comment blanked (the
    comment marker stays, so line numbers do not move). lambda-lint lints and fixes that copy,
    so extra arguments that name the file use `%t.<ext>`.
 2. Run `lambda-lint --format text --select RULE[,RULE...] [--fix [--unsafe-fixes]] <copy> <args>`.
    Exit status 0 (no findings) and 1 (findings) are fine; anything else fails.
 3. FileCheck the diagnostics (path of the copy stripped to `:LINE:COL: ...`) against
    CHECK-MESSAGES / CHECK-NOTES. Without either, lambda-lint must report nothing.
 4. Unless --no-fix: FileCheck the fixed copy against CHECK-FIXES (if the test has any). If the
    fix changed the file, the result must still parse (Python: compile(); JavaScript:
    node --check; C++: `CXX -fsyntax-only -std=c++17 -I DIR...` with the --cxx-include
    directories; TypeScript and others: lambda-lint's own parse below). Then run lambda-lint
    again (--format json, no --fix): no finding of the RULEs may still offer a fix of the applied
    kind (the fixes converged), and, if the file changed, no syntax-error notice may appear.
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import warnings

DEFAULT_FILECHECK = "/usr/lib/llvm-16/bin/FileCheck"
TIMEOUT_SECONDS = 300

# The text-output line of a diagnostic: `path:LINE:COL: level: message`.
DIAGNOSTIC_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>warning|error|note): ")

JS_EXTENSIONS = {".js", ".mjs", ".cjs"}
CPP_EXTENSIONS = {".cpp", ".cc", ".cxx"}
DEFAULT_CXX = "clang++-16"
ESM_SYNTAX_RE = re.compile(r"^\s*(import\s*[\w{*'\"]|export\s)", re.MULTILINE)


class CheckFailure(Exception):
    pass


def comment_marker(path):
    return "#" if path.endswith(".py") else "//"


def blank_check_lines(text, marker):
    """Blanks the text of CHECK-MESSAGES/-FIXES/-NOTES comments, keeping the comment marker."""
    pattern = re.compile(re.escape(marker) + r"[ \t]*CHECK-(?:MESSAGES|FIXES|NOTES)[A-Z0-9-]*:[^\r\n]*")
    return pattern.sub(marker, text)


def uses_prefix(text, prefix):
    """True if `text` holds a FileCheck directive of `prefix` (CHECK-FOO:, CHECK-FOO-NEXT:, ...)."""
    directive = r"(?:-(?:NEXT|SAME|NOT|DAG|LABEL|EMPTY|COUNT-\d+))?:"
    return re.search(r"(?<![\w-])" + re.escape(prefix) + directive, text) is not None


def read_text(path):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        return f.read()


def write_text(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(text)


def same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def run(cmd, env=None):
    """Runs cmd; returns (exit status, stdout+stderr)."""
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                              timeout=TIMEOUT_SECONDS)
    except FileNotFoundError as e:
        raise CheckFailure(f"cannot run {cmd[0]}: {e}") from e
    except subprocess.TimeoutExpired as e:
        out = (e.output or b"").decode("utf-8", "replace")
        raise CheckFailure(f"timed out after {TIMEOUT_SECONDS}s: {shell_join(cmd)}\n{out}") from e
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def shell_join(cmd):
    return " ".join(arg if re.fullmatch(r"[\w@%+=:,./-]+", arg) else repr(arg) for arg in cmd)


def banner(title):
    print(f"------------------------ {title} ------------------------")


def echo(text):
    """Prints captured output, ending it with one newline."""
    if text:
        print(text, end="" if text.endswith("\n") else "\n")


def filecheck(filecheck_bin, input_file, check_file, prefixes, extra):
    cmd = [filecheck_bin, "-input-file=" + input_file, check_file,
           "-check-prefixes=" + ",".join(prefixes), "--allow-empty"] + extra
    print("Running " + shell_join(cmd))
    status, out = run(cmd)
    echo(out)
    if status != 0:
        raise CheckFailure(f"FileCheck {','.join(prefixes)} failed (exit status {status})")


class Checker:
    def __init__(self, args, extra_args):
        self.args = args
        self.extra_args = extra_args
        self.input_file = args.input_file
        self.rule = args.rule
        self.rules = set(filter(None, args.rule.split(",")))
        self.ext = os.path.splitext(self.input_file)[1]
        self.temp_file = args.temp_file + self.ext
        self.messages_file = args.temp_file + ".msg"
        suffixes = args.check_suffix.split(",") if args.check_suffix else []
        for s in suffixes:
            if not re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", s):
                raise CheckFailure(f"invalid --check-suffix {s!r} (use A-Z, 0-9 and -)")

        def prefixes(base):
            return [f"{base}-{s}" for s in suffixes] if suffixes else [base]

        self.message_prefixes = prefixes("CHECK-MESSAGES")
        self.note_prefixes = prefixes("CHECK-NOTES")
        self.fix_prefixes = prefixes("CHECK-FIXES")
        self.filecheck = args.filecheck
        self.env = dict(os.environ, NO_COLOR="1")
        self.fix = not args.no_fix
        self.applied = {"safe", "unsafe"} if args.unsafe_fixes else {"safe"}

    def lint_command(self, fmt, fix):
        cmd = [self.args.binary, "--format", fmt, "--select", self.rule]
        if fix:
            cmd.append("--fix")
            if self.args.unsafe_fixes:
                cmd.append("--unsafe-fixes")
        return cmd + [self.temp_file] + self.extra_args

    def run(self):
        original = read_text(self.input_file)
        has = {name: any(uses_prefix(original, p) for p in prefixes)
               for name, prefixes in (("messages", self.message_prefixes),
                                      ("notes", self.note_prefixes),
                                      ("fixes", self.fix_prefixes))}
        if has["fixes"] and not self.fix:
            raise CheckFailure("the test has CHECK-FIXES lines but runs with --no-fix")

        cleaned = blank_check_lines(original, comment_marker(self.input_file))
        os.makedirs(os.path.dirname(os.path.abspath(self.temp_file)), exist_ok=True)
        write_text(self.temp_file, cleaned)

        cmd = self.lint_command("text", self.fix)
        print("Running " + shell_join(cmd))
        status, output = run(cmd, self.env)
        banner("lambda-lint output")
        echo(output)
        if status not in (0, 1):
            raise CheckFailure(f"lambda-lint exited with status {status} (0: no findings, "
                               f"1: findings; anything else is an error)")
        if self.fix:
            fixed = read_text(self.temp_file)
            banner("fixes (diff of the file)")
            diff = "".join(difflib.unified_diff(cleaned.splitlines(True), fixed.splitlines(True),
                                                self.temp_file + " (before)",
                                                self.temp_file + " (after --fix)"))
            print(diff or "(no changes)")

        self.check_messages(output, has)

        if self.fix:
            if has["fixes"]:
                filecheck(self.filecheck, self.temp_file, self.input_file, self.fix_prefixes, [])
            changed = fixed != cleaned
            if changed:
                self.check_syntax()
            self.check_convergence(changed)

    def check_messages(self, output, has):
        lines = []
        for line in output.splitlines():
            m = DIAGNOSTIC_RE.match(line)
            if not m:
                continue
            if same_file(m.group("path"), self.temp_file):
                line = line[len(m.group("path")):]
            lines.append(line)
        write_text(self.messages_file, "".join(line + "\n" for line in lines))

        if has["messages"]:
            filecheck(self.filecheck, self.messages_file, self.input_file, self.message_prefixes,
                      ["-implicit-check-not={{warning|error}}:"])
        if has["notes"]:
            filecheck(self.filecheck, self.messages_file, self.input_file, self.note_prefixes,
                      ["-implicit-check-not={{note|warning|error}}:"])
        if not has["messages"] and not has["notes"] and lines:
            raise CheckFailure(
                f"the test has no {self.message_prefixes[0]} lines, so no findings were "
                f"expected, but lambda-lint reported:\n" + "\n".join(lines))

    def check_syntax(self):
        """The fixed file must still be valid source (for the languages we can check here)."""
        if self.ext == ".py":
            source = read_text(self.temp_file)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    compile(source, self.temp_file, "exec", dont_inherit=True)
                except (SyntaxError, ValueError) as e:
                    raise CheckFailure(f"the fixed file is not valid Python: {e}") from e
        elif self.ext in JS_EXTENSIONS:
            node = shutil.which("node")
            if node is None:
                raise CheckFailure("node is not on PATH; it is needed to check the fixed "
                                   "JavaScript (bash scripts/dev.sh setup installs it)")
            path = self.temp_file
            if self.ext == ".js" and ESM_SYNTAX_RE.search(read_text(path)):
                path = self.temp_file + ".check.mjs"
                shutil.copyfile(self.temp_file, path)
            cmd = [node, "--check", path]
            status, out = run(cmd)
            if status != 0:
                raise CheckFailure(f"the fixed file is not valid JavaScript ({shell_join(cmd)}):\n{out}")
        elif self.ext in CPP_EXTENSIONS:
            cxx = shutil.which(self.args.cxx)
            if cxx is None:
                raise CheckFailure(f"{self.args.cxx} is not on PATH; it is needed to check the fixed C++")
            cmd = [cxx, "-fsyntax-only", "-std=c++17", "-Wno-everything"]
            cmd += ["-I" + d for d in self.args.cxx_include] + [self.temp_file]
            print("Running " + shell_join(cmd))
            status, out = run(cmd)
            if status != 0:
                raise CheckFailure(f"the fixed file does not compile ({shell_join(cmd)}):\n{out}")
        # TypeScript and others: lambda-lint's syntax-error notices (check_convergence).

    def check_convergence(self, changed):
        cmd = self.lint_command("json", fix=False)
        print("Running " + shell_join(cmd))
        status, output = run(cmd, self.env)
        if status not in (0, 1):
            raise CheckFailure(f"lambda-lint on the fixed file exited with status {status}:\n{output}")
        try:
            report = json.loads(output)
        except json.JSONDecodeError as e:
            raise CheckFailure(f"lambda-lint --format json printed invalid JSON ({e}):\n{output}") from e

        problems = []
        for f in report.get("findings", []):
            if f.get("rule") not in self.rules:
                continue
            kinds = sorted({fix.get("applicability") for fix in f.get("fixes", [])} & self.applied)
            if kinds:
                problems.append(f"{f.get('path')}:{f.get('line')}:{f.get('column')}: {f.get('message')} "
                                f"[{f.get('rule')}] still offers a {'/'.join(kinds)} fix after --fix")
        if changed:
            for n in report.get("notices", []):
                if "syntax error" in n.get("message", ""):
                    problems.append(f"{n.get('path')}:{n.get('line')}:{n.get('column')}: "
                                    f"{n.get('message')} (after --fix)")
        if problems:
            raise CheckFailure("the fixed file does not pass a second run:\n" + "\n".join(problems)
                               + "\n\nlambda-lint output:\n" + output)


def parse_args(argv):
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    else:
        extra = []
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.environ.get("LAMBDA_LINT", "lambda-lint"),
                        help="the lambda-lint binary (default: $LAMBDA_LINT or lambda-lint on PATH)")
    parser.add_argument("--filecheck", default=os.environ.get("FILECHECK")
                        or shutil.which("FileCheck") or DEFAULT_FILECHECK,
                        help="FileCheck (default: $FILECHECK, FileCheck on PATH, or LLVM 16's)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    mode.add_argument("--no-fix", action="store_true", help="check messages only; do not run --fix")
    parser.add_argument("--check-suffix", "--check-suffixes", default="",
                        help="check CHECK-MESSAGES-SUF/CHECK-NOTES-SUF/CHECK-FIXES-SUF (comma-separated)")
    parser.add_argument("--cxx", default=os.environ.get("CXX_SYNTAX_CHECK") or DEFAULT_CXX,
                        help="C++ compiler that checks a fixed C++ file (default: $CXX_SYNTAX_CHECK "
                             "or clang++-16)")
    parser.add_argument("--cxx-include", action="append", default=[], metavar="DIR",
                        help="include directory for that check (repeatable)")
    parser.add_argument("input_file")
    parser.add_argument("rule", help="the rule to select, or several separated by commas")
    parser.add_argument("temp_file")
    return parser.parse_args(argv), extra


def main():
    args, extra = parse_args(sys.argv[1:])
    try:
        Checker(args, extra).run()
    except CheckFailure as e:
        sys.stdout.flush()
        print(f"\ncheck_lambda_lint.py: FAIL: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
