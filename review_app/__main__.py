"""`python -m review_app`: run the platform and manage it."""

import sys

import typer

from review_app.settings import get_settings

cli = typer.Typer(help="review_app: self-hosted code review.", no_args_is_help=True)


@cli.command()
def run() -> None:
    """Start Redis (if needed), the database, a worker and the web app; Ctrl-C stops all."""
    from review_app.launcher import run_platform

    raise typer.Exit(run_platform(get_settings()))


@cli.command()
def web(
    prebuilt: bool = typer.Option(
        False, "--prebuilt", help="Serve the frontend already built in the web workdir."
    ),
) -> None:
    """One web host of a cluster: the Reflex backend and REST API (no worker, no migration)."""
    from dataclasses import replace

    from review_app.launcher import WEB_ROLE, run_platform

    raise typer.Exit(run_platform(get_settings(), replace(WEB_ROLE, build_frontend=not prebuilt)))


@cli.command()
def worker(
    name: str = typer.Option("worker", help="The Celery node's name (NAME@host): one per host."),
    beat: bool = typer.Option(False, "--beat", help="Run the sweeper's schedule: on one host."),
) -> None:
    """One worker host of a cluster: a Celery worker of WORKER_CONCURRENCY processes."""
    from dataclasses import replace

    from review_app.launcher import WORKER_ROLE, run_platform

    raise typer.Exit(run_platform(get_settings(), replace(WORKER_ROLE, name=name, beat=beat)))


@cli.command()
def migrate() -> None:
    """Create or upgrade the database schema to the newest migration."""
    from review_app.db import upgrade_to_head

    upgrade_to_head()
    typer.echo("database is at the newest schema")


@cli.command("create-admin")
def create_admin(
    email: str,
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read a new admin's password from standard input."
    ),
) -> None:
    """Make EMAIL an admin: promote the account, or create it (asking for a password)."""
    from review_app.db import session_scope, upgrade_to_head
    from review_app.services.accounts import users as accounts
    from review_app.services.accounts.auth import drop_session_cache
    from review_app.services.errors import ServiceError

    upgrade_to_head()
    try:
        with session_scope() as session:
            existing = accounts.get_user_by_email(
                session=session, email=accounts.normalize_email(email)
            )
        password = None if existing else _read_password(password_stdin)
        with session_scope() as session:
            user, created = accounts.make_admin(session=session, email=email, password=password)
    except ServiceError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from error
    drop_session_cache(user.id)
    typer.echo(f"{'created' if created else 'promoted'} admin {user.email}")


def _read_password(from_stdin: bool) -> str:
    """A new account's password, from stdin or an interactive prompt (never an argument)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt("Password for the new admin", hide_input=True, confirmation_prompt=True)


if __name__ == "__main__":
    cli()
