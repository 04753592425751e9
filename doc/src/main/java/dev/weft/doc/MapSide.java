package dev.weft.doc;

import dev.weft.model.Source;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.Target;
import java.util.Optional;

/**
 * One end of a mapping as the data-mapping table shows it: the system's name and how a field is
 * named there ({@code orders.external_id} in a table, {@code order_id in orders-*.csv} in files).
 */
record MapSide(String system, Optional<String> table, Optional<String> file) {

  static MapSide of(Spec spec, Source source) {
    return new MapSide(name(spec, source.system()), source.table(), source.files());
  }

  static MapSide of(Spec spec, Target target) {
    return new MapSide(name(spec, target.system()), target.table(), target.file());
  }

  static MapSide of(Spec spec, Sync.Side side) {
    return new MapSide(name(spec, side.system()), side.table(), Optional.empty());
  }

  static String name(Spec spec, String systemId) {
    return spec.system(systemId).map(s -> s.displayName()).orElse(systemId);
  }

  Text field(String path) {
    if (table.isPresent()) return Text.code(table.get() + "." + path);
    if (file.isPresent()) return Text.builder().code(path).plain(" in ").code(file.get()).build();
    return Text.code(path);
  }
}
