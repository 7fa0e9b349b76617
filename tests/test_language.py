"""Which language a document is written in; Danish and Norwegian share most of their short words."""

import pytest

from procure_check.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kopipapiret er et hvitt papir som passer i alle skrivere. Produsert ved vår fabrikk. Papiret kan leveres "
         "til gjenvinning og er merket med Svanemerket.", "nb"),
        ("Leker og formingsmateriell bør være Svanemerket. Bleier skal være merket. Dokumentasjon leveres innen "
         "30 dager etter forespørsel.", "nb"),
        ("Kopipapiret er et hvidt papir, der passer i alle printere. Produceret ved vores fabrik og kan afleveres "
         "til genbrug. Papiret er mærket med Svanemærket.", "da"),
        ("Legetøj skal være Svanemærket eller tilsvarende. Dokumentation leveres senest 14 dage efter anmodning.",
         "da"),
        ("Produkten är Svanenmärkt och ska levereras utan parfym.", "sv"),
        ("The product is labelled and shall be delivered without perfume.", "en"),
        ("Das Produkt ist parfümfrei und muss mit dem Umweltzeichen gekennzeichnet sein.", "de"),
    ],
)
def test_language_of_a_text(text, language):
    assert detect_language(text) == language
