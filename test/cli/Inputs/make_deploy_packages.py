"""Builds deployment packages for test/cli/packages.test: zips (read from their central
directory) and folders (with sparse files, so that quota-sized folders cost no disk)."""
import os
import random
import struct
import sys
import zipfile

root = sys.argv[1]
rng = random.Random(7)


def blob(n):
    # Compressible about 4:1 but not absurdly: random bytes from a small alphabet.
    return bytes(rng.choice(b"abcdefgh") for _ in range(n))


def sparse(path, size):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.truncate(size)


def write(path, data):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


MiB = 1024 * 1024

# 1. A SAM-built Python function as a zip: the SDK bundled, tests and docs inside packages.
with zipfile.ZipFile(os.path.join(root, "python-fn.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    # The handler is analysed from the archive too (test/project/zip.test); this one is clean.
    z.writestr("app.py", "import boto3\n\ns3 = boto3.client(\"s3\")\n\n\ndef lambda_handler(event, context):\n"
                         "    return s3.list_buckets()\n")
    z.writestr("boto3/__init__.py", blob(200_000))
    z.writestr("boto3-1.34.0.dist-info/METADATA", b"Name: boto3\n")
    z.writestr("botocore/data/s3.json", blob(2_000_000))
    z.writestr("botocore/__init__.py", blob(100_000))
    z.writestr("requests/__init__.py", blob(300_000))
    z.writestr("requests-2.31.0.dist-info/METADATA", b"Name: requests\n")
    z.writestr("requests/tests/test_api.py", blob(900_000))
    z.writestr("requests/docs/guide.md", blob(600_000))
    z.writestr("requests/LICENSE", blob(10_000))
    z.writestr("requests/__pycache__/api.cpython-312.pyc", blob(50_000))

# 2. A Node.js function as a folder: v3 and v2 SDKs, dev tools, TypeScript sources.
write("node-fn/index.js", b"exports.handler = async () => 1;\n")
write("node-fn/index.ts", b"export const handler = async () => 1;\n")
write("node-fn/index.js.map", blob(40_000))
write("node-fn/node_modules/@aws-sdk/client-s3/package.json", b'{"name":"@aws-sdk/client-s3"}')
write("node-fn/node_modules/@aws-sdk/client-s3/dist-cjs/index.js", blob(1_200_000))
write("node-fn/node_modules/aws-sdk/package.json", b'{"name":"aws-sdk"}')
write("node-fn/node_modules/aws-sdk/lib/core.js", blob(900_000))
write("node-fn/node_modules/typescript/lib/typescript.js", blob(2_500_000))
write("node-fn/node_modules/@types/node/index.d.ts", blob(300_000))
write("node-fn/node_modules/left-pad/index.js", blob(2_000))
write("node-fn/node_modules/left-pad/README.md", blob(4_000))
write("node-fn/node_modules/left-pad/test/test.js", blob(8_000))

# 3. Quotas: a function folder of 150 MiB and a layer of 60 MiB (sparse files): together over
#    80% of 250 MB; with the 110 MiB layer instead, over the quota itself.
sparse("big-fn/model/weights.bin", 150 * MiB)
write("big-fn/handler.py", b"def handler(event, context):\n    return 1\n")
sparse("layer-60/python/lib/python3.12/site-packages/scipy/_lib.so", 60 * MiB)
sparse("layer-110/python/lib/python3.12/site-packages/scipy/_lib.so", 110 * MiB)

# 4. A zip over 50 MB zipped (stored, so its size is real).
with zipfile.ZipFile(os.path.join(root, "stored.zip"), "w", zipfile.ZIP_STORED) as z:
    chunk = blob(1 * MiB)
    for i in range(52):
        z.writestr(f"assets/part{i:02d}.bin", chunk)

# 5. Bad input: random bytes, an empty file, a truncated zip, a zip whose central directory
#    declares an absurd size.
write("random.zip", bytes(rng.randrange(256) for _ in range(5000)))
write("empty.zip", b"")
good = open(os.path.join(root, "python-fn.zip"), "rb").read()
write("truncated.zip", good[: len(good) // 2])
with zipfile.ZipFile(os.path.join(root, "absurd.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("app.py", b"x = 1\n" * 100)
    z.writestr("bomb.bin", b"\0" * 10_000)
data = bytearray(open(os.path.join(root, "absurd.zip"), "rb").read())
at = data.find(b"PK\x01\x02" , 0)
at = data.find(b"PK\x01\x02", at + 4)  # the second central directory header: bomb.bin
struct.pack_into("<I", data, at + 24, 0xFFFFFFF0)  # uncompressed size: about 4 GiB
write("absurd.zip", bytes(data))
