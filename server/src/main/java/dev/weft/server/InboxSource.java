package dev.weft.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import dev.weft.store.NewDeadLetter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deliveries of one claimed inbox batch as one run's source: each delivery's records in turn,
 * positioned {@code <delivery>#N} so that a dead letter names its delivery. A delivery whose body
 * has no records where the flow expects them is not read; it becomes a dead letter of the run
 * instead (it does not fail the others). The checkpoint {@code i:j} means the next record is the
 * j-th of delivery i; when the engine reports a checkpoint committed, the deliveries before it are
 * handed to {@code done}, once each.
 */
final class InboxSource implements Source {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** What reads a delivery's records from its parsed body; throws when they are not there. */
  interface Records {
    List<SourceRecord> of(Object document, String name) throws ConfigException;
  }

  /** Hears the deliveries committed (processed), with the dead letters of those that had no records. */
  interface Done {
    void committed(List<InboxClaims.Claimed> deliveries, List<NewDeadLetter> rejected);
  }

  private final List<InboxClaims.Claimed> deliveries;
  private final Records records;
  private final Done done;
  private final Map<Integer, NewDeadLetter> rejected = new LinkedHashMap<>();
  private int parsedIndex = -1;
  private List<SourceRecord> parsed = List.of();
  private int committed;

  InboxSource(List<InboxClaims.Claimed> deliveries, Records records, Done done) {
    this.deliveries = List.copyOf(deliveries);
    this.records = records;
    this.done = done;
  }

  /** How a delivery is named in positions and dead letters: its delivery id, else its inbox row. */
  static String name(InboxClaims.Claimed d) {
    return d.deliveryId().orElse("inbox-" + d.id());
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) {
    int i = from.isStart() ? 0 : Integer.parseInt(from.token().substring(0, from.token().indexOf(':')));
    int j = from.isStart() ? 0 : Integer.parseInt(from.token().substring(from.token().indexOf(':') + 1));
    List<SourceRecord> out = new ArrayList<>();
    while (i < deliveries.size() && out.size() < maxRecords) {
      List<SourceRecord> of = recordsOf(i);
      int take = Math.min(maxRecords - out.size(), of.size() - j);
      out.addAll(of.subList(j, j + take));
      j += take;
      if (j >= of.size()) {
        i++;
        j = 0;
      }
    }
    return new Batch(out, new Checkpoint(i + ":" + j), i >= deliveries.size());
  }

  private List<SourceRecord> recordsOf(int index) {
    if (index == parsedIndex) return parsed;
    InboxClaims.Claimed d = deliveries.get(index);
    List<SourceRecord> read;
    try {
      read = records.of(JSON.readValue(d.payload(), Object.class), name(d));
    } catch (IOException | ConfigException e) {
      String reason = e instanceof ConfigException ? e.getMessage() : "the body is not JSON: " + e.getMessage();
      rejected.put(index, new NewDeadLetter(name(d), "source", "webhook " + name(d) + ": " + reason,
          Map.of("payload", d.payload()), Optional.empty()));
      read = List.of();
    }
    parsedIndex = index;
    parsed = read;
    return read;
  }

  @Override
  public void committed(Checkpoint checkpoint) {
    String token = checkpoint.token();
    commitUpTo(Integer.parseInt(token.substring(0, token.indexOf(':'))));
  }

  /** Every delivery counts as committed (the run succeeded; its last acknowledgement may not have come). */
  void committedAll() {
    for (int i = committed; i < deliveries.size(); i++) recordsOf(i);
    commitUpTo(deliveries.size());
  }

  private void commitUpTo(int end) {
    if (end <= committed) return;
    List<NewDeadLetter> letters = new ArrayList<>();
    for (int i = committed; i < end; i++)
      if (rejected.containsKey(i)) letters.add(rejected.get(i));
    done.committed(deliveries.subList(committed, end), letters);
    committed = end;
  }

  /** The deliveries not committed (a failed run): they are tried again. */
  List<InboxClaims.Claimed> uncommitted() {
    return deliveries.subList(committed, deliveries.size());
  }

  @Override
  public void close() throws ConnectorException {
    // nothing held: the deliveries were read from the store when claimed
  }
}
