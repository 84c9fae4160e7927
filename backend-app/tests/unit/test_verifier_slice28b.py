"""Verifier rules learnt from the heldout28 slice, second half: post-operative, ICU and chest
follow-up imaging (lines and tubes, ECMO, post-operative abdomen, thoracentesis marking), with
scintigraphy's rim sign from an older slice."""

from __future__ import annotations

import pytest

from radpair.verifier.engine import RulesEngine
from tests.support.verifier_checks import quoted_words, types_raised


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # The dictation hedges and then concludes; a draft stating the conclusion keeps it.
        (
            "CT abdomen. Dilated small bowel, likely ileus. Impression: dilated bowel c/w ileus.",
            "CT abdomen. Dilated small bowel, consistent with ileus.",
            [],
        ),
        # Hedged everywhere: a draft affirming it drops the hedge.
        (
            "CT abdomen. Dilated small bowel, likely ileus. Impression: possible ileus.",
            "CT abdomen. Dilated small bowel, consistent with ileus.",
            [("ileus", "ileus")],
        ),
        # What was seen ("filling defect") is no conclusion about what it may be.
        (
            "CT chest. Filling defect in the right lower lobe artery, possible pulmonary embolism.",
            "CT chest. Right lower lobe pulmonary embolism.",
            [("embolism", "embolism")],
        ),
    ],
)
def test_a_hedge_the_dictation_itself_concludes_may_be_dropped(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "negation") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "Chest x-ray. small l effusion. r subclavian line tip in the svc.",
            "Chest radiograph. Small left pleural effusion. Right subclavian line with tip in the "
            "SVC.",
            [],
        ),
        (
            "Chest x-ray. small l effusion.",
            "Chest radiograph. Small right pleural effusion.",
            [("l", "right")],
        ),
        (
            "Chest x-ray. l chest tube in place.",
            "Chest radiograph. Right chest tube in place.",
            [("l", "Right")],
        ),
    ],
)
def test_a_lower_case_side_letter_before_a_finding_names_its_side(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "laterality") == expected


@pytest.mark.parametrize(
    "text",
    [
        # Alone, or before a word that is no finding or structure, the letter names no side.
        "Chest x-ray. bp 120/80 r 18. no effusion.",
        "Chest x-ray. 2 l of fluid drained. no effusion.",
    ],
)
def test_a_lower_case_letter_alone_names_no_side(text):
    mentions = [m for m in RulesEngine().extract(text).mentions if m.key == "effusion"]
    assert mentions and all(not m.hard_sides for m in mentions), mentions


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        ("Chest x-ray. mild pulm edema.", "Chest radiograph. Mild pulmonary edema.", []),
        (
            "Chest x-ray. mild pulm edema.",
            "Chest radiograph. No pulmonary edema.",
            [("pulm edema", "pulmonary edema")],
        ),
        (
            "Chest x-ray. no pulm vascular congestion.",
            "Chest radiograph. Pulmonary vascular congestion.",
            [("pulm vascular congestion", "Pulmonary vascular congestion")],
        ),
    ],
)
def test_pulm_is_short_for_pulmonary(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "negation") == expected
    assert types_raised(verifier, source, report) <= {"negation"}


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "Chest x-ray. Small bilateral effusions likely.",
            "Chest radiograph. Probable small bilateral pleural effusions.",
            [],
        ),
        (
            "Chest x-ray. Small bilateral effusions likely.",
            "Chest radiograph. Small bilateral pleural effusions.",
            [("effusions", "pleural effusions")],
        ),
        (
            "Chest x-ray. Small effusion, probable.",
            "Chest radiograph. Small pleural effusion.",
            [("effusion", "pleural effusion")],
        ),
        # Before its noun the hedge is about that noun only.
        (
            "Chest x-ray. Small effusion, likely atelectasis.",
            "Chest radiograph. Small pleural effusion, likely atelectasis.",
            [],
        ),
    ],
)
def test_a_hedge_at_the_end_of_clipped_dictation_hedges_the_finding(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "negation") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # A line naming implants under the heading lists things put there, not places.
        (
            "Chest x-ray post AVR. sternotomy wires and prosthetic aortic valve. no ptx.",
            "Chest radiograph.\nPostoperative changes: Sternotomy wires and a prosthetic aortic "
            "valve.\nNo pneumothorax.",
            [],
        ),
        # A line of places under a plural finding still gives the finding at each.
        (
            "CT knee. Bone contusions lateral femoral condyle.",
            "CT knee.\nBone contusions: Lateral femoral condyle and medial tibial plateau.",
            [(None, "tibial plateau")],
        ),
    ],
)
def test_a_line_of_implants_under_a_finding_label_is_no_list_of_places(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "insertion") == expected


def test_one_side_opening_a_sentence_outweighs_a_bilateral_title(verifier):
    source = "US chest bilateral. L moderate effusion, no loculations. R small effusion."
    loculations = [m for m in RulesEngine().extract(source).mentions if m.key == "loculation"]
    assert loculations and all(m.sides == {"L"} for m in loculations), loculations
    report = (
        "Bilateral chest ultrasound.\nRight: Small pleural effusion.\nLeft: Moderate pleural "
        "effusion. No loculations."
    )
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "HIDA. Gallbladder not visualized. No pericholecystic hepatic activity.",
            "HIDA scan. Nonvisualization of the gallbladder. No rim sign.",
            [],
        ),
        (
            "HIDA. Gallbladder not visualized. No rim sign.",
            "HIDA scan. Nonvisualization of the gallbladder. Positive rim sign.",
            [("rim sign", "rim sign")],
        ),
    ],
)
def test_the_rim_sign_is_pericholecystic_hepatic_activity(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "negation") == expected


@pytest.mark.parametrize(
    ("source", "report", "kind", "expected"),
    [
        # A dilated bowel loop never stands for an enlarged spleen, either way round.
        (
            "CT abdomen. Dilated fluid filled small bowel loops. Mild splenomegaly.",
            "CT abdomen. Dilated fluid-filled small bowel loops.",
            "omission",
            [("splenomegaly", None)],
        ),
        (
            "CT abdomen. Dilated fluid filled small bowel loops.",
            "CT abdomen. Dilated fluid-filled small bowel loops. Mild splenomegaly.",
            "insertion",
            [(None, "splenomegaly")],
        ),
        # The organ said enlarged is still its "-megaly", and an enlarged vessel a dilated one.
        ("CT abdomen. Mildly enlarged spleen.", "CT abdomen. Mild splenomegaly.", "omission", []),
        (
            "CT chest. Enlarged main pulmonary artery.",
            "CT chest. Dilated main pulmonary artery.",
            "omission",
            [],
        ),
    ],
)
def test_a_dilated_duct_or_loop_never_stands_for_an_enlarged_organ(
    verifier, source, report, kind, expected
):
    assert quoted_words(verifier, source, report, kind) == expected
    assert types_raised(verifier, source, report) <= {kind}


@pytest.mark.parametrize(
    ("source", "report", "kind", "expected"),
    [
        (
            "Chest x-ray. Right pneumothorax. No mediastinal shift.",
            "Chest radiograph. Right pneumothorax. No shift of the mediastinum.",
            "negation",
            [],
        ),
        (
            "Chest x-ray. Right pneumothorax. No mediastinal shift.",
            "Chest radiograph. Right pneumothorax. Mediastinal shift.",
            "negation",
            [("mediastinal shift", "Mediastinal shift")],
        ),
        (
            "Chest x-ray. Large left effusion with mediastinal shift.",
            "Chest radiograph. Large left pleural effusion.",
            "omission",
            [("mediastinal shift", None)],
        ),
    ],
)
def test_a_mediastinal_shift_is_a_finding(verifier, source, report, kind, expected):
    assert quoted_words(verifier, source, report, kind) == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # The navicular named after the finding gives its side, wherever the line stands.
        (
            "Bone scan. Uptake R navicular, stress fracture. Uptake L 2nd metatarsal.",
            "Bone scan. Left second metatarsal uptake.\nStress fracture of the right navicular "
            "with uptake.",
            [],
        ),
        (
            "Bone scan. R navicular stress fracture.",
            "Bone scan. Stress fracture of the left navicular.",
            [("R", "left")],
        ),
    ],
)
def test_the_tarsal_bones_are_places(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "laterality") == expected
    fractures = [m for m in RulesEngine().extract(report).mentions if m.key == "fracture"]
    assert fractures and all(m.anatomy == {"navicular"} for m in fractures), fractures


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "CT kidneys. R renal mass 3 cm, ~50% exophytic.",
            "CT kidneys. Right renal mass, 30 mm, approximately half exophytic.",
            [],
        ),
        (
            "CT kidneys. R renal mass 3 cm, two thirds exophytic.",
            "CT kidneys. Right renal mass, 30 mm, 67% exophytic.",
            [],
        ),
        # Another fraction is another value.
        (
            "CT kidneys. R renal mass 3 cm, ~50% exophytic.",
            "CT kidneys. Right renal mass, 30 mm, about one third exophytic.",
            [("50%", None)],
        ),
    ],
)
def test_a_share_may_be_written_as_a_fraction_in_words(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected
