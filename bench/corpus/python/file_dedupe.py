"""Finds duplicate files in a media library so editors can clean it up."""

import argparse
import hashlib
from collections import defaultdict
from pathlib import Path

CHUNK_SIZE = 1024 * 1024


def file_checksum(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def find_duplicates(root: Path) -> dict[str, list[Path]]:
    by_size: dict[int, list[Path]] = defaultdict(list)
    for path in root.rglob("*"):
        if path.is_file():
            by_size[path.stat().st_size].append(path)
    by_checksum: dict[str, list[Path]] = defaultdict(list)
    for paths in by_size.values():
        if len(paths) > 1:
            for path in paths:
                by_checksum[file_checksum(path)].append(path)
    return {checksum: paths for checksum, paths in by_checksum.items() if len(paths) > 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("library", type=Path, help="folder to scan")
    args = parser.parse_args()
    for checksum, paths in sorted(find_duplicates(args.library).items()):
        print(checksum)
        for path in paths:
            print(f"    {path}")


if __name__ == "__main__":
    main()
