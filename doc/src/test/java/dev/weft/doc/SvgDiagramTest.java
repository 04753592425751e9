package dev.weft.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgDiagramTest {

  private static Element svg(FlowGraph graph) throws Exception {
    return HtmlDocumentTest.parse(SvgDiagram.of(graph)).getDocumentElement();
  }

  private static List<int[]> boxes(Element svg) {
    NodeList rects = svg.getElementsByTagName("rect");
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      int x = Integer.parseInt(r.getAttribute("x"));
      out.add(new int[] {x, x + Integer.parseInt(r.getAttribute("width"))});
    }
    return out;
  }

  @Test
  void yourAppSitsBetweenWhatFeedsItAndWhatItFeeds() throws Exception {
    FlowGraph graph = new FlowGraph(
        List.of(new FlowGraph.Node("shop", "Shop", false, "API · HTTPS"), new FlowGraph.Node("app", "Our app", true, "Datastore"),
            new FlowGraph.Node("crm", "CRM with a rather long name indeed", false, "API · HTTPS")),
        List.of(new FlowGraph.Edge("shop", "app", false, "Orders in", "GET /orders → table orders"),
            new FlowGraph.Edge("app", "crm", false, "Contacts out to the CRM, every hour", "table contacts → POST /contacts"),
            new FlowGraph.Edge("shop", "crm", true, "Direct sync", "/a ⇄ /b")));
    Element svg = svg(graph);
    List<int[]> boxes = boxes(svg);
    assertThat(boxes).hasSize(3);
    for (int i = 1; i < boxes.size(); i++) assertThat(boxes.get(i)[0]).as("boxes do not overlap").isGreaterThan(boxes.get(i - 1)[1]);
    assertThat(Integer.parseInt(svg.getAttribute("width"))).isGreaterThan(boxes.get(2)[1]);

    NodeList lines = svg.getElementsByTagName("line");
    assertThat(lines.getLength()).isEqualTo(3);
    List<String> ys = new ArrayList<>();
    for (int i = 0; i < lines.getLength(); i++) ys.add(((Element) lines.item(i)).getAttribute("y1"));
    assertThat(ys).as("each flow has its own row").doesNotHaveDuplicates();
    Element out = (Element) lines.item(1);
    assertThat(Integer.parseInt(out.getAttribute("x1"))).isEqualTo(boxes.get(1)[1]);
    assertThat(Integer.parseInt(out.getAttribute("x2"))).isLessThan(boxes.get(2)[0]);
  }

  @Test
  void aFlowWithinOneSystemIsALoop() throws Exception {
    Element svg = svg(FlowGraph.of(Specs.minimal()));
    assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(2); // the arrowhead and the loop
    assertThat(svg.getElementsByTagName("line").getLength()).isZero();
  }

  @Test
  void longNamesWrapOnTwoLinesAtMost() {
    assertThat(SvgDiagram.wrap("Warehouse drop folder", 22)).containsExactly("Warehouse drop folder");
    assertThat(SvgDiagram.wrap("The very long name of a system that never ends", 22)).hasSize(2).allMatch(l -> l.length() <= 22);
  }

  @Test
  void mermaidDrawsASyncAsATwoWayEdge() {
    String mermaid = MermaidDiagram.of(FlowGraph.of(Specs.designExample()));
    assertThat(mermaid).startsWith("flowchart LR\n").contains(" <-->|\"contacts<br/>/customers ⇄ table customers\"| ", "class s1_ledger ours");
  }
}
