"""Verifier rules learnt from the heldout30 slice, second half: vascular and cardiac imaging
(carotid and venous duplex, EVAR surveillance, ankle-brachial indices, cardiac MR)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.verifier_checks import assert_warns_or_not, quoted_words, types_raised
from tests.support.verifier_scoring import load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "verifier_corpus.yaml"


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # A spaced L between two pressures is the side of the next one, not litres.
        (
            "ABI. brachial R 142 L 138.",
            "Brachial pressures: right 142 mmHg, left 138 mmHg.",
            [],
        ),
        (
            "ABI. DP R 110 L 68. TBI R 0.62 L 0.30.",
            "Dorsalis pedis: right 110, left 68. TBI: right 0.62, left 0.30.",
            [],
        ),
    ],
)
def test_a_side_letter_between_values_is_no_litre_unit(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # "pre op 61 mm", written with a space, is a preoperative size like "pre-op 61 mm".
        (
            "CTA post EVAR. sac 58 mm, pre op 61 mm.",
            "Aneurysm sac 5.8 cm, decreased from 6.1 cm preoperatively.",
            [],
        ),
        # "unchanged from 1 month (5.8 cm)": the value of the earlier study.
        (
            "CTA post EVAR. sac 58 mm, previously 58 mm at 1 month.",
            "Aneurysm sac 5.8 cm, unchanged from 1 month (5.8 cm).",
            [],
        ),
        # The earlier value changed: still caught.
        (
            "CTA post EVAR. sac 58 mm, previously 55 mm at 1 month.",
            "Aneurysm sac 5.8 cm, increased from 1 month (5.2 cm).",
            [("55 mm", None), (None, "5.2 cm")],
        ),
    ],
)
def test_a_size_of_an_earlier_time_point_is_a_prior(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "EVAR. R limb lands in R CIA. L limb extends into L EIA.",
            "The right limb lands in the right common iliac artery. The left limb extends "
            "into the left external iliac artery.",
            [],
        ),
        (
            "EVAR. R limb lands in R CIA. L limb extends into L EIA.",
            "The right limb lands in the left common iliac artery. The left limb extends "
            "into the left external iliac artery.",
            [("R", "left")],
        ),
    ],
)
def test_iliac_arteries_are_read_by_their_abbreviations(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "laterality")[:1] == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "venous duplex. GSV reflux 2.8 s. SSV reflux 1.2 s.",
            "GSV reflux 2800 ms. SSV reflux 1200 ms.",
            [],
        ),
        (
            "venous duplex. GSV reflux 3.5 s.",
            "GSV reflux 350 ms.",
            [("3.5 s", "350 ms")],
        ),
        # A mapping value and its normal bound: the bound is no changed value.
        (
            "cardiac MR. T2 map elevated, 58 ms.",
            "Elevated T2 values (58 ms; local upper limit of normal 50 ms).",
            [],
        ),
    ],
)
def test_milliseconds_are_a_time_unit(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


def test_ms_in_capitals_is_no_time_unit(verifier):
    source = "MRI brain. 3 MS plaques periventricular."
    report = "Three periventricular demyelinating plaques."
    assert "measurement" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # "L CCA 60" dictated without its label: the draft's "CCA PSV 0.60 m/s" is it.
        (
            "carotid duplex. L ICA PSV 290 EDV 110, L CCA 60.",
            "Left: ICA PSV 2.90 m/s, EDV 1.10 m/s; common carotid PSV 0.60 m/s.",
            [],
        ),
        (
            "carotid duplex. L ICA PSV 290 EDV 110, L CCA 60.",
            "Left: ICA PSV 2.90 m/s, EDV 1.10 m/s; common carotid PSV 0.80 m/s.",
            [("290", "0.80 m/s")],
        ),
    ],
)
def test_a_bare_dictated_velocity_may_be_given_its_unit(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "carotid duplex. R ICA plaque, 70% or greater.",
            "Right internal carotid artery stenosis of 70% or greater.",
            [],
        ),
        # A stenosis graded by a percentage nobody dictated is added.
        (
            "carotid duplex. R ICA plaque, 70% or greater.",
            "Right internal carotid artery plaque, 70% or greater. Left ICA stenosis of 50%.",
            [(None, "stenosis")],
        ),
    ],
)
def test_a_dictated_percentage_grade_names_a_stenosis(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "insertion") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # The structure is spared; the dissection that spares it is there.
        (
            "CTA aorta. type A dissection. coronary ostia not involved by the flap.",
            "Type A aortic dissection. Coronary ostia: Not involved by the dissection flap.",
            [],
        ),
        (
            "CTA aorta. type A dissection. coronary ostia spared.",
            "No aortic dissection. Coronary ostia spared.",
            [("dissection", "dissection")],
        ),
    ],
)
def test_a_structure_not_involved_by_a_finding_affirms_the_finding(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "negation") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "CMR HCM assessment. mild to moderate posteriorly directed MR.",
            "Hypertrophic cardiomyopathy assessment. Mild-to-moderate mitral regurgitation.",
            [],
        ),
        # Without them in the dictation, both are added.
        (
            "CMR assessment. septal hypertrophy.",
            "Septal hypertrophy. Hypertrophic cardiomyopathy. Mild mitral regurgitation.",
            [(None, "cardiomyopathy"), (None, "regurgitation")],
        ),
    ],
)
def test_cardiac_shorthand_names_its_findings(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "insertion") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # Levels dictated as "label number." after one size in millimetres share its unit.
        (
            "CT aorta. annulus 26 mm. sinuses 42. STJ 36. proximal arch 35.",
            "Annulus 2.6 cm. Sinuses of Valsalva 4.2 cm. Sinotubular junction 3.6 cm. "
            "Proximal arch 3.5 cm.",
            [],
        ),
        (
            "CT aorta. annulus 26 mm. sinuses 42. STJ 36. proximal arch 35.",
            "Annulus 2.6 cm. Sinuses of Valsalva 4.2 cm. Sinotubular junction 3.9 cm. "
            "Proximal arch 3.5 cm.",
            [("36", None), (None, "3.9 cm")],
        ),
        # A counter is no size: "segment 7" after a size stays a number.
        (
            "CT liver. cyst 12 mm. segment 7.",
            "Hepatic cyst 1.2 cm in segment 7.",
            [],
        ),
    ],
)
def test_bare_labelled_levels_after_a_millimetre_size_are_millimetres(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ("Type A dissection. No haemomediastinum.", set()),
        ("Type A dissection. Haemomediastinum.", {"negation"}),
    ],
)
def test_blood_in_the_mediastinum_is_a_finding(verifier, report, expected):
    source = "CTA aorta. type A dissection. no hemomediastinum."
    assert types_raised(verifier, source, report) == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ("Coronary artery calcium score: 0 (Agatston).", []),
        ("Coronary artery calcium score: 10 (Agatston).", [("zero", None), (None, "10")]),
    ],
)
def test_a_calcium_score_of_zero_may_be_said_as_the_word(verifier, report, expected):
    source = "coronary CTA. calcium score zero Agatston."
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        # CAD-RADS writes "less than 25%" as the grade's range.
        (
            "LAD proximal: plaque, mild (25-49%) stenosis. RCA mid: minimal plaque (1-24%) "
            "stenosis.",
            [],
        ),
        (
            "LAD proximal: plaque, mild (25-49%) stenosis. RCA mid: minimal plaque (1-20%) "
            "stenosis.",
            [("25%", "25-49%"), ("25-49%", "1-20%")],
        ),
    ],
)
def test_a_share_below_a_limit_is_the_range_up_to_it(verifier, report, expected):
    source = "CTA. LAD proximal plaque 25-49% stenosis. RCA mid minimal plaque less than 25%."
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # "vertebrals", plural, are both vertebral arteries.
        ("carotid duplex. vertebrals antegrade.", []),
        ("carotid duplex. vertebral antegrade.", [("antegrade", "bilaterally")]),
    ],
)
def test_a_paired_structure_in_the_plural_is_both_sides(verifier, source, expected):
    report = "Vertebral arteries: Antegrade flow bilaterally."
    assert quoted_words(verifier, source, report, "laterality") == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ("Coeliac axis stenosis. No median arcuate ligament impression.", []),
        (
            "Coeliac axis stenosis. A median arcuate ligament impression is also seen.",
            [("median arcuate ligament impression", "median arcuate ligament impression")],
        ),
    ],
)
def test_median_arcuate_ligament_compression_is_a_finding(verifier, report, expected):
    source = "CTA mesenteric. coeliac axis stenosis. median arcuate ligament impression not seen."
    assert quoted_words(verifier, source, report, "negation") == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ("Reversed left vertebral artery flow; query subclavian steal.", []),
        (
            "Reversed left vertebral artery flow; no evidence of subclavian steal.",
            [("subclavian steal", "subclavian steal")],
        ),
    ],
)
def test_subclavian_steal_is_a_finding(verifier, report, expected):
    source = "carotid US. L vert flow reversed, query subclavian steal."
    assert quoted_words(verifier, source, report, "negation") == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("| LAD | 142 |\n| RCA | 44 |", []),
        ("| LAD | 44 |\n| RCA | 142 |", [("142", "44"), ("44", "142")]),
    ],
)
def test_a_vessel_calcium_score_is_read_from_its_table_row(verifier, rows, expected):
    source = "CT calcium score. Agatston total 186. LAD 142, RCA 44."
    report = f"Total Agatston score: 186.\n| Vessel | Agatston score |\n{rows}"
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # The beading of fibromuscular dysplasia, spelled out by the draft.
        (
            "R renal artery string of beads appearance, c/w FMD. L renal artery normal.",
            "The right renal artery shows alternating stenoses and dilatations, consistent with "
            "fibromuscular dysplasia. The left renal artery is normal.",
            None,
            None,
        ),
        # Beading added to a dictation that names FMD only as a caveat is still an insertion.
        (
            "Renal arteries normal. Duplex has limited sensitivity for FMD.",
            "Renal arteries: mildly beaded appearance on the right. Duplex has limited "
            "sensitivity for fibromuscular dysplasia.",
            "insertion",
            (None, "beaded appearance"),
        ),
    ],
)
def test_the_beading_of_fibromuscular_dysplasia_may_be_spelled_out(
    verifier, source, report, kind, quoted
):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # A denial with no side denies on both sides.
        (
            "Deep veins competent bilaterally, no deep reflux.",
            "Deep veins competent. No deep venous reflux bilaterally.",
            None,
            None,
        ),
        # A bilateral exam title gives no side to a denial the draft says of one side.
        (
            "carotid duplex bilat. TIA.\nR ICA PSV 245. plaque. 70% or greater, not near "
            "occlusion.\nL ICA PSV 95. mild plaque, less than 50%.",
            "FINDINGS:\nRight ICA PSV 2.45 m/s with plaque.\nLeft ICA PSV 0.95 m/s with mild "
            "plaque.\nIMPRESSION:\n1. Right internal carotid artery stenosis of 70% or greater, "
            "not near-occlusion.\n2. Left internal carotid artery stenosis of less than 50%.",
            None,
            None,
        ),
        # A denial said of one side moved to the other is still a side change.
        (
            "No left pneumothorax.",
            "No right pneumothorax.",
            "laterality",
            ("left", "right"),
        ),
    ],
)
def test_denials_are_compared_by_the_sides_they_deny(verifier, source, report, kind, quoted):
    assert_warns_or_not(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        # A stroke follow-up's evolving hypodensity is the infarct the draft names.
        (
            "24h post thrombectomy. evolving hypodensity L insula, ASPECTS 7.",
            "Evolving left MCA territory infarction involving the insula, ASPECTS 7.",
            None,
            None,
        ),
        # A hypodensity that is not said to evolve is no infarct.
        (
            "Hypodensity in the left insula.",
            "Left insular hypodensity. Left MCA territory infarction.",
            "insertion",
            (None, "infarction"),
        ),
    ],
)
def test_an_evolving_hypodensity_is_a_declaring_infarct(verifier, source, report, kind, quoted):
    assert_warns_or_not(verifier, source, report, kind, quoted)


def test_a_denial_with_no_side_answers_one_said_of_both_sides_in_a_table_report(verifier):
    # The venous study of heldout30 whose side-less "no deep reflux" the draft says of both
    # sides, beside a table of sided reflux: the shortest text that shows it is the pair.
    pair = next(p for p in load_corpus(CORPUS) if p.id == "h30-044")
    assert types_raised(verifier, pair.source, pair.report) == set()
