package dev.weft.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One integration flow: how it is triggered, what it moves, how much, and what happens on errors.
 * The body is either a one-way {@link Pipeline} (source, map, target) or a two-way {@link Sync}.
 */
public record Flow(
    String id,
    Optional<String> name,
    List<Trigger> triggers,
    Body body,
    Optional<Volume> volume,
    ErrorPolicy errors) {

  public Flow {
    Objects.requireNonNull(id, "id");
    triggers = List.copyOf(triggers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(errors, "errors");
  }

  public String displayName() {
    return name.orElse(id);
  }

  /** True when the flow runs only on demand (no trigger declared). */
  public boolean onDemandOnly() {
    return triggers.isEmpty();
  }

  public <T extends Trigger> Optional<T> trigger(Class<T> kind) {
    return triggers.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  public sealed interface Body permits Pipeline, Sync {}

  /** One way: read the source, map each record, write the target. */
  public record Pipeline(Source source, List<MapRow> map, Target target) implements Body {
    public Pipeline {
      map = List.copyOf(map);
    }
  }

  /** {@code per_run}: expected records per run (documentation); {@code max}: a safety cap. */
  public record Volume(Optional<Long> perRun, Optional<Long> max) {}
}
