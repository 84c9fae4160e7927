"""Verifier rules learnt from the heldout28 slice, first half: sports medicine and orthopaedic
musculoskeletal imaging (knee, hip, shoulder, elbow, wrist and ankle MRI, radiographs,
ultrasound and a fluoroscopic arthrogram)."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import assert_warns_or_not, quoted_words, types_raised


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # A stress reaction denied in the dictation, affirmed in the draft.
        (
            "No stress reaction of the calcaneus.",
            "Stress reaction of the calcaneus.",
            "negation",
            ("stress reaction", "Stress reaction"),
        ),
        # A right-sided cleft sign made bilateral.
        (
            "Right secondary cleft sign at the pubic symphysis.",
            "Secondary cleft signs at the pubic symphysis bilaterally.",
            "laterality",
            ("Right", "bilaterally"),
        ),
        # A dictated patella alta denied in the draft.
        (
            "Patella alta. Trochlea normal.",
            "No patella alta. Normal trochlea.",
            "negation",
            ("Patella alta", "patella alta"),
        ),
        # Extruded cement the dictation never gave.
        (
            "Left hip arthroplasty, components well seated.",
            "Left hip arthroplasty, components well seated. Cement extrusion medial to the cup.",
            "insertion",
            (None, "Cement extrusion"),
        ),
    ],
)
def test_msk_findings_the_lexicon_lacked_are_checked(verifier, source, report, kind, quoted):
    assert quoted in quoted_words(verifier, source, report, kind)


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A paralabral cyst is no cyst in the bone under the labrum.
        (
            "Posterior labral tear with a 6 mm paralabral cyst.",
            "Posterior labral tear with a 6 mm paralabral cyst. Subchondral cystic change of "
            "the glenoid.",
            [(None, "cystic change")],
        ),
        # The same cyst said again is no new finding.
        (
            "Lateral meniscal tear with parameniscal cyst.",
            "Tear of the lateral meniscus with an adjacent parameniscal cyst.",
            [],
        ),
    ],
)
def test_a_cyst_beside_a_labrum_or_meniscus_is_not_a_cyst_in_the_bone(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "insertion") == quoted


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # "Medial meniscal" names the medial meniscus: an intact one has no tear.
        (
            "Medial meniscus intact. Small effusion.",
            "No medial meniscal tear. Small effusion.",
            None,
            None,
        ),
        # ... and a tear moved to the other meniscus is still caught.
        (
            "Medial meniscus intact. Lateral meniscus posterior horn tear.",
            "No lateral meniscal tear. Medial meniscal posterior horn tear.",
            "negation",
            ("tear", "tear"),
        ),
    ],
)
def test_a_meniscal_adjective_names_its_meniscus(verifier, source, report, kind, quoted):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # The biceps aponeurosis, misheard as "fibrosis", is a structure, not scarring.
        (
            "Distal biceps rupture. Lacerta fibrosis intact.",
            "Distal biceps tendon rupture. The bicipital aponeurosis is intact.",
            None,
            None,
        ),
        ("Annulus fibrosis fissure at L4-5.", "Annulus fibrosus fissure at L4-5.", None, None),
        # Lung fibrosis is still a finding that can be dropped.
        (
            "Basal lung fibrosis. Small effusion.",
            "Small effusion.",
            "omission",
            ("fibrosis", None),
        ),
    ],
)
def test_structures_named_fibrosus_or_aponeurosis_are_no_findings(
    verifier, source, report, kind, quoted
):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # "Possibly repairable" hedges the repair, not the tear, nor the sprain after it.
        (
            "Meniscal root tear possibly repairable, grade 2 MCL sprain.",
            "Meniscal root tear, possibly amenable to repair. Grade 2 MCL sprain.",
            None,
            None,
        ),
        # A hedge on the finding itself still counts.
        (
            "Possible grade 2 MCL sprain.",
            "Grade 2 MCL sprain.",
            "negation",
            ("sprain", "sprain"),
        ),
    ],
)
def test_a_hedge_on_treatability_leaves_the_finding_affirmed(
    verifier, source, report, kind, quoted
):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # Run-on dictation: "stable" closes the denied cyst's statement; the tear after it is
        # affirmed.
        (
            "talar dome lesion no subchondral cyst stable peroneus brevis split tear",
            "Stable talar dome lesion without subchondral cyst. Peroneus brevis split tear.",
            None,
            None,
        ),
        # A run-on list of denials with no verdict between stays denied.
        (
            "no subchondral cyst peroneus brevis split tear",
            "No subchondral cyst. Peroneus brevis split tear.",
            "negation",
            ("tear", "tear"),
        ),
    ],
)
def test_a_verdict_word_in_run_on_dictation_closes_a_denial(verifier, source, report, kind, quoted):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # What has no correlate on another study is still there.
        (
            "Mild uptake in the left tibia, no MRI correlate, stress reaction.",
            "Mild uptake in the left tibia without an MRI correlate, in keeping with a stress "
            "reaction.",
            None,
            None,
        ),
        # A stress reaction denied outright is still denied.
        (
            "Mild uptake in the left tibia, no stress reaction.",
            "Mild uptake in the left tibia, in keeping with a stress reaction.",
            "negation",
            ("stress reaction", "stress reaction"),
        ),
    ],
)
def test_a_missing_correlate_ends_the_denial(verifier, source, report, kind, quoted):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Signal left by the operation is postoperative change.
        (
            "Signal in the meniscal remnant, postsurgical signal vs recurrent tear.",
            "Signal in the meniscal remnant: postoperative change versus recurrent tear.",
        ),
        # The knee's ligaments named in pairs are no collateral vessels.
        ("Cruciates and collaterals intact.", "The cruciate and collateral ligaments are intact."),
    ],
)
def test_postsurgical_signal_and_the_knee_ligaments_are_read_as_said(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


def test_collateral_vessels_are_still_a_finding(verifier):
    source = "Occluded left SFA with collaterals reconstituting the popliteal artery."
    report = "Occluded left SFA; the popliteal artery is reconstituted."
    assert ("collaterals", None) in quoted_words(verifier, source, report, "omission")


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # "Then injected" orders a procedure's steps: the volumes are today's.
        (
            "Needle placed. Then injected 10 mL contrast and 4 mL lidocaine 1%.",
            "Needle placed. Subsequently 10 mL of contrast and 4 mL of 1% lidocaine were "
            "injected.",
            [],
        ),
        # A procedure's volume changed is still caught.
        (
            "Needle placed. Then injected 10 mL contrast.",
            "Needle placed. Subsequently 15 mL of contrast was injected.",
            [("10 mL", None), (None, "15 mL")],
        ),
    ],
)
def test_then_before_an_action_opens_no_earlier_study(verifier, source, report, quoted):
    assert quoted_words(verifier, source, report, "measurement") == quoted
    assert types_raised(verifier, source, report) <= {"measurement"}


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # "Low T1" is a sequence's signal, not the first thoracic vertebra.
        (
            "Scaphoid waist fracture, low T1 fracture line.",
            "Scaphoid waist fracture, seen as a low T1 signal line.",
            None,
            None,
        ),
        # A fracture line that breaches a cortex is the fracture's extent.
        (
            "Scaphoid waist fracture extending through the radial cortex.",
            "Scaphoid waist fracture; the line breaches the radial cortex.",
            None,
            None,
        ),
        # A tumour that breaches its capsule is a finding of its own.
        (
            "Right base prostate tumour 12 mm, confined to the gland.",
            "Right base prostate tumour 12 mm that breaches the capsule.",
            "insertion",
            (None, "breaches"),
        ),
    ],
)
def test_a_fracture_line_is_read_by_its_signal_and_extent(verifier, source, report, kind, quoted):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # "Degenerative" said of a joint, before or after it, is wear.
        ("AC joint degenerative.", "Degenerative change of the AC joint.", None, None),
        ("Degenerative AC joint.", "AC joint degenerative change.", None, None),
        # Before another noun it only describes that noun.
        (
            "Complex degenerative tear of the medial meniscus.",
            "Complex tear of the medial meniscus.",
            None,
            None,
        ),
        ("Supraspinatus tendinosis.", "Degenerative supraspinatus tendinopathy.", None, None),
        # Denied wear affirmed in the draft.
        (
            "AC joint not degenerative.",
            "Degenerative AC joint.",
            "negation",
            ("degenerative", "Degenerative"),
        ),
    ],
)
def test_degenerative_said_of_a_joint_is_wear(verifier, source, report, kind, quoted):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "changed"),
    [
        # A retraction after "x" is its own measurement, not the size's second dimension.
        (
            "Supraspinatus full thickness tear 16 mm AP x 12 mm retraction.",
            "Full-thickness supraspinatus tear, 1.6 cm AP with 1.2 cm of retraction.",
            None,
        ),
        (
            "Achilles rupture 40 mm long x 25 mm gap.",
            "Achilles rupture, 4.0 cm in length, with a 2.5 cm gap.",
            None,
        ),
        # The retraction changed is caught at its own value.
        (
            "Supraspinatus full thickness tear 16 mm AP x 12 mm retraction.",
            "Full-thickness supraspinatus tear, 1.6 cm AP with 1.4 cm of retraction.",
            ("12 mm", "1.4 cm"),
        ),
        # A plain size keeps both dimensions.
        ("Ganglion 16 mm x 12 mm.", "Ganglion 16 x 22 mm.", ("16 mm x 12 mm", "16 x 22 mm")),
    ],
)
def test_a_distance_after_x_is_its_own_measurement(verifier, source, report, changed):
    quoted = quoted_words(verifier, source, report, "measurement")
    if changed is None:
        assert quoted == []
    else:
        assert changed[0] in {s for s, _ in quoted} and changed[1] in {r for _, r in quoted}


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A thickened subacromial bursa is subacromial bursitis.
        ("Subacromial bursa thickened 3 mm.", "Subacromial bursitis, 3 mm.", []),
        # Thickening somewhere else does not stand for it.
        (
            "Supraspinatus tendon thickened. Subacromial bursa normal.",
            "Supraspinatus tendon thickened. Subacromial bursitis.",
            [(None, "bursitis")],
        ),
    ],
)
def test_bursitis_and_a_thickened_bursa_stand_for_each_other_at_that_bursa(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "insertion") == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A bilateral finding whose name carries its structure, narrowed to one side.
        (
            "Bilateral cam morphology.",
            "Cam morphology of both hips.\nIMPRESSION: Cam morphology of the right hip.",
            [("Bilateral", "right")],
        ),
        # Kept on both sides, nothing is said.
        ("Bilateral cam morphology.", "Cam morphology of both hips.", []),
        # A one-sided detail beside the bilateral statement in its own section narrows nothing.
        (
            "Bilateral pleural effusions, larger on the right.",
            "Bilateral pleural effusions. The right effusion is larger.",
            [],
        ),
        (
            "Bilateral hydronephrosis, R>L.",
            "FINDINGS:\nBilateral hydronephrosis. Right hydronephrosis is moderate.",
            [],
        ),
    ],
)
def test_a_bilateral_finding_that_names_no_structure_narrowed_to_one_side(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "laterality") == quoted


def _trade_names(verifier, source, report):
    """Source and report words of each 'values trade names' warning."""
    return [
        (source[slice(*w["source_span"])], report[slice(*w["report_span"])])
        for w in verifier.verify(source, report)
        if "trade names" in w["message"]
    ]


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A retraction and a nerve's distance trading values in different sentences of the
        # draft, the dictated impression restating the retraction.
        (
            "Distal retraction of the hamstring stumps 5 cm from the ischium. Sciatic nerve lies "
            "2 cm lateral to the stump.\nImpression: hamstring avulsion retracted 5 cm.",
            "The hamstring stumps are retracted distally by 2 cm from the ischium.\n"
            "Sciatic nerve: located 5 cm lateral to the stump.\nIMPRESSION: Hamstring avulsion.",
            [("2 cm", "5 cm")],
        ),
        # Each kept with its own value, in whatever sentence.
        (
            "Distal retraction of the hamstring stumps 5 cm from the ischium. Sciatic nerve lies "
            "2 cm lateral to the stump.\nImpression: hamstring avulsion retracted 5 cm.",
            "Sciatic nerve: located 2 cm lateral to the stump.\n"
            "The hamstring stumps are retracted distally by 5 cm from the ischium.",
            [],
        ),
        # A name the source gives two values does not say which one moved.
        (
            "Distal retraction of the hamstring stumps 5 cm from the ischium. Sciatic nerve lies "
            "2 cm lateral to the stump.\nImpression: hamstring avulsion retracted 4 cm.",
            "The hamstring stumps are retracted distally by 2 cm from the ischium.\n"
            "Sciatic nerve: located 5 cm lateral to the stump.\nIMPRESSION: Hamstring avulsion.",
            [],
        ),
    ],
)
def test_named_values_trading_places_across_sentences_are_a_swap(verifier, source, report, quoted):
    assert _trade_names(verifier, source, report) == quoted
