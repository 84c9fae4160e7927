"""Verifier rules learnt from the false alarms of the heldout22 slice: emergency and inpatient
CT and MR, outpatient ultrasound, nuclear medicine and fluoroscopy."""

from __future__ import annotations

import pytest

from radpair.verifier.measure import extract_measurements
from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # A denied collection beside affirmed free fluid denies the collection only.
        (
            "CT. no periappendiceal abscess. small amount simple free fluid in pelvis.",
            "CT. No periappendiceal fluid collection. Small volume of simple free fluid in the "
            "pelvis.",
        ),
        # Early ischaemia named by the change that shows it; gray-white effacement; lacunes.
        (
            "CT head. subtle loss of gray-white differentiation R insula. old lacune L thalamus."
            " IMP: early acute ischemia R MCA territory.",
            "CT head. Subtle effacement of the gray-white matter junction in the right insula. "
            "Remote lacunar infarct in the left thalamus. IMPRESSION: Early acute ischemic "
            "changes in the right MCA territory.",
        ),
        # An amount after a comma starts a new statement the denial does not reach.
        (
            "US R breast. oval mass, no posterior features, minimal internal vascularity.",
            "US right breast. Oval mass with no posterior acoustic features. Minimal internal "
            "vascularity is present.",
        ),
        # A quoted normal range is no patient value.
        (
            "I-123 uptake. 4 h uptake 38% (nl 5-15). 24 h uptake 71% (nl 10-35).",
            "Uptake: 38% at 4 hours (reference 5-15%) and 71% at 24 hours (reference 10-35%).",
        ),
        # A list whose shared verb comes after its last item keeps the denial on every item.
        (
            "Esophagram. Small sliding HH. No stricture, mass or ring.",
            "Esophagram. Small sliding hiatal hernia. No stricture, mass or ring is identified.",
        ),
        # A label answered "present" asserts its finding.
        (
            "OB US. Single IUP. Yolk sac present, nl.",
            "OB US. Single intrauterine pregnancy.\nYolk sac: present and normal in appearance.",
        ),
        # What a hernia holds is a place, not the hernia denied.
        (
            "CT. ventral hernia containing fat. no stranding of hernia contents.",
            "CT. Ventral hernia containing fat, without stranding within the sac.",
        ),
        # "?" before a finding queries it; "ADC dark"; a disc osteophyte without "complex".
        (
            "XR R shoulder.\nHill-Sachs impaction.\n? small bony Bankart fragment inferior "
            "glenoid.",
            "XR right shoulder.\nHill-Sachs lesion. A possible small osseous fragment may "
            "represent a bony Bankart lesion.",
        ),
        (
            "MRI brain. DWI hyperintense w ADC dark area R cerebellum.",
            "MRI brain. Region hyperintense on DWI and hypointense on the ADC map in the right "
            "cerebellum.",
        ),
        (
            "MRI C-spine. C4-5: mild disc osteophyte.",
            "MRI cervical spine. C4-C5: Mild disc-osteophyte complex.",
        ),
    ],
)
def test_heldout22_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        (
            "CT. no periappendiceal abscess. small amount simple free fluid in pelvis.",
            "CT. No periappendiceal fluid collection. No free fluid.",
            "negation",
        ),
        # A hyperdense vessel is its own finding: the infarct kept does not stand for it.
        (
            "CT head. hyperdense L MCA sign. loss of gray-white differentiation L insula.",
            "CT head. Loss of gray-white differentiation in the left insula.",
            "omission",
        ),
        (
            "US R breast. oval mass, no posterior features, minimal internal vascularity.",
            "US right breast. Oval mass. No internal vascularity.",
            "negation",
        ),
        (
            "Esophagram. No stricture, mass or ring.",
            "Esophagram. No stricture or ring is identified. A mass is present.",
            "negation",
        ),
        ("Esophagram. Small sliding HH.", "Esophagram. No hiatal hernia.", "negation"),
        (
            "CT. ventral hernia containing fat. no stranding of hernia contents.",
            "CT. No ventral hernia.",
            "negation",
        ),
        (
            "XR R shoulder.\nHill-Sachs impaction.\n? small bony Bankart fragment.",
            "XR right shoulder.\nHill-Sachs lesion. Definite bony Bankart fracture.",
            "negation",
        ),
        # A soft-tissue Bankart and a bony one are two findings.
        (
            "MR arthrogram R shoulder. labral tear (Bankart). No bony Bankart.",
            "MR arthrogram right shoulder. Bankart labral tear. Osseous Bankart fragment.",
            "negation",
        ),
        # Values labelled by hour that trade places are swapped.
        (
            "Thyroid uptake. The 4-hour uptake is 18 percent. The 24-hour uptake is 42 percent.",
            "Thyroid uptake:\n- 4 hours: 42%\n- 24 hours: 18%",
            "measurement",
        ),
    ],
)
def test_heldout22_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


def test_sizes_of_the_two_sides_traded_raise_laterality_as_well_as_measurement(verifier):
    source = "US abdomen. right kidney 11.0 cm, left kidney 11.4 cm, no hydronephrosis."
    report = "Kidneys: Left kidney 11.0 cm; right kidney 11.4 cm. No hydronephrosis."
    assert types_raised(verifier, source, report) == {"laterality", "measurement"}


def test_an_hour_before_a_colon_labels_the_value_after_it():
    four, day = extract_measurements("Uptake:\n- 4 hours: 42%\n- 24 hours: 18%")
    assert (four.label, day.label) == (("4-hour",), ("24-hour",))
