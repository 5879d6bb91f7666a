"""Signing the command line in: a refresh token from `review-app login` or REVIEW_APP_TOKEN."""

import os

from review_app.cli.client import ApiClient
from review_app.cli.credentials import CredentialStore, StoredLogin, token_seed
from review_app.cli.errors import NotSignedInError

TOKEN_VARIABLE = "REVIEW_APP_TOKEN"  # noqa: S105  (the variable's name, not a secret)


def sign_in(client: ApiClient, store: CredentialStore) -> None:
    """Trade the refresh token for an access token, and keep the new refresh token.

    REVIEW_APP_TOKEN wins over a stored login, but once traded its successor is stored and used
    instead, so that several commands in one CI job do not spend the same token twice.
    """
    server = client.server
    with store.locked():
        stored = store.get(server)
        from_environment = os.environ.get(TOKEN_VARIABLE, "").strip()
        if from_environment and (stored is None or stored.seed != token_seed(from_environment)):
            stored = StoredLogin(refresh_token=from_environment, seed=token_seed(from_environment))
        if stored is None:
            raise NotSignedInError(
                f"Not signed in to {server}: run `review-app login --server {server}` "
                f"(or set {TOKEN_VARIABLE} to a refresh token)."
            )
        client.resume(stored.refresh_token)
        store.put(server, stored.model_copy(update={"refresh_token": client.refresh_token}))

    def keep(refresh_token: str) -> None:
        with store.locked():
            store.put(server, stored.model_copy(update={"refresh_token": refresh_token}))

    client.on_token_rotated = keep
