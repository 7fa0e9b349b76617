"""TED notices in the standard forms before eForms (R2.0.9 `TED_EXPORT`): CPV codes, the original form's texts
in its language, award criteria with weights, and no group guessed for a language the checks cannot read."""

from datetime import date
from pathlib import Path

from procure_check.catalogue import load_catalogue
from procure_check.check import Checker
from procure_check.document import Line, Page
from procure_check.extract.pagetext import PageText
from procure_check.extract.products import find_product_types
from procure_check.facts import fact_ids
from procure_check.parse import parse_document

NS = "http://publications.europa.eu/resource/schema/ted/R2.0.9/publication"


def _notice(language: str, title: str, text: str, cpv: str = "39830000") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TED_EXPORT xmlns="{NS}" VERSION="R2.0.9.S03.E01">
  <CODED_DATA_SECTION><NOTICE_DATA><ORIGINAL_CPV CODE="{cpv}">Rengøringsmidler</ORIGINAL_CPV></NOTICE_DATA>
  </CODED_DATA_SECTION>
  <TRANSLATION_SECTION><ML_TITLES><ML_TI_DOC LG="EN"><TI_TEXT><P>Translated title: textiles</P></TI_TEXT>
  </ML_TI_DOC></ML_TITLES></TRANSLATION_SECTION>
  <FORM_SECTION>
    <F02_2014 CATEGORY="TRANSLATION" FORM="F02" LG="EN"><OBJECT_CONTRACT><TITLE><P>Translated</P></TITLE>
    </OBJECT_CONTRACT></F02_2014>
    <F02_2014 CATEGORY="ORIGINAL" FORM="F02" LG="{language}">
      <CONTRACTING_BODY><ADDRESS_CONTRACTING_BODY><OFFICIALNAME>Tekstilvej Kommune</OFFICIALNAME>
      </ADDRESS_CONTRACTING_BODY></CONTRACTING_BODY>
      <OBJECT_CONTRACT>
        <TITLE><P>{title}</P></TITLE>
        <CPV_MAIN><CPV_CODE CODE="{cpv}"/></CPV_MAIN>
        <OBJECT_DESCR ITEM="1">
          <CPV_ADDITIONAL><CPV_CODE CODE="33760000"/></CPV_ADDITIONAL>
          <MAIN_SITE><P>Fjordby</P></MAIN_SITE>
          <SHORT_DESCR><P>{text}</P></SHORT_DESCR>
          <AC><AC_QUALITY><AC_CRITERION>Miljø</AC_CRITERION><AC_WEIGHTING>30</AC_WEIGHTING></AC_QUALITY>
          <AC_PRICE><AC_WEIGHTING>70</AC_WEIGHTING></AC_PRICE></AC>
        </OBJECT_DESCR>
      </OBJECT_CONTRACT>
    </F02_2014>
  </FORM_SECTION>
</TED_EXPORT>
"""


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "notice.xml"
    path.write_text(content, encoding="utf-8")
    return path


def test_original_form_texts_cpv_and_award_criteria(tmp_path: Path):
    text = "Produkterne bør være svanemærkede (sølvniveau). Leverandøren skal levere ugentligt."
    document = parse_document(_write(tmp_path, _notice("DA", "Rengøringsmidler 2026", text)))
    lines = [line.text for line in document.pages[0].lines]
    assert document.notice.cpv == ["39830000", "33760000"]
    assert document.language == "da"
    # Sentences apart, so a wish and a requirement in one paragraph are not read as one requirement.
    assert lines[:3] == ["Rengøringsmidler 2026", "Produkterne bør være svanemærkede (sølvniveau).",
                         "Leverandøren skal levere ugentligt."]
    assert "Tildelingskriterium: Miljø – vægtning 30" in lines
    assert "Tildelingskriterium: Pris – vægtning 70" in lines
    joined = "\n".join(lines)
    assert "Translated" not in joined and "Tekstilvej" not in joined and "Fjordby" not in joined


def test_award_words_follow_the_notice_language(tmp_path: Path):
    document = parse_document(_write(tmp_path, _notice("DE", "Reinigungsmittel", "Lieferung.")))
    assert "Zuschlagskriterium: Miljø – Gewichtung 30" in [line.text for line in document.pages[0].lines]


def test_group_by_cpv_and_no_guess_in_an_unread_language(tmp_path: Path):
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22))
    danish = checker.check_tender([_write(tmp_path, _notice("DA", "Rengøringsmidler", "Levering af rengøring."))])
    assert (danish.group, danish.group_source) == ("cleaning", "cpv")
    polish = checker.check_tender([_write(tmp_path, _notice("PL", "Środki czyszczące", "Dostawa środków."))])
    assert polish.error.code == "no_group" and "(pl;" in polish.error.message
    forced = checker.check_tender([tmp_path / "notice.xml"], group="cleaning")
    assert forced.error is None and forced.group == "cleaning"


def test_a_notice_buying_nothing_of_the_catalogue_gets_no_group(tmp_path: Path):
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22))
    # Works and bus services whose texts name buses and mats: the CPV codes say what is bought.
    works = _notice("DA", "Ladeinfrastruktur til elbusser", "Levering til busserne og måtter.", cpv="45000000")
    report = checker.check_tender([_write(tmp_path, works.replace("33760000", "60112000"))])
    assert report.error.code == "no_group" and "45000000, 60112000" in report.error.message


def test_a_broader_cpv_code_over_a_group_counts(tmp_path: Path):
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22))
    equipment = _notice("DA", "IT-udstyr", "Levering af computerudstyr.", cpv="30200000")
    report = checker.check_tender([_write(tmp_path, equipment.replace("33760000", "30200000"))])
    assert report.error is None and report.group == "it"


def test_verbs_that_look_like_products_are_no_product_types():
    def types(text: str, language: str) -> list[str]:
        page = PageText(Page(number=1, lines=[Line(text=text)]))
        return [found.type for found in find_product_types(page, fact_ids(), language)]

    assert types("Det var uklart, om leverandøren måtte bruge underleverandører.", "da") == []
    assert types("Levering af dørmåtter til indgangen.", "da") == ["mat"]
    assert types("Avtalet har sedan 2021 gällt konsulttjänster.", "sv") == []


def _eforms(languages: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  {languages}
  <cac:ProcurementProject>
    <cbc:Name>Productos de limpieza</cbc:Name>
    <cac:MainCommodityClassification>
      <cbc:ItemClassificationCode listName="cpv">39830000</cbc:ItemClassificationCode>
    </cac:MainCommodityClassification>
  </cac:ProcurementProject>
</ContractNotice>
"""


def test_an_eforms_notice_in_an_unread_language_gets_no_group_unless_a_parallel_text_is_read(tmp_path: Path):
    checker = Checker(load_catalogue(), as_of=date(2026, 11, 22))
    spanish = _write(tmp_path, _eforms("<cbc:NoticeLanguageCode>SPA</cbc:NoticeLanguageCode>"))
    report = checker.check_tender([spanish])
    assert report.error.code == "no_group" and "(spa;" in report.error.message
    parallel = "<cbc:NoticeLanguageCode>FIN</cbc:NoticeLanguageCode>" \
               "<cac:AdditionalNoticeLanguage><cbc:ID>SWE</cbc:ID></cac:AdditionalNoticeLanguage>"
    assert parse_document(_write(tmp_path, _eforms(parallel))).language == "sv"
    assert checker.check_tender([tmp_path / "notice.xml"]).group == "cleaning"


def test_the_r208_forms(tmp_path: Path):
    """Before 2016 the forms had other names (CONTRACT, FD_CONTRACT) and award criteria (CRITERIA_DEFINITION)."""
    notice = """<?xml version="1.0" encoding="UTF-8"?>
<TED_EXPORT xmlns="http://publications.europa.eu/TED_schema/Export" VERSION="R2.0.8.S02.E01">
  <FORM_SECTION>
    <CONTRACT CATEGORY="ORIGINAL" FORM="2" LG="DA" VERSION="R2.0.8.S02.E01">
      <FD_CONTRACT CTYPE="SUPPLIES">
        <OBJECT_CONTRACT_INFORMATION><DESCRIPTION_CONTRACT_INFORMATION>
          <TITLE_CONTRACT><P>Indkøb af rengøringsmidler</P></TITLE_CONTRACT>
          <LOCATION_NUTS><LOCATION><P>Fjordby</P></LOCATION></LOCATION_NUTS>
          <SHORT_CONTRACT_DESCRIPTION><P>Rengøringsmidler skal være svanemærkede.</P></SHORT_CONTRACT_DESCRIPTION>
          <CPV><CPV_MAIN><CPV_CODE CODE="39830000"/></CPV_MAIN></CPV>
          <F02_DIVISION_INTO_LOTS><F02_DIV_INTO_LOT_YES><F02_ANNEX_B>
            <LOT_NUMBER>1</LOT_NUMBER><LOT_TITLE>Gulvrengøring</LOT_TITLE>
          </F02_ANNEX_B></F02_DIV_INTO_LOT_YES></F02_DIVISION_INTO_LOTS>
        </DESCRIPTION_CONTRACT_INFORMATION></OBJECT_CONTRACT_INFORMATION>
        <PROCEDURE_DEFINITION_CONTRACT_NOTICE><AWARD_CRITERIA_CONTRACT_NOTICE_INFORMATION><AWARD_CRITERIA_DETAIL>
          <MOST_ECONOMICALLY_ADVANTAGEOUS_TENDER><CRITERIA_STATED_BELOW>
            <CRITERIA_DEFINITION><ORDER_C>1</ORDER_C><CRITERIA>Miljø</CRITERIA><WEIGHTING>40</WEIGHTING>
            </CRITERIA_DEFINITION>
          </CRITERIA_STATED_BELOW></MOST_ECONOMICALLY_ADVANTAGEOUS_TENDER>
        </AWARD_CRITERIA_DETAIL></AWARD_CRITERIA_CONTRACT_NOTICE_INFORMATION></PROCEDURE_DEFINITION_CONTRACT_NOTICE>
      </FD_CONTRACT>
    </CONTRACT>
  </FORM_SECTION>
</TED_EXPORT>
"""
    document = parse_document(_write(tmp_path, notice))
    assert [line.text for line in document.pages[0].lines] == [
        "Indkøb af rengøringsmidler", "Rengøringsmidler skal være svanemærkede.", "Gulvrengøring",
        "Tildelingskriterium: Miljø – vægtning 40", "CPV 39830000"]
    assert document.language == "da"
