"""Client portfolio analysis: ABC/Pareto classes, effort, KPIs. Pure Python, no Streamlit."""

from .abc import CLASSES, NoPositiveValueError, class_summary, classify_abc
from .demo import demo_portfolio
from .ingest import LoadReport, build_portfolio
from .loading import LoadError, read_table
from .pareto import pareto_curve
from .portfolio import Portfolio

__all__ = [
    "CLASSES",
    "LoadError",
    "LoadReport",
    "NoPositiveValueError",
    "Portfolio",
    "build_portfolio",
    "class_summary",
    "classify_abc",
    "demo_portfolio",
    "pareto_curve",
    "read_table",
]
