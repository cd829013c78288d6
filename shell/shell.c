// SPDX-License-Identifier: GPL-2.0
/*
 * shell/shell.c - the Explorer: an interactive shell on the console.
 *
 * The seed articles describe kmalloc, __get_free_pages, kmap and vmalloc
 * by the addresses they return.  Here a reader can ask for them: type
 * "kmalloc 100" and see the address, its physical address and its slab;
 * "page" on that address shows the struct page behind it; "slabinfo"
 * before and after shows the object counted; "kfree" gives it back.
 *
 * Boot-time work (dump=, ktest=, bench=, poweroff) still runs first and
 * powers off as before, so tests never type anything.  Otherwise
 * start_kernel() ends here, in process context with interrupts on: the
 * commands may sleep (GFP_KERNEL) as a system call in Linux may.
 *
 * Input: the serial port and the PS/2 keyboard feed one queue
 * (drivers/tty.c); the CPU halts until a byte arrives.  The line editor
 * below turns bytes into lines and echoes to every console; a command's
 * output goes through printk as all kernel output does, so it reaches the
 * serial port, the VGA screen and dmesg.
 *
 * This file: the dispatcher, help, the history command and the loop.  The
 * line editor is shell/line.c; the commands are one file per family in
 * shell/ (shell/README.md says how to add one; include/mm386/shell.h is
 * the API they use).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/console.h>
#include <mm386/shell.h>
#include <mm386/dump.h>
#include <mm386/telemetry.h>

extern const struct shell_cmd *__start_shell_cmds[], *__stop_shell_cmds[];

#define for_each_shell_cmd(c, p)					\
	for (p = __start_shell_cmds; p < __stop_shell_cmds && ((c) = *p); p++)

/* ---------------------------------------------------------------------
 * The dispatcher
 */

int shell_split(char *line, char **argv, int max)
{
	int argc = 0;

	for (;;) {
		line = skip_spaces(line);
		if (!*line)
			return argc;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = line;
		line += strcspn(line, " \t");
		if (*line)
			*line++ = '\0';
	}
}

// The registered command called @name, or NULL.
static const struct shell_cmd *find_cmd(const char *name)
{
	const struct shell_cmd **p, *c;

	for_each_shell_cmd(c, p)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

// Is @name a /proc table (dump=NAME)?  Those are commands too.
static bool is_dump(const char *name)
{
	return match_word(proc_dump_names(), name, ' ');
}

// "usage: kmalloc SIZE [GFP]"
static void print_usage(const struct shell_cmd *c)
{
	pr_info("usage: %s%s%s\n", c->name, *c->args ? " " : "", c->args);
}

/*
 * Glue the words of a flag expression back together: "GFP_ATOMIC |
 * __GFP_ZERO", as one writes it in C, is one argument.  In place.
 */
static void join_flag_words(char *line)
{
	char *src = line, *dst = line;

	while (*src) {
		if (*src == '|') {
			while (dst > line && (dst[-1] == ' ' || dst[-1] == '\t'))
				dst--;
			*dst++ = *src++;
			src = skip_spaces(src);
			continue;
		}
		*dst++ = *src++;
	}
	*dst = '\0';
}

int shell_execute(char *typed)
{
	char *argv[SHELL_MAX_ARGS], line[SHELL_LINE_MAX];
	const struct shell_cmd *c;
	int argc, err;

	err = shell_expand_answer(typed, line, sizeof(line));
	if (err == -ENOENT) {
		pr_err("$_, $pfn: no address printed yet (kmalloc, vmalloc, alloc_pages... set them)\n");
		return err;
	}
	if (err == -E2BIG) {
		pr_err("$_: the line would be longer than %d characters\n", SHELL_LINE_MAX - 1);
		return err;
	}
	join_flag_words(line);
	argc = shell_split(line, argv, SHELL_MAX_ARGS);

	if (argc == -E2BIG) {
		pr_err("shell: more than %d words in one line\n", SHELL_MAX_ARGS);
		return -E2BIG;
	}
	if (!argc)
		return 0;
	c = find_cmd(argv[0]);
	if (!c && is_dump(argv[0])) {
		if (argc == 1)
			return proc_dump_show(argv[0]);
		pr_err("%s: takes no arguments (it prints /proc/%s)\n", argv[0], argv[0]);
		return -EINVAL;
	}
	if (!c) {
		pr_err("%s: unknown command; type help for the list\n", argv[0]);
		return -ENOENT;
	}
	if (argc - 1 < c->min_args || argc - 1 > c->max_args) {
		pr_err("%s: %s\n", c->name, argc - 1 < c->min_args ? "missing argument" :
		       "too many arguments");
		print_usage(c);
		return -EINVAL;
	}
	err = c->fn(argc, argv);
	if (err == -EINVAL)
		print_usage(c);
	return err;
}

int shell_judged(unsigned long before, const char *what)
{
	if (misuse_reports != before) {
		pr_err("%s: refused (see the report above); nothing was changed\n", what);
		return -EFAULT;
	}
	pr_info("%s: done\n", what);
	return 0;
}

int shell_not_yours(const char *cmd, unsigned long addr, const char *what, const void *owner)
{
	pr_err("%s: 0x%08lx is %s, which the shell did not hand out\n", cmd, addr, what);
	if (owner)
		pr_err("%s: it was allocated by %pS\n", cmd, owner);
	pr_err("%s: freeing it would pull it from under its owner; %s -f ... does it anyway\n",
	       cmd, cmd);
	return -EPERM;
}

/* ---------------------------------------------------------------------
 * help and history (the other builtins are in builtins.c)
 */

static const char *const group_names[NR_SHELL_GROUPS] = {
	[SHELL_INSPECT] = "Inspect",
	[SHELL_ALLOC] = "Allocate and free",
	[SHELL_MAP] = "Map and touch",
	[SHELL_PROCESS] = "Processes (user space)",
	[SHELL_PROGRAM] = "Programs and the shell",
};

#define HELP_MAX	64	/* commands and tables listed by help */

// One line of help: "  kmalloc SIZE [GFP]    kmalloc(SIZE, GFP): ...".
static void help_line(const char *name, const char *args, const char *summary)
{
	char left[64];

	snprintf(left, sizeof(left), "%s%s%s", name, *args ? " " : "", args);
	pr_info("  %-32s  %s\n", left, summary);	/* two spaces at least */
}

// Insertion sort of @n entries by name: help lists each group A to Z.
static void sort_by_name(const char **names, const struct shell_cmd **cmds, int n)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			swap(names[j - 1], names[j]);
			swap(cmds[j - 1], cmds[j]);
		}
}

/*
 * help_group - one line per command of group @g, and for SHELL_INSPECT one
 * per /proc table (those carry no struct shell_cmd: NULL in @cmds).
 */
static void help_group(int g)
{
	static char dumps[256];
	const struct shell_cmd *cmds[HELP_MAX], **p, *c;
	const char *names[HELP_MAX], *d;
	char summary[64];
	int n = 0, i;

	if (g == SHELL_INSPECT) {
		strscpy(dumps, proc_dump_names(), sizeof(dumps));
		for (d = strim(dumps); *d && n < HELP_MAX; ) {
			names[n] = d;
			d += strcspn(d, " ");
			if (*d)
				*(char *)d++ = '\0';
			cmds[n] = NULL;
			n += !find_cmd(names[n]);	/* a command of that name (maps) wins */
		}
	}
	for_each_shell_cmd(c, p)
		if (c->group == g && n < HELP_MAX) {
			names[n] = c->name;
			cmds[n++] = c;
		}
	sort_by_name(names, cmds, n);
	pr_info("%s\n", group_names[g]);
	for (i = 0; i < n; i++) {
		if (cmds[i]) {
			help_line(cmds[i]->name, cmds[i]->args, cmds[i]->summary);
			continue;
		}
		snprintf(summary, sizeof(summary), "print /proc/%s, as dump=%s does", names[i],
			 names[i]);
		help_line(names[i], "", summary);
	}
}

// help without arguments: every command and table, by group.
static void help_all(void)
{
	int g;

	pr_info("mm386 shell: one command per line; help CMD tells more\n");
	for (g = 0; g < NR_SHELL_GROUPS; g++)
		help_group(g);
	pr_info("Numbers: 4096 or 0x1000.  Sizes: 4096, 4K, 2M.  PFN: 0x1fd4 or pfn:0x1fd4.\n");
	pr_info("GFP: GFP_KERNEL (the default), GFP_ATOMIC|__GFP_ZERO, GFP_HIGHUSER...\n");
	pr_info("$_ is the last address printed (kmalloc 100, then v2p $_), $pfn its page frame.\n");
	pr_info("-f: free what the shell did not hand out (the kernel's own: careful).\n");
	pr_info("Keys: Backspace, Ctrl-U erases the line, Ctrl-C abandons it, up/down and !! recall.\n");
}

static int cmd_help(int argc, char **argv)
{
	const struct shell_cmd *c;

	if (argc == 1) {
		help_all();
		return 0;
	}
	c = find_cmd(argv[1]);
	if (c) {
		print_usage(c);
		pr_info("%s\n", c->summary);
		if (c->help)
			pr_info("%s\n", c->help);
		return 0;
	}
	if (is_dump(argv[1])) {
		pr_info("usage: %s\n", argv[1]);
		pr_info("print /proc/%s, the table that dump=%s prints at boot\n", argv[1], argv[1]);
		return 0;
	}
	pr_err("help: no command \"%s\"; help lists them all\n", argv[1]);
	return -ENOENT;
}

static const struct shell_cmd help_cmd = {
	.name = "help", .args = "[CMD]", .max_args = 1, .group = SHELL_PROGRAM,
	.fn = cmd_help, .summary = "list the commands, or tell more about one",
};
shell_register(help_cmd);

static struct shell_history history;

static int cmd_history(int argc, char **argv)
{
	unsigned int n = min_t(unsigned int, history.count, SHELL_HISTORY), back;

	for (back = n; back; back--)
		pr_info("%5u  %s\n", history.count - back + 1, shell_history_get(&history, back));
	return 0;
}

static const struct shell_cmd history_cmd = {
	.name = "history", .args = "", .group = SHELL_PROGRAM, .fn = cmd_history,
	.summary = "the lines typed (arrows recall them, !! repeats the last)",
};
shell_register(history_cmd);

/* ---------------------------------------------------------------------
 * The loop
 */

static void shell_echo(const char *s, unsigned int n)
{
	console_write(s, n);
}

// One line as typed: expand !!, remember it, run it.
static void shell_handle_line(const char *typed)
{
	char line[SHELL_LINE_MAX];
	int ret = shell_history_expand(&history, typed, line, sizeof(line));

	if (ret == -ENOENT) {
		pr_err("!!: no command yet to repeat\n");
		return;
	}
	if (ret == -E2BIG) {
		pr_err("!!: the line would be longer than %d characters\n", SHELL_LINE_MAX - 1);
		return;
	}
	if (ret == 1)
		pr_info("%s\n", line);		/* show what !! became, as bash does */
	shell_history_add(&history, line);
	shell_execute(line);
}

/*
 * What a command prints is its answer, not log chatter: like Linux's SysRq
 * handler, the shell shows it whatever loglevel= says (up to KERN_INFO).
 */
static void shell_handle(const char *typed)
{
	int loglevel = console_loglevel;

	console_loglevel = max(loglevel, CONSOLE_LOGLEVEL_DEFAULT);
	shell_handle_line(typed);
	shell_reap_jobs();	/* what a `kill` or `run -b` set going happens now */
	console_loglevel = loglevel;
	telemetry_snapshot(typed);
}

void __noreturn shell_run(void)
{
	static struct shell_line line;
	enum shell_line_state state;

	serial_input_init();
	keyboard_init();
	pr_info("mm386: Explorer shell; type help for the commands\n");
	for (;;) {
		shell_reap_jobs();
		console_write(SHELL_PROMPT, sizeof(SHELL_PROMPT) - 1);
		shell_line_init(&line, &history, shell_echo);
		do
			state = shell_line_feed(&line, console_getc());
		while (state == SHELL_LINE_EDITING);
		if (state == SHELL_LINE_DONE)
			shell_handle(line.buf);
	}
}
