"""The analysis where the data lives: per-client totals computed by an Ibis backend (DuckDB by default)."""
