# RUN: %check_lambda_lint %s connection-in-handler %t
# A Python handler runs its coroutines in an event loop each invocation creates (asyncio.run),
# which closes when it returns: an aiohttp session or an httpx AsyncClient made in an async
# function is bound to that loop and cannot be kept for the next invocation. Not reported.
# A requests.Session made in the same async code is not bound to the loop: reported.
import asyncio

import aiohttp
import httpx
import requests


async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        pages = [await (await session.get(u)).text() for u in urls]
    async with httpx.AsyncClient() as client:
        pages.append((await client.get(urls[0])).text)
    sync = requests.Session()
    # CHECK-MESSAGES: :[[@LINE-1]]:12: warning: HTTP session `requests.Session(...)` is opened on every invocation in `fetch_all`, called from handler `lambda_handler`{{.*}} [connection-in-handler]
    return pages, sync


def lambda_handler(event, context):
    return asyncio.run(fetch_all(event["urls"]))
