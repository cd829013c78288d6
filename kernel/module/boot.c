// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/boot.c - the modules the boot loader brought.
 *
 * mm386 has no file system: a .ko reaches the kernel as a boot module
 * (QEMU -initrd a.ko,b.ko; GRUB "module" lines), a range of physical
 * memory that kernel/setup.c records and memblock keeps.  At the end of
 * boot load_boot_modules() loads each one (main.c), shows for each one
 * refused that it left nothing behind, and unloads those named by
 * rmmod=; the shell's insmod loads them again by name.  internal.h lists
 * the loader's other files.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/setup.h>
#include "internal.h"

static const char *rmmod_param;		/* rmmod=a,b */

static int __init rmmod_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	rmmod_param = val;
	return 0;
}
__setup("rmmod=", rmmod_setup);

/*
 * struct mem_count - what a module may leak: free pages (page tables
 * count as free: the vmalloc area keeps those it makes, as Linux does)
 * and vmalloc areas.  Taken with the caches shrunk and the pcp lists
 * drained, so that two counts can be compared.
 */
struct mem_count {
	unsigned long pages;
	unsigned long areas;
	unsigned long area_bytes;
};

static void mem_count(struct mem_count *c)
{
	struct vmalloc_info vmi;

	kmem_cache_shrink_all();
	drain_all_pages();
	c->pages = nr_free_pages() + global_vm_stat(NR_PAGETABLE);
	get_vmalloc_info(&vmi);
	c->areas = vmi.nr_areas;
	c->area_bytes = vmi.used;
}

static bool mem_count_same(const struct mem_count *a, const struct mem_count *b)
{
	return a->pages == b->pages && a->areas == b->areas && a->area_bytes == b->area_bytes;
}

// "...: free+page-table pages 38544 before, 38544 after; vmalloc areas 0 before, 0 after: nothing leaked"
static void report_mem_count(const char *what, const struct mem_count *before,
			     const struct mem_count *after)
{
	pr_info("module: %s: free+page-table pages %lu before, %lu after; vmalloc areas %lu before, %lu after: %s\n",
		what, before->pages, after->pages, before->areas, after->areas,
		mem_count_same(before, after) ? "nothing leaked" : "LEAKED");
}

// The boot module whose file name (without directory and ".ko") is @name.
static const struct boot_module *find_boot_module(const char *name)
{
	char want[MODULE_NAME_LEN], have[MODULE_NAME_LEN];
	unsigned int i;

	module_name_from_file(want, sizeof(want), name);
	for (i = 0; i < nr_boot_modules; i++) {
		module_name_from_file(have, sizeof(have), boot_modules[i].cmdline);
		if (!strcmp(want, have))
			return &boot_modules[i];
	}
	return NULL;
}

/*
 * Load boot module @bm; its image must be in lowmem, where __va() reaches
 * it.  @args: its parameters; NULL for those that follow the file name on
 * the boot loader's line ("mem_module.ko count=3"), as insmod passes them.
 */
static int load_boot_image(const struct boot_module *bm, const char *args)
{
	char file[BOOT_MODULE_NAME_LEN];

	strscpy(file, bm->cmdline, sizeof(file));
	file[strcspn(file, " ")] = '\0';
	if (!file[0])
		strscpy(file, "(unnamed)", sizeof(file));
	pr_info("module: loading %s (%lu bytes at phys 0x%08lx)\n", file, bm->end - bm->start,
		bm->start);
	if (bm->end < bm->start || bm->end > __pa(high_memory)) {
		pr_err("module: %s at phys 0x%08lx-0x%08lx is not in lowmem; not loaded\n", file,
		       bm->start, bm->end);
		return -EFAULT;
	}
	if (!args)
		args = skip_spaces(bm->cmdline + strcspn(bm->cmdline, " "));
	return load_module_args(__va(bm->start), bm->end - bm->start, file, args);
}

int load_boot_module_args(const char *file, const char *args)
{
	const struct boot_module *bm = find_boot_module(file);

	if (!bm) {
		pr_err("module: no boot module called %s\n", file);
		return -ENOENT;
	}
	return load_boot_image(bm, args);
}

int load_boot_module(const char *file)
{
	return load_boot_module_args(file, NULL);
}

void print_boot_modules(void)
{
	char name[MODULE_NAME_LEN];
	unsigned int i;

	if (!nr_boot_modules) {
		pr_info("no boot modules: boot with -initrd FILE.ko (make run M=dir) or a GRUB module line\n");
		return;
	}
	pr_info("boot modules (QEMU -initrd, GRUB module lines):\n");
	for (i = 0; i < nr_boot_modules; i++) {
		const struct boot_module *bm = &boot_modules[i];

		module_name_from_file(name, sizeof(name), bm->cmdline);
		pr_info("  %s: %lu bytes at phys 0x%08lx, %s\n", bm->cmdline[0] ? bm->cmdline :
			"(unnamed)", bm->end - bm->start, bm->start,
			find_module(name) ? "loaded" : "not loaded");
	}
}

/*
 * load_boot_modules - at the end of boot (kernel/main.c), before the
 * dumps and the tests: load each boot module; for each that is refused,
 * show that it left nothing behind; then unload those named by rmmod=.
 */
void load_boot_modules(void)
{
	struct mem_count start, before, after;
	char what[BOOT_MODULE_NAME_LEN + 48], name[MODULE_NAME_LEN];
	const char *p = rmmod_param;
	unsigned int i;
	int ret;

	if (!nr_boot_modules) {
		if (rmmod_param)
			pr_warn("rmmod=%s: no modules were loaded\n", rmmod_param);
		return;
	}
	mem_count(&start);
	for (i = 0; i < nr_boot_modules; i++) {
		mem_count(&before);
		ret = load_boot_image(&boot_modules[i], NULL);
		if (!ret)
			continue;
		mem_count(&after);
		snprintf(what, sizeof(what), "%s not loaded (%pe)", boot_modules[i].cmdline,
			 ERR_PTR(ret));
		report_mem_count(what, &before, &after);
	}
	if (!p)
		return;
	while (next_word(&p, ',', name, sizeof(name)))
		unload_module(name);
	if (list_empty(&modules)) {
		mem_count(&after);
		report_mem_count("all boot modules gone after rmmod=", &start, &after);
	}
}
