"""`python -m review_app`: run the platform and manage it."""

import typer

from review_app.settings import get_settings

cli = typer.Typer(help="review_app: self-hosted code review.", no_args_is_help=True)


@cli.command()
def run() -> None:
    """Start Redis (if needed), the database, a worker and the web app; Ctrl-C stops all."""
    from review_app.launcher import run_platform

    raise typer.Exit(run_platform(get_settings()))


@cli.command()
def migrate() -> None:
    """Create or upgrade the database schema to the newest migration."""
    from review_app.db import upgrade_to_head

    upgrade_to_head()
    typer.echo("database is at the newest schema")


if __name__ == "__main__":
    cli()
