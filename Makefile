# Living Lab. `make demo` and `make test` are all a newcomer needs (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PATH := $(CURDIR)/$(BIN):$(PATH)

# The demo runs the production server on plain HTTP with a generated secret.
DEMO_ENV := DEBUG=false LIVINGLAB_HTTPS=false SECRET_KEY_FILE=var/secret_key \
	ALLOWED_HOSTS=127.0.0.1,localhost EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend

.PHONY: setup demo test test-fast test-postgres test-browser lint bench messages clean

setup: $(VENV)/.installed node_modules/.installed var/secret_key
	@$(DEMO_ENV) $(BIN)/livinglab compilemessages --ignore '.venv/*' --ignore 'node_modules/*' -v 0
	@$(DEMO_ENV) $(BIN)/livinglab collectstatic --noinput -v 0

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

var/secret_key:
	mkdir -p var
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	chmod 600 $@

demo: setup
	$(DEMO_ENV) $(BIN)/livinglab migrate --noinput -v 0
	$(DEMO_ENV) $(BIN)/livinglab load-demo
	$(DEMO_ENV) $(BIN)/livinglab serve --port 8000

test: setup
	$(BIN)/pytest -n 2 -m "not browser"
	$(BIN)/pytest -m browser

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	LIVINGLAB_TESTING=true $(BIN)/livinglab makemigrations --check --dry-run

bench: setup
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) node_modules var/static
