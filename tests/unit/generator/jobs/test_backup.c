/* test_backup.c: the backup's name pattern, its rotation, and fsutil. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jobs/backup.h"
#include "check.h"
#include "publish/fsutil.h"

static void touch(const char *dir, const char *name)
{
	char p[PATH_MAX];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	f = fopen(p, "w");
	if (f)
		fclose(f);
}

static int exists(const char *dir, const char *name)
{
	char p[PATH_MAX];
	struct stat st;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return lstat(p, &st) == 0;
}

int main(void)
{
	char tmpl[] = "/tmp/test_backup.XXXXXX", p[PATH_MAX], err[256];
	const char *dir;
	struct backup_report r;
	struct stat st;
	int made;

	/* names */
	CHECK(backup_name_valid("prongsai-20261124T193000Z.db"));
	CHECK(backup_name_valid("prongsai-00000000T000000Z.db"));
	CHECK(!backup_name_valid("prongsai-20261124T193000Z.db-wal"));
	CHECK(!backup_name_valid("prongsai-20261124T193000Z.dbx"));
	CHECK(!backup_name_valid("prongsai-20261124T19300Z.db"));
	CHECK(!backup_name_valid("prongsai-2026112XT193000Z.db"));
	CHECK(!backup_name_valid("Prongsai-20261124T193000Z.db"));
	CHECK(!backup_name_valid("prongsai-20261124t193000Z.db"));
	CHECK(!backup_name_valid(".prongsai-20261124T193000Z.db"));
	CHECK(!backup_name_valid(""));

	/* fs_parent */
	CHECK(fs_parent("a/b/c", p, sizeof(p), err, sizeof(err)) == 0);
	CHECK_STR(p, "a/b");
	CHECK(fs_parent("c", p, sizeof(p), err, sizeof(err)) == 0);
	CHECK_STR(p, ".");
	CHECK(fs_parent("/c", p, sizeof(p), err, sizeof(err)) == 0);
	CHECK_STR(p, "/");
	CHECK(fs_parent("a//c", p, sizeof(p), err, sizeof(err)) == 0);
	CHECK_STR(p, "a");
	CHECK(fs_parent("a/b/", p, sizeof(p), err, sizeof(err)) == 0);
	CHECK_STR(p, "a");
	CHECK(fs_parent("a/b", p, 2, err, sizeof(err)) == 0);
	CHECK(fs_parent("abc/b", p, 3, err, sizeof(err)) == -1);

	dir = mkdtemp(tmpl);
	CHECK(dir != NULL);
	if (!dir)
		return CHECK_RESULT();

	/* fs_mkdirs */
	snprintf(p, sizeof(p), "%s/x/y//z/", dir);
	CHECK(fs_mkdirs(p, 0700, &made, err, sizeof(err)) == 0);
	CHECK_INT(made, 3);
	snprintf(p, sizeof(p), "%s/x/y/z", dir);
	CHECK(stat(p, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700);
	CHECK(fs_mkdirs(p, 0700, &made, err, sizeof(err)) == 0);
	CHECK_INT(made, 0);
	touch(dir, "file");
	snprintf(p, sizeof(p), "%s/file/sub", dir);
	CHECK(fs_mkdirs(p, 0700, &made, err, sizeof(err)) == -1);
	CHECK(strstr(err, "not a directory") != NULL);
	CHECK(fs_sync_dir(dir, err, sizeof(err)) == 0);

	/* rotation: the 2 newest stay, other names are never touched */
	touch(dir, "prongsai-20260101T000000Z.db");
	touch(dir, "prongsai-20260102T000000Z.db");
	touch(dir, "prongsai-20260103T000000Z.db");
	touch(dir, "prongsai-20260104T000000Z.db");
	touch(dir, "prongsai-20260101T000000Z.db-wal");
	touch(dir, "notes.txt");
	memset(&r, 0, sizeof(r));
	snprintf(r.path, sizeof(r.path), "%s/prongsai-20260104T000000Z.db", dir);
	CHECK(backup_rotate(dir, 2, &r, err, sizeof(err)) == 0);
	CHECK_INT(r.removed, 2);
	CHECK_STR(r.removed_names, "prongsai-20260101T000000Z.db, prongsai-20260102T000000Z.db");
	CHECK(!exists(dir, "prongsai-20260101T000000Z.db"));
	CHECK(!exists(dir, "prongsai-20260102T000000Z.db"));
	CHECK(exists(dir, "prongsai-20260103T000000Z.db"));
	CHECK(exists(dir, "prongsai-20260104T000000Z.db"));
	CHECK(exists(dir, "prongsai-20260101T000000Z.db-wal"));
	CHECK(exists(dir, "notes.txt"));
	CHECK_INT(r.newer, 0);

	/* a clock that went back: the new backup sorts oldest but stays */
	touch(dir, "prongsai-20250101T000000Z.db");
	memset(&r, 0, sizeof(r));
	snprintf(r.path, sizeof(r.path), "%s/prongsai-20250101T000000Z.db", dir);
	CHECK(backup_rotate(dir, 2, &r, err, sizeof(err)) == 0);
	CHECK_INT(r.removed, 1);
	CHECK_INT(r.newer, 2);
	CHECK(exists(dir, "prongsai-20250101T000000Z.db"));
	CHECK(!exists(dir, "prongsai-20260103T000000Z.db"));
	CHECK(exists(dir, "prongsai-20260104T000000Z.db"));

	/* a missing directory: an error, nothing else */
	snprintf(p, sizeof(p), "%s/nosuch", dir);
	memset(&r, 0, sizeof(r));
	CHECK(backup_rotate(p, 2, &r, err, sizeof(err)) == -1);

	/* clean up */
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	CHECK(system(p) == 0);
	return CHECK_RESULT();
}
