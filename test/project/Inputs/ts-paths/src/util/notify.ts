import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';

export async function notify(id: string) {
  return new SNSClient({}).send(new PublishCommand({ TopicArn: 'arn', Message: id }));
}
