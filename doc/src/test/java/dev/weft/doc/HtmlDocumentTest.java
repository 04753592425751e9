package dev.weft.doc;

import static java.util.Optional.empty;
import static java.util.Optional.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Flow;
import dev.weft.model.Spec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlDocumentTest {

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
    return out;
  }

  @Test
  void theHtmlIsWellFormedAndFollowsTheTemplate() throws Exception {
    Document doc = parse(SpecDocument.html(Specs.designExample()));
    assertThat(texts(doc, "title")).first().isEqualTo("Integration Specification: Shopfront orders to Ledger");
    assertThat(texts(doc, "h2")).containsExactlyElementsOf(Outline.SECTIONS);
    assertThat(texts(doc, "h3")).contains("Ledger connection (Your App)", "Shopfront connection", "Orders to the ledger", "contacts");
  }

  @Test
  void headingIdsAreUniqueAndTheContentsLinkToThem() throws Exception {
    Document doc = parse(SpecDocument.html(Specs.designExample()));
    List<String> ids = new ArrayList<>();
    for (String tag : List.of("h1", "h2", "h3")) {
      NodeList nodes = doc.getElementsByTagName(tag);
      for (int i = 0; i < nodes.getLength(); i++) ids.add(((Element) nodes.item(i)).getAttribute("id"));
    }
    assertThat(ids).doesNotHaveDuplicates().contains("contacts", "contacts-2", "contacts-3");
    NodeList links = doc.getElementsByTagName("a");
    assertThat(links.getLength()).isEqualTo(Outline.SECTIONS.size());
    for (int i = 0; i < links.getLength(); i++) {
      assertThat(ids).contains(((Element) links.item(i)).getAttribute("href").substring(1));
    }
  }

  @Test
  void itIsSelfContained() {
    String html = SpecDocument.html(Specs.designExample());
    assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(http", "href=\"http");
    assertThat(html).contains("<style>", "<svg");
  }

  @Test
  void theDiagramDrawsOneArrowPerFlowAndOneBoxPerSystem() throws Exception {
    Document doc = parse(SpecDocument.html(Specs.designExample()));
    Element svg = (Element) doc.getElementsByTagName("svg").item(0);
    assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(2);
    assertThat(svg.getElementsByTagName("line").getLength()).isEqualTo(2);
    Element sync = (Element) svg.getElementsByTagName("line").item(1);
    assertThat(sync.getAttribute("marker-start")).isEqualTo("url(#weft-arrow)");
    assertThat(((Element) svg.getElementsByTagName("line").item(0)).getAttribute("marker-start")).isEmpty();
    assertThat(texts(doc, "text")).contains("Shopfront", "Ledger", "(Your App)", "Orders to the ledger", "GET /orders → table orders");
  }

  @Test
  void gapsAreMarkedForReviewers() throws Exception {
    Document doc = parse(SpecDocument.html(Specs.minimal()));
    NodeList spans = doc.getElementsByTagName("span");
    int missing = 0;
    for (int i = 0; i < spans.getLength(); i++) {
      Element span = (Element) spans.item(i);
      if (span.getAttribute("class").equals("missing")) {
        assertThat(span.getTextContent()).isEqualTo("Not specified");
        missing++;
      }
    }
    assertThat(missing).isGreaterThanOrEqualTo(10);
  }

  @Test
  void specTextIsEscapedEverywhere() throws Exception {
    Spec base = Specs.designExample();
    String evil = "<script>alert('x')</script> & \"quoted\"] --> |pipe| `tick` #1";
    Flow orders = base.flows().get(0);
    Flow renamed = new Flow(orders.id(), of(evil), orders.triggers(), orders.body(), orders.volume(), orders.errors());
    Spec spec = new Spec(1, base.id(), evil, of(evil), empty(), empty(), base.revisions(), base.prerequisites(), base.userStories(),
        of(evil), of(evil), base.systems(), base.config(), base.plans(), base.customerExperience(),
        List.of(renamed, base.flows().get(1)), base.tests());
    String html = SpecDocument.html(spec);
    Document doc = parse(html);
    assertThat(html).doesNotContain("<script");
    assertThat(texts(doc, "h1")).containsExactly("Integration Specification: " + evil);
    assertThat(texts(doc, "text")).anyMatch(t -> t.startsWith("<script>alert"));

    String md = SpecDocument.markdown(spec);
    assertThat(md).doesNotContainPattern("(?<!\\\\)<script").contains("\\<script\\>");
    String edge = md.lines().filter(l -> l.contains("-->|") && l.contains("alert")).findFirst().orElseThrow();
    assertThat(edge).doesNotContain("<script", "`", "|pipe").contains("#lt;script#gt;", "#quot;quoted#quot;");
    assertThat(edge.chars().filter(c -> c == '"').count()).as("only the label's own quotes").isEqualTo(2);
  }
}
