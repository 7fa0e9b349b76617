"""Generate the sample tender sets and the verdicts the tender check should reach for them.

Run from the repository root:

    python samples/make_tenders.py

The script deletes and rewrites every tender folder under `samples/tenders/` (one folder = one tender,
1–3 files), writes `samples/tenders/expected.yaml` and `samples/tenders/README.md`. Output is deterministic:
PDFs are written with reportlab's invariant mode, DOCX files get fixed core properties and zip timestamps,
the eForms notice is written as fixed text.

Before anything is kept, every expectation is checked against the text the writers drew:
- each set lists every tender criterion of its group plus LEGAL-T01..T04, in catalogue order;
- a pass or fail with evidence names a file of the set, a page of it, and a string that lies on one drawn
  line (or in one table cell line) of that page, within the first 280 characters of its clause or table row
  (the checker quotes a requirement up to 300 characters);
- a fail because something is missing ("not found in the tender") really is missing: none of the words of
  that topic (rules/tender_terms.yaml) occur anywhere in the set;
- LEGAL-T02 fails only where no words accepting other proof occur, LEGAL-T03 is not applicable only where no
  brand or standard is named;
- the set names a CPV code of its group.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import _documents as doc
import yaml
from _documents import NA, Block, bad, h, kv, ok, p
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TENDERS = HERE / "tenders"
AS_OF = "2026-11-22"

LEGAL = ["LEGAL-T01", "LEGAL-T02", "LEGAL-T03", "LEGAL-T04"]
GROUPS = {
    "cleaning": ["CLEAN-T01", "CLEAN-T02", "CLEAN-T03"],
    "textiles": ["TEXT-T01", "TEXT-T02", "TEXT-T03"],
    "kitchen": ["KITCH-T01", "KITCH-T02", "KITCH-T03"],
    "it": ["IT-T01", "IT-T02", "IT-T03"],
    "lighting": ["LIGHT-T01"],
    "paper": ["PAPER-T01", "PAPER-T02"],
}
# The topic (rules/tender_terms.yaml) whose absence makes a criterion fail with "not found in the tender".
MISSING_TOPIC = {
    "CLEAN-T02": "propellant_ban",
    "CLEAN-T03": "dosing_instructions",
    "IT-T01": "tco_award",
    "KITCH-T01": "tco_award",
    "PAPER-T02": "pvc_free",
}

WORDS = {
    "da": {"page": "Side {n} af {total}", "cont": "fortsat",
           "head": ["Nr.", "Krav", "Type", "Dokumentation"]},
    "en": {"page": "Page {n} of {total}", "cont": "continued",
           "head": ["No.", "Requirement", "Type", "Documentation"]},
}
QUOTE_LIMIT = 280

# ---------------------------------------------------------------------------------------------------
# Content blocks (h, p, kv come from _documents) and expectations (ok, bad, NA)
# ---------------------------------------------------------------------------------------------------


def clause(number: str, title: str, body: str) -> Block:
    """A numbered clause: `number title` on its own (bold) line, then the body; without a title, one paragraph."""
    return ("clause", number, title, body)


def reqs(*rows: tuple[str, str, str, str]) -> Block:
    """A requirements table: Nr. | Krav | Type | Dokumentation (the header comes from the document language)."""
    return ("reqs", rows)


MISSING = ("fail",)
"""Expect `fail` because the requirement is not in the tender at all (no evidence)."""


@dataclass
class Doc:
    """One file of a tender set."""

    name: str
    kind: str
    """What the document is, printed in the page header ("UDBUDSBETINGELSER")."""
    title: str
    meta: list[str]
    pages: list[list[Block]]

    @property
    def format(self) -> str:
        return Path(self.name).suffix.lstrip(".")

    @property
    def label(self) -> str:
        """How the checker names the document: a workbook by its requirements sheet."""
        return f"{self.name}!{SHEET}" if self.format == "xlsx" else self.name


@dataclass
class Notice:
    """An eForms contract notice (UBL ContractNotice) with the green procurement fields filled in; the buyer is
    the set's."""

    name: str
    street: str
    city: str
    postcode: str
    nuts: str
    internal_id: str
    notice_id: str
    folder_id: str
    title: str
    description: str
    lot_title: str
    lot_description: str
    strategic: str
    cpv: str
    deadline: str


@dataclass
class TenderSet:
    folder: str
    group: str
    language: str
    shows: str
    buyer: str
    """Also the buyer in the eForms notice."""
    address: str
    """The footer after the buyer's name."""
    docs: list[Doc]
    expect: dict[str, tuple]
    notice: Notice | None = None
    notes: dict[str, str] = field(default_factory=dict)
    """Why a verdict is expected, per criterion, for the README."""
    archive: str | None = None
    """The set is handed out as this ZIP archive of its documents (names may hold folders: "bilag/…")."""

    @property
    def files(self) -> list[str]:
        if self.archive:
            return [self.archive]
        return sorted([d.name for d in self.docs] + ([self.notice.name] if self.notice else []))

    def where(self, d: Doc) -> str:
        """The evidence file of a document as the checker names it (`udbud.zip/bilag/krav.docx`)."""
        return f"{self.archive}/{d.label}" if self.archive else d.label


# ---------------------------------------------------------------------------------------------------
# The tender sets
# ---------------------------------------------------------------------------------------------------


def cleaning_sets() -> list[TenderSet]:
    return [
        TenderSet(
            folder="tenders/rengoering_fjordby_ok",
            group="cleaning",
            language="da",
            shows="compliant: Swan/EU Ecolabel 'eller tilsvarende' as minimum requirement, general clause on other "
                  "proof (p. 2 of the conditions), named Swan criteria O5–O29, eForms notice with green fields",
            buyer="Fjordby Kommune",
            address="Indkøb og Udbud · Rådhustorvet 1 · 4990 Fjordby · udbud@fjordby.example",
            expect={
                "CLEAN-T01": ok("kravspecifikation.docx", 1, "Svanemærket eller EU-Blomsten eller tilsvarende"),
                "CLEAN-T02": ok("kravspecifikation.docx", 1, "spraydåser eller sprayflasker med drivgas"),
                "CLEAN-T03": ok("kravspecifikation.docx", 1, "tydelig doseringsvejledning"),
                "LEGAL-T01": ok("kravspecifikation.docx", 1, "Svanemærket eller EU-Blomsten eller tilsvarende"),
                "LEGAL-T02": ok("udbudsbetingelser.pdf", 2, "producentens tekniske dossier"),
                "LEGAL-T03": ok("kravspecifikation.docx", 2, "fabrikat Nilfisk eller tilsvarende"),
                "LEGAL-T04": ok("kravspecifikation.docx", 1, "generation 6, krav O5–O29"),
            },
            notes={
                "LEGAL-T02": "clause 5.1 of the conditions accepts a technical dossier or an accredited test report",
                "LEGAL-T04": "row K2 names the Swan criteria that apply (generation 6, O5–O29)",
            },
            notice=Notice(
                name="notice.xml",
                street="Rådhustorvet 1",
                city="Fjordby",
                postcode="4990",
                nuts="DK022",
                internal_id="2026-0412",
                notice_id="6f1c2a4e-3b8d-4c55-9e0f-2d7a1b9c8e31",
                folder_id="b7e4d2c1-5a9f-4e3b-8c6d-0f1a2b3c4d5e",
                title="Rammeaftale om rengøringsmidler 2027–2030",
                description="Fjordby Kommune udbyder en rammeaftale om levering af rengøringsmidler til kommunens "
                            "skoler, daginstitutioner, plejecentre og administrationsbygninger.",
                lot_title="Rengøringsmidler til kommunens institutioner",
                lot_description="Universal- og sanitetsrengøringsmidler, gulvrengøringsmidler og specialprodukter "
                                "med levering til ca. 140 adresser i kommunen.",
                strategic="Udbuddet følger Partnerskab for Offentlige Grønne Indkøbs indkøbsmål for "
                          "rengøringsmidler. Miljøkravene fremgår af Bilag 1 Kravspecifikation.",
                cpv="39830000",
                deadline="2027-01-15",
            ),
            docs=[
                Doc(
                    name="udbudsbetingelser.pdf",
                    kind="UDBUDSBETINGELSER",
                    title="Udbudsbetingelser – Rammeaftale om rengøringsmidler",
                    meta=["Fjordby Kommune · Offentligt udbud efter udbudslovens afsnit II · Sagsnr. 2026-0412"],
                    pages=[
                        [
                            h("1. Indledning"),
                            p("Fjordby Kommune (herefter ordregiver) udbyder hermed en rammeaftale om levering af "
                              "rengøringsmidler til kommunens skoler, daginstitutioner, plejecentre og "
                              "administrationsbygninger. Aftalen indgås med én leverandør."),
                            p("Rammeaftalen omfatter universal- og sanitetsrengøringsmidler, gulvrengøringsmidler "
                              "og specialprodukter som kalkfjerner og fedtfjerner. Den anslåede værdi er "
                              "1,8 mio. kr. ekskl. moms for hele aftaleperioden."),
                            kv(("CPV-kode", "39830000-9 Rengøringsmidler"),
                               ("Aftaleperiode", "1. april 2027 – 31. marts 2029 med option på 2 x 12 måneder"),
                               ("Udbudsform", "Offentligt udbud")),
                            h("2. Tidsplan"),
                            kv(("Frist for spørgsmål", "6. januar 2027 kl. 12.00"),
                               ("Tilbudsfrist", "15. januar 2027 kl. 12.00"),
                               ("Forventet kontraktstart", "1. april 2027")),
                            h("3. Udbudsmaterialet"),
                            p("Udbudsmaterialet består af disse udbudsbetingelser, Bilag 1 Kravspecifikation, "
                              "Bilag 2 Tilbudsliste og Bilag 3 Rammeaftale. Spørgsmål stilles skriftligt via "
                              "udbudsportalen."),
                            h("4. Tildeling"),
                            p("Rammeaftalen tildeles på grundlag af laveste pris, opgjort som den samlede "
                              "evalueringssum i Bilag 2 Tilbudsliste."),
                        ],
                        [
                            h("5. Dokumentation for miljøkrav"),
                            clause("5.1", "Mærker og anden dokumentation",
                                   "Hvor kravspecifikationen henviser til et bestemt miljømærke, accepterer ordregiver "
                                   "tilsvarende mærker. Ordregiver accepterer også anden passende dokumentation, "
                                   "fx producentens tekniske dossier eller en testrapport fra et akkrediteret organ."),
                            clause("5.2", "Kontrol i aftaleperioden",
                                   "Ordregiver kan i hele aftaleperioden bede om dokumentation for, at de leverede "
                                   "produkter opfylder kravene. Dokumentationen sendes senest 10 arbejdsdage efter "
                                   "anmodning."),
                            h("6. Øvrige forhold"),
                            p("Tilbud afgives på dansk. Ordregiver forbeholder sig ret til at annullere udbuddet, "
                              "hvis der ikke modtages konditionsmæssige tilbud."),
                        ],
                    ],
                ),
                Doc(
                    name="kravspecifikation.docx",
                    kind="BILAG 1",
                    title="Bilag 1 – Kravspecifikation: Rengøringsmidler",
                    meta=["Fjordby Kommune · Rammeaftale om rengøringsmidler (CPV 39830000-9)"],
                    pages=[
                        [
                            h("1. Miljø- og produktkrav"),
                            p("Alle krav i tabellen er mindstekrav, medmindre kolonnen Type angiver andet. "
                              "Tilbudsgiver vedlægger den anførte dokumentation for hvert krav."),
                            reqs(
                                ("K1", "Universal-, sanitets- og gulvrengøringsmidler skal være mærket med "
                                       "Svanemærket eller EU-Blomsten eller tilsvarende type I-miljømærke.",
                                 "Mindstekrav", "Licensnummer for hvert produkt"),
                                ("K2", "Specialprodukter (kalkfjerner, fedtfjerner og ovnrens) skal opfylde "
                                       "Svanemærkets kriterier for rengøringsmidler, generation 6, krav O5–O29, "
                                       "eller tilsvarende.",
                                 "Mindstekrav", "Sikkerhedsdatablad og leverandørerklæring"),
                                ("K3", "Der må ikke leveres spraydåser eller sprayflasker med drivgas. Sprayprodukter "
                                       "skal leveres med pumpe- eller triggerforstøver.",
                                 "Mindstekrav", "Produktdatablad"),
                                ("K4", "Produktets etiket og produktdatablad skal indeholde en tydelig "
                                       "doseringsvejledning med dosering pr. liter vand.",
                                 "Mindstekrav", "Produktdatablad og foto af etiket"),
                            ),
                        ],
                        [
                            h("2. Sortiment, emballage og service"),
                            reqs(
                                ("K5", "Gulvrengøringsmidler skal kunne anvendes i kommunens gulvvaskemaskiner af "
                                       "fabrikat Nilfisk eller tilsvarende.",
                                 "Mindstekrav", "Leverandørerklæring"),
                                ("K6", "Produkterne bør være uden parfume.", "Ønske", "Produktdatablad"),
                                ("K7", "Koncentrerede produkter skal leveres i dunke på højst 5 liter.",
                                 "Mindstekrav", "Foto af emballage"),
                                ("K8", "Sikkerhedsdatablade skal foreligge på dansk og være tilgængelige i "
                                       "leverandørens webshop.",
                                 "Mindstekrav", "Link til webshop"),
                            ),
                        ],
                    ],
                ),
            ],
        ),
        TenderSet(
            folder="tenders/rengoering_kystby_mangler",
            group="cleaning",
            language="da",
            shows="defective: 'Svanemærket eller EU-Blomsten' without 'eller tilsvarende', no other proof accepted, "
                  "'Svanemærket Ajax', 'relevante dele af Svanemærkets kriterier', dosing only 'bør', no ban on "
                  "propellant",
            buyer="Kystby Kommune",
            address="Center for Økonomi · Havnegade 4 · 5970 Kystby · indkob@kystby.example",
            expect={
                "CLEAN-T01": ok("udbudsmateriale.pdf", 2, "mærket med Svanemærket eller EU-Blomsten"),
                "CLEAN-T02": MISSING,
                "CLEAN-T03": bad("udbudsmateriale.pdf", 2, "bør levere doseringsvejledninger"),
                "LEGAL-T01": bad("udbudsmateriale.pdf", 2, "mærket med Svanemærket eller EU-Blomsten"),
                "LEGAL-T02": bad("udbudsmateriale.pdf", 2, "mærket med Svanemærket eller EU-Blomsten"),
                "LEGAL-T03": bad("udbudsmateriale.pdf", 2, "Svanemærket Ajax Gulvsæbe"),
                "LEGAL-T04": bad("udbudsmateriale.pdf", 2, "relevante dele af Svanemærkets kriterier"),
            },
            notes={
                "CLEAN-T01": "the green requirement is there (skal); its legal defect is LEGAL-T01's finding",
                "LEGAL-T02": "no clause accepts a technical dossier, test report or other proof",
            },
            docs=[
                Doc(
                    name="udbudsmateriale.pdf",
                    kind="UDBUDSMATERIALE",
                    title="Udbud af rengøringsmidler 2027–2029",
                    meta=["Kystby Kommune · Udbudsbetingelser og kravspecifikation · Version 1.0"],
                    pages=[
                        [
                            h("1. Indledning"),
                            p("Kystby Kommune udbyder levering af rengøringsmidler og rengøringsartikler til "
                              "kommunens skoler, børnehaver og plejecentre. Aftalen indgås som en rammeaftale "
                              "med én leverandør for perioden 1. marts 2027 – 28. februar 2029."),
                            kv(("CPV-kode", "39830000-9 Rengøringsmidler"),
                               ("Supplerende CPV-kode", "39800000-0 Rengørings- og poleringsmidler"),
                               ("Anslået værdi", "900.000 kr. ekskl. moms")),
                            h("2. Tildeling"),
                            p("Kontrakten tildeles på grundlag af laveste pris for de varer, der er anført i "
                              "tilbudslisten."),
                            h("3. Tidsplan"),
                            kv(("Tilbudsfrist", "8. januar 2027 kl. 12.00"),
                               ("Vedståelsesfrist", "3 måneder fra tilbudsfristen"),
                               ("Kontraktstart", "1. marts 2027")),
                        ],
                        [
                            h("4. Krav til produkterne"),
                            clause("4.1", "Miljømærkning",
                                   "Alle universal- og sanitetsrengøringsmidler skal være mærket med Svanemærket "
                                   "eller EU-Blomsten. Licensnummeret skal fremgå af tilbudslisten."),
                            clause("4.2", "Toiletrens og kalkfjerner",
                                   "Produkter til toiletter og vådrum skal opfylde relevante dele af Svanemærkets "
                                   "kriterier."),
                            clause("4.3", "Gulvsæbe",
                                   "Til gulvvask skal leveres Svanemærket Ajax Gulvsæbe i 5 liters dunk, da "
                                   "personalet er oplært i brugen af dette produkt."),
                            clause("4.4", "Dosering",
                                   "Leverandøren bør levere doseringsvejledninger til ophængning i kommunens "
                                   "rengøringsrum."),
                        ],
                        [
                            clause("4.5", "Emballage",
                                   "Produkterne skal leveres i genanvendelig emballage, og dunke skal kunne "
                                   "returneres til leverandøren uden beregning."),
                            clause("4.6", "Datablade",
                                   "Tilbudsgiver skal sammen med tilbuddet fremsende produktdatablade og "
                                   "sikkerhedsdatablade for alle tilbudte produkter."),
                            h("5. Kontraktvilkår"),
                            clause("5.1", "Levering",
                                   "Leverandøren skal levere varerne inden 3 arbejdsdage efter bestilling, frit "
                                   "leveret på den anførte adresse."),
                            clause("5.2", "Fakturering",
                                   "Fakturaer sendes elektronisk med angivelse af ordrenummer og EAN-nummer."),
                        ],
                    ],
                ),
            ],
        ),
    ]


def textile_sets() -> list[TenderSet]:
    return [
        TenderSet(
            folder="tenders/tekstiler_bakkedal_oensker",
            group="textiles",
            language="da",
            shows="labels only as 'bør' (Ønske) in the requirements table, fibre limit for linen but no "
                  "cotton loop pile for towels, purchase only (no laundry service)",
            buyer="Bakkedal Kommune",
            address="Sundhed og Omsorg · Torvet 2 · 8990 Bakkedal · udbud@bakkedal.example",
            expect={
                "TEXT-T01": bad("bilag_1_kravspecifikation.pdf", 1, "håndklæder bør være mærket med"),
                "TEXT-T02": bad("bilag_1_kravspecifikation.pdf", 1, "højst to fibertyper"),
                "TEXT-T03": NA,
                "LEGAL-T01": ok("bilag_1_kravspecifikation.pdf", 1, "EU-Blomsten eller tilsvarende"),
                "LEGAL-T02": ok("udbudsbetingelser.docx", 2, "producentens tekniske dossier"),
                "LEGAL-T03": NA,
                "LEGAL-T04": NA,
            },
            notes={
                "TEXT-T01": "EU Ecolabel and OEKO-TEX appear only as wishes (Type: Ønske, 'bør')",
                "TEXT-T02": "only the fibre limit is required; the 100 % cotton loop pile for towels is missing",
                "TEXT-T03": "the textiles are bought and washed by the buyer's own laundry: no textile service",
            },
            docs=[
                Doc(
                    name="udbudsbetingelser.docx",
                    kind="UDBUDSBETINGELSER",
                    title="Udbudsbetingelser – Sengelinned, håndklæder og arbejdstøj",
                    meta=["Bakkedal Kommune · Rammeaftale · Sagsnr. 27.15.00-G01-3-26"],
                    pages=[
                        [
                            h("1. Udbuddets genstand"),
                            p("Bakkedal Kommune udbyder en rammeaftale om køb af sengelinned, håndklæder og "
                              "arbejdstøj til kommunens plejecentre og hjemmepleje. Tekstilerne vaskes på "
                              "kommunens eget vaskeri og er ikke en del af dette udbud."),
                            kv(("CPV-koder", "39512000-4 Sengelinned, 39514100-6 Håndklæder, 18110000-3 Arbejdstøj"),
                               ("Aftaleperiode", "2 år med option på forlængelse i op til 2 år")),
                            h("2. Tildelingskriterier"),
                            p("Tilbuddene evalueres på tildelingskriterierne Pris (70 %) og Kvalitet (30 %). Under "
                              "Kvalitet evalueres vareprøvernes slidstyrke og pasform."),
                            h("3. Tidsplan"),
                            kv(("Tilbudsfrist", "20. januar 2027 kl. 12.00"),
                               ("Levering af vareprøver", "senest 27. januar 2027")),
                        ],
                        [
                            h("4. Dokumentation"),
                            clause("4.1", "Mærker og anden dokumentation",
                                   "Hvor kravspecifikationen henviser til et miljømærke, accepteres tilsvarende "
                                   "mærker. Ordregiver accepterer også anden passende dokumentation, fx "
                                   "producentens tekniske dossier eller en testrapport fra et akkrediteret organ."),
                            clause("4.2", "Vareprøver",
                                   "Tilbudsgiver skal levere vareprøver af de tilbudte produkter inden 10 "
                                   "arbejdsdage efter anmodning."),
                        ],
                    ],
                ),
                Doc(
                    name="bilag_1_kravspecifikation.pdf",
                    kind="BILAG 1",
                    title="Bilag 1 – Kravspecifikation: Sengelinned, håndklæder og arbejdstøj",
                    meta=["Bakkedal Kommune · CPV 39512000-4 · Kolonnen Type: Mindstekrav eller Ønske"],
                    pages=[
                        [
                            h("1. Sengelinned og håndklæder"),
                            reqs(
                                ("T1", "Sengelinned og håndklæder bør være mærket med EU-Blomsten eller "
                                       "tilsvarende.", "Ønske", "Licensnummer"),
                                ("T2", "Sengelinned (dynebetræk, pudebetræk og lagner) skal bestå af højst to "
                                       "fibertyper.", "Mindstekrav", "Produktdatablad med fibersammensætning"),
                                ("T3", "Håndklæder skal have en gramvægt på mindst 400 g/m².", "Mindstekrav",
                                 "Produktdatablad"),
                                ("T4", "Sengelinned og håndklæder skal tåle industrivask ved 85 °C.", "Mindstekrav",
                                 "Vaskeanvisning"),
                            ),
                        ],
                        [
                            h("2. Arbejdstøj"),
                            reqs(
                                ("T5", "Arbejdstøj bør være certificeret efter STANDARD 100 by OEKO-TEX eller "
                                       "tilsvarende.", "Ønske", "Certifikat"),
                                ("T6", "Arbejdstøjet skal kunne vaskes ved 60 °C med en krympning på højst 3 %.",
                                 "Mindstekrav", "Produktdatablad"),
                                ("T7", "Kitler og bukser skal leveres i størrelserne XS–4XL.", "Mindstekrav",
                                 "Størrelsesskema"),
                            ),
                        ],
                    ],
                ),
            ],
        ),
    ]


def package_sets() -> list[TenderSet]:
    """Tenders as portals hand them out: a ZIP archive with folders, and an Excel requirement matrix."""
    return [
        TenderSet(
            folder="tenders/rengoering_solbakke_zip",
            group="cleaning",
            language="da",
            shows="a ZIP archive as downloaded from a tender portal: the conditions at the top, the specification "
                  "in bilag/; compliant: Swan/EU Ecolabel 'eller tilsvarende', other proof accepted, propellant "
                  "ban and dosing instructions as minimum requirements",
            buyer="Solbakke Kommune",
            address="Indkøb · Skolevej 3 · 7990 Solbakke · udbud@solbakke.example",
            archive="udbud.zip",
            expect={
                "CLEAN-T01": ok("udbud.zip/bilag/bilag_1_kravspecifikation.docx", 1,
                                "Svanemærket eller EU-Blomsten eller tilsvarende"),
                "CLEAN-T02": ok("udbud.zip/bilag/bilag_1_kravspecifikation.docx", 1, "sprayflasker med drivgas"),
                "CLEAN-T03": ok("udbud.zip/bilag/bilag_1_kravspecifikation.docx", 1, "doseringsvejledning"),
                "LEGAL-T01": ok("udbud.zip/bilag/bilag_1_kravspecifikation.docx", 1,
                                "Svanemærket eller EU-Blomsten eller tilsvarende"),
                "LEGAL-T02": ok("udbud.zip/udbudsbetingelser.pdf", 2, "producentens tekniske dossier"),
                "LEGAL-T03": NA,
                "LEGAL-T04": NA,
            },
            notes={
                "LEGAL-T02": "clause 4.1 of the conditions, inside the archive, accepts a technical dossier",
            },
            docs=[
                Doc(
                    name="udbudsbetingelser.pdf",
                    kind="UDBUDSBETINGELSER",
                    title="Udbudsbetingelser – Rengøringsmidler 2027–2029",
                    meta=["Solbakke Kommune · Offentligt udbud · Sagsnr. 2026-1187"],
                    pages=[
                        [
                            h("1. Indledning"),
                            p("Solbakke Kommune udbyder en rammeaftale om levering af rengøringsmidler til "
                              "kommunens skoler, daginstitutioner og plejecentre. Udbudsmaterialet er samlet i "
                              "én pakke; kravspecifikationen ligger i mappen bilag."),
                            kv(("CPV-kode", "39830000-9 Rengøringsmidler"),
                               ("Aftaleperiode", "1. april 2027 – 31. marts 2029"),
                               ("Udbudsform", "Offentligt udbud")),
                            h("2. Tildeling"),
                            p("Rammeaftalen tildeles på grundlag af laveste pris, opgjort som den samlede "
                              "evalueringssum i tilbudslisten."),
                            h("3. Tidsplan"),
                            kv(("Tilbudsfrist", "18. januar 2027 kl. 12.00"),
                               ("Kontraktstart", "1. april 2027")),
                        ],
                        [
                            h("4. Dokumentation for miljøkrav"),
                            clause("4.1", "Mærker og anden dokumentation",
                                   "Hvor kravspecifikationen henviser til et miljømærke, accepterer ordregiver "
                                   "tilsvarende mærker. Ordregiver accepterer også anden passende dokumentation, "
                                   "fx producentens tekniske dossier eller en testrapport fra et akkrediteret organ."),
                            clause("4.2", "Kontrol i aftaleperioden",
                                   "Ordregiver kan i hele aftaleperioden bede om dokumentation for, at de leverede "
                                   "produkter opfylder kravene."),
                        ],
                    ],
                ),
                Doc(
                    name="bilag/bilag_1_kravspecifikation.docx",
                    kind="BILAG 1",
                    title="Bilag 1 – Kravspecifikation: Rengøringsmidler",
                    meta=["Solbakke Kommune · Rammeaftale om rengøringsmidler (CPV 39830000-9)"],
                    pages=[
                        [
                            h("1. Miljø- og produktkrav"),
                            reqs(
                                ("K1", "Universal-, sanitets- og gulvrengøringsmidler skal være mærket med "
                                       "Svanemærket eller EU-Blomsten eller tilsvarende type I-miljømærke.",
                                 "Mindstekrav", "Licensnummer for hvert produkt"),
                                ("K2", "Der må ikke leveres spraydåser eller sprayflasker med drivgas.",
                                 "Mindstekrav", "Produktdatablad"),
                                ("K3", "Etiketten skal indeholde en doseringsvejledning med dosering pr. liter vand.",
                                 "Mindstekrav", "Foto af etiket"),
                            ),
                        ],
                        [
                            h("2. Emballage og levering"),
                            reqs(
                                ("K4", "Koncentrerede produkter skal leveres i dunke på højst 5 liter.",
                                 "Mindstekrav", "Foto af emballage"),
                                ("K5", "Varerne skal leveres inden 3 arbejdsdage efter bestilling.",
                                 "Mindstekrav", "Leverandørerklæring"),
                            ),
                        ],
                    ],
                ),
            ],
        ),
        TenderSet(
            folder="tenders/tekstiler_engholm_kravmatrix",
            group="textiles",
            language="da",
            shows="the requirement specification as an Excel matrix (Krav-ID | Krav | Mindstekrav / Ønske / "
                  "Tildelingskriterium | Dokumentation | Leverandørens besvarelse) below title rows, one type cell "
                  "merged over the rows it applies to; EU Ecolabel 'eller tilsvarende' required, the cotton loop "
                  "pile only a wish",
            buyer="Engholm Kommune",
            address="Ældre og Sundhed · Engvej 12 · 6990 Engholm · udbud@engholm.example",
            expect={
                "TEXT-T01": ok("kravmatrix.xlsx!Kravspecifikation", 1, "mærket med EU-Blomsten eller tilsvarende"),
                "TEXT-T02": bad("kravmatrix.xlsx!Kravspecifikation", 1, "højst to fibertyper"),
                "TEXT-T03": NA,
                "LEGAL-T01": ok("kravmatrix.xlsx!Kravspecifikation", 1, "mærket med EU-Blomsten eller tilsvarende"),
                "LEGAL-T02": ok("udbudsbetingelser.txt", 1, "anden passende dokumentation"),
                "LEGAL-T03": NA,
                "LEGAL-T04": NA,
            },
            notes={
                "TEXT-T02": "the fibre limit (E2) is a minimum requirement by the 'Mindstekrav' cell merged over "
                            "E1–E2, but the 100 % cotton loop pile (E3) stands under 'Ønske', merged over E3–E4: "
                            "a wish, which does not count",
                "TEXT-T03": "the textiles are bought, not rented or washed by the supplier",
            },
            docs=[
                Doc(
                    name="udbudsbetingelser.txt",
                    kind="UDBUDSBETINGELSER",
                    title="Udbudsbetingelser – Sengelinned og håndklæder",
                    meta=["Engholm Kommune · Rammeaftale · Sagsnr. 2026-0930"],
                    pages=[
                        [
                            h("1. Udbuddets genstand"),
                            p("Engholm Kommune udbyder en rammeaftale om køb af sengelinned og håndklæder til "
                              "kommunens plejecentre. Kravene står i kravmatrixen (kravmatrix.xlsx), som "
                              "tilbudsgiver udfylder i kolonnen Leverandørens besvarelse."),
                            kv(("CPV-kode", "39512000-4 Sengelinned"),
                               ("Aftaleperiode", "2 år med option på 2 x 12 måneder")),
                            h("2. Dokumentation"),
                            clause("2.1", "Mærker og anden dokumentation",
                                   "Hvor kravmatrixen henviser til et miljømærke, accepteres tilsvarende mærker. "
                                   "Ordregiver accepterer også anden passende dokumentation, fx producentens "
                                   "tekniske dossier eller en testrapport fra et akkrediteret organ."),
                            h("3. Tildeling"),
                            p("Kontrakten tildeles på grundlag af laveste pris."),
                        ],
                    ],
                ),
                Doc(
                    name="kravmatrix.xlsx",
                    kind="BILAG 1",
                    title="Bilag 1 – Kravmatrix: Sengelinned og håndklæder",
                    meta=["Engholm Kommune · CPV 39512000-4 · Udfyld kolonnen Leverandørens besvarelse"],
                    pages=[
                        [
                            reqs(
                                ("E1", "Sengelinned og håndklæder skal være mærket med EU-Blomsten eller tilsvarende.",
                                 "Mindstekrav", "Licensnummer"),
                                ("E2", "Sengelinned består af højst to fibertyper.", "Mindstekrav",
                                 "Produktdatablad"),
                                ("E3", "Håndklæder med luv af 100 % bomuld.", "Ønske", "Produktdatablad"),
                                ("E4", "Håndklæder med en gramvægt på mindst 400 g/m².", "Ønske", "Produktdatablad"),
                            ),
                        ],
                    ],
                ),
            ],
        ),
    ]


def kitchen_sets() -> list[TenderSet]:
    return [
        TenderSet(
            folder="tenders/storkoekken_havnestad_ok",
            group="kitchen",
            language="da",
            shows="compliant: TCO as award criterion, CO2 at 1.000 kr. pr. ton, spare parts 'i mindst 10 år' "
                  "(p. 2 of the conditions), 'Rational ConnectedCooking eller tilsvarende'",
            buyer="Havnestad Kommune",
            address="Kost og Ernæring · Kajpladsen 7 · 6790 Havnestad · udbud@havnestad.example",
            expect={
                "KITCH-T01": ok("udbudsbetingelser.docx", 1, "laveste totalomkostninger (TCO)"),
                "KITCH-T02": ok("udbudsbetingelser.docx", 1, "1.000 kr. pr. ton CO2e"),
                "KITCH-T03": ok("udbudsbetingelser.docx", 2, "i mindst 10 år efter levering"),
                "LEGAL-T01": NA,
                "LEGAL-T02": NA,
                "LEGAL-T03": ok("bilag_2_kravspecifikation.pdf", 2, "(Rational ConnectedCooking eller"),
                "LEGAL-T04": NA,
            },
            notes={"LEGAL-T01": "no label is required (energy classes are not labels in this sense)"},
            docs=[
                Doc(
                    name="udbudsbetingelser.docx",
                    kind="UDBUDSBETINGELSER",
                    title="Udbudsbetingelser – Storkøkkenudstyr til Plejecenter Strandparken",
                    meta=["Havnestad Kommune · Offentligt udbud · Sagsnr. 2026-0877"],
                    pages=[
                        [
                            h("1. Udbuddets genstand"),
                            p("Havnestad Kommune udbyder levering og installation af storkøkkenudstyr til det nye "
                              "produktionskøkken på Plejecenter Strandparken: køleskabe, fryseskabe, kombiovne, "
                              "kogekar og en tunnelopvaskemaskine."),
                            kv(("CPV-kode", "39221000-7 Køkkenudstyr"), ("Levering", "senest 1. juni 2027")),
                            h("2. Tildeling"),
                            clause("2.1", "Totalomkostninger",
                                   "Tildelingskriteriet er laveste totalomkostninger (TCO) over udstyrets forventede "
                                   "levetid. TCO omfatter anskaffelsespris, energi- og vandforbrug samt service, "
                                   "beregnet i Bilag 3 TCO-model."),
                            clause("2.2", "Pris på CO2",
                                   "I TCO-modellen prissættes udledningen af CO2 med 1.000 kr. pr. ton CO2e."),
                            clause("2.3", "Energi- og vandforbrug",
                                   "Tilbudsgiver skal i Bilag 3 angive det årlige energiforbrug i kWh og "
                                   "vandforbruget i liter for hvert tilbudt produkt."),
                        ],
                        [
                            h("3. Kontraktvilkår"),
                            clause("3.1", "Reservedele",
                                   "Leverandøren skal sikre, at reservedele til alt leveret udstyr kan leveres i "
                                   "mindst 10 år efter levering."),
                            clause("3.2", "Service",
                                   "Leverandøren skal yde service med en responstid på højst 24 timer på "
                                   "hverdage."),
                            clause("3.3", "Installation og oplæring",
                                   "Installation omfatter tilslutning til el, vand og afløb samt oplæring af "
                                   "køkkenpersonalet."),
                        ],
                    ],
                ),
                Doc(
                    name="bilag_2_kravspecifikation.pdf",
                    kind="BILAG 2",
                    title="Bilag 2 – Kravspecifikation: Produktionskøkken",
                    meta=["Havnestad Kommune · Plejecenter Strandparken · CPV 39221000-7"],
                    pages=[
                        [
                            h("1. Køle- og fryseudstyr"),
                            p("Kravene gælder professionelle køle- og fryseskabe efter forordning (EU) 2015/1094."),
                            reqs(
                                ("K1", "Køleskabe med nettovolumen op til 800 l skal have energiklasse B eller "
                                       "bedre.", "Mindstekrav", "Produktdatablad og EPREL-nummer"),
                                ("K2", "Fryseskabe med nettovolumen op til 800 l skal have energiklasse C eller "
                                       "bedre.", "Mindstekrav", "Produktdatablad og EPREL-nummer"),
                                ("K3", "Køle- og fryseskabe skal anvende naturlige kølemidler.", "Mindstekrav",
                                 "Produktdatablad"),
                            ),
                        ],
                        [
                            h("2. Ovne, kogekar og opvask"),
                            reqs(
                                ("K4", "Kombiovne skal kunne tilsluttes kommunens HACCP-logning (Rational "
                                       "ConnectedCooking eller tilsvarende).", "Mindstekrav", "Beskrivelse"),
                                ("K5", "Tunnelopvaskemaskinen skal have varmegenvinding fra spildevand eller "
                                       "damp.", "Mindstekrav", "Produktdatablad"),
                                ("K6", "Kogekar bør have automatisk vandpåfyldning med literangivelse.", "Ønske",
                                 "Produktdatablad"),
                            ),
                        ],
                    ],
                ),
            ],
        ),
        TenderSet(
            folder="tenders/storkoekken_nordvig_mangler",
            group="kitchen",
            language="da",
            shows="defective, plain text: CO2 priced at 500 kr./ton, spare parts 'i 5 år', 'fabrikat Rational' "
                  "without 'eller tilsvarende'",
            buyer="Nordvig Kommune",
            address="Ejendomme og Indkøb · Skolevej 1 · 9490 Nordvig",
            expect={
                "KITCH-T01": ok("udbudsmateriale.txt", 1, "totalomkostninger (TCO) over 8 år"),
                "KITCH-T02": bad("udbudsmateriale.txt", 1, "500 kr./ton"),
                "KITCH-T03": bad("udbudsmateriale.txt", 2, "i 5 år efter levering"),
                "LEGAL-T01": NA,
                "LEGAL-T02": NA,
                "LEGAL-T03": bad("udbudsmateriale.txt", 2, "fabrikat Rational"),
                "LEGAL-T04": NA,
            },
            notes={
                "KITCH-T02": "500 kr./ton is below the 1.000 kr./ton POGI asks for",
                "KITCH-T03": "5 years is below the 10 years required",
            },
            docs=[
                Doc(
                    name="udbudsmateriale.txt",
                    kind="UDBUDSMATERIALE",
                    title="Udbud af storkøkkenudstyr til Nordvig Skole",
                    meta=["Nordvig Kommune · Udbudsbetingelser og kravspecifikation", "CPV-kode: 39221000-7 "
                          "Køkkenudstyr"],
                    pages=[
                        [
                            h("1. Indledning"),
                            p("Nordvig Kommune udbyder levering af storkøkkenudstyr til skolekøkkenet på Nordvig "
                              "Skole i forbindelse med den nye skolemadsordning: to kombiovne, en "
                              "hætteopvaskemaskine, tre køleskabe og et fryseskab."),
                            h("2. Tildeling"),
                            clause("2.1", "", "Tilbuddene evalueres på totalomkostninger (TCO) over 8 år, beregnet "
                                              "i Miljøstyrelsens TCO-værktøj for professionelle køkkener."),
                            clause("2.2", "", "I TCO-beregningen prissættes CO2 til 500 kr./ton."),
                        ],
                        [
                            h("3. Krav til udstyret"),
                            clause("3.1", "", "Kombiovnene skal være af fabrikat Rational, model iCombi Pro, da "
                                              "køkkenpersonalet er uddannet på denne model."),
                            clause("3.2", "", "Opvaskemaskinen skal være en hætteopvaskemaskine med "
                                              "varmegenvinding."),
                            clause("3.3", "", "Køleskabe skal have energiklasse C eller bedre."),
                            clause("3.4", "", "Reservedele skal kunne leveres i 5 år efter levering."),
                        ],
                        [
                            h("4. Kontraktvilkår"),
                            clause("4.1", "", "Leverandøren skal yde 2 års fuld garanti på udstyret fra "
                                              "overtagelsesdagen."),
                            clause("4.2", "", "Levering og installation skal være afsluttet inden skolestart "
                                              "9. august 2027."),
                        ],
                    ],
                ),
            ],
        ),
    ]


def it_sets() -> list[TenderSet]:
    return [
        TenderSet(
            folder="tenders/it_skovbjerg_mangler",
            group="it",
            language="da",
            shows="defective: 'TCO Certified, generation 9' without 'eller tilsvarende' (and no TCO award), "
                  "'Processor: Intel Core i7', monitors 'energiklasse F', CO2 at 1.000 kr. (IT needs 1.500)",
            buyer="Skovbjerg Kommune",
            address="IT og Digitalisering · Rådhusvej 10 · 7490 Skovbjerg · it-udbud@skovbjerg.example",
            expect={
                "IT-T01": MISSING,
                "IT-T02": bad("udbudsbetingelser.pdf", 1, "prissættes med 1.000 kr. pr. ton"),
                "IT-T03": bad("bilag_1_kravspecifikation.docx", 2, "energiklasse F eller bedre"),
                "LEGAL-T01": bad("bilag_1_kravspecifikation.docx", 1, "TCO Certified, generation 9"),
                "LEGAL-T02": ok("udbudsbetingelser.pdf", 2, "anden passende dokumentation"),
                "LEGAL-T03": bad("bilag_1_kravspecifikation.docx", 1, "Processor: Intel Core i7"),
                "LEGAL-T04": NA,
            },
            notes={
                "IT-T01": "price is the economic criterion; 'TCO Certified' is a label, not total cost of ownership",
                "IT-T02": "CO2 is priced at 1.000 kr. pr. ton; the IT target asks for 1.500",
            },
            docs=[
                Doc(
                    name="udbudsbetingelser.pdf",
                    kind="UDBUDSBETINGELSER",
                    title="Udbudsbetingelser – Bærbare computere og skærme",
                    meta=["Skovbjerg Kommune · Rammeaftale · Sagsnr. 2026-1130"],
                    pages=[
                        [
                            h("1. Indledning"),
                            p("Skovbjerg Kommune udbyder en rammeaftale om levering af bærbare computere, "
                              "dockingstationer og computerskærme til kommunens administration og skoler."),
                            kv(("CPV-koder", "30213100-6 Bærbare computere, 30231300-0 Computerskærme"),
                               ("Aftaleperiode", "1. marts 2027 – 28. februar 2031"),
                               ("Forventet mængde", "ca. 1.200 computere og 900 skærme pr. år")),
                            h("2. Tildelingskriterier"),
                            p("Kontrakten tildeles det økonomisk mest fordelagtige tilbud på grundlag af "
                              "tildelingskriterierne Pris (60 %), Kvalitet (25 %) og Miljø (15 %)."),
                            clause("2.1", "Pris",
                                   "Pris evalueres på den samlede tilbudte pris i Bilag 2 Tilbudsliste."),
                            clause("2.2", "Miljø",
                                   "Under Miljø evalueres produkternes klimaaftryk. Den oplyste CO2-udledning "
                                   "prissættes med 1.000 kr. pr. ton CO2e, og tilbuddet med det laveste beløb får "
                                   "10 point."),
                        ],
                        [
                            h("3. Dokumentation"),
                            clause("3.1", "Mærker",
                                   "Kræver kravspecifikationen et mærke, accepteres også anden passende "
                                   "dokumentation, herunder en testrapport fra et akkrediteret organ."),
                            clause("3.2", "Levering",
                                   "Leverandøren skal levere inden 10 arbejdsdage efter bestilling."),
                        ],
                    ],
                ),
                Doc(
                    name="bilag_1_kravspecifikation.docx",
                    kind="BILAG 1",
                    title="Bilag 1 – Kravspecifikation: Bærbare computere og skærme",
                    meta=["Skovbjerg Kommune · CPV 30213100-6 og 30231300-0"],
                    pages=[
                        [
                            h("1. Bærbare computere"),
                            reqs(
                                ("B1", "Processor: Intel Core i7 (13. generation)", "Mindstekrav", "Produktdatablad"),
                                ("B2", "Computeren skal have mindst 16 GB RAM og 512 GB SSD.", "Mindstekrav",
                                 "Produktdatablad"),
                                ("B3", "Computere skal være TCO Certified, generation 9.", "Mindstekrav",
                                 "Certifikat"),
                                ("B4", "Batteriet skal kunne udskiftes af kommunens egne teknikere.", "Mindstekrav",
                                 "Servicemanual"),
                            ),
                        ],
                        [
                            h("2. Computerskærme"),
                            reqs(
                                ("S1", "Skærme skal have energiklasse F eller bedre.", "Mindstekrav",
                                 "EPREL-nummer"),
                                ("S2", "Skærme skal kunne højdejusteres mindst 110 mm.", "Mindstekrav",
                                 "Produktdatablad"),
                                ("S3", "Skærme bør have indbygget USB-C-dockingfunktion.", "Ønske",
                                 "Produktdatablad"),
                            ),
                        ],
                    ],
                ),
            ],
        ),
        TenderSet(
            folder="tenders/it_nordfjord_ok_en",
            group="it",
            language="en",
            shows="compliant, English: TCO award criterion with CO2 at DKK 1,500 per tonne, 'TCO Certified ... or "
                  "equivalent', other means of proof accepted, monitors energy class D or better",
            buyer="Region Nordfjord",
            address="Procurement · Regionshuset, Fjordvej 1 · 9800 Nordfjord · tenders@nordfjord.example",
            expect={
                "IT-T01": ok("tender_conditions.pdf", 1, "lowest total cost of ownership (TCO)"),
                "IT-T02": ok("tender_conditions.pdf", 1, "DKK 1,500 per tonne"),
                "IT-T03": ok("requirements_specification.docx", 2, "energy class D or better"),
                "LEGAL-T01": ok("requirements_specification.docx", 1, "generation 9 or 10, or equivalent"),
                "LEGAL-T02": ok("tender_conditions.pdf", 2, "technical dossier"),
                "LEGAL-T03": ok("requirements_specification.docx", 1, "Windows 11 Pro or equivalent"),
                "LEGAL-T04": NA,
            },
            notes={
                "IT-T01": "clause 2.1: award criterion 'lowest total cost of ownership (TCO)', with energy and resale",
                "IT-T02": "clause 2.2: 'priced at DKK 1,500 per tonne CO2e', as the IT target asks",
            },
            docs=[
                Doc(
                    name="tender_conditions.pdf",
                    kind="TENDER CONDITIONS",
                    title="Tender conditions – Laptops and monitors",
                    meta=["Region Nordfjord · Open procedure under the Danish Public Procurement Act · "
                          "Ref. RN-2026-044"],
                    pages=[
                        [
                            h("1. Introduction"),
                            p("Region Nordfjord invites tenders for a framework agreement for the supply of "
                              "laptops, docking stations and computer monitors to the region's hospitals and "
                              "administration. The tender documents are in English."),
                            kv(("CPV codes", "30213100-6 Portable computers, 30231300-0 Display screens"),
                               ("Term", "4 years from 1 April 2027"),
                               ("Estimated volume", "approx. 2,500 laptops and 1,800 monitors per year")),
                            h("2. Award"),
                            clause("2.1", "Award criterion",
                                   "The award criterion is the lowest total cost of ownership (TCO) over a service "
                                   "life of 5 years. Tenders are evaluated with the TCO model in Annex 3, which "
                                   "adds the cost of the energy used to the price and deducts the resale value."),
                            clause("2.2", "Carbon price",
                                   "In the TCO model, the CO2 emissions from the energy used are priced at "
                                   "DKK 1,500 per tonne CO2e."),
                        ],
                        [
                            h("3. Documentation"),
                            clause("3.1", "Labels and other means of proof",
                                   "Where the requirements specification asks for a specific label, equivalent "
                                   "labels are accepted. Other appropriate means of proof, such as a technical "
                                   "dossier from the manufacturer or a test report from an accredited body, are "
                                   "also accepted."),
                            clause("3.2", "Delivery",
                                   "Deliveries must be made within 10 working days of the order."),
                        ],
                    ],
                ),
                Doc(
                    name="requirements_specification.docx",
                    kind="ANNEX 1",
                    title="Annex 1 – Requirements specification: Laptops and monitors",
                    meta=["Region Nordfjord · Ref. RN-2026-044 · Type: Minimum requirement or Wish"],
                    pages=[
                        [
                            h("1. Laptops"),
                            reqs(
                                ("L1", "The processor must have at least 10 cores and a base clock of at least "
                                       "2.0 GHz.", "Minimum requirement", "Data sheet"),
                                ("L2", "Laptops must be TCO Certified, generation 9 or 10, or equivalent.",
                                 "Minimum requirement", "Certificate"),
                                ("L3", "Operating system: Windows 11 Pro or equivalent, pre-installed.",
                                 "Minimum requirement", "Data sheet"),
                                ("L4", "The supplier must offer a warranty of at least 3 years on site.",
                                 "Minimum requirement", "Warranty terms"),
                            ),
                        ],
                        [
                            h("2. Monitors"),
                            reqs(
                                ("M1", "Monitors must have energy class D or better on the EU energy label.",
                                 "Minimum requirement", "EPREL registration number"),
                                ("M2", "Monitors must be TCO Certified, generation 9 or 10, or equivalent.",
                                 "Minimum requirement", "Certificate"),
                                ("M3", "Monitors should offer a USB-C connection with power delivery.", "Wish",
                                 "Data sheet"),
                            ),
                        ],
                    ],
                ),
            ],
        ),
    ]


def lighting_sets() -> list[TenderSet]:
    return [
        TenderSet(
            folder="tenders/lighting_norlund_en",
            group="lighting",
            language="en",
            shows="English, one PDF: energy class per cap type in a requirements table over two pages "
                  "(E27 C, E14 D, GU10 E, G9 E, T8 D), 'Philips HF-Performer or equivalent'",
            buyer="Norlund University",
            address="Campus Services · Universitetsparken 3 · 8310 Norlund · procurement@norlund.example",
            expect={
                "LIGHT-T01": ok("tender_specification.pdf", 1, "cap E27 must have energy class C"),
                "LEGAL-T01": NA,
                "LEGAL-T02": NA,
                "LEGAL-T03": ok("tender_specification.pdf", 2, "(Philips HF-Performer or"),
                "LEGAL-T04": NA,
            },
            notes={
                "LIGHT-T01": "every cap in the table meets the ENS class (E27 C, E14 D, GU10 E, G9 E, T8 D)",
                "LEGAL-T03": "clause 4.1 says 'Philips HF-Performer or equivalent'; 'or' and 'equivalent' are on two "
                             "printed lines",
            },
            docs=[
                Doc(
                    name="tender_specification.pdf",
                    kind="TENDER SPECIFICATION",
                    title="LED light sources – tender conditions and specification",
                    meta=["Norlund University · Framework agreement · Ref. NU-2026-17"],
                    pages=[
                        [
                            h("1. Scope"),
                            p("Norlund University invites tenders for a two-year framework agreement for the "
                              "supply of LED light sources and LED tubes for the university's buildings, about "
                              "14,000 light sources per year."),
                            kv(("CPV codes", "31500000-1 Lighting equipment and electric lamps, 31531000-7 Bulbs"),
                               ("Term", "2 years from 1 March 2027, with an option of 1 + 1 years")),
                            h("2. Award"),
                            p("Tenders are evaluated on price (60 %) and quality (40 %). Quality is evaluated on "
                              "samples of the offered light sources."),
                            h("3. Energy requirements"),
                            p("The energy classes below refer to the EU energy label for light sources. A better "
                              "class is always accepted."),
                            reqs(
                                ("E1", "LED bulbs with cap E27 must have energy class C or better.",
                                 "Minimum requirement", "EPREL registration number"),
                                ("E2", "Candle bulbs with cap E14 must have energy class D or better.",
                                 "Minimum requirement", "EPREL registration number"),
                                ("E3", "Spots with cap GU10 must have energy class E or better.",
                                 "Minimum requirement", "EPREL registration number"),
                            ),
                        ],
                        [
                            reqs(
                                ("E4", "Capsules with cap G9 must have energy class E or better.",
                                 "Minimum requirement", "EPREL registration number"),
                                ("E5", "LED tubes T8 must have energy class D or better.", "Minimum requirement",
                                 "EPREL registration number"),
                                ("E6", "All light sources must have a colour rendering index of at least 80.",
                                 "Minimum requirement", "Data sheet"),
                            ),
                            h("4. Compatibility"),
                            clause("4.1", "", "LED tubes must work in the existing luminaires with electronic "
                                              "ballasts (Philips HF-Performer or equivalent)."),
                            clause("4.2", "", "Dimmable light sources must work with the trailing-edge dimmers "
                                              "installed in the buildings."),
                        ],
                    ],
                ),
            ],
        ),
    ]


def paper_sets() -> list[TenderSet]:
    return [
        TenderSet(
            folder="tenders/papir_lyngholm",
            group="paper",
            language="da",
            shows="ecolabelled copy paper as a 'tildelingskriterium' (award) plus FSC/PEFC 'eller tilsvarende' as a "
                  "requirement; roll-ups bought without a PVC-free requirement",
            buyer="Lyngholm Kommune",
            address="Indkøb · Stationsvej 20 · 4870 Lyngholm · indkoeb@lyngholm.example",
            expect={
                "PAPER-T01": ok("udbudsbetingelser.pdf", 1, "Svanemærket eller EU-Blomsten eller tilsvarende type"),
                "PAPER-T02": MISSING,
                "LEGAL-T01": ok("kravspecifikation.txt", 1, "FSC- eller PEFC-certificeret eller tilsvarende"),
                "LEGAL-T02": ok("udbudsbetingelser.pdf", 2, "testrapport fra et akkrediteret organ"),
                "LEGAL-T03": NA,
                "LEGAL-T04": NA,
            },
            notes={
                "PAPER-T01": "the Swan/EU Ecolabel paper label is an award criterion (2.1), FSC/PEFC a requirement",
                "PAPER-T02": "roll-ups and banners are bought (lot 3) but nothing requires them PVC-free",
            },
            docs=[
                Doc(
                    name="udbudsbetingelser.pdf",
                    kind="UDBUDSBETINGELSER",
                    title="Udbudsbetingelser – Kopipapir, tryksager og roll-ups",
                    meta=["Lyngholm Kommune · Rammeaftale i tre delaftaler · Sagsnr. 2026-0309"],
                    pages=[
                        [
                            h("1. Udbuddets genstand"),
                            p("Lyngholm Kommune udbyder en rammeaftale i tre delaftaler: Delaftale 1 Kopipapir, "
                              "Delaftale 2 Tryksager og Delaftale 3 Roll-ups og bannere."),
                            kv(("CPV-koder", "30197630-1 Printerpapir, 22000000-0 Tryksager, 79810000-5 Trykning"),
                               ("Aftaleperiode", "2 år med option på forlængelse i 2 x 12 måneder")),
                            h("2. Tildelingskriterier"),
                            clause("2.1", "Delaftale 1 Kopipapir",
                                   "Tildelingskriterierne er Pris (70 %) og Miljø (30 %). Under Miljø evalueres, om "
                                   "kopipapiret er mærket med Svanemærket eller EU-Blomsten eller tilsvarende type "
                                   "I-miljømærke; mærket papir får 10 point, andet papir 0 point."),
                            clause("2.2", "Delaftale 2 og 3",
                                   "Tildelingskriteriet er laveste pris, opgjort efter tilbudslisten."),
                        ],
                        [
                            h("3. Dokumentation"),
                            clause("3.1", "Mærker og anden dokumentation",
                                   "Ordregiver accepterer tilsvarende mærker samt anden passende dokumentation, fx "
                                   "producentens tekniske dossier eller en testrapport fra et akkrediteret organ."),
                            clause("3.2", "Tidsplan",
                                   "Tilbudsfristen er 12. januar 2027 kl. 12.00. Aftalen forventes at træde i kraft "
                                   "1. marts 2027."),
                        ],
                    ],
                ),
                Doc(
                    name="kravspecifikation.txt",
                    kind="BILAG 1",
                    title="Bilag 1 – Kravspecifikation",
                    meta=["Lyngholm Kommune · Kopipapir, tryksager og roll-ups"],
                    pages=[
                        [
                            h("1. Kopipapir"),
                            clause("1.1", "", "Kopipapiret skal være A4, 80 g/m², til laser- og inkjetprintere."),
                            clause("1.2", "", "Træfibre i kopipapir og tryksager skal stamme fra lovligt og "
                                              "bæredygtigt skovbrug og være FSC- eller PEFC-certificeret eller "
                                              "tilsvarende."),
                            h("2. Tryksager"),
                            clause("2.1", "", "Tryksager skal være Svanemærket eller tilsvarende."),
                            clause("2.2", "", "Leverandøren skal levere en digital korrektur senest 2 arbejdsdage "
                                              "efter modtagelse af trykfiler."),
                        ],
                        [
                            h("3. Roll-ups og bannere"),
                            clause("3.1", "", "Roll-ups skal leveres med kassette i aluminium og transporttaske."),
                            clause("3.2", "", "Bannere skal trykkes med vandbaserede farver og leveres med "
                                              "øjer for hver 50 cm."),
                            clause("3.3", "", "Levering skal ske senest 5 arbejdsdage efter godkendt korrektur."),
                        ],
                    ],
                ),
            ],
        ),
    ]


# ---------------------------------------------------------------------------------------------------
# Writers: each returns the lines it drew on every page, and the text of each clause/row, for the checks
# ---------------------------------------------------------------------------------------------------

CELL, CELL_LEAD = 9, 11
PAD = 4
COLS_MM = (13, 87, 32)  # Nr. | Krav | Type | Dokumentation (the rest)
FIXED_TIME = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass
class Drawn:
    """What a writer drew: lines per page, and the full text of each clause and table row (for the 300 limit)."""

    pages: list[list[str]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


def _clause_text(block: Block) -> str:
    _, number, title, body = block
    return " ".join(part for part in (number, title, body) if part)


def _row_text(row: tuple) -> str:
    return " | ".join(row)


def _head(t: TenderSet, d: Doc) -> doc.Letterhead:
    words = WORDS[t.language]
    return doc.Letterhead(t.buyer, d.kind, t.address, d.title, d.meta, words["page"], words["cont"])


class _Pen(doc.Pen):
    """Every block but the first stands half a line below the one before, a heading a whole line; draws numbered
    clauses and requirement tables (under the header row `columns`) too."""

    def __init__(self, c: Canvas, lines: list[str], columns: list[str]):
        super().__init__(c, lines)
        self.columns = columns

    def gap(self, kind: str) -> float:
        return 0 if self.fresh else doc.LEAD if kind == "h" else doc.LEAD / 2

    def other(self, block: Block) -> None:
        if block[0] == "clause":
            _, number, title, body = block
            if title:
                self.line(f"{number} {title}", doc.BOLD, doc.SIZE)
                self.paragraph(body)
            else:
                self.paragraph(f"{number} {body}")
        elif block[0] == "reqs":
            self.table(block[1])
        else:
            super().other(block)

    def table(self, rows: tuple) -> None:
        widths = [w * mm for w in COLS_MM]
        widths.append(self.width - sum(widths))
        cells = []
        for r, row in enumerate([self.columns, *rows]):
            font = doc.BOLD if r == 0 else doc.FONT
            wrapped = []
            for text, width in zip(row, widths, strict=True):
                parts = doc.wrap(text, lambda s, w=width, f=font: stringWidth(s, f, CELL) <= w - 2 * PAD - 1)
                wrapped.append("\n".join(parts))
                self.lines.extend(parts)
            cells.append(wrapped)
        grid = Table(cells, colWidths=widths)
        grid.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), doc.FONT, CELL, CELL_LEAD),
                    ("FONT", (0, 0), (-1, 0), doc.BOLD, CELL, CELL_LEAD),
                    ("BACKGROUND", (0, 0), (-1, 0), doc.HEAD_FILL),
                    ("GRID", (0, 0), (-1, -1), 0.5, doc.GRID_LINE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        _, height = grid.wrapOn(self.c, self.width, self.y)
        top = self.y + doc.SIZE - 2
        if top - height < doc.BOTTOM:
            raise SystemExit(f"page overflow in table row {rows[0][0]!r}")
        grid.drawOn(self.c, self.x, top - height)
        self.y = top - height - doc.LEAD


def _pdf(t: TenderSet, d: Doc, path: Path) -> Drawn:
    columns = WORDS[t.language]["head"]
    pages = doc.write_pdf(
        path,
        _head(t, d),
        d.pages,
        lambda c, lines: _Pen(c, lines, columns),
        creator="procure-check samples/make_tenders.py",
        title_size=16,
    )
    return Drawn(pages, _units(d))


def _docx(t: TenderSet, d: Doc, path: Path) -> Drawn:
    """Paragraphs and 4-column tables; a page break between the pages (the parser starts a new page there)."""
    columns = WORDS[t.language]["head"]

    def other(document: doc.DocxDocument, block: Block) -> list[str] | None:
        if block[0] == "reqs":
            return doc.docx_grid(document, [columns, *block[1]], lambda row, _: row == 0)
        if block[0] != "clause":
            return None
        _, number, title, body = block
        if not title:
            document.add_paragraph(f"{number} {body}")
            return [f"{number} {body}"]
        document.add_paragraph().add_run(f"{number} {title}").bold = True
        document.add_paragraph(body)
        return [f"{number} {title}", body]

    return Drawn(doc.write_docx(path, _head(t, d), d.pages, FIXED_TIME, other), _units(d))


def _txt_block(block: Block) -> list[str] | None:
    kind = block[0]
    if kind == "h":
        return ["", block[1].upper(), ""]
    if kind == "p":
        return [*doc.txt_wrap(block[1]), ""]
    if kind == "kv":
        return doc.txt_kv(block[1])
    if kind == "clause":
        _, number, title, body = block
        return [f"{number} {title}", *doc.txt_wrap(body), ""] if title else [*doc.txt_wrap(f"{number} {body}"), ""]
    return None


def _txt(t: TenderSet, d: Doc, path: Path) -> Drawn:
    """Plain text wrapped at 78 characters; a form feed between pages."""
    first = [f"{t.buyer.upper()} – {d.kind}", "", d.title, *d.meta]
    return Drawn(doc.write_txt(path, _head(t, d), d.pages, first, _txt_block), _units(d))


def _units(d: Doc) -> list[str]:
    """The text of every clause and table row, as the checker would quote it (number, title, body; cells)."""
    out = []
    for blocks in d.pages:
        for block in blocks:
            if block[0] == "clause":
                out.append(_clause_text(block))
            elif block[0] == "reqs":
                out += [_row_text(row) for row in block[1]]
            elif block[0] == "p":
                out.append(block[1])
    return out


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_notice(n: Notice, buyer: str, path: Path) -> Drawn:
    """A minimal eForms contract notice (UBL 2.3, eForms SDK 1.10) with BT-06, BT-774, BT-805 and BT-777 filled."""
    ns = {
        "": "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2",
        "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
        "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
        "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
        "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
        "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
        "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    }
    declarations = "\n".join(
        f'    xmlns{":" + prefix if prefix else ""}="{uri}"' for prefix, uri in ns.items()
    )
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<ContractNotice
{declarations}>
  <ext:UBLExtensions>
    <ext:UBLExtension>
      <ext:ExtensionContent>
        <efext:EformsExtension>
          <efac:NoticeSubType>
            <cbc:SubTypeCode listName="notice-subtype">16</cbc:SubTypeCode>
          </efac:NoticeSubType>
          <efac:Organizations>
            <efac:Organization>
              <efac:Company>
                <cac:PartyIdentification>
                  <cbc:ID schemeName="organization">ORG-0001</cbc:ID>
                </cac:PartyIdentification>
                <cac:PartyName>
                  <cbc:Name languageID="DAN">{_x(buyer)}</cbc:Name>
                </cac:PartyName>
                <cac:PostalAddress>
                  <cbc:StreetName>{_x(n.street)}</cbc:StreetName>
                  <cbc:CityName>{_x(n.city)}</cbc:CityName>
                  <cbc:PostalZone>{n.postcode}</cbc:PostalZone>
                  <cbc:CountrySubentityCode listName="nuts">{n.nuts}</cbc:CountrySubentityCode>
                  <cac:Country>
                    <cbc:IdentificationCode listName="country">DNK</cbc:IdentificationCode>
                  </cac:Country>
                </cac:PostalAddress>
              </efac:Company>
            </efac:Organization>
          </efac:Organizations>
        </efext:EformsExtension>
      </ext:ExtensionContent>
    </ext:UBLExtension>
  </ext:UBLExtensions>
  <cbc:UBLVersionID>2.3</cbc:UBLVersionID>
  <cbc:CustomizationID>eforms-sdk-1.10</cbc:CustomizationID>
  <cbc:ID schemeName="notice-id">{n.notice_id}</cbc:ID>
  <cbc:ContractFolderID>{n.folder_id}</cbc:ContractFolderID>
  <cbc:IssueDate>2026-11-02+01:00</cbc:IssueDate>
  <cbc:IssueTime>09:00:00+01:00</cbc:IssueTime>
  <cbc:VersionID>01</cbc:VersionID>
  <cbc:RegulatoryDomain>32014L0024</cbc:RegulatoryDomain>
  <cbc:NoticeTypeCode listName="competition">cn-standard</cbc:NoticeTypeCode>
  <cbc:NoticeLanguageCode>DAN</cbc:NoticeLanguageCode>
  <cac:ContractingParty>
    <cac:ContractingPartyType>
      <cbc:PartyTypeCode listName="buyer-legal-type">ra</cbc:PartyTypeCode>
    </cac:ContractingPartyType>
    <cac:Party>
      <cac:PartyIdentification>
        <cbc:ID schemeName="organization">ORG-0001</cbc:ID>
      </cac:PartyIdentification>
    </cac:Party>
  </cac:ContractingParty>
  <cac:TenderingProcess>
    <cbc:ProcedureCode listName="procurement-procedure-type">open</cbc:ProcedureCode>
  </cac:TenderingProcess>
  <cac:ProcurementProject>
    <cbc:ID schemeName="InternalID">{n.internal_id}</cbc:ID>
    <cbc:Name languageID="DAN">{_x(n.title)}</cbc:Name>
    <cbc:Description languageID="DAN">{_x(n.description)}</cbc:Description>
    <cbc:ProcurementTypeCode listName="contract-nature">supplies</cbc:ProcurementTypeCode>
    <cac:MainCommodityClassification>
      <cbc:ItemClassificationCode listName="cpv">{n.cpv}</cbc:ItemClassificationCode>
    </cac:MainCommodityClassification>
  </cac:ProcurementProject>
  <cac:ProcurementProjectLot>
    <cbc:ID schemeName="Lot">LOT-0001</cbc:ID>
    <cac:TenderingProcess>
      <cac:TenderSubmissionDeadlinePeriod>
        <cbc:EndDate>{n.deadline}+01:00</cbc:EndDate>
        <cbc:EndTime>12:00:00+01:00</cbc:EndTime>
      </cac:TenderSubmissionDeadlinePeriod>
    </cac:TenderingProcess>
    <cac:ProcurementProject>
      <cbc:ID schemeName="InternalID">{n.internal_id}-1</cbc:ID>
      <cbc:Name languageID="DAN">{_x(n.lot_title)}</cbc:Name>
      <cbc:Description languageID="DAN">{_x(n.lot_description)}</cbc:Description>
      <cbc:ProcurementTypeCode listName="contract-nature">supplies</cbc:ProcurementTypeCode>
      <cac:ProcurementAdditionalType>
        <cbc:ProcurementTypeCode listName="strategic-procurement">env-imp</cbc:ProcurementTypeCode>
        <cbc:ProcurementType languageID="DAN">{_x(n.strategic)}</cbc:ProcurementType>
      </cac:ProcurementAdditionalType>
      <cac:ProcurementAdditionalType>
        <cbc:ProcurementTypeCode listName="environmental-impact">clim-mitig</cbc:ProcurementTypeCode>
      </cac:ProcurementAdditionalType>
      <cac:ProcurementAdditionalType>
        <cbc:ProcurementTypeCode listName="gpp-criteria">national</cbc:ProcurementTypeCode>
      </cac:ProcurementAdditionalType>
      <cac:MainCommodityClassification>
        <cbc:ItemClassificationCode listName="cpv">{n.cpv}</cbc:ItemClassificationCode>
      </cac:MainCommodityClassification>
      <cac:RealizedLocation>
        <cac:Address>
          <cbc:CountrySubentityCode listName="nuts">{n.nuts}</cbc:CountrySubentityCode>
          <cac:Country>
            <cbc:IdentificationCode listName="country">DNK</cbc:IdentificationCode>
          </cac:Country>
        </cac:Address>
      </cac:RealizedLocation>
    </cac:ProcurementProject>
  </cac:ProcurementProjectLot>
</ContractNotice>
"""
    path.write_text(xml, encoding="utf-8", newline="\n")
    texts = [buyer, n.title, n.description, n.lot_title, n.lot_description, n.strategic, f"CPV {n.cpv}"]
    return Drawn(pages=[texts], units=texts)


SHEET = "Kravspecifikation"
XLSX_HEAD = ["Krav-ID", "Krav", "Mindstekrav / Ønske / Tildelingskriterium", "Dokumentation",
             "Leverandørens besvarelse"]


def _xlsx(t: TenderSet, d: Doc, path: Path) -> Drawn:
    """A requirement matrix: title and meta rows, a blank row, the header, one row per requirement with an
    empty answer column; a type cell is merged over the rows after it that have the same type."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([d.title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(XLSX_HEAD))
    for line in d.meta:
        sheet.append([line])
    sheet.append([])
    sheet.append(XLSX_HEAD)
    rows = [row for blocks in d.pages for block in blocks if block[0] == "reqs" for row in block[1]]
    first = sheet.max_row + 1
    for row in rows:
        sheet.append([*row, ""])
    start = 0
    while start < len(rows):
        end = start
        while end + 1 < len(rows) and rows[end + 1][2] == rows[start][2]:
            end += 1
        if end > start:
            sheet.merge_cells(start_row=first + start, start_column=3, end_row=first + end, end_column=3)
        start = end + 1
    workbook.properties.creator = t.buyer
    workbook.properties.created = workbook.properties.modified = FIXED_TIME.replace(tzinfo=None)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(doc.normalise_zip(_fixed_modified(buffer.getvalue()), FIXED_TIME))
    lines = [d.title, *d.meta, *XLSX_HEAD, *(cell for row in rows for cell in row)]
    return Drawn([lines], [_row_text(row) for row in rows])


def _fixed_modified(data: bytes) -> bytes:
    """openpyxl stamps the save time as the workbook's modification time: replace it with FIXED_TIME."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            dst.writestr(info.filename, content)
    return out.getvalue()


def _archive(folder: Path, names: list[str], path: Path) -> None:
    """The files `names` (relative to `folder`) as a ZIP archive, with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, (folder / name).read_bytes())
    path.write_bytes(doc.normalise_zip(buffer.getvalue(), FIXED_TIME))


WRITERS = {"pdf": _pdf, "docx": _docx, "txt": _txt, "xlsx": _xlsx}

# ---------------------------------------------------------------------------------------------------
# Checks, expected.yaml and README
# ---------------------------------------------------------------------------------------------------


def _terms() -> dict:
    return yaml.safe_load((ROOT / "rules" / "tender_terms.yaml").read_text(encoding="utf-8"))


def _pattern(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{w})" for w in ordered) + r")(?![\w])", re.IGNORECASE)


def _group_cpv(group: str) -> list[str]:
    return yaml.safe_load((ROOT / "criteria" / f"{group}.yaml").read_text(encoding="utf-8"))["cpv"]


def check(t: TenderSet, drawn: dict[str, Drawn]) -> list[str]:
    """Problems with a set's expectations, judged against what the writers drew."""
    problems = []
    wanted = GROUPS[t.group] + LEGAL
    if list(t.expect) != wanted:
        problems.append(f"expects {list(t.expect)}, group {t.group} has {wanted}")
    if not 1 <= len(t.files) <= 3:
        problems.append(f"{len(t.files)} files; a set has 1–3")
    text = "\n".join(line for d in drawn.values() for lines in d.pages for line in lines)
    terms = _terms()
    for cid, (verdict, *where) in t.expect.items():
        if verdict in ("pass", "fail") and where:
            file, page, evidence = where
            if file not in drawn:
                problems.append(f"{cid}: no file {file!r} in the set")
                continue
            pages = drawn[file].pages
            if not doc.on_one_line(pages, page, evidence):
                problems.append(f"{cid}: {evidence!r} is not on one line of page {page} of {file}")
            units = [u for u in drawn[file].units if evidence in u]
            if not units:
                problems.append(f"{cid}: {evidence!r} is in no clause, row or paragraph of {file}")
            elif all(u.index(evidence) + len(evidence) > QUOTE_LIMIT for u in units):
                problems.append(f"{cid}: {evidence!r} lies beyond the first {QUOTE_LIMIT} characters of its clause")
        elif verdict == "fail":
            topic = MISSING_TOPIC.get(cid)
            if topic is None:
                problems.append(f"{cid}: a missing requirement needs its topic in MISSING_TOPIC")
            else:
                hits = _pattern(terms["topics"][topic]).findall(text)
                if hits:
                    problems.append(f"{cid} is expected missing but the set mentions {sorted(set(hits))}")
    if t.expect["LEGAL-T02"][0] == "fail":
        hits = _pattern(terms["other_proof"]).findall(text)
        if hits:
            problems.append(f"LEGAL-T02 expects fail but the set accepts other proof: {sorted(set(hits))}")
    if t.expect["LEGAL-T03"][0] == "not_applicable":
        named = _pattern([re.escape(b) for b in terms["brands"]]).findall(text)
        named += _pattern(terms["standards"]).findall(text)
        if named:
            problems.append(f"LEGAL-T03 expects not_applicable but the set names {sorted(set(named))}")
    codes = re.findall(r"(?<!\d)(\d{8})(?:-\d)?(?!\d)", text)
    if not any(code.startswith(prefix) for code in codes for prefix in _group_cpv(t.group)):
        problems.append(f"no CPV code of group {t.group} in {codes}")
    return [f"{t.folder}: {problem}" for problem in problems]


def tenders_yaml(sets: list[TenderSet]) -> str:
    return doc.expected_yaml(
        [
            "Expected verdicts for the sample tender sets. Generated by samples/make_tenders.py; do not edit.",
            "folder: relative to samples/; the set is every file in it (one folder = one tender).",
            "file, page: where the evidence is (DOCX: pages split at page breaks; TXT: at form feeds).",
            "evidence: an exact substring of the quoted requirement, within one printed line or table cell.",
            'A fail without evidence is a requirement missing from the tender ("not found in the tender").',
        ],
        AS_OF,
        "tenders",
        [
            (
                {
                    "folder": t.folder,
                    "group": t.group,
                    "language": t.language,
                    "files": f"[{', '.join(t.files)}]",
                    "shows": doc.yaml_str(t.shows),
                },
                t.expect,
            )
            for t in sets
        ],
        ["file", "page", "evidence"],
    )


README_HEAD = """# Sample tender sets

`samples/tenders/` holds {count} sample tender sets ("udbudsmateriale"), one folder per tender, with 1–3
files each (PDF, DOCX, TXT, one eForms notice, an Excel requirement matrix, and one set handed out as a ZIP
archive). They cover {groups} groups: {group_list}. Most are Danish;
{english} are English. `expected.yaml` gives, for every set, its product group and the verdict procure-check
should reach for every tender criterion of that group and for the legal checks LEGAL-T01..T04, with the file,
page and a short evidence string for each pass and for each fail that rests on a clause.

Buyers, addresses, case numbers and notice ids are invented (web and mail addresses use `.example`). Brand
names (Ajax, Nilfisk, Rational, Intel, Windows, Philips) appear only where a tender names a brand, which is
what LEGAL-T03 is about.

Run the check the way the tests do:

```sh
procure-check tender samples/tenders/rengoering_fjordby_ok --as-of {as_of}
```

## Regenerating

```sh
python samples/make_tenders.py
```

Run it from the repository root. It deletes and rewrites the tender folders, `expected.yaml` and this README.
Output is byte-for-byte reproducible (reportlab invariant mode; DOCX with fixed core properties and zip
timestamps; the notice is fixed text). Don't edit the generated files; change the set definitions in
`make_tenders.py`. Before writing anything it checks every set and exits non-zero if one fails:

- every tender criterion of the group and LEGAL-T01..T04 has an expectation;
- every evidence string is on one drawn line (or table cell line) of the stated page of the stated file, and
  within the first {limit} characters of its clause or table row (the checker quotes up to 300);
- a criterion expected to fail because the requirement is missing has none of its topic's words
  (`rules/tender_terms.yaml`) anywhere in the set; LEGAL-T02 fails only where nothing accepts other proof;
  LEGAL-T03 is `not_applicable` only where no brand or standard is named;
- the set names a CPV code of its group.

## How the sets are built

- Requirements come as numbered clauses ("4.1 Miljømærkning" on its own line, then the text, or "3.4 Reservedele
  skal …" inline) and as requirement tables with the columns Nr. | Krav | Type | Dokumentation (English:
  No. | Requirement | Type | Documentation), Type being Mindstekrav / Ønske (Minimum requirement / Wish).
  Award criteria say "tildelingskriterium", "evalueres", "point" (English: "award criterion", "evaluated").
- `rengoering_solbakke_zip` is one ZIP archive, as a tender portal hands it out; its evidence is cited by the path
  inside the archive (`udbud.zip/bilag/bilag_1_kravspecifikation.docx`). `tekstiler_engholm_kravmatrix` has its
  requirements in an Excel matrix (`kravmatrix.xlsx`, sheet `Kravspecifikation`): title rows above the header,
  one row per requirement, the type (Mindstekrav / Ønske) in a cell merged over the rows it applies to.
- Every file that matters has two or more pages, and the evidence is deliberately on page 2 for some verdicts.
  DOCX files get their pages from explicit page breaks.
- The group is never given: each set names CPV codes of its group (and its scope words), so the group is
  detected.
- A `pass` for LEGAL-T01..T04 means every label requirement, brand/standard reference or partial label
  requirement in the set is in order; `not_applicable` means the set has none.
- The group's own label criterion (CLEAN-T01, TEXT-T01, PAPER-T01) judges whether the green requirement is
  there and strong enough (skal, or an award criterion; "bør" is not enough). A label requirement that lacks
  "eller tilsvarende" still counts there: the legal defect is LEGAL-T01's finding, not a second failure.

## The sets
"""


def readme(sets: list[TenderSet], pages: dict[str, dict[str, int]]) -> str:
    groups = list(dict.fromkeys(t.group for t in sets))
    out = [README_HEAD.format(
        count=len(sets), groups=len(groups), group_list=", ".join(f"`{g}`" for g in groups),
        english=sum(t.language == "en" for t in sets), as_of=AS_OF, limit=QUOTE_LIMIT,
    )]
    for t in sets:
        names = [t.where(d) for d in t.docs] if t.archive else t.files
        files = ", ".join(
            f"`{name}`" + (f" ({pages[t.folder][name]} pages)" if pages[t.folder].get(name, 1) > 1 else "")
            for name in names
        )
        if t.archive:
            files = f"`{t.archive}`, holding {files}"
        out += [
            f"### `{t.folder.split('/', 1)[1]}` ({t.group}, {t.language})",
            "",
            f"{t.buyer}. Files: {files}.",
            "",
            f"Shows: {t.shows}.",
            "",
        ]
        rows = []
        for cid, (verdict, *where) in t.expect.items():
            note = t.notes.get(cid, "")
            if where:
                file, page, evidence = where
                rows.append([cid, verdict, f"`{file}`", str(page), f'"{evidence}"', note])
            else:
                why = note or ("not found in the tender" if verdict == "fail" else "")
                rows.append([cid, doc.verdict_label(verdict), "", "", "", why])
        out += [*doc.md_table(["criterion", "expected", "file", "page", "evidence", "why"], rows), ""]
    return "\n".join(out)


def main() -> int:
    sets = [*cleaning_sets(), *textile_sets(), *kitchen_sets(), *it_sets(), *lighting_sets(), *paper_sets(),
            *package_sets()]
    if len({t.folder for t in sets}) != len(sets):
        print("duplicate folder names", file=sys.stderr)
        return 1
    TENDERS.mkdir(exist_ok=True)
    for old in TENDERS.iterdir():
        if old.is_dir():
            shutil.rmtree(old)
    problems: list[str] = []
    pages: dict[str, dict[str, int]] = {}
    for t in sets:
        folder = HERE / t.folder
        folder.mkdir(parents=True)
        with tempfile.TemporaryDirectory() as staging:
            target = Path(staging) if t.archive else folder
            drawn = {}
            for d in t.docs:
                (target / d.name).parent.mkdir(parents=True, exist_ok=True)
                drawn[t.where(d)] = WRITERS[d.format](t, d, target / d.name)
            if t.notice:
                drawn[t.notice.name] = write_notice(t.notice, t.buyer, target / t.notice.name)
            if t.archive:
                _archive(target, sorted(d.name for d in t.docs), folder / t.archive)
        pages[t.folder] = {name: len(d.pages) for name, d in drawn.items()}
        problems += check(t, drawn)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    (TENDERS / "expected.yaml").write_text(tenders_yaml(sets), encoding="utf-8")
    (TENDERS / "README.md").write_text(readme(sets, pages), encoding="utf-8")
    print(f"wrote {len(sets)} tender sets to {TENDERS.relative_to(ROOT)}, expected.yaml and README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
