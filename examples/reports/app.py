"""Nightly sales report: a class-based handler run by an EventBridge schedule."""

import csv
import io
import json
import os
from datetime import date, timedelta

import boto3
from sqlalchemy import create_engine, text

appconfig = boto3.client("appconfigdata")
sts = boto3.client("sts")

DAILY_SALES = text(
    "SELECT sku, SUM(qty) AS qty, SUM(total) AS total FROM order_lines WHERE day = :day GROUP BY sku"
)


def _report_settings() -> dict:
    # A new AppConfig session on every run instead of one session polled over time.
    session = appconfig.start_configuration_session(
        ApplicationIdentifier="orders",
        EnvironmentIdentifier=os.environ["STAGE"],
        ConfigurationProfileIdentifier="sales-report",
    )
    latest = appconfig.get_latest_configuration(ConfigurationToken=session["InitialConfigurationToken"])
    return json.loads(latest["Configuration"].read())


def _partner_s3(role_arn: str):
    # Credentials differ per partner: this client cannot simply be moved to module scope.
    creds = sts.assume_role(RoleArn=role_arn, RoleSessionName="sales-report")["Credentials"]
    return boto3.client(
        "s3",
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )


class SalesReport:
    def __init__(self) -> None:
        # Runs once: the instance is created at module scope, below.
        self.s3 = boto3.client("s3")
        self.bucket = os.environ["REPORTS_BUCKET"]

    def run(self, event: dict, context) -> dict:
        settings = _report_settings()
        engine = create_engine(os.environ["REPORTS_DB_URL"], pool_pre_ping=True)
        day = date.fromisoformat(event.get("day") or (date.today() - timedelta(days=1)).isoformat())
        with engine.connect() as db:
            rows = db.execute(DAILY_SALES, {"day": day}).all()

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["sku", "qty", "total"])
        writer.writerows(rows)
        body = out.getvalue().encode()
        key = f"sales/{day.isoformat()}.csv"
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=body)
        for partner in settings.get("partners", []):
            _partner_s3(partner["roleArn"]).put_object(Bucket=partner["bucket"], Key=key, Body=body)
        return {"key": key, "rows": len(rows)}


lambda_handler = SalesReport().run
