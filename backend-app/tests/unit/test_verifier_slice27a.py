"""Verifier rules learnt from the heldout27 slice, first half: genitourinary and gynaecologic
imaging (renal masses and stones, urography, scrotal and pelvic ultrasound, endometriosis and
fibroid MR)."""

from __future__ import annotations

import pytest

from tests.support.verifier_checks import types_raised


@pytest.mark.parametrize(
    ("source", "report"),
    [
        # A clause opened by "all" after a list of both sides is said of every item: it takes
        # neither the last item's side nor its size.
        (
            "Right ovary: two endometriomas, 3.0 cm and 1.2 cm, T1 hyperintense.\n"
            "Left ovary: one endometrioma 1.8 cm, similar appearance.",
            "Ovaries: endometriomas on both sides - two in the right ovary (30 mm and 12 mm) "
            "and one in the left ovary (18 mm), all T1 hyperintense.",
        ),
        # "c/w" ends the scope of the denial before it, as "consistent with" does.
        (
            "Fibroid posterior wall 3 cm, no enhancement, c/w haemorrhagic degeneration.",
            "Posterior wall fibroid measuring 30 mm without enhancement, consistent with "
            "haemorrhagic degeneration.",
        ),
        # A class number before a size ("FIGO type 3, 25 mm") is no size of its own.
        (
            "Intramural fibroid FIGO 3, anterior wall, 2.5 cm.",
            "Anterior wall intramural fibroid, FIGO type 3, 25 mm.",
        ),
        # "A vs B cm" in a sentence calling the finding stable: B is the earlier size.
        (
            "Stable right renal angiomyolipoma, 1.9 vs 1.8 cm.",
            "Right renal angiomyolipoma measuring 19 mm, previously 18 mm; stable.",
        ),
        # "Low density" of a stone is its low attenuation.
        (
            "Right renal pelvis stone 9 mm, low density, likely urate.",
            "9 mm right renal pelvic calculus. Its low attenuation suggests urate.",
        ),
        # A residual given as its share of the pre-void volume is worked out, not invented.
        (
            "Pre void bladder volume 300 ml. Post void residual 150 ml.",
            "Pre-void volume 300 mL. Post-void residual 150 mL, 50% of the pre-void volume.",
        ),
        # "-coele" is the British "-cele".
        ("Left spermatocoele 8 mm.", "Left spermatocele measuring 8 mm."),
        # "Hydrosalpinges" is the plural of "hydrosalpinx".
        ("Bilateral hydrosalpinges.", "Hydrosalpinx on both sides."),
    ],
)
def test_heldout27a_faithful_wordings_raise_nothing(verifier, source, report):
    assert types_raised(verifier, source, report) == set()


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # A dictated hydrocoele moved to the other side.
        ("Small right hydrocoele.", "Small left hydrocele.", "laterality"),
        # Bilateral hydrosalpinges narrowed to one side.
        (
            "Hydrosalpinges bilaterally, 1.8 cm on the left.",
            "Left hydrosalpinx measuring 18 mm.",
            "laterality",
        ),
        # Involvement denied in the dictation, affirmed in the draft, in either wording.
        (
            "Nodule of the torus uterinus. No bowel involvement.",
            "Nodule of the torus uterinus with involvement of the bowel.",
            "negation",
        ),
        (
            "Nodule of the torus uterinus. No invasion of the bowel wall.",
            "Nodule of the torus uterinus with bowel wall involvement.",
            "negation",
        ),
        # ... also where another spread of the tumour is affirmed.
        (
            "Tumour extending into the parapharyngeal fat. No cavernous sinus involvement.",
            "Tumour extending into the parapharyngeal fat, with cavernous sinus involvement.",
            "negation",
        ),
        # "Not consistent with" denies the diagnosis the draft affirms.
        (
            "R adrenal nodule, washout 40%, not consistent with adenoma.",
            "Right adrenal nodule with 40% washout, consistent with an adenoma.",
            "negation",
        ),
        # A dilated pelvicalyceal system the dictation never gave, beside its denial of
        # dilated ureters.
        (
            "Bifid left collecting system. Ureters opacified, no dilatation.",
            "Bifid left collecting system with mild dilatation of the lower moiety "
            "pelvicaliceal system. The ureters are opacified, without dilatation.",
            "insertion",
        ),
        # A fundal fibroid moved to the other side of the fundus.
        (
            "Subserosal fibroid, left fundal, 3 cm, calcified.",
            "Right fundus: subserosal fibroid measuring 30 mm, calcified.",
            "laterality",
        ),
        # A size of a finding under a side's label, given by the draft to the other side.
        (
            "Left kidney: one cyst 2.4 cm.\nRight kidney: two cysts, 1.1 cm and 0.8 cm.",
            "Kidneys: cysts on both sides - two in the left kidney (11 mm and 8 mm) and one "
            "in the right kidney (24 mm).",
            "laterality",
        ),
    ],
)
def test_heldout27a_shapes_still_catch_their_errors(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)


@pytest.mark.parametrize(
    ("source", "report", "kind"),
    [
        # A percentage that is no share of the draft's own values is still checked.
        (
            "Pre void bladder volume 300 ml. Post void residual 150 ml.",
            "Pre-void volume 300 mL. Post-void residual 150 mL, 40% of the pre-void volume.",
            "measurement",
        ),
        # After "all", a finding named with its own side keeps it.
        (
            "Cysts in both kidneys, all simple, and a right renal stone.",
            "Cysts in both kidneys, all simple, and a left renal stone.",
            "laterality",
        ),
        # A stable finding's "A vs B" still fixes which size is the current one.
        (
            "Stable left renal cyst, 2.4 vs 2.3 cm.",
            "Left renal cyst measuring 23 mm, previously 24 mm.",
            "measurement",
        ),
        # "c/w" ends a denial only where it stands: the denied finding before it stays denied,
        # and "not c/w" still denies the diagnosis after it.
        (
            "Adnexal lesion, no calcification c/w endometrioma.",
            "Adnexal lesion with calcification, consistent with an endometrioma.",
            "negation",
        ),
        (
            "R adrenal nodule, washout 40%, not c/w adenoma.",
            "Right adrenal nodule with 40% washout, consistent with an adenoma.",
            "negation",
        ),
    ],
)
def test_heldout27a_rules_keep_their_bounds(verifier, source, report, kind):
    assert kind in types_raised(verifier, source, report)
