package dev.weft.mapping.units;

import static javax.measure.MetricPrefix.CENTI;
import static javax.measure.MetricPrefix.KILO;
import static javax.measure.MetricPrefix.MILLI;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.measure.Unit;
import systems.uom.common.USCustomary;
import tech.units.indriya.unit.Units;

/**
 * The units a {@code convert} row may name: common symbols ({@code kg}, {@code lb}, {@code degF})
 * and UCUM codes ({@code [lb_av]}, {@code Cel}, {@code [degF]}), each with the words the document
 * uses for it.
 */
public final class UnitCatalog {

  private record Entry(Unit<?> unit, String words) {}

  private static final Map<String, Entry> UNITS = new LinkedHashMap<>();

  static {
    // mass
    add(Units.KILOGRAM, "kilograms", "kg");
    add(Units.GRAM, "grams", "g");
    add(MILLI(Units.GRAM), "milligrams", "mg");
    add(Units.KILOGRAM.multiply(1000), "tonnes", "t");
    add(USCustomary.POUND, "pounds", "lb", "[lb_av]");
    add(USCustomary.OUNCE, "ounces", "oz", "[oz_av]");
    add(USCustomary.TON, "short tons", "ton", "[ston_av]");
    // length
    add(Units.METRE, "metres", "m");
    add(CENTI(Units.METRE), "centimetres", "cm");
    add(MILLI(Units.METRE), "millimetres", "mm");
    add(KILO(Units.METRE), "kilometres", "km");
    add(USCustomary.INCH, "inches", "in", "[in_i]");
    add(USCustomary.FOOT, "feet", "ft", "[ft_i]");
    add(USCustomary.YARD, "yards", "yd", "[yd_i]");
    add(USCustomary.MILE, "miles", "mi", "[mi_i]");
    add(USCustomary.NAUTICAL_MILE, "nautical miles", "nmi", "[nmi_i]");
    // volume
    add(Units.LITRE, "litres", "l", "L");
    add(MILLI(Units.LITRE), "millilitres", "ml", "mL");
    add(CENTI(Units.LITRE), "centilitres", "cl", "cL");
    add(Units.CUBIC_METRE, "cubic metres", "m3");
    add(USCustomary.GALLON_LIQUID, "US gallons", "gal", "[gal_us]");
    add(USCustomary.FLUID_OUNCE, "US fluid ounces", "floz", "fl_oz", "[foz_us]");
    add(USCustomary.PINT, "US pints", "pt", "[pt_us]");
    // temperature
    add(Units.CELSIUS, "degrees Celsius", "degC", "°C", "Cel");
    add(USCustomary.FAHRENHEIT, "degrees Fahrenheit", "degF", "°F", "[degF]");
    add(Units.KELVIN, "kelvins", "K");
    // time
    add(MILLI(Units.SECOND), "milliseconds", "ms");
    add(Units.SECOND, "seconds", "s");
    add(Units.MINUTE, "minutes", "min");
    add(Units.HOUR, "hours", "h");
    add(Units.DAY, "days", "d");
    add(Units.WEEK, "weeks", "wk");
    // speed and area
    add(Units.METRE_PER_SECOND, "metres per second", "m/s");
    add(Units.KILOMETRE_PER_HOUR, "kilometres per hour", "km/h");
    add(USCustomary.MILE_PER_HOUR, "miles per hour", "mph", "[mi_i]/h");
    add(Units.SQUARE_METRE, "square metres", "m2");
    add(USCustomary.SQUARE_FOOT, "square feet", "ft2", "[sft_i]");
  }

  private UnitCatalog() {}

  private static void add(Unit<?> unit, String words, String... symbols) {
    for (String symbol : symbols) UNITS.put(symbol, new Entry(unit, words));
  }

  /** The unit a symbol names, if it is known. */
  public static Optional<Unit<?>> find(String symbol) {
    Entry entry = symbol == null ? null : UNITS.get(symbol.trim());
    return entry == null ? Optional.empty() : Optional.of(entry.unit());
  }

  /** Every known symbol, in catalogue order. */
  public static List<String> symbols() {
    return List.copyOf(UNITS.keySet());
  }

  /** The words for a unit ("pounds", "degrees Fahrenheit"); the symbol itself when unknown. */
  public static String describe(String symbol) {
    Entry entry = symbol == null ? null : UNITS.get(symbol.trim());
    return entry == null ? String.valueOf(symbol) : entry.words();
  }

  /** The known symbols closest to an unknown one, best first (at most three). */
  public static List<String> suggest(String unknown) {
    if (unknown == null || unknown.isBlank()) return List.of();
    String wanted = unknown.trim();
    String lower = wanted.toLowerCase(Locale.ROOT);
    record Scored(String symbol, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, Entry> e : UNITS.entrySet()) {
      String symbol = e.getKey();
      int score = distance(lower, symbol.toLowerCase(Locale.ROOT));
      if (e.getValue().words().equalsIgnoreCase(wanted)
          || e.getValue().words().toLowerCase(Locale.ROOT).startsWith(lower + " ")
          || e.getValue().words().equalsIgnoreCase(wanted + "s")) score = 0;
      else if (lower.equals(symbol.toLowerCase(Locale.ROOT))) score = 0;
      else if (lower.length() > 2 && (" " + e.getValue().words().toLowerCase(Locale.ROOT) + " ").contains(" " + lower + " "))
        score = 1;
      else if (lower.endsWith("s") && lower.substring(0, lower.length() - 1).equals(symbol.toLowerCase(Locale.ROOT)))
        score = 0;
      int limit = Math.max(1, Math.min(2, wanted.length() / 2));
      if (score <= limit) scored.add(new Scored(symbol, score));
    }
    scored.sort(Comparator.comparingInt(Scored::score));
    List<String> best = new ArrayList<>();
    for (Scored s : scored) {
      if (best.size() == 3) break;
      best.add(s.symbol());
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
