package dev.weft.doc;

import dev.weft.model.Spec;
import java.util.List;

/**
 * A spec rendered as the filled-in Integration Specification document, in the template's order
 * and words: Markdown (with a Mermaid data-flow diagram) or one self-contained HTML page (with an
 * inline SVG diagram). Literal secrets never appear; empty parts read "Not specified".
 */
public final class SpecDocument {
  private SpecDocument() {}

  public static String markdown(Spec spec) {
    return markdown(spec, List.of());
  }

  /** With {@code extraRevisions} (e.g. approvals recorded by the server) after the spec's own. */
  public static String markdown(Spec spec, List<Spec.Revision> extraRevisions) {
    return MarkdownWriter.write(Outline.of(spec, extraRevisions));
  }

  public static String html(Spec spec) {
    return html(spec, List.of());
  }

  public static String html(Spec spec, List<Spec.Revision> extraRevisions) {
    return HtmlWriter.write("Integration Specification: " + spec.name(), Outline.of(spec, extraRevisions));
  }
}
