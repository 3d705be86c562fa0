# One entry point for people, CI and the shipped CI templates.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the sitemap (and "today", unless ledningssystem.yml sets idag)
# come from the last commit, so two builds of one commit are byte-identical.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
endif
export SOURCE_DATE_EPOCH
SIZE ?= full

.PHONY: help serve build check test lint bench clean schema

help:
	@echo "make serve   – installera och visa portalen på http://127.0.0.1:8000"
	@echo "make build   – bygg webbplatsen till site/"
	@echo "make check   – granska allt innehåll utan att bygga"
	@echo "make test    – installera och kör alla tester"
	@echo "make bench   – mät byggtid och sidvikt (separat från testerna)"

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 eller senare krävs (hittade " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	@touch $@

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# Build into a temporary folder and swap it in only on success: never a half-built site/.
build: $(STAMP)
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

check: $(STAMP)
	$(BIN)/python -m ledningssystem check

schema: $(STAMP)
	$(BIN)/python -m ledningssystem schema

lint: $(STAMP)
	$(BIN)/ruff check ledningssystem macros hooks tests bench
	$(BIN)/ruff format --check ledningssystem macros hooks tests bench
	$(BIN)/mypy

test: $(STAMP) lint
	@test -x /usr/bin/chromium || { \
	  echo "!!! Chromium saknas: webbläsartesterna hoppas över. Installera: sudo apt-get install -y chromium"; \
	  echo "!!! Chromium missing: browser tests will be SKIPPED. Install: sudo apt-get install -y chromium"; }
	$(BIN)/pytest

# Build time, memory and page weight of a synthetic large-city ledningssystem (not part of test).
# SIZE=small runs only the quarter-size variant.
bench: $(STAMP)
	$(BIN)/python -m bench.run --size $(SIZE)

clean:
	rm -rf site site.tmp .pytest_cache .mypy_cache .ruff_cache
