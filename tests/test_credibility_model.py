"""The credibility model: calibration metric, reproducible fitting, the shipped model's
scores and reasons, and that outlet names and page furniture do not move a score."""

from __future__ import annotations

import gzip
import json

import numpy as np
from typer.testing import CliRunner

from rumorscope.credibility import model as model_module
from rumorscope.credibility import score
from rumorscope.credibility.cli import credibility_app
from rumorscope.credibility.dataset import Record
from rumorscope.credibility.evaluate import expected_calibration_error, metrics
from rumorscope.credibility.model import DEFAULT_PATH, LIKELY_FALSE, LIKELY_TRUE, load
from rumorscope.credibility.train import (
    DOUBTFUL_FAKE_WEIGHT,
    Example,
    doubtful_fakes,
    fit,
    label_weights,
)
from rumorscope.schema import Article

STORY = ("Marla Quince and Dev Oakes have split after six years together, {outlet} reported "
         "on Monday. A source close to the couple told {outlet} that the pair had grown apart. "
         "\"They tried for a long time,\" the insider said. Quince's representative did not "
         "respond to a request for comment. The couple married in 2017 in Lisbon and share a "
         "daughter, Ivy, 4. Oakes was recently seen without his wedding ring, and fans "
         "believe the split is final.")
FAKE_STORY = ("Shocking! Marla Quince and Dev Oakes have allegedly split, an insider "
              "claims. Sources say the pair reportedly fought for months. Wow.")
FURNITURE = "Play video content {outlet}.com\nGetty Images\nShare on Facebook\n"


def test_ece_is_zero_when_calibrated_and_large_when_overconfident():
    y = np.array([1, 0] * 50)
    assert expected_calibration_error(y, np.full(100, 0.5)) < 1e-9
    overconfident = np.where(y == 1, 0.99, 0.99)
    assert expected_calibration_error(y, overconfident) > 0.4
    values = metrics(y, np.where(y == 1, 0.9, 0.1))
    assert values["accuracy"] == values["macro_f1"] == values["fake_f1"] == 1.0


def test_bootstrap_intervals_are_tight_when_sure_and_wide_when_guessing():
    from rumorscope.credibility.evaluate import bootstrap_intervals

    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    sure = bootstrap_intervals(y, np.where(y == 1, 0.9, 0.1), rounds=200)
    assert sure["accuracy"] == (1.0, 1.0) and sure["macro_f1"] == (1.0, 1.0)
    guess = bootstrap_intervals(y, rng.random(400), rounds=200)
    low, high = guess["accuracy"]
    assert low < 0.5 < high and 0.05 < high - low < 0.2
    few = bootstrap_intervals(y[:40], rng.random(40), rounds=200)
    assert few["accuracy"][1] - few["accuracy"][0] > high - low  # fewer articles, wider


def _toy_examples() -> list[Example]:
    rng = np.random.default_rng(1)
    fake = ["shocking insider claims secret split", "sources say bombshell feud rumours",
            "allegedly furious star dumped lover"]
    real = ["court filing shows divorce settled", "spokesperson confirmed the wedding date",
            "the studio announced the film release"]
    out = []
    for i in range(60):
        y = i % 2
        words = [*rng.choice(fake if y else real, 2), "news", "today"]
        record = Record(id=f"r{i}", title="", text=" ".join(words), y=y)
        out.append(Example(record, record.text, {"hedge_rate": float(y + rng.random())}, "toy"))
    return out


def test_fit_is_reproducible():
    first, second = fit(_toy_examples(), seed=7), fit(_toy_examples(), seed=7)
    assert np.array_equal(first.stacker.coef_, second.stacker.coef_)
    assert np.array_equal(first.text_model.coef_, second.text_model.coef_)
    assert first.meta["threshold"] == second.meta["threshold"]
    assert first.text_model.coef_.shape[1] > 0


def test_gossipcop_fakes_without_hearsay_weigh_less():
    """Only GossipCop's fake-labelled pages with no anonymous or vague source are doubted;
    a doubted page's weight moves the fit, an undoubted page's weight stays 1."""
    def example(source: str, y: int, anonymous: float, vague: float = 0.0) -> Example:
        record = Record(id=f"{source}{y}{anonymous}{vague}", title="", text="x", y=y)
        return Example(record, "x", {"count_anonymous": anonymous, "count_unspecified": vague},
                       source)

    examples = [example("gossipcop", 1, 0), example("gossipcop", 1, 2),
                example("gossipcop", 1, 0, vague=1), example("gossipcop", 0, 0),
                example("celebrity", 1, 0)]
    assert doubtful_fakes(examples).tolist() == [True, False, False, False, False]
    assert label_weights(examples, 0.25).tolist() == [0.25, 1.0, 1.0, 1.0, 1.0]
    toy = _toy_examples()
    for e in toy:
        e.source = "gossipcop"
    plain = fit(toy, seed=7, example_weights=np.ones(len(toy)))
    doubted = fit(toy, seed=7, example_weights=label_weights(toy, 0.3))
    assert doubtful_fakes(toy).any()
    assert not np.array_equal(plain.text_model.coef_, doubted.text_model.coef_)
    assert fit(toy, seed=7, example_weights=label_weights(toy, 1.0)).meta["threshold"] == \
        plain.meta["threshold"]


def test_compact_model_scores_as_the_fitted_one(tmp_path):
    """The shipped arrays, scored without scikit-learn, give the fitted model's numbers,
    bigrams, repeated words, unknown words and an empty text included."""
    fitted = fit(_toy_examples(), seed=7)
    model_module.save(fitted, tmp_path / "toy.npz")
    compact = model_module.load(tmp_path / "toy.npz")
    texts = ["Shocking insider claims: secret split! shocking, SHOCKING news today",
             "The studio announced the film release date; court filing shows it", "", "zzz qq"]
    rows = [{"hedge_rate": v} for v in (0.2, 1.7, 0.0, 3.0)]
    expected = model_module.predict_proba(fitted, texts, rows)
    assert np.allclose(model_module.predict_proba(compact, texts, rows), expected, atol=1e-6)
    assert np.allclose(compact.vectorizer.transform(texts).toarray(),
                       fitted.vectorizer.transform(texts).toarray(), atol=1e-6)
    assert list(compact.terms) == list(fitted.terms) and compact.meta == fitted.meta


def test_a_phrase_of_people_s_names_is_a_topic_reason():
    """Names are the story's topic: the explanation must not pass them off as wording."""
    examples = _toy_examples()
    for example in examples:
        if example.record.y:
            example.text = f"marla quince {example.text}"
    bundle = fit(examples, seed=7)
    text = "Marla Quince: shocking news today"
    features = bundle.vectorizer.transform([text.lower()])
    reasons = model_module._phrase_reasons(bundle, features, text,
                                           model_module.name_forms(["Marla Quince"]))
    topics = [r for r in reasons if r.signal.startswith("topic: ")]
    assert len(topics) == 1  # every name phrase summed into one reason
    assert set(topics[0].signal.removeprefix("topic: ").split(", ")) <= {
        "marla", "quince", "marla quince"}
    assert topics[0].effect > 0  # the toy's names come with the fake examples
    assert "phrase: shocking" in {r.signal for r in reasons}
    assert all(r.evidence for r in reasons)


def test_shipped_model_records_its_data():
    bundle = load()
    assert DEFAULT_PATH.stat().st_size < 20 * 1024 * 1024
    assert set(bundle.meta["data_sha256"]) == {"gossipcop", "celebrity", "fakenewsamt"}
    assert all(len(h) == 64 for h in bundle.meta["data_sha256"].values())
    assert bundle.meta["seed"] == 0
    assert bundle.meta["settings"]["doubtful_fake_weight"] == DOUBTFUL_FAKE_WEIGHT


def test_reference_article_score_and_reasons(reference_analysis):
    values, credibility = score(reference_analysis)
    text = reference_analysis.article.text
    assert values["self_disputing"] > 0
    assert 0.0 <= credibility.p_false <= 1.0
    expected = ("likely_false" if credibility.p_false >= LIKELY_FALSE else
                "likely_true" if credibility.p_false <= LIKELY_TRUE else "uncertain")
    assert credibility.label == expected
    assert credibility.model.startswith("rumorscope-credibility")
    assert credibility.reasons
    effects = [abs(r.effect) for r in credibility.reasons]
    assert effects == sorted(effects, reverse=True)
    for reason in credibility.reasons:
        for start, end in reason.evidence:
            assert 0 <= start < end <= len(text)
    assert any(r.evidence for r in credibility.reasons)


def test_outlet_names_and_page_furniture_do_not_move_the_score(analyzer):
    scores = []
    for outlet in ("TMZ", "Us Weekly", "Radar Online", "Daily Mail", "E! News", "People"):
        for furniture in ("", FURNITURE):
            text = furniture.format(outlet=outlet) + STORY.format(outlet=outlet)
            article = Article(id=f"{outlet}{len(furniture)}", title="Marla and Dev split",
                              text=text)
            scores.append(score(analyzer.analyze(article))[1].p_false)
    assert max(scores) - min(scores) < 0.03, scores


def test_score_without_a_model_gives_signals_only(monkeypatch, reference_analysis, tmp_path):
    monkeypatch.setattr(model_module, "DEFAULT_PATH", tmp_path / "missing.npz")
    values, credibility = model_module.score(reference_analysis)
    assert values and credibility.label == "unscored" and credibility.p_false is None


def test_evaluate_command_prints_every_figure(monkeypatch, tmp_path):
    monkeypatch.setattr("rumorscope.credibility.dataset.CACHE_DIR", tmp_path / "cache")
    path = tmp_path / "small.jsonl.gz"
    rows = [{"id": f"x{i}", "label": ("fake", "real", "legit")[i % 3],
             "title": "Marla and Dev", "text": STORY.format(outlet="the site") + f" Day {i}."}
            for i in range(6)]
    with gzip.open(path, "wt") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows)
    result = CliRunner().invoke(credibility_app, ["evaluate", "--data", str(path)])
    assert result.exit_code == 0, result.output
    for figure in ("accuracy=", "macro_f1=", "fake_f1=", "roc_auc=", "ece="):
        assert figure in result.output
    assert "n=6" in result.output


def test_train_on_one_set_makes_a_genre_model(monkeypatch, tmp_path):
    """`train --sets celebrity` fits on that set alone and says so in the model's meta;
    an unknown set name is a one-line error, and no model file is written."""
    monkeypatch.setattr("rumorscope.credibility.dataset.CACHE_DIR", tmp_path / "cache")
    (tmp_path / "celebrity").mkdir()
    rows = [{"id": f"c{i}", "pair": str(i // 2), "label": ("fake", "legit")[i % 2],
             "title": "Marla and Dev", "text": (STORY if i % 2 else FAKE_STORY).format(
                 outlet="the site") + f" Day {i}."} for i in range(16)]
    with gzip.open(tmp_path / "celebrity" / "articles.jsonl.gz", "wt") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows)
    out_path = tmp_path / "genre.npz"
    bad = CliRunner().invoke(credibility_app, ["train", "--data", str(tmp_path), "--out",
                                               str(out_path), "--sets", "celebrity,tabloids"])
    assert bad.exit_code == 2 and "unknown data set tabloids" in bad.output
    absent = CliRunner().invoke(credibility_app, ["train", "--data", str(tmp_path), "--out",
                                                  str(out_path), "--sets", "gossipcop"])
    assert absent.exit_code == 2 and "gossipcop/articles.jsonl.gz: no such file" in absent.output
    assert not out_path.exists()
    result = CliRunner().invoke(credibility_app, ["train", "--data", str(tmp_path), "--out",
                                                  str(out_path), "--sets", "celebrity"])
    assert result.exit_code == 0, result.output
    meta = load(out_path).meta
    assert meta["counts"] == {"celebrity": 16} and meta["examples"] == 16
    assert set(meta["data_sha256"]) == {"celebrity"}


def test_every_analysis_carries_a_checkable_score(reference_analysis):
    """`analyze` scores the article: a probability, its label, reasons whose evidence spans
    lie in the text, and the signals the score was computed from."""
    cred = reference_analysis.credibility
    assert cred.label != "unscored" and 0.0 <= cred.p_false <= 1.0
    assert cred.label == model_module.label_for(cred.p_false)
    assert cred.model and cred.model.startswith(model_module.MODEL_NAME)
    assert cred.reasons and all(r.effect != 0 for r in cred.reasons)
    text = reference_analysis.article.text
    spans = [s for r in cred.reasons for s in r.evidence]
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)
    assert reference_analysis.signals == score(reference_analysis)[0]


def test_analyzer_without_credibility_leaves_it_unscored(analyzer):
    from rumorscope.analyzer import Analyzer

    article = Article(id="a", text=STORY.format(outlet="the site"))
    bare = Analyzer(nlp=analyzer.nlp, credibility=False).analyze(article)
    assert bare.credibility.label == "unscored" and not bare.signals


def test_metrics_cut_each_prediction_at_its_own_threshold():
    y = np.array([1, 0, 1, 0])
    p = np.array([0.45, 0.45, 0.7, 0.2])
    pooled = metrics(y, p, np.array([0.4, 0.5, 0.5, 0.5]))
    assert pooled["accuracy"] == 1.0
    assert metrics(y, p, 0.5)["accuracy"] == 0.75
