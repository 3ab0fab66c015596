// RUN: %check_lambda_lint %s sdk-v2-import %t
// A Jest test file (`*.test.js`; likewise `*.spec.*` and files under `__tests__/`) is not
// deployed: its v2 import, there to mock the SDK, is not reported. No CHECK-MESSAGES lines.
const AWS = require("aws-sdk");
const AWSMock = require("aws-sdk-mock");
const { handler } = require("../src/app");

test("reads the order", async () => {
  AWSMock.setSDKInstance(AWS);
  AWSMock.mock("DynamoDB.DocumentClient", "get", { Item: { id: "1" } });
  expect(await handler({ id: "1" })).toEqual({ id: "1" });
});
