"""Timeline: order, event phrases and certainty from hedge and denial cues."""

from __future__ import annotations

import datetime as dt

import pytest

from rumorscope.extract.timeline import build_timeline
from rumorscope.extract.timex import find_timexes
from rumorscope.pipeline import load_pipeline
from rumorscope.schema import Hedge

ANCHOR = dt.date(2019, 5, 20)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def hedge(text: str, cue: str, kind: str = "hedge") -> Hedge:
    start = text.index(cue)
    return Hedge(text=cue, span=(start, start + len(cue)), kind=kind)


def timeline(nlp, text: str, hedges: list[Hedge]):
    doc = nlp(text)
    timexes = find_timexes(doc, ANCHOR)
    return timexes, build_timeline(doc, timexes, hedges)


def test_events_are_ordered_by_date_and_skip_durations(nlp):
    text = ("Rosa Pike was released from hospital on May 2. She had been admitted on "
            "April 20 after a 9-day tour. Fans have waited for years, recently.")
    timexes, events = timeline(nlp, text, [])
    assert [e.date for e in events] == ["2019-04-20", "2019-05-02"]
    assert [timexes[e.timex].text for e in events] == ["April 20", "May 2"]
    assert "released" in events[1].event and "Rosa Pike" in events[1].event
    assert all(e.certainty == "asserted" and e.attribution is None for e in events)


def test_an_expression_hanging_from_an_adverb_or_another_date_takes_the_clause(nlp):
    _, events = timeline(nlp, "Back in 2016, Rosa Pike was spotted in Miami. They were "
                              "married from 2012 to 2017.", [])
    assert [e.date for e in events] == ["2012", "2016", "2017"]
    assert events[1].event == "Rosa Pike was spotted in Miami"
    assert "married" in events[0].event and events[2].event == events[0].event


def test_event_noun_phrase(nlp):
    text = "The star's alleged breakdown in March 2019 was never explained."
    _, events = timeline(nlp, text, [])
    assert len(events) == 1
    assert "breakdown" in events[0].event and "2019" not in events[0].event


def test_hedge_in_the_clause_makes_it_hedged(nlp):
    text = "Rosa Pike reportedly married Tom Reed on May 2."
    _, events = timeline(nlp, text, [hedge(text, "reportedly")])
    assert events[0].certainty == "hedged"


def test_hedge_in_another_clause_does_not(nlp):
    text = "Rosa Pike married Tom Reed on May 2, and a rumored feud followed."
    _, events = timeline(nlp, text, [hedge(text, "rumored")])
    assert events[0].certainty == "asserted"


def test_denials(nlp):
    text = "Her rep denied that Rosa Pike married Tom Reed on May 2."
    _, events = timeline(nlp, text, [hedge(text, "denied", "denial")])
    assert events[0].certainty == "denied"
    text = ("Reports claimed Rosa Pike was hospitalized on May 2. But it has never been "
            "confirmed that she was ill.")
    _, events = timeline(nlp, text, [hedge(text, "it has never been confirmed", "denial")])
    assert events[0].certainty == "disputed"


def test_reference_article_timeline(reference_analysis):
    events = reference_analysis.timeline
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    assert dates[0] == "2016-10-03" and dates[-1] == "2016-12-20"
    released = [e for e in events if e.date == "2016-11-30"]
    assert released and "released" in released[0].event
    assert any(e.date == "2016-11-21" and e.certainty in ("hedged", "disputed") for e in events)


def test_a_date_heading_dates_the_paragraph_below(nlp):
    text = ("Their romance in brief.\n\n3 May 2016:\n\nRosa Pike and Joe Lane meet at the gala."
            "\n\n12 October 2016:\n\nRosa Pike is seen at a film.")
    _, events = timeline(nlp, text, [])
    assert [(e.date, e.event) for e in events] == [
        ("2016-05-03", "Rosa Pike and Joe Lane meet at the gala"),
        ("2016-10-12", "Rosa Pike is seen at a film")]


def test_an_embedded_post_is_the_event_of_its_signature_date(nlp):
    text = ("Love you London. — Stella Vale (@StellaVale) March 22, 2017\n\n"
            "A post shared by Bella Vale (@bella.vale) on Apr 5, 2017 at 9:28pm PDT")
    _, events = timeline(nlp, text, [])
    assert [e.event for e in events] == ["post by Stella Vale (@StellaVale)",
                                         "post by Bella Vale (@bella.vale)",
                                         "post by Bella Vale (@bella.vale)"]
