/* inbox.h: `prongsai inbox`: the complaint officer's tools, run on the
 * machine that holds the secret key (docs/complaint-desk.md).
 *
 *   prongsai inbox keygen --key FILE
 *       make the key pair (format in inbox_key.h); prints the public key
 *   prongsai inbox list  [--all]
 *       new and open complaints, oldest first: code, date (Thai time),
 *       form, channel, status, category, district; no personal data
 *   prongsai inbox show CODE [--attachments DIR]
 *       one complaint: status history, public values, the decrypted
 *       personal values; its files written to DIR (0600, never overwritten)
 *   prongsai inbox export --csv [-o FILE] [--all]
 *       every new and open complaint as CSV (RFC 4180, UTF-8 with a BOM for
 *       Excel), personal values decrypted; FILE is created 0600
 *   prongsai inbox purge --closed-before DATE [--dry-run]
 *       delete the personal data (sealed values, attachments, free text) of
 *       the complaints closed before DATE (PDPA retention), in one
 *       transaction, with secure_delete and a WAL truncation after it
 *
 * Every command but keygen takes --db FILE (default $PRONGSAI_DB), --key
 * FILE (default $PRONGSAI_INBOX_KEY; "-" = standard input, e.g. `--key - <
 * FILE` when run as the database owner's user) and -C CONTENT (default
 * "content"; the statuses come from CONTENT/complaints/<CODE>.yaml), needs
 * the database of schema version DB_SCHEMA_VERSION and the key whose
 * public key the database seals to, and refuses a key file readable by
 * others.  list, show and export open the database read-only.  A
 * complaint is open while its response file's last status is not resolved
 * or rejected, new while it has none.  Modules: inbox.c (command line,
 * list), inbox_show.c, inbox_export.c (with csvout.h), inbox_purge.c,
 * inbox_db.h (reading the database with the key), inbox_key.h (the key
 * file, unsealing). */
#ifndef PRONGSAI_INBOX_H
#define PRONGSAI_INBOX_H

/* argv[0] is "inbox".  Returns the exit status (0 ok, 1 failure, 2 usage). */
int inbox_main(int argc, char **argv);

#endif
