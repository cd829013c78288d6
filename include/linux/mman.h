/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mman.h - mmap()'s and mprotect()'s flags, with Linux i386's values
 * (include/uapi/asm-generic/mman-common.h).
 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_GROWSDOWN	0x01000000
#define PROT_GROWSUP	0x02000000

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_GROWSDOWN	0x0100
#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_STACK	0x20000
#define MAP_HUGETLB	0x40000
#define MAP_SYNC	0x80000
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_UNINITIALIZED 0x4000000
#define MAP_32BIT	0x40
#define MAP_HUGE_SHIFT	26
#define MAP_HUGE_MASK	0x3f
/* The flags mmap has always ignored when unknown; MAP_SHARED_VALIDATE refuses the rest. */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | \
			 MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | \
			 MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | \
			 MAP_32BIT | (MAP_HUGE_MASK << MAP_HUGE_SHIFT))

#define MAP_FAILED	((void *)-1)

/* madvise()'s advice (Linux's values; mm386 has no KSM, THP or memory-failure handling) */
#define MADV_NORMAL		0
#define MADV_RANDOM		1
#define MADV_SEQUENTIAL		2
#define MADV_WILLNEED		3
#define MADV_DONTNEED		4
#define MADV_FREE		8
#define MADV_REMOVE		9
#define MADV_DONTFORK		10
#define MADV_DOFORK		11
#define MADV_DONTDUMP		16
#define MADV_DODUMP		17
#define MADV_WIPEONFORK		18
#define MADV_KEEPONFORK		19
#define MADV_COLD		20
#define MADV_PAGEOUT		21
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#define MADV_DONTNEED_LOCKED	24

/* vm.overcommit_memory (mm/util.c) */
#define OVERCOMMIT_GUESS	0
#define OVERCOMMIT_ALWAYS	1
#define OVERCOMMIT_NEVER	2

struct mm_struct;

extern int sysctl_overcommit_memory, sysctl_overcommit_ratio;
extern unsigned long sysctl_overcommit_kbytes;
extern unsigned long sysctl_user_reserve_kbytes, sysctl_admin_reserve_kbytes;
extern long vm_committed_as;

// Promise @pages more pages (or fewer, negative), unchecked.
static inline void vm_acct_memory(long pages)
{
	vm_committed_as += pages;
}

// Take back a promise of @pages pages.
static inline void vm_unacct_memory(long pages)
{
	vm_acct_memory(-pages);
}

unsigned long vm_commit_limit(void);
unsigned long vm_memory_committed(void);
int __vm_enough_memory(struct mm_struct *mm, long pages, int cap_sys_admin);
void overcommit_init(void);

/*
 * security_vm_enough_memory_mm - __vm_enough_memory() for @mm, asking
 * whether the caller is root as Linux's capability module does: every
 * mm386 process is (kernel/sys.c), so the administrator's reserve is
 * always open to it.
 */
static inline int security_vm_enough_memory_mm(struct mm_struct *mm, long pages)
{
	return __vm_enough_memory(mm, pages, 1);
}

/* mremap()'s flags */
#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4

#endif
