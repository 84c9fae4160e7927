"""Verifier rules learnt from the heldout29 slice, first half: trauma imaging (whole-body CT,
facial bones, cervical spine CT and MR, skeletal survey, ankle radiographs, eFAST and pelvic
CT angiography)."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import quoted_words, types_raised


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # A denied pelvic fracture says nothing of the ribs broken elsewhere.
        (
            "Right 7th rib fracture. Pelvis intact.",
            "Fracture of the right 7th rib. No pelvic fracture.",
            "negation",
            [],
        ),
        # But it does deny a fracture of a bone of the pelvic ring.
        (
            "Right superior pubic ramus fracture.",
            "No pelvic fracture.",
            "negation",
            [("fracture", "fracture")],
        ),
        # Fluid in one upper-quadrant recess is no fluid in the other.
        (
            "RUQ free fluid in Morison's pouch. LUQ negative. Pelvis small free fluid.",
            "Right upper quadrant: Free fluid in the hepatorenal recess.\n"
            "Left upper quadrant: No free fluid in the splenorenal recess.\n"
            "Pelvis: Small volume of free fluid.",
            "negation",
            [],
        ),
        (
            "Free fluid in Morison's pouch. No free fluid in the splenorenal recess.",
            "No free fluid in the hepatorenal recess. No free fluid in the splenorenal recess.",
            "negation",
            [("Free fluid", "free fluid")],
        ),
    ],
)
def test_the_pelvis_and_the_upper_quadrant_recesses_are_places(
    verifier, source, report, kind, quoted
):
    assert quoted_words(verifier, source, report, kind) == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A posterior malleolar fracture is not the denied medial malleolar one.
        (
            "No medial malleolar fracture. Lateral malleolar fracture.",
            "Lateral malleolar fracture. Small posterior malleolar fracture. The medial "
            "malleolus is intact.",
            [(None, "fracture")],
        ),
        (
            "No medial malleolar fracture. Lateral malleolar fracture.",
            "Fracture of the lateral malleolus. No fracture of the medial malleolus.",
            [],
        ),
    ],
)
def test_each_malleolus_is_its_own_place_named_by_noun_or_adjective(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "insertion") == quoted


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # The cord "flattened" after it, dictation's word order, is the cord's flattening.
        (
            "Canal stenosis at C5-6, cord flattened.",
            "Canal stenosis at C5-C6 with flattening of the cord.",
            "insertion",
            [],
        ),
        (
            "Canal stenosis at C5-6, cord flattened.",
            "Canal stenosis at C5-C6.",
            "omission",
            [("cord flattened", None)],
        ),
        # Spondylosis said as an adjective.
        ("Multilevel spondylosis.", "Multilevel spondylotic change.", "omission", []),
    ],
)
def test_cord_flattening_and_spondylotic_change_are_vocabulary(
    verifier, source, report, kind, quoted
):
    assert quoted_words(verifier, source, report, kind) == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "Cord oedema, no haemorrhage, on a background of canal stenosis.",
            "Cord oedema without haemorrhage on a background of canal stenosis.",
            [],
        ),
        # The setting is affirmed, so denying it in the draft is a change.
        (
            "Cord oedema, no haemorrhage, on a background of canal stenosis.",
            "Cord oedema. No haemorrhage. No canal stenosis.",
            [("stenosis", "stenosis")],
        ),
    ],
)
def test_a_denial_does_not_reach_the_background_named_after_it(verifier, source, report, quoted):
    assert quoted_words(verifier, source, report, "negation") == quoted


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # The structure a fracture does not involve is not the fracture's place.
        (
            "Dens fracture. The fracture does not involve the foramina transversaria.",
            "Fracture of the dens. The foramina transversaria are not involved.",
            "omission",
            [],
        ),
        (
            "Dens fracture. Fracture not involving the foramina transversaria.",
            "Fracture of the dens. No involvement of the foramina transversaria.",
            "omission",
            [],
        ),
    ],
)
def test_a_structure_a_finding_does_not_involve_is_not_its_site(
    verifier, source, report, kind, quoted
):
    assert quoted_words(verifier, source, report, kind) == quoted


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        (
            "Active extravasation from the splenic artery.",
            "Active haemorrhage from the splenic " "artery.",
            "insertion",
            [],
        ),
        (
            "No active extravasation.",
            "Active bleeding from the splenic artery.",
            "negation",
            [("active extravasation", "Active bleeding")],
        ),
    ],
)
def test_active_bleeding_is_the_extravasation_ct_shows(verifier, source, report, kind, quoted):
    assert quoted_words(verifier, source, report, kind) == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A hedge inside brackets stays there.
        (
            "Arterial extravasation, likely from the profunda femoris. Large thigh haematoma.",
            "Arterial extravasation (likely from the profunda femoris) with a large thigh "
            "haematoma.",
            [],
        ),
        # A hedge before the brackets still reaches past them.
        (
            "Large thigh haematoma.",
            "Likely (large) thigh haematoma.",
            [("haematoma", "haematoma")],
        ),
    ],
)
def test_a_hedge_inside_brackets_does_not_reach_past_them(verifier, source, report, quoted):
    assert quoted_words(verifier, source, report, "negation") == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A fracture label lists the bones it runs through (a skull suture is one of the
        # places), so the nasal fracture after it is the one dropped.
        (
            "Right orbital fracture: orbital floor, medial orbital wall at the FZ suture.\n"
            "Nasal bone fracture.",
            "Right orbital fracture involving the orbital floor and medial orbital wall.",
            [("fracture", None)],
        ),
        (
            "Fracture: right orbital floor, right medial orbital wall.",
            "Fractures of the right orbital floor and the right medial orbital wall.",
            [],
        ),
    ],
)
def test_a_fracture_label_asserts_the_fracture_at_the_bones_it_lists(
    verifier, source, report, quoted
):
    found = quoted_words(verifier, source, report, "omission")
    assert found == quoted
    if quoted:
        span = next(w["source_span"] for w in verifier.verify(source, report))
        assert source[: span[0]].endswith("Nasal bone ")


def test_a_sentence_about_a_part_is_not_placed_by_the_label_over_it(verifier):
    # "its posterior aspect" is the SI joint's, not the whole pelvic ring's.
    source = (
        "Open book pelvic injury, symphysis diastasis. R SI joint widened anteriorly, "
        "posterior SI joint not widened."
    )
    report = (
        "Pelvic ring: Open-book injury with symphysis diastasis. The right sacroiliac joint is "
        "widened anteriorly; its posterior aspect is not widened."
    )
    assert "negation" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        (
            "Classic metaphyseal lesion of the distal left femur.",
            [("Classic metaphyseal lesions", None)],
        ),
        (
            "Classic metaphyseal lesions of the distal left femur and the proximal right tibia.",
            [],
        ),
    ],
)
def test_a_structure_on_the_other_side_left_unnamed_is_an_omission(verifier, report, quoted):
    source = "Classic metaphyseal lesions of the distal left femur and the proximal right tibia."
    assert quoted_words(verifier, source, report, "omission") == quoted


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        ("Fractures of the left 5th, 6th and 7th ribs.", []),
        ("Fractures of the right 5th, 6th and 7th ribs.", [("L", "right")]),
    ],
)
def test_a_side_before_rib_numbers_sides_the_fracture_before_it(verifier, report, quoted):
    source = "Rib fractures L 5th 6th 7th."
    assert quoted_words(verifier, source, report, "laterality") == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        (
            "Scaphoid waist fracture. No DISI.",
            "Scaphoid waist fracture. Dorsal intercalated segment instability.",
            [("DISI", "Dorsal intercalated segment instability")],
        ),
        (
            "Scaphoid waist fracture. No DISI.",
            "Scaphoid waist fracture. No dorsal intercalated segment instability.",
            [],
        ),
        (
            "Stab wound tract in the flank. No peritoneal or retroperitoneal violation.",
            "Stab wound tract in the flank. Violation of the peritoneum or retroperitoneum.",
            [("retroperitoneal violation", "Violation of the peritoneum")],
        ),
        (
            "Stab wound tract in the flank. No peritoneal or retroperitoneal violation.",
            "Stab wound tract in the flank. No violation of the peritoneum or retroperitoneum.",
            [],
        ),
    ],
)
def test_carpal_instability_and_peritoneal_violation_are_findings(verifier, source, report, quoted):
    assert quoted_words(verifier, source, report, "negation") == quoted
