"""The resumable analysis cache used by training and evaluation runs."""

from __future__ import annotations

import gzip

from rumorscope.analysis_cache import analysis_fingerprint, cached_analyses, read_cache
from rumorscope.schema import Article


def test_cache_resumes_and_survives_a_torn_tail(tmp_path):
    path = tmp_path / "analyses.jsonl.gz"
    first = [Article(id="a", text="Ana reportedly left on Monday.", published="2020-03-06")]
    done = cached_analyses(first, path)
    assert [h.text for h in done["a"].hedges] == ["reportedly"]
    with gzip.open(path, "at", encoding="utf-8") as out:
        out.write('{"schema": "rumorscope/analysis-v1", "article": {"id": "torn", "te')
    assert list(read_cache(path)) == ["a"]
    both = cached_analyses([*first, Article(id="b", text="Bo said it was over.")], path)
    assert sorted(both) == ["a", "b"]
    assert sorted(read_cache(path)) == ["a", "b"]


def test_fingerprint_is_a_stable_hash():
    assert analysis_fingerprint() == analysis_fingerprint()
    assert len(analysis_fingerprint()) == 64


def test_fingerprint_follows_extractors_and_models_not_trainers(tmp_path, monkeypatch):
    from rumorscope import analysis_cache

    for name in ("extract/cues.py", "extract/cues_train.py", "pipeline.py", "analyzer.py",
                 "data/attribution_cues.json", "data/outlet_names.txt", "data/other.json"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("v1")
    monkeypatch.setattr(analysis_cache, "PACKAGE", tmp_path)
    before = analysis_fingerprint()
    (tmp_path / "extract/cues_train.py").write_text("v2")
    (tmp_path / "data/other.json").write_text("v2")
    assert analysis_fingerprint() == before
    for name in ("extract/cues.py", "data/attribution_cues.json", "data/outlet_names.txt"):
        (tmp_path / name).write_text("v2")
        assert analysis_fingerprint() != before
        before = analysis_fingerprint()
