"""Errors the verifier learnt to catch from the misses of held-out slice 23."""

from __future__ import annotations

import pytest
from tests.support.verifier_checks import quoted_words, types_raised


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A pterygoid plate is a structure of its own, not the zygoma of a tripod fracture.
        (
            "CT face. R tripod fx. Imp: R ZMC fracture.",
            "CT face. Right zygomaticomaxillary complex fracture. Fracture of the right"
            " pterygoid plate.\nImpression: Right ZMC fracture.",
            (None, "Fracture"),
        ),
        # A sarcoma's fascial tail is a finding in its own right.
        (
            "MRI thigh. Intramuscular mass, heterogeneous enhancement.",
            "MRI thigh. Intramuscular mass with heterogeneous enhancement. A tail of fascial"
            " enhancement extends along the septum.",
            (None, "tail of fascial enhancement"),
        ),
        # Free fluid the draft says as itself does not stand for a sided collection it adds.
        (
            "CT pelvis. Retrorectal collection 4 cm. Small free fluid.",
            "CT pelvis. A 4 cm presacral collection. Small free pelvic fluid. A 2 cm collection"
            " in the right paracolic gutter.",
            (None, "collection"),
        ),
    ],
)
def test_a_finding_added_at_a_structure_of_its_own_is_an_insertion(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "insertion") == [quoted]


@pytest.mark.parametrize(
    ("source", "report"),
    [
        ("CT face. L ZMC fx.", "CT face. Left tripod fracture."),
        (
            "CT pelvis. Presacral collection 4 cm. Small free fluid.",
            "CT pelvis. A 4 cm retrorectal collection. Small free pelvic fluid.",
        ),
        ("MRI thigh. Mass w fascial tail.", "MRI thigh. Mass with a fascial tail sign."),
    ],
)
def test_the_same_structure_in_other_words_raises_no_insertion(verifier, source, report):
    assert "insertion" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # Each sentence on a finding label's line lists one more place of that finding.
        (
            "CT pelvis.\nFractures: L iliac wing, comminuted. L sacral ala, nondisplaced.",
            "CT pelvis.\nFracture of the left iliac wing. Fracture of the right sacral ala.",
            ("L", "right"),
        ),
    ],
)
def test_a_side_changed_for_a_place_listed_on_a_label_line_is_flagged(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "laterality") == [quoted]


def test_a_label_line_restated_faithfully_raises_nothing(verifier):
    source = "CT pelvis.\nFractures: L iliac wing, comminuted. L sacral ala, nondisplaced."
    report = "CT pelvis.\nFractures of the left iliac wing (comminuted) and the left sacral ala."
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # An ankle-brachial index labelled with a dictated capital side letter.
        (
            "Arterial duplex. ABI R 0.64. L 0.97.",
            "Arterial duplex. Ankle-brachial indices: left 0.64, right 0.97.",
            ("0.64", "0.64"),
        ),
        (
            "Arterial duplex. ABI L 0.55 (prior 0.80).",
            "Arterial duplex. ABI right 0.55 (prior 0.80).",
            ("0.55", "0.55"),
        ),
    ],
)
def test_an_index_given_for_the_other_side_is_flagged(verifier, source, report, quoted):
    assert quoted in quoted_words(verifier, source, report, "laterality")


def test_an_index_kept_on_its_side_raises_nothing(verifier):
    source = "Arterial duplex. ABI R 0.64. L 0.97."
    report = "Arterial duplex. Ankle-brachial indices: right 0.64, left 0.97."
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "Pelvic US. Torsed L ovary lies just R of midline.",
            "Pelvic ultrasound. The torsed left ovary lies just left of the midline.",
            ("R of midline", "left of the midline"),
        ),
        (
            "CT neck. Tracheal deviation, trachea to the left of midline.",
            "CT neck. The trachea is deviated to the right of midline.",
            ("left of midline", "right of midline"),
        ),
    ],
)
def test_a_side_of_the_midline_turned_round_is_flagged(verifier, source, report, quoted):
    assert quoted in quoted_words(verifier, source, report, "laterality")


def test_the_same_side_of_the_midline_raises_no_laterality(verifier):
    source = "Pelvic US. Torsed L ovary lies just R of midline."
    report = "Pelvic ultrasound. The torsed left ovary lies just to the right of the midline."
    assert "laterality" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # "No active bleed" said in both texts stands for no haematoma the draft dropped.
        (
            "CT abdo. L renal laceration. Small R adrenal haematoma. No active bleed.",
            "CT abdomen. Left renal laceration. No active bleeding.",
            ("haematoma", None),
        ),
    ],
)
def test_a_denial_of_a_kin_said_in_both_texts_does_not_cover_a_dropped_finding(
    verifier, source, report, quoted
):
    assert quoted in quoted_words(verifier, source, report, "omission")


def test_a_kin_denial_said_only_in_the_draft_still_answers(verifier):
    source = "CT head. Small L frontal haematoma."
    report = "CT head. Small left frontal haematoma. No other haemorrhage."
    assert "omission" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "CT chest. Nodes: 4R 1.6 cm, 10L 0.9 cm.",
            "CT chest. Lymph nodes: 4R 0.9 cm. 10L 1.6 cm.",
            ("1.6 cm", "0.9 cm"),
        ),
        (
            "CT chest. Nodes: subcarinal 1.2 cm (prior 2.0). 2R 0.7 cm (prior 1.1).",
            "CT chest. Subcarinal (station 7): 0.7 cm, previously 2.0 cm. Station 2R: 1.2 cm,"
            " previously 1.1 cm.",
            ("0.7 cm", "1.2 cm"),
        ),
    ],
)
def test_two_nodal_stations_trading_sizes_is_a_measurement_error(verifier, source, report, quoted):
    assert quoted in quoted_words(verifier, source, report, "measurement")


def test_nodal_stations_kept_with_their_sizes_raise_nothing(verifier):
    source = "CT chest. Nodes: subcarinal 1.2 cm. 2R 0.7 cm."
    report = "CT chest. Subcarinal (station 7) node 1.2 cm. Right upper paratracheal (2R) 0.7 cm."
    assert "measurement" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "MRI pancreas. 2 cm cyst, thin nonenhancing septation.",
            "MRI pancreas. 2 cm cyst with a thin enhancing septation.",
            ("nonenhancing septation", "enhancing septation"),
        ),
        (
            "CT kidney. 3 cm cyst, no enhancing septa. Bosniak II.",
            "CT kidney. 3 cm cyst with septal enhancement. Bosniak II.",
            ("enhancing septa", "septal enhancement"),
        ),
    ],
)
def test_an_enhancing_septation_said_the_other_way_is_a_negation_error(
    verifier, source, report, quoted
):
    assert quoted in quoted_words(verifier, source, report, "negation")


def test_a_septum_with_perceived_enhancement_is_an_enhancing_septation(verifier):
    source = "CT kidney. 2 cm cyst, thin septum with perceived enhancement. Bosniak II."
    report = "CT kidney. 2 cm cyst with a thin enhancing septation (Bosniak II)."
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "XR chest. 2 cm disc in oesophagus, no halo sign: coin, not button battery.",
            "Chest radiograph. 2 cm disc in the oesophagus; a button battery cannot be excluded.",
            ("button battery", "button battery"),
        ),
        (
            "AXR. Round FB in stomach, double ring c/w button battery.",
            "Abdominal radiograph. Round foreign body in the stomach, not a button battery.",
            ("button battery", "button battery"),
        ),
    ],
)
def test_a_button_battery_said_with_another_certainty_is_a_negation_error(
    verifier, source, report, quoted
):
    assert quoted in quoted_words(verifier, source, report, "negation")


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "CT KUB. 6 mm L UVJ stone. Renal calculi: R upper pole 4 mm, R lower pole 2 mm.",
            "CT KUB. 6 mm left UVJ calculus. Renal calculi: right upper pole 4 mm.",
            ("calculi", None),
        ),
    ],
)
def test_a_stone_dropped_from_a_list_of_sizes_is_an_omission(verifier, source, report, quoted):
    assert quoted in quoted_words(verifier, source, report, "omission")


def test_a_list_of_stones_kept_whole_raises_nothing(verifier):
    source = "CT KUB. Renal calculi: R upper pole 4 mm, R lower pole 2 mm."
    report = "CT KUB. Right renal calculi: upper pole 4 mm and lower pole 2 mm."
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "CT chest staging.\nnodes: 2R 1.3 cm SA, 7 subcarinal 1.6 cm SA. no hilar nodes.",
            "CT chest staging.\nLymph nodes: Right upper paratracheal (2R) lymph node 1.3 cm in"
            " short axis. No hilar lymphadenopathy.",
            ("nodes", None),
        ),
    ],
)
def test_a_size_dropped_from_a_label_line_of_nodes_is_an_omission(verifier, source, report, quoted):
    assert quoted in quoted_words(verifier, source, report, "omission")


def test_a_label_line_of_nodes_kept_whole_raises_no_omission(verifier):
    source = "CT chest staging.\nnodes: 2R 1.3 cm SA, 7 subcarinal 1.6 cm SA. no hilar nodes."
    report = (
        "CT chest staging.\nLymph nodes: Right upper paratracheal (2R) node 1.3 cm and"
        " subcarinal (7) node 1.6 cm in short axis. No hilar lymphadenopathy."
    )
    assert "omission" not in types_raised(verifier, source, report)
