"""Blocks the rules of one pack share: `<pack>/blocks/*.yaml` maps names to lists of pattern
entries (request sources, propagators, look-alike sanitizers), and `- include: <name>` in any
list of a rule stands for that block's entries, so each block is written once. The engine gets
the rules with every include spelled out.
"""

from pathlib import Path
from typing import Any

import yaml

BLOCKS_FOLDER = "blocks"
INCLUDE = "include"


class BlockError(ValueError):
    """A block that cannot be used: unknown, including itself, or not a list."""


def block_files(pack_dir: Path) -> list[Path]:
    """The block files of a pack, in a stable order."""
    return sorted((pack_dir / BLOCKS_FOLDER).glob("*.yaml"))


def load_blocks(files: list[Path], loader: type[yaml.SafeLoader]) -> dict[str, list[Any]]:
    """Every block of `files` by name.

    Raises:
        BlockError: a file is not a mapping of names to lists, or two files name one block.
    """
    blocks: dict[str, list[Any]] = {}
    for path in files:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        if not isinstance(document, dict):
            raise BlockError(f"{path.name} is not a mapping of block names to lists")
        for name, entries in document.items():
            if not isinstance(entries, list):
                raise BlockError(f"block `{name}` in {path.name} is not a list")
            if name in blocks:
                raise BlockError(f"block `{name}` is named twice")
            blocks[name] = entries
    return blocks


def expand(value: Any, blocks: dict[str, list[Any]], within: tuple[str, ...] = ()) -> Any:
    """`value` with every `- include: <name>` list entry replaced by the block's entries.

    Raises:
        BlockError: an included block is unknown, or includes itself.
    """
    if isinstance(value, dict):
        return {key: expand(item, blocks, within) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    expanded: list[Any] = []
    for entry in value:
        if not (isinstance(entry, dict) and set(entry) == {INCLUDE}):
            expanded.append(expand(entry, blocks, within))
            continue
        name = entry[INCLUDE]
        if name not in blocks:
            raise BlockError(f"includes `{name}`, which no block file of the pack names")
        if name in within:
            raise BlockError(f"block `{name}` includes itself")
        expanded.extend(expand(blocks[name], blocks, (*within, name)))
    return expanded
