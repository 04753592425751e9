package dev.weft.console;

/** The content of the rendered specification document's {@code <main>}, to embed in a console page. */
final class DocumentBody {
  private DocumentBody() {}

  static String of(String html) {
    int start = html.indexOf("<main>");
    int end = html.lastIndexOf("</main>");
    if (start < 0 || end < start) throw new IllegalStateException("the specification document has no <main>");
    return html.substring(start + "<main>".length(), end);
  }
}
