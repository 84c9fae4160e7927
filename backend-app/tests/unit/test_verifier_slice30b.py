"""Verifier rules learnt from the heldout30 slice, second half: vascular and cardiac imaging
(carotid and venous duplex, EVAR surveillance, ankle-brachial indices, cardiac MR)."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import quoted_words, types_raised


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # A spaced L between two pressures is the side of the next one, not litres.
        (
            "ABI. brachial R 142 L 138.",
            "Brachial pressures: right 142 mmHg, left 138 mmHg.",
            [],
        ),
        (
            "ABI. DP R 110 L 68. TBI R 0.62 L 0.30.",
            "Dorsalis pedis: right 110, left 68. TBI: right 0.62, left 0.30.",
            [],
        ),
    ],
)
def test_a_side_letter_between_values_is_no_litre_unit(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # "pre op 61 mm", written with a space, is a preoperative size like "pre-op 61 mm".
        (
            "CTA post EVAR. sac 58 mm, pre op 61 mm.",
            "Aneurysm sac 5.8 cm, decreased from 6.1 cm preoperatively.",
            [],
        ),
        # "unchanged from 1 month (5.8 cm)": the value of the earlier study.
        (
            "CTA post EVAR. sac 58 mm, previously 58 mm at 1 month.",
            "Aneurysm sac 5.8 cm, unchanged from 1 month (5.8 cm).",
            [],
        ),
        # The earlier value changed: still caught.
        (
            "CTA post EVAR. sac 58 mm, previously 55 mm at 1 month.",
            "Aneurysm sac 5.8 cm, increased from 1 month (5.2 cm).",
            [("55 mm", None), (None, "5.2 cm")],
        ),
    ],
)
def test_a_size_of_an_earlier_time_point_is_a_prior(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "EVAR. R limb lands in R CIA. L limb extends into L EIA.",
            "The right limb lands in the right common iliac artery. The left limb extends "
            "into the left external iliac artery.",
            [],
        ),
        (
            "EVAR. R limb lands in R CIA. L limb extends into L EIA.",
            "The right limb lands in the left common iliac artery. The left limb extends "
            "into the left external iliac artery.",
            [("R", "left")],
        ),
    ],
)
def test_iliac_arteries_are_read_by_their_abbreviations(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "laterality")[:1] == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "venous duplex. GSV reflux 2.8 s. SSV reflux 1.2 s.",
            "GSV reflux 2800 ms. SSV reflux 1200 ms.",
            [],
        ),
        (
            "venous duplex. GSV reflux 3.5 s.",
            "GSV reflux 350 ms.",
            [("3.5 s", "350 ms")],
        ),
        # A mapping value and its normal bound: the bound is no changed value.
        (
            "cardiac MR. T2 map elevated, 58 ms.",
            "Elevated T2 values (58 ms; local upper limit of normal 50 ms).",
            [],
        ),
    ],
)
def test_milliseconds_are_a_time_unit(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


def test_ms_in_capitals_is_no_time_unit(verifier):
    source = "MRI brain. 3 MS plaques periventricular."
    report = "Three periventricular demyelinating plaques."
    assert "measurement" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # "L CCA 60" dictated without its label: the draft's "CCA PSV 0.60 m/s" is it.
        (
            "carotid duplex. L ICA PSV 290 EDV 110, L CCA 60.",
            "Left: ICA PSV 2.90 m/s, EDV 1.10 m/s; common carotid PSV 0.60 m/s.",
            [],
        ),
        (
            "carotid duplex. L ICA PSV 290 EDV 110, L CCA 60.",
            "Left: ICA PSV 2.90 m/s, EDV 1.10 m/s; common carotid PSV 0.80 m/s.",
            [("290", "0.80 m/s")],
        ),
    ],
)
def test_a_bare_dictated_velocity_may_be_given_its_unit(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "carotid duplex. R ICA plaque, 70% or greater.",
            "Right internal carotid artery stenosis of 70% or greater.",
            [],
        ),
        # A stenosis graded by a percentage nobody dictated is added.
        (
            "carotid duplex. R ICA plaque, 70% or greater.",
            "Right internal carotid artery plaque, 70% or greater. Left ICA stenosis of 50%.",
            [(None, "stenosis")],
        ),
    ],
)
def test_a_dictated_percentage_grade_names_a_stenosis(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "insertion") == expected
