package dev.weft.server;

import dev.weft.store.Store;
import java.util.function.Supplier;

/**
 * The services of a running server, for {@link ServerExtension}s. {@code baseUrl} is known once the
 * server listens. After changing an instance or approving a version call {@link #resync(String)} or
 * {@link #resyncAll()}, as the API does, so that schedules follow.
 */
public record ServerServices(Store store, Catalog catalog, Instances instances, InstanceEditor editor, FlowRuns runs,
    FlowSchedules schedules, Tokens tokens, Supplier<String> baseUrl, Resync resync) {

  /** Brings schedules in line with stored instances. */
  public interface Resync {
    void instance(String instanceId);

    void all();
  }

  public void resync(String instanceId) {
    resync.instance(instanceId);
  }

  public void resyncAll() {
    resync.all();
  }
}
