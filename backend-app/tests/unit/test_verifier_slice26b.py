"""Verifier rules learnt from the heldout26 slice, second half: oncology staging and response
(RECIST tables, PET-CT uptake and Deauville, LI-RADS, PI-RADS, nodal stations, brain
metastases)."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import types_raised

_FAITHFUL = [
    # Earlier values listed after a size, each named by its study, take the size's unit.
    (
        "CT restaging. hepatic lesion segment 6 3.1 cm, was 4.4 baseline and 3.8 on prior.",
        "CT restaging. Segment 6 hepatic lesion 31 mm (baseline 44 mm; prior 38 mm).",
    ),
    # Non-native "before" and "at baseline" open earlier values, with or without a unit.
    (
        "CT. Right iliac nodal mass now 3.0 x 2.2 cm, before 4.1 x 3.5 cm, at baseline 6.0 x "
        "5.1 cm. Obturator node now 0.7 cm short axis, before 1.1, at baseline 1.6.",
        "CT.\n| Lesion | Baseline | Prior | Current |\n|---|---|---|---|\n"
        "| Right iliac nodal mass | 6.0 x 5.1 cm | 4.1 x 3.5 cm | 3.0 x 2.2 cm |\n"
        "| Obturator node | 16 mm | 11 mm | 7 mm |",
    ),
    # A size taken before a named treatment is an earlier one; "4 mm was 6" is the change idiom.
    (
        "MR brain. right parietal lesion 7 mm pre SRS 10 mm. left temporal lesion 5 mm was 8.",
        "MRI brain.\n| Lesion | Pre-SRS | Current |\n|---|---|---|\n"
        "| Right parietal | 10 mm | 7 mm |\n| Left temporal | 8 mm | 5 mm |",
    ),
    # "In previous it was" says what the earlier study showed.
    (
        "MRI liver. Observation in segment 4: 2.0 cm. In previous it was 1.5 cm. LR-4.",
        "MRI liver. Segment 4 observation, 20 mm (previously 15 mm). LR-4.",
    ),
    # A size alone after an observation's label is the observation's, not the next feature's
    # (washout), which a second observation denies.
    (
        "MRI liver. Observation 1 in segment 3: 2.2 cm, there is nonrim arterial "
        "hyperenhancement and washout, no capsule. LR-5.\nObservation 2 in segment 8: 0.7 cm, "
        "arterial hyperenhancement, no washout, no capsule. LR-3.\n"
        "Conclusion: segment 3 observation grew from 1.4 to 2.2 cm, LR-5.",
        "MRI liver.\n| Observation | Segment | Size | Features | Category |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 3 | 22 mm | Nonrim arterial phase hyperenhancement, washout, no capsule | LR-5 |\n"
        "| 2 | 8 | 7 mm | Arterial phase hyperenhancement, no washout, no capsule | LR-3 |\n"
        "IMPRESSION: Segment 3 observation increased from 1.4 cm to 2.2 cm, LR-5.",
    ),
    # An organ called big at the end of its phrase is enlarged.
    (
        "US abdomen. Spleen is big, 15.2 cm. Liver normal.",
        "Ultrasound abdomen. Splenomegaly, 15.2 cm. Normal liver.",
    ),
    # A table row named by its uptake holds uptake values; a "was" clause holds the baseline's.
    (
        "PET CT. Right hilar node 1.0 cm, SUVmax 3.9, was 1.9 cm SUVmax 11.2.",
        "PET-CT.\n| Site | Baseline | Current |\n|---|---|---|\n"
        "| Right hilar node, size | 19 mm | 10 mm |\n| Right hilar node, SUVmax | 11.2 | 3.9 |",
    ),
    # A prior cue may stand before the uptake value's name.
    (
        "PET CT. Left iliac mass previously SUVmax 15.2, now residual soft tissue, uptake "
        "below liver.",
        "PET-CT. Residual soft tissue at the left iliac mass (baseline SUVmax 15.2), uptake "
        "below liver.",
    ),
    # A finding of the earlier study said, after a comma, to be gone since is denied.
    (
        "CT chest. Small right pleural effusion, which has since resolved. No pneumothorax.",
        "CT chest. The previously seen small right pleural effusion has resolved. No "
        "pneumothorax.",
    ),
    # A sequence's signal graded in plain words is hyper- or hypointensity.
    (
        "MRI prostate. right PZ lesion 1.1 cm, T2 moderately low, DWI very high, ADC very low. "
        "PI-RADS 4.",
        "MRI prostate. Right peripheral zone lesion, 11 mm. T2 hypointense; markedly "
        "hyperintense on DWI with hypointense ADC. PI-RADS 4.",
    ),
    # Speech recognition's "Wright" before an anatomy word is the right side.
    (
        "MR brain. Wright parietal lesion 6 mm, stable.",
        "MRI brain. Right parietal lesion, 6 mm, stable.",
    ),
]


@pytest.mark.parametrize(("source", "report"), _FAITHFUL)
def test_heldout26b_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # An earlier value of the chain changed is still caught.
        (
            "CT restaging. hepatic lesion segment 6 3.1 cm, was 4.4 baseline and 3.8 on prior.",
            "CT restaging. Segment 6 hepatic lesion 31 mm (baseline 48 mm; prior 38 mm).",
            "measurement",
        ),
        # A pre-treatment size given as the current one is still caught.
        (
            "MR brain. right parietal lesion 7 mm pre SRS 10 mm.",
            "MRI brain. Right parietal lesion, 10 mm.",
            "measurement",
        ),
        # The uptake of a row named by its uptake changed is still caught.
        (
            "PET CT. Right hilar node 1.0 cm, SUVmax 3.9, was 1.9 cm SUVmax 11.2.",
            "PET-CT.\n| Site | Baseline | Current |\n|---|---|---|\n"
            "| Right hilar node, size | 19 mm | 10 mm |\n| Right hilar node, SUVmax | 11.2 | 6.9 |",
            "measurement",
        ),
        # An effusion dictated as resolved and drafted as persisting is still caught.
        (
            "CT chest. Small right pleural effusion, which has since resolved.",
            "CT chest. Small right pleural effusion persists.",
            "negation",
        ),
        # Once-avid nodes dictated as resolved and drafted as remaining.
        (
            "PET CT. Previously avid cervical nodes resolved. No new lesions.",
            "PET-CT. The previously FDG-avid cervical nodes remain. No new lesions.",
            "negation",
        ),
        # A misheard right side turned to the left is still caught.
        (
            "MR brain. Wright parietal lesion 6 mm, stable.",
            "MRI brain. Left parietal lesion, 6 mm, stable.",
            "laterality",
        ),
        # A sided station's node given the other side's station.
        (
            "PET CT. station 10R node 1.4 cm SUVmax 6.0. station 7 node 1.0 cm SUVmax 4.0.",
            "PET-CT. Hilar (station 10L): 14 mm, SUVmax 6.0. Subcarinal (station 7): 10 mm, "
            "SUVmax 4.0.",
            "laterality",
        ),
        # A node placed along a mesenteric artery that was never dictated.
        (
            "CT colon staging. two pericolic nodes 5 and 6 mm. no liver lesions.",
            "CT colon staging. Two pericolic lymph nodes, 5 mm and 6 mm. A 7 mm lymph node lies "
            "superior mesenteric artery. No liver lesions.",
            "insertion",
        ),
        # A single focus of enhancement that was never dictated.
        (
            "MR brain. treated right frontal lesion 8 mm. no new lesions.",
            "MRI brain. Treated right frontal lesion, 8 mm. A 1 mm focus of enhancement in the "
            "left occipital lobe, likely vascular.",
            "insertion",
        ),
        # A sized node drafted on a side where only the other side's nodes were dictated.
        # The draft echoes the dictated denial of that side, then adds a node there.
        (
            "PET CT. Right level II node 2.0 cm SUVmax 8.1. No FDG avid left neck nodes.",
            "PET-CT. Right level II node, 20 mm, SUVmax 8.1. No FDG-avid left cervical lymph "
            "nodes. A 7 mm left level III node is favoured reactive.",
            "insertion",
        ),
        # A comparison table's row name given the other side.
        (
            "CT restaging. target 2, left lower lobe mass 1.9 cm, was 2.6 baseline.",
            "CT restaging.\n| Target | Location | Baseline | Current |\n|---|---|---|---|\n"
            "| 2 | Right lower lobe mass | 26 mm | 19 mm |",
            "laterality",
        ),
        # The sides of two structures listed as one finding's places traded in the draft.
        (
            "Bone scan. New foci of uptake at L3, left 8th rib anteriorly and right iliac wing.",
            "Bone scintigraphy. New foci of uptake:\n- L3\n- Right anterior 8th rib\n"
            "- Left iliac wing",
            "laterality",
        ),
        # A superscan dictated as absent and drafted as present.
        (
            "Bone scan. Few foci in the spine. No superscan.",
            "Bone scintigraphy. A few foci of uptake in the spine. Superscan appearance.",
            "negation",
        ),
        # Bilateral nodes narrowed to one side in the impression, the findings still bilateral.
        (
            "CT. bilateral inguinal nodes decreased, largest 1.5 cm. impression residual "
            "bilateral inguinal nodes.",
            "CT. Bilateral inguinal lymph nodes have decreased, largest 15 mm.\n"
            "IMPRESSION: Residual right inguinal lymph nodes.",
            "laterality",
        ),
    ],
)
def test_heldout26b_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


def test_a_big_lesion_in_an_organ_is_no_enlarged_organ(verifier):
    source = "US abdomen. Liver large cyst 4 cm."
    report = "Ultrasound abdomen. Hepatomegaly with a 4 cm hepatic cyst."
    assert "insertion" in types_raised(verifier, source, report)


def test_dwi_high_b_value_is_no_hyperintensity(verifier):
    source = "MRI prostate. DWI high b-value 1400 images. No focal lesion."
    report = "MRI prostate. Hyperintense signal on DWI. No focal lesion."
    assert "insertion" in types_raised(verifier, source, report)


def test_scattered_enhancing_foci_are_background_not_an_added_lesion(verifier):
    source = "breast MRI. left breast scattered tiny foci, unchanged."
    report = "Breast MRI. Scattered tiny enhancing foci in the left breast, unchanged."
    assert "insertion" not in types_raised(verifier, source, report)


def test_both_stations_of_one_size_keep_their_sides(verifier):
    source = "CT chest. nodes: 4R 1.0 cm, 4L 1.0 cm, 7 1.2 cm."
    report = "CT chest. Station 4L: 10 mm. Station 4R: 10 mm. Station 7: 12 mm."
    assert "laterality" not in types_raised(verifier, source, report)


def test_a_node_sized_as_dictated_on_the_other_side_is_no_insertion(verifier):
    source = "PET CT. Left level II node 1.2 cm SUVmax 6.0."
    report = "PET-CT. Right level II node, 12 mm, SUVmax 6.0."
    assert types_raised(verifier, source, report) >= {"laterality"}
    assert "insertion" not in types_raised(verifier, source, report)


def test_one_side_dictated_on_its_own_as_well_is_no_narrowing(verifier):
    source = (
        "US submandibular glands. right gland: two hypoechoic lesions in the lower pole, 1.6 cm "
        "and 0.6 cm. left gland: one lesion, 1.1 cm. imp: bilateral submandibular lesions. "
        "biopsy of the largest (right 1.6 cm) suggested."
    )
    report = (
        "Ultrasound of the submandibular glands. Right gland: two hypoechoic lesions in the "
        "lower pole, 16 mm and 6 mm. Left gland: one lesion, 11 mm. IMPRESSION: Bilateral "
        "submandibular lesions. Biopsy of the largest lesion (16 mm, right submandibular gland) "
        "suggested."
    )
    assert "laterality" not in types_raised(verifier, source, report)


def test_a_once_avid_finding_said_to_remain_is_present_in_both(verifier):
    source = "PET CT. Previously FDG-avid mediastinal nodes persist, SUVmax 4.0."
    report = "PET-CT. The previously hypermetabolic mediastinal nodes remain, SUVmax 4.0."
    assert types_raised(verifier, source, report) == set()


def test_a_dictated_node_along_a_mesenteric_artery_is_kept(verifier):
    source = "CT. 7 mm node along the inferior mesenteric artery. no liver lesions."
    report = "CT. A 7 mm lymph node adjacent to the inferior mesenteric artery. No liver lesions."
    assert types_raised(verifier, source, report) == set()


def test_the_name_wright_is_no_side(verifier):
    source = "Peripheral smear. Wright stain. Left axillary node 1.2 cm."
    report = "Peripheral smear, Wright stain. Left axillary lymph node, 12 mm."
    assert "laterality" not in types_raised(verifier, source, report)


def test_listed_structures_keeping_their_sides_raise_nothing(verifier):
    source = "Bone scan. New foci of uptake at L3, left 8th rib anteriorly and right iliac wing."
    report = (
        "Bone scintigraphy. New foci of uptake:\n- L3\n- Left anterior 8th rib\n"
        "- Right iliac wing"
    )
    assert types_raised(verifier, source, report) == set()
