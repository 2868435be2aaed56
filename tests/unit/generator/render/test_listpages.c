/* test_listpages.c: listings cut into pages (pages.h): LIST_PAGE_ROWS rows
 * a page (exactly the cap is one page, one more is two), LIST_MAX_PAGES
 * pages at most (the rows past them on the last page), the rows of each
 * page, and the page's path (page 1 keeps the listing's own). */
#include "check.h"
#include "render/pages.h"

static void test_count(void)
{
	size_t cap = (size_t)LIST_PAGE_ROWS * LIST_MAX_PAGES;

	CHECK_INT(list_n_pages(0), 1);
	CHECK_INT(list_n_pages(1), 1);
	CHECK_INT(list_n_pages(LIST_PAGE_ROWS), 1);
	CHECK_INT(list_n_pages(LIST_PAGE_ROWS + 1), 2);
	CHECK_INT(list_n_pages(cap), LIST_MAX_PAGES);
	CHECK_INT(list_n_pages(cap + 1), LIST_MAX_PAGES);
}

static void test_rows(void)
{
	size_t from, to, cap = (size_t)LIST_PAGE_ROWS * LIST_MAX_PAGES;

	list_page_rows(0, 1, 1, &from, &to);
	CHECK(from == 0 && to == 0);
	list_page_rows(LIST_PAGE_ROWS + 1, 1, 2, &from, &to);
	CHECK(from == 0 && to == LIST_PAGE_ROWS);
	list_page_rows(LIST_PAGE_ROWS + 1, 2, 2, &from, &to);
	CHECK(from == LIST_PAGE_ROWS && to == LIST_PAGE_ROWS + 1);
	list_page_rows(3 * LIST_PAGE_ROWS, 2, 3, &from, &to);
	CHECK(from == LIST_PAGE_ROWS && to == 2 * LIST_PAGE_ROWS);
	/* past the page cap: the last page holds the rest */
	list_page_rows(cap + 7, LIST_MAX_PAGES, LIST_MAX_PAGES, &from, &to);
	CHECK(from == cap - LIST_PAGE_ROWS && to == cap + 7);
}

static void test_path(void)
{
	struct arena a;

	arena_init(&a);
	CHECK_STR(list_page_path(&a, "projects/2569/index.html", 1), "projects/2569/index.html");
	CHECK_STR(list_page_path(&a, "projects/2569/index.html", 2), "projects/2569/page/2/index.html");
	CHECK_STR(list_page_path(&a, "projects/2569/district/tha-li/index.html", 13),
		"projects/2569/district/tha-li/page/13/index.html");
	CHECK_STR(list_page_path(&a, "print/index.html", LIST_MAX_PAGES), "print/page/10000/index.html");
	arena_free(&a);
}

int main(void)
{
	test_count();
	test_rows();
	test_path();
	return CHECK_RESULT();
}
