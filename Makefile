# Ville numérique — developer commands. `make test` and `make demo` do their own set-up.
SHELL := /bin/bash
PYTHON_SYS := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
PLUGIN := ville_numerique
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
BUILD := .build
PLUGINS_DIR := $(BUILD)/plugins
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help deps test test-unit test-matrix demo zip i18n i18n-update lint bench bench-quick bench-panel screenshot clean

help:
	@echo "make demo   - coverage of the Saint-Omer sample through qgis_process (offline)"
	@echo "make test   - the whole test suite"
	@echo "make test-matrix - the suite on the other Debian release (QGIS 3.22 <-> 3.40) in a chroot"
	@echo "make zip    - dist/$(PLUGIN)-$(VERSION).zip, installable in QGIS"
	@echo "make i18n   - build the .qm translations (i18n-update refreshes the .ts)"
	@echo "make lint   - ruff + QGIS 4/Qt6 readiness checks"
	@echo "make bench  - benchmarks, see bench/RESULTS.md (BENCH_FULL=1 adds 2 M cells; make bench-quick: a few minutes)"
	@echo "make bench-panel - the panel in real QGIS: sample analysis time, longest freeze on 500,000 cells"
	@echo "make screenshot - the panel in real QGIS under Xvfb at 1366x768, one image per page (docs/img/panel*.png)"
	@echo "make clean  - remove build products"

# System packages (QGIS from Debian) when missing, then the venv with the test tools.
deps: $(VENV)/.deps-ok $(PLUGINS_DIR)/$(PLUGIN)
	@scripts/install_system_deps.sh

$(VENV)/.deps-ok: requirements-dev.txt requirements-nodeps.txt scripts/install_system_deps.sh scripts/headless.pth
	@scripts/install_system_deps.sh
	@test -x $(PY) || $(PYTHON_SYS) -m venv --system-site-packages $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements-nodeps.txt
	@# `pytest` run by hand on a machine without a display: Qt would abort (exit 134) when
	@# pytest-qgis starts QGIS, before any conftest could choose the offscreen platform.
	@$(PY) -c 'import site, shutil; shutil.copy("scripts/headless.pth", site.getsitepackages()[0])'
	@touch $@

# QGIS finds a plugin by its folder name: link the repository as ville_numerique.
$(PLUGINS_DIR)/$(PLUGIN):
	@mkdir -p $(PLUGINS_DIR)
	@ln -sfn "$(CURDIR)" $@

i18n: deps
	@for ts in i18n/*.ts; do lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

i18n-update: deps
	@$(PY) scripts/i18n_update.py

test: deps i18n
	$(PY) -P -m pytest -q

# The suite on the other Debian release than the host's (Debian 12: QGIS 3.22, Debian 13:
# QGIS 3.40 LTR), in a debootstrap chroot built once under .build/ (root; ~10 min the first time).
test-matrix:
	@scripts/test_matrix.sh

test-unit: deps
	$(PY) -P -m pytest -q -p no:qgis tests/unit

demo: deps i18n
	@scripts/demo.sh

zip: i18n
	@$(PY) scripts/build_zip.py

lint: deps
	$(VENV)/bin/ruff check .
	$(PY) scripts/check_qt6.py

bench: deps
	$(PY) bench/run_all.py $(BENCH_ARGS)

# A few minutes: every end-to-end route at 10,000 cells, one round, and B1-B3 at smoke scale; prints only.
bench-quick: deps
	$(PY) bench/run_all.py --quick

# The panel in the real desktop under Xvfb: Saint-Omer analysis time (warm) and the longest
# freeze of the interface while 500,000 generated cells are analysed (bench/bench_panel.py).
bench-panel: deps i18n
	$(PY) bench/bench_panel.py --cells 500000 --json bench/RESULTS_panel.json

# Real QGIS desktop under Xvfb: loads the plugin, runs the demo analysis from the panel,
# saves docs/img/panel.png and one image per page (panel_fr*.png with SCREENSHOT_LANG=fr).
SCREENSHOT_LANG ?= en
screenshot: deps i18n
	@scripts/screenshot.sh $(SCREENSHOT_LANG)

clean:
	@! grep -qs "$(CURDIR)/$(BUILD)/" /proc/mounts || { echo "$(BUILD) has mounted file systems (a test-matrix run?): not removed"; exit 1; }
	rm -rf $(BUILD) out dist .pytest_cache .ruff_cache i18n/*.qm
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +
