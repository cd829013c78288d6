// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/procfs.c - the list of modules, as tables.
 *
 * lsmod (the shell's, with each module's address range), dump=modules
 * (/proc/modules, in Linux's format) and the oops's "Modules linked in:"
 * line, all read from the list main.c keeps (internal.h lists the files).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <mm386/dump.h>
#include "internal.h"

static const char *module_state_name(enum module_state state)
{
	switch (state) {
	case MODULE_STATE_LIVE:
		return "Live";
	case MODULE_STATE_COMING:
		return "Loading";
	case MODULE_STATE_GOING:
		return "Unloading";
	default:
		return "Unformed";
	}
}

void lsmod(void)
{
	struct module *mod;

	printk("Module                  Size  Used by  Address\n");
	list_for_each_entry(mod, &modules, list)
		printk("%-19s %8u  %-7u  0x%08lx-0x%08lx\n", mod->name, mod->core_layout.size,
		       mod->refcnt, (unsigned long)mod->core_layout.base,
		       (unsigned long)mod->core_layout.base + mod->core_layout.size);
}

/*
 * modules_show - /proc/modules, in Linux's format: name, size, users, the
 * modules that use it ("-": none), state, address.
 */
static void modules_show(void)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		printk("%s %u %u - %s 0x%08lx\n", mod->name,
		       mod->core_layout.size + mod->init_layout.size, mod->refcnt,
		       module_state_name(mod->state), (unsigned long)mod->core_layout.base);
}
proc_dump("modules", modules_show);

void print_modules(void)
{
	struct module *mod;

	printk(KERN_EMERG "Modules linked in:");
	list_for_each_entry(mod, &modules, list)
		printk(KERN_CONT " %s%s", mod->name, mod->state == MODULE_STATE_COMING ? "(+)" :
		       mod->state == MODULE_STATE_GOING ? "(-)" : "");
	printk(KERN_CONT "\n");
}
