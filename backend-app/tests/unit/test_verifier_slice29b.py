"""Verifier rules learnt from the heldout29 slice, second half: abdominal and pelvic MR
(liver, MRCP, rectal staging) and screening programmes (CT colonography, aortic aneurysm
surveillance, lung screening)."""

from __future__ import annotations

import pytest

from radpair.verifier.engine import RulesEngine
from tests.support.verifier_checks import quoted_words, types_raised


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # A lesion under a structure heading, sized as nothing dictated, where the dictation
        # denies only unsited findings of its family: added.
        (
            "MRCP. mild CBD dilatation. no mass.",
            "MRCP.\nBile ducts: Mild dilatation of the common bile duct. No mass.\n"
            "Gallbladder: 6 mm polyp.",
            [(None, "polyp")],
        ),
        # The dictated polyp, sized as dictated under its heading: no insertion.
        (
            "MRCP. mild CBD dilatation. 6 mm gallbladder polyp. no mass.",
            "MRCP.\nBile ducts: Mild dilatation of the common bile duct. No mass.\n"
            "Gallbladder: 6 mm polyp.",
            [],
        ),
    ],
)
def test_a_lesion_sized_anew_at_its_heading_structure_is_added(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "insertion") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "CTC. 11 mm polyp sigmoid colon.",
            "CT colonography.\n- Sigmoid colon: 11 mm polyp.\n- Transverse colon: 5 mm polyp.",
            [(None, "polyp")],
        ),
        (
            "CTC. 11 mm polyp sigmoid colon. 5 mm polyp transverse colon.",
            "CT colonography.\n- Sigmoid colon: 11 mm polyp.\n- Transverse colon: 5 mm polyp.",
            [],
        ),
    ],
)
def test_each_segment_of_the_colon_is_a_place_of_its_own(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "insertion") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "US aorta. AAA 5.1 cm.\n6 months ago 4.8 cm.",
            "Ultrasound aorta. Aneurysm 51 mm, previously 48 mm.",
            [],
        ),
        # The earlier size given as today's is a change.
        (
            "US aorta. AAA 5.1 cm.\n6 months ago 4.8 cm.",
            "Ultrasound aorta. Aneurysm 48 mm, previously 51 mm.",
            [("5.1 cm", "48 mm"), ("4.8 cm", None), (None, "51 mm")],
        ),
    ],
)
def test_a_time_ago_opens_a_prior_value_even_at_the_start_of_a_line(
    verifier, source, report, expected
):
    assert sorted(quoted_words(verifier, source, report, "measurement"), key=str) == sorted(
        expected, key=str
    )


def test_t1_and_t2_after_a_signal_word_are_sequences_not_vertebrae():
    mentions = RulesEngine().extract("seg 5 lesion iso on T1 and T2, no washout.").mentions
    washout = [m for m in mentions if m.key == "washout"]
    assert washout and all(m.location == "segment:5" for m in washout), washout


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "MRI liver. seg 5 lesion iso on T1 and T2, no washout.",
            "MRI liver. Segment 5 lesion, isointense, with washout.",
            [("washout", "washout")],
        ),
        (
            "MRI liver. seg 5 lesion iso on T1 and T2, no washout.",
            "MRI liver. Segment 5 lesion, isointense, without washout.",
            [],
        ),
    ],
)
def test_a_negation_is_weighed_at_its_segment_beside_sequence_names(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "negation") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # The bound kept in the draft does not also answer for a plain value beside it.
        (
            "MRI rectum. Tumour <1 mm beyond muscularis propria. Closest distance 6 mm.",
            "MRI rectum. Tumour with <1 mm spread beyond the muscularis propria. Closest "
            "distance 1 mm.",
            [("6 mm", None), (None, "1 mm")],
        ),
        (
            "MRI rectum. T3a, <1 mm beyond muscularis propria. MRF distance 4 mm.",
            "MRI rectum. T3a with less than 1 mm spread beyond the muscularis propria. Distance "
            "to the mesorectal fascia 4 mm.",
            [],
        ),
        # Worded otherwise and in other units, the bound is the same.
        (
            "CT chest. intimal flap less than 10 mm.",
            "CT chest. Intimal flap under 1 cm.",
            [],
        ),
    ],
)
def test_a_bounded_value_kept_in_both_texts_is_not_a_plain_one(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "CTC. 7 mm polyp caecum. 9 mm polyp descending colon.",
            "CT colonography. Caecal polyp 7 mm; descending colon polyp 9 mm. Impression: two "
            "small (6-9 mm) polyps.",
            [],
        ),
        # A band around one dictated size only is a new size.
        (
            "CTC. 7 mm polyp caecum.",
            "CT colonography. Caecal polyp 7 mm. Impression: small (6-9 mm) polyp.",
            [("7 mm", "6-9 mm")],
        ),
    ],
)
def test_a_draft_range_summing_up_dictated_sizes_is_a_band(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "LDCT. RML 5 mm solid nodule. LUL 4 mm solid nodule.",
            "Low-dose CT.\nNodules:\n| Location | Size |\n|---|---|\n| Right middle lobe | "
            "5 mm |\n| Left upper lobe | 4 mm |",
            [],
        ),
        # A size the draft does not give is no row of the table.
        (
            "LDCT. RML 5 mm solid nodule. LUL 4 mm solid nodule.",
            "Low-dose CT.\nNodules:\n| Location | Size |\n|---|---|\n| Right middle lobe | "
            "5 mm |",
            [("nodule", None)],
        ),
    ],
)
def test_a_finding_sized_under_a_heading_naming_its_kind_is_kept(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "omission") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "mri rectum tumour confined to the muscularis propria no extramural spread T2 "
            "mesorectal nodes 4 mm smooth not suspicious",
            "MRI rectum. Tumour confined to the muscularis propria with no extramural spread "
            "(T2). Mesorectal nodes measuring 4 mm, smooth, not suspicious.",
            [],
        ),
        (
            "mri rectum tumour confined to the muscularis propria extramural spread T3 "
            "mesorectal nodes 4 mm smooth not suspicious",
            "MRI rectum. Tumour confined to the muscularis propria with no extramural spread "
            "(T3). Mesorectal nodes measuring 4 mm, smooth, not suspicious.",
            [("extramural spread", "extramural spread")],
        ),
    ],
)
def test_a_stage_closes_a_run_on_statement_and_its_denial(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "negation") == expected
    assert types_raised(verifier, source, report) <= {"negation"}


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "MRI liver. cirrhosis. spleen 15.2 cm. ascites.",
            "MRI liver. Cirrhosis. Ascites. Impression: portal hypertension (splenomegaly, "
            "ascites).",
            [],
        ),
        # A spleen of normal length is no splenomegaly.
        (
            "MRI liver. cirrhosis. spleen 11 cm. ascites.",
            "MRI liver. Cirrhosis. Ascites. Impression: portal hypertension (splenomegaly, "
            "ascites).",
            [(None, "splenomegaly")],
        ),
    ],
)
def test_an_organ_dictated_above_its_normal_length_is_its_megaly(
    verifier, source, report, expected
):
    assert quoted_words(verifier, source, report, "insertion") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        (
            "CAC score. Total Agatston 150. LM 0. LAD 120. LCx 20. RCA 10.",
            "Coronary calcium scoring.\n- Left main: 0\n- Left anterior descending: 120\n"
            "- Left circumflex: 20\n- Right coronary artery: 10\nTotal Agatston score: 150.",
            [],
        ),
        # Two arteries' scores traded keep the total: each artery's own score tells.
        (
            "CAC score. Total Agatston 150. LM 0. LAD 120. LCx 20. RCA 10.",
            "Coronary calcium scoring.\n- Left main: 0\n- Left anterior descending: 120\n"
            "- Left circumflex: 10\n- Right coronary artery: 20\nTotal Agatston score: 150.",
            [("20", "10"), ("10", "20")],
        ),
    ],
)
def test_each_coronary_artery_keeps_its_own_calcium_score(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "measurement") == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # The circumferential resection margin is the mesorectal fascia: its distance is said
        # of one place, and no margin left by an operation is added.
        (
            "MRI rectum. closest MRF distance 5 mm. CRM clear.",
            "MRI rectum. Circumferential resection margin: closest distance to the mesorectal "
            "fascia 5 mm; clear.",
            set(),
        ),
        (
            "MRI rectum. closest MRF distance 5 mm. CRM clear.",
            "MRI rectum. Circumferential resection margin: closest distance to the mesorectal "
            "fascia 2 mm; clear.",
            {"measurement"},
        ),
    ],
)
def test_the_circumferential_resection_margin_is_the_mesorectal_fascia(
    verifier, source, report, expected
):
    assert types_raised(verifier, source, report) == expected


@pytest.mark.parametrize(
    ("source", "report", "expected"),
    [
        # "Both" before the lesions just described counts them.
        (
            "MRI liver. ?liver lesions on US. seg 2 cyst. seg 7 haemangioma. both benign.",
            "MRI liver. Query liver lesions on ultrasound. Segment 2 cyst. Segment 7 "
            "haemangioma. Both lesions are benign.",
            [],
        ),
        # Before a paired structure it still names both sides.
        (
            "MRI abdomen. left adrenal nodule.",
            "MRI abdomen. Nodules in both adrenal glands.",
            [("left", "in both")],
        ),
    ],
)
def test_both_before_a_lesion_word_counts_lesions_not_sides(verifier, source, report, expected):
    assert quoted_words(verifier, source, report, "laterality") == expected
