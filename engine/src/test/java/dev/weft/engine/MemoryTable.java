package dev.weft.engine;

import dev.weft.connector.ConfigException;
import dev.weft.connector.Connector;
import dev.weft.connector.Preview;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.TargetPreview;
import dev.weft.connector.WriteResult;
import dev.weft.model.SystemDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keyed in-memory table for systems with a {@code table:} URL: upserts by {@code id}, and previews as it would upsert. */
final class MemoryTable implements Connector {
  final Map<String, Map<String, Object>> rows = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "table";
  }

  @Override
  public boolean accepts(SystemDef system) {
    return system.url().startsWith("table:");
  }

  @Override
  public Source openSource(SourceContext context) throws ConfigException {
    throw new ConfigException("a memory table is a target only");
  }

  @Override
  public Sink openSink(SinkContext context) {
    return batch -> {
      for (SinkRecord r : batch) rows.merge(String.valueOf(r.value().get("id")), new LinkedHashMap<>(r.value()), (a, b) -> {
        Map<String, Object> merged = new LinkedHashMap<>(a);
        merged.putAll(b);
        return merged;
      });
      return new WriteResult(batch.size(), List.of());
    };
  }

  @Override
  public TargetPreview openPreview(SinkContext context) {
    return batch -> {
      List<Preview> answers = new ArrayList<>();
      for (SinkRecord r : batch) {
        String key = String.valueOf(r.value().get("id"));
        Map<String, Object> row = rows.get(key);
        answers.add(row == null ? new Preview.Create(Optional.of(key)) : new Preview.Existing(key, row));
      }
      return answers;
    };
  }
}
