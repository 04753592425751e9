package dev.weft.console;

import dev.weft.server.Caller;
import dev.weft.server.Catalog;
import dev.weft.server.Instance;
import dev.weft.server.Instances;
import dev.weft.server.SpecVersion;
import java.util.List;
import java.util.Optional;

/**
 * Which integrations a caller may see. An admin sees all. A customer sees those it has an instance
 * of (an admin set its plan) and those without plans, which any customer may switch on; an
 * integration gated by plans and not given to the customer stays hidden.
 */
final class Marketplace {
  private final Catalog catalog;
  private final Instances instances;

  Marketplace(Catalog catalog, Instances instances) {
    this.catalog = catalog;
    this.instances = instances;
  }

  boolean sees(Caller caller, String integrationId) {
    return switch (caller) {
      case Caller.Admin a -> !catalog.versions(integrationId).isEmpty();
      case Caller.Customer c -> openToAll(integrationId)
          || instances.ofCustomer(c.customer()).stream().anyMatch(i -> i.integrationId().equals(integrationId));
    };
  }

  /** An integration without plans: any customer may create an instance of it. */
  boolean openToAll(String integrationId) {
    return latest(integrationId).map(v -> v.spec().plans().isEmpty()).orElse(false);
  }

  List<String> visible(Caller caller) {
    return catalog.integrations().stream().filter(id -> sees(caller, id)).toList();
  }

  Optional<SpecVersion> latest(String integrationId) {
    return catalog.versions(integrationId).stream().findFirst();
  }

  List<Instance> instancesOf(String customer) {
    return instances.ofCustomer(customer);
  }
}
