/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shell.h - the Explorer: mm386's interactive memory shell.
 *
 * When boot-time work is done and nothing asked to power off, start_kernel
 * hands the CPU to shell_run(), which reads lines from the consoles and
 * runs commands that call the allocators directly (kmalloc 100, page
 * 0x1234, v2p 0xc0100000...).  It is a tool on top of the kernel, in its
 * own folder, one file per command family:
 *
 *   shell/shell.c       the dispatcher, help, history, the loop
 *   shell/line.c        the line editor and its history
 *   shell/args.c        numbers, sizes, GFP and SLAB flag names
 *   shell/builtins.c    echo, dmesg, ktest, poweroff
 *   shell/pages.c       page, alloc_pages, free_pages
 *   shell/translate.c   v2p, p2v
 *   shell/kmalloc.c     kmalloc, kzalloc, kfree, kmem_cache_* and cache_*
 *   shell/kmap.c        kmap, kunmap, kmap_atomic, peek, poke
 *   shell/vmalloc.c     vmalloc, vfree (when mm/vmalloc.c exists)
 *   shell/modules.c     insmod, rmmod, lsmod (modules the boot loader
 *                       brought)
 *
 * and every /proc table (dump=NAME) is a command too.  shell/README.md
 * says how to add a command: a new file in shell/ is the whole job.  A
 * command registers itself like a ktest suite:
 *
 *	static const struct shell_cmd kfree_cmd = {
 *		.name = "kfree", .args = "ADDR", .min_args = 1, .max_args = 1,
 *		.group = SHELL_ALLOC, .fn = cmd_kfree,
 *		.summary = "give kmalloc memory back",
 *	};
 *	shell_register(kfree_cmd);
 *
 * The dispatcher checks the number of arguments against min_args and
 * max_args before it calls fn(argc, argv) (argv[0] is the name).  fn
 * prints what it did, or an error that starts with the command's name,
 * and returns 0 or -errno; -EINVAL makes the dispatcher print the usage.
 * Every /proc table registered with proc_dump() is a command too.
 */
#ifndef _MM386_SHELL_H
#define _MM386_SHELL_H

#include <linux/types.h>
#include <linux/compiler.h>

#define SHELL_PROMPT	"mm386> "
#define SHELL_LINE_MAX	160	/* bytes in a line, NUL included */
#define SHELL_HISTORY	16	/* lines remembered */
#define SHELL_MAX_ARGS	8	/* words in a line, the command included */

/* How help groups the commands. */
enum shell_group {
	SHELL_INSPECT,		/* tables, page, v2p, p2v */
	SHELL_ALLOC,		/* kmalloc, alloc_pages, caches, vmalloc */
	SHELL_MAP,		/* kmap, peek, poke */
	SHELL_PROCESS,		/* run, ps, maps, pgdcmp, kill: user space */
	SHELL_PROGRAM,		/* ktest, dmesg, history, poweroff... */
	NR_SHELL_GROUPS
};

struct shell_cmd {
	const char *name;
	const char *args;	/* "SIZE [GFP]": shown in help and usage lines */
	const char *summary;	/* one line for help */
	const char *help;	/* more, for help NAME; may be NULL */
	int (*fn)(int argc, char **argv);
	unsigned char min_args, max_args;	/* not counting the name */
	unsigned char group;	/* enum shell_group */
};

#define shell_register(cmd)						\
	static const struct shell_cmd *__shell_cmd_ptr_##cmd		\
		__used __section(".shell_cmds") __aligned(4) = &cmd

/**
 * shell_run - read and run commands from the consoles, for ever
 *
 * Called by start_kernel() once boot-time work is done.  Interrupts stay
 * on: the CPU halts between keystrokes and the timer keeps ticking.
 */
void __noreturn shell_run(void);

/* ---------------------------------------------------------------------
 * The line editor (shell/line.c), kept apart from the devices so that
 * the ktest suite "shell" can feed it bytes and read back its echo.
 */

/* The last SHELL_HISTORY lines, oldest overwritten first. */
struct shell_history {
	char line[SHELL_HISTORY][SHELL_LINE_MAX];
	unsigned int count;	/* lines ever added; the newest is count - 1 */
};

/* Remember @line (not an empty one, nor a repeat of the newest). */
void shell_history_add(struct shell_history *h, const char *line);
/* The line @back entries ago (1 = the newest), or NULL. */
const char *shell_history_get(const struct shell_history *h, unsigned int back);
/*
 * shell_history_expand - replace each "!!" in @in by the newest line.
 * Return: 0 (nothing to replace: @out is @in), 1 (replaced), -ENOENT (no
 * history yet) or -E2BIG (the result does not fit in @size).
 */
int shell_history_expand(const struct shell_history *h, const char *in, char *out,
			 size_t size);

enum shell_line_state {
	SHELL_LINE_EDITING,	/* feed more bytes */
	SHELL_LINE_DONE,	/* Enter: the line is in buf, NUL-terminated */
	SHELL_LINE_CANCELLED,	/* Ctrl-C: the line was abandoned */
};

struct shell_line {
	char buf[SHELL_LINE_MAX];
	unsigned int len;
	char draft[SHELL_LINE_MAX];	/* the new line, while history is shown */
	unsigned int back;	/* history entry shown (0: the new line) */
	unsigned char esc;	/* where we are in an escape sequence */
	bool cr;		/* the last byte was CR: a LF now is the same Enter */
	struct shell_history *hist;
	void (*echo)(const char *s, unsigned int n);	/* what the user sees */
};

/*
 * Start a new, empty line.  @l->cr is kept: when the last line ended with
 * CR, the LF of a CR LF pair is swallowed at the start of this one.
 */
void shell_line_init(struct shell_line *l, struct shell_history *h,
		     void (*echo)(const char *s, unsigned int n));
/*
 * shell_line_feed - one typed byte: printable characters, Backspace
 * (DEL or BS), Ctrl-U (erase the line), Ctrl-C (abandon it), Enter (CR,
 * LF or CR LF), and the arrows up and down (ESC [ A, ESC [ B, or ESC O A /
 * ESC O B) through the history.  Other escape sequences are swallowed.
 */
enum shell_line_state shell_line_feed(struct shell_line *l, int c);

/* Split @line in place at spaces and tabs: the word count, or -E2BIG. */
int shell_split(char *line, char **argv, int max);
/*
 * shell_execute - run one line (history already expanded): $_ becomes the
 * last answer, "A | B" one flag argument.  0 or the command's -errno.
 */
int shell_execute(char *line);
/*
 * shell_not_yours - refuse to free @addr, @what ("a live object of cache
 * kmalloc-128") that the shell did not hand out; name @owner (who
 * allocated it) if known (NULL: not recorded).  Returns -EPERM.
 */
int shell_not_yours(const char *cmd, unsigned long addr, const char *what, const void *owner);
/*
 * shell_judged - after a call that frees or unmaps: did the callee report
 * a misuse (misuse_reports moved past @before)?  Prints "@what: done" or
 * "@what: refused ..."; returns 0 or -EFAULT.
 */
int shell_judged(unsigned long before, const char *what);
/* shell_reap_jobs - reap the `run -b` programs that have exited (shell/procs.c). */
void shell_reap_jobs(void);
/* ---------------------------------------------------------------------
 * What the shell handed out, and $_ (shell/handouts.c)
 */

enum shell_kind { SHELL_KMALLOC, SHELL_CACHE, SHELL_VMALLOC, SHELL_PAGES };

/* Remember that the shell returned @addr (a pfn for SHELL_PAGES). */
void shell_handed_out(enum shell_kind kind, unsigned long addr);
/* Did it, by any command?  (The free commands refuse someone else's.) */
bool shell_handed(unsigned long addr);
/* It was given back: forget it. */
void shell_taken_back(unsigned long addr);
/* Remove a "-f" among @argv[1..]: true if there was one. */
bool shell_force_flag(int *argc, char **argv);
/*
 * shell_free_args - "kfree [-f] ADDR", "cache_free NAME [-f] ADDR": take the
 * -f out, then parse the address, argument @addr_arg.  0 or -EINVAL.
 */
int shell_free_args(int *argc, char **argv, int addr_arg, unsigned long *addr, bool *force);
/* $_ becomes the text @fmt makes ("0x%08lx", "pfn:%#lx"). */
void shell_set_answer(const char *fmt, ...) __printf(1, 2);
/* $pfn becomes "pfn:@pfn". */
void shell_set_pfn(unsigned long pfn);
/*
 * shell_expand_answer - replace each "$_" and "$pfn" in @in by the last
 * answer and its page frame.
 * Return: 0 (none: @out is @in), 1 (replaced), -ENOENT (no answer yet) or
 * -E2BIG (the result does not fit in @size).
 */
int shell_expand_answer(const char *in, char *out, size_t size);

/* ---------------------------------------------------------------------
 * Arguments (shell/args.c).  The shell_get_* helpers print
 * "CMD: ..." and return -EINVAL when the argument is bad.
 */

struct shell_flag {
	const char *name;
	unsigned long value;
};

/*
 * shell_parse_flags - flag names joined with '|' ("GFP_KERNEL|__GFP_ZERO"),
 * or numbers, ORed together.  On -EINVAL the word that is not a flag (""
 * for an empty one) is copied to @bad.
 */
int shell_parse_flags(const char *s, const struct shell_flag *names, unsigned long *flags,
		      char *bad, size_t bad_size);
extern const struct shell_flag shell_gfp_flags[];	/* ends with { NULL } */
extern const struct shell_flag shell_slab_flags[];

int shell_get_ulong(const char *cmd, const char *what, const char *arg, unsigned long *v);
int shell_get_size(const char *cmd, const char *what, const char *arg, unsigned long *v);
/* @arg NULL gives GFP_KERNEL. */
int shell_get_gfp(const char *cmd, const char *arg, gfp_t *gfp);
int shell_get_slab_flags(const char *cmd, const char *arg, unsigned long *flags);
/* An order, 0 to MAX_ORDER - 1. */
int shell_get_order(const char *cmd, const char *arg, unsigned int *order);
/* A pfn with a struct page: "0x1234", or "pfn:0x1234". */
int shell_get_pfn(const char *cmd, const char *arg, unsigned long *pfn);
/* "GFP_KERNEL|__GFP_ZERO" for @gfp, in @buf, which is returned. */
const char *shell_gfp_name(char *buf, size_t size, gfp_t gfp);

#endif
