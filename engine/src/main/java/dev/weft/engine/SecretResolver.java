package dev.weft.engine;

import java.util.Map;
import java.util.Optional;

/** Gives the value of a {@code ${secret.X}} (the operator's secrets, stored once for every instance). */
@FunctionalInterface
public interface SecretResolver {

  Optional<String> secret(String name);

  static SecretResolver none() {
    return name -> Optional.empty();
  }

  static SecretResolver of(Map<String, String> secrets) {
    Map<String, String> copy = Map.copyOf(secrets);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
