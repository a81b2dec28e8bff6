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

.PHONY: setup repro test bench lab lock status clean-venv

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

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

status: $(STAMP)
	$(BIN)/dvc status

# Re-pin every package after changing the dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	{ echo '# Exact versions of every package the project installs (Python 3.11). Regenerate with `make lock`.'; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^pip=='; } > requirements.lock

clean-venv:
	rm -rf $(VENV)
