"""Product catalog API: FastAPI behind an API Gateway HTTP API, adapted by Mangum."""

import os

import boto3
import httpx
from fastapi import FastAPI, HTTPException
from mangum import Mangum

app = FastAPI(title="catalog")

# Module scope: created once per execution environment.
products = boto3.resource("dynamodb").Table(os.environ["CATALOG_TABLE"])


@app.get("/products/{sku}")
def get_product(sku: str) -> dict:
    item = products.get_item(Key={"sku": sku}).get("Item")
    if item is None:
        raise HTTPException(status_code=404, detail="unknown sku")
    return item


@app.get("/products/{sku}/image")
def product_image(sku: str) -> dict:
    s3 = boto3.client("s3")
    url = s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": os.environ["IMAGES_BUCKET"], "Key": f"images/{sku}.jpg"},
        ExpiresIn=300,
    )
    return {"url": url}


@app.get("/products/{sku}/price")
def product_price(sku: str) -> dict:
    # A new connection pool, and a new TLS handshake, for every request.
    with httpx.Client(base_url=os.environ["PRICING_API_URL"], timeout=2.0) as pricing:
        resp = pricing.get(f"/prices/{sku}")
    resp.raise_for_status()
    return resp.json()


# Mangum turns API Gateway events into ASGI requests: every route above runs per invocation.
handler = Mangum(app, lifespan="off")
