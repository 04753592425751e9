package dev.weft.server;

/** Who sent an API request. */
public sealed interface Caller {
  record Admin() implements Caller {}

  record Customer(String customer) implements Caller {}

  /** True when the caller may see and change things of this customer. */
  default boolean sees(String customer) {
    return switch (this) {
      case Admin a -> true;
      case Customer c -> c.customer().equals(customer);
    };
  }
}
