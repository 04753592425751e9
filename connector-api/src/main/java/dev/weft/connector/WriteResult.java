package dev.weft.connector;

import java.util.List;

/**
 * What a sink did with a batch: how many records it wrote and which it refused, record by record.
 * {@code written + rejected.size()} equals the batch size.
 */
public record WriteResult(int written, List<Rejected> rejected) {

  public WriteResult {
    rejected = List.copyOf(rejected);
  }

  public static WriteResult all(int written) {
    return new WriteResult(written, List.of());
  }

  /** The record at {@code index} in the batch was refused by the target, for {@code reason}. */
  public record Rejected(int index, String reason) {}
}
