/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shmem_fs.h - shared anonymous memory, mmap(MAP_SHARED | MAP_ANONYMOUS)
 * (mm/shmem.c).
 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/mm.h>

extern const struct vm_operations_struct shmem_anon_vm_ops;

// Is @vma a shared anonymous mapping?  (Inline: mm/memory.c asks it on every unmap.)
static inline bool vma_is_anon_shmem(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_anon_vm_ops;
}

int shmem_zero_setup(struct vm_area_struct *vma);
unsigned long shmem_ino(const struct vm_area_struct *vma);
bool shmem_resident(const struct vm_area_struct *vma, unsigned long pgoff);
void shmem_punch_hole(struct vm_area_struct *vma, unsigned long start, unsigned long end);

#endif
