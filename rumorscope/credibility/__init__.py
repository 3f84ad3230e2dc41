"""Credibility: named signals over an analysis and a calibrated model that explains itself.

`score(analysis)` returns the signals (name -> number, documented in `signals.SIGNALS`)
and a `Credibility` (p_false, label, reasons with evidence spans, model name).
"""

from rumorscope.credibility.model import score

__all__ = ["score"]
