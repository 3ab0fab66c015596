// RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler %t
// Unsafe fixes: a client made in a branch or used inline becomes a lazy getter with a
// module-level cache filled by `??=`, in the file's own indentation and style.
import { S3Client } from "@aws-sdk/client-s3";
import { GlacierClient } from "@aws-sdk/client-glacier";

export const handler = async (event) => {
    if (event.archive) {
        const glacier = new GlacierClient({ region: process.env.ARCHIVE_REGION });
        // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: AWS SDK client `new GlacierClient(...)` {{.*}} [client-in-handler]
        await glacier.send(event.archive);
    }
    await new S3Client({
        maxAttempts: 5,
    }).send(event.command);
    // CHECK-MESSAGES: :[[@LINE-3]]:11: warning: AWS SDK client `new S3Client(...)` {{.*}} [client-in-handler]
    return { statusCode: 200 };
};

// CHECK-FIXES: let _glacier;
// CHECK-FIXES-NEXT: function getGlacier() {
// CHECK-FIXES-NEXT: {{^    }}_glacier ??= new GlacierClient({ region: process.env.ARCHIVE_REGION });
// CHECK-FIXES-NEXT: {{^    }}return _glacier;
// CHECK-FIXES-NEXT: }
// CHECK-FIXES: let _s3Client;
// CHECK-FIXES-NEXT: function getS3Client() {
// CHECK-FIXES-NEXT: {{^    }}_s3Client ??= new S3Client({
// CHECK-FIXES-NEXT: {{^        }}maxAttempts: 5,
// CHECK-FIXES-NEXT: {{^    }}});
// CHECK-FIXES-NEXT: return _s3Client;
// CHECK-FIXES: export const handler = async (event) => {
// CHECK-FIXES: const glacier = getGlacier();
// CHECK-FIXES: await getS3Client().send(event.command);
