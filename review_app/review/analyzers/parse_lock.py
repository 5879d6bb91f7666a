"""One lock for the analyzers that parse Python in-process (bandit, radon), which run in threads.

CPython 3.11 counts the AST constructor's depth in state that every thread shares: when a garbage
collection runs Python code in the middle of one parse and another thread parses meanwhile, a
parse fails with "SystemError: AST constructor recursion depth mismatch" (CPython gh-106905).
"""

import threading

PYTHON_PARSE_LOCK = threading.Lock()
