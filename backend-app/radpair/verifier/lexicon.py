"""Finding, anatomy and cue lexicon shared by both verifier engines (data only)."""

from __future__ import annotations


def _clipped_signal(prefix: str) -> list[str]:
    """Dictation's clipped signal words after their sequence ("T2 mildly hyper")."""
    return [
        f"{seq} {degree}{prefix}"
        for seq in ("t1", "t2", "stir", "flair")
        for degree in ("", "mildly ", "slightly ", "markedly ", "heterogeneously ")
    ]


def _graded_signal(word: str) -> list[str]:
    """A sequence's signal graded in plain words ("DWI markedly high", "ADC markedly low"); a
    degree is required, as a bare "DWI high" may begin "high b-value"."""
    return [
        f"{seq} {degree} {word}"
        for seq in ("t1", "t2", "stir", "flair", "dwi", "adc")
        for degree in ("mildly", "slightly", "moderately", "markedly", "very")
    ]


def _perfusion_threshold(
    name: str, signs: tuple[str, ...], values: tuple[str, ...], units: tuple[str, ...]
) -> list[str]:
    """A CT perfusion volume's threshold ("Tmax >6 s", "CBF<30%") as written, spaced or not."""
    return [
        f"{name}{a}{sign}{b}{value}{c}{unit}"
        for sign in signs
        for value in values
        for unit in units
        for a in ("", " ")
        for b in ("", " ")
        for c in (("", " ") if unit.isalpha() else ("",))
    ]


# Each finding: canonical key -> surface forms. A surface may carry an implied anatomy with
# "surface|anatomy" so that "pleural effusion" and "effusion" share one finding key while the
# pleural one still knows where it is. Plurals ending in s/es are matched automatically.
FINDINGS: dict[str, list[str]] = {
    "nodule": ["nodule", "nodular opacity", "micronodule", "granuloma"],
    "mass": ["mass", "masses", "tumor", "lump"],
    # Diagnoses are kept apart from the lesion they explain ("mass, concerning for neoplasm").
    "malignancy": [
        "malignancy",
        "neoplasm",
        "carcinoma",
        "cancer",
        "lymphoma",
        "sarcoma",
        "hcc",
        "rcc",
        "idc",
        "dcis",
        # Nasopharyngeal carcinoma: head and neck dictation names it by its initials.
        "npc",
        # Germ cell tumour, named for what it is rather than as a lump.
        "germ cell tumor",
        "germ cell tumour",
        "gct",
    ],
    "meningioma": ["meningioma"],
    "multiple_sclerosis": [
        "multiple sclerosis",
        "multiple sclerosis lesion",
        "multiple sclerosis plaque",
        "ms lesion",
        "ms plaque",
    ],
    # Developmental dysplasia of the hip, by its abbreviation or its name.
    "hip_dysplasia": [
        "ddh|hip",
        "developmental dysplasia|hip",
        "developmental hip dysplasia|hip",
        "hip dysplasia|hip",
        "dysplastic hip|hip",
    ],
    "cortical_dysplasia": [
        "focal cortical dysplasia",
        "cortical dysplasia",
        "fcd",
        "malformation of cortical development",
    ],
    "lesion": [
        "lesion",
        "observation",
        "obs",
        "hypodensity",
        "hypoattenuating lesion",
        "focal lesion",
        "hypoattenuation",
        "low attenuation",
        "low-attenuation",
        # CT density is its attenuation: "low density" says what "low attenuation" does.
        "low density",
        "low-density",
        # A single focus of enhancement is a lesion on contrast MRI (a new metastasis, or a
        # vessel); foci in the plural ("scattered tiny enhancing foci") describe background.
        "focus of enhancement",
    ],
    # A ganglion is a cyst ("dorsal ganglion 5 mm", "ganglion cyst"); nerve ganglia are names.
    "cyst": [
        "cyst",
        "cystic lesion",
        # Cysts forming in a tissue, said as its change ("no cystic change" for "no cysts").
        "cystic change",
        "cystic changes",
        "endometrioma",
        "synovial cyst",
        "baker cyst",
        "ganglion",
        "ganglion cyst",
        # Cysts beside a torn labrum or meniscus lie at that fibrocartilage, not in the bone
        # under it ("paralabral cyst" is no subchondral cyst of the acetabulum).
        "paralabral cyst|labrum",
        "paralabral cysts|labrum",
        "parameniscal cyst|meniscus",
        "parameniscal cysts|meniscus",
    ],
    "effusion": [
        "effusion",
        "pleural effusion|pleura",
        "pleural eff|pleura",
        "parapneumonic effusion|pleura",
        "pleural fluid|pleura",
        "pericardial effusion|pericardium",
        "pericardial fluid|pericardium",
        "joint effusion",
        "suprapatellar effusion|knee",
    ],
    "pneumothorax": ["pneumothorax", "pneumothoraces", "ptx"],
    # A generic word, but "no acute osseous abnormality" becoming "acute osseous abnormality"
    # is as dangerous as any named finding.
    "abnormality": ["abnormality", "abnormalities"],
    "hemothorax": ["hemothorax", "hemothoraces"],
    # Reversed vertebral flow feeding the arm past a subclavian stenosis.
    "subclavian_steal": ["subclavian steal", "subclavian steal syndrome", "steal phenomenon"],
    # Extrinsic compression of the coeliac axis: the other cause of its stenosis, said present
    # or absent beside an atherosclerotic one.
    "median_arcuate_ligament_compression": [
        "median arcuate ligament impression",
        "median arcuate ligament compression",
        "median arcuate ligament syndrome",
    ],
    # Blood around the aorta or heart, said after an aortic injury or dissection.
    "hemomediastinum": ["hemomediastinum", "mediastinal hematoma", "mediastinal hemorrhage"],
    "hemopericardium": ["hemopericardium"],
    "consolidation": ["consolidation", "airspace disease", "airspace opacity"],
    "pneumonia": ["pneumonia", "pneumonias"],
    "atelectasis": ["atelectasis", "collapse", "atelectatic change"],
    "opacity": [
        "opacity",
        "opacities",
        "opacification",
        "ground glass opacity",
        "infiltrate",
        "ggo",
    ],
    # Umbilical artery Doppler's sign of placental failure in a growth-restricted fetus.
    "absent_end_diastolic_flow": [
        "absent end-diastolic flow",
        "absent end diastolic flow",
        "reversed end-diastolic flow",
        "reversed end diastolic flow",
        "absent or reversed end-diastolic flow",
        "absent or reversed end diastolic flow",
        "absent/reversed end-diastolic flow",
        "aedf",
        "redf",
        "aredf",
    ],
    # The preterm lung's surfactant deficiency, seen as diffuse granular opacification.
    "respiratory_distress_syndrome": [
        "respiratory distress syndrome",
        "rds",
        "surfactant deficiency",
        "surfactant deficient lung disease",
        "hyaline membrane disease",
    ],
    "emphysema": ["emphysema", "emphysematous change"],
    "subcutaneous_emphysema": [
        "subcutaneous emphysema",
        "subcutaneous gas",
        "soft tissue gas",
        "subcut emphysema",
        "subq emphysema",
        "sq emphysema",
    ],
    "bronchiectasis": ["bronchiectasis"],
    # Airways pulled open by the fibrosis around them: a sign of the fibrosis, which a draft
    # may name instead ("the fibrosis has progressed").
    "traction_bronchiectasis": ["traction bronchiectasis", "traction bronchiolectasis"],
    "lymphadenopathy": [
        "lymphadenopathy",
        "adenopathy",
        "enlarged lymph node",
        "enlarged node",
        "pathologically enlarged lymph node",
        # Dictation's "LAD" after a nodal region is adenopathy, not the coronary artery.
        *(
            f"{region} lad"
            for region in (
                "pelvic",
                "axillary",
                "hilar",
                "mediastinal",
                "inguinal",
                "retroperitoneal",
                "cervical",
                "abdominal",
                "mesenteric",
                "supraclavicular",
                "thoracic",
                "iliac",
                "periportal",
            )
        ),
    ],
    "lymph_node": ["lymph node", "node", "ln", "lns"],
    "fracture": ["fracture", "fx"],
    # A ligament's tear may pull off a flake of bone ("no avulsion fragment" at a UCL tear).
    # A carpal collapse pattern read from the lunate's tilt: dorsal (DISI) or volar (VISI).
    "disi": [
        "disi",
        "dorsal intercalated segment instability",
        "dorsal intercalated segmental instability",
    ],
    "visi": [
        "visi",
        "volar intercalated segment instability",
        "volar intercalated segmental instability",
    ],
    # A penetrating wound that reaches the peritoneal cavity changes management (laparotomy).
    "peritoneal_violation": [
        "peritoneal violation",
        "retroperitoneal violation",
        "violation of the peritoneum",
        "violation of the retroperitoneum",
        "peritoneal breach",
        "breach of the peritoneum",
        "peritoneal penetration",
        "penetration of the peritoneum",
    ],
    "avulsion_fragment": [
        "avulsion fragment",
        "avulsed fragment",
        "avulsed bone fragment",
        "fleck avulsion",
        "bony avulsion",
    ],
    "dislocation": ["dislocation", "dislocated", "fracture-dislocation"],
    "tear": [
        "tear",
        "torn",
        "rupture",
        "ruptured",
        "disrupted",
        "disruption",
        # The full-thickness part of a partial tear ("a small full thickness component cannot
        # be excluded") is a tear of its own kind: its denial and its doubt differ.
        "full thickness component",
        "full-thickness component",
    ],
    "tendinosis": ["tendinosis", "tendinopathy"],
    # Bone loaded past its repair (marrow and periosteal oedema) without a fracture line: the
    # step before a stress fracture, denied or affirmed in its own right.
    "stress_reaction": ["stress reaction", "stress reactions", "stress response"],
    # Fluid tracking from the pubic symphysis along an adductor-rectus aponeurosis tear: the
    # sided sign of athletic pubalgia.
    "cleft_sign": ["secondary cleft sign", "secondary cleft signs", "cleft sign", "cleft signs"],
    # A high- or low-riding patella, a cause of instability or of pain.
    "patella_alta": ["patella alta"],
    "patella_baja": ["patella baja", "patella infera"],
    # Bone cement outside where it was put (arthroplasty, vertebroplasty).
    "extruded_cement": [
        "extruded cement",
        "cement extrusion",
        "cement leak",
        "cement leakage",
        "extravasated cement",
        "cement extravasation",
    ],
    "bursitis": ["bursitis"],
    "contusion": [
        "contusion",
        "hemorrhagic contusion",
        "bone bruise",
        "bone marrow edema",
        "subchondral edema",
        "subchondral marrow edema",
        "marrow edema",
        "bme",
    ],
    "edema": ["edema", "vasogenic edema", "oedema"],
    # Dictation shortens "pulmonary" to "pulm" ("stable mild pulm edema").
    "pulmonary_edema": [
        "pulmonary edema",
        "pulmonary oedema",
        "pulm edema",
        "interstitial edema",
        "interstitial pulmonary edema",
    ],
    "vascular_congestion": [
        "vascular congestion",
        "pulmonary vascular congestion",
        "pulm vascular congestion",
    ],
    "hemorrhage": [
        "hemorrhage",
        "bleed",
        "hemorrhagic",
        "subchorionic hemorrhage",
        "ich",
        "haemorrhage",
        # Blood named where it lies ("blood in the left maxillary sinus") is a haemorrhage;
        # "blood" alone names nothing, so "blood flow" or "blood pool" is never one.
        "blood in",
        "blood within",
        "blood products",
        "hemosinus",
    ],
    "hematoma": ["hematoma", "haematoma"],
    "subdural_hematoma": ["subdural hematoma", "subdural hemorrhage", "sdh"],
    "epidural_hematoma": ["epidural hematoma", "epidural hemorrhage", "edh"],
    "intraparenchymal_hemorrhage": [
        "intraparenchymal hemorrhage",
        "intraparenchymal hematoma",
        "parenchymal hemorrhage",
        "iph",
    ],
    "infarct": [
        "infarct",
        "infarction",
        "stroke",
        "lacunar infarct",
        "territorial infarct",
        # An evolving hypodensity is how a stroke follow-up CT says an infarct is declaring.
        "evolving hypodensity",
        "evolving hypoattenuation",
        "lacune",
        "lacunes",
        # CT perfusion names the infarct core by its threshold ("CBF <30% 12 mL").
        "ischemic core",
        "core infarct",
        *_perfusion_threshold("cbf", ("<",), ("30",), ("%",)),
        *_perfusion_threshold("rcbf", ("<",), ("30",), ("%",)),
    ],
    "embolism": ["embolism", "embolus", "emboli", "pe", "filling defect", "embolic occlusion"],
    "thrombus": ["thrombus", "thrombosis", "dvt", "clot", "thrombi"],
    "thrombophlebitis": ["thrombophlebitis"],
    "stenosis": ["stenosis", "stenoses", "narrowing"],
    "occlusion": [
        "occlusion",
        "occluded",
        "large vessel occlusion",
        # A coiled aneurysm's grade on the Raymond-Roy occlusion classification is how
        # occluded it is, the word "occlusion" said or not ("Raymond Roy class 2").
        "raymond-roy",
        "raymond roy",
    ],
    # An aneurysm repaired by stent graft is still an aneurysm (its sac is followed).
    "aneurysm": ["aneurysm", "aneurysmal dilation", "aaa", "evar"],
    "dissection": ["dissection"],
    # Fibromuscular dysplasia, and the beading it is known by, in the words a draft may spell
    # out: the sign is a finding of its own, which a draft may add where FMD was only named.
    "fibromuscular_dysplasia": ["fibromuscular dysplasia", "fmd"],
    "beading": [
        "string of beads",
        "string-of-beads",
        "beaded appearance",
        "beading",
        "alternating stenoses and dilatations",
        "alternating stenoses and dilatation",
        "alternating stenosis and dilatation",
        "alternating stenoses and dilations",
        "alternating areas of stenosis and dilatation",
    ],
    # A coronary artery's course through the myocardium, and one arising from the wrong sinus.
    "myocardial_bridge": ["myocardial bridge", "myocardial bridging", "intramyocardial course"],
    "anomalous_coronary": ["anomalous origin", "anomalous coronary artery", "anomalous course"],
    # Stent-graft follow-up: what the surveillance looks for.
    "endoleak": ["endoleak"],
    "device_migration": ["migration", "stent migration", "graft migration", "device migration"],
    # A screw or a lesion through a bone's wall ("screw breaches the medial pedicle wall").
    "breach": ["breach", "breached", "breaching", "cortical breach", "pedicle breach"],
    # Myocardial scar or inflammation on cardiac MR, named by its pattern.
    "myocardial_enhancement": [
        "late gadolinium enhancement",
        "lge",
        "delayed myocardial enhancement",
        "subendocardial enhancement",
        "transmural enhancement",
        "mid-wall enhancement",
        "midwall enhancement",
        "epicardial enhancement",
    ],
    "calculus": [
        "calculus",
        "calculi",
        "stone",
        # Words that name the stone's organ carry it: a gallstone is no duct stone.
        "nephrolithiasis|kidney",
        "urolithiasis",
        "cholelithiasis|gallbladder",
        "gallstone|gallbladder",
        "choledocholithiasis|bile_duct",
    ],
    "hydronephrosis": [
        "hydronephrosis|kidney",
        "hydroureteronephrosis|kidney",
        "pelvicaliectasis|kidney",
    ],
    # The renal pelvis alone dilated, said in one word or in several: a grade short of
    # hydronephrosis, so its own key.
    "pelviectasis": [
        "pelviectasis|kidney",
        "pyelectasis|kidney",
        "renal pelvic dilation|kidney",
        "renal pelvic dilatation|kidney",
        "dilation of the renal pelvis|kidney",
        "dilatation of the renal pelvis|kidney",
        "dilated renal pelvis|kidney",
    ],
    # The verb names it as the noun does ("fat herniates into the maxillary sinus").
    "hernia": ["hernia", "herniation", "herniates", "herniated", "herniating"],
    "abscess": ["abscess", "abscesses"],
    "phlegmon": ["phlegmon"],
    "appendicitis": ["appendicitis"],
    "diverticulitis": ["diverticulitis"],
    "colitis": ["colitis"],
    # The adjective names the obstruction when it qualifies a pattern ("obstructive drainage
    # pattern" on a renal scan is "obstruction pattern").
    "obstruction": [
        "obstruction",
        "bowel obstruction",
        "sbo",
        "obstructive pattern",
        "obstructive drainage",
        "obstructive drainage pattern",
        "obstructed",
    ],
    "free_air": [
        "free air",
        "pneumoperitoneum",
        "free intraperitoneal air",
        "extraluminal air",
        "extraluminal gas",
        "free gas",
        "free intraperitoneal gas",
    ],
    "free_fluid": [
        "free fluid",
        # Ultrasound dictation's shorthand ("small amt simple FF cul de sac", "no FF").
        "ff",
        # Free fluid named by its space is still free fluid.
        "free intraperitoneal fluid",
        "free peritoneal fluid",
        "free pelvic fluid",
        "free abdominal fluid",
    ],
    # A walled-off collection is not free fluid: "no fluid collection" beside "small free fluid"
    # denies the abscess, not the fluid.
    # Fluid outside the brain lies in a space of its own making: an extra-axial collection.
    "collection": [
        "fluid collection",
        "collection",
        *(
            f"{w} fluid{c}"
            for w in ("extra-axial", "extraaxial", "extra axial")
            for c in ("", " collection")
        ),
    ],
    "ascites": ["ascites"],
    "metastasis": ["metastasis", "metastases", "metastatic disease", "mets"],
    "steatosis": ["steatosis", "fatty liver", "fatty infiltration"],
    "cirrhosis": ["cirrhosis", "cirrhotic"],
    "splenomegaly": ["splenomegaly"],
    "hepatomegaly": ["hepatomegaly"],
    "cardiomegaly": ["cardiomegaly", "enlarged cardiac silhouette"],
    # The predicate form counts too ("the gallbladder wall is thickened").
    "wall_thickening": [
        "wall thickening",
        "mural thickening",
        "wall thickened",
        "thickened wall",
        "wall is thickened",
        "walls are thickened",
        "wall appears thickened",
    ],
    "pericholecystic_fluid": ["pericholecystic fluid"],
    # Hepatobiliary scintigraphy's sign of severe cholecystitis: liver activity hugging the
    # gallbladder fossa, named by the sign or by what is seen.
    "rim_sign": [
        "rim sign",
        "pericholecystic hepatic activity",
        "pericholecystic activity",
        "pericholecystic hepatic uptake",
    ],
    "ductal_dilation": [
        "biliary dilation",
        "biliary ductal dilation",
        "ductal dilation",
        "duct dilation",
        "dilated duct",
        "dilation",
        "dilatation",
        "dilated",
    ],
    # On CT, active bleeding is what the extravasating contrast shows: the same finding.
    "extravasation": [
        "extravasation",
        "active extravasation",
        "contrast blush",
        "extrav",
        "active hemorrhage",
        "active arterial hemorrhage",
        "active bleeding",
        "active arterial bleeding",
    ],
    "laceration": ["laceration", "lac"],
    "torsion": ["torsion"],
    "hydrocele": ["hydrocele"],
    "varicocele": ["varicocele"],
    "hydrosalpinx": ["hydrosalpinx"],
    "fibroid": ["fibroid", "leiomyoma"],
    "adenoma": ["adenoma"],
    "schwannoma": ["schwannoma", "acoustic neuroma"],
    "calcification": [
        "calcification",
        "calcifications",
        "microcalcification",
        # Coarse calcification within a nodule (a TI-RADS feature), as the thyroid report says it.
        "macrocalcification",
        "calc",
        "calcs",
    ],
    # A prostate cancer's sign of capsular breach, not a disc.
    "capsular_bulge": ["capsular bulge", "capsular bulging", "capsular bulges"],
    "disc_protrusion": [
        # After discectomy, "recurrent disc" and "recurrent herniation" are the disc again.
        "recurrent disc",
        "recurrent herniation",
        "protrusion",
        "disc protrusion",
        "disc herniation",
        "extrusion",
        "disc bulge",
        "bulge",
        "bulging disc",
        "disc osteophyte complex",
        "disc osteophyte",
        "disc-osteophyte",
        # Spine dictation's short form of the disc-osteophyte complex.
        "doc",
    ],
    "concha_bullosa": ["concha bullosa", "conchae bullosae"],
    "thinning": ["thinning", "thinned"],
    "comet_tail_artifact": ["comet tail artifact", "comet tail artefact", "comet tail"],
    # A thyroid nodule's echogenic foci move its TI-RADS points; "foci" is no -s plural.
    "echogenic_focus": [
        "echogenic focus",
        "echogenic foci",
        # Sonographic descriptors said between the words ("echogenic shadowing focus",
        # "echogenic branching linear foci") describe the same focus.
        *(
            f"echogenic {d} {f}"
            for d in (
                "shadowing",
                "linear",
                "branching",
                "punctate",
                "branching linear",
                "linear branching",
                "non-shadowing",
                "nonshadowing",
            )
            for f in ("focus", "foci")
        ),
    ],
    # A fetal soft marker for aneuploidy, named with the heart between its words.
    "echogenic_intracardiac_focus": [
        "echogenic intracardiac focus",
        "echogenic intracardiac foci",
        "intracardiac echogenic focus",
        "eif",
    ],
    # An ulcerated carotid plaque is an embolic source whatever the stenosis.
    "ulceration": ["ulceration", "ulcer", "ulcerated plaque", "plaque ulceration"],
    "annular_fissure": ["annular fissure", "annular tear"],
    "listhesis": ["anterolisthesis", "retrolisthesis", "spondylolisthesis"],
    "retropulsion": ["retropulsion", "retropulsed", "retropulsed fragment"],
    "wall_motion_abnormality": [
        "wall motion abnormality",
        "regional wall motion abnormality",
        "rwma",
        "wma",
    ],
    # Hip impingement morphology: a bump of the head-neck junction or an overcovering rim.
    "cam_morphology": [
        "cam morphology",
        "cam deformity",
        "cam lesion",
        "cam type morphology",
        "cam-type morphology",
        "cam type deformity",
    ],
    "pincer_morphology": ["pincer morphology", "pincer deformity", "pincer type morphology"],
    # Dictation gives the type alone after the name ("modic 1").
    "modic_change": ["modic change", "modic endplate change", "endplate change", "modic type"]
    + [f"modic {t}" for t in ("1", "2", "3", "i", "ii", "iii")],
    "segmentation_anomaly": [
        "segmentation anomaly",
        "vertebral segmentation anomaly",
        "congenital vertebral anomaly",
        "vertebral anomaly",
    ],
    # A flattened cord is a compressed one, however mildly.
    "cord_compression": [
        "cord compression",
        "compression of the cord",
        "cord flattening",
        "flattening of the cord",
        # Dictation puts the participle after the cord ("canal stenosis, cord flattened").
        "cord flattened",
        "flattened cord",
        "cord compressed",
        "compressed cord",
        "ventral cord flattening",
        "flattening of the ventral cord",
    ],
    "cord_signal": ["cord signal abnormality", "signal abnormality"],
    "midline_shift": ["midline shift", "mls"],
    # The chest's shift is the mediastinum's, pushed by a tension pneumothorax or a large
    # effusion, or pulled by collapse: a finding of its own, not the brain's midline shift.
    "mediastinal_shift": [
        "mediastinal shift",
        "shift of the mediastinum",
        "mediastinal deviation",
        "mediastinal displacement",
    ],
    "mass_effect": ["mass effect"],
    # Echo shorthand names the valve by letter after a grade ("mild MR", "trace TR"), also
    # with its mechanism between ("mild functional MR"); a bare "MR" is the modality.
    "regurgitation": ["regurgitation", "valvular insufficiency"]
    + [
        f"{g}{kind} {v}"
        for g in ("trace", "trivial", "mild", "moderate", "severe")
        # "mild to moderate posteriorly directed MR": the jet's direction may stand between.
        for kind in (
            "",
            " functional",
            " posteriorly directed",
            " anteriorly directed",
            " eccentric",
        )
        for v in ("mr", "tr", "ar")
    ],
    # Cardiac MR requests name the cardiomyopathy by its initials ("CMR HCM assessment").
    "cardiomyopathy": ["cardiomyopathy", "cardiomyopathies", "hcm"],
    # Penetration stops above the vocal cords, aspiration passes below them: the swallow study's
    # answer is which of the two happened, so one never stands for the other.
    "aspiration": ["aspiration", "tracheal aspiration"],
    # Tumour in the marrow (lymphoma, myeloma, metastases): staged on its own, so a finding.
    "marrow_involvement": [
        "marrow involvement",
        "bone marrow involvement",
        "marrow infiltration",
        "marrow infiltrate",
    ],
    # Spectroscopy peaks of necrosis or anaerobic metabolism, named singly or as a pair.
    "lactate_peak": [
        "lactate peak",
        "lipid peak",
        "lactate/lipid peak",
        "lipid/lactate peak",
        "lactate-lipid peak",
        "lipid-lactate peak",
        "lactate or lipid peak",
        "lipid or lactate peak",
        "lactate and lipid peak",
    ],
    # Retained sinus or airway secretions; dense ones are the sign of fungal disease.
    "secretions": ["secretions", "hyperdense secretions", "inspissated secretions"],
    "laryngeal_penetration": [
        "laryngeal penetration",
        "penetration",
        "laryngeal vestibule penetration",
    ],
    "low_lying_placenta": [
        "low-lying placenta",
        "low lying placenta",
        "low-lying",
        "placenta previa",
        "previa",
    ],
    "systolic_anterior_motion": ["systolic anterior motion", "sam"],
    "widening": ["widening", "widened", "diastasis"],
    # Facet joint wear, said by its bone or by its joint.
    "facet_arthropathy": [
        "facet arthropathy",
        "facet hypertrophy",
        "facet joint arthropathy",
        "facet joint hypertrophy",
        "facet arthrosis",
        "facet joint arthrosis",
        "facet osteoarthritis",
        "facet joint osteoarthritis",
        "facet degeneration",
        "facet joint degeneration",
        "facet degenerative change",
        "degenerative facet change",
    ],
    "enlargement": ["enlargement", "enlarged"],
    "deformity": ["deformity", "rotational deformity", "angular deformity"],
    # Common abnormal states named by a plain noun (second vocabulary growth).
    "stricture": ["stricture"],
    "fistula": ["fistula", "sinus tract"],
    "subluxation": ["subluxation", "subluxed"],
    "angulation": ["angulation", "angulated"],
    "effacement": ["effacement", "effaced", "effacing"],
    "impingement": ["impingement", "impinging"],
    "reflux": [
        "reflux",
        "vesicoureteral reflux",
        "vur",
        "gastroesophageal reflux",
        "ger",
    ],
    # "Diverticula" is the Latin plural, which the automatic plural does not make.
    "diverticulum": ["diverticulum", "diverticula"],
    "hirschsprung_disease": ["hirschsprung disease", "hirschsprung", "aganglionosis"],
    "malrotation": ["malrotation"],
    # Gastric emptying scintigraphy: a delayed or a rapid emptying is the study's finding.
    # Dictation's "GE" after "delayed" is gastric emptying, not the GE junction.
    "delayed_emptying": ["delayed gastric emptying", "delayed emptying", "delayed ge"],
    "rapid_emptying": ["rapid gastric emptying", "rapid emptying", "rapid early emptying"],
    "vegetation": ["vegetation"],
    "hyperemia": [
        "hyperemia",
        "hyperemic",
        "hypervascularity",
        "hypervascular",
        "increased vascularity",
        "increased flow",
    ],
    # Dental and plain-film reports say "radiolucency" ("no periapical radiolucencies").
    "lucency": ["lucency", "lucencies", "lucent lesion", "radiolucency", "radiolucencies"],
    "signal_abnormality": ["signal abnormality", "abnormal signal"],
    # Spread of a disease beyond where it started ("extension into the parapharyngeal space").
    "extension": [
        "extension",
        "invasion",
        "extending into",
        "extends into",
        "extend into",
        # The same spread said with "to" ("extending to the aryepiglottic fold").
        "extending to",
        "extends to",
        "extend to",
    ],
    # A rectal tumour's spread through the muscularis propria (T3), as its staging says it:
    # its own finding, not a tumour reaching a structure named after it.
    "extramural_spread": [
        "extramural spread",
        "extramural extension",
        "extramural tumour spread",
        "extramural tumor spread",
        "beyond the muscularis propria",
        "beyond muscularis propria",
    ],
    # Disease reaching a structure ("no bowel wall involvement"), as staging says it: its own
    # key, so that a spread affirmed elsewhere ("extending into") does not answer for it.
    "involvement": ["involvement"],
    # A thyroid that passes below the sternal notch is a finding of its own (it changes the
    # surgical approach), not a relation between two others as "extension" is.
    "retrosternal_extension": [
        "retrosternal extension",
        "substernal extension",
        "retrosternal component",
        "substernal component",
        # The observation that makes it: the gland reaches past the landmark of the inlet.
        *(
            f"{verb} {below} the {landmark}"
            for verb in ("extends", "extending")
            for below in ("below", "beneath")
            for landmark in ("sternal notch", "suprasternal notch", "thoracic inlet")
        ),
    ],
    # Longer names win ("filling defect", "chondral defect"); this is the rest.
    "defect": ["defect", "perfusion defect"],
    # On a V/Q scan the two defects are read against each other: kept apart.
    "ventilation_defect": ["ventilation defect", "ventilatory defect"],
    "nonvisualization": ["nonvisualization", "non-visualization"],
    # An underdeveloped structure, named by the noun or the adjective ("hypoplastic vertebral").
    "hypoplasia": ["hypoplasia", "hypoplastic"],
    "restricted_diffusion": [
        "restricted diffusion",
        # Dictation's bare "restriction" on MRI is of diffusion ("T2 hypo, marked restriction").
        "restriction",
        "diffusion restriction",
        "dwi restriction",
        "restricted diffusivity",
    ],
    "erosion": ["erosion", "eroded", "erosive change"],
    "osteopenia": ["osteopenia"],
    "osteophyte": ["osteophyte"],
    "enthesophyte": ["enthesophyte", "heel spur", "calcaneal spur"],
    "joint_space_narrowing": ["joint space narrowing", "joint space loss"],
    "degenerative_change": [
        "oa",
        "degenerative change",
        "degenerative disc disease",
        "degenerative changes",
        # Dictation shortens degenerative to "degen" ("degen changes t spine").
        "degen change",
        "degen changes",
        # Said of a joint as an adjective ("AC joint degenerative", "degenerative AC joint").
        "degenerative",
        "osteoarthritis",
        "spondylosis",
        # Spondylosis said as an adjective ("spondylotic change", "spondylotic stenosis").
        "spondylotic",
        "spondylotic change",
        "spondylotic changes",
        "chondromalacia",
    ],
    "foreign_body": ["foreign body", "fb", "fbs"],
    # An ingested button battery burns the oesophagus within hours, so it is named apart from a
    # coin: "not a button battery" said as "cannot be excluded" changes the urgency.
    "button_battery": ["button battery", "button batteries", "disc battery", "button cell"],
    "pneumatosis": ["pneumatosis"],
    "portal_venous_gas": ["portal venous gas"],
    "air_fluid_level": ["air fluid level", "air-fluid level"],
    "mucosal_thickening": ["mucosal thickening"],
    "sinusitis": ["sinusitis"],
    "tumor_in_vein": ["tumor in vein", "tumor thrombus"],
    "extraprostatic_extension": ["extraprostatic extension", "epe"],
    "venous_invasion": [
        "extramural venous invasion",
        "extramural vascular invasion",
        "emvi",
        "venous invasion",
    ],
    "hill_sachs": ["hill-sachs deformity", "hill-sachs lesion", "hill sachs"],
    # The glenoid side of an anterior dislocation: a labral tear, or a fracture of the rim,
    # which is a different finding ("Bankart. No bony Bankart").
    "bankart_lesion": ["bankart lesion", "bankart"],
    "bony_bankart": [
        "bony bankart",
        "osseous bankart",
        "bankart fragment",
        "bankart fracture",
        "bony bankart lesion",
        "osseous bankart lesion",
        "osseous bankart fragment",
        "bony bankart fragment",
    ],
    "compression_deformity": ["compression deformity"],
    "murphy_sign": [
        "murphy sign",
        "sonographic murphy sign",
        "sonographic murphy",
        "murphy's sign",
        # Dictation drops the eponym's apostrophe: "sonographic murphys negative".
        "sonographic murphy's",
        "sonographic murphys",
        "murphys sign",
    ],
    "pregnancy": [
        "pregnancy",
        "iup",
        "intrauterine pregnancy",
        "gestation",
        "gestational sac",
    ],
    # Each is its own observation: "sac with a yolk sac, no embryo" affirms one, denies one.
    "yolk_sac": ["yolk sac"],
    "embryo": ["embryo", "fetal pole", "fetus"],
    # General emergency and neuro vocabulary (not taken from any corpus slice).
    "empty_sella": ["empty sella", "partially empty sella", "partial empty sella"],
    "vascularity": ["vascularity", "internal vascularity", "internal flow", "vascular flow"],
    "signal_loss": ["signal loss", "signal drop", "signal dropout", "loss of signal"],
    "pneumocephalus": ["pneumocephalus", "intracranial air", "intracranial gas"],
    "pneumobilia": ["pneumobilia"],
    "sludge": ["sludge", "biliary sludge", "gallbladder sludge", "tumefactive sludge"],
    "transition_point": ["transition point"],
    "swirl_sign": ["swirl sign", "whirlpool sign", "mesenteric swirl", "whirl sign"],
    "corpus_luteum": ["corpus luteum", "corpus luteal cyst"],
    # Dictation shortens the sides of the elbow ("ant and post fat pads").
    "fat_pad_sign": [
        "fat pad sign",
        "posterior fat pad",
        "post fat pad",
        "elevated anterior fat pad",
        "elevated ant fat pad",
        "sail sign",
    ],
    "flail_chest": ["flail chest", "flail segment"],
    "penumbra": ["penumbra", "perfusion mismatch", "mismatch volume"],
    "pulmonary_infarct": [
        "pulmonary infarct",
        "pulmonary infarction",
        "pulm infarct",
        "pulm infarction",
    ],
    "heart_strain": ["right heart strain", "heart strain", "rv strain"],
    "plaque": ["plaque"],
    "curve": ["curve", "scoliosis", "curvature"],
    "swelling": [
        "swelling",
        "soft tissue swelling",
        # Prevertebral soft tissue said thickened is the same swelling.
        "soft tissue thickening",
        "soft-tissue thickening",
    ],
    # "The adrenal gland is thickened" says what "thickening of the adrenal gland" says.
    "thickening": ["thickening", "pleural thickening", "cortical thickening", "thickened"],
    "fat_stranding": ["stranding", "fat stranding", "inflammatory stranding"],
    "cavitation": ["cavitation", "cavity"],
    "air_bronchogram": ["air bronchogram"],
    "bronchial_wall_thickening": [
        "bronchial wall thickening",
        "peribronchial thickening",
        "peribronchial cuffing",
        "bronchial cuffing",
    ],
    "mucoid_impaction": ["mucoid impaction", "mucus plugging"],
    "interstitial_opacity": [
        "interstitial opacity",
        "interstitial opacities",
        "kerley b lines",
        "kerley lines",
        "septal lines",
    ],
    "slipped_epiphysis": ["slipped capital femoral epiphysis", "scfe", "slipped epiphysis"],
    "hiatal_hernia": ["hiatal hernia", "hh"],
    # A loop obstructed at both ends: the configuration is the finding ("no closed-loop").
    "closed_loop": [
        "closed-loop configuration",
        "closed loop configuration",
        "closed-loop obstruction",
        "closed loop obstruction",
        "closed-loop",
        "closed loop",
    ],
    # Dictation shortens the plural to "calcs"; said of the coronaries it is still CAC, not the
    # heart itself calcified.
    "coronary_calcification": [
        "coronary artery calcification",
        "coronary artery calcifications",
        "coronary calcification",
        "coronary calcifications",
        "coronary calcs",
        "coronary calc",
    ],
    # In a vessel wall, not in the tissue: benign vascular calcs are not the breast's own.
    "vascular_calcification": [
        "vascular calcification",
        "arterial calcification",
        "vascular calcs",
        "vascular calc",
    ],
    "hyperdense_vessel": [
        "hyperdense mca sign",
        "hyperdense vessel sign",
        "hyperdense mca",
        "dense mca sign",
        "dense mca",
        "hyperdense basilar",
        "hyperdense vessel",
        "dense m1",
    ]
    # The side may stand inside the name: "hyperdense R M1", "hyperdense left MCA".
    + [
        f"{dense} {side}{vessel}"
        for dense in ("hyperdense", "dense")
        for side in ("", "left ", "right ", "l ", "r ", "lt ", "rt ")
        for vessel in ("m1", "m2", "mca", "ica", "basilar", "vertebral")
    ],
    "gray_white_loss": [
        "loss of gray white differentiation",
        "loss of gray-white differentiation",
        "loss of gray-white matter differentiation",
        "loss of gray white matter differentiation",
        "loss of grey-white differentiation",
        "loss of grey-white matter differentiation",
        # Stroke dictation shortens both halves: "loss of GW diff".
        *(
            f"loss of {gw} {diff}"
            for gw in ("gw", "g-w", "gray white")
            for diff in ("diff", "diffn")
        ),
        "early ischemic change",
        "ischemic change",
        *(
            f"{change} of the gray{joint}white {part}"
            for change in ("effacement", "blurring", "loss")
            for joint in ("-", " ")
            for part in ("junction", "matter junction", "matter interface", "interface")
        ),
        # Early ischaemia on CT is named by the change that shows it, and the other way round.
        "early ischemia",
        "acute ischemia",
        "early acute ischemia",
    ],
    # After subarachnoid haemorrhage, vasospasm's ischaemia has its own name and abbreviation.
    "delayed_cerebral_ischemia": [
        "delayed cerebral ischemia",
        "dci",
    ],
    # "Chronic microvascular ischemic change" is white matter disease, not an acute ischemic
    # change.
    "white_matter_disease": [
        "small vessel ischemic disease",
        "white matter disease",
        "microvascular ischemic change",
        "microvascular ischemic disease",
        "microvascular change",
        "microvascular disease",
        "chronic microvascular ischemic change",
        "chronic microvascular change",
        "chronic microvascular",
        "small vessel ischemic change",
        "small vessel disease",
        # The disease of the small vessels named for itself, whatever it has done to the brain.
        "microangiopathy",
        "cerebral microangiopathy",
    ],
    "hyperintensity": [
        "hyperintensity",
        "hyperintensities",
        "hyperintense",
        "high signal",
        "high t1 signal",
        "high t2 signal",
        "bright t2 signal",
        # Brighter than before or than its surroundings, named by the sequence.
        "increased signal",
        "increased t2 signal",
        "increased flair signal",
        "increased stir signal",
        "high flair signal",
        "high stir signal",
        "high t1 and t2 signal",
        "high si",
        "high t1 si",
        "high t2 si",
        # On a fluid-sensitive sequence the signal a finding is named by is the bright one.
        "flair signal",
        "stir signal",
        # Dictation drops "signal" after the sequence when saying where it lies ("FLAIR around
        # cavity"); the word after it is a place word, so no sequence name is misread.
        "flair around",
        "flair surrounding",
        # So is T2 signal said to be in the cord ("there is T2 signal in cord at this level").
        *(
            f"t2 signal {p} {a}{c}"
            for p in ("in", "within")
            for a in ("", "the ")
            for c in ("cord", "conus")
        ),
        *_clipped_signal("hyper"),
        *_graded_signal("high"),
        # On a second sequence, "corresponding signal" is the same bright signal again.
        "corresponding signal",
        "corresponding flair signal",
        "corresponding t2 signal",
    ],
    "hypointensity": [
        "hypointensity",
        "hypointensities",
        "hypointense",
        "low signal",
        "low t1 signal",
        "low t2 signal",
        # "Low T1 fracture line": the sequence named, "signal" left out.
        "low t1",
        "low t2",
        "low t1 and t2 signal",
        # Dictation's "SI" is signal intensity ("low SI lines").
        "low si",
        "low t1 si",
        "low t2 si",
        *_clipped_signal("hypo"),
        *_graded_signal("low"),
        "low adc signal",
        "low adc",
        "adc dark",
        "dark on adc",
    ],
    # A fibrosis pattern, not an infection: kept apart from "pneumonia".
    "ild_pattern": [
        "usual interstitial pneumonia",
        "nonspecific interstitial pneumonia",
        "interstitial pneumonia",
        "uip",
        "nsip",
    ],
    "bph": ["bph", "benign prostatic hyperplasia", "prostatic hyperplasia"],
    "catheter": [
        "catheter",
        "central venous catheter",
        "cvc",
        "central line",
        "picc",
        "picc line",
        "port",
        # Not a bare "line": Klein, Shenton, anterior humeral and fracture lines are no device.
        "line tip",
        "arterial line",
        "a-line",
        "dialysis line",
        "hickman line",
        "tunneled line",
        "ij line",
        "jugular line",
        "subclavian line",
        "femoral line",
        "midline catheter",
        "foley",
        "foley catheter",
        "pacemaker lead",
        "pacemaker",
    ],
    # Contrast or a vessel ending abruptly: an occlusion (MRA), an obstruction (nephrostogram)
    # or a compressed root on a myelogram.
    "cutoff": [
        "cutoff",
        "cut-off",
        "abrupt cutoff",
        "abrupt cut-off",
        "root cutoff",
        "root cut-off",
        "nerve root cutoff",
        "nerve root cut-off",
        "root sleeve cutoff",
        "root sleeve cut-off",
    ],
    # Neonatal umbilical lines, told apart by vessel: each tip has its own vertebral level.
    "umbilical_venous_catheter": [
        "uvc",
        "umbilical venous catheter",
        "umbilical vein catheter",
        "umbilical venous line",
    ],
    "umbilical_arterial_catheter": [
        "uac",
        "umbilical arterial catheter",
        "umbilical artery catheter",
        "umbilical arterial line",
    ],
    # A pleural drain is its own device: a left line and a right chest tube are two sides.
    "chest_tube": ["chest tube", "thoracostomy tube", "pleural drain", "pleural catheter"],
    # Tubes are told apart by where they run: an endotracheal tube kept does not stand for
    # a nasogastric one dropped.
    "device_tube": ["et tube", "endotracheal tube", "ett", "tracheostomy tube"],
    # A drainage catheter is named by its route or its shape as often as by "catheter".
    "drainage_catheter": [
        # Not a bare "nephrostomy" or "PCN": those name the procedure as often as the device.
        "drainage catheter",
        "nephrostomy catheter",
        "nephrostomy tube",
        "pigtail",
        "pigtail catheter",
        "pigtail drain",
        "pigtail nephrostomy",
        "pigtail nephrostomy catheter",
    ],
    "enteric_tube": [
        "ng tube",
        "ngt",
        "nasogastric tube",
        "og tube",
        "ogt",
        "orogastric tube",
        "enteric tube",
        "feeding tube",
        "nasoenteric tube",
        "dobhoff tube",
        "gastric tube",
    ],
    "postoperative_change": [
        "postoperative change",
        "postsurgical change",
        # Written apart or hyphenated ("post-op", "post surgical"); hyphens read as spaces.
        "post surgical change",
        "post operative change",
        "post op change",
        "postop change",
        # Signal the operation left ("postsurgical signal vs recurrent tear" in a meniscal remnant).
        "postsurgical signal",
        "post surgical signal",
        "postoperative signal",
        "post operative signal",
        "postop signal",
        "post op signal",
        "wedge resection",
        "resection cavity",
        "surgical cavity",
        "postoperative cavity",
        "resection margin",
    ],
    "nephrectomy": ["nephrectomy"],
    "hyperinflation": [
        "hyperinflation",
        "hyperinflated",
        "hyperexpansion",
        "hyperexpanded",
        "overinflation",
        "overinflated",
    ],
    "decreased_flow": ["decreased flow", "reduced flow", "diminished flow"],
    # Flow is normal when present; "absent flow" is its negation, so the two share a key. Its
    # direction said alone ("R vertebral antegrade") names it too.
    "flow": [
        "flow",
        "blood flow",
        "color flow",
        "doppler flow",
        "arterial flow",
        "venous flow",
        "antegrade",
        "retrograde",
        # Venous Doppler: "normal respiratory phasicity" is the vein's flow said by its pattern.
        "phasicity",
    ],
    # A breast MRI finding of its own: the "non" does not deny a mass beside it.
    "non_mass_enhancement": [
        "non-mass enhancement",
        "nonmass enhancement",
        "non-mass-like enhancement",
        "nme",
    ],
    # A normal vascular channel in bone, offered against a fracture; not the neural foramen.
    "nutrient_foramen": ["nutrient foramen", "nutrient foramina", "nutrient canal"],
    "purulence": ["purulence", "purulent", "pus", "purulent fluid", "purulent material"],
    "bursal_fluid": ["bursal fluid|bursa", "bursal effusion|bursa"],
    # Fluid with no other name: stands for a named collection at the same structure.
    "fluid": ["fluid"],
    # "No other FDG-avid disease": generic, but its denial must not turn into an assertion.
    "disease": ["disease"],
    # Tracer uptake and ureteral jets: normal when present, a finding when absent or focal.
    "uptake": ["uptake", "fdg uptake", "tracer uptake", "hypermetabolism", "avidity"],
    # Diffuse skeletal uptake with faint kidneys on a bone scan: widespread marrow disease.
    "superscan": ["superscan", "super scan", "superscan appearance"],
    # Focal uptake is a lesion on a tracer scan, not the normal distribution.
    "focal_uptake": [
        "focal uptake",
        "focal fdg uptake",
        "focal tracer uptake",
        "focal activity",
        "focal increased uptake",
        "focal intense uptake",
        "intense focal uptake",
        "focal intense radiotracer uptake",
        "intense focal radiotracer uptake",
        "focal radiotracer uptake",
        "focal avidity",
        # Uptake called abnormal or increased is as much a lesion as focal uptake.
        "abnormal uptake",
        "abnormal fdg uptake",
        "abnormal tracer uptake",
        "abnormal activity",
        "increased uptake",
        "increased fdg uptake",
        "increased tracer uptake",
        "increased radiotracer uptake",
        # Scintigraphy says activity for uptake; a bare "increased activity" is also the
        # patient's exercise in a history ("knee pain with increased activity"), so not that.
        "increased tracer activity",
        "increased radiotracer activity",
        # Lung uptake on a perfusion scan (a sign of stress-induced LV dysfunction).
        "increased lung uptake|lung",
        "increased lung tracer uptake|lung",
        "increased pulmonary uptake|lung",
        "increased pulmonary tracer uptake|lung",
        # Head and neck restaging: masslike uptake is the lesion, mild diffuse uptake is not.
        "masslike uptake",
        "mass-like uptake",
        "focal or masslike uptake",
        "focal or mass-like uptake",
        "focal/masslike uptake",
    ],
    # Contrast enhancement called suspicious or abnormal is a lesion (breast and body MRI);
    # plain "enhancement" also describes normal tissue.
    # A sarcoma's enhancing fascial tail (tail sign) changes the resection margin.
    "fascial_tail": [
        "fascial tail",
        "fascial tail sign",
        "tail of fascial enhancement",
        "fascial enhancement",
        "tail sign",
    ],
    # Enhancement of the brain's linings is never normal on brain MRI: the leptomeninges'
    # is how leptomeningeal disease shows, the ventricles' lining how tumour spreads along it.
    "leptomeningeal_enhancement": [
        "leptomeningeal enhancement",
        "pial enhancement",
        "sulcal enhancement",
        "leptomeningeal disease",
        "leptomeningeal carcinomatosis",
        "leptomeningeal metastases",
        "leptomeningeal spread",
    ],
    "subependymal_enhancement": [
        "subependymal enhancement",
        "ependymal enhancement",
    ],
    "abnormal_enhancement": [
        "suspicious enhancement",
        "abnormal enhancement",
        "suspicious enhancing lesion",
        "abnormal enhancing lesion",
        # Enhancement of a muscle is abnormal: chest wall invasion in breast MRI, myositis.
        "muscle enhancement",
        "muscular enhancement",
    ],
    # Contrast kinetics named as features (LI-RADS major features, breast MRI delayed phase):
    # "no washout appearance" against "nonperipheral washout" is a changed category.
    # A LI-RADS major feature of its own: naming it where it was not dictated upgrades the
    # observation.
    "enhancing_capsule": ["enhancing capsule", "capsule appearance", "capsular enhancement"],
    # A cyst's enhancing septum raises its Bosniak class and is a worrisome feature of a
    # pancreatic cyst: "nonenhancing septation" said as enhancing changes management.
    "enhancing_septation": [
        "enhancing septation",
        "enhancing septum",
        "enhancing septa",
        "septal enhancement",
        "enhancement of the septation",
        "enhancement of the septa",
        # Bosniak 2019 words for a thin septum's faint enhancement.
        "septum with perceived enhancement",
        "septation with perceived enhancement",
        "septa with perceived enhancement",
        "septum with enhancement",
        "septation with enhancement",
    ],
    # A torn piece that has moved (a meniscal flap in the gutter, a flipped fragment): a
    # finding beside the tear, changing its management.
    "displaced_fragment": [
        "displaced fragment",
        "displaced flap",
        "displaced flap fragment",
        "flap fragment",
        "flipped fragment",
        "displaced meniscal fragment",
        "meniscal fragment",
    ],
    # Silicone outside an implant's shell and capsule: the rupture has breached the capsule.
    "extracapsular_silicone": [
        "extracapsular silicone",
        "extracapsular rupture",
        "free silicone",
        "silicone granuloma",
        "siliconoma",
    ],
    "washout": [
        "washout",
        "washout appearance",
        "nonperipheral washout",
        "non-peripheral washout",
        "washout kinetics",
        # The verb: contrast "washes out" is the same feature.
        "washes out",
        "washed out",
    ],
    "ureteral_jet": ["ureteral jet", "ureteric jet", "ureteral jets", "jet"],
    # CT perfusion names the hypoperfused tissue by its threshold ("Tmax >6 s 96 mL").
    "malperfusion": [
        "malperfusion",
        "hypoperfusion",
        "hypoperfused tissue",
        "hypoperfused volume",
        "hypoperfused region",
        *_perfusion_threshold("tmax", (">",), ("6", "10"), ("s", "sec", "")),
    ],
    "recurrence": ["recurrence", "local recurrence"],
    # Common findings added as a block (general radiology vocabulary, not taken from any
    # corpus pair): a finding the lexicon does not know cannot carry a side or a negation.
    "hydrocephalus": ["hydrocephalus", "ventriculomegaly"],
    "herniation_brain": ["uncal herniation", "subfalcine herniation", "tonsillar herniation"],
    "encephalomalacia": ["encephalomalacia", "gliosis"],
    "volume_loss": ["volume loss", "atrophy"],
    "aneurysm_brain": ["berry aneurysm"],
    "vascular_malformation": [
        "arteriovenous malformation",
        "avm",
        "cavernoma",
        "cavernous malformation",
    ],
    "subarachnoid_hemorrhage": ["subarachnoid hemorrhage", "sah"],
    "intraventricular_hemorrhage": ["intraventricular hemorrhage", "ivh"],
    "mastoiditis": ["mastoiditis", "otomastoiditis", "mastoid effusion|mastoid"],
    "polyp": ["polyp", "polyps", "retention cyst"],
    "angiomyolipoma": ["angiomyolipoma", "aml"],
    "hemangioma": ["hemangioma", "haemangioma"],
    "lipoma": ["lipoma"],
    "fnh": ["focal nodular hyperplasia", "fnh"],
    "pseudocyst": ["pseudocyst"],
    "cholecystitis": ["cholecystitis"],
    "cholangitis": ["cholangitis"],
    "pancreatitis": ["pancreatitis"],
    "pyelonephritis": ["pyelonephritis"],
    "cystitis": ["cystitis"],
    "epididymitis": ["epididymitis", "epididymo-orchitis", "orchitis"],
    "hydroureter": ["hydroureter"],
    "intussusception": ["intussusception"],
    "volvulus": ["volvulus"],
    "ileus": ["ileus"],
    "perforation": ["perforation"],
    "appendicolith": ["appendicolith"],
    "diverticulosis": ["diverticulosis"],
    "varices": ["varices", "varix"],
    # Vessels that carry flow around a blockage: a dropped one changes the stroke picture.
    "collaterals": [
        "collaterals",
        "collateral vessel",
        "collateral flow",
        "collateral circulation",
        "collateral vasculature",
        "collateralization",
        # Filling beyond an occlusion, and the grade of it, are the collaterals themselves.
        "collateral filling",
        "collateral supply",
        "collateral score",
        "collateral grade",
    ],
    # Signs of portal hypertension named by the vessel that opened.
    "portosystemic_shunt": [
        "portosystemic shunt",
        "portosystemic collaterals",
        "recanalized paraumbilical vein",
        "recanalized umbilical vein",
        "splenorenal shunt",
    ],
    "pseudoaneurysm": ["pseudoaneurysm"],
    "hemoperitoneum": ["hemoperitoneum"],
    "seroma": ["seroma", "lymphocele", "urinoma", "biloma"],
    "pneumomediastinum": ["pneumomediastinum"],
    "pneumonitis": ["pneumonitis"],
    "fibrosis": ["fibrosis", "fibrotic change"],
    # Honeycombing is one feature of fibrosis (the one that makes a UIP pattern typical):
    # "no honeycombing" beside dictated reticulation does not deny the fibrosis.
    "honeycombing": ["honeycombing"],
    "tree_in_bud": ["tree-in-bud", "tree in bud"],
    "bulla": ["bulla", "bullae", "bleb"],
    "pleural_plaque": ["pleural plaque"],
    "goiter": ["goiter", "thyromegaly"],
    "thyroiditis": ["thyroiditis"],
    "osteomyelitis": ["osteomyelitis"],
    "avascular_necrosis": ["avascular necrosis", "osteonecrosis", "avn"],
    "cellulitis": ["cellulitis"],
    "fasciitis": ["fasciitis"],
    "myositis": ["myositis"],
    "synovitis": ["synovitis", "tenosynovitis"],
    "tendinitis": ["tendinitis", "tendonitis", "calcific tendinitis"],
    "sprain": ["sprain"],
    "lipohemarthrosis": ["lipohemarthrosis", "hemarthrosis"],
    "loose_body": ["loose body", "intra-articular body"],
    "chondral_defect": [
        "chondral defect",
        "osteochondral defect",
        "osteochondral lesion",
        "ocl",
        "olt",
    ],
    "articular_extension": ["intra-articular extension", "articular extension"],
    "spondylolysis": ["spondylolysis", "pars defect", "pars interarticularis defect"],
    "schmorl_node": ["schmorl node"],
    "syrinx": ["syrinx", "syringomyelia"],
    "ectopic_pregnancy": ["ectopic pregnancy"],
    "endometrial_thickening": ["endometrial thickening"],
    "architectural_distortion": ["architectural distortion"],
    "asymmetry": ["asymmetry", "focal asymmetry", "developing asymmetry"],
    "skin_thickening": ["skin thickening"],
    "lead_point": ["lead point", "pathologic lead point"],
    # Under a "Post-void:" heading the residual is named alone ("Small residual volume").
    "post_void_residual": [
        "post-void residual",
        "postvoid residual",
        "pvr",
        "residual volume",
        "residual urine",
    ],
    # Pediatric imaging.
    "periosteal_reaction": [
        "periosteal reaction",
        "periostitis",
        "periosteal new bone",
        "periosteal new bone formation",
        "periosteal elevation",
    ],
    "metaphyseal_lesion": [
        "classic metaphyseal lesion",
        "metaphyseal corner fracture",
        "corner fracture",
        "bucket handle fracture",
        # In a skeletal survey; as leukemia it stands in a history line, which is not compared.
        "cml",
    ],
    "nipple_retraction": ["nipple retraction", "nipple inversion", "retracted nipple"],
    # Breast MRI staging: tumour reaching the nipple or the skin changes surgery.
    "nipple_enhancement": [
        "nipple enhancement",
        "nipple involvement",
        "nipple invasion",
        "nipple-areolar complex enhancement",
        "nipple areolar complex enhancement",
        "nipple-areolar complex involvement",
        "enhancement of the nipple",
        "involvement of the nipple",
    ],
    "skin_enhancement": ["skin enhancement", "skin involvement", "dermal enhancement"],
    # Cartilage split from the bone beneath it (hip and knee MRI): unstable cartilage.
    "delamination": [
        "delamination",
        "chondral delamination",
        "cartilage delamination",
        "delaminating",
        "delaminated",
    ],
    "chondral_flap": ["chondral flap", "cartilage flap"],
    # Pockets walled off within a fluid space (pleural, peritoneal, spilled contrast).
    "loculation": ["loculation", "loculations"],
    # Amniotic fluid volume out of range.
    "oligohydramnios": ["oligohydramnios", "anhydramnios"],
    "polyhydramnios": ["polyhydramnios"],
    # Variant arterial anatomy is reported as a finding: it changes surgical and
    # interventional planning.
    "variant_artery": [
        "replaced hepatic artery",
        "replaced right hepatic artery",
        "replaced left hepatic artery",
        "accessory hepatic artery",
        "accessory right hepatic artery",
        "accessory left hepatic artery",
        "accessory renal artery",
        "accessory renal arteries",
        "aberrant subclavian artery",
        "aberrant right subclavian artery",
        "aberrant left subclavian artery",
    ],
}

# Anatomy: canonical key -> (surface forms, paired organ, parent key). A surface with "|L" or
# "|R" carries its side (RUL, LLL). Paired organs in the plural ("kidneys") imply both sides.
ANATOMY: dict[str, tuple[list[str], bool, str | None]] = {
    # What a hernia holds is a place a finding is said of ("no stranding of hernia contents"),
    # not the hernia said again.
    "cyst_wall": (["cyst wall", "wall of the cyst", "cyst walls"], False, None),
    "hernia_sac": (
        ["hernia sac", "hernia contents", "hernia neck", "herniated contents"],
        False,
        None,
    ),
    # The path a device was passed along is a place a finding is said of ("no haemorrhage
    # along the catheter tract"), not the device named again.
    "device_tract": (
        [f"{device} tract" for device in ("catheter", "drain", "shunt", "evd", "needle")],
        False,
        None,
    ),
    "lung": (["lung", "lungs", "pulmonary", "hemithorax", "lung field"], True, None),
    "upper_lobe": (
        ["upper lobe", "rul|R", "lul|L", "upper lung", "upper lung zone", "apex", "apical"],
        True,
        "lung",
    ),
    "middle_lobe": (
        ["middle lobe", "rml|R", "lingula|L", "mid lung", "mid lung zone"],
        True,
        "lung",
    ),
    "lower_lobe": (["lower lobe", "rll|R", "lll|L", "lower lung zone"], True, "lung"),
    "lung_base": (
        # Not a bare "base": the base of a metatarsal, the dens or the appendix is no lung.
        ["lung base", "basilar", "bibasilar|B", "retrocardiac", "costophrenic angle"],
        True,
        "lung",
    ),
    "hilum": (["hilum", "hilar", "hila"], True, "lung"),
    "mediastinum": (["mediastinum", "mediastinal"], False, None),
    "axilla": (["axilla", "axillary", "axillae"], True, None),
    "pleura": (["pleura", "pleural"], True, None),
    # A lung fissure has a side ("along the left major fissure"): a perifissural nodule takes it.
    "fissure": (
        ["major fissure", "minor fissure", "oblique fissure", "horizontal fissure"],
        True,
        "lung",
    ),
    "pericardium": (["pericardium", "pericardial"], False, None),
    "chest_wall": (["chest wall"], True, None),
    # The side of a needle's "right intercostal approach" is the side it went through.
    "intercostal": (["intercostal", "intercostal space"], True, "chest_wall"),
    "chest": (["chest"], True, None),
    "hemidiaphragm": (["hemidiaphragm", "diaphragm"], True, None),
    # Paired = one per side, so a plural ("kidneys") implies both sides; ribs are not.
    "rib": (["rib", "ribs"], False, None),
    "mainstem_bronchus": (["mainstem bronchus", "main bronchus"], True, None),
    "pulmonary_artery": (
        ["pulmonary artery", "pulmonary arteries", "segmental", "subsegmental"],
        False,
        None,
    ),
    "aorta": (["aorta", "aortic", "periaortic"], False, None),
    "ascending_aorta": (["ascending aorta", "ascending aortic", "aortic root"], False, "aorta"),
    "aortic_arch": (["aortic arch", "bovine arch", "arch vessels"], False, "aorta"),
    "descending_aorta": (
        ["descending aorta", "descending thoracic aorta", "descending aortic"],
        False,
        "aorta",
    ),
    "abdominal_aorta": (
        ["abdominal aorta", "abdominal aortic", "infrarenal", "infrarenal aorta"],
        False,
        "aorta",
    ),
    # EVAR and duplex notes shorten the vessels ("R limb lands in R CIA", "L EIA").
    "iliac_artery": (
        ["common iliac artery", "iliac artery", "iliac", "cia", "eia", "external iliac artery"],
        True,
        None,
    ),
    "carotid": (["internal carotid artery", "ica", "carotid", "carotid bulb", "bulb"], True, None),
    "vertebral_artery": (["vertebral artery", "vertebral arteries"], True, None),
    # The basilar artery by its parts ("distal basilar", "top of basilar"): not the lung base,
    # which "basilar" alone names in chest reports.
    "basilar_artery": (
        [
            "basilar artery",
            "basilar tip",
            "top of basilar",
            "top of the basilar",
            "distal basilar",
            "mid basilar",
            "proximal basilar",
        ],
        False,
        None,
    ),
    # A cerebral artery's segments are named by its letter and their order ("P1 segment").
    "mca": (
        ["middle cerebral artery", "mca", "mca territory", "m1 segment", "m2 segment"],
        True,
        None,
    ),
    "jugular": (["internal jugular", "ij", "internal jugular vein", "jugular"], True, None),
    "subclavian": (["subclavian"], True, None),
    # Renal ultrasound dictation names each kidney by its side letter: "RK 6.2 cm, LK 6.0".
    "kidney": (
        ["kidney", "kidneys", "renal", "nephrectomy bed", "perinephric", "rk|R", "lk|L"],
        True,
        None,
    ),
    "ureter": (["ureter", "ureterovesical junction", "uvj", "ureteral"], True, None),
    "adrenal": (["adrenal", "adrenal gland", "adrenals"], True, None),
    "liver": (["liver", "hepatic", "hepatic lobe"], False, None),
    "gallbladder": (["gallbladder"], False, None),
    "bile_duct": (["common bile duct", "cbd", "bile duct", "biliary", "intrahepatic"], False, None),
    "pancreatic_duct": (["pancreatic duct", "pancreatic ductal"], False, None),
    "pancreas": (["pancreas", "pancreatic", "pancreatic head"], False, None),
    "spleen": (["spleen", "splenic", "perisplenic"], False, None),
    "appendix": (["appendix", "appendiceal", "periappendiceal"], False, None),
    "colon": (["colon", "colonic", "pericolic"], False, None),
    # Each segment of the colon is a place of its own: a polyp of the ascending colon is not
    # the sigmoid one.
    "caecum": (["caecum", "cecum", "caecal", "cecal"], False, "colon"),
    "ascending_colon": (["ascending colon"], False, "colon"),
    "transverse_colon": (["transverse colon"], False, "colon"),
    "descending_colon": (["descending colon"], False, "colon"),
    "sigmoid_colon": (["sigmoid", "sigmoid colon"], False, "colon"),
    "bowel": (["bowel", "small bowel"], False, None),
    "paracolic_gutter": (["paracolic gutter"], True, None),
    # Behind the rectum, in front of the sacrum: where an anastomotic leak collects.
    # The plane a rectal cancer is staged against before surgery: the circumferential
    # resection margin is this fascia, not a margin an operation left.
    "mesorectal_fascia": (
        ["mesorectal fascia", "mrf", "circumferential resection margin", "crm"],
        False,
        None,
    ),
    "presacral": (
        ["presacral", "presacral space", "retrorectal", "retrorectal space"],
        False,
        None,
    ),
    "retroperitoneum": (["retroperitoneum", "retroperitoneal"], True, None),
    # A nodal station of colorectal staging is named by the artery it lies along.
    "mesenteric_artery": (
        ["inferior mesenteric artery", "superior mesenteric artery", "mesenteric artery"],
        False,
        None,
    ),
    "psoas": (["psoas", "psoas muscle"], True, None),
    "inguinal": (["inguinal"], True, None),
    "ovary": (["ovary", "ovaries", "ovarian", "adnexa", "adnexal"], True, None),
    "uterus": (["uterus", "uterine", "fundus", "fundal"], False, None),
    "prostate": (["prostate"], True, None),
    # The zones are separate places: a transition zone lesion is no peripheral zone one.
    "peripheral_zone": (["peripheral zone", "pz"], True, "prostate"),
    "transition_zone": (["transition zone", "tz"], True, "prostate"),
    "central_zone": (["central zone"], True, "prostate"),
    "testis": (["testis", "testes", "testicle", "testicular", "scrotal"], True, None),
    "breast": (["breast", "breasts"], True, None),
    # A device named for where it sits: "bilateral breast implants" gives its side to the
    # implants ("bilat implants"), not to a breast named in passing; a side changed on one
    # implant ("rupture of the left breast implant") still counts.
    "breast_implant": (["breast implant", "breast implants"], True, "breast"),
    # Where in the breast a finding lies, as mammography and breast ultrasound name it.
    "breast_quadrant": (
        [
            "upper outer quadrant",
            "upper inner quadrant",
            "lower outer quadrant",
            "lower inner quadrant",
            "uoq",
            "uiq",
            "loq",
            "liq",
            "subareolar",
            "retroareolar",
        ],
        True,
        "breast",
    ),
    "thyroid_lobe": (["thyroid lobe", "lobe", "isthmus"], True, "thyroid"),
    "pole": (["pole", "lower pole", "upper pole", "interpolar"], False, None),
    "thyroid": (["thyroid"], False, None),
    "frontal_lobe": (
        ["frontal lobe", "frontal convexity", "frontal", "frontal operculum"],
        True,
        None,
    ),
    "parietal": (["parietal", "parietal bone", "parietal lobe"], True, None),
    "temporal": (["temporal lobe", "temporal"], True, None),
    "occipital": (["occipital lobe", "occipital"], True, None),
    "insula": (["insula", "insular"], True, None),
    "convexity": (["convexity", "cerebral convexity"], True, None),
    "cerebral_hemisphere": (["cerebral hemisphere", "hemisphere"], True, None),
    "cerebellum": (["cerebellar hemisphere", "cerebellum", "cerebellar"], True, None),
    "basal_ganglia": (["basal ganglia"], True, None),
    "thalamus": (["thalamus"], True, None),
    "ventricle": (
        ["lateral ventricle", "lateral ventricular", "ventricles", "intraventricular"],
        True,
        None,
    ),
    "white_matter": (["white matter", "periventricular", "subcortical"], False, None),
    "iac": (["internal auditory canal", "iac"], True, None),
    "maxillary_sinus": (["maxillary sinus", "maxillary sinuses"], True, "maxilla"),
    "mastoid": (["mastoid", "mastoid air cells"], True, None),
    "tonsil": (["tonsil", "peritonsillar", "tonsillar"], True, None),
    "neck_nodes": (["level 2", "level ii", "cervical"], False, None),
    "prevertebral_soft_tissue": (
        ["prevertebral soft tissue", "prevertebral soft tissues", "prevertebral space"],
        False,
        None,
    ),
    "femoral_vein": (
        ["femoral vein", "femoral veins", "superficial femoral vein", "sfv"],
        True,
        "lower_extremity",
    ),
    "common_femoral_vein": (
        ["common femoral vein", "common femoral", "cfv"],
        True,
        "lower_extremity",
    ),
    # The vein lies in the fossa: "popliteal DVT" and "popliteal vein thrombus" are one.
    "popliteal_vein": (["popliteal vein", "popliteal v", "popliteal vv"], True, "popliteal_fossa"),
    "popliteal_fossa": (["popliteal fossa", "popliteal"], True, "lower_extremity"),
    "saphenous_vein": (["great saphenous vein", "saphenous vein", "gsv"], True, "lower_extremity"),
    "calf": (["calf"], True, "lower_extremity"),
    "posterior_tibial_tendon": (
        ["posterior tibial tendon", "ptt", "tibialis posterior", "tibialis posterior tendon"],
        True,
        "ankle",
    ),
    "flexor_tendon_ankle": (
        ["flexor digitorum longus", "fdl", "flexor hallucis longus", "fhl"],
        True,
        "ankle",
    ),
    "spring_ligament": (["spring ligament"], True, "ankle"),
    "peroneal_tendon": (
        [
            "peroneal tendon",
            "peroneus brevis",
            "peroneus longus",
            "peroneus brevis tendon",
            "peroneus longus tendon",
        ],
        True,
        "ankle",
    ),
    # Calf vessels by name, artery or vein alike ("posterior tibial and peroneal arteries").
    "tibial_vessel": (
        ["anterior tibial", "posterior tibial", "tibial vein", "tibial artery"],
        True,
        "calf",
    ),
    "peroneal_vessel": (
        ["peroneal vein", "peroneal artery", "peroneal vessel", "peroneal v", "peroneal vv"],
        True,
        "calf",
    ),
    "muscular_calf_vein": (
        ["gastrocnemius vein", "soleal vein", "muscular calf vein"],
        True,
        "calf",
    ),
    # "LLE venous duplex", "RUE": the sided extremity abbreviations of a vascular exam title.
    "lower_extremity": (
        ["lower extremity", "lower extremities", "leg", "lle|L", "rle|R"],
        True,
        None,
    ),
    "upper_extremity": (["upper extremity", "arm", "lue|L", "rue|R"], True, None),
    "knee": (["knee", "knees", "knee joint"], True, None),
    "hip": (["hip", "hips"], True, None),
    "femoral_neck": (["femoral neck", "fem neck", "subcapital"], True, "hip"),
    "shoulder": (["shoulder", "shoulders", "glenohumeral", "glenohumeral joint"], True, None),
    "wrist": (["wrist", "radiocarpal joint"], True, None),
    # "Radial" and "ulnar" alone name arteries, nerves and tears too; before a part of a
    # bone they name the bone.
    "distal_radius": (
        [
            "distal radius",
            "radius",
            "distal radial",
            "radial metaphysis",
            "radial diaphysis",
            "radial epiphysis",
            "radial shaft",
            "radial styloid",
        ],
        True,
        "wrist",
    ),
    "ulnar_styloid": (
        [
            "ulnar styloid",
            "ulna",
            "distal ulnar",
            "ulnar metaphysis",
            "ulnar diaphysis",
            "ulnar epiphysis",
            "ulnar shaft",
        ],
        True,
        "wrist",
    ),
    "ankle": (["ankle", "ankle mortise", "mortise"], True, None),
    "lateral_malleolus": (["lateral malleolus", "lateral malleolar"], True, "ankle"),
    "medial_malleolus": (["medial malleolus", "medial malleolar"], True, "ankle"),
    # The third malleolus, the back of the tibial plafond: its own fracture, not the medial's.
    "posterior_malleolus": (["posterior malleolus", "posterior malleolar"], True, "ankle"),
    "malleolus": (["malleolus", "malleoli", "malleolar", "bimalleolar"], True, "ankle"),
    "foot": (["foot", "feet", "plantar"], True, None),
    "metatarsal": (["metatarsal", "metatarsal head"], False, "foot"),
    "hand": (["hand", "hands"], True, None),
    "mcp": (["mcp joint", "mcp", "metacarpophalangeal joint"], False, "hand"),
    "elbow": (["elbow"], True, None),
    # The radial head and neck are the elbow's usual site of an adult's (and a child's
    # radial neck) fracture, checked apart from the humerus: "no radial head or neck fracture"
    # beside a supracondylar fracture denies the radius, not the humerus.
    "radial_head": (["radial head", "radial neck", "radial heads"], True, "elbow"),
    # "No medial meniscal tear": the adjective names the same meniscus.
    "medial_meniscus": (["medial meniscus", "medial meniscal"], True, "knee"),
    "lateral_meniscus": (["lateral meniscus", "lateral meniscal"], True, "knee"),
    "meniscus": (["meniscus", "menisci", "meniscal"], True, "knee"),
    "acl": (["anterior cruciate ligament", "acl"], True, "knee"),
    "pcl": (["posterior cruciate ligament", "pcl"], True, "knee"),
    "femoral_condyle": (
        ["femoral condyle", "medial femoral condyle", "lateral femoral condyle"],
        True,
        "knee",
    ),
    "tibial_plateau": (["tibial plateau"], True, "knee"),
    "supraspinatus": (["supraspinatus", "supraspinatus tendon"], True, "shoulder"),
    "infraspinatus": (["infraspinatus", "infraspinatus tendon"], True, "shoulder"),
    "labrum": (["labrum", "labral"], True, "shoulder"),
    "bursa": (["subacromial", "subdeltoid", "subacromial subdeltoid", "sasd"], True, "shoulder"),
    "facet": (["facet", "facet joint"], False, None),
    "lateral_recess": (["lateral recess", "subarticular recess"], True, None),
    "foramen": (["foramen", "foraminal", "neural foramen", "neural foraminal"], False, None),
    "nerve_root": (["nerve root"], False, None),
    "paracentral": (["paracentral"], True, None),
    "spinal_canal": (["spinal canal", "canal"], False, None),
    "cord": (["spinal cord", "cord"], False, None),
    "epidural": (["epidural"], False, None),
    "thoracic_spine": (["thoracic"], False, None),
    "lumbar_spine": (["lumbar"], False, None),
    # The posterior elements, one each side of a vertebra ("right C6 lamina", "left L5
    # pedicle"); the transverse foramen carries the vertebral artery, no nerve root.
    "lamina": (["lamina", "laminae", "laminar"], True, None),
    "pedicle": (["pedicle", "pedicles"], True, None),
    "lateral_mass": (
        ["lateral mass", "lateral masses", "articular pillar", "articular process"],
        True,
        None,
    ),
    "foramen_transversarium": (
        ["foramen transversarium", "foramina transversaria", "transverse foramen"],
        True,
        None,
    ),
    # One each side of a vertebra: "right L2 and L3 transverse processes".
    "transverse_process": (["transverse process", "transverse processes", "tp"], True, None),
    "heart": (["heart", "cardiac"], False, None),
    "costophrenic": (["costophrenic"], True, None),
    # General anatomy vocabulary (second growth): paired structures carry True.
    "epididymis": (["epididymis", "epididymides", "epididymal", "epididymal head"], True, None),
    "hemiscrotum": (["hemiscrotum", "hemiscrota"], True, None),
    "spermatic_cord": (["spermatic cord"], True, None),
    "nasal_bone": (["nasal bone", "nasal bones"], True, None),
    "ethmoid": (["ethmoid", "ethmoid air cells", "ethmoid sinus", "ethmoidal"], True, None),
    "frontal_sinus": (["frontal sinus", "frontal sinuses"], True, None),
    "sphenoid_sinus": (["sphenoid sinus", "sphenoid sinuses"], True, None),
    "ostiomeatal_unit": (["ostiomeatal unit", "ostiomeatal complex", "omc"], True, None),
    "orbit": (["orbit", "orbits", "orbital", "orbital floor", "orbital wall"], True, None),
    "zygoma": (
        [
            "zygoma",
            "zygomatic",
            "zygomatic arch",
            "zygomaticomaxillary",
            "zmc",
            "tripod",
            "tetrapod",
        ],
        True,
        None,
    ),
    # The pterygoid plates break in Le Fort and extended ZMC fractures: a separate structure.
    "pterygoid_plate": (
        ["pterygoid plate", "pterygoid plates", "pterygoid process", "pterygoid"],
        True,
        None,
    ),
    # Behind the maxillary sinus: a sinonasal mass that reaches it has left the sinus.
    "pterygopalatine_fossa": (
        ["pterygopalatine fossa", "pterygopalatine fossae", "pterygomaxillary fissure"],
        True,
        None,
    ),
    "mandible": (["mandible", "mandibular", "mandibular condyle"], False, None),
    "maxilla": (["maxilla", "maxillary"], True, None),
    "parotid": (["parotid", "parotid gland"], True, None),
    "submandibular": (["submandibular", "submandibular gland", "submandibular space"], True, None),
    "vocal_cord": (["vocal cord", "vocal fold", "true vocal cord"], True, None),
    "middle_ear": (["middle ear", "tympanic cavity"], True, None),
    "temporal_bone": (["temporal bone", "temporal bones"], True, "temporal"),
    "frontal": (["frontal lobe", "frontal"], True, None),
    "caudate": (["caudate", "caudate head", "caudate nucleus"], True, "basal_ganglia"),
    "putamen": (["putamen", "lentiform nucleus"], True, "basal_ganglia"),
    "corona_radiata": (["corona radiata", "centrum semiovale"], True, "white_matter"),
    "internal_capsule": (["internal capsule"], True, None),
    "cerebral_peduncle": (["cerebral peduncle"], True, None),
    "pons": (["pons", "pontine"], False, None),
    "aca": (["anterior cerebral artery", "aca", "a1 segment", "a2 segment"], True, None),
    "pca": (["posterior cerebral artery", "pca", "p1 segment", "p2 segment"], True, None),
    "optic_nerve": (["optic nerve"], True, None),
    "humerus": (["humerus", "humeral", "humeral head"], True, None),
    "clavicle": (["clavicle", "clavicular"], True, None),
    "scapula": (["scapula", "scapulae", "scapular", "glenoid"], True, None),
    "acromioclavicular": (["acromioclavicular", "ac joint"], True, "shoulder"),
    "femur": (["femur", "femoral shaft", "femoral head", "femoral"], True, None),
    "acetabulum": (["acetabulum", "acetabular"], True, "hip"),
    "tibia": (["tibia", "tibiae", "tibial", "plafond", "pilon"], True, None),
    "fibula": (["fibula", "fibulae", "fibular"], True, None),
    "patella": (["patella", "patellar"], True, "knee"),
    "calcaneus": (["calcaneus", "calcaneal"], True, "foot"),
    "talus": (["talus", "talar"], True, "ankle"),
    # The other tarsal bones, each its own place ("navicular stress fracture" is no
    # metatarsal's).
    "navicular": (["navicular", "tarsal navicular"], True, "foot"),
    "cuboid": (["cuboid"], True, "foot"),
    "cuneiform": (["cuneiform", "cuneiforms"], True, "foot"),
    "scaphoid": (["scaphoid"], True, "wrist"),
    # The other carpal bones, each its own place ("triquetral avulsion" is no scaphoid's).
    "lunate": (["lunate"], True, "wrist"),
    "triquetrum": (["triquetrum", "triquetral"], True, "wrist"),
    "pisiform": (["pisiform"], True, "wrist"),
    "trapezium": (["trapezium"], True, "wrist"),
    "trapezoid": (["trapezoid"], True, "wrist"),
    "capitate": (["capitate"], True, "wrist"),
    "hamate": (["hamate", "hook of hamate", "hook of the hamate"], True, "wrist"),
    "metacarpal": (["metacarpal"], False, "hand"),
    "phalanx": (["phalanx", "phalanges", "phalangeal"], False, None),
    # The pelvis as a place: its ring of bones ("no pelvic fracture" says nothing of the ribs)
    # and the cavity it holds ("Pelvis: small volume free fluid").
    "pelvis": (["pelvis", "pelvic", "bony pelvis", "pelvic ring", "pelvic bones"], False, None),
    "sacroiliac": (["sacroiliac joint", "sacroiliac", "si joint"], True, "pelvis"),
    "pubic_ramus": (["pubic ramus", "pubic rami", "superior pubic ramus"], True, "pelvis"),
    "iliac_bone": (["iliac wing", "ilium", "iliac crest", "iliac bone"], True, "pelvis"),
    # The sacrum is one bone, but its alae and foramina lie one each side of it.
    "sacral_ala": (
        ["sacral ala", "sacral alae", "sacral wing", "sacral ala zone"],
        True,
        "pelvis",
    ),
    # The recesses where free fluid gathers beside the liver and the spleen (FAST's upper
    # quadrant views): one is no place of the other.
    "hepatorenal_recess": (
        [
            "hepatorenal recess",
            "hepatorenal space",
            "hepatorenal pouch",
            "morison pouch",
            "morison's pouch",
            "morisons pouch",
            "morrison pouch",
            "morrison's pouch",
            "morrisons pouch",
        ],
        False,
        None,
    ),
    "splenorenal_recess": (["splenorenal recess", "splenorenal space"], False, None),
    "renal_artery": (["renal artery", "renal arteries"], True, "kidney"),
    "renal_vein": (["renal vein", "renal veins"], True, "kidney"),
    "femoral_artery": (
        ["femoral artery", "superficial femoral artery", "sfa", "common femoral artery"],
        True,
        "lower_extremity",
    ),
    "popliteal_artery": (["popliteal artery"], True, "lower_extremity"),
    "brachial": (["brachial vein", "brachial artery", "brachial"], True, "upper_extremity"),
    "basilic_vein": (["basilic vein", "basilic"], True, "upper_extremity"),
    # Duplex dictation shortens the vein to "v" ("axillary v patent").
    "cephalic_vein": (["cephalic vein", "cephalic v"], True, "upper_extremity"),
    "axillary_vein": (["axillary vein", "axillary v", "axillary vv"], True, "upper_extremity"),
    "pulmonary_vein": (["pulmonary vein", "pulmonary veins"], True, None),
    "seminal_vesicle": (["seminal vesicle", "seminal vesicles"], True, None),
    "fallopian_tube": (["fallopian tube", "fallopian tubes"], True, None),
    # Deep endometriosis is staged by the ligament it infiltrates, one each side.
    "uterosacral_ligament": (
        ["uterosacral ligament", "uterosacral ligaments", "uterosacral lig", "uterosacral", "usl"],
        True,
        None,
    ),
    "renal_pelvis": (
        [
            "renal pelvis",
            # Its adjective, which is no bony pelvis ("right renal pelvic calculus").
            "renal pelvic",
            "collecting system",
            # The pelvis with its calyces, as urography names the collecting system.
            "pelvicalyceal system",
            "pelvicaliceal system",
        ],
        True,
        "kidney",
    ),
    "lacrimal_gland": (["lacrimal gland"], True, None),
    "atfl": (["anterior talofibular ligament", "atfl"], True, "ankle"),
    "cfl": (["calcaneofibular ligament", "cfl"], True, "ankle"),
    "ptfl": (["posterior talofibular ligament", "ptfl"], True, "ankle"),
    "deltoid_ligament": (["deltoid ligament", "deltoid ligament complex"], True, "ankle"),
    "syndesmosis": (["syndesmosis", "syndesmotic", "tibiofibular ligament"], True, "ankle"),
    "mcl": (["medial collateral ligament", "mcl"], True, "knee"),
    "lcl": (["lateral collateral ligament", "lcl", "fibular collateral ligament"], True, "knee"),
    "ucl": (["ulnar collateral ligament", "ucl"], True, None),
    "tfcc": (
        ["triangular fibrocartilage complex", "triangular fibrocartilage", "tfcc"],
        True,
        "wrist",
    ),
    "scapholunate": (["scapholunate ligament", "scapholunate"], True, "wrist"),
    "achilles": (["achilles tendon", "achilles"], True, None),
    "plantaris": (["plantaris tendon", "plantaris"], True, None),
    # British dictation's RIF and LIF are the right and left iliac fossae.
    "iliac_fossa": (["iliac fossa", "rif|R", "lif|L"], True, None),
    "tegmen": (["tegmen", "tegmen tympani", "tegmen mastoideum"], True, "temporal_bone"),
    "ossicles": (["ossicles", "ossicular chain", "incus", "malleus", "stapes"], True, None),
    "scutum": (["scutum"], True, None),
    "semicircular_canal": (["semicircular canal", "semicircular canals"], True, None),
    "cochlea": (["cochlea", "cochlear"], True, None),
    "facial_nerve_canal": (["facial nerve canal", "fallopian canal"], True, None),
    "physis": (["physis", "physes", "physeal", "growth plate"], True, None),
    # Bone in general ("no focal osseous lesions", "Bones: no fracture"): any bone (BONES).
    "skeleton": (
        ["osseous", "bony", "skeletal", "skeleton", "bone", "bones", "osseous structures"],
        False,
        None,
    ),
}
# The bones: each lies in the skeleton as well as in its region ("scaphoid" in the wrist), so
# "osseous" meets any of them and none of the soft organs.
BONES: frozenset[str] = frozenset(
    {
        "rib",
        "transverse_process",
        "lamina",
        "pedicle",
        "lateral_mass",
        "distal_radius",
        "ulnar_styloid",
        "lateral_malleolus",
        "medial_malleolus",
        "posterior_malleolus",
        "malleolus",
        "metatarsal",
        "metacarpal",
        "phalanx",
        "femoral_neck",
        "femoral_condyle",
        "tibial_plateau",
        "nasal_bone",
        "orbit",
        "zygoma",
        "mandible",
        "maxilla",
        "humerus",
        "clavicle",
        "scapula",
        "femur",
        "acetabulum",
        "tibia",
        "fibula",
        "patella",
        "calcaneus",
        "talus",
        "navicular",
        "cuboid",
        "cuneiform",
        "scaphoid",
        "lunate",
        "triquetrum",
        "pisiform",
        "trapezium",
        "trapezoid",
        "capitate",
        "hamate",
        "pubic_ramus",
        "iliac_bone",
        "sacral_ala",
        "temporal_bone",
        "tegmen",
        "ossicles",
        "scutum",
        "physis",
    }
)

# Names whose side word is part of the name: the side belongs to this anatomy only and is not
# handed to a finding in the same clause.
FIXED_NAMES: dict[str, tuple[str, str | None]] = {
    "right upper quadrant": ("upper_quadrant", "R"),
    "left upper quadrant": ("upper_quadrant", "L"),
    "right lower quadrant": ("lower_quadrant", "R"),
    "left lower quadrant": ("lower_quadrant", "L"),
    "ruq": ("upper_quadrant", "R"),
    "luq": ("upper_quadrant", "L"),
    "rlq": ("lower_quadrant", "R"),
    "llq": ("lower_quadrant", "L"),
    "right atrium": ("cardiac_atrium", "R"),
    "left atrium": ("cardiac_atrium", "L"),
    "right ventricle": ("cardiac_ventricle", "R"),
    "left ventricle": ("cardiac_ventricle", "L"),
    "right ventricular": ("cardiac_ventricle", "R"),
    "left ventricular": ("cardiac_ventricle", "L"),
    "right heart": ("heart_side", "R"),
    "left heart": ("heart_side", "L"),
    "left main coronary artery": ("coronary_main", "L"),
    "right coronary artery": ("coronary_right", "R"),
    "left anterior descending": ("coronary_lad", "L"),
    "left anterior descending artery": ("coronary_lad", "L"),
    "lad": ("coronary_lad", "L"),
    "left circumflex": ("coronary_lcx", "L"),
    "left circumflex artery": ("coronary_lcx", "L"),
    "lcx": ("coronary_lcx", "L"),
    "left main": ("coronary_main", "L"),
    "left main coronary": ("coronary_main", "L"),
    "rca": ("coronary_right", "R"),
    "right coronary": ("coronary_right", "R"),
    "right dominant": ("coronary_dominance", "R"),
    "left dominant": ("coronary_dominance", "L"),
    "right-dominant": ("coronary_dominance", "R"),
    "left-dominant": ("coronary_dominance", "L"),
    "lv": ("cardiac_ventricle", "L"),
    "lvef": ("cardiac_ventricle", "L"),
    "lvedv": ("cardiac_ventricle", "L"),
    "rvef": ("cardiac_ventricle", "R"),
    "rvedv": ("cardiac_ventricle", "R"),
    "rv": ("cardiac_ventricle", "R"),
    "left atrial": ("cardiac_atrium", "L"),
    "right atrial": ("cardiac_atrium", "R"),
    "left atrial appendage": ("atrial_appendage", "L"),
    "laa": ("atrial_appendage", "L"),
    "left ventricular outflow tract": ("outflow_tract", "L"),
    "lvot": ("outflow_tract", "L"),
    "right ventricular outflow tract": ("outflow_tract", "R"),
    "rvot": ("outflow_tract", "R"),
    "right heart border": ("heart_border", "R"),
    "left heart border": ("heart_border", "L"),
    "right hepatic lobe": ("hepatic_lobe", "R"),
    "left hepatic lobe": ("hepatic_lobe", "L"),
    "right lobe of the liver": ("hepatic_lobe", "R"),
    "left lobe of the liver": ("hepatic_lobe", "L"),
    "right portal vein": ("portal_vein_branch", "R"),
    "left portal vein": ("portal_vein_branch", "L"),
    "right colon": ("colon_side", "R"),
    # Names that contain a finding word but name an exam or a technique, not a finding.
    "pe protocol": ("exam_protocol", None),
    "stroke protocol": ("exam_protocol", None),
    "stone protocol": ("exam_protocol", None),
    "adequate opacification": ("contrast_technique", None),
    "contrast opacification": ("contrast_technique", None),
    "optimal opacification": ("contrast_technique", None),
    "transient ischemic dilation": ("tid_ratio", None),
    "flexion and extension": ("technique", None),
    "extension views": ("technique", None),
    "flexion-extension": ("technique", None),
    "fine needle aspiration": ("procedure", None),
    "fine-needle aspiration": ("procedure", None),
    "needle aspiration": ("procedure", None),
    "left colon": ("colon_side", "L"),
}

# Side vocabulary. "pre" words modify the next term; "post" phrases modify the term before.
SIDE_PRE: dict[str, str] = {
    "left": "L",
    "right": "R",
    "bilateral": "B",
    "both": "B",
    "either": "B",
    "left-sided": "L",
    "right-sided": "R",
    "left sided": "L",
    "right sided": "R",
    "leftward": "L",
    "rightward": "R",
    "b/l": "B",
    "bilat": "B",
    # Curvature named by its convex side.
    "dextroconvex": "R",
    "levoconvex": "L",
    "dextro-convex": "R",
    "levo-convex": "L",
}
SIDE_POST: dict[str, str] = {
    "on the left side": "L",
    "on the right side": "R",
    "on the left": "L",
    "on the right": "R",
    "to the left": "L",
    "to the right": "R",
    "bilaterally": "B",
    "bilat": "B",
    "on both sides": "B",
    "on each side": "B",
    "on either side": "B",
    "in both": "B",
    "both sides": "B",
    "left greater than right": "B",
    "right greater than left": "B",
    "l > r": "B",
    "r > l": "B",
    "l>r": "B",
    "r>l": "B",
}
# Case-sensitive abbreviations; single letters only count when standing alone.
SIDE_ABBREV: dict[str, str] = {"Lt": "L", "Rt": "R", "LT": "L", "RT": "R", "L": "L", "R": "R"}

# Negation and certainty cues (lower case, matched on word boundaries).
NEG_PRE: list[str] = [
    "no",
    "absent",
    "not",
    "without",
    "w/o",
    "negative for",
    "free of",
    "no evidence of",
    "no evidence for",
    "no sign of",
    "no signs of",
    "no definite",
    "no convincing",
    "absence of",
    "resolution of",
    "resolved",
    "negative",
    # "neg pregnancy test", "neg for DVT": the short form denies before as after.
    "neg",
    "neg for",
    "none",
    "neither",
    "nor",
    "ruled out",
    "no longer",
    "not seen",
    "rather than",
    # The denied diagnosis is read through the terminator its affirmed form is.
    "not consistent with",
    "not c/w",
    "not in keeping with",
    "not compatible with",
]
NEG_POST: list[str] = [
    # Bare "absent" is a pre-cue only ("absent flow"): after a term it would reach back over
    # "and" ("low T1 signal and absent enhancement"); "is/are absent" remain.
    "negative",
    "neg",
    "is absent",
    "are absent",
    "not seen",
    "is not seen",
    "are not seen",
    "not identified",
    "not visualized",
    "not demonstrated",
    "not present",
    "is not present",
    "has resolved",
    "has cleared",
    "have cleared",
    "cleared",
    "have resolved",
    "resolved",
    # A finding of the earlier study said, after a comma, to be gone since ("mild left
    # hydronephrosis, now is resolved", "a small effusion, which has since resolved").
    "now resolved",
    "now is resolved",
    "now has resolved",
    "has now resolved",
    "have now resolved",
    "which has resolved",
    "which have resolved",
    "which has now resolved",
    "which has since resolved",
    "has since resolved",
    "since resolved",
    "is negative",
    "was negative",
    "are negative",
    "ruled out",
    "is excluded",
    "can be excluded",
    "has been excluded",
    "no longer seen",
    "no longer visualized",
    # Comparison with a prior film: what "is no longer visible" has gone.
    "no longer visible",
    "no longer identified",
    "no longer demonstrated",
    # The postfix form of "no significant X" ("Ground-glass opacity is not significant").
    "is not significant",
    "are not significant",
    # The postfix form of "no pathological X" ("Lymph nodes of the neck are not pathological").
    "is not pathological",
    "are not pathological",
    "is not pathologic",
    "are not pathologic",
]
UNC_PRE: list[str] = [
    "cannot exclude",
    "can not exclude",
    "can't exclude",
    "cannot rule out",
    "can not rule out",
    "could not exclude",
    "possible",
    "possibly",
    "probable",
    "probably",
    "likely",
    "suspicious for",
    "highly suspicious for",
    "concerning for",
    "c/f",
    "worrisome for",
    "suggestive of",
    "suspected",
    "suspect",
    "questionable",
    "question of",
    "equivocal",
    "may represent",
    "may reflect",
    "could reflect",
    "might reflect",
    "could represent",
    "might represent",
    "favor",
    "favors",
    "favoring",
    "favour",
    "favouring",
    "favored",
    # The British past and third person hedge as the American ones do.
    "favoured",
    "favours",
    "presumed",
    "versus",
    "vs",
    "differential includes",
    # A scintigraphic grade of likelihood ("intermediate probability for pulmonary embolism").
    "probability for",
    # "Consider dilated cardiomyopathy": a diagnosis put forward, not made.
    "consider",
    "indeterminate for",
    "cannot be excluded",
    # A differential given by examples ("a benign lesion such as a fibroadenoma or node").
    "such as",
    # A cause put forward in plain words ("can be occlusion or very hypoplastic").
    "could be",
    "can be",
    "might be",
]
UNC_POST: list[str] = [
    "less likely",
    "unlikely",
    "cannot be excluded",
    "can not be excluded",
    "not excluded",
    "cannot be ruled out",
    "can not be ruled out",
    "not ruled out",
    "is not excluded",
    "is possible",
    "is suspected",
    # Dictation drops the verb: "occult fx possible" hedges the fracture.
    "possible",
    "suspected",
    # Clipped dictation puts the hedge last ("small bilateral effusions likely.").
    "likely",
    "probable",
    "versus",
    "vs",
    "not entirely excluded",
    "until proven otherwise",
]
HYP_PRE: list[str] = [
    "for suspected",
    "for possible",
    "for evaluation of",
    # A limitation names what the study could not show ("limited for detection of free air").
    "for detection of",
    "for the detection of",
    "to evaluate",
    "evaluate for",
    "evaluation for",
    "rule out",
    "r/o",
    "assess for",
    "to exclude",
    "to assess for",
    "if there is",
    "follow-up for",
    # A PET report's account of the baseline study ("Previously FDG-avid cervical nodes") says
    # what was seen then, not now.
    "previously fdg-avid",
    "previously fdg avid",
    "previously avid",
    "previously hypermetabolic",
    # A risk is a forecast ("risk of fracture"), not a finding.
    "risk of",
    "risk for",
    # A relative's disease ("family history of DDH") is a reason for the exam, not a finding.
    "family history of",
    "family history",
    "family hx of",
    "family hx",
]
# Words that name a finding's absence outright: "normal ventilation" is no ventilation defect.
ABSENCE_NAMES: dict[str, str] = {
    "normal ventilation": "ventilation_defect",
    "preserved ventilation": "ventilation_defect",
    # "Fracture does not involve the foramina transversaria": the structure named is where
    # the finding is not, so it is the denied involvement's place, not the fracture's.
    "does not involve": "involvement",
    "do not involve": "involvement",
    "did not involve": "involvement",
    "not involving": "involvement",
    "without involving": "involvement",
}
# Said right after a disease, the program looks for it ("AAA screening"); not "surveillance",
# which follows a known one ("AAA surveillance", "fistula surveillance").
HYP_POST: list[str] = ["screening", "protocol"]  # "tumor protocol" names the exam's recipe
# Phrases that contain a negation word but do not negate a finding.
PSEUDO: list[str] = [
    # Double negatives: "no absent or reversed end-diastolic flow" affirms the flow.
    "no absent or reversed",
    "no absent",
    "without absent",
    "no change",
    "no interval change",
    "no significant change",
    "no significant interval change",
    "not significantly changed",
    "no substantial change",
    "without change",
    "without interval change",
    "no increase",
    "no decrease",
    "not changed",
    # "Coronary ostia not involved by the dissection flap": the structure is spared, the
    # agent after "by" is there.
    "not involved by",
    "not affected by",
    "not only",
    "no longer than",
    "not increased",
    # A denied action ("angiography is not required on the basis of this fracture") leaves the
    # finding it is justified by affirmed.
    "not required",
    "not needed",
    "not necessary",
    "not indicated",
    "not warranted",
    # "Findings of no clinical significance, including an adrenal adenoma" grades them; it
    # does not deny them ("no clinically significant stenosis" still does).
    # A denied recommendation ("no f/u", "no further eval") denies no finding, and clipped
    # dictation may run the next finding on after it.
    "no f/u",
    "no follow up",
    "no follow-up",
    "no further f/u",
    "no further eval",
    "no further evaluation",
    "no further follow up",
    "no further follow-up",
    "no clinical significance",
    "no clinical importance",
    "without clinical significance",
    # BI-RADS descriptors of a mass said in the negative ("not parallel", "not circumscribed")
    # are its orientation and margin; the findings listed after them are not denied.
    "not parallel",
    "not circumscribed",
    # Resolution short of complete leaves a residue: "pneumatosis has largely resolved, a small
    # residual focus remains" and "near-complete resolution of pneumatosis" still affirm it.
    "near-complete resolution",
    "near complete resolution",
    "partial resolution",
    "incomplete resolution",
    "largely resolved",
    "mostly resolved",
    "partially resolved",
    "partly resolved",
    "nearly resolved",
]
# A hedge about a characterisation ("likely benign cyst") leaves the finding itself affirmed.
_HEDGES = ("likely", "probably", "possibly", "presumably", "most likely") + tuple(
    f"{h} {v}"
    for h in ("likely", "most likely", "probably")
    for v in ("reflecting", "representing", "related to", "due to")
)
_CHARACTERS = (
    "benign",
    "physiologic",
    "physiological",
    "reactive",
    "postoperative",
    "postsurgical",
    "chronic",
    "degenerative",
    "incidental",
    "related",
    "simple",
    # Whether the finding can be treated ("possibly repairable tear"), not whether it is there.
    "repairable",
    "reparable",
    "amenable",
    "resectable",
    "hemorrhagic",
    "sequela",
    "sequelae",
)
PSEUDO += [f"{h} {c}" for h in _HEDGES for c in _CHARACTERS]

# Words that close a negation or certainty scope.
TERMINATORS: list[str] = [
    "but",
    # A temporal clause is a statement of its own: "stone management once sepsis resolved"
    # closes the sepsis, not the stone.
    "once",
    "until",
    "however",
    "although",
    "though",
    "except",
    "aside from",
    "apart from",
    "other than",
    "which",
    "there is",
    "there are",
    "with the exception of",
    "consistent with",
    # Its dictated shorthand, and its British synonym: the diagnosis after them is affirmed
    # by the signs before, which a denial among those signs does not reach.
    "c/w",
    "in keeping with",
    "compatible with",
    "involving",
    # "No stricture with upstream dilatation" denies both; ", with" (a comma first, see
    # negex._blocked) starts a new statement.
    "with associated",
    "secondary to",
    "due to",
    "status post",
    # "No haemorrhage, on a background of spondylotic stenosis": the setting named after a
    # denial is affirmed, not denied with it.
    "background of",
    # "No CT correlate, stress reaction": what lacks a correlate on another study is still
    # there, and so is the conclusion drawn after it.
    "correlate",
    "correlates",
]
# Severity words: part of a finding's description, used to spot findings that swap sides.
SEVERITY: dict[str, str] = {
    "trace": "trace",
    "tiny": "small",
    "small": "small",
    "minimal": "mild",
    "mild": "mild",
    "moderate": "moderate",
    "large": "large",
    "severe": "severe",
    "massive": "large",
    "marked": "severe",
    "extensive": "severe",
}
# Words saying an anatomical structure is normal; with no finding in the sentence they deny
# any finding there ("ACL intact" against "ACL tear").
NORMAL_WORDS: tuple[str, ...] = (
    "intact",
    "normal",
    "unremarkable",
    "clear",
    "patent",
    "preserved",
    "within normal limits",
    "negative",
)

# Qualifiers that make "no new X" a statement about new X only.
# Protocol and alert names that contain a finding word but assert nothing ("code stroke",
# "PE protocol"): the exam line of a draft often repeats them.
NAMES_NOT_FINDINGS: tuple[str, ...] = (
    "code stroke",
    "alberta stroke program early ct score",
    "alberta stroke program early computed tomography score",
    "stroke program",
    "stroke scale",
    "stroke alert",
    "stroke protocol",
    "pe protocol",
    "pe study",
    "pulmonary embolism protocol",
    "pulmonary embolus protocol",
    "pulmonary embolism study",
    "trauma protocol",
    "stone protocol",
    "renal stone protocol",
    "appendicitis protocol",
    "multiple sclerosis protocol",
    "ms protocol",
    "seizure protocol",
    "epilepsy protocol",
    "aortic dissection protocol",
    "dissection protocol",
    "hematuria protocol",
    # The protocol's name, not the patient's implants ("MRI breast implant protocol").
    "breast implant protocol",
    "implant protocol",
    # A rising PSA after treatment: a laboratory state that prompts the study, not an image.
    "biochemical recurrence",
    "biochemical failure",
    # Nerve ganglia, not the cyst.
    "dorsal root ganglion",
    "stellate ganglion",
    "geniculate ganglion",
    "gasserian ganglion",
    "trigeminal ganglion",
    "ciliary ganglion",
    "celiac ganglion",
    "sphenopalatine ganglion",
    "spiral ganglion",
    # The normal contents of the amniotic sac, named to give its volume ("Amniotic fluid:
    # normal", dictated "liquor normal"): its faults are oligo- and polyhydramnios.
    "amniotic fluid",
    # The knee's ligaments named in pairs ("cruciates and collaterals intact"), not collateral
    # vessels.
    "cruciates and collaterals",
    "cruciate and collaterals",
    "collaterals and cruciates",
    # Structures named "fibrosus" that spelling or speech recognition turn into "fibrosis":
    # the biceps' aponeurosis and the disc's outer ring, not scarring.
    # The packed coils filling a treated aneurysm, not a tumour ("coil mass at AComm").
    "coil mass",
    "lacertus fibrosis",
    "lacerta fibrosis",
    "annulus fibrosis",
    "anulus fibrosis",
)

QUALIFIERS: dict[str, str] = {
    "new": "new",
    "additional": "new",
    "other": "new",
    "further": "new",
    "acute": "acute",
    "suspicious": "suspicious",
    "fixed": "fixed",
    "reversible": "reversible",
    "solid": "solid",
    # "No distant metastatic disease" says nothing of the nodal metastases beside it.
    "distant": "distant",
    # "No saddle embolus" denies only the saddle kind, not segmental emboli.
    "saddle": "saddle",
    # "No full-thickness tear" beside a dictated partial tear denies only the full kind.
    "full-thickness": "full_thickness",
    "partial-thickness": "partial_thickness",
    # Otosclerosis beyond the oval window, around the cochlea: denying it leaves the fenestral
    # kind dictated beside it.
    "retrofenestral": "retrofenestral",
    "pericochlear": "retrofenestral",
}

# Units: surface -> (dimension, factor to the base unit of that dimension).
UNITS: dict[str, tuple[str, float]] = {
    "mm": ("length", 1.0),
    "millimeter": ("length", 1.0),
    "millimeters": ("length", 1.0),
    "cm": ("length", 10.0),
    "centimeter": ("length", 10.0),
    "centimeters": ("length", 10.0),
    "ml": ("volume", 1.0),
    "cc": ("volume", 1.0),
    "cm3": ("volume", 1.0),
    "milliliters": ("volume", 1.0),
    "milliliter": ("volume", 1.0),
    "l": ("volume", 1000.0),
    "cm2": ("area", 100.0),
    "mm2": ("area", 1.0),
    "hu": ("density", 1.0),
    "hounsfield units": ("density", 1.0),
    "hounsfield unit": ("density", 1.0),
    "cm/s": ("velocity", 1.0),
    "cm/sec": ("velocity", 1.0),
    "centimeters per second": ("velocity", 1.0),
    "centimeter per second": ("velocity", 1.0),
    "m/s": ("velocity", 100.0),
    "mmhg": ("pressure", 1.0),
    "mm hg": ("pressure", 1.0),
    "%": ("percent", 1.0),
    "percent": ("percent", 1.0),
    "degrees": ("angle", 1.0),
    "degree": ("angle", 1.0),
    "deg": ("angle", 1.0),
    "°": ("angle", 1.0),
    "bpm": ("rate", 1.0),
    "beats per minute": ("rate", 1.0),
    "mgy": ("dose", 1.0),
    "mgy-cm": ("dose_length", 1.0),
    "mgy*cm": ("dose_length", 1.0),
    "msv": ("effective_dose", 1.0),
    "g/cm2": ("bone_density", 1.0),
    "g/cm²": ("bone_density", 1.0),
    "g": ("mass", 1.0),
    "kg": ("mass", 1000.0),
    "gauge": ("gauge", 1.0),
    "ga": ("gauge", 1.0),
    # Catheter and sheath sizes: "10 Fr", "12 French", "6-Fr".
    "fr": ("french", 1.0),
    "french": ("french", 1.0),
    # Times are kept in seconds, so a millisecond value keeps its digits when rounded.
    "minutes": ("time", 60.0),
    "minute": ("time", 60.0),
    "min": ("time", 60.0),
    "seconds": ("time", 1.0),
    "second": ("time", 1.0),
    "sec": ("time", 1.0),
    "s": ("time", 1.0),
    # Reflux times are dictated in seconds and reported in milliseconds ("2.8 s", "2800 ms").
    "milliseconds": ("time", 0.001),
    "millisecond": ("time", 0.001),
    "msec": ("time", 0.001),
    "ms": ("time", 0.001),
}
# British spellings of the spelled-out units ("12 centimetres", "18 millilitres").
UNITS |= {
    u.replace("meter", "metre").replace("liter", "litre"): v
    for u, v in list(UNITS.items())
    if "meter" in u or "liter" in u
}

# British spellings of the lexicon's American words (US part, UK part): each term is matched in
# both, and a finding known only by its ending is keyed by its American spelling, so
# "bacteraemia" is the dictated "bacteremia".
SPELLINGS: tuple[tuple[str, str], ...] = (
    ("edema", "oedema"),
    ("emia", "aemia"),
    ("emic", "aemic"),
    ("hem", "haem"),
    ("esophag", "oesophag"),
    ("tumor", "tumour"),
    ("ped", "paed"),
    ("ization", "isation"),
    # "Hydrocoele", "varicocoele", "spermatocoele": the British spelling of a sac.
    ("cele", "coele"),
)

# Section headings and what they mean for certainty.
HYPOTHETICAL_SECTIONS: frozenset[str] = frozenset(
    {
        "indication",
        "history",
        "clinical history",
        "reason for exam",
        "clinical indication",
        "technique",
    }
)
SECTION_NAMES: frozenset[str] = frozenset(
    {
        "findings",
        "impression",
        "indication",
        "history",
        "clinical history",
        "comparison",
        "technique",
        "reason for exam",
        "clinical indication",
        "conclusion",
        "summary",
        "recommendation",
        "recommendations",
        "exam",
        "procedure",
        # A procedure report's combined heading is the findings section, not technique: its
        # "technique:" must not make what follows a description of the method.
        "findings and technique",
    }
)

# Kinds of a general finding: each stands for the general word and the general word for each,
# but one kind never stands for another (a subarachnoid bleed is no intraventricular one).
FINDING_KINDS: dict[str, tuple[str, ...]] = {
    "subarachnoid_hemorrhage": ("hemorrhage",),
    "intraventricular_hemorrhage": ("hemorrhage",),
    "intraparenchymal_hemorrhage": ("hemorrhage", "hematoma"),
    "subdural_hematoma": ("hematoma", "hemorrhage"),
    "epidural_hematoma": ("hematoma", "hemorrhage"),
    # A neonate's two umbilical lines run in different vessels and are checked apart: the
    # arterial catheter never stands for a venous one left out, though "catheter" names either.
    "umbilical_venous_catheter": ("catheter",),
    "umbilical_arterial_catheter": ("catheter",),
}

# Findings that stand in for one another when deciding whether a finding was dropped or added
# (not for laterality, negation or measurement): a rewrite may name the lesion by its diagnosis
# or the node by its enlargement. Families match only at a compatible site.
FINDING_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"lymphadenopathy", "lymph_node"}),
    frozenset(
        {
            "catheter",
            "device_tube",
            "chest_tube",
            "drainage_catheter",
        }
    ),
    frozenset({"consolidation", "pneumonia", "opacity", "atelectasis"}),
    # A neonate's RDS is the granular opacification of its lungs, named by either.
    frozenset({"respiratory_distress_syndrome", "opacity"}),
    frozenset({"embolism", "thrombus"}),
    frozenset({"hemorrhage", "hematoma"}),
    frozenset({"hernia", "hiatal_hernia"}),
    # A bony avulsion is a small fracture, named by its fragment or by the fracture.
    frozenset({"fracture", "avulsion_fragment"}),
    # Wear of a joint or the spine, said in many ways.
    frozenset(
        {
            "degenerative_change",
            "osteophyte",
            "joint_space_narrowing",
            "~osteoarthritis",
            "~arthrosis",
            "~spondylosis",
            "~arthropathy",
            "facet_arthropathy",
        }
    ),
    frozenset({"edema", "swelling"}),
    # Signs of lung fibrosis stand for it, and it for them; traction bronchiectasis is also
    # bronchiectasis.
    frozenset({"fibrosis", "honeycombing", "traction_bronchiectasis"}),
    frozenset({"bronchiectasis", "traction_bronchiectasis"}),
    # Fluid in a bursa and the bursa inflamed are one observation, said either way.
    frozenset({"bursal_fluid", "bursitis"}),
    frozenset({"uptake", "focal_uptake"}),
    # On a three-phase bone scan hyperaemia is increased activity on the flow and blood pool
    # images ("increased flow" = "increased radiotracer activity on the flow phase").
    frozenset({"hyperemia", "focal_uptake"}),
    frozenset({"stenosis", "mass_effect", "obstruction", "effacement"}),
    # An abrupt cutoff is how an occluded vessel or an obstructed duct looks.
    frozenset({"cutoff", "occlusion", "obstruction"}),
    frozenset({"tendinosis", "thickening"}),
    frozenset(
        {
            "calcification",
            "~atherosclerosis",
            "plaque",
            "coronary_calcification",
            "vascular_calcification",
        }
    ),
    # An enlarged vessel or duct is a dilated one ("enlarged main pulmonary artery"), and an
    # enlarged organ its "-megaly"; but a dilated duct or bowel loop is never an enlarged
    # spleen, so the two families stay apart.
    frozenset({"enlargement", "ductal_dilation"}),
    frozenset({"enlargement", "hepatomegaly", "splenomegaly", "cardiomegaly"}),
    frozenset({"infarct", "pulmonary_infarct", "gray_white_loss"}),
    # A collection is what free fluid is called when its nature is left open.
    frozenset({"collection", "free_fluid"}),
    frozenset({"ductal_dilation", "hydronephrosis", "hydroureter"}),
    frozenset({"thickening", "wall_thickening", "mucosal_thickening", "bronchial_wall_thickening"}),
)
# Findings that are normal when present, or that only relate others ("extension into ..."):
# dropping or adding one is not an omission/insertion.
NORMAL_WHEN_PRESENT: frozenset[str] = frozenset(
    {"flow", "extension", "involvement", "uptake", "ureteral_jet", "vascularity", "signal_loss"}
)
# Soft-tissue spaces: the space said thickened ("prevertebral soft-tissue thickening") is the
# soft tissue swelling dictated there, one observation.
SOFT_TISSUE_SPACES: frozenset[str] = frozenset({"prevertebral_soft_tissue"})
# Single midline structures: a side given to one ("left mandibular") is a position within it.
MIDLINE: frozenset[str] = frozenset(
    {
        "mandible",
        "mediastinum",
        "pericardium",
        "heart",
        "aorta",
        "liver",
        "gallbladder",
        "pancreas",
        "spleen",
        "uterus",
        "thyroid",
        "pons",
        "spinal_canal",
        "cord",
        "bowel",
        "colon",
        "caecum",
        "ascending_colon",
        "transverse_colon",
        "descending_colon",
        "sigmoid_colon",
    }
)
# Findings close enough that one's denial answers the other's assertion in the negation check
# ("no enlarged lymph nodes" against "hilar lymphadenopathy"); looser kin do not.
NEGATION_KIN: tuple[frozenset[str], ...] = (
    frozenset({"lymphadenopathy", "lymph_node"}),
    frozenset({"bronchiectasis", "traction_bronchiectasis"}),
    # "Focal splenic uptake" against "spleen without focal FDG uptake".
    frozenset({"uptake", "focal_uptake"}),
    frozenset({"extension", "involvement"}),
)
# Words that are a finding on their own ("the main pulmonary artery is enlarged") but only a
# description when a finding follows them ("enlarged mediastinal lymph nodes").
# A sign and the disease it is a sign of: denying the disease denies the sign, but denying
# the sign ("no honeycombing") leaves the disease (reticulation is fibrosis too).
SIGN_OF: dict[str, str] = {"honeycombing": "fibrosis", "traction_bronchiectasis": "fibrosis"}
DESCRIBING_FINDINGS: frozenset[str] = frozenset({"enlargement"})
# Finding words that are adjectives: a finding when said of a structure ("degenerative AC
# joint") or as a predicate ("AC joint degenerative."); before another noun ("degenerative
# tear", "degenerative signal") they only describe it.
ADJECTIVE_FINDINGS: frozenset[str] = frozenset({"degenerative"})
# Words after such an adjective that leave it a predicate.
PREDICATE_FOLLOWERS: frozenset[str] = frozenset({"with", "and", "or", "but", "in", "without"})
# A condition and the signs that show it, standing for one another only at the same named
# structure: a thickened, fluid-filled bursa is bursitis, a thickened wall elsewhere is not.
SHOWN_AT_ITS_STRUCTURE: dict[str, frozenset[str]] = {
    "bursitis": frozenset({"thickening", "bursal_fluid", "fluid"}),
}
# Findings that, said as a verb of a fracture named before them in the sentence ("fracture ...
# a line that breaches the radial cortex"), give the fracture's extent, not a finding of their
# own. A tumour or a screw that breaches a wall is still a finding.
EXTENT_VERBS: frozenset[str] = frozenset({"breach"})
EXTENT_OF: frozenset[str] = frozenset({"fracture"})
# Generic words for an abnormality: partnered by any finding at a compatible site.
GENERIC_FINDINGS: frozenset[str] = frozenset({"abnormality", "deformity", "fluid", "disease"})
# Words for a lesion that say nothing of what it is: partnered by any named lesion at a
# compatible site ("lesion ... consistent with angiomyolipoma"). Named lesions do not partner
# each other: a fibroid is not a polyp.
LESION_WORDS: frozenset[str] = frozenset({"nodule", "mass", "lesion"})
NAMED_LESIONS: frozenset[str] = frozenset(
    {
        "cyst",
        "malignancy",
        "metastasis",
        "meningioma",
        "adenoma",
        "fibroid",
        "schwannoma",
        "angiomyolipoma",
        "hemangioma",
        "lipoma",
        "fnh",
        "pseudocyst",
        "polyp",
        "goiter",
        "~lymphoma",
    }
)
# The structures a kind of place lies in: a vertebral level is in the spine, a numbered
# segment in the liver, a numbered bone in the ribs, hand or foot. A finding at such a place is
# not at a structure outside these ("uptake at T9" is not the iliac wing's).
PLACE_STRUCTURES: dict[str, frozenset[str]] = {
    "level": frozenset(
        {
            "cord",
            "epidural",
            "spinal_canal",
            "foramen",
            "facet",
            "lateral_recess",
            "nerve_root",
            "paracentral",
            "thoracic_spine",
            "lumbar_spine",
            "transverse_process",
            "neck_nodes",
        }
    ),
    "segment": frozenset({"liver", "bile_duct", "gallbladder"}),
    "bone": frozenset({"rib", "metatarsal", "metacarpal", "phalanx", "foot", "hand"}),
}
# Prefixes fused to an organ's word that place a finding in that organ ("intraparotid").
# Not "peri-": what lies around an organ ("perihepatic ascites") is not the organ's own.
PLACE_PREFIXES: tuple[str, ...] = ("intra",)
# Anatomy words that name a part of many organs ("lower pole"): they tell no organ apart.
PART_WORDS: frozenset[str] = frozenset({"pole", "lung_base", "upper_lobe", "lower_lobe"})
# An organ said to be enlarged is the same finding as its "-megaly".
ENLARGED_ORGANS: dict[str, tuple[str, ...]] = {
    "hepatomegaly": ("liver", "hepatic"),
    "splenomegaly": ("spleen", "splenic"),
    "cardiomegaly": ("heart", "cardiac silhouette", "cardiac"),
}
# The length (mm) above which an organ's dictated size is its "-megaly": a spleen of 14.5 cm is
# splenomegaly, whether or not the dictation names it.
ENLARGED_ABOVE_MM: dict[str, float] = {"splenomegaly": 130.0}
# Words that introduce the diagnosis the described findings establish ("consistent with
# angiomyolipoma"): a diagnosis named after them in the report is not a new finding. A new
# suspicion ("concerning for volvulus", "may reflect bronchitis", "consider arthritis") is.
INTERPRETIVE_CUES: tuple[str, ...] = (
    "consistent with",
    "compatible with",
    "in keeping with",
    "representing",
    "findings of",
    "characteristic of",
    "diagnostic of",
    "due to",
    "secondary to",
    "related to",
    "attributable to",
    # "These features favour postoperative change": the cause the reader prefers.
    "favour",
    "favor",
    "favours",
    "favors",
    "favoured",
    "favored",
)

# Word endings that name a disease or abnormal state in medical English (appendicitis,
# spondylosis, lipoma, radiculopathy, bronchiectasis, splenomegaly, ...). A word ending so that
# the lexicon does not know is still read as a finding of its own, so that findings the lexicon
# has never seen can be dropped, added or negated visibly.
FINDING_SUFFIXES: tuple[str, ...] = (
    "itis",
    "itides",
    "osis",
    "oses",
    "oma",
    "omas",
    "omata",
    "pathy",
    "pathies",
    "ectasis",
    "ectases",
    "ectasia",
    "megaly",
    "plasia",
    "trophy",
    "malacia",
    "penia",
    "cele",
    "celes",
    "coele",
    "coeles",
    "iasis",
    "thorax",
    "rrhage",
    "rrhages",
    "sclerosis",
    "emia",
    "stasis",
)
# Words with those endings that are not findings.
NOT_FINDINGS: frozenset[str] = frozenset(
    {
        "diagnosis",
        "prognosis",
        "anastomosis",
        "anastomoses",
        "stoma",
        "stomas",
        "soma",
        "coma",
        "thorax",
        "hemithorax",
        "hemithoraces",
        "diploma",
        "aroma",
        "homeostasis",
        "hemostasis",
        "prosthesis",
        "hypothesis",
        "emphasis",
        "basis",
        "analysis",
        "synthesis",
        "thesis",
        "kinesis",
        # A tendon's sheet ("bicipital aponeurosis"), a structure, not a disease.
        "aponeurosis",
        "aponeuroses",
    }
)
