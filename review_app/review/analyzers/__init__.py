"""Static analyzers: each one reviews the code alone; `run_static_analysis` runs them all."""
