package dev.weft.doc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Writes the document's blocks as one self-contained HTML page: inline CSS, the diagram as inline
 * SVG, no script and nothing fetched. The markup is also well-formed XML.
 */
final class HtmlWriter {
  private static final String CSS = css();
  private final StringBuilder out = new StringBuilder();
  private final Set<String> anchors = new HashSet<>();

  private HtmlWriter() {}

  static String write(String title, List<Block> blocks) {
    HtmlWriter w = new HtmlWriter();
    w.out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<meta name=\"generator\" content=\"Weft\"/>\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    boolean contentsWritten = false;
    for (Block b : blocks) {
      w.block(b);
      if (!contentsWritten && b instanceof Block.Paragraph) {
        w.contents(blocks); // after the title and its line
        contentsWritten = true;
      }
    }
    w.out.append("</main>\n</body>\n</html>\n");
    return w.out.toString();
  }

  private void block(Block block) {
    switch (block) {
      case Block.Heading h -> out.append("<h").append(h.level()).append(" id=\"").append(uniqueAnchor(h.text())).append("\">")
          .append(Html.escape(h.text())).append("</h").append(h.level()).append(">\n");
      case Block.Paragraph p -> out.append("<p>").append(inline(p.text())).append("</p>\n");
      case Block.Bullets b -> {
        out.append("<ul>\n");
        for (Text item : b.items()) out.append("<li>").append(inline(item)).append("</li>\n");
        out.append("</ul>\n");
      }
      case Block.Table t -> table(t);
      case Block.Fields f -> {
        out.append("<table class=\"fields\">\n<tbody>\n");
        for (Block.Field field : f.fields()) {
          out.append("<tr><th scope=\"row\">").append(Html.escape(field.label())).append("</th><td>");
          if (field.value().size() == 1 && field.value().get(0) instanceof Block.Paragraph p) out.append(inline(p.text()));
          else for (Block b : field.value()) block(b);
          out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
      }
      case Block.Diagram d -> out.append("<figure class=\"diagram\">\n").append(SvgDiagram.of(d.graph()))
          .append("\n<figcaption>Data-flow diagram: one arrow per flow, labelled with what moves.</figcaption>\n</figure>\n");
    }
  }

  private void table(Block.Table t) {
    out.append("<table>\n<thead><tr>");
    for (String c : t.columns()) out.append("<th scope=\"col\">").append(Html.escape(c)).append("</th>");
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Text> row : t.rowsOrGap()) {
      out.append("<tr>");
      for (Text cell : row) out.append("<td>").append(inline(cell)).append("</td>");
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  static String inline(Text text) {
    StringBuilder s = new StringBuilder();
    for (Text.Span span : text.spans()) {
      switch (span) {
        case Text.Plain p -> s.append(Html.escape(p.text()).replace("\n", "<br/>"));
        case Text.Code c -> s.append("<code>").append(Html.escape(c.text())).append("</code>");
        case Text.Strong st -> s.append("<strong>").append(Html.escape(st.text())).append("</strong>");
        case Text.Missing m -> s.append("<span class=\"missing\">").append(Text.NOT_SPECIFIED).append("</span>");
        case Text.Hidden h -> s.append("<span class=\"hidden\">").append(Html.escape(Text.HIDDEN)).append("</span>");
      }
    }
    return s.toString();
  }

  /** A list of the sections, linked to their headings (left out when printed). */
  private void contents(List<Block> blocks) {
    out.append("<nav class=\"contents\" aria-label=\"Sections\">\n<ol>\n");
    for (Block b : blocks) {
      if (b instanceof Block.Heading h && h.level() == 2) {
        out.append("<li><a href=\"#").append(anchor(h.text())).append("\">").append(Html.escape(h.text())).append("</a></li>\n");
      }
    }
    out.append("</ol>\n</nav>\n");
  }

  /** Section names are unique; flow names repeat under several sections, so later ones get a number. */
  private String uniqueAnchor(String heading) {
    String base = anchor(heading);
    String id = base;
    for (int n = 2; !anchors.add(id); n++) id = base + "-" + n;
    return id;
  }

  private static String anchor(String heading) {
    String slug = heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "section" : slug;
  }

  private static String css() {
    try (InputStream in = HtmlWriter.class.getResourceAsStream("document.css")) {
      if (in == null) throw new IllegalStateException("document.css is missing from the weft-doc jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
