#!/usr/bin/env python3
"""mutate.py SRC_ROOT OUT_DIR COUNT SEED: writes COUNT deterministic mutations (truncations,
byte flips, deleted and duplicated spans) of the repository's test and example handlers to
OUT_DIR, for the robustness test."""
import os
import random
import sys

src_root, out, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
exts = (".py", ".js", ".mjs", ".cjs", ".ts", ".tsx")
sources = []
for base in ("test/rules", "examples"):
    for dirpath, _, names in os.walk(os.path.join(src_root, base)):
        sources += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith(exts)]
sources.sort()
os.makedirs(out, exist_ok=True)
for i in range(count):
    path = rng.choice(sources)
    data = bytearray(open(path, "rb").read())
    op = rng.random()
    if op < 0.3 and len(data) > 10:
        data = data[: rng.randrange(len(data))]
    elif op < 0.6:
        for _ in range(rng.randint(1, 20)):
            if data:
                data[rng.randrange(len(data))] = rng.choice(b"(){}[]:;,.\"'\n\t =@#\\\xffabc")
    elif op < 0.8 and len(data) > 20:
        a = rng.randrange(len(data))
        del data[a : min(len(data), a + rng.randint(1, 200))]
    elif len(data) > 20:
        a = rng.randrange(len(data))
        data[a:a] = data[a : min(len(data), a + rng.randint(1, 400))]
    ext = os.path.splitext(path)[1]
    with open(os.path.join(out, f"m{i:04d}{ext}"), "wb") as f:
        f.write(bytes(data))
