# lit configuration of lambda-lint's rule and CLI tests. Run lit on the build directory
# (build/test), whose generated lit.site.cfg.py says where the binary and tools are:
#   python3 /usr/lib/llvm-16/build/utils/lit/lit.py -sv build/test
import os

import lit.formats

if not hasattr(config, "lambda_lint"):
    lit_config.fatal("run lit on the build directory (e.g. build/test), not on the sources: "
                     "the generated lit.site.cfg.py there configures the suite")

config.name = "lambda-lint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".py", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx", ".cpp", ".cc", ".test"]
# Matched against the name of every file and directory during discovery.
config.excludes = ["unit", "harness", "Inputs", "accuracy", "lit.cfg.py", "lit.site.cfg.py", "check_lambda_lint.py"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
config.test_exec_root = config.lambda_lint_obj_root
# Tests of C++ files say `REQUIRES: cpp-frontend` (built with LAMBDA_LINT_CPP).
if getattr(config, "lambda_lint_cpp", "OFF").upper() in ("ON", "1", "TRUE", "YES"):
    config.available_features.add("cpp-frontend")
# Tests through clang-tidy say `REQUIRES: lambda-tidy-plugin` (the plugin was built, and
# clang-tidy-16 and clang++-16 are there to load it and compile the fixed files).
tidy_plugin = getattr(config, "tidy_plugin", "")
clang_tidy = getattr(config, "clang_tidy", "")
clangxx = getattr(config, "clangxx", "")
if tidy_plugin and all(os.path.exists(p) for p in (clang_tidy, clangxx)):
    config.available_features.add("lambda-tidy-plugin")
    # One feature per check the plugin offers (tidy-check-lambda-client-in-handler, ...): a
    # rule another change adds is tested once this build has it.
    import subprocess
    listed = subprocess.run([clang_tidy, "--load=" + tidy_plugin, "--checks=-*,lambda-*",
                             "--list-checks"], capture_output=True, text=True, check=False)
    for line in listed.stdout.splitlines():
        if line.strip().startswith("lambda-"):
            config.available_features.add("tidy-check-" + line.strip())

for var in ("PATH", "HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
config.environment["NO_COLOR"] = "1"

python = config.python_executable
check_lambda_lint = os.path.join(config.lambda_lint_src_root, "test", "check_lambda_lint.py")
sarif_multitool = os.path.join(config.node_modules, "@microsoft", "sarif-multitool-linux",
                               "Sarif.Multitool")

# Keys are regular expressions, applied in this order before lit's own (%s, %t, ...).
# FileCheck and `not` are replaced only where they start a command (line start, lit's
# `%dbg(RUN: at line N)` marker, after `|`, `;`, `&&`, `||`, or after `not`), so paths and quoted
# text that contain the words stay intact.
COMMAND_START = r"(^\s*|[|;&)]\s*|(?<![\w/.-])not\s+)"
config.substitutions.append((COMMAND_START + r"FileCheck(?=\s|$)", r"\g<1>" + config.filecheck))
not_path = "/usr/lib/llvm-16/bin/not"
if os.path.exists(not_path):
    # Without it, lit's internal shell runs `not` itself (all but `not --crash`).
    config.substitutions.append((r"(^\s*|[|;&)]\s*)not(?=\s)", r"\g<1>" + not_path))
config.substitutions.extend([
    ("%check_lambda_lint", f"{python} {check_lambda_lint} --binary {config.lambda_lint} "
                           f"--filecheck {config.filecheck} --cxx-include "
                           + os.path.join(config.lambda_lint_src_root, "test", "cpp", "include")),
    ("%lambda-lint", config.lambda_lint),
    ("%sarif-multitool", sarif_multitool),
    # %validate-sarif LOG...: the multitool's GitHub and SARIF rules and GitHub's upload limits
    # report nothing (test/harness/validate_sarif.py).
    ("%validate-sarif", f"{python} " + os.path.join(config.lambda_lint_src_root, "test", "harness", "validate_sarif.py")
                        + f" --multitool {sarif_multitool}"),
    ("%expect_exit", f"{python} " + os.path.join(config.lambda_lint_src_root, "test", "harness", "expect_exit.py")),
    ("%python", python),
    ("%tidy_plugin", tidy_plugin),
    ("%clang_tidy", clang_tidy),
    ("%clangxx", clangxx),
    ("%src_root", config.lambda_lint_src_root),
    # The build tree (test/cli/install.test installs it with `%cmake --install %build_root`) and
    # the folder of the lambda-lint under test (to put on PATH, test/cli/pre-commit.test).
    ("%build_root", config.lambda_lint_build_root),
    ("%cmake", config.cmake),
    ("%lambda_lint_bindir", os.path.dirname(config.lambda_lint)),
    ("%path", os.environ.get("PATH", "/usr/bin:/bin")),
])
