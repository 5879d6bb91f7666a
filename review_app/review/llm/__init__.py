"""The LLM review: prompt, OpenAI-compatible call with retries, tolerant parsing, normalizing."""
