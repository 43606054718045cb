"""The documented rules of role families and locations (subgraphs/analytics/categories.py)."""

from __future__ import annotations

import pytest

from subgraphs.analytics.categories import location_of, position_category


@pytest.mark.parametrize(
    ("position", "family"),
    [
        ("Senior Frontend Engineer", "Frontend"),
        ("React Developer", "Frontend"),
        ("Back-end Developer (Python)", "Backend"),
        ("Full-Stack Engineer", "Full stack"),
        ("Fullstack developer, React/Node", "Full stack"),
        ("React Native Developer", "Mobile"),
        ("iOS Engineer", "Mobile"),
        ("Site Reliability Engineer", "DevOps"),
        ("Platform Engineer", "DevOps"),
        ("Data Scientist", "Data"),
        ("Machine Learning Engineer", "Data"),
        ("Product Designer", "Design"),
        ("UX Researcher", "Design"),
        ("Product Manager", "Product"),
        ("Engineering Manager", "Management"),
        ("Head of Engineering", "Management"),
        ("Frontend Engineering Manager", "Frontend"),
        ("Software Engineer", "Other"),
        ("", "Other"),
    ],
)
def test_positions_fall_into_the_first_matching_family(position: str, family: str) -> None:
    assert position_category(position) == family


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("lisbon", "Lisbon"),
        ("  Lisbon ", "Lisbon"),
        ("New   York", "New York"),
        ("NYC", "NYC"),
        ("Remote", "Remote"),
        ("remote (EU)", "Remote"),
        ("Anywhere", "Remote"),
        ("Work from home", "Remote"),
        (None, "Unspecified"),
        ("   ", "Unspecified"),
    ],
)
def test_locations_are_normalised(location: str | None, shown: str) -> None:
    assert location_of(location)[1] == shown


def test_spellings_of_one_place_share_a_key() -> None:
    assert location_of("lisbon")[0] == location_of(" LISBON ")[0] == location_of("Lisbon")[0]
