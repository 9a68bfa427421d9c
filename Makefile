# Two commands do everything: `make run` (install, build, render the example)
# and `make test` (the whole test suite). CI runs `make test` through .ci/run.
SWIFT ?= swift
CURSUS = .build/debug/cursus

.PHONY: run test lint deps test-deps build examples templates fuzz clean

run: build
	$(CURSUS) render Examples/kislyak/cursus.yml

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	@scripts/install-deps

# The style of .swift-format (line length, ordering, a doc comment on every public declaration).
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

# What the tests need besides: Chromium, LibreOffice Calc and poppler (the real readers), openpyxl.
test-deps:
	@scripts/install-deps --test

build: deps
	$(SWIFT) build

# Embed Templates/*.stencil into the binary after editing them.
templates:
	scripts/embed-templates

# Re-render the committed example outputs (they double as golden files), write the dossier
# schema from the field tables, and unzip the workbook's XML parts into Tests/Golden, where
# diffs can be reviewed.
examples: templates build
	$(CURSUS) schema > Schemas/dossier.schema.json
	$(CURSUS) render --quiet Examples/kislyak/cursus.yml
	rm -rf Tests/Golden/kislyak.xlsx
	python3 Tests/Support/xlsx.py extract Examples/kislyak/out/kislyak.xlsx Tests/Golden/kislyak.xlsx
	find Tests/Golden/kislyak.xlsx -type f ! -name '*.xml' -delete
	$(CURSUS) render --quiet Tests/Golden/chronology/cursus.yml
	$(CURSUS) render --quiet Examples/plugins/cursus.yml
	$(CURSUS) render --quiet Examples/succession/cursus.yml
	$(CURSUS) render --quiet Tests/Golden/disputes/cursus.yml
	$(CURSUS) render --quiet Tests/Golden/locales/cursus.yml

# Fuzz every parser for 10 minutes a target (see SECURITY.md); needs no extra packages.
fuzz:
	scripts/fuzz 600

clean:
	rm -rf .build
