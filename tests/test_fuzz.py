"""Bad input never crashes: mutated real files and random bytes give a result or a plain LoadError."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolio_core import LoadError, build_portfolio, read_table
from tests.conftest import DATA, each_tab

CORPUS = sorted(p for p in (DATA / "corpus").rglob("*") if p.is_file())
SEPARATORS = [b",", b";", b"\t", b"|"]


def mutations(data: bytes, rng: random.Random) -> list[tuple[str, bytes]]:
    """Truncated, bytes flipped, columns shuffled, separators swapped: what damaged exports look like."""
    out = []
    for cut in (0.1, 0.5, 0.93):
        out.append((f"truncated {cut:.0%}", data[: max(1, int(len(data) * cut))]))
    flipped = bytearray(data)
    for _ in range(max(1, len(data) // 50)):
        i = rng.randrange(len(flipped))
        flipped[i] = rng.randrange(256)
    out.append(("bytes flipped", bytes(flipped)))
    lines = data.split(b"\n")
    for sep in SEPARATORS:
        if sep in lines[0]:
            order = list(range(lines[0].count(sep) + 1))
            rng.shuffle(order)
            shuffled = [
                sep.join(line.split(sep)[i] for i in order if i < len(line.split(sep))) for line in lines
            ]
            out.append(("columns shuffled", b"\n".join(shuffled)))
            other = rng.choice([s for s in SEPARATORS if s != sep])
            out.append(("separator swapped", data.replace(sep, other)))
            out.append(("rows duplicated and a header lost", b"\n".join(lines[1:] * 3)))
            break
    return out


def damaged_files() -> list[tuple[str, bytes]]:
    rng = random.Random(20261126)
    files = []
    for path in CORPUS:
        if not path.stat().st_size:
            continue  # the empty file is in the corpus already
        for what, data in mutations(path.read_bytes(), rng):
            files.append((f"{path.name} ({what})", data))
    return files


DAMAGED = damaged_files()


def load_or_refuse(name: str, data: bytes) -> None:
    """Either a portfolio or a LoadError with a message; anything else is a bug."""
    try:
        table = read_table(data, name.split(" (")[0])
        portfolio, report = build_portfolio([table])
    except LoadError as exc:
        assert str(exc).strip(), "a refusal must say why"
        return
    assert portfolio.values().notna().all()
    assert len(report.tables) == 1


def test_there_are_at_least_a_hundred_damaged_files():
    assert len(DAMAGED) >= 100


@pytest.mark.parametrize("name, data", DAMAGED, ids=[n for n, _ in DAMAGED])
def test_a_damaged_file_is_loaded_or_refused_plainly(name, data):
    load_or_refuse(name, data)


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_plainly(data):
    load_or_refuse("random.csv", data)


@settings(max_examples=300)
@given(
    st.lists(
        st.lists(
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=6
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]),
)
def test_random_text_tables_are_loaded_or_refused_plainly(rows, sep, encoding):
    text = "\n".join(sep.join(cells) for cells in rows)
    load_or_refuse("table.csv", text.encode(encoding, errors="replace"))


def test_a_file_with_a_hundred_thousand_columns_is_refused_before_parsing():
    header = ",".join(f"c{i}" for i in range(100_000))
    row = ",".join("1" for _ in range(100_000))
    with pytest.raises(LoadError, match="more than 2,000 columns"):
        read_table(f"{header}\n{row}\n".encode(), "wide.csv")


PAGES = ["pages/data.py", "pages/abc.py", "pages/effort.py", "pages/segments.py"]


@pytest.mark.parametrize("name, data", DAMAGED[::6], ids=[n for n, _ in DAMAGED[::6]])
def test_pages_never_crash_on_a_damaged_upload(app, name, data):
    app.run()
    app.get("file_uploader")[0].set_value((name.split(" (")[0], data, "text/csv")).run()
    assert not app.exception
    for page in PAGES:
        app.switch_page(page).run()
        assert not app.exception, page
        for tab in each_tab(app):
            assert not app.exception, (page, tab)
