# rumorscope: `make demo` and `make test` work on a fresh machine (Python 3.11 needed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint eval bench lock clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rumorscope analyze examples/sienna-brooks-rumour.txt

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/python -m eval.tabloid --data $(SHARED)/data/tabloid-gold/dev
	$(BIN)/python -m eval.tempeval --data $(SHARED)/data/tempeval3/training
	$(BIN)/python -m eval.hedging --data $(SHARED)/data/hedging
	$(BIN)/python -m eval.polnear --data $(SHARED)/data/polnear/dev
	$(BIN)/python -m eval.quotes_baseline --polnear $(SHARED)/data/polnear/dev \
		--tabloid $(SHARED)/data/tabloid-gold/dev
	$(BIN)/python -m eval.credibility --data $(SHARED)/data
	$(BIN)/python -m eval.stories --data $(SHARED)/data --cache .cache/story-leads.jsonl --sweep

bench: $(STAMP)
	$(BIN)/python -m bench.throughput --data $(SHARED)/data/gossipcop/articles.jsonl.gz --n 500
	$(BIN)/python -m bench.coldstart
	$(BIN)/python -m bench.ingest --data $(SHARED)/data/gossipcop/articles.jsonl.gz --n 300
	$(BIN)/python -m bench.placement --n 100000

# Re-pin every dependency (exact versions and hashes) after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install -q uv==0.13.9
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--python-platform x86_64-manylinux_2_28 -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
