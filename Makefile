# marketcast: the two commands a new machine needs are `make report` and `make test`.
# Both install what is missing (Debian packages, fonts) and do nothing extra otherwise.

SWIFT       ?= swift
CONFIG      ?= report.yaml
OUT         ?= output
APT_PACKAGES = libcairo2-dev libpango1.0-dev liblapack-dev libblas-dev libc6-dev \
               fonts-noto-cjk poppler-utils python3 zlib1g-dev pkg-config
# apt-get directly as root, through sudo otherwise.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-deps bench-deps build release report test test-serial fuzz bench docs clean

# `make release CPU=haswell` (and report, bench) compiles Numerics for AVX2 and FMA, about
# 10% faster fits; the default build runs on any CPU. The haswell build's binary checks
# the CPU when it starts (CPUBaseline holds the flag list).
CPU ?=
export MARKETCAST_CPU = $(CPU)

# Installs the Debian packages given that are missing: one dpkg query for all of them;
# apt-get (after apt-get update) runs only when something is missing.
define install_missing
	@missing=$$(for p in $(1); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install_missing,$(APT_PACKAGES))

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

report: release
	$$($(SWIFT) build -c release --show-bin-path)/marketcast run --config $(CONFIG) --out $(OUT)

# What only the tests need: LibreOffice (Impress converts the decks to PDF; Calc recomputes
# the charts' workbooks after an edit) and the Python readers that check a deck
# independently (Tests/DeckOracle/check_deck.py), pinned.
TEST_APT_PACKAGES = libreoffice-impress libreoffice-calc
PIP_PACKAGES = python-pptx==1.0.2 openpyxl==3.1.5 openxml-audit==0.8.0
test-deps: deps
	$(call install_missing,$(TEST_APT_PACKAGES))
	@python3 -c "import pptx, openpyxl, openxml_audit" 2>/dev/null || { \
	  echo "installing: $(PIP_PACKAGES)"; \
	  python3 -m pip install --quiet $(PIP_PACKAGES) || \
	  python3 -m pip install --quiet --break-system-packages $(PIP_PACKAGES); }

# The suite runs in two processes at once (Tests/parallel_tests.py deals the test classes
# by their measured times): most slow tests wait on a subprocess or use one core.
# `make test-serial` runs it the plain way, in one process.
test: test-deps
	$(SWIFT) build --build-tests
	python3 Tests/parallel_tests.py $$($(SWIFT) build --show-bin-path)/marketcastPackageTests.xctest

test-serial: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Random CSV and YAML through the reading paths of `check` and `forecast` for FUZZ_SECONDS
# (a seeded mutation fuzzer: `make fuzz SEED=42` repeats a run). An input that crashes or
# hangs is kept under .build/fuzz-findings/; once fixed, keep it (small) in
# Tests/Fixtures/fuzz-corpus/, which `make test` reads every time (FuzzCorpusTests).
FUZZ_SECONDS ?= 60
SEED ?=
fuzz: deps
	$(SWIFT) build --product marketcast-fuzz
	$$($(SWIFT) build --show-bin-path)/marketcast-fuzz --seconds $(FUZZ_SECONDS) $(if $(SEED),--seed $(SEED))

# What only `make bench` needs: R and its forecast package, the speed comparison for
# `marketcast forecast` (bench/accuracy). Not needed by the tests.
BENCH_PACKAGES = r-base-core r-cran-forecast
# statsforecast (pinned) is the scale benchmark's rival (bench/scale).
BENCH_PIP_PACKAGES = statsforecast==2.0.1
bench-deps:
	$(call install_missing,$(BENCH_PACKAGES))
	@python3 -c "import statsforecast" 2>/dev/null || { \
	  echo "installing: $(BENCH_PIP_PACKAGES)"; \
	  python3 -m pip install --quiet $(BENCH_PIP_PACKAGES) || \
	  python3 -m pip install --quiet --break-system-packages $(BENCH_PIP_PACKAGES); }

# The release build's folder, asked of SwiftPM when a recipe uses it.
BIN = $(shell $(SWIFT) build -c release --show-bin-path)

# The parts under bench/ (render, numerics, scale: M3 ×100 against statsforecast), the batch comparison with matplotlib, a check
# that the shipped interval calibration is what the reference data give, then the M1 and M3
# accuracy and forecast speed against R (bench/accuracy), which exits non-zero when one of
# its goals is missed.
bench: release bench-deps
	python3 bench/run.py --marketcast $(BIN)/marketcast --skip accuracy
	python3 bench/batch/run_batch_bench.py --marketcast $(BIN)/marketcast
	$(SWIFT) build -c release --product marketcast-bench
	$(BIN)/marketcast-bench calibrate --check reference/m1-yearly/train.csv reference/m3-yearly/train.csv
	python3 bench/accuracy/run.py --marketcast $(BIN)/marketcast

# The README's pictures (docs/*.png, 960 px wide), from a fresh run of the shipped report.
docs: release
	$$($(SWIFT) build -c release --show-bin-path)/marketcast run --config $(CONFIG) --out .build/docs-run --quiet
	python3 docs/pictures.py .build/docs-run/$$(sed -n 's/^quarter: *\([0-9Q]*\).*/\1/p' $(CONFIG))

clean:
	rm -rf .build output
