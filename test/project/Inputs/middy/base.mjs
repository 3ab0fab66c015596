import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';

export async function base(event) {
  const s3 = new S3Client({});
  return s3.send(new ListBucketsCommand({}));
}
