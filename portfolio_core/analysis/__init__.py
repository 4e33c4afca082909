"""ABC, Pareto, cut-offs, effort, segments, KPIs, models and actions: values and codes, never words."""
