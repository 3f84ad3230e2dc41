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
    ("The wedding is set for Friday.", "2018-08-31"),
    ("The record was set on Friday.", "2018-08-24"),
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


OCT = dt.date(1989, 10, 26)  # a Thursday in the fourth quarter


@pytest.mark.parametrize(("text", "expected"), [
    ("Rowan Pell has feuded with her sister for years, and within weeks of the "
     "wedding they stopped talking.", {"years": "PXY", "weeks": "PXW"}),
    ("Over the years the pair grew apart.", {}),
    ("In recent months she ended a decades-long friendship; in the coming weeks she moves.",
     {"recent months": "PXM", "decades-long": "PXY", "the coming weeks": "PXW"}),
    ("Atlanta, nineteen ninety-six. In January nineteen ninety-seven she left.",
     {"nineteen ninety-six": "1996", "January nineteen ninety-seven": "1997-01"}),
    ("His current contract expires in June.", {"current": "PRESENT_REF", "June": "1990-06"}),
])
def test_vague_spans_and_spelled_years(nlp, text, expected):
    assert values(nlp, text, OCT) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Third-quarter profit of Dunmore Mills rose 8% from a year ago. The latest period "
     "included a gain; in the 1988 quarter it had none, and the year-ago period had a loss.",
     {"Third-quarter": "1989-Q3", "a year ago": "1988-Q3", "The latest period": "1989-Q3",
      "the 1988 quarter": "1988-Q3", "the year-ago period": "1988-Q3"}),
    ("Dunmore expects sales for the full year to rise and plans 200 job cuts by year's end.",
     {"the full year": "1989", "year's end": "1989"}),
    ("In the fiscal year ended Jan. 31, Dunmore lost money.",
     {"the fiscal year": "P1Y", "Jan. 31": "1989-01-31"}),
])
def test_reporting_periods(nlp, text, expected):
    assert values(nlp, text, OCT) == expected


def test_quarters_have_quarter_granularity(nlp):
    doc = nlp("Profit rose in the third quarter.")
    assert [(t.value, t.granularity) for t in find_timexes(doc, OCT)] == [("1989-Q3", "quarter")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The board declared a dividend payable Dec. 7 to stock of record Nov. 22.",
     {"Dec. 7": "1989-12-07", "Nov. 22": "1989-11-22"}),
    ("The lease was due to expire at the end of October.", {"the end of October": "1989-10"}),
])
def test_scheduled_dates_look_forward(nlp, text, expected):
    assert values(nlp, text, OCT) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Orders fell in the first half of 1989 and should recover in the second half of next year.",
     {"the first half of 1989": "1989-H1", "the second half of next year": "1990-H2"}),
    ("The club meets every Monday and on Fridays.",
     {"every Monday": "XXXX-WXX-1", "Fridays": "XXXX-WXX-5"}),
    ("She moved in February this year and leaves in April next year.",
     {"February": "1989-02", "April": "1990-04"}),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday, police said.",
     {"10:35 a.m.": "1989-10-20T10:35", "Friday": "1989-10-20"}),
])
def test_halves_sets_and_compound_dates(nlp, text, expected):
    assert values(nlp, text, OCT) == expected


def test_attributive_and_narrative_adverbs_are_not_references(nlp):
    got = values(nlp, "Dunmore dropped a previously announced plan. He was soon released, "
                      "and he previously worked at a bank.", OCT)
    assert got == {"previously": "PAST_REF"}


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


def test_first_word_guard_loses_nothing(shared):
    """The scan's first-word lookahead must admit every start any rule can match."""
    import re

    from rumorscope.extract.timex_lexicon import RULE_PATTERNS, TIMEX_RE

    plain = re.compile(r"(?<!\w)(?:" + "|".join(
        rf"(?P<{n}>{re.sub(r'[(][?]P<[a-z0-9]+>', '(?:', p)})" for n, p in RULE_PATTERNS.items())
        + r")(?!\w)")
    text = (shared / "examples" / "kim-kanye-counseling.txt").read_text(encoding="utf-8") + (
        " the third quarter, third-quarter, the latest quarter, Three days later, years ago,"
        " Valentine’s Day, St. Patrick's Day, ’90s, mid-2017, Weekly, the same evening,"
        " more than four decades ago, the next morning, fiscal 1989, 10:35 a.m.,"
        " for years, recent months, decades-long, nineteen ninety-six, by year's end,"
        " the full year, the 1988 quarter, the latest period, current, first-half, every Monday,"
        " on Fridays, October this year, the second half of 1990.")
    def spans(rx):
        return [(m.span(), m.lastgroup) for m in rx.finditer(text)]

    assert spans(TIMEX_RE) == spans(plain)


@pytest.mark.parametrize(("text", "expected"), [
    ("The offer will expire at 5 p.m. EST, Nov. 6.",
     {"5 p.m. EST, Nov. 6": "1989-11-06T17:00"}),
    ("Ada Brill will fly out at 4 in the morning and land at 9 at night.",
     {"4 in the morning": "1989-10-26T04:00", "9 at night": "1989-10-26T21:00"}),
    ("They talked until 2 in the afternoon on Friday but missed the 1 in the evening bulletin.",
     {"2 in the afternoon": "1989-10-20T14:00", "Friday": "1989-10-20"}),
])
def test_clock_times_with_a_part_of_day_or_a_date(nlp, text, expected):
    assert values(nlp, text, OCT) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two flights leave on Monday and Tuesday nights.",
     {"Monday": "XXXX-WXX-1TNI", "Tuesday nights": "XXXX-WXX-2TNI"}),
    ("Ada Brill hopes she will one day lead the band.", {"one day": "FUTURE_REF"}),
    ("The strike lasted one day.", {"one day": "P1D"}),
    ("The index fell for eight trading days.", {"eight trading days": "P8D"}),
    ("Within hours, police arrived.", {"hours": "PTXH"}),
    ("Fans gather daily outside, twice the average daily volume.", {"daily": "P1D"}),
])
def test_recurring_someday_and_counted_days(nlp, text, expected):
    assert values(nlp, text, OCT) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ada Brill told USA Today that the film High Noon scared her.", {}),
    ("The tour will resume at a later date.", {"a later date": "FUTURE_REF"}),
    ("The dollar rose Wednesday, and analysts said it may fall Thursday.",
     {"Wednesday": "1989-10-25", "Thursday": "1989-11-02"}),
    ("Officials said Tuesday that the plant would close Friday.",
     {"Tuesday": "1989-10-24", "Friday": "1989-10-27"}),
    ("Orion reported a loss for the quarter ended Sept. 30 and expects profit in 1990.",
     {"the quarter": "1989-Q3", "Sept. 30": "1989-09-30", "1990": "1990"}),
    ("The label was founded in 1948 and went public a decade later.",
     {"1948": "1948", "a decade later": "1958"}),
    ("The band met on May 2, 1988. In 1988, two days later, they toured.",
     {"May 2, 1988": "1988-05-02", "1988": "1988", "two days later": "1988-05-04"}),
    ("She quit in 1987. On May 2, 1988, she signed; the previous day her manager had left.",
     {"1987": "1987", "May 2, 1988": "1988-05-02", "the previous day": "1988-05-01"}),
])
def test_titles_vague_future_modals_and_counted_shifts(nlp, text, expected):
    assert values(nlp, text, OCT) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A run of clock times takes the day named after it.
    ("It airs live from 9pm-midnight EST on Aug. 30.",
     {"9pm": "2018-08-30T21:00", "midnight": "2018-08-30T00:00", "Aug. 30": "2018-08-30"}),
    # A day phrase continuing a title-case name is the name: the show, not a time.
    ('"CBS This Morning" is reportedly "begging" Oprah Winfrey to fill in.', {}),
    # The anchor's own weekday in the present progressive is today; "will" looks ahead.
    ("The gown I am still thinking about on Friday morning is the bride's.",
     {"Friday morning": "2018-08-24TMO"}),
    ("She will fly to Paris on Friday.", {"Friday": "2018-08-31"}),
    ("She is flying to Paris on Monday.", {"Monday": "2018-08-27"}),
])
def test_times_dated_by_their_sentence_and_names_that_look_like_times(nlp, text, expected):
    assert values(nlp, text, AUG) == expected
