"""The analysis where the data lives: sources opened as Ibis tables, aggregated in their engine."""
