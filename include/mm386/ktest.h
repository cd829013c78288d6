/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest.h - mm386's in-kernel unit tests, printing KTAP like Linux's KUnit.
 *
 * A suite is a named array of test cases:
 *
 *	static void vsnprintf_hex(struct ktest *t)
 *	{
 *		char buf[16];
 *
 *		snprintf(buf, sizeof(buf), "%08x", 0xbeef);
 *		KT_EXPECT_STREQ(t, buf, "0000beef");
 *	}
 *
 *	static struct ktest_case lib_cases[] = {
 *		KTEST_CASE(vsnprintf_hex),
 *		{}
 *	};
 *	static struct ktest_suite lib_suite = { .name = "lib", .cases = lib_cases };
 *	ktest_register(lib_suite);
 *
 * The boot parameter ktest=all (or ktest=lib,buddy) runs the suites and
 * prints KTAP version 1; QEMU then exits 33 if everything passed, 35 if
 * not.  KT_EXPECT_* record a failure and go on; KT_ASSERT_* also abandon
 * the rest of the test case.  A failure prints the file:line and both
 * values compared.
 *
 * Misuse reports: every BUG/WARNING report bumps misuse_reports.  A test
 * that provokes reports on purpose says how many with
 * KT_EXPECT_REPORTS(t, n); any report it did not announce fails the test.
 * So a warning that appears where none is expected is always caught.
 */
#ifndef _MM386_KTEST_H
#define _MM386_KTEST_H

#include <linux/kernel.h>
#include <linux/init.h>
#include <mm386/setjmp.h>

struct ktest {
	const char *name;		/* the running case */
	int failed;
	int skipped;
	const char *skip_reason;
	unsigned long reports_seen;	/* misuse_reports already accounted for */
	jmp_buf abort;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	struct ktest_case *cases;	/* ends with an empty entry */
	int (*init)(void);		/* optional: 0, or skip the suite */
	void (*exit)(void);		/* optional */
	bool manual;			/* not part of ktest=all; only by name */
};

#define KTEST_CASE(fn)	{ #fn, fn }

#define ktest_register(suite)						\
	static struct ktest_suite *__ktest_ptr_##suite			\
		__used __section(".ktest_suites") __aligned(4) = &suite

/* Run the suites named in @list ("all" or "a,b,c"): 0 if all passed. */
int ktest_run(const char *list);
/* The ktest= boot parameter's list, or NULL (the shell's ktest runs others). */
extern const char *ktest_list_param;
bool ktest_suite_exists(const char *name);
void ktest_list(void);

/* Low-level reporting used by the macros below. */
void ktest_fail_compare(struct ktest *t, bool assert, const char *file, int line,
			const char *op, const char *left, long long lv,
			const char *right, long long rv);
void ktest_fail_str(struct ktest *t, bool assert, const char *file, int line,
		    const char *left, const char *lv, const char *right, const char *rv);
void ktest_fail_msg(struct ktest *t, bool assert, const char *file, int line,
		    const char *fmt, ...) __printf(5, 6);
void ktest_check_reports(struct ktest *t, unsigned long expected,
			 const char *file, int line);
void __noreturn ktest_abort(struct ktest *t);
void __noreturn ktest_skip(struct ktest *t, const char *reason);

#define __KT_BINARY(t, assert, l, op, r) do {				\
	long long __l = (long long)(l), __r = (long long)(r);		\
	if (!(__l op __r))						\
		ktest_fail_compare(t, assert, __FILE__, __LINE__, #op,	\
				   #l, __l, #r, __r);			\
} while (0)

/* Unsigned comparison (addresses, sizes above 2 GB). */
#define __KT_UBINARY(t, assert, l, op, r) do {				\
	unsigned long long __l = (unsigned long long)(l);		\
	unsigned long long __r = (unsigned long long)(r);		\
	if (!(__l op __r))						\
		ktest_fail_compare(t, assert, __FILE__, __LINE__, #op,	\
				   #l, (long long)__l, #r, (long long)__r); \
} while (0)

#define KT_EXPECT_EQ(t, l, r)	__KT_BINARY(t, false, l, ==, r)
#define KT_EXPECT_NE(t, l, r)	__KT_BINARY(t, false, l, !=, r)
#define KT_EXPECT_LT(t, l, r)	__KT_UBINARY(t, false, l, <, r)
#define KT_EXPECT_LE(t, l, r)	__KT_UBINARY(t, false, l, <=, r)
#define KT_EXPECT_GT(t, l, r)	__KT_UBINARY(t, false, l, >, r)
#define KT_EXPECT_GE(t, l, r)	__KT_UBINARY(t, false, l, >=, r)
#define KT_EXPECT_TRUE(t, c)	__KT_BINARY(t, false, !!(c), ==, 1)
#define KT_EXPECT_FALSE(t, c)	__KT_BINARY(t, false, !!(c), ==, 0)
#define KT_EXPECT_NULL(t, p)	__KT_UBINARY(t, false, (unsigned long)(p), ==, 0)
#define KT_EXPECT_NOT_NULL(t, p) __KT_UBINARY(t, false, (unsigned long)(p), !=, 0)
#define KT_EXPECT_PTR_EQ(t, l, r) __KT_UBINARY(t, false, (unsigned long)(l), ==, (unsigned long)(r))

#define KT_ASSERT_EQ(t, l, r)	__KT_BINARY(t, true, l, ==, r)
#define KT_ASSERT_NE(t, l, r)	__KT_BINARY(t, true, l, !=, r)
#define KT_ASSERT_LT(t, l, r)	__KT_UBINARY(t, true, l, <, r)
#define KT_ASSERT_LE(t, l, r)	__KT_UBINARY(t, true, l, <=, r)
#define KT_ASSERT_GT(t, l, r)	__KT_UBINARY(t, true, l, >, r)
#define KT_ASSERT_GE(t, l, r)	__KT_UBINARY(t, true, l, >=, r)
#define KT_ASSERT_TRUE(t, c)	__KT_BINARY(t, true, !!(c), ==, 1)
#define KT_ASSERT_FALSE(t, c)	__KT_BINARY(t, true, !!(c), ==, 0)
#define KT_ASSERT_NULL(t, p)	__KT_UBINARY(t, true, (unsigned long)(p), ==, 0)
#define KT_ASSERT_NOT_NULL(t, p) __KT_UBINARY(t, true, (unsigned long)(p), !=, 0)

#define __KT_STR(t, assert, l, r) do {					\
	const char *__l = (l), *__r = (r);				\
	if (!__l || !__r || strcmp(__l, __r))				\
		ktest_fail_str(t, assert, __FILE__, __LINE__, #l, __l, #r, __r); \
} while (0)
#define KT_EXPECT_STREQ(t, l, r)	__KT_STR(t, false, l, r)
#define KT_ASSERT_STREQ(t, l, r)	__KT_STR(t, true, l, r)

#define KT_FAIL(t, fmt, ...) \
	ktest_fail_msg(t, false, __FILE__, __LINE__, fmt, ##__VA_ARGS__)
#define KT_ASSERT_FAILURE(t, fmt, ...) \
	ktest_fail_msg(t, true, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

/* The code since the last check produced exactly @n BUG/WARNING reports. */
#define KT_EXPECT_REPORTS(t, n)	ktest_check_reports(t, n, __FILE__, __LINE__)

#define KT_SKIP(t, reason)	ktest_skip(t, reason)

/*
 * A KTAP diagnostic line "# CASE: ...": say, for example, that the error
 * lines about to be printed are provoked on purpose.
 */
void ktest_note(struct ktest *t, const char *fmt, ...) __printf(2, 3);

#endif
