package dev.weft.doc;

import java.util.List;

/** One block of the rendered document. The Markdown and HTML writers render the same blocks. */
sealed interface Block {

  record Heading(int level, String text) implements Block {}

  record Paragraph(Text text) implements Block {}

  record Bullets(List<Text> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A table with the template's columns; an empty table shows one "Not specified" row. */
  record Table(List<String> columns, List<List<Text>> rows) implements Block {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }

    /** The rows, or one row that says "Not specified" when there are none. */
    List<List<Text>> rowsOrGap() {
      if (!rows.isEmpty()) return rows;
      List<Text> gap = new java.util.ArrayList<>();
      gap.add(Text.missing());
      while (gap.size() < columns.size()) gap.add(new Text(List.of()));
      return List.of(gap);
    }
  }

  /** The template's label/answer pairs ("Name", "Functional Summary", ...). */
  record Fields(List<Field> fields) implements Block {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** The data-flow diagram: Mermaid in Markdown, inline SVG in HTML. */
  record Diagram(FlowGraph graph) implements Block {}

  /** A label and its answer; the answer is one or more blocks (never headings or fields). */
  record Field(String label, List<Block> value) {
    public Field {
      value = List.copyOf(value);
    }

    static Field of(String label, Text text) {
      return new Field(label, List.of(new Paragraph(text)));
    }
  }
}
