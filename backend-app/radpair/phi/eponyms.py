"""Eponyms of radiology and medicine: surnames that name a sign, a fracture or a disease.

A word here is never taken for a person's name from the name lists or for being an unknown
capitalised word; only a strong context ("Dr. Murphy", "Patient: Graves, Anna") makes it one,
and even then its eponym use ("Murphy sign", "Graves disease") stays (detect._EPONYM_USE).
Parts of hyphenated eponyms are listed one by one ("hill", "sachs").
"""

from __future__ import annotations

EPONYMS = frozenset("""
    achilles adamkiewicz addison alcock alzheimer amyand arnold asherman asperger baastrup baker
    balthazar bankart barlow barrett barre barton bartholin baxter behcet bell bennett bentall
    bertolotti billroth blalock blount blumensaat bochdalek boerhaave bohler bosniak bouchard
    boutonniere bourneville breslow broca brodie broden brown brunner budd buford burkitt caldwell
    calve camper caroli chamberlain chance charcot chiari child chopart chance clark cobb colles
    conn cooper couinaud courvoisier creutzfeldt crohn cullen cushing danlos dandy debakey
    denis denonvilliers dieulafoy dorello down dupuytren ebstein ehlers eisenmenger ellison
    erb essex evans ewing fallot fazekas ferguson fisher fleischner foley fontan forestier fournier
    frankel freiberg galeazzi gardner garden gartner gerota ghon gissane glasgow glenn glisson
    graves greenfield grashey guillain gustilo guyon haglund hakim hampton hansen harris hartmann
    hashimoto heberden heimlich hess heschl hickman hilgenreiner hill hinchey hippel hirschsprung
    hodgkin hoffa holland homans horner humphrey hunt hunter huntington hurthle insall jakob
    jefferson jeghers johansson jones judet kager kanavel kaposi kartagener kasai kawasaki kerley
    kienbock killian klatskin klein klinefelter kline klippel kocher kohler kommerell krukenberg
    kummell ladd langerhans larsen lauge legg leventhal leydig lindau lisfranc littre luschka
    lynch macleod madelung magendie maisonneuve mallory marfan mayo mcburney mcgregor meckel
    meigs menetrier merchant merkel meyerding milan modic monro monteggia morgagni morison
    morton mounier moyamoya murphy mustard nabothian neer nissen norwood oddi osgood paget
    pancoast parkinson parsonage pauwels pellegrini perkins perthes petit peutz peyronie
    pfannenstiel pfirrmann pipkin plummer poupart pott powers preiser pugh quervain randall
    ranke ranson rastelli reed reid richter risser rolando roux rovsing salter salvati sachs
    scarpa schatzker schatzki scheuermann schlatter schmorl schuller segond seldinger senning
    sertoli sequard sever shenton sinding sjogren skene smith spetzler spigelian stanford stein
    stener stenvers sternberg stieda stryker sturge swan ganz sylvian takayasu tarlov tillaux
    tourette towne treitz trendelenburg trenaunay trousseau turner valsalva vater vinson virchow
    volkmann von wackenheim wagstaffe walker warthin waters weber wegener weiss wells wernicke
    westermark whipple williams willis wilms wolff wrisberg zanca zenker zollinger
    """.split())

# Eponyms that name guidelines, scores or classifications: "per Fleischner" is not a person.
CRITERIA = frozenset("""
    fleischner bosniak gleason breslow ranson balthazar hinchey schatzker garden neer gustilo
    fazekas spetzler meyerding modic pfirrmann cobb weber salter harris denis frankel lauge
    pipkin pauwels glasgow wells mayo milan child pugh couinaud risser kellgren lawrence tanner
    """.split())

# Radiology words that the name lists also hold ("Vena", "Cava", "Alpha", "Peak", "Notch"): not
# names by the lists alone, as the verifier's vocabulary is not; still names after a title.
CLINICAL_NAMES = frozenset("""
    solid horn horns carina surface core stone stones dense peak score ring alpha beta gamma pool
    nodal rim tail rump dome pouch cuff valve dural vasa channel crown root roots wall walls vena
    cava marker corpus vessel vessels ala wire wires branch trunk drain concha tongue edge lobar
    toe band fleck pilon leak sylvian peg notch cam germ breech shadow sella line lines flank
    buckle bolus halo limb verge gull pack string slice angle angles needle deep crest spur cleft
    bulla bleb cortex hilum hila apex base neck body head heel arch sinus port stent coil clip
    clips graft shunt loop lobe vault canal bridge ridge fossa fold gutter wing horn plate plug
    cast sling rod pin pins screw screws nail anchor pouch sac cap stalk crus cusp duct arc bay
    ring bell lens rib ribs spine hip hips knee sole palm shin calf thigh groin chin brow lip
    lash lid temple crown cord pole poles seed spot dot fleck flare storm wash burst flow jet
    flux wave valgus varus dens atlas axis ilium pubis sacrum coccyx talus cuboid hamate capitate
    pisiform lunate scaphoid trapezium trapezoid navicular fibula tibia ulna radius humerus
    patella femur sternum clavicle scapula mandible maxilla vomer ethmoid sphenoid hyoid
    lamina rads arco pars papyracea falx tentorium uncus pons vermis cisterna
    """.split())

# Drugs, contrast agents and devices written with a capital ("Synthroid, Lasix", "Medtronic
# Micra"): no list knows them, so without this they would read as unknown names.
BRANDS = frozenset("""
    tylenol motrin advil aleve aspirin ativan valium versed xanax klonopin haldol zyprexa seroquel
    keppra dilantin depakote lamictal tegretol neurontin lyrica toradol dilaudid morphine fentanyl
    norco percocet vicodin oxycontin tramadol ultram narcan zofran reglan phenergan compazine
    benadryl pepcid protonix nexium prilosec zantac carafate colace senna miralax dulcolax
    lasix bumex aldactone hctz lisinopril losartan norvasc metoprolol lopressor toprol coreg
    cardizem digoxin amiodarone eliquis xarelto pradaxa coumadin warfarin heparin lovenox plavix
    brilinta effient integrilin aggrastat tpa alteplase tenecteplase activase tnkase kcentra
    lipitor crestor zocor pravachol synthroid levothyroxine metformin glucophage insulin lantus
    humalog novolog januvia jardiance farxiga ozempic trulicity victoza prednisone medrol
    decadron dexamethasone solumedrol hydrocortisone zosyn vancomycin vanco cefepime ceftriaxone
    rocephin ancef cefazolin unasyn augmentin levaquin cipro flagyl bactrim doxycycline
    azithromycin zithromax clindamycin meropenem merrem gentamicin tobramycin linezolid zyvox
    daptomycin acyclovir tamiflu remdesivir paxlovid albuterol duoneb atrovent spiriva advair
    symbicort singulair epinephrine norepinephrine levophed vasopressin dopamine dobutamine
    propofol diprivan precedex ketamine etomidate succinylcholine rocuronium vecuronium
    omnipaque isovue visipaque optiray ultravist gadavist dotarem eovist multihance prohance
    magnevist omniscan clariscan definity lumason optison lexiscan regadenoson adenosine
    cardiolite myoview technetium sestamibi tetrofosmin mebrofenin choletec octreoscan
    netspot axumin pylarify fluciclovine amyvid vizamyl neuraceq datscan
    medtronic boston scientific abbott siemens somatom philips ge toshiba canon hologic
    stryker zimmer biomet synthes depuy smith nephew arthrex bard cook cordis terumo gore
    micra watchman mitraclip sapien corevalve evolut impella heartmate amplatzer pleurx mediport
    portacath dobhoff salem bair hugger hemovac penrose pigtail mallinckrodt foley
    codman sophysa miethke
    """.split())
