import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export function getClient() {
  return new DynamoDBClient({});
}
