// RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler,connection-in-handler,config-fetch-in-handler %t
// A client, connection or fetch made from a value of this invocation (the event, a parameter,
// credentials assumed in this invocation) cannot simply move to module scope: a note that says
// which value, with no fix. One made from constants and the environment is a warning with a fix.
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import { S3Client } from "@aws-sdk/client-s3";
import { SSMClient, GetParameterCommand } from "@aws-sdk/client-ssm";
import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import pg from "pg";

export const handler = async (event, context) => {
  const sts = new STSClient({ region: process.env.AWS_REGION });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: AWS SDK client `new STSClient(...)` is created on every invocation in handler `handler`; create it once at module scope and reuse it [client-in-handler]
  // CHECK-FIXES: {{^}}const sts = new STSClient({ region: process.env.AWS_REGION });
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE, RoleSessionName: "s" }));
  const s3 = new S3Client({
    // CHECK-MESSAGES: :[[@LINE-1]]:14: note: AWS SDK client `new S3Client(...)` is created on every invocation in handler `handler`; it uses `Credentials`, a value of this invocation, so it cannot simply be made once: if such values repeat across invocations, keep one per value in a module-level cache [client-in-handler]
    credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey },
  });
  const assumed = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE } }) });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: note: AWS SDK client `new S3Client(...)` {{.*}}; it uses `fromTemporaryCredentials`, a value of this invocation, {{.*}} [client-in-handler]
  const { domainName, stage } = event.requestContext;
  const endpoint = `https://${domainName}/${stage}`;
  const api = new ApiGatewayManagementApiClient({ endpoint });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: note: AWS SDK client `new ApiGatewayManagementApiClient(...)` {{.*}}; it uses `endpoint`, a value of this invocation, {{.*}} [client-in-handler]
  // CHECK-FIXES: {{^}}  const api = new ApiGatewayManagementApiClient({ endpoint });
  await api.send(new PostToConnectionCommand({ ConnectionId: event.requestContext.connectionId, Data: "hi" }));
  const db = new pg.Client({ host: event.ResourceProperties.Host });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: note: PostgreSQL connection `new pg.Client(...)` {{.*}}; it uses `event`, a value of this invocation, {{.*}} [connection-in-handler]
  for (const record of event.Records) {
    const ssm = new SSMClient({});
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: AWS SDK client `new SSMClient(...)` {{.*}} [client-in-handler]
    await ssm.send(new GetParameterCommand({ Name: record.body }));
    // CHECK-MESSAGES: :[[@LINE-1]]:20: note: SSM Parameter Store fetch `new GetParameterCommand(...)` {{.*}}; it uses `record`, a value of this invocation, {{.*}} [config-fetch-in-handler]
  }
  return [s3, assumed, db];
};
