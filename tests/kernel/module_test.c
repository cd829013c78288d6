// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/module_test.c - ktest suite "module": the loader's API as
 * the shell's insmod, rmmod and lsmod use it, on a real module.
 *
 * It needs examples/mem_module as a boot module:
 *
 *	make M=examples/mem_module
 *	make run INITRD=build/modules/mem_module.ko APPEND="ktest=module"
 *
 * (tests/host/test_modules.py does that); without it every case skips.
 * The cases check that the module's memory is a vmalloc area made by the
 * loader, with read-only code; that kallsyms names its functions; that
 * unloading and loading it again, any number of times, leaves the buddy
 * allocator exactly as it was; and that corrupted copies of its image are
 * refused with -ENOEXEC, and a second copy with -EEXIST, again leaving
 * nothing behind.  Every case leaves mem_module loaded, as it found it.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/elf.h>
#include <linux/kallsyms.h>
#include <linux/vmalloc.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

#define TEST_MODULE	"mem_module"

// The boot module file of mem_module, or NULL.
static const struct boot_module *test_image(void)
{
	unsigned int i;

	for (i = 0; i < nr_boot_modules; i++) {
		const char *cmd = boot_modules[i].cmdline;
		const char *base = strrchr(cmd, '/');

		base = base ? base + 1 : cmd;
		if (!strncmp(base, TEST_MODULE ".ko", strlen(TEST_MODULE ".ko")))
			return &boot_modules[i];
	}
	return NULL;
}

// The loaded mem_module; the case is skipped without the boot module.
static struct module *test_module(struct ktest *t)
{
	struct module *mod;

	if (!test_image()) {
		KT_SKIP(t, "no boot module " TEST_MODULE ".ko");
		return NULL;
	}
	mod = find_module(TEST_MODULE);
	KT_ASSERT_NOT_NULL(t, mod);
	return mod;
}

static void module_memory_is_a_vmalloc_area(struct ktest *t)
{
	struct module *mod = test_module(t);
	struct vm_struct *vm;
	struct ksym caller;

	if (!mod)
		return;
	KT_EXPECT_EQ(t, mod->state, MODULE_STATE_LIVE);
	KT_EXPECT_TRUE(t, is_vmalloc_addr(mod->core_layout.base));
	KT_EXPECT_NULL(t, mod->init_layout.base);	/* freed after init */
	vm = find_vm_area(mod->core_layout.base);
	KT_ASSERT_NOT_NULL(t, vm);
	KT_EXPECT_PTR_EQ(t, vm->addr, mod->core_layout.base);
	KT_EXPECT_EQ(t, get_vm_area_size(vm), mod->core_layout.size);
	KT_EXPECT_TRUE(t, vm->flags & VM_ALLOC);
	KT_ASSERT_TRUE(t, kallsyms_lookup((unsigned long)vm->caller, &caller));
	KT_EXPECT_STREQ(t, caller.name, "load_module");
	lsmod();	/* the shell's table: the host test reads it */
}

static void module_text_is_read_only(struct ktest *t)
{
	struct module *mod = test_module(t);
	u8 *text, *data, byte;

	if (!mod)
		return;
	text = mod->core_layout.base;
	data = text + mod->core_layout.ro_size;
	KT_ASSERT_LT(t, mod->core_layout.ro_size, mod->core_layout.size);
	KT_ASSERT_EQ(t, copy_from_kernel_nofault(&byte, text, 1), 0);
	KT_EXPECT_EQ(t, copy_to_kernel_nofault(text, &byte, 1), -EFAULT);
	KT_ASSERT_EQ(t, copy_from_kernel_nofault(&byte, data, 1), 0);
	KT_EXPECT_EQ(t, copy_to_kernel_nofault(data, &byte, 1), 0);	/* the same byte back */
}

static void kallsyms_names_module_functions(struct ktest *t)
{
	struct module *mod = test_module(t);
	char buf[KSYM_SYMBOL_LEN];
	struct ksym sym;

	if (!mod)
		return;
	KT_ASSERT_NOT_NULL(t, mod->exit);
	sprint_symbol(buf, sizeof(buf), (unsigned long)mod->exit + 1);
	KT_EXPECT_EQ(t, strncmp(buf, "mem_module_exit+0x1/0x", 22), 0);
	KT_EXPECT_NOT_NULL(t, strstr(buf, " [mem_module]"));
	KT_ASSERT_TRUE(t, kallsyms_lookup((unsigned long)mod->exit, &sym));
	KT_EXPECT_STREQ(t, sym.module, TEST_MODULE);
	/* the init code is gone, and so are its symbols */
	KT_EXPECT_FALSE(t, mod->init && kallsyms_lookup((unsigned long)mod->init, &sym));
	KT_EXPECT_STREQ(t, get_modinfo(mod, "license"), "GPL");
}

static void unload_and_reload_leave_nothing(struct ktest *t)
{
	struct buddy_snapshot snap;
	int round;

	if (!test_module(t))
		return;
	KT_ASSERT_EQ(t, unload_module(TEST_MODULE), 0);
	KT_EXPECT_NULL(t, find_module(TEST_MODULE));
	slab_baseline(&snap);
	for (round = 0; round < 3; round++) {
		KT_ASSERT_EQ(t, load_boot_module(TEST_MODULE ".ko"), 0);
		KT_EXPECT_NOT_NULL(t, find_module(TEST_MODULE));
		KT_ASSERT_EQ(t, unload_module(TEST_MODULE), 0);
		KT_EXPECT_NOTHING_LOST(t, &snap);
	}
	KT_EXPECT_EQ(t, unload_module(TEST_MODULE), -ENOENT);
	KT_EXPECT_EQ(t, load_boot_module(TEST_MODULE), 0);	/* ".ko" may be left out */
}

// The first REL section of @hdr that patches a loaded section, or NULL.
static Elf32_Shdr *first_rel_section(Elf32_Ehdr *hdr)
{
	Elf32_Shdr *sh = (Elf32_Shdr *)((u8 *)hdr + hdr->e_shoff);
	unsigned int i;

	for (i = 1; i < hdr->e_shnum; i++)
		if (sh[i].sh_type == SHT_REL && (sh[sh[i].sh_info].sh_flags & SHF_ALLOC) &&
		    sh[i].sh_size)
			return &sh[i];
	return NULL;
}

static void corrupt_images_are_refused(struct ktest *t)
{
	const struct boot_module *bm = test_image();
	struct buddy_snapshot snap;
	size_t len;
	Elf32_Ehdr *hdr;
	Elf32_Shdr *rel;
	Elf32_Rel *r;
	u8 *copy;

	if (!test_module(t))
		return;
	len = bm->end - bm->start;
	copy = vmalloc(len);
	KT_ASSERT_NOT_NULL(t, copy);
	hdr = (Elf32_Ehdr *)copy;
	memcpy(copy, __va(bm->start), len);
	KT_EXPECT_EQ(t, load_module_image(copy, len, "again.ko"), -EEXIST);
	KT_EXPECT_EQ(t, unload_module(TEST_MODULE), 0);
	slab_baseline(&snap);

	copy[0] = 0;
	KT_EXPECT_EQ(t, load_module_image(copy, len, "magic.ko"), -ENOEXEC);
	copy[0] = 0x7f;
	hdr->e_machine = EM_X86_64;
	KT_EXPECT_EQ(t, load_module_image(copy, len, "machine.ko"), -ENOEXEC);
	hdr->e_machine = EM_386;
	hdr->e_type = ET_EXEC;
	KT_EXPECT_EQ(t, load_module_image(copy, len, "exec.ko"), -ENOEXEC);
	hdr->e_type = ET_REL;
	KT_EXPECT_EQ(t, load_module_image(copy, hdr->e_shoff, "truncated.ko"), -ENOEXEC);
	rel = first_rel_section(hdr);
	KT_ASSERT_NOT_NULL(t, rel);
	r = (Elf32_Rel *)(copy + rel->sh_offset);
	r->r_info = (r->r_info & ~0xffU) | R_386_GOTPC;	/* fails after allocating */
	KT_EXPECT_EQ(t, load_module_image(copy, len, "reloc.ko"), -ENOEXEC);
	KT_EXPECT_NULL(t, find_module(TEST_MODULE));
	KT_EXPECT_NOTHING_LOST(t, &snap);

	vfree(copy);
	KT_EXPECT_EQ(t, load_boot_module(TEST_MODULE ".ko"), 0);
}

static struct ktest_case module_cases[] = {
	KTEST_CASE(module_memory_is_a_vmalloc_area),
	KTEST_CASE(module_text_is_read_only),
	KTEST_CASE(kallsyms_names_module_functions),
	KTEST_CASE(unload_and_reload_leave_nothing),
	KTEST_CASE(corrupt_images_are_refused),
	{}
};

static struct ktest_suite module_suite = {
	.name = "module",
	.cases = module_cases,
};
ktest_register(module_suite);
