"""The gettext catalogs: every text the code marks has a French translation with the same placeholders,
the template is what the code marks, and the app reads the .po's translations, compiled or not."""

import os
import re
import shutil
from string import Formatter

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import portfolio_core.i18n as i18n
from portfolio_core.i18n import Translator, catalog_files
from tests.conftest import ROOT

PO, MO = catalog_files("fr")
TEMPLATE = ROOT / "portfolio_core" / "locale" / "messages.pot"


def makefile_keywords() -> dict:
    """The extraction keywords of the Makefile's `messages` target, so the test extracts as it does."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    (line,) = re.findall(r"^KEYWORDS := (.*)$", text, flags=re.MULTILINE)
    return {**DEFAULT_KEYWORDS, **parse_keywords(line.split())}


def marked_texts() -> set:
    """Every msgid the code marks, extracted the way `make messages` does (babel.cfg, the keywords)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = extract_from_dir(ROOT, method_map, options_map, keywords=makefile_keywords())
    return {message for _file, _line, message, _comments, _context in found}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def read_catalog(po=PO) -> dict:
    """msgid (a tuple for plurals) -> the .po's message."""
    with po.open("rb") as f:
        return {m.id: m for m in read_po(f) if m.id}


def untranslated(catalog: dict, msgids) -> list:
    """The msgids without a French text: absent, empty (any plural form) or fuzzy (a guess nobody checked)."""
    missing = []
    for msgid in msgids:
        entry = catalog.get(msgid)
        forms = () if entry is None else entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry is None or entry.fuzzy or not all(forms):
            missing.append(msgid)
    return sorted(missing, key=str)


def changed_placeholders(catalog: dict) -> list:
    """The msgids whose translation (any plural form) has other ``{names}`` than the English text."""
    wrong = []
    for msgid, entry in catalog.items():
        english = placeholders(msgid) if isinstance(msgid, str) else set().union(*map(placeholders, msgid))
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if any(form and placeholders(form) != english for form in forms):
            wrong.append(msgid)
    return wrong


def test_every_marked_text_has_a_french_translation():
    assert untranslated(read_catalog(), marked_texts()) == [], "`make messages`, then translate them"


def test_translations_keep_their_placeholders():
    assert changed_placeholders(read_catalog()) == []


def test_the_extraction_finds_the_texts_of_every_layer():
    texts = marked_texts()
    assert "Retain: secure the relationship" in texts  # report/words.py (an action id's words)
    assert "Client (identifier)" in texts  # ingest/columns.py, marked with N_
    assert "Give the analysis a name." in texts  # a StorageError's template
    assert ("{n} prospect", "{n} prospects") in texts  # t.plural(...)
    assert "Sign in" in texts  # app.py / ui


def test_a_missing_translation_or_a_changed_placeholder_is_caught(tmp_path):
    po = tmp_path / "messages.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "{n} clients"\nmsgstr "{count} clients"\n\n'
        '#, fuzzy\nmsgid "Sign in"\nmsgstr "Connexion"\n\n'
        'msgid "Sign out"\nmsgstr ""\n\n'
        'msgid "{n} partner"\nmsgid_plural "{n} partners"\nmsgstr[0] "{n} partenaire"\nmsgstr[1] ""\n\n'
        'msgid "Save"\nmsgstr "Enregistrer"\n',
        encoding="utf-8",
    )
    catalog = read_catalog(po)
    marked = ["{n} clients", "Sign in", "Sign out", ("{n} partner", "{n} partners"), "Save", "Cancel"]
    assert untranslated(catalog, marked) == sorted(
        ["Sign in", "Sign out", ("{n} partner", "{n} partners"), "Cancel"], key=str
    )
    assert changed_placeholders(catalog) == ["{n} clients"]


def test_the_template_holds_what_the_code_marks():
    with TEMPLATE.open("rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    assert template == marked_texts(), "run `make messages`"


def test_the_compiled_catalog_is_the_po():
    def entries(catalog) -> dict:
        def key(x):  # a plural's forms: a tuple in a .po, a list in a .mo
            return tuple(x) if isinstance(x, list | tuple) else x

        return {key(m.id): key(m.string) for m in catalog if m.id and not m.fuzzy}

    with PO.open("rb") as f:
        source = entries(read_po(f))
    if MO.exists():  # `make catalogs` (part of `make setup`) built it
        with MO.open("rb") as f:
            assert entries(read_mo(f)) == source, "run `make catalogs`"
    gettext_catalog = i18n.translations("fr")
    with PO.open("rb") as f:
        for m in read_po(f):
            if m.id and isinstance(m.id, str):
                assert gettext_catalog.gettext(m.id) == m.string


@pytest.fixture
def fresh_clone(tmp_path, monkeypatch):
    """The catalogs as in a fresh clone: the .po without its compiled .mo."""
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(PO, folder / PO.name)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    yield folder
    i18n.translations.cache_clear()


def test_without_a_compiled_catalog_the_po_is_read(fresh_clone):
    fr = Translator("fr")
    assert fr("Sign in") == "Se connecter"
    assert fr.plural("{n} partner", "{n} partners", 3) == "3 partenaires"
    assert not (fresh_clone / "messages.mo").exists() and fr.missing == set()


def test_an_edited_po_wins_over_an_older_compiled_catalog(fresh_clone):
    (fresh_clone / "messages.mo").write_bytes(i18n.compile_po(PO))
    text = (fresh_clone / "messages.po").read_text(encoding="utf-8")
    edited = text.replace('msgstr "Se connecter"', 'msgstr "Connexion"')
    (fresh_clone / "messages.po").write_text(edited, encoding="utf-8")
    mo = fresh_clone / "messages.mo"
    mtime = mo.stat().st_mtime - 10
    os.utime(mo, (mtime, mtime))
    assert Translator("fr")("Sign in") == "Connexion"
