/* notify.c: see notify.h (placeholder until implemented). */
#include "notify.h"
#include <stdio.h>

int notify_main(int argc, char **argv)
{
	(void)argc; (void)argv;
	fputs("prongsai notify: not yet implemented\n", stderr);
	return 2;
}
