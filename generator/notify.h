/* notify.h: `prongsai notify`: tell staff about new submissions. */
#ifndef PRONGSAI_NOTIFY_H
#define PRONGSAI_NOTIFY_H

/* argv[0] is "notify".  Returns the exit status (0 every due notice
 * delivered, 1 some failed or were given up, 2 usage or configuration
 * error). */
int notify_main(int argc, char **argv);

#endif
