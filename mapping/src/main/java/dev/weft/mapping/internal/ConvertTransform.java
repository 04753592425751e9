package dev.weft.mapping.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;

/** {@code do: convert}: a number (or numeric string) from one unit to another, as a BigDecimal. */
public final class ConvertTransform implements Transform {
  private final AffineConversion conversion;

  private ConvertTransform(AffineConversion conversion) {
    this.conversion = conversion;
  }

  /** The transform, or null when the units measure different things. */
  public static ConvertTransform between(Unit<?> from, Unit<?> to) {
    try {
      UnitConverter forward = from.getConverterToAny(to);
      UnitConverter inverse = to.getConverterToAny(from);
      return new ConvertTransform(AffineConversion.of(forward, inverse));
    } catch (IncommensurableException | UnconvertibleException e) {
      return null;
    }
  }

  @Override
  public Object apply(Object value, Map<String, Object> record, Map<String, Object> config) throws RowFailure {
    if (value == null) return null;
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(apply(item, record, config));
      return out;
    }
    BigDecimal number = Values.decimalOrNull(value);
    if (number == null) throw new RowFailure(Values.quoted(value) + " is not a number");
    return conversion.convert(number);
  }
}
