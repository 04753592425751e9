#!/usr/bin/env bash
# Times `weft run` on N CSV rows (default 1,000,000) into a PostgreSQL upsert, with peak memory.
#   engine/bench/csv-to-postgres.sh [ROWS] [BATCH]   (PostgreSQL on 127.0.0.1:5432; BATCH default 1000)
set -euo pipefail
rows=${1:-1000000}
batch=${2:-1000}
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d /tmp/weft-bench.XXXXXX)
table=bench_orders_$$
mkdir -p "$work/drop"
awk -v n="$rows" 'BEGIN {
  print "order_id,customer_first,customer_last,email,weight_lb,total_cents,currency,created_at";
  for (i = 1; i <= n; i++) printf "A-%d,First%d,Last%d,User%d@Example.com,%d.%d,%d,EUR,2026-01-%02dT10:00:00Z\n", i, i, i % 97, i, i % 50, i % 10, 100 + i, 1 + i % 28 }' \
  > "$work/drop/orders-1.csv"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE TABLE $table (order_id VARCHAR(40) PRIMARY KEY, customer_name VARCHAR(200), email VARCHAR(200), weight_kg NUMERIC(12,3), total NUMERIC(12,2))"
sed -e "s|@JDBC_URL@|jdbc:postgresql://127.0.0.1:5432/test?user=postgres|" -e "s|@FOLDER@|file://$work/drop|" \
    -e "s|@TABLE@|$table|" -e "s|@ATTEMPTS@|3|" "$root/cli/src/test/resources/e2e/orders-to-postgres.yaml" > "$work/spec.yaml"
cd "$work"
WEFT_JAVA_OPTS="${WEFT_JAVA_OPTS:--Xmx256m}" /usr/bin/time -v "$root/weft" run spec.yaml --flow orders --secret pg_password=unused \
  --state "jdbc:h2:file:$work/state" --batch "$batch" --json 2> time.txt | tee result.json
grep -E "Elapsed|Maximum resident" time.txt
psql -q -h 127.0.0.1 -U postgres -d test -tc "SELECT COUNT(*) FROM $table"
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP TABLE $table"
rm -rf "$work"
