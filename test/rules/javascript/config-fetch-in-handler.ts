// RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t
// TypeScript: the cached promise is typed with the command's output type.
import { SSMClient, GetParameterCommand } from "@aws-sdk/client-ssm";
import type { Context } from "aws-lambda";

const ssm = new SSMClient({});

export const handler = async (_event: unknown, _context: Context): Promise<string> => {
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: process.env.FLAGS_PARAM }));
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: SSM Parameter Store fetch `new GetParameterCommand(...)` {{.*}} [config-fetch-in-handler]
  return Parameter?.Value ?? "{}";
};

// CHECK-FIXES: let _parameterPromise: Promise<import("@aws-sdk/client-ssm").GetParameterCommandOutput> | undefined;
// CHECK-FIXES-NEXT: function loadParameter() {
// CHECK-FIXES-NEXT: _parameterPromise ??= ssm.send(new GetParameterCommand({ Name: process.env.FLAGS_PARAM })).catch((err) => {
// CHECK-FIXES: const { Parameter } = await loadParameter();
