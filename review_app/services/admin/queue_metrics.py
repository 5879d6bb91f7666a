"""The review queue for Prometheus, read at each scrape: waiting messages, reviews by status,
live workers."""

from collections.abc import Iterable

from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from review_app.services.admin.jobs import queue_status


class QueueMetrics(Collector):
    """The review queue as it is at the scrape: waiting messages, reviews, live workers."""

    def collect(self) -> Iterable[Metric]:
        """Read from the broker, Redis and the database now (nothing from those down)."""
        try:
            status = queue_status()
        except SQLAlchemyError:
            return  # the database is down: the health check says so
        if status.queue_depth is not None:
            yield GaugeMetricFamily(
                "review_app_queue_depth",
                "Review messages waiting in the broker.",
                value=status.queue_depth,
            )
        if status.redis_ok:
            yield GaugeMetricFamily(
                "review_app_live_workers", "Workers whose heartbeat is fresh.", len(status.workers)
            )
        reviews = GaugeMetricFamily("review_app_reviews", "Reviews by status.", labels=["status"])
        for name in ("pending", "running", "completed", "failed"):
            reviews.add_metric([name], getattr(status, name))
        yield reviews
