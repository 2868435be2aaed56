# prongsai: build, serve, test, bench.
#   make            build generator/prongsai and collector/collect.cgi
#   make serve      install what is missing, build, render content/, serve on 127.0.0.1:8080
#   make test       install what the tests need and run them all
#   make bench      benchmarks (figures only, no assertions)
# VARIANT=asan builds with AddressSanitizer+UBSan into build/asan/.

SHELL := /bin/bash
CC ?= cc
VARIANT ?= release
B := build/$(VARIANT)
PKGS := yaml-0.1 libcmark sqlite3 libsodium libthai libcurl

CSTD := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN := -Wall -Wextra -Werror -Wno-missing-field-initializers
OPT_release := -O2 -g
OPT_asan := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
OPT_cov := -O0 -g --coverage
OPT := $(OPT_$(VARIANT))
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) -pthread -Icommon $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(OPT) -pthread $(LDFLAGS)
LIBS = $(PKG_LIBS) -lm

ifeq ($(VARIANT),release)
GEN_BIN := generator/prongsai
CGI_BIN := collector/collect.cgi
else
GEN_BIN := $(B)/prongsai
CGI_BIN := $(B)/collect.cgi
endif

COMMON_SRC := $(wildcard common/*.c)
GEN_SRC := $(filter-out generator/main.c,$(wildcard generator/*.c))
CGI_SRC := $(filter-out collector/main.c,$(wildcard collector/*.c))
COMMON_OBJ := $(COMMON_SRC:%.c=$(B)/%.o)
GEN_OBJ := $(GEN_SRC:%.c=$(B)/%.o)
CGI_OBJ := $(CGI_SRC:%.c=$(B)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all clean serve test test-unit test-asan bench deps deps-build deps-serve deps-test fuzz
all: $(GEN_BIN) $(CGI_BIN)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libcommon.a: $(COMMON_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/libgen.a: $(GEN_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/libcgi.a: $(CGI_OBJ)
	rm -f $@ && ar rcs $@ $^

$(GEN_BIN): $(B)/generator/main.o $(B)/libgen.a $(B)/libcommon.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)
$(CGI_BIN): $(B)/collector/main.o $(B)/libcgi.a $(B)/libcommon.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libgen.a $(B)/libcgi.a $(B)/libcommon.a tests/unit/check.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Igenerator -Icollector -Itests/unit -o $@ $< $(B)/libgen.a $(B)/libcgi.a $(B)/libcommon.a $(LIBS)

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- set-up: Debian packages (apt-get when root, else print the command) ----
DEB_BUILD := build-essential pkg-config libyaml-dev libcmark-dev libsqlite3-dev \
	libsodium-dev libthai-dev libcurl4-openssl-dev
DEB_SERVE := lighttpd sqlite3 curl
DEB_TEST := $(DEB_SERVE) git python3 valgrind clang libclang-rt-14-dev apache2 wrk time
deps-build:
	@tests/lib/install-deps $(DEB_BUILD)
deps-serve: deps-build
	@tests/lib/install-deps $(DEB_SERVE)
deps-test: deps-build
	@tests/lib/install-deps $(DEB_TEST)

clean:
	rm -rf build generator/prongsai collector/collect.cgi tests/out

# ---- serve ----
SERVE_PORT ?= 8080
serve: deps-serve all
	@tests/lib/serve $(SERVE_PORT)

# ---- tests ----
unit: $(UNIT_BIN)
test: deps-test
	$(MAKE) all unit
	$(MAKE) VARIANT=asan all unit
	tests/run
test-quick: all unit
	tests/run

bench: all
	tests/bench/run
