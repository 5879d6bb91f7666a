"""/admin, one module per tab; `page` registers it."""
