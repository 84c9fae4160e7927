"""Verifier rules learnt from the heldout25 slice, first half: paediatric and obstetric
imaging."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # Biometry dictated as a list with its unit said once, at the end.
        (
            "anomaly scan. singleton, breech. HC 175 AC 150 FL 32 mm consistent with dates.",
            "Singleton pregnancy, breech presentation. Biometry: HC 17.5 cm, AC 15.0 cm, "
            "FL 3.2 cm, consistent with gestational age.",
        ),
        # The draft's fetus and pregnancy are the subject of a scan whose fetus was measured,
        # and the amniotic fluid is named to give its volume.
        (
            "growth scan 34+2. cephalic. EFW 2240 g 38th centile. liquor normal.",
            "Presentation: Cephalic. Estimated fetal weight 2240 g (38th centile). "
            "Amniotic fluid: normal volume.\nIMPRESSION: Appropriately grown fetus.",
        ),
        (
            "single live intrauterine pregnancy. CRL 52.4 mm. FH 158 bpm.",
            "Single intrauterine pregnancy with a live fetus. Crown-rump length 52.4 mm. "
            "Fetal heart rate 158 beats per minute.",
        ),
    ],
)
def test_heldout25a_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # The shared unit still lets a changed biometry value show.
        (
            "anomaly scan. singleton, breech. HC 175 AC 150 FL 32 mm consistent with dates.",
            "Singleton pregnancy, breech presentation. Biometry: HC 17.5 cm, AC 16.0 cm, "
            "FL 3.2 cm, consistent with gestational age.",
            "measurement",
        ),
        # Spelled-out Doppler vessels are their abbreviations: two PIs trading vessels show.
        (
            "growth scan. cephalic. UA PI 1.21 nl. MCA PI 1.92. CPR 1.59.",
            "Presentation: cephalic. Umbilical artery PI 1.92. Middle cerebral artery PI 1.21. "
            "Cerebroplacental ratio 1.59.",
            "measurement",
        ),
        # An echogenic intracardiac focus is a finding the draft can add.
        (
            "anatomy scan. single live fetus, cephalic. EFW 338 g. no anomalies seen.",
            "Single live fetus, cephalic. EFW 338 g. An echogenic intracardiac focus is noted "
            "in the left ventricle.",
            "insertion",
        ),
    ],
)
def test_heldout25a_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # Without any fetal biometry, presentation or heart, a fetus is not the study's
        # subject: an embryo added to a dictated empty sac is new.
        (
            "TV US. gestational sac in uterus, mean sac diameter 12 mm. yolk sac present.",
            "Intrauterine gestational sac, mean sac diameter 12 mm, with a yolk sac. An embryo "
            "is seen.",
            "insertion",
        ),
    ],
)
def test_heldout25a_rules_keep_their_bounds(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)
