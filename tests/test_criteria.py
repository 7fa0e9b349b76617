"""Every product criterion of the catalogue, end to end on short, realistic data sheets.

Each case writes a data-sheet text to a file, checks it with `Checker` (the group given explicitly, as
`--group` does) and asserts the verdict, a key part of the reason and, for `pass` and `fail`, that the
evidence quotes the deciding words on the right page. Every product criterion has at least one `pass`
and one `fail` case (`unknown` where the specification has no fail condition); `test_every_product_criterion_
is_covered` keeps it so when criteria are added.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.cli import main
from procure_check.results import Result

CATALOGUE = load_catalogue()
AS_OF = date(2026, 11, 22)

SPEC_PRODUCT_IDS = {
    "CLEAN-P01", "CLEAN-P02", "CLEAN-P03", "CLEAN-P04", "TEXT-P01", "TEXT-P02", "TEXT-P03", "KITCH-P01", "KITCH-P02",
    "KITCH-P03", "CHILD-P01", "CHILD-P02", "CHILD-P03", "PAPER-P01", "PAPER-P02", "PAPER-P03", "WOOD-P01", "WOOD-P02",
    "IT-P01", "IT-P02", "IT-P03", "IT-P04", "LIGHT-P01", "VEH-P01", "VEH-P02", "FOOD-P01", "FOOD-P02", "FURN-P01",
    "FURN-P02",
}
"""The product criterion IDs of the domain specification (a contract: reports and pipelines refer to them)."""
NO_FAIL_CONDITION = {"CLEAN-P03", "KITCH-P02", "IT-P02", "VEH-P02"}
"""Criteria whose specification has no fail condition: without evidence they are `unknown`."""


@dataclass(frozen=True)
class Case:
    name: str
    criterion: str
    group: str
    text: str
    verdict: str
    reason: str
    """A key part of the reason."""
    quote: str = ""
    """For pass and fail: words the evidence must quote (on `page`)."""
    page: int = 1
    as_of: date = AS_OF


def case(name, criterion, group, text, verdict, reason, quote="", page=1, as_of=AS_OF):
    return pytest.param(Case(name, criterion, group, text, verdict, reason, quote, page, as_of),
                        id=f"{criterion}-{verdict}-{name}")


# --- cleaning -----------------------------------------------------------------------------------------------

SWAN_CLEANER_DA = """Produktdatablad: Allrengøring Citrus
Universalrengøringsmiddel til daglig rengøring af alle vaskbare overflader.
Form: flydende koncentrat i 1 l flaske.
\f
Miljø og sundhed
Produktet er Svanemærket, licensnummer 5041 0012.
Dosering: 25 ml pr. 5 l vand. Ved kraftig tilsmudsning 50 ml.
Parfumefri og uden farvestoffer.
"""
OVEN_AEROSOL_DA = """Produktdatablad: Ovnrens Spray
Ovnrens på spraydåse med drivgas (butan/propan).
H222 Yderst brandfarlig aerosol. H229 Beholder under tryk.
Produktet er ikke svanemærket.
EUH208: Indeholder limonene. Kan udløse allergisk reaktion.
"""
BATHROOM_TRIGGER_EN = """Product data sheet: Bathroom Cleaner Fresh
Sanitary cleaner for bathrooms. Trigger spray, no propellant.
EU Ecolabel registration DK/020/012.
Dilute 50 ml in 10 litres of water; apply undiluted on limescale.
Fragrance free.
"""
TOILET_GEL_PENDING_DA = """Produktdatablad: Toiletrens Gel
Ansøgning om Svanemærket er indsendt; licens forventes i 2027.
Flydende gel. Leveres i 750 ml flaske.
Ingredienser: vand, citronsyre, parfume, linalool.
"""
GLASS_EXPIRED_EN = """Product data sheet: Glass Cleaner
EU Ecolabel licence DK/020/099, valid until 31.03.2025.
Pump spray, ready to use.
Contains: water, ethanol, perfume.
"""
FLOOR_WITHDRAWN_EN = """Product data sheet: Floor Cleaner Pro
Floor cleaning agent, liquid.
The Nordic Swan licence 5041 0012 was withdrawn in March 2025.
"""
FLOOR_SOAP_CRITERIA_DA = """Produktdatablad: Gulvsæbe Natur
Til brug på alle vaskbare gulve, leveres i 5 l dunk.
Produktet lever op til Svanemærkets krav, men er ikke licenseret.
Producenten er ISO 14001-certificeret.
"""
DISH_ASTMA_DA = """Produktdatablad: Håndopvask Sensitiv
Opvaskemiddel, koncentrat.
Mærket med Astma-Allergi Danmark.
Doser 2-3 ml pr. liter vand.
"""
FLOOR_SV = """Produktblad: Golvrengöring Lime
Rengöringsmedel för golv, flytande koncentrat.
Produkten är Svanenmärkt, licens 3089 0045.
Dosering: 40 ml per 5 liter vatten.
Oparfymerad.
"""
ALLZWECK_DE = """Technisches Datenblatt: Allzweckreiniger Citrus
Das Produkt ist mit dem Blauen Engel ausgezeichnet (DE-UZ 194).
Pumpspray, ohne Treibgas.
Dosierung: 20 ml auf 5 l Wasser.
Enthält Duftstoffe.
"""
SANITARY_TABLE_DA = """Produktdatablad: Sanitetsrengøring Kalk
Svanemærket: Nej
Parfume: Nej
Dosering: se etiketten
"""

CLEANING = [
    case("swan-licence-da", "CLEAN-P01", "cleaning", SWAN_CLEANER_DA, "pass",
         "Nordic Swan Ecolabel claimed for the product (5041 0012)", "Svanemærket, licensnummer 5041 0012", page=2),
    case("eu-ecolabel-en", "CLEAN-P01", "cleaning", BATHROOM_TRIGGER_EN, "pass",
         "EU Ecolabel claimed for the product (DK/020/012)", "EU Ecolabel registration DK/020/012"),
    case("swan-sv", "CLEAN-P01", "cleaning", FLOOR_SV, "pass", "(3089 0045)", "Svanenmärkt, licens 3089 0045"),
    case("blue-angel-de", "CLEAN-P01", "cleaning", ALLZWECK_DE, "pass",
         "Blue Angel claimed for the product (DE-UZ 194)", "Blauen Engel ausgezeichnet (DE-UZ 194)"),
    case("not-swan-da", "CLEAN-P01", "cleaning", OVEN_AEROSOL_DA, "fail", "not Nordic Swan Ecolabel labelled",
         "ikke svanemærket"),
    case("swan-no-in-table", "CLEAN-P01", "cleaning", SANITARY_TABLE_DA, "fail", "not Nordic Swan Ecolabel labelled",
         "Svanemærket: Nej"),
    case("pending-application-da", "CLEAN-P01", "cleaning", TOILET_GEL_PENDING_DA, "fail",
         "only applied for or planned, not granted", "Ansøgning om Svanemærket er indsendt"),
    case("expired-en", "CLEAN-P01", "cleaning", GLASS_EXPIRED_EN, "fail", "(expired on 2025-03-31)",
         "valid until 31.03.2025"),
    case("withdrawn-en", "CLEAN-P01", "cleaning", FLOOR_WITHDRAWN_EN, "fail", "no longer valid",
         "licence 5041 0012 was withdrawn"),
    case("criteria-only-not-licensed-da", "CLEAN-P01", "cleaning", FLOOR_SOAP_CRITERIA_DA, "unknown",
         "not as a label the product holds"),
    case("health-label-is-no-ecolabel", "CLEAN-P01", "cleaning", DISH_ASTMA_DA, "unknown",
         "not stated in the document"),
    case("trigger-no-propellant-en", "CLEAN-P02", "cleaning", BATHROOM_TRIGGER_EN, "pass", "stated",
         "Trigger spray, no propellant"),
    case("liquid-concentrate-da", "CLEAN-P02", "cleaning", SWAN_CLEANER_DA, "pass", "the product form is stated",
         "flydende koncentrat"),
    case("pump-without-propellant-de", "CLEAN-P02", "cleaning", ALLZWECK_DE, "pass", "stated", "ohne Treibgas"),
    case("aerosol-propellant-da", "CLEAN-P02", "cleaning", OVEN_AEROSOL_DA, "fail", "the document states",
         "spraydåse med drivgas (butan/propan)"),
    case("dosing-per-litres-da", "CLEAN-P03", "cleaning", SWAN_CLEANER_DA, "pass", "stated", "25 ml pr. 5 l vand",
         page=2),
    case("dilution-en", "CLEAN-P03", "cleaning", BATHROOM_TRIGGER_EN, "pass", "stated", "50 ml in 10 litres of water"),
    case("dosing-range-da", "CLEAN-P03", "cleaning", DISH_ASTMA_DA, "pass", "stated", "2-3 ml pr. liter vand"),
    case("dosing-de", "CLEAN-P03", "cleaning", ALLZWECK_DE, "pass", "stated", "20 ml auf 5 l Wasser"),
    case("see-label-is-no-dose", "CLEAN-P03", "cleaning", SANITARY_TABLE_DA, "unknown", "not stated in the document"),
    case("pack-size-is-no-dose", "CLEAN-P03", "cleaning", FLOOR_SOAP_CRITERIA_DA, "unknown",
         "not stated in the document"),
    case("bottle-size-is-no-dose", "CLEAN-P03", "cleaning", TOILET_GEL_PENDING_DA, "unknown",
         "not stated in the document"),
    case("parfumefri-da", "CLEAN-P04", "cleaning", SWAN_CLEANER_DA, "pass", "declared free", "Parfumefri", page=2),
    case("fragrance-free-en", "CLEAN-P04", "cleaning", BATHROOM_TRIGGER_EN, "pass", "declared free", "Fragrance free"),
    case("parfume-nej-da", "CLEAN-P04", "cleaning", SANITARY_TABLE_DA, "pass", "declared free", "Parfume: Nej"),
    case("astma-allergi-label", "CLEAN-P04", "cleaning", DISH_ASTMA_DA, "pass", "Astma-Allergi Danmark claimed",
         "Astma-Allergi Danmark"),
    case("euh208-limonene-da", "CLEAN-P04", "cleaning", OVEN_AEROSOL_DA, "fail", "contains limonene",
         "Indeholder limonene"),
    case("ingredient-list-da", "CLEAN-P04", "cleaning", TOILET_GEL_PENDING_DA, "fail", "contains parfume",
         "Ingredienser: vand, citronsyre, parfume"),
    case("duftstoffe-de", "CLEAN-P04", "cleaning", ALLZWECK_DE, "fail", "contains duftstoffe", "Enthält Duftstoffe"),
]

# --- textiles -----------------------------------------------------------------------------------------------

DUVET_OEKOTEX_DA = """Produktdatablad: Dynebetræk Hotel, hvid
Materiale: 50 % bomuld / 50 % polyester, perkale.
STANDARD 100 by OEKO-TEX, certifikat 20.HUS.12345 Hohenstein HTTI, gyldig til 31.12.2027.
"""
FITTED_SHEET_DA = """Produktdatablad: Stræklagen, jersey
Materiale: 60 % bomuld, 35 % polyester, 5 % elastan
OEKO-TEX Standard 100, certifikat 20.HUS.54321, gyldig til 03/2025.
"""
DUVET_NOT_SWAN_EN = """Product data sheet: Duvet cover, percale
Fabric: 100% cotton.
Not Nordic Swan labelled.
"""
DUVET_SV = """Produktblad: Påslakan, vitt
Material: 100 % ekologisk bomull.
Produkten är märkt med EU-Blomman, licens SE/016/003.
"""
TOWEL_SWAN_DA = """Produktdatablad: Frottéhåndklæde 50 x 100 cm
Luv: 100 % bomuld
Bundvæv: 80 % bomuld / 20 % polyester
\f
Miljømærkning
Produktet er svane-
mærket, licens 3099 0123.
"""
TOWEL_POLYESTER_PILE_EN = """Product data sheet: Bath towel 70 x 140 cm
Loop pile: 80 % cotton / 20 % polyester
Ground weave: 100 % polyester
OEKO-TEX Standard 100, certificate 21.HUS.54321, valid until 2027-06-30.
"""
TOWEL_THREE_FIBRES_DA = """Produktdatablad: Håndklæde, gæstehåndklæde
Materiale: 70 % bomuld, 20 % polyester, 10 % viskose
"""
LINEN_PENDING_DA = """Produktdatablad: Sengelinned Hotel
Materiale: 100 % bomuld
EU Ecolabel: ansøgning indsendt
"""
DUVET_CERTIFICATE_ENDED_EN = """Product data sheet: Pillow case
Fabric: 100 % cotton
STANDARD 100 by OEKO-TEX, certificate 20.HUS.77777. The certificate has expired.
"""

TEXTILES = [
    case("oekotex-valid-da", "TEXT-P01", "textiles", DUVET_OEKOTEX_DA, "pass",
         "STANDARD 100 by OEKO-TEX claimed for the product (20.HUS.12345)", "certifikat 20.HUS.12345"),
    case("oekotex-expires-later", "TEXT-P01", "textiles", DUVET_OEKOTEX_DA, "fail", "(expired on 2027-12-31)",
         "gyldig til 31.12.2027", as_of=date(2028, 3, 1)),
    case("swan-hyphenated-page-2", "TEXT-P01", "textiles", TOWEL_SWAN_DA, "pass",
         "Nordic Swan Ecolabel claimed for the product (3099 0123)", "licens 3099 0123", page=2),
    case("eu-blomman-sv", "TEXT-P01", "textiles", DUVET_SV, "pass", "EU Ecolabel claimed for the product",
         "EU-Blomman"),
    case("oekotex-month-year-expired", "TEXT-P01", "textiles", FITTED_SHEET_DA, "fail", "(expired on 2025-03-31)",
         "gyldig til 03/2025"),
    case("not-swan-en", "TEXT-P01", "textiles", DUVET_NOT_SWAN_EN, "fail", "not Nordic Swan Ecolabel labelled",
         "Not Nordic Swan labelled"),
    case("pending-da", "TEXT-P01", "textiles", LINEN_PENDING_DA, "fail", "only applied for or planned",
         "EU Ecolabel: ansøgning indsendt"),
    case("certificate-expired-next-sentence", "TEXT-P01", "textiles", DUVET_CERTIFICATE_ENDED_EN, "fail",
         "no longer valid", "The certificate has expired"),
    case("two-fibres-da", "TEXT-P02", "textiles", DUVET_OEKOTEX_DA, "pass", "2 fibre type(s)",
         "50 % bomuld / 50 % polyester"),
    case("pure-cotton-en", "TEXT-P02", "textiles", DUVET_NOT_SWAN_EN, "pass", "1 fibre type(s): 100 % cotton",
         "100% cotton"),
    case("organic-cotton-sv", "TEXT-P02", "textiles", DUVET_SV, "pass", "1 fibre type(s)", "100 % ekologisk bomull"),
    case("elastane-third-fibre-da", "TEXT-P02", "textiles", FITTED_SHEET_DA, "fail",
         "3 fibre types (60 % cotton / 35 % polyester / 5 % elastane); at most 2 allowed", "5 % elastan"),
    case("cotton-pile-da", "TEXT-P03", "textiles", TOWEL_SWAN_DA, "pass",
         "loop pile 100 % cotton; ground weave 80 % cotton / 20 % polyester", "Luv: 100 % bomuld"),
    case("polyester-in-pile-en", "TEXT-P03", "textiles", TOWEL_POLYESTER_PILE_EN, "fail",
         "loop pile is 80 % cotton / 20 % polyester; 100 % cotton required", "Loop pile: 80 % cotton / 20 % polyester"),
    case("three-fibres-da", "TEXT-P03", "textiles", TOWEL_THREE_FIBRES_DA, "fail", "3 fibre types",
         "70 % bomuld, 20 % polyester, 10 % viskose"),
]

# --- kitchen ------------------------------------------------------------------------------------------------

FRIDGE_B_DA = """Produktdatablad: Køleskab KS 700, rustfrit stål
Køleskab til storkøkken, 1 dør.
Nettovolumen: 600 l
Energiklasse: B
Energiforbrug: 1.241 kWh/år
Reservedele kan leveres i mindst 10 år efter produktionsstop.
"""
FRIDGE_C_DA = """Produktdatablad: Køleskab KS 700
Nettovolumen: 600 l
Energiklasse: C
Energiforbrug: 3,4 kWh/24t
Reservedele leveres i 7 år.
"""
CABINET_LARGE_D_EN = """Product data sheet: Refrigerated cabinet RC 1400, two doors
Net volume: 1,300 l
Energy class: D
Annual energy consumption: 2,150 kWh/year
Spare parts available for 12 years.
"""
FRIDGE_LARGE_E_EN = """Product data sheet: Refrigerator RC 1400
Net volume: 1,300 l
Energy class: E
"""
FREEZER_C_DA = """Produktdatablad: Fryseskab FS 600
Nettovolumen 560 liter
Energiklasse C
"""
FRIDGE_560_C_DA = """Produktdatablad: Køleskab KS 600
Nettovolumen 560 liter
Energiklasse C
"""
FREEZER_D_DA = """Produktdatablad: Fryseskab FS 600
Nettovolumen 560 liter
Energiklasse D
"""
FREEZER_LARGE_D_DA = """Produktdatablad: Fryseskab FS 1400
Nettovolumen 1.350 liter
Energiklasse D
"""
FRIDGE_GROSS_ONLY_DA = """Produktdatablad: Køleskab KS 900
Bruttovolumen: 850 l
Energiklasse: D
"""
FRIDGE_NO_VOLUME_DA = """Produktdatablad: Køleskab KS 900
Energiklasse: B
"""
FRIDGE_DE = """Datenblatt: Gewerbekühlschrank GKS 600
Nutzinhalt: 600 l
Energieeffizienzklasse: B
Ersatzteile sind 10 Jahre lieferbar.
"""
FRIDGE_SV = """Produktblad: Kylskåp för storkök
Nettovolym: 600 liter
Energiklass: B
Reservdelar finns i 10 år.
"""
DISHWASHER_DA = """Produktdatablad: Opvaskemaskine OM 50
Energiforbrug: 1,2 kWh pr. cyklus
Reservedele: 15 år
"""

KITCHEN = [
    case("ten-years-da", "KITCH-P01", "kitchen", FRIDGE_B_DA, "pass", "10 year(s) stated, at least 10 required",
         "Reservedele kan leveres i mindst 10 år"),
    case("twelve-years-en", "KITCH-P01", "kitchen", CABINET_LARGE_D_EN, "pass", "12 year(s) stated",
         "Spare parts available for 12 years"),
    case("ten-years-de", "KITCH-P01", "kitchen", FRIDGE_DE, "pass", "10 year(s) stated", "Ersatzteile sind 10 Jahre"),
    case("seven-years-da", "KITCH-P01", "kitchen", FRIDGE_C_DA, "fail", "7 year(s) stated, at least 10 required",
         "Reservedele leveres i 7 år"),
    case("annual-kwh-da", "KITCH-P02", "kitchen", FRIDGE_B_DA, "pass", "stated: 1241 kWh/year",
         "Energiforbrug: 1.241 kWh/år"),
    case("per-24h-converted-da", "KITCH-P02", "kitchen", FRIDGE_C_DA, "pass",
         "worked out from 3,4 kWh/24t: 1241 kWh/year",
         "3,4 kWh/24t"),
    case("annual-kwh-en", "KITCH-P02", "kitchen", CABINET_LARGE_D_EN, "pass", "stated: 2150 kWh/year",
         "2,150 kWh/year"),
    case("per-cycle-without-use-count", "KITCH-P02", "kitchen", DISHWASHER_DA, "unknown", "not stated in the document"),
    case("none-stated", "KITCH-P02", "kitchen", FRIDGE_NO_VOLUME_DA, "unknown", "not stated in the document"),
    case("fridge-600l-b", "KITCH-P03", "kitchen", FRIDGE_B_DA, "pass",
         "refrigerator, 600 l net: energy class B; B or better required", "Energiklasse: B"),
    case("fridge-600l-c", "KITCH-P03", "kitchen", FRIDGE_C_DA, "fail",
         "refrigerator, 600 l net: energy class C; B or better required", "Energiklasse: C"),
    case("fridge-1300l-d", "KITCH-P03", "kitchen", CABINET_LARGE_D_EN, "pass",
         "refrigerator, 1300 l net: energy class D; D or better required", "Energy class: D"),
    case("fridge-1300l-e", "KITCH-P03", "kitchen", FRIDGE_LARGE_E_EN, "fail",
         "refrigerator, 1300 l net: energy class E; D or better required", "Energy class: E"),
    case("freezer-560l-c", "KITCH-P03", "kitchen", FREEZER_C_DA, "pass",
         "freezer, 560 l net: energy class C; C or better required", "Energiklasse C"),
    case("fridge-560l-c-same-class-fails", "KITCH-P03", "kitchen", FRIDGE_560_C_DA, "fail",
         "refrigerator, 560 l net: energy class C; B or better required", "Energiklasse C"),
    case("freezer-560l-d", "KITCH-P03", "kitchen", FREEZER_D_DA, "fail",
         "freezer, 560 l net: energy class D; C or better required", "Energiklasse D"),
    case("freezer-1350l-d", "KITCH-P03", "kitchen", FREEZER_LARGE_D_DA, "pass",
         "freezer, 1350 l net: energy class D; D or better required", "Nettovolumen 1.350 liter"),
    case("fridge-de", "KITCH-P03", "kitchen", FRIDGE_DE, "pass", "refrigerator, 600 l net: energy class B",
         "Energieeffizienzklasse: B"),
    case("fridge-sv", "KITCH-P03", "kitchen", FRIDGE_SV, "pass", "refrigerator, 600 l net: energy class B",
         "Energiklass: B"),
    case("gross-volume-is-not-net", "KITCH-P03", "kitchen", FRIDGE_GROSS_ONLY_DA, "unknown",
         "cabinet type, net volume and energy class"),
    case("class-without-volume", "KITCH-P03", "kitchen", FRIDGE_NO_VOLUME_DA, "unknown",
         "cabinet type, net volume and energy class"),
]

# --- childcare ----------------------------------------------------------------------------------------------

BLOCKS_ALL_FREE_DA = """Produktdatablad: Byggeklodser i træ, 0-6 år
Legetøjet er fri for ftalater, bromerede flammehæmmere, tungmetaller, organiske opløsningsmidler,
kræftfremkaldende azofarvestoffer, formaldehyd samt parfume og duftstoffer.
CE-mærket og testet efter EN 71-1, -2 og -3.
"""
SOFT_TOY_ALL_FREE_EN = """Product data sheet: Soft toy rabbit
Phthalate-free. Free from brominated flame retardants. No heavy metals. Solvent-free.
Free from azo dyes. Formaldehyde-free. Fragrance-free.
CE marked, tested to EN 71-1/2/3.
"""
BATH_TOY_PARTIAL_DA = """Produktdatablad: Badedyr, legetøj
Ftalatfri. Uden formaldehyd.
Tungmetaller: overholder EN 71-3.
"""
RATTLE_SWAN_DA = """Produktdatablad: Rangle i bøgetræ
Legetøjet er Svanemærket, licens 3090 0012.
CE-mærket i henhold til EN 71.
"""
DOLL_PHTHALATE_EN = """Product data sheet: Toy doll 30 cm
Material: soft PVC containing DINP (phthalate) as plasticiser.
EN 71-3 tested.
"""
TOY_NOT_CE_DA = """Produktdatablad: Legetøjsbil
Produktet er ikke CE-mærket.
"""
TOY_PENDING_SWAN_DA = """Produktdatablad: Legetøj, stabeltårn
Svanemærkning forventes i 2027.
CE-mærket.
"""
NAPPIES_SWAN_DA = """Produktdatablad: Bleer, str. 4
Bleerne er Svanemærket, licens 3091 0033.
"""
NAPPIES_NOT_LABELLED_DA = """Produktdatablad: Engangsbleer
Bleerne er ikke miljømærket med Svanemærket eller EU-Blomsten.
"""
TOYS_SV = """Produktblad: Leksaker, klossar
Leksaken är Svanenmärkt, licens 3090 0077.
CE-märkt enligt EN 71.
"""

ALL_SEVEN = ("phthalates, brominated flame retardants, heavy metals, organic solvents, azo dyes, formaldehyde, "
             "perfume and fragrances")
CHILDCARE = [
    case("all-seven-free-in-one-list-da", "CHILD-P01", "childcare", BLOCKS_ALL_FREE_DA, "pass",
         f"every substance group is declared absent; declared absent: {ALL_SEVEN}; not declared: none",
         "fri for ftalater"),
    case("all-seven-free-en", "CHILD-P01", "childcare", SOFT_TOY_ALL_FREE_EN, "pass",
         f"declared absent: {ALL_SEVEN}", "No heavy metals"),
    case("swan-covers-all-groups", "CHILD-P01", "childcare", RATTLE_SWAN_DA, "pass",
         "Nordic Swan Ecolabel claimed for the product, which covers these substance groups", "Svanemærket"),
    case("some-groups-missing", "CHILD-P01", "childcare", BATH_TOY_PARTIAL_DA, "unknown",
         "declared absent: phthalates, formaldehyde; not declared: brominated flame retardants, heavy metals, "
         "organic solvents, azo dyes, perfume and fragrances"),
    case("pending-swan-covers-nothing", "CHILD-P01", "childcare", TOY_PENDING_SWAN_DA, "unknown",
         f"not declared: {ALL_SEVEN}"),
    case("phthalate-present", "CHILD-P01", "childcare", DOLL_PHTHALATE_EN, "fail", "contains", "containing DINP"),
    case("swan-licence-toy", "CHILD-P02", "childcare", RATTLE_SWAN_DA, "pass",
         "Nordic Swan Ecolabel claimed for the product (3090 0012)", "licens 3090 0012"),
    case("swan-nappies", "CHILD-P02", "childcare", NAPPIES_SWAN_DA, "pass", "(3091 0033)",
         "Bleerne er Svanemærket, licens 3091 0033"),
    case("swan-sv", "CHILD-P02", "childcare", TOYS_SV, "pass", "(3090 0077)", "Svanenmärkt, licens 3090 0077"),
    case("nappies-not-labelled", "CHILD-P02", "childcare", NAPPIES_NOT_LABELLED_DA, "fail",
         "not Nordic Swan Ecolabel labelled", "ikke miljømærket med Svanemærket eller EU-Blomsten"),
    case("pending-swan", "CHILD-P02", "childcare", TOY_PENDING_SWAN_DA, "fail", "only applied for or planned",
         "Svanemærkning forventes i 2027"),
    case("ce-and-en71-da", "CHILD-P03", "childcare", BLOCKS_ALL_FREE_DA, "pass", "both stated",
         "CE-mærket og testet efter EN 71-1"),
    case("ce-and-en71-en", "CHILD-P03", "childcare", SOFT_TOY_ALL_FREE_EN, "pass", "both stated",
         "CE marked, tested to EN 71"),
    case("ce-and-en71-sv", "CHILD-P03", "childcare", TOYS_SV, "pass", "both stated", "CE-märkt enligt EN 71"),
    case("not-ce-marked", "CHILD-P03", "childcare", TOY_NOT_CE_DA, "fail", "the document states it is missing",
         "Produktet er ikke CE-mærket"),
    case("ce-without-en71", "CHILD-P03", "childcare", TOY_PENDING_SWAN_DA, "unknown", "not stated in the document"),
]

# --- paper --------------------------------------------------------------------------------------------------

COPY_RECYCLED_DA = """Produktdatablad: Kopipapir A4, 80 g/m²
Fibre: 100 % genbrugsfibre.
FSC Recycled, licenskode FSC C012345.
"""
COPY_SWAN_PEFC_EN = """Product data sheet: Copy paper A4, 80 gsm
Nordic Swan Ecolabel, licence 5011 0005.
PEFC certified, PEFC/09-31-001.
"""
COPY_HALF_RECYCLED_DA = """Produktdatablad: Kopipapir A4
Fibre: 50 % genbrugsfibre, 50 % nyfibre.
Kun emballagen er FSC-mærket.
"""
COPY_EXPIRED_SWAN_NB = """Produktdatablad: Kopipapir A4 80 g
Svanemerket, lisens 2041 0233, gyldig til 30.06.2024.
"""
COPY_PACKAGING_RECYCLED_DA = """Produktdatablad: Kopipapir A4
Fibre: 50 % genbrugsfibre.
Emballagen er 100 % genanvendt karton.
"""
COPY_HALF_RECYCLED_LABEL_EN = """Product data sheet: Copy paper A4
50 % recycled fibre.
EU Ecolabel, registration DK/011/004.
"""
PRINTER_PAPER_PACKAGING_FSC_EN = """Product data sheet: Office paper A4
Made from 50 % recycled fibre.
The packaging is FSC certified.
"""
COPY_UNCERTIFIED_DA = """Produktdatablad: Kopipapir, hvidt
Papiret er ikke FSC- eller PEFC-certificeret.
"""
COPY_PRINTING_HOUSE_DA = """Produktdatablad: Kopipapir A4
Produceret på et FSC-certificeret papirværk; fabrikken er ISO 14001-certificeret.
"""
ENVELOPES_FSC_DA = """Produktdatablad: Kuverter C5 med rude
Kuverterne er FSC-mærket, FSC C098765.
"""
ROLLUP_PVC_FREE_DA = """Produktdatablad: Roll-up 85 x 200 cm
Printmateriale: PVC-fri polyesterfilm.
"""
ROLLUP_PVC_EN = """Product data sheet: Roll-up banner 100 x 200 cm
Banner material: 440 g/m² frontlit PVC.
"""
ROLLUP_VINYL_DA = """Produktdatablad: Roll-up Basic
Bannermateriale: vinyl, mat.
"""

PAPER = [
    case("all-recycled-da", "PAPER-P01", "paper", COPY_RECYCLED_DA, "pass", "100 % recycled fibre",
         "100 % genbrugsfibre"),
    case("swan-label-en", "PAPER-P01", "paper", COPY_SWAN_PEFC_EN, "pass",
         "Nordic Swan Ecolabel claimed for the product (5011 0005)", "Nordic Swan Ecolabel, licence 5011 0005"),
    case("half-recycled-with-label", "PAPER-P01", "paper", COPY_HALF_RECYCLED_LABEL_EN, "pass",
         "EU Ecolabel claimed for the product (DK/011/004)", "EU Ecolabel, registration DK/011/004"),
    case("half-recycled-no-label-da", "PAPER-P01", "paper", COPY_HALF_RECYCLED_DA, "fail",
         "only 50 % recycled fibre and no accepted label", "50 % genbrugsfibre"),
    case("expired-swan-licence-nb", "PAPER-P01", "paper", COPY_EXPIRED_SWAN_NB, "fail",
         "licence or certificate is no longer valid (expired on 2024-06-30)", "gyldig til 30.06.2024"),
    case("recycled-packaging-does-not-count", "PAPER-P01", "paper", COPY_PACKAGING_RECYCLED_DA, "fail",
         "only 50 % recycled fibre", "Fibre: 50 % genbrugsfibre"),
    case("fsc-recycled-da", "PAPER-P02", "paper", COPY_RECYCLED_DA, "pass", "FSC claimed for the product (FSC C012345)",
         "FSC C012345"),
    case("pefc-en", "PAPER-P02", "paper", COPY_SWAN_PEFC_EN, "pass", "PEFC claimed for the product (PEFC/09-31-001)",
         "PEFC certified, PEFC/09-31-001"),
    case("fsc-envelopes", "PAPER-P02", "paper", ENVELOPES_FSC_DA, "pass", "(FSC C098765)",
         "Kuverterne er FSC-mærket, FSC C098765"),
    case("fsc-packaging-only-da", "PAPER-P02", "paper", COPY_HALF_RECYCLED_DA, "fail",
         "only the packaging is FSC certified, not the product", "Kun emballagen er FSC-mærket"),
    case("fsc-packaging-only-en", "PAPER-P02", "paper", PRINTER_PAPER_PACKAGING_FSC_EN, "fail",
         "only the packaging is FSC certified", "The packaging is FSC certified"),
    case("not-certified-da", "PAPER-P02", "paper", COPY_UNCERTIFIED_DA, "fail", "not FSC labelled",
         "ikke FSC- eller PEFC-certificeret"),
    case("mill-certified-not-product", "PAPER-P02", "paper", COPY_PRINTING_HOUSE_DA, "unknown",
         "claimed for the company, not for the product"),
    case("pvc-free-da", "PAPER-P03", "paper", ROLLUP_PVC_FREE_DA, "pass", "declared free", "PVC-fri"),
    case("pvc-banner-en", "PAPER-P03", "paper", ROLLUP_PVC_EN, "fail", "contains pvc", "frontlit PVC"),
    case("vinyl-banner-da", "PAPER-P03", "paper", ROLLUP_VINYL_DA, "fail", "contains vinyl", "Bannermateriale: vinyl"),
]

# --- wood ---------------------------------------------------------------------------------------------------

DECKING_PEFC_DA = """Produktdatablad: Terrassebrædder, sibirisk lærk
PEFC-certificeret, PEFC/09-31-001.
Ubehandlet lærk, ikke trykimprægneret.
"""
DECKING_TREATED_EN = """Product data sheet: Decking boards, pine
Pressure treated pine, NTR class AB.
The timber is not FSC or PEFC certified.
"""
PLAYGROUND_FSC_DA = """Produktdatablad: Legeplads, klatrestativ
FSC 100 %, FSC C123456.
Robinie – naturligt holdbar træart, uimprægneret.
"""
BENCH_SWAN_EN = """Product data sheet: Park bench
Untreated oak. Nordic Swan Ecolabel, licence 3097 0011.
"""
PLAYGROUND_DE = """Datenblatt: Spielplatzgerät aus Holz
Kiefer, kesseldruckimprägniert.
PEFC-zertifiziert, PEFC/04-31-1234.
"""
PICNIC_TABLE_DA = """Produktdatablad: Bord-bænkesæt
Trykimprægneret fyr (kobberimprægneret).
Emballagen er FSC-mærket.
"""

WOOD = [
    case("pefc-da", "WOOD-P01", "wood", DECKING_PEFC_DA, "pass", "PEFC claimed for the product (PEFC/09-31-001)",
         "PEFC-certificeret, PEFC/09-31-001"),
    case("fsc-100", "WOOD-P01", "wood", PLAYGROUND_FSC_DA, "pass", "FSC claimed for the product (FSC C123456)",
         "FSC 100 %, FSC C123456"),
    case("swan-wood-product", "WOOD-P01", "wood", BENCH_SWAN_EN, "pass", "Nordic Swan Ecolabel claimed",
         "Nordic Swan Ecolabel, licence 3097 0011"),
    case("pefc-de", "WOOD-P01", "wood", PLAYGROUND_DE, "pass", "(PEFC/04-31-1234)", "PEFC-zertifiziert"),
    case("not-certified-en", "WOOD-P01", "wood", DECKING_TREATED_EN, "fail", "not FSC labelled",
         "The timber is not FSC or PEFC certified"),
    case("packaging-only", "WOOD-P01", "wood", PICNIC_TABLE_DA, "fail", "only the packaging",
         "Emballagen er FSC-mærket"),
    case("not-impregnated-da", "WOOD-P02", "wood", DECKING_PEFC_DA, "pass", "stated", "ikke trykimprægneret"),
    case("naturally-durable-da", "WOOD-P02", "wood", PLAYGROUND_FSC_DA, "pass", "stated", "naturligt holdbar"),
    case("untreated-en", "WOOD-P02", "wood", BENCH_SWAN_EN, "pass", "stated", "Untreated oak"),
    case("pressure-treated-en", "WOOD-P02", "wood", DECKING_TREATED_EN, "fail", "the document states",
         "Pressure treated pine"),
    case("copper-impregnated-da", "WOOD-P02", "wood", PICNIC_TABLE_DA, "fail", "the document states",
         "Trykimprægneret fyr"),
    case("kesseldruck-de", "WOOD-P02", "wood", PLAYGROUND_DE, "fail", "the document states",
         "kesseldruckimprägniert"),
]

# --- furniture ----------------------------------------------------------------------------------------------

DESK_FSC_E1_DA = """Produktdatablad: Hæve-sænkebord 160 x 80 cm
Bordplade: spånplade, formaldehydklasse E1.
Træet er FSC-certificeret, FSC C012345.
"""
DESK_E2_EN = """Product data sheet: Office desk
Table top: particle board, emission class E2.
The wood is not FSC or PEFC certified.
"""
SHELF_CARB2_DA = """Produktdatablad: Reol, 5 hylder
MDF-plader i E1-kvalitet, CARB2.
Emballagen er FSC-mærket.
"""
CHAIR_PEFC_DA = """Produktdatablad: Kontorstol med skal i krydsfiner
PEFC-certificeret krydsfiner, PEFC/09-31-044.
Formaldehyd: E1 (EN 13986).
"""
DESK_SV = """Produktblad: Skrivbord
Skivor i emissionsklass E1. FSC-certifierat trä, FSC C054321.
"""

FURNITURE = [
    case("fsc-da", "FURN-P01", "furniture", DESK_FSC_E1_DA, "pass", "FSC claimed for the product (FSC C012345)",
         "Træet er FSC-certificeret, FSC C012345"),
    case("pefc-plywood-da", "FURN-P01", "furniture", CHAIR_PEFC_DA, "pass", "(PEFC/09-31-044)",
         "PEFC-certificeret krydsfiner"),
    case("fsc-sv", "FURN-P01", "furniture", DESK_SV, "pass", "(FSC C054321)", "FSC-certifierat trä"),
    case("not-certified-en", "FURN-P01", "furniture", DESK_E2_EN, "fail", "not FSC labelled",
         "The wood is not FSC or PEFC certified"),
    case("packaging-only-da", "FURN-P01", "furniture", SHELF_CARB2_DA, "fail", "only the packaging",
         "Emballagen er FSC-mærket"),
    case("e1-da", "FURN-P02", "furniture", DESK_FSC_E1_DA, "pass", "stated", "formaldehydklasse E1"),
    case("e1-quality-carb2-da", "FURN-P02", "furniture", SHELF_CARB2_DA, "pass", "stated", "E1-kvalitet"),
    case("e1-en13986-da", "FURN-P02", "furniture", CHAIR_PEFC_DA, "pass", "stated", "Formaldehyd: E1"),
    case("e1-sv", "FURN-P02", "furniture", DESK_SV, "pass", "stated", "emissionsklass E1"),
    case("e2-en", "FURN-P02", "furniture", DESK_E2_EN, "fail", "the document states", "emission class E2"),
]

# --- it -----------------------------------------------------------------------------------------------------

MONITOR_D_TCO9_DA = """Produktdatablad: 24" skærm P24
Energiklasse: D
Effekt i tændt tilstand: 14,2 W
Standby: 0,3 W
TCO Certified, generation 9.
Garanti: 3 år.
"""
MONITOR_F_EN = """Product data sheet: 27" monitor M27
Energy class: F
Standby: 0.3 W
EU Energy Star compliant.
1 year warranty.
"""
PRINTER_TEC_WEEK_DA = """Produktdatablad: Multifunktionsprinter MF 500
Effektforbrug under print: 1.150 W
TEC: 0,48 kWh/uge
"""
NOTEBOOK_ADAPTER_EN = """Product data sheet: Notebook N14
Power adapter: 65 W USB-C
Max power: 90 W
"""
MONITOR_OLD_SCALE_DA = """Produktdatablad: Skærm 22"
Energiklasse: A++
TCO'99
"""
LAPTOP_BRONZE_DA = """Produktdatablad: Bærbar computer B14
TEC: 18,5 kWh/år
EPEAT Bronze
2 års garanti.
"""
LAPTOP_GOLD_EN = """Product data sheet: Laptop L15
Typical energy consumption (TEC): 16.2 kWh/year
EPEAT Gold registered. TCO Certified Notebooks 8.
Warranty: 36 months.
"""
DESKTOP_NOT_TCO_EN = """Product data sheet: Desktop PC D5
The product is not TCO Certified.
Warranty: 12 months.
"""
PRINTER_BLUE_ANGEL_DA = """Produktdatablad: Multifunktionsprinter MF 400
Der Blaue Engel DE-UZ 219.
Garanti: 24 måneder.
"""
MONITOR_TCO_EXPIRED_EN = """Product data sheet: Monitor 24" M24
TCO Certified Generation 10, certificate valid until 2025-05-31.
On mode power: 12 W.
"""
MONITOR_TCO8_DA = """Produktdatablad: Skærm S27
TCO Certified generation 8.
"""
MONITOR_TCO_PENDING_EN = """Product data sheet: Monitor 32"
TCO Certified generation 9 – certification in progress.
"""

IT = [
    case("class-d-da", "IT-P01", "it", MONITOR_D_TCO9_DA, "pass", "energy class D, D or better required",
         "Energiklasse: D"),
    case("class-f-en", "IT-P01", "it", MONITOR_F_EN, "fail", "energy class F, D or better required", "Energy class: F"),
    case("old-scale-a-plus-plus", "IT-P01", "it", MONITOR_OLD_SCALE_DA, "fail", "old A+++ scale", "Energiklasse: A++"),
    case("on-mode-power-da", "IT-P02", "it", MONITOR_D_TCO9_DA, "pass", "stated: 14.2 W",
         "Effekt i tændt tilstand: 14,2 W"),
    case("tec-da", "IT-P02", "it", LAPTOP_BRONZE_DA, "pass", "stated: 18.5 kWh/year", "TEC: 18,5 kWh/år"),
    case("tec-en", "IT-P02", "it", LAPTOP_GOLD_EN, "pass", "stated: 16.2 kWh/year", "16.2 kWh/year"),
    case("standby-only", "IT-P02", "it", MONITOR_F_EN, "unknown", "not stated in the document"),
    case("tec-per-week-before-peak-power", "IT-P02", "it", PRINTER_TEC_WEEK_DA, "pass", "stated: 0.48 kWh/week",
         "TEC: 0,48 kWh/uge"),
    case("adapter-and-peak-only", "IT-P02", "it", NOTEBOOK_ADAPTER_EN, "unknown", "not stated in the document"),
    case("nothing-stated", "IT-P02", "it", PRINTER_BLUE_ANGEL_DA, "unknown", "not stated in the document"),
    case("tco-generation-9", "IT-P03", "it", MONITOR_D_TCO9_DA, "pass", "TCO Certified generation 9 claimed",
         "TCO Certified, generation 9"),
    case("epeat-gold-beats-old-tco", "IT-P03", "it", LAPTOP_GOLD_EN, "pass", "EPEAT Gold claimed", "EPEAT Gold"),
    case("blue-angel-printer", "IT-P03", "it", PRINTER_BLUE_ANGEL_DA, "pass", "Blue Angel claimed for the product",
         "Der Blaue Engel DE-UZ 219"),
    case("eu-energy-star", "IT-P03", "it", MONITOR_F_EN, "fail", "only an outdated claim", "EU Energy Star"),
    case("tco-99", "IT-P03", "it", MONITOR_OLD_SCALE_DA, "fail", "only an outdated claim", "TCO'99"),
    case("tco-generation-8", "IT-P03", "it", MONITOR_TCO8_DA, "fail", "generation 8 is no longer current",
         "TCO Certified generation 8"),
    case("epeat-bronze", "IT-P03", "it", LAPTOP_BRONZE_DA, "fail", "EPEAT Bronze is not enough", "EPEAT Bronze"),
    case("not-tco", "IT-P03", "it", DESKTOP_NOT_TCO_EN, "fail", "not TCO Certified labelled",
         "The product is not TCO Certified"),
    case("tco-expired", "IT-P03", "it", MONITOR_TCO_EXPIRED_EN, "fail", "(expired on 2025-05-31)",
         "valid until 2025-05-31"),
    case("tco-in-progress", "IT-P03", "it", MONITOR_TCO_PENDING_EN, "fail", "only applied for or planned",
         "certification in progress"),
    case("three-years-da", "IT-P04", "it", MONITOR_D_TCO9_DA, "pass", "3 year(s) stated, at least 2 required",
         "Garanti: 3 år"),
    case("36-months-en", "IT-P04", "it", LAPTOP_GOLD_EN, "pass", "3 year(s) stated", "Warranty: 36 months"),
    case("24-months-da", "IT-P04", "it", PRINTER_BLUE_ANGEL_DA, "pass", "2 year(s) stated", "Garanti: 24 måneder"),
    case("one-year-en", "IT-P04", "it", MONITOR_F_EN, "fail", "1 year(s) stated, at least 2", "1 year warranty"),
    case("12-months-en", "IT-P04", "it", DESKTOP_NOT_TCO_EN, "fail", "at least 2 required", "Warranty: 12 months"),
]

# --- lighting -----------------------------------------------------------------------------------------------

E27_CLASS_C_DA = """Produktdatablad: LED-pære E27, 8 W
Sokkel: E27
Energiklasse: C
Lysstrøm: 1.055 lm
"""
E27_CLASS_D_DA = """Produktdatablad: LED-pære E27, klar
Sokkel: E27
Energiklasse: D
"""
E14_CLASS_F_EN = """Product data sheet: LED candle bulb E14
Energy efficiency class: F
"""
E14_CLASS_D_EN = """Product data sheet: LED candle bulb E14, frosted
Energy class: D
"""
GU10_SPOT_70_LMW_DA = """Produktdatablad: LED-spot GU10, 36°
Lysstrøm: 345 lm
Effekt: 4,9 W
"""
GU10_SPOT_120_LMW_DA = """Produktdatablad: LED-spot GU10
Lysstrøm: 600 lm
Effekt: 5 W
"""
G9_120_LMW_DA = """Produktdatablad: LED-pære G9
Lysstrøm: 600 lm
Effekt: 5 W
"""
E27_DERIVED_C_DA = """Produktdatablad: LED-pære E27, 806 lm
Lysstrøm: 806 lm
Effekt: 5,0 W
Erstatter 60 W glødepære.
"""
E27_REPLACES_60W_EN = """Product data sheet: LED bulb E27
Replaces a 60 W incandescent lamp.
Luminous flux: 806 lm
Power: 5.0 W
"""
T8_TUBE_DE = """Datenblatt: LED-Röhre T8, 150 cm
Energieeffizienzklasse: D
Lichtstrom: 3.100 lm
"""
E27_OLD_SCALE_DA = """Produktdatablad: LED-pære E27
Energiklasse: A++
"""
LUMINAIRE_DA = """Produktdatablad: LED-armatur til loft
Energiklasse: E
Lysstrøm 2.000 lm
"""
GX53_DA = """Produktdatablad: LED-pære GX53
Energiklasse: F
"""
MR16_EN = """Product data sheet: LED spot GU5.3 (MR16), 12 V
Luminous flux: 450 lm
Power: 4.5 W
"""

LIGHTING = [
    case("e27-class-c-at-limit", "LIGHT-P01", "lighting", E27_CLASS_C_DA, "pass",
         "E27 light source, energy class C; C or better required", "Energiklasse: C"),
    case("e27-class-d", "LIGHT-P01", "lighting", E27_CLASS_D_DA, "fail",
         "E27 light source, energy class D; C or better required", "Energiklasse: D"),
    case("e14-class-f", "LIGHT-P01", "lighting", E14_CLASS_F_EN, "fail",
         "E14 light source, energy class F; D or better required", "Energy efficiency class: F"),
    case("e14-class-d-at-limit", "LIGHT-P01", "lighting", E14_CLASS_D_EN, "pass",
         "E14 light source, energy class D; D or better required", "Energy class: D"),
    case("gu10-derived-g", "LIGHT-P01", "lighting", GU10_SPOT_70_LMW_DA, "fail",
         "energy class G (derived: 345 lm / 4.9 W = 70.4 lm/W × F_TM 1.176 (directional)); E or better required",
         "Lysstrøm: 345 lm"),
    case("gu10-directional-factor", "LIGHT-P01", "lighting", GU10_SPOT_120_LMW_DA, "pass",
         "energy class D (derived: 600 lm / 5 W = 120 lm/W × F_TM 1.176 (directional)); E or better required",
         "Lysstrøm: 600 lm"),
    case("g9-same-efficacy-non-directional", "LIGHT-P01", "lighting", G9_120_LMW_DA, "pass",
         "G9 light source, energy class E (derived: 600 lm / 5 W = 120 lm/W); E or better required",
         "Lysstrøm: 600 lm"),
    case("e27-derived-c", "LIGHT-P01", "lighting", E27_DERIVED_C_DA, "pass",
         "energy class C (derived: 806 lm / 5 W = 161.2 lm/W); C or better required", "806 lm"),
    case("replaced-wattage-is-not-power", "LIGHT-P01", "lighting", E27_REPLACES_60W_EN, "pass",
         "energy class C (derived: 806 lm / 5 W = 161.2 lm/W)", "Luminous flux: 806 lm"),
    case("t8-de", "LIGHT-P01", "lighting", T8_TUBE_DE, "pass", "T8 light source, energy class D; D or better required",
         "Energieeffizienzklasse: D"),
    case("gu53-derived-f", "LIGHT-P01", "lighting", MR16_EN, "pass",
         "GU5.3 light source, energy class F (derived: 450 lm / 4.5 W = 100 lm/W × F_TM 1.089 "
         "(directional, not mains))",
         "Luminous flux: 450 lm"),
    case("old-scale", "LIGHT-P01", "lighting", E27_OLD_SCALE_DA, "fail", "old A++ scale", "Energiklasse: A++"),
    case("cap-without-limit", "LIGHT-P01", "lighting", GX53_DA, "unknown", "cap type and energy class"),
]

# --- vehicles -----------------------------------------------------------------------------------------------

PHEV_40_DA = """Produktdatablad: Personbil, plug-in hybrid
CO2-udledning (WLTP, kombineret): 40 g/km
Elforbrug (WLTP): 18,2 kWh/100 km
"""
EV_VAN_EN = """Product data sheet: Electric van, 3.5 t
CO2 emissions (WLTP): 0 g/km
Energy consumption (WLTP): 226 Wh/km
"""
PETROL_CAR_EN = """Product data sheet: Passenger car, petrol
CO2 emissions (WLTP combined): 128 g/km
"""
EV_RANGE_ONLY_DA = """Produktdatablad: Elbil
CO₂: 0 g/km
Rækkevidde: 450 km
"""
EV_SV = """Produktblad: Personbil, elbil
Koldioxidutsläpp: 0 g/km
Energiförbrukning: 15,1 kWh/100 km
"""

VEHICLES = [
    case("phev-40-until-2025", "VEH-P01", "vehicles", PHEV_40_DA, "pass",
         "40 g/km stated; at most 50 g/km allowed from 2021-08-02", "40 g/km", as_of=date(2025, 6, 1)),
    case("phev-40-from-2026", "VEH-P01", "vehicles", PHEV_40_DA, "fail",
         "40 g/km stated; at most 0 g/km allowed from 2026-01-01", "40 g/km", as_of=date(2026, 11, 22)),
    case("phev-40-last-day-of-2025", "VEH-P01", "vehicles", PHEV_40_DA, "pass", "at most 50 g/km", "40 g/km",
         as_of=date(2025, 12, 31)),
    case("zero-emission-2026", "VEH-P01", "vehicles", EV_VAN_EN, "pass",
         "0 g/km stated; at most 0 g/km allowed from 2026-01-01", "CO2 emissions (WLTP): 0 g/km"),
    case("zero-emission-2025", "VEH-P01", "vehicles", EV_VAN_EN, "pass", "at most 50 g/km", "0 g/km",
         as_of=date(2025, 6, 1)),
    case("zero-emission-sv", "VEH-P01", "vehicles", EV_SV, "pass", "0 g/km stated", "Koldioxidutsläpp: 0 g/km"),
    case("petrol-2025", "VEH-P01", "vehicles", PETROL_CAR_EN, "fail", "128 g/km stated; at most 50 g/km", "128 g/km",
         as_of=date(2025, 6, 1)),
    case("co2-and-energy-da", "VEH-P02", "vehicles", PHEV_40_DA, "pass", "stated: 40 g/km and 182 Wh/km",
         "Elforbrug (WLTP): 18,2 kWh/100 km"),
    case("co2-and-energy-en", "VEH-P02", "vehicles", EV_VAN_EN, "pass", "stated: 0 g/km and 226 Wh/km",
         "Energy consumption (WLTP): 226 Wh/km"),
    case("co2-without-energy", "VEH-P02", "vehicles", EV_RANGE_ONLY_DA, "unknown",
         "not stated: energy use (Wh/km or kWh/100 km); stated: CO2 (g/km)"),
]

# --- food ---------------------------------------------------------------------------------------------------

OATS_ORGANIC_DA = """Produktdatablad: Havregryn, økologiske
Ø-mærket. Kontrolnummer DK-ØKO-100.
"""
OATS_EU_ORGANIC_EN = """Product data sheet: Rolled oats
EU organic logo, control body DE-ÖKO-006.
"""
OATS_CONVENTIONAL_DA = """Produktdatablad: Havregryn
Konventionelt dyrket.
"""
OATS_NOT_ORGANIC_DA = """Produktdatablad: Havregryn, finvalsede
Økologisk: Nej
"""
MILK_NO_CODE_DA = """Produktdatablad: Mælk, let
Ø-mærket
"""
COD_MSC_DA = """Produktdatablad: Torskefilet, frossen
Vildfanget i Nordøstatlanten. MSC-certificeret, MSC-C-12345.
"""
SALMON_ASC_EN = """Product data sheet: Atlantic salmon fillet
Farmed in Norway. ASC certified, ASC-C-00123.
"""
SHRIMPS_NOT_MSC_DA = """Produktdatablad: Rejer, pillede
Ikke MSC-certificeret. Konventionel.
"""

FOOD = [
    case("oe-label-with-code", "FOOD-P01", "food", OATS_ORGANIC_DA, "pass",
         "Ø-mærket with control body code DK-ØKO-100", "DK-ØKO-100"),
    case("eu-organic-en", "FOOD-P01", "food", OATS_EU_ORGANIC_EN, "pass",
         "EU organic logo with control body code DE-ÖKO-006", "EU organic logo, control body DE-ÖKO-006"),
    case("conventional-da", "FOOD-P01", "food", OATS_CONVENTIONAL_DA, "fail", "the document states",
         "Konventionelt dyrket"),
    case("organic-no-da", "FOOD-P01", "food", OATS_NOT_ORGANIC_DA, "fail", "the document states", "Økologisk: Nej"),
    case("label-without-code", "FOOD-P01", "food", MILK_NO_CODE_DA, "unknown", "without a control body code"),
    case("msc-cod", "FOOD-P02", "food", COD_MSC_DA, "pass", "MSC claimed for the product (MSC-C-12345)",
         "MSC-certificeret, MSC-C-12345"),
    case("asc-salmon", "FOOD-P02", "food", SALMON_ASC_EN, "pass", "ASC claimed for the product (ASC-C-00123)",
         "ASC certified, ASC-C-00123"),
    case("not-msc", "FOOD-P02", "food", SHRIMPS_NOT_MSC_DA, "fail", "not MSC labelled", "Ikke MSC-certificeret"),
]

# --- scope: criteria for another product type of the group --------------------------------------------------

SCOPE = [
    case("towel-rule-on-bed-linen", "TEXT-P03", "textiles", DUVET_OEKOTEX_DA, "not_applicable",
         "does not apply to this product (bed_linen)"),
    case("bed-linen-rule-on-towel", "TEXT-P02", "textiles", TOWEL_SWAN_DA, "not_applicable",
         "does not apply to this product (towel)"),
    case("fitted-sheet-is-bed-linen", "TEXT-P03", "textiles", FITTED_SHEET_DA, "not_applicable", "(bed_linen)"),
    case("monitor-rule-on-laptop", "IT-P01", "it", LAPTOP_BRONZE_DA, "not_applicable",
         "does not apply to this product (laptop)"),
    case("monitor-rule-on-printer", "IT-P01", "it", PRINTER_BLUE_ANGEL_DA, "not_applicable", "(printer)"),
    case("cabinet-rule-on-dishwasher", "KITCH-P03", "kitchen", DISHWASHER_DA, "not_applicable", "(dishwasher)"),
    case("toy-rule-on-nappies", "CHILD-P01", "childcare", NAPPIES_SWAN_DA, "not_applicable", "(nappy)"),
    case("toy-safety-rule-on-nappies", "CHILD-P03", "childcare", NAPPIES_SWAN_DA, "not_applicable", "(nappy)"),
    case("copy-paper-rule-on-roll-up", "PAPER-P01", "paper", ROLLUP_PVC_FREE_DA, "not_applicable", "(rollup)"),
    case("wood-fibre-rule-on-roll-up", "PAPER-P02", "paper", ROLLUP_PVC_EN, "not_applicable", "(rollup)"),
    case("roll-up-rule-on-copy-paper", "PAPER-P03", "paper", COPY_RECYCLED_DA, "not_applicable", "(copy_paper)"),
    case("led-rule-on-luminaire", "LIGHT-P01", "lighting", LUMINAIRE_DA, "not_applicable", "(luminaire)"),
    case("car-rule-on-bus", "VEH-P01", "vehicles", "Produktdatablad: Bus, 12 m, diesel\nCO2: 900 g/km\n",
         "not_applicable", "(bus)"),
    case("fish-rule-on-oats", "FOOD-P02", "food", OATS_ORGANIC_DA, "not_applicable", "(food_product)"),
]

# --- traps: claims that must never pass -----------------------------------------------------------------------

TRAPS = [
    case("label-does-not-apply", "CLEAN-P01", "cleaning",
         "Product data sheet: Degreaser\nThe EU Ecolabel does not apply to this product.\n", "fail",
         "not EU Ecolabel labelled", "does not apply"),
    case("label-lost", "CLEAN-P01", "cleaning",
         "Produktdatablad: Fedtfjerner\nProduktet har mistet sit Svanemærke i 2025.\n", "fail", "no longer valid",
         "har mistet sit Svanemærke"),
    case("label-in-process", "CLEAN-P01", "cleaning", "Produktdatablad: Kalkfjerner\nSvanemærkning i proces.\n",
         "fail", "only applied for or planned", "Svanemærkning i proces"),
    case("label-coming-soon", "CLEAN-P01", "cleaning", "Produktdatablad: Glasrens\nSvanemærket kommer snart.\n",
         "fail", "only applied for or planned", "kommer snart"),
    case("awaiting-certification", "CLEAN-P01", "cleaning",
         "Product data sheet: Descaler\nAwaiting Nordic Swan Ecolabel certification.\n", "fail",
         "only applied for or planned", "Awaiting Nordic Swan Ecolabel certification"),
    case("working-towards-label", "CLEAN-P01", "cleaning",
         "Product data sheet: Oven cleaner\nWe are working towards the EU Ecolabel.\n", "fail",
         "only applied for or planned", "working towards the EU Ecolabel"),
    case("meets-criteria-only", "CLEAN-P01", "cleaning",
         "Product data sheet: All-purpose cleaner\nThe product meets the criteria of the Nordic Swan Ecolabel.\n",
         "unknown", "not as a label the product holds"),
    case("other-variant-labelled", "CLEAN-P01", "cleaning",
         "Produktdatablad: Allrengøring\nSvanemærket variant fås også.\n", "unknown", "not for the product"),
    case("range-labelled", "CLEAN-P01", "cleaning",
         "Produktdatablad: Allrengøring\nProducenten har også svanemærkede produkter i sortimentet.\n", "unknown",
         "not for the product"),
    case("labelled-until-year", "CLEAN-P01", "cleaning", "Produktdatablad: Gulvsæbe\nSvanemærket indtil 2024.\n",
         "fail", "(expired on 2024-12-31)", "Svanemærket indtil 2024"),
    case("aerosol-free", "CLEAN-P02", "cleaning", "Product data sheet: Glass cleaner, aerosol-free pump spray.\n",
         "pass", "stated", "aerosol-free pump spray"),
    case("not-an-aerosol-is-no-statement", "CLEAN-P02", "cleaning",
         "Product data sheet: Glass cleaner\nNot an aerosol.\n", "unknown", "not stated in the document"),
    case("fragrance-free-variant-only", "CLEAN-P04", "cleaning",
         "Produktdatablad: Allrengøring Citrus\nFås også i en parfumefri variant.\n", "unknown",
         "not stated in the document"),
    case("not-fragrance-free", "CLEAN-P04", "cleaning", "Product data sheet: Floor cleaner\nNot fragrance free.\n",
         "unknown", "not stated in the document"),
    case("validity-period-ended", "TEXT-P01", "textiles",
         "Product data sheet: Bed sheet\nOEKO-TEX Standard 100 certificate 20.HUS.12345, valid from 01.01.2024 to "
         "31.12.2025.\n", "fail", "(expired on 2025-12-31)", "valid from 01.01.2024 to 31.12.2025"),
    case("validity-months-ended", "TEXT-P01", "textiles",
         "Product data sheet: Bed sheet\nOEKO-TEX Standard 100 certificate 20.HUS.12345 (valid 04/2024 – 03/2025).\n",
         "fail", "(expired on 2025-03-31)", "valid 04/2024 – 03/2025"),
    case("validity-period-current", "TEXT-P01", "textiles",
         "Product data sheet: Bed sheet\nOEKO-TEX Standard 100 certificate 20.HUS.12345 (valid 04/2026 – 03/2027).\n",
         "pass", "(20.HUS.12345)", "valid 04/2026 – 03/2027"),
    case("free-of-list-broken-by-but", "CHILD-P01", "childcare",
         "Produktdatablad: Legetøj, bil\nFri for ftalater, men indeholder formaldehyd.\n", "fail",
         "contains formaldehyd", "indeholder formaldehyd"),
    case("not-free-of-list", "CHILD-P01", "childcare",
         "Produktdatablad: Legetøj, dukke\nIkke fri for ftalater og bly.\n", "fail", "contains bly",
         "Ikke fri for ftalater og bly"),
    case("wrapped-in-fsc-paper", "PAPER-P02", "paper",
         "Product data sheet: Copy paper A4\nRecycled fibre: 60 %.\nWrapped in FSC-certified paper.\n", "fail",
         "only the packaging", "Wrapped in FSC-certified paper"),
    case("ream-wrapper-fsc", "PAPER-P02", "paper", "Produktdatablad: Kopipapir A4\nRiskapslen er FSC-mærket.\n",
         "fail", "only the packaging", "Riskapslen er FSC-mærket"),
    case("not-certified-bracket", "WOOD-P01", "wood",
         "Produktdatablad: Parkbænk\nTræet er ikke certificeret (FSC/PEFC).\n", "fail", "not FSC labelled",
         "ikke certificeret (FSC/PEFC)"),
    case("certified-sawmill-only", "WOOD-P01", "wood",
         "Produktdatablad: Parkbænk\nTræ fra FSC-certificeret savværk.\n", "unknown", "not for the product"),
    case("hang-tag-fsc", "FURN-P01", "furniture", "Produktdatablad: Reol\nEtiketten er FSC-mærket.\n", "fail",
         "only the packaging", "Etiketten er FSC-mærket"),
]

CASES = (CLEANING + TEXTILES + KITCHEN + CHILDCARE + PAPER + WOOD + FURNITURE + IT + LIGHTING + VEHICLES + FOOD + SCOPE
         + TRAPS)

_CHECKERS: dict[date, Checker] = {}


def check(case: Case, tmp_path: Path) -> Result:
    """Check the case's text as a .txt data sheet with its group given, and return its criterion's result."""
    sheet = tmp_path / "datablad.txt"
    sheet.write_text(case.text, encoding="utf-8")
    checker = _CHECKERS.setdefault(case.as_of, Checker(CATALOGUE, as_of=case.as_of, lang="en"))
    report = checker.check_product(sheet, group=case.group)
    assert report.error is None, report.error
    assert (report.group, report.group_source) == (case.group, "flag")
    results = {result.criterion: result for result in report.results}
    assert set(results) == {c.id for c in CATALOGUE.for_group(case.group, "product")}
    return results[case.criterion]


@pytest.mark.parametrize("case", CASES)
def test_criterion(case: Case, tmp_path: Path):
    result = check(case, tmp_path)
    evidence = [(item.page, item.text) for item in result.evidence]
    assert result.verdict == case.verdict, f"{result.reason} {evidence}"
    assert case.reason in result.reason
    if result.verdict in ("pass", "fail"):
        assert result.evidence, "a pass or fail always quotes its evidence"
        assert any(case.quote in text and page == case.page for page, text in evidence), evidence
    if result.verdict == "not_applicable":
        assert not result.evidence


def _table() -> dict[str, set[str]]:
    verdicts: dict[str, set[str]] = {}
    for param in CASES:
        (item,) = param.values
        verdicts.setdefault(item.criterion, set()).add(item.verdict)
    return verdicts


def test_every_product_criterion_is_covered():
    """A criterion added to the catalogue without tests here fails the suite."""
    product_ids = {c.id for c in CATALOGUE.criteria.values() if c.kind == "product"}
    assert product_ids >= SPEC_PRODUCT_IDS, "the catalogue keeps every product ID of the specification"
    table = _table()
    assert product_ids - set(table) == set(), "product criteria without test cases"
    for criterion in sorted(product_ids):
        verdicts = table[criterion]
        assert "pass" in verdicts, f"{criterion}: no passing case"
        needed = "unknown" if criterion in NO_FAIL_CONDITION else "fail"
        assert needed in verdicts, f"{criterion}: no {needed} case"


def test_case_names_are_unique():
    ids = [param.id for param in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("criterion_id", sorted(CATALOGUE.criteria))
def test_criteria_show(criterion_id: str):
    criterion = CATALOGUE.criteria[criterion_id]
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["criteria", "show", criterion_id, "--lang", "en"],
                                                        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = re.sub(r"\s+", " ", result.stdout)
    assert criterion_id in shown
    assert criterion.title.en in shown
    source = f"{criterion.source.programme}, {criterion.source.reference} ({criterion.source.year})"
    assert re.sub(r"\s+", " ", source) in shown
