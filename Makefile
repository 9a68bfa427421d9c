# Two commands do everything: `make run` (install, build, render the example)
# and `make test` (the whole test suite). CI runs `make test` through .ci/run.
SWIFT ?= swift
CURSUS = .build/debug/cursus
# `make install`: where, and which build (release unless CONFIGURATION=debug).
PREFIX ?= /usr/local
CONFIGURATION ?= release
BUILT = .build/$(CONFIGURATION)/cursus
MANUAL = .build/$(CONFIGURATION)/manual
# With SKIP_BUILD=1, install what is already built (the tests do: a build inside them would wait
# for the lock `swift test` holds).
SKIP_BUILD ?=
BASH_COMPLETION = $(PREFIX)/share/bash-completion/completions/cursus
ZSH_COMPLETION = $(PREFIX)/share/zsh/site-functions/_cursus
FISH_COMPLETION = $(PREFIX)/share/fish/vendor_completions.d/cursus.fish

.PHONY: run test lint deps test-deps build examples templates fuzz clean install uninstall library-example

run: build
	$(CURSUS) render Examples/kislyak/cursus.yml

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build
	$(MAKE) library-example

# Examples/swift-library: a package that uses Cursus as a library; built, run, and its outputs
# compared with the committed ones.
library-example:
	$(SWIFT) build --package-path Examples/swift-library
	rm -rf Examples/swift-library/.out-check && cp -r Examples/swift-library/out Examples/swift-library/.out-check
	cd Examples/swift-library && .build/debug/career-summary cursus.yml
	diff -r Examples/swift-library/out Examples/swift-library/.out-check && rm -rf Examples/swift-library/.out-check

# A build of `cursus` with its manual page (made from the command definitions by
# swift-argument-parser's generate-manual tool) and bash, zsh and fish completions, under PREFIX.
install:
	@if [ -z "$(SKIP_BUILD)" ]; then scripts/install-deps && $(SWIFT) build -c $(CONFIGURATION) --product cursus && $(SWIFT) build -c $(CONFIGURATION) --product generate-manual; fi
	mkdir -p $(MANUAL)
	.build/$(CONFIGURATION)/generate-manual $(BUILT) --output-directory $(MANUAL)
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(dir $(BASH_COMPLETION)) $(dir $(ZSH_COMPLETION)) $(dir $(FISH_COMPLETION))
	install -m 755 $(BUILT) $(PREFIX)/bin/cursus
	install -m 644 $(MANUAL)/cursus.1 $(PREFIX)/share/man/man1/cursus.1
	$(BUILT) --generate-completion-script bash > $(BASH_COMPLETION)
	$(BUILT) --generate-completion-script zsh > $(ZSH_COMPLETION)
	$(BUILT) --generate-completion-script fish > $(FISH_COMPLETION)
	@echo "installed $(PREFIX)/bin/cursus, its manual page and completions"

uninstall:
	rm -f $(PREFIX)/bin/cursus $(PREFIX)/share/man/man1/cursus.1 $(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION)

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
	$(CURSUS) render --quiet Examples/roman/cursus.yml

# Fuzz every parser for 10 minutes a target (see SECURITY.md); needs no extra packages.
fuzz:
	scripts/fuzz 600

clean:
	rm -rf .build
