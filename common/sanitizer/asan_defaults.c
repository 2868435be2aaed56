/*
 * asan_defaults.c: the AddressSanitizer options of the asan variant, linked
 * into its programs only (Makefile: SAN_OBJ).  The runtime asks for them
 * before main(); ASAN_OPTIONS in the environment still overrides them.
 *
 * The default quarantine (256 MB) and 30-frame allocation stacks made a
 * build of the sample nine times the CPU of the release build, most of it
 * page faults; a small quarantine still catches a use after free of a
 * recent block, and leaks are still reported.
 */
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	return "quarantine_size_mb=8:malloc_context_size=8";
}
