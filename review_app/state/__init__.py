"""State shared by several pages (never imports from pages/)."""
