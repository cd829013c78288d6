// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/shell_test.c - ktest suite "shell": the Explorer's pure parts.
 *
 * The line editor is fed bytes as a terminal would send them, and what it
 * echoes is captured, so editing, history and escape sequences are checked
 * without a console.  Flag names, sizes, word splitting, !! expansion and
 * the dispatcher's refusals are checked directly.  tests/host/test_shell.py
 * drives the real shell over the serial port.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <mm386/ktest.h>
#include <mm386/shell.h>

static char echoed[512];
static size_t echoed_len;

static void capture(const char *s, unsigned int n)
{
	while (n-- && echoed_len < sizeof(echoed) - 1)
		echoed[echoed_len++] = *s++;
	echoed[echoed_len] = '\0';
}

static struct shell_history hist;
static struct shell_line line;

// A fresh editor with an empty history and an empty echo capture.
static void editor_reset(void)
{
	memset(&hist, 0, sizeof(hist));
	memset(&line, 0, sizeof(line));
	shell_line_init(&line, &hist, capture);
	echoed_len = 0;
	echoed[0] = '\0';
}

// Feed @s byte by byte; the state after the last byte.
static enum shell_line_state feed(const char *s)
{
	enum shell_line_state state = SHELL_LINE_EDITING;

	while (*s)
		state = shell_line_feed(&line, (unsigned char)*s++);
	return state;
}

static void editor_typing_and_backspace(struct ktest *t)
{
	editor_reset();
	KT_EXPECT_EQ(t, feed("kmallox"), SHELL_LINE_EDITING);
	KT_EXPECT_EQ(t, feed("\x7f" "c\b" "c 64"), SHELL_LINE_EDITING);
	KT_EXPECT_STREQ(t, line.buf, "kmalloc 64");
	KT_EXPECT_STREQ(t, echoed, "kmallox\b \bc\b \bc 64");
	KT_EXPECT_EQ(t, feed("\r"), SHELL_LINE_DONE);
	KT_EXPECT_STREQ(t, line.buf, "kmalloc 64");
	/* Backspace on an empty line does nothing, echoes nothing. */
	editor_reset();
	KT_EXPECT_EQ(t, feed("\x7f\x7f"), SHELL_LINE_EDITING);
	KT_EXPECT_EQ(t, line.len, 0);
	KT_EXPECT_STREQ(t, echoed, "");
}

static void editor_ctrl_u_and_ctrl_c(struct ktest *t)
{
	editor_reset();
	feed("junk");
	echoed_len = 0;
	KT_EXPECT_EQ(t, feed("\x15"), SHELL_LINE_EDITING);
	KT_EXPECT_EQ(t, line.len, 0);
	KT_EXPECT_STREQ(t, echoed, "\b \b\b \b\b \b\b \b");
	KT_EXPECT_EQ(t, feed("help\r"), SHELL_LINE_DONE);
	KT_EXPECT_STREQ(t, line.buf, "help");

	editor_reset();
	KT_EXPECT_EQ(t, feed("poweroff\x03"), SHELL_LINE_CANCELLED);
	KT_EXPECT_STREQ(t, line.buf, "");
	KT_EXPECT_STREQ(t, echoed, "poweroff^C\n");
}

static void editor_enter_forms(struct ktest *t)
{
	editor_reset();
	KT_EXPECT_EQ(t, feed("a\r"), SHELL_LINE_DONE);
	shell_line_init(&line, &hist, capture);
	/* The LF of a CR LF pair is not a second, empty line, even though
	 * the CR ended the last line and this is a new one. */
	KT_EXPECT_EQ(t, feed("\n"), SHELL_LINE_EDITING);
	KT_EXPECT_EQ(t, feed("b\n"), SHELL_LINE_DONE);
	KT_EXPECT_STREQ(t, line.buf, "b");
	shell_line_init(&line, &hist, capture);
	KT_EXPECT_EQ(t, feed("\n"), SHELL_LINE_DONE);	/* LF alone is Enter */
	KT_EXPECT_STREQ(t, line.buf, "");
}

static void editor_ignores_other_bytes(struct ktest *t)
{
	char longline[SHELL_LINE_MAX + 20];

	editor_reset();
	/* Left and right arrows, Delete, a bare control byte, a high byte. */
	feed("a\033[C\033[D\033[3~\001\x80\033OCb\tc");
	KT_EXPECT_STREQ(t, line.buf, "ab c");
	KT_EXPECT_EQ(t, line.esc, 0);

	editor_reset();
	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	feed(longline);
	KT_EXPECT_EQ(t, line.len, SHELL_LINE_MAX - 1);
	KT_EXPECT_EQ(t, strlen(line.buf), SHELL_LINE_MAX - 1);
	KT_EXPECT_EQ(t, echoed_len, SHELL_LINE_MAX - 1);
}

static void editor_history_arrows(struct ktest *t)
{
	editor_reset();
	shell_history_add(&hist, "first");
	shell_history_add(&hist, "second");
	feed("draft");
	feed("\033[A");
	KT_EXPECT_STREQ(t, line.buf, "second");
	feed("\033[A");
	KT_EXPECT_STREQ(t, line.buf, "first");
	feed("\033[A");				/* no older line: stays */
	KT_EXPECT_STREQ(t, line.buf, "first");
	feed("\033OB");				/* application-mode down */
	KT_EXPECT_STREQ(t, line.buf, "second");
	feed("\033[B");
	KT_EXPECT_STREQ(t, line.buf, "draft");	/* the new line comes back */
	feed("\033[B");
	KT_EXPECT_STREQ(t, line.buf, "draft");
	feed("\033[A!\r");
	KT_EXPECT_STREQ(t, line.buf, "second!");
	/* What the screen shows ends with the recalled line and the edit. */
	KT_EXPECT_TRUE(t, strstr(echoed, "\b \bsecond!\n") != NULL);
}

static void history_ring(struct ktest *t)
{
	char text[16];
	int i;

	memset(&hist, 0, sizeof(hist));
	KT_EXPECT_NULL(t, shell_history_get(&hist, 1));
	shell_history_add(&hist, "");
	KT_EXPECT_EQ(t, hist.count, 0);
	shell_history_add(&hist, "a");
	shell_history_add(&hist, "a");		/* a repeat is not kept twice */
	KT_EXPECT_EQ(t, hist.count, 1);
	for (i = 0; i < SHELL_HISTORY + 3; i++) {
		snprintf(text, sizeof(text), "cmd%d", i);
		shell_history_add(&hist, text);
	}
	KT_EXPECT_STREQ(t, shell_history_get(&hist, 1), "cmd18");
	KT_EXPECT_STREQ(t, shell_history_get(&hist, SHELL_HISTORY), "cmd3");
	KT_EXPECT_NULL(t, shell_history_get(&hist, SHELL_HISTORY + 1));
	KT_EXPECT_NULL(t, shell_history_get(&hist, 0));
}

static void history_bang_bang(struct ktest *t)
{
	char out[SHELL_LINE_MAX], big[SHELL_LINE_MAX];

	memset(&hist, 0, sizeof(hist));
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "kmalloc 8", out, sizeof(out)), 0);
	KT_EXPECT_STREQ(t, out, "kmalloc 8");
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "!!", out, sizeof(out)), -ENOENT);
	shell_history_add(&hist, "kmalloc 8");
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "!!", out, sizeof(out)), 1);
	KT_EXPECT_STREQ(t, out, "kmalloc 8");
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "!! GFP_ATOMIC", out, sizeof(out)), 1);
	KT_EXPECT_STREQ(t, out, "kmalloc 8 GFP_ATOMIC");
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "echo !!;!!", out, sizeof(out)), 1);
	KT_EXPECT_STREQ(t, out, "echo kmalloc 8;kmalloc 8");
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "!!", out, 9), -E2BIG);
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "!!", out, 10), 1);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	shell_history_add(&hist, big);
	KT_EXPECT_EQ(t, shell_history_expand(&hist, "!!!!", out, sizeof(out)), -E2BIG);
}

static void split_words(struct ktest *t)
{
	char text[64], *argv[4];

	strscpy(text, "  kmalloc\t 100   GFP_ATOMIC ", sizeof(text));
	KT_ASSERT_EQ(t, shell_split(text, argv, 4), 3);
	KT_EXPECT_STREQ(t, argv[0], "kmalloc");
	KT_EXPECT_STREQ(t, argv[1], "100");
	KT_EXPECT_STREQ(t, argv[2], "GFP_ATOMIC");
	strscpy(text, " \t ", sizeof(text));
	KT_EXPECT_EQ(t, shell_split(text, argv, 4), 0);
	strscpy(text, "a b c d e", sizeof(text));
	KT_EXPECT_EQ(t, shell_split(text, argv, 4), -E2BIG);
}

static void gfp_flag_names(struct ktest *t)
{
	unsigned long flags;
	char bad[16];

	KT_EXPECT_EQ(t, shell_parse_flags("GFP_KERNEL", shell_gfp_flags, &flags, bad,
					  sizeof(bad)), 0);
	KT_EXPECT_EQ(t, flags, GFP_KERNEL);
	KT_EXPECT_EQ(t, shell_parse_flags("GFP_ATOMIC|__GFP_ZERO|__GFP_NOWARN", shell_gfp_flags,
					  &flags, bad, sizeof(bad)), 0);
	KT_EXPECT_EQ(t, flags, GFP_ATOMIC | __GFP_ZERO | __GFP_NOWARN);
	KT_EXPECT_EQ(t, shell_parse_flags("GFP_HIGHUSER|0x100", shell_gfp_flags, &flags, bad,
					  sizeof(bad)), 0);
	KT_EXPECT_EQ(t, flags, GFP_HIGHUSER | __GFP_ZERO);
	KT_EXPECT_EQ(t, shell_parse_flags("GFP_DMA|__GFP_COMP|__GFP_HIGH", shell_gfp_flags,
					  &flags, bad, sizeof(bad)), 0);
	KT_EXPECT_EQ(t, flags, __GFP_DMA | __GFP_COMP | __GFP_HIGH);

	/* The word that is wrong is named, cut to fit @bad. */
	KT_EXPECT_EQ(t, shell_parse_flags("GFP_KERNEL|gfp_atomic", shell_gfp_flags, &flags, bad,
					  sizeof(bad)), -EINVAL);
	KT_EXPECT_STREQ(t, bad, "gfp_atomic");
	KT_EXPECT_EQ(t, shell_parse_flags("__GFP_ZERO|GFP_KERNELX|GFP_DMA", shell_gfp_flags,
					  &flags, bad, sizeof(bad)), -EINVAL);
	KT_EXPECT_STREQ(t, bad, "GFP_KERNELX");
	KT_EXPECT_EQ(t, shell_parse_flags("__GFP_RETRY_MAYFAIL_NOT", shell_gfp_flags, &flags, bad,
					  sizeof(bad)), -EINVAL);
	KT_EXPECT_STREQ(t, bad, "__GFP_RETRY_MAY");
	/* Empty words: a leading, doubled or trailing '|', or nothing at all. */
	KT_EXPECT_EQ(t, shell_parse_flags("GFP_KERNEL||__GFP_ZERO", shell_gfp_flags, &flags,
					  bad, sizeof(bad)), -EINVAL);
	KT_EXPECT_STREQ(t, bad, "");
	KT_EXPECT_EQ(t, shell_parse_flags("|GFP_KERNEL", shell_gfp_flags, &flags, bad,
					  sizeof(bad)), -EINVAL);
	KT_EXPECT_EQ(t, shell_parse_flags("GFP_KERNEL|", shell_gfp_flags, &flags, bad,
					  sizeof(bad)), -EINVAL);
	KT_EXPECT_EQ(t, shell_parse_flags("", shell_gfp_flags, &flags, bad, sizeof(bad)),
		     -EINVAL);
}

static void slab_flag_names(struct ktest *t)
{
	unsigned long flags;
	char bad[24];

	KT_EXPECT_EQ(t, shell_parse_flags("SLAB_HWCACHE_ALIGN|SLAB_POISON", shell_slab_flags,
					  &flags, bad, sizeof(bad)), 0);
	KT_EXPECT_EQ(t, flags, SLAB_HWCACHE_ALIGN | SLAB_POISON);
	/* SLAB_PANIC is no name the shell knows; as a number it is refused. */
	KT_EXPECT_EQ(t, shell_parse_flags("SLAB_PANIC", shell_slab_flags, &flags, bad,
					  sizeof(bad)), -EINVAL);
	KT_EXPECT_STREQ(t, bad, "SLAB_PANIC");
	KT_EXPECT_EQ(t, shell_get_slab_flags("shell_test", "0x40000", &flags), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_slab_flags("shell_test", "SLAB_RED_ZONE", &flags), 0);
	KT_EXPECT_EQ(t, flags, SLAB_RED_ZONE);
}

static void numbers_and_sizes(struct ktest *t)
{
	unsigned long v;
	unsigned int order;
	gfp_t gfp;

	KT_EXPECT_EQ(t, shell_get_size("shell_test", "SIZE", "4K", &v), 0);
	KT_EXPECT_EQ(t, v, 4096);
	KT_EXPECT_EQ(t, shell_get_size("shell_test", "SIZE", "0x10", &v), 0);
	KT_EXPECT_EQ(t, v, 16);
	KT_EXPECT_EQ(t, shell_get_size("shell_test", "SIZE", "2M", &v), 0);
	KT_EXPECT_EQ(t, v, 2 << 20);
	KT_EXPECT_EQ(t, shell_get_size("shell_test", "SIZE", "12Q", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_size("shell_test", "SIZE", "8G", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_size("shell_test", "SIZE", "K", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_ulong("shell_test", "ADDR", "0xc0100000", &v), 0);
	KT_EXPECT_EQ(t, v, 0xc0100000UL);
	KT_EXPECT_EQ(t, shell_get_ulong("shell_test", "ADDR", "0x1_000", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_ulong("shell_test", "ADDR", "0x100000000", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_ulong("shell_test", "ADDR", "-1", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_order("shell_test", "10", &order), 0);
	KT_EXPECT_EQ(t, order, 10);
	KT_EXPECT_EQ(t, shell_get_order("shell_test", "11", &order), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_pfn("shell_test", "pfn:0", &v), 0);
	KT_EXPECT_EQ(t, v, 0);
	KT_EXPECT_EQ(t, shell_get_pfn("shell_test", "0x1", &v), 0);
	KT_EXPECT_EQ(t, v, 1);
	KT_EXPECT_EQ(t, shell_get_pfn("shell_test", "pfn:0xffffffff", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_pfn("shell_test", "pfn:", &v), -EINVAL);
	KT_EXPECT_EQ(t, shell_get_gfp("shell_test", NULL, &gfp), 0);
	KT_EXPECT_EQ(t, gfp, GFP_KERNEL);
	KT_EXPECT_EQ(t, shell_get_gfp("shell_test", "GFP_NOPE", &gfp), -EINVAL);
}

static void dispatcher_refuses(struct ktest *t)
{
	char text[SHELL_LINE_MAX];

	strscpy(text, "frobnicate 1", sizeof(text));
	KT_EXPECT_EQ(t, shell_execute(text), -ENOENT);
	strscpy(text, "kmalloc", sizeof(text));
	KT_EXPECT_EQ(t, shell_execute(text), -EINVAL);
	strscpy(text, "kfree 1 2", sizeof(text));
	KT_EXPECT_EQ(t, shell_execute(text), -EINVAL);
	strscpy(text, "buddyinfo now", sizeof(text));
	KT_EXPECT_EQ(t, shell_execute(text), -EINVAL);
	strscpy(text, "echo 1 2 3 4 5 6 7 8", sizeof(text));
	KT_EXPECT_EQ(t, shell_execute(text), -E2BIG);
	strscpy(text, "   ", sizeof(text));
	KT_EXPECT_EQ(t, shell_execute(text), 0);
	strscpy(text, "echo shell_test", sizeof(text));
	KT_EXPECT_EQ(t, shell_execute(text), 0);
}

static struct ktest_case shell_cases[] = {
	KTEST_CASE(editor_typing_and_backspace),
	KTEST_CASE(editor_ctrl_u_and_ctrl_c),
	KTEST_CASE(editor_enter_forms),
	KTEST_CASE(editor_ignores_other_bytes),
	KTEST_CASE(editor_history_arrows),
	KTEST_CASE(history_ring),
	KTEST_CASE(history_bang_bang),
	KTEST_CASE(split_words),
	KTEST_CASE(gfp_flag_names),
	KTEST_CASE(slab_flag_names),
	KTEST_CASE(numbers_and_sizes),
	KTEST_CASE(dispatcher_refuses),
	{}
};

static struct ktest_suite shell_suite = { .name = "shell", .cases = shell_cases };
ktest_register(shell_suite);
