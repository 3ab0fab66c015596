#!/usr/bin/env python3
"""expect_exit.py STATUS COMMAND [ARGS...]: run COMMAND, pass its output through, and succeed
only if it exits with STATUS (lit's `not` only knows zero and non-zero)."""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit("usage: expect_exit.py STATUS COMMAND [ARGS...]")
want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != want:
    print(f"expect_exit.py: {sys.argv[2]} exited with {proc.returncode}, expected {want}",
          file=sys.stderr)
    sys.exit(1)
