"""Shared fixtures: the real spaCy pipeline (loaded once) and the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rumorscope.analyzer import Analyzer

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RUMORSCOPE_SHARED", ROOT.parent / "shared"))
REFERENCE = SHARED / "examples" / "kim-kanye-counseling.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"shared data folder missing at {SHARED} (set RUMORSCOPE_SHARED)"
    return SHARED


@pytest.fixture(scope="session")
def reference_analysis(analyzer):
    from rumorscope.ingest import article_from_text_or_path

    return analyzer.analyze(article_from_text_or_path(REFERENCE))
