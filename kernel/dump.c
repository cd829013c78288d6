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
