package dev.weft.connector;

import dev.weft.model.SystemDef;

/**
 * A connection kind (JDBC, HTTP, files, a broker), found through {@link java.util.ServiceLoader}.
 * A connector opens sources and sinks for the systems whose URL it {@link #accepts}.
 */
public interface Connector {

  /** A short name for messages and logs, e.g. {@code jdbc}, {@code http}, {@code sftp}. */
  String name();

  /** True when this connector serves the system (usually decided by its URL scheme). */
  boolean accepts(SystemDef system);

  /** Opens a reader of the flow's source. {@link ConfigException} when the source cannot be read from this system. */
  Source openSource(SourceContext context) throws ConnectorException;

  /** Opens a writer of the flow's target. {@link ConfigException} when this system cannot be written to. */
  Sink openSink(SinkContext context) throws ConnectorException;

  /** Opens one side of a two-way sync. {@link ConfigException} when this kind of system cannot be one. */
  default RecordSet openRecordSet(RecordSetContext context) throws ConnectorException {
    throw new ConfigException(
        "a " + name() + " system cannot be a side of a two-way sync: use a table or an API endpoint");
  }

  /**
   * Opens a read-only view of the flow's target for {@code weft plan}: what a sink opened with the
   * same context would find for each record. The default says every record is appended, which is
   * true of append-only targets (files, brokers); targets that match records by key answer what
   * they hold.
   */
  default TargetPreview openPreview(SinkContext context) throws ConnectorException {
    return TargetPreview.APPENDS;
  }
}
