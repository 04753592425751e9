package dev.weft.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

class FieldMapTest {

  /** One change or question, applied to a FieldMap and to a LinkedHashMap alike. */
  record Op(int kind, String key, Integer value) {}

  @Property(tries = 500)
  void behavesAsALinkedHashMap(@ForAll("ops") List<Op> ops, @ForAll("startingNames") List<String> names) {
    Map<String, Object> expected = new LinkedHashMap<>();
    Map<String, Object> actual;
    if (names.isEmpty()) actual = new FieldMap();
    else {
      Object[] values = new Object[names.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = i;
        expected.put(names.get(i), i);
      }
      FieldMap.Names shared = FieldMap.names(names);
      actual = FieldMap.withKeys(shared, values);
      // a sibling on the same names must not see this one's changes
      FieldMap sibling = FieldMap.withKeys(shared, values.clone());
      apply(ops, expected, actual);
      assertThat(List.copyOf(sibling.keySet())).isEqualTo(names);
      return;
    }
    apply(ops, expected, actual);
  }

  private static void apply(List<Op> ops, Map<String, Object> expected, Map<String, Object> actual) {
    for (Op op : ops) {
      switch (op.kind()) {
        case 0, 1, 2 -> assertThat(actual.put(op.key(), op.value())).isEqualTo(expected.put(op.key(), op.value()));
        case 3 -> assertThat(actual.remove(op.key())).isEqualTo(expected.remove(op.key()));
        case 4 -> {
          assertThat(actual.get(op.key())).isEqualTo(expected.get(op.key()));
          assertThat(actual.containsKey(op.key())).isEqualTo(expected.containsKey(op.key()));
        }
        case 5 -> {
          removeThroughIterator(actual, op.key());
          removeThroughIterator(expected, op.key());
        }
        case 6 -> {
          for (Map.Entry<String, Object> e : actual.entrySet()) if (e.getKey() != null && e.getKey().equals(op.key())) e.setValue(op.value());
          for (Map.Entry<String, Object> e : expected.entrySet()) if (e.getKey() != null && e.getKey().equals(op.key())) e.setValue(op.value());
        }
        default -> {
          if (op.value() != null && op.value() % 7 == 0) {
            actual.clear();
            expected.clear();
          }
        }
      }
      assertThat(actual.size()).isEqualTo(expected.size());
      assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).isEqualTo(actual);
    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
    List<String> order = new ArrayList<>();
    actual.forEach((k, v) -> order.add(k));
    assertThat(order).isEqualTo(new ArrayList<>(expected.keySet()));
  }

  private static void removeThroughIterator(Map<String, Object> map, String key) {
    for (Iterator<String> it = map.keySet().iterator(); it.hasNext(); ) {
      String k = it.next();
      if (k != null && k.equals(key)) it.remove();
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    // up to 40 distinct keys, so that maps grow past the point where lookups go through an index
    Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.integers().between(0, 40).map(i -> "f" + i), Arbitraries.just(null));
    Arbitrary<Integer> values = Arbitraries.integers().between(-3, 100).injectNull(0.1);
    return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 7), keys, values).as(Op::new).list().ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<String>> startingNames() {
    return Arbitraries.integers().between(0, 30).map(i -> "f" + i).set().ofMaxSize(20).map(ArrayList::new);
  }

  @Example
  void repeatedNamesAreRefused() {
    assertThatThrownBy(() -> FieldMap.names(List.of("a", "b", "a"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field names repeat: [a, b, a]");
  }

  @Example
  void changingWhileIteratingIsCaught() {
    FieldMap map = new FieldMap();
    map.put("a", 1);
    map.put("b", 2);
    assertThatThrownBy(() -> {
      for (String k : map.keySet()) map.put(k + "x", 0);
    }).isInstanceOf(ConcurrentModificationException.class);
  }
}
