# Two entry points for a fresh machine with only python3, git and make:
#   make run    set up .venv from the lock (once) and start Dialoog on the bundled banks
#   make test   set up .venv with the test tools from the lock (once) and run the whole suite
# Every version comes from uv.lock (exact versions with hashes); uv itself is pinned, with its hashes,
# in requirements/uv.txt and installed into .venv by the python3 that is already there.
# On purpose, not on install:
#   make lock         refresh uv.lock to the newest versions pyproject.toml's ranges allow
#   make test-latest  run the suite against those newest versions, in .venv-latest, leaving the lock alone
PYTHON ?= python3
VENV := .venv
UV := $(VENV)/bin/uv
LATEST := .venv-latest
# The suite runs on every core (pytest-xdist): on a 2-core machine about a quarter faster than one
# process. `make test WORKERS=0` runs it in one process.
WORKERS ?= auto
# uv never fetches an interpreter of its own: the one that made .venv is the one used.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test bench lock test-latest clean

$(UV): requirements/uv.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/uv.txt
	touch $@

# --locked: refuse to run when pyproject.toml and uv.lock disagree (run `make lock`), never re-resolve.
# --inexact: keep uv (and pip) in the venv, which the lock does not list.
$(VENV)/.installed-run: uv.lock pyproject.toml $(UV)
	$(UV) sync --quiet --locked --inexact
	touch $@

$(VENV)/.installed-test: uv.lock pyproject.toml $(UV)
	$(UV) sync --quiet --locked --inexact --extra test
	touch $@

run: $(VENV)/.installed-run
	$(VENV)/bin/dialoog

# The import contracts in pyproject.toml first (layers, no Textual below the interface, no cycles): a second.
test: $(VENV)/.installed-test
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/python -m pytest -n $(WORKERS)

bench: $(VENV)/.installed-test
	$(VENV)/bin/python -m benchmarks

lock: $(UV)
	$(UV) lock --upgrade

test-latest: $(UV)
	rm -rf $(LATEST)
	$(UV) venv --quiet --python $(VENV)/bin/python $(LATEST)
	$(UV) pip install --quiet --python $(LATEST) --refresh --resolution highest -e '.[test]'
	$(UV) pip list --python $(LATEST)
	$(LATEST)/bin/lint-imports --no-cache
	$(LATEST)/bin/python -m pytest -n $(WORKERS)

clean:
	rm -rf $(VENV) $(LATEST)
