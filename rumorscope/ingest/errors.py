"""Errors raised while reading input: one line that names the file (and record) and the problem."""

from __future__ import annotations


class IngestError(Exception):
    """A file or record that cannot be read as an article."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
