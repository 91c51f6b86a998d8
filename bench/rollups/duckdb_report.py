"""The funder report (services, distinct clients, minutes and cost by program x month x category
over a year) in DuckDB on the same services, exported to Parquet. Prints RESULT backend=duckdb."""
import statistics
import sys
import time

import duckdb

csv_path, parquet_path = sys.argv[1], sys.argv[2]
con = duckdb.connect()
started = time.perf_counter()
con.execute(f"COPY (SELECT * FROM read_csv_auto('{csv_path}')) TO '{parquet_path}' (FORMAT PARQUET)")
convert_s = time.perf_counter() - started
query = f"""
    SELECT program_id, substr(CAST(provided_on AS VARCHAR), 1, 7) AS month, category,
           count(*) AS services, count(DISTINCT client_id) AS clients, sum(minutes), sum(cost_cents)
    FROM read_parquet('{parquet_path}')
    WHERE provided_on >= DATE '2025-01-01' AND provided_on < DATE '2026-01-01'
    GROUP BY ALL ORDER BY 1, 2, 3
"""
samples = []
rows = 0
for _ in range(5):
    t = time.perf_counter()
    rows = len(con.execute(query).fetchall())
    samples.append((time.perf_counter() - t) * 1000)
print(f"RESULT backend=duckdb parquet_convert_s={convert_s:.1f} report_ms={statistics.median(samples):.0f} rows={rows}")
