# `make demo` and `make test` work on a fresh Debian 12 machine: they install the missing system
# packages, make .venv, build and install incidentkit into it, then run. Repeat runs are incremental.
SHELL := /bin/bash
PYTHON ?= python3
JOBS ?= 2
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed

APT_PACKAGES := g++ python3-dev python3-venv libspdlog-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev \
                libhyperscan-dev
# Build tools live in the venv (cmake and ninja from pip), so builds need no network after set-up.
BUILD_TOOLS := "scikit-build-core>=0.10" "pybind11>=2.12" "cmake>=3.20" ninja
SOURCES := CMakeLists.txt pyproject.toml $(shell find core plugins bindings python cmake data -type f \
             -not -path '*/__pycache__/*' 2>/dev/null)

export PATH := $(BIN):$(PATH)
export CMAKE_BUILD_PARALLEL_LEVEL := $(JOBS)

.PHONY: demo test cpp-test py-test install system-deps bench clean

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/incidentkit extract examples/reports --output out/incidents.jsonl
	$(BIN)/incidentkit extract examples/reports --format csv --output out/incidents.csv --quiet
	$(BIN)/incidentkit extract examples/reports --format geojson --output out/incidents.geojson --quiet
	$(BIN)/python examples/show_incidents.py out/incidents.jsonl

# Both suites run even when the first fails; the status says whether all passed.
test:
	@status=0; $(MAKE) --no-print-directory cpp-test || status=1; \
	$(MAKE) --no-print-directory py-test || status=1; exit $$status

install: $(STAMP)

# The C++ suite (GoogleTest, golden records, plugin loader) in its own Release build.
cpp-test: $(VENV)/.tools
	$(BIN)/cmake -S . -B build/tests -G Ninja -DCMAKE_BUILD_TYPE=Release -DINCIDENTKIT_BUILD_TESTS=ON \
	  -DINCIDENTKIT_BUILD_PYTHON=OFF -DCMAKE_MAKE_PROGRAM=$(BIN)/ninja
	$(BIN)/cmake --build build/tests -j $(JOBS)
	$(BIN)/ctest --test-dir build/tests --output-on-failure -j $(JOBS)

py-test: $(STAMP)
	$(BIN)/python -m pytest tests/python -q

# Installs only what is missing (dpkg -s), with sudo when not root; apt-get update only then.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -ne 0 ] && sudo=sudo; \
	  echo "installing system packages:$$missing"; \
	  $$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

$(VENV)/.tools: | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q $(BUILD_TOOLS) "pytest>=7"
	@touch $@

# The package, built against the venv's tools (no build isolation: nothing to download per build) in
# build/<wheel tag>, which scikit-build-core keeps, so a rebuild compiles only what changed.
$(STAMP): $(VENV)/.tools $(SOURCES) | system-deps
	$(BIN)/pip install -q --no-build-isolation ".[test]"
	@touch $@

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build out
