package dev.weft.engine;

import dev.weft.store.IdPair;
import java.util.Map;
import java.util.Optional;

/**
 * A record of one side of a sync as read this run: the record, its view (the record mapped into
 * the other side's fields), the view's hash, and its pair when it has one.
 */
record SideRecord(String id, Map<String, Object> record, Map<String, Object> view, String hash, Optional<IdPair> pair) {}
