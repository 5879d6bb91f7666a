"""Command-line tool that posts deploy notifications to the team chat."""

import argparse
import json
import sys
from pathlib import Path

import requests

CONFIG_PATH = Path.home() / ".config" / "deploy-notify.json"
CONFIG_TEMPLATE = {
    "webhook_url": "https://chat.example.com/hooks/<your-hook-id>",
    "api_token": "<paste-your-token-here>",
    "channel": "#deploys",
}


def write_template() -> None:
    CONFIG_PATH.parent.mkdir(parents=True, exist_ok=True)
    CONFIG_PATH.write_text(json.dumps(CONFIG_TEMPLATE, indent=2))
    CONFIG_PATH.chmod(0o600)
    print(f"Wrote {CONFIG_PATH}; fill in webhook_url and api_token.")


def load_config() -> dict:
    config = json.loads(CONFIG_PATH.read_text())
    unfilled = [key for key, value in config.items() if value == CONFIG_TEMPLATE.get(key)]
    if "webhook_url" in unfilled or "api_token" in unfilled:
        sys.exit(f"Fill in {', '.join(unfilled)} in {CONFIG_PATH} first.")
    return config


def notify(service: str, version: str) -> None:
    config = load_config()
    reply = requests.post(
        config["webhook_url"],
        json={"channel": config["channel"], "text": f":rocket: {service} {version} is live"},
        headers={"Authorization": f"Bearer {config['api_token']}"},
        timeout=10,
    )
    reply.raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser(prog="deploy-notify")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="write a config file to fill in")
    send = commands.add_parser("send", help="announce a deploy")
    send.add_argument("service")
    send.add_argument("version")
    args = parser.parse_args()
    if args.command == "init":
        write_template()
    else:
        notify(args.service, args.version)


if __name__ == "__main__":
    main()
