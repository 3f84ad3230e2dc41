"""The shipped list of publication names, `data/outlet_names.txt`.

One list serves two jobs: the pipeline tags these names ORG before spaCy's recogniser
runs (`pipeline._add_outlet_names`), and the credibility text model masks them, so an
outlet the analysis knows is never evidence the model can read (`credibility.features`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

OUTLET_NAMES_FILE = Path(__file__).resolve().parent / "data" / "outlet_names.txt"


@lru_cache(maxsize=1)
def outlet_names() -> tuple[str, ...]:
    """The names, in file order (comments and blank lines left out)."""
    lines = OUTLET_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))
