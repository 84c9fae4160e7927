"""Verifier rules learnt from the heldout30 slice, first half: neuroradiology follow-up (brain
tumour, stroke, aneurysm, shunt, subdural and multiple sclerosis imaging)."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import assert_warns_or_not, quoted_words


@pytest.mark.parametrize(
    ("report", "kind", "quoted"),
    [
        # Dictation's bare "FLAIR around" is the bright signal; around a cavity and extending
        # to the right, the side is the signal's, not the cavity's.
        ("Cavity. Surrounding FLAIR hyperintensity extends into the right insula.", None, None),
        (
            "Cavity. Surrounding FLAIR hyperintensity extends into the left insula.",
            "laterality",
            ("R", "left"),
        ),
    ],
)
def test_flair_around_a_finding_is_signal_whose_extent_gives_its_own_side(
    verifier, report, kind, quoted
):
    source = "Cavity. FLAIR around cavity extending into R insula."
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "quoted"),
    [
        ("Nonenhancing T2/FLAIR lesion R insula, stable.", []),
        ("3 new T2 flare lesions.", []),
        # Dictated with no sequence, the lesion was never said to be bright.
        ("Nonenhancing lesion R insula, stable.", [(None, "hyperintense")]),
    ],
)
def test_a_lesion_named_by_its_sequence_is_the_bright_lesion_the_draft_describes(
    verifier, source, quoted
):
    report = "Non-enhancing T2/FLAIR hyperintense lesion in the right insula, stable."
    assert quoted_words(verifier, source, report, "insertion") == quoted


@pytest.mark.parametrize(
    ("report", "kind", "quoted"),
    [
        (
            "New left frontal hypodensity, consistent with delayed cerebral ischaemia.",
            "insertion",
            [],
        ),
        # Named by its abbreviation, it is a dictated finding the draft can drop.
        ("New left frontal hypodensity.", "omission", [("DCI", None)]),
    ],
)
def test_dci_is_delayed_cerebral_ischaemia(verifier, report, kind, quoted):
    source = "new L frontal hypodensity c/w DCI."
    assert quoted_words(verifier, source, report, kind) == quoted


@pytest.mark.parametrize(
    ("source", "quoted"),
    [
        # "Other treated mets" are the rest of the known ones, not new ones.
        ("Other treated mets stable. No new mets.", []),
        ("Other mets stable. No new mets.", [("mets", "metastases")]),
    ],
)
def test_other_treated_lesions_are_the_known_ones_not_new_ones(verifier, source, quoted):
    report = "Remaining metastases stable. No new metastases."
    assert quoted_words(verifier, source, report, "negation") == quoted


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        ("Catheter in place. No haemorrhage along the catheter tract.", []),
        ("No catheter is seen. No haemorrhage along the tract.", [("Catheter", "catheter")]),
    ],
)
def test_the_tract_a_device_was_passed_along_is_a_place_not_the_device(verifier, report, quoted):
    source = "Catheter in place. No hemorrhage along tract."
    assert quoted_words(verifier, source, report, "negation") == quoted


@pytest.mark.parametrize(
    ("history", "quoted"),
    [
        ("Left convexity chronic subdural haematoma.", []),
        ("Right convexity chronic subdural haematoma.", [("L", "right")]),
    ],
)
def test_a_dictated_finding_kept_on_its_side_in_the_history_is_not_moved(verifier, history, quoted):
    source = "ct head f/u L convexity chronic SDH. small R tentorial SDH 3 mm, unchanged."
    report = (
        f"CLINICAL HISTORY: {history}\nFINDINGS:\n"
        "A thin right tentorial subdural haematoma measures 3 mm, unchanged."
    )
    assert quoted_words(verifier, source, report, "laterality") == quoted


@pytest.mark.parametrize(
    ("source", "quoted"),
    [
        ("small extraaxial fluid deep to flap 5 mm, expected.", []),
        ("no MLS.", [(None, "extra-axial fluid collection")]),
    ],
)
def test_extra_axial_fluid_is_an_extra_axial_collection(verifier, source, quoted):
    report = "Small 5 mm extra-axial fluid collection deep to the bone flap. No midline shift."
    assert quoted_words(verifier, source, report, "insertion") == quoted


@pytest.mark.parametrize(
    ("source", "quoted"),
    [
        ("coil mass at AComm, stable.", []),
        ("mass at AComm, stable.", [("mass", None)]),
    ],
)
def test_a_coil_mass_is_the_packed_coils_not_a_tumour(verifier, source, quoted):
    report = "Stable coils in the anterior communicating artery aneurysm."
    assert quoted_words(verifier, source, report, "omission") == quoted


@pytest.mark.parametrize(
    ("source", "quoted"),
    [
        ("AComm aneurysm coiled. Raymond Roy class 2, stable.", []),
        ("AComm aneurysm coiled, stable.", [(None, "Raymond-Roy")]),
    ],
)
def test_a_raymond_roy_class_is_the_aneurysm_s_occlusion(verifier, source, quoted):
    report = "Coiled anterior communicating artery aneurysm: stable Raymond-Roy class II occlusion."
    assert quoted_words(verifier, source, report, "insertion") == quoted


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # Enhancement of the brain's linings is a finding, denied or affirmed.
        (
            "no subependymal enhancement.",
            "Subependymal enhancement is noted.",
            "negation",
            [("subependymal enhancement", "Subependymal enhancement")],
        ),
        ("no subependymal enhancement.", "No subependymal enhancement.", "negation", []),
        # Leptomeningeal disease is what such enhancement shows, and dropping it is an omission.
        (
            "2 new mets. new enhancement along the folia, concerning for leptomeningeal disease.",
            "Two new metastases.",
            "omission",
            [("leptomeningeal disease", None)],
        ),
        (
            "2 new mets. new enhancement along the folia, concerning for leptomeningeal disease.",
            "Two new metastases. New leptomeningeal enhancement along the cerebellar folia.",
            "omission",
            [],
        ),
    ],
)
def test_enhancement_of_the_brain_linings_is_a_finding(verifier, source, report, kind, quoted):
    assert quoted_words(verifier, source, report, kind) == quoted
