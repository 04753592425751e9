package dev.weft.mapping.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import systems.uom.common.USCustomary;
import tech.units.indriya.unit.Units;

class UnitCatalogTest {

  @Test
  void findsCommonSymbolsAndUcumCodesForTheSameUnit() {
    assertThat(UnitCatalog.find("lb")).contains(USCustomary.POUND);
    assertThat(UnitCatalog.find("[lb_av]")).contains(USCustomary.POUND);
    assertThat(UnitCatalog.find("°C")).contains(Units.CELSIUS);
    assertThat(UnitCatalog.find("Cel")).contains(Units.CELSIUS);
    assertThat(UnitCatalog.find("[degF]")).contains(USCustomary.FAHRENHEIT);
    assertThat(UnitCatalog.find(" kg ")).contains(Units.KILOGRAM);
  }

  @Test
  void unknownSymbolsAreEmpty() {
    assertThat(UnitCatalog.find("lbs")).isEmpty();
    assertThat(UnitCatalog.find("")).isEmpty();
    assertThat(UnitCatalog.find(null)).isEmpty();
  }

  @Test
  void describesUnitsInWords() {
    assertThat(UnitCatalog.describe("lb")).isEqualTo("pounds");
    assertThat(UnitCatalog.describe("kg")).isEqualTo("kilograms");
    assertThat(UnitCatalog.describe("degF")).isEqualTo("degrees Fahrenheit");
    assertThat(UnitCatalog.describe("[degF]")).isEqualTo("degrees Fahrenheit");
    assertThat(UnitCatalog.describe("parsecs")).isEqualTo("parsecs");
  }

  @Test
  void suggestsTheClosestSymbolsFirst() {
    assertThat(UnitCatalog.suggest("lbs")).startsWith("lb");
    assertThat(UnitCatalog.suggest("KG")).startsWith("kg");
    assertThat(UnitCatalog.suggest("kgs")).startsWith("kg");
    assertThat(UnitCatalog.suggest("pounds")).startsWith("lb");
    assertThat(UnitCatalog.suggest("degc")).startsWith("degC");
    assertThat(UnitCatalog.suggest("celsius")).isNotEmpty().first().isIn("degC", "°C", "Cel");
    assertThat(UnitCatalog.suggest("xyzzy-unit")).isEmpty();
    assertThat(UnitCatalog.suggest("lbs")).hasSizeLessThanOrEqualTo(3);
  }
}
