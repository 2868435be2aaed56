# prongsai: build, serve, test, bench.
#   make            build generator/prongsai, collector/collect.cgi and collector/staff.cgi
#   make serve      install what is missing, build, render content/, serve on 127.0.0.1:8080
#   make test       install what the tests need and run them all
#   make bench      benchmarks (figures only, no assertions)
#   make manual     the user manual: screenshots, pages and A4 PDF in build/manual (docs/manual.md)
# VARIANT=asan builds with AddressSanitizer+UBSan into build/asan/.

SHELL := /bin/bash
CC ?= cc
VARIANT ?= release
B := build/$(VARIANT)
PKGS := yaml-0.1 libcmark-gfm sqlite3 libsodium libthai libcurl libidn2 libturbojpeg libpng xlsxwriter libzip expat libgit2 libqrencode

CSTD := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN := -Wall -Wextra -Werror -Wno-missing-field-initializers
OPT_release := -O2 -g
OPT_asan := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
OPT_cov := -O0 -g --coverage
OPT := $(OPT_$(VARIANT))
# pkg-config runs once per make, on first use (after `deps-*` installed the
# packages): each variable replaces itself with its value.
PKG_CFLAGS = $(eval PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS = $(eval PKG_LIBS := $(shell pkg-config --libs $(PKGS)))$(PKG_LIBS)
# Hardening (release): fortified libc calls, stack protector, PIE, full
# RELRO with immediate binding.  Sanitizer and fuzz builds keep their own.
HARDEN_CFLAGS_release := -D_FORTIFY_SOURCE=3 -fstack-protector-strong -fPIE
HARDEN_LDFLAGS_release := -pie -Wl,-z,relro,-z,now
HARDEN_CFLAGS := $(HARDEN_CFLAGS_$(VARIANT))
HARDEN_LDFLAGS := $(HARDEN_LDFLAGS_$(VARIANT))
# The sanitizer variant's runtime options (common/sanitizer/asan_defaults.c),
# linked into each of its programs.
SAN_OBJ_asan := $(B)/common/sanitizer/asan_defaults.o
SAN_OBJ := $(SAN_OBJ_$(VARIANT))
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(HARDEN_CFLAGS) -pthread -Icommon $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(OPT) $(HARDEN_LDFLAGS) -pthread $(LDFLAGS)
# libunistring (NFC, common/utf8.c) ships no pkg-config file in Debian
LIBS = $(PKG_LIBS) -lunistring -lm

ifeq ($(VARIANT),release)
GEN_BIN := generator/prongsai
CGI_BIN := collector/collect.cgi
STAFF_BIN := collector/staff.cgi
else
GEN_BIN := $(B)/prongsai
CGI_BIN := $(B)/collect.cgi
STAFF_BIN := $(B)/staff.cgi
endif

COMMON_SRC := $(wildcard common/*.c)
# generator/: main.c and build.c on top, one folder per stage below
# (model load check derive render publish deploy desk jobs sheet); see generator/README.
GEN_SRC := $(filter-out generator/main.c,$(wildcard generator/*.c generator/*/*.c))
CGI_SRC := $(filter-out collector/main.c,$(wildcard collector/*.c))
# staff.cgi (collector/staff/, its own private header): the staff area
STAFF_SRC := $(wildcard collector/staff/*.c)
STAFF_OBJ := $(STAFF_SRC:%.c=$(B)/%.o)
COMMON_OBJ := $(COMMON_SRC:%.c=$(B)/%.o)
GEN_OBJ := $(GEN_SRC:%.c=$(B)/%.o)
CGI_OBJ := $(CGI_SRC:%.c=$(B)/%.o)
# Unit tests mirror the source folders: tests/unit/common/, collector/,
# generator/<stage>/ (tests/README); each builds to build/VARIANT/tests/NAME.
UNIT_SRC := $(wildcard tests/unit/*/test_*.c tests/unit/*/*/test_*.c)
UNIT_BIN := $(addprefix $(B)/tests/,$(notdir $(UNIT_SRC:.c=)))
vpath test_%.c $(sort $(dir $(UNIT_SRC)))

.PHONY: all clean serve manual unit test test-quick bench deps-build deps-serve deps-manual deps-test deps-node desk-js fuzz fuzz-build
all: $(GEN_BIN) $(CGI_BIN) $(STAFF_BIN)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(if $(filter generator/%,$<),-Igenerator) \
		$(if $(filter collector/staff/%,$<),-Igenerator -Icollector) -MMD -MP -c -o $@ $<

$(B)/libcommon.a: $(COMMON_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/libgen.a: $(GEN_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/libcgi.a: $(CGI_OBJ)
	rm -f $@ && ar rcs $@ $^

$(GEN_BIN): $(B)/generator/main.o $(B)/libgen.a $(B)/libcommon.a $(SAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)
# The collector starts once per request: the release build links it
# statically (as a static PIE), which spares every request the dynamic
# loader (about 0.6 ms of a 3 ms request).  The linker then warns once that
# "Using 'dlopen' in statically linked applications requires ...": only
# SQLite's extension loading could call dlopen, and the collector never
# enables it, so the warning is expected and left visible rather than hidden
# with a blanket -w.  CGI_STATIC=0 links it dynamically (sanitizer builds
# always do).
CGI_STATIC ?= $(if $(filter release,$(VARIANT)),1,0)
CGI_STATIC_PKG = $(eval CGI_STATIC_PKG := $(shell pkg-config --static --libs sqlite3 libsodium libidn2 libturbojpeg libpng))$(CGI_STATIC_PKG)
CGI_LDFLAGS = $(if $(filter 1,$(CGI_STATIC)),$(subst -pie,-static-pie,$(ALL_LDFLAGS)),$(ALL_LDFLAGS))
CGI_LIBS = $(if $(filter 1,$(CGI_STATIC)),$(CGI_STATIC_PKG) -lunistring,$(LIBS))
$(CGI_BIN): $(B)/collector/main.o $(B)/libcgi.a $(B)/libcommon.a $(SAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CGI_LDFLAGS) -o $@ $^ $(CGI_LIBS)

# staff.cgi: a second small CGI beside the collector (docs/collector.md),
# linked with the generator's check rules; dynamic (it need not be static).
$(STAFF_BIN): $(STAFF_OBJ) $(B)/libgen.a $(B)/libcgi.a $(B)/libcommon.a $(SAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%: %.c $(B)/libgen.a $(B)/libcgi.a $(B)/libcommon.a $(SAN_OBJ) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Igenerator -Icollector -Itests/unit -o $@ $< $(B)/libgen.a $(B)/libcgi.a $(B)/libcommon.a $(SAN_OBJ) $(LIBS)

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- set-up: Debian packages (apt-get when root, else print the command) ----
DEB_BUILD := build-essential pkg-config libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libgit2-dev \
	libsodium-dev libthai-dev libcurl4-openssl-dev libunistring-dev libidn2-dev libturbojpeg0-dev libpng-dev libxlsxwriter-dev libzip-dev libexpat1-dev libqrencode-dev
DEB_SERVE := lighttpd lighttpd-mod-deflate fcgiwrap sqlite3 curl
# make manual: the served sample, Chromium for the screenshots and the PDF, pdfinfo
DEB_MANUAL := $(DEB_SERVE) chromium poppler-utils
DEB_TEST := $(DEB_SERVE) git openssl python3 python3-aiosmtpd strace valgrind clang libclang-rt-14-dev apache2 wrk time \
	nginx libjpeg-turbo-progs libimage-exiftool-perl \
	chromium default-jre-headless cppcheck libreoffice-calc-nogui librsvg2-bin zbar-tools poppler-utils \
	openssh-server openssh-client vsftpd apache2-utils
deps-build:
	@tests/lib/install-deps $(DEB_BUILD)
deps-serve: deps-build
	@tests/lib/install-deps $(DEB_SERVE)
deps-manual: deps-build
	@tests/lib/install-deps $(DEB_MANUAL)
deps-test: deps-build
	@tests/lib/install-deps $(DEB_TEST)
# npm packages of the browser and HTML tests (package.json, exact versions
# in package-lock.json): playwright-core (drives Debian's chromium; it never
# downloads a browser), axe-core, vnu-jar (runs on Debian's Java).  Install
# scripts are skipped: vnu-jar's would fetch a Java runtime from GitHub.
# Node.js and npm come from Debian (nodejs npm) unless an npm is already there.
deps-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || tests/lib/install-deps nodejs npm
	npm ci --ignore-scripts --no-audit --no-fund

# The complaint desk's libsodium (libsodium-wrappers, a "dependency" in
# package.json, pinned in package-lock.json), served from the site itself:
# copied into the theme's assets (themes/default/static/js/vendor/, not in
# git), so `prongsai build` publishes it as assets/js/vendor/*.js and the
# case page (staff.cgi) loads it from there; no third-party host.  When
# node_modules is missing, only the dependencies are installed (npm ci
# --omit=dev: two small packages, no dev tools); that install's marker is
# removed so that deps-node still installs the dev tools for the tests.
DESK_JS := themes/default/static/js/vendor/libsodium.js themes/default/static/js/vendor/libsodium-wrappers.js
desk-js: $(DESK_JS)
node_modules/libsodium-wrappers/package.json: package-lock.json
	@command -v npm >/dev/null || tests/lib/install-deps nodejs npm
	if [ -f node_modules/.package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; \
	else npm ci --omit=dev --ignore-scripts --no-audit --no-fund && rm -f node_modules/.package-lock.json; fi
	touch $@
themes/default/static/js/vendor/libsodium.js: node_modules/libsodium-wrappers/package.json
	@mkdir -p $(dir $@)
	cp node_modules/libsodium/dist/modules/libsodium.js $@
themes/default/static/js/vendor/libsodium-wrappers.js: node_modules/libsodium-wrappers/package.json
	@mkdir -p $(dir $@)
	cp node_modules/libsodium-wrappers/dist/modules/libsodium-wrappers.js $@

clean:
	rm -rf build generator/prongsai collector/collect.cgi collector/staff.cgi tests/out

# ---- serve ----
SERVE_PORT ?= 8080
serve: deps-serve desk-js
	$(MAKE) all
	@tests/lib/serve $(SERVE_PORT)

# ---- the user manual (docs/manual/*.md; docs/manual.md) ----
# The sample site served on a free port of 127.0.0.1, the screenshots taken
# with Chromium, the pages built with them, the A4 PDF printed: all in
# MANUAL_OUT (build outputs, never committed).  A site's build shows them
# with `prongsai build --manual docs/manual --manual-media build/manual`.
MANUAL_OUT ?= build/manual
manual: deps-manual deps-node
	$(MAKE) all
	tests/lib/manual $(MANUAL_OUT)

# ---- tests ----
unit: $(UNIT_BIN)
test: deps-test deps-node
	$(MAKE) desk-js
	$(MAKE) all unit
	$(MAKE) VARIANT=asan all unit
	$(MAKE) fuzz-build
	tests/run
test-quick: all unit desk-js
	tests/run

bench: all deps-node
	tests/bench/run

# ---- fuzzing (libFuzzer, clang, with ASan and UBSan) ----
#   make fuzz-build   build every harness of tests/fuzz/ into build/fuzz/
#   make fuzz         build, then run each harness FUZZ_SECONDS (default 300)
#                     from its seeds; FUZZ_TARGETS="content tmpl" picks some.
# Harnesses: request (the collector's request parser), content (YAML to the
# model), tmpl (the template engine), markdown (the Markdown pipeline); each
# has tests/fuzz/corpus/NAME/ and tests/fuzz/NAME.dict.  `make test` runs
# them briefly (tests/t2050-collector-fuzz.sh, tests/t5300-fuzz.sh).
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= request content tmpl markdown
FZ := build/fuzz
FUZZ_CFLAGS := $(CSTD) -Wall -Wextra -Werror -Wno-missing-field-initializers -g -O1 -Igenerator \
	-fno-omit-frame-pointer -fno-sanitize-recover=undefined -Icommon
FUZZ_GEN := content tmpl markdown
FUZZ_BINS := $(FZ)/fuzz_request $(FUZZ_GEN:%=$(FZ)/fuzz_%)
FZ_COMMON_OBJ := $(COMMON_SRC:%.c=$(FZ)/obj/%.o)
FZ_GEN_OBJ := $(GEN_SRC:%.c=$(FZ)/obj/%.o)
FZ_CGI_OBJ := $(CGI_SRC:%.c=$(FZ)/obj/%.o)
fuzz-build: $(FUZZ_BINS)
.SECONDARY: $(FZ_COMMON_OBJ) $(FZ_GEN_OBJ) $(FZ_CGI_OBJ)
fuzz: fuzz-build
	tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)
$(FZ)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined $(PKG_CFLAGS) -MMD -MP -c -o $@ $<
$(FZ)/fuzz_request: tests/fuzz/fuzz_request.c $(FZ_CGI_OBJ) $(FZ_COMMON_OBJ) tests/unit/testforms.h
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -Icollector -Itests/unit $(PKG_CFLAGS) \
		-o $@ $< $(FZ_CGI_OBJ) $(FZ_COMMON_OBJ) $(LIBS)
$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c $(FZ_GEN_OBJ) $(FZ_COMMON_OBJ)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -Igenerator $(PKG_CFLAGS) \
		-DFUZZ_FIXTURE='"$(CURDIR)/tests/fixtures/mini"' -o $@ $< $(FZ_GEN_OBJ) $(FZ_COMMON_OBJ) $(LIBS)
