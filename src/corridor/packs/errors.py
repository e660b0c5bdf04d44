"""Errors that point a pack author at the file and line to fix."""

from __future__ import annotations

from pathlib import Path


class PackError(Exception):
    """A pack file that cannot be loaded; nothing of the pack is used when this is raised."""

    def __init__(self, file: Path, line: int | None, message: str) -> None:
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else str(file)
        super().__init__(f"{where}: {message}")
