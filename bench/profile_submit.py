"""Where a submission's time goes: pyinstrument over POST /api/reviews, in this one process.

pyinstrument samples the thread it starts on, so the profile comes in two parts: the request as
the server runs it (the FastAPI app over an in-process ASGI transport: routing, dependencies,
rate limits, serialization; the work handed to the thread pool shows as time awaited), and the
two blocking calls that work is made of (`authenticate` and `submit_review`), run directly.

    .venv/bin/python -m bench.profile_submit [--requests 300] [--html bench/results/profile]
"""

import argparse
import asyncio
from pathlib import Path

import httpx
from pyinstrument import Profiler

from bench.harness import DATABASES, bench_services
from bench.report import RESULTS_DIR, flags
from bench.workload import ApiUser, python_source, sign_up, submit
from review_app.api.app import create_api
from review_app.services.accounts import auth
from review_app.services.reviews import submissions as reviews


async def profile_requests(client: httpx.AsyncClient, user: ApiUser, requests: int) -> Profiler:
    """POST /api/reviews `requests` times through the whole FastAPI app, one after another."""
    codes = [python_source(50, seed) for seed in range(requests)]
    profiler = Profiler(interval=0.0005, async_mode="enabled")
    with profiler:
        for code in codes:
            await submit(client, user, code)
    return profiler


def profile_services(user: ApiUser, requests: int) -> Profiler:
    """The blocking half of a submission: authenticate the token, then submit_review."""
    codes = [python_source(50, seed) for seed in range(requests)]
    profiler = Profiler(interval=0.0005)
    with profiler:
        for code in codes:
            current = auth.authenticate(user.token)
            reviews.submit_review(
                user_id=current.id, language="python", code=code, filename="shop.py"
            )
    return profiler


async def run(args: argparse.Namespace) -> list[tuple[str, Profiler]]:
    """Both profiles, after a warm-up that opens every connection and pool."""
    with bench_services(args.database):
        transport = httpx.ASGITransport(app=create_api(), client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            user = await sign_up(client, "http://bench")
            await profile_requests(client, user, 20)
            request_profile = await profile_requests(client, user, args.requests)
        service_profile = await asyncio.to_thread(profile_services, user, args.requests)
    return [("request", request_profile), ("services", service_profile)]


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database", choices=DATABASES, default="sqlite")
    parser.add_argument("--html", type=Path, default=RESULTS_DIR / "profile_submit")
    args = parser.parse_args()
    for name, profiler in asyncio.run(run(args)):
        print(f"\n===== {name}: {args.requests} submissions =====")
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        args.html.parent.mkdir(parents=True, exist_ok=True)
        html = args.html.with_name(f"{args.html.name}_{name}.html")
        html.write_text(profiler.output_html())
        print(f"wrote {html}")


if __name__ == "__main__":
    main()
