# What people type. `make run` and `make test` work on a fresh clone with only Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install test test-e2e lint format load-demo bench check worker messages clean stack loadtest

$(STAMP): requirements-dev.lock
	@command -v xgettext >/dev/null || ! command -v apt-get >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq gettext >/dev/null) || \
		echo "gettext not installed: the message-extraction test will be skipped"
	@test -f /usr/share/hunspell/id_ID.dic -a -f /usr/share/hunspell/en_US.dic || ! command -v apt-get >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq hunspell-id hunspell-en-us >/dev/null) || \
		echo "hunspell dictionaries not installed: search will not correct spelling"
	@test -f /usr/share/dictd/freedict-eng-ind.index || ! command -v apt-get >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq dict-freedict-eng-ind >/dev/null) || \
		echo "dict-freedict-eng-ind not installed: English queries are not read in Indonesian"
	@command -v pdftotext >/dev/null || ! command -v apt-get >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null) || \
		echo "poppler-utils not installed: the monthly-report PDF test will fail"
	@command -v varnishd >/dev/null && dpkg -s varnish-modules >/dev/null 2>&1 || ! command -v apt-get >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq varnish varnish-modules >/dev/null) || \
		echo "varnish not installed: the front-cache (VCL) test will fail"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $(STAMP)

install: $(STAMP)

# The demo's links (printed login, mail) point at the address it is served on.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

load-demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

worker: install
	$(PY) manage.py db_worker

# Production-like: Varnish -> gunicorn + worker + scheduler on http://127.0.0.1:8080/ (deploy/).
stack: install
	deploy/stack.sh

# Load figures through the stack (wrk from apt): cached vs static, uncached, 100 citizens
# submitting, publish under load, a soak (SOAK_SECONDS, default 600) with worker memory.
STACK_PORT ?= 8080
STACK_APP_PORT ?= 8001
loadtest: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	STACK_PORT=$(STACK_PORT) STACK_APP_PORT=$(STACK_APP_PORT) COMPLAINT_SUBMIT_RATE=100000/m COMPLAINT_TRACK_RATE=100000/m \
		deploy/stack.sh > .stack.log 2>&1 & stack=$$!; \
	for i in $$(seq 1 1200); do curl -fs -o /dev/null http://127.0.0.1:$(STACK_PORT)/healthz && break; \
		kill -0 $$stack 2>/dev/null || break; sleep 1; done; \
	. .stack/env && STACK_FRONT=http://127.0.0.1:$(STACK_PORT) STACK_APP=http://127.0.0.1:$(STACK_APP_PORT) \
		$(PY) deploy/loadtest.py; status=$$?; \
	kill $$stack; wait $$stack; exit $$status

# Everything that needs no browser; pytest's "no tests ran" (exit 5) fails the target.
# One worker per core (pytest-xdist), each with its own test database, Redis key prefix and
# copy of the demo, built once per run by the first worker (tests/conftest.py).
TEST_WORKERS ?= auto
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup -m "not e2e and not bench" $(PYTEST_ARGS)

# Browser tests: Debian's Chromium (apt-get install chromium) and axe-core from the wheel.
# One worker per core too, each with its own live server, test database and browser.
test-e2e: install
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup -m e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Node tools for the benches (Lighthouse), exactly as locked in package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Figures print as tables and land in .bench/results.json. Set DATABASE_URL to add PostgreSQL.
# Lighthouse drives Debian's Chromium (apt-get install chromium).
bench: install node_modules/.package-lock.json
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/pytest tests/bench -m bench -s -q $(PYTEST_ARGS)

# Extract strings from all apps and templates into site_core/locale, then compile.
messages: install
	$(PY) manage.py makemessages -l id --ignore='.venv/*' --ignore='node_modules/*' \
		--ignore='*/migrations/*' --ignore='tests/*'
	$(PY) manage.py compilemessages -l id --ignore='.venv/*'

clean:
	rm -rf $(VENV) db.sqlite3 .test-media .test-private-media .bench .stack
