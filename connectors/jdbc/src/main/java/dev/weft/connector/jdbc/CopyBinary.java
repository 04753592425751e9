package dev.weft.connector.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * PostgreSQL's binary COPY format, for the column types whose binary form is plain: the server
 * then parses no numbers or timestamps, which is a good part of a load's cost. A table with any
 * other column type is written as text. A value that the binary form would not carry exactly as
 * the text form does (a timestamp with nanoseconds, a number too wide for its integer column)
 * makes {@link #append} refuse the row, and the caller writes the batch as text instead, so both
 * paths always store the same thing.
 */
final class CopyBinary {
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z
  private static final long POSTGRES_EPOCH_DAYS = 10_957L;
  private static final int MAX_OFFSET_SECONDS = 16 * 3600; // the server refuses wider offsets in text
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

  /** How one column's values are written; the value must be the class {@link ValueCoercer} makes for it. */
  enum Codec { INT2, INT4, INT8, NUMERIC, FLOAT8, BOOL, TEXT, JSONB, BYTEA, UUID, DATE, TIME, TIMESTAMP, TIMESTAMPTZ }

  private CopyBinary() {}

  /** The codecs for these columns, or empty when some column's type is written as text only. */
  static Optional<Codec[]> codecs(List<Column> columns) {
    Codec[] codecs = new Codec[columns.size()];
    for (int i = 0; i < codecs.length; i++) {
      Codec codec = codec(columns.get(i));
      if (codec == null) return Optional.empty();
      codecs[i] = codec;
    }
    return Optional.of(codecs);
  }

  private static Codec codec(Column column) {
    return switch (column.typeName()) {
      case "int2", "smallserial" -> Codec.INT2;
      case "int4", "serial" -> Codec.INT4;
      case "int8", "bigserial" -> Codec.INT8;
      case "numeric" -> Codec.NUMERIC;
      case "float8" -> Codec.FLOAT8;
      case "bool" -> Codec.BOOL;
      case "text", "varchar", "bpchar", "json" -> Codec.TEXT;
      case "jsonb" -> Codec.JSONB;
      case "bytea" -> Codec.BYTEA;
      case "uuid" -> Codec.UUID;
      case "date" -> Codec.DATE;
      case "time" -> Codec.TIME;
      case "timestamp" -> Codec.TIMESTAMP;
      case "timestamptz" -> Codec.TIMESTAMPTZ;
      default -> null; // float4 too: rounding a double to a float need not match the server's parse of its text
    };
  }

  /** Bytes in pieces of about {@code flushAt}: the server parses one while the next is sent. */
  static final class Chunks {
    private final int flushAt;
    private final List<byte[]> done = new ArrayList<>();
    private byte[] buffer;
    private int length;

    Chunks(int flushAt) {
      this.flushAt = flushAt;
      this.buffer = new byte[flushAt + 1024];
      put(HEADER);
    }

    /** All bytes, with the trailer. */
    List<byte[]> finish() {
      putShort(-1);
      done.add(Arrays.copyOf(buffer, length));
      return done;
    }

    private void rowEnded() {
      if (length < flushAt) return;
      done.add(Arrays.copyOf(buffer, length));
      length = 0;
    }

    private void room(int bytes) {
      if (length + bytes > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
    }

    private void put(byte[] bytes) {
      room(bytes.length);
      System.arraycopy(bytes, 0, buffer, length, bytes.length);
      length += bytes.length;
    }

    private void putShort(int v) {
      room(2);
      buffer[length++] = (byte) (v >>> 8);
      buffer[length++] = (byte) v;
    }

    private void putInt(int v) {
      room(4);
      buffer[length++] = (byte) (v >>> 24);
      buffer[length++] = (byte) (v >>> 16);
      buffer[length++] = (byte) (v >>> 8);
      buffer[length++] = (byte) v;
    }

    private void putLong(long v) {
      putInt((int) (v >>> 32));
      putInt((int) v);
    }

    /** A text field: its length, then UTF-8; ASCII is copied without an intermediate array. */
    private void putText(String s, boolean jsonbVersion) {
      int prefix = jsonbVersion ? 1 : 0;
      int n = s.length();
      room(4 + prefix + n);
      int start = length;
      length += 4;
      if (jsonbVersion) buffer[length++] = 1;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          length = start + 4 + prefix;
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          room(utf8.length);
          System.arraycopy(utf8, 0, buffer, length, utf8.length);
          length += utf8.length;
          break;
        }
        buffer[length++] = (byte) c;
      }
      int size = length - start - 4;
      buffer[start] = (byte) (size >>> 24);
      buffer[start + 1] = (byte) (size >>> 16);
      buffer[start + 2] = (byte) (size >>> 8);
      buffer[start + 3] = (byte) size;
    }
  }

  /**
   * Appends one row, with {@code ordinal} as a last bigint field when not negative. False, with
   * nothing appended, when some value has no exact binary form here (the caller then uses text).
   */
  static boolean append(Chunks out, Codec[] codecs, List<Object> values, long ordinal) {
    int mark = out.length;
    int fields = values.size() + (ordinal >= 0 ? 1 : 0);
    out.putShort(fields);
    for (int i = 0; i < codecs.length; i++) {
      if (!field(out, codecs[i], values.get(i))) {
        out.length = mark;
        return false;
      }
    }
    if (ordinal >= 0) {
      out.putInt(8);
      out.putLong(ordinal);
    }
    out.rowEnded();
    return true;
  }

  private static boolean field(Chunks out, Codec codec, Object value) {
    if (value == null) {
      out.putInt(-1);
      return true;
    }
    switch (codec) {
      case INT2, INT4, INT8 -> {
        if (!(value instanceof Long l)) return false;
        if (codec == Codec.INT2 && l != (short) (long) l || codec == Codec.INT4 && l != (int) (long) l) return false;
        switch (codec) {
          case INT2 -> {
            out.putInt(2);
            out.putShort((int) (long) l);
          }
          case INT4 -> {
            out.putInt(4);
            out.putInt((int) (long) l);
          }
          default -> {
            out.putInt(8);
            out.putLong(l);
          }
        }
      }
      case NUMERIC -> {
        // beyond these the server's limits (scale 1000, 131072 digits before the point) speak, in words, from the text path
        if (!(value instanceof BigDecimal d) || d.scale() > 1000 || d.precision() - d.scale() > 100_000) return false;
        numeric(out, d);
      }
      case FLOAT8 -> {
        if (!(value instanceof Double d)) return false;
        out.putInt(8);
        out.putLong(Double.doubleToLongBits(d));
      }
      case BOOL -> {
        if (!(value instanceof Boolean b)) return false;
        out.putInt(1);
        out.room(1);
        out.buffer[out.length++] = (byte) (b ? 1 : 0);
      }
      case TEXT, JSONB -> {
        if (!(value instanceof String s)) return false;
        out.putText(s, codec == Codec.JSONB);
      }
      case BYTEA -> {
        if (!(value instanceof byte[] bytes)) return false;
        out.putInt(bytes.length);
        out.put(bytes);
      }
      case UUID -> {
        if (!(value instanceof UUID u)) return false;
        out.putInt(16);
        out.putLong(u.getMostSignificantBits());
        out.putLong(u.getLeastSignificantBits());
      }
      case DATE -> {
        if (!(value instanceof LocalDate d) || !commonEra(d.getYear())) return false;
        out.putInt(4);
        out.putInt((int) (d.toEpochDay() - POSTGRES_EPOCH_DAYS));
      }
      case TIME -> {
        if (!(value instanceof LocalTime t) || t.getNano() % 1000 != 0) return false;
        out.putInt(8);
        out.putLong(t.toNanoOfDay() / 1000);
      }
      case TIMESTAMP, TIMESTAMPTZ -> {
        long seconds;
        int nano;
        if (codec == Codec.TIMESTAMPTZ && value instanceof OffsetDateTime t && commonEra(t.getYear())
            && Math.abs(t.getOffset().getTotalSeconds()) < MAX_OFFSET_SECONDS) {
          seconds = t.toEpochSecond();
          nano = t.getNano();
        } else if (codec == Codec.TIMESTAMP && value instanceof LocalDateTime t && commonEra(t.getYear())) {
          seconds = t.toEpochSecond(ZoneOffset.UTC);
          nano = t.getNano();
        } else return false;
        if (nano % 1000 != 0) return false; // the server rounds text to microseconds; leave that to it
        out.putInt(8);
        out.putLong((seconds - POSTGRES_EPOCH_SECONDS) * 1_000_000L + nano / 1000);
      }
    }
    return true;
  }

  /** Years the text form writes plainly; others (and the server's answer to them) are left to it. */
  private static boolean commonEra(int year) {
    return year >= 1 && year <= 9999;
  }

  /**
   * PostgreSQL's numeric: base-10000 digits with the decimal point between two of them, the
   * weight (the power of 10000 of the first digit), the sign and the display scale.
   */
  static void numeric(Chunks out, BigDecimal d) {
    if (d.scale() < 0) d = d.setScale(0);
    int scale = d.scale();
    int pad = (4 - scale % 4) % 4; // the fraction in whole groups of four digits
    int fractionGroups = (scale + pad) / 4;
    short[] groups;
    int n = 0;
    if (d.precision() <= 15 && scale <= 15) { // fits a long even with the padding: no BigInteger
      long rest = Math.abs(d.scaleByPowerOfTen(scale).longValue()) * POWERS_OF_TEN[pad];
      groups = new short[5];
      while (rest != 0) {
        groups[n++] = (short) (rest % 10_000);
        rest /= 10_000;
      }
    } else {
      BigInteger rest = d.unscaledValue().abs().multiply(BigInteger.TEN.pow(pad));
      groups = new short[rest.bitLength() / 13 + 2];
      while (rest.signum() != 0) {
        BigInteger[] qr = rest.divideAndRemainder(TEN_THOUSAND);
        groups[n++] = qr[1].shortValue();
        rest = qr[0];
      }
    }
    // groups[0] is the least significant; drop zero groups at the end of the fraction
    int low = 0;
    while (low < n && groups[low] == 0) low++;
    int weight = n - fractionGroups - 1;
    int digits = n - low;
    out.putInt(8 + 2 * digits);
    out.putShort(digits);
    out.putShort(digits == 0 ? 0 : weight);
    out.putShort(d.signum() < 0 ? 0x4000 : 0);
    out.putShort(scale);
    for (int i = n - 1; i >= low; i--) out.putShort(groups[i]);
  }
}
