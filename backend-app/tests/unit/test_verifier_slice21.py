"""Verifier rules learnt from the heldout21 slice: obstetric, gynaecologic, cardiac, breast,
scrotal and prostate imaging; oncology restaging, MSK, ICU films, trauma and densitometry."""

from __future__ import annotations

import pytest

from radpair.verifier.extract import find_locations
from radpair.verifier.measure import PRIOR, extract_measurements
from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Densitometry shorthand: a three-decimal value before its T-score is a BMD, "L fem
        # neck" is the left femoral neck and "L 1/3 radius" the left radius.
        (
            "DXA. L fem neck 0.701 T -2.6. L 1/3 radius 0.598, T -2.9.",
            "DXA.\nLeft femoral neck: BMD 0.701 g/cm2, T-score -2.6.\n"
            "Left radius, one-third (33%) site: BMD 0.598 g/cm2; T-score -2.9.",
        ),
        # A prior size before an arrow borrows the unit of the size after it.
        (
            "Mediastinal mass decreased 9.1 x 6.3 -> 3.2 x 1.9 cm.",
            "The mediastinal mass has decreased to 32 x 19 mm (previously 91 x 63 mm).",
        ),
        # "SUVmax is now" names the uptake as "SUVmax" does.
        (
            "Mediastinal mass SUVmax 2.0 (was 24.6).",
            "Mediastinal mass SUVmax is now 2.0 (previously 24.6).",
        ),
        # A bracketed aside belongs to the finding it follows, not to the next one.
        (
            "JZ thickened, max 16 mm post wall (ant 11 mm), w multiple T2 hyperintense foci.",
            "The junctional zone is thickened, up to 1.6 cm in the posterior wall and 1.1 cm "
            "anteriorly, with multiple T2-hyperintense foci.",
        ),
        # A finding's label followed by its pattern asserts the finding.
        (
            "CMR.\nLGE: subendocardial LAD territory.",
            "CMR.\nLate gadolinium enhancement: Subendocardial enhancement in the LAD territory.",
        ),
        # Echo shorthand after a grade, and signal intensity shorthand.
        ("CMR. mild MR. no pericardial effusion.", "CMR. Mild mitral regurgitation. No effusion."),
        (
            "MRI breast. R implant: low SI lines within gel.",
            "MRI breast. Right implant: low-signal lines within the gel.",
        ),
        # Nodal-region "LAD" is adenopathy; "FF" is free fluid.
        (
            "US pelvis. no pelvic LAD. small FF.",
            "Pelvic US. No pelvic lymphadenopathy. Small free fluid.",
        ),
        # An impression's item number before a side, and a score before a side, are no litres.
        (
            "CT. L L2 TP fx.\nIMP\n3 L L2 TP fx",
            "CT. Left L2 transverse process fracture.\nIMPRESSION:\n3. Left L2 TP fracture.",
        ),
        (
            "MRI prostate. lesion L PZ 1.3 cm. IMP: PI-RADS 4 L mid PZ 1.3 cm.",
            "MRI prostate. Lesion in the left PZ, 13 mm. IMPRESSION: PI-RADS 4 lesion (13 mm) in "
            "the left mid peripheral zone.",
        ),
        # Abbreviations: subcutaneous emphysema, osteochondral lesion, laceration, extravasation.
        (
            "CXR. small R chest wall subcut emphysema.",
            "CXR. Small right chest wall subcutaneous emphysema.",
        ),
        (
            "MRI ankle. OLT medial talar dome 8 x 6 mm, subchondral edema.",
            "MRI ankle. Osteochondral lesion of the medial talar dome, 8 x 6 mm, with subchondral "
            "bone marrow edema. The lesion appears stable.",
        ),
        (
            "CT. L kidney lac w urine extravasation. no active arterial extrav.",
            "CT. Left renal laceration with urinary extravasation. No active arterial "
            "extravasation.",
        ),
        # A differential by example and a hedge "until proven otherwise".
        (
            "MRI breast. R breast: 5 mm mass, likely FA or intramammary LN.",
            "MRI breast. Right breast: 5 mm mass, compatible with a benign lesion such as a "
            "fibroadenoma or intramammary lymph node.",
        ),
        (
            "US scrotum. L testis 1.6 cm solid mass. IMP: neoplasm (GCT) until proven otherwise.",
            "US scrotum. Left testis: 16 mm solid mass. IMPRESSION: Neoplasm (likely germ cell "
            "tumor) until proven otherwise.",
        ),
        # A label that is named again on its line is a heading, whatever size its line gives.
        (
            "MRI prostate. capsular contact ~8 mm, capsule intact, no EPE.",
            "MRI prostate.\nExtraprostatic extension: Approximately 8 mm of capsular contact; "
            "capsule intact, no EPE.",
        ),
        (
            "MRI prostate. R PZ lesion, capsular bulge.",
            "MRI prostate. Right PZ lesion with capsular bulging.",
        ),
        (
            "MRI prostate. T2 hypo, marked restriction.",
            "MRI prostate. T2 hypointense, marked restricted diffusion.",
        ),
    ],
)
def test_heldout21_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        (
            "DXA. L fem neck 0.701 T -2.6.",
            "DXA. Left femoral neck: BMD 0.761 g/cm2, T-score -2.6.",
            "measurement",
        ),
        (
            "DXA. L fem neck 0.701 T -2.6.",
            "DXA. Right femoral neck: BMD 0.701 g/cm2, T-score -2.6.",
            "laterality",
        ),
        (
            "Mediastinal mass decreased 9.1 x 6.3 -> 3.2 x 1.9 cm.",
            "The mediastinal mass has decreased to 32 x 19 mm (previously 81 x 63 mm).",
            "measurement",
        ),
        (
            "Mediastinal mass SUVmax 2.0 (was 24.6).",
            "Mediastinal mass SUVmax is now 3.0 (previously 24.6).",
            "measurement",
        ),
        (
            "CMR. mild MR. no pericardial effusion.",
            "CMR. No mitral regurgitation. No effusion.",
            "negation",
        ),
        ("US pelvis. no pelvic LAD.", "Pelvic US. Pelvic lymphadenopathy.", "negation"),
        (
            "US pelvis. uterus nl. no FF.",
            "Pelvic US. Normal uterus. Small volume free fluid.",
            "negation",
        ),
        ("CXR. no PTX.", "CXR. No pneumothorax. Small subcutaneous emphysema.", "insertion"),
        (
            "CXR. small R chest wall subcut emphysema.",
            "CXR. Small left chest wall subcutaneous emphysema.",
            "laterality",
        ),
        (
            "MRI breast. R implant intact.",
            "MRI breast. Right implant intact. Extracapsular silicone.",
            "insertion",
        ),
        (
            "MRI knee. no displaced meniscal fragment.",
            "MRI knee. Displaced meniscal fragment.",
            "negation",
        ),
        # A changed prior, and a new size that equals a difference of two others.
        (
            "Scoliosis. R thoracic curve Cobb 34 deg (prev 28). IMP: progression to 34 from 28.",
            "Scoliosis. Right thoracic curve measuring 28 degrees, previously 34 degrees.",
            "measurement",
        ),
        (
            "CXR. Small R apical pneumothorax. ETT tip 4 cm above the carina.",
            "CXR. Small right apical pneumothorax measuring 2 cm. ETT tip 4 cm above the carina. "
            "Small (2 cm) pneumothorax.",
            "measurement",
        ),
    ],
)
def test_heldout21_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L fem neck 0.701 T -2.6", [("bone_density", (0.701,)), ("t_score", (-2.6,))]),
        ("lesion 3.2 cm, PI-RADS 4 L mid PZ", [("length", (32.0,))]),
        ("3 L L2 TP fx", []),
        ("2 L of ascites drained", [("volume", (2000.0,))]),
        ("BMD 0.598 at the one-third (33%) radius site", [("bone_density", (0.598,))]),
        (
            "mass 9.1 x 6.3 -> 3.2 x 1.9 cm",
            [("length", (32.0, 19.0)), ("length" + PRIOR, (91.0, 63.0))],
        ),
    ],
)
def test_heldout21_values_are_read_as_their_kind(text, expected):
    found = sorted((m.dim, m.values) for m in extract_measurements(text))
    assert found == sorted(expected)


@pytest.mark.parametrize("text", ["fibroid, T2 hypo homogeneous", "foci T2 hyper on FLAIR"])
def test_a_sequence_name_before_a_bare_signal_word_is_no_vertebra(text):
    assert find_locations(text) == []


@pytest.mark.parametrize(
    ("source", "report", "kinds"),
    [
        # Two sides trading their values: each side's value changed, and its side.
        (
            "MAG3. Differential renal function: left 58%, right 42%.",
            "FINDINGS: Differential renal function is 42% left and 58% right.",
            {"measurement", "laterality"},
        ),
        # One value moved to the other side, nothing taken in exchange: a side change.
        (
            "MAG3. Differential renal function: left 58%.",
            "FINDINGS: Differential renal function is 58% right.",
            {"laterality"},
        ),
    ],
)
def test_values_given_for_the_other_side_raise_by_whether_the_sides_traded(
    verifier, source, report, kinds
):
    warnings = verifier.verify(source, report)
    assert {w["type"] for w in warnings} == kinds
    quoted = {
        (source[w["source_span"][0] : w["source_span"][1]], w["type"])
        for w in warnings
        if source[w["source_span"][0] : w["source_span"][1]]
        == report[w["report_span"][0] : w["report_span"][1]]
    }
    assert {("58%", kind) for kind in kinds} <= quoted


def test_a_side_after_a_value_and_before_the_next_value_labels_it():
    a, b = extract_measurements("function is 42% left and 58% right.")
    assert (a.side, b.side) == ("L", "R")
