// RUN: %check_lambda_lint --no-fix %s client-in-handler %t
// RUN: %check_lambda_lint --no-fix --check-suffix=OPTION %s client-in-handler %t-option -- --handler %t-option.js:process
// CommonJS handlers: `exports.handler = ...`, response streaming, `module.exports = {...}`, a
// class-based handler bound to a module-level instance; and --handler, which names the handler
// (only the named functions are handlers then).
const { S3Client } = require("@aws-sdk/client-s3");

exports.handler = awslambda.streamifyResponse(async (event, responseStream, _context) => {
  responseStream.write(String(new S3Client({})));
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `handler`; {{.*}}
  responseStream.end();
});

class Processor {
  constructor() {
    this.s3 = new S3Client({});
  }

  async run(event) {
    await this.s3.send(event.command);
    return this.audit(event);
  }

  audit(event) {
    return new S3Client({ region: event.region });
    // CHECK-MESSAGES: :[[@LINE-1]]:12: note: AWS SDK client `new S3Client(...)` is created on every invocation in `Processor.audit`, called from handler `Processor.run`; {{.*}}
  }
}

const processor = new Processor();

async function process(event) {
  return new S3Client({});
  // CHECK-MESSAGES-OPTION: :[[@LINE-1]]:10: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `process`; {{.*}}
}

module.exports.lambdaHandler = processor.run.bind(processor);
module.exports.process = process;
