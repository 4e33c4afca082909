# Two entry points: `make run` (the app on the demo portfolio) and `make test` (everything CI runs).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-long setup browser postgres lint bench messages catalogs

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed catalogs

# Translations: gettext catalogs managed with Babel (msgid = the English text).
# `make messages` extracts every marked text into the template and merges it into each language's .po
# (new texts arrive with an empty msgstr: translate them; changed ones come back fuzzy: review them);
# `make catalogs` compiles the .po into the .mo the app loads (a build product, not in git).
LOCALE_DIR := portfolio_core/locale
# The calls whose first argument is a text to translate: the translators (`t(...)`, `_(...)`,
# `t.plural(...)`), the marker `N_(...)` and the message objects and errors built from a template.
KEYWORDS := t N_ plural:1,2 Message LoadError MissingRoleError StorageError CorruptDatabaseError NewerDatabaseError \
	DatabaseUnavailableError AnalysisNotFoundError TextNumbersError
PO_FLAGS := --width=100

messages: $(BIN)/.installed
	$(BIN)/pybabel extract -F babel.cfg $(addprefix -k ,$(KEYWORDS)) --no-location --sort-output \
	  $(PO_FLAGS) --project="Client Portfolio Analyzer" -o $(LOCALE_DIR)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALE_DIR)/messages.pot -d $(LOCALE_DIR) --ignore-obsolete \
	  --ignore-pot-creation-date $(PO_FLAGS)

# (compiled by Babel's own writer, see portfolio_core.i18n.compile_catalogs for why not `pybabel compile`)
catalogs: $(BIN)/.installed
	$(BIN)/python -c "from portfolio_core.i18n import compile_catalogs; print(*compile_catalogs())"

# Debian's chromium for the browser tests (Playwright's own browser download does not work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

# Debian's PostgreSQL for the tests' real server (tests/servers.py starts its own cluster on a free port).
# Debian keeps initdb and pg_ctl in /usr/lib/postgresql/<version>/bin, off PATH: look there too.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq postgresql >/dev/null; }

run: setup
	$(BIN)/streamlit run app.py --server.port $(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy portfolio_core

test: setup browser postgres lint
	$(BIN)/pytest -q

# The property tests with fresh random examples, ten times as many as CI's fixed ones (minutes).
test-long: setup
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q $$(grep -l "from hypothesis" tests/test_*.py)

bench: setup browser
	$(BIN)/python -m bench
