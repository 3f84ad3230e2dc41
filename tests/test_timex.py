"""Time expressions and their values, on sentences written for the test (spec section 3)."""

from __future__ import annotations

import datetime as dt

import pytest

from rumorscope.extract.timex import find_timexes
from rumorscope.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def values(nlp, text: str, anchor: dt.date | None) -> dict[str, str | None]:
    doc = nlp(text)
    return {t.text: t.value for t in find_timexes(doc, anchor)}


AUG = dt.date(2018, 8, 24)  # a Friday


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Mara Quill filed for divorce on Oct. 3, 2016, in Los Angeles.", None,
     {"Oct. 3, 2016": "2016-10-03"}),
    ("The singer toured in Nov. 2016 and again in August 2017.", AUG,
     {"Nov. 2016": "2016-11", "August 2017": "2017-08"}),
    ("They reconciled over the Dec. 16 weekend.", dt.date(2016, 12, 20),
     {"the Dec. 16 weekend": "2016-12-16"}),
    ("Her birthday on February 11 was a disaster.", dt.date(2018, 2, 15),
     {"February 11": "2018-02-11"}),
    ("The couple split on Dec. 28.", dt.date(2019, 1, 4), {"Dec. 28": "2018-12-28"}),
    ("The photo was posted on Aug 22, 2018 at 9:32am PDT.", AUG,
     {"Aug 22, 2018": "2018-08-22", "9:32am PDT": "2018-08-22T09:32"}),
])
def test_dates_and_times(nlp, text, anchor, expected):
    assert values(nlp, text, anchor) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Jon Vale was spotted at a diner on Monday.", "2018-08-20"),
    ("Jon Vale will host the gala on Monday.", "2018-08-27"),
    ("Jon Vale was spotted on Friday.", "2018-08-24"),
])
def test_weekday_follows_tense(nlp, text, expected):
    assert values(nlp, text, AUG)["Monday" if "Monday" in text else "Friday"] == expected


@pytest.mark.parametrize(("phrase", "anchor", "value"), [
    ("last week", dt.date(2012, 3, 20), "2012-W11"),
    ("this week", dt.date(2018, 11, 2), "2018-W44"),
    ("next week", dt.date(2018, 9, 25), "2018-W40"),
    ("last year", dt.date(2018, 9, 25), "2017"),
    ("this month", dt.date(2012, 3, 20), "2012-03"),
    ("two weeks ago", dt.date(2018, 11, 2), "2018-W42"),
    ("last night", dt.date(2012, 3, 20), "2012-03-19TNI"),
    ("last fall", dt.date(2018, 11, 2), "2017-FA"),
    ("this summer", dt.date(2018, 3, 2), "2018-SU"),
    ("the 90s", dt.date(2018, 11, 2), "199"),
    ("Halloween", dt.date(2018, 11, 2), "2018-10-31"),
    ("Christmas", dt.date(2018, 11, 2), "2017-12-25"),
    ("Thanksgiving", dt.date(2018, 12, 2), "2018-11-22"),
    ("Valentine's Day", dt.date(2018, 3, 2), "2018-02-14"),
    ("Memorial Day", dt.date(2012, 6, 20), "2012-05-28"),
])
def test_relative_and_named_days(nlp, phrase, anchor, value):
    got = values(nlp, f"The pair met {phrase}, a friend said.", anchor)
    assert got == {phrase: value}


def test_new_years_takes_the_year_of_its_phrase(nlp):
    got = values(nlp, "After a New Year's getaway in 2005, they split.", dt.date(2018, 2, 15))
    assert got == {"New Year's": "2005-01-01", "2005": "2005"}


def test_future_tense_takes_the_next_date(nlp):
    got = values(nlp, "The band will play Atlantic City over Memorial Day.", dt.date(2012, 3, 20))
    assert got == {"Memorial Day": "2012-05-28"}


@pytest.mark.parametrize(("text", "expected"), [
    ("their 4-year marriage and his 9-day hospital stay",
     {"4-year": "P4Y", "9-day": "P9D"}),
    ("They dated for 10 years and stayed a few days.", {"10 years": "P10Y", "a few days": "PXD"}),
    ("It's been over a year since the split.", {"over a year": "P1Y"}),
    ("She has been quiet the past couple of months.", {"the past couple of months": "P2M"}),
    ("The show airs 12 to 16 weeks later.", {"12": "P12W", "16 weeks": "P16W"}),
    ("a monthly allowance and a weekly call", {"monthly": "P1M", "weekly": "P1W"}),
])
def test_durations_and_sets(nlp, text, expected):
    assert values(nlp, text, AUG) == expected


def test_references(nlp):
    got = values(nlp, "She is currently in rehab and right now she is fine, but recently "
                      "she was previously seen out; a recent report says soon she will leave.",
                 AUG)
    assert got == {"currently": "PRESENT_REF", "right now": "PRESENT_REF",
                   "recently": "PAST_REF", "previously": "PAST_REF", "recent": "PAST_REF",
                   "soon": "FUTURE_REF"}


def test_ages_and_names_are_not_timexes(nlp):
    doc = nlp("Mara Quill, 36, and her daughter Wren, 3, read Us Weekly and the Daily Mail. "
              "The 12-year-old girl may visit.")
    assert find_timexes(doc, AUG) == []


def test_spans_leave_out_prepositions(nlp):
    doc = nlp("They met in 2011 and married on June 5, 2014.")
    assert [t.text for t in find_timexes(doc, AUG)] == ["2011", "June 5, 2014"]


def test_anaphora_take_the_last_date(nlp):
    got = values(nlp, "They dined out on Monday. Ella saw them again the same evening.",
                 dt.date(2017, 5, 20))
    assert got == {"Monday": "2017-05-15", "the same evening": "2017-05-15TEV"}


def test_without_anchor_only_absolute_values_resolve(nlp):
    doc = nlp("On Oct. 3, 2016 she was robbed; last week she spoke on Monday about her "
              "4-year marriage, recently.")
    got = {t.text: (t.value, t.granularity) for t in find_timexes(doc, None)}
    assert got == {"Oct. 3, 2016": ("2016-10-03", "day"), "last week": (None, "week"),
                   "Monday": (None, "day"), "4-year": ("P4Y", "duration"),
                   "recently": ("PAST_REF", "reference")}


def test_granularity_and_type(nlp):
    doc = nlp("Last night at 9 p.m. she posted her weekly video from 2016.")
    got = {t.text: (t.granularity, t.type) for t in find_timexes(doc, AUG)}
    assert got == {"Last night": ("part_of_day", "TIME"), "9 p.m.": ("time", "TIME"),
                   "weekly": ("set", "SET"), "2016": ("year", "DATE")}


def test_reference_article(reference_analysis):
    got = [(t.text, t.value) for t in reference_analysis.timexes]
    for expected in [("Dec. 20", "2016-12-20"), ("the Dec. 16 weekend", "2016-12-16"),
                     ("4-year", "P4Y"), ("Oct. 3, 2016", "2016-10-03"), ("Nov. 21", "2016-11-21"),
                     ("Nov. 2016", "2016-11"), ("9-day", "P9D"), ("Nov. 30", "2016-11-30"),
                     ("now", "PRESENT_REF"), ("recent", "PAST_REF")]:
        assert expected in got
    assert not any(t.text in ("36", "3", "1", "39") for t in reference_analysis.timexes)


def test_tabloid_gold_value_floor(shared):
    from eval.scoring import PRF
    from eval.tabloid import gold_article, load_gold, score_timexes
    from rumorscope.analyzer import Analyzer

    golds = load_gold(shared / "data" / "tabloid-gold" / "dev")
    value, span = PRF(), PRF()
    for gold, pred in zip(golds, Analyzer().analyze_many(gold_article(g) for g in golds),
                          strict=True):
        score_timexes(pred, gold, value, span)
    assert value.f1 >= 0.85
