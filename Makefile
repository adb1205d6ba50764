# mapa — GNU make build. `make` builds, `make check` runs every test,
# `make demo` renders the sample edition. Both `check` and
# `demo` first install missing Debian packages through .ci/deps.sh.

PROG	 = mapa
VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share/$(PROG)

CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wwrite-strings -Wformat=2 \
	   -Wimplicit-fallthrough -Wno-unused-parameter
PKGS	 = yaml-0.1 icu-uc icu-i18n fontconfig xlsxwriter \
	   pangocairo pangoft2 cairo-pdf cairo-ft librsvg-2.0 libqpdf libqrencode zlib
# Evaluated when a recipe needs them, after .ci/deps.sh had its chance.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
EXTRA_LIBS = -lhyphen -lm
# -iquote, not -I: src/yaml.h must not hide libyaml's <yaml.h>.
ALL_CPPFLAGS = -iquote src -I$(BUILD) -D_GNU_SOURCE -DVERSION='"$(VERSION)"' \
	   -DDATADIR='"$(DATADIR)"' $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = -std=c17 $(WARN) $(CFLAGS)
LIBS	 = $(PKG_LIBS) $(EXTRA_LIBS)

BUILD	?= build
SRCS	 = $(wildcard src/*.c)
OBJS	 = $(SRCS:src/%.c=$(BUILD)/%.o) $(BUILD)/codebooks_data.o
LIBOBJS	 = $(filter-out $(BUILD)/main.o,$(OBJS))
CODEBOOKS = $(wildcard src/codebooks/*.tsv)
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRCS = $(wildcard tests/bench/bench_*.c)
BENCH_BINS = $(BENCH_SRCS:tests/bench/%.c=$(BUILD)/bench/%)
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)

SAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer
FUZZ_SECONDS ?= 60
FUZZ_CHECK_SECONDS ?= 5

.PHONY: all deps check unit demo sanitize valgrind fuzz fuzz-build regen \
	install uninstall clean bench
.SUFFIXES:

all: $(BUILD)/$(PROG) $(UNIT_BINS) $(BENCH_BINS)

deps:
	@sh .ci/deps.sh

$(BUILD)/$(PROG): $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The codebooks are data files compiled in as C strings (no run-time files).
$(BUILD)/codebooks_data.c: $(CODEBOOKS) src/codebooks/embed.awk | $(BUILD)
	awk -f src/codebooks/embed.awk $(CODEBOOKS) > $@.tmp && mv $@.tmp $@

$(BUILD)/codebooks_data.o: $(BUILD)/codebooks_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h tests/unit/testutil.h \
    $(LIBOBJS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(LIBOBJS) $(LIBS)

# Measuring programs (tests/bench/): built with everything else so that they
# keep compiling; run by hand, see the comment at the top of each.
$(BUILD)/bench/%: tests/bench/%.c $(LIBOBJS) | $(BUILD)
	@mkdir -p $(BUILD)/bench
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

$(BUILD):
	mkdir -p $@

-include $(OBJS:.o=.d)

# Every test: unit tests, golden diagnostics and dumps, real-client checks,
# and a few seconds of each fuzzer. Closes with "N passed, N failed".
check: deps
	$(MAKE) all
	$(MAKE) fuzz-build
	FUZZ_SECONDS=$(FUZZ_CHECK_SECONDS) tests/run.sh $(BUILD)
	$(MAKE) sanitize SANITIZE_MODE=nofuzz

unit: all
	tests/run.sh $(BUILD) unit

# Renders the sample edition (its XLSX appendices go to
# samples/kromeriz/vystup/) and checks the registry-based one.
demo: deps
	$(MAKE) all
	$(BUILD)/$(PROG) render samples/kromeriz/edice.yaml
	$(BUILD)/$(PROG) render --layout=a4-directory \
	    --pdf=samples/kromeriz/vystup/mapa-pomoci-kromeriz-a4.pdf \
	    samples/kromeriz/edice.yaml
	$(BUILD)/$(PROG) render --layout=large-print \
	    --pdf=samples/kromeriz/vystup/mapa-pomoci-kromeriz-velke-pismo.pdf \
	    samples/kromeriz/edice.yaml
	$(BUILD)/$(PROG) check samples/registry/edice.yaml

# The whole suite again with AddressSanitizer and UBSan (the fuzzers already
# run under them; `make check` skips them here).
SANITIZE_MODE ?= all
sanitize: deps
	$(MAKE) BUILD=build-san CFLAGS='-O1 -g -DARENA_DEBUG $(SAN)' \
	    LDFLAGS='$(SAN)' all
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    tests/run.sh build-san $(SANITIZE_MODE)

valgrind: deps
	$(MAKE) all
	VALGRIND='valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=99 --suppressions=$(CURDIR)/tests/valgrind.supp' \
	    tests/run.sh $(BUILD)

# libFuzzer harnesses, one per parser of untrusted input (tests/fuzz/). The
# program's sources are compiled once with coverage instrumentation.
FUZZ_DIR   = build-fuzz
FUZZ_FLAGS = -std=c17 -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
	   -fno-omit-frame-pointer -DARENA_DEBUG -Wno-unused-parameter
FUZZ_OBJS  = $(filter-out $(FUZZ_DIR)/obj/main.o,$(SRCS:src/%.c=$(FUZZ_DIR)/obj/%.o)) \
	   $(FUZZ_DIR)/obj/codebooks_data.o
FUZZ_BINS  = $(FUZZ_SRCS:tests/fuzz/%.c=$(FUZZ_DIR)/%)

fuzz-build: $(FUZZ_BINS)

# Keep the instrumented objects between runs (make would delete them as
# intermediates of the fuzz_% pattern rule).
.SECONDARY: $(FUZZ_OBJS)

$(FUZZ_DIR)/obj/%.o: src/%.c
	@mkdir -p $(FUZZ_DIR)/obj
	clang $(FUZZ_FLAGS) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/obj/codebooks_data.o: $(BUILD)/codebooks_data.c
	@mkdir -p $(FUZZ_DIR)/obj
	clang $(FUZZ_FLAGS) -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer $(ALL_CPPFLAGS) -o $@ $< \
	    $(FUZZ_OBJS) $(LIBS)

-include $(wildcard $(FUZZ_DIR)/obj/*.d)

fuzz: deps fuzz-build
	@for f in $(FUZZ_SRCS); do \
	    n=$$(basename $$f .c); \
	    mkdir -p build-fuzz/corpus-$$n; \
	    echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
	    build-fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=0 \
	        build-fuzz/corpus-$$n tests/fuzz/corpus/$$n || exit 1; \
	done

regen: all
	tests/run.sh $(BUILD) regen

# National-scale benchmarks (issue 7), not part of `make check`: generates
# catalogues of 100 to 20 000 services and a 100 MB registry file into
# $(BUILD)/bench-data, times render, workbook and registry import, profiles
# the 5 000 render with perf when installed, and writes
# tests/bench/RESULTS.md. Takes several minutes. BENCH_SIZES="100 1000"
# and BENCH_RUNS=N narrow or repeat it.
bench: all
	/usr/bin/python3 tests/bench/run.py $(BUILD)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 0755 $(BUILD)/$(PROG) $(DESTDIR)$(BINDIR)/$(PROG)
	for d in layouts fonts; do \
	    if [ -n "$$(ls $$d 2>/dev/null)" ]; then \
	        install -d $(DESTDIR)$(DATADIR)/$$d && \
	        cp -R $$d/. $(DESTDIR)$(DATADIR)/$$d/; fi; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/$(PROG)
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san build-fuzz build-h*

# --- typography (helper h8) -------------------------------------------------
# The Czech hyphenation dictionary is built from Debian's hyph_cs_CZ.dic
# (hyphen-cs) with libhyphen's substrings.pl (libhyphen-dev) and mapa's
# patterns, and compiled into hyph.o: nothing to install or find at run time.
HYPH_SYSTEM_DIC ?= /usr/share/hyphen/hyph_cs_CZ.dic
HYPH_SUBSTRINGS ?= /usr/share/libhyphen/substrings.pl

$(BUILD)/hyph_cs_dic.h: src/hyph_cs.sh src/hyph_cs_extra.pat | $(BUILD)
	sh src/hyph_cs.sh $(HYPH_SYSTEM_DIC) src/hyph_cs_extra.pat \
	    $(HYPH_SUBSTRINGS) $@

$(BUILD)/hyph.o: $(BUILD)/hyph_cs_dic.h
$(FUZZ_DIR)/obj/hyph.o: $(BUILD)/hyph_cs_dic.h
# --- end of typography ------------------------------------------------------
