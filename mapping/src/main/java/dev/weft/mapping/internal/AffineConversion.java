package dev.weft.mapping.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import javax.measure.UnitConverter;
import tech.units.indriya.function.RationalNumber;

/**
 * A unit conversion as exact integers, {@code y = (x * factor + offset) / divisor}, taken once from
 * an Indriya converter: every unit in the catalogue converts affinely, and this is an order of
 * magnitude faster per value than asking Indriya each time. 212 degF gives exactly 100 degC.
 */
final class AffineConversion {
  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private final BigDecimal factor;
  private final BigDecimal offset;
  private final BigDecimal divisor;
  private final UnitConverter fallback;
  /** factor / divisor and offset / divisor when both are terminating decimals (lb -> kg), else null. */
  private final BigDecimal exactFactor;
  private final BigDecimal exactOffset;

  private AffineConversion(BigDecimal factor, BigDecimal offset, BigDecimal divisor, UnitConverter fallback) {
    this.factor = factor;
    this.offset = offset;
    this.divisor = divisor;
    this.fallback = fallback;
    BigDecimal f = null;
    BigDecimal o = null;
    if (fallback == null) {
      try {
        f = factor.divide(divisor);
        o = offset.divide(divisor);
      } catch (ArithmeticException nonTerminating) {
        f = null;
        o = null;
      }
    }
    this.exactFactor = f;
    this.exactOffset = o;
  }

  /**
   * Indriya rounds non-terminating results (0 degF is -17.777... degC), so the exact coefficients
   * are read from whichever direction gives the shorter decimals, and inverted when needed.
   */
  static AffineConversion of(UnitConverter forward, UnitConverter inverse) {
    BigInteger[] f = coefficients(forward);
    BigInteger[] i = coefficients(inverse);
    AffineConversion chosen = null;
    if (f != null && (i == null || digits(f) <= digits(i))) chosen = direct(f);
    else if (i != null && i[0].signum() != 0) chosen = inverted(i);
    if (chosen == null || !chosen.agreesWith(forward)) return new AffineConversion(null, null, null, forward);
    return chosen;
  }

  /** {a, b} as fractions with a*x + b = converter(x). */
  private static BigInteger[] coefficients(UnitConverter converter) {
    BigInteger[] b = fraction(converter.convert(0));
    BigInteger[] ab = fraction(converter.convert(1));
    if (b == null || ab == null) return null;
    BigInteger d = ab[1].multiply(b[1]);
    BigInteger aN = ab[0].multiply(b[1]).subtract(b[0].multiply(ab[1]));
    BigInteger bN = b[0].multiply(ab[1]);
    return new BigInteger[] {aN, bN, d};
  }

  private static int digits(BigInteger[] c) {
    return c[0].bitLength() + c[1].bitLength() + c[2].bitLength();
  }

  private static AffineConversion direct(BigInteger[] c) {
    return new AffineConversion(new BigDecimal(c[0]), new BigDecimal(c[1]), new BigDecimal(c[2]), null);
  }

  /** x = (y * d - bN) / aN for the inverse y = (x * aN + bN) / d. */
  private static AffineConversion inverted(BigInteger[] c) {
    BigInteger aN = c[0];
    BigInteger bN = c[1];
    BigInteger d = c[2];
    if (aN.signum() < 0) {
      aN = aN.negate();
      bN = bN.negate();
      d = d.negate();
    }
    return new AffineConversion(new BigDecimal(d), new BigDecimal(bN.negate()), new BigDecimal(aN), null);
  }

  private boolean agreesWith(UnitConverter converter) {
    for (String probe : new String[] {"7.25", "-40", "1000"}) {
      BigDecimal x = new BigDecimal(probe);
      BigInteger[] expected = fraction(converter.convert(x));
      if (expected == null) return false;
      BigDecimal exact = new BigDecimal(expected[0]).divide(new BigDecimal(expected[1]), PRECISION);
      BigDecimal difference = convert(x).subtract(exact).abs();
      BigDecimal tolerance = exact.abs().max(BigDecimal.ONE).movePointLeft(20);
      if (difference.compareTo(tolerance) > 0) return false;
    }
    return true;
  }

  BigDecimal convert(BigDecimal x) {
    BigDecimal y;
    if (fallback != null) {
      BigInteger[] f = fraction(fallback.convert(x));
      y = f == null ? BigDecimal.ZERO : new BigDecimal(f[0]).divide(new BigDecimal(f[1]), PRECISION);
    } else if (exactFactor != null) {
      y = exactOffset.signum() == 0 ? x.multiply(exactFactor) : x.multiply(exactFactor).add(exactOffset);
    } else {
      BigDecimal numerator = x.multiply(factor).add(offset);
      y = divisor.equals(BigDecimal.ONE) ? numerator : numerator.divide(divisor, PRECISION);
    }
    y = y.stripTrailingZeros();
    return y.scale() < 0 ? y.setScale(0) : y;
  }

  /** numerator and denominator of a number Indriya returned, or null for one it cannot give exactly. */
  private static BigInteger[] fraction(Number n) {
    return switch (n) {
      case RationalNumber r -> new BigInteger[] {r.getDividend(), r.getDivisor()};
      case BigDecimal d -> d.scale() <= 0
          ? new BigInteger[] {d.toBigIntegerExact(), BigInteger.ONE}
          : new BigInteger[] {d.unscaledValue(), BigInteger.TEN.pow(d.scale())};
      case BigInteger i -> new BigInteger[] {i, BigInteger.ONE};
      case Long l -> new BigInteger[] {BigInteger.valueOf(l), BigInteger.ONE};
      case Integer i -> new BigInteger[] {BigInteger.valueOf(i), BigInteger.ONE};
      case Double d -> Double.isFinite(d) ? fraction(BigDecimal.valueOf(d)) : null;
      default -> fraction(new BigDecimal(n.toString()));
    };
  }
}
