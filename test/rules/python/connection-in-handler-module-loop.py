# RUN: %check_lambda_lint --unsafe-fixes %s connection-in-handler %t
# The module keeps an event loop of its own and runs every invocation's coroutines in it: a
# session made per invocation could be kept in that loop, so it is reported.
import asyncio

import aiohttp

loop = asyncio.new_event_loop()


async def fetch(url):
    session = aiohttp.ClientSession()
    # CHECK-MESSAGES: :[[@LINE-1]]:15: warning: HTTP session `aiohttp.ClientSession(...)` is opened on every invocation in `fetch`, called from handler `lambda_handler`{{.*}} [connection-in-handler]
    async with session.get(url) as response:
        return await response.text()


def lambda_handler(event, context):
    return loop.run_until_complete(fetch(event["url"]))
