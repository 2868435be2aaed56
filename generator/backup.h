/* backup.h: `prongsai backup`: online backup of the database, rotated. */
#ifndef PRONGSAI_BACKUP_H
#define PRONGSAI_BACKUP_H

/* argv[0] is "backup".  Returns the exit status (0 ok, 1 failure, 2 usage). */
int backup_main(int argc, char **argv);

#endif
