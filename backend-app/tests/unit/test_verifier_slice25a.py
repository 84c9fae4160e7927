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
        # The radial head and neck are their own site: denied there, a supracondylar fracture
        # of the humerus stays affirmed.
        (
            "R elbow. supracondylar fracture R humerus. no radial head or neck fracture.",
            "Right elbow: There is a supracondylar fracture of the right distal humerus. The "
            "radial head and neck are intact.",
        ),
        # A finding named as the place where a denied one would be is not denied.
        (
            "target mass RUQ c/w ileocolic intussusception. no trapped fluid. no lead point",
            "Target mass in the right upper quadrant, consistent with an ileocolic "
            "intussusception. No trapped fluid within the intussusception and no lead point.",
        ),
        # Resolution short of complete leaves the finding; "no longer visible" denies it; and
        # "present on yesterday's film" under a label speaks of the prior.
        (
            "AXR. pneumatosis largely resolved, small residual focus RLQ. portal venous "
            "gas seen on yesterdays film no longer visible.",
            "Bowel: Pneumatosis intestinalis has largely "
            "resolved; a small residual focus remains in the right lower quadrant.\nPortal "
            "venous gas: Present on yesterday's radiograph; no longer visible.\nIMPRESSION: "
            "Near-complete resolution of pneumatosis and resolution of portal venous gas.",
        ),
        # A neonate's RDS is the granular opacification of its lungs.
        (
            "babygram day 1. lungs diffusely granular with low volumes in keeping with RDS.",
            "Lungs: Both lungs are low in volume with diffuse granular opacification, "
            "consistent with respiratory distress syndrome.",
        ),
        # A denied absent end-diastolic flow stays denied in either wording.
        (
            "growth scan. cephalic. UA PI 0.9, no absent or reversed end-diastolic flow.",
            "Presentation: cephalic. Umbilical artery PI 0.9, without absent or reversed "
            "end-diastolic flow.",
        ),
        # RIF is the right iliac fossa.
        (
            "US abdo. RIF pain. imp perforated appendicitis with RIF abscess approx 4 cm.",
            "IMPRESSION: Perforated appendicitis with a right iliac fossa abscess measuring "
            "approximately 4 cm.",
        ),
        # Descriptors between "echogenic" and "focus" describe the same focus.
        (
            "complex collection containing echogenic shadowing focus, likely appendicolith. "
            "echogenic branching linear foci L basal ganglia c/w lenticulostriate vasculopathy",
            "A complex collection containing an echogenic focus with posterior acoustic "
            "shadowing, likely an appendicolith. Linear branching echogenic foci in the left "
            "basal ganglia, consistent with lenticulostriate vasculopathy.",
        ),
        # RK and LK are the right and left kidneys; "11 mm, was 15 mm on scan 2 months ago"
        # gives the current then the earlier value.
        (
            "Renal US. RK 6.2 cm LK 6.0 cm. R renal pelvis APD 11 mm, was 15 mm on scan 2 "
            "months ago. LK normal, no hydronephrosis.\nImp improving R hydronephrosis.",
            "Right kidney: Length 62 mm. Renal pelvis APD 1.1 cm, reduced from 1.5 cm on the "
            "prior study.\nLeft kidney: Length 60 mm. No hydronephrosis.\nIMPRESSION: "
            "Improving right hydronephrosis.",
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
        # A radial head fracture the draft affirms is still a denied one affirmed.
        (
            "R elbow. supracondylar fracture R humerus. no radial head or neck fracture.",
            "Right elbow: There is a supracondylar fracture of the right distal humerus and a "
            "fracture of the radial head.",
            "negation",
        ),
        # The holder itself denied is still a negation.
        (
            "target mass RUQ c/w ileocolic intussusception. no trapped fluid. no lead point",
            "Target mass in the right upper quadrant. No intussusception. No trapped fluid "
            "and no lead point.",
            "negation",
        ),
        # Complete resolution still denies a dictated residue.
        (
            "AXR. pneumatosis largely resolved, small residual focus RLQ.",
            "IMPRESSION: Complete resolution of pneumatosis.",
            "negation",
        ),
        # A finding present now, under its label, still contradicts one dictated gone.
        (
            "AXR. portal venous gas seen on yesterdays film no longer visible.",
            "Portal venous gas: Present, unchanged.",
            "negation",
        ),
        # RDS dictated and pneumonia written: one more lung finding than was dictated.
        (
            "babygram day 1. lungs diffusely granular with low volumes in keeping with RDS.",
            "Lungs: Diffuse granular opacification, consistent with respiratory distress "
            "syndrome. Pneumothorax on the right.",
            "insertion",
        ),
        # The arterial line does not stand for a venous line left out.
        (
            "babygram. UAC tip T7. UVC tip low over the liver at T11, suggest reposition. NGT "
            "in stomach.",
            "Lines: Umbilical arterial catheter tip at T7. Nasogastric tube in the stomach.",
            "omission",
        ),
        # Absent end-diastolic flow left out of the draft.
        (
            "dopplers. UA PI 1.62 >95th centile, intermittent AEDF. MCA PI 1.24.",
            "Doppler: Umbilical artery PI 1.62 (>95th centile). MCA PI 1.24.",
            "omission",
        ),
        # ... or denied by it.
        (
            "dopplers. UA PI 1.62 >95th centile, intermittent AEDF. MCA PI 1.24.",
            "Doppler: Umbilical artery PI 1.62 (>95th centile), no absent end-diastolic flow. "
            "MCA PI 1.24.",
            "negation",
        ),
        # "now X, was Y" and "compared with Y on the film last week": current and earlier
        # values trading places is a changed measurement.
        (
            "distal radial fracture with dorsal angulation, now 18 degrees, was 10 degrees on "
            "the post cast film last week.",
            "Distal radial fracture with dorsal angulation, now measuring 10 degrees, compared "
            "with 18 degrees on the post-cast radiograph last week.",
            "measurement",
        ),
        # A RIF abscess moved to the left still shows.
        (
            "US abdo. RIF pain. imp perforated appendicitis with RIF abscess approx 4 cm.",
            "IMPRESSION: Perforated appendicitis with a left iliac fossa abscess measuring "
            "approximately 4 cm.",
            "laterality",
        ),
        # An echogenic focus the dictation never gave is still added.
        (
            "complex collection RIF. surrounding inflamed fat.",
            "A complex collection in the right iliac fossa containing an echogenic shadowing "
            "focus. The surrounding fat is inflamed.",
            "insertion",
        ),
        # The left kidney given the right's hydronephrosis still shows.
        (
            "Renal US. R renal pelvis APD 11 mm. LK normal, no hydronephrosis.\n"
            "Imp R hydronephrosis.",
            "Right kidney: Renal pelvis APD 11 mm.\nLeft kidney: Hydronephrosis.\n"
            "IMPRESSION: Right hydronephrosis.",
            "negation",
        ),
        # Current and earlier values traded after "was ... ago" still show.
        (
            "R renal pelvis APD 11 mm, was 15 mm on scan 2 months ago.",
            "Right renal pelvis APD 15 mm, reduced from 11 mm on the prior study.",
            "measurement",
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


def test_a_change_restated_in_the_same_order_raises_nothing(verifier):
    source = (
        "distal radial fracture with dorsal angulation, now 18 degrees, was 10 degrees on the "
        "post cast film last week."
    )
    report = (
        "Distal radial fracture with dorsal angulation, now measuring 18 degrees, compared "
        "with 10 degrees on the post-cast radiograph last week."
    )
    assert types_raised(verifier, source, report) == set()
