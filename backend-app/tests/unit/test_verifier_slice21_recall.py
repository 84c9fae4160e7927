"""Errors the verifier learnt to catch from the misses of held-out slice 21 and before."""

from __future__ import annotations

import pytest

from radpair.verifier.measure import extract_measurements
from tests.support.verifier_checks import quoted_words


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # Paired pelvic structures the lexicon now knows: the ligament a deep endometriotic
        # plaque infiltrates, and the wing of the sacrum a fracture runs through.
        (
            "Nodular plaque along the L uterosacral lig, 1.5 cm, c/w deep endometriosis.",
            "A 1.5 cm nodular plaque involves the right uterosacral ligament, consistent with"
            " deep endometriosis.",
            ("L", "right"),
        ),
        (
            "Nondisplaced R sacral ala fx. Pubic rami intact.",
            "Nondisplaced fracture of the left sacral ala. The pubic rami are intact.",
            ("R", "left"),
        ),
    ],
)
def test_a_side_changed_at_a_newly_known_paired_structure_is_flagged(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "laterality") == [quoted]


@pytest.mark.parametrize(
    ("source", "report"),
    [
        (
            "Nodular plaque along the L uterosacral lig, 1.5 cm, c/w deep endometriosis. R USL nl.",
            "A 1.5 cm nodular plaque involves the left uterosacral ligament, consistent with deep"
            " endometriosis. The right uterosacral ligament is normal.",
        ),
        (
            "Nondisplaced R sacral ala fx. Pubic rami intact.",
            "Nondisplaced fracture of the right sacral ala. The pubic rami are intact.",
        ),
    ],
)
def test_the_same_side_at_a_newly_known_paired_structure_raises_nothing(verifier, source, report):
    assert verifier.verify(source, report) == []


_BREAST_MRI = (
    "Bilateral breast MRI. Known L breast ca at 3:00. Second 5 mm enhancing mass L 9:00,"
    " suspicious. R breast neg."
)


def _breast_draft(relative: str) -> str:
    return (
        "EXAMINATION: Bilateral breast MRI.\nHISTORY: Known left breast cancer at 3 o'clock.\n"
        f"IMPRESSION: Additional 5 mm suspicious enhancing mass at 9 o'clock in the {relative}"
        " breast. Right breast negative."
    )


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # The side given with a clock face position after the finding ("mass L 9:00") is the
        # finding's; "contralateral" is read against the side of the known disease in the
        # history even when the exam title sits under a label ("EXAMINATION:").
        (_BREAST_MRI, _breast_draft("contralateral"), ("L", "contralateral")),
        (_BREAST_MRI, _breast_draft("ipsilateral"), None),
        (
            "Breast US. 8 mm hypoechoic mass R 2 o'clock 3 cm FN.",
            "Ultrasound: an 8 mm hypoechoic mass at the left breast 2 o'clock position, 3 cm from"
            " the nipple.",
            ("R", "left"),
        ),
        (
            "Breast US. 8 mm hypoechoic mass R 2 o'clock 3 cm FN.",
            "Ultrasound: an 8 mm hypoechoic mass in the right breast at 2 o'clock, 3 cm from the"
            " nipple.",
            None,
        ),
    ],
)
def test_a_side_written_with_a_clock_position_or_as_contralateral_is_checked(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "laterality") == ([quoted] if quoted else [])


_TWINS = (
    "Twin US.\nTwin A: maternal L, vertex. FHR 140.\nTwin B: maternal R upper, transverse. FHR 150."
)


def _twins_draft(a_side: str) -> str:
    return (
        f"Twin ultrasound.\nTwin A: On the maternal {a_side}, vertex presentation. FHR 140 bpm.\n"
        "Twin B: Maternal right upper uterus, transverse lie. FHR 150 bpm."
    )


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A fetus's position on the mother's side, compared twin by twin.
        (_TWINS, _twins_draft("right"), [("L", "right")]),
        (_TWINS, _twins_draft("left"), []),
        (
            "Single IUP, cephalic, fetal spine maternal rt. Placenta anterior.",
            "Single intrauterine pregnancy, cephalic, with the fetal spine to the maternal left."
            " Anterior placenta.",
            [("rt", "left")],
        ),
    ],
)
def test_a_fetus_moved_to_the_other_maternal_side_is_a_side_change(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "laterality") == quoted


_NME = "R breast: 2 cm clumped NME retroareolar. no nipple enhancement or skin thickening."
_CHONDRAL = "Knee MRI. Grade 3 chondral loss MFC; delamination cannot be excluded."


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # Staging features of breast MRI and cartilage splitting from bone are findings of
        # their own, so a denial or a hedge turned round is seen.
        (
            _NME,
            "Right breast: 2 cm clumped non-mass enhancement in the retroareolar region with"
            " nipple enhancement. No skin thickening.",
            [("nipple enhancement", "nipple enhancement")],
        ),
        (
            _NME,
            "Right breast: 2 cm clumped non-mass enhancement in the retroareolar region. No"
            " nipple enhancement or skin thickening.",
            [],
        ),
        (
            _CHONDRAL,
            "Knee MRI: Grade 3 chondral loss of the medial femoral condyle without delamination.",
            [("delamination", "delamination")],
        ),
        (
            _CHONDRAL,
            "Knee MRI: Grade 3 chondral loss of the medial femoral condyle; delamination cannot"
            " be excluded.",
            [],
        ),
    ],
)
def test_nipple_enhancement_and_chondral_delamination_carry_their_polarity(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "negation") == quoted


_T12 = "T12 compression fx, 20% height loss. R 11th rib fx."


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        # An ungraded finding put at a level the source never names, while the source gives it
        # at another: the level was changed (a fracture elsewhere with no level, a rib's, does
        # not stand for it).
        (
            "IMPRESSION: L1 compression fracture with 20% height loss. Right 11th rib fracture.",
            [("fx", "fracture")],
        ),
        ("IMPRESSION: T12 compression fracture with 20% height loss. Right 11th rib fracture.", []),
    ],
)
def test_a_fracture_moved_to_a_level_the_source_never_names_is_flagged(verifier, report, quoted):
    assert quoted_words(verifier, _T12, report, "measurement") == quoted


_ACHILLES = (
    "Achilles: full thickness tear, gap 3.2 cm, 1.1 cm thick proximal stump. IMP: FT Achilles"
    " tear, 3.2 cm gap, stump 1.1 cm thick."
)
_ACHILLES_FINDINGS = (
    "Findings: Full-thickness Achilles tendon tear with a 3.2 cm gap; the proximal stump is 1.1"
    " cm thick. "
)


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # Two sizes named by what they measure (said before or after the value) trade names in
        # one sentence of the draft, though another sentence gives them right.
        (
            _ACHILLES,
            _ACHILLES_FINDINGS + "Impression: Full-thickness Achilles tendon tear with a 1.1 cm"
            " gap and a 3.2 cm thick proximal stump.",
            [("3.2 cm", "1.1 cm")],
        ),
        (
            _ACHILLES,
            _ACHILLES_FINDINGS + "Impression: Full-thickness Achilles tendon tear with a 3.2 cm"
            " gap and a 1.1 cm thick proximal stump.",
            [],
        ),
        (
            "Cyst 4 cm long, 2 cm wide.",
            "A cyst measuring 2 cm in length and 4 cm in width.",
            [("4 cm", "2 cm")],
        ),
        ("Cyst 4 cm long, 2 cm wide.", "A cyst measuring 4 cm in length and 2 cm in width.", []),
    ],
)
def test_two_named_sizes_trading_values_in_one_sentence_are_a_swap(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "measurement") == quoted


_TRAUMA = "C-spine: no fx. Pelvis: no fx. R L3 TP fx."


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        # The draft keeps the regional denials the source gives at no structure and drops the
        # sited fracture: those denials echo the source's, they do not answer for it.
        ("CERVICAL SPINE: No fracture.\nPELVIS: No fracture.", [("fx", None)]),
        (
            "CERVICAL SPINE: No fracture.\nPELVIS: No fracture.\nLUMBAR SPINE: Fracture of the"
            " right L3 transverse process.",
            [],
        ),
    ],
)
def test_a_sited_fracture_is_not_answered_by_denials_echoing_the_source(verifier, report, quoted):
    assert quoted_words(verifier, _TRAUMA, report, "omission") == quoted


_PROSTATE = (
    "Prostate MRI.\nlesion 1: R TZ apex, 1.6 cm, PI-RADS 5.\nlesion 2: L PZ mid, 7 mm, PI-RADS 4 L"
    " mid PZ."
)


@pytest.mark.parametrize(
    ("report", "dropped"),
    [
        # The size on a numbered lesion's line is the lesion's, not the zone's that places it,
        # so the lesion dropped with its size is missing; "PI-RADS 4 L" is no volume.
        (
            "Prostate MRI.\nLesion 1: Right transition zone apex, 1.6 cm. PI-RADS 5.\n"
            "IMPRESSION: PI-RADS 5 right transition zone lesion.",
            True,
        ),
        (
            "Prostate MRI.\nLesion 1: Right transition zone apex, 1.6 cm. PI-RADS 5.\n"
            "Lesion 2: Left peripheral zone, mid gland, 7 mm. PI-RADS 4.",
            False,
        ),
    ],
)
def test_a_numbered_lesion_dropped_with_its_size_is_an_omission(verifier, report, dropped):
    warnings = [w for w in verifier.verify(_PROSTATE, report) if w["type"] == "omission"]
    if not dropped:
        assert warnings == []
        return
    (warning,) = warnings
    start, end = warning["source_span"]
    assert _PROSTATE[start:end] == "lesion" and start == _PROSTATE.index("lesion 2")
    assert warning["report_span"] is None


@pytest.mark.parametrize("text", ["PI-RADS 4 L base PZ, 8 mm.", "Grade 2 L knee effusion, 8 mm."])
def test_a_category_before_a_side_letter_is_not_a_volume(text):
    assert [(m.dim, m.values) for m in extract_measurements(text)] == [("length", (8.0,))]


_SURVEY = "Skeletal survey. skull: no fx. healing R 6th rib fx. spine nl."


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        # Likewise a sited fracture the draft adds beside the denial it echoes.
        (
            "Skull: No fracture.\nChest: Healing right 6th rib fracture.\nUpper extremities:"
            " Buckle fracture of the left distal radius.\nSpine: Normal.",
            [(None, "fracture")],
        ),
        ("Skull: No fracture.\nChest: Healing right 6th rib fracture.\nSpine: Normal.", []),
    ],
)
def test_a_sited_fracture_added_beside_an_echoed_denial_is_an_insertion(verifier, report, quoted):
    warnings = quoted_words(verifier, _SURVEY, report, "insertion")
    assert warnings == quoted
    if quoted:
        (warning,) = [w for w in verifier.verify(_SURVEY, report) if w["type"] == "insertion"]
        assert warning["report_span"][0] > report.index("Buckle")


_LINES = "NICU CXR. UVC tip at T9. UAC tip T8. ETT 1 cm above carina."


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        # Umbilical lines are devices the lexicon knows, each with its tip's level.
        (
            "The umbilical venous catheter tip projects at T7. The umbilical arterial catheter tip"
            " is at T8. The endotracheal tube tip is 1 cm above the carina.",
            [("UVC", "umbilical venous catheter")],
        ),
        (
            "The umbilical venous catheter tip projects at T9. The umbilical arterial catheter tip"
            " is at T8. The endotracheal tube tip is 1 cm above the carina.",
            [],
        ),
    ],
)
def test_an_umbilical_line_tip_moved_to_another_level_is_flagged(verifier, report, quoted):
    assert quoted_words(verifier, _LINES, report, "measurement") == quoted


@pytest.mark.parametrize(
    ("report", "kind", "quoted"),
    [
        # An abrupt cutoff is a finding of its own, and an occlusion stands for it.
        (
            "MRA: The left M2 superior division is patent without abrupt cutoff.",
            "negation",
            [("abrupt cutoff", "abrupt cutoff")],
        ),
        ("MRA: Abrupt occlusion of the left M2 superior division.", "omission", []),
    ],
)
def test_an_abrupt_cutoff_is_a_finding_that_an_occlusion_answers(verifier, report, kind, quoted):
    source = "MRA: abrupt cutoff of the L M2 superior division."
    assert quoted_words(verifier, source, report, kind) == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # A reporting system's category the draft gives but the source never does.
        (
            "LDCT. 8 mm solid RLL nodule. Lung-RADS 4A.",
            "IMPRESSION: 8 mm solid right lower lobe nodule. Lung-RADS category 3.",
            [("4A", "3")],
        ),
        ("Obs 1: seg 7, 2.1 cm, LR-5.", "Segment 7: 2.1 cm observation, LI-RADS 4.", [("5", "4")]),
        # The same category written otherwise, a subcategory, or a version, is no change.
        ("Obs 1: seg 7, 2.1 cm, LR-5.", "Segment 7: 2.1 cm observation, LI-RADS 5.", []),
        ("R 10:00 mass, BI-RADS 4B.", "Right breast mass at 10 o'clock. BI-RADS 4.", []),
        (
            "PI-RADS v2.1. L PZ lesion 9 mm, PI-RADS 4.",
            "Assessed with PI-RADS 2.1: 9 mm left peripheral zone lesion, PI-RADS 4.",
            [],
        ),
    ],
)
def test_a_changed_reporting_category_is_flagged(verifier, source, report, quoted):
    found = [
        q
        for q, w in zip(
            quoted_words(verifier, source, report, "measurement"),
            [w for w in verifier.verify(source, report) if w["type"] == "measurement"],
        )
        if w["message"].startswith("Category")
    ]
    assert found == quoted


@pytest.mark.parametrize(
    ("source", "report", "quoted"),
    [
        # The posterior elements of a vertebra have a side each.
        (
            "CT C-spine. nondisplaced fx R C5 lamina. no perched facets.",
            "FINDINGS: Nondisplaced fracture of the left C5 lamina. No perched facets.",
            [("R", "left")],
        ),
        (
            "CT C-spine. nondisplaced fx R C5 lamina. no perched facets.",
            "FINDINGS: Nondisplaced fracture of the right C5 lamina. No perched facets.",
            [],
        ),
        ("CT L-spine. L L4 pedicle fx.", "Fracture of the right L4 pedicle.", [("L", "right")]),
        (
            "CT C-spine. R C6 lateral mass fx.",
            "Fracture of the left C6 lateral mass.",
            [("R", "left")],
        ),
    ],
)
def test_a_side_changed_at_a_vertebral_posterior_element_is_flagged(
    verifier, source, report, quoted
):
    assert quoted_words(verifier, source, report, "laterality") == quoted
