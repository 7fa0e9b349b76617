"""The benchmark's inputs, generated deterministically (seeded): a long tender PDF, one- and two-page
product data sheets as PDFs, and a product list as CSV. Used by `bench/run.py`.

The texts are built from the same kinds of lines as the samples (`samples/`): titles that name the
product type, label claims with licence numbers, energy classes, doses, fibre compositions, numbered
tender clauses and requirement tables with ruling lines (which pdfplumber's table finder has to read).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

WIDTH, HEIGHT = A4
MARGIN = 20 * mm
FONT, BOLD, SIZE = "Helvetica", "Helvetica-Bold", 9.5
LEADING = SIZE * 1.35

# ---------------------------------------------------------------------------------------------------
# Products: (title, key-value pairs, paragraphs) per kind, with random variation
# ---------------------------------------------------------------------------------------------------


def _cleaning(rnd: random.Random) -> tuple[str, list[tuple[str, str]], list[str]]:
    name = rnd.choice(["Allrengøring", "Gulvvask", "Sanitetsrengøring", "Universalrengøring"])
    label = rnd.choice([
        f"Produktet er svanemærket, licens nr. 5041 {rnd.randint(1000, 9999)}.",
        "Produktet er ikke svanemærket.",
        f"EU Ecolabel, registreringsnr. DK/020/{rnd.randint(100, 999)}.",
        "Ansøgning om Svanemærket er indsendt.",
    ])
    dose = rnd.choice([f"{rnd.choice([10, 20, 25, 50])} ml pr. 5 l vand", "efter behov"])
    fragrance = rnd.choice(["parfumefri", "indeholder parfume (citrus)", "uden parfume og farvestoffer"])
    form = rnd.choice(["flydende koncentrat", "gel", "spray med pumpe", "aerosol med drivgas (butan/propan)"])
    kv = [("Varenr.", f"40-{rnd.randint(1000, 9999)}"), ("Form", form), ("Dosering", dose),
          ("pH", f"{rnd.randint(6, 11)},{rnd.randint(0, 9)}"), ("Pakning", f"{rnd.choice([1, 5, 10])} l")]
    paragraphs = [
        f"{name} er et rengøringsmiddel til daglig rengøring af vaskbare overflader, gulve og inventar i "
        "institutioner, kontorer og skoler. Det tørrer hurtigt og efterlader en ren overflade.",
        f"Miljø: {label} Produktet er {fragrance}.",
        "Under 5 % nonioniske tensider, under 5 % anioniske tensider, kompleksbinder, vand.",
    ]
    return f"{name} – rengøringsmiddel {rnd.randint(1, 99)}", kv, paragraphs


def _lighting(rnd: random.Random) -> tuple[str, list[tuple[str, str]], list[str]]:
    watt = rnd.choice([4.2, 5.9, 7.5, 8.8, 11.0])
    lumen = int(watt * rnd.choice([90, 110, 135, 160, 210]))
    cls = rnd.choice(["A", "B", "C", "D", "E", "F"])
    kv = [("Sokkel", rnd.choice(["E27", "E14", "GU10"])), ("Effekt", f"{watt:.1f} W".replace(".", ",")),
          ("Lysstrøm", f"{lumen} lm"), ("Energiklasse", cls), ("Levetid", f"{rnd.choice([15, 25, 50])}.000 timer"),
          ("Farvetemperatur", f"{rnd.choice([2700, 3000, 4000])} K")]
    paragraphs = ["LED pære til almen belysning i kontorer, institutioner og boliger. Dæmpbar med "
                  "trailing-edge lysdæmpere.",
                  f"Energiklasse {cls} efter forordning (EU) 2019/2015."]
    return f"LED pære {kv[0][1]} {lumen} lm", kv, paragraphs


def _paper(rnd: random.Random) -> tuple[str, list[tuple[str, str]], list[str]]:
    recycled = rnd.choice([0, 50, 100])
    label = rnd.choice([f"FSC Recycled, licens FSC-C0{rnd.randint(10000, 99999)}",
                        "EU Ecolabel, reg.nr. FR/011/003", "Svanemærket, licens 3041 0021", "ingen miljømærkning"])
    kv = [("Format", "A4, 210 × 297 mm"), ("Gramvægt", f"{rnd.choice([70, 75, 80])} g/m²"),
          ("Genbrugsfibre", f"{recycled} %"), ("Miljømærke", label), ("Hvidhed", f"CIE {rnd.randint(140, 170)}")]
    paragraphs = ["Kopipapir til laserprintere, inkjet og kopimaskiner. Pakket i ris á 500 ark.",
                  "Emballagen er af genbrugspap."]
    return f"Kopipapir A4 {kv[1][1]}", kv, paragraphs


def _it(rnd: random.Random) -> tuple[str, list[tuple[str, str]], list[str]]:
    size = rnd.choice([22, 24, 27, 32])
    cls = rnd.choice(["A", "B", "C", "D", "E", "F", "G"])
    label = rnd.choice(["TCO Certified, generation 10", "TCO Certified generation 9", "EPEAT Gold",
                        "Energy Star 8.0", "ikke TCO-certificeret"])
    kv = [("Skærmstørrelse", f"{size} tommer"), ("Opløsning", "2560 × 1440"), ("Energiklasse", cls),
          ("Effekt i tændt tilstand", f"{rnd.randint(11, 40)} W"), ("Miljømærke", label),
          ("Garanti", f"{rnd.choice([2, 3, 5])} år")]
    paragraphs = [f"Skærm {size}\" med IPS-panel, justerbar fod og USB-C med 65 W strømforsyning.",
                  "Reservedele kan leveres i mindst 5 år efter produktionens ophør."]
    return f"Skærm {size} tommer, model {rnd.randint(100, 999)}", kv, paragraphs


def _textiles(rnd: random.Random) -> tuple[str, list[tuple[str, str]], list[str]]:
    cotton = rnd.choice([100, 80, 60, 50])
    label = rnd.choice([f"OEKO-TEX Standard 100, certifikat 21.HDK.{rnd.randint(10000, 99999)}",
                        f"GOTS, licens CU {rnd.randint(100000, 999999)}", "Svanemærket",
                        "ingen miljømærkning"])
    kv = [("Materiale", f"{cotton} % bomuld" + (f", {100 - cotton} % polyester" if cotton < 100 else "")),
          ("Vægt", f"{rnd.choice([400, 450, 500])} g/m²"), ("Størrelse", "70 × 140 cm"), ("Miljømærke", label),
          ("Vask", f"{rnd.choice([60, 90])} °C")]
    paragraphs = ["Badehåndklæde i frotté til institutioner, hoteller og plejecentre.",
                  "Tåler industrivask og tørretumbling."]
    return f"Badehåndklæde frotté {cotton} % bomuld", kv, paragraphs


KINDS = [_cleaning, _lighting, _paper, _it, _textiles]


def product(rnd: random.Random) -> tuple[str, list[tuple[str, str]], list[str]]:
    return rnd.choice(KINDS)(rnd)


# ---------------------------------------------------------------------------------------------------
# PDF writing
# ---------------------------------------------------------------------------------------------------


def _wrap(text: str, width: float, font: str = FONT, size: float = SIZE) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


class _Pen:
    """Writes text top to bottom, starting new pages as needed."""

    def __init__(self, canvas: Canvas, header: str, rule: bool = False):
        self.canvas, self.header, self.page, self.rule = canvas, header, 0, rule
        self.y = 0.0
        self._new_page(first=True)

    def _new_page(self, first: bool = False) -> None:
        if not first:
            self.canvas.showPage()
        self.page += 1
        self.canvas.setFont(FONT, 7.5)
        self.canvas.drawString(MARGIN, HEIGHT - 12 * mm, self.header)
        if self.rule:
            self.canvas.setLineWidth(0.5)
            self.canvas.line(MARGIN, HEIGHT - 13.5 * mm, WIDTH - MARGIN, HEIGHT - 13.5 * mm)
        self.canvas.drawRightString(WIDTH - MARGIN, 10 * mm, f"Side {self.page}")
        self.y = HEIGHT - 22 * mm

    def need(self, height: float) -> None:
        if self.y - height < 18 * mm:
            self._new_page()

    def line(self, text: str, font: str = FONT, size: float = SIZE, x: float = MARGIN) -> None:
        self.need(size * 1.4)
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.y - size, text)
        self.y -= size * 1.4

    def paragraph(self, text: str) -> None:
        for line in _wrap(text, WIDTH - 2 * MARGIN):
            self.line(line)
        self.y -= 4

    def heading(self, text: str) -> None:
        self.need(40)
        self.y -= 4
        self.line(text, BOLD, 11)

    def kv(self, pairs: list[tuple[str, str]]) -> None:
        for key, value in pairs:
            self.need(LEADING)
            self.canvas.setFont(BOLD, SIZE)
            self.canvas.drawString(MARGIN, self.y - SIZE, key)
            self.canvas.setFont(FONT, SIZE)
            self.canvas.drawString(MARGIN + 55 * mm, self.y - SIZE, value)
            self.y -= LEADING
        self.y -= 4

    def table(self, rows: list[list[str]], widths: list[float]) -> None:
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph

        style = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5)
        cells = [[Paragraph(cell, style) for cell in row] for row in rows]
        table = Table(cells, colWidths=widths)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        _, height = table.wrap(WIDTH - 2 * MARGIN, HEIGHT)
        self.need(height + 6)
        table.drawOn(self.canvas, MARGIN, self.y - height)
        self.y -= height + 8


def write_sheet(path: Path, rnd: random.Random, pages: int) -> None:
    """A product data sheet of one or two pages."""
    title, kv, paragraphs = product(rnd)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    pen = _Pen(canvas, f"PRODUKTDATABLAD · Leverandør {rnd.randint(1, 200)} A/S · www.leverandoer.example")
    pen.line(title, BOLD, 15)
    pen.line(f"Udgave {rnd.randint(1, 9)} · {rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.2026", size=8)
    pen.heading("Beskrivelse")
    pen.paragraph(paragraphs[0])
    pen.heading("Tekniske data")
    pen.kv(kv)
    pen.heading("Miljø og sundhed")
    for text in paragraphs[1:]:
        pen.paragraph(text)
    if pages > 1:
        pen._new_page()
        pen.heading("Sikkerhed og håndtering")
        for _ in range(rnd.randint(4, 8)):
            pen.paragraph(
                "Opbevares utilgængeligt for børn. Undgå kontakt med øjnene. Ved kontakt med øjnene skylles "
                "grundigt med vand i flere minutter. Produktet er ikke klassificeret som farligt i henhold til "
                "forordning (EF) nr. 1272/2008 (CLP). Sikkerhedsdatablad findes på leverandørens hjemmeside."
            )
        pen.heading("Emballage og bortskaffelse")
        pen.paragraph("Emballagen kan afleveres til genanvendelse som plast. Rester bortskaffes efter lokale regler.")
    canvas.showPage()
    canvas.save()


def write_sheets(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """`count` data sheets, about a third of them two pages long."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = folder / f"sheet_{number:04d}.pdf"
        write_sheet(path, rnd, pages=2 if number % 3 == 0 else 1)
        paths.append(path)
    return paths


_PROSE = [
    "Ordregiver forbeholder sig ret til at kontrollere dokumentationen i hele kontraktperioden.",
    "Leverandøren skal på forlangende fremsende sikkerhedsdatablade og produktdatablade for de tilbudte produkter.",
    "Leverancer sker til ca. {n} adresser i kommunen, herunder skoler, daginstitutioner og plejecentre.",
    "Leveringstiden må ikke overstige {d} arbejdsdage fra ordreafgivelse.",
    "Leverandøren bærer risikoen for varen, indtil levering har fundet sted på den anviste adresse.",
    "Priserne er faste i det første kontraktår og reguleres derefter én gang årligt efter nettoprisindekset.",
    "Fakturering sker elektronisk via NemHandel i OIOUBL-format med angivelse af ordregivers EAN-nummer.",
    "Betalingsfristen er {d}0 dage fra modtagelsen af en korrekt faktura.",
    "Tilbudsgiver skal i tilbuddet angive en kontaktperson, der har ansvaret for kontraktens opfyldelse.",
    "Ordregiver afholder statusmøder med leverandøren mindst {d} gange årligt.",
    "Reklamationer skal behandles inden for {d} arbejdsdage, og fejlbehæftede varer ombyttes uden beregning.",
    "Leverandøren må kun anvende underleverandører efter forudgående skriftlig aftale med ordregiver.",
    "Leverandøren skal have en ansvarsforsikring med en dækning på mindst {n} mio. kr. pr. skade.",
    "Oplysninger, som parterne modtager i forbindelse med kontrakten, skal behandles fortroligt.",
    "Behandling af personoplysninger sker i overensstemmelse med databeskyttelsesforordningen.",
    "Kontrakten kan opsiges af ordregiver med {d} måneders varsel til udgangen af en måned.",
    "Ved væsentlig misligholdelse kan ordregiver hæve kontrakten helt eller delvist.",
    "Tvister afgøres efter dansk ret ved de almindelige domstole med Retten i Fjordby som værneting.",
    "Spørgsmål til udbudsmaterialet stilles skriftligt via udbudssystemet senest {d} dage før tilbudsfristen.",
    "Tilbuddet skal være skrevet på dansk og være gyldigt i {d} måneder efter tilbudsfristen.",
    "Ordregiver evaluerer tilbuddene på grundlag af tildelingskriteriet bedste forhold mellem pris og kvalitet.",
    "Leverandøren skal sikre, at varerne leveres i den emballage, der er aftalt ved ordreafgivelsen.",
    "Der gennemføres en opstartsmøde senest {d} uger efter kontraktens indgåelse.",
    "Leverandøren skal løbende oplyse ordregiver om ændringer i sortimentet og om udgåede varer.",
    "Ordregiver kan kræve dokumentation for, at leverandøren overholder sine forpligtelser over for ansatte.",
    "Statistik over køb fordelt på institutioner og varenumre fremsendes kvartalsvis i regneark.",
]
_GREEN = [
    "Rengøringsmidler skal være mærket med Svanemærket eller EU-Blomsten eller tilsvarende. Som dokumentation "
    "accepteres licensnummer, producentens tekniske dossier eller en testrapport fra et akkrediteret organ.",
    "Produkter må ikke leveres i spraydåser eller sprayflasker med drivgas.",
    "Alle produkter skal have en tydelig doseringsvejledning på emballagen.",
    "Tilbudsgiver bør tilbyde parfumefri produkter, hvor det er muligt.",
]
_TABLE_ROWS = [
    "Leverandøren skal kunne levere hele sortimentet inden for aftalt leveringstid.",
    "Varerne skal leveres på paller, der kan håndteres med palleløfter.",
    "Leverandøren skal tilbyde instruktion i korrekt brug af produkterne.",
    "Leverandøren skal stille en webshop til rådighed for bestilling.",
    "Ordrebekræftelse sendes elektronisk senest dagen efter bestilling.",
    "Emballagen skal være mærket med produktnavn og varenummer.",
]


def _sentence(rnd: random.Random) -> str:
    return rnd.choice(_PROSE).format(n=rnd.randint(20, 200), d=rnd.randint(2, 9))


def write_tender(path: Path, pages: int, seed: int = 2) -> None:
    """A tender of `pages` pages: numbered clauses of varied prose (a green requirement in about one
    clause in twelve), a header rule on every page and a ruled requirement table every tenth page."""
    rnd = random.Random(seed)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    pen = _Pen(canvas, "Fjordby Kommune · Udbudsbetingelser · Rammeaftale om rengøringsmidler · Sagsnr. 2026-0412",
               rule=True)
    pen.line("Udbudsbetingelser – Rammeaftale om rengøringsmidler", BOLD, 15)
    pen.kv([("CPV-kode", "39830000-9 Rengøringsmidler"), ("Udbudsform", "Offentligt udbud"),
            ("Tilbudsfrist", "15. januar 2027 kl. 12.00")])
    section = requirement = 0
    tabled = 0
    while pen.page < pages:
        section += 1
        pen.heading(f"{section}. Afsnit {section}")
        for clause in range(1, rnd.randint(3, 8)):
            if pen.page >= pages:
                break
            pen.line(f"{section}.{clause} Bestemmelse {section}.{clause}", BOLD)
            text = rnd.choice(_GREEN) if rnd.random() < 1 / 12 else " ".join(
                _sentence(rnd) for _ in range(rnd.randint(2, 6)))
            pen.paragraph(text)
            if pen.page % 10 == 0 and pen.page != tabled:
                tabled = pen.page
                rows = [["Nr.", "Krav", "Type", "Dokumentation"]]
                for _ in range(rnd.randint(4, 7)):
                    requirement += 1
                    text = rnd.choice(_GREEN[:3]) if rnd.random() < 0.25 else rnd.choice(_TABLE_ROWS)
                    rows.append([f"K{requirement}", text, rnd.choice(["Mindstekrav", "Ønske"]),
                                 "Licensnummer eller teknisk dossier"])
                pen.table(rows, [14 * mm, 92 * mm, 26 * mm, 38 * mm])
    canvas.showPage()
    canvas.save()


_PRODUCTS = ["Universalrengøringsmidler", "Gulvvaskemidler", "Sanitetsrengøringsmidler", "Opvaskemidler",
             "Håndsæber", "Glasrengøringsmidler", "Toiletrengøringsmidler", "Afkalkningsmidler"]
_LABELS = ["Svanemærket", "EU-Blomsten", "Svanemærket eller EU-Blomsten"]


def write_dense_tender(path: Path, pages: int, seed: int = 4) -> None:
    """A requirement-dense kravspecifikation of `pages` pages: every page a heading, six numbered label
    requirements with "eller tilsvarende" and a ruled Nr. | Krav | Type | Dokumentation table of three rows."""
    rnd = random.Random(seed)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    pen = _Pen(canvas, "Fjordby Kommune · Bilag 1 Kravspecifikation · Rengøringsmidler · Sagsnr. 2026-0412",
               rule=True)
    requirement = 0
    for section in range(1, pages + 1):
        if section > 1:
            pen._new_page()
        if section == 1:
            pen.line("Bilag 1 – Kravspecifikation, rammeaftale om rengøringsmidler (CPV 39830000-9)", BOLD, 13)
        pen.heading(f"{section}. Miljøkrav til produktgruppe {section}")
        for clause in range(1, 7):
            product, label = rnd.choice(_PRODUCTS), rnd.choice(_LABELS)
            pen.paragraph(f"{section}.{clause} {product} skal være mærket med {label} eller tilsvarende. "
                          f"Kravet gælder alle varer i delaftale {rnd.randint(1, 4)}.")
        rows = [["Nr.", "Krav", "Type", "Dokumentation"]]
        for _ in range(3):
            requirement += 1
            rows.append([f"K{requirement}", f"{rnd.choice(_PRODUCTS)} skal være mærket med {rnd.choice(_LABELS)} "
                         "eller tilsvarende.", "Mindstekrav", "Licensnummer eller teknisk dossier"])
        pen.table(rows, [14 * mm, 92 * mm, 26 * mm, 38 * mm])
    canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------------------------------
# Product list (CSV)
# ---------------------------------------------------------------------------------------------------

CSV_COLUMNS = ["Varenummer", "Produktnavn", "Beskrivelse", "Miljømærke", "Dosering", "Energiklasse", "Effekt",
               "Lysstrøm", "Materiale", "Genbrugsfibre"]


def _row(rnd: random.Random, number: int) -> dict[str, str]:
    title, kv, paragraphs = product(rnd)
    values = dict(kv)
    row = {"Varenummer": f"{100000 + number}", "Produktnavn": title, "Beskrivelse": paragraphs[0]}
    label = values.get("Miljømærke") or next((text for text in paragraphs if "mærke" in text.lower()), "")
    row["Miljømærke"] = label.removeprefix("Miljø: ")
    for column in ("Dosering", "Energiklasse", "Effekt", "Lysstrøm", "Materiale", "Genbrugsfibre"):
        row[column] = values.get(column, "")
    return row


def product_rows(count: int, seed: int = 3) -> Iterator[dict[str, str]]:
    rnd = random.Random(seed)
    for number in range(1, count + 1):
        yield _row(rnd, number)


def write_csv(path: Path, rows: int, seed: int = 3) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(product_rows(rows, seed))
