package dev.weft.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one connection in one transaction: committed when it returns, rolled back when it throws. */
public final class Transaction {

  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run(Connection c) throws SQLException, E;
  }

  private Transaction() {}

  public static <T, E extends Exception> T inOne(Connection c, Work<T, E> work) throws SQLException, E {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (Exception e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
