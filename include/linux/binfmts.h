/* SPDX-License-Identifier: GPL-2.0 */
/*
 * binfmts.h - struct linux_binprm: a program on its way into a process
 * (fs/exec.c gathers it, fs/binfmt_elf.c loads it).
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#include <linux/fs.h>

#define BINPRM_BUF_SIZE	256
#define MAX_ARG_STRINGS	0x7FFFFFFF
#define MAX_ARG_STRLEN	(PAGE_SIZE * 32)
#define ARG_MAX_BYTES	(128 * 1024)	/* mm386's cap on argv + envp bytes */

struct linux_binprm {
	struct ramfs_file *file;
	const char *filename;		/* as given to execve */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	int argc, envc;
	char *strings;			/* argv then envp strings, NUL-separated */
	unsigned long strings_len;
	unsigned long p;		/* the user stack pointer while building it */
	unsigned long exec;		/* where AT_EXECFN's string is */
};

int load_elf_binary(struct linux_binprm *bprm);
/* fs/exec.c: the point of no return (current gets a new, empty mm) */
int begin_new_exec(struct linux_binprm *bprm);
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_flags);
void start_thread(unsigned long ip, unsigned long sp);
int kernel_execve(const char *filename, const char *const *argv);

#endif
