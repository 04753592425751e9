package dev.weft.formats.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold delimiters, doubled quotes
 * and line breaks; a quote inside an unquoted field is kept as text).
 *
 * <p>It exists, instead of Jackson's CSV parser, to recover from a malformed row: an unterminated
 * quote would otherwise swallow the rest of the file into one field. A row is malformed when text
 * follows a closing quote, or when a quoted field is still open at the end of the input or after
 * {@link #MAX_ROW_CHARS}; it is then reported with its first physical line, and reading resumes
 * at the line after that one. Memory is bounded by one row.
 */
final class CsvRows {
  static final int MAX_ROW_CHARS = 1 << 20;

  private final Reader in;
  private final char delimiter;
  private final char quote;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private String pending = "";
  private int pendingPosition;
  private boolean lastFromPending;
  private boolean afterCarriageReturn;
  private long newlinesRead;
  private boolean started;
  private final StringBuilder raw = new StringBuilder(256);
  private final String doubledQuote;
  private final String singleQuote;

  /**
   * One row: its fields, or why it is malformed; {@code line} is where it starts (1-based). Its
   * text is only made when asked for, which must be before the next row is read.
   */
  record Row(List<String> fields, long line, Supplier<String> rawText, Optional<String> malformed) {
    String raw() {
      return rawText.get();
    }
  }

  /** Where the last row lies in {@link #buffer} when it was read there directly, else -1. */
  private int rawStart = -1;
  private int rawEnd;
  private int lastFieldCount = 8;

  private final Supplier<String> currentRaw = () -> rawStart >= 0 ? new String(buffer, rawStart, rawEnd - rawStart) : raw.toString();

  CsvRows(Reader in, char delimiter, char quote) {
    this.in = in;
    this.delimiter = delimiter;
    this.quote = quote;
    this.singleQuote = String.valueOf(quote);
    this.doubledQuote = singleQuote + quote;
  }

  /** The next character, counting line breaks ({@code \r\n}, {@code \n} or {@code \r}). */
  private int read() throws IOException {
    int c;
    lastFromPending = pendingPosition < pending.length();
    if (lastFromPending) {
      c = pending.charAt(pendingPosition++);
    } else {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      c = buffer[position++];
    }
    if (c == '\r' || (c == '\n' && !afterCarriageReturn)) newlinesRead++;
    afterCarriageReturn = c == '\r';
    return c;
  }

  private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

  /** The next row, or empty at the end of the input. Blank lines are skipped. */
  Optional<Row> next() throws IOException {
    while (true) {
      Optional<Row> row = row();
      if (row.isEmpty()) return row;
      Row r = row.get();
      if (!(r.malformed().isEmpty() && r.fields().isEmpty())) return row; // else a blank line, skipped
    }
  }

  private Optional<Row> row() throws IOException {
    Row plain = plainRow();
    if (plain != null) return Optional.of(plain);
    rawStart = -1;
    raw.setLength(0);
    long line = newlinesRead + 1;
    List<String> fields = new ArrayList<>();
    State state = State.FIELD_START;
    int fieldStart = 0; // where the current field's text starts in raw
    int quoteEnd = 0; // where the closing quote of a quoted field is in raw
    boolean doubled = false; // the quoted field holds "" pairs to undo
    int c = read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') c = read();
    }
    if (c == -1) return Optional.empty();
    while (true) {
      if (c == -1) {
        if (state == State.QUOTED) return Optional.of(recover(line, "unterminated quote", false));
        fields.add(field(state, fieldStart, quoteEnd, doubled));
        return Optional.of(new Row(fields, line, currentRaw, Optional.empty()));
      }
      char ch = (char) c;
      if (state != State.QUOTED && (ch == '\n' || ch == '\r')) {
        if (ch == '\r') skipLineFeed();
        if (state == State.FIELD_START && fields.isEmpty() && raw.isEmpty()) return Optional.of(new Row(List.of(), line, () -> "", Optional.empty()));
        fields.add(field(state, fieldStart, quoteEnd, doubled));
        return Optional.of(new Row(fields, line, currentRaw, Optional.empty()));
      }
      raw.append(ch);
      switch (state) {
        case FIELD_START -> {
          if (ch == quote) {
            state = State.QUOTED;
            fieldStart = raw.length();
            doubled = false;
          } else if (ch == delimiter) {
            fields.add("");
            fieldStart = raw.length();
          } else state = State.UNQUOTED;
        }
        case UNQUOTED -> {
          if (raw.length() > MAX_ROW_CHARS) return Optional.of(recover(line, "row longer than " + MAX_ROW_CHARS + " characters", true));
          if (ch == delimiter) {
            fields.add(raw.substring(fieldStart, raw.length() - 1));
            fieldStart = raw.length();
            state = State.FIELD_START;
          }
        }
        case QUOTED -> {
          if (ch == quote) {
            state = State.AFTER_QUOTE;
            quoteEnd = raw.length() - 1;
          } else if (raw.length() > MAX_ROW_CHARS) return Optional.of(recover(line, "unterminated quote", true));
        }
        case AFTER_QUOTE -> {
          if (ch == quote) {
            doubled = true;
            state = State.QUOTED;
          } else if (ch == delimiter) {
            fields.add(field(state, fieldStart, quoteEnd, doubled));
            fieldStart = raw.length();
            state = State.FIELD_START;
          } else return Optional.of(recover(line, "unexpected '" + ch + "' after a closing quote", true));
        }
      }
      c = read();
    }
  }

  /**
   * The common case, read straight from the buffer: a whole line there, not blank, without
   * quotes. Null for anything else, with nothing consumed; {@link #row} then reads it char by char.
   */
  private Row plainRow() {
    if (!started || pendingPosition < pending.length()) return null;
    char[] b = buffer;
    int start = position;
    int fieldStart = start;
    List<String> fields = new ArrayList<>(lastFieldCount);
    for (int i = start; i < limit; i++) {
      char c = b[i];
      if (c == delimiter) {
        fields.add(new String(b, fieldStart, i - fieldStart));
        fieldStart = i + 1;
      } else if (c == '\n' || c == '\r') {
        if (i == start) return null;
        int end = i + 1;
        if (c == '\r') {
          if (end == limit) return null; // a \r\n may be split across reads
          if (b[end] == '\n') end++;
        }
        fields.add(new String(b, fieldStart, i - fieldStart));
        long line = ++newlinesRead;
        afterCarriageReturn = b[end - 1] == '\r';
        position = end;
        rawStart = start;
        rawEnd = i;
        lastFieldCount = fields.size();
        return new Row(fields, line, currentRaw, Optional.empty());
      } else if (c == quote) return null;
    }
    return null;
  }

  /** The text of the field that ends here; a quoted field without its quotes, "" pairs undone. */
  private String field(State state, int fieldStart, int quoteEnd, boolean doubled) {
    return switch (state) {
      case FIELD_START -> "";
      case UNQUOTED -> raw.substring(fieldStart);
      default -> {
        String text = raw.substring(fieldStart, quoteEnd);
        yield doubled ? text.replace(doubledQuote, singleQuote) : text;
      }
    };
  }

  /** After a {@code \r}: takes the {@code \n} of a {@code \r\n}, else gives the character back. */
  private void skipLineFeed() throws IOException {
    int next = read();
    if (next == -1 || next == '\n') return;
    if (lastFromPending) pendingPosition--;
    else position--;
    if (next == '\r') newlinesRead--;
    afterCarriageReturn = true;
  }

  /**
   * Reports the row by its first physical line and pushes the lines after it back, so the next
   * row starts on the following line. When {@code finishLine}, the rest of the current line is
   * consumed first.
   */
  private Row recover(long line, String reason, boolean finishLine) throws IOException {
    if (finishLine) {
      int c;
      while ((c = read()) != -1 && c != '\n' && c != '\r') {
        if (raw.length() <= MAX_ROW_CHARS) raw.append((char) c);
      }
      if (c == '\r') skipLineFeed();
      if (c != -1) raw.append('\n');
    }
    int firstBreak = indexOfLineBreak(raw);
    String first = firstBreak < 0 ? raw.toString() : raw.substring(0, firstBreak);
    if (firstBreak >= 0) {
      int restStart = raw.charAt(firstBreak) == '\r' && firstBreak + 1 < raw.length() && raw.charAt(firstBreak + 1) == '\n' ? firstBreak + 2 : firstBreak + 1;
      String rest = raw.substring(restStart);
      newlinesRead = line; // the pushed-back text starts on the line after this row's first line
      pending = rest + pending.substring(pendingPosition);
      pendingPosition = 0;
      afterCarriageReturn = false;
    }
    return new Row(List.of(), line, () -> first, Optional.of(reason));
  }

  private static int indexOfLineBreak(CharSequence s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n' || s.charAt(i) == '\r') return i;
    return -1;
  }
}
