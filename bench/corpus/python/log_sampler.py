"""Logging filter that keeps every warning but only a share of debug records."""

import logging
import random


class SamplingFilter(logging.Filter):
    """Passes records at WARNING and above, and `rate` of the rest."""

    def __init__(self, rate: float = 0.05) -> None:
        super().__init__()
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate must be between 0 and 1")
        self.rate = rate

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        return random.random() < self.rate


def install(logger_name: str = "app.requests", rate: float = 0.05) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(SamplingFilter(rate))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logging.getLogger(logger_name).addHandler(handler)
