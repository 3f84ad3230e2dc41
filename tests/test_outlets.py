"""Telling when two ways of writing an outlet are one publication."""

from __future__ import annotations

import pytest

from rumorscope.outlets import looks_like_outlet_name, outlet_key, same_outlet


@pytest.mark.parametrize(("a", "b"), [
    ("people.com", "PEOPLE"),
    ("people.com", "People Food"),  # a section of the same publication
    ("uk.businessinsider.com", "Business Insider"),
    ("www.dailymail.co.uk", "Daily Mail"),
    ("radaronline.com", "Radar"),
    ("intouchweekly.com", "In Touch"),
    ("thesun.co.uk", "The Sun"),
    ("usmagazine.com", "Us Weekly"),
])
def test_one_publication_written_two_ways(a, b):
    assert same_outlet(a, b) and same_outlet(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("time.com", "Times of India"),
    ("nypost.com", "Page Six"),
    ("etonline.com", "E! News"),
    ("celebs.example", "news.example"),  # one unknown ending is not one publication
    ("hollywoodlife.com", "The Hollywood Gossip"),
    (None, "People"),
    ("", ""),
])
def test_different_publications_stay_apart(a, b):
    assert not same_outlet(a, b)


def test_an_address_is_keyed_by_the_label_before_its_endings():
    assert outlet_key("news.com.au") == "news"
    assert outlet_key("m.tmz.com") == "tmz"
    assert outlet_key(".com") == ""


@pytest.mark.parametrize(("name", "named"), [
    ("Life & Style", True), ("E! News", True), ("RadarOnline.com", True), ("tmz.com", True),
    ("The New York Times", True), ("the mag", False),
    ("the mag, which reportedly left the woman fuming", False),
    ("Houston Rockets star of cheating on her", False),
    ("a source who spoke to E! News", False), ("", False),
])
def test_only_a_publications_name_counts_as_a_cited_outlet(name, named):
    assert looks_like_outlet_name(name) == named
