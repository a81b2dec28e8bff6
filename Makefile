# fazhi-reports: two commands do everything.
#   make repro   set up .venv from requirements.lock, then rebuild the whole dataset (dvc repro)
#   make test    set up .venv, then run every test
# Only Python 3.11 and pip are needed; nothing is installed outside .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# dvc runs each stage's `python` from PATH: make it the project's.
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: setup repro test bench lab formats serve lock metrics status clean-venv mutation

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

repro: $(STAMP)
	$(BIN)/dvc repro
	@$(BIN)/dvc status

test: $(STAMP)
	$(BIN)/python -m pytest --nbmake tests notebooks/src

bench: $(STAMP)
	$(BIN)/python -m fazhi.bench

# Mutation testing (not part of `make test`; see TESTING.md). mutmut lives in its own venv outside
# the project (never in requirements.lock) and works on a scratch copy of the tree, mutating
# MUTATE and running only MUTATION_TESTS; it prints the kill rate per module at the end.
MUTATION_HOME  ?= $(abspath $(CURDIR)/../mut)
MUTATION_VENV  := $(MUTATION_HOME)/venv
MUTATION_TREE  := $(MUTATION_HOME)/tree
MUTMUT_VERSION := 3.8.1
MUTATE         := src/fazhi/schema.py src/fazhi/quantities.py
MUTATION_TESTS := tests/test_schema.py tests/test_corruption.py tests/test_quantities.py \
                  tests/test_quantities_mutants.py

mutation:
	test -x $(MUTATION_VENV)/bin/python || $(PYTHON) -m venv $(MUTATION_VENV)
	$(MUTATION_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
	  -r requirements.lock mutmut==$(MUTMUT_VERSION)
	rm -rf $(MUTATION_TREE) && mkdir -p $(MUTATION_TREE)
	git ls-files -co --exclude-standard | tar -cf - --ignore-failed-read -T - | tar -xf - -C $(MUTATION_TREE)
	{ echo '[mutmut]'; echo 'source_paths=src/'; echo 'only_mutate='; \
	  for f in $(MUTATE); do echo "    $$f"; done; \
	  echo 'pytest_add_cli_args='; echo '    -p'; echo '    no:cacheprovider'; \
	  echo 'pytest_add_cli_args_test_selection='; for t in $(MUTATION_TESTS); do echo "    $$t"; done; \
	} > $(MUTATION_TREE)/setup.cfg
	cd $(MUTATION_TREE) && FAZHI_ROOT=$(MUTATION_TREE) $(MUTATION_VENV)/bin/mutmut run
	cd $(MUTATION_TREE) && $(MUTATION_VENV)/bin/mutmut results --all true > results.txt
	@awk -F': ' '/__mutmut_/ { m = $$1; sub(/^ +/, "", m); sub(/__mutmut_.*/, "", m); \
	  sub(/\.[^.]*$$/, "", m); n[m]++; s[m, $$2]++; if ($$2 == "killed" || $$2 == "timeout") k[m]++ } \
	  END { for (m in n) printf "%s: %d of %d mutants killed (%.1f%%), %d survived, %d without tests\n", \
	  m, k[m], n[m], 100 * k[m] / n[m], s[m, "survived"], s[m, "no tests"] }' $(MUTATION_TREE)/results.txt

# Jupyter refuses to start as root unless told; say so only for root, so nothing changes for others.
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

# Stata (.dta) and Excel copies of the published tables, built on demand from datapackage.json
# and data/*.csv into dist/ (git-ignored; byte-identical on rebuild). See README "Reading the package".
formats: $(STAMP)
	$(BIN)/python -m fazhi.formats

# Browse the published package in Datasette on http://127.0.0.1:8001: a SQLite copy of
# datapackage.json and data/*.csv (with the texts, searchable) is built into dist/datasette/ when
# the package changed. See README "Browsing the dataset". Options: make serve SERVE_ARGS="--port 8002".
serve: $(STAMP)
	$(BIN)/python -m fazhi.serve $(SERVE_ARGS)

# Download the pages listed in data/raw/sources.csv that have no raw file yet, politely (README
# "Collecting a corpus"); then `make repro`. Options, e.g.: make fetch FETCH_ARGS="--refresh --delay 5".
.PHONY: fetch
fetch: $(STAMP)
	$(BIN)/python -m fazhi.fetch $(FETCH_ARGS)

# The evaluation figures as a short table (dvc metrics show prints one very wide row).
metrics: $(STAMP)
	$(BIN)/python -m fazhi.scores

status: $(STAMP)
	$(BIN)/dvc status

# Re-pin every package after changing the dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	{ echo '# Exact versions of every package the project installs (Python 3.11). Regenerate with `make lock`.'; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^pip=='; } > requirements.lock

clean-venv:
	rm -rf $(VENV)
