/* workdays.c: Thai government working days (see workdays.h). */
#include "derive/workdays.h"

#include <stdlib.h>

static int cmp_pdate(const void *a, const void *b)
{
	pdate x = *(const pdate *)a, y = *(const pdate *)b;

	return x < y ? -1 : x > y;
}

int workday_is(const struct model *m, pdate t)
{
	int wd = (int)(((t % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday; 0 = Sunday */

	if (wd == 0 || wd == 6)
		return 0;
	return !m->n_holidays || !bsearch(&t, m->holidays, m->n_holidays, sizeof(*m->holidays), cmp_pdate);
}

int64_t workdays_between(const struct model *m, pdate from, pdate to)
{
	int64_t n = 0;
	pdate t;

	for (t = from + 1; t <= to; t++)
		n += workday_is(m, t);
	return n;
}

pdate workday_add(const struct model *m, pdate from, int n)
{
	pdate t = from;

	while (n > 0)
		if (workday_is(m, ++t))
			n--;
	return t;
}
