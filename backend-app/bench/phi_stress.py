"""Generated stress test for the PHI gate's names: one kind of name context at a time.

Usage: python -m bench.phi_stress [--seed N] [--per-kind N] [--misses]

The labelled slices are training data now; this generator checks the kinds of context that
unseen dictations use (a role before the name, a verb such as "d/w", lower-case speech
recognition, "LAST, FIRST", capitals, a given name alone, possessives, particles and hyphens,
names that are ordinary words) with its own pools of names from many cultures, written for this
file and not taken from the slices or from the gate's name lists. Clinical sentences, eponyms
included, surround every name: a masked clinical word counts against the gate as in phi_bench.
Figures from here are a stress test of the rules, not an estimate on unseen dictations.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict

from bench.phi_bench import regex_spans, score

# (given, surname) pairs; particles and hyphens kept as written.
PEOPLE = [
    ("Adaora", "Nwachukwu"), ("Chidi", "Okonkwo"), ("Funmilayo", "Adebayo"), ("Kwabena", "Asante"),
    ("Efua", "Boateng"), ("Tesfaye", "Gebremedhin"), ("Hodan", "Warsame"), ("Amani", "Njoroge"),
    ("Thandiwe", "Dlamini"), ("Sipho", "Khumalo"), ("Youssef", "El-Amrani"), ("Leila", "Haddad"),
    ("Omar", "Al-Rashid"), ("Noor", "Al-Hassan"), ("Karim", "Benali"), ("Dariush", "Rahimi"),
    ("Shirin", "Tehrani"), ("Emre", "Yildirim"), ("Elif", "Kaya"), ("Nikos", "Papadakis"),
    ("Eleni", "Stavrou"), ("Giulia", "Di Marco"), ("Matteo", "D'Alessandro"), ("Chiara", "Ferraro"),
    ("Lucien", "Dubois"), ("Margaux", "Le Roux"), ("Pieter", "van den Broek"),
    ("Sanne", "de Vries"), ("Joost", "van der Linden"), ("Friedrich", "von Hagen"),
    ("Annika", "Schreiber"), ("Lars", "Lindqvist"), ("Ingrid", "Halvorsen"), ("Aino", "Virtanen"),
    ("Katarzyna", "Wisniewska"), ("Tomasz", "Zielinski"), ("Oksana", "Hrytsenko"),
    ("Dmitri", "Sokolov"), ("Yelena", "Morozova"), ("Miroslav", "Novak"), ("Ilinca", "Popescu"),
    ("Zsofia", "Horvath"), ("Siobhan", "O'Sullivan"), ("Ciaran", "McGuinness"),
    ("Niamh", "O'Neill"), ("Fergus", "MacLeod"), ("Eilidh", "Buchanan"), ("Rhys", "Llewellyn"),
    ("Maria", "De La Cruz"), ("Jose Luis", "Garcia-Moreno"), ("Ximena", "Villalobos"),
    ("Rodrigo", "Quispe"), ("Paulo", "Gonçalves"), ("Thiago", "Nascimento"), ("Marisol", "Ybarra"),
    ("Maricel", "Dela Rosa"), ("Rommel", "Bautista"), ("Nguyen", "Thi Thu"), ("Tran", "Van Minh"),
    ("Pham", "Quoc Bao"), ("Somchai", "Wongsakul"), ("Ratana", "Chaiyaporn"), ("Zhang", "Wei"),
    ("Liu", "Xiaoming"), ("Wang", "Jiahui"), ("Huang", "Zixuan"), ("Ji-hoon", "Park"),
    ("Seo-yeon", "Choi"), ("Min-jun", "Kang"), ("Haruto", "Takahashi"), ("Yui", "Nakamura"),
    ("Kenta", "Fujiwara"), ("Priyanka", "Venkataraman"), ("Arjun", "Subramanian"),
    ("Gurpreet", "Sandhu"), ("Harpreet", "Kaur"), ("Sanjay", "Chatterjee"), ("Anjali", "Deshpande"),
    ("Imran", "Qureshi"), ("Farhana", "Chowdhury"), ("Nadia", "Rahman"), ("Tenzin", "Dorje"),
    ("Kalani", "Kahananui"), ("Ayasha", "Tsosie"), ("Aroha", "Te Rangi"), ("Mele", "Taufa"),
    ("Bartholomew", "Pennington"), ("Marjorie", "Ashworth"), ("Desmond", "Fairweather"),
    ("Tabitha", "Crane"), ("Dolores", "Whitfield"), ("Clement", "Harrow"), ("Rosalind", "Thorne"),
    ("Wendell", "Pryce"), ("Beatrix", "Holloway"), ("Ambrose", "Kettering"),
]  # fmt: skip
# Names that are also ordinary words.
WORDLIKE = [
    ("Hope", "Castellanos"), ("Rose", "Hill"), ("Grant", "Young"), ("Faith", "King"),
    ("Joy", "Bishop"), ("Hunter", "Marsh"), ("Summer", "Wells"), ("Dawn", "Rivers"),
    ("Mark", "Stone"), ("Bill", "Cook"), ("Chase", "Banks"), ("Grace", "Long"), ("Ivy", "Price"),
    ("Miles", "Ward"), ("Wade", "Fox"), ("Penny", "Lane"), ("Sterling", "Moss"), ("June", "Baker"),
    ("Will", "Hunt"), ("Daisy", "Field"),
]  # fmt: skip
PEOPLE_ALL = PEOPLE + WORDLIKE
MIDDLE = ["A", "J", "M", "R", "T", "K"]
LABELS = ["Attending", "Resident", "RN", "Tech", "Scribe", "PA"]
ROLES = [
    "nurse", "RN", "charge nurse", "tech", "CT tech", "MRI technologist", "sonographer",
    "resident", "PGY-2 resident", "fellow", "attending", "ED attending", "PA", "NP", "scribe",
    "hospitalist", "physician assistant", "case manager", "social worker", "interpreter",
    "ICU nurse", "trauma surgeon", "radiology resident", "night float", "respiratory therapist",
]  # fmt: skip
VERBS = [
    "Discussed with", "discussed with", "d/w", "D/w", "Spoke with", "spoke to", "Per",
    "per", "Results given to", "Findings called to", "Paged", "paged", "Notified",
    "notified", "Read by", "Dictated by", "transcribed by", "Ordered by", "referred by",
    "Reviewed with", "Communicated to", "Handed off to", "Signed out to", "Relayed to",
]  # fmt: skip
TITLES = ["Dr.", "Dr", "Doctor", "Mr.", "Mrs.", "Ms.", "Mx.", "Miss", "Prof."]
UNITS = [
    "the ED",
    "the ICU",
    "the floor",
    "4 West",
    "radiology",
    "the front desk",
    "nursing",
    "the MICU",
    "the trauma bay",
    "pharmacy",
    "transport",
    "the cath lab",
    "PACU",
]
CLINICAL = [
    "Sonographic Murphy sign is negative.", "Trace fluid in Morison pouch.",
    "History of Hodgkin lymphoma, treated.",
    "Known Crohn disease with terminal ileal wall thickening.",
    "Salter-Harris II fracture of the distal radius.", "Hill-Sachs lesion of the humeral head.",
    "Monteggia fracture-dislocation of the left forearm.", "Jefferson fracture of C1 is excluded.",
    "Chance fracture of L1 with posterior element distraction.", "Lisfranc injury is suspected.",
    "Graves disease on methimazole.", "Hashimoto thyroiditis, heterogeneous gland.",
    "Small Baker cyst.", "Schmorl node at L2.", "Bankart lesion is not seen.",
    "Colles fracture with dorsal angulation.", "Jones fracture of the fifth metatarsal base.",
    "Boxer fracture of the fifth metacarpal neck.", "Segond fracture is present.",
    "Maisonneuve injury cannot be excluded.", "Osgood-Schlatter changes of the tibial tubercle.",
    "Paget disease of the pelvis.", "Wilms tumor resection in childhood.",
    "Mallory-Weiss tear suspected clinically.", "Zenker diverticulum noted.",
    "Whipple procedure per history.", "Gerota fascia is thickened.",
    "Virchow node is not enlarged.", "Kerley B lines at the bases.", "Hampton hump is absent.",
    "Westermark sign is absent.", "Circle of Willis is patent.", "Sylvian fissures are symmetric.",
    "Meckel diverticulum is not identified.", "Foley catheter in the bladder.",
    "Swan-Ganz catheter tip in the right pulmonary artery.", "Greenfield filter in the IVC.",
    "Stanford type A dissection is excluded.", "Bosniak 2F cyst in the left kidney.",
    "Child-Pugh class B cirrhosis.", "Wells score is low.", "Glasgow Coma Scale 14.",
    "Hinchey Ia diverticulitis.", "Garden III femoral neck fracture.", "Weber B ankle fracture.",
    "Schatzker II tibial plateau fracture.", "Fazekas grade 2 white matter change.",
    "Hunt and Hess grade 3.", "Fisher grade 3 subarachnoid hemorrhage.", "Cobb angle 24 degrees.",
    "Meyerding grade 1 spondylolisthesis.", "Modic type 1 endplate changes at L4-L5.",
    "Tarlov cyst at S2.", "Hoffa fat pad edema.", "Bohler angle is reduced.",
    "Grey Turner sign noted by the ED.", "Pancoast tumor is not excluded.",
    "Ewing sarcoma history.",
    "Kaposi sarcoma lesions.", "Burkitt lymphoma on chemotherapy.", "Parkinson disease.",
    "Alzheimer dementia.", "Cushing syndrome workup.", "Addison disease on steroids.",
    "Marfan syndrome with aortic root dilatation.", "Turner syndrome.", "Down syndrome.",
    "Barrett esophagus on surveillance.", "Schatzki ring at the GE junction.",
    "Bochdalek hernia on the left.", "Morgagni hernia containing omental fat.",
    "Spigelian hernia is not seen.", "Richter hernia excluded.", "Fournier gangrene is suspected.",
    "Nabothian cysts in the cervix.", "Bartholin cyst on the right.", "Morton neuroma.",
    "Haglund deformity of the calcaneus.", "Madelung deformity.", "Galeazzi fracture.",
    "Dupuytren contracture.", "Heberden nodes.", "Charcot joint of the midfoot.",
    "Pellegrini-Stieda lesion.", "Legg-Calve-Perthes disease in childhood.", "Shenton line intact.",
    "Judet views obtained.", "Grashey view of the shoulder.", "Waters view of the sinuses.",
    "Trendelenburg position for the line.", "Valsalva maneuver performed.", "Seldinger technique.",
    "Pfannenstiel incision.", "McBurney point tenderness.", "Horner syndrome on the left.",
    "Bell palsy, resolved.", "Guillain-Barre syndrome history.", "Sjogren syndrome.",
    "Kawasaki disease as a child.", "Takayasu arteritis.", "Wegener granulomatosis.",
    "Eisenmenger physiology.", "Ebstein anomaly.", "Tetralogy of Fallot repair.",
    "Fontan circulation.", "Blalock-Taussig shunt.", "Ladd bands at laparotomy.",
    "Hirschsprung disease excluded.", "Klatskin tumor is suspected.", "Caroli disease.",
    "Budd-Chiari syndrome.", "Thurston Holland fragment.", "Sister Mary Joseph nodule is absent.",
    "Page kidney from subcapsular hematoma.", "Cooper ligament is intact.",
    "Brown-Sequard syndrome.", "Ranson criteria of 3.", "Balthazar grade C pancreatitis.",
    "Milan criteria are met.", "Mayo score 2.", "Denis three-column injury.",
    "Levels: Stanford B, DeBakey III.", "Hunter canal is normal.", "Alcock canal is clear.",
    "Dandy-Walker malformation.", "Chiari I malformation.", "Arnold-Chiari.", "Moyamoya pattern.",
    "Right upper quadrant pain.", "Level 1 trauma activation.", "Chest pain, rule out PE.",
    "ED Course: morphine, CT.", "Impression: no acute abnormality.", "Free fluid in Morison pouch.",
    "CT Head Without Contrast.", "MRI Cervical Spine.", "Stroke Alert.", "Code Sepsis.",
]  # fmt: skip


def _kinds(rng: random.Random) -> dict:
    """kind -> a function giving (sentence, [name texts]) for one person."""

    def full(g, s):
        return f"{g} {s}"

    def pick(items):
        return rng.choice(items)

    m = pick(MIDDLE)
    mrn = f"48{rng.randint(10000, 99999)}"
    dob = f"0{rng.randint(1, 9)}/1{rng.randint(0, 9)}/19{rng.randint(40, 99)}"

    return {
        "no cue, mid-sentence": lambda g, s: (
            pick(
                [
                    f"{full(g, s)} presented after a fall from standing.",
                    f"Prior imaging of {full(g, s)} was reviewed.",
                    f"CT of the chest for {full(g, s)} shows no embolus.",
                    f"Brought in by EMS, {full(g, s)} reports neck pain.",
                ]
            ),
            [full(g, s)],
        ),
        "role before name": lambda g, s: (
            pick(
                [
                    f"{pick(ROLES)} {full(g, s)} assisted with positioning.",
                    f"Per {pick(ROLES)} {full(g, s)}, the line was flushed.",
                    f"The {pick(ROLES)} {full(g, s)} confirmed the allergy.",
                    f"Positioning by {pick(ROLES)} {full(g, s)}.",
                ]
            ),
            [full(g, s)],
        ),
        "role before surname": lambda g, s: (
            pick(
                [
                    f"{pick(ROLES)} {s} reports the patient is agitated.",
                    f"Spoke with {pick(ROLES)} {s} at the bedside.",
                    f"Contrast given by {pick(ROLES)} {s}.",
                ]
            ),
            [s],
        ),
        "role label": lambda g, s: (
            pick(
                [
                    f"{pick(LABELS)}: {full(g, s)}\n",
                    f"Ordering provider: {s}, {g}\n",
                    f"Sonographer - {full(g, s)}\n",
                ]
            ),
            [g, s],
        ),
        "verb cue": lambda g, s: (
            f"{pick(VERBS)} {full(g, s)} at the bedside.",
            [full(g, s)],
        ),
        "verb cue, surname with title": lambda g, s: (
            f"{pick(VERBS)} {pick(TITLES)} {s}, who agrees.",
            [s],
        ),
        "title and surname": lambda g, s: (
            pick(
                [
                    f"{pick(TITLES)} {s} was at the bedside.",
                    f"Patient of {pick(TITLES)} {s}.",
                    f"Outside films from {pick(TITLES)} {s} reviewed.",
                ]
            ),
            [s],
        ),
        "possessive": lambda g, s: (
            pick(
                [
                    f"Dr. {s}'s patient with a prior fracture.",
                    f"Per {full(g, s)}'s note, pain began yesterday.",
                    f"{full(g, s)}'s daughter reports a fall.",
                ]
            ),
            [full(g, s), s],
        ),
        "lower-case speech": lambda g, s: (
            pick(
                [
                    f"discussed with doctor {s.lower()} at the bedside",
                    f"spoke with nurse {g.lower()} who agrees",
                    f"results called to dr {g.lower()} {s.lower()}",
                    f"per doctor {s.lower()} the patient is npo",
                    f"paged doctor {s.lower()} twice",
                ]
            ),
            [s.lower(), g.lower()],
        ),
        "LAST, FIRST header": lambda g, s: pick(
            [
                (f"Patient: {s.upper()}, {g.upper()} {m}\n", [f"{s.upper()}, {g.upper()} {m}"]),
                (f"{s.upper()}, {g.upper()}  MRN {mrn}\n", [f"{s.upper()}, {g.upper()}", mrn]),
                (f"Name: {s}, {g} {m}.\n", [f"{s}, {g} {m}"]),
                (f"{s}, {g}  DOB {dob}\n", [f"{s}, {g}", dob]),
            ]
        ),
        "LAST, FIRST mid-text": lambda g, s: (
            f"Comparison with prior imaging of {s}, {g} from last year.",
            [f"{s}, {g}"],
        ),
        "all capitals": lambda g, s: (
            pick(
                [
                    f"PATIENT {g.upper()} {s.upper()} ARRIVED BY EMS.",
                    f"{g.upper()} {s.upper()} - ED TRAUMA - LEVEL 2",
                    f"CALLED TO DR {s.upper()} AT BEDSIDE.",
                ]
            ),
            [g.upper(), s.upper()],
        ),
        "given name only": lambda g, s: (
            pick(
                [
                    f"{g} from {pick(UNITS)} called with the history.",
                    f"Spoke with {g} in {pick(UNITS)}.",
                    f"Per {g} at {pick(UNITS)}, the patient fell.",
                    f"{g} ({pick(['charge nurse', 'RN', 'tech', 'PA'])}) was informed.",
                ]
            ),
            [g],
        ),
        "relative": lambda g, s: (
            pick(
                [
                    f"Daughter {full(g, s)} at bedside provides the history.",
                    f"Husband, {g}, states the fall was unwitnessed.",
                    f"Contact: wife {full(g, s)}.",
                ]
            ),
            [full(g, s), g],
        ),
        "initial and surname": lambda g, s: (
            pick([f"Read by {g[0]}. {s}.", f"{g[0]}. {s}, RN, at bedside.", f"cc: {g[0]}. {s}\n"]),
            [f"{g[0]}. {s}"],
        ),
    }


# A second set, written before the gate was tuned on the first and kept for a final check:
# other names, other phrasings of the same kinds, other eponyms (and the slice-4 ones written
# differently: "Crohn's", "Salter Harris" without its hyphen).
HOLDOUT_PEOPLE = [
    ("Olufemi", "Adeyinka"), ("Chinonso", "Eze"), ("Yaw", "Owusu"), ("Abebe", "Tadesse"),
    ("Fatou", "Diallo"), ("Mamadou", "Sow"), ("Bilal", "Chaudhry"), ("Rukhsana", "Begum"),
    ("Vikram", "Raghunathan"), ("Lakshmi", "Iyengar"), ("Thanh", "Huong"), ("Duc Anh", "Vu"),
    ("Xiaolin", "Zhou"), ("Hye-jin", "Yoon"), ("Takeshi", "Morimoto"), ("Arash", "Farahani"),
    ("Mehmet", "Demir"), ("Zeynep", "Arslan"), ("Giorgos", "Konstantinou"),
    ("Agnieszka", "Kaczmarek"), ("Jiri", "Dvorak"), ("Bogdana", "Petrenko"), ("Sven", "Eriksson"),
    ("Malin", "Johansson"), ("Henrike", "Vogel"), ("Jan-Willem", "Bakker"), ("Anouk", "Jansen"),
    ("Benoit", "Lefebvre"), ("Aurelie", "Fontaine"), ("Fiona", "MacDonald"), ("Padraig", "O'Brien"),
    ("Gwen", "Pritchard"), ("Esperanza", "Ruiz"), ("Joaquin", "Villanueva"), ("Luz", "Ortega"),
    ("Ana Paula", "Ferreira"), ("Kealoha", "Akana"), ("Nizhoni", "Begay"), ("Wiremu", "Ngata"),
    ("Sione", "Tupou"), ("Cornelius", "Blackwood"), ("Prudence", "Ashby"), ("Hamish", "Drummond"),
    ("Winifred", "Oakes"), ("Ezekiel", "Marsh"), ("Ines", "dos Santos"), ("Karim", "Abu-Zeid"),
    ("Sofie", "Vanderveken"), ("Mateus", "da Silva"), ("Lorenzo", "Dell'Acqua"),
    ("Dawn", "Summers"), ("Robin", "Banks"), ("Autumn", "Gray"), ("Holly", "Branch"),
    ("Frank", "Major"), ("Amber", "Stone"), ("Sunny", "Day"), ("Heath", "Fields"),
]  # fmt: skip
HOLDOUT_CLINICAL = [
    "Kienbock disease of the lunate.", "Freiberg infraction of the second metatarsal head.",
    "Bennett fracture of the thumb base.", "Rolando fracture.", "Smith fracture of the radius.",
    "Tillaux fracture in an adolescent.", "Stener lesion of the thumb.", "Baastrup disease.",
    "Scheuermann kyphosis.", "Kummell disease at T12.", "Forestier disease of the thoracic spine.",
    "Pott disease is not suspected.", "Calcified Ghon focus.",
    "Crohn's with a distal ileal stricture.",
    "Graves' orbitopathy.", "Hashimoto's thyroiditis.", "Lisfranc ligament disruption.",
    "Monteggia lesion on the left.", "Salter Harris type 2 fracture.", "Hill Sachs defect.",
    "Fluid in Morison's pouch.", "Murphy's sign positive.", "Non-Hodgkin lymphoma, on treatment.",
    "Jefferson burst fracture of C1.", "Flexion-distraction (Chance) injury at L2.",
    "Pneumoperitoneum with Rigler sign.", "Football sign on the supine film.",
    "Kerley A lines.", "Luftsichel sign.", "Hampton's hump.", "Fleischner guidelines apply.",
    "Bosniak IIF.", "Gleason 7 prostate cancer.", "PI-RADS 4 lesion.", "Milwaukee shoulder.",
    "Ewing's sarcoma of the femur.", "Wilms' tumor.", "Peyronie plaque.", "Fournier's gangrene.",
    "Ludwig angina with gas.", "Lemierre syndrome.", "Pott puffy tumor.", "Brodie abscess.",
    "Boerhaave rupture suspected.", "Zenker's diverticulum.", "Mallory Weiss tear.",
    "Cooper's ligaments intact.", "Gerota's fascia thickened.", "Glisson capsule intact.",
    "Trauma Bay 2.", "Resus 1.", "ED Triage.", "Rapid Response called.", "Chest Tube placed.",
    "NG Tube in the stomach.", "Central Line in the SVC.", "Left IJ catheter.", "GCS 15.",
]  # fmt: skip


def _holdout_kinds(rng: random.Random) -> dict:
    """The same kinds as _kinds, phrased another way."""

    def pick(items):
        return rng.choice(items)

    def full(g, s):
        return f"{g} {s}"

    m = pick(MIDDLE)
    return {
        "no cue, mid-sentence": lambda g, s: pick(
            [
                (f"{full(g, s)} is a 45 yo with abdominal pain.", [full(g, s)]),
                (f"This is {full(g, s)}, a 30-year-old restrained driver.", [full(g, s)]),
                (f"History obtained from {full(g, s)}'s son.", [full(g, s)]),
                (f"Pt ID verified x2 with {full(g, s)}.", [full(g, s)]),
            ]
        ),
        "role before name": lambda g, s: pick(
            [
                (f"Trauma attending {full(g, s)} present.", [full(g, s)]),
                (f"Bedside US by EM resident {full(g, s)}.", [full(g, s)]),
                (f"Consent obtained by {full(g, s)}, PA-C.", [full(g, s)]),
            ]
        ),
        "role before surname": lambda g, s: pick(
            [
                (f"NP {s} aware.", [s]),
                (f"Charge RN {s} notified of the result.", [s]),
                (f"Ultrasound tech {s} scanned the patient.", [s]),
            ]
        ),
        "role label": lambda g, s: pick(
            [
                (f"ED provider: {s}, {g} MD\n", [f"{s}, {g}"]),
                (f"Attending: {s.upper()}\n", [s.upper()]),
                (f"Scribe: {g} {s}\n", [full(g, s)]),
            ]
        ),
        "verb cue": lambda g, s: pick(
            [
                (f"Case reviewed with {full(g, s)} (neuroradiology).", [full(g, s)]),
                (f"Seen with {full(g, s)} on rounds.", [full(g, s)]),
                (f"Preliminary read texted to {full(g, s)}.", [full(g, s)]),
            ]
        ),
        "verb cue, surname with title": lambda g, s: (
            f"Bedside US performed by {pick(TITLES)} {s} in resus 2.",
            [s],
        ),
        "title and surname": lambda g, s: pick(
            [
                (f"Imaging requested by Dr. {s}'s team.", [s]),
                (f"Transferred from an outside hospital under Dr {s}.", [s]),
            ]
        ),
        "possessive": lambda g, s: pick(
            [
                (f"{g}'s mother reports a fall from the couch.", [g]),
                (f"{full(g, s)}'s prior CT is not available.", [full(g, s)]),
            ]
        ),
        "lower-case speech": lambda g, s: pick(
            [
                (f"preliminary findings texted to dr {s.lower()} via secure chat", [s.lower()]),
                (
                    f"radiology resident {g.lower()} {s.lower()} reviewed the case",
                    [f"{g.lower()} {s.lower()}"],
                ),
                (f"spoke to {g.lower()} at the nursing station", [g.lower()]),
                (
                    f"case discussed with doctor {g.lower()} {s.lower()}",
                    [f"{g.lower()} {s.lower()}"],
                ),
            ]
        ),
        "LAST, FIRST header": lambda g, s: (
            f"{s.upper()} {g.upper()} {m}\n",
            [f"{s.upper()} {g.upper()} {m}"],
        ),
        "LAST, FIRST mid-text": lambda g, s: (
            f"Prior study for {s}, {g} {m}. is reviewed.",
            [f"{s}, {g} {m}."],
        ),
        "all capitals": lambda g, s: pick(
            [
                (
                    f"DISCUSSED WITH {g.upper()} {s.upper()} AT 0400.",
                    [f"{g.upper()} {s.upper()}", "0400"],
                ),
                (f"PT: {s.upper()}, {g.upper()}\n", [f"{s.upper()}, {g.upper()}"]),
            ]
        ),
        "given name only": lambda g, s: pick(
            [
                (f"Family ({g}, daughter) updated.", [g]),
                (f"{g} on 5 North paged back.", [g]),
                (f"Per {g} in radiology scheduling, the exam is booked.", [g]),
            ]
        ),
        "relative": lambda g, s: pick(
            [
                (f"Brother {g} present at bedside.", [g]),
                (f"Son is {full(g, s)}, phone on file.", [full(g, s)]),
            ]
        ),
        "initial and surname": lambda g, s: (
            f"Signed: {g} {m}. {s}, DO\n",
            [f"{g} {m}. {s}"],
        ),
    }


# A third set, kept for the last look: written after the gate was tuned on the first two,
# scored once then, and not learnt from.
CHECK_PEOPLE = [
    ("Amara", "Osei"), ("Jorge", "Ramirez-Ortiz"), ("Kristin", "Van Houten"), ("Anil", "Gupta"),
    ("Lorena", "Bustamante"), ("Tomasz", "Wrobel"), ("Carmen", "Echeverria"), ("Yusuf", "Okafor"),
    ("Mei-Ling", "Tsai"), ("Quang", "Nguyen"), ("Soo-ah", "Jeon"), ("Hiroko", "Sato"),
    ("Rajendra", "Pillai"), ("Deepika", "Ramaswamy"), ("Gulnara", "Abenova"), ("Aziz", "Karimov"),
    ("Nomvula", "Mokoena"), ("Kofi", "Mensah-Bonsu"), ("Abdirahman", "Farah"), ("Chiamaka", "Obi"),
    ("Esteban", "De la Fuente"), ("Valentina", "Rossi"), ("Lucja", "Nowicka"), ("Petra", "Novotna"),
    ("Bjorn", "Haugen"), ("Eero", "Lahtinen"), ("Maeve", "Gallagher"), ("Declan", "Fitzgerald"),
    ("Agathe", "Marchand"), ("Wolfgang", "Oberhauser"), ("Tjitske", "de Boer"),
    ("Yael", "Ben-David"),
    ("Moshe", "Abramovich"), ("Layla", "Nasser"), ("Tariq", "Al-Masri"), ("Parisa", "Moradi"),
    ("Tevita", "Fifita"), ("Keoni", "Kealoha"), ("Waya", "Whitehorse"), ("Ignatius", "Boateng"),
    ("Ottilie", "Harcourt"), ("Barnaby", "Ellsworth"), ("Philippa", "Crowther"),
    ("Ruth", "Abernathy-Ng"), ("Faith", "Hill"), ("Joy", "Young"), ("Grant", "Rivers"),
    ("Hunter", "King"), ("Sage", "Brooks"),
    ("Destiny", "Fields"), ("Lane", "Carter"), ("Marshall", "Law"), ("Page", "Turner"),
]  # fmt: skip
CHECK_CLINICAL = [
    "Murphy sign equivocal on ultrasound.", "Morison pouch is clear.", "Hodgkin disease, remote.",
    "Crohn ileitis with a fistula.", "Salter-Harris IV injury.", "Hill-Sachs impaction.",
    "Monteggia pattern injury.", "Jefferson-type C1 fracture.", "Chance-type flexion injury.",
    "Lisfranc joint widening.", "Graves thyroid, enlarged.", "Hashimoto pattern of the gland.",
    "Kocher incision noted.", "Roux-en-Y anatomy.", "Nissen wrap intact.", "Hartmann pouch stump.",
    "Denonvilliers fascia intact.", "Baker's cyst, ruptured.", "Pott's disease excluded.",
    "Ogilvie syndrome suspected.", "Fleischner Society criteria.", "Bosniak 3 cyst.",
    "Wolff-Parkinson-White history.", "Ehlers-Danlos syndrome.", "Peutz-Jeghers polyps.",
    "Klippel-Feil anomaly.", "Sprengel deformity.", "Kummel disease.", "Brodie's abscess.",
    "Monro foramen patent.", "Luschka foramina patent.", "Magendie foramen patent.",
    "Virchow-Robin spaces prominent.", "Broca area spared.", "Wernicke encephalopathy.",
    "Sylvian aqueduct patent.", "Meckel's cave symmetric.", "Dorello canal normal.",
    "Kohler disease.", "Sever disease of the calcaneus.", "Sinding-Larsen-Johansson changes.",
    "Level II trauma activation.", "Code Stroke.", "STEMI alert cancelled.",
    "Sepsis Bundle started.",
    "Left Lower Quadrant pain.", "Acute Kidney Injury.", "Small Bowel Obstruction.",
    "Free Air.", "Long Bone series.", "Mass Effect.", "Major Trauma.",
]  # fmt: skip


def _check_kinds(rng: random.Random) -> dict:
    """The same kinds, phrased a third way."""

    def pick(items):
        return rng.choice(items)

    def full(g, s):
        return f"{g} {s}"

    return {
        "no cue, mid-sentence": lambda g, s: pick(
            [
                (f"Mr. and Mrs. notwithstanding, {full(g, s)} arrived by ambulance.", [full(g, s)]),
                (f"Imaging of {full(g, s)} compared with outside films.", [full(g, s)]),
            ]
        ),
        "role before name": lambda g, s: pick(
            [
                (
                    f"Critical result communicated to ED physician {full(g, s)} with read-back.",
                    [full(g, s)],
                ),
                (f"ED PA {full(g, s)} at bedside.", [full(g, s)]),
                (f"Line placed by IR fellow {full(g, s)}.", [full(g, s)]),
            ]
        ),
        "role before surname": lambda g, s: pick(
            [
                (f"Per radiology tech {s}, the patient could not lie flat.", [s]),
                (f"ED doc {s} aware.", [s]),
                (f"Hospitalist {s} will follow.", [s]),
            ]
        ),
        "role label": lambda g, s: pick(
            [
                (f"Referring: {s}, {g} K, MD\n", [f"{s}, {g} K"]),
                (f"Admitting: HOSPITALIST SERVICE - DR. {s.upper()}\n", [s.upper()]),
                (f"Primary team: Medicine Blue (Dr. {s}).", [s]),
            ]
        ),
        "verb cue": lambda g, s: pick(
            [
                (f"Discussed w/ Dr {s} at 0215.", [s, "0215"]),
                (f"Consent obtained by {full(g, s)}.", [full(g, s)]),
                (f"Prelim cosigned by {full(g, s)}.", [full(g, s)]),
            ]
        ),
        "verb cue, surname with title": lambda g, s: (
            f"Images reviewed by Dr. {s} and the team.",
            [s],
        ),
        "title and surname": lambda g, s: pick(
            [
                (f"Pt seen by ortho (Dr. {s}).", [s]),
                (f"Mrs {s} states the pain began today.", [s]),
            ]
        ),
        "possessive": lambda g, s: pick(
            [
                (f"Dr. {s}'s covering resident was informed.", [s]),
                (f"Per Dr {s}'s note, no prior imaging.", [s]),
            ]
        ),
        "lower-case speech": lambda g, s: pick(
            [
                (f"i discussed the findings with doctor {s.lower()} at the bedside", [s.lower()]),
                (f"results given to nurse {g.lower()}", [g.lower()]),
                (
                    f"per dr {g.lower()} {s.lower()} the patient is stable",
                    [f"{g.lower()} {s.lower()}"],
                ),
            ]
        ),
        "LAST, FIRST header": lambda g, s: (
            f"Patient Name: {s.upper()}, {g.upper()}\n",
            [f"{s.upper()}, {g.upper()}"],
        ),
        "LAST, FIRST mid-text": lambda g, s: (
            f"Dictated by: {s}, {g}\n",
            [f"{s}, {g}"],
        ),
        "all capitals": lambda g, s: (
            f"SPOKE WITH DR. {s.upper()} REGARDING RESULTS.",
            [s.upper()],
        ),
        "given name only": lambda g, s: pick(
            [
                (f"Results called to {g} (RN) at 1530.", [g, "1530"]),
                (f"{g} at the front desk confirmed the order.", [g]),
                (f"Hx per daughter {g}.", [g]),
            ]
        ),
        "relative": lambda g, s: (
            f"Spoke to the patient's husband, {g}.",
            [g],
        ),
        "initial and surname": lambda g, s: (
            f"Tx team (Dr. {g[0]}. {s}) notified.",
            [f"{g[0]}. {s}"],
        ),
    }


def _category(text: str) -> str:
    if text.isdigit():
        return "TIME" if len(text) == 4 else "MRN"
    return "DATE" if "/" in text else "NAME"


SETS = {
    "first": (_kinds, PEOPLE_ALL, CLINICAL),
    "holdout": (_holdout_kinds, HOLDOUT_PEOPLE, HOLDOUT_CLINICAL),
    "check": (_check_kinds, CHECK_PEOPLE, CHECK_CLINICAL),
}


def generate(seed: int = 7, per_kind: int = 40, which: str = "first") -> list[dict]:
    """Labelled dictations, `per_kind` of each kind, plus eponym-only ones (no identifiers)."""
    rng = random.Random(seed)
    make_kinds, people, clinical = SETS[which]
    out = []
    for kind in list(make_kinds(rng)):
        for n in range(per_kind):
            g, s = rng.choice(people)
            # The kinds draw their own random details, so each dictation gets fresh ones.
            sentence, names = make_kinds(rng)[kind](g, s)
            names = [name for name in names if name in sentence]
            before, after = rng.sample(clinical, 2)
            while any(name in before or name in after for name in names):
                before, after = rng.sample(clinical, 2)
            text = f"{before} {sentence} {after}\n".replace("\n ", "\n")
            ids = [{"category": _category(name), "text": name} for name in dict.fromkeys(names)]
            out.append({"id": f"{kind}-{n}", "kind": kind, "text": text, "identifiers": ids})
    for n in range(0, len(clinical), 4):
        out.append(
            {
                "id": f"eponyms-{n}",
                "kind": "eponyms only",
                "text": " ".join(clinical[n : n + 4]) + "\n",
                "identifiers": [],
            }
        )
    return out


def run(seed: int = 7, per_kind: int = 40, show_misses: bool = False, which="first") -> dict:
    """Name recall per kind and clinical words masked, on the generated dictations."""
    corpus = generate(seed, per_kind, which)
    by_kind = defaultdict(list)
    for item in corpus:
        by_kind[item["kind"]].append(item)
    result = {}
    for kind, items in by_kind.items():
        scores = score(items, regex_spans, show_misses)
        result[kind] = {
            "name_recall": scores["recall"].get("NAME"),
            "clinical_masked": scores["clinical_masked"],
        }
    every = score(corpus, regex_spans)
    result["all"] = {
        "name_recall": every["recall"]["NAME"],
        "clinical_masked": every["clinical_masked"],
        "clinical_masked_rate": every["clinical_masked_rate"],
    }
    return result


def main() -> int:
    """Print the figures per kind as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--set", default="first", choices=sorted(SETS), help="which phrasings")
    args = parser.parse_args()
    print(json.dumps(run(args.seed, args.per_kind, args.misses, args.set), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
