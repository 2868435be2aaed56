/* scope.c: who may update which project (see scope.h). */
#include "sheet/scope.h"

#include <string.h>

int sheet_in_scope(const struct project *p, const struct person *who)
{
	size_t i;

	if (who->roles & ROLE_ADMIN)
		return 1;
	if ((who->roles & ROLE_GROUP_DIRECTOR) && who->group && strcmp(p->group, who->group) == 0)
		return 1;
	if (!(who->roles & ROLE_OFFICER))
		return 0;
	if (strcmp(p->owner, who->id) == 0)
		return 1;
	for (i = 0; i < p->n_team; i++)
		if (strcmp(p->team[i], who->id) == 0)
			return 1;
	return 0;
}
