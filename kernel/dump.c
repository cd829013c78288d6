// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/dump.c - the dump= parameter: /proc tables printed at boot.
 *
 * dump=buddyinfo,slabinfo prints those tables at the end of boot, each
 * after a "==> /proc/NAME <==" line.  The tables themselves live with the
 * code they describe (mm/page_alloc.c has buddyinfo, mm/slab.c slabinfo...)
 * and register with proc_dump().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <mm386/dump.h>

extern const struct proc_dump __start_proc_dumps[], __stop_proc_dumps[];

static char dump_list[256];

static const struct proc_dump *find_dump(const char *name)
{
	const struct proc_dump *d;

	for (d = __start_proc_dumps; d < __stop_proc_dumps; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

int proc_dump_show(const char *name)
{
	const struct proc_dump *d = find_dump(name);

	if (!d)
		return -ENOENT;
	printk("==> /proc/%s <==\n", d->name);
	d->show();
	return 0;
}

/*
 * The tables that are files of Linux's /proc as well: a program may open
 * and read them (the others, layout, memblock..., are mm386's own).
 */
static const char *const proc_files[] = {
	"meminfo", "zoneinfo", "buddyinfo", "slabinfo", "vmallocinfo", "vmstat",
};

/*
 * proc_dump_text - /proc/@name as a program reads it: the table's text,
 * printed into a buffer (printk_capture_start) at open, as Linux makes it
 * at the first read.  A table that does not fit is made again in a buffer
 * twice as big (vmallocinfo grows with every process's kernel stack).
 * Return: a kvmalloc()ed buffer holding *@len bytes (kvfree() it), or
 * ERR_PTR(-ENOENT) (not a /proc file), ERR_PTR(-ENOMEM).
 */
char *proc_dump_text(const char *name, size_t *len)
{
	struct printk_capture c = { .size = 16 * 1024 };
	const struct proc_dump *d = find_dump(name);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(proc_files) && strcmp(proc_files[i], name); i++)
		;
	if (!d || i == ARRAY_SIZE(proc_files))
		return ERR_PTR(-ENOENT);
	for (;; c.size *= 2) {
		c.buf = kvmalloc(c.size, GFP_KERNEL);
		if (!c.buf)
			return ERR_PTR(-ENOMEM);
		/* another task's table is being made: let it finish (it cannot die meanwhile) */
		while (printk_capture_start(&c))
			yield();
		d->show();
		printk_capture_stop(&c);
		if (!c.overflow)
			break;
		kvfree(c.buf);
	}
	*len = c.len;
	return c.buf;
}

const char *proc_dump_names(void)
{
	static char names[256];
	const struct proc_dump *d;
	size_t n = 0;

	for (d = __start_proc_dumps; d < __stop_proc_dumps; d++)
		n += scnprintf(names + n, sizeof(names) - n, "%s%s", n ? " " : "", d->name);
	return names;
}

// dump=a,b,c: keep the names we know, one line for each we do not.
static int __init dump_setup(char *val)
{
	const char *p = val;
	char name[32];
	size_t n = 0;

	while (next_word(&p, ',', name, sizeof(name))) {
		if (find_dump(name))
			n += scnprintf(dump_list + n, sizeof(dump_list) - n, "%s%s",
				       n ? "," : "", name);
		else
			pr_warn("Unknown dump \"%s\" in dump=%s, ignored (known: %s)\n",
				name, val, proc_dump_names());
	}
	return 0;
}
__setup("dump=", dump_setup);

/* proc_dump_wanted - is @name in dump=? (maps and status print at each exit too) */
bool proc_dump_wanted(const char *name)
{
	return match_word(dump_list, name, ',');
}

void proc_dump_boot(void)
{
	const char *p = dump_list;
	char name[32];

	while (next_word(&p, ',', name, sizeof(name)))
		proc_dump_show(name);
}
