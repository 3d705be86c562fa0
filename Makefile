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
# The site engine: MkDocs 1.6 (default) or ProperDocs, its maintained drop-in fork (same
# plugins, hooks and output). Both are pinned in requirements.lock.
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs properdocs),)
$(error ENGINE måste vara mkdocs eller properdocs, inte "$(ENGINE)")
endif
SITE_ENGINE := $(BIN)/$(ENGINE)

.PHONY: help serve build public check test lint bench fuzz clean schema codeowners changes review-due pdf pdf-check screenshots
.PHONY: ny-rutin ny-process ny-berattelse nyckeltal import faststall show
.PHONY: import-word ny-organisation paket
.PHONY: bpmn-js import-bpmn

help:
	@echo "make serve   – installera och visa portalen på http://127.0.0.1:8000 (PORT=8001 för en annan port)"
	@echo "make build   – bygg webbplatsen till site/ med berättelserna som PDF (PDF=nej utan)"
	@echo "make public  – bygg den externa webbplatsen med bara kvalitetsberättelsen till public-site/ (UTKAST=ja tar med utkast)"
	@echo "make check   – granska allt innehåll utan att bygga"
	@echo "make test    – installera och kör alla tester"
	@echo "make bench   – mät byggtid och sidvikt (separat från testerna)"
	@echo "make fuzz    – prova varje inläsare med 10 000 slumpade filer (separat från testerna)"
	@echo "make changes BASE=origin/main – sammanfatta grenen för granskaren"
	@echo "make codeowners – skriv CODEOWNERS från dokumentens ägare"
	@echo "make review-due – lista revideringar som är försenade eller snart ska göras"
	@echo "make pdf YEAR=2024 – skriv ut årets berättelse som PDF (OUT=sökväg för annan fil)"
	@echo "make screenshots – skärmbilder av varje sidtyp (375 och 1280 px, ljust och mörkt) i .screenshots/"
	@echo 'make ny-rutin TITEL="Titel" PROCESS=process-id – skapa en rutin i processens mapp'
	@echo 'make ny-process NAMN="Namn" – skapa en process'
	@echo "make ny-berattelse YEAR=2026 – lägg upp nästa års kvalitetsberättelse"
	@echo "make nyckeltal YEAR=2025 – visa årets beräknade siffror (FORMAT=csv eller json)"
	@echo "make import TYP=avvikelser FIL=export.csv YEAR=2025 MAPPNING=… – importera en export"
	@echo "make faststall YEAR=2025 – försegla en fastställd berättelse (RATTELSE=… ANDRING=… för en rättelse)"
	@echo "make show FIL=routines/… DATUM=2026-03-01 – den version som gällde ett datum"
	@echo "make import-word FIL=rutin.docx – importera Word-dokument (en fil eller en mapp) som utkast"
	@echo "make ny-organisation KOMMUN=… NAMND=… FORVALTNING=… – byt exemplet mot er egen organisation"
	@echo "make paket – bygg webbplatsen och packa den som en fil att ladda upp (ledningssystem-site.zip)"
	@echo "make import-bpmn FIL=process.bpmn – skapa en process ur en BPMN-fil (2c8, Canea, Camunda)"

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 eller senare krävs (hittade " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	@touch $@

install: $(STAMP)

# Under serve a content error becomes an error page in the browser (hooks/portal.py), so no
# request waits for a fix. PORT=8001 chooses another port.
PORT ?= 8000
serve: $(STAMP)
	$(SITE_ENGINE) serve --strict --dirty -a 127.0.0.1:$(PORT)

# Build into a temporary folder and swap it in only on success: never a half-built site/.
# The berättelse PDFs of all years go beside each year's open data (PDF=nej skips them).
# The build itself writes the PDFs (LEDNINGSSYSTEM_PDF=ja, read by mkdocs.yml), so a year page
# links to its PDF exactly when the PDF is there.
PDF_FLAG = $(if $(filter nej,$(PDF)),nej,ja)
build: $(STAMP)
ifneq ($(PDF),nej)
	@$(BIN)/python -m ledningssystem.pdf.check_system \
	  || { echo "Eller bygg utan PDF: make build PDF=nej" >&2; exit 1; }
endif
	rm -rf site.tmp
	LEDNINGSSYSTEM_PDF=$(PDF_FLAG) $(SITE_ENGINE) build --strict --site-dir site.tmp
	$(BIN)/python -m ledningssystem.website.swap site.tmp site  # by rename: never half a site

# The public site: only the berättelse (fastställda years; UTKAST=ja adds drafts), for the
# organisation's public website. Same swap as build: never a half-built public-site/.
public: $(STAMP)
ifneq ($(PDF),nej)
	@$(BIN)/python -m ledningssystem.pdf.check_system \
	  || { echo "Eller bygg utan PDF: make public PDF=nej" >&2; exit 1; }
endif
	rm -rf public-site.tmp
	LEDNINGSSYSTEM_PDF=$(PDF_FLAG) LEDNINGSSYSTEM_UTKAST=$(if $(filter ja,$(UTKAST)),ja,nej) \
	  $(SITE_ENGINE) build --strict -f mkdocs.public.yml --site-dir public-site.tmp
	$(BIN)/python -m ledningssystem.website.swap public-site.tmp public-site

# Content, links, the version rule for the working tree against the base branch (BASE=, else
# origin/main, main, …) and CODEOWNERS: every problem in one run.
check: $(STAMP)
	$(BIN)/python -m ledningssystem check $(if $(filter ja,$(STRIKT)),--strikt) $(if $(filter command line environment,$(origin BASE)),--base $(BASE))

# Document control: the same commands the shipped CI templates run.
BASE ?= origin/main
CHANGES_OUT ?= andringar.md
codeowners: $(STAMP)
	$(BIN)/python -m ledningssystem codeowners

changes: $(STAMP)
	$(BIN)/python -m ledningssystem changes --base $(BASE) --output $(CHANGES_OUT)

review-due: $(STAMP)
	$(BIN)/python -m ledningssystem review-due $(if $(SITE_URL),--site-url $(SITE_URL))

schema: $(STAMP)
	$(BIN)/python -m ledningssystem schema

# mypy keeps its cache outside the clone, so a fresh clone (as CI makes) checks incrementally:
# the cache is checked against each file's hash, never trusted blindly (MYPY_CACHE_DIR= moves it).
MYPY_CACHE_DIR ?= $(HOME)/.cache/ledningssystem/mypy
lint: $(STAMP)
	$(BIN)/ruff check ledningssystem macros hooks tests bench
	$(BIN)/ruff format --check ledningssystem macros hooks tests bench
	MYPY_CACHE_DIR="$(MYPY_CACHE_DIR)" $(BIN)/mypy

test: $(STAMP) lint pdf-check bpmn-js
	@test -x /usr/bin/chromium || { \
	  echo "!!! Chromium saknas: webbläsartesterna hoppas över. Installera: sudo apt-get install -y chromium"; \
	  echo "!!! Chromium missing: browser tests will be SKIPPED. Install: sudo apt-get install -y chromium"; }
	$(BIN)/pytest -n auto --dist loadgroup

# Property tests at volume (not part of test, which runs 50 per loader): every file loader
# gets FUZZ_EXAMPLES generated files and must give data or a content error, nothing else;
# the whole portal is loaded with FUZZ_LOADS generated files of each kind (test: 15).
FUZZ_EXAMPLES ?= 10000
FUZZ_LOADS ?= 500
fuzz: $(STAMP)
	LEDNINGSSYSTEM_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) LEDNINGSSYSTEM_FUZZ_LOADS=$(FUZZ_LOADS) \
	  $(BIN)/pytest -q -s -p no:cacheprovider tests/test_file_loaders_fuzz.py \
	  tests/test_loaders_fuzz.py -k "not broken_file"

# bpmn-js (pinned in tests/bpmn/package-lock.json) for the test that every exported .bpmn opens.
bpmn-js:
	@bash tests/bpmn/setup.sh

# A process from a BPMN 2.0 file (2c8, Canea, Camunda): make import-bpmn FIL=process.bpmn
import-bpmn: $(STAMP)
	@test -n "$(FIL)" || { echo "Ange filen: make import-bpmn FIL=process.bpmn" >&2; exit 2; }
	$(BIN)/python -m ledningssystem import-bpmn "$(FIL)" $(if $(AGARE),--ägare $(AGARE)) $(if $(TYP),--typ $(TYP))

# PDF of one year's berättelse. WeasyPrint needs Pango/HarfBuzz from the system: check first
# and say how to install them, instead of failing with a cffi traceback.
pdf-check: $(STAMP)
	@$(BIN)/python -m ledningssystem.pdf.check_system

pdf: pdf-check
	@test -n "$(YEAR)" || { echo "Ange året: make pdf YEAR=2024" >&2; exit 2; }
	$(BIN)/python -m ledningssystem pdf --year $(YEAR) $(if $(OUT),--out $(OUT))

# Word documents (a .docx file or a folder of them) as rutin drafts in routines/importerade/.
import-word: $(STAMP)
	@test -n "$(FIL)" || { echo 'Ange filen eller mappen: make import-word FIL="Rutiner/Rapportera avvikelse.docx"' >&2; exit 2; }
	$(BIN)/python -m ledningssystem import-word "$(FIL)"

# From the example to one's own organisation (asks for what is not given; JA=ja asks nothing).
ny-organisation: $(STAMP)
	$(BIN)/python -m ledningssystem ny-organisation $(if $(KOMMUN),--kommun "$(KOMMUN)") \
	  $(if $(NAMND),--nämnd "$(NAMND)") $(if $(FORVALTNING),--förvaltning "$(FORVALTNING)") \
	  $(if $(GIT_URL),--git-url "$(GIT_URL)") $(if $(filter ja,$(JA)),--ja)

# The built site as one zip to upload (docs/web.config inside for IIS). ADRESSER=html links
# pages as .html files, for servers without a default document (Sitevision's file archive).
PAKET_OUT ?= ledningssystem-webbplats.zip
paket: $(STAMP)
ifeq ($(ADRESSER),html)
	printf 'INHERIT: mkdocs.yml\nuse_directory_urls: false\n' > .mkdocs-html.yml
	rm -rf site.tmp
	LEDNINGSSYSTEM_PDF=$(PDF_FLAG) $(SITE_ENGINE) build --strict -f .mkdocs-html.yml --site-dir site.tmp \
	  || { rm -f .mkdocs-html.yml; exit 1; }
	rm -f .mkdocs-html.yml
	$(BIN)/python -m ledningssystem.website.swap site.tmp site
else
	$(MAKE) build
endif
	$(BIN)/python -m ledningssystem paket --site site --out $(PAKET_OUT)

# Build time, memory and page weight of a synthetic large-city ledningssystem, and process map
# rendering (not part of test). SIZE=small runs only the quarter-size variant. Each writes its
# own keys into .bench/results.json.
bench: $(STAMP)
	@# A missed process-map target is reported, and the build is still measured; make fails after.
	$(BIN)/python bench/process_maps.py; maps=$$?; $(BIN)/python -m bench.run --size $(SIZE) && exit $$maps

# PNGs of every page type of both sites at 375 and 1280 px, light and dark, for review
# (not asserted, not part of test; the layout test is tests/browser/test_layout.py).
screenshots: $(STAMP)
	$(MAKE) build PDF=nej
	$(MAKE) public PDF=nej
	$(BIN)/python -m tests.browser.screenshots site public-site .screenshots

# Commands for authors, so every guide can show a command that works from a fresh clone
# without activating .venv. Values with spaces go in quotes: make ny-rutin TITEL="Hantera nycklar".
ny-rutin: $(STAMP)
	@test -n "$(TITEL)" || { echo 'Ange rubriken: make ny-rutin TITEL="Hantera nyckelkvittens" PROCESS=hemtjanst' >&2; exit 2; }
	$(BIN)/python -m ledningssystem new rutin "$(TITEL)" $(if $(PROCESS),--process "$(PROCESS)") $(if $(AGARE),--ägare "$(AGARE)") $(if $(TYP),--typ "$(TYP)")

ny-process: $(STAMP)
	@test -n "$(NAMN)" || { echo 'Ange namnet: make ny-process NAMN="Kompetensförsörjning"' >&2; exit 2; }
	$(BIN)/python -m ledningssystem new process "$(NAMN)" $(if $(AGARE),--ägare "$(AGARE)") $(if $(TYP),--typ "$(TYP)")

ny-berattelse: $(STAMP)
	@test -n "$(YEAR)" || { echo "Ange året: make ny-berattelse YEAR=2026" >&2; exit 2; }
	$(BIN)/python -m ledningssystem ny-berattelse $(YEAR)

nyckeltal: $(STAMP)
	$(BIN)/python -m ledningssystem nyckeltal $(YEAR) $(if $(FORMAT),--format $(FORMAT))

# make import TYP=avvikelser FIL=export.csv YEAR=2025 MAPPNING=reports/mappningar/treserva-avvikelser.yml
import: $(STAMP)
	@test -n "$(TYP)" -a -n "$(FIL)" -a -n "$(YEAR)" || { echo "Ange typ, fil och år: make import TYP=avvikelser FIL=export.csv YEAR=2025 MAPPNING=reports/mappningar/treserva-avvikelser.yml" >&2; exit 2; }
	$(BIN)/python -m ledningssystem import $(TYP) "$(FIL)" --year $(YEAR) $(if $(MAPPNING),--mapping "$(MAPPNING)") $(if $(filter ja,$(FORCE)),--force)

# make faststall YEAR=2025, or a rättelse: RATTELSE="varför" ANDRING="vad som ändrades"
faststall: $(STAMP)
	@test -n "$(YEAR)" || { echo "Ange året: make faststall YEAR=2025" >&2; exit 2; }
	$(BIN)/python -m ledningssystem fastställ $(YEAR) $(if $(filter nej,$(PDF)),--utan-pdf) $(if $(RATTELSE),--rättelse "$(RATTELSE)") $(if $(ANDRING),--ändring "$(ANDRING)") $(if $(DATUM),--datum $(DATUM))

# make show FIL=routines/avvikelser/rapportera-avvikelse.md DATUM=2026-03-01
show: $(STAMP)
	@test -n "$(FIL)" -a -n "$(DATUM)" || { echo "Ange fil och datum: make show FIL=routines/avvikelser/rapportera-avvikelse.md DATUM=2026-03-01" >&2; exit 2; }
	$(BIN)/python -m ledningssystem show "$(FIL)" --as-of $(DATUM)

clean:
	rm -rf site site.tmp site.old public-site public-site.tmp public-site.old ledningssystem-webbplats.zip .pytest_cache .mypy_cache .ruff_cache kvalitetsberattelse-*.pdf .screenshots .cache
