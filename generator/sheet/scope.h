/* scope.h: which projects a person may update, by the roles of
 * people.yaml (model.h role_bit), as staff.cgi applies them: an admin all,
 * a group director their group's, an officer those they own or are on the
 * team of; without a role, none. */
#ifndef PRONGSAI_SHEET_SCOPE_H
#define PRONGSAI_SHEET_SCOPE_H

#include "model/model.h"

/* 1 if who may report on p, else 0. */
int sheet_in_scope(const struct project *p, const struct person *who);

#endif
