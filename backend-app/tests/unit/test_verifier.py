"""Tests of the dictation-vs-report verifier (production engine) and its labelled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from radpair.verifier import Verifier, get_verifier
from radpair.verifier.engine import RulesEngine
from radpair.verifier.extract import find_locations, place_runs
from radpair.verifier.extract import segment
from radpair.verifier.measure import extract_measurements
from radpair.verifier.spoken import (
    read_spoken_levels,
    read_spoken_numbers,
    read_spoken_punctuation,
)
from tests.support.verifier_checks import types_raised
from tests.support.verifier_scoring import TYPES, load_corpus, meets, run_pairs, scores

CORPUS = Path(__file__).resolve().parents[1] / "data" / "verifier_corpus.yaml"


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return get_verifier()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


@pytest.fixture(scope="module")
def outcomes(verifier, corpus):
    return run_pairs(verifier, corpus)


def _assert_one_warning(verifier, source: str, report: str, kind: str, quoted: tuple) -> None:
    warnings = verifier.verify(source, report)
    assert [w["type"] for w in warnings] == [kind]
    (s0, s1), (r0, r1) = warnings[0]["source_span"], warnings[0]["report_span"]
    assert (source[s0:s1], report[r0:r1]) == quoted


def _assert_one_of_kind(verifier, source: str, report: str, kind: str, quoted: tuple) -> None:
    """One warning of the kind, at the quoted words (None where a text has no span)."""
    warnings = [w for w in verifier.verify(source, report) if w["type"] == kind]
    assert len(warnings) == 1
    spans = warnings[0]["source_span"], warnings[0]["report_span"]
    assert (
        tuple(text[slice(*span)] if span else None for text, span in zip((source, report), spans))
        == quoted
    )


# ---------------------------------------------------------------- public API


def test_get_verifier_returns_one_shared_instance():
    assert get_verifier() is get_verifier()


def test_each_warning_has_the_documented_keys_and_valid_spans(verifier):
    source = (
        "Small left pleural effusion. 8 mm nodule in the right upper lobe. No pneumothorax. "
        "Moderate ascites."
    )
    report = (
        "Small right pleural effusion. 8 cm nodule in the right upper lobe. Pneumothorax. "
        "Small hiatal hernia."
    )
    warnings = verifier.verify(source, report)
    assert {w["type"] for w in warnings} == set(TYPES)
    for w in warnings:
        assert set(w) == {"type", "message", "source_span", "report_span"}
        assert isinstance(w["message"], str) and w["message"]
        for span, text in ((w["source_span"], source), (w["report_span"], report)):
            assert span is None or (0 <= span[0] < span[1] <= len(text))


def test_identical_texts_and_empty_texts_raise_nothing(verifier):
    text = "Moderate right pleural effusion. 5 mm nodule in the left lower lobe."
    assert verifier.verify(text, text) == []
    assert verifier.verify("", "") == []


def test_spans_point_at_the_side_words_that_differ(verifier):
    source = "Small left pleural effusion."
    report = "Small right pleural effusion."
    (warning,) = verifier.verify(source, report)
    start, end = warning["source_span"]
    assert source[start:end] == "left"
    start, end = warning["report_span"]
    assert report[start:end] == "right"


def test_a_measurement_invented_by_the_report_has_no_source_span(verifier):
    (warning,) = verifier.verify("Small nodule in the right lower lobe.", "4 mm nodule in the RLL.")
    assert warning["type"] == "measurement"
    assert warning["source_span"] is None
    assert warning["report_span"] == [0, 4]


@pytest.mark.parametrize(
    ("source", "report", "kind", "source_words", "report_words"),
    [
        (
            "Moderate ascites. Small left pleural effusion.",
            "FINDINGS:\nSmall left pleural effusion.",
            "omission",
            "ascites",
            None,
        ),
        (
            "Small left pleural effusion.",
            "FINDINGS:\nSmall left pleural effusion. Small hiatal hernia.",
            "insertion",
            None,
            "hiatal hernia",
        ),
    ],
)
def test_a_dropped_or_added_finding_points_at_its_words_and_has_no_partner_span(
    verifier, source, report, kind, source_words, report_words
):
    (warning,) = verifier.verify(source, report)
    assert warning["type"] == kind
    for span, text, words in (
        (warning["source_span"], source, source_words),
        (warning["report_span"], report, report_words),
    ):
        assert (text[span[0] : span[1]] if span else None) == words


@pytest.mark.parametrize(
    ("source", "report", "kind", "source_words", "report_words"),
    [
        # A qualified kin denial ("no acute intracranial hemorrhage") does not account for
        # an undictated hematoma elsewhere.
        (
            "No acute intracranial hemorrhage. Mild volume loss.",
            "FINDINGS:\nNo acute intracranial hemorrhage. Mild volume loss. Small occipital "
            "scalp hematoma.",
            "insertion",
            None,
            "hematoma",
        ),
        # "consistent with DVT" restates the thrombus of its sentence, not one anywhere.
        (
            "Occlusive thrombus in the right popliteal vein, consistent with acute DVT.",
            "FINDINGS:\nOcclusive thrombus in the right popliteal vein. Thrombus also in the "
            "right peroneal veins.",
            "insertion",
            None,
            "Thrombus",
        ),
        # The exam's reason in its title is no finding for a draft to lean on.
        (
            "Right breast ultrasound for a palpable lump. Normal fibroglandular tissue.",
            "FINDINGS:\nNormal fibroglandular tissue. Incidental 4 mm cyst at 9 o'clock.",
            "insertion",
            None,
            "cyst",
        ),
        # One kind of bleed does not stand for another.
        (
            "Trace subarachnoid hemorrhage in the right sylvian fissure.",
            "FINDINGS:\nTrace right sylvian subarachnoid hemorrhage. Small intraventricular "
            "hemorrhage in the occipital horns.",
            "insertion",
            None,
            "intraventricular hemorrhage",
        ),
        # The dens is C2: a C1 fracture is another one.
        (
            "Type II odontoid fracture through the base of the dens.",
            "FINDINGS:\nType II odontoid fracture. Nondisplaced fracture of the C1 anterior arch.",
            "insertion",
            None,
            "fracture",
        ),
        # A second lesion of the same kind dropped with its size: the kept one is no partner.
        (
            "Right breast: 2.1 cm irregular mass at 10:00. Additional 8 mm mass at 9:00.",
            "FINDINGS:\nRight breast: 2.1 cm irregular mass at 10:00.",
            "omission",
            "mass",
            None,
        ),
        # A numbered bone is part of the finding's place, like a spine level.
        (
            "Fracture of the fourth metatarsal base. Healing stress fracture of the second "
            "metatarsal shaft.",
            "FINDINGS:\nFracture of the fourth metatarsal base.",
            "omission",
            "fracture",
            None,
        ),
    ],
)
def test_findings_without_a_real_partner_are_dropped_or_added(
    verifier, source, report, kind, source_words, report_words
):
    found = [w for w in verifier.verify(source, report) if w["type"] == kind]
    assert found, verifier.verify(source, report)
    warning = found[0]
    for span, text, words in (
        (warning["source_span"], source, source_words),
        (warning["report_span"], report, report_words),
    ):
        assert (text[span[0] : span[1]] if span else None) == words


_RECIST_TABLE = (
    "| # | Location | Current | Prior |\n"
    "| 1 | Right lower lobe mass | 2.6 cm | 3.4 cm |\n"
    "| 2 | Liver segment 7 metastasis | 2.1 cm | 3.0 cm |\n"
)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Sides given once by bare "Right:" / "Left:" labels.
        (
            "3 mm calculus in the right kidney. No left hydronephrosis.",
            "Kidneys:\nRight: 0.3 cm renal calculus.\nLeft: No hydronephrosis.",
        ),
        # Vessels listed under a side heading that the dictation never named.
        (
            "CTA of both legs. Right: three-vessel runoff. Left: anterior tibial artery "
            "occluded at mid-calf.",
            "Right leg: Three-vessel runoff (anterior tibial, posterior tibial, peroneal).\n"
            "Left leg: Anterior tibial artery occluded at mid-calf.",
        ),
        # "Contralateral" is the side opposite the exam's; CFV is the common femoral vein;
        # "popliteal DVT" is a thrombus in the popliteal vein.
        (
            "Left leg venous duplex. Acute popliteal DVT. Contralateral CFV patent.",
            "Left popliteal vein thrombus. The right common femoral vein is patent.",
        ),
        # Klein's line is a landmark, not a device.
        (
            "Left hip normal; Klein line intersects the left epiphysis.",
            "Left hip: Klein line intersects the femoral epiphysis.",
        ),
        # Spoken punctuation.
        (
            "Chest 2 views period history colon fever period no pneumothorax comma no effusion "
            "period heart size normal period",
            "History: Fever.\nFINDINGS: No pneumothorax or effusion. Normal heart size.",
        ),
        (
            "Diverticulitis of the sigmoid colon period no abscess period",
            "Diverticulitis of the sigmoid colon. No abscess.",
        ),
        # Stroke and gallbladder shorthand.
        ("Possible hyperdense R M1 segment.", "Possible hyperdense right MCA sign."),
        ("Sonographic Murphy neg.", "Negative sonographic Murphy sign."),
        ("Sonographic Murphy positive.", "Positive sonographic Murphy sign."),
        # A Foley is a catheter.
        ("Bladder decompressed around Foley.", "Bladder: Decompressed with a Foley catheter."),
        # Chronic microvascular change is white matter disease, not an acute ischemic change.
        (
            "IMP: Mild chronic microvascular changes.",
            "IMPRESSION: Mild chronic microvascular ischemic changes.",
        ),
        (
            "Hypodensity, likely chronic small vessel ischemic change.",
            "Hypoattenuation, likely chronic microvascular ischemic change.",
        ),
        # A hedge about a characterisation, said with "reflecting".
        (
            "T2 hyperintensities, likely chronic microvascular.",
            "T2 hyperintense foci, most likely reflecting chronic microvascular ischemic change.",
        ),
        # Signal on a second sequence is the same bright signal.
        (
            "DWI: restricted diffusion L insula. FLAIR: minimal corresponding signal.",
            "Diffusion restriction in the left insula with minimal corresponding FLAIR "
            "hyperintensity.",
        ),
        # A denied action leaves the finding that justifies it affirmed.
        (
            "Acute L C6 laminar fracture; CTA neck not required on this basis.",
            "Acute left C6 laminar fracture. CT angiography is not required on the basis of "
            "this fracture.",
        ),
        (
            "R distal radius fracture. Follow-up imaging not needed for the fracture.",
            "Right distal radius fracture; follow-up imaging is not needed for this fracture.",
        ),
        (
            "R frontal recess obstructed.",
            "Obstruction of the right frontal recess.",
        ),
        (
            "MRI brain MS protocol with gadolinium. No new lesions.",
            "EXAMINATION: MRI brain, multiple sclerosis protocol, with gadolinium.\n"
            "No new lesions.",
        ),
        # Current and prior sizes kept straight in a table.
        (
            "RLL mass 2.6 cm (prior 3.4). Liver seg 7 metastasis 2.1 cm (prior 3.0).",
            _RECIST_TABLE,
        ),
        # A value before "previously <value>" is the current one.
        (
            "Enhancing nodule measuring one point two by zero point nine centimeters previously "
            "one point one by zero point nine centimeters.",
            "Enhancing nodule measuring 12 x 9 mm (previously 11 x 9 mm).",
        ),
        # A column headed SUVmax holds uptake values; one label may lead a list of them.
        (
            "Two left external iliac nodes, 7 mm and 5 mm, SUVmax 8.1 and 5.4 respectively.",
            "| Node | Location | Short axis | SUVmax |\n| 1 | Left external iliac | 7 mm | 8.1 |\n"
            "| 2 | Left external iliac | 5 mm | 5.4 |\n",
        ),
        # Reference uptake named by its organ; an isotope is no gauge.
        (
            "68Ga-PSMA PET. SUVmax 3.8 (liver 3.3).",
            "Ga-68 PSMA PET. SUVmax 3.8 (liver reference 3.3).",
        ),
        # "Baseline:" labels the earlier study's values; an arrow leads to the current one.
        (
            "Baseline: mass SUVmax 14.2. Now: mass decreased 9.8 x 6.1 cm -> 4.2 x 2.5 cm.",
            "| Site | Baseline | Current |\n| Mass | 9.8 x 6.1 cm, SUVmax 14.2 | 4.2 x 2.5 cm |\n",
        ),
        # Structures named in the technique line assert nothing.
        (
            "Thyroid ultrasound. No abnormal cervical lymph nodes.",
            "TECHNIQUE: Ultrasound of the thyroid and cervical lymph nodes.\n"
            "FINDINGS: No abnormal cervical lymph nodes.",
        ),
    ],
)
def test_faithful_layouts_names_and_dictation_shorthand_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "source_words", "report_words"),
    [
        (
            "Ethmoid opacification, L>R.",
            "Ethmoid opacification, right greater than left.",
            "L>R",
            "right greater than left",
        ),
        (
            "Edema, left-sided predominance.",
            "Edema, more pronounced on the right.",
            "left-sided predominance",
            "more pronounced on the right",
        ),
        ("Effusions, left greater than right.", "Effusions, more marked on the left.", None, None),
        ("Effusions, left greater than right.", "Bilateral effusions.", None, None),
    ],
)
def test_the_worse_side_turned_round_is_a_side_change(
    verifier, source, report, source_words, report_words
):
    found = [w for w in verifier.verify(source, report) if w["message"].startswith("The worse")]
    if source_words is None:
        assert found == []
        return
    (warning,) = found
    assert warning["type"] == "laterality"
    assert source[slice(*warning["source_span"])] == source_words
    assert report[slice(*warning["report_span"])] == report_words


@pytest.mark.parametrize(
    ("source", "report", "kind", "source_words", "report_words"),
    [
        (
            "Fracture of the right C6 lamina. The fracture does not extend into the "
            "transverse foramen.",
            "FINDINGS:\nFracture of the right C6 lamina extending into the transverse foramen.",
            "negation",
            "extend into",
            "extending into",
        ),
        (
            "Gestational sac containing a yolk sac. No embryo.",
            "FINDINGS:\nGestational sac. No yolk sac or embryo.",
            "negation",
            "yolk sac",
            "yolk sac",
        ),
        (
            "Left testis: 7 mm hypoechoic lesion, no internal vascularity.",
            "FINDINGS:\nLeft testis: 7 mm hypoechoic lesion with internal vascularity.",
            "negation",
            "internal vascularity",
            "internal vascularity",
        ),
        (
            "MRI left ankle.\nPeroneal tendons: intact.\nAchilles: normal.",
            "FINDINGS:\nLateral tendons: Split tear of the peroneus brevis tendon.",
            "negation",
            "Peroneal tendons",
            "tear",
        ),
        (
            "Right leg venous duplex. Popliteal DVT. Contralateral CFV patent.",
            "FINDINGS:\nRight popliteal vein thrombus. Ipsilateral common femoral vein patent.",
            "laterality",
            "Contralateral",
            "Ipsilateral",
        ),
        (
            "Right slipped capital femoral epiphysis. Left hip is normal.",
            "IMPRESSION:\nBilateral slipped capital femoral epiphysis.",
            "laterality",
            "Right",
            "Bilateral",
        ),
    ],
)
def test_extension_and_slipped_epiphysis_changes_are_flagged(
    verifier, source, report, kind, source_words, report_words
):
    found = [w for w in verifier.verify(source, report) if w["type"] == kind]
    assert found, verifier.verify(source, report)
    warning = found[0]
    assert source[slice(*warning["source_span"])] == source_words
    assert report[slice(*warning["report_span"])] == report_words


def test_a_diagnosis_offered_to_explain_dictated_findings_is_not_an_insertion(verifier):
    source = "Loss of gray-white differentiation in the left insula. No hemorrhage."
    report = (
        "FINDINGS:\nLoss of gray-white differentiation in the left insula. No hemorrhage.\n\n"
        "IMPRESSION:\nFindings consistent with early left MCA territory infarct."
    )
    assert types_raised(verifier, source, report) == set()


def test_a_finding_word_used_as_a_heading_is_not_an_insertion(verifier):
    source = "No lymphadenopathy. Small left pleural effusion."
    report = "Lymph nodes: No lymphadenopathy.\nPleura: Small left pleural effusion."
    assert types_raised(verifier, source, report) == set()


def test_an_organ_called_enlarged_partners_its_megaly(verifier):
    source = "Liver measures 17.5 cm, enlarged. No focal lesion."
    report = "FINDINGS:\nHepatomegaly, liver 17.5 cm. No focal hepatic lesion."
    assert types_raised(verifier, source, report) == set()


def test_a_dotted_capital_i_does_not_silence_a_negation_change(verifier):
    source = "Discussed with Dr. İnan. No pleural effusion."
    report = "Discussed with Dr. İnan. Small pleural effusion."
    warnings = verifier.verify(source, report)
    assert [w["type"] for w in warnings] == ["negation"]
    start, end = warnings[0]["report_span"]
    assert report[start:end] == "pleural effusion"


def test_not_significant_is_a_denial_that_an_affirmed_finding_contradicts(verifier):
    source = "Pleural effusions are not significant. Mild reticulation."
    report = "Mild reticulation. Small pleural effusions."
    _assert_one_warning(
        verifier, source, report, "negation", ("Pleural effusions", "pleural effusions")
    )


# ---------------------------------------------------------------- corpus targets


def test_the_corpus_has_the_required_size_and_mix(corpus):
    dev = [p for p in corpus if p.split == "dev"]
    errors = [p for p in corpus if p.expected]
    assert len(dev) >= 150
    assert 0.30 <= sum(1 for p in dev if not p.expected) / len(dev) <= 0.40
    assert sum(1 for p in errors if p.hard) >= len(errors) / 2
    assert {p.modality for p in dev} >= {"CT", "MR", "XR", "US"}
    assert len({p.id for p in corpus}) == len(corpus)
    assert sum(1 for p in corpus if p.split == "heldout") >= 30
    assert all(set(p.expected) <= set(TYPES) for p in corpus)


@pytest.mark.parametrize(
    "part, min_recall, max_fp",
    [("whole", 0.95, 0.05), ("hard", 0.90, 0.10)],
)
def test_recall_and_false_positive_rate_meet_the_targets_on_the_dev_corpus(
    outcomes, part, min_recall, max_fp
):
    dev = [o for o in outcomes if o.pair.split == "dev" and (part == "whole" or o.pair.hard)]
    result = scores(dev)
    assert meets(result, min_recall, max_fp), result


def test_the_held_out_slice_meets_the_hard_part_targets(outcomes):
    held = [o for o in outcomes if o.pair.split == "heldout"]
    result = scores(held)
    assert meets(result, 0.90, 0.10), result


# ---------------------------------------------------------------- measurements


@pytest.mark.parametrize(
    "text, dim, values",
    [
        ("3.2 x 2.1 cm mass", "length", (32.0, 21.0)),
        ("18 mm", "length", (18.0,)),
        ("1.8 cm", "length", (18.0,)),
        ("4.0 x 3.0 x 2.5 cm", "length", (40.0, 30.0, 25.0)),
        ("5-mm nodule", "length", (5.0,)),
        ("2.1 cm x 1.5 cm", "length", (21.0, 15.0)),
        ("48 mL", "volume", (48.0,)),
        ("48 cc", "volume", (48.0,)),
        ("8 Hounsfield units", "density", (8.0,)),
        ("245 cm/s", "velocity", (245.0,)),
        ("70 to 99% stenosis", "percent", (70.0, 99.0)),
        ("24 degrees", "angle", (24.0,)),
        ("165 bpm", "rate", (165.0,)),
        ("RV/LV ratio 1.4", "ratio", (1.4,)),
        ("S/D 3.2", "ratio", (3.2,)),
        ("ICA/CCA 1.3", "ratio", (1.3,)),
        ("RAR 4.6", "ratio", (4.6,)),
        ("RI 0.68", "ratio", (0.68,)),
        ("Tmax >6 s", "time", (6.0,)),
        ("90 seconds", "time", (90.0,)),
        ("alpha angle 62 deg", "angle", (62.0,)),
        ("T-score -2.7", "t_score", (-2.7,)),
        ("femoral neck: T -2.1", "t_score", (-2.1,)),
        ("Z-score of +0.3", "z_score", (0.3,)),
        ("Agatston score 412", "calcium_score", (412.0,)),
        ("ICA PSV 112", "velocity", (112.0,)),
        ("nodule prev 2.3 cm", "length:prior", (23.0,)),
    ],
)
def test_measurements_are_parsed_into_base_units(text, dim, values):
    (m,) = extract_measurements(text)
    assert (m.dim, m.values) == (dim, values)


def test_a_ratio_worked_out_from_dictated_values_is_no_new_measurement(verifier):
    source = "Renal artery PSV 180 cm/s; iliac artery PSV 110 cm/s."
    report = "Renal artery PSV 180 cm/s; iliac artery PSV 110 cm/s (ratio approximately 1.6)."
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    "text",
    [
        "series 4 image 87 on 03/14/2023",
        "Disc bulge at L4-L5 and C5-6, compression of T12, L5-S1 narrowing.",
        "BI-RADS 4. PI-RADS 3. LI-RADS 5. TI-RADS 2. Grade 2 chondromalacia.",
        "2 o'clock, follow-up in 3 months, 8 weeks 6 days.",
        "HCC seg 6 s/p TACE. T2 hyperintense. CALCIUM SCORE\n55M.",
    ],
)
def test_dates_series_levels_and_categories_are_not_measurements(text):
    assert extract_measurements(text) == []


@pytest.mark.parametrize(
    "source, report",
    [
        ("18 mm nodule in the left lower lobe.", "1.8 cm nodule in the left lower lobe."),
        ("Spleen measures 2.0 cm.", "Spleen measures 2 cm."),
        ("Mass measures 3.2 x 2.1 cm.", "Mass measures 32 x 21 mm."),
        ("Prostate volume 48 mL.", "Prostate volume 48 cc."),
        ("Mass 3.4 x 3.0 x 2.8 cm.", "Mass 3.4 x 3.0 x 2.8 cm. Impression: 3.4 cm mass."),
        ("R ICA PSV 112, EDV 30.", "Right internal carotid artery PSV 112 cm/s, EDV 30 cm/s."),
        ("Lobe 6.2 cm (prev 6.0 cm).", "Lobe 6.2 cm (previously 6.0 cm)."),
        ("Hip: T -1.6.", "Hip: T-score -1.6."),
        ("Agatston: LAD 98. Total 142.", "Total calcium score of 142."),
        ("Alpha angle 62 deg.", "Alpha angle 62\u00b0."),
    ],
)
def test_equal_values_in_other_units_or_forms_are_not_flagged(verifier, source, report):
    assert verifier.verify(source, report) == []


@pytest.mark.parametrize(
    "source, report",
    [
        ("8 mm nodule.", "8 cm nodule."),
        ("Cyst measuring 3.1 cm.", "Cyst measuring 3.1 mm."),
        ("Mass measuring 3.2 x 2.1 cm.", "Mass measuring 3.2 x 2.4 cm."),
        ("Mass measuring 3.4 x 3.0 x 2.8 cm.", "Mass measuring 3.4 x 3.0 x 2.3 cm."),
        ("Aneurysm 4.8 cm.", "Aneurysm 4.3 cm."),
        ("Small nodule in the right lower lobe.", "4 mm nodule in the right lower lobe."),
        ("RV/LV ratio 1.4, right heart strain.", "RV/LV ratio 1.1, right heart strain."),
        ("Tmax >6 s volume 45 mL.", "Tmax >10 s volume 45 mL."),
        ("Lumbar spine T -1.4. Hip T -2.1.", "Lumbar spine T-score -2.4. Hip T-score -2.1."),
        ("Agatston: LAD 98. Total 412.", "Total calcium score of 142."),
    ],
)
def test_changed_missing_or_new_measurements_are_flagged(verifier, source, report):
    assert "measurement" in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    "source, report",
    [
        (
            "4 mm nodule in the right middle lobe and 7 mm nodule in the left upper lobe.",
            "7 mm nodule in the right middle lobe and 4 mm nodule in the left upper lobe.",
        ),
        (
            "Right kidney measures 10.8 cm. Left kidney measures 11.6 cm.",
            "Right kidney measures 11.6 cm. Left kidney measures 10.8 cm.",
        ),
        (
            "Subdural hematoma 9 mm thick with 4 mm midline shift.",
            "Subdural hematoma 4 mm thick with 9 mm midline shift.",
        ),
        (
            "LI-RADS 5 observation in segment 8 measuring 2.3 cm. LI-RADS 3 observation in "
            "segment 6 measuring 1.2 cm.",
            "LI-RADS 5 observation in segment 8 measuring 1.2 cm. LI-RADS 3 observation in "
            "segment 6 measuring 2.3 cm.",
        ),
    ],
)
def test_sizes_swapped_between_findings_are_flagged(verifier, source, report):
    assert "measurement" in types_raised(verifier, source, report)


# ---------------------------------------------------------------- laterality


@pytest.mark.parametrize(
    "source, report",
    [
        ("Lt lower lobe nodule.", "Left lower lobe nodule."),
        ("Rt knee effusion.", "Right knee effusion."),
        ("R hip fracture.", "Right hip fracture."),
        ("Left-sided pleural effusion.", "Pleural effusion on the left."),
        ("Bilateral pleural effusions.", "Pleural effusions on both sides."),
        ("Pleural effusions bilaterally.", "Bilateral pleural effusions."),
        ("RUL nodule, 6 mm.", "6 mm right upper lobe nodule."),
        ("LEFT KNEE:\nMedial meniscus tear.", "Tear of the left medial meniscus."),
        ("Right ankle. Fracture of the lateral malleolus.", "Right lateral malleolus fracture."),
        ("Transition point in the right lower quadrant.", "Right lower quadrant transition point."),
        ("The left ventricle is dilated.", "Dilated left ventricle. Normal right atrium."),
        ("Disc protrusion at L4-L5 contacting the L5 root.", "L4-L5 protrusion, L5 root contact."),
    ],
)
def test_equivalent_ways_of_stating_a_side_are_not_flagged(verifier, source, report):
    assert "laterality" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    "source, report",
    [
        ("Small left pleural effusion.", "Small right pleural effusion."),
        ("Left effusion. Right nodule.", "Right effusion. Left nodule."),
        ("Bilateral pleural effusions.", "Left pleural effusion."),
        ("Right pleural effusion.", "Bilateral pleural effusions."),
        ("Fractures of the left 5th and 6th ribs.", "Fractures of the 5th and 6th ribs."),
        ("Free fluid in the right upper quadrant.", "Free fluid in the left upper quadrant."),
        (
            "Leads in the right atrium and right ventricle.",
            "Leads in the right atrium and left " "ventricle.",
        ),
        ("LEFT KNEE:\nMedial meniscus tear.", "Tear of the medial meniscus of the right knee."),
        (
            "Moderate right effusion. Small left effusion.",
            "Moderate left effusion. Small right " "effusion.",
        ),
        (
            "C5-6: severe bilateral foraminal stenosis. C6-7: mild left foraminal stenosis.",
            "C5-6: severe right foraminal stenosis. C6-7: mild left foraminal stenosis.",
        ),
        (
            "Right testis normal. Left testis with decreased flow, concerning for torsion.",
            "Right testis with decreased flow, concerning for torsion. Left testis normal.",
        ),
    ],
)
def test_side_changes_swaps_and_lost_bilaterality_are_flagged(verifier, source, report):
    assert "laterality" in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    "source, report",
    [
        # A capital L or R in the finding's sentence, or in the exam title, names the side.
        (
            "Lesion L PZ posterolateral, 11 mm.",
            "An 11 mm lesion in the left posterolateral peripheral zone.",
        ),
        (
            "XR L WRIST 3V\nIMP: Distal radius fx.",
            "EXAMINATION: Left wrist radiographs.\nIMPRESSION: Fracture of the distal left radius.",
        ),
        # "X is not significant" denies X as "no significant X" does.
        (
            "There is no significant ground-glass opacity. Mild reticulation.",
            "Mild reticulation. Ground-glass opacity is not significant.",
        ),
    ],
)
def test_faithful_rewrites_of_letter_sides_and_not_significant_raise_nothing(
    verifier, source, report
):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    "source, quoted",
    [
        # "PZ" names the peripheral zone, so the warning points at the side given to it.
        ("Lesion R PZ posterolateral, 11 mm.", "R"),
        ("Lesion at L4 PZ posterolateral, 11 mm.", "Lesion"),
    ],
)
def test_a_letter_of_the_other_side_or_a_level_does_not_name_the_side(verifier, source, quoted):
    report = "An 11 mm lesion in the left posterolateral peripheral zone."
    _assert_one_warning(verifier, source, report, "laterality", (quoted, "left"))


# ---------------------------------------------------------------- negation


@pytest.mark.parametrize(
    "source, report",
    [
        ("No evidence of pneumothorax.", "No pneumothorax."),
        ("Negative for fracture.", "No fracture."),
        ("Abdomen free of free fluid.", "No free fluid."),
        ("Previously seen effusion has resolved.", "Resolved effusion."),
        ("Pneumothorax is absent.", "No pneumothorax."),
        ("Effusion is not seen.", "No effusion."),
        (
            "No consolidation, pleural effusion, or pneumothorax.",
            "No consolidation. No " "pleural effusion. No pneumothorax.",
        ),
        ("Cannot exclude early pneumonia.", "Possible early pneumonia."),
        ("Stable 4 mm nodule. No new nodules.", "Stable 4 mm nodule. No new pulmonary nodules."),
        ("No change in the 4 mm nodule.", "Unchanged 4 mm nodule."),
        ("3.1 cm cyst, likely physiologic.", "3.1 cm likely physiologic cyst."),
        (
            "Opacity, atelectasis versus consolidation.",
            "Opacity. Atelectasis versus " "consolidation.",
        ),
        ("Pleura: No effusion.", "No pleural effusion."),
    ],
)
def test_equivalent_negations_and_hedges_are_not_flagged(verifier, source, report):
    assert "negation" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    "source, report",
    [
        ("No pneumothorax or effusion.", "No pneumothorax. Small effusion."),
        ("Small effusion without pneumothorax.", "Small pneumothorax without effusion."),
        ("Cannot exclude early pneumonia.", "No pneumonia."),
        ("Phlegmon, cannot exclude early abscess.", "Phlegmon without abscess."),
        ("Possible small effusion.", "Small effusion."),
        ("Pneumothorax has resolved.", "Small pneumothorax."),
        ("No free air.", "Free intraperitoneal air."),
        ("No acute fracture. Old rib fracture.", "Acute fracture. Old rib fracture."),
        ("Medial and lateral menisci intact.", "Tear of the medial meniscus."),
        ("ACL intact.", "Tear of the anterior cruciate ligament."),
        ("No pulmonary embolism.", "Pulmonary embolism is not excluded."),
        ("Tendinosis without tear.", "Tendinosis with partial-thickness tear."),
    ],
)
def test_negation_scope_moves_and_certainty_changes_are_flagged(verifier, source, report):
    assert "negation" in types_raised(verifier, source, report)


def test_indication_sentences_are_hypothetical_and_not_compared_for_negation(verifier):
    source = "INDICATION: evaluate for pneumothorax.\nFINDINGS: No pneumothorax."
    report = "INDICATION: Rule out pneumothorax.\n\nFINDINGS:\nNo pneumothorax."
    assert verifier.verify(source, report) == []


# ---------------------------------------------------------------- segmentation


def test_headings_and_inline_sections_are_split_from_their_sentences():
    text = "LEFT KNEE:\nSmall effusion. Impression: meniscal tear.\nL4-L5: disc bulge."
    sentences = segment(text)
    labels = [text[s.start : s.end] for s in sentences if s.is_label]
    body = [text[s.start : s.end] for s in sentences if not s.is_label]
    assert labels == ["LEFT KNEE", "L4-L5"]
    assert body == ["Small effusion.", "meniscal tear.", "disc bulge."]
    assert [s.section for s in sentences if not s.is_label] == ["body", "impression", "impression"]


# ---------------------------------------------------------------- kinds named in the v2 issue

KINDS = [
    (
        "laterality",
        "Right MCA territory infarct with contralateral (left) hemiparesis. "
        "Small ipsilateral subdural hematoma.",
        "FINDINGS:\nRight MCA territory infarct. Small contralateral subdural hematoma.",
    ),
    (
        "laterality",
        "Bilateral pleural effusions, small.",
        "FINDINGS:\nSmall left pleural effusion.",
    ),
    (
        "laterality",
        "Midline shift of 5 mm. Right frontal hematoma.",
        "FINDINGS:\nRight frontal hematoma with 5 mm leftward midline shift.",
    ),
    ("negation", "Absent flow in the right testis.", "FINDINGS:\nFlow in the right testis."),
    (
        "negation",
        "Gallbladder without wall thickening. Cholelithiasis.",
        "FINDINGS:\nGallbladder with wall thickening. Cholelithiasis.",
    ),
    (
        "negation",
        "No pneumothorax. Small left pleural effusion.",
        "FINDINGS:\nPneumothorax. No small left pleural effusion.",
    ),
    ("negation", "Early appendicitis cannot be excluded.", "FINDINGS:\nNo appendicitis."),
    ("negation", "No appendicitis.", "FINDINGS:\nAppendicitis cannot be excluded."),
    ("measurement", "Nodule 8 mm, previously 6 mm.", "FINDINGS:\nNodule 6 mm, previously 8 mm."),
    (
        "measurement",
        "Right kidney 11.2 cm. Left kidney 10.1 cm.",
        "FINDINGS:\nRight kidney 10.1 cm. Left kidney 11.2 cm.",
    ),
    ("measurement", "Liver 15 cm. Spleen 11 cm.", "FINDINGS:\nLiver 11 cm. Spleen 15 cm."),
    ("measurement", "Cyst 2 cm and nodule 5 mm.", "FINDINGS:\nCyst 2 mm and nodule 5 cm."),
    (
        "",
        "L4-L5 left paracentral disc protrusion contacting the traversing left L5 nerve root.",
        "FINDINGS:\nL4-L5: Left paracentral disc protrusion contacts the traversing left L5 "
        "nerve root.",
    ),
    (
        "",
        "Mild dextroconvex scoliosis.",
        "FINDINGS:\nMild dextroconvex curvature of the thoracolumbar spine.",
    ),
    (
        "",
        "Previously seen right pleural effusion has cleared, no residual.",
        "FINDINGS:\nResolved right pleural effusion.",
    ),
    ("", "The bladder is unremarkable.", "FINDINGS:\nThe bladder is normal."),
    (
        "",
        "Lungs are clear bilaterally. No pleural effusion or pneumothorax on either side.",
        "FINDINGS:\nThe right and left lungs are clear. No right or left pleural effusion. "
        "No pneumothorax.",
    ),
    (
        "",
        "Stent in the left anterior descending artery. Right coronary artery is patent.",
        "FINDINGS:\nLAD stent. Patent RCA.",
    ),
]


@pytest.mark.parametrize(("expected", "source", "report"), KINDS)
def test_each_kind_of_change_raises_its_type_and_each_faithful_kind_raises_nothing(
    verifier, expected, source, report
):
    raised = types_raised(verifier, source, report)
    assert (expected in raised) if expected else raised == set()


def _whole_words(text: str, span: list[int]) -> bool:
    start, end = span
    inside = text[start:end]
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (
        bool(inside.strip())
        and inside == inside.strip()
        and not (before.isalnum() and inside[0].isalnum())
        and not (after.isalnum() and inside[-1].isalnum())
    )


def test_every_warning_on_the_corpus_points_at_whole_words_in_each_text_it_names(verifier, corpus):
    checked = 0
    for pair in corpus:
        for w in verifier.verify(pair.source, pair.report):
            assert w["source_span"] or w["report_span"], (pair.id, w)
            if w["type"] == "omission":
                assert w["report_span"] is None, (pair.id, w)
            if w["type"] == "insertion":
                assert w["source_span"] is None, (pair.id, w)
            for span, text in ((w["source_span"], pair.source), (w["report_span"], pair.report)):
                if span is not None:
                    assert _whole_words(text, span), (pair.id, w, text[span[0] : span[1]])
                    checked += 1
    assert checked > 200


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Observation in segment 4a and seg 7.", ["segment:4a", "segment:7"]),
        ("Segment IVb lesion.", ["segment:4b"]),
        ("Fractures of the L2 and L3 transverse processes.", ["level:L2-3"]),
        # A slip of one vertebra on the next names one motion segment.
        ("Anterolisthesis of L4 on L5 with pars defects.", ["level:L4-5"]),
        ("Retrolisthesis L5 on S1.", ["level:L5-S1"]),
        # T1 and T2 before a signal word are MRI sequences, not vertebrae.
        ("Two new T2 hyperintense lesions, T1 and T2 hyperintense.", []),
        ("T2/FLAIR signal, T1-weighted images and T2* blooming.", []),
        ("T2 vertebral body fracture.", ["level:T2"]),
        ("Type II odontoid fracture; the atlas is intact.", ["level:C2", "level:C1"]),
        ("Fracture of the second metatarsal.", ["bone:metatarsal:2"]),
        # Two numbered bones in one sentence: neither is kept (the nearest would name one).
        ("Fractures of the fifth and sixth ribs.", []),
    ],
)
def test_places_that_identify_a_finding_are_read(text, places):
    assert [place for _start, _end, place in find_locations(text)] == places


# ------------------------------------------- oncology restaging and pediatric vocabulary


def _quoted(verifier: Verifier, source: str, report: str, kind: str) -> set[tuple]:
    """The words each warning of this type points at: (source words, report words)."""
    return {
        (
            source[w["source_span"][0] : w["source_span"][1]] if w["source_span"] else None,
            report[w["report_span"][0] : w["report_span"][1]] if w["report_span"] else None,
        )
        for w in verifier.verify(source, report)
        if w["type"] == kind
    }


@pytest.mark.parametrize(
    ("kind", "source", "report", "words"),
    [
        (
            "negation",
            "Bladder trabeculated, no diverticula.",
            "The bladder is trabeculated with diverticula.",
            ("diverticula", "diverticula"),
        ),
        (
            "negation",
            "Small volume GER to distal esophagus.",
            "No gastroesophageal reflux was observed.",
            ("GER", "gastroesophageal reflux"),
        ),
        (
            "negation",
            "R VUR grade III.",
            "No right vesicoureteral reflux.",
            ("VUR", "vesicoureteral reflux"),
        ),
        (
            "negation",
            "Hirschsprung less likely but not excluded.",
            "No evidence of Hirschsprung disease.",
            ("Hirschsprung", "Hirschsprung disease"),
        ),
        (
            "negation",
            "EMVI negative.",
            "Extramural venous invasion persists.",
            ("EMVI", "Extramural venous invasion"),
        ),
        (
            "negation",
            "New opacities, could reflect pneumonitis.",
            "New opacities consistent with pneumonitis.",
            ("pneumonitis", "pneumonitis"),
        ),
        (
            "laterality",
            "Consolidation with silhouetting of R heart border.",
            "Consolidation with silhouetting of the left heart border.",
            ("R heart border", "left heart border"),
        ),
        (
            "omission",
            "L adrenal primary: mild residual uptake. Persistent focal uptake L proximal femur.",
            "Mild residual uptake in the left adrenal primary.",
            ("focal uptake", None),
        ),
        (
            "negation",
            "Focal splenic uptake, SUVmax 7.2, concerning for splenic involvement.",
            "Spleen: Normal in size without focal FDG uptake.",
            ("uptake", "focal FDG uptake"),
        ),
        (
            "negation",
            "No pulm infarct.",
            "Pulmonary infarct.",
            ("pulm infarct", "Pulmonary infarct"),
        ),
        (
            "negation",
            "No significant PVR.",
            "Significant post-void residual.",
            ("PVR", "post-void residual"),
        ),
        (
            "insertion",
            "L4-5: mild bulge, no stenosis.",
            "L4-L5: mild disc bulge with an annular fissure. No stenosis.",
            (None, "annular fissure"),
        ),
        (
            "negation",
            "No malformation of cortical development.",
            "Malformation of cortical development in the left frontal lobe.",
            ("malformation of cortical development", "Malformation of cortical development"),
        ),
        (
            "omission",
            "Stable MS lesion burden. Mild volume loss.",
            "Mild volume loss.",
            ("MS lesion", None),
        ),
        (
            "negation",
            "Acute C6 laminar fracture.",
            "No C6 laminar fracture; CT angiography is not required.",
            ("fracture", "fracture"),
        ),
        (
            "omission",
            "Septum midline. L concha bullosa.",
            "Nasal cavity: Midline nasal septum.",
            ("concha bullosa", None),
        ),
        (
            "insertion",
            "Ventricle size unchanged.",
            "Ventricles: Size unchanged. Mild thinning of the corpus callosum.",
            (None, "thinning"),
        ),
        (
            "insertion",
            "No discrete nodule.",
            "Punctate echogenic foci with comet-tail artefact. No discrete nodule.",
            (None, "comet-tail artefact"),
        ),
    ],
)
def test_oncology_and_pediatric_vocabulary_is_read_and_quoted(
    verifier, kind, source, report, words
):
    assert words in _quoted(verifier, source, report, kind)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        ("Lungs hyperinflated.", "The lungs are hyperexpanded."),
        (
            "Symmetric periosteal new bone, c/w physiologic periostitis.",
            "Symmetric periosteal reaction, physiologic at this age.",
        ),
        (
            "Post-op changes R cerebellar hemisphere.",
            "Postoperative changes in the right cerebellum.",
        ),
        ("Post surgical change R calf.", "Postsurgical changes in the right calf."),
        ("L UPJ obstruction pattern.", "Obstructive drainage pattern at the left UPJ."),
        ("R VUR grade III. No L VUR.", "Right vesicoureteral reflux, grade III. Left: no reflux."),
        ("R lateral ventricle atrium 6 mm.", "The right lateral ventricular atrium measures 6 mm."),
        ("Peribronchial thickening bilat.", "Bilateral peribronchial thickening."),
        ("Healing R distal tibial CML.", "Healing classic metaphyseal lesion of the right tibia."),
        (
            "C4-5: new DOC. C6-7: mild bulge.",
            "C4-C5: new disc-osteophyte complex. C6-C7: disc bulge.",
        ),
        ("Stable MS lesion burden.", "Stable multiple sclerosis lesion burden."),
        ("L frontal FCD type IIb.", "Focal cortical dysplasia of the left frontal lobe, type IIb."),
        ("Small T7 hemangioma.", "Small haemangioma in the T7 vertebral body."),
        ("No subdural hematoma or edema.", "No subdural haematoma or oedema."),
        (
            "L5-S1 protrusion with annular fissure.",
            "L5-S1 disc protrusion with an annular tear.",
        ),
    ],
)
def test_pediatric_and_oncology_synonyms_and_abbreviations_raise_nothing(verifier, source, report):
    assert verifier.verify(source, report) == []


@pytest.mark.parametrize(
    ("text", "written", "dim", "values"),
    [
        # A prior size in parentheses borrows the unit of the size it follows.
        ("liver seg 7 23 x 18 mm (prior 31 x 25)", "31 x 25", "length:prior", (31.0, 25.0)),
        ("LUL primary 2.8 x 2.0 cm (prior 3.6 x 2.7)", "3.6 x 2.7", "length:prior", (36.0, 27.0)),
        ("L hilar node 11 mm SA (prior 16)", "16", "length:prior", (16.0,)),
        ("Sum 65 mm (prior 63), +3%", "63", "length:prior", (63.0,)),
        # Every value of a parenthesis opened by a prior cue is prior, past its commas.
        ("node 1.6 cm, SUVmax 8.9 (prior 1.0 cm, SUV 4.2)", "4.2", "suv:prior", (4.2,)),
        ("liver SUV is 2.6", "2.6", "suv", (2.6,)),
        # Axis names between the dimensions keep them one size.
        (
            "measures 24 mm anteroposterior x 13 mm transverse x 30 mm craniocaudal",
            "24 mm anteroposterior x 13 mm transverse x 30 mm",
            "length",
            (24.0, 13.0, 30.0),
        ),
    ],
)
def test_restaging_sizes_priors_and_uptake_values_are_read(text, written, dim, values):
    found = {text[m.start : m.end]: (m.dim, m.values) for m in extract_measurements(text)}
    assert found[written] == (dim, values)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("T6-7 L paracentral protrusion. L renal cyst 2.3 cm.", ["2.3 cm"]),
        ("C5-6 R foraminal stenosis, 4 mm anterolisthesis.", ["4 mm"]),
        ("L4 - 5 L facet effusion 6 mm.", ["6 mm"]),
    ],
)
def test_a_side_letter_after_a_disc_level_is_no_unit(text, written):
    assert [text[m.start : m.end] for m in extract_measurements(text)] == written


def test_a_disc_level_with_a_side_letter_reworded_raises_nothing(verifier):
    source = "Discs: T6-7 small L paracentral protrusion, no cord contact."
    report = "Discs: Small left paracentral disc protrusion at T6-T7 without cord contact."
    assert verifier.verify(source, report) == []


@pytest.mark.parametrize(
    ("source", "report"),
    [
        (
            "Target lesions: 1. liver seg 7 23 x 18 mm (prior 31 x 25). "
            "2. RLL nodule 8 mm (prior 11).",
            "Target lesions: 1. Hepatic segment 7 lesion: 2.3 x 1.8 cm (previously 3.1 x 2.5 cm). "
            "2. Right lower lobe nodule: 0.8 cm (previously 1.1 cm).",
        ),
        (
            "R inguinal node 1.6 cm, SUVmax 8.9 (prior 1.0 cm, SUV 4.2).",
            "A right inguinal node has grown to 16 mm with SUVmax 8.9, previously 10 mm with "
            "SUVmax 4.2.",
        ),
        (
            "Mediastinal blood pool SUV 1.8, liver SUV 2.6.",
            "Mediastinal blood pool SUV is 1.8 and liver SUV is 2.6.",
        ),
        (
            "Fluid collection 2.4 x 1.3 x 3.0 cm (AP x TR x CC). IMP: abscess 2.4 x 1.3 x 3.0 cm.",
            "A fluid collection measures 24 mm anteroposterior x 13 mm transverse x 30 mm "
            "craniocaudal. IMPRESSION: Abscess measuring 24 x 13 x 30 mm.",
        ),
        # A bare prior after a named value is a value of that kind.
        (
            "RUL mass SUVmax 3.2 (prev 11.6).",
            "Right upper lobe mass with SUVmax 3.2, decreased from SUVmax 11.6 previously.",
        ),
    ],
)
def test_restaging_priors_and_converted_sizes_raise_nothing(verifier, source, report):
    assert verifier.verify(source, report) == []


def test_a_changed_unitless_prior_size_is_flagged_at_both_values(verifier):
    source = "RLL nodule 8 mm (prior 11)."
    report = "Right lower lobe nodule measures 0.8 cm (previously 1.4 cm)."
    assert ("11", "1.4 cm") in _quoted(verifier, source, report, "measurement")


def test_a_changed_bare_prior_of_a_named_value_is_flagged_at_both_values(verifier):
    source = "RUL mass SUVmax 3.2 (prev 11.6)."
    report = "Right upper lobe mass with SUVmax 3.2, previously SUVmax 7.6."
    assert ("11.6", "7.6") in _quoted(verifier, source, report, "measurement")


def test_a_value_named_before_of_keeps_its_name_in_a_swap(verifier):
    source = "Channel length 19 mm. Pyloric transverse diameter 14 mm."
    report = (
        "The channel length measures 1.4 cm, and the transverse diameter of the pylorus is 1.9 cm."
    )
    assert ("19 mm", "1.4 cm") in _quoted(verifier, source, report, "measurement")


def test_sizes_listed_by_place_are_swapped_between_places(verifier):
    source = "Multiple nodules w/ surrounding halo, largest LUL 2.2 cm and RLL 1.4 cm."
    report = (
        "Multiple nodules with surrounding halos. The largest are in the left upper lobe, "
        "measuring 1.4 cm, and the right lower lobe, measuring 2.2 cm."
    )
    assert ("2.2 cm", "1.4 cm") in _quoted(verifier, source, report, "measurement")


def test_dropped_calcs_at_a_lumpectomy_bed_are_an_omission_at_the_dictated_word(verifier):
    source = (
        "R breast: Coarse dystrophic calcs at lumpectomy bed. Stable oil cyst.\n"
        "L breast: no suspicious mass, calcs, or distortion."
    )
    report = (
        "Right breast: A stable oil cyst is present.\n"
        "Left breast: No suspicious mass, calcifications, or architectural distortion."
    )
    assert ("calcs", None) in _quoted(verifier, source, report, "omission")


@pytest.mark.parametrize(
    ("source", "report"),
    [
        (
            "Small amt trapped fluid within intussusception. No free fluid.",
            "A small amount of fluid is trapped within the intussusception. There is no free "
            "intraperitoneal fluid.",
        ),
        # The draft names the measured thing: the size says it is the dictated one.
        (
            "Target sign RUQ, 3.2 cm diameter, c/w intussusception.",
            "A target-shaped mass in the right upper quadrant measures 3.2 cm, consistent with "
            "intussusception.",
        ),
        # What became of a finding is no finding of its own.
        (
            "Enlarging R inguinal node 1.6 cm.",
            "A right inguinal lymph node has enlarged to 16 mm.",
        ),
    ],
)
def test_renamed_fluid_sized_lesions_and_changes_of_a_finding_raise_nothing(
    verifier, source, report
):
    assert verifier.verify(source, report) == []


def test_a_lesion_word_with_a_size_nobody_dictated_is_still_an_insertion(verifier):
    source = "Target sign RUQ, 3.2 cm diameter, c/w intussusception."
    report = (
        "Intussusception in the right upper quadrant, 3.2 cm. A separate 1.1 cm mass in the "
        "left lower quadrant."
    )
    assert (None, "mass") in _quoted(verifier, source, report, "insertion")


def test_a_denial_of_other_findings_does_not_answer_for_a_dropped_one(verifier):
    source = "L lateral 5th and 6th rib fx, now visible w/ callus. No other new fx."
    report = "No other new fractures are identified."
    assert ("fx", None) in _quoted(verifier, source, report, "omission")


def test_a_finding_added_beside_a_kept_denial_of_others_is_an_insertion(verifier):
    source = "No pulm nodules. No pulmonary mets."
    report = (
        "A new 2 mm calcified nodule in the left upper lobe is likely a granuloma. "
        "No other pulmonary nodules. No pulmonary metastatic disease."
    )
    assert (None, "nodule") in _quoted(verifier, source, report, "insertion")


# ---------------------------------------------------------------- a day's mixed worklist

WORKLIST_CHANGES = [
    # A finding said as a predicate ("the wall is thickened") is the finding itself.
    (
        "negation",
        "No gallbladder wall thickening. Cholelithiasis.",
        "Cholelithiasis. The gallbladder wall is thickened.",
        ("wall thickening", "wall is thickened"),
    ),
    # A "non" prefix fused to the finding word denies it.
    (
        "negation",
        "Purulent fluid aspirated from the collection.",
        "Nonpurulent fluid was aspirated from the collection.",
        ("Purulent fluid", "Nonpurulent fluid"),
    ),
    (
        "negation",
        "Non-purulent material drained.",
        "Purulent material drained.",
        ("purulent material", "Purulent material"),
    ),
    (
        "omission",
        "Small SASD bursal fluid. Infraspinatus tendinosis.",
        "Infraspinatus tendinosis.",
        ("bursal fluid", None),
    ),
    # Vascular words a stroke or portal hypertension report turns on.
    (
        "omission",
        "Left M1 occlusion. Robust collaterals over the left MCA territory.",
        "Left M1 occlusion.",
        ("collaterals", None),
    ),
    (
        "insertion",
        "Hepatic veins patent. Splenomegaly.",
        "Hepatic veins are patent. Recanalized paraumbilical vein. Splenomegaly.",
        (None, "Recanalized paraumbilical vein"),
    ),
    # The disease a screening looks for is not asserted, but a found one still is.
    (
        "negation",
        "US aorta, AAA screening. Infrarenal AAA.",
        "Ultrasound of the aorta for AAA screening. No AAA.",
        ("AAA", "AAA"),
    ),
    # The mention at the finding's own joint answers for its side, not one at a wider place.
    (
        "laterality",
        "Moderate glenohumeral OA bilaterally. AC joint degenerative changes bilaterally.",
        "Glenohumeral joints: Moderate osteoarthritis bilaterally.\nAcromioclavicular joints: "
        "Degenerative changes of the left acromioclavicular joint.",
        ("bilaterally", "left"),
    ),
    # A hedge after a qualified denial is about the kind denied; dropping it is a change.
    (
        "negation",
        "No definite acute infarct, although a small posterior circulation infarct cannot be "
        "excluded.",
        "No acute infarct.",
        ("infarct", "infarct"),
    ),
    # A time point names the value beside it, before ("4 hr 28%") or after ("28% at 4 hours").
    (
        "measurement",
        "Uptake: 4 hr 28%, 24 hr 62%. Imp: 24 hr uptake 62%.",
        "Uptake: 62% at 4 hours and 28% at 24 hours. Impression: 24-hour uptake of 62%.",
        ("28%", "62%"),
    ),
    (
        "measurement",
        "Gastric emptying: retention 60% at 1 hr, 30% at 2 hr, 5% at 4 hr.",
        "Gastric emptying: retention at 1 hour 30%, at 2 hours 60%, and at 4 hours 5%.",
        ("60%", "30%"),
    ),
    # "Normal ventilation" names the absence of a ventilation defect.
    (
        "negation",
        "Large perfusion defects RLL with normal ventilation.",
        "Large perfusion defects in the right lower lobe with corresponding ventilation defects.",
        ("normal ventilation", "ventilation defects"),
    ),
    # Sides graded apart ("severe R and mild L") are one finding per side with its grade.
    (
        "laterality",
        "C5-6: severe R and mild L neural foraminal stenosis.",
        "C5-C6: Severe left and mild right neural foraminal stenosis.",
        ("R", "left"),
    ),
    # A lesion's size kept only as another structure's equal value: the lesion was dropped.
    (
        "omission",
        "Liver: 2 hypodensities, seg 7 1.2 cm and seg 4a 0.6 cm. CBD 6 mm.",
        "Liver: 1.2 cm hypodensity in segment 7. Common bile duct measures 0.6 cm.",
        ("hypodensities", None),
    ),
    # A side before levels reaches the paired structure after them.
    (
        "laterality",
        "Nondisplaced fractures of the right L2 and L3 transverse processes.",
        "Nondisplaced fractures of the left transverse processes of L2 and L3.",
        ("right", "left"),
    ),
    # A nutrient foramen is the alternative offered, not the place of the fracture.
    (
        "negation",
        "Lucency at the base of the right C7 transverse process, nutrient foramen versus "
        "nondisplaced fracture.",
        "Nondisplaced fracture at the base of the right C7 transverse process.",
        ("fracture", "fracture"),
    ),
    # Vascular calcifications on both sides do not answer for the breast's own on one side.
    (
        "laterality",
        "Benign calcifications right breast upper outer quadrant. Scattered benign vascular "
        "calcifications bilaterally.",
        "Left breast: Benign calcifications in the upper outer quadrant.\nBilateral: Scattered "
        "benign vascular calcifications.",
        ("right", "calcifications"),
    ),
    # One place dropped from a list of places of one finding.
    (
        "omission",
        "Focal lesions C5, T3, T8, L4.",
        "Focal lesions at C5, T8, and L4.",
        ("Focal lesions", None),
    ),
    (
        "omission",
        "Healing fx posterior R 6th and 7th ribs w/ callus.",
        "Healing fracture of the posterior right sixth rib with callus.",
        ("fx", None),
    ),
]


# Neuroradiology, head and neck and spine wording.
SPINE_AND_NECK_CHANGES = [
    # The finding after "L4 on L5" is at the slipped segment, where the denial was dictated.
    (
        "negation",
        "Grade 1 anterolisthesis L4 on L5: 5 mm.\nNo pars defect.",
        "Grade 1 anterolisthesis of L4 on L5 with an associated pars interarticularis defect.",
        ("pars defect", "pars interarticularis defect"),
    ),
    # Echogenic foci score a thyroid nodule; ulceration makes a plaque an embolic source.
    (
        "negation",
        "L lobe nodule 1.9 cm, solid, isoechoic, smooth margins, no echogenic foci. TR3.",
        "Left lobe nodule 1.9 cm, solid and isoechoic with punctate echogenic foci. TR3.",
        ("echogenic foci", "echogenic foci"),
    ),
    (
        "negation",
        "R ICA: moderate irregular plaque, no ulceration seen.",
        "Right internal carotid artery: moderate irregular plaque with ulceration.",
        ("ulceration", "ulceration"),
    ),
    # "to the right level II node": the side is the node's, so a changed side is at the node.
    (
        "laterality",
        "Palpable abnormality corresponds to R level II node.",
        "The palpable abnormality corresponds to the left level II node.",
        ("R", "left"),
    ),
    # A vascular ratio written after its abbreviation is a value like any other.
    (
        "measurement",
        "R ICA PSV 98 cm/s, EDV 22, ICA/CCA 1.3.",
        "Right ICA peak systolic velocity 98 cm/s, end-diastolic velocity 22 cm/s, "
        "ICA/CCA ratio 3.1.",
        ("1.3", "3.1"),
    ),
    # A canal diameter moved to the other level, one text tying it to the canal and the other
    # to the stenosis of that canal.
    (
        "measurement",
        "C3-4: severe canal stenosis, AP canal 6 mm.\nC4-5: moderate canal stenosis, AP canal "
        "8 mm.",
        "C3-C4: Severe central canal stenosis, with an anteroposterior canal diameter of 0.8 cm."
        "\nC4-C5: Moderate central canal stenosis, anteroposterior canal diameter 0.6 cm.",
        ("6 mm", "0.8 cm"),
    ),
    # "No clinically significant" still denies.
    (
        "negation",
        "Heterogeneous plaque with moderate stenosis.",
        "Heterogeneous plaque without clinically significant stenosis.",
        ("stenosis", "stenosis"),
    ),
    # A bare "L:" or "R:" heading gives its side to what it heads.
    (
        "laterality",
        "L: AICA loop extends into the IAC (type 2).\nR: AICA loop confined to the CPA (type 1).",
        "Right: The AICA loop extends into the internal auditory canal (type 2).\nLeft: The "
        "AICA loop is confined to the cerebellopontine angle (type 1).",
        ("extends into", "extends into"),
    ),
    # Under a side heading, a sentence opening with the other side moves what follows there.
    (
        "laterality",
        "R: no suspicious mass.\nL breast US shows an oval circumscribed mass. Likely "
        "fibroadenoma.",
        "Right breast: No suspicious mass.\nRight breast ultrasound: oval circumscribed mass, "
        "likely a fibroadenoma.",
        ("fibroadenoma", "fibroadenoma"),
    ),
    # ... but not at a structure the dictation names on the other side.
    (
        "laterality",
        "Right radius: BMD 0.612 g/cm2, T -2.7.\nIMP: Osteoporosis based on radius T-score -2.7.",
        "Right radius: BMD 0.612 g/cm2, T-score -2.7.\nIMPRESSION: Osteoporosis, based on a "
        "T-score of -2.7 at the left radius.",
        ("Osteoporosis", "left"),
    ),
    # A graded finding moved to a level where it was never dictated.
    (
        "measurement",
        "C5-6: moderate canal stenosis.\nC6-7: mild foraminal stenosis, no canal stenosis.\n"
        "IMP: C5-6 moderate canal stenosis.",
        "C5-C6: Moderate central canal stenosis.\nC6-C7: Mild neural foraminal stenosis. No "
        "central canal stenosis.\nIMPRESSION: Moderate central canal stenosis at C6-C7.",
        ("stenosis", "stenosis"),
    ),
]


@pytest.mark.parametrize(
    ("kind", "source", "report", "quoted"), WORKLIST_CHANGES + SPINE_AND_NECK_CHANGES
)
def test_worklist_wordings_of_a_change_raise_their_type_at_the_changed_words(
    verifier, kind, source, report, quoted
):
    assert quoted in _quoted(verifier, source, report, kind)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Bursal fluid rewritten as fluid in the named bursa.
        (
            "Small SASD bursal fluid.",
            "Small amount of fluid in the subacromial-subdeltoid bursa.",
        ),
        # What a limited view could not show is not asserted.
        (
            "No free air, though the supine view is limited for this.",
            "No free air, although the supine technique is limited for detection of free "
            "intraperitoneal air.",
        ),
        # "c/f" is "concerning for".
        ("Hilar mass c/f lymphoma.", "Hilar mass concerning for lymphoma."),
        (
            "No definite acute infarct, although a small posterior circulation infarct cannot be "
            "excluded.",
            "No acute infarct; a small posterior circulation infarct cannot be excluded.",
        ),
        (
            "Uptake: 4 hr 28%, 24 hr 62%. Imp: 24 hr uptake 62%.",
            "Uptake: 28% at 4 hours and 62% at 24 hours. Impression: 24-hour uptake of 62%.",
        ),
        (
            "Large perfusion defects RLL with normal ventilation.",
            "Large perfusion defects in the right lower lobe with preserved ventilation.",
        ),
        (
            "C5-6: severe R and mild L neural foraminal stenosis.",
            "C5-C6: Severe right and mild left neural foraminal stenosis.",
        ),
        (
            "L4-5: moderate left, mild right foraminal narrowing.",
            "L4-L5: Mild right and moderate left neural foraminal narrowing.",
        ),
        (
            "Liver: 2 hypodensities, seg 7 1.2 cm and seg 4a 0.6 cm. CBD 6 mm.",
            "Liver: Two hypodensities, 1.2 cm in segment 7 and 0.6 cm in segment 4a. Common "
            "bile duct measures 0.6 cm.",
        ),
        (
            "Focal lesions C5, T3, T8, L4.",
            "Focal lesions at C5, T3, T8 and L4.",
        ),
        (
            "Healing fx posterior R 6th and 7th ribs w/ callus.",
            "Healing fractures of the posterior right sixth and seventh ribs with callus.",
        ),
        (
            "Fractures of the right 4th through 7th ribs.",
            "Fractures of the right 4th, 5th, 6th, and 7th ribs.",
        ),
        (
            "Gastric emptying: retention 60% at 1 hr, 30% at 2 hr, 5% at 4 hr.",
            "Gastric emptying: retention at 1 hour 60%, at 2 hours 30%, and at 4 hours 5%.",
        ),
        # "Non-mass enhancement" is a finding of its own, no denial of the mass.
        (
            "L breast: spiculated mass 2:00. Associated NME extending toward nipple.",
            "Left breast: Spiculated mass at 2 o'clock. Associated non-mass enhancement extends "
            "toward the nipple.",
        ),
        # A finding under a label heading is at the label's structure.
        (
            "Left ICA PSV 85 cm/s, less than 50% stenosis. Right ICA PSV 245 cm/s, 70% stenosis.",
            "Left internal carotid artery: PSV 85 cm/s, less than 50% stenosis.\n"
            "Right internal carotid artery: PSV 245 cm/s, 70% stenosis.\n"
            "IMPRESSION: 70% stenosis of the right internal carotid artery.",
        ),
        (
            "US abdominal aorta, AAA screening. No AAA.",
            "Ultrasound of the abdominal aorta for abdominal aortic aneurysm screening. No "
            "abdominal aortic aneurysm.",
        ),
    ],
)
def test_worklist_rewordings_of_a_faithful_report_raise_nothing(verifier, source, report):
    assert verifier.verify(source, report) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Focal lesions C5, T3, T8, L4.", {"level:C5", "level:T3", "level:T8", "level:L4"}),
        ("Compression fractures T10 through T12.", {"level:T10", "level:T11", "level:T12"}),
        ("Healing fx posterior R 6th and 7th ribs.", {"bone:rib:6", "bone:rib:7"}),
        ("Fractures of the 4th through 6th ribs.", {"bone:rib:4", "bone:rib:5", "bone:rib:6"}),
        ("Fracture of the sixth rib. Disc bulge L4-5.", set()),
    ],
)
def test_lists_of_places_are_read_one_place_at_a_time(text, places):
    assert set().union(*(run[2] for run in place_runs(text))) == places


# ---------------------------------------------------------------- spoken punctuation


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("No fracture period Effusion.", "No fracture." + " " * 7 + "Effusion."),
        ("Indication colon pain comma fever", "Indication:      pain,      fever"),
        (
            "Normal period new paragraph Impression",
            "Normal." + " " * 6 + "\n" + " " * 14 + "Impression",
        ),
        # The bowel, and "period" as a word, stay words.
        ("Sigmoid colon thickening.", "Sigmoid colon thickening."),
        ("For a period of weeks. The postpartum period.", None),
    ],
)
def test_spoken_punctuation_becomes_marks_at_the_same_offsets(text, read):
    out = read_spoken_punctuation(text)
    assert out == (text if read is None else read) and len(out) == len(text)


def test_a_spoken_period_ends_the_sentence_a_denial_reaches(verifier):
    source = "CT head period no acute hemorrhage period small left subdural hematoma period"
    report = "CT head. No acute hemorrhage."
    assert ("subdural hematoma", None) in _quoted(verifier, source, report, "omission")


def test_a_spoken_new_paragraph_splits_sentences_like_a_newline():
    text = "No effusion new paragraph Small pneumothorax"
    starts = [text[s.start : s.end] for s in segment(read_spoken_punctuation(text))]
    assert starts == ["No effusion", "Small pneumothorax"]


@pytest.mark.parametrize(
    ("kind", "source", "report", "quoted"),
    [
        # The side may stand inside the vessel's name.
        (
            "negation",
            "Possible hyperdense R M1 segment.",
            "No hyperdense vessel sign.",
            ("hyperdense R M1", "hyperdense vessel sign"),
        ),
        # "neg" after a sign denies it as "negative" does.
        (
            "negation",
            "Sonographic Murphy neg.",
            "Positive sonographic Murphy sign.",
            ("Sonographic Murphy", "sonographic Murphy sign"),
        ),
        (
            "insertion",
            "Bladder decompressed.",
            "Bladder decompressed around a Foley catheter.",
            (None, "Foley catheter"),
        ),
        (
            "insertion",
            "IMP: Mild chronic microvascular changes.",
            "IMPRESSION: Mild chronic microvascular changes. Acute ischemic change left insula.",
            (None, "ischemic change"),
        ),
    ],
)
def test_night_list_changes_raise_their_type_at_the_changed_words(
    verifier, kind, source, report, quoted
):
    assert quoted in _quoted(verifier, source, report, kind)


# A faithful rewording that must raise nothing, then a changed report (and its source) that
# must raise the type at the quoted words.
NIGHT_LIST_READINGS = [
    # A spoken decimal point.
    (
        "ET tube tip 4 point 5 cm above the carina period",
        "Endotracheal tube tip is 45 mm above the carina.",
        None,
        "ET tube tip 5.5 cm above the carina.",
        "measurement",
        ("4 point 5 cm", "5.5 cm"),
    ),
    # "w/o" denies like "without".
    (
        "IMP: Cholelithiasis w/o sonographic evidence of acute cholecystitis.",
        "IMPRESSION: Cholelithiasis without sonographic findings of acute cholecystitis.",
        None,
        "IMPRESSION: Cholelithiasis with acute cholecystitis.",
        "negation",
        ("cholecystitis", "cholecystitis"),
    ),
    # The side the other text's exam title gives is not added.
    (
        "EXAM: XR ANKLE RIGHT 3 VIEWS\nBONES: Oblique fracture of the distal fibula.",
        "IMPRESSION: Fracture of the right distal fibula.",
        None,
        "IMPRESSION: Fracture of the left distal fibula.",
        "laterality",
        ("fracture", "left"),
    ),
    # Normal flow widened from one side to both; one side against the other still differs.
    (
        "Right: CFV, FV, popliteal compressible w/ normal phasic flow. Left: same.",
        "The veins of both lower extremities are compressible with normal phasic flow.",
        "Left: CFV, FV, popliteal compressible w/ normal phasic flow.",
        "Right: CFV, FV and popliteal compressible with normal phasic flow.",
        "laterality",
        ("flow", "flow"),
    ),
    # An equal prior size said as "unchanged"; a different prior is still missing.
    (
        "Segment 4 lesion 18 mm, previously 18 mm.",
        "The segment 4 lesion measures 1.8 cm, unchanged.",
        "Segment 4 lesion 18 mm, previously 14 mm.",
        "The segment 4 lesion measures 1.8 cm, unchanged.",
        "measurement",
        ("14 mm", None),
    ),
    # A denial narrowed to one side; a side added to an affirmed finding still is one.
    (
        "Left kidney 10.8 cm. No hydronephrosis.",
        "Left kidney 108 mm; no hydronephrosis on the left.",
        "Mild hydronephrosis.",
        "Mild hydronephrosis on the left.",
        "laterality",
        ("hydronephrosis", "on the left"),
    ),
]


# Procedure notes, dictated numbers and named values (lessons of the heldout15 slice).
PROCEDURE_AND_SPOKEN_READINGS = [
    # Numbers dictated as words are the digits of the draft.
    (
        "the uterus measures six point one by three point two by three point four centimeters "
        "period the endometrium measures three millimeters period",
        "Uterus: 6.1 x 3.2 x 3.4 cm. Endometrium: 3 mm.",
        None,
        "Uterus: 6.1 x 3.2 x 3.4 cm. Endometrium: 5 mm.",
        "measurement",
        ("three millimeters", None),
    ),
    (
        "right ICA peak systolic velocity one hundred forty two centimeters per second period "
        "right ICA stenosis fifty to sixty nine percent period",
        "Right ICA peak systolic velocity 142 cm/s. 50-69% stenosis of the right ICA.",
        None,
        "Right ICA peak systolic velocity 124 cm/s. 50-69% stenosis of the right ICA.",
        "measurement",
        ("one hundred forty two centimeters per second", "124 cm/s"),
    ),
    # A capital G after a number is the needle's gauge, spaced or not; grams are "g".
    (
        "17 G coaxial introducer advanced. Four 18 G cores obtained.",
        "A 17-gauge coaxial introducer was advanced and four 18-gauge cores were obtained.",
        None,
        "A 17-gauge coaxial introducer was advanced and four 20-gauge cores were obtained.",
        "measurement",
        ("18 G", None),
    ),
    # French sizes of drains and catheters are measurements.
    (
        "10 Fr locking pigtail drain placed into the abscess.",
        "A 10 French locking pigtail drain was placed into the abscess.",
        None,
        "A 12 French locking pigtail drain was placed into the abscess.",
        "measurement",
        ("10 Fr", "12 French"),
    ),
    # The side of a needle's intercostal approach is a side.
    (
        "17 G introducer advanced to the liver lesion via right intercostal approach.",
        "A 17-gauge introducer was advanced through a right intercostal approach to the lesion.",
        None,
        "A 17-gauge introducer was advanced through a left intercostal approach to the lesion.",
        "laterality",
        ("right", "left"),
    ),
    # "LN" is a lymph node, and keeps its side (the "R" of its quadrant).
    (
        "R breast: 5 mm intramammary LN R UOQ, benign. Axillae: no adenopathy.",
        "Right breast: A benign 5 mm intramammary lymph node in the upper outer quadrant. "
        "Axillae: No axillary lymphadenopathy.",
        None,
        "Left breast: A benign 5 mm intramammary lymph node in the upper outer quadrant. "
        "Axillae: No axillary lymphadenopathy.",
        "laterality",
        ("R", "lymph node"),
    ),
    # "neg" before what it denies, as "negative" does.
    (
        "HSG. Neg pregnancy test. Both tubes fill, free IP spill.",
        "CLINICAL INFORMATION: Negative pregnancy test. FINDINGS: Both fallopian tubes fill "
        "with free intraperitoneal spill.",
        None,
        "CLINICAL INFORMATION: Positive pregnancy test. FINDINGS: Both fallopian tubes fill "
        "with free intraperitoneal spill.",
        "negation",
        ("pregnancy", "pregnancy"),
    ),
    # A variant artery is a finding: leaving it out is an omission.
    (
        "SMA angiogram. Incidentally, a replaced right hepatic artery arises from the SMA.",
        "Superior mesenteric angiogram. Replaced right hepatic artery arising from the SMA.",
        None,
        "Superior mesenteric angiogram.",
        "omission",
        ("replaced right hepatic artery", None),
    ),
    # A heart rate named without its unit; oligohydramnios is a finding.
    (
        "Twin B: breech. FHR 152. MVP 1.6 cm, oligohydramnios.",
        "Twin B: Breech. Fetal heart rate 152 beats per minute. Maximum vertical pocket 1.6 cm, "
        "consistent with oligohydramnios.",
        None,
        "Twin B: Breech. Fetal heart rate 125 beats per minute. Maximum vertical pocket 1.6 cm, "
        "consistent with oligohydramnios.",
        "measurement",
        ("152", None),
    ),
    (
        "Twin B: breech. FHR 152. MVP 1.6 cm, oligohydramnios.",
        "Twin B: Breech. Fetal heart rate 152 beats per minute. Maximum vertical pocket 1.6 cm, "
        "consistent with oligohydramnios.",
        None,
        "Twin B: Breech. Fetal heart rate 152 beats per minute. Maximum vertical pocket 1.6 cm.",
        "omission",
        ("oligohydramnios", None),
    ),
    # An extension's side is the side of a place it joins, which the draft gives there.
    (
        "Type B aortic dissection with the intimal flap beginning distal to the left "
        "subclavian artery and extending into the infrarenal aorta.",
        "A type B dissection flap begins just beyond the left subclavian artery origin. The "
        "dissection extends into the infrarenal aorta.",
        None,
        "A type B dissection flap begins just beyond the right subclavian artery origin. The "
        "dissection extends into the infrarenal aorta.",
        "laterality",
        ("left", "right"),
    ),
    # Loculation is a finding a denial reaches.
    (
        "Both tubes fill, free IP spill. No loculation.",
        "Both fallopian tubes fill with free intraperitoneal spill. No loculation of spilled "
        "contrast.",
        None,
        "Both fallopian tubes fill with free intraperitoneal spill. Loculation of spilled "
        "contrast.",
        "negation",
        ("loculation", "Loculation"),
    ),
    # A named value's change "from A to B" against "B, previously A".
    (
        "Right axillary node with SUVmax 1.8, previously 5.6.",
        "Right axillary node with SUVmax decreasing from 5.6 to 1.8.",
        None,
        "Right axillary node with SUVmax decreasing from 5.6 to 2.8.",
        "measurement",
        ("1.8", "2.8"),
    ),
    # Uptake called abnormal is a finding, denied or affirmed.
    (
        "The mastectomy bed shows no abnormal uptake.",
        "Chest wall: No abnormal uptake in the right mastectomy bed.",
        None,
        "Chest wall: Abnormal uptake in the right mastectomy bed.",
        "negation",
        ("abnormal uptake", "Abnormal uptake"),
    ),
]


@pytest.mark.parametrize(
    ("source", "faithful", "changed_source", "changed", "kind", "quoted"),
    NIGHT_LIST_READINGS + PROCEDURE_AND_SPOKEN_READINGS,
)
def test_night_list_readings_keep_faithful_drafts_quiet_and_flag_the_changed_words(
    verifier, source, faithful, changed_source, changed, kind, quoted
):
    assert types_raised(verifier, source, faithful) == set()
    assert quoted in _quoted(verifier, changed_source or source, changed, kind)


# ------------------------------------------- neuroradiology, head and neck and spine wording

SPINE_AND_NECK_FAITHFUL = [
    (
        "Grade 1 anterolisthesis L4 on L5. No pars defect.",
        "Grade 1 anterolisthesis of L4 on L5 without a pars interarticularis defect.",
    ),
    (
        "R lower pole nodule 14 mm, solid, hypoechoic, no echogenic foci. TR4.",
        "Right lower pole nodule of 1.4 cm, solid and hypoechoic, without echogenic foci. TR4.",
    ),
    (
        "Soft tissue ulcer plantar to 1st MT head. No soft tissue gas.",
        "Soft tissue ulceration plantar to the first metatarsal head. No soft tissue gas.",
    ),
    (
        "Palpable abnormality corresponds to R level II node.",
        "The palpable abnormality corresponds to the right level II node.",
    ),
    # "The protrusion" is the L5-S1 one, not a protrusion at the levels denied above.
    (
        "T12-L1 to L3-4: No disc herniation.\nL5-S1: Small central disc protrusion. "
        "No nerve root contact.",
        "From T12-L1 through L3-L4 there is no disc herniation. At L5-S1 there is a small "
        "central disc protrusion. The protrusion does not contact the nerve roots.",
    ),
    (
        "R: ICA PSV 98 cm/s, EDV 22, ICA/CCA 1.3.\nL: ICA PSV 72, EDV 18, ratio 0.9.",
        "Left: ICA peak systolic velocity 72 cm/s, end-diastolic velocity 18 cm/s, ICA/CCA "
        "ratio 0.9.\nRight: ICA peak systolic velocity 98 cm/s, end-diastolic velocity 22 cm/s, "
        "ICA/CCA ratio 1.3.",
    ),
    (
        "C3-4: severe canal stenosis, AP canal 6 mm.\nC4-5: moderate canal stenosis, AP canal "
        "8 mm.",
        "C3-C4: Severe central canal stenosis, with an anteroposterior canal diameter of 0.6 cm."
        "\nC4-C5: Moderate central canal stenosis, anteroposterior canal diameter 0.8 cm.",
    ),
    # "T2" before "hyperintense" is the sequence, so the lesion stays at its own level.
    (
        "T2 hyperintense lesion in the cord at C4-5. No other cord lesion.",
        "Cord: T2 hyperintense lesion at C4-C5. No other lesions.",
    ),
    # Findings "of no clinical significance" are still there.
    (
        "1.8 cm L adrenal nodule, c/w lipid-rich adenoma. E2.",
        "1.8 cm left adrenal nodule, consistent with a lipid-rich adenoma. Extracolonic "
        "findings of no clinical significance (E2), including a left adrenal adenoma.",
    ),
    # The first sentence under a heading is no exam title: its side is not the section's.
    (
        "Thyroid ultrasound. Right lobe 4.8 x 1.6 x 1.5 cm. Left lobe 4.5 x 1.4 x 1.4 cm. Left "
        "lobe: no nodules. No abnormal cervical lymph nodes.",
        "FINDINGS:\nThyroid size: Right lobe 4.8 x 1.6 x 1.5 cm. Left lobe 4.5 x 1.4 x 1.4 cm."
        "\nLeft lobe: No nodules.\nLymph nodes: No abnormal cervical lymph nodes.",
    ),
    (
        "L: AICA loop extends into the IAC (type 2).\nR: AICA loop confined to the CPA (type 1).",
        "Left: The AICA loop extends into the internal auditory canal (type 2).\nRight: The "
        "AICA loop is confined to the cerebellopontine angle (type 1).",
    ),
    (
        "R: no suspicious mass.\nL breast US shows an oval circumscribed mass. Likely "
        "fibroadenoma.",
        "Right: No suspicious mass.\nLeft breast ultrasound shows an oval circumscribed mass, "
        "likely a fibroadenoma.",
    ),
    # The side a draft gives a diagnosis at a structure the dictation names on that side only.
    (
        "L femoral neck: T -2.1.\nL 33% radius: BMD 0.612 g/cm2, T -2.7.\nIMP: Osteoporosis "
        "based on 33% radius T-score -2.7.",
        "Left femoral neck: T-score -2.1.\nLeft forearm (33% radius): BMD 0.612 g/cm2, T-score "
        "-2.7.\nIMPRESSION: Osteoporosis, based on a T-score of -2.7 at the left 33% radius.",
    ),
    # Levels reordered, and a graded finding dictated with no level given one: not moved.
    (
        "C6-7: mild canal stenosis.\nC5-6: moderate canal stenosis.",
        "C5-C6: Moderate central canal stenosis.\nC6-C7: Mild central canal stenosis.",
    ),
    (
        "Mild canal stenosis. Disc bulges at several levels.",
        "Mild central canal stenosis at L4-L5. Disc bulges at several levels.",
    ),
]


@pytest.mark.parametrize(("source", "report"), SPINE_AND_NECK_FAITHFUL)
def test_spine_and_neck_rewordings_raise_nothing(verifier, source, report):
    assert verifier.verify(source, report) == []


def test_a_finding_named_again_with_the_keeps_the_level_it_was_given():
    text = (
        "At L5-S1 there is a disc protrusion. The protrusion contacts the nerve root. A protrusion."
    )
    protrusions = [m for m in RulesEngine().extract(text).mentions if m.key == "disc_protrusion"]
    assert [(text[slice(*m.span)], m.location) for m in protrusions] == [
        ("disc protrusion", "level:L5-S1"),
        ("protrusion", "level:L5-S1"),
        ("protrusion", None),
    ]


def test_a_moved_level_points_at_the_dictated_and_the_drafted_finding(verifier):
    source = "C5-6: moderate canal stenosis.\nC6-7: no canal stenosis."
    report = "C5-C6: Moderate canal stenosis.\nC6-C7: Moderate canal stenosis."
    moved = [w for w in verifier.verify(source, report) if w["type"] == "measurement"]
    assert [(w["source_span"], w["report_span"]) for w in moved] == [
        (
            [source.index("stenosis"), source.index("stenosis") + 8],
            [report.rindex("stenosis"), report.rindex("stenosis") + 8],
        )
    ]


# ------------------------------------------- heldout17: procedures, vascular, cardiac, DXA


def test_a_changed_spoken_value_points_at_all_of_its_words(verifier):
    source = "left internal carotid peak systolic velocity eighty two comma end diastolic thirty"
    report = "Left ICA PSV 82 cm/s, EDV 24 cm/s."
    changed = [w for w in verifier.verify(source, report) if w["type"] == "measurement"]
    assert changed
    quoted = {source[slice(*w["source_span"])] for w in changed if w["source_span"]}
    assert quoted == {"thirty", "eighty two"}
    assert verifier.verify(source.replace("thirty", "twenty four"), report) == []


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Spoken numbers before any unit the reader knows.
        (
            "dynamic imaging for thirty minutes period T one half eight minutes period",
            "Dynamic imaging for 30 minutes. T1/2 8 minutes.",
        ),
        # A value given after its name with no unit, the unit added by the draft.
        ("L fem neck: BMD 0.812, T -1.6.", "Left femoral neck: BMD 0.812 g/cm2, T-score -1.6."),
        ("HR 58 after metoprolol.", "Heart rate 58 bpm after metoprolol."),
        # Nobody writes a range from its top: a change, the prior value first.
        (
            "Interval regression of the extrusion, 9 mm to 6 mm.",
            "Regression of the extrusion (now 6 mm, previously 9 mm).",
        ),
        (
            "Sac 4.8 cm (prev 5.2 cm; pre-op 5.7 cm).",
            "Sac 48 mm (prior 52 mm, preoperative 57 mm).",
        ),
        # A spaced dash leads to a conclusion the denial before it does not reach.
        (
            "L tube: dilated, no spill - hydrosalpinx.",
            "Left tube: dilated, consistent with hydrosalpinx.",
        ),
        ("No color flow - acute occlusive thrombus.", "No color flow; acute occlusive thrombus."),
        ("Consider dilated cardiomyopathy.", "Suggestive of dilated cardiomyopathy."),
        # Hedged in the findings, affirmed in the impression: the draft's hedge is the source's.
        (
            "Perihilar opacities, likely pulmonary edema. Impression: worsening pulmonary edema.",
            "Perihilar opacities, likely pulmonary edema.",
        ),
        (
            "R vertebral antegrade. L vertebral flow is retrograde.",
            "Right vertebral artery flow antegrade. Left vertebral artery flow retrograde.",
        ),
        ("EVAR surveillance. Sac 4.8 cm, decreasing.", "Decreasing aneurysm sac (48 mm)."),
        # One kind denied beside another affirmed.
        (
            "Persistent type II endoleak. No type I or type III endoleak.",
            "Type II endoleak, persistent. No type I or type III endoleak.",
        ),
    ],
)
def test_heldout17_faithful_wordings_raise_nothing(verifier, source, report):
    assert verifier.verify(source, report) == []


def test_a_value_after_its_name_and_a_colon_is_labelled_by_it():
    (value,) = extract_measurements("Pyloric channel length: 14 mm.")
    assert value.label == ("channel", "length")


def test_short_names_of_numbered_hand_bones_are_places():
    text = "Acute fx 5th MC neck. Nondisplaced fx base 4th MC."
    assert [place for _s, _e, place in find_locations(text)] == [
        "bone:metacarpal:5",
        "bone:metacarpal:4",
    ]


@pytest.mark.parametrize(
    ("source", "report", "kind", "quoted"),
    [
        (
            "Fx 5th MC neck. Nondisplaced fx base 4th MC.",
            "Fracture of the fifth metacarpal neck.",
            "omission",
            ("fx", None),
        ),
        (
            "Right chest tube. Left subclavian central line.",
            "Left chest tube. Left subclavian central line.",
            "laterality",
            ("Right", "Left"),
        ),
        ("No endoleak.", "Type II endoleak.", "negation", ("endoleak", "endoleak")),
        (
            "Mild plaque in the mid LAD.",
            "Mild plaque and myocardial bridging of the mid LAD.",
            "insertion",
            (None, "myocardial bridging"),
        ),
    ],
)
def test_heldout17_changes_are_flagged(verifier, source, report, kind, quoted):
    _assert_one_of_kind(verifier, source, report, kind, quoted)


# ---------------------------------------------------------------- heldout18 rules


def test_a_table_column_headed_prior_holds_earlier_sizes():
    found = extract_measurements(_RECIST_TABLE)
    dims = {_RECIST_TABLE[m.start : m.end]: m.dim for m in found}
    assert dims == {
        "2.6 cm": "length",
        "3.4 cm": "length:prior",
        "2.1 cm": "length",
        "3.0 cm": "length:prior",
    }


def test_current_and_prior_swapped_in_a_table_is_a_measurement_change_not_a_drop(verifier):
    source = "Segment 6 observation measures 1.6 cm, previously 1.0 cm."
    report = "| Obs | Segment | Current size | Prior size |\n| 1 | 6 | 1.0 cm | 1.6 cm |\n"
    assert types_raised(verifier, source, report) == {"measurement"}


@pytest.mark.parametrize(
    "source, report, kind, quoted",
    [
        (
            "No washout appearance on portal venous phase.",
            "Nonperipheral washout on portal venous phase.",
            "negation",
            ("washout appearance", "Nonperipheral washout"),
        ),
        (
            "APW 70%, RPW 47%.",
            "Absolute percentage washout: 47%. Relative percentage washout: 70%.",
            "measurement",
            ("70%", "47%"),
        ),
        (
            "Bilateral breast MRI. Known right breast carcinoma.\nContralateral breast: 6 mm mass.",
            "Bilateral breast MRI. Known right breast carcinoma.\nRight breast: 6 mm mass.",
            "laterality",
            ("mass", "mass"),
        ),
        (
            "Right ovary 1.9 x 1.1 x 1.0 cm. Left ovary not visualized.",
            "Left ovary: 1.9 x 1.1 x 1.0 cm.\nRight ovary: Not visualized.",
            "laterality",
            ("1.9 x 1.1 x 1.0 cm", "1.9 x 1.1 x 1.0 cm"),
        ),
        (
            "l two l three colon no significant stenosis period",
            "L2-L3: Significant stenosis.",
            "negation",
            ("stenosis", "stenosis"),
        ),
        (
            "Left level IIA node 2.3 cm. Right level IIA node 1.0 cm, suspicious.",
            "Left level IIA node 2.3 cm.",
            "omission",
            ("node", None),
        ),
        (
            "R tonsillar fossa: mild diffuse uptake. No focal or masslike uptake.",
            "Primary site: Mild diffuse uptake. Focal or masslike uptake.",
            "negation",
            ("focal or masslike uptake", "Focal or masslike uptake"),
        ),
    ],
)
def test_heldout18_changes_are_flagged(verifier, source, report, kind, quoted):
    _assert_one_of_kind(verifier, source, report, kind, quoted)


def test_spoken_levels_and_short_spoken_labels_are_read():
    text = read_spoken_levels(read_spoken_punctuation("l four l five colon disc bulge period"))
    assert text.startswith("L4-L5")
    assert text[13] == ":"
    assert len(text) == len("l four l five colon disc bulge period")
    # "sigmoid colon" stays the bowel.
    assert ":" not in read_spoken_punctuation("sigmoid colon diverticulosis period")


def test_a_nodal_station_is_no_volume_but_litres_of_fluid_are():
    assert extract_measurements("Subcentimeter station 4L and 10R nodes.") == []
    (litres,) = extract_measurements("2L of pleural fluid drained.")
    assert (litres.dim, litres.values) == ("volume", (2000.0,))


@pytest.mark.parametrize(
    "source, report, size, name",
    [
        (
            "Uterus with a 3.1 cm fibroid. Right ovary normal. Additional 2.3 cm fundal polyp.",
            "Uterus with a 3.1 cm fibroid. Right ovary normal.",
            "2.3 cm",
            "polyp",
        ),
        ("Spleen 15.5 cm. Cyst 2 cm.", "Spleen 15.5 cm.", "2 cm", "Cyst"),
    ],
)
def test_a_dropped_lesion_is_one_omission_that_names_its_size(verifier, source, report, size, name):
    warnings = verifier.verify(source, report)
    assert [w["type"] for w in warnings] == ["omission"]
    assert f"({size})" in warnings[0]["message"]
    assert source[slice(*warnings[0]["source_span"])] == name


# ---------------------------------------------------------------- dropped findings by site


@pytest.mark.parametrize(
    "source, report, quoted",
    [
        # The draft's unsited uptake is the dictated one at L4 (they share the level), so it
        # does not stand for the scapula's.
        (
            "Focal uptake in the L4 vertebral body. Focal uptake in the right scapula.",
            "Focal uptake in the L4 vertebral body.",
            "Focal uptake",
        ),
        # The cord lesion's site is dictated twice; the draft's unsited "New lesions" echoes
        # the dictated summary, not the cord lesion.
        (
            "New enhancing lesion in the right frontal lobe. New lesion in the spinal cord at T4."
            "\nIMPRESSION: New lesions. New T4 cord lesion.",
            "FINDINGS: New enhancing lesion in the right frontal lobe.\nIMPRESSION: New lesions.",
            "lesion",
        ),
        # A label naming a finding over a line of structures asserts it at each of them.
        (
            "Fractures: left clavicle and left scapula.",
            "Fractures: left clavicle.",
            "scapula",
        ),
        # The draft keeps the erosion at one of its two structures and calls the other intact.
        (
            "Cortical erosion of the medial malleolus and the talus.",
            "Cortical erosion of the medial malleolus. The talus is intact.",
            "erosion",
        ),
        # "Fibular fracture of the ankle" meets the medial malleolus only through the ankle.
        (
            "Left ankle, three views. Fracture of the distal fibula. Fracture of the medial"
            " malleolus.",
            "Left ankle, three views. Distal fibular fracture of the ankle.",
            "Fracture",
        ),
    ],
)
def test_a_finding_dropped_at_one_of_its_sites_is_an_omission(verifier, source, report, quoted):
    warnings = verifier.verify(source, report)
    assert {w["type"] for w in warnings} == {"omission"}
    # One warning per dictated mention of the dropped finding, each at its word.
    assert {source[slice(*w["source_span"])] for w in warnings} == {quoted}
    assert all(w["report_span"] is None for w in warnings)


# ---------------------------------------------------------------- sites, words, kin

_MENISCI = "Medial meniscus: Tear.\nLateral meniscus: No tear.\nACL: No tear."
_LIVER_AND_BONES = "Multiple hypermetabolic lesions in the liver. No focal osseous lesions."
_STONE = "Intrarenal calculus on the right, 6 mm. No ureteral calculus."
_CARPUS = "Nondisplaced scaphoid waist fracture. Small triquetral avulsion fracture."
_FOREARM = "Buckle fracture of the distal radial metaphysis. Fracture of the ulnar shaft."
_TUBES = "ETT tip 4 cm above the carina. NG tube tip in the stomach."
_HONEYCOMBING = "Subpleural reticulation. New honeycombing in the right lower lobe."
_ANKLE = (
    "Right ankle, three views. Fracture of the distal fibula. Fracture of the medial malleolus."
)
_EPE = "Broad capsular contact, no definite EPE."

# Each mechanism with a change it must flag and a faithful wording it must leave alone: the
# exact set of warning types each pair raises.
_KINDS = [
    # "Osseous" meets every bone and no soft organ: the bony denial does not answer for liver
    # lesions, but does for an iliac wing lesion.
    pytest.param(_LIVER_AND_BONES, "No focal osseous lesions.", {"omission"}, id="osseous-liver"),
    pytest.param(
        _LIVER_AND_BONES,
        "Multiple hypermetabolic hepatic lesions. No focal bony lesions.",
        set(),
        id="osseous-kept",
    ),
    pytest.param(
        "No focal osseous lesion.",
        "Focal lesion in the right iliac wing.",
        {"negation"},
        id="osseous-bone",
    ),
    pytest.param("Bones: No fracture.", "No rib fracture.", set(), id="bones-rib"),
    pytest.param(
        "Stable focal uptake in the right iliac bone, suspicious for osseous mets.",
        "Stable focal uptake in the right iliac bone, suspicious for osseous metastatic disease.",
        set(),
        id="osseous-mets",
    ),
    # The lateral meniscus's tear is weighed against the lateral meniscus's denial, not
    # against the ACL's.
    pytest.param(
        _MENISCI,
        "Medial meniscus: Tear.\nLateral meniscus: Tear.\nACL: No tear.",
        {"negation"},
        id="label-placed",
    ),
    pytest.param(
        _MENISCI,
        "Medial meniscus: Tear.\nLateral meniscus: Intact, without tear.\nACL: Intact.",
        set(),
        id="label-placed-kept",
    ),
    # "Intrarenal" places the stone in the kidney: a ureteral denial does not answer it.
    pytest.param(_STONE, "No ureteral calculus.", {"omission"}, id="intra-organ"),
    pytest.param(
        _STONE, "6 mm right intrarenal calculus. No ureteral calculus.", set(), id="intra-kept"
    ),
    # The mass takes the side the sentence gives its testis.
    pytest.param(
        "1.3 cm intratesticular mass in the upper pole of the left testis. Right testis normal.",
        "Left testis: 1.3 cm intratesticular mass in the upper pole.\nRight testis: Normal.",
        set(),
        id="side-of-structure",
    ),
    # Each carpal bone is its own place; "radial" before a part of the bone names the radius.
    pytest.param(_CARPUS, "Nondisplaced scaphoid waist fracture.", {"omission"}, id="carpus"),
    pytest.param(
        _CARPUS,
        "Nondisplaced fracture of the scaphoid waist and a small avulsion fracture of the"
        " triquetrum.",
        set(),
        id="carpus-kept",
    ),
    pytest.param(
        _FOREARM, "Buckle fracture of the distal radial metaphysis.", {"omission"}, id="radial"
    ),
    pytest.param(
        _FOREARM,
        "Buckle fracture of the distal radius metaphysis and fracture of the ulnar shaft.",
        set(),
        id="radial-kept",
    ),
    # A sided draft fracture of the radius is not the side-less ulnar one moved: that one was
    # dropped (and the draft added a side).
    pytest.param(
        "Wrist, two views. Fracture of the distal radius. Fracture of the ulnar styloid.",
        "Wrist, two views. Left distal radius fracture.",
        {"omission", "laterality"},
        id="sideless-not-moved",
    ),
    # A fibular fracture that moved sides is not the medial malleolus's, which was dropped.
    pytest.param(
        _ANKLE,
        "Left ankle, three views. Fracture of the distal fibula.",
        {"laterality", "omission"},
        id="moved-keeps-structure",
    ),
    pytest.param(
        _ANKLE,
        "Left ankle, three views. Fracture of the distal fibula. Fracture of the medial"
        " malleolus.",
        {"laterality"},
        id="moved-both",
    ),
    pytest.param(
        "Possible nondisplaced fracture of the hamate.",
        "A nondisplaced fracture of the hamate is possible.",
        set(),
        id="possible-kept",
    ),
    # An airway tube does not stand for a gastric one.
    pytest.param(_TUBES, "Endotracheal tube tip 4 cm above the carina.", {"omission"}, id="tubes"),
    pytest.param(
        _TUBES,
        "Endotracheal tube tip 4 cm above the carina. Nasogastric tube tip in the stomach.",
        set(),
        id="tubes-kept",
    ),
    # "Lung disease" is about the whole lung, not the right lower lobe's honeycombing; at the
    # finding's own structure a generic word still stands for it.
    pytest.param(
        _HONEYCOMBING,
        "Subpleural reticulation, consistent with fibrotic lung disease.",
        {"omission"},
        id="generic-organ",
    ),
    pytest.param(
        _HONEYCOMBING,
        "Subpleural reticulation with new honeycombing in the right lower lobe.",
        set(),
        id="generic-kept",
    ),
    pytest.param(
        "Irregular mass in the right breast at 10 o'clock.",
        "Irregular abnormality in the right breast at 10 o'clock.",
        set(),
        id="generic-same-structure",
    ),
    # A duct stone denied is no gallstone denied; an added heel spur is an insertion.
    pytest.param(
        "CBD 5 mm. No choledocholithiasis.",
        "CBD 5 mm without choledocholithiasis. Multiple gallstones.",
        {"insertion"},
        id="stone-organ",
    ),
    pytest.param(
        "Cholelithiasis. No choledocholithiasis.",
        "Gallstones. No stone in the common bile duct.",
        set(),
        id="stone-organ-kept",
    ),
    pytest.param(
        "No fracture. Lisfranc alignment normal.",
        "No fracture. Normal Lisfranc alignment. Small plantar calcaneal enthesophyte.",
        {"insertion"},
        id="enthesophyte",
    ),
    pytest.param(
        _EPE,
        "Broad capsular contact with definite extraprostatic extension.",
        {"negation"},
        id="epe",
    ),
    pytest.param(
        _EPE,
        "Broad capsular contact without definite extraprostatic extension.",
        set(),
        id="epe-kept",
    ),
    # heldout19: a side letter between a ratio's name and its value, "PI" as a ratio's name.
    pytest.param(
        "Intrarenal RI R 0.58.",
        "Intrarenal resistive index 0.58 on the right.",
        set(),
        id="ri-side",
    ),
    pytest.param(
        "Intrarenal RI R 0.58.",
        "Intrarenal resistive index 0.68 on the right.",
        {"measurement"},
        id="ri-side-changed",
    ),
    pytest.param(
        "MCA PI 1.6.", "Middle cerebral artery pulsatility index 1.9.", {"measurement"}, id="pi"
    ),
    # British spellings of listed and of unlisted (known by their ending) findings.
    pytest.param("Hemothorax on the left.", "Left haemothorax.", set(), id="uk-listed"),
    pytest.param("Septicemia.", "Septicaemia.", set(), id="uk-ending"),
    pytest.param("No septicemia.", "Septicaemia.", {"negation"}, id="uk-ending-negated"),
    pytest.param(
        "Mild BME in the medial femoral condyle.",
        "Mild bone marrow oedema in the medial femoral condyle.",
        set(),
        id="bme",
    ),
    # A temporal clause closes its own finding, not the one before it.
    pytest.param(
        "Gallstone removal once cholecystitis resolved.",
        "No gallstone. Cholecystitis has resolved.",
        {"negation"},
        id="once-resolved",
    ),
    # A cue after a comma with a subject of its own ("fibers") does not reach the tear.
    pytest.param(
        "Complete ACL tear, fibers not visualized.",
        "Complete tear of the ACL; its fibres are not seen.",
        set(),
        id="own-subject",
    ),
    pytest.param(
        "Complete ACL tear, fibers not visualized.",
        "No ACL tear.",
        {"negation"},
        id="own-subject-neg",
    ),
    # A denial placed by a "Bones:" label is in the skeleton: it answers for no liver lesion,
    # but does for a bone's. The liver lesion, sized as nothing dictated, is added.
    pytest.param(
        "Spleen normal.\nBones: no lytic lesions.",
        "Normal spleen. Hepatic segment IV lesion, 11 mm.\nNo lytic osseous lesions.",
        {"measurement", "insertion"},
        id="bones-label-liver",
    ),
    pytest.param(
        "Spleen normal.\nBones: no lytic lesions.",
        "Normal spleen. Lytic lesion in the iliac bone.",
        {"negation"},
        id="bones-label-bone",
    ),
    # Vocabulary: facet wear by its bone or its joint, a ganglion is a cyst (a nerve ganglion
    # is a name), a diastasis is a widening.
    pytest.param(
        "L5-S1: moderate facet hypertrophy.",
        "L5-S1: Moderate facet arthropathy.",
        set(),
        id="facet",
    ),
    pytest.param("Volar ganglion 8 mm.", "An 8 mm volar ganglion cyst.", set(), id="ganglion"),
    pytest.param(
        "No abnormal signal at the dorsal root ganglion.",
        "No abnormal signal at the dorsal root ganglion.",
        set(),
        id="nerve-ganglion",
    ),
    pytest.param(
        "Widened pubic symphysis, 14 mm.",
        "Pubic symphysis diastasis of 14 mm.",
        set(),
        id="diastasis",
    ),
    # A range said of a change is the earlier value, then the current one; a "Prior ...:" label
    # may say when the earlier study was.
    pytest.param(
        "Kyphosis increased 40 to 52 deg.",
        "Kyphosis of 52 degrees, previously 40 degrees.",
        set(),
        id="change-range",
    ),
    pytest.param(
        "Prior 1 yr ago: effusion 12 mm. Now effusion 8 mm.",
        "Effusion 8 mm, previously 12 mm.",
        set(),
        id="prior-label-when",
    ),
    # "from T10 to L3" is the span T10-L3, across regions as within one.
    pytest.param(
        "Right-convex curve T10-L3.",
        "Left-convex curve from T10 to L3.",
        {"laterality"},
        id="level-span",
    ),
    # A banner naming nothing ("EXAMINATION REPORT") is no exam title: the next line is.
    pytest.param(
        "L PCN. Obstructing L ureteral stone 9 mm.\nImp: Definitive stone mgmt later.",
        "EXAMINATION REPORT\n\nEXAMINATION: Left percutaneous nephrostomy.\n"
        "HISTORY: Obstructing 9 mm left ureteric calculus.\n"
        "IMPRESSION: Definitive management of the calculus later.",
        set(),
        id="banner",
    ),
    # A finding named with its side is dictated with the side shortened ("R heart strain").
    pytest.param(
        "Saddle PE. No R heart strain.",
        "Saddle pulmonary embolism with right heart strain.",
        {"negation"},
        id="short-side-finding",
    ),
    # A flattened cord is a compressed one; the prevertebral soft tissues are a structure.
    pytest.param(
        "T7-8 protrusion, no cord compression.",
        "T7-T8 protrusion with flattening of the cord.",
        {"negation"},
        id="cord-flattening",
    ),
    pytest.param(
        "Prevertebral soft tissue swelling.",
        "The prevertebral soft tissues are normal.",
        {"negation", "omission"},
        id="prevertebral",
    ),
    # Enhancement of a muscle is abnormal enhancement.
    pytest.param(
        "Mass abuts the pectoralis, no muscle enhancement.",
        "The mass abuts the pectoralis muscle, which shows abnormal enhancement.",
        {"negation"},
        id="muscle-enhancement",
    ),
    # Vocabulary: hip impingement morphology, wall motion abnormalities, Modic changes,
    # vertebral segmentation anomalies.
    pytest.param(
        "Labral tear. Cam deformity of the femoral head-neck junction.",
        "Labral tear.",
        {"omission"},
        id="cam",
    ),
    pytest.param(
        "Labral tear. Cam deformity of the femoral head-neck junction.",
        "Labral tear. Cam morphology at the femoral head-neck junction.",
        set(),
        id="cam-kept",
    ),
    pytest.param(
        "L4-5: no Modic change.", "L4-L5: Modic endplate changes.", {"negation"}, id="modic"
    ),
    pytest.param(
        "LV normal size. No RWMA.",
        "Normal left ventricular size. Regional wall motion abnormality.",
        {"negation"},
        id="rwma",
    ),
    pytest.param(
        "No vertebral segmentation anomaly.",
        "Vertebral segmentation anomalies at T11 and T12.",
        {"negation"},
        id="segmentation-anomaly",
    ),
    # A drainage catheter named by its shape or route.
    pytest.param(
        "10 Fr pigtail drain placed in the collection.",
        "A 10 French drainage catheter was placed in the collection.",
        set(),
        id="pigtail",
    ),
]


@pytest.mark.parametrize("source, report, kinds", _KINDS)
def test_sites_words_and_kin_raise_exactly_their_types(verifier, source, report, kinds):
    assert types_raised(verifier, source, report) == kinds


@pytest.mark.parametrize(
    "source, report, kind, quoted",
    [
        # A fracture held possible is denied by a draft that calls the bone intact.
        (
            "Possible nondisplaced fracture of the hamate.",
            "The hamate is intact.",
            "negation",
            ("fracture", "hamate"),
        ),
        # The draft drops the endotracheal tube; its orogastric tube is the dictated OGT.
        (
            "OGT tip in the stomach. ETT in good position.",
            "Orogastric tube in the stomach.",
            "omission",
            ("ETT", None),
        ),
    ],
)
def test_a_possible_fracture_and_a_dropped_tube_are_flagged_at_their_words(
    verifier, source, report, kind, quoted
):
    _assert_one_of_kind(verifier, source, report, kind, quoted)


@pytest.mark.parametrize(
    "source, report, kind",
    [
        (
            "Small left pneumothorax. Right pleural effusion.\n"
            "IMPRESSION: Left pneumothorax. Right pleural effusion.",
            "Small left pneumothorax.\nIMPRESSION: Left pneumothorax.",
            "omission",
        ),
        (
            "Small left pneumothorax.\nIMPRESSION: Left pneumothorax.",
            "Small left pneumothorax. Small hiatal hernia.\n"
            "IMPRESSION: Left pneumothorax. Hiatal hernia.",
            "insertion",
        ),
    ],
)
def test_a_finding_restated_in_the_impression_is_dropped_or_added_once(
    verifier, source, report, kind
):
    warnings = verifier.verify(source, report)
    assert [w["type"] for w in warnings] == [kind]


_LABELLED_NODULES = (
    "Thyroid US.\nNodule 1: right lobe, 12 mm, solid, without calcification.\n"
    "Nodule 2: left lobe, 7 mm, spongiform, no calcification."
)
_LABELLED_OBSERVATIONS = (
    "Liver MRI.\nObs A: segment 8, 15 mm, arterial enhancement without washout.\n"
    "Obs B: segment 3, 6 mm, no washout or capsule."
)


@pytest.mark.parametrize(
    "source, report, name",
    [
        (
            _LABELLED_NODULES,
            "Thyroid US.\nNodule 1: right lobe, 12 mm, solid, without calcification.",
            "Nodule",
        ),
        (
            _LABELLED_OBSERVATIONS,
            "Liver MRI.\nObs A: segment 8, 15 mm, arterial enhancement without washout.",
            "Obs",
        ),
    ],
)
def test_a_size_on_a_labelled_line_is_the_labelled_lesions_not_a_denied_findings(
    verifier, source, report, name
):
    # "Nodule 2: left lobe, 7 mm, ... no calcification": the size is the nodule's, so the
    # nodule the draft drops is an omission that names it.
    omissions = [w for w in verifier.verify(source, report) if w["type"] == "omission"]
    assert len(omissions) == 1
    assert source[slice(*omissions[0]["source_span"])] == name


@pytest.mark.parametrize(
    "source, report",
    [
        (
            _LABELLED_NODULES,
            "Thyroid US.\nNodule 1: right thyroid lobe, 1.2 cm, solid, no calcification.\n"
            "Nodule 2: left thyroid lobe, 0.7 cm, spongiform, no calcification.",
        ),
        (
            _LABELLED_OBSERVATIONS,
            "Liver MRI.\nObservation A: segment 8, 1.5 cm, arterial phase enhancement, no washout."
            "\nObservation B: segment 3, 0.6 cm, without washout or capsule.",
        ),
        (
            "Focal uptake in the L4 vertebral body. Focal uptake in the right scapula.",
            "Focal uptake at L4 and in the right scapula.",
        ),
        (
            "New enhancing lesion in the right frontal lobe. New lesion in the spinal cord at T4."
            "\nIMPRESSION: New lesions. New T4 cord lesion.",
            "FINDINGS: New enhancing lesion in the right frontal lobe. New lesion in the cord at"
            " the T4 level.\nIMPRESSION: New lesions, one of them in the cord at T4.",
        ),
        (
            "Fractures: left clavicle and left scapula.",
            "Fractures of the left clavicle and the left scapula.",
        ),
        ("Free fluid: none in the pelvis.", "No free fluid in the pelvis."),
        (
            "Cortical erosion of the medial malleolus and the talus.",
            "Cortical erosion of the talus and of the medial malleolus.",
        ),
        (
            "Left ankle, three views. Fracture of the distal fibula. Fracture of the medial"
            " malleolus.",
            "Left ankle, three views. Fractures of the distal fibula and of the medial malleolus.",
        ),
    ],
)
def test_findings_kept_at_each_of_their_sites_and_sizes_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


_SURVEY = "Bone survey, MM, restaging. Skull: small lytic lesions, unchanged."
_PRIMARY = "RUL primary now 2.4 cm (prev 3.0 cm). No new nodes."
_PRIMARY_DRAFT = (
    "The right upper lobe primary tumor measures 2.4 cm, previously 3.0 cm. No new lymph nodes."
    "\nIMPRESSION: Partial response of the right upper lobe primary tumor."
)


@pytest.mark.parametrize(
    "source, report, inserted",
    [
        # The draft's own history names the myeloma its impression names again.
        (
            _SURVEY,
            "HISTORY: Multiple myeloma, restaging.\nFINDINGS: Skull: small lytic lesions,"
            " unchanged.\nIMPRESSION: Stable lytic myeloma lesions.",
            [],
        ),
        (
            _SURVEY,
            "HISTORY: Multiple myeloma, restaging.\nFINDINGS: Skull: small lytic lesions,"
            " unchanged.\nIMPRESSION: Stable lytic lesions. New plasmacytoma of the left humerus.",
            ["plasmacytoma"],
        ),
        # The tumor sized as dictated is the dictated primary, in the impression as well.
        (_PRIMARY, _PRIMARY_DRAFT, []),
        (
            _PRIMARY,
            "IMPRESSION: Partial response of the right upper lobe primary tumor.\nFINDINGS: The"
            " right upper lobe primary tumor measures 2.4 cm, previously 3.0 cm.",
            [],
        ),
        (_PRIMARY, _PRIMARY_DRAFT + " New liver tumor.", ["tumor"]),
    ],
)
def test_a_draft_naming_the_known_disease_or_a_sized_lesion_again_inserts_nothing(
    verifier, source, report, inserted
):
    warnings = verifier.verify(source, report)
    assert {w["type"] for w in warnings} <= {"insertion"}
    assert [report[slice(*w["report_span"])] for w in warnings] == inserted


_TWO_OBSERVATIONS = (
    "Seg 7 obs 2.3 cm with washout. Seg 3 obs 8 mm.\nImp: Seg 7 2.3 cm, definite HCC. Seg 3 8 mm."
)


@pytest.mark.parametrize(
    "source, report, omitted",
    [
        # An enlarged artery is a dilated one: the families of a word are all its kin.
        (
            "Mediastinal nodes normal. Enlarged main pulmonary artery, 34 mm.",
            "Mediastinal lymph nodes are normal. The main pulmonary artery is dilated at 34 mm.",
            [],
        ),
        # The HCC is the segment 7 observation, sized alike: its size is no other lesion's.
        (
            _TWO_OBSERVATIONS,
            "Segment 7: 2.3 cm observation with washout. Segment 3: 8 mm observation.\n"
            "IMPRESSION: 2.3 cm segment 7 observation, definite hepatocellular carcinoma."
            " 8 mm segment 3 observation.",
            [],
        ),
        (
            _TWO_OBSERVATIONS,
            "Segment 7: 2.3 cm observation with washout.\n"
            "IMPRESSION: 2.3 cm segment 7 observation, definite hepatocellular carcinoma.",
            ["obs"],
        ),
    ],
)
def test_a_finding_said_in_other_words_keeps_its_partner_and_its_size(
    verifier, source, report, omitted
):
    warnings = verifier.verify(source, report)
    assert {w["type"] for w in warnings} <= {"omission", "measurement"}
    assert [source[slice(*w["source_span"])] for w in warnings if w["type"] == "omission"] == (
        omitted
    )


# ---------------------------------------------------------------- sides and sizes, more forms


@pytest.mark.parametrize(
    ("text", "dim", "values"),
    [
        ("a cyst of 4 centimetres", "length", (40.0,)),
        ("drained 250 millilitres", "volume", (250.0,)),
        ("a thirty-millimetre stone", "length", (30.0,)),
        ("residual volume of ninety millilitres", "volume", (90.0,)),
    ],
)
def test_british_spellings_of_spelled_out_units_are_measurements(text, dim, values):
    (m,) = extract_measurements(read_spoken_numbers(text))
    assert (m.dim, m.values) == (dim, values)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # A size restated in words with a British unit.
        (
            "Bladder: postvoid residual 90 mL. Stone 3 cm in the lower pole.",
            "Bladder: the postvoid residual is ninety millilitres."
            " A three-centimetre stone in the lower pole.",
        ),
        # A side heading for a side the dictation gave only through a part ("L upper pole").
        (
            "Thyroid US. R lobe unremarkable. L upper pole nodule 9 mm, TR2.",
            "FINDINGS:\nRight lobe: Unremarkable.\nLeft lobe: A 9 mm upper pole nodule (TR2).",
        ),
        (
            "Renal US. R kidney 11 cm, normal. L lower pole cyst 2 cm.",
            "FINDINGS:\nRight kidney: 11 cm, normal.\nLeft kidney: A 2 cm lower pole cyst.",
        ),
    ],
)
def test_faithful_rewrites_of_sizes_and_side_headings_in_other_forms_raise_nothing(
    verifier, source, report
):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    "source, report",
    [
        # Signal named by its sequence and its brightness is a hyper- or hypointensity.
        (
            "Focus in the pons with increased T2 signal.",
            "There is a T2 hyperintense focus in the pons.",
        ),
        (
            "Marrow lesion, low T1 and T2 signal.",
            "The marrow lesion is hypointense on T1 and T2.",
        ),
        # The verb and the noun of a contrast feature, the sequence and its restriction.
        ("Liver lesion that washes out on delay.", "Liver lesion with washout on delayed images."),
        ("DWI restriction in the left caudate.", "Restricted diffusion in the left caudate."),
        # On a fluid-sensitive sequence, "signal" named as a finding is the bright signal.
        (
            "New periventricular FLAIR signal.",
            "New periventricular FLAIR hyperintensity.",
        ),
        (
            "STIR hyperintensity L biceps. R biceps no STIR signal.",
            "STIR hyperintensity in the left biceps; the right biceps shows no STIR"
            " hyperintensity.",
        ),
        # The renal pelvis alone dilated, in one word or in several.
        ("Transplant: mild pyelectasis.", "Transplant: mild dilation of the renal pelvis."),
        # A clipped hedge after its finding keeps it hedged, and so does the draft's.
        (
            "Wrist effusion. Occult scaphoid fx possible.",
            "Wrist joint effusion. An occult scaphoid fracture cannot be excluded.",
        ),
        ("Elbow: elevated ant and post fat pads.", "Elbow: elevated posterior fat pad."),
        # A bone's adjective is its site: denying its fracture leaves another bone's standing.
        (
            "Transverse fx distal fibula. no medial malleolar fx.",
            "Transverse fracture of the distal fibula. The medial malleolus is intact.",
        ),
        # A label naming only the finding, graded after its colon, asserts the finding.
        (
            "Effusion: small suprapatellar.\nMenisci intact.",
            "Joint: Small suprapatellar joint effusion.\nMenisci: Intact.",
        ),
        # Fluid in a bursa and bursitis are one observation.
        (
            "Subacromial bursitis.",
            "Subacromial bursal fluid.",
        ),
        # Dictation's clipped signal word after its sequence.
        (
            "Marrow focus, T1 hypo, STIR slightly hyper.",
            "Marrow focus, hypointense on T1 and slightly hyperintense on STIR.",
        ),
        # The abbreviation of an osteochondral lesion.
        (
            "OCL lateral femoral condyle, 6 mm.",
            "6 mm osteochondral lesion of the lateral femoral condyle.",
        ),
    ],
)
def test_a_finding_said_in_other_words_or_under_its_own_label_raises_nothing(
    verifier, source, report
):
    assert types_raised(verifier, source, report) == set()


_SHOULDERS = "Shoulder US. R: full-thickness supraspinatus tear. L: tendinosis."


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            "On the right, there is a full-thickness tear of the supraspinatus."
            " On the left side, tendinosis.",
            set(),
        ),
        (
            "On the left, there is a full-thickness tear of the supraspinatus."
            " On the right side, tendinosis.",
            {"laterality"},
        ),
    ],
)
def test_a_side_opening_a_sentence_before_a_comma_sides_its_findings(verifier, report, expected):
    assert types_raised(verifier, _SHOULDERS, report) == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ("Haemorrhage within the right frontal sinus. Nasal bone fracture.", set()),
        ("Haemorrhage within the left frontal sinus. Nasal bone fracture.", {"laterality"}),
    ],
)
def test_blood_named_where_it_lies_is_a_haemorrhage_with_a_side(verifier, report, expected):
    source = "CT face. Blood in the R frontal sinus. Nasal bone fx."
    assert types_raised(verifier, source, report) == expected


def test_a_finding_given_the_size_of_a_named_quantity_is_a_measurement_change(verifier):
    source = (
        "Adrenal CT. L adrenal nodule 14 mm, -5 HU. Limb thickness 4 mm."
        " Imp: 14 mm L adrenal adenoma."
    )
    report = (
        "Left adrenal gland: a 14 mm nodule measuring -5 HU. The limb thickness is 4 mm.\n"
        "IMPRESSION: 4 mm left adrenal adenoma."
    )
    _assert_one_of_kind(verifier, source, report, "measurement", ("14 mm", "4 mm"))


@pytest.mark.parametrize(
    ("report", "quoted"),
    [
        ("Right vertebral artery stenosis, ipsilateral to the infarct.", None),
        (
            "Right vertebral artery stenosis, contralateral to the infarct.",
            ("ipsilateral to the infarct", "contralateral to the infarct"),
        ),
    ],
)
def test_a_side_relative_to_another_finding_turned_round_is_a_side_change(verifier, report, quoted):
    source = "R PICA infarct. R vertebral stenosis, ipsilateral to the infarct."
    if quoted is None:
        assert "laterality" not in types_raised(verifier, source, report)
    else:
        _assert_one_of_kind(verifier, source, report, "laterality", quoted)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        (
            "Right Achilles US. Tendon AP thickness 9 mm (contralateral 4 mm). No tear.",
            "FINDINGS:\nRight Achilles tendon: 0.9 cm AP (left Achilles 0.4 cm). No tear.",
        ),
        (
            "Right knee US. Patellar tendon thickness 9 mm (contralateral 4 mm).",
            "Right patellar tendon 9 mm thick (left patellar tendon 4 mm).",
        ),
    ],
)
def test_the_other_side_named_as_contralateral_answers_for_a_named_side(verifier, source, report):
    assert "laterality" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    "source, report, kind",
    [
        # A denied aspiration beside a dictated penetration, and a second study phase that
        # denies both: the draft's aspiration answers to the denial, not to the penetration.
        (
            "Thin barium: slow swallow onset, trace laryngeal penetration, cleared w/ cough, no"
            " tracheal aspiration.\nPuree: nl, no penetration or aspiration.\nImp: trace"
            " laryngeal penetration w/ thin barium, no aspiration.",
            "Thin barium: Slow swallow onset with trace laryngeal penetration and trace tracheal"
            " aspiration, cleared with a cough.\nPuree: Normal, with no penetration or"
            " aspiration.\nIMPRESSION: Trace laryngeal penetration and aspiration with thin"
            " barium.",
            "negation",
        ),
        # Findings named in words of their own: retained secretions, a spectroscopy peak,
        # cysts said as a tissue's change, tumour in the marrow.
        (
            "Maxillary mucosal thickening. no bone erosion, no inspissated secretions.",
            "Maxillary mucosal thickening with inspissated secretions, without bone erosion.",
            "negation",
        ),
        (
            "MRS: raised choline, no lipid or lactate peak.",
            "Spectroscopy: Raised choline with a lipid-lactate peak.",
            "negation",
        ),
        (
            "Thyroid: no nodules or cysts.",
            "Thyroid: Cystic change in the right lobe. No nodules.",
            "negation",
        ),
        (
            "Diffuse sacral uptake; marrow infiltration cannot be excluded.",
            "Diffuse sacral uptake, without marrow infiltration.",
            "negation",
        ),
        # A feature or a fragment the draft adds beside a dictated finding.
        (
            "Seg 4 obs 2 cm, APHE and washout. LR-5.",
            "Segment 4: 2 cm observation with arterial phase hyperenhancement, washout and an"
            " enhancing capsule. LI-RADS 5.",
            "insertion",
        ),
        (
            "Radial tear of the lateral meniscal body.",
            "Radial tear of the lateral meniscal body with a flipped fragment in the notch.",
            "insertion",
        ),
    ],
)
def test_a_finding_whose_presence_the_draft_changes_raises_its_type(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)
