"""Verifier rules learnt from the heldout26 slice, first half: head and neck, ENT, orbits,
dental, thyroid and salivary imaging."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Nodes said to be "not pathological" are denied, as "no pathological nodes" does.
        (
            "US neck. Submandibular lymph nodes are not pathologic.",
            "Lymph nodes: No pathologic submandibular lymph nodes.",
        ),
        # "before was" gives the earlier study's size, and the draft keeps it earlier.
        (
            "Parotid cyst now 14 mm, before was 11 mm.",
            "The parotid cyst measures 14 mm, previously 11 mm.",
        ),
        # "A vs B" set against the prior study: B is the earlier size.
        (
            "Nodule R lobe, grown compared with the prior exam (18 mm vs 12 mm).",
            "Right lobe nodule measuring 18 mm, previously 12 mm, increased in size.",
        ),
        # NPC is nasopharyngeal carcinoma: the draft spelling it out keeps its dictated side.
        (
            "Hx nasopharyngeal carcinoma. Imp: right NPC invading the prevertebral muscles.",
            "CLINICAL HISTORY: Nasopharyngeal carcinoma.\nIMPRESSION: Right-sided "
            "nasopharyngeal carcinoma with invasion of the prevertebral muscles.",
        ),
        # A retrofenestral denial leaves the fenestral otosclerosis dictated beside it.
        (
            "CT temporal bones. R fenestral otosclerosis. no pericochlear lucency. " "L normal.",
            "Right temporal bone: Fenestral otosclerosis. No retrofenestral otosclerosis.\n"
            "Left temporal bone: Normal.",
        ),
        # "extending to" is the spread that "extension to" dictates.
        (
            "Tongue base tumour with extension to the vallecula. No invasion of the "
            "preepiglottic fat.",
            "Tongue base tumour extending to the vallecula, without invasion of the "
            "pre-epiglottic fat.",
        ),
        # "X on the right and Y on the left": each size keeps its side under the draft's
        # per-side labels.
        (
            "CT temporal bones. Hypodense foci at the fissula ante fenestram, 1 mm on the "
            "right and 4 mm on the left.",
            "Right temporal bone: 1 mm hypodense focus at the fissula ante fenestram.\nLeft "
            "temporal bone: 4 mm hypodense focus at the fissula ante fenestram.",
        ),
    ],
)
def test_heldout26a_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # A finding the draft places in the pterygopalatine fossa is not the dictated sinus
        # finding.
        (
            "Antrochoanal polyp arising in the L maxillary sinus, passing through a widened "
            "accessory maxillary ostium.",
            "Left antrochoanal polyp arising in the maxillary sinus and passing through a "
            "widened accessory maxillary ostium. Widening of the left pterygopalatine fossa.",
            "insertion",
        ),
        # A retrosternal extension the dictation never gave is added, in either wording.
        (
            "Multinodular goitre. Trachea midline.",
            "Multinodular goitre. The right lobe extends beneath the thoracic inlet. The "
            "trachea is midline.",
            "insertion",
        ),
        (
            "Multinodular goitre. Trachea midline.",
            "Multinodular goitre with substernal extension of the right lobe. The trachea is "
            "midline.",
            "insertion",
        ),
        # Nodes dictated "not pathological" and affirmed enlarged in the draft.
        (
            "Submandibular lymph nodes are not pathological.",
            "Enlarged submandibular lymph nodes.",
            "negation",
        ),
        # Current and earlier sizes traded after "before was" show.
        (
            "Parotid cyst now 14 mm, before was 11 mm.",
            "The parotid cyst measures 11 mm, previously 14 mm.",
            "measurement",
        ),
        # ... and so do they after "A vs B" set against the prior study.
        (
            "Nodule R lobe, grown compared with the prior exam (18 mm vs 12 mm).",
            "Right lobe nodule measuring 12 mm, previously 18 mm.",
            "measurement",
        ),
        # A dictated NPC moved to the other side.
        (
            "MRI nasopharynx. Imp: left NPC.",
            "IMPRESSION: Right nasopharyngeal carcinoma.",
            "laterality",
        ),
        # Extension denied in the dictation and affirmed with "extends to" in the draft.
        (
            "Parotid mass. No extension to the skull base.",
            "Parotid mass, which extends to the skull base.",
            "negation",
        ),
        # Radiolucency is a lucency: denied in the dictation, affirmed in the draft.
        (
            "Bitewings. No periapical lucency at 36.",
            "Periapical radiolucency at the lower left first molar (36).",
            "negation",
        ),
        # Intracranial gas is pneumocephalus.
        (
            "Skull XR after fall. Occipital fracture, no pneumocephalus.",
            "Occipital skull fracture with a small amount of intracranial gas.",
            "negation",
        ),
        # Sizes given "on the right" and "on the left" moved to the other side's label.
        (
            "CT temporal bones. Hypodense foci at the fissula ante fenestram, 1 mm on the "
            "right and 4 mm on the left.",
            "Right temporal bone: 4 mm hypodense focus at the fissula ante fenestram.\nLeft "
            "temporal bone: 1 mm hypodense focus at the fissula ante fenestram.",
            "laterality",
        ),
    ],
)
def test_heldout26a_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # Only a retrofenestral denial is qualified: an unqualified one still contradicts
        # dictated otosclerosis.
        (
            "CT temporal bones. bilateral fenestral otosclerosis.",
            "IMPRESSION: No otosclerosis.",
            "negation",
        ),
        # "vs" with no earlier study in its sentence sets two current sizes side by side.
        (
            "Parotid glands asymmetric, right 32 mm vs 24 mm on the left.",
            "Asymmetric parotid glands: right 32 mm; left previously 24 mm.",
            "measurement",
        ),
    ],
)
def test_heldout26a_rules_keep_their_bounds(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


def test_a_dictated_retrosternal_goitre_restated_as_its_observation_raises_nothing(verifier):
    source = "MNG. L lobe substernal extension. Trachea deviated to the R."
    report = (
        "Multinodular goitre. The left lobe extends below the suprasternal notch. The trachea "
        "is deviated to the right."
    )
    assert types_raised(verifier, source, report) == set()


def test_a_draft_reaching_only_to_the_sternal_notch_adds_no_retrosternal_extension(verifier):
    source = "MNG. Trachea midline."
    report = "Multinodular goitre. The left lobe extends to the sternal notch. Trachea midline."
    assert types_raised(verifier, source, report) == set()
