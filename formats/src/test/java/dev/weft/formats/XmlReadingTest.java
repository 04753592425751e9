package dev.weft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.SystemDef.Format;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XmlReadingTest {
  private static final String INVOICES =
      """
      <?xml version="1.0"?>
      <Invoices xmlns="urn:x">
        <Header><Invoice><Id>not a record</Id></Invoice></Header>
        <Invoice id="A1" currency="EUR">
          <Customer>Ada</Customer>
          <Line sku="S1">2</Line>
          <Line sku="S2">3</Line>
          <Line sku="S3">4</Line>
          <Note/>
          <Total>19.90</Total>
        </Invoice>
        <Invoice id="A2"><Line sku="S9">1</Line></Invoice>
      </Invoices>
      """;

  private static FormatOptions at(String records) {
    return FormatOptions.defaults().withRecords(Optional.ofNullable(records));
  }

  @Test
  void attributesTextAndRepeatedElementsMakeATree() throws IOException {
    List<Object> records = Records.read(Format.XML, INVOICES, at("Invoices.Invoice"));
    assertThat(records).hasSize(2);
    assertThat(records.getFirst()).isEqualTo(Map.of(
        "@id", "A1",
        "@currency", "EUR",
        "Customer", "Ada",
        "Line", List.of(Map.of("@sku", "S1", "#text", "2"), Map.of("@sku", "S2", "#text", "3"), Map.of("@sku", "S3", "#text", "4")),
        "Note", "",
        "Total", "19.90"));
    assertThat(records.get(1)).isEqualTo(Map.of("@id", "A2", "Line", Map.of("@sku", "S9", "#text", "1")));
  }

  @Test
  void thePathMayLeaveOutTheRootAndWithoutAPathTheRootsChildrenAreRecords() throws IOException {
    assertThat(Records.read(Format.XML, INVOICES, at("Invoice"))).hasSize(2);
    assertThat(Records.read(Format.XML, INVOICES, at(null))).hasSize(3);
    FormatOptions onlyInvoices = new FormatOptions(Optional.empty(), ',', true, '"', Optional.empty(), Optional.of("Invoice"));
    assertThat(Records.read(Format.XML, INVOICES, onlyInvoices)).hasSize(2);
  }

  @Test
  void readOneKeysTheTreeByTheRootName() {
    Map<String, Object> doc = Formats.readOne(Format.XML, "<a><b>1</b><c x=\"2\"/></a>".getBytes(), FormatOptions.defaults());
    assertThat(doc).isEqualTo(Map.of("a", Map.of("b", "1", "c", Map.of("@x", "2"))));
  }

  @Test
  void malformedXmlAndExternalEntitiesAreRefused() {
    assertThatThrownBy(() -> Records.read(Format.XML, "<a><b>1</a>", at(null))).isInstanceOf(MalformedDocumentException.class);
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a><b>&x;</b></a>";
    assertThatThrownBy(() -> Records.read(Format.XML, xxe, at(null))).isInstanceOf(IOException.class);
  }
}
