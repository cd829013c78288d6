// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/lib_test.c - ktest suite "lib": the library under everything.
 *
 * vsnprintf's formats (%pe and errname() too), the string routines, the intrusive list, bit
 * operations, number and size parsing, and the command-line parser with
 * good and bad parameters.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/errname.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <mm386/ktest.h>

static char buf[128];

#define KT_EXPECT_FMT(t, expect, fmt, ...) do {				\
	snprintf(buf, sizeof(buf), fmt, ##__VA_ARGS__);			\
	KT_EXPECT_STREQ(t, buf, expect);				\
} while (0)

static void vsnprintf_integers(struct ktest *t)
{
	KT_EXPECT_FMT(t, "42 -42 42", "%d %i %u", 42, -42, 42u);
	KT_EXPECT_FMT(t, "4294967295", "%u", 0xffffffffu);
	KT_EXPECT_FMT(t, "-2147483648", "%d", (int)0x80000000);
	KT_EXPECT_FMT(t, "beef BEEF", "%x %X", 0xbeef, 0xbeef);
	KT_EXPECT_FMT(t, "0000beef", "%08x", 0xbeef);
	KT_EXPECT_FMT(t, "0x0000beef", "0x%08lx", 0xbeefUL);
	KT_EXPECT_FMT(t, "0xbeef", "%#x", 0xbeef);
	KT_EXPECT_FMT(t, "17", "%o", 15);
	KT_EXPECT_FMT(t, "+5 -5", "%+d %+d", 5, -5);
	KT_EXPECT_FMT(t, "[   42]", "[%5d]", 42);
	KT_EXPECT_FMT(t, "[42   ]", "[%-5d]", 42);
	KT_EXPECT_FMT(t, "[-0042]", "[%05d]", -42);
	KT_EXPECT_FMT(t, "[  042]", "[%5.3d]", 42);
	KT_EXPECT_FMT(t, "[   42]", "[%*d]", 5, 42);
	KT_EXPECT_FMT(t, "[42   ]", "[%*d]", -5, 42);
}

/* Formats the compiler would refuse to check: no __printf attribute. */
static const char *fmt_unchecked(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	return buf;
}

static void vsnprintf_modifiers(struct ktest *t)
{
	KT_EXPECT_FMT(t, "-1 4294967295", "%ld %lu", -1L, 0xffffffffUL);
	KT_EXPECT_FMT(t, "-9223372036854775808", "%lld", (long long)(1ULL << 63));
	KT_EXPECT_FMT(t, "18446744073709551615", "%llu", ~0ULL);
	KT_EXPECT_FMT(t, "123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	KT_EXPECT_FMT(t, "0x0000000100000000", "0x%016llx", 1ULL << 32);
	KT_EXPECT_FMT(t, "4096 -3", "%zu %zd", (size_t)4096, (ssize_t)-3);
	/* h and hh truncate what was passed as an int (as C's printf). */
	KT_EXPECT_STREQ(t, fmt_unchecked("%hhu %hhd", 0x1ff, 0xff), "255 -1");
	KT_EXPECT_STREQ(t, fmt_unchecked("%hu", 0x1ffff), "65535");
}

static void vsnprintf_strings_chars(struct ktest *t)
{
	KT_EXPECT_FMT(t, "a%b", "%c%%%c", 'a', 'b');
	KT_EXPECT_FMT(t, "[  abc]", "[%5s]", "abc");
	KT_EXPECT_FMT(t, "[abc  ]", "[%-5s]", "abc");
	KT_EXPECT_FMT(t, "[ab]", "[%.2s]", "abc");
	KT_EXPECT_STREQ(t, fmt_unchecked("%s", NULL), "(null)");
	KT_EXPECT_STREQ(t, fmt_unchecked("%q"), "%q");
	KT_EXPECT_STREQ(t, fmt_unchecked("100%"), "100");
}

static noinline int lib_test_marker(int x)
{
	volatile int v = x;

	return v * 3 + 1;
}

static void vsnprintf_pointers(struct ktest *t)
{
	char expect[64];
	struct ksym sym;
	char *end;

	KT_EXPECT_FMT(t, "c0100000", "%p", (void *)0xc0100000);
	KT_EXPECT_FMT(t, "00001000", "%px", (void *)0x1000);
	KT_EXPECT_FMT(t, "lib_test_marker", "%ps", lib_test_marker);
	KT_ASSERT_TRUE(t, kallsyms_lookup((unsigned long)lib_test_marker, &sym));
	snprintf(expect, sizeof(expect), "lib_test_marker+0x1/0x%lx", sym.size);
	KT_EXPECT_FMT(t, expect, "%pS", (char *)lib_test_marker + 1);
	/* The return address of a call that ends a function is the first byte
	 * after it: %pB still names the function, %pS does not. */
	end = (char *)lib_test_marker + sym.size;
	snprintf(expect, sizeof(expect), "lib_test_marker+0x%lx/0x%lx", sym.size, sym.size);
	KT_EXPECT_FMT(t, expect, "%pB", end);
	snprintf(buf, sizeof(buf), "%pS", end);
	KT_EXPECT_NE(t, strcmp(buf, expect), 0);
	KT_EXPECT_FMT(t, "0x00000010", "%pS", (void *)0x10);
}

static void vsnprintf_error_pointers(struct ktest *t)
{
	KT_EXPECT_FMT(t, "-ENOMEM", "%pe", ERR_PTR(-ENOMEM));
	KT_EXPECT_FMT(t, "[-EEXIST ]", "[%-8pe]", ERR_PTR(-EEXIST));
	KT_EXPECT_FMT(t, "-1234", "%pe", ERR_PTR(-1234));	/* no name: the number */
	KT_EXPECT_FMT(t, "c0100000", "%pe", (void *)0xc0100000);	/* no error: %p */
	KT_EXPECT_FMT(t, "-EINVAL.", "%pe.", ERR_PTR(-EINVAL));	/* 'e' is used up */
	KT_EXPECT_STREQ(t, errname(-ENOENT), "-ENOENT");
	KT_EXPECT_STREQ(t, errname(EBUSY), "EBUSY");
	KT_EXPECT_TRUE(t, errname(-4000) == NULL);
	KT_EXPECT_TRUE(t, errname(0) == NULL);
}

static void vsnprintf_truncation(struct ktest *t)
{
	char small[6];
	int n;

	n = snprintf(small, sizeof(small), "%s", "abcdefghij");
	KT_EXPECT_EQ(t, n, 10);			/* the length it wanted */
	KT_EXPECT_STREQ(t, small, "abcde");	/* always terminated */
	KT_EXPECT_EQ(t, scnprintf(small, sizeof(small), "%d", 1234567), 5);
	KT_EXPECT_EQ(t, snprintf(NULL, 0, "%08x", 1), 8);
}

static void string_routines(struct ktest *t)
{
	char s[32], *p, *tok;

	KT_EXPECT_EQ(t, strlen(""), 0);
	KT_EXPECT_EQ(t, strlen("mm386"), 5);
	KT_EXPECT_EQ(t, strnlen("mm386", 3), 3);
	KT_EXPECT_LT(t, (long)strcmp("abc", "abd") + 1000, 1000);
	KT_EXPECT_EQ(t, strcmp("abc", "abc"), 0);
	KT_EXPECT_EQ(t, strncmp("abcX", "abcY", 3), 0);
	KT_EXPECT_NE(t, strncmp("abcX", "abcY", 4), 0);
	KT_EXPECT_EQ(t, strscpy(s, "hello", sizeof(s)), 5);
	KT_EXPECT_EQ(t, strscpy(s, "hello", 3), -E2BIG);
	KT_EXPECT_STREQ(t, s, "he");
	strcpy(s, "a,b,,c");
	p = s;
	tok = strsep(&p, ",");
	KT_EXPECT_STREQ(t, tok, "a");
	KT_EXPECT_STREQ(t, strsep(&p, ","), "b");
	KT_EXPECT_STREQ(t, strsep(&p, ","), "");
	KT_EXPECT_STREQ(t, strsep(&p, ","), "c");
	KT_EXPECT_NULL(t, strsep(&p, ","));
	strcpy(s, "hello");
	KT_EXPECT_PTR_EQ(t, strchr(s, 'l'), s + 2);
	KT_EXPECT_PTR_EQ(t, strrchr(s, 'l'), s + 3);
	KT_EXPECT_NULL(t, strchr(s, 'z'));
	KT_EXPECT_PTR_EQ(t, strstr(s, "llo"), s + 2);
	KT_EXPECT_NULL(t, strstr(s, "lol"));
	KT_EXPECT_EQ(t, strcspn("ab,c", ","), 2);
	strcpy(s, "  padded \n");
	KT_EXPECT_STREQ(t, strim(s), "padded");
	KT_EXPECT_TRUE(t, match_word("lib,boot,buddy", "boot", ','));
	KT_EXPECT_FALSE(t, match_word("lib,boot,buddy", "boo", ','));
}

static void memory_routines(struct ktest *t)
{
	unsigned char a[32], b[32];
	unsigned int i;

	for (i = 0; i < sizeof(a); i++)
		a[i] = i;
	memcpy(b, a, sizeof(a));
	KT_EXPECT_EQ(t, memcmp(a, b, sizeof(a)), 0);
	b[31] = 0xff;
	KT_EXPECT_LT(t, (long)memcmp(a, b, sizeof(a)) + 1000, 1000);
	memmove(a + 1, a, 16);		/* overlapping, upwards */
	KT_EXPECT_EQ(t, a[1], 0);
	KT_EXPECT_EQ(t, a[16], 15);
	memmove(a, a + 1, 16);		/* overlapping, downwards */
	KT_EXPECT_EQ(t, a[15], 15);
	memset(a, 0x6b, 13);		/* not a multiple of 4 */
	KT_EXPECT_NULL(t, memchr_inv(a, 0x6b, 13));
	KT_EXPECT_PTR_EQ(t, memchr_inv(a, 0x6b, 14), a + 13);
	KT_EXPECT_PTR_EQ(t, memchr(a, 17, sizeof(a)), a + 17);
	KT_EXPECT_NULL(t, memchr(a, 16, sizeof(a)));
}

struct item {
	int value;
	struct list_head link;
};

static void list_operations(struct ktest *t)
{
	struct item items[5], *it, *tmp;
	LIST_HEAD(head);
	LIST_HEAD(other);
	int i, sum = 0, order[5], n = 0;

	KT_EXPECT_TRUE(t, list_empty(&head));
	for (i = 0; i < 5; i++) {
		items[i].value = i;
		list_add_tail(&items[i].link, &head);
	}
	KT_EXPECT_EQ(t, list_count_nodes(&head), 5);
	list_for_each_entry(it, &head, link)
		order[n++] = it->value;
	KT_EXPECT_EQ(t, order[0], 0);
	KT_EXPECT_EQ(t, order[4], 4);
	list_del(&items[2].link);
	KT_EXPECT_PTR_EQ(t, items[2].link.next, LIST_POISON1);
	list_move(&items[4].link, &head);	/* 4 0 1 3 */
	KT_EXPECT_EQ(t, list_first_entry(&head, struct item, link)->value, 4);
	KT_EXPECT_EQ(t, list_last_entry(&head, struct item, link)->value, 3);
	list_add(&items[2].link, &other);
	list_splice_init(&other, &head);	/* 2 4 0 1 3 */
	KT_EXPECT_TRUE(t, list_empty(&other));
	KT_EXPECT_EQ(t, list_first_entry(&head, struct item, link)->value, 2);
	list_for_each_entry_safe(it, tmp, &head, link) {
		sum += it->value;
		list_del_init(&it->link);
	}
	KT_EXPECT_EQ(t, sum, 10);
	KT_EXPECT_TRUE(t, list_empty(&head));
}

static void bit_operations(struct ktest *t)
{
	DECLARE_BITMAP(map, 100) = { 0 };

	set_bit(3, map);
	set_bit(64, map);
	KT_EXPECT_TRUE(t, test_bit(3, map));
	KT_EXPECT_FALSE(t, test_bit(4, map));
	KT_EXPECT_EQ(t, find_first_bit(map, 100), 3);
	KT_EXPECT_EQ(t, find_next_bit(map, 100, 4), 64);
	KT_EXPECT_EQ(t, find_next_bit(map, 100, 65), 100);
	KT_EXPECT_EQ(t, find_first_zero_bit(map, 100), 0);
	bitmap_set(map, 0, 40);
	KT_EXPECT_EQ(t, find_first_zero_bit(map, 100), 40);
	clear_bit(64, map);
	KT_EXPECT_FALSE(t, test_bit(64, map));
	KT_EXPECT_TRUE(t, test_and_clear_bit(3, map));
	KT_EXPECT_FALSE(t, test_and_clear_bit(3, map));
	KT_EXPECT_EQ(t, fls(0), 0);
	KT_EXPECT_EQ(t, fls(1), 1);
	KT_EXPECT_EQ(t, fls(0x80000000), 32);
	KT_EXPECT_EQ(t, __ffs(0x100), 8);
	KT_EXPECT_EQ(t, ilog2(4096), 12);
	KT_EXPECT_EQ(t, roundup_pow_of_two(100), 128);
	KT_EXPECT_TRUE(t, is_power_of_2(1024));
	KT_EXPECT_FALSE(t, is_power_of_2(0));
}

static void number_parsing(struct ktest *t)
{
	unsigned long v = 0;
	int i = 0;

	KT_EXPECT_EQ(t, kstrtoul("4096", 0, &v), 0);
	KT_EXPECT_EQ(t, v, 4096);
	KT_EXPECT_EQ(t, kstrtoul("0x1000", 0, &v), 0);
	KT_EXPECT_EQ(t, v, 4096);
	KT_EXPECT_EQ(t, kstrtoul("c0100000", 16, &v), 0);
	KT_EXPECT_EQ(t, v, 0xc0100000);
	KT_EXPECT_EQ(t, kstrtoul("12abc", 10, &v), -EINVAL);
	KT_EXPECT_EQ(t, kstrtoul("", 10, &v), -EINVAL);
	KT_EXPECT_EQ(t, kstrtoul("4294967296", 10, &v), -ERANGE);
	KT_EXPECT_EQ(t, kstrtoint("-17", 10, &i), 0);
	KT_EXPECT_EQ(t, i, -17);
	KT_EXPECT_EQ(t, kstrtoint("2147483648", 10, &i), -ERANGE);
}

static void size_parsing(struct ktest *t)
{
	unsigned long long v = 0;
	char *end;

	KT_EXPECT_EQ(t, memparse("64M", &end), 64ULL << 20);
	KT_EXPECT_EQ(t, *end, '\0');
	KT_EXPECT_EQ(t, memparse("1G", NULL), 1ULL << 30);
	KT_EXPECT_EQ(t, memparse("4k", NULL), 4096);
	KT_EXPECT_EQ(t, memparse("0x1000", NULL), 4096);
	KT_EXPECT_EQ(t, parse_size("160M", &v), 0);
	KT_EXPECT_EQ(t, v, 160ULL << 20);
	KT_EXPECT_EQ(t, parse_size("12Q", &v), -EINVAL);
	KT_EXPECT_EQ(t, parse_size("M", &v), -EINVAL);
	KT_EXPECT_EQ(t, parse_size("", &v), -EINVAL);
	KT_EXPECT_EQ(t, parse_size("-1M", &v), -EINVAL);
	KT_EXPECT_EQ(t, parse_size("64MB", &v), -EINVAL);
	KT_EXPECT_EQ(t, parse_size("17179869184G", &v), -ERANGE);
	KT_EXPECT_EQ(t, parse_size("99999999999999999999", &v), -ERANGE);
	KT_EXPECT_EQ(t, v, 160ULL << 20);	/* untouched by failures */
}

/* A private parameter table, parsed the way the command line is. */
static unsigned long long test_size;
static int test_flag;
static char test_text[16];

static int test_size_setup(char *val)
{
	return parse_size(val, &test_size);
}

static int test_flag_setup(char *val)
{
	test_flag++;
	return 0;
}

static int test_text_setup(char *val)
{
	if (strlen(val) >= sizeof(test_text))
		return -E2BIG;		/* reject without touching the old value */
	strcpy(test_text, val);
	return 0;
}

static const struct obs_kernel_param test_params[] = {
	{ "size=", test_size_setup, 0 },
	{ "flag", test_flag_setup, 0 },
	{ "text=", test_text_setup, 0 },
};

static void param_parsing(struct ktest *t)
{
	const struct param_table tab = { test_params, test_params + ARRAY_SIZE(test_params) };
	char line[160];

	test_size = test_flag = 0;	/* the shell's ktest may run this twice */
	test_text[0] = '\0';
	strcpy(line, "size=64M flag text=\"two words\"");
	KT_EXPECT_EQ(t, parse_params(line, &tab, false), 0);
	KT_EXPECT_EQ(t, test_size, 64ULL << 20);
	KT_EXPECT_EQ(t, test_flag, 1);
	KT_EXPECT_STREQ(t, test_text, "two words");

	/* Each bad one is rejected with its own line; good ones still apply. */
	ktest_note(t, "expected: the next 5 lines are refusals provoked on purpose");
	strcpy(line, "size=12Q  bogus size flag=1 text=much-too-long-for-it size=1K flag");
	KT_EXPECT_EQ(t, parse_params(line, &tab, false), 5);
	KT_EXPECT_EQ(t, test_size, 1024);
	KT_EXPECT_EQ(t, test_flag, 2);
	KT_EXPECT_STREQ(t, test_text, "two words");

	/* Early parsing ignores non-early handlers and reports nothing. */
	strcpy(line, "size=1M bogus");
	KT_EXPECT_EQ(t, parse_params(line, &tab, true), 0);
	KT_EXPECT_EQ(t, test_size, 1024);
}

static void assert_aborts_case(struct ktest *t)
{
	struct ktest inner = { .name = "inner (a deliberate failure)" };
	volatile int reached = 0;

	if (setjmp(inner.abort) == 0) {
		KT_ASSERT_EQ(&inner, 1, 2);
		reached = 1;
	}
	KT_EXPECT_EQ(t, reached, 0);
	KT_EXPECT_EQ(t, inner.failed, 1);
}

static struct ktest_case lib_cases[] = {
	KTEST_CASE(vsnprintf_integers),
	KTEST_CASE(vsnprintf_modifiers),
	KTEST_CASE(vsnprintf_strings_chars),
	KTEST_CASE(vsnprintf_pointers),
	KTEST_CASE(vsnprintf_error_pointers),
	KTEST_CASE(vsnprintf_truncation),
	KTEST_CASE(string_routines),
	KTEST_CASE(memory_routines),
	KTEST_CASE(list_operations),
	KTEST_CASE(bit_operations),
	KTEST_CASE(number_parsing),
	KTEST_CASE(size_parsing),
	KTEST_CASE(param_parsing),
	KTEST_CASE(assert_aborts_case),
	{}
};

static struct ktest_suite lib_suite = { .name = "lib", .cases = lib_cases };
ktest_register(lib_suite);
