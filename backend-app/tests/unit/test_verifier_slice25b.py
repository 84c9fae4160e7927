"""Verifier rules learnt from the heldout25 slice, second half: thoracic and cardiovascular
imaging (chest CT and radiographs, cardiac MRI and CT, CT angiography)."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import types_raised

_FAITHFUL = [
    # Coronary "calcs" are coronary artery calcification, not a calcified heart.
    (
        "CT chest. heart normal size, mild coronary calcs LAD.",
        "CT chest. Normal heart size. Mild coronary artery calcification in the left anterior "
        "descending artery.",
    ),
    # A nodule along a sided fissure takes its side; a second nodule given the other side is
    # not placed in the first one's lobe.
    (
        "CT chest. 4 mm solid nodule RUL unchanged. 3 mm perifissural nodule along the left "
        "major fissure also unchanged.",
        "CT chest. Solid nodule in the right upper lobe measuring 0.4 cm, unchanged. "
        "Perifissural nodule measuring 0.3 cm along the left major fissure, unchanged.\n"
        "IMPRESSION: Stable 4 mm right upper lobe nodule and 3 mm left perifissural nodule.",
    ),
    # "bilat" right before its finding is bilateral, whatever side is the larger.
    (
        "portable chest. small bilat effusions slightly larger on L, unchanged.",
        "Portable chest. Small pleural effusions on both sides, the left slightly larger than "
        "the right, unchanged.",
    ),
    # "mild functional MR" is mitral regurgitation, not the modality.
    (
        "cardiac MRI. LVEF 35%. mild functional MR. no pericardial effusion.",
        "Cardiac MRI. LVEF 35%. Valves: Mild functional mitral regurgitation. Pericardium: "
        "No pericardial effusion.",
    ),
    # A size after an article opens the noun phrase that follows it.
    (
        "CT chest. periesophageal node 9 mm short axis adjacent to the tumor and a 12 mm left "
        "gastric node, both suspicious.",
        "CT chest. Periesophageal lymph node adjacent to the tumor, 0.9 cm in short axis, "
        "suspicious. Left gastric lymph node, 1.2 cm, suspicious.",
    ),
    # "No honeycombing" leaves the fibrosis that reticulation with traction bronchiectasis
    # shows, and a degree word may sit inside "right slightly more than left".
    (
        "HRCT. reticulation with traction bronchiectasis both lower lobes, right slightly more "
        "than left. no honeycombing.",
        "HRCT. Reticulation with traction bronchiectasis in the right and left lower lobes, "
        "slightly more pronounced on the right. Honeycombing is absent. The fibrosis has "
        "progressed.",
    ),
    # A unit written once after a list of numbers is each number's; a two-dimension size may
    # be given one dimension at a time.
    (
        "CTA TAVR. min and max diameters 21.3 x 27.6 mm. sinus of valsalva diameters 30, 31, "
        "29 mm. ascending aorta 33 mm.",
        "CTA TAVR. Minimum / maximum diameter: 21.3 mm / 27.6 mm. Sinus of Valsalva "
        "diameters 30 mm, 31 mm and 29 mm. Ascending aorta 3.3 cm.",
    ),
    # A title of modality, region and question ("CTA chest PE.") asks; it reports nothing.
    (
        "CTA chest PE. 44 F pleuritic chest pain. no PE. small L pleural effusion.",
        "CT pulmonary angiography. No pulmonary embolism. Small left pleural effusion.",
    ),
]


@pytest.mark.parametrize(("source", "report"), _FAITHFUL)
def test_heldout25b_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # Coronary calcification denied in the draft is still a change.
        (
            "CT chest. heart normal size, mild coronary calcs LAD.",
            "CT chest. Normal heart size. No coronary artery calcification.",
            "negation",
        ),
        # The fissural nodule moved to the other side is still caught.
        (
            "CT chest. 4 mm solid nodule RUL unchanged. 3 mm perifissural nodule along the "
            "left major fissure also unchanged.",
            "CT chest. Solid nodule in the right upper lobe measuring 0.4 cm, unchanged. "
            "Perifissural nodule measuring 0.3 cm along the right major fissure, unchanged.",
            "laterality",
        ),
        # Bilateral effusions made left-only are still a side change.
        (
            "portable chest. small bilat effusions slightly larger on L, unchanged.",
            "Portable chest. Small left pleural effusion, unchanged.",
            "laterality",
        ),
        # Mitral regurgitation denied in the draft is still caught.
        (
            "cardiac MRI. LVEF 35%. mild functional MR. no pericardial effusion.",
            "Cardiac MRI. LVEF 35%. No mitral regurgitation. No pericardial effusion.",
            "negation",
        ),
        # The second node's size changed is still caught.
        (
            "CT chest. periesophageal node 9 mm short axis adjacent to the tumor and a 12 mm "
            "left gastric node, both suspicious.",
            "CT chest. Periesophageal lymph node adjacent to the tumor, 0.9 cm in short axis, "
            "suspicious. Left gastric lymph node, 1.6 cm, suspicious.",
            "measurement",
        ),
        # An embolism dictated after such a title and denied in the draft is still caught.
        (
            "CTA chest PE. 44 F pleuritic chest pain. small right lower lobe PE.",
            "CT pulmonary angiography. No pulmonary embolism.",
            "negation",
        ),
        # Honeycombing affirmed where the dictation denies fibrosis is still a negation error.
        (
            "HRCT. reticulation both lower lobes. no fibrosis.",
            "HRCT. Reticulation in both lower lobes. Mild honeycombing.",
            "negation",
        ),
        # Traction bronchiectasis denied as bronchiectasis is still a negation error.
        (
            "HRCT. reticulation with traction bronchiectasis both lower lobes.",
            "HRCT. Reticulation in both lower lobes without bronchiectasis.",
            "negation",
        ),
        # The worse side turned round, with a degree word, is still caught.
        (
            "HRCT. reticulation with traction bronchiectasis both lower lobes, right slightly "
            "more than left.",
            "HRCT. Reticulation with traction bronchiectasis in both lower lobes, slightly more "
            "pronounced on the left.",
            "laterality",
        ),
        # One listed number changed is still caught.
        (
            "CTA TAVR. sinus of valsalva diameters 30, 31, 29 mm. ascending aorta 33 mm.",
            "CTA TAVR. Sinus of Valsalva diameters 30 mm, 35 mm and 29 mm. Ascending aorta "
            "3.3 cm.",
            "measurement",
        ),
        # One dimension changed when given apart is still caught.
        (
            "CTA TAVR. min and max diameters 21.3 x 27.6 mm.",
            "CTA TAVR. Minimum / maximum diameter: 21.3 mm / 29.6 mm.",
            "measurement",
        ),
        # A title that describes its finding ("large PE") reports it: dropping it is caught.
        (
            "CT chest large PE. small L pleural effusion.",
            "CT chest. Small left pleural effusion.",
            "omission",
        ),
    ],
)
def test_heldout25b_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


def test_calcification_said_of_a_calcium_score_above_zero_is_no_insertion(verifier):
    source = "CT coronary calcium score. agatston total 312. LAD 210, LCx 40, RCA 62."
    report = "Total coronary artery calcium score of 312: calcification involving three vessels."
    assert "insertion" not in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # A score of zero says there is no calcification: the draft's calcification is new.
        (
            "CT coronary calcium score. agatston total 0. lungs clear.",
            "Calcium score of 0. Calcification involving two vessels.",
        ),
        # The score excuses calcification only: another finding added is still caught.
        (
            "CT coronary calcium score. CAC 312. lungs clear.",
            "Calcium score 312 with calcification in three vessels. Small pericardial effusion.",
        ),
    ],
)
def test_a_calcium_score_excuses_no_other_insertion(verifier, source, report):
    assert "insertion" in types_raised(verifier, source, report)
