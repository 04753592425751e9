package dev.weft.connector.brokers.nats;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TransientException;
import dev.weft.connector.WriteResult;
import dev.weft.connector.brokers.BodyCodec;
import dev.weft.connector.brokers.BrokerSettings;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes each record to JetStream with {@code Nats-Msg-Id} = the record's id (the stream
 * drops repeats within its duplicate window), asynchronously, and returns once every publish ack
 * came.
 */
final class NatsSink implements Sink {
  private static final int WINDOW = 4_096;

  private final Connection connection;
  private final JetStream jetStream;
  private final String subject;
  private final String stream;
  private final BodyCodec codec;
  private final BrokerSettings settings;

  private NatsSink(Connection connection, String subject, String stream, BodyCodec codec, BrokerSettings settings)
      throws IOException {
    this.connection = connection;
    this.jetStream = connection.jetStream();
    this.subject = subject;
    this.stream = stream;
    this.codec = codec;
    this.settings = settings;
  }

  static NatsSink open(SinkContext context, String subject) throws ConnectorException {
    BrokerSettings settings = BrokerSettings.of(context.system());
    BodyCodec codec = BodyCodec.of(context.system());
    Connection connection = NatsConnections.open(context.system(), "weft " + context.flow().id() + " (target)");
    try {
      String stream = NatsStreams.find(connection, subject, settings, context.system().id());
      return new NatsSink(connection, subject, stream, codec, settings);
    } catch (IOException e) {
      NatsConnections.closeQuietly(connection);
      throw new TransientException("cannot use NATS JetStream", e);
    } catch (ConnectorException | RuntimeException e) {
      NatsConnections.closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public WriteResult write(List<SinkRecord> batch) throws ConnectorException {
    List<WriteResult.Rejected> rejected = new ArrayList<>();
    Deque<CompletableFuture<PublishAck>> acks = new ArrayDeque<>();
    long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
    try {
      for (int i = 0; i < batch.size(); i++) {
        SinkRecord record = batch.get(i);
        byte[] body;
        try {
          body = codec.encode(record.value());
        } catch (IOException e) {
          rejected.add(new WriteResult.Rejected(i, "cannot write the record as " + codec.format().key() + ": " + e.getMessage()));
          continue;
        }
        while (acks.size() >= WINDOW) await(acks.removeFirst(), deadline);
        Headers headers = new Headers().put("Content-Type", codec.contentType());
        PublishOptions options = PublishOptions.builder().messageId(record.id()).expectedStream(stream).build();
        acks.addLast(jetStream.publishAsync(subject, headers, body, options));
      }
      while (!acks.isEmpty()) await(acks.removeFirst(), deadline);
    } catch (TimeoutException e) {
      throw new TransientException(
          "NATS JetStream did not acknowledge the batch within " + settings.confirmTimeout().toSeconds() + "s", e);
    } catch (ExecutionException e) {
      throw new TransientException("NATS JetStream refused a message: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while waiting for NATS JetStream", e);
    }
    return new WriteResult(batch.size() - rejected.size(), rejected);
  }

  private static void await(CompletableFuture<PublishAck> ack, long deadline)
      throws TimeoutException, ExecutionException, InterruptedException {
    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    NatsConnections.closeQuietly(connection);
  }
}
