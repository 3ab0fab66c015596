import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const auditMiddleware = () => ({
  before: async (request) => {
    const ddb = new DynamoDBClient({});
    request.context.ddb = ddb;
  },
});

// Not used by any handler: nothing to report.
export function unusedMiddleware() {
  return {
    after: async (request) => {
      const ddb = new DynamoDBClient({});
      request.response = ddb;
    },
  };
}
