"""Verifier rules learnt from false alarms on faithful pairs of the whole corpus (session 27):
each faithful rewording must stay quiet, and its matched mutation must still raise."""

from __future__ import annotations

from tests.support.verifier_checks import types_raised

_DUPLEX_SRC = (
    "{title} venous duplex. L calf swelling.\n"
    "CFV, FV, popliteal: compressible, normal phasic flow.\n"
    "R CFV phasic flow nl."
)
_DUPLEX_REP = (
    "Left lower extremity venous duplex. Left calf swelling.\n"
    "The common femoral, femoral and popliteal veins compress and show normal respiratory "
    "phasicity.\n"
    "The {other} common femoral vein shows normal phasic flow."
)


def test_sided_extremity_abbreviation_gives_the_title_its_side(verifier):
    """ "RUE venous duplex" is the right upper extremity's exam."""
    source = "RUE venous duplex. Occlusive thrombus in the basilic vein."
    same = "Right upper extremity venous duplex. Occlusive thrombus in the basilic vein."
    assert "laterality" not in types_raised(verifier, source, same)
    flipped = same.replace("Right", "Left")
    assert "laterality" in types_raised(verifier, source, flipped)


def test_respiratory_phasicity_is_the_veins_flow(verifier):
    """Normal phasicity of the examined leg's veins answers "normal phasic flow"."""
    source = _DUPLEX_SRC.format(title="LLE")
    faithful = _DUPLEX_REP.format(other="contralateral")
    assert "laterality" not in types_raised(verifier, source, faithful)
    # The other leg's vein said to be the examined one's is still a side error.
    assert "laterality" in types_raised(verifier, source, _DUPLEX_REP.format(other="left"))


_ACHILLES_SRC = (
    "Right Achilles tendon US. Fusiform thickening of the midportion 4 cm above the calcaneal "
    "insertion, with neovascularity."
)
_ACHILLES_REP = (
    "Right Achilles tendon: Fusiform midportion thickening 4 cm proximal to the calcaneal "
    "insertion, with neovascularity.\nIMPRESSION: {side} midportion Achilles tendinopathy."
)


def test_landmark_at_a_distance_is_not_the_site_and_headed_kin_is_one_finding(verifier):
    """Thickening "4 cm above the calcaneal insertion" is the tendon's; the impression's
    tendinopathy restates the thickening under the tendon's heading."""
    faithful = _ACHILLES_REP.format(side="Right")
    assert types_raised(verifier, _ACHILLES_SRC, faithful) == set()
    # A diagnosis added on the other side, or a new finding, still raises.
    assert types_raised(verifier, _ACHILLES_SRC, _ACHILLES_REP.format(side="Left"))
    added = faithful + " Retrocalcaneal bursitis."
    assert "insertion" in types_raised(verifier, _ACHILLES_SRC, added)


def test_landmark_distance_leaves_the_site_unset(verifier):
    """The structure a distance is measured from is no site of the finding."""
    from radpair.verifier.engine import RulesEngine

    text = "Fusiform thickening of the midportion 4 cm above the calcaneal insertion."
    (finding,) = [m for m in RulesEngine().extract(text).mentions if m.kind == "finding"]
    assert "calcaneus" not in finding.anatomy
    text = "Fusiform thickening of the calcaneal insertion."
    (finding,) = [m for m in RulesEngine().extract(text).mentions if m.kind == "finding"]
    assert "calcaneus" in finding.anatomy


def test_thickened_prevertebral_soft_tissue_is_its_swelling(verifier):
    """ "Prevertebral soft-tissue thickening" is the dictated prevertebral swelling."""
    source = "CT C-spine. Type II dens fracture. Prevertebral soft tissue swelling at C2."
    report = (
        "CT cervical spine. Type II odontoid fracture with prevertebral soft-tissue thickening "
        "anterior to C2."
    )
    assert types_raised(verifier, source, report) == set()
    denied = source.replace("Prevertebral soft tissue swelling at C2", "No prevertebral swelling")
    assert "negation" in types_raised(verifier, denied, report)


def test_breast_implants_take_the_side_not_the_breast(verifier):
    """ "Bilateral breast implants" for dictated "bilat implants" adds no side to the breast."""
    source = (
        "MRI breast implant protocol. 63F bilat implants, ?rupture.\n"
        "R implant: linguine sign = intracapsular rupture."
    )
    report = (
        "Breast MRI, implant protocol.\n"
        "CLINICAL HISTORY: 63-year-old woman with bilateral breast implants; evaluate for "
        "rupture.\nFINDINGS: Right implant: linguine sign indicating intracapsular rupture."
    )
    assert "laterality" not in types_raised(verifier, source, report)
    # A ruptured implant moved to the other side is still a side error.
    source = "MRI breast. Intracapsular rupture of the R breast implant."
    report = "Breast MRI. Intracapsular rupture of the left breast implant."
    assert "laterality" in types_raised(verifier, source, report)


def test_partial_or_full_thickness_denies_every_tear(verifier):
    """ "No partial or full-thickness tear" names both kinds, so an affirmed tear contradicts
    it; a denial of the full-thickness kind alone still leaves a partial tear open."""
    source = "Right shoulder MRI. No partial or full-thickness tear."
    assert "negation" in types_raised(verifier, source, "Right shoulder MRI. Supraspinatus tear.")
    assert types_raised(verifier, source, "Right shoulder MRI. No tear.") == set()
    kept = "Right shoulder MRI. Partial-thickness supraspinatus tear. No full-thickness tear."
    assert types_raised(verifier, kept, kept) == set()


def test_a_label_between_an_unsided_heading_and_the_title_is_skipped(verifier):
    """ "Contralateral" reads against the title even under a leading report heading."""
    source = "Left lower extremity venous duplex.\nR CFV phasic flow nl."
    report = (
        "EXAMINATION REPORT\n\nEXAMINATION: Venous duplex ultrasound, left lower extremity.\n"
        "The {side} common femoral vein demonstrates normal phasic flow."
    )
    assert "laterality" not in types_raised(verifier, source, report.format(side="contralateral"))
    assert "laterality" in types_raised(verifier, source, report.format(side="ipsilateral"))


_CAROTID_SRC = (
    "CAROTID DUPLEX BILAT\nMild plaque bilat ICA.\n"
    "R vertebral artery antegrade flow. L vertebral artery occlusion."
)
_CAROTID_REP = (
    "BILATERAL CAROTID DUPLEX ULTRASOUND\n\nFINDINGS:\n"
    "Right:\n- Internal carotid artery: Mild plaque.\n- Vertebral artery: {right}.\n"
    "Left:\n- Internal carotid artery: Mild plaque.\n- Vertebral artery: {left}."
)


def test_labelled_items_under_a_side_label_keep_its_side(verifier):
    """ "Right:" alone on its line gives its side to "- Vertebral artery: Antegrade flow"."""
    faithful = _CAROTID_REP.format(right="Antegrade flow", left="Occlusion")
    assert "laterality" not in types_raised(verifier, _CAROTID_SRC, faithful)
    swapped = _CAROTID_REP.format(right="Occlusion", left="Antegrade flow")
    assert "laterality" in types_raised(verifier, _CAROTID_SRC, swapped)


_TEMPORAL_SRC = "CT temporal bones. R mastoid sclerotic, poorly pneumatised. L temporal bone nl."
_TEMPORAL_REP = (
    "FINDINGS:\n{side} temporal bone:\n- Tegmen tympani: Intact.\n"
    "- Mastoid: Sclerotic and poorly pneumatised.\n{other} temporal bone: Unremarkable."
)


def test_labelled_items_under_a_sided_structure_label_keep_its_side(verifier):
    """ "Right temporal bone:" alone on its line gives its side to "- Mastoid: Sclerotic"."""
    faithful = _TEMPORAL_REP.format(side="Right", other="Left")
    assert "laterality" not in types_raised(verifier, _TEMPORAL_SRC, faithful)
    swapped = _TEMPORAL_REP.format(side="Left", other="Right")
    assert "laterality" in types_raised(verifier, _TEMPORAL_SRC, swapped)
