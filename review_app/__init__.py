"""review_app: a self-hosted, real-time code review platform."""
