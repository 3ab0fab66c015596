#!/usr/bin/env python3
"""Measure module import costs and (re)generate data/import-costs.yaml.

Python: each module is imported in a fresh interpreter started as
``PYTHON -X importtime -c "import MOD"``; the cost of the import is the
cumulative time of the top-level lines that the ``import`` statement adds to
the importtime table (lines already present in a ``-c pass`` baseline, i.e.
the interpreter's own start-up imports, are not counted). The median over
--runs runs is recorded. A separate run reports the bytes of code the import
loads: the sizes of the files (``.py`` source, or ``.so``/``.pyc`` when there
is no source) of the modules that appear in ``sys.modules`` because of it.
Shared libraries loaded by extension modules (e.g. OpenBLAS) are not counted.

JavaScript: the packages are installed with ``npm install --ignore-scripts
--no-audit --no-fund`` into a temporary directory (or --node-dir), then each is
required in a fresh ``node -e`` process with ``process.hrtime.bigint()`` around
``require(name)`` (with ``--no-experimental-require-module`` where node knows it, so that a
package that would load ES modules, which ``require.cache`` does not list, fails and is left
out instead of being measured short); the median over --runs runs is recorded, together with the
bytes of the package's own directory on disk and the bytes of all the files
that the require loaded (``require.cache``, dependencies included).

Before the timed runs of each module one run is made and discarded, so the
figures are for fresh processes with a warm OS file cache and compiled .pyc
files present -- the state of a Lambda cold start on a warm host, not of a
first boot.

Times are recorded in milliseconds of a reference machine (REFERENCE_MACHINE): every timed
run is paired with runs of a few reference imports (standard-library modules for Python,
pinned npm packages for node) whose times on that machine are known, and divided by how much
slower they were in that pair. Figures from different machines, or from one machine under
different load, then compare, and one budget (`budgets.heavy-import-ms`) holds for all of
them. --raw records this machine's milliseconds instead.

Modules or packages that cannot be imported are reported on stderr and left
out of the catalogue; nothing is guessed.

Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

PYTHON_MODULES = [
    # heavy third-party modules
    "pandas", "numpy", "scipy", "matplotlib", "PIL", "sklearn", "lxml",
    "requests", "boto3", "botocore", "pydantic", "sqlalchemy", "torch", "cv2",
    # submodules that code actually imports where the bare package is nearly empty or lazy
    "PIL.Image", "lxml.etree", "botocore.session", "scipy.stats", "matplotlib.pyplot",
    "sqlalchemy.orm", "dateutil.parser", "twilio.rest", "reportlab.pdfgen.canvas",
    "aws_xray_sdk.core", "sentry_sdk.integrations.aws_lambda", "google.protobuf.json_format",
    # cheap standard-library modules, for contrast (modules the interpreter loads at
    # start-up, such as os, would measure 0 and are not listed)
    "json", "urllib.request", "datetime", "logging",
    # common in handlers
    "yaml", "jinja2", "jwt", "cryptography.fernet",
    # HTTP and AWS plumbing (what requests and boto3 bring along is listed so `loads` shows it)
    "urllib3", "httpx", "aiohttp", "certifi", "idna", "chardet", "jmespath", "s3transfer",
    # validation, serialisation, formats
    "jsonschema", "marshmallow", "attr", "dacite", "simplejson", "ujson", "xmltodict",
    "regex", "tabulate", "markdown", "mako", "dotenv", "google.protobuf", "grpc",
    # databases
    "psycopg2", "psycopg", "pymysql", "MySQLdb", "redis", "pymongo", "elasticsearch",
    # documents
    "bs4", "openpyxl", "xlrd", "xlsxwriter", "docx", "reportlab", "fitz", "pypdf",
    # cryptography, auth, remote access
    "cryptography", "nacl", "jose", "paramiko",
    # dates
    "dateutil", "pytz", "arrow",
    # web frameworks, SaaS clients, storage
    "flask", "fastapi", "stripe", "twilio", "smart_open",
    # observability and utilities
    "sentry_sdk", "structlog", "tenacity", "cachetools",
]
# Installed from Debian's packages (see data/README.md). Asked for but not packaged by Debian
# bookworm, so not measured: aws_lambda_powertools, awswrangler, openai, langchain, orjson,
# opensearchpy, slack_sdk, pyarrow, pynamodb, mangum.

NODE_PACKAGES = [
    # AWS SDK v2 and the v3 clients handlers use most
    "aws-sdk", "@aws-sdk/client-s3", "@aws-sdk/client-dynamodb", "@aws-sdk/lib-dynamodb",
    "@aws-sdk/client-sqs", "@aws-sdk/client-sns", "@aws-sdk/client-ssm",
    "@aws-sdk/client-secrets-manager", "@aws-sdk/client-lambda", "@aws-sdk/client-eventbridge",
    "@aws-sdk/client-kinesis", "@aws-sdk/client-firehose", "@aws-sdk/client-sfn",
    "@aws-sdk/client-sts", "@aws-sdk/client-kms", "@aws-sdk/client-ses", "@aws-sdk/client-sesv2",
    "@aws-sdk/client-cloudwatch", "@aws-sdk/client-cognito-identity-provider",
    "@aws-sdk/client-apigatewaymanagementapi", "@aws-sdk/client-bedrock-runtime",
    "@aws-sdk/client-athena", "@aws-sdk/client-textract", "@aws-sdk/client-rekognition",
    "@aws-sdk/s3-request-presigner",
    # what the v3 clients share: listed so that `loads` records it and an estimate over two
    # clients counts it once (the clients now load @smithy/core, no longer
    # @smithy/smithy-client, which stays listed for code that imports it)
    "@aws-sdk/core", "@smithy/core", "@smithy/smithy-client",
    # Powertools, tracing
    "@aws-lambda-powertools/logger", "@aws-lambda-powertools/tracer",
    "@aws-lambda-powertools/metrics", "@aws-lambda-powertools/parameters",
    "@aws-lambda-powertools/idempotency", "aws-xray-sdk-core",
    # HTTP clients
    "axios", "node-fetch", "got",
    # utilities, dates, ids
    "lodash", "moment", "moment-timezone", "dayjs", "date-fns", "uuid",
    # auth and validation
    "jsonwebtoken", "jwks-rsa", "bcryptjs", "joi", "zod", "ajv", "yup",
    # databases
    "pg", "mysql2", "mongoose", "mongodb", "ioredis", "redis", "knex", "sequelize",
    # documents, images, templates, formats
    "sharp", "pdfkit", "pdf-lib", "handlebars", "ejs", "cheerio", "xml2js", "fast-xml-parser",
    "csv-parse", "papaparse", "exceljs", "xlsx",
    # SaaS clients, mail
    "openai", "@langchain/core", "stripe", "twilio", "@sendgrid/mail", "nodemailer",
    # logging
    "winston", "pino",
    # web frameworks and adapters
    "express", "serverless-http", "aws-serverless-express", "graphql", "@apollo/server",
]
# ES-module-only packages are left out (uuid 12 and later, @middy/core 5 and later, ...): on a
# Node.js that can require() them, the ES modules they load do not appear in require.cache, so
# their loaded bytes and `loads` cannot be measured this way; the probe runs node with
# --no-experimental-require-module where node knows it, so that such a package fails to load
# and is reported rather than measured short. @prisma/client is left out too: it loads only after
# `prisma generate`, which the measurement cannot run.
# What to install for each package (version ranges); require() uses the name. uuid 11 is the
# last major version with a CommonJS build; node-fetch 2 and got 11 are the last CommonJS ones;
# jwks-rsa 3.2 and later require() jose 6, an ES module, and 3.1 uses jose 4, a CommonJS one.
NODE_INSTALL_SPECS = {"aws-sdk": "aws-sdk@2", "uuid": "uuid@11", "node-fetch": "node-fetch@2",
                      "got": "got@11", "jwks-rsa": "jwks-rsa@3.1"}

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_OUT = os.path.join(REPO, "data", "import-costs.yaml")

# The reference machine. Timings are recorded in its milliseconds, so that figures measured on
# different machines (and on one machine under different load) can sit in one file and be held
# against one budget (`budgets.heavy-import-ms`). Each timed run of a module is paired with runs
# of these reference imports in the same moment; the module's time is divided by how much slower
# than on the reference machine the references were in that pair (the speed factor), and the
# median over the pairs is recorded. The figures are those of the first measurement, on
# 2026-11-29: 2 cores, Intel Xeon, Debian bookworm's Python 3.11.2 and node v20.
REFERENCE_MACHINE = "2026-11-29, 2 cores, Intel(R) Xeon(R) Processor, Python 3.11.2, node v20"
PY_REFERENCE_MS = {"json": 3.5, "logging": 6.5, "urllib.request": 20.8}
# npm packages pinned to the versions timed on the reference machine (installed apart from the
# measured packages, so the latest versions of those do not change them).
NODE_REFERENCE_MS = {"lodash@4.18.1": 11.0, "moment@2.31.0": 4.5, "aws-sdk@2.1693.0": 75.4}

# Environment variables that would make the measured interpreter differ from a plain one.
_PY_ENV_DROP = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE",
                "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "PYTHONPROFILEIMPORTTIME",
                "PYTHONNOUSERSITE", "PYTHONSAFEPATH", "VIRTUAL_ENV")
_NODE_ENV_DROP = ("NODE_OPTIONS", "NODE_PATH", "NODE_COMPILE_CACHE")


def warn(msg):
    print("measure_import_costs: " + msg, file=sys.stderr)


def clean_env(drop):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return env


# --------------------------------------------------------------------------------------------
# Python

_IMPORTTIME_RE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)\s*$")


def parse_importtime(stderr):
    """Return [(depth, name, cumulative_us)] from a -X importtime table."""
    rows = []
    for line in stderr.splitlines():
        m = _IMPORTTIME_RE.match(line)
        if m:
            # One space separates the bar from a top-level name; nesting adds two per level.
            depth = (len(m.group(3)) - 1) // 2
            rows.append((depth, m.group(4), int(m.group(2))))
    return rows


def py_baseline_modules(python, env):
    r = subprocess.run([python, "-X", "importtime", "-c", "pass"], env=env,
                       capture_output=True, text=True)
    return {name for depth, name, _ in parse_importtime(r.stderr) if depth == 0}


def py_import_us(python, module, baseline, env):
    """Cumulative µs of what `import module` adds to the importtime table, or None."""
    r = subprocess.run([python, "-X", "importtime", "-c", "import " + module], env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1:] or ["exit %d" % r.returncode]
    total = sum(us for depth, name, us in parse_importtime(r.stderr)
                if depth == 0 and name not in baseline)
    return total, None


_PY_PROBE = r"""
import sys
before = set(sys.modules)
__import__(MOD)
after = [m for m in list(sys.modules) if m not in before]
import os, json
files = set()
for name in after:
    f = getattr(sys.modules.get(name), "__file__", None)
    if not f:
        continue
    if f.endswith(".pyc") and not os.path.exists(f):
        continue
    files.add(os.path.realpath(f))
size = 0
for f in files:
    try:
        size += os.path.getsize(f)
    except OSError:
        pass
top = MOD.split(".")[0]
version, dist = None, None
try:
    import importlib.metadata as md
    dists = md.packages_distributions().get(top) or []
    for d in dists:
        try:
            version, dist = md.version(d), d
            break
        except Exception:
            pass
except Exception:
    pass
if version is None:
    v = getattr(sys.modules[top], "__version__", None)
    if isinstance(v, str):
        version = v
mod_file = getattr(sys.modules[top], "__file__", None) or ""
stdlib = bool(mod_file) and os.path.realpath(mod_file).startswith(
    os.path.realpath(os.path.dirname(os.__file__)) + os.sep) and "-packages" not in mod_file
print(json.dumps({"code_bytes": size, "modules": len(after), "files": len(files),
                  "loaded": sorted(after),
                  "version": version, "distribution": dist, "stdlib": stdlib,
                  "file": mod_file}))
"""


def py_probe(python, module, env):
    code = "MOD = %r\n" % module + _PY_PROBE
    r = subprocess.run([python, "-c", code], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1:] or ["exit %d" % r.returncode]
    return json.loads(r.stdout.strip().splitlines()[-1]), None


def py_speed_factor(python, baseline, env):
    """How much slower than on the reference machine the reference imports are now."""
    total = 0
    for ref in PY_REFERENCE_MS:
        us, err = py_import_us(python, ref, baseline, env)
        if us is None:
            raise SystemExit("python: reference import %s failed: %s" % (ref, "; ".join(err)))
        total += us
    return total / (1000.0 * sum(PY_REFERENCE_MS.values()))


def measure_python(python, modules, runs, normalise):
    env = clean_env(_PY_ENV_DROP)
    version = subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                             env=env, capture_output=True, text=True, check=True).stdout.strip()
    baseline = py_baseline_modules(python, env)
    method = "%s -X importtime -c 'import MOD', cumulative time, median of %d fresh-process runs" \
        " after 1 discarded warm-up" % (python, runs)
    if normalise:
        method += ", each divided by the speed factor of paired reference imports (%s)" % \
            ", ".join(PY_REFERENCE_MS)
        if not version.startswith("3.11."):
            warn("python: the reference figures are for Python 3.11; %s imports its standard "
                 "library differently, so the normalised figures are rougher" % version)
    results = {}
    factors = []
    for module in modules:
        probe, err = py_probe(python, module, env)
        if probe is None:
            warn("python: %s not importable, left out (%s)" % (module, "; ".join(err)))
            continue
        py_import_us(python, module, baseline, env)  # warm-up, discarded
        samples = []
        for _ in range(runs):
            us, err = py_import_us(python, module, baseline, env)
            if us is None:
                break
            if normalise:
                factor = py_speed_factor(python, baseline, env)
                factors.append(factor)
                us /= factor
            samples.append(us)
        if len(samples) != runs:
            warn("python: %s failed during timing, left out (%s)" % (module, "; ".join(err or [])))
            continue
        entry = {
            "version": probe["version"] if not probe["stdlib"] else "stdlib " + version,
        }
        if probe["distribution"] and not probe["stdlib"]:
            entry["distribution"] = probe["distribution"]
        entry["import_ms"] = round(statistics.median(samples) / 1000.0, 1)
        entry["min_ms"] = round(min(samples) / 1000.0, 1)
        entry["max_ms"] = round(max(samples) / 1000.0, 1)
        entry["code_bytes"] = probe["code_bytes"]
        entry["modules_loaded"] = probe["modules"]
        entry["loaded"] = set(probe["loaded"])
        entry["method"] = method
        if entry["version"] is None:
            warn("python: no version found for %s" % module)
            entry["version"] = "unknown"
        results[module] = entry
        print("python  %-16s %8.1f ms  %10d bytes  %s" % (
            module, entry["import_ms"], entry["code_bytes"], entry["version"]), file=sys.stderr)
    return version, results, (statistics.median(factors) if factors else None)


# --------------------------------------------------------------------------------------------
# JavaScript

_NODE_PROBE = r"""
const name = process.argv[1];
const t0 = process.hrtime.bigint();
require(name);
const t1 = process.hrtime.bigint();
const fs = require('fs');
let bytes = 0, files = 0;
for (const f of Object.keys(require.cache)) {
  try { bytes += fs.statSync(f).size; files++; } catch (e) {}
}
process.stdout.write(JSON.stringify({ns: Number(t1 - t0), loaded_bytes: bytes, files,
                                     loaded: Object.keys(require.cache)}) + '\n');
"""


def dir_bytes(path):
    total = 0
    for root, dirs, files in os.walk(path):
        for f in files:
            p = os.path.join(root, f)
            try:
                if not os.path.islink(p):
                    total += os.path.getsize(p)
            except OSError:
                pass
    return total


def node_flags(node, env):
    """--no-experimental-require-module where node knows it (20.17 and later), so that require()
    of an ES module fails instead of loading files that require.cache does not list."""
    r = subprocess.run([node, "--no-experimental-require-module", "-e", "0"], env=env,
                       capture_output=True, text=True)
    return ["--no-experimental-require-module"] if r.returncode == 0 else []


def node_require(node, pkg, cwd, env, flags=()):
    r = subprocess.run([node, *flags, "-e", _NODE_PROBE, pkg], cwd=cwd, env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1:] or ["exit %d" % r.returncode]
    return json.loads(r.stdout.strip().splitlines()[-1]), None


def npm_install(npm, packages, directory, pinned=False):
    with open(os.path.join(directory, "package.json"), "w") as f:
        json.dump({"name": "import-cost-measurement", "version": "0.0.0", "private": True}, f)
    specs = list(packages) if pinned else [NODE_INSTALL_SPECS.get(p, p) for p in packages]
    cmd = [npm, "install", "--ignore-scripts", "--no-audit", "--no-fund"] + specs
    warn("running: " + " ".join(cmd) + "  (in %s)" % directory)
    r = subprocess.run(cmd, cwd=directory, capture_output=True, text=True)
    if r.returncode != 0:
        warn("npm install failed; measuring whatever got installed:\n" + r.stderr[-2000:])


def node_speed_factor(node, ref_dir, env, flags):
    """How much slower than on the reference machine the reference requires are now."""
    total = 0
    for spec in NODE_REFERENCE_MS:
        p, err = node_require(node, spec.rsplit("@", 1)[0], ref_dir, env, flags)
        if p is None:
            raise SystemExit("node: reference require %s failed: %s" % (spec, "; ".join(err)))
        total += p["ns"]
    return total / (1e6 * sum(NODE_REFERENCE_MS.values()))


def measure_node(node, npm, packages, runs, node_dir, normalise):
    env = clean_env(_NODE_ENV_DROP)
    version = subprocess.run([node, "--version"], capture_output=True, text=True,
                             check=True).stdout.strip()
    tmp = None
    if node_dir is None:
        tmp = tempfile.mkdtemp(prefix="import-costs-")
        node_dir = tmp
        npm_install(npm, packages, node_dir)
    ref_tmp = None
    if normalise:
        ref_tmp = tempfile.mkdtemp(prefix="import-costs-reference-")
        npm_install(npm, list(NODE_REFERENCE_MS), ref_tmp, pinned=True)
    flags = node_flags(node, env)
    method = "node%s -e: process.hrtime.bigint() around require(name), median of %d" \
        " fresh-process runs after 1 discarded warm-up" % ("".join(" " + f for f in flags), runs)
    if normalise:
        method += ", each divided by the speed factor of paired reference requires (%s)" % \
            ", ".join(NODE_REFERENCE_MS)
    results = {}
    factors = []
    try:
        if normalise:
            node_speed_factor(node, ref_tmp, env, flags)  # warm-up, discarded
        for pkg in packages:
            pkg_dir = os.path.join(node_dir, "node_modules", *pkg.split("/"))
            manifest = os.path.join(pkg_dir, "package.json")
            if not os.path.exists(manifest):
                warn("node: %s not installed, left out" % pkg)
                continue
            with open(manifest) as f:
                pkg_version = json.load(f).get("version", "unknown")
            probe, err = node_require(node, pkg, node_dir, env, flags)  # warm-up, discarded
            if probe is None:
                warn("node: require(%r) failed, left out (%s)" % (pkg, "; ".join(err)))
                continue
            samples = []
            for _ in range(runs):
                p, err = node_require(node, pkg, node_dir, env, flags)
                if p is None:
                    break
                ns = p["ns"]
                if normalise:
                    factor = node_speed_factor(node, ref_tmp, env, flags)
                    factors.append(factor)
                    ns /= factor
                samples.append(ns)
            if len(samples) != runs:
                warn("node: %s failed during timing, left out (%s)" % (pkg, "; ".join(err or [])))
                continue
            entry = {
                "version": pkg_version,
                "require_ms": round(statistics.median(samples) / 1e6, 1),
                "min_ms": round(min(samples) / 1e6, 1),
                "max_ms": round(max(samples) / 1e6, 1),
                "package_bytes": dir_bytes(pkg_dir),
                "loaded_bytes": probe["loaded_bytes"],
                "files_loaded": probe["files"],
                "loaded": set(probe["loaded"]),
                "method": method,
            }
            results[pkg] = entry
            print("node    %-26s %8.1f ms  %10d pkg bytes  %10d loaded  %s" % (
                pkg, entry["require_ms"], entry["package_bytes"], entry["loaded_bytes"],
                pkg_version), file=sys.stderr)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        if ref_tmp:
            shutil.rmtree(ref_tmp, ignore_errors=True)
    return version, results, (statistics.median(factors) if factors else None)


# --------------------------------------------------------------------------------------------
# Output

def machine_description():
    cores = os.cpu_count() or 0
    distro = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    distro = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    desc = "%d cores, %s, %s" % (cores, distro, platform.machine())
    return desc + (", " + cpu if cpu else "")


def yaml_scalar(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    return json.dumps(str(v))  # a JSON string is a valid double-quoted YAML scalar


def yaml_key(k):
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", k):
        return k
    return json.dumps(k)


def yaml_flow(d):
    return "{" + ", ".join("%s: %s" % (yaml_key(k), yaml_scalar(v)) for k, v in d.items()) + "}"


# Where Debian's packages load what the packages a Lambda deployment (or runtime) has do not:
# Debian's python3-botocore is patched (do-not-use-vendored-code) to import the system `requests`
# where upstream botocore, the one Lambda's Python runtimes ship, imports only its own vendored
# stub. Measured on Debian, boto3 would seem to load requests; on Lambda it does not, and an
# analysis that believed it would never see `import requests` as a cost of its own.
# What requests loads comes along: chardet and idna (and simplejson, which requests imports in
# place of json when it is installed); s3transfer imports botocore, and so is measured the same.
_DEBIAN_BOTOCORE_EXTRA = {"requests", "chardet", "idna", "simplejson"}
DEBIAN_ONLY_LOADS = {
    "boto3": _DEBIAN_BOTOCORE_EXTRA,
    "botocore": _DEBIAN_BOTOCORE_EXTRA,
    "botocore.session": _DEBIAN_BOTOCORE_EXTRA,
    "s3transfer": _DEBIAN_BOTOCORE_EXTRA,
}
# The header note that says so in the generated file.
DEBIAN_ONLY_NOTE = [
    "Debian's botocore is patched to import the system requests, which Lambda's does",
    "not: requests, and chardet, idna and simplejson that it brings, are left out of the",
    "loads of boto3, botocore and s3transfer (DEBIAN_ONLY_LOADS in the script), though",
    "their times still include them.",
]


def resolve_loads(python_results, node_results, node_prefix="/node_modules/"):
    """Replace each entry's raw `loaded` set with `loads`: the other catalogued modules that
    importing it brings in (so an estimate over several imports counts shared ones once)."""
    for results, is_node in ((python_results, False), (node_results, True)):
        if not results:
            continue
        for name, entry in results.items():
            loaded = entry.pop("loaded", set())
            loads = []
            for other in results:
                if other == name:
                    continue
                if is_node:
                    needle = node_prefix + other + "/"
                    hit = any(needle in f for f in loaded)
                else:
                    hit = other in loaded
                if hit and not (not is_node and other in DEBIAN_ONLY_LOADS.get(name, ())):
                    loads.append(other)
            # keep `method` last for readability
            method = entry.pop("method")
            entry["loads"] = " ".join(sorted(loads, key=str.lower))
            entry["method"] = method


def stdlib_names(python, node):
    """Modules that come with the runtime: the interpreter's standard library and Node's
    built-in modules. They are not weighed as packages and not listed as unmeasured."""
    out = {}
    r = subprocess.run([python, "-c", "import sys; print(' '.join(sorted(sys.stdlib_module_names)))"],
                       env=clean_env(_PY_ENV_DROP), capture_output=True, text=True)
    if r.returncode == 0:
        out["python"] = " ".join(n for n in r.stdout.split() if not n.startswith("_"))
    if node and shutil.which(node):
        r = subprocess.run([node, "-p", "require('module').builtinModules.filter(m => "
                            "!m.startsWith('_')).join(' ')"], capture_output=True, text=True)
        if r.returncode == 0:
            out["javascript"] = r.stdout.strip()
    return out


def write_yaml(path, date, measured_on, python_results, node_results, argv, stdlib=None):
    lines = [
        "# Module import costs, measured (not estimated). Generated by",
        "# scripts/measure_import_costs.py on %s; do not edit by hand." % date,
        "# Regenerate with: python3 %s" % " ".join(["scripts/measure_import_costs.py"] + argv),
        "#",
        "# python:     import_ms = median cumulative time of `import MOD` in -X importtime, one",
        "#             fresh interpreter per run; code_bytes = bytes of the .py/.so files of the",
        "#             modules the import adds to sys.modules (shared libraries not counted).",
        "# javascript: require_ms = median wall time of require(name) in a fresh node process;",
        "#             package_bytes = the package's own directory on disk; loaded_bytes = bytes",
        "#             of every file require() loaded, dependencies included.",
        "# loads: the other modules listed here that the import brings in (an estimate over",
        "#        several imports counts those once).",
    ] + ["#        " + line for line in DEBIAN_ONLY_NOTE] + [
        "# min_ms/max_ms give the spread of the runs. Times are in milliseconds of the reference",
        "# machine (measured_on.normalised_to): each run is divided by the speed factor of",
        "# reference imports timed with it (PY_REFERENCE_MS, NODE_REFERENCE_MS in the script),",
        "# so entries measured on different machines compare. Compare entries with each other,",
        "# not with Lambda durations.",
        "measured_on: " + yaml_flow(measured_on),
    ]
    if stdlib:
        lines.append("# Modules that come with the runtime (not weighed, not reported as unmeasured).")
        lines.append("stdlib:")
        for lang in sorted(stdlib):
            lines.append("  %s: %s" % (lang, yaml_scalar(stdlib[lang])))
    if python_results is not None:
        lines.append("python:")
        for name in sorted(python_results, key=str.lower):
            lines.append("  %s: %s" % (yaml_key(name), yaml_flow(python_results[name])))
    if node_results is not None:
        lines.append("javascript:")
        for name in sorted(node_results, key=str.lower):
            lines.append("  %s: %s" % (yaml_key(name), yaml_flow(node_results[name])))
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs per module (default 7)")
    ap.add_argument("--python", default="/usr/bin/python3",
                    help="interpreter to measure (default /usr/bin/python3, Debian's)")
    ap.add_argument("--node", default="node", help="node executable (default: node on PATH)")
    ap.add_argument("--npm", default="npm", help="npm executable (default: npm on PATH)")
    ap.add_argument("--node-dir", default=None,
                    help="directory whose node_modules already holds the packages "
                         "(default: npm install into a temporary directory)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output file (default data/import-costs.yaml)")
    ap.add_argument("--skip-python", action="store_true")
    ap.add_argument("--skip-node", action="store_true")
    ap.add_argument("--modules", nargs="*", default=None, help="Python modules to measure")
    ap.add_argument("--packages", nargs="*", default=None, help="npm packages to measure")
    ap.add_argument("--raw", action="store_true",
                    help="record this machine's milliseconds instead of normalising them to the "
                         "reference machine through paired reference imports")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    date = datetime.date.today().isoformat()
    measured_on = {"date": date, "machine": machine_description()}
    python_results = node_results = None
    if not args.skip_python:
        pyver, python_results, factor = measure_python(
            args.python, args.modules or PYTHON_MODULES, args.runs, not args.raw)
        measured_on["python"] = pyver
        if factor is not None:
            measured_on["python_speed_factor"] = round(factor, 2)
        measured_on["python_executable"] = args.python
    if not args.skip_node:
        if shutil.which(args.node) is None:
            warn("node not found; JavaScript left out")
        else:
            nodever, node_results, factor = measure_node(
                args.node, args.npm, args.packages or NODE_PACKAGES, args.runs, args.node_dir,
                not args.raw)
            measured_on["node"] = nodever
            if factor is not None:
                measured_on["node_speed_factor"] = round(factor, 2)
    measured_on["runs"] = args.runs
    if not args.raw:
        measured_on["normalised_to"] = REFERENCE_MACHINE

    shown = ["--runs", str(args.runs)] + (["--skip-python"] if args.skip_python else []) + \
        (["--skip-node"] if args.skip_node else []) + (["--raw"] if args.raw else [])
    resolve_loads(python_results, node_results)
    write_yaml(args.out, date, measured_on, python_results, node_results, shown,
               stdlib_names(args.python, None if args.skip_node else args.node))
    warn("wrote %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
