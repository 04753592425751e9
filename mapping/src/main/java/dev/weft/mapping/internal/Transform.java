package dev.weft.mapping.internal;

import java.util.Map;

/** What one map row does to the value read from its {@code from} paths. Compiled once, safe to share. */
@FunctionalInterface
public interface Transform {
  Object apply(Object value, Map<String, Object> record, Map<String, Object> config) throws RowFailure;
}
