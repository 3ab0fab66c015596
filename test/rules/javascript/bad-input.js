// Bad JavaScript and TypeScript input gets a clear message and the run goes on.
// RUN: rm -rf %t && mkdir -p %t
// A syntax error: the parts that parse are still analysed, and --fix leaves the file alone.
// RUN: printf 'import { S3Client } from "@aws-sdk/client-s3";\n\nexport const handler = async (event) => {\n  const s3 = new S3Client({});\n  return s3;\n};\n\nfunction broken( {\n' > %t/broken.mjs
// RUN: printf 'export const handler = async (event: { id: string }) => {\n  const s3 = new S3Client({} as const;\n};\n' > %t/broken.ts
// A minified bundle (one long line of code) is not handler source; a long data line is fine.
// RUN: %python -c "print('\"use strict\";var a=require(\"@aws-sdk/client-s3\");' + 'function f(b){return b+1}var c=f(1);' * 60 + 'exports.handler=async function(e){return new a.S3Client({})};')" > %t/bundle.js
// RUN: %python -c "print('const { S3Client } = require(\"@aws-sdk/client-s3\");\nconst DATA = \"' + 'A' * 5000 + '\";\nexports.handler = async () => new S3Client({ credentials: DATA });')" > %t/data.js
// Deeply nested code and a long chain of operators.
// RUN: %python -c "print('exports.handler = async (event) => ' + '(' * 5000 + '1' + ')' * 5000 + ';')" > %t/deep.js
// RUN: %python -c "print('const x = ' + '1 + ' * 100000 + '1;')" > %t/long.js
// RUN: cp %t/broken.mjs %t/broken-copy.mjs
// RUN: %lambda-lint --fix %t/broken-copy.mjs > /dev/null 2>&1 || true
// RUN: cmp %t/broken.mjs %t/broken-copy.mjs
// RUN: %expect_exit 1 %lambda-lint %t/broken.mjs %t/broken.ts %t/bundle.js %t/data.js %t/deep.js %t/long.js > %t/out.txt 2>&1
// RUN: FileCheck %s --input-file=%t/out.txt

// CHECK-DAG: broken.mjs:4:14: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `handler`
// CHECK-DAG: broken.mjs:{{[0-9]+}}:{{[0-9]+}}: warning: syntax error; findings in this file may be incomplete and no fixes are applied to it
// CHECK-DAG: broken.ts:{{[0-9]+}}:{{[0-9]+}}: warning: syntax error; findings in this file may be incomplete
// CHECK-DAG: bundle.js: note: looks minified or generated; skipped
// CHECK-DAG: data.js:3:31: warning: AWS SDK client `new S3Client(...)`
// CHECK-DAG: deep.js:1:{{[0-9]+}}: warning: code nested more than {{[0-9]+}} levels deep was not analysed
// CHECK-NOT: bundle.js:{{[0-9]+}}
// CHECK: Found 2 findings in 6 files
