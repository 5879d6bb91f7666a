"""Typed application settings, read once from the environment and `.env`."""

from functools import lru_cache

from pydantic import Field, PostgresDsn, RedisDsn
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="SHOP_", extra="ignore")

    environment: str = "development"
    database_url: PostgresDsn = PostgresDsn("postgresql+psycopg://localhost:5432/shop")
    redis_url: RedisDsn = RedisDsn("redis://localhost:6379/0")
    page_size: int = Field(default=25, ge=1, le=100)
    allowed_origins: list[str] = ["http://localhost:3000"]
    order_confirmation_sender: str = "orders@shop.example.com"

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
