// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/ktest_selftest.c - suite "ktest_selftest": fails on purpose.
 *
 * It is not part of ktest=all.  The host tests run it by name to prove
 * that a failing expectation really turns into "not ok", a failed run and
 * QEMU status 35, i.e. that the harness can go red.
 */
#include <linux/kernel.h>
#include <mm386/ktest.h>

static void passes(struct ktest *t)
{
	KT_EXPECT_EQ(t, 1 + 1, 2);
}

static void fails(struct ktest *t)
{
	KT_EXPECT_EQ(t, 1 + 1, 3);
}

static void unannounced_warning(struct ktest *t)
{
	WARN(1, "ktest_selftest: a WARNING the test did not announce\n");
}

static void skipped(struct ktest *t)
{
	KT_SKIP(t, "skipping is not failing");
}

static struct ktest_case selftest_cases[] = {
	KTEST_CASE(passes),
	KTEST_CASE(fails),
	KTEST_CASE(unannounced_warning),
	KTEST_CASE(skipped),
	{}
};

static struct ktest_suite selftest_suite = {
	.name = "ktest_selftest",
	.cases = selftest_cases,
	.manual = true,
};
ktest_register(selftest_suite);
