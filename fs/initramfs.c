// SPDX-License-Identifier: GPL-2.0
/*
 * fs/initramfs.c - programs from the boot loader, and running them.
 *
 * A boot module (QEMU -initrd, a GRUB module line) that is an ELF
 * executable (ET_EXEC, or ET_DYN: a static-pie) is a program, not a kernel
 * module (.ko files are ET_REL; a file named *.ko always goes to the
 * module loader).  populate_rootfs() copies each program
 * into the in-memory file system (fs/ramfs.c) under its base name, takes
 * it off the list of boot modules, and gives its initrd pages back to the
 * page allocator with Linux's line:
 *
 *   Freeing initrd memory: 712K
 *
 * The module's string after the file name is the program's arguments:
 * `-initrd "build/user/mallocdemo arg1 arg2,other.ko"` runs mallocdemo
 * with argv = { "mallocdemo", "arg1", "arg2" }.
 *
 * run_boot_programs() then runs them in the order given, each to its
 * exit, as children of task 0.  Around each it checks "nothing lost":
 * after the program (and any child it left behind) has been reaped, the
 * free page count and every zone's free lists (buddyinfo) must be what
 * they were before it started:
 *
 *   run: mallocdemo[1]: free pages 38021 before, 38021 after, buddyinfo unchanged: nothing lost
 *
 * (Free pages here count the kernel's page tables as free: a vmalloc in
 * the kernel for the program may make one, which the kernel keeps, as
 * Linux does; the line then says so instead of "buddyinfo unchanged".)
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/elf.h>
#include <linux/sched.h>
#include <linux/vmstat.h>
#include <linux/fs.h>
#include <asm/setup.h>

#define MAX_ARGS	16

unsigned int nr_boot_programs;
static struct ramfs_file *boot_programs[MAX_BOOT_MODULES];

/*
 * Is the boot module @bm (in lowmem) an ELF executable?  A file named
 * NAME.ko is always meant as a kernel module: the module loader gets it,
 * and refuses it in its own words if it is not ET_REL.
 */
static bool is_program(const struct boot_module *bm)
{
	const Elf32_Ehdr *eh = __va(bm->start);
	size_t len = strcspn(bm->cmdline, " ");

	if (len >= 3 && !strncmp(bm->cmdline + len - 3, ".ko", 3))
		return false;
	if (bm->end - bm->start < sizeof(*eh) || bm->end > __pa(high_memory))
		return false;
	return !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN);
}

// Do pages [@start, @end) overlap a boot module other than number @skip?
static bool pages_shared(unsigned long start, unsigned long end, unsigned int skip)
{
	unsigned int i;

	for (i = 0; i < nr_boot_modules; i++)
		if (i != skip && boot_modules[i].start < end &&
		    PAGE_ALIGN(boot_modules[i].end) > start)
			return true;
	return false;
}

/**
 * populate_rootfs - move the programs among the boot modules into ramfs
 * and free their initrd memory (the .ko modules stay where they are).
 */
void __init populate_rootfs(void)
{
	unsigned long freed = 0;
	unsigned int i = 0;

	while (i < nr_boot_modules) {
		struct boot_module *bm = &boot_modules[i];
		char file[BOOT_MODULE_NAME_LEN], *base, *args;
		struct ramfs_file *rf;
		unsigned long start, end;

		if (!is_program(bm)) {
			i++;
			continue;
		}
		strscpy(file, bm->cmdline, sizeof(file));
		args = file + strcspn(file, " ");
		if (*args)
			*args++ = '\0';
		base = strrchr(file, '/');
		base = base ? base + 1 : file;
		rf = ramfs_create(base[0] ? base : "program", skip_spaces(args), __va(bm->start),
				  bm->end - bm->start);
		if (!rf) {
			pr_err("initramfs: no memory for %s (%lu bytes); not run\n", base,
			       bm->end - bm->start);
			i++;
			continue;
		}
		pr_info("initramfs: %s: program, %lu bytes, kept in ramfs as /%s%s%s\n", file,
			rf->size, rf->name, rf->args[0] ? ", arguments: " : "", rf->args);
		boot_programs[nr_boot_programs++] = rf;
		start = PAGE_ALIGN(bm->start);
		end = bm->end & PAGE_MASK;
		if (!pages_shared(bm->start & PAGE_MASK, PAGE_ALIGN(bm->end), i)) {
			start = bm->start & PAGE_MASK;
			end = PAGE_ALIGN(bm->end);
		}
		memmove(bm, bm + 1, (nr_boot_modules - i - 1) * sizeof(*bm));
		nr_boot_modules--;
		if (end > start)
			freed += free_reserved_area(start, end);
	}
	if (nr_boot_programs)
		pr_info("Freeing initrd memory: %luK\n", freed >> 10);
}

struct mem_snapshot {
	unsigned long free;
	long kernel_pgtables;
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
};

static void mem_snapshot(struct mem_snapshot *m)
{
	unsigned int z, o;

	kmem_cache_shrink_all();
	drain_all_pages();
	/* kernel page tables count as free: vmalloc keeps those it makes (as module.c) */
	m->kernel_pgtables = global_vm_stat(NR_PAGETABLE);
	m->free = nr_free_pages() + m->kernel_pgtables;
	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			m->nr_free[z][o] = contig_page_data.node_zones[z].free_area[o].nr_free;
}

// Tasks other than task 0 (those of a `run -b` job too), and whether any is alive.
static unsigned int other_tasks(void)
{
	struct task_struct *t;
	unsigned int n = 0;

	list_for_each_entry(t, &task_list, tasks)
		n += t != &init_task;
	return n;
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
	unsigned int others = other_tasks();
	int status = 0;
	bool same_buddy;
	long tables;
	pid_t pid;

	mem_snapshot(&before);
	pid = start_program(rf, args);
	if (pid < 0)
		return pid;
	kernel_wait4(pid, &status, 0, false);
	while (kernel_wait4(-pid, NULL, 0, false) > 0)	/* the rest of its job */
		;
	if (others || other_tasks()) {
		pr_info("run: %s[%d]: other processes ran meanwhile (ps lists them): free pages not compared\n",
			rf->name, pid);
		return status;
	}
	mem_snapshot(&after);
	same_buddy = !memcmp(before.nr_free, after.nr_free, sizeof(before.nr_free));
	tables = after.kernel_pgtables - before.kernel_pgtables;
	if (same_buddy)
		pr_info("run: %s[%d]: free pages %lu before, %lu after, buddyinfo unchanged: %s\n",
			rf->name, pid, before.free, after.free,
			before.free == after.free ? "nothing lost" : "LEAKED");
	else
		pr_info("run: %s[%d]: free pages %lu before, %lu after, buddyinfo changed by %ld new kernel page table%s (kept, as Linux keeps them): %s\n",
			rf->name, pid, before.free, after.free, tables, tables == 1 ? "" : "s",
			before.free == after.free && tables > 0 ? "nothing lost" : "LEAKED");
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

/* norun: keep the programs in ramfs for the shell's run, do not run them at boot. */
static int __init norun_setup(char *val)
{
	norun = true;
	return 0;
}
__setup("norun", norun_setup);

/* run_boot_programs - each boot program in turn, to its exit (unless norun). */
void run_boot_programs(void)
{
	unsigned int i;

	if (norun && nr_boot_programs) {
		pr_info("initramfs: norun: %u program%s kept in ramfs, not run (the shell's run starts them)\n",
			nr_boot_programs, nr_boot_programs == 1 ? "" : "s");
		return;
	}
	for (i = 0; i < nr_boot_programs; i++)
		run_program(boot_programs[i], NULL);
}
