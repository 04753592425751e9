package dev.weft.bench;

/** The target table every variant fills, so that each does the same job. */
final class BenchDatabase {
  private BenchDatabase() {}

  static final String TABLE = "bench_orders";

  static final String CREATE =
      "CREATE TABLE IF NOT EXISTS " + TABLE + " (order_id text PRIMARY KEY, customer_name text, email text,"
          + " weight_kg numeric(12,3), total numeric(12,2), currency text, created_at timestamptz)";

  static final String UPSERT =
      "INSERT INTO " + TABLE + " (order_id, customer_name, email, weight_kg, total, currency, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS timestamptz))"
          + " ON CONFLICT (order_id) DO UPDATE SET customer_name = EXCLUDED.customer_name, email = EXCLUDED.email,"
          + " weight_kg = EXCLUDED.weight_kg, total = EXCLUDED.total, currency = EXCLUDED.currency, created_at = EXCLUDED.created_at";
}
