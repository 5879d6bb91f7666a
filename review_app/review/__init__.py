"""The analysis pipeline: static analyzers, an optional LLM, merged findings and scores.

Entry points: `validation.validate_code`, `languages.resolve_language`, `cache_key.cache_key`
and `pipeline.run_review`. Nothing here imports the app's settings; configuration comes in as
arguments.
"""
