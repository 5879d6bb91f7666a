"""The rules submitted text must follow, written as JSON Schema patterns for the OpenAPI document.

The pipeline and the services check the text and say what is wrong; these patterns state the
same rules (ECMA-262 syntax, as JSON Schema reads them) so a client can see them.
"""

# The characters str.strip() removes (every one is in the Basic Multilingual Plane).
BLANKS = "".join(f"\\u{code:04x}" for code in range(0x10000) if chr(code).isspace())
CONTROLS = "\\u0000-\\u001f\\u007f"

# validate_code, besides the size: no NUL (binary), and something besides blanks.
CODE_PATTERN = f"^[^\\u0000]*[^\\u0000{BLANKS}][^\\u0000]*$"
# The file name check: no control character once the surrounding blanks are stripped.
FILENAME_PATTERN = f"^[{BLANKS}]*(?:[^{CONTROLS}]*[^{CONTROLS}{BLANKS}])?[{BLANKS}]*$"
# A path inside a project (normalized_path): not absolute (nor a drive), no '..' part, not
# only '.' parts, no control character; "/" or "\\" separate its parts.
PROJECT_PATH_PATTERN = (
    "^(?![/\\\\])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))"
    f"(?!(?:\\.?[/\\\\])*\\.?$)[^{CONTROLS}]+$"
)
# A name (clean_name): something besides blanks, and no control character once they are stripped.
NAME_PATTERN = (
    f"^[{BLANKS}]*[^{CONTROLS}{BLANKS}](?:[^{CONTROLS}]*[^{CONTROLS}{BLANKS}])?[{BLANKS}]*$"
)
