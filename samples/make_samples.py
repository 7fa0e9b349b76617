"""Generate the sample supplier data sheets and their expected verdicts.

Run from the repository root:

    python samples/make_samples.py

The script deletes and rewrites `samples/products/`, writes `samples/expected.yaml` and refreshes the
generated tables in `samples/README.md` (between the `samples:begin` / `samples:end` markers). Output is
deterministic: PDFs are written with reportlab's invariant mode, DOCX files get fixed core properties and
zip timestamps. Every expectation is checked against the text the writers drew (the evidence must sit on
one line, or in one table cell, of the stated page; an `unknown` sample must not mention words that would
decide the criterion); `expected.yaml` is only written when all checks pass.
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import _documents as doc
from _documents import NA, SHY, Block, bad, h, kv, ok, p
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from procure_check.catalogue import load_catalogue

HERE = Path(__file__).resolve().parent
PRODUCTS = HERE / "products"
AS_OF = "2026-11-22"

CATALOGUE = load_catalogue()
GROUPS = {group: [c.id for c in CATALOGUE.for_group(group, "product")] for group in CATALOGUE.product_groups}
"""Each group's product criteria, in report order (from the catalogue): what a sample's expectations cover."""

# Words that would make a criterion decidable; none may occur in a sample that expects `unknown`.
SILENT = {
    "CLEAN-P01": r"svane|swan|ecolabel|blomst|blaue|blue angel|miljöval|type i",
    "CLEAN-P02": r"spray|aerosol|drivgas|propellant|pump|trigger|flydende|liquid|\bgel\b|koncentrat",
    "CLEAN-P03": r"doser|dosing|dosage|ml pr\.|ml per|\d ?%",
    "CLEAN-P04": r"parfum|perfume|fragrance|duft|astma|allerg|euh208|limonene|linalool|citral",
    "TEXT-P01": r"oeko|öko|svane|swan|ecolabel|blomst|gots|blaue|made in green",
    "IT-P02": r"\d ?W\b|kWh",
    "IT-P03": r"tco|epeat|energy star|blaue|blue angel|ecolabel",
    "IT-P04": r"garanti|warranty",
    "KITCH-P01": r"reservedel|spare part",
    "KITCH-P02": r"kWh|Wh\b",
    "CHILD-P02": r"svane|swan|ecolabel|blomst|blaue|blue angel|miljöval|miljømærk",
    "CHILD-P03": r"\bEN[- ]?71|toy safety standard",
    "VEH-P02": r"Wh/km|kWh/100|l/100|km/l|mpg|forbrug|consumption",
}

LANG = {
    "da": {"sheet": "PRODUKTDATABLAD", "page": "Side {n} af {total}", "cont": "fortsat"},
    "en": {"sheet": "PRODUCT DATA SHEET", "page": "Page {n} of {total}", "cont": "continued"},
    "de": {"sheet": "PRODUKTDATENBLATT", "page": "Seite {n} von {total}", "cont": "Fortsetzung"},
}

# ---------------------------------------------------------------------------------------------------
# Content blocks (h, p, kv come from _documents) and expectations (ok, bad, NA)
# ---------------------------------------------------------------------------------------------------


def table(*rows: tuple[str, str]) -> Block:
    """A gridded table; the first row is the header."""
    return ("table", rows)


def image(height_mm: float) -> Block:
    """A blank product-photo frame (PDF only; other writers skip it)."""
    return ("img", height_mm)


def cols(left: list[Block], right: list[Block]) -> Block:
    """Two text columns side by side whose lines share the same baselines (PDF only)."""
    return ("cols", left, right)


UNKNOWN = ("unknown",)


@dataclass
class Sample:
    """One data sheet: where it goes, what it is expected to yield, and its content page by page."""

    file: str
    """products/<group>/<name>.<format>"""
    language: str
    shows: str
    expect: dict[str, tuple]
    title: str
    supplier: str
    address: str
    """The footer after the supplier's name."""
    meta: list[str]
    pages: list[list[Block]]

    @property
    def group(self) -> str:
        return Path(self.file).parts[1]

    @property
    def format(self) -> str:
        return Path(self.file).suffix.lstrip(".")

    @property
    def layout(self) -> str:
        """What is special about the layout, for the README."""
        kinds = {block[0] for block in _blocks(self.pages)}
        special = [
            ("table" in kinds, "table"),
            ("cols" in kinds, "two-column"),
            (self.format == "txt" and len(self.pages) > 1, "form feed"),
            (any(SHY in text for text in _texts(self.pages)), "hyphenated word"),
        ]
        return ", ".join(name for present, name in special if present)

    @property
    def head(self) -> doc.Letterhead:
        words = LANG[self.language]
        return doc.Letterhead(
            self.supplier, words["sheet"], self.address, self.title, self.meta, words["page"], words["cont"]
        )


# ---------------------------------------------------------------------------------------------------
# The samples
# ---------------------------------------------------------------------------------------------------


def cleaning_samples() -> list[Sample]:
    klarvik = {"supplier": "Klarvik Rengøring ApS", "address": "Industrivej 12 · 7100 Vejle · www.klarvik.example"}
    return [
        Sample(
            file="products/cleaning/universal_svanemaerket.pdf",
            language="da",
            shows="all pass: Swan licence, liquid concentrate, dosing and 'parfumefri' on page 2",
            expect={
                "CLEAN-P01": ok(2, "licens nr. 5041 0012"),
                "CLEAN-P02": ok(1, "flydende koncentrat"),
                "CLEAN-P03": ok(2, "25 ml pr. 5 l vand"),
                "CLEAN-P04": ok(2, "parfumefri"),
            },
            title="Klarvik Universal – universalrengøring",
            **klarvik,
            meta=["Varenr.: 40-1180 (1 l) / 40-1185 (5 l)", "Udgave 3 · 12.03.2026"],
            pages=[
                [
                    image(75),
                    h("Beskrivelse"),
                    p(
                        "Klarvik Universal er et mildt alkalisk universalrengøringsmiddel til daglig "
                        "rengøring af "
                        "vaskbare overflader, gulve, borde og inventar i institutioner, kontorer og skoler. "
                        "Produktet er et flydende koncentrat, der fortyndes med vand før brug. Det tørrer "
                        "hurtigt og efterlader en ren, stribefri overflade."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Form", "flydende koncentrat, klart og farveløst"),
                        ("pH, koncentrat", "9,5"),
                        ("pH, brugsopløsning", "8,0"),
                        ("Massefylde", "1,01 g/ml"),
                        ("Pakningsstørrelser", "1 l flaske (40-1180), 5 l dunk (40-1185)"),
                        ("Holdbarhed", "24 måneder i uåbnet emballage"),
                        ("Opbevaring", "frostfrit, 5–25 °C"),
                    ),
                    h("Indholdsstoffer (forordning (EF) nr. 648/2004)"),
                    p(
                        "Under 5 % nonioniske tensider, under 5 % anioniske tensider, kompleksbinder "
                        "(natriumglukonat), vand."
                    ),
                ],
                [
                    h("Dosering"),
                    p(
                        "Dosering: 25 ml pr. 5 l vand til daglig rengøring.\n"
                        "Kraftig tilsmudsning: 50 ml pr. 5 l vand.\n"
                        "Pletrengøring: 1 del koncentrat til 10 dele vand."
                    ),
                    h("Brugsanvisning"),
                    p(
                        "Fyld spanden med lunkent vand, og tilsæt koncentratet. Vask overfladen med en hårdt "
                        "opvredet klud eller moppe. Det er normalt ikke nødvendigt at skylle efter."
                    ),
                    h("Miljø og sundhed"),
                    p("Produktet er svanemærket, licens nr. 5041 0012."),
                    p("Klarvik Universal er parfumefri og farvestoffri."),
                    p("Tensiderne er let bionedbrydelige i henhold til forordning (EF) nr. 648/2004."),
                    h("Sikkerhed"),
                    p(
                        "Produktet er ikke klassificeret som farligt i henhold til forordning (EF) nr. "
                        "1272/2008 (CLP). Sikkerhedsdatablad findes på www.klarvik.example."
                    ),
                ],
            ],
        ),
        Sample(
            file="products/cleaning/ovnrens_aerosol_drivgas.pdf",
            language="da",
            shows="aerosol with 'Drivgas: butan/propan' (H222/H229), 'ikke svanemærket', EUH208 limonene, "
            "no dosing",
            expect={
                "CLEAN-P01": bad(1, "ikke svanemærket"),
                "CLEAN-P02": bad(1, "Drivgas: butan/propan"),
                "CLEAN-P03": UNKNOWN,
                "CLEAN-P04": bad(2, "Indeholder limonene"),
            },
            title="Vestbro Ovn & Grill Skum – ovnrens, aerosol",
            supplier="Vestbro Kemi A/S",
            address="Havnegade 4 · 8000 Aarhus C · www.vestbro-kemi.example",
            meta=["Varenr.: 7713-500", "Revideret 02.02.2026"],
            pages=[
                [
                    image(75),
                    h("Beskrivelse"),
                    p(
                        "Kraftigt alkalisk skumrens til fjernelse af fastbrændt fedt og madrester i ovne, "
                        "grill, "
                        "frituregryder og emhætter i professionelle køkkener. Skummet hæfter på lodrette "
                        "flader "
                        "og opløser fedt hurtigt."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Form", "skum fra aerosoldåse"),
                        ("Drivgas", "butan/propan"),
                        ("Indhold", "500 ml"),
                        ("pH", "ca. 13,5"),
                        ("Farve", "hvid"),
                        ("Holdbarhed", "36 måneder"),
                    ),
                    h("Brugsanvisning"),
                    p(
                        "Ryst dåsen grundigt før brug. Sprøjt et jævnt lag skum på den kolde eller let lune "
                        "flade. Lad skummet virke, og tør af med en fugtig klud. Skyl efter med rent vand."
                    ),
                    h("Miljø"),
                    p("Produktet er ikke svanemærket."),
                    p("Tomme dåser afleveres på genbrugspladsen som farligt affald."),
                ],
                [
                    h("Faremærkning (CLP)"),
                    p(
                        "Signalord: Fare\n"
                        "H222 Yderst brandfarlig aerosol.\n"
                        "H229 Beholder under tryk: Kan sprænge ved opvarmning.\n"
                        "H314 Forårsager svære forbrændinger af huden og øjenskader.\n"
                        "EUH208 Indeholder limonene. Kan udløse allergisk reaktion."
                    ),
                    h("Sikkerhedsforanstaltninger"),
                    p(
                        "P210 Holdes væk fra varme, varme overflader, gnister, åben ild og andre "
                        "antændelseskilder. Rygning forbudt.\n"
                        "P251 Må ikke gennembores eller brændes, heller ikke efter brug.\n"
                        "P280 Bær beskyttelseshandsker og øjenbeskyttelse.\n"
                        "P410 + P412 Beskyttes mod sollys. Må ikke udsættes for temperaturer over 50 °C."
                    ),
                    h("Indholdsstoffer"),
                    p("Natriumhydroxid, butan/propan (drivgas), nonioniske tensider, limonene."),
                ],
            ],
        ),
        Sample(
            file="products/cleaning/bathroom_cleaner_trigger_en.pdf",
            language="en",
            shows="two-column layout: trigger spray without propellant, EU Ecolabel DK/020/012, "
            "fragrance free",
            expect={
                "CLEAN-P01": ok(1, "DK/020/012"),
                "CLEAN-P02": ok(1, "no propellant"),
                "CLEAN-P03": ok(1, "Dosing: 5 ml"),
                "CLEAN-P04": ok(1, "Fragrance free"),
            },
            title="Brightmoor Bathroom Cleaner – sanitary cleaner",
            supplier="Brightmoor Hygiene Ltd",
            address="14 Mill Lane · Leeds LS1 4AB · United Kingdom · www.brightmoor.example",
            meta=["Item number: BM-3340-75 · 750 ml trigger bottle", "Issue 4 · 15 January 2026"],
            pages=[
                [
                    cols(
                        [
                            h("Description"),
                            p(
                                "Acidic sanitary cleaner for daily cleaning of wash basins, toilets, "
                                "showers, "
                                "tiles and fittings. Removes limescale, soap residue and urine scale. Safe "
                                "on "
                                "stainless steel and chrome."
                            ),
                            h("Technical data"),
                            kv(
                                ("Form", "liquid, ready to use"),
                                ("Dispenser", "pump trigger"),
                                ("Propellant", "none"),
                                ("pH", "2.5"),
                                ("Density", "1.03 g/ml"),
                                ("Shelf life", "24 months"),
                            ),
                            p("Trigger spray bottle, no propellant."),
                            h("Dosing"),
                            p("Dosing: 5 ml (about 4 trigger pulls)\nper wash basin or toilet."),
                        ],
                        [
                            h("Directions"),
                            p(
                                "Spray onto the surface or onto a damp cloth. Leave for a short while, wipe "
                                "and "
                                "rinse with clean water. Wear gloves for frequent use."
                            ),
                            h("Environment and health"),
                            p("The product carries the EU Ecolabel,\nregistration number DK/020/012."),
                            p("Fragrance free and free from colourants."),
                            p(
                                "The surfactants are readily biodegradable in line with Regulation (EC) "
                                "648/2004."
                            ),
                            h("Pack sizes"),
                            p("750 ml trigger bottle (BM-3340-75), 6 per case. 5 l refill can (BM-3340-50)."),
                            h("Safety"),
                            p("H319 Causes serious eye irritation. Keep out of reach of children."),
                        ],
                    )
                ]
            ],
        ),
        Sample(
            file="products/cleaning/ecogreen_bio_clean.docx",
            language="da",
            shows="green-sounding name without label, FSC only on the packaging, perfume, form not stated "
            "(DOCX with table)",
            expect={
                "CLEAN-P01": UNKNOWN,
                "CLEAN-P02": UNKNOWN,
                "CLEAN-P03": ok(1, "20 ml pr. liter"),
                "CLEAN-P04": bad(1, "indeholder parfume"),
            },
            title="EcoGreen Bio Clean – universalrengøring",
            supplier="Hvidsten Kemi ApS",
            address="Skovvej 8 · 5000 Odense C · www.hvidsten-kemi.example",
            meta=["Produktdatablad · Varenr. 22-501 · Udgave 1 · 03.04.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "EcoGreen Bio Clean er et universalrengøringsmiddel til alle vaskbare overflader i "
                        "køkken, "
                        "bad og opholdsrum. Tensiderne er fremstillet af vedvarende, plantebaserede råvarer."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Varenummer", "22-501"),
                        ("Anvendelse", "Universalrengøring, gulve og inventar"),
                        ("pH, brugsopløsning", "ca. 8"),
                        ("Massefylde", "1,02 g/ml"),
                        ("Farve", "lysegrøn"),
                        ("Duft", "frisk citrus"),
                        ("Holdbarhed", "24 måneder"),
                    ),
                    h("Dosering"),
                    p(
                        "Dosering: 20 ml pr. liter lunkent vand. Ved kraftig tilsmudsning kan mængden "
                        "fordobles."
                    ),
                    h("Miljø og sundhed"),
                    p("Emballagen er FSC-mærket og kan genanvendes."),
                    p("Produktet indeholder parfume."),
                    h("Indholdsstoffer"),
                    p(
                        "5–15 % anioniske tensider, under 5 % nonioniske tensider, parfume, "
                        "konserveringsmidler."
                    ),
                ]
            ],
        ),
        Sample(
            file="products/cleaning/gulvvask_koncentrat.txt",
            language="da",
            shows="plain text with form feed: Swan claim hyphenated 'svane-/mærket' and dosing on page 2, "
            "nothing about perfume",
            expect={
                "CLEAN-P01": ok(2, "licens nr. 2045 0987"),
                "CLEAN-P02": ok(1, "flydende koncentrat"),
                "CLEAN-P03": ok(2, "30 ml pr. 10 l vand"),
                "CLEAN-P04": UNKNOWN,
            },
            title="Klarvik Gulvvask Neutral – gulvrengøring",
            **klarvik,
            meta=["Varenr.: 40-2210 (5 l dunk)", "Udgave 2 · 20.01.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Neutralt gulvrengøringsmiddel til daglig vask af vinyl, linoleum, klinker og "
                        "lakerede "
                        "trægulve. Klarvik Gulvvask Neutral er et flydende koncentrat, der kan bruges til "
                        "både "
                        "manuel vask og gulvvaskemaskiner."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Form", "flydende koncentrat"),
                        ("pH, koncentrat", "7,5"),
                        ("Massefylde", "1,00 g/ml"),
                        ("Holdbarhed", "24 måneder"),
                        ("Opbevaring", "frostfrit"),
                    ),
                ],
                [
                    h("Dosering"),
                    p("Manuel vask: 30 ml pr. 10 l vand.\nGulvvaskemaskine: 30 ml pr. 10 l vand i tanken."),
                    h("Miljø"),
                    p(
                        "Tensiderne er let bionedbrydelige efter OECD 301-testen. "
                        f"Produktet er svane{SHY}mærket, licens nr. 2045 0987."
                    ),
                ],
            ],
        ),
        Sample(
            file="products/cleaning/toiletgel_ansoegning_svanemaerket.docx",
            language="da",
            shows="pending Swan application (not a pass), liquid gel form, Astma-Allergi Danmark, no dosing",
            expect={
                "CLEAN-P01": bad(1, "Ansøgning om Svanemærket"),
                "CLEAN-P02": ok(1, "flydende gel"),
                "CLEAN-P03": UNKNOWN,
                "CLEAN-P04": ok(1, "Astma-Allergi Danmark"),
            },
            title="Solvang Toiletgel – sanitetsrengøring",
            supplier="Solvang Hygiejne A/S",
            address="Møllevej 3 · 4000 Roskilde · www.solvang-hygiejne.example",
            meta=["Produktdatablad · Varenr. 5520-075 · Udgave 2 · 28.08.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Sur sanitetsrengøring, der fjerner kalk og urinsten i toiletkummer og urinaler. "
                        "Gelen er "
                        "tyktflydende og hæfter under kanten af kummen."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Form", "flydende gel i 750 ml flaske med vinklet tud"),
                        ("pH", "ca. 2"),
                        ("Farve", "farveløs"),
                        ("Holdbarhed", "24 måneder"),
                    ),
                    h("Brugsanvisning"),
                    p(
                        "Påfør gelen under kanten af toiletkummen, og fordel den med toiletbørsten. Lad "
                        "gelen "
                        "virke, og skyl ud."
                    ),
                    h("Miljømærkning"),
                    p("Ansøgning om Svanemærket er indsendt; forventes godkendt i 2027."),
                    h("Sundhed"),
                    p("Produktet bærer Den Blå Krans fra Astma-Allergi Danmark."),
                    h("Faremærkning"),
                    p("H315 Forårsager hudirritation. H319 Forårsager alvorlig øjenirritation."),
                ]
            ],
        ),
    ]


def textile_samples() -> list[Sample]:
    linnea = {"supplier": "Linnea Tekstil A/S", "address": "Vævervej 21 · 7400 Herning · www.linnea-tekstil.example"}
    return [
        Sample(
            file="products/textiles/sengelinned_50_50_eu_ecolabel.pdf",
            language="da",
            shows="table layout: bed linen 50 % cotton / 50 % polyester with EU Ecolabel; towel rule n/a",
            expect={
                "TEXT-P01": ok(1, "DK/016/045"),
                "TEXT-P02": ok(1, "50 % bomuld / 50 % polyester"),
                "TEXT-P03": NA,
            },
            title="Sengelinned / dynebetræk – Linnea Percale 50/50",
            **linnea,
            meta=["Varenr.: LT-1402-W · 140 × 200 cm, hvid", "Udgave 1 · 05.02.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Slidstærkt dynebetræk i percalevævet blandingsgarn til hospitaler, plejecentre og "
                        "hoteller. Tåler industriel vask ved 85 °C og tunneltørring. Kuvertlukning, så "
                        "betrækket er hurtigt at skifte."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Produkttype", "Dynebetræk (sengelinned)"),
                        ("Materiale", "50 % bomuld / 50 % polyester"),
                        ("Vævning", "Percale, 144 tråde/cm²"),
                        ("Vægt", "120 g/m²"),
                        ("Mål", "140 × 200 cm"),
                        ("Farve", "Hvid"),
                        ("Vask", "Op til 85 °C, industrivask"),
                        ("Krympning", "Maks. 3 % efter 5 vaske"),
                        ("Levetid", "ca. 200 industrivaske"),
                    ),
                    h("Miljø"),
                    p("Dynebetrækket er mærket med EU Ecolabel, registreringsnr. DK/016/045."),
                ]
            ],
        ),
        Sample(
            file="products/textiles/straeklagen_elastan_oekotex_udloebet.pdf",
            language="da",
            shows="two-column layout: bed linen with three fibres (elastan) and an OEKO-TEX certificate "
            "expired 31.03.2025",
            expect={
                "TEXT-P01": bad(1, "STANDARD 100 by OEKO-TEX"),
                "TEXT-P02": bad(1, "60 % bomuld, 35 % polyester, 5 % elastan"),
                "TEXT-P03": NA,
            },
            title="Sengelinned / stræklagen – Linnea Jersey Stræk",
            **linnea,
            meta=["Varenr.: LT-0920-JS · 90 × 200 cm, hvid", "Udgave 4 · 11.11.2024"],
            pages=[
                [
                    cols(
                        [
                            h("Beskrivelse"),
                            p(
                                "Blødt stræklagen i strikket jersey til institutionssenge og plejesenge. "
                                "Elastikken hele vejen rundt holder lagenet på plads på madrasser op til 20 "
                                "cm."
                            ),
                            h("Materiale"),
                            p("60 % bomuld, 35 % polyester, 5 % elastan"),
                            h("Tekniske data"),
                            kv(
                                ("Vægt", "150 g/m²"),
                                ("Mål", "90 × 200 × 20 cm"),
                                ("Farve", "hvid"),
                                ("Vask", "60 °C"),
                            ),
                        ],
                        [
                            h("Certificering"),
                            p(
                                "STANDARD 100 by OEKO-TEX,\ncertifikat 20.HUS.12345 Hohenstein HTTI,\n"
                                "gyldig til 31.03.2025."
                            ),
                            h("Vask og pleje"),
                            p("Vaskes ved 60 °C. Tørretumbles ved middel varme. Må ikke bleges."),
                            h("Levering"),
                            p("Pakket i 10 stk. pr. pose, 40 stk. pr. kasse."),
                        ],
                    )
                ]
            ],
        ),
        Sample(
            file="products/textiles/haandklaede_svanemaerket.pdf",
            language="da",
            shows="towel with 100 % cotton pile and 80/20 ground; Swan claim hyphenated 'svane-/mærket' "
            "on page 2",
            expect={
                "TEXT-P01": ok(2, "licens nr. 3071 0045"),
                "TEXT-P02": NA,
                "TEXT-P03": ok(1, "Luv: 100 % bomuld"),
            },
            title="Håndklæde – Nordfrotté Classic 50 × 100 cm",
            supplier="Frottéhuset Nord ApS",
            address="Åboulevarden 30 · 8000 Aarhus C · www.frottehuset.example",
            meta=["Varenr.: FN-50100 · hvid", "Udgave 2 · 14.06.2026"],
            pages=[
                [
                    image(75),
                    h("Beskrivelse"),
                    p(
                        "Klassisk håndklæde i tæt frotté med høj sugeevne til personalerum, svømmehaller og "
                        "plejeboliger. Kanterne er dobbeltsyede, og håndklædet har ophængsstrop i den ene "
                        "ende."
                    ),
                    h("Fibersammensætning"),
                    p("Luv: 100 % bomuld; bundvæv: 80 % bomuld, 20 % polyester"),
                    h("Tekniske data"),
                    kv(
                        ("Vægt", "500 g/m²"),
                        ("Mål", "50 × 100 cm"),
                        ("Vask", "op til 90 °C"),
                        ("Farve", "hvid"),
                    ),
                ],
                [
                    h("Vask og pleje"),
                    p("Vaskes ved 60–90 °C. Må tørretumbles. Bør ikke stryges."),
                    h("Miljø"),
                    p(
                        "Farvning og efterbehandling sker med vandbaserede processer og lavt vandforbrug. "
                        f"Håndklædet er svane{SHY}mærket, licens nr. 3071 0045."
                    ),
                    h("Levering"),
                    p("Leveres i bundter à 10 stk."),
                ],
            ],
        ),
        Sample(
            file="products/textiles/bath_towel_polyester_pile_en.txt",
            language="en",
            shows="plain text: towel whose pile contains polyester, with a valid OEKO-TEX certificate",
            expect={
                "TEXT-P01": ok(1, "certificate 21.HUS.67890"),
                "TEXT-P02": NA,
                "TEXT-P03": bad(1, "Pile: 85 % cotton, 15 % polyester"),
            },
            title="Bath towel – Harbour Terry 70 x 140 cm",
            supplier="Harbourline Textiles Ltd",
            address="2 Quay Street · Bristol BS1 4DB · United Kingdom",
            meta=["Item number: HT-70140-WH · white", "Issue 2 · 10 April 2026"],
            pages=[
                [
                    h("Description"),
                    p(
                        "Lightweight, quick-drying bath towel for hotels, fitness centres and swimming "
                        "pools. "
                        "The polyester ground weave keeps the towel dimensionally stable through industrial "
                        "laundering."
                    ),
                    h("Composition"),
                    p("Pile: 85 % cotton, 15 % polyester\nGround weave: 100 % polyester"),
                    h("Technical data"),
                    kv(
                        ("Weight", "420 g/m²"),
                        ("Size", "70 x 140 cm"),
                        ("Washing", "up to 75 °C"),
                        ("Tumble drying", "yes, medium heat"),
                    ),
                    h("Certification"),
                    p(
                        "STANDARD 100 by OEKO-TEX, certificate 21.HUS.67890 Hohenstein HTTI,\n"
                        "valid until 30.06.2027."
                    ),
                ]
            ],
        ),
        Sample(
            file="products/textiles/dynebetraek_bomuld_iso14001.docx",
            language="da",
            shows="DOCX table: 100 % cotton bed linen; only the manufacturer's ISO 14001, no product label",
            expect={
                "TEXT-P01": UNKNOWN,
                "TEXT-P02": ok(1, "100 % bomuld"),
                "TEXT-P03": NA,
            },
            title="Sengelinned / dynebetræk – Saga Satin 140 × 220 cm",
            supplier="Dunmark Tekstil ApS",
            address="Vestergade 9 · 6000 Kolding · www.dunmark.example",
            meta=["Produktdatablad · Varenr. DM-2214 · Udgave 3 · 19.09.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Dynebetræk i blød, tætvævet bomuldssatin til hoteller og feriecentre. Lukkes med "
                        "skjult "
                        "lynlås i fodenden."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Produkttype", "Dynebetræk (sengelinned)"),
                        ("Materiale", "100 % bomuld (kæmmet, langfibret)"),
                        ("Vævning", "Satin, 200 tråde/cm²"),
                        ("Vægt", "135 g/m²"),
                        ("Mål", "140 × 220 cm"),
                        ("Farve", "Hvid"),
                        ("Vask", "60 °C"),
                    ),
                    h("Miljø"),
                    p(
                        "Producenten er certificeret efter ISO 14001 og arbejder løbende med at nedbringe "
                        "vand- "
                        "og energiforbruget i produktionen."
                    ),
                ]
            ],
        ),
    ]


def it_samples() -> list[Sample]:
    vistaro = {"supplier": "Vistaro Nordic ApS", "address": "Lyngbyvej 100 · 2100 København Ø · www.vistaro.example"}
    return [
        Sample(
            file="products/it/skaerm_24_klasse_d_tco9.pdf",
            language="da",
            shows="all pass: monitor class D, on-mode power 14,2 W, TCO Certified generation 9, "
            "3 years warranty",
            expect={
                "IT-P01": ok(1, "Energiklasse: D"),
                "IT-P02": ok(1, "Effekt i tændt tilstand: 14,2 W"),
                "IT-P03": ok(1, "TCO Certified generation 9"),
                "IT-P04": ok(1, "Garanti: 3 år"),
            },
            title='24" skærm / monitor – Vistaro P24 Office',
            **vistaro,
            meta=["Varenr.: VP24-OF-2", "Udgave 05.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        'Energieffektiv 23,8" kontorskærm med IPS-panel, justerbar fod (højde, tilt, '
                        "drejning og "
                        "pivot) og USB-C-indgang med DisplayPort Alt Mode. Flimmerfri baggrundsbelysning og "
                        "filter mod blåt lys."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Skærmstørrelse", '23,8" (60,5 cm)'),
                        ("Opløsning", "1920 × 1080"),
                        ("Paneltype", "IPS, mat overflade"),
                        ("Lysstyrke", "250 cd/m²"),
                        ("Tilslutninger", "HDMI 1.4, DisplayPort 1.2, USB-C"),
                        ("Vægt med fod", "4,1 kg"),
                    ),
                    h("Energi"),
                    kv(
                        ("Energiklasse", "D"),
                        ("Effekt i tændt tilstand", "14,2 W"),
                        ("Energiforbrug", "14 kWh/1000 h"),
                        ("Standby", "0,3 W"),
                        ("EPREL-registreringsnr.", "1623457"),
                    ),
                    h("Miljø"),
                    p("Skærmen er TCO Certified generation 9. Kabinettet indeholder 85 % genanvendt plast."),
                    h("Garanti"),
                    p("Garanti: 3 år inkl. panel og baggrundsbelysning."),
                ]
            ],
        ),
        Sample(
            file="products/it/skaerm_27_klasse_f_energy_star.pdf",
            language="da",
            shows="monitor class F, outdated 'EU Energy Star' only and '1 års garanti' on page 2",
            expect={
                "IT-P01": bad(1, "Energiklasse: F"),
                "IT-P02": ok(1, "24,6 W"),
                "IT-P03": bad(2, "EU Energy Star"),
                "IT-P04": bad(2, "1 års garanti"),
            },
            title='27" skærm / monitor – Vistaro P27 Basic',
            **vistaro,
            meta=["Varenr.: VP27-BA-1", "Udgave 09.2025"],
            pages=[
                [
                    image(75),
                    h("Beskrivelse"),
                    p(
                        '27" skærm med VA-panel og høj kontrast til kontorarbejde, receptioner og '
                        "mødelokaler. Fast fod med tilt."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Skærmstørrelse", '27" (68,6 cm)'),
                        ("Opløsning", "1920 × 1080"),
                        ("Paneltype", "VA"),
                        ("Lysstyrke", "250 cd/m²"),
                        ("Tilslutninger", "HDMI 1.4, VGA"),
                    ),
                    h("Energi"),
                    kv(
                        ("Energiklasse", "F"),
                        ("Effekt i tændt tilstand (SDR)", "24,6 W"),
                        ("Standby", "0,4 W"),
                    ),
                ],
                [
                    h("Miljø"),
                    p("Produktet er EU Energy Star-kvalificeret."),
                    h("Garanti og service"),
                    p(
                        "1 års garanti ved indlevering. Reparation efter garantiperioden udføres mod "
                        "betaling."
                    ),
                    h("Indhold i kassen"),
                    p("Skærm, fod, HDMI-kabel, strømkabel, lynvejledning."),
                ],
            ],
        ),
        Sample(
            file="products/it/skaerm_22_a_plus_plus_tco99.docx",
            language="da",
            shows="old sheet: old-scale class A++ and TCO'99 (both outdated), no energy data, no warranty",
            expect={
                "IT-P01": bad(1, "Energiklasse: A++"),
                "IT-P02": UNKNOWN,
                "IT-P03": bad(1, "TCO'99"),
                "IT-P04": UNKNOWN,
            },
            title='22" skærm / monitor – Aldmark V22 LED',
            supplier="Aldmark Data A/S",
            address="Søndergade 40 · 8700 Horsens · www.aldmark.example",
            meta=["Produktdatablad · Varenr. AM-V22L · Udgave 2 · 2018"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        'Kompakt 22" LED-skærm til kontorarbejdspladser og kasseterminaler. Vægmontering med '
                        "VESA 100 × 100."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Skærmstørrelse", '22" (55,9 cm)'),
                        ("Opløsning", "1680 × 1050"),
                        ("Paneltype", "TN, LED-baggrundslys"),
                        ("Lysstyrke", "250 cd/m²"),
                        ("Tilslutninger", "VGA, DVI-D"),
                    ),
                    h("Energi og miljø"),
                    p("Energiklasse: A++"),
                    p("Skærmen er certificeret efter TCO'99."),
                ]
            ],
        ),
        Sample(
            file="products/it/baerbar_computer_epeat_bronze.pdf",
            language="da",
            shows="laptop (monitor rule n/a): TEC 18,5 kWh/år, EPEAT Bronze only, 2 years warranty",
            expect={
                "IT-P01": NA,
                "IT-P02": ok(1, "18,5 kWh/år"),
                "IT-P03": bad(1, "EPEAT Bronze"),
                "IT-P04": ok(1, "Garanti: 2 år"),
            },
            title="Bærbar computer – Korvik Book 14 G3",
            supplier="Korvik Systems ApS",
            address="Ørestads Boulevard 73 · 2300 København S · www.korvik.example",
            meta=["Varenr.: KB14-G3-16-512", "Udgave 07.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Let og robust bærbar computer til kontor og undervisning med aluminiumskabinet, "
                        "baggrundsbelyst tastatur, der tåler spild, og kamera med fysisk lukker."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Processor", "8 kerner, op til 4,5 GHz"),
                        ("Hukommelse", "16 GB"),
                        ("Lager", "512 GB SSD"),
                        ("Display", '14" IPS, 1920 × 1200, 300 cd/m²'),
                        ("Batteri", "57 Wh"),
                        ("Vægt", "1,35 kg"),
                    ),
                    h("Energi"),
                    p("Typisk energiforbrug (TEC): 18,5 kWh/år"),
                    h("Miljø"),
                    p("Miljøcertificering: EPEAT Bronze."),
                    h("Garanti"),
                    p("Garanti: 2 år (indleveringsservice)."),
                ]
            ],
        ),
        Sample(
            file="products/it/display_75_class_e_tco10_en.pdf",
            language="en",
            shows="English display class E (fail), '1,241 kWh/year', TCO Certified Generation 10 "
            "and warranty on page 2",
            expect={
                "IT-P01": bad(1, "Energy efficiency class (SDR): E"),
                "IT-P02": ok(1, "1,241 kWh/year"),
                "IT-P03": ok(2, "TCO Certified Generation 10"),
                "IT-P04": ok(2, "Warranty: 3 years"),
            },
            title='75" display / monitor – Orvane MeetView 75',
            supplier="Orvane Displays Ltd",
            address="8 Harbour Road · Dublin 4 · Ireland · www.orvane.example",
            meta=["Item number: OV-MV75-UHD", "Issue February 2026"],
            pages=[
                [
                    image(75),
                    h("Description"),
                    p(
                        "Large-format 75-inch 4K monitor for meeting rooms, classrooms and information "
                        "screens. "
                        "Designed for extended daily operation, with a built-in media player and scheduler."
                    ),
                    h("Technical data"),
                    kv(
                        ("Screen size", '75" (189 cm)'),
                        ("Resolution", "3840 × 2160"),
                        ("Brightness", "400 cd/m²"),
                        ("Inputs", "3 × HDMI 2.0, DisplayPort 1.2, USB-C"),
                        ("Weight", "41.5 kg"),
                    ),
                    h("Energy"),
                    kv(
                        ("Energy efficiency class (SDR)", "E"),
                        ("On-mode power (SDR)", "141.7 W"),
                        ("Annual energy consumption (24/7 operation)", "1,241 kWh/year"),
                        ("Standby power", "0.5 W"),
                        ("EPREL registration number", "1187345"),
                    ),
                ],
                [
                    h("Environment"),
                    p(
                        "This display is TCO Certified Generation 10. The housing contains 30 % "
                        "post-consumer "
                        "recycled plastic."
                    ),
                    h("Warranty"),
                    p("Warranty: 3 years on-site, including the panel."),
                    h("In the box"),
                    p("Display, remote control, power cable, HDMI cable, quick start guide."),
                ],
            ],
        ),
    ]


def lighting_samples() -> list[Sample]:
    lumora = {"supplier": "Lumora Lys ApS", "address": "Skibhusvej 52 · 5000 Odense C · www.lumora.example"}
    return [
        Sample(
            file="products/lighting/led_paere_e27_klasse_c.pdf",
            language="da",
            shows="table layout: E27 bulb with 'Energiklasse | C' (limit C), Danish thousands '1.055 lm'",
            expect={"LIGHT-P01": ok(1, "Energiklasse")},
            title="LED-pære E27 – Lumora Klassik A60",
            **lumora,
            meta=["Varenr.: LU-A60-E27-827", "Udgave 1 · 02.03.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Mat LED-pære i klassisk pæreform med varmt hvidt lys til almen belysning i "
                        "kontorer, "
                        "gange og opholdsrum. Fuld lysstyrke med det samme."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Produkttype", "LED-pære, rundstrålende"),
                        ("Sokkel", "E27"),
                        ("Energiklasse", "C"),
                        ("Lysstrøm", "1.055 lm"),
                        ("Effekt", "6,5 W"),
                        ("Farvetemperatur", "2.700 K"),
                        ("Farvegengivelse", "Ra > 80"),
                        ("Levetid", "25.000 timer"),
                        ("Tændinger", "50.000"),
                        ("Mål (Ø × L)", "60 × 110 mm"),
                        ("EPREL-registreringsnr.", "1334567"),
                    ),
                    h("Bortskaffelse"),
                    p("Aflever pæren på genbrugsstationen som elektronikaffald."),
                ]
            ],
        ),
        Sample(
            file="products/lighting/led_candle_e14_class_f_en.pdf",
            language="en",
            shows="English E14 candle bulb, 'Energy efficiency class: F' (limit D)",
            expect={"LIGHT-P01": bad(1, "Energy efficiency class: F")},
            title="LED candle bulb E14 – Brightwick Candle C35",
            supplier="Brightwick Lighting Ltd",
            address="31 Canal Street · Manchester M1 3HE · United Kingdom",
            meta=["Item number: BW-C35-E14-827", "Issue 3 · 12 May 2026"],
            pages=[
                [
                    h("Description"),
                    p(
                        "Frosted LED candle bulb for decorative luminaires, wall lights and chandeliers. "
                        "Warm "
                        "white light with instant full brightness."
                    ),
                    h("Technical data"),
                    kv(
                        ("Cap", "E14"),
                        ("Energy efficiency class", "F"),
                        ("Luminous flux", "470 lm"),
                        ("Power", "4.9 W"),
                        ("Light distribution", "omnidirectional"),
                        ("Colour temperature", "2,700 K"),
                        ("Colour rendering", "Ra 80"),
                        ("Rated life", "15,000 h"),
                        ("EPREL registration number", "1422890"),
                    ),
                    h("Disposal"),
                    p("Return the lamp to a collection point for electrical and electronic waste."),
                ]
            ],
        ),
        Sample(
            file="products/lighting/led_spot_gu10_uden_klasse.txt",
            language="da",
            shows="plain text: GU10 spot without class; 345 lm / 4,9 W = 70.4 lm/W, directional: G (limit E)",
            expect={"LIGHT-P01": bad(1, "345 lm")},
            title="LED-spot GU10 – Lumora Spot 36°",
            **lumora,
            meta=["Varenr.: LU-GU10-36-827", "Udgave 1 · 15.09.2025"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Retningsbestemt LED-spot med 36° lysvinkel til skinnespots og indbygningsspots i "
                        "butikker, gallerier og gange. Direkte erstatning for halogenspots med GU10-sokkel."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Sokkel", "GU10"),
                        ("Lysstrøm", "345 lm"),
                        ("Effekt", "4,9 W"),
                        ("Lysvinkel", "36°"),
                        ("Farvetemperatur", "2.700 K"),
                        ("Farvegengivelse", "Ra 80"),
                        ("Levetid", "15.000 timer"),
                        ("Mål (Ø × L)", "50 × 54 mm"),
                    ),
                ]
            ],
        ),
        Sample(
            file="products/lighting/led_paere_e27_806lm.pdf",
            language="da",
            shows="E27 bulb without class; 806 lm / 5,0 W = 161.2 lm/W gives C (limit C), data on page 2",
            expect={"LIGHT-P01": ok(2, "806 lm")},
            title="LED-pære E27 – Lumora Filament A60 klar",
            **lumora,
            meta=["Varenr.: LU-FA60-E27-827", "Udgave 2 · 30.06.2026"],
            pages=[
                [
                    image(75),
                    h("Beskrivelse"),
                    p(
                        "Klar LED-pære med filamenter i klassisk pæreform. Giver et varmt, dekorativt lys "
                        "til "
                        "pendler og lamper med synlig pære i caféer, mødelokaler og fællesarealer."
                    ),
                    h("Generelle data"),
                    kv(
                        ("Sokkel", "E27"),
                        ("Form", "A60, klart glas"),
                        ("Lysfordeling", "rundstrålende"),
                        ("Mål (Ø × L)", "60 × 105 mm"),
                        ("Vægt", "32 g"),
                    ),
                ],
                [
                    h("Lystekniske data"),
                    kv(
                        ("Lysstrøm", "806 lm"),
                        ("Effekt", "5,0 W"),
                        ("Farvetemperatur", "2.700 K"),
                        ("Farvegengivelse", "Ra > 80"),
                        ("Levetid", "25.000 timer"),
                    ),
                    h("Bortskaffelse"),
                    p("Aflever pæren på genbrugsstationen som elektronikaffald."),
                ],
            ],
        ),
        Sample(
            file="products/lighting/led_roehre_t8_de.pdf",
            language="de",
            shows="German T8 LED tube, 'Energieeffizienzklasse: D' (limit D)",
            expect={"LIGHT-P01": ok(1, "Energieeffizienzklasse: D")},
            title="LED-Röhre T8 – Helvion Tube 150 cm",
            supplier="Helvion Licht GmbH",
            address="Industriestraße 7 · 33602 Bielefeld · www.helvion.example",
            meta=["Artikelnummer: HT-T8-150-840", "Ausgabe 03/2026"],
            pages=[
                [
                    h("Beschreibung"),
                    p(
                        "Energiesparende LED-Röhre als direkter Ersatz für Leuchtstofflampen T8 in Büros, "
                        "Fluren, Lagern und Werkstätten. Betrieb am konventionellen Vorschaltgerät mit dem "
                        "beiliegenden LED-Starter."
                    ),
                    h("Technische Daten"),
                    kv(
                        ("Sockel", "G13"),
                        ("Energieeffizienzklasse", "D"),
                        ("Lichtstrom", "3.300 lm"),
                        ("Leistung", "22 W"),
                        ("Farbtemperatur", "4.000 K"),
                        ("Farbwiedergabe", "Ra > 80"),
                        ("Lebensdauer", "50.000 h"),
                        ("Länge", "1.500 mm"),
                    ),
                    h("Entsorgung"),
                    p("Geben Sie die Röhre bei einer Sammelstelle für Elektroaltgeräte ab."),
                ]
            ],
        ),
    ]


def kitchen_samples() -> list[Sample]:
    nordkulde = {
        "supplier": "Nordkulde Storkøkken A/S",
        "address": "Kølervej 5 · 8600 Silkeborg · www.nordkulde.example",
    }
    return [
        Sample(
            file="products/kitchen/koeleskab_1400l_klasse_d.pdf",
            language="da",
            shows="table layout: refrigerator 1.400 l net with class D (limit D over 800 l), "
            "'4,6 kWh/24t' converted to a year, spare parts 10 years",
            expect={
                "KITCH-P01": ok(1, "Reservedele: 10 år"),
                "KITCH-P02": ok(1, "4,6 kWh/24t"),
                "KITCH-P03": ok(1, "Energiklasse"),
            },
            title="Professionelt køleskab – Nordkulde Pro 1400, 2 døre",
            **nordkulde,
            meta=["Varenr.: NK-P1400-2D · CPV 39711130-9", "Udgave 2 · 14.04.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Stort to-dørs køleskab i rustfrit stål til storkøkkener, kantiner og "
                        "produktionskøkkener. Skabet tager GN 2/1-bakker på justerbare skinner, og den "
                        "ventilerede køling giver en ensartet temperatur i hele rummet. Digital styring med "
                        "alarm ved for høj temperatur og åben dør."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Produkttype", "Køleskab, 2 døre, ventileret køling"),
                        ("Nettovolumen", "1.400 l"),
                        ("Energiklasse", "D"),
                        ("Energiforbrug", "4,6 kWh/24t"),
                        ("Temperaturområde", "-2 til +8 °C"),
                        ("Klimaklasse", "5 (40 °C, 40 % RF)"),
                        ("Kølemiddel", "R290"),
                        ("Udvendige mål (B × D × H)", "1.440 × 830 × 2.080 mm"),
                        ("Tilslutning", "230 V, 50 Hz"),
                    ),
                    h("Service"),
                    kv(
                        ("Reservedele", "10 år fra leveringsdato"),
                        ("Garanti", "2 år på dele og arbejdsløn"),
                        ("Serviceaftale", "tilbydes med årligt eftersyn"),
                    ),
                ]
            ],
        ),
        Sample(
            file="products/kitchen/koeleskab_600l_klasse_d_reservedele_7_aar.pdf",
            language="da",
            shows="refrigerator 600 l net with class D (limit B up to 800 l), '1.130 kWh/år', "
            "spare parts only 7 years on page 2",
            expect={
                "KITCH-P01": bad(2, "Reservedele: 7 år"),
                "KITCH-P02": ok(1, "1.130 kWh/år"),
                "KITCH-P03": bad(1, "Energiklasse: D"),
            },
            title="Professionelt køleskab – Nordkulde Compact 600, 1 dør",
            **nordkulde,
            meta=["Varenr.: NK-C600-1D", "Udgave 1 · 03.02.2026"],
            pages=[
                [
                    image(70),
                    h("Beskrivelse"),
                    p(
                        "Et-dørs køleskab i rustfrit stål til caféer, institutionskøkkener og mindre "
                        "storkøkkener. Plads til GN 2/1-bakker. Selvlukkende dør med dørstop og automatisk "
                        "afrimning."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Nettovolumen", "600 l"),
                        ("Temperaturområde", "+1 til +10 °C"),
                        ("Klimaklasse", "4 (30 °C, 55 % RF)"),
                        ("Kølemiddel", "R600a"),
                        ("Udvendige mål (B × D × H)", "700 × 830 × 2.050 mm"),
                    ),
                    h("Energi"),
                    kv(
                        ("Energiklasse", "D"),
                        ("Årligt energiforbrug", "1.130 kWh/år"),
                    ),
                ],
                [
                    h("Service"),
                    kv(
                        ("Garanti", "1 år på dele"),
                        ("Reservedele", "7 år efter produktionsophør"),
                    ),
                    h("Rengøring"),
                    p(
                        "Indvendige flader vaskes af med mildt rengøringsmiddel og tørres efter. "
                        "Kondensatoren støvsuges hver tredje måned."
                    ),
                    h("Levering"),
                    p("Leveres på palle. Skabet skal stå oprejst i mindst to timer, før det tændes."),
                ],
            ],
        ),
        Sample(
            file="products/kitchen/freezer_cabinet_520l_class_c_en.txt",
            language="en",
            shows="plain text: English freezer 520 l net with class C (limit C), spare parts 10 years, "
            "no energy consumption stated",
            expect={
                "KITCH-P01": ok(1, "available for 10 years"),
                "KITCH-P02": UNKNOWN,
                "KITCH-P03": ok(1, "Energy class:"),
            },
            title="Professional freezer cabinet – Frostbay FC 520",
            supplier="Frostbay Catering Equipment Ltd",
            address="9 Dock Road · Hull HU1 2AB · United Kingdom · www.frostbay.example",
            meta=["Item number: FB-FC520-SS", "Issue 3 · 9 March 2026"],
            pages=[
                [
                    h("Description"),
                    p(
                        "Single-door upright freezer cabinet in stainless steel for commercial kitchens, "
                        "canteens and care homes. Takes GN 2/1 containers on adjustable runners. Fan-assisted "
                        "cooling, automatic defrost and a digital controller with high-temperature alarm."
                    ),
                    h("Technical data"),
                    kv(
                        ("Net volume", "520 l"),
                        ("Energy class", "C"),
                        ("Temperature range", "-22 to -15 °C"),
                        ("Climate class", "4 (30 °C, 55 % RH)"),
                        ("Refrigerant", "R290"),
                        ("External dimensions (W x D x H)", "700 x 820 x 2,050 mm"),
                    ),
                    h("Service"),
                    kv(
                        ("Warranty", "2 years, parts and labour"),
                        ("Spare parts", "available for 10 years after delivery"),
                    ),
                    h("Documents"),
                    p("Declaration of conformity and installation manual on request."),
                ]
            ],
        ),
    ]


def childcare_samples() -> list[Sample]:
    return [
        Sample(
            file="products/childcare/byggeklodser_svanemaerket.pdf",
            language="da",
            shows="two-column layout: Swan-labelled building blocks (the label covers all seven substance "
            "groups), CE-mærket and EN 71",
            expect={
                "CHILD-P01": ok(1, "licens nr. 3098 0021"),
                "CHILD-P02": ok(1, "licens nr. 3098 0021"),
                "CHILD-P03": ok(1, "CE-mærket"),
            },
            title="Legetøj – byggeklodser i bøgetræ, 50 stk.",
            supplier="Kvist & Kugle ApS",
            address="Bøgevej 14 · 8660 Skanderborg · www.kvistogkugle.example",
            meta=["Varenr.: KK-BK50 · CPV 37520000-9", "Udgave 2 · 01.06.2026"],
            pages=[
                [
                    cols(
                        [
                            h("Beskrivelse"),
                            p(
                                "Klassiske byggeklodser i massivt bøgetræ i seks former og fem farver. "
                                "Klodserne har afrundede kanter og er store nok til de mindste hænder. "
                                "Leveres i en stofpose med snøre."
                            ),
                            h("Tekniske data"),
                            kv(
                                ("Antal", "50 klodser"),
                                ("Materiale", "massivt bøgetræ"),
                                ("Overflade", "vandbaseret lak"),
                                ("Alder", "fra 12 måneder"),
                                ("Vægt", "1,6 kg"),
                            ),
                        ],
                        [
                            h("Sikkerhed"),
                            p("Legetøjet er CE-mærket og testet\nefter EN 71-1, EN 71-2 og EN 71-3."),
                            h("Miljømærkning"),
                            p("Byggeklodserne er svanemærket,\nlicens nr. 3098 0021."),
                            h("Rengøring"),
                            p("Tørres af med en fugtig klud. Må ikke lægges i blød."),
                        ],
                    )
                ]
            ],
        ),
        Sample(
            file="products/childcare/rangle_delvis_stoferklaering.docx",
            language="da",
            shows="DOCX table: rattle declaring only four of the seven substance groups (heavy metals, "
            "organic solvents and azo dyes missing), 'ikke svanemærket', CE and EN 71",
            expect={
                "CHILD-P01": UNKNOWN,
                "CHILD-P02": bad(1, "ikke svanemærket"),
                "CHILD-P03": ok(1, "CE-mærket"),
            },
            title="Legetøj – rangle i silikone, Lillebo Ring",
            supplier="Lillebo Børneartikler ApS",
            address="Engvej 31 · 5700 Svendborg · www.lillebo.example",
            meta=["Produktdatablad · Varenr. LB-R07 · Udgave 1 · 22.05.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Blød rangle og bidering i ét til de mindste. Ringen er let at gribe om, og kuglerne "
                        "indeni rasler, når barnet ryster den."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Materiale", "fødevaregodkendt silikone, kugler af polypropylen"),
                        ("Mål", "Ø 9 cm"),
                        ("Vægt", "45 g"),
                        ("Alder", "fra 3 måneder"),
                        ("Farver", "salvie, sand, dueblå"),
                    ),
                    h("Kemisk indhold"),
                    p(
                        "Ranglen er fri for ftalater.\n"
                        "Ranglen er uden bromerede flammehæmmere.\n"
                        "Ranglen er formaldehydfri.\n"
                        "Ranglen er parfumefri."
                    ),
                    h("Sikkerhed"),
                    p("Ranglen er CE-mærket efter legetøjsdirektivet 2009/48/EF og testet efter EN 71-1 og EN 71-3."),
                    h("Miljømærkning"),
                    p("Produktet er ikke svanemærket."),
                ]
            ],
        ),
        Sample(
            file="products/childcare/badedyr_indeholder_ftalater.txt",
            language="da",
            shows="plain text: soft-plastic bath toys that 'indeholder ftalater', CE marking without EN 71, "
            "no label",
            expect={
                "CHILD-P01": bad(1, "indeholder ftalater"),
                "CHILD-P02": UNKNOWN,
                "CHILD-P03": UNKNOWN,
            },
            title="Legetøj – badedyr i blød plast, 4 stk.",
            supplier="Plaskeland Import A/S",
            address="Havnevej 22 · 9000 Aalborg · www.plaskeland.example",
            meta=["Varenr.: PL-BD4", "Udgave 1 · 10.10.2025"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Sæt med fire badedyr (and, hval, skildpadde og frø), der flyder og sprøjter vand. "
                        "Til leg i badekar og soppebassin."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Antal", "4 dyr"),
                        ("Materiale", "blødgjort PVC"),
                        ("Størrelse", "7–9 cm"),
                        ("Alder", "fra 18 måneder"),
                    ),
                    h("Kemisk indhold"),
                    p("Materialet indeholder ftalater (DINP) som blødgører."),
                    h("Sikkerhed"),
                    p(
                        "Produktet er CE-mærket. Må kun bruges under opsyn af en voksen. Tøm dyrene for vand "
                        "efter brug, og lad dem tørre."
                    ),
                ]
            ],
        ),
    ]


def paper_samples() -> list[Sample]:
    return [
        Sample(
            file="products/paper/kopipapir_a4_100_genbrug_fsc.pdf",
            language="da",
            shows="copy paper with '100 % genbrugsfibre' and FSC Recycled licence FSC C098765; roll-up rule n/a",
            expect={
                "PAPER-P01": ok(1, "100 % genbrugsfibre"),
                "PAPER-P02": ok(1, "FSC C098765"),
                "PAPER-P03": NA,
            },
            title="Kopipapir A4 – Arkmølle Retur 80 g/m²",
            supplier="Arkmølle Papir A/S",
            address="Papirvej 3 · 4700 Næstved · www.arkmolle.example",
            meta=["Varenr.: AM-R80-A4 · 500 ark pr. ris, 5 ris pr. kasse", "Udgave 4 · 01.09.2026"],
            pages=[
                [
                    image(60),
                    h("Beskrivelse"),
                    p(
                        "Hvidt kopipapir af returfibre til laser- og blækprintere og kopimaskiner i kontorer "
                        "og skoler. Papiret kører stabilt ved dobbeltsidet udskrivning."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Format", "A4 (210 × 297 mm)"),
                        ("Gramvægt", "80 g/m²"),
                        ("Hvidhed", "CIE 150"),
                        ("Fibre", "100 % genbrugsfibre"),
                        ("Aldringsbestandighed", "ISO 9706"),
                    ),
                    h("Miljø"),
                    p("Papiret er FSC Recycled-certificeret, licenskode FSC C098765."),
                ]
            ],
        ),
        Sample(
            file="products/paper/kopipapir_a4_50_genbrug_emballage_fsc.docx",
            language="da",
            shows="DOCX table: copy paper with '50 % genbrugsfibre' and no label, FSC only on the "
            "packaging (fail for a wood-fibre product)",
            expect={
                "PAPER-P01": bad(1, "50 % genbrugsfibre"),
                "PAPER-P02": bad(1, "Emballagen er FSC-mærket"),
                "PAPER-P03": NA,
            },
            title="Kopipapir A4 – Kontorkompagniet Basis 80 g/m²",
            supplier="Kontorkompagniet ApS",
            address="Lagervej 17 · 2630 Taastrup · www.kontorkompagniet.example",
            meta=["Produktdatablad · Varenr. KK-B80 · Udgave 2 · 15.01.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p("Økonomisk kopipapir til daglige udskrifter og kopier i kontorer og på skoler."),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Format", "A4 (210 × 297 mm)"),
                        ("Gramvægt", "80 g/m²"),
                        ("Hvidhed", "CIE 146"),
                        ("Fibersammensætning", "50 % genbrugsfibre og 50 % nyfibre"),
                        ("Pakning", "500 ark pr. ris, 5 ris pr. kasse"),
                    ),
                    h("Miljø"),
                    p("Emballagen er FSC-mærket."),
                ]
            ],
        ),
        Sample(
            file="products/paper/rollup_banner_pvc_en.pdf",
            language="en",
            shows="English roll-up with a PVC banner; copy-paper and wood-fibre rules n/a",
            expect={
                "PAPER-P01": NA,
                "PAPER-P02": NA,
                "PAPER-P03": bad(1, "440 g/m² PVC"),
            },
            title="Roll-up banner – Signwave Classic 85 x 200 cm",
            supplier="Signwave Print Ltd",
            address="27 Print Row · Birmingham B5 6QT · United Kingdom · www.signwave.example",
            meta=["Item number: SW-RU85-C", "Issue 2 · 3 February 2026"],
            pages=[
                [
                    image(70),
                    h("Description"),
                    p(
                        "Economy roll-up banner stand for exhibitions, receptions and events. The printed "
                        "banner rolls into the base cassette and is set up in under a minute. Supplied with "
                        "a padded carry bag."
                    ),
                    h("Technical data"),
                    kv(
                        ("Visible print area", "85 x 200 cm"),
                        ("Banner material", "440 g/m² PVC frontlit, matt"),
                        ("Base cassette", "anodised aluminium"),
                        ("Weight", "3.2 kg"),
                    ),
                    h("Care"),
                    p("Wipe with a damp cloth. Store the banner rolled up in the cassette."),
                ]
            ],
        ),
        Sample(
            file="products/paper/rollup_pvc_fri.pdf",
            language="da",
            shows="roll-up with 'PVC-fri polyesterdug'; copy-paper and wood-fibre rules n/a",
            expect={
                "PAPER-P01": NA,
                "PAPER-P02": NA,
                "PAPER-P03": ok(1, "PVC-fri"),
            },
            title="Roll-up banner – Opstil Tekstil 100 × 210 cm",
            supplier="Opstil Skilte ApS",
            address="Værkstedsvej 18 · 2500 Valby · www.opstil.example",
            meta=["Varenr.: OP-RU100-T", "Udgave 1 · 20.08.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Roll-up til messer, receptioner og arrangementer. Banneret trækkes op af kassetten og "
                        "holdes udspændt af en teleskopstang. Leveres med polstret bæretaske."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Synligt trykareal", "100 × 210 cm"),
                        ("Bannermateriale", "PVC-fri polyesterdug, 205 g/m²"),
                        ("Tryk", "vandbaseret latexblæk"),
                        ("Kassette", "aluminium"),
                        ("Vægt", "3,6 kg"),
                    ),
                    h("Vedligeholdelse"),
                    p("Dugen kan vaskes ved 30 °C og stryges let på bagsiden."),
                ]
            ],
        ),
    ]


def wood_samples() -> list[Sample]:
    return [
        Sample(
            file="products/wood/bord_baenkesaet_laerk_fsc.pdf",
            language="da",
            shows="picnic set in FSC 100 % larch (FSC C123456), 'ikke trykimprægneret'",
            expect={
                "WOOD-P01": ok(1, "FSC C123456"),
                "WOOD-P02": ok(1, "ikke trykimprægneret"),
                "PAPER-P02": ok(1, "FSC C123456"),
            },
            title="Bord-bænkesæt – Lundgaard Picnic 180, lærk",
            supplier="Lundgaard Udemiljø A/S",
            address="Savværksvej 7 · 7330 Brande · www.lundgaard-udemiljo.example",
            meta=["Varenr.: LU-PB180-L", "Udgave 3 · 05.05.2026"],
            pages=[
                [
                    image(70),
                    h("Beskrivelse"),
                    p(
                        "Robust bord-bænkesæt til skoler, parker og rastepladser. Bordplade og bænke er af "
                        "høvlet sibirisk lærk på en ramme af varmforzinket stål. Sættet kan boltes fast i "
                        "underlaget."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Mål (L × B × H)", "180 × 160 × 75 cm"),
                        ("Siddehøjde", "45 cm"),
                        ("Træsort", "sibirisk lærk"),
                        ("Ramme", "varmforzinket stål"),
                        ("Vægt", "82 kg"),
                    ),
                    h("Træ og overfladebehandling"),
                    p("Træet er FSC-certificeret (FSC 100 %), licenskode FSC C123456."),
                    p("Lærketræet er ikke trykimprægneret. Overfladen er behandlet med en vandbaseret træolie."),
                ]
            ],
        ),
        Sample(
            file="products/wood/terrassebraedder_trykimpraegneret.txt",
            language="da",
            shows="plain text: pressure-treated pine decking, 'ikke FSC- eller PEFC-certificeret'",
            expect={
                "WOOD-P01": bad(1, "ikke FSC- eller PEFC-certificeret"),
                "WOOD-P02": bad(1, "trykimprægneret, NTR-klasse AB"),
                "PAPER-P02": bad(1, "ikke FSC- eller PEFC-certificeret"),
            },
            title="Terrassebrædder – fyr 28 × 120 mm",
            supplier="Vestjysk Trælast ApS",
            address="Havnevej 40 · 6700 Esbjerg · www.vestjysk-traelast.example",
            meta=["Varenr.: VT-TB28120", "Udgave 2 · 12.02.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Riflede terrassebrædder af nordisk fyr til terrasser, gangbroer og ramper. Leveres i "
                        "længderne 3,6, 4,2 og 4,8 m."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Træsort", "fyr (Pinus sylvestris)"),
                        ("Dimension", "28 × 120 mm"),
                        ("Behandling", "trykimprægneret, NTR-klasse AB"),
                        ("Farve", "grøn"),
                    ),
                    h("Oprindelse"),
                    p("Træet er ikke FSC- eller PEFC-certificeret. Oprindelse: Sverige og Finland."),
                    h("Montering"),
                    p(
                        "Brug rustfri skruer, og hold 5 mm afstand mellem brædderne. Afskårne ender "
                        "behandles med endetræsvoks."
                    ),
                ]
            ],
        ),
    ]


def furniture_samples() -> list[Sample]:
    return [
        Sample(
            file="products/furniture/haeve_saenkebord_e1_fsc.pdf",
            language="da",
            shows="two-column layout: sit-stand desk, chipboard top in formaldehyde class E1 and FSC Mix "
            "(FSC C104512)",
            expect={
                "FURN-P01": ok(1, "FSC C104512"),
                "FURN-P02": ok(1, "Formaldehydklasse: E1"),
                "PAPER-P02": ok(1, "FSC C104512"),
            },
            title="Hæve-sænkebord – Rolund Flex 160 × 80 cm",
            supplier="Rolund Interiør A/S",
            address="Fabriksvej 11 · 7400 Herning · www.rolund.example",
            meta=["Varenr.: RL-FX1680-EG", "Udgave 5 · 18.03.2026"],
            pages=[
                [
                    cols(
                        [
                            h("Beskrivelse"),
                            p(
                                "Elektrisk hæve-sænkebord med to motorer til kontorarbejdspladser. Stille "
                                "og hurtig regulering med hukommelse til fire højder og antikollision."
                            ),
                            h("Tekniske data"),
                            kv(
                                ("Bordplade", "160 × 80 cm, 25 mm"),
                                ("Højde", "62–127 cm"),
                                ("Hastighed", "38 mm/s"),
                                ("Belastning", "maks. 100 kg"),
                                ("Stel", "pulverlakeret stål"),
                            ),
                        ],
                        [
                            h("Bordplade"),
                            p("Spånplade med melaminbelægning og\nkantliste i ABS."),
                            p("Formaldehydklasse: E1 (EN 13986)."),
                            h("Træ og certificering"),
                            p("Spånpladen er FSC Mix-certificeret,\nlicenskode FSC C104512."),
                            h("Garanti"),
                            p("5 år på stel og motorer."),
                        ],
                    )
                ]
            ],
        ),
        Sample(
            file="products/furniture/bookcase_e2_panels_en.pdf",
            language="en",
            shows="English bookcase: panels in formaldehyde emission class E2, 'not FSC or PEFC certified'",
            expect={
                "FURN-P01": bad(1, "not FSC or PEFC certified"),
                "FURN-P02": bad(1, "emission class E2"),
                "PAPER-P02": bad(1, "not FSC or PEFC certified"),
            },
            title="Bookcase – Oakhurst Archive, 5 shelves, 80 x 200 cm",
            supplier="Oakhurst Office Interiors Ltd",
            address="5 Foundry Lane · Sheffield S1 2GH · United Kingdom · www.oakhurst.example",
            meta=["Item number: OH-AR5-80-OAK", "Issue 1 · 11 November 2025"],
            pages=[
                [
                    image(70),
                    h("Description"),
                    p(
                        "Tall open bookcase for offices, libraries and meeting rooms, with four adjustable "
                        "shelves and one fixed shelf. Supplied flat-packed with a wall fixing kit."
                    ),
                    h("Technical data"),
                    kv(
                        ("Dimensions (W x D x H)", "80 x 35 x 200 cm"),
                        ("Shelf load", "25 kg per shelf"),
                        ("Carcass and shelves", "18 mm MDF, oak-effect foil"),
                        ("Back panel", "3 mm HDF"),
                    ),
                    h("Materials"),
                    p("Wood-based panels: formaldehyde emission class E2."),
                    p("The wood and the wood-based panels are not FSC or PEFC certified."),
                ]
            ],
        ),
    ]


def vehicle_samples() -> list[Sample]:
    return [
        Sample(
            file="products/vehicles/personbil_elbil_0_g_km.pdf",
            language="da",
            shows="table layout: electric car with '0 g/km' and '165 Wh/km'",
            expect={
                "VEH-P01": ok(1, "0 g/km"),
                "VEH-P02": ok(1, "165 Wh/km"),
            },
            title="Personbil – elbil, Strømlinje Volta 5 Long Range",
            supplier="Strømlinje Biler A/S",
            address="Vejlevej 120 · 7000 Fredericia · www.stromlinje.example",
            meta=["Modelår 2026 · CPV 34110000-1", "Udgave 1 · 02.01.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Rummelig femdørs elbil med baghjulstræk til hjemmepleje, administration og "
                        "puljeordninger. Varmepumpe og forvarmning af kabinen fra app er standard."
                    ),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Drivlinje", "elektrisk, baghjulstræk"),
                        ("Batterikapacitet (netto)", "77 kWh"),
                        ("Rækkevidde (WLTP)", "520 km"),
                        ("Energiforbrug (WLTP)", "165 Wh/km"),
                        ("CO2-udledning (WLTP)", "0 g/km"),
                        ("Ladeeffekt AC / DC", "11 kW / 135 kW"),
                        ("Antal sæder", "5"),
                    ),
                    h("Garanti"),
                    p("Garanti: 5 år. Batteri: 8 år eller 160.000 km."),
                ]
            ],
        ),
        Sample(
            file="products/vehicles/passenger_car_phev_32_g_km_en.pdf",
            language="en",
            shows="English plug-in hybrid with '32 g/km' (fails the zero-emission limit from 2026), "
            "no energy consumption",
            expect={
                "VEH-P01": bad(1, "32 g/km"),
                "VEH-P02": UNKNOWN,
            },
            title="Passenger car – Meridian Tourer, plug-in hybrid estate",
            supplier="Meridian Motors UK Ltd",
            address="88 Station Road · Coventry CV1 2FL · United Kingdom · www.meridian-motors.example",
            meta=["Model year 2026", "Issue 2 · 14 April 2026"],
            pages=[
                [
                    image(70),
                    h("Description"),
                    p(
                        "Spacious estate car with a petrol engine and an electric motor. It drives on "
                        "electricity on short daily trips and on petrol on long journeys."
                    ),
                    h("Technical data"),
                    kv(
                        ("Powertrain", "plug-in hybrid, front-wheel drive"),
                        ("System power", "200 kW"),
                        ("Battery capacity (usable)", "19.7 kWh"),
                        ("Electric range (WLTP)", "68 km"),
                        ("CO2 emissions (WLTP, weighted combined)", "32 g/km"),
                        ("Seats", "5"),
                    ),
                    h("Charging"),
                    p("On-board charger 11 kW (AC). Charging cable type 2 included."),
                ]
            ],
        ),
    ]


def food_samples() -> list[Sample]:
    return [
        Sample(
            file="products/food/havregryn_oekologiske_dk_oeko_100.pdf",
            language="da",
            shows="table layout: organic oat flakes, Ø label with control code DK-ØKO-100; fish rule n/a",
            expect={
                "FOOD-P01": ok(1, "DK-ØKO-100"),
                "FOOD-P02": NA,
            },
            title="Havregryn – økologiske, storkøkkenpose 5 kg",
            supplier="Mølleå Kornkammer ApS",
            address="Møllevej 2 · 8850 Bjerringbro · www.mollea.example",
            meta=["Varenr.: MK-HG5-OE", "Udgave 2 · 10.08.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Valsede havregryn af hele havrekerner dyrket i Danmark. Til grød, bagning og müsli "
                        "i storkøkkener og institutioner."
                    ),
                    h("Næringsindhold"),
                    table(
                        ("Pr. 100 g", "Indhold"),
                        ("Energi", "1.555 kJ / 370 kcal"),
                        ("Fedt", "7,0 g"),
                        ("heraf mættede fedtsyrer", "1,3 g"),
                        ("Kulhydrat", "59 g"),
                        ("heraf sukkerarter", "1,0 g"),
                        ("Kostfibre", "10 g"),
                        ("Protein", "13 g"),
                        ("Salt", "0,01 g"),
                    ),
                    h("Økologi"),
                    p("Havregrynene er Ø-mærket, kontrolnummer DK-ØKO-100."),
                    h("Allergener"),
                    p("Indeholder gluten fra havre."),
                ]
            ],
        ),
        Sample(
            file="products/food/torskefilet_msc_ikke_oekologisk.pdf",
            language="da",
            shows="cod fillets with 'Økologisk: nej' (fail) and MSC certificate MSC-C-12345 on page 2",
            expect={
                "FOOD-P01": bad(1, "Økologisk: nej"),
                "FOOD-P02": ok(2, "MSC-C-12345"),
            },
            title="Torskefilet – frossen, uden skind og ben, 4 × 2,5 kg",
            supplier="Nordsø Fiskeeksport A/S",
            address="Fiskerihavnsgade 9 · 9850 Hirtshals · www.nordso-fisk.example",
            meta=["Varenr.: NF-TF-125 · CPV 15221000-3", "Udgave 3 · 01.10.2026"],
            pages=[
                [
                    image(70),
                    h("Beskrivelse"),
                    p(
                        "Filetstykker af atlantisk torsk på 100–150 g, enkeltfrosne og glaserede. Til "
                        "ovnretter, stegning og dampning i storkøkkener."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Art", "atlantisk torsk (Gadus morhua)"),
                        ("Fangstområde", "Nordøstatlanten, FAO 27 (Barentshavet)"),
                        ("Fangstmetode", "bundtrawl"),
                        ("Økologisk", "nej"),
                        ("Opbevaring", "-18 °C eller koldere"),
                        ("Holdbarhed", "24 måneder fra produktion"),
                    ),
                ],
                [
                    h("Certificering"),
                    p("Torskefileterne er MSC-certificeret, certifikatnr. MSC-C-12345."),
                    h("Allergener"),
                    p("Fisk."),
                    h("Tilberedning"),
                    p("Tilberedes direkte fra frost i ovn ved 200 °C i 15–18 minutter."),
                ],
            ],
        ),
        Sample(
            file="products/food/kartofler_oe_maerket_uden_kontrolnummer.docx",
            language="da",
            shows="DOCX table: potatoes 'Ø-mærket' without a control code (unknown); fish rule n/a",
            expect={
                "FOOD-P01": UNKNOWN,
                "FOOD-P02": NA,
            },
            title="Kartofler – bagekartofler, økologiske, 10 kg",
            supplier="Grønnegaard Grønt ApS",
            address="Markvej 4 · 4200 Slagelse · www.gronnegaard.example",
            meta=["Produktdatablad · Varenr. GG-BK10 · Udgave 1 · 25.09.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p("Store, melede kartofler til bagning og mos i storkøkkener og kantiner."),
                    h("Tekniske data"),
                    table(
                        ("Egenskab", "Værdi"),
                        ("Sort", "Sava"),
                        ("Størrelse", "55–75 mm"),
                        ("Oprindelse", "Danmark"),
                        ("Pakning", "10 kg papirsæk"),
                        ("Opbevaring", "mørkt og køligt, 4–8 °C"),
                    ),
                    h("Økologi"),
                    p("Kartoflerne er Ø-mærket."),
                ]
            ],
        ),
        Sample(
            file="products/food/sild_ikke_msc.txt",
            language="da",
            shows="plain text: marinated herring 'ikke MSC-certificeret' (fail), nothing about organic",
            expect={
                "FOOD-P01": UNKNOWN,
                "FOOD-P02": bad(1, "ikke MSC-certificeret"),
            },
            title="Sild – marinerede sildefileter i lage, 3 kg spand",
            supplier="Limfjordens Sild ApS",
            address="Kajen 6 · 7900 Nykøbing Mors · www.limfjordens-sild.example",
            meta=["Varenr.: LS-MS3", "Udgave 2 · 07.07.2026"],
            pages=[
                [
                    h("Beskrivelse"),
                    p(
                        "Fileter af nordsøsild, marineret i en mild eddikelage med løg og laurbær. Til "
                        "frokostbord og smørrebrød i kantiner og storkøkkener."
                    ),
                    h("Tekniske data"),
                    kv(
                        ("Art", "sild (Clupea harengus)"),
                        ("Fangstområde", "Nordsøen, FAO 27.IV"),
                        ("Drænet vægt", "1,8 kg"),
                        ("Ingredienser", "sild, vand, sukker, eddike, salt, løg, laurbærblade"),
                        ("Opbevaring", "2–5 °C"),
                        ("Holdbarhed", "6 måneder uåbnet"),
                    ),
                    h("Certificering"),
                    p("Fisken er ikke MSC-certificeret."),
                ]
            ],
        ),
    ]


# ---------------------------------------------------------------------------------------------------
# Writers: each returns the text lines it put on every page, for the self-check
# ---------------------------------------------------------------------------------------------------

COL_GAP = 10 * mm
FIXED_TIME = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


class _Pen(doc.Pen):
    """A heading stands a line below what came before, a paragraph half a line (none right under a heading);
    draws tables, two columns and photo frames too."""

    def gap(self, kind: str) -> float:
        if self.fresh:
            return 0
        if kind == "h":
            return doc.LEAD
        return doc.LEAD / 2 if kind == "p" and self.last != "h" else 0

    def other(self, block: Block) -> None:
        kind = block[0]
        if kind == "table":
            self._table(block[1])
        elif kind == "cols":
            self._columns(block[1], block[2])
        elif kind == "img":
            height = block[1] * mm
            self.y -= doc.LEAD / 2
            self.c.setStrokeColor(colors.HexColor("#b0bec5"))
            self.c.setFillColor(colors.HexColor("#eef2f4"))
            self.c.roundRect(self.x, self.y - height + doc.SIZE, 70 * mm, height, 4, stroke=1, fill=1)
            self.c.setFillColor(colors.black)
            self.y -= height + doc.LEAD / 2
        else:
            super().other(block)

    def _table(self, rows: tuple) -> None:
        grid = Table([list(r) for r in rows], colWidths=[60 * mm, self.width - 60 * mm])
        grid.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), doc.FONT, 9.5),
                    ("FONT", (0, 0), (-1, 0), doc.BOLD, 9.5),
                    ("FONT", (0, 1), (0, -1), doc.BOLD, 9.5),
                    ("BACKGROUND", (0, 0), (-1, 0), doc.HEAD_FILL),
                    ("GRID", (0, 0), (-1, -1), 0.5, doc.GRID_LINE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        _, height = grid.wrapOn(self.c, self.width, self.y)
        top = self.y + doc.SIZE - 4
        grid.drawOn(self.c, self.x, top - height)
        self.lines.extend(cell for row in rows for cell in row)
        self.y = top - height - doc.LEAD

    def _columns(self, left: list[Block], right: list[Block]) -> None:
        width = (self.width - COL_GAP) / 2
        sides = [_Pen(self.c, self.lines, self.x + i * (width + COL_GAP), width, self.y) for i in (0, 1)]
        for side, blocks in zip(sides, (left, right), strict=True):
            for block in blocks:
                if block[0] == "p" and not side.fresh and side.last != "h":
                    side.y -= doc.LEAD / 2  # keep both columns on the same grid: paragraph gaps are whole lines
                side.block(block)
        self.y = min(side.y for side in sides)


def _pdf(s: Sample, path: Path) -> list[list[str]]:
    return doc.write_pdf(path, s.head, s.pages, _Pen, creator="procure-check samples/make_samples.py", title_size=17)


def _docx_block(document: doc.DocxDocument, block: Block) -> list[str] | None:
    if block[0] == "table":
        return doc.docx_grid(document, block[1], lambda row, col: row == 0 or col == 0)
    return [] if block[0] == "img" else None


def _docx(s: Sample, path: Path) -> list[list[str]]:
    if len(s.pages) != 1:
        raise SystemExit(f"{s.file}: DOCX samples have one page")
    head = s.head
    [lines] = doc.write_docx(path, head, s.pages, FIXED_TIME, _docx_block)
    return [[*lines, head.header, head.footer]]  # the header and footer count for the checks


def _txt_block(block: Block) -> list[str] | None:
    kind = block[0]
    if kind == "h":
        return ["", block[1].upper()]
    if kind == "p":
        return doc.txt_wrap(block[1])
    if kind == "kv":
        return doc.txt_kv(block[1])
    return [] if kind == "img" else None


def _txt(s: Sample, path: Path) -> list[list[str]]:
    head = s.head
    return doc.write_txt(path, head, s.pages, [head.kind, s.title, *s.meta], _txt_block)


WRITERS = {"pdf": _pdf, "docx": _docx, "txt": _txt}

# ---------------------------------------------------------------------------------------------------
# Checks, expected.yaml and README tables
# ---------------------------------------------------------------------------------------------------


def _blocks(blocks: list) -> list[Block]:
    """Every block in (nested lists of) blocks, the blocks inside two columns too."""
    out = []
    for block in blocks:
        if isinstance(block, list):
            out += _blocks(block)
        else:
            out.append(block)
            if block[0] == "cols":
                out += _blocks(list(block[1:]))
    return out


def _texts(blocks: list) -> list[str]:
    """All paragraph texts in (nested lists of) blocks."""
    return [block[1] for block in _blocks(blocks) if block[0] == "p"]


def check(s: Sample, pages: list[list[str]]) -> list[str]:
    """Problems with a sample's expectations, judged against the lines its writer drew."""
    problems = []
    if list(s.expect) != GROUPS.get(s.group):
        problems.append(f"expects {list(s.expect)}, group {s.group} has {GROUPS.get(s.group)}")
    text = "\n".join(line for lines in pages for line in lines)
    for word in re.findall(rf"\w+{SHY}\w+", "\n".join(_texts(s.pages))):
        if not re.search(rf"{word.split(SHY)[0]}-\n", text):
            problems.append(f"{word.replace(SHY, '')!r} is not hyphenated at a line end")
    for cid, (verdict, *where) in s.expect.items():
        if verdict in ("pass", "fail"):
            page, evidence = where
            if not doc.on_one_line(pages, page, evidence):
                problems.append(f"{cid}: {evidence!r} is not on one line of page {page}")
        elif verdict == "unknown" and cid in SILENT:
            hits = re.findall(SILENT[cid], text, flags=re.IGNORECASE)
            if hits:
                problems.append(f"{cid} expects unknown but the text mentions {sorted(set(hits))}")
    return [f"{s.file}: {problem}" for problem in problems]


def samples_yaml(samples: list[Sample]) -> str:
    return doc.expected_yaml(
        [
            "Expected verdicts for the sample data sheets. Generated by samples/make_samples.py; do not edit.",
            "page: 1-based page of the evidence (DOCX: 1; TXT: pages split at form feeds).",
            "evidence: an exact substring of the quoted evidence, always within one line or one table cell.",
        ],
        AS_OF,
        "samples",
        [({"file": s.file, "group": s.group, "language": s.language, "shows": doc.yaml_str(s.shows)}, s.expect)
         for s in samples],
        ["page", "evidence"],
    )


def readme_tables(samples: list[Sample], pages: dict[str, int]) -> str:
    out = []
    for group in dict.fromkeys(s.group for s in samples):
        criteria = GROUPS[group]
        rows = []
        for s in (s for s in samples if s.group == group):
            n = pages[s.file]
            fmt = s.format.upper() + (f", {n} pages" if n > 1 else "") + (f", {s.layout}" if s.layout else "")
            cells = [doc.verdict_label(verdict) + (f" p{where[0]}" if where else "")
                     for verdict, *where in (s.expect[cid] for cid in criteria)]
            rows.append([f"`{Path(s.file).name}`", s.language, fmt, s.shows, *cells])
        out += [f"### {group}", "", *doc.md_table(["file", "lang", "format", "shows", *criteria], rows), ""]
    return "\n".join(out)


def update_readme(tables: str) -> None:
    readme = HERE / "README.md"
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- samples:begin -->", "<!-- samples:end -->"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        readme.write_text(f"{head}{begin}\n{tables}{end}{tail}", encoding="utf-8")


def main() -> int:
    samples = [
        *cleaning_samples(),
        *textile_samples(),
        *it_samples(),
        *lighting_samples(),
        *kitchen_samples(),
        *childcare_samples(),
        *paper_samples(),
        *wood_samples(),
        *furniture_samples(),
        *vehicle_samples(),
        *food_samples(),
    ]
    if PRODUCTS.exists():
        shutil.rmtree(PRODUCTS)
    problems, pages = [], {}
    for s in samples:
        path = HERE / s.file
        path.parent.mkdir(parents=True, exist_ok=True)
        drawn = WRITERS[s.format](s, path)
        pages[s.file] = len(drawn)
        problems += check(s, drawn)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    (HERE / "expected.yaml").write_text(samples_yaml(samples), encoding="utf-8")
    update_readme(readme_tables(samples, pages))
    print(f"wrote {len(samples)} samples to {PRODUCTS.relative_to(HERE.parent)} and samples/expected.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
