// SPDX-License-Identifier: GPL-2.0
/*
 * fs/binfmt_elf.c - loading a static i386 ELF executable into a process.
 *
 * An executable (ET_EXEC; a static-pie ET_DYN too) says with its program
 * headers what goes where: each PT_LOAD segment is p_filesz bytes of the
 * file at p_offset, placed at p_vaddr, followed by p_memsz - p_filesz
 * zero bytes (its bss).  load_elf_binary() turns each into VMAs, and
 * nothing else: no byte is copied here.
 *
 *   [p_vaddr, p_vaddr + p_filesz)  a private mapping of the file's pages
 *                                  (the text is shared by every process
 *                                  running the program; a write copies)
 *   the rest of the last file page a write zeroes it (padzero): that page
 *                                  is copied on write, like any other
 *   the pages beyond, to p_memsz   anonymous memory (vm_brk_flags)
 *
 * The heap starts after the bss (mm->start_brk).  The stack is set up by
 * fs/exec.c, and create_elf_tables() writes on it what the program's
 * _start reads: argc, argv[], envp[] and the auxiliary vector (AT_PHDR,
 * AT_ENTRY, AT_RANDOM...), in Linux's order and layout.
 *
 * Everything the loader reads through an offset is checked first: the
 * ELF header by lib/elf.c's elf_check_header(), the one check that kernel
 * modules get too, and the segments here.  A bad file is refused with one
 * line, "binfmt_elf: NAME: why", before the process's old address space
 * is touched.  PT_INTERP (a dynamically linked program) is refused: mm386
 * runs static programs.  PT_GNU_STACK says
 * whether the stack is executable.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/elf.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/random.h>
#include <linux/binfmts.h>

#define ELF_ET_DYN_BASE	0x00400000UL	/* where a static-pie goes (i386, no randomization) */
#define ELF_PLATFORM	"i686"
#define ELF_MIN_ALIGN	PAGE_SIZE

static __printf(3, 4) int elf_err(const struct linux_binprm *bprm, int err, const char *fmt, ...)
{
	char why[160];
	va_list args;

	va_start(args, fmt);
	vsnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	pr_err("binfmt_elf: %s: %s\n", bprm->filename, why);
	return err;
}

/* The program loader's words for elf_check_header(): ET_EXEC, or a static-pie ET_DYN. */
static const struct elf_want exec_elf = {
	.types = ELF_TYPE_BIT(ET_EXEC) | ELF_TYPE_BIT(ET_DYN),
	.not_type = "not an executable",
	.type_hint = "a program is ET_EXEC = 2 (or a static-pie ET_DYN = 3), made by gcc -static",
	.min_segments = 1,
};

/*
 * elf_check_exec - is the file in @bprm an i386 executable whose program
 * headers we can trust?  The header is lib/elf.c's business (one check for
 * both loaders); the segments are ours.  Reads the program headers into
 * *@phdrs (kmalloc'ed).
 */
static int elf_check_exec(struct linux_binprm *bprm, const Elf32_Ehdr *eh, Elf32_Phdr **phdrs)
{
	unsigned long size = bprm->file->size, phsize;
	Elf32_Phdr *ph;
	char why[160];
	int i, loads = 0;

	if (elf_check_header(bprm->buf, size, &exec_elf, why, sizeof(why)))
		return elf_err(bprm, -ENOEXEC, "%s", why);
	phsize = eh->e_phnum * sizeof(Elf32_Phdr);
	ph = kmalloc(phsize, GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	ramfs_read(bprm->file, ph, eh->e_phoff, phsize);
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *p = &ph[i];

		if (p->p_type == PT_INTERP) {
			kfree(ph);
			return elf_err(bprm, -ENOEXEC, "has an interpreter (PT_INTERP): a dynamically linked program; mm386 runs static ones (gcc -static)");
		}
		if (p->p_type != PT_LOAD)
			continue;
		loads++;
		if (p->p_filesz > p->p_memsz || !elf_in_file(size, p->p_offset, p->p_filesz) ||
		    (p->p_vaddr - p->p_offset) & (ELF_MIN_ALIGN - 1) ||
		    p->p_vaddr + p->p_memsz < p->p_vaddr ||
		    (eh->e_type == ET_EXEC && p->p_vaddr + p->p_memsz > TASK_SIZE)) {
			kfree(ph);
			return elf_err(bprm, -EINVAL, "segment %d (vaddr 0x%x, offset 0x%x, filesz 0x%x, memsz 0x%x) is not loadable: outside the file, beyond TASK_SIZE, or misaligned",
				       i, p->p_vaddr, p->p_offset, p->p_filesz, p->p_memsz);
		}
	}
	if (!loads) {
		kfree(ph);
		return elf_err(bprm, -ENOEXEC, "no PT_LOAD segment: nothing to run");
	}
	*phdrs = ph;
	return 0;
}

static unsigned long make_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) | (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/*
 * elf_map_segment - the VMAs for one PT_LOAD at @bias.  Return: 0 or
 * -errno (the process cannot be given back its old address space now).
 */
static int elf_map_segment(struct linux_binprm *bprm, const Elf32_Phdr *p, unsigned long bias)
{
	unsigned long start = ALIGN_DOWN(p->p_vaddr + bias, PAGE_SIZE);
	unsigned long file_end = p->p_vaddr + bias + p->p_filesz;
	unsigned long mem_end = p->p_vaddr + bias + p->p_memsz;
	unsigned long prot = make_prot(p->p_flags), addr;
	int err;

	if (p->p_filesz) {
		addr = do_mmap(bprm->file, start, PAGE_ALIGN(file_end) - start, prot,
			       MAP_PRIVATE | MAP_FIXED, ALIGN_DOWN(p->p_offset, PAGE_SIZE) >> PAGE_SHIFT);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
	}
	if (p->p_memsz > p->p_filesz) {
		/* padzero: the bss's part of the last file page (a COW fault) */
		if ((file_end & ~PAGE_MASK) && p->p_filesz && (prot & PROT_WRITE) &&
		    clear_user((void __user *)file_end, PAGE_SIZE - (file_end & ~PAGE_MASK)))
			return -EFAULT;
		if (PAGE_ALIGN(mem_end) > PAGE_ALIGN(file_end)) {
			unsigned long from = p->p_filesz ? PAGE_ALIGN(file_end) : start;

			/* as Linux's set_brk: the heap will merge with it */
			err = vm_brk_flags(from, PAGE_ALIGN(mem_end) - from,
					   (prot & PROT_EXEC) ? VM_EXEC : 0);
			if (err)
				return err;
		}
	}
	return 0;
}

#define NEW_AUX_ENT(id, val) do { elf_info[ei++] = (id); elf_info[ei++] = (val); } while (0)

/*
 * create_elf_tables - what _start finds on the stack, from the lowest
 * address up: argc, argv[0..argc-1], NULL, envp[..], NULL, the auxiliary
 * vector (pairs, ending with AT_NULL); above them, 16 random bytes
 * (AT_RANDOM), the platform string, then the argument and environment
 * strings and the file name (fs/exec.c put those at the top).
 */
static int create_elf_tables(struct linux_binprm *bprm, const Elf32_Ehdr *eh,
			     unsigned long load_addr, unsigned long entry, unsigned long phdr_addr)
{
	static struct rnd_state rnd;
	struct mm_struct *mm = current->mm;
	unsigned long p = bprm->p, *elf_info = mm->saved_auxv, str, u_platform, u_rand;
	int ei = 0, items, i;
	u32 rand_bytes[4], *sp, argc = bprm->argc;
	unsigned long words[2];

	if (!rnd.s1)
		prandom_seed_state(&rnd, 0x6d6d333836ULL);
	p &= ~0xfUL;					/* arch_align_stack */
	p -= sizeof(ELF_PLATFORM);
	u_platform = p;
	if (copy_to_user((void __user *)p, ELF_PLATFORM, sizeof(ELF_PLATFORM)))
		return -EFAULT;
	for (i = 0; i < 4; i++)
		rand_bytes[i] = prandom_u32_state(&rnd);
	p -= sizeof(rand_bytes);
	u_rand = p;
	if (copy_to_user((void __user *)p, rand_bytes, sizeof(rand_bytes)))
		return -EFAULT;

	NEW_AUX_ENT(AT_HWCAP, boot_cpu_hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_PHDR, phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf32_Phdr));
	NEW_AUX_ENT(AT_PHNUM, eh->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, entry);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, u_rand);
	NEW_AUX_ENT(AT_HWCAP2, 0);
	NEW_AUX_ENT(AT_EXECFN, bprm->exec);
	NEW_AUX_ENT(AT_PLATFORM, u_platform);
	NEW_AUX_ENT(AT_NULL, 0);

	items = (bprm->argc + 1) + (bprm->envc + 1) + 1;
	p -= ei * sizeof(unsigned long);
	p = (p - items * sizeof(u32)) & ~0xfUL;		/* STACK_ROUND */
	bprm->p = p;
	sp = (u32 *)p;
	if (put_user(argc, sp++))
		return -EFAULT;
	str = mm->arg_start;
	for (i = 0; i < bprm->argc + bprm->envc + 2; i++) {
		u32 ptr = 0;

		if (i != bprm->argc && i != bprm->argc + bprm->envc + 1) {
			long len = strnlen_user((const char __user *)str, MAX_ARG_STRLEN);

			if (!len)
				return -EFAULT;
			ptr = str;
			str += len;
		}
		if (i == bprm->argc)
			mm->arg_end = mm->env_start = str;
		if (put_user(ptr, sp++))
			return -EFAULT;
	}
	mm->env_end = str;
	for (i = 0; i < ei; i += 2) {
		words[0] = elf_info[i];
		words[1] = elf_info[i + 1];
		if (copy_to_user(sp, words, sizeof(words)))
			return -EFAULT;
		sp += 2;
	}
	return 0;
}

/**
 * load_elf_binary - replace current's program with the ELF file in @bprm
 * Return: 0 (the new program starts at the return to ring 3), or -errno:
 * before the point of no return the old program goes on; after it the
 * process is killed (SIGSEGV), as Linux does.
 */
int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)bprm->buf;
	unsigned long bias = 0, start_code = ~0UL, end_code = 0, start_data = 0, end_data = 0;
	unsigned long elf_bss = 0, elf_brk = 0, phdr_addr = 0, first_vaddr = ~0UL;
	unsigned long stack_flags = VM_EXEC;
	struct mm_struct *mm;
	Elf32_Phdr *ph = NULL;
	int err, i;

	err = elf_check_exec(bprm, eh, &ph);
	if (err)
		return err;
	if (eh->e_type == ET_DYN)
		bias = ELF_ET_DYN_BASE;
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_GNU_STACK)
			stack_flags = (ph[i].p_flags & PF_X) ? VM_EXEC : 0;

	err = begin_new_exec(bprm);		/* the point of no return */
	if (err)
		goto out;
	mm = current->mm;
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *p = &ph[i];
		unsigned long k;

		if (p->p_type != PT_LOAD)
			continue;
		err = elf_map_segment(bprm, p, bias);
		if (err)
			goto fatal;
		if (first_vaddr == ~0UL)
			first_vaddr = p->p_vaddr + bias - p->p_offset;
		k = p->p_vaddr + bias;
		start_code = min(start_code, k);
		start_data = max(start_data, k);
		k += p->p_filesz;
		elf_bss = max(elf_bss, k);
		if ((p->p_flags & PF_X) && end_code < k)
			end_code = k;
		end_data = max(end_data, k);
		elf_brk = max(elf_brk, p->p_vaddr + bias + p->p_memsz);
		if (eh->e_phoff >= p->p_offset && eh->e_phoff - p->p_offset < p->p_filesz)
			phdr_addr = p->p_vaddr + bias + (eh->e_phoff - p->p_offset);
	}
	mm->start_code = start_code;
	mm->end_code = end_code;
	mm->start_data = start_data;
	mm->end_data = end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(elf_brk);	/* no brk randomization */
	err = setup_arg_pages(bprm, stack_flags);
	if (err)
		goto fatal;
	err = create_elf_tables(bprm, eh, first_vaddr, eh->e_entry + bias, phdr_addr);
	if (err)
		goto fatal;
	start_thread(eh->e_entry + bias, bprm->p);
	kfree(ph);
	return 0;
fatal:
	elf_err(bprm, err, "could not be set up (%pe) after the point of no return: killed", ERR_PTR(err));
	force_fatal_sig(SIGSEGV);
	err = 0;
out:
	kfree(ph);
	return err;
}
