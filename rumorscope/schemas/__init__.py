"""Shipped JSON Schemas: `analysis-v1.json` describes `rumorscope analyze --format json`."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def analysis_v1() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("analysis-v1.json").read_text("utf-8"))
