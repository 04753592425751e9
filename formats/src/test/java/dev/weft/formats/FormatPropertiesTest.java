package dev.weft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.SystemDef.Format;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FormatPropertiesTest {

  @Property(tries = 300)
  void csvReadsBackWhatItWrote(@ForAll("csvRecords") List<Map<String, Object>> records, @ForAll("delimiters") char delimiter) throws IOException {
    FormatOptions options = FormatOptions.from(Map.of("delimiter", String.valueOf(delimiter)), java.util.Optional.empty());
    String text = Records.write(Format.CSV, records, options);
    assertThat(Records.read(Format.CSV, text, options)).isEqualTo(records);
  }

  @Property(tries = 300)
  void jsonAndNdjsonReadBackWhatTheyWrote(@ForAll("jsonRecords") List<Map<String, Object>> records) throws IOException {
    for (Format format : List.of(Format.JSON, Format.NDJSON)) {
      String text = Records.write(format, records, FormatOptions.defaults());
      assertThat(Records.read(format, text, FormatOptions.defaults())).as(format.key()).isEqualTo(records);
    }
  }

  @Provide
  Arbitrary<Character> delimiters() {
    return Arbitraries.of(',', ';', '\t', '|');
  }

  @Provide
  Arbitrary<List<Map<String, Object>>> csvRecords() {
    Arbitrary<String> values = Arbitraries.strings().withChars("ab ,;|\t\"'\r\n\u00e9\u4e2d").ofMaxLength(12);
    return Arbitraries.integers().between(1, 6).flatMap(columns ->
        values.list().ofSize(columns).list().ofMaxSize(20).map(rows -> {
          List<Map<String, Object>> records = new ArrayList<>();
          for (List<String> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns; i++) record.put("c" + i, row.get(i));
            records.add(record);
          }
          return records;
        }));
  }

  @Provide
  Arbitrary<List<Map<String, Object>>> jsonRecords() {
    return object(2).list().ofMaxSize(10);
  }

  private Arbitrary<Map<String, Object>> object(int depth) {
    Arbitrary<String> keys = Arbitraries.strings().withChars("abc_\"\\\u00e9").ofMinLength(1).ofMaxLength(5);
    return Arbitraries.maps(keys, value(depth)).ofMaxSize(5).map(LinkedHashMap::new);
  }

  private Arbitrary<Object> value(int depth) {
    List<Arbitrary<?>> scalars = List.of(
        Arbitraries.strings().ofMaxLength(10),
        Arbitraries.longs(),
        Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70), BigInteger.TWO.pow(90)),
        Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000), BigInteger.valueOf(1_000_000)), Arbitraries.integers().between(1, 6))
            .as(BigDecimal::new),
        Arbitraries.of(true, false),
        Arbitraries.just(null));
    List<Arbitrary<?>> all = new ArrayList<>(scalars);
    if (depth > 0) {
      all.add(object(depth - 1));
      all.add(Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(3));
    }
    return Arbitraries.oneOf(all.stream().map(a -> a.map(v -> (Object) v)).toList());
  }
}
