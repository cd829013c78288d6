// SPDX-License-Identifier: GPL-2.0
/*
 * fs/boot_programs.c - running the programs the boot loader brought.
 *
 * fs/initramfs.c has put them in ramfs: each program given as a boot
 * module of its own (QEMU -initrd "build/user/mallocdemo arg1 arg2",
 * a GRUB module line) and every file of a cpio archive.  At the end of
 * boot, after the kernel modules are loaded, run_boot_programs() runs
 *
 *  - the programs given as boot modules of their own, in the order given,
 *    each to its exit, with the arguments that followed its file name;
 *  - then the initramfs's init, as Linux does: the program rdinit= names,
 *    or /init when the archive has one (Linux's default), announced with
 *    Linux's line "Run /init as init process".  The archive's other
 *    programs wait for the shell's `run PROG`, as the files of Linux's
 *    initramfs wait for its /init to start them.
 *
 * norun keeps them all for the shell.  Each runs as a child of task 0.
 * Around each, run_program() checks "nothing lost":
 * after the program (and any child it left behind) has been reaped, the
 * free page count and every zone's free lists (buddyinfo) must be what
 * they were before it started,
 *
 *   run: mallocdemo[1]: free pages 38021 before, 38021 after, buddyinfo unchanged: nothing lost
 *
 * and every page promised to it (Committed_AS, mm/util.c) must have been
 * taken back; if not, the line says how much is still promised.
 *
 * (Free pages here count the kernel's page tables as free: a vmalloc in
 * the kernel for the program may make one, which the kernel keeps, as
 * Linux does; the line then says so instead of "buddyinfo unchanged".  A
 * KASAN kernel keeps the shadow pages of new vmalloc addresses the same
 * way, and counts them the same way.)
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/vmstat.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/kasan.h>

#define MAX_ARGS	16

struct mem_snapshot {
	unsigned long free;
	long committed;		/* vm_committed_as */
	long kernel_pgtables;
	long kasan_shadow;	/* KASAN: vmalloc shadow pages, kept as the tables */
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
};

static void mem_snapshot(struct mem_snapshot *m)
{
	unsigned int z, o;

	kmem_cache_shrink_all();
	drain_all_pages();
	/* kernel page tables count as free: vmalloc keeps those it makes (as module.c) */
	m->kernel_pgtables = global_vm_stat(NR_PAGETABLE);
	m->kasan_shadow = kasan_kept_pages();
	m->free = nr_free_pages() + m->kernel_pgtables + m->kasan_shadow;
	m->committed = vm_committed_as;
	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			m->nr_free[z][o] = contig_page_data.node_zones[z].free_area[o].nr_free;
}

/*
 * start_program - start ramfs program @rf with its boot arguments (or
 * @args), as a job of its own.  Return: its PID, or -errno.
 */
static pid_t start_program(struct ramfs_file *rf, const char *args)
{
	char buf[RAMFS_ARGS_LEN], *p = buf, *word;
	const char *argv[MAX_ARGS + 2];
	int argc = 0;
	pid_t pid;

	strscpy(buf, args ? args : rf->args, sizeof(buf));
	argv[argc++] = rf->name;
	while ((word = strsep(&p, " ")) != NULL && argc <= MAX_ARGS)
		if (*word)
			argv[argc++] = word;
	argv[argc] = NULL;
	pid = kernel_run_program(rf->name, argv);
	if (pid < 0)
		pr_err("run: %s: cannot start (%pe)\n", rf->name, ERR_PTR(pid));
	return pid;
}

/**
 * run_program - run ramfs program @rf with its boot arguments (or @args)
 * and wait for it and every process of its job (the children it forked,
 * which task 0 inherits when it exits); then check that nothing was lost.
 * Return: its wait status, or -errno if it could not start.
 */
int run_program(struct ramfs_file *rf, const char *args)
{
	struct mem_snapshot before, after;
	unsigned int others = nr_threads();
	int status = 0;
	bool same_buddy;
	long tables, shadow;
	char also[48] = "", promised[64] = "";
	bool lost;
	pid_t pid;

	mem_snapshot(&before);
	pid = start_program(rf, args);
	if (pid < 0)
		return pid;
	kernel_wait4(pid, &status, 0, false, NULL);
	while (kernel_wait4(-pid, NULL, 0, false, NULL) > 0)	/* the rest of its job */
		;
	if (others || nr_threads()) {
		pr_info("run: %s[%d]: other processes ran meanwhile (ps lists them): free pages not compared\n",
			rf->name, pid);
		return status;
	}
	mem_snapshot(&after);
	same_buddy = !memcmp(before.nr_free, after.nr_free, sizeof(before.nr_free));
	tables = after.kernel_pgtables - before.kernel_pgtables;
	shadow = after.kasan_shadow - before.kasan_shadow;
	if (shadow)
		snprintf(also, sizeof(also), " and %ld KASAN shadow page%s", shadow,
			 shadow == 1 ? "" : "s");
	lost = before.free != after.free || (!same_buddy && tables + shadow <= 0);
	if (after.committed != before.committed) {
		snprintf(promised, sizeof(promised), ", Committed_AS %ld kB before, %ld kB after",
			 before.committed << (PAGE_SHIFT - 10), after.committed << (PAGE_SHIFT - 10));
		lost = true;
	}
	if (same_buddy)
		pr_info("run: %s[%d]: free pages %lu before, %lu after, buddyinfo unchanged%s: %s\n",
			rf->name, pid, before.free, after.free, promised,
			lost ? "LEAKED" : "nothing lost");
	else
		pr_info("run: %s[%d]: free pages %lu before, %lu after, buddyinfo changed by %ld new kernel page table%s%s (kept, as Linux keeps them)%s: %s\n",
			rf->name, pid, before.free, after.free, tables, tables == 1 ? "" : "s", also,
			promised, lost ? "LEAKED" : "nothing lost");
	return status;
}

/**
 * run_program_background - start @rf (with @args) and return at once: the
 * shell's `run -b`.  The shell reaps the job's processes when they exit.
 * Return: its PID, or -errno.
 */
pid_t run_program_background(struct ramfs_file *rf, const char *args)
{
	return start_program(rf, args);
}

static bool norun;
static const char *rdinit_param;	/* rdinit=PROG */

/* norun: keep the programs in ramfs for the shell's run, do not run them at boot. */
static int __init norun_setup(char *val)
{
	norun = true;
	return 0;
}
__setup("norun", norun_setup);

/* rdinit=PROG: the initramfs program to run at the end of boot (Linux: default /init). */
static int __init rdinit_setup(char *val)
{
	if (!*val)
		return param_invalid("the name of a program in the initramfs (rdinit=/init)");
	rdinit_param = val;
	return 0;
}
__setup("rdinit=", rdinit_setup);

/*
 * run_init - the initramfs's init: rdinit=, or else /init if the archive
 * brought one (Linux runs it; mm386 then goes on to the shell, where Linux
 * would panic if init exited).
 */
static void run_init(void)
{
	struct ramfs_file *rf = ramfs_lookup(rdinit_param ? rdinit_param : "init");

	if (!rf) {
		if (rdinit_param)
			pr_err("rdinit=%s: no such program in ramfs (the shell's run lists them)\n",
			       rdinit_param);
		return;
	}
	pr_info("Run /%s as init process\n", rf->name);
	run_program(rf, NULL);
}

/* run_boot_programs - each boot program in turn, then init (unless norun). */
void run_boot_programs(void)
{
	unsigned int i;

	if (norun) {
		const char *init = rdinit_param ? rdinit_param : "init";

		if (nr_boot_programs)
			pr_info("initramfs: norun: %u program%s kept in ramfs, not run (the shell's run starts them)\n",
				nr_boot_programs, nr_boot_programs == 1 ? "" : "s");
		if (ramfs_lookup(init))
			pr_info("initramfs: norun: /%s not run as init process\n", ramfs_lookup(init)->name);
		return;
	}
	for (i = 0; i < nr_boot_programs; i++)
		run_program(boot_programs[i], NULL);
	run_init();
}
