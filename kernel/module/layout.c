// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/layout.c - steps 3, 4 and 7: where a module's sections go.
 *
 * The sections that take memory (SHF_ALLOC) are laid out as Linux lays
 * them out: code, then read-only data, then writable data and bss, each
 * group starting on a page, so that the first two can be mapped
 * read-only (module_enable_ro, step 7) and the rest stay writable.
 * Sections whose name starts with ".init" get a second layout, which is
 * freed as soon as the init function has returned (main.c).
 *
 * Each layout is one vmalloc area (move_module, step 4): seed 000's "a
 * module is loaded into memory that vmalloc() allocates".  The sections
 * are copied in from the file and bss is left zero.  main.c runs the
 * steps in order; relocate.c comes next (internal.h lists the files).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "internal.h"

static bool is_init_section(const char *name)
{
	return !strncmp(name, ".init", 5);
}

// Does section @i take memory?  Not .modinfo: the loader reads it and copies it.
static bool section_is_loaded(const struct load_info *info, unsigned int i)
{
	return (info->sechdrs[i].sh_flags & SHF_ALLOC) && i != info->index.info;
}

/*
 * layout_sections - give every loaded section an offset in the core or the
 * init layout (Linux's order): code, then read-only data, then writable
 * data and bss; each group starts on a page, so that code and rodata can
 * be mapped read-only.  Offsets go into info->secaddr, with
 * INIT_OFFSET_MASK for the init layout.
 */
int layout_sections(struct module *mod, struct load_info *info)
{
	static const unsigned long masks[][2] = {
		/* flags that must be set, flags that must be clear */
		{ SHF_EXECINSTR | SHF_ALLOC, 0 },
		{ SHF_ALLOC, SHF_WRITE },
		{ SHF_WRITE | SHF_ALLOC, 0 },
	};
	struct module_layout *layouts[2] = { &mod->core_layout, &mod->init_layout };
	unsigned long sizes[2] = { 0, 0 };
	unsigned int m, i, l;

	for (i = 0; i < info->shnum; i++)
		info->secaddr[i] = NOT_LOADED;
	for (l = 0; l < 2; l++) {
		for (m = 0; m < ARRAY_SIZE(masks); m++) {
			for (i = 1; i < info->shnum; i++) {
				const Elf32_Shdr *s = &info->sechdrs[i];
				unsigned long align = max_t(unsigned long, s->sh_addralign, 1);

				if ((s->sh_flags & masks[m][0]) != masks[m][0] ||
				    (s->sh_flags & masks[m][1]) || info->secaddr[i] != NOT_LOADED ||
				    !section_is_loaded(info, i) ||
				    is_init_section(secname(info, i)) != (l == 1))
					continue;
				sizes[l] = ALIGN(sizes[l], align);
				if (sizes[l] > MODULE_LAYOUT_MAX ||
				    s->sh_size > MODULE_LAYOUT_MAX - sizes[l])
					return load_err(info, -ENOEXEC, "section %s of %u bytes: the module would need more than %lu MB",
							secname(info, i), s->sh_size,
							MODULE_LAYOUT_MAX >> 20);
				info->secaddr[i] = sizes[l] | (l ? INIT_OFFSET_MASK : 0);
				sizes[l] += s->sh_size;
			}
			sizes[l] = PAGE_ALIGN(sizes[l]);
			if (m == 0)
				layouts[l]->text_size = sizes[l];
			else if (m == 1)
				layouts[l]->ro_size = sizes[l];
		}
		layouts[l]->size = sizes[l];
	}
	if ((mod->core_layout.size + mod->init_layout.size) >> PAGE_SHIFT > nr_free_pages())
		return load_err(info, -ENOMEM, "needs %u kB, more than the %lu kB of free RAM",
				(mod->core_layout.size + mod->init_layout.size) >> 10,
				nr_free_pages() << (PAGE_SHIFT - 10));
	return 0;
}

/*
 * module_alloc - memory for one layout of a module: a vmalloc area, from
 * lowmem pages (Linux: GFP_KERNEL), zeroed.  vmallocinfo names @caller:
 * the loader, as in Linux 6.1.
 */
static void *module_alloc(unsigned long size, const void *caller)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_ZERO, PAGE_KERNEL, 0, caller);
}

/*
 * move_module - allocate both layouts and copy the sections in.  The
 * areas are made in the name of move_module's caller, load_module(), so
 * that vmallocinfo's caller reads "load_module+0x...", as in Linux.
 */
noinline int move_module(struct module *mod, struct load_info *info)
{
	const void *caller = __builtin_return_address(0);
	unsigned int i;

	if (mod->core_layout.size) {
		mod->core_layout.base = module_alloc(mod->core_layout.size, caller);
		if (!mod->core_layout.base)
			return load_err(info, -ENOMEM, "no vmalloc memory for %u bytes of code and data",
					mod->core_layout.size);
	}
	if (mod->init_layout.size) {
		mod->init_layout.base = module_alloc(mod->init_layout.size, caller);
		if (!mod->init_layout.base)
			return load_err(info, -ENOMEM, "no vmalloc memory for %u bytes of init code and data",
					mod->init_layout.size);
	}
	for (i = 0; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];
		unsigned long off = info->secaddr[i];
		void *dest;

		if (off == NOT_LOADED) {
			info->secaddr[i] = 0;
			continue;
		}
		if (off & INIT_OFFSET_MASK)
			dest = mod->init_layout.base + (off & ~INIT_OFFSET_MASK);
		else
			dest = mod->core_layout.base + off;
		if (s->sh_type != SHT_NOBITS)	/* bss: already zero */
			memcpy(dest, info->image + s->sh_offset, s->sh_size);
		info->secaddr[i] = (unsigned long)dest;
	}
	return 0;
}

/*
 * set_memory_ro - map @numpages pages from @addr read-only (Linux's
 * name).  Their PTEs are the vmalloc area's; CR0.WP makes the kernel obey.
 */
static void set_memory_ro(unsigned long addr, unsigned int numpages)
{
	unsigned long a;

	for (a = addr; a < addr + numpages * PAGE_SIZE; a += PAGE_SIZE) {
		pte_t *pte = lookup_address(a);

		if (pte && pte_present(*pte))
			set_pte(pte, pfn_pte(pte_pfn(*pte), PAGE_KERNEL_RO));
	}
	flush_tlb_kernel_range(addr, addr + numpages * PAGE_SIZE);
}

void module_enable_ro(const struct module *mod)
{
	if (mod->core_layout.base)
		set_memory_ro((unsigned long)mod->core_layout.base,
			      mod->core_layout.ro_size >> PAGE_SHIFT);
	if (mod->init_layout.base)
		set_memory_ro((unsigned long)mod->init_layout.base,
			      mod->init_layout.ro_size >> PAGE_SHIFT);
}
