"""Push latency: the worker publishes progress -> the browser shows it, beside a raw Redis pub/sub
round trip.

The whole platform runs as `make run` starts it. Chromium (Playwright) signs in and opens the
editor, whose job list holds one finished review of the user. This process then publishes
progress events for that review on the user's channel, by the worker's own path
(`live_channel.publish`), each with a marker of its own ("bench-mark-N") in the text a job card
shows beside its stage; the page records when the websocket frame carrying it arrives and when
the job card's text shows it
(a MutationObserver). Times on both sides are wall-clock milliseconds of this one machine
(`time.time()` here, `performance.timeOrigin + performance.now()` in the page); the offset
between the two clocks is measured and printed as a check.

Before the browser, the same is measured with no browser at all: a signed-in websocket client
of Reflex's protocol (bench/reflex_client.py) on the editor page, timed in this process from
the publish to the delta's arrival. The backend's share and the browser's share then show apart.

    .venv/bin/python -m bench.push_latency [--events 100] [--raw 1000] [--web-workers 2]
"""

import argparse
import asyncio
import contextlib
import time
import uuid

import aiohttp
import httpx
from playwright.sync_api import Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.harness import bench_services, running_platform
from bench.reflex_client import SimulatedTab
from bench.report import flags, print_table, ratio, run_benchmark, summarize
from bench.workload import PASSWORD, ApiUser, CompletionWatcher, python_source, sign_up, submit
from review_app.models import ReviewStatus
from review_app.redis_client import KEY_PREFIX, redis_for
from review_app.review.models import Stage
from review_app.services.live_channel import ProgressEvent, publish
from support.browser import CHROMIUM, CHROMIUM_ARGS, sign_in

MARKER = "bench-mark-"
MARKER_END = ";"  # a job card's text runs on into its date: "bench-mark-0;2026-12-05 ..."
WARMUP_TRIES = 20
WARMUP_WAIT_SECONDS = 0.5
MAX_DEAD_TABS = 3  # tabs (or page loads) in a row that never get a push: give up
NOW = "performance.timeOrigin + performance.now()"

# Before any page script: note when a websocket frame naming each bench marker arrives.
RECORD_FRAMES = f"""(() => {{
  const seen = (window.__benchFrames = {{}});
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {{
    constructor(...args) {{
      super(...args);
      this.addEventListener("message", (event) => {{
        const at = {NOW};
        if (typeof event.data !== "string") return;
        const marks = event.data.matchAll(/{MARKER}(\\d+){MARKER_END}/g);
        for (const match of marks) seen[match[1]] ??= at;
      }});
    }}
  }};
}})();"""

# Note when a job card first shows each bench marker.
RECORD_DOM = f"""() => {{
  const seen = (window.__benchDom = {{}});
  new MutationObserver(() => {{
    const at = {NOW};
    for (const card of document.querySelectorAll(".job-card")) {{
      const match = /{MARKER}(\\d+){MARKER_END}/.exec(card.textContent);
      if (match && !(match[1] in seen)) seen[match[1]] = at;
    }}
  }}).observe(document.body, {{ subtree: true, childList: true, characterData: true }});
}}"""


async def user_with_a_review(url: str, redis_url: str) -> tuple[ApiUser, uuid.UUID]:
    """A new user with one finished review, so the editor's job list shows a card."""
    async with httpx.AsyncClient(timeout=120) as client:
        user = await sign_up(client, url)
        async with CompletionWatcher(redis_url, user.id) as watcher:
            answer = await submit(client, user, python_source(30, 1))
            await watcher.wait(answer["id"])
    return user, uuid.UUID(answer["id"])


def clock_offset(page: Page, tries: int = 30) -> dict[str, float]:
    """Page clock minus this process's clock (ms), from the quickest of `tries` round trips."""
    best = None
    for _ in range(tries):
        before = time.time() * 1000
        page_now = page.evaluate(f"() => {NOW}")
        after = time.time() * 1000
        if best is None or after - before < best[1]:
            best = (page_now - (before + after) / 2, after - before)
    return {"offset_ms": round(best[0], 3), "round_trip_ms": round(best[1], 3)}


def publish_marker(user: ApiUser, review_id: uuid.UUID, marker: str) -> None:
    """Publish a progress event showing `marker`, as the worker does (live_channel.publish)."""
    event = ProgressEvent(
        review_id=review_id, status=ReviewStatus.RUNNING, stage=Stage.LLM, progress=50, error=marker
    )
    publish(event, user.id)


async def tab_is_live(tab: SimulatedTab, user: ApiUser, review_id: uuid.UUID) -> bool:
    """Whether pushes reach `tab` (its listener subscribes shortly after the page loads)."""
    for attempt in range(WARMUP_TRIES):
        arrival = tab.expect(f"bench-warmup-{attempt}")
        publish_marker(user, review_id, f"bench-warmup-{attempt}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(arrival), WARMUP_WAIT_SECONDS)
            return True
    return False


async def over_websocket(url: str, user: ApiUser, review_id: uuid.UUID, count: int) -> dict:
    """Publish -> the delta reaches a signed-in websocket client (no browser), seconds each."""
    samples, dead_tabs = [], 0
    async with aiohttp.ClientSession() as http:
        tab = SimulatedTab(url, http, path="/editor", session=user.refresh_token)
        await tab.connect()
        while not await tab_is_live(tab, user, review_id):
            dead_tabs += 1
            await tab.close()
            if dead_tabs == MAX_DEAD_TABS:
                raise RuntimeError("pushes never reached a websocket client tab")
            tab = SimulatedTab(url, http, path="/editor", session=user.refresh_token)
            await tab.connect()
        for number in range(count):
            arrival = tab.expect(f"bench-ws-{number}")
            started = time.perf_counter()
            publish_marker(user, review_id, f"bench-ws-{number}")
            try:
                samples.append(await asyncio.wait_for(arrival, 15) - started)
            except TimeoutError:
                raise RuntimeError(f"event {number} never reached the websocket client") from None
            await asyncio.sleep(0.02)
        await tab.close()
    return {"samples": samples, "tabs_without_pushes": dead_tabs}


def page_is_live(page: Page, user: ApiUser, review_id: uuid.UUID) -> bool:
    """Whether pushes reach the page: it shows a warm-up marker (recorded like the others)."""
    page.evaluate(RECORD_DOM)
    for attempt in range(WARMUP_TRIES):
        publish_marker(user, review_id, f"{MARKER}{10**6 + attempt}{MARKER_END}")
        with contextlib.suppress(PlaywrightTimeoutError):
            waiting = WARMUP_WAIT_SECONDS * 1000
            page.wait_for_function("() => Object.keys(window.__benchDom).length", timeout=waiting)
            return True
    return False


def push_events(page: Page, user: ApiUser, review_id: uuid.UUID, count: int) -> dict:
    """Publish `count` progress events one at a time; per event, publish -> frame and -> DOM."""
    published: dict[int, float] = {}
    for number in range(count):
        published[number] = time.time() * 1000
        publish_marker(user, review_id, f"{MARKER}{number}{MARKER_END}")
        page.wait_for_function(f"() => '{number}' in window.__benchDom", timeout=15_000)
        time.sleep(0.02)
    frames = page.evaluate("() => window.__benchFrames")
    shown = page.evaluate("() => window.__benchDom")
    return {
        "to_frame": [(frames[str(n)] - at) / 1000 for n, at in published.items()],
        "to_dom": [(shown[str(n)] - at) / 1000 for n, at in published.items()],
        "frame_to_dom": [(shown[str(n)] - frames[str(n)]) / 1000 for n in published],
    }


def raw_round_trips(redis_url: str, count: int) -> list[float]:
    """PUBLISH on one connection -> the message read on a subscribed other, same payload size."""
    publisher = redis_for(redis_url)
    subscriber = publisher.pubsub(ignore_subscribe_messages=True)
    channel = f"{KEY_PREFIX}bench:raw"
    subscriber.subscribe(channel)
    subscriber.get_message(timeout=1)
    payload = ProgressEvent(
        review_id=uuid.uuid4(),
        status=ReviewStatus.RUNNING,
        stage=Stage.LLM,
        progress=50,
        error=f"{MARKER}0{MARKER_END}",
    ).model_dump_json()
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        publisher.publish(channel, payload)
        while subscriber.get_message(timeout=5) is None:
            pass
        samples.append(time.perf_counter() - started)
    subscriber.close()
    return samples


def in_browser(url: str, user: ApiUser, review_id: uuid.UUID, count: int) -> dict:
    """Sign in with Chromium, open the editor, and push the events to it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.add_init_script(RECORD_FRAMES)
        page.goto(f"{url}/editor")
        sign_in(page, user.email, PASSWORD)
        expect(page.locator(".job-card")).to_have_count(1, timeout=60_000)
        dead_pages = 0
        while not page_is_live(page, user, review_id):
            dead_pages += 1
            if dead_pages == MAX_DEAD_TABS:
                raise RuntimeError("pushes never reached the browser tab")
            page.reload()
            expect(page.locator(".job-card")).to_have_count(1, timeout=60_000)
        clock = clock_offset(page)
        timings = push_events(page, user, review_id, count)
        browser.close()
    return {"clock": clock, "pages_without_pushes": dead_pages, **timings}


def run(args: argparse.Namespace) -> dict:
    with bench_services() as services:
        settings = {"WEB_WORKERS": str(args.web_workers), "WORKER_CONCURRENCY": "1"}
        with running_platform(services, **settings) as platform:
            user, review_id = asyncio.run(user_with_a_review(platform.url, services.redis_url))
            websocket = asyncio.run(over_websocket(platform.url, user, review_id, args.events))
            browser = in_browser(platform.url, user, review_id, args.events)
        raw = raw_round_trips(services.redis_url, args.raw)
    return {
        "clock": browser["clock"],
        "publish_to_dom": summarize(browser["to_dom"]),
        "publish_to_frame": summarize(browser["to_frame"]),
        "publish_to_websocket_client": summarize(websocket["samples"]),
        # Tabs whose live updates never started (see docs/benchmarks.md): replaced and counted.
        "tabs_without_pushes": websocket["tabs_without_pushes"] + browser["pages_without_pushes"],
        "frame_to_dom": summarize(browser["frame_to_dom"]),
        "raw_pubsub_round_trip": summarize(raw),
    }


def report(results: dict, _args: argparse.Namespace) -> None:
    raw = results["raw_pubsub_round_trip"]
    rows = [
        [
            name,
            results[key]["n"],
            results[key]["p50_ms"],
            results[key]["p95_ms"],
            ratio(results[key]["p50_ms"], raw["p50_ms"]),
        ]
        for name, key in [
            ("publish -> job card shows it", "publish_to_dom"),
            ("  publish -> websocket frame", "publish_to_frame"),
            ("  frame -> DOM (React)", "frame_to_dom"),
            ("publish -> delta at a websocket client", "publish_to_websocket_client"),
            ("raw Redis pub/sub round trip", "raw_pubsub_round_trip"),
        ]
    ]
    print_table("Push latency", ["path", "n", "p50 ms", "p95 ms", "p50 / raw p50"], rows)
    if results["tabs_without_pushes"]:
        print(f"tabs that never got a push (replaced): {results['tabs_without_pushes']}")
    clock = results["clock"]
    print(
        f"page clock - bench clock: {clock['offset_ms']} ms "
        f"(measured over a {clock['round_trip_ms']} ms round trip)"
    )


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--events", type=int, default=100, help="progress events pushed")
    parser.add_argument("--raw", type=int, default=1000, help="raw pub/sub round trips")
    parser.add_argument("--web-workers", type=int, default=2, help="Reflex backend processes")
    run_benchmark("push_latency", parser, run, report)


if __name__ == "__main__":
    main()
