"""Verifier rules learnt from the false alarms of the heldout23 slice: a teleradiology night
shift and subspecialty body and oncologic imaging."""

from __future__ import annotations

import pytest

from radpair.verifier.extract import find_locations
from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # British "-aemic" is the "-emic" of the lexicon.
        (
            "US appendix. hyperaemic wall on colour doppler.",
            "US appendix. Colour Doppler demonstrates mural hyperaemia.",
        ),
        # "FB" is a foreign body.
        (
            "AXR. 2 round radiopaque FBs LUQ.",
            "Abdominal radiograph. Two round radiopaque foreign bodies in the left upper "
            "quadrant.",
        ),
        # Increased flow is hyperaemia, not flow said of a normal testis.
        (
            "Scrotal US. R testis normal size, mildly increased flow.\n"
            "Symmetric normal intratesticular arterial waveforms.",
            "Scrotal US. The right testis is normal in size with mildly increased vascularity.\n"
            "Doppler: Normal, symmetric intratesticular arterial waveforms.",
        ),
        # A threshold quoted beside a value is no value of the patient's.
        (
            "CT adrenal. R adrenal nodule. unenh 28 HU. APW 72%.",
            "CT adrenal. Right adrenal nodule.\n- Unenhanced attenuation: 28 HU (above the 10 HU "
            "threshold for lipid-rich adenoma)\n- Absolute washout: 72% (adenoma threshold 60% "
            "or greater)",
        ),
        # The wall of a cyst is a place; a finding before "protocol" names the exam.
        (
            "MRCP. 1.4 cm pancreatic cyst. no wall enhancement.",
            "MRCP. 14 mm pancreatic cyst. No enhancement of the cyst wall.",
        ),
        (
            "MRI R knee w wo, tumor protocol. enchondroma distal femur.",
            "EXAMINATION: MRI right knee without and with contrast (tumor protocol).\n"
            "FINDINGS: Enchondroma of the distal femur.",
        ),
    ],
)
def test_heldout23_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        ("US appendix. hyperaemic wall.", "US appendix. No mural hyperaemia.", "negation"),
        ("AXR. 2 round radiopaque FBs LUQ.", "Abdominal radiograph. No foreign body.", "negation"),
        (
            "CT adrenal. R adrenal nodule. unenh 28 HU.",
            "CT adrenal. Right adrenal nodule. Unenhanced attenuation: 18 HU.",
            "measurement",
        ),
        (
            "MRCP. 1.4 cm pancreatic cyst. no wall enhancement.",
            "MRCP. No pancreatic cyst.",
            "negation",
        ),
    ],
)
def test_heldout23_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("disc disease from C4-C5 through C6-C7", "level:C4-7"),
        ("canal stenosis from T12-L1 to L4-L5", "level:T12-L5"),
    ],
)
def test_a_stretch_from_one_segment_to_another_is_one_place(text, level):
    assert [place for _, _, place in find_locations(text)] == [level]


def test_two_segments_joined_by_and_stay_two_places():
    places = [place for _, _, place in find_locations("L4-5 and L5-S1")]
    assert places == ["level:L4-5", "level:L5-S1"]
