"""Reviews: submitting, queueing, running, caching, reading back and comparing them."""
