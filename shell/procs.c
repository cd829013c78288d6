// SPDX-License-Identifier: GPL-2.0
/*
 * shell/procs.c - the process commands: run, ps, kill, maps, status, pgdcmp.
 *
 * The user half of the 3G/1G split, from the shell.  `run PROG` starts one
 * of the programs the boot loader brought (they stay in ramfs: those given
 * as boot modules of their own and those of an initramfs) and waits
 * for it, with the same "nothing lost" line as at boot; `run -b PROG`
 * leaves it running, so that `ps`, `maps PID`, `status PID`, `v2p PID
 * ADDR` (shell/translate.c) and `pgdcmp` can look at a live process while
 * the shell waits for the next line (the shell sleeps, the program runs:
 * drivers/tty.c).  `kill PID` ends it.  user/hold.c is made for this: it
 * forks, and parent and child wait for a signal.
 *
 * pgdcmp compares two processes' page directories, the 3G/1G split seen
 * from the page tables: entries 768-1023 (the kernel's gigabyte) must be
 * identical in every process (mm/pgtable.c keeps them so), entries 0-767
 * are each process's own.  Under those, it counts the user pages both map
 * to the same physical page (shared: after fork, copy-on-write) and those
 * that differ (copied by a write, or mapped by one only).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <asm/pgtable.h>
#include <mm386/shell.h>

// The process @arg names (a PID with an address space), or NULL after saying why.
static struct task_struct *get_process(const char *cmd, const char *arg)
{
	struct task_struct *t;
	unsigned long pid;

	if (shell_get_ulong(cmd, "PID", arg, &pid))
		return NULL;
	t = find_task_by_pid(pid);
	if (!t || t->exit_state) {
		pr_err("%s: no process %lu (ps lists them)\n", cmd, pid);
		return NULL;
	}
	if (!t->mm) {
		pr_err("%s: %s[%lu] has no user address space\n", cmd, t->comm, pid);
		return NULL;
	}
	return t;
}

#define SHELL_YIELDS	8	/* turns given to runnable jobs before each prompt */

/*
 * shell_reap_jobs - before each prompt: give what `run -b` started its
 * turns (yield: each runs until it blocks or its time slice ends; a job
 * that computes for ever gets SHELL_YIELDS slices, then the shell goes on),
 * then reap those that have exited.
 */
void shell_reap_jobs(void)
{
	int i;

	for (i = 0; i < SHELL_YIELDS && nr_running_others(); i++)
		yield();
	while (kernel_wait4(-1, NULL, WNOHANG, false, NULL) > 0)
		;
}

// "run": the programs there are to run (ramfs's other files are not).
static void list_program(struct ramfs_file *f, void *arg)
{
	if (ramfs_file_kind(f) != RAMFS_PROGRAM)
		return;
	++*(int *)arg;
	pr_info("  %-16s %8lu bytes%s%s\n", f->name, f->size, f->args[0] ? "  boot arguments: " : "",
		f->args);
}

static int cmd_run(int argc, char **argv)
{
	char args[RAMFS_ARGS_LEN];
	struct ramfs_file *rf;
	bool background = argc > 1 && !strcmp(argv[1], "-b");
	int first = background ? 2 : 1, i, status;
	size_t n = 0;
	pid_t pid;

	if (argc == first) {
		int n = 0;

		pr_info("programs in ramfs (boot modules, an initramfs):\n");
		ramfs_for_each(list_program, &n);
		if (!n)
			pr_info("  none: give them to QEMU with -initrd (make run U=prog, make run INITRAMFS=1 U=prog)\n");
		return 0;
	}
	rf = ramfs_lookup(argv[first]);
	if (!rf) {
		pr_err("run: no program %s; run alone lists them\n", argv[first]);
		return -ENOENT;
	}
	args[0] = '\0';
	for (i = first + 1; i < argc; i++)
		n += scnprintf(args + n, sizeof(args) - n, "%s%s", n ? " " : "", argv[i]);
	if (background) {
		pid = run_program_background(rf, args);
		if (pid > 0)
			pr_info("run: %s[%d] started in the background; ps lists it, kill %d ends it\n",
				rf->name, pid, pid);
		return pid < 0 ? pid : 0;
	}
	status = run_program(rf, args);
	return status < 0 ? status : 0;
}

static const struct shell_cmd run_cmd = {
	.name = "run", .args = "[-b] [PROG [ARG...]]", .max_args = SHELL_MAX_ARGS - 1,
	.group = SHELL_PROCESS, .fn = cmd_run,
	.summary = "run a program the boot loader brought (-b: in the background)",
	.help = "Without -b the shell waits for it (and the children it forks) and checks\n"
		"that every page came back.  With -b it returns at once: the program runs\n"
		"while the shell waits for the next line.  Without PROG: the programs there are.",
};
shell_register(run_cmd);

// One letter for ps's S column, as Linux's task_state_array.
static char state_char(const struct task_struct *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return 'Z';
	if (t == current || t->__state == TASK_RUNNING)
		return 'R';
	return t->__state == TASK_INTERRUPTIBLE ? 'S' : 'D';
}

static int cmd_ps(int argc, char **argv)
{
	struct task_struct *t;

	pr_info("  PID  PPID  PGID S      VSZ     RSS  MINFLT    COW COMMAND\n");
	list_for_each_entry(t, &task_list, tasks) {
		unsigned long vsz = t->mm ? t->mm->total_vm << (PAGE_SHIFT - 10) : 0;
		unsigned long rss = t->mm ? get_mm_rss(t->mm) << (PAGE_SHIFT - 10) : 0;

		pr_info("%5d %5d %5d %c %8lu %7lu %7lu %6lu %s\n", t->pid,
			t->parent ? t->parent->pid : 0, t->pgid, state_char(t), vsz, rss,
			t->min_flt, t->cow_flt, t->comm);
	}
	return 0;
}

static const struct shell_cmd ps_cmd = {
	.name = "ps", .args = "", .group = SHELL_PROCESS, .fn = cmd_ps,
	.summary = "the processes: state, size (kB), resident (kB), faults, copies",
	.help = "PID 0 is the kernel's own context (the boot, this shell, the idle loop).\n"
		"S: R running, S sleeping, Z exited, not yet reaped.  VSZ is the sum of its\n"
		"VMAs, RSS the pages mapped now.  MINFLT counts its page faults, COW those\n"
		"that copied a page.",
};
shell_register(ps_cmd);

static int cmd_kill(int argc, char **argv)
{
	unsigned long pid, sig = SIGTERM;
	int err;

	if (shell_get_ulong(argv[0], "PID", argv[1], &pid) ||
	    (argc > 2 && shell_get_ulong(argv[0], "SIG", argv[2], &sig)))
		return -EINVAL;
	if (!pid) {
		pr_err("kill: PID 0 is the kernel itself\n");
		return -EPERM;
	}
	err = kill_pid(pid, sig);
	if (err) {
		pr_err("kill: %lu: %s\n", pid, err == -ESRCH ? "no such process" : "bad signal");
		return err;
	}
	pr_info("kill: sent signal %lu (%s) to %lu\n", sig, signal_name(sig), pid);
	return 0;
}

static const struct shell_cmd kill_cmd = {
	.name = "kill", .args = "PID [SIG]", .min_args = 1, .max_args = 2,
	.group = SHELL_PROCESS, .fn = cmd_kill,
	.summary = "send a signal (SIGTERM, 15): with no handlers, it ends the process",
};
shell_register(kill_cmd);

static int show_proc(int argc, char **argv)
{
	struct task_struct *t = get_process(argv[0], argv[1]);

	return t ? print_pid_text(t->pid, argv[0]) : -ESRCH;
}

static const struct shell_cmd maps_cmd = {
	.name = "maps", .args = "PID", .min_args = 1, .max_args = 1,
	.group = SHELL_PROCESS, .fn = show_proc,
	.summary = "/proc/PID/maps: the process's VMAs, as Linux prints them",
};
shell_register(maps_cmd);

static const struct shell_cmd status_cmd = {
	.name = "status", .args = "PID", .min_args = 1, .max_args = 1,
	.group = SHELL_PROCESS, .fn = show_proc,
	.summary = "/proc/PID/status: VmPeak, VmSize, VmRSS, VmData, VmStk, VmPTE...",
};
shell_register(status_cmd);

struct pte_cmp {
	unsigned long both, same, zero, differ, only_a, only_b;
};

// Compare the page tables behind user PDE @i of @a and @b, page by page.
static void compare_tables(const unsigned long *a, const unsigned long *b, struct pte_cmp *c)
{
	const pte_t *ta = pgd_present(*a) ? pgd_page_vaddr(*a) : NULL;
	const pte_t *tb = pgd_present(*b) ? pgd_page_vaddr(*b) : NULL;
	unsigned int j;

	memset(c, 0, sizeof(*c));
	for (j = 0; j < PTRS_PER_PTE; j++) {
		bool pa = ta && pte_present(ta[j]), pb = tb && pte_present(tb[j]);

		if (pa && pb) {
			c->both++;
			if (pte_pfn(ta[j]) != pte_pfn(tb[j]))
				c->differ++;
			else if (pfn_to_page(pte_pfn(ta[j])) == empty_zero_page)
				c->zero++;
			else
				c->same++;
		} else {
			c->only_a += pa;
			c->only_b += pb;
		}
	}
}

static int cmd_pgdcmp(int argc, char **argv)
{
	struct task_struct *a = get_process(argv[0], argv[1]), *b;
	unsigned int i, same_kernel = 0, user_a = 0, user_b = 0, user_same = 0;
	struct pte_cmp c;

	b = a ? get_process(argv[0], argv[2]) : NULL;
	if (!b)
		return -ESRCH;
	pr_info("page directories: %s[%d] at phys 0x%08lx, %s[%d] at phys 0x%08lx\n", a->comm,
		a->pid, __pa(a->mm->pgd), b->comm, b->pid, __pa(b->mm->pgd));
	for (i = KERNEL_PGD_BOUNDARY; i < PTRS_PER_PGD; i++)
		same_kernel += a->mm->pgd[i] == b->mm->pgd[i];
	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++) {
		user_a += !!pgd_present(a->mm->pgd[i]);
		user_b += !!pgd_present(b->mm->pgd[i]);
		user_same += pgd_present(a->mm->pgd[i]) && a->mm->pgd[i] == b->mm->pgd[i];
	}
	pr_info("kernel half, PDEs 768-1023: %u of %u identical%s\n", same_kernel,
		(unsigned int)(PTRS_PER_PGD - KERNEL_PGD_BOUNDARY),
		same_kernel == PTRS_PER_PGD - KERNEL_PGD_BOUNDARY ?
		" (the kernel's page tables, shared by every process)" : ": NOT THE SAME");
	pr_info("user half, PDEs 0-767: %u present in %s[%d], %u in %s[%d], %u identical (each process has its own page tables)\n",
		user_a, a->comm, a->pid, user_b, b->comm, b->pid, user_same);
	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++) {
		if (!pgd_present(a->mm->pgd[i]) && !pgd_present(b->mm->pgd[i]))
			continue;
		compare_tables(&a->mm->pgd[i], &b->mm->pgd[i], &c);
		pr_info("  PDE %3u (%08x-%08x): in both %lu: same page %lu, zero page %lu, different %lu; only in %d: %lu, only in %d: %lu\n",
			i, (unsigned int)(i << PGDIR_SHIFT), (unsigned int)((i + 1) << PGDIR_SHIFT) - 1, c.both, c.same, c.zero,
			c.differ, a->pid, c.only_a, b->pid, c.only_b);
	}
	pr_info("  (same page: shared, read-only until one writes it: copy-on-write; different: copied, or two pages of their own)\n");
	return 0;
}

static const struct shell_cmd pgdcmp_cmd = {
	.name = "pgdcmp", .args = "PID1 PID2", .min_args = 2, .max_args = 2,
	.group = SHELL_PROCESS, .fn = cmd_pgdcmp,
	.summary = "compare two processes' page directories: kernel half, user half",
	.help = "PDEs 768-1023 map the kernel's gigabyte: the same in every process.\n"
		"PDEs 0-767 are each process's own; under them, the pages both map to the\n"
		"same physical page are shared (after fork), the others are their own.",
};
shell_register(pgdcmp_cmd);
