"""What admins do: manage users, watch the queue, re-run failed jobs, purge the cache."""
