/* closecmd.h: `prongsai report close FY half-year|annual`: record in git
 * that a report was printed and signed.
 *
 * It commits, on the branch HEAD is on, an empty commit (the tree of HEAD,
 * nothing in the work tree or index changed) whose message carries the
 * trailer "Prongsai-Close: FY half-year|annual" (load/history.h).  From
 * then on the build shows that report's figures as they were at that
 * commit, and lists the later changes to the data it covered. */
#ifndef PRONGSAI_CLOSECMD_H
#define PRONGSAI_CLOSECMD_H

/* argv[0] is "report".  Returns the exit status: 0 (the commit id printed),
 * 1 on failure (not a git repository, no commit yet, already closed, no
 * git identity; nothing committed), 2 on a usage error. */
int report_main(int argc, char **argv, const char *content);

#endif
