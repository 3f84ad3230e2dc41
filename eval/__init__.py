"""Scorers against gold data; each runnable as `python -m eval.NAME --data DIR`."""
