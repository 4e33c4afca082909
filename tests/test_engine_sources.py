"""Sources on real engines: the same parsed rows written to PostgreSQL, Spark, SQLite, a DuckDB file and a
partitioned Parquet folder come back identical through ``open_table``; listing, preview and refusals.

The rows are the demo's transactions and corpus files as the upload path parses them (pandas).
"""

import math

import ibis
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from portfolio_core.engine.sources import close_connections, list_tables, open_table, preview, spark_table
from portfolio_core.i18n import Translator
from portfolio_core.ingest.demo import demo_portfolio
from portfolio_core.ingest.files import load_paths
from portfolio_core.ingest.loading import LoadError
from tests.conftest import DATA
from tests.servers import PG_PASSWORD, free_port

CORPUS = ["a02_fr_semicolon_cp1252.csv", "a10_credit_notes.csv", "a15_hubspot_deals.csv"]


def _tables() -> dict[str, pd.DataFrame]:
    """Table name -> the transactions the pandas path parsed (client, amount, date, stage...)."""
    tables = {"demo": demo_portfolio().transactions}
    for name in CORPUS:
        tables[name.split("_")[0]] = load_paths([str(DATA / "corpus" / name)])[0].transactions
    return tables


TABLES = _tables()


def _rows(frame: pd.DataFrame) -> list[tuple]:
    """The rows as plain sorted tuples, columns by name: texts, floats, ISO dates, None for missing."""

    def plain(value):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
            return None
        if isinstance(value, pd.Timestamp):
            return value.tz_localize(None).isoformat() if value.tzinfo else value.isoformat()
        return float(value) if isinstance(value, int | float) else str(value)

    frame = frame[sorted(frame.columns)]
    return sorted((tuple(plain(v) for v in row) for row in frame.itertuples(index=False)), key=repr)


def _write_ibis(con, tables: dict[str, pd.DataFrame]) -> None:
    for name, frame in tables.items():
        con.create_table(name, frame, overwrite=True)
    con.disconnect()


@pytest.fixture(scope="module")
def sources(tmp_path_factory, postgres_url, spark) -> dict[str, str]:
    """Engine name -> a source holding every table of TABLES (Spark: the session's views, as "spark")."""
    folder = tmp_path_factory.mktemp("sources")
    _write_ibis(ibis.connect(postgres_url), TABLES)
    _write_ibis(ibis.sqlite.connect(str(folder / "tables.sqlite")), TABLES)
    _write_ibis(ibis.duckdb.connect(str(folder / "tables.duckdb")), TABLES)
    for name, frame in TABLES.items():
        # hive partitions: stage=won/..., the stage column lives in the folder names only
        pq.write_to_dataset(pa.Table.from_pandas(frame, preserve_index=False), folder / name, ["stage"])
        spark.createDataFrame(
            frame.astype({"date": "datetime64[us]"}) if "date" in frame else frame
        ).createOrReplaceTempView(name)
    yield {
        "postgres": postgres_url,
        "sqlite": f"sqlite:///{folder / 'tables.sqlite'}",
        "duckdb": f"duckdb:///{folder / 'tables.duckdb'}",
        "parquet": str(folder),
        "spark": "spark",
    }
    close_connections()


def _open(sources, spark, engine: str, table: str) -> ibis.Table:
    if engine == "spark":
        return spark_table(spark, table)
    if engine == "parquet":
        return open_table(f"{sources['parquet']}/{table}")
    return open_table(sources[engine], table)


@pytest.mark.parametrize("engine", ["postgres", "spark", "sqlite", "duckdb", "parquet"])
@pytest.mark.parametrize("table", list(TABLES))
def test_every_engine_gives_back_the_rows_written(sources, spark, engine, table):
    got = _open(sources, spark, engine, table).to_pandas()
    assert sorted(got.columns) == sorted(TABLES[table].columns)
    assert _rows(got) == _rows(TABLES[table])


def test_the_table_picker_lists_the_tables(sources):
    for engine in ("postgres", "sqlite", "duckdb"):
        assert list_tables(sources[engine]) == sorted(TABLES), engine
    assert list_tables(sources["parquet"]) == []


def test_preview_reads_the_first_rows_only(sources):
    rows = preview(sources["postgres"], "demo", limit=5)
    assert len(rows) == 5
    assert set(rows.columns) == set(TABLES["demo"].columns)
    assert len(preview(sources["duckdb"], "a02")) == len(TABLES["a02"])  # fewer rows than the limit


def test_a_glob_reads_several_files(tmp_path):
    (tmp_path / "2024.csv").write_text("client,amount\nAcme,10\n", encoding="utf-8")
    (tmp_path / "2025.csv").write_text("client,amount\nBêta,5.5\nAcme,1\n", encoding="utf-8")
    got = open_table(str(tmp_path / "*.csv")).to_pandas()
    assert _rows(got) == _rows(pd.DataFrame({"client": ["Acme", "Bêta", "Acme"], "amount": [10, 5.5, 1]}))


def _refusal(source: str, table: str | None = None) -> LoadError:
    with pytest.raises(LoadError) as caught:
        open_table(source, table)
    return caught.value


def test_a_wrong_password_is_refused_without_showing_it(postgres_url):
    wrong = postgres_url.replace(PG_PASSWORD, "Wr0ng-pw")
    error = _refusal(wrong)
    french = error.translated(Translator("fr"))
    for text in (str(error), french):
        assert "Wr0ng-pw" not in text and PG_PASSWORD not in text
        assert "***" in text and "password authentication failed" in text
    assert french != str(error) and "mot de passe" in french


def test_a_server_that_is_not_there_is_a_plain_refusal():
    error = _refusal(f"postgresql://ana:{PG_PASSWORD}@127.0.0.1:{free_port()}/sales")
    assert "Connection refused" in str(error) and PG_PASSWORD not in str(error)
    assert str(error).startswith("Cannot connect to postgresql://ana:***@127.0.0.1:")


def test_a_missing_table_names_the_tables_there(sources):
    error = _refusal(sources["postgres"], "invoices")
    assert "no table invoices" in str(error) and "a02, a10, a15, demo" in str(error)
    assert PG_PASSWORD not in str(error)
    assert "Name the table" in str(_refusal(sources["postgres"]))  # several tables: which one?


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("mysterious://host/db", "not a source the app knows"),
        ("duckdb:///nowhere/tables.duckdb", "does not exist"),
        ("sqlite:///nowhere/tables.sqlite", "does not exist"),
        ("/nowhere/deals.parquet", "does not exist"),
        ("/nowhere/*.parquet", "No file matches"),
    ],
)
def test_bad_sources_are_plain_refusals(source, words):
    error = _refusal(source)
    assert words in str(error)
    assert error.translated(Translator("fr")) != str(error)  # translated


def test_a_missing_spark_table_is_a_plain_refusal(spark):
    with pytest.raises(LoadError, match="Spark has no table invoices"):
        spark_table(spark, "invoices")
