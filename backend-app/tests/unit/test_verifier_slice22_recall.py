"""Errors the verifier learnt to catch from the misses of held-out slice 22."""

from __future__ import annotations

import pytest
from tests.support.verifier_checks import quoted_words


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # A breast quadrant places the dictated cyst in its breast, so a mass added in the
        # other breast has no dictated partner.
        (
            "Screening mammo. No suspicious mass. Benign oil cyst L UIQ.",
            "Screening mammogram. No suspicious mass. A benign oil cyst is in the upper inner"
            " quadrant of the left breast. A 5 mm oval mass is present in the right breast.",
            "insertion",
            (None, "mass"),
        ),
        # A thyroid nodule's macrocalcification dropped with its nodule.
        (
            "Thyroid US. R lobe: 1.1 cm solid nodule, TR4, macrocalcification.",
            "Thyroid ultrasound. Right lobe: 1.1 cm solid nodule, TI-RADS 4.",
            "omission",
            ("macrocalcification", None),
        ),
        # Increased lung uptake on a perfusion scan is a finding of its own.
        (
            "SPECT MPI. Small fixed inferior defect. LVEF 55%.",
            "SPECT MPI. Small fixed inferior perfusion defect. Increased lung uptake on the stress"
            " images. LVEF 55%.",
            "insertion",
            (None, "Increased lung uptake"),
        ),
        # Focal uptake heading a list of places is at each of them, numbered places included.
        (
            "Bone scan.\nFocal uptake: L 4th rib, R iliac wing, T8.",
            "Bone scan.\nFocal uptake in the left fourth rib and the T8 vertebral body.",
            "omission",
            ("iliac wing", None),
        ),
        # An extension that goes on "and into" a place dictated as spared.
        (
            "Cephalic v thrombus, does not extend into axillary v.",
            "Thrombus in the cephalic vein extending from the elbow to the shoulder and into the"
            " axillary vein.",
            "negation",
            ("extend into", "and into"),
        ),
    ],
)
def test_a_finding_the_lexicon_now_knows_is_checked(verifier, source, report, kind, quoted):
    assert quoted_words(verifier, source, report, kind) == [quoted]


def test_a_side_swapped_for_hip_dysplasia_is_flagged(verifier):
    source = "Hip US.\nR hip: Graf I.\nL hip: Graf IIc.\nImp: L DDH. R hip nl."
    report = (
        "Hip ultrasound.\nRight hip: Graf type I.\nLeft hip: Graf type IIc.\n"
        "IMPRESSION: Developmental dysplasia of the right hip. Normal left hip."
    )
    assert "laterality" in {w["type"] for w in verifier.verify(source, report)}


@pytest.mark.parametrize(
    ("source", "report"),
    [
        (
            "Screening mammo. No suspicious mass. Benign oil cyst L UIQ.",
            "Screening mammogram. No suspicious mass. A benign oil cyst is in the upper inner"
            " quadrant of the left breast.",
        ),
        (
            "Thyroid US. R lobe: 1.1 cm solid nodule, TR4, macrocalcification.",
            "Thyroid ultrasound. Right lobe: 1.1 cm solid nodule with macrocalcification,"
            " TI-RADS 4.",
        ),
        (
            "SPECT MPI. Small fixed inferior defect. Increased lung uptake. LVEF 55%.",
            "SPECT MPI. Small fixed inferior perfusion defect. Increased lung uptake on the stress"
            " images. LVEF 55%.",
        ),
        (
            "Bone scan.\nFocal uptake: L 4th rib, R iliac wing, T8.",
            "Bone scan.\nFocal uptake in the left fourth rib, the right iliac wing and the T8"
            " vertebral body.",
        ),
        (
            "Cephalic v thrombus, extends from elbow to shoulder and into axillary v.",
            "Thrombus in the cephalic vein extending from the elbow to the shoulder and into the"
            " axillary vein.",
        ),
        (
            "Hip US.\nR hip: Graf I.\nL hip: Graf IIc.\nImp: L DDH. R hip nl.",
            "Hip ultrasound.\nRight hip: Graf type I.\nLeft hip: Graf type IIc.\n"
            "IMPRESSION: Developmental dysplasia of the left hip. Normal right hip.",
        ),
        # A relative's disease is why the baby is scanned, not a finding of this study.
        (
            "Hip US, family history of DDH. Both hips nl, Graf I.",
            "Hip ultrasound. Both hips are normal, Graf type I. No developmental dysplasia of"
            " the hip.",
        ),
    ],
)
def test_the_same_finding_said_faithfully_raises_nothing(verifier, source, report):
    assert verifier.verify(source, report) == []


def test_a_structure_said_to_be_left_out_sets_no_side_for_its_section(verifier):
    source = (
        "Diag mammo R. Prior: grouped calcs R UOQ. Today: grouped calcs R UOQ, stable, no new"
        " calcs. No mass. L breast not imaged."
    )
    report = (
        "EXAMINATION: Right mammogram.\n\nFINDINGS:\n"
        "The left breast was not included in this examination.\n"
        "In the upper outer quadrant of the right breast there are grouped calcifications."
        " These are unchanged. No new calcifications. No associated mass.\n\n"
        "IMPRESSION:\nStable grouped calcifications in the right upper outer quadrant."
    )
    assert verifier.verify(source, report) == []
