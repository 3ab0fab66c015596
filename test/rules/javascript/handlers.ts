// RUN: %check_lambda_lint --no-fix %s client-in-handler %t
// Lambda-native routers (Powertools for AWS Lambda event handlers): every registered route runs
// per invocation, whether registered by a call or by a method decorator.
import { Router } from "@aws-lambda-powertools/event-handler/http";
import { AppSyncGraphQLResolver } from "@aws-lambda-powertools/event-handler/appsync-graphql";
import { S3Client } from "@aws-sdk/client-s3";
import type { Context } from "aws-lambda";

const app = new Router();
const graphql = new AppSyncGraphQLResolver();

app.get("/files/:id", async ({ params }) => {
  const s3 = new S3Client({});
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `app.get("/files/:id")`; {{.*}}
  return { id: params.id, s3 };
});

graphql.onQuery("getPost", async ({ id }: { id: string }) => {
  return { id, client: new S3Client({}) };
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `graphql.onQuery("getPost")`; {{.*}}
});

class Api {
  @app.post("/files")
  public async upload(): Promise<unknown> {
    return new S3Client({});
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: AWS SDK client `new S3Client(...)` is created on every invocation in handler `Api.upload`; {{.*}}
  }
}

export const handler = async (event: unknown, context: Context) => app.resolve(event, context);
export const graphqlHandler = async (event: unknown, context: Context) => graphql.resolve(event, context);
void Api;
