"""The work queue below the services: Celery's app handle, task names, enqueueing, heartbeats.

Services and tasks both use it; neither imports the other's side of the queue.
"""
