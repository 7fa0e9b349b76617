"""eForms notices: CPV codes and the green procurement fields, and refusal of unsafe or broken XML."""

from pathlib import Path

import pytest

from procure_check.errors import DocumentError
from procure_check.parse import parse_document

NOTICE = """<?xml version="1.0" encoding="UTF-8"?>
<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cac:ProcurementProject>
    <cbc:Name languageID="DAN">Rammeaftale om rengøringsmidler</cbc:Name>
    <cbc:Description languageID="DAN">Levering af miljømærkede rengøringsmidler til Fjordby Kommune.</cbc:Description>
    <cac:ProcurementAdditionalType>
      <cbc:ProcurementTypeCode listName="strategic-procurement">env-imp</cbc:ProcurementTypeCode>
      <cbc:ProcurementType languageID="DAN">Svanemærket eller tilsvarende kræves.</cbc:ProcurementType>
    </cac:ProcurementAdditionalType>
    <cac:ProcurementAdditionalType>
      <cbc:ProcurementTypeCode listName="environmental-impact">clim-mitig</cbc:ProcurementTypeCode>
    </cac:ProcurementAdditionalType>
    <cac:ProcurementAdditionalType>
      <cbc:ProcurementTypeCode listName="gpp-criteria">national</cbc:ProcurementTypeCode>
    </cac:ProcurementAdditionalType>
    <cac:MainCommodityClassification>
      <cbc:ItemClassificationCode listName="cpv">39830000</cbc:ItemClassificationCode>
    </cac:MainCommodityClassification>
    <cac:AdditionalCommodityClassification>
      <cbc:ItemClassificationCode listName="cpv">33760000</cbc:ItemClassificationCode>
    </cac:AdditionalCommodityClassification>
  </cac:ProcurementProject>
</ContractNotice>
"""


def test_notice_fields_and_texts(tmp_path: Path):
    path = tmp_path / "notice.xml"
    path.write_text(NOTICE, encoding="utf-8")
    document = parse_document(path)
    assert document.format == "eforms"
    notice = document.notice
    assert notice.cpv == ["39830000", "33760000"]
    assert (notice.strategic_procurement, notice.green_procurement, notice.gpp_criteria) == (
        ["env-imp"], ["clim-mitig"], ["national"])
    assert notice.strategic_description == ["Svanemærket eller tilsvarende kræves."]
    texts = [line.text for line in document.pages[0].lines]
    assert "Rammeaftale om rengøringsmidler" in texts
    assert "CPV 39830000" in texts


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "unsupported"),
        ("<ContractNotice><unclosed></ContractNotice>", "corrupt"),
        ("<ContractNotice/>", "no_text"),
    ],
)
def test_unsafe_broken_or_empty_xml_is_a_clean_error(tmp_path: Path, content, code):
    path = tmp_path / "notice.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        parse_document(path)
    assert raised.value.code == code
