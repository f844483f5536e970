# The two commands of the README: `make run` and `make test`. Each installs
# what is missing first, so they work on a machine that never saw Escala.

SWIFT ?= swift
ESCALA := .build/debug/escala
RELEASE_ESCALA := .build/release/escala

.PHONY: deps build run test browser-test lint scenarios sarif-check fuzz kill-test bench-lint bench-engine bench-discord bench-community bench-playground bench-desk graphs

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product escala

# The bot with DISCORD_TOKEN; without it, the playground: Escala on a
# Discord server built into it, in the browser (PLAYGROUND_PORT, 8080).
PLAYGROUND_PORT ?= 8080
run: build
	@if [ -n "$$DISCORD_TOKEN" ]; then $(ESCALA) run; else $(ESCALA) playground --port $(PLAYGROUND_PORT); fi

# Every test: unit, golden, robustness; the shipped workflows under
# --strict and in their one layout; the SARIF output against the OASIS schema.
test: build
	$(SWIFT) test
	$(ESCALA) lint --strict --ids-optional workflows/
	$(ESCALA) fmt --check workflows/
	@$(MAKE) --no-print-directory scenarios
	@$(MAKE) --no-print-directory sarif-check
	@$(MAKE) --no-print-directory browser-test

# The playground's page in headless Chromium: a ticket played as a member,
# another member and a CM; the staff desk signed in as a member, a CM and
# the top rank (Tests/Browser). SCREENSHOTS=docs keeps the pictures.
browser-test: build
	python3 Tests/Browser/playground_test.py
	python3 Tests/Browser/desk_test.py

# Not part of `make test`: the language front end against 1,000,000
# damaged workflows (FUZZ_INPUTS), in worker processes with a time limit
# each; failures are kept in Tests/WorkflowDSLTests/Fuzz and replayed by
# `swift test`. Then the mutation test at ESCALA_MUTATIONS (20,000).
fuzz: deps
	$(SWIFT) build -c release --product escala-fuzz
	.build/release/escala-fuzz --inputs $${FUZZ_INPUTS:-1000000}
	ESCALA_MUTATIONS=$${ESCALA_MUTATIONS:-20000} $(SWIFT) test --filter Robustness

# Not part of `make test` (which kills 3 times): `escala run` SIGKILLed at
# 60 random instants of live traffic, restarted on the same data folder.
kill-test: build
	ESCALA_KILLS=$${ESCALA_KILLS:-60} $(SWIFT) test --filter KillTests

lint: build
	$(ESCALA) lint --strict --ids-optional workflows/

# Every scenario: workflows/scenarios/NAME/*.scenario runs against
# workflows/NAME.flow; a failed expectation fails the target.
scenarios: build
	@set -e; for folder in workflows/scenarios/*/; do \
	  name=$$(basename "$$folder"); \
	  echo "escala simulate workflows/$$name.flow $$folder"; \
	  $(ESCALA) simulate "workflows/$$name.flow" "$$folder" > .build/scenarios-$$name.log \
	    || { cat .build/scenarios-$$name.log; exit 1; }; \
	  tail -n 1 .build/scenarios-$$name.log; \
	done

# Lints the golden bad inputs as SARIF and validates the log.
sarif-check:
	@$(ESCALA) lint --format sarif --docs-url "file://$(CURDIR)/docs/language.md" Tests/WorkflowDSLTests/Golden > .build/golden.sarif; \
	  status=$$?; if [ $$status -ne 1 ]; then echo "expected exit 1 from linting the golden files, got $$status"; exit 1; fi
	python3 scripts/validate-sarif.py .build/golden.sarif Tests/Fixtures/sarif/sarif-schema-2.1.0.json

# Benchmark (not a test): lint time on generated 50,000- and 100,000-line workflows.
bench-lint: deps
	$(SWIFT) build -c release --product escala
	python3 scripts/bench-lint.py $(RELEASE_ESCALA)

# Benchmark (not a test): escala run against the local Discord at its limits
# (bursts, one click at a time, closes, a sustained minute).
bench-discord: deps
	$(SWIFT) build -c release --product escala-bench-discord
	$(SWIFT) build -c release --product escala
	.build/release/escala-bench-discord

# Benchmark (not a test): from an action on the playground's API to the
# page's update (event stream + view), one ticket open and with 50 more.
bench-playground: deps
	$(SWIFT) build -c release --product escala-bench-playground
	.build/release/escala-bench-playground

# Benchmark (not a test): the staff desk's queue and ticket pages over a
# store of 100,000 tickets (10,000 open), p50 and p99 (BENCH_TICKETS).
bench-desk: deps
	$(SWIFT) build -c release --product escala-bench-desk
	.build/release/escala-bench-desk

# The pictures in docs/, drawn with Graphviz (installed by scripts/install-deps.sh).
graphs: build
	$(ESCALA) graph workflows/roleplay.flow --category reportes --format svg > docs/reportes.svg
	$(ESCALA) graph workflows/roleplay.flow --category apelaciones --format svg > docs/apelaciones.svg

# Benchmark (not a test): 1,000,000 activity events counted, and closing a
# window that holds 100,000 members.
bench-community: deps
	$(SWIFT) build -c release --product escala-bench-community
	.build/release/escala-bench-community workflows/comunidad.flow

# Benchmark (not a test): the engine's pure step function.
bench-engine: deps
	$(SWIFT) build -c release --product escala-bench
	.build/release/escala-bench workflows/roleplay.flow
