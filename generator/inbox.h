/* inbox.h: `prongsai inbox`: the complaint officer's tools. */
#ifndef PRONGSAI_INBOX_H
#define PRONGSAI_INBOX_H

/* argv[0] is "inbox".  Returns the exit status. */
int inbox_main(int argc, char **argv);

#endif
