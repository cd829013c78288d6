// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmallocinfo.c - the vmalloc area as a learner sees it.
 *
 * dump=vmallocinfo prints /proc/vmallocinfo, one line per area in Linux's
 * format; the oops and the misuse reports describe a vmalloc address by
 * the area it is in (or the guard page it hits, or the area vfree()d
 * there); get_vmalloc_info() and vmalloc_for_each_area() give the numbers
 * and the areas to the layout picture, the module loader and the shell.
 * Everything here only reads what vmap_area.c keeps (mm/vmalloc.h lists
 * the files).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <asm/pgtable.h>
#include <mm386/dump.h>
#include "internal.h"
#include "vmalloc.h"

const char *vm_kind(unsigned long flags)
{
	if (flags & VM_ALLOC)
		return "vmalloc";
	if (flags & VM_MAP)
		return "vmap";
	if (flags & VM_IOREMAP)
		return "ioremap";
	return "reserved";
}

// "0x...-0x... (N bytes) from caller+0x../0x..": how reports name an area.
int format_area(char *buf, size_t size, unsigned long start, unsigned long end,
		       const void *caller)
{
	return scnprintf(buf, size, "0x%08lx-0x%08lx (%lu bytes) from %pS", start, end,
			 end - start, caller);
}

/**
 * vmalloc_describe - say what vmalloc address @addr is, for the oops
 * @addr: an address in [VMALLOC_START, VMALLOC_END)
 * @buf: where the text goes
 * @size: its size
 *
 * "vmalloc area 0x...-0x... (N bytes, kind) from caller: page i, pfn p",
 * "vmalloc guard page of area 0x...-0x... (N bytes) from caller", or
 * "vmalloc area [start-end]: free vmalloc space" (naming the area that was
 * vfreed there, if it was one of the last few).
 */
void vmalloc_describe(unsigned long addr, char *buf, size_t size)
{
	const struct freed_area *f;
	struct vmap_area *va;
	struct freed_area area = { 0, 0, NULL };
	unsigned long flags, usable = 0, vflags = 0;
	bool inside = false, freed = false;
	char what[128];
	pte_t *pte;
	int n;

	local_irq_save(flags);
	va = find_vmap_area_bounded_locked(addr);
	f = va ? NULL : find_freed_locked(addr);
	if (va && va->vm) {
		inside = true;
		area.start = va->va_start;
		area.end = va->va_end;
		area.caller = va->vm->caller;
		usable = get_vm_area_size(va->vm);
		vflags = va->vm->flags;
	} else if (f) {
		freed = true;
		area = *f;
	}
	local_irq_restore(flags);

	format_area(what, sizeof(what), area.start, area.end, area.caller);
	if (inside && addr >= area.start + usable) {
		snprintf(buf, size, "vmalloc guard page of area %s", what);
	} else if (inside) {
		n = scnprintf(buf, size, "vmalloc area 0x%08lx-0x%08lx (%lu bytes, %s) from %pS: page %lu, ",
			      area.start, area.end, area.end - area.start, vm_kind(vflags),
			      area.caller, (addr - area.start) >> PAGE_SHIFT);
		pte = lookup_address(addr);
		if (pte && pte_present(*pte))
			snprintf(buf + n, size - n, "pfn %#lx", pte_pfn(*pte));
		else
			snprintf(buf + n, size - n, "nothing mapped");
	} else {
		n = describe_free_vmalloc(buf, size);
		if (freed)
			snprintf(buf + n, size - n, " (vfreed: %s)", what);
	}
}

/**
 * get_vmalloc_info - the vmalloc area in numbers (see struct vmalloc_info)
 * @vmi: filled in
 */
void get_vmalloc_info(struct vmalloc_info *vmi)
{
	struct vmap_area *va;
	unsigned long flags;

	memset(vmi, 0, sizeof(*vmi));
	local_irq_save(flags);
	list_for_each_entry(va, &vmap_area_list, list) {
		vmi->used += va->va_end - va->va_start;
		vmi->nr_areas++;
	}
	vmi->largest_chunk = largest_free_locked();
	local_irq_restore(flags);
	vmi->nr_pages = global_vm_stat(NR_VMALLOC);
}

/*
 * vmallocinfo_show - /proc/vmallocinfo as Linux 6.1's s_show() prints it:
 * one line per busy range in address order, "0x%08lx-0x%08lx %7ld", the
 * size with the guard page; then the caller, "pages=N" for areas that own
 * pages, and a word for each of its flags (ioremap, vmalloc, vmap, user,
 * dma-coherent), "vpages" when the pages[] array is itself vmalloc
 * memory.  An area still being set up (VM_UNINITIALIZED) is printed as
 * far as it has got, as 6.1 does; a vm_map_ram() range, which has no
 * vm_struct, is "vm_map_ram".
 */
static void vmallocinfo_show(void)
{
	static const struct { unsigned long flag; const char *word; } words[] = {
		{ VM_IOREMAP, "ioremap" }, { VM_ALLOC, "vmalloc" }, { VM_MAP, "vmap" },
		{ VM_USERMAP, "user" }, { VM_DMA_COHERENT, "dma-coherent" },
	};
	struct vmap_area *va;
	unsigned long flags;
	char line[160];
	unsigned int i;
	int n;

	local_irq_save(flags);
	list_for_each_entry(va, &vmap_area_list, list) {
		struct vm_struct *vm = va->vm;

		if (!vm) {
			printk("0x%08lx-0x%08lx %7ld vm_map_ram\n", va->va_start, va->va_end,
			       va->va_end - va->va_start);
			continue;
		}
		n = scnprintf(line, sizeof(line), "0x%08lx-0x%08lx %7ld", va->va_start,
			      va->va_start + vm->size, vm->size);
		if (vm->caller)
			n += scnprintf(line + n, sizeof(line) - n, " %pS", vm->caller);
		if (vm->nr_pages)
			n += scnprintf(line + n, sizeof(line) - n, " pages=%u", vm->nr_pages);
		for (i = 0; i < ARRAY_SIZE(words); i++)
			if (vm->flags & words[i].flag)
				n += scnprintf(line + n, sizeof(line) - n, " %s", words[i].word);
		if (vm->pages && is_vmalloc_addr(vm->pages))
			n += scnprintf(line + n, sizeof(line) - n, " vpages");
		printk("%s\n", line);
	}
	local_irq_restore(flags);
}
proc_dump("vmallocinfo", vmallocinfo_show);

/**
 * vmalloc_for_each_area - call @fn on every live area, in address order
 * @fn: called with interrupts off; it must not allocate or free
 * @arg: passed on
 *
 * For pictures of the address space (dump=layout) and the shell.
 */
void vmalloc_for_each_area(void (*fn)(const struct vm_struct *vm, void *arg), void *arg)
{
	struct vmap_area *va;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry(va, &vmap_area_list, list)
		if (va->vm && !(va->vm->flags & VM_UNINITIALIZED))
			fn(va->vm, arg);
	local_irq_restore(flags);
}
