/* closecmd.c: `prongsai report close` (see closecmd.h). */
#include "desk/closecmd.h"

#include <getopt.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "load/history.h"

static void usage(FILE *f)
{
	fputs("usage: prongsai report close FY half-year|annual [-C CONTENT] [-q]\n"
		"  บันทึกใน git ว่าปิดรายงานรอบ 6 เดือนหรือรายงานประจำปีแล้ว (commit ว่างที่มีบรรทัด\n"
		"  Prongsai-Close:) หน้ารายงานจะแสดงตัวเลข ณ commit นั้นตลอดไป และแสดงการแก้ไขหลังปิดแยกไว้\n"
		"  Commits (on HEAD's branch) a record that the report was closed; from then on\n"
		"  its page shows the figures as at that commit and lists later changes apart.\n"
		"  -C CONTENT  the content folder in a git repository (default: content)\n"
		"  -q          print nothing but errors\n", f);
}

static int fail(const char *th, const char *en, const char *what)
{
	const git_error *e = git_error_last();

	fprintf(stderr, "prongsai report: %s / %s%s%s%s%s\n", th, en, what ? ": " : "", what ? what : "",
		e && e->message ? ": " : "", e && e->message ? e->message : "");
	return 1;
}

/* Is fy's report already closed in the history of head?  1 yes (id in
 * hex), 0 no. */
static int closed_before(git_repository *repo, const git_oid *head, int fy, int annual, char hex[41])
{
	git_revwalk *w;
	git_oid id;
	int found = 0;

	if (git_revwalk_new(&w, repo) != 0)
		return 0;
	if (git_revwalk_push(w, head) == 0)
		while (!found && git_revwalk_next(&id, w) == 0) {
			git_commit *c;
			int y, a;
			if (git_commit_lookup(&c, repo, &id) != 0)
				break;
			if (history_close_trailer(git_commit_message(c), &y, &a) && y == fy && a == annual) {
				git_oid_tostr(hex, 41, &id);
				found = 1;
			}
			git_commit_free(c);
		}
	git_revwalk_free(w);
	return found;
}

int report_main(int argc, char **argv, const char *content)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	git_repository *repo = NULL;
	git_commit *head = NULL;
	git_tree *tree = NULL;
	git_signature *sig = NULL;
	git_reference *ref = NULL;
	git_oid id;
	char hex[41], msg[512];
	long fy;
	int c, quiet = 0, annual, rc = 1;

	cli_start();
	while ((c = cli_next("report", argc, argv, "C:qh", longopts)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'C':
			content = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind != 3 || strcmp(argv[optind], "close") != 0) {
		usage(stderr);
		return cli_usage_error("report", "ต้องเป็น report close ปีงบ half-year|annual",
			"expected: report close FY half-year|annual", optind < argc ? argv[optind] : NULL);
	}
	if (cli_long(argv[optind + 1], 2400, 2700, &fy) != 0)
		return cli_usage_error("report", "ปีงบประมาณต้องเป็น พ.ศ. เช่น 2569", "the fiscal year is BE, e.g. 2569",
			argv[optind + 1]);
	if (strcmp(argv[optind + 2], "annual") != 0 && strcmp(argv[optind + 2], "half-year") != 0)
		return cli_usage_error("report", "รอบรายงานต้องเป็น half-year หรือ annual",
			"the report is half-year or annual", argv[optind + 2]);
	annual = argv[optind + 2][0] == 'a';
	git_libgit2_init();
	if (git_repository_open_ext(&repo, content, 0, NULL) != 0) {
		rc = fail("โฟลเดอร์นี้ไม่ได้อยู่ในคลัง git", "not in a git repository", content);
		goto out;
	}
	if (git_repository_head(&ref, repo) != 0 ||
		git_reference_peel((git_object **)&head, ref, GIT_OBJECT_COMMIT) != 0 ||
		git_commit_tree(&tree, head) != 0) {
		rc = fail("ยังไม่มี commit ในคลัง", "the repository has no commit yet", content);
		goto out;
	}
	if (closed_before(repo, git_commit_id(head), (int)fy, annual, hex)) {
		fprintf(stderr, "prongsai report: รายงาน %ld %s ปิดไปแล้วใน commit %s / already closed in commit %s\n",
			fy, argv[optind + 2], hex, hex);
		goto out;
	}
	if (git_signature_default(&sig, repo) != 0) {
		rc = fail("ตั้งชื่อและอีเมลใน git ก่อน (git config user.name / user.email)",
			"set git's user.name and user.email first", NULL);
		goto out;
	}
	snprintf(msg, sizeof(msg), "ปิด%s ปีงบประมาณ %ld / close the %s report of FY %ld\n\n%s %ld %s\n",
		annual ? "รายงานผลการดำเนินงานประจำปี" : "รายงานผลการดำเนินงานรอบ 6 เดือน", fy,
		annual ? "annual" : "half-year", fy, HIST_CLOSE_TRAILER, fy, argv[optind + 2]);
	if (git_commit_create_v(&id, repo, "HEAD", sig, sig, NULL, msg, tree, 1, head) != 0) {
		rc = fail("commit ไม่สำเร็จ", "the commit failed", NULL);
		goto out;
	}
	git_oid_tostr(hex, sizeof(hex), &id);
	if (!quiet)
		fprintf(stderr, "prongsai report: ปิดรายงาน %ld %s แล้ว / closed the %s report of FY %ld\n",
			fy, argv[optind + 2], argv[optind + 2], fy);
	printf("%s\n", hex);
	rc = 0;
out:
	git_signature_free(sig);
	git_tree_free(tree);
	git_commit_free(head);
	git_reference_free(ref);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}
