// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/boot.c - the modules the boot loader brought.
 *
 * A .ko reaches the kernel as a boot module of its own (QEMU -initrd
 * a.ko,b.ko; GRUB "module" lines), a range of physical memory that
 * kernel/setup.c records and memblock keeps, or as a file of an initramfs
 * (a cpio archive that fs/initramfs.c unpacked into ramfs).  At the end of
 * boot load_boot_modules() loads each one (main.c): the boot modules in
 * the order given, then the initramfs's .ko files in the archive's order;
 * it shows for each one refused that it left nothing behind, and unloads
 * those named by rmmod=; the shell's insmod loads them again by name.
 * A ramfs file's pages may be anywhere, HighMem too: vmap() lines them up
 * in the vmalloc area for the loader, which copies what it keeps.
 * internal.h lists the loader's other files.
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
#include <linux/fs.h>
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

#define MODULE_ARGS_LEN	512

/*
 * module_args - the parameters module file @file is loaded with: first
 * those the kernel command line gives it as NAME.PARAM=VALUE (Linux's
 * syntax: modprobe passes them to the module it loads), then @args (the
 * boot loader's line, or insmod's), so that those win.  Into @buf.
 */
static const char *module_args(const char *file, const char *args, char *buf)
{
	static char line[COMMAND_LINE_SIZE];	/* boot and the shell: one at a time */
	char name[MODULE_NAME_LEN], *p = line, *param, *val;
	size_t n = 0, len;

	module_name_from_file(name, sizeof(name), file);
	len = strlen(name);
	strscpy(line, boot_command_line, sizeof(line));
	buf[0] = '\0';
	while (*(p = skip_spaces(p))) {
		p = next_arg(p, &param, &val);
		if (strncmp(param, name, len) || param[len] != '.' || !param[len + 1])
			continue;
		n += scnprintf(buf + n, MODULE_ARGS_LEN - n, "%s%s%s%s%s%s", n ? " " : "",
			       param + len + 1, val ? "=" : "", val && strchr(val, ' ') ? "\"" : "",
			       val ? val : "", val && strchr(val, ' ') ? "\"" : "");
	}
	if (args && *args)
		scnprintf(buf + n, MODULE_ARGS_LEN - n, "%s%s", n ? " " : "", args);
	return buf;
}

/*
 * Load boot module @bm; its image must be in lowmem, where __va() reaches
 * it.  @args: its parameters; NULL for those that follow the file name on
 * the boot loader's line ("mem_module.ko count=3"), as insmod passes them.
 */
static int load_boot_image(const struct boot_module *bm, const char *args)
{
	char file[BOOT_MODULE_NAME_LEN], buf[MODULE_ARGS_LEN];

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
	return load_module_args(__va(bm->start), bm->end - bm->start, file,
				module_args(file, args, buf));
}

struct ramfs_ko {
	const char *want;		/* a module name */
	struct ramfs_file *found;
	unsigned int count;
};

static void match_ramfs_ko(struct ramfs_file *f, void *arg)
{
	struct ramfs_ko *k = arg;
	char have[MODULE_NAME_LEN];

	if (ramfs_file_kind(f) != RAMFS_MODULE)
		return;
	k->count++;
	module_name_from_file(have, sizeof(have), f->name);
	if (k->want && !k->found && !strcmp(k->want, have))
		k->found = f;
}

// The .ko file in ramfs whose name (without directory and ".ko") is @name.
static struct ramfs_file *find_ramfs_module(const char *name)
{
	char want[MODULE_NAME_LEN];
	struct ramfs_ko k = { .want = want };

	module_name_from_file(want, sizeof(want), name);
	ramfs_for_each(match_ramfs_ko, &k);
	return k.found;
}

/*
 * Load ramfs file @rf (a .ko of an initramfs) with @args (NULL: none):
 * vmap its pages into one range of the vmalloc area for the loader, then
 * vunmap it (the module's own memory is a copy).
 */
static int load_ramfs_image(struct ramfs_file *rf, const char *args)
{
	void *image = rf->nr_pages ? vmap(rf->pages, rf->nr_pages, VM_MAP, PAGE_KERNEL) : "";
	char buf[MODULE_ARGS_LEN];
	int err;

	pr_info("module: loading /%s (%lu bytes from the initramfs, in ramfs)\n", rf->name,
		rf->size);
	if (!image) {
		pr_err("module: /%s: no room to map it (vmap); not loaded\n", rf->name);
		return -ENOMEM;
	}
	err = load_module_args(image, rf->size, rf->name, module_args(rf->name, args, buf));
	if (rf->nr_pages)
		vunmap(image);
	return err;
}

int load_boot_module_args(const char *file, const char *args)
{
	const struct boot_module *bm = find_boot_module(file);
	struct ramfs_file *rf;

	if (bm)
		return load_boot_image(bm, args);
	rf = find_ramfs_module(file);
	if (rf)
		return load_ramfs_image(rf, args);
	pr_err("module: no boot module or initramfs file called %s\n", file);
	return -ENOENT;
}

int load_boot_module(const char *file)
{
	return load_boot_module_args(file, NULL);
}

static void print_ramfs_ko(struct ramfs_file *f, void *arg)
{
	char name[MODULE_NAME_LEN];

	if (ramfs_file_kind(f) != RAMFS_MODULE)
		return;
	module_name_from_file(name, sizeof(name), f->name);
	pr_info("  /%s: %lu bytes in ramfs, %s\n", f->name, f->size,
		find_module(name) ? "loaded" : "not loaded");
}

// How many .ko files the initramfs brought.
static unsigned int ramfs_modules(void)
{
	struct ramfs_ko k = { 0 };

	ramfs_for_each(match_ramfs_ko, &k);
	return k.count;
}

void print_boot_modules(void)
{
	char name[MODULE_NAME_LEN];
	unsigned int i;

	if (!nr_boot_modules && !ramfs_modules()) {
		pr_info("no boot modules: boot with -initrd FILE.ko (make run M=dir), a GRUB module line, or an initramfs with .ko files\n");
		return;
	}
	if (nr_boot_modules)
		pr_info("boot modules (QEMU -initrd, GRUB module lines):\n");
	for (i = 0; i < nr_boot_modules; i++) {
		const struct boot_module *bm = &boot_modules[i];

		module_name_from_file(name, sizeof(name), bm->cmdline);
		pr_info("  %s: %lu bytes at phys 0x%08lx, %s\n", bm->cmdline[0] ? bm->cmdline :
			"(unnamed)", bm->end - bm->start, bm->start,
			find_module(name) ? "loaded" : "not loaded");
	}
	if (ramfs_modules())
		pr_info("modules of the initramfs:\n");
	ramfs_for_each(print_ramfs_ko, NULL);
}

// For a module @file that was refused (@ret): that it left nothing behind.
static void report_refused(const char *file, int ret, const struct mem_count *before)
{
	char what[BOOT_MODULE_NAME_LEN + 48];
	struct mem_count after;

	mem_count(&after);
	snprintf(what, sizeof(what), "%s not loaded (%pe)", file, ERR_PTR(ret));
	report_mem_count(what, before, &after);
}

static void load_ramfs_ko(struct ramfs_file *f, void *arg)
{
	struct mem_count before;
	int ret;

	if (ramfs_file_kind(f) != RAMFS_MODULE)
		return;
	mem_count(&before);
	ret = load_ramfs_image(f, NULL);
	if (ret)
		report_refused(f->name, ret, &before);
}

/*
 * load_boot_modules - at the end of boot (kernel/main.c), before the
 * dumps and the tests: load each boot module; for each that is refused,
 * show that it left nothing behind; then unload those named by rmmod=.
 */
void load_boot_modules(void)
{
	struct mem_count start, before, after;
	char name[MODULE_NAME_LEN];
	const char *p = rmmod_param;
	unsigned int i;
	int ret;

	if (!nr_boot_modules && !ramfs_modules()) {
		if (rmmod_param)
			pr_warn("rmmod=%s: no modules were loaded\n", rmmod_param);
		return;
	}
	mem_count(&start);
	for (i = 0; i < nr_boot_modules; i++) {
		mem_count(&before);
		ret = load_boot_image(&boot_modules[i], NULL);
		if (ret)
			report_refused(boot_modules[i].cmdline, ret, &before);
	}
	ramfs_for_each(load_ramfs_ko, NULL);
	if (!p)
		return;
	while (next_word(&p, ',', name, sizeof(name)))
		unload_module(name);
	if (list_empty(&modules)) {
		mem_count(&after);
		report_mem_count("all boot modules gone after rmmod=", &start, &after);
	}
}
