package dev.weft.mapping.internal;

import com.dashjoin.jsonata.Functions;
import java.math.BigDecimal;
import com.dashjoin.jsonata.Utils;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A map-row expression common enough to skip JSONata's interpreter: {@code $lowercase($)},
 * {@code $uppercase($)}, {@code $trim($)}, and {@code $number($)} or {@code $} times or divided
 * by a number. It calls the same library functions JSONata would, and only for inputs whose
 * result cannot differ from JSONata's (a string for the string functions, a plain decimal string
 * or a small whole number for arithmetic); any other input is {@link #NOT_HANDLED} and goes to
 * JSONata, so errors and odd cases keep JSONata's words.
 */
abstract sealed class ValueShortcut {
  static final Object NOT_HANDLED = new Object();

  private static final Pattern ARITHMETIC =
      Pattern.compile("\\s*(\\$number\\(\\s*\\$\\s*\\)|\\$)\\s*([*/])\\s*([0-9]{1,9}(?:\\.[0-9]{1,9})?)\\s*");
  private static final Pattern STRING_FUNCTION = Pattern.compile("\\s*\\$(lowercase|uppercase|trim)\\(\\s*\\$\\s*\\)\\s*");

  /** The value of the expression on {@code input}, or {@link #NOT_HANDLED}. */
  abstract Object apply(Object input);

  /** The shortcut for an expression (as written, {@code $} being the row's value), if it is one. */
  static Optional<ValueShortcut> of(String expression) {
    Matcher string = STRING_FUNCTION.matcher(expression);
    if (string.matches()) return Optional.of(new StringFunction(string.group(1)));
    Matcher arithmetic = ARITHMETIC.matcher(expression);
    if (arithmetic.matches()) {
      double operand = Double.parseDouble(arithmetic.group(3));
      if (operand == 0) return Optional.empty();
      return Optional.of(new Arithmetic(arithmetic.group(1).startsWith("$number"), arithmetic.group(2).equals("*"), operand));
    }
    return Optional.empty();
  }

  private static final class StringFunction extends ValueShortcut {
    private final String name;

    StringFunction(String name) {
      this.name = name;
    }

    @Override
    Object apply(Object input) {
      if (!(input instanceof String s)) return NOT_HANDLED;
      return switch (name) {
        case "lowercase" -> Functions.lowercase(s);
        case "uppercase" -> Functions.uppercase(s);
        default -> Functions.trim(s);
      };
    }
  }

  private static final class Arithmetic extends ValueShortcut {
    private static final long MAX_WHOLE = 1_000_000_000_000L;

    private static final BigDecimal THOUSANDTH = new BigDecimal("0.001");

    private final boolean number;
    private final boolean times;
    private final double operand;
    /** k when dividing by 10^k (cents to amounts and the like), else -1. */
    private final int tenPower;

    Arithmetic(boolean number, boolean times, double operand) {
      this.number = number;
      this.times = times;
      this.operand = operand;
      int k = 0;
      while (k < 10 && Math.pow(10, k) < operand) k++;
      this.tenPower = !times && k > 0 && Math.pow(10, k) == operand ? k : -1;
    }

    @Override
    Object apply(Object input) {
      double value;
      if (input instanceof Long l && l > -MAX_WHOLE && l < MAX_WHOLE) value = l;
      else if (input instanceof String s && number && plainDecimal(s)) value = Double.parseDouble(s);
      else return NOT_HANDLED;
      if (tenPower > 0 && value == Math.rint(value)) {
        Object exact = shiftedPoint((long) value);
        if (exact != null) return exact;
      }
      double result = times ? value * operand : value / operand;
      return JsonataExpression.plain(Utils.convertNumber(Double.valueOf(result)));
    }

    /**
     * A whole number divided by 10^k, without the round trip through a double's shortest text:
     * the same value, as the same type and scale. A double holds every decimal of up to 15
     * digits exactly enough that its shortest text is that decimal; below 0.001 that text takes
     * the exponent form, whose scale can differ, so those are left to the double.
     */
    private Object shiftedPoint(long whole) {
      BigDecimal exact = BigDecimal.valueOf(whole, tenPower).stripTrailingZeros();
      if (exact.scale() <= 0) return exact.longValueExact();
      return exact.abs().compareTo(THOUSANDTH) >= 0 ? exact : null;
    }

    /** An optional minus, 1 to 12 digits, and optionally a point and 1 to 9 digits. */
    private static boolean plainDecimal(String s) {
      int n = s.length();
      int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
      int digits = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits++;
      }
      if (digits == 0 || digits > 12) return false;
      if (i == n) return true;
      if (s.charAt(i) != '.') return false;
      i++;
      int fraction = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        fraction++;
      }
      return i == n && fraction > 0 && fraction <= 9;
    }
  }
}
