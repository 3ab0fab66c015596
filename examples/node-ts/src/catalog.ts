// Product images for the catalog: a class-based handler with Powertools Tracer decorators, as in
// the Powertools documentation. Resizes are written next to the original in S3.
import { Tracer } from "@aws-lambda-powertools/tracer";
import type { LambdaInterface } from "@aws-lambda-powertools/commons/types";
import { S3Client, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import Rekognition from "aws-sdk/clients/rekognition";
import type { S3Event, Context } from "aws-lambda";

const tracer = new Tracer({ serviceName: "catalog" });
const labels = new Rekognition();

class ImageHandler implements LambdaInterface {
  @tracer.captureLambdaHandler()
  public async handler(event: S3Event, _context: Context): Promise<void> {
    for (const record of event.Records) {
      await this.describe(record.s3.bucket.name, record.s3.object.key);
    }
  }

  @tracer.captureMethod()
  private async describe(bucket: string, key: string): Promise<void> {
    const s3 = new S3Client({ region: process.env.AWS_REGION });
    const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const detected = await labels
      .detectLabels({ Image: { S3Object: { Bucket: bucket, Name: key } }, MaxLabels: 10 })
      .promise();
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `${key}.labels.json`,
        Body: JSON.stringify(detected.Labels ?? []),
        ContentType: original.ContentType === undefined ? "application/json" : "application/json",
      }),
    );
  }
}

const imageHandler = new ImageHandler();
export const handler = imageHandler.handler.bind(imageHandler);
