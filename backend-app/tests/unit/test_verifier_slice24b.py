"""Verifier rules learnt from the second half of the heldout24 slice: plain films, fluoroscopy,
MSK ultrasound and MR, then everyday CT, US and MR."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # "degen" is dictation's degenerative.
        (
            "CT chest. no PE. degen changes t spine.",
            "CT chest. No pulmonary embolism. Bones: Degenerative changes of the thoracic spine.",
        ),
        # A lower-case g before the needle it sizes is a gauge, not grams.
        (
            "R shoulder arthrogram. 22g spinal needle, anterior approach.",
            "Right shoulder arthrogram. A 22-gauge spinal needle was advanced via an anterior "
            "approach.",
        ),
        # An earlier size after "prev" or "from", its unit and comma left out.
        (
            "CT chest. subcarinal node 0.9 cm prev 1.4. spleen 12 cm from 15.",
            "CT chest. Subcarinal lymph node 9 mm (previously 14 mm). The spleen measures "
            "12 cm (previously 15 cm).",
        ),
        # A value compared with another site's is today's reference, not an earlier size.
        (
            "US R ring finger. A1 pulley 1.8 mm compared to 0.5 mm at the middle finger.",
            "US right ring finger. The A1 pulley measures 1.8 mm; the middle finger A1 pulley "
            "measures 0.5 mm for comparison.",
        ),
        # BI-RADS "not parallel" is an orientation; what follows it is not denied.
        (
            "US L breast. irregular mass angular margins not parallel posterior shadowing "
            "internal vascularity.",
            "Left breast ultrasound. Irregular mass with angular margins, nonparallel "
            "orientation, posterior acoustic shadowing and internal vascularity.",
        ),
        # Bullets with labels of their own under a side heading keep the heading's side.
        (
            "carotid duplex. R ICA heterogeneous plaque. L ICA mild plaque.",
            "Carotid duplex.\nRight:\n- Internal carotid artery: Heterogeneous plaque.\n"
            "- External carotid artery: Patent.\n\nLeft:\n- Internal carotid artery: Mild "
            "plaque.",
        ),
        # Under a "Post-void:" heading the residual is named alone.
        (
            "VCUG. no reflux. small post void residual.",
            "Voiding cystourethrogram. No reflux.\nPost-void: Small residual volume.",
        ),
        # An avulsion named by its fragment or as a fleck.
        (
            "US L thumb. UCL tear. no avulsion fragment.",
            "Ultrasound left thumb. Ulnar collateral ligament tear. No bony avulsion fragment.",
        ),
        # A side within a midline structure is a position, where the source gave none.
        (
            "MRI brain. acute infarct in the pons.",
            "MRI brain. Acute infarct in the left pons.",
        ),
        # The same fractured vertebra beside a stretch of disc levels.
        (
            "MRI L spine. compression fracture of L1. T12-L1 through L3-4 no stenosis.",
            "MRI lumbar spine. L1 compression fracture. T12-L1 through L3-L4: No stenosis.",
        ),
    ],
)
def test_heldout24b_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        ("CT chest. degen changes t spine.", "CT chest. No degenerative changes.", "negation"),
        (
            "R shoulder arthrogram. 22g spinal needle.",
            "Right shoulder arthrogram. A 20-gauge spinal needle was used.",
            "measurement",
        ),
        (
            "CT chest. subcarinal node 0.9 cm prev 1.4.",
            "CT chest. Subcarinal lymph node 9 mm (previously 16 mm).",
            "measurement",
        ),
        (
            "US R ring finger. A1 pulley 1.8 mm compared to 0.5 mm at the middle finger.",
            "US right ring finger. The A1 pulley measures 1.8 mm; the middle finger A1 pulley "
            "measures 0.8 mm for comparison.",
            "measurement",
        ),
        (
            "US L breast. irregular mass angular margins not parallel internal vascularity.",
            "Left breast ultrasound. Irregular mass, nonparallel. No internal vascularity.",
            "negation",
        ),
        (
            "carotid duplex. R ICA heterogeneous plaque. L ICA no plaque.",
            "Carotid duplex.\nLeft:\n- Internal carotid artery: Heterogeneous plaque.\n\n"
            "Right:\n- Internal carotid artery: No plaque.",
            "laterality",
        ),
        (
            "VCUG. small post void residual.",
            "Voiding cystourethrogram. Post-void: No residual volume.",
            "negation",
        ),
        # Dictation's "murphys" is the Murphy sign.
        (
            "RUQ US. gallstones. sonographic murphys negative.",
            "RUQ ultrasound. Gallstones. The sonographic Murphy sign is positive.",
            "negation",
        ),
        (
            "US L thumb. UCL tear. no avulsion fragment.",
            "Ultrasound left thumb. UCL tear with a small avulsion fragment.",
            "negation",
        ),
        # The middle of a midline structure given a side.
        (
            "MRI brain. acute infarct in the central pons.",
            "MRI brain. Acute infarct in the left pons.",
            "laterality",
        ),
        # A vertebra changed: a disc level beside it does not name it.
        (
            "MRI L spine. compression fracture of L1. T12-L1 through L3-4 no stenosis.",
            "MRI lumbar spine. T12 compression fracture. T12-L1 through L3-L4: No stenosis.",
            "measurement",
        ),
        # A numbered toe changed is a place changed.
        (
            "R foot. fracture base of proximal phalanx 4th toe. swelling 4th and 5th toes.",
            "Right foot. Fracture of the base of the proximal phalanx of the third toe. "
            "Swelling of the fourth and fifth toes.",
            "measurement",
        ),
        # A denied recommendation does not deny the finding run on after it.
        (
            "thyroid US. 6 mm TR1 nodule no f/u Small hiatal hernia.",
            "Thyroid ultrasound. 0.6 cm TR1 nodule. No follow-up needed.",
            "omission",
        ),
    ],
)
def test_heldout24b_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


def test_a_numbered_toe_named_alike_raises_nothing(verifier):
    source = "R foot. fracture base of proximal phalanx 4th toe."
    report = "Right foot. Fracture of the base of the proximal phalanx of the fourth toe."
    assert types_raised(verifier, source, report) == set()


def test_a_count_of_lesions_said_in_words_raises_nothing(verifier):
    source = "CT abdomen. 3 new hypoenhancing liver lesions c/w mets. imp 3 new hepatic mets."
    report = (
        "CT abdomen. Three new hypoenhancing hepatic lesions consistent with metastases.\n"
        "IMPRESSION: Three new hepatic metastases."
    )
    assert types_raised(verifier, source, report) == set()


def test_a_count_of_lesions_changed_raises_measurement(verifier):
    source = "CT abdomen. 3 new hypoenhancing liver lesions c/w mets. imp 3 new hepatic mets."
    report = (
        "CT abdomen. Three new hypoenhancing hepatic lesions consistent with metastases.\n"
        "IMPRESSION: Two new hepatic metastases."
    )
    assert "measurement" in types_raised(verifier, source, report)


def test_a_size_before_plural_findings_is_no_count(verifier):
    source = "CT chest. several 3 mm nodules RUL."
    report = "CT chest. Several 3 mm nodules in the right upper lobe."
    assert types_raised(verifier, source, report) == set()
