package dev.weft.mapping;

import java.util.Map;
import java.util.Objects;

/** What mapping one source record gave. */
public sealed interface Outcome {

  /** The mapped record, its fields in the order of the map rows. */
  record Mapped(Map<String, Object> value) implements Outcome {
    public Mapped {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The flow's filter left the record out. */
  record Filtered() implements Outcome {}

  /** The record cannot be mapped; the reason names the row: {@code map[3] (convert lb -> kg): 'ten' is not a number}. */
  record Invalid(String reason) implements Outcome {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
