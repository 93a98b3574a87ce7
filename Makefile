# coauthor: build, test, demo, install.
#
#   make            build build/coauthor and build/libcoauthor.a
#   make check      build with -Werror, run unit and CLI tests and the
#                   include graph check (scripts/include-graph.sh), then again
#                   under AddressSanitizer and UndefinedBehaviorSanitizer
#   make demo       run the main jobs on the shipped sample data
#   make graphs     render the pictures of graphs/ from data/
#   make bench      BENCH_SCALE=N: time coauthor against networkx and python-igraph
#   make bench-dblp the DBLP-scale import and queries (DBLP_PAPERS, default 7M)
#   make bench-serve coauthor serve under load on that database (wrk, loopback)
#   make fuzz       FUZZ_SECONDS=N: run each libFuzzer target N seconds (clang)
#   make install    PREFIX=/usr/local by default
#
# Missing Debian packages are installed by scripts/install-deps.sh the
# first time (as root; otherwise it prints the command to run).

BUILD   ?= build
PREFIX  ?= /usr/local
CC      ?= cc
SAN     ?=

PKGS      = igraph libcgraph libgvc bibutils libutf8proc zlib libxml-2.0 jansson sqlite3
TEST_PKGS = cmocka
# coauthor serve only (src/serve/): the program links it, the library does not
SERVE_PKGS = libmicrohttpd

WARN    = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wformat=2 -Werror
OPT     ?= -O2 -g
ifeq ($(SAN),1)
OPT     = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif
# the library as libFuzzer instruments it (make fuzz builds this in $(BUILD)/fuzz)
ifeq ($(SAN),fuzz)
CC      = clang
OPT     = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
endif
CPPFLAGS_ALL = -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) $(CPPFLAGS)
CFLAGS_ALL   = $(WARN) $(OPT) $(CFLAGS)
# src/write/draw_delaunay.c: linked in and exported, so that Graphviz's
# neato plugin calls it (the same picture every run)
GV_DELAUNAY  = -Wl,-u,delaunay_tri -Wl,--export-dynamic-symbol=delaunay_tri
LDLIBS_ALL   = $(PKG_LIBS) -lglpk -lgomp -lm -pthread $(GV_DELAUNAY) $(LDLIBS)

LIB_SRC = $(sort $(wildcard src/core/*.c src/corpus/*.c src/read/*.c src/graph/*.c src/analyze/*.c \
                             src/load/*.c src/write/*.c))
CLI_SRC = $(sort $(wildcard src/cli/*.c))
SERVE_SRC = $(sort $(wildcard src/serve/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
SERVE_OBJ = $(SERVE_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/serve_assets.o
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
EXAMPLE_BIN = $(patsubst tests/example/%.c,$(BUILD)/tests/example_%,$(wildcard tests/example/*.c))

.PHONY: all check test demo install clean deps unit-tests
all: $(BUILD)/coauthor $(BUILD)/libcoauthor.a

# The dependency probe writes the compiler flags once; make restarts after.
-include $(BUILD)/config.mk
$(BUILD)/config.mk: scripts/install-deps.sh Makefile
	@mkdir -p $(BUILD)
	@pkg-config --exists $(PKGS) $(TEST_PKGS) $(SERVE_PKGS) && scripts/install-deps.sh --check >/dev/null \
	    || scripts/install-deps.sh
	@echo "PKG_CFLAGS = $$(pkg-config --cflags $(PKGS) $(SERVE_PKGS) | sed 's|-I\\\\*/usr/include ||')" > $@.tmp
	@echo "PKG_LIBS = $$(pkg-config --libs $(PKGS))" >> $@.tmp
	@echo "SERVE_LIBS = $$(pkg-config --libs $(SERVE_PKGS))" >> $@.tmp
	@echo "CMOCKA_LIBS = $$(pkg-config --libs $(TEST_PKGS))" >> $@.tmp
	@mv $@.tmp $@

deps: $(BUILD)/config.mk

$(BUILD)/obj/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libcoauthor.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/coauthor: $(CLI_OBJ) $(SERVE_OBJ) $(BUILD)/libcoauthor.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(SERVE_OBJ) $(BUILD)/libcoauthor.a $(SERVE_LIBS) $(LDLIBS_ALL)

# The page of coauthor serve, embedded in the binary: web/ and the graph
# library, installed from the npm registry at the version and integrity
# hash of web/package-lock.json (scripts/install-deps.sh runs npm ci; this
# rule only when it has not, so make needs no network once it has).
WEB_ASSETS = / "text/html; charset=utf-8" web/index.html \
	/app.js "text/javascript; charset=utf-8" web/app.js \
	/app.css "text/css; charset=utf-8" web/app.css \
	/favicon.svg "image/svg+xml" web/favicon.svg \
	/cytoscape.min.js "text/javascript; charset=utf-8" web/node_modules/cytoscape/dist/cytoscape.min.js
web/node_modules/cytoscape/dist/cytoscape.min.js: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@
$(BUILD)/gen/serve_assets.c: web/index.html web/app.js web/app.css web/favicon.svg web/node_modules/cytoscape/dist/cytoscape.min.js \
		scripts/embed-assets.sh
	@mkdir -p $(dir $@)
	scripts/embed-assets.sh $@ $(WEB_ASSETS)
$(BUILD)/obj/gen/serve_assets.o: $(BUILD)/gen/serve_assets.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcoauthor.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcoauthor.a $(LDLIBS_ALL) $(CMOCKA_LIBS)
# the unit tests of coauthor serve's parts (tests/unit/test_serve_*.c)
# link its objects, which the library leaves out
$(BUILD)/tests/test_serve_%: tests/unit/test_serve_%.c $(SERVE_OBJ) $(BUILD)/libcoauthor.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(SERVE_OBJ) $(BUILD)/libcoauthor.a $(SERVE_LIBS) $(LDLIBS_ALL) \
	    $(CMOCKA_LIBS)

# The example programs of the library (tests/example/): the public
# headers only, as a program linked against libcoauthor sees them.
$(BUILD)/tests/example_%: tests/example/%.c $(BUILD)/libcoauthor.a
	@mkdir -p $(dir $@)
	$(CC) -D_GNU_SOURCE -Iinclude $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcoauthor.a $(LDLIBS_ALL)

unit-tests: $(UNIT_BIN) $(EXAMPLE_BIN)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(SERVE_SRC:%.c=$(BUILD)/obj/%.d)

# Everything that make check runs, in both builds; one summary line at the end.
check: all unit-tests
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/san SAN=1 all unit-tests
	@scripts/check.sh $(BUILD) $(BUILD)/san

test: check

# Fuzzing: one libFuzzer target per reader and one for format detection
# (tests/fuzz/fuzz_*.c), each run for FUZZ_SECONDS; FUZZ=NAME runs one.
# Corpora and crashes go to fuzz/ (git-ignored); see scripts/fuzz.sh.
FUZZ_SECONDS ?= 60
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)
.PHONY: fuzz fuzz-targets
fuzz-targets: $(FUZZ_BIN)
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_read.h $(BUILD)/libcoauthor.a
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -fsanitize=fuzzer -o $@ $< $(BUILD)/libcoauthor.a $(LDLIBS_ALL)
fuzz:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz SAN=fuzz fuzz-targets
	@scripts/fuzz.sh $(BUILD)/fuzz $(FUZZ_SECONDS) $(FUZZ)

demo: all
	@scripts/demo.sh $(BUILD)

# The committed pictures, DOT and GraphML of graphs/, rendered from data/.
.PHONY: graphs
graphs: all
	@scripts/make-graphs.sh $(BUILD)/coauthor graphs

# coauthor against networkx and python-igraph on a synthetic DBLP-shaped
# corpus of BENCH_SCALE papers, generated once into bench-out/ (git-ignored);
# see scripts/bench/README.md.  BENCH_ARGS passes options to the runner,
# for example BENCH_ARGS='--tools coauthor,igraph --jobs stats,path'.
BENCH_SCALE ?= 200000
BENCH_ARGS ?=
.PHONY: bench bench-dblp
bench: all
	@/usr/bin/python3 scripts/bench/run.py --build $(BUILD) --scale $(BENCH_SCALE) $(BENCH_ARGS)
# The DBLP-scale import and queries (7M papers, about 10 minutes and 10 GB
# of disk the first time); DBLP_PAPERS chooses another size.
bench-dblp: all
	@scripts/bench/dblp-scale.sh $(BUILD)
# coauthor serve under load (wrk, 127.0.0.1 only, 30 s per endpoint) on the
# same database; SERVE_SECONDS and SERVE_CONNECTIONS change the run.
.PHONY: bench-serve
bench-serve: all
	@scripts/bench/serve-load.sh $(BUILD)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/coauthor \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/coauthor $(DESTDIR)$(PREFIX)/bin/coauthor
	install -m 644 $(BUILD)/libcoauthor.a $(DESTDIR)$(PREFIX)/lib/libcoauthor.a
	install -m 644 include/coauthor.h $(DESTDIR)$(PREFIX)/include/coauthor.h
	install -m 644 include/coauthor/*.h $(DESTDIR)$(PREFIX)/include/coauthor/
	install -m 644 src/cli/coauthor.1 $(DESTDIR)$(PREFIX)/share/man/man1/coauthor.1
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/.*COAUTHOR_VERSION "\(.*\)"/\1/p' include/coauthor.h)|' \
	    -e 's|@REQUIRES@|$(PKGS)|' scripts/coauthor.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/coauthor.pc

clean:
	rm -rf $(BUILD)
