"""Client portfolio analysis: ABC/Pareto classes, effort, KPIs. Pure Python, no Streamlit.

The folders show the pipeline: ``ingest`` (files and tables to a Portfolio) -> ``analysis``
(values and codes) -> ``report`` (charts, workbook, deck: words) and ``store`` (saved analyses).
"""

from portfolio_core.analysis.abc import CLASSES, NoPositiveValueError, class_summary, classify_abc
from portfolio_core.analysis.pareto import pareto_curve
from portfolio_core.ingest.build import LoadReport, build_portfolio
from portfolio_core.ingest.demo import demo_portfolio
from portfolio_core.ingest.loading import LoadError, read_table
from portfolio_core.ingest.portfolio import Portfolio

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
