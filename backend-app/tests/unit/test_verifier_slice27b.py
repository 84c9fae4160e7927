"""Verifier rules learnt from the heldout27 slice, second half: neuro and spine emergencies (CT
head and ASPECTS, CT perfusion core and penumbra, CTA for vessel occlusion, stroke MR,
haematomas and midline shift, spine fractures, cord compression, post-operative spine)."""

from __future__ import annotations

import pytest

from radpair.verifier.engine import RulesEngine
from tests.support.verifier_checks import types_raised

_FAITHFUL = [
    # Filling of a territory beyond an occlusion, and its grade, are the collaterals.
    (
        "CTA head. Occlusion R M1. Good collaterals R MCA territory.",
        "CTA head. Right M1 occlusion with good collateral filling of the right MCA territory "
        "(collateral grade 3).",
    ),
    # "MLS" is the midline shift.
    (
        "CT head. L SDH 9 mm, MLS 4 mm to R.",
        "CT head. Left subdural haematoma, 9 mm, with 4 mm midline shift to the right.",
    ),
    # Stroke dictation's "loss of GW diff" is the loss of grey-white differentiation.
    (
        "NCCT head. loss of GW diff L insula. no bleed.",
        "CT head. Loss of grey-white matter differentiation in the left insula. No haemorrhage.",
    ),
    # Microangiopathy is the small vessel disease of the brain.
    (
        "CT head. Moderate microangiopathy. No acute infarct.",
        "CT head. Moderate chronic small vessel ischaemic change. No acute infarct.",
    ),
    # CT perfusion names the core and the hypoperfused tissue by their thresholds.
    (
        "CTP. rCBF<30% 25 ml, Tmax>6 s 110 ml L MCA.",
        "CT perfusion. Infarct core (rCBF <30%): 25 mL. Hypoperfusion (Tmax >6 s): 110 mL in "
        "the left MCA territory.",
    ),
    # A core of zero volume is no core.
    (
        "CTP. ischemic core 0 ml. Tmax >6s 30 ml R MCA.",
        "CT perfusion. No ischaemic core (0 mL). Hypoperfusion (Tmax >6 s): 30 mL in the right "
        "MCA territory.",
    ),
    # T2 signal said to be in the cord is its T2 hyperintensity.
    (
        "MRI C spine. C5-6 disc extrusion compressing cord, T2 signal within the cord.",
        "MRI cervical spine. C5-C6 disc extrusion compressing the cord, with intramedullary T2 "
        "hyperintensity.",
    ),
    # Speech recognition's split of a structure's name is that structure, in the plural too.
    (
        "CT head. No acute haemorrhage. Mass toids and sinuses clear.",
        "CT head. No acute haemorrhage. Clear mastoids and paranasal sinuses.",
    ),
    # After discectomy, "recurrent disc" is the disc herniation again.
    (
        "MRI L spine post discectomy. No recurrent disc. Small bulge L5-S1.",
        "MRI lumbar spine. No recurrent disc herniation. Small disc bulge at L5-S1.",
    ),
    # A Modic type given by its number alone.
    (
        "MRI L spine. L4-5 modic 2 endplates.",
        "MRI lumbar spine. Modic type 2 endplate change at L4-L5.",
    ),
    # "Favour A over B" sets B aside as "A rather than B" does; A is the favoured reading.
    (
        "MRI L spine. L5-S1 endplate oedema, favour degenerative change over discitis.",
        "MRI lumbar spine. Endplate oedema at L5-S1, favoured to represent degenerative change "
        "rather than discitis.",
    ),
    # A postoperative heading over the operation that made the change keeps the change.
    (
        "MRI L spine. post op changes L5-S1 laminectomy. No collection.",
        "MRI lumbar spine.\nPostoperative changes: L5-S1 laminectomy.\nNo collection.",
    ),
    # "Can be" puts a cause forward; a hypoplastic vessel is its hypoplasia; a vessel said
    # not to be seen is its non-visualisation.
    (
        "MRA. Left vertebral artery is not seen, can be occlusion or hypoplastic.",
        "MRA. Non-visualisation of the left vertebral artery, possibly occlusion or hypoplasia.",
    ),
]


@pytest.mark.parametrize(("source", "report"), _FAITHFUL)
def test_heldout27b_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # A screw's breach of the pedicle left out of the draft.
        (
            "CT L spine. R S1 screw breaches the lateral pedicle cortex by 2 mm. No lucency.",
            "CT lumbar spine. No periscrew lucency.",
            "omission",
        ),
        # Clot in both A1 segments narrowed to one.
        (
            "CTA head. Clot extends into both A1 segments.",
            "CTA head. Clot extends into the left A1 segment.",
            "laterality",
        ),
        # A fracture denied at the other levels, drafted as present there.
        (
            "CT T-L spine. L1 burst fracture. No other fracture.",
            "CT thoracolumbar spine. L1 burst fracture. Fracture at other levels.",
            "negation",
        ),
        # A core measured above zero, drafted as absent.
        (
            "CTP. CBF<30% 20 ml L MCA.",
            "CT perfusion. No infarct core in the left MCA territory.",
            "negation",
        ),
        # A midline shift dictated as "MLS", left out of the draft.
        (
            "CT head. R SDH 8 mm. MLS 5 mm.",
            "CT head. Right subdural haematoma, 8 mm.",
            "omission",
        ),
        # Collaterals of a territory left out of the draft.
        (
            "CTA head. Occlusion L M1. Poor collateral filling L MCA territory.",
            "CTA head. Left M1 occlusion.",
            "omission",
        ),
    ],
)
def test_heldout27b_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


def test_a_mass_before_an_ordinary_word_is_still_a_mass(verifier):
    source = "CT neck. Mass toward the left parotid, 2 cm."
    report = "CT neck. Normal parotid glands."
    assert "omission" in types_raised(verifier, source, report)


def test_a_cause_that_can_be_excluded_is_still_denied(verifier):
    source = "CT head. Haemorrhage can be excluded."
    report = "CT head. Haemorrhage."
    assert "negation" in types_raised(verifier, source, report)


def test_the_favoured_reading_stays_held_possible(verifier):
    source = "MRI L spine. Endplate oedema L5-S1, favour discitis over degenerative change."
    report = "MRI lumbar spine. Endplate oedema at L5-S1. No discitis."
    assert "negation" in types_raised(verifier, source, report)


def test_a_postoperative_heading_over_nothing_does_not_keep_the_change(verifier):
    source = "MRI L spine. post op changes L5-S1. No collection."
    report = "MRI lumbar spine.\nPostoperative changes: None.\nNo collection."
    assert "omission" in types_raised(verifier, source, report)


def test_a_non_visualisation_never_dictated_is_added(verifier):
    source = "MRA. Left vertebral artery is patent. Basilar artery normal."
    report = "MRA. Non-visualisation of the left vertebral artery. Normal basilar artery."
    assert "insertion" in types_raised(verifier, source, report)


def test_a_breach_denied_in_both_raises_nothing(verifier):
    source = "CT L spine. Pedicle screws L4 and L5, no breach."
    report = "CT lumbar spine. Pedicle screws at L4 and L5 without cortical breach."
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    "text, key, place",
    [
        ("Occlusive thrombus in the distal basilar artery.", "thrombus", "basilar_artery"),
        ("Top of basilar occlusion, stroke team called.", "occlusion", "basilar_artery"),
        ("Thrombus at the basilar tip.", "thrombus", "basilar_artery"),
        # "Basilar" alone still names the lung bases in a chest report.
        ("Bibasilar atelectasis.", "atelectasis", "lung_base"),
        ("Left basilar opacity.", "opacity", "lung_base"),
    ],
)
def test_the_basilar_artery_by_its_parts_is_not_the_lung_base(text, key, place):
    mentions = [m for m in RulesEngine().extract(text).mentions if m.key == key]
    assert mentions and all(m.anatomy == {place} for m in mentions), mentions
