"""Verifier rules learnt from the heldout24 slice, first half: nuclear medicine, PET-CT,
interventional procedures, plain films, fluoroscopy and MSK."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # On a three-phase bone scan, hyperaemia is increased activity on the flow images.
        (
            "3 phase bone scan feet. flow increased flow right forefoot.",
            "Three-phase bone scan. In the right forefoot, there is increased radiotracer "
            "activity on the flow and blood pool phases.",
        ),
        # A side's share given its unit in the draft ("left 43 right 57" -> "Right 57%").
        (
            "DMSA. differential function left 43 right 57.\n"
            "impression mildly reduced left differential function 43 percent.",
            "DMSA.\nDifferential renal function: Right 57%, left 43%.\n"
            "IMPRESSION: Mildly reduced left differential function (43%).",
        ),
        # A duration in minutes and seconds is one value in minutes.
        (
            "barium swallow. fluoro time 1.8 min. small hiatal hernia.",
            "Barium swallow. Fluoroscopy time: 1 minute 48 seconds. Small hiatus hernia.",
        ),
        # A label ending its line and denying ("The following were not seen:") denies each
        # item of the list below it.
        (
            "barium swallow. no stricture no mass. small hiatal hernia.",
            "Oesophagus: Normal calibre. The following were not seen:\n- stricture\n- mass\n"
            "Small hiatus hernia.",
        ),
        # A sentence naming its own side outweighs the exam title's side for the findings
        # that describe its finding.
        (
            "AP pelvis and lateral left hip. left THA in unchanged position. right hip "
            "moderate OA with joint space narrowing, subchondral sclerosis and osteophytes.",
            "AP pelvis and lateral view of the left hip.\nRight hip: Moderate osteoarthritis "
            "with joint space narrowing, subchondral sclerosis and osteophyte formation.\n"
            "Left hip arthroplasty: unchanged position.",
        ),
        # "Right neck:" heads its lines like "Right:"; a dictated node sized under a nodes
        # heading is kept, named by its station.
        (
            "PET CT. left level IIA node 2.3 cm SUV max 12.1. right neck no FDG avid nodes.",
            "PET/CT.\nCervical lymph nodes:\n- Ipsilateral (left) level IIA: 23 mm, SUVmax "
            "12.1.\n- Contralateral (right) neck: No FDG-avid lymph nodes.",
        ),
        # Bilateral nodes said to have resolved, then one side's denial said apart.
        (
            "PET CT. bilateral supraclavicular nodes have resolved. no residual right "
            "supraclavicular node. residual left supraclavicular node 8 mm.",
            "PET/CT. The FDG-avid nodes previously seen at left level IV and in both "
            "supraclavicular regions have resolved. On the right, there is no residual "
            "supraclavicular node. On the left, a residual supraclavicular node measures 8 mm.",
        ),
        # Gastric emptying: the study's finding is denied in both.
        (
            "gastric emptying. impression normal solid gastric emptying no rapid or delayed "
            "emptying",
            "Gastric emptying scintigraphy. IMPRESSION: Normal solid-phase gastric emptying. "
            "No evidence of rapid or delayed gastric emptying.",
        ),
    ],
)
def test_heldout24a_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # The scintigraphic hyperaemia still has to be there.
        (
            "3 phase bone scan feet. flow increased flow right forefoot.",
            "Three-phase bone scan. The feet are normal on all phases.",
            "omission",
        ),
        # The bare number given its side is still checked against the right side.
        (
            "DMSA. differential function left 43 right 57.",
            "DMSA.\nDifferential renal function: Right 43%, left 57%.",
            "measurement",
        ),
        (
            "barium swallow. fluoro time 1.8 min.",
            "Barium swallow. Fluoroscopy time: 1 minute 18 seconds.",
            "measurement",
        ),
        # A list under a label that does not deny is affirmed.
        (
            "barium swallow. no stricture no mass.",
            "Oesophagus: The following were seen:\n- stricture\n- mass",
            "negation",
        ),
        # The unsided indication echoed in the draft's history is not the sided dictated
        # finding: dropping that finding is an omission.
        (
            "thyroid scan\nhyperthyroid palpable nodules\nhot nodule left upper pole. "
            "cold nodule right lower pole.",
            "CLINICAL HISTORY: Palpable thyroid nodules.\n\n"
            "FINDINGS: Hot nodule in the upper pole of the left lobe.",
            "omission",
        ),
        # "A separate collection" where one was dictated is one more, added by the draft.
        (
            "CT guided drainage. right lower quadrant collection 6.5 x 4.2 cm. drain placed.",
            "FINDINGS: Rim-enhancing collection in the right lower quadrant measuring 6.5 x 4.2 "
            "cm. A separate 2.0 cm fluid collection was not amenable to drainage. A drain was "
            "placed.",
            "insertion",
        ),
        # A combined "Findings and technique:" heading opens the findings, not the technique.
        (
            "CT guided drainage. collection drained.",
            "FINDINGS AND TECHNIQUE: Collection drained. Moderate ascites.",
            "insertion",
        ),
        # Doubt turned into denial of the full-thickness part of a tear.
        (
            "US shoulder. partial thickness tear supraspinatus, a small full thickness "
            "component cannot be excluded.",
            "Ultrasound shoulder. Partial-thickness supraspinatus tear. There is no "
            "full-thickness component.",
            "negation",
        ),
        # Graded vascularity of a lesion is a Doppler finding a draft may not add.
        (
            "US forearm lump. oval lesion subcutaneous fat consistent with lipoma.",
            "Ultrasound. Oval lesion in the subcutaneous fat. Colour Doppler shows minimal "
            "peripheral vascularity. Lipoma.",
            "insertion",
        ),
        (
            "AP pelvis and lateral left hip. left THA in unchanged position. right hip "
            "moderate OA with joint space narrowing, subchondral sclerosis and osteophytes.",
            "AP pelvis and lateral view of the left hip.\nLeft hip: Moderate osteoarthritis "
            "with joint space narrowing, subchondral sclerosis and osteophyte formation.\n"
            "Left hip arthroplasty: unchanged position.",
            "laterality",
        ),
        (
            "PET CT. left level IIA node 2.3 cm SUV max 12.1. right neck no FDG avid nodes.",
            "PET/CT.\nCervical lymph nodes:\n- Ipsilateral (left) level IIA: 23 mm, SUVmax "
            "12.1.\n- Contralateral (left) neck: No FDG-avid lymph nodes.",
            "negation",
        ),
        (
            "PET CT. left level IIA node 2.3 cm SUV max 12.1. right neck no FDG avid nodes.",
            "PET/CT.\nCervical lymph nodes:\n- Contralateral (right) neck: No FDG-avid lymph "
            "nodes.",
            "omission",
        ),
        (
            "PET CT. bilateral supraclavicular nodes have resolved. no residual right "
            "supraclavicular node. residual left supraclavicular node 8 mm.",
            "PET/CT. The FDG-avid nodes previously seen at left level IV and in both "
            "supraclavicular regions have resolved. On the left, there is no residual "
            "supraclavicular node. On the right, a residual supraclavicular node measures 8 mm.",
            "laterality",
        ),
        (
            "gastric emptying. impression normal solid gastric emptying no rapid or delayed "
            "emptying",
            "Gastric emptying scintigraphy. IMPRESSION: Delayed gastric emptying.",
            "negation",
        ),
        # A capitalised grade word mid-line opens a new statement the denial does not reach;
        # a lower-case one stays in the denied list.
        (
            "MRI ankle. imp complete ATFL tear, no OCL Small hiatal hernia.",
            "MRI ankle. IMPRESSION: Complete ATFL tear. No osteochondral lesion.",
            "omission",
        ),
    ],
)
def test_heldout24a_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Both texts say one collection, or the dictation already says there are two.
        (
            "CT guided drainage. two collections right lower quadrant 6.5 cm and 2.0 cm.",
            "FINDINGS: Collection in the right lower quadrant measuring 6.5 cm. A separate "
            "2.0 cm collection is also present.",
        ),
        # Normal vascularity is no finding to add.
        (
            "US testes. normal size and echotexture.",
            "Ultrasound testes. Normal size and echotexture with normal vascularity.",
        ),
        # A sided finding kept by the draft: the history echo is beside the point.
        (
            "thyroid scan\npalpable nodules\nhot nodule left upper pole.",
            "CLINICAL HISTORY: Palpable thyroid nodules.\n\n"
            "FINDINGS: Hot nodule in the upper pole of the left lobe.",
        ),
    ],
)
def test_heldout24a_rules_keep_their_bounds(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


def test_an_eponym_after_a_denial_stays_denied(verifier):
    source = "barium swallow. no stricture no Schatzki ring. small hiatal hernia."
    report = "Barium swallow. No stricture or Schatzki ring. Small hiatus hernia."
    assert types_raised(verifier, source, report) == set()
