package dev.weft.doc;

import java.util.List;

/** Writes the document's blocks as GitHub-flavoured Markdown; every piece of spec text is escaped. */
final class MarkdownWriter {
  private final StringBuilder out = new StringBuilder();

  private MarkdownWriter() {}

  static String write(List<Block> blocks) {
    MarkdownWriter w = new MarkdownWriter();
    for (Block b : blocks) w.block(b);
    String text = w.out.toString().stripTrailing();
    return text + "\n";
  }

  private void block(Block block) {
    switch (block) {
      case Block.Heading h -> out.append("#".repeat(h.level())).append(' ').append(escape(h.text(), false)).append("\n\n");
      case Block.Paragraph p -> out.append(inline(p.text(), false)).append("\n\n");
      case Block.Bullets b -> {
        for (Text item : b.items()) out.append("- ").append(inline(item, false).replace("\n", "\n  ")).append('\n');
        out.append('\n');
      }
      case Block.Table t -> table(t);
      case Block.Fields f -> {
        for (Block.Field field : f.fields()) field(field);
      }
      case Block.Diagram d -> out.append("```mermaid\n").append(MermaidDiagram.of(d.graph())).append("```\n\n");
    }
  }

  private void field(Block.Field field) {
    String label = "**" + escape(field.label(), false) + ":**";
    if (field.value().size() == 1 && field.value().get(0) instanceof Block.Paragraph p) {
      out.append(label).append(' ').append(inline(p.text(), false)).append("\n\n");
      return;
    }
    out.append(label).append("\n\n");
    for (Block b : field.value()) block(b);
  }

  private void table(Block.Table t) {
    out.append('|');
    for (String c : t.columns()) out.append(' ').append(escape(c, true)).append(" |");
    out.append("\n|");
    out.append("---|".repeat(t.columns().size()));
    out.append('\n');
    for (List<Text> row : t.rowsOrGap()) {
      out.append('|');
      for (Text cell : row) out.append(' ').append(inline(cell, true)).append(" |");
      out.append('\n');
    }
    out.append('\n');
  }

  static String inline(Text text, boolean inTable) {
    StringBuilder s = new StringBuilder();
    for (Text.Span span : text.spans()) {
      switch (span) {
        case Text.Plain p -> s.append(escape(p.text(), inTable));
        case Text.Code c -> s.append(code(c.text(), inTable));
        case Text.Strong st -> s.append("**").append(escape(st.text(), inTable)).append("**");
        case Text.Missing m -> s.append('*').append(Text.NOT_SPECIFIED).append('*');
        case Text.Hidden h -> s.append(Text.HIDDEN);
      }
    }
    return s.toString();
  }

  /** Backslash-escapes Markdown punctuation; line breaks become hard breaks (or {@code <br>} in tables). */
  static String escape(String text, boolean inTable) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) out.append(inTable ? "<br>" : "  \n");
      String line = lines[i];
      for (int j = 0; j < line.length(); j++) {
        char c = line.charAt(j);
        if ("\\`*_[]<>|~&".indexOf(c) >= 0) out.append('\\');
        else if (j == 0 && "#+-=".indexOf(c) >= 0) out.append('\\');
        else if (j > 0 && (c == '.' || c == ')') && line.substring(0, j).chars().allMatch(Character::isDigit)) out.append('\\');
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A code span whose fence is longer than any run of backticks inside it. */
  static String code(String text, boolean inTable) {
    String body = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    if (inTable) body = body.replace("|", "\\|");
    int longest = 0;
    int run = 0;
    for (char c : body.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" ") && !body.isBlank());
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
  }
}
