// SPDX-License-Identifier: GPL-2.0
/*
 * shell/modules.c - the shell's insmod, rmmod and lsmod.
 *
 * mm386 has no disk: the .ko files a shell can load are those the boot
 * loader brought along (QEMU -initrd, GRUB "module" lines; make run M=dir
 * does it for you), on their own or in an initramfs (kernel/module/boot.c).  insmod links one into the running kernel: its
 * code and data land in the vmalloc area (seed 000), so vmallocinfo shows
 * new areas whose caller is load_module; rmmod runs its exit function and
 * gives all of that back.  The loader is kernel/module/; these commands
 * only call its API (<linux/module.h>) and report what it returned.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/module.h>
#include <mm386/shell.h>

/*
 * The loader has already said why it refused, in one line; add the error
 * by name.  -EINVAL would make the dispatcher print the usage, which was
 * right, so report it as -EIO to the shell.
 */
static int module_cmd_failed(const char *cmd, const char *what, int err)
{
	pr_err("%s: %s: failed (%pe); nothing was changed\n", cmd, what, ERR_PTR(err));
	return err == -EINVAL ? -EIO : err;
}

static int cmd_insmod(int argc, char **argv)
{
	char args[256];
	size_t n = 0;
	int err, i;

	if (argc == 1) {
		print_boot_modules();
		return 0;
	}
	args[0] = '\0';
	for (i = 2; i < argc; i++)	/* the parameters, as insmod passes them */
		n += scnprintf(args + n, sizeof(args) - n, "%s%s", i > 2 ? " " : "", argv[i]);
	err = load_boot_module_args(argv[1], args);
	if (err)
		return module_cmd_failed("insmod", argv[1], err);
	pr_info("insmod: %s: done\n", argv[1]);
	return 0;
}

static const struct shell_cmd insmod_cmd = {
	.name = "insmod", .args = "[FILE [PARAM=VALUE...]]", .max_args = SHELL_MAX_ARGS - 1,
	.group = SHELL_PROGRAM, .fn = cmd_insmod,
	.summary = "load a module the boot loader brought; no FILE: list them",
	.help = "FILE is a boot module's file name, or an initramfs's, with or without\n"
		"its directory and \".ko\" (make run M=examples/mem_module brings\n"
		"mem_module.ko).  Its code and data go into the vmalloc area, its\n"
		"module_param()s are set from NAME.PARAM=VALUE on the kernel command\n"
		"line, then from PARAM=VALUE (as Linux's insmod: \"insmod pool_module\n"
		"objects=64\"), then its init function runs.  A parameter it does not\n"
		"have is ignored with a warning; a bad value refuses the module.\n"
		"A module of the same name cannot be loaded twice: rmmod it first.",
};
shell_register(insmod_cmd);

static int cmd_rmmod(int argc, char **argv)
{
	int err = unload_module(argv[1]);

	if (err)
		return module_cmd_failed("rmmod", argv[1], err);
	pr_info("rmmod: %s: done\n", argv[1]);
	return 0;
}

static const struct shell_cmd rmmod_cmd = {
	.name = "rmmod", .args = "NAME", .min_args = 1, .max_args = 1,
	.group = SHELL_PROGRAM, .fn = cmd_rmmod,
	.summary = "run a module's exit function and free its memory",
	.help = "NAME as lsmod shows it.  A module without module_exit() stays.",
};
shell_register(rmmod_cmd);

static int cmd_lsmod(int argc, char **argv)
{
	lsmod();
	return 0;
}

static const struct shell_cmd lsmod_cmd = {
	.name = "lsmod", .args = "", .group = SHELL_PROGRAM, .fn = cmd_lsmod,
	.summary = "the loaded modules: size, users, and where they are",
	.help = "The table modules prints is /proc/modules, in Linux's format.",
};
shell_register(lsmod_cmd);
