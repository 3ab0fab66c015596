// Nightly sales report, still on the AWS SDK for JavaScript v2 and CommonJS: reads yesterday's
// orders from the MySQL replica and writes a CSV to S3.
const AWS = require("aws-sdk");
const mysql = require("mysql2/promise");

const secretsManager = new AWS.SecretsManager();

exports.handler = async (event) => {
  const s3 = new AWS.S3({ signatureVersion: "v4" });
  const secret = await secretsManager.getSecretValue({ SecretId: process.env.DB_SECRET_ARN }).promise();
  const { host, username, password } = JSON.parse(secret.SecretString);
  const connection = await mysql.createConnection({ host, user: username, password, database: "sales" });
  try {
    const [rows] = await connection.query(
      "SELECT sku, SUM(qty) AS qty, SUM(total) AS total FROM orders WHERE day = ? GROUP BY sku",
      [event.day],
    );
    const csv = ["sku,qty,total", ...rows.map((r) => `${r.sku},${r.qty},${r.total}`)].join("\n");
    await s3
      .putObject({ Bucket: process.env.REPORTS_BUCKET, Key: `sales/${event.day}.csv`, Body: csv })
      .promise();
    return { rows: rows.length };
  } finally {
    await connection.end();
  }
};
