"""Self-tests of test/check_lambda_lint.py, run against fake_lambda_lint.py (no build needed).

    python3 -m unittest discover -s test/harness -p "test_*.py"
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(os.path.dirname(HERE), "check_lambda_lint.py")
FAKE = os.path.join(HERE, "fake_lambda_lint.py")
FILECHECK = os.environ.get("FILECHECK") or shutil.which("FileCheck") or "/usr/lib/llvm-16/bin/FileCheck"

RULE = "client-in-handler"
MESSAGE = "boto3 client created on every invocation"
FINDING = {"rule": RULE, "match": 'boto3.client("s3")', "message": MESSAGE,
           "fix": {"applicability": "safe", "replacement": "S3"}}

HANDLER = textwrap.dedent('''\
    # RUN: %check_lambda_lint %s client-in-handler %t
    import boto3
    S3 = boto3.client("s3", region_name="eu-west-1")

    def lambda_handler(event, context):
        s3 = boto3.client("s3")
    ''')

EXPECT_MESSAGE = (f"    # CHECK-MESSAGES: {{{{^}}}}:[[@LINE-1]]:10: warning: {MESSAGE} [{RULE}]\n")
# The fake's fix rewrites the call to the module-level client.
EXPECT_FIX = "    # CHECK-FIXES: {{^}}    s3 = S3{{$}}\n"


class CheckLambdaLintTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.access(FILECHECK, os.X_OK):
            raise RuntimeError(f"FileCheck not found at {FILECHECK} (set $FILECHECK)")

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="check_lambda_lint-")
        self.addCleanup(shutil.rmtree, self.dir)
        # The fake may lose its executable bit in a checkout; run it through a wrapper.
        self.binary = os.path.join(self.dir, "lambda-lint")
        with open(self.binary, "w") as f:
            f.write(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE}" "$@"\n')
        os.chmod(self.binary, 0o755)

    def check(self, source, findings=(), name="test.py", options=(), extra=(), exit=None, rule=RULE):
        """Runs check_lambda_lint.py on `source`; returns (exit status, output)."""
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(source)
        spec = {"findings": list(findings)}
        if exit is not None:
            spec["exit"] = exit
        spec_path = os.path.join(self.dir, "spec.json")
        with open(spec_path, "w") as f:
            json.dump(spec, f)
        cmd = [sys.executable, CHECK, "--binary", self.binary, "--filecheck", FILECHECK,
               *options, path, rule, os.path.join(self.dir, "out", "test.tmp")]
        if extra:
            cmd += ["--", *extra]
        env = dict(os.environ, FAKE_LAMBDA_LINT_SPEC=spec_path)
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
        return proc.returncode, proc.stdout

    def assertPasses(self, *args, **kwargs):
        status, out = self.check(*args, **kwargs)
        self.assertEqual(status, 0, out)
        return out

    def assertFails(self, *args, expect, **kwargs):
        status, out = self.check(*args, **kwargs)
        self.assertEqual(status, 1, out)
        self.assertIn(expect, out)
        return out

    # --- messages ---

    def test_matching_expectations_pass(self):
        out = self.assertPasses(HANDLER + EXPECT_MESSAGE + EXPECT_FIX, [FINDING])
        self.assertIn("+    s3 = S3", out)  # the diff of the fix is shown

    def test_path_is_stripped_and_check_lines_do_not_match_themselves(self):
        self.assertPasses(HANDLER + EXPECT_MESSAGE, [FINDING], options=["--no-fix"])
        with open(os.path.join(self.dir, "out", "test.tmp.msg")) as f:
            self.assertEqual(f.read(), f":6:10: warning: {MESSAGE} [{RULE}]\n")
        with open(os.path.join(self.dir, "out", "test.tmp.py")) as f:
            copy = f.read()
        self.assertNotIn("CHECK-MESSAGES", copy)
        self.assertEqual(copy.count("\n"), (HANDLER + EXPECT_MESSAGE).count("\n"))

    def test_missing_expectation_fails(self):
        # A finding, but the test expects none.
        self.assertFails(HANDLER, [FINDING], expect="no findings were expected")

    def test_expected_finding_not_reported_fails(self):
        self.assertFails(HANDLER + EXPECT_MESSAGE, [], expect="FileCheck CHECK-MESSAGES failed")

    def test_unexpected_extra_diagnostic_fails(self):
        extra = {"rule": RULE, "match": "import boto3", "message": "another finding"}
        out = self.assertFails(HANDLER + EXPECT_MESSAGE + EXPECT_FIX, [FINDING, extra],
                               expect="FileCheck CHECK-MESSAGES failed")
        self.assertIn("another finding", out)

    def test_no_findings_and_no_expectations_pass(self):
        self.assertPasses(HANDLER, [])

    def test_check_suffix(self):
        source = (HANDLER.replace("%t\n", "%t\n# RUN: %check_lambda_lint --check-suffix=B %s r %t\n")
                  + EXPECT_MESSAGE.replace("CHECK-MESSAGES:", "CHECK-MESSAGES-B:")
                  + "    # CHECK-MESSAGES: this line belongs to another RUN line and is not checked\n")
        self.assertPasses(source, [FINDING], options=["--check-suffix=B", "--no-fix"])

    def test_lambda_lint_error_fails(self):
        self.assertFails(HANDLER, [], exit=2, expect="exited with status 2")

    # --- fixes ---

    def test_wrong_fix_expectation_fails(self):
        wrong = "    # CHECK-FIXES: {{^}}    s3 = boto3.client(\"s3\", region_name=REGION){{$}}\n"
        self.assertFails(HANDLER + EXPECT_MESSAGE + wrong, [FINDING], expect="FileCheck CHECK-FIXES failed")

    def test_fix_leaving_invalid_python_fails(self):
        broken = dict(FINDING, fix={"applicability": "safe", "replacement": "S3("})
        self.assertFails(HANDLER + EXPECT_MESSAGE, [broken], expect="not valid Python")

    def test_fix_that_does_not_converge_fails(self):
        # The fix rewrites the call into another one the rule flags again.
        again = dict(FINDING, fix={"applicability": "safe", "replacement": 'boto3.client("s3") or boto3.client("s3")'})
        self.assertFails(HANDLER + EXPECT_MESSAGE, [again], expect="still offers a safe fix")

    def test_several_rules_are_selected_and_each_must_converge(self):
        # The second rule's fix leaves what it flags in place: it never converges.
        other = {"rule": "unused-suppression", "match": "import boto3", "message": "another finding",
                 "fix": {"applicability": "safe", "replacement": "import boto3 as boto3"}}
        source = HANDLER + EXPECT_MESSAGE + EXPECT_FIX
        # Only the first rule is selected: the other one's finding is not reported.
        self.assertPasses(source, [FINDING, other])
        both = source.replace("import boto3\n", "import boto3\n# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: "
                              "another finding [unused-suppression]\n", 1)
        self.assertFails(both, [FINDING, other], rule=RULE + ",unused-suppression",
                         expect="[unused-suppression] still offers a safe fix")

    def test_unsafe_fix_applied_only_with_unsafe_fixes(self):
        unsafe = dict(FINDING, fix={"applicability": "unsafe", "replacement": "S3"})
        unchanged = "    # CHECK-FIXES: {{^}}    s3 = boto3.client(\"s3\"){{$}}\n"
        self.assertPasses(HANDLER + EXPECT_MESSAGE + unchanged, [unsafe])
        self.assertFails(HANDLER + EXPECT_MESSAGE + unchanged, [unsafe], options=["--unsafe-fixes"],
                         expect="FileCheck CHECK-FIXES failed")
        self.assertPasses(HANDLER + EXPECT_MESSAGE + EXPECT_FIX, [unsafe], options=["--unsafe-fixes"])

    def test_no_fix_leaves_file_alone_and_rejects_fix_expectations(self):
        self.assertPasses(HANDLER + EXPECT_MESSAGE, [FINDING], options=["--no-fix"])
        with open(os.path.join(self.dir, "out", "test.tmp.py")) as f:
            self.assertIn('boto3.client("s3")\n', f.read())
        self.assertFails(HANDLER + EXPECT_MESSAGE + EXPECT_FIX, [FINDING], options=["--no-fix"],
                         expect="runs with --no-fix")

    def test_extra_arguments_reach_lambda_lint(self):
        self.assertPasses(HANDLER + EXPECT_MESSAGE + EXPECT_FIX, [FINDING],
                          extra=["--handler", os.path.join(self.dir, "out", "test.tmp.py") + ":lambda_handler"])

    @unittest.skipUnless(shutil.which("node"), "node is not installed")
    def test_fix_leaving_invalid_javascript_fails(self):
        source = textwrap.dedent('''\
            // RUN: %check_lambda_lint %s client-in-handler %t
            import { S3Client } from "@aws-sdk/client-s3";
            export const handler = async (event) => {
              const s3 = new S3Client({});
              // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: {{.*}} [client-in-handler]
            };
            ''')
        finding = {"rule": RULE, "match": "new S3Client({})", "message": MESSAGE,
                   "fix": {"applicability": "safe", "replacement": "s3Client"}}
        self.assertPasses(source, [finding], name="test.js")
        broken = dict(finding, fix={"applicability": "safe", "replacement": "s3Client("})
        self.assertFails(source, [broken], name="test.js", expect="not valid JavaScript")


if __name__ == "__main__":
    unittest.main()
