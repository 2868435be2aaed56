/* staff.c: `prongsai staff` (see staff.h). */
#define _DEFAULT_SOURCE
#include "desk/staff.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>

#include "cli.h"
#include "db.h"
#include "errmsg.h"
#include "load/load.h"
#include "model/model.h"
#include "model/schema.h"
#include "staffdb.h"

static void staff_usage(FILE *f)
{
	fputs("ใช้ / usage:\n"
		"  prongsai staff add ID [--password-stdin]     สร้างบัญชีให้บุคคลใน people.yaml / create an account\n"
		"  prongsai staff passwd ID [--password-stdin]  ตั้งรหัสผ่านใหม่ (และเปิดใช้บัญชีอีกครั้ง) / new password\n"
		"  prongsai staff disable ID                    ปิดบัญชีและออกจากระบบทุกเครื่อง / disable, end sessions\n"
		"  prongsai staff list                          รายชื่อบัญชี / list the accounts\n"
		"Options: -C DIR (content folder, default content), --staff-db FILE (default $PRONGSAI_STAFF_DB,\n"
		"  else staff.db beside $PRONGSAI_DB), --password-stdin (one line from standard input), --help\n"
		"รหัสผ่านยาวอย่างน้อย 10 ตัวอักษร / passwords: at least 10 characters\n"
		"exit status: 0 ok, 1 failure, 2 usage error\n", f);
}

int staff_hash_password(const char *pw, char *out, size_t outlen, char *err, size_t errlen)
{
	size_t n = strlen(pw);

	if (n < STAFF_PW_MIN || n > STAFF_PW_MAX) {
		err_set(err, errlen, "a password has %d to %d characters / รหัสผ่านต้องยาว %d ถึง %d ตัวอักษร",
			STAFF_PW_MIN, STAFF_PW_MAX, STAFF_PW_MIN, STAFF_PW_MAX);
		return -1;
	}
	if (outlen < crypto_pwhash_STRBYTES || sodium_init() < 0 ||
	    crypto_pwhash_str_alg(out, pw, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
		err_set(err, errlen, "cannot hash the password (out of memory?) / เข้ารหัสรหัสผ่านไม่ได้");
		return -1;
	}
	return 0;
}

/* One line from f into pw (without its newline).  0, or -1 (nothing read
 * or a line over STAFF_PW_MAX bytes). */
static int read_line(FILE *f, char pw[STAFF_PW_MAX + 2])
{
	size_t n;

	if (!fgets(pw, STAFF_PW_MAX + 2, f))
		return -1;
	n = strcspn(pw, "\r\n");
	if (pw[n] == '\0' && n > STAFF_PW_MAX)
		return -1;
	pw[n] = '\0';
	return 0;
}

/* Ask on the terminal without echo.  0, or -1 (no terminal, nothing read). */
static int ask(FILE *tty, const char *prompt, char pw[STAFF_PW_MAX + 2])
{
	struct termios old, quiet;
	int fd = fileno(tty), rc;

	fputs(prompt, stderr);
	if (tcgetattr(fd, &old) != 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fd, TCSAFLUSH, &quiet);
	rc = read_line(tty, pw);
	tcsetattr(fd, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return rc;
}

/* The new password: from stdin, or asked twice on the terminal. */
static int get_password(int from_stdin, char pw[STAFF_PW_MAX + 2])
{
	char again[STAFF_PW_MAX + 2];
	FILE *tty;
	int rc = -1;

	if (from_stdin) {
		if (read_line(stdin, pw) != 0) {
			fprintf(stderr, "prongsai staff: อ่านรหัสผ่านจาก stdin ไม่ได้ (ต้องเป็นหนึ่งบรรทัด ไม่เกิน %d ไบต์) / "
				"cannot read the password from stdin (one line, at most %d bytes)\n", STAFF_PW_MAX, STAFF_PW_MAX);
			return -1;
		}
		return 0;
	}
	if (!(tty = fopen("/dev/tty", "r+"))) {
		fprintf(stderr, "prongsai staff: ไม่มีเทอร์มินัล ใช้ --password-stdin / no terminal: use --password-stdin\n");
		return -1;
	}
	if (ask(tty, "รหัสผ่านใหม่ / new password: ", pw) == 0 &&
	    ask(tty, "อีกครั้ง / again: ", again) == 0) {
		if (strcmp(pw, again) == 0)
			rc = 0;
		else
			fprintf(stderr, "prongsai staff: รหัสผ่านสองครั้งไม่ตรงกัน / the passwords differ\n");
	}
	sodium_memzero(again, sizeof again);
	fclose(tty);
	return rc;
}

/* 0 if id is a person of content/people.yaml (else a message, 1). */
static int person_exists(const char *content, const char *id)
{
	struct model m;
	struct diags d;
	int rc = 0;

	model_init(&m);
	diags_init(&d, LANG_TH);
	load_content(&m, content, 1, &d);
	if (!model_person(&m, id)) {
		fprintf(stderr, "prongsai staff: ไม่พบบุคคลรหัส \"%s\" ใน %s/people.yaml / no person \"%s\" in "
			"%s/people.yaml\n", id, content, id, content);
		rc = 1;
	}
	diags_free(&d);
	model_free(&m);
	return rc;
}

static int print_account(void *ctx, const struct staffdb_account *a)
{
	time_t now = *(const time_t *)ctx;
	char when[32];
	struct tm tm;

	gmtime_r(&a->changed_at, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
	printf("%-24s %-10s %s\n", a->person_id,
	       a->disabled ? "disabled" : a->locked_until > now ? "locked" : "active", when);
	return 0;
}

enum { OPT_STAFF_DB = 256, OPT_PW_STDIN };

int staff_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "staff-db", required_argument, NULL, OPT_STAFF_DB },
		{ "password-stdin", no_argument, NULL, OPT_PW_STDIN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *content = "content", *dbopt = NULL, *sub, *id = NULL;
	char path[4096], err[1024], pw[STAFF_PW_MAX + 2], hash[crypto_pwhash_STRBYTES];
	int c, from_stdin = 0, rc = 1, add;
	sqlite3 *db = NULL;
	time_t now = time(NULL);

	cli_start();
	while ((c = cli_next("staff", argc, argv, "C:h", longopts)) != -1) {
		switch (c) {
		case 'h':
			staff_usage(stdout);
			return 0;
		case 'C':
			content = optarg;
			break;
		case OPT_STAFF_DB:
			dbopt = optarg;
			break;
		case OPT_PW_STDIN:
			from_stdin = 1;
			break;
		default:
			staff_usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		staff_usage(stderr);
		return 2;
	}
	sub = argv[optind++];
	if (strcmp(sub, "list") != 0) {
		if (optind >= argc) {
			staff_usage(stderr);
			return cli_usage_error("staff", "ต้องระบุรหัสบุคคล", "a person id is needed", NULL);
		}
		id = argv[optind++];
	}
	if (optind < argc) {
		staff_usage(stderr);
		return cli_usage_error("staff", "มีอาร์กิวเมนต์เกิน", "unexpected argument", argv[optind]);
	}
	add = strcmp(sub, "add") == 0;
	if (!add && strcmp(sub, "passwd") && strcmp(sub, "disable") && strcmp(sub, "list")) {
		staff_usage(stderr);
		return cli_usage_error("staff", "ไม่รู้จักคำสั่งย่อย", "unknown subcommand", sub);
	}
	if (staffdb_path(dbopt, path, sizeof path, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai staff: %s\n", err);
		return 1;
	}
	if ((add || strcmp(sub, "passwd") == 0) && person_exists(content, id) != 0)
		return 1;
	if (staffdb_open(path, strcmp(sub, "list") == 0 ? DB_OPEN_EXISTING : DB_OPEN_CREATE, &db, err,
			 sizeof err) != 0) {
		fprintf(stderr, "prongsai staff: %s\n", err);
		return 1;
	}
	if (strcmp(sub, "list") == 0) {
		rc = staffdb_account_each(db, print_account, &now, err, sizeof err) < 0 ? 1 : 0;
	} else if (strcmp(sub, "disable") == 0) {
		rc = staffdb_account_disable(db, id, err, sizeof err) == 0 ? 0 : 1;
		if (!rc)
			fprintf(stderr, "prongsai staff: ปิดบัญชี %s แล้ว / %s disabled\n", id, id);
	} else if (get_password(from_stdin, pw) == 0) {
		if (staff_hash_password(pw, hash, sizeof hash, err, sizeof err) == 0 &&
		    staffdb_account_set(db, id, hash, add, now, err, sizeof err) == 0) {
			rc = 0;
			fprintf(stderr, "prongsai staff: %s %s / %s %s\n", add ? "สร้างบัญชี" : "ตั้งรหัสผ่านใหม่ให้", id,
				add ? "account created for" : "new password for", id);
		}
	} else {
		err[0] = '\0';
	}
	sodium_memzero(pw, sizeof pw);
	if (rc && err[0])
		fprintf(stderr, "prongsai staff: %s\n", err);
	sqlite3_close(db);
	return rc;
}
