"""Character-span helpers shared by the extractors and the credibility signals."""

from __future__ import annotations

Span = tuple[int, int]


def overlaps(a: Span | list[int], b: Span | list[int]) -> bool:
    """Whether two half-open spans share at least one position."""
    return a[0] < b[1] and b[0] < a[1]


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping cover of the spans, so no character counts twice."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
