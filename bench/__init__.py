"""Benchmarks: each measures rumorscope against a baseline in the same run and prints ratios."""
