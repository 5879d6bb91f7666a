"""Pull requests from code hosts: connections, webhooks, and reviews posted back."""
