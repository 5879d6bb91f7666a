"""Settings come from the environment, with safe defaults and a JWT key kept under data/."""

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from review_app.settings import Settings


def test_defaults_put_sqlite_under_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url="")
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'review_app.db'}"


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://db.example/reviews")
    monkeypatch.setenv("RATE_LIMIT_LOGIN", "7/minute")
    monkeypatch.setenv("TRUSTED_PROXIES", '["10.0.0.1"]')
    settings = Settings()
    assert settings.effective_database_url == "postgresql+psycopg://db.example/reviews"
    assert settings.rate_limit_login == "7/minute"
    assert settings.trusted_proxies == ["10.0.0.1"]


def test_unset_redis_url_falls_back_to_the_local_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert Settings(_env_file=None).effective_redis_url == "redis://127.0.0.1:6379/0"


def test_jwt_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    first = Settings(data_dir=tmp_path, jwt_secret="").jwt_key()
    second = Settings(data_dir=tmp_path, jwt_secret="").jwt_key()
    assert first == second
    assert len(first) >= 64
    assert stat.S_IMODE((tmp_path / "jwt_secret").stat().st_mode) == 0o600
    assert Settings(data_dir=tmp_path / "other", jwt_secret="").jwt_key() != first


def test_a_configured_jwt_secret_wins(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path, jwt_secret="s3cret-from-env").jwt_key() == b"s3cret-from-env"
    assert not (tmp_path / "jwt_secret").exists()


def test_hard_time_limit_must_exceed_soft() -> None:
    with pytest.raises(ValidationError, match="must exceed"):
        Settings(task_soft_time_limit=60, task_hard_time_limit=30)
