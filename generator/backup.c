/* backup.c: see backup.h (placeholder until implemented). */
#include "backup.h"
#include <stdio.h>

int backup_main(int argc, char **argv)
{
	(void)argc; (void)argv;
	fputs("prongsai backup: not yet implemented\n", stderr);
	return 2;
}
