"""Components several pages share."""
