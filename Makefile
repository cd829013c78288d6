# mm386 - a bare-metal i386 kernel that rebuilds Linux's memory management.
#
#   make              build build/kernel.elf (a multiboot v1 ELF)
#   make run          boot it in QEMU, serial console on this terminal
#   make debug        boot it halted, waiting for GDB on localhost:1234
#   make gdb          GDB on the kernel, connected to `make debug`
#                     (START=1: start a halted QEMU itself)
#   make check        build everything and run the whole test suite
#                     (T=tests/host/test_x.py[::name]: only those tests)
#   make check-fresh  the first command on a fresh machine: make check in a
#                     clone, with every package it needs hidden until the
#                     install step (tests/host/fresh.py; root, unshare -m)
#   make bench        deterministic benchmarks (guest instructions per operation),
#                     gcc and clang against Linux 6.1 (UPDATE=1: the docs' tables too)
#   make fuzz         the allocator cores on the host under ASan/UBSan: unit
#                     tests, then libFuzzer (FUZZ_SECONDS each, FUZZ=buddy...)
#   make fuzz-build   only build them (build/fuzz/fuzz_NAME, unit_NAME)
#   make docs         regenerate every transcript in README.md and docs/, and
#                     every picture (tools/docgen.py; make check compares),
#                     the bench tables and what each slab check costs
#                     (tools/check_cost.py)
#   make diagrams     only the pictures: docs/images/layout-*.svg
#   make web          the browser playground in build/web (v86 + xterm.js; docs/web.md)
#   make serve        serve build/web on http://localhost:8386/ (WEB_PORT=...)
#   make iso          a GRUB rescue ISO, build/mm386.iso (APPEND sets its command line)
#   make M=dir        build the module in dir (its .c files) into build/modules/NAME.ko
#   make run M=dir    boot with that module loaded (QEMU -initrd)
#   make dups         list repeated code (tools/find_dups.py)
#   make clean        remove the build directory (with M=dir: that module's build)
#   make help         this text
#   make user         build the user programs, user/*.c -> build/user/NAME (static glibc)
#   make run U=prog   boot and run build/user/prog (U="prog arg1 arg2", U="a,b")
#   make initramfs    build/initramfs.cpio: the programs in U (all without U;
#                     names only) and the M=dir module, a cpio archive (newc)
#   make run INITRAMFS=1 U="mallocdemo hold"   boot with that archive: its
#                     programs wait for the shell's run, its modules load
#
# Variables a user may set:
#   CROSS_COMPILE   tool prefix (default i686-linux-gnu-; i686-elf- for OSDev toolchains)
#   CC=clang        build with clang --target=i686-elf and ld.lld instead
#   O=dir           build directory (default build)
#   MEM=160         guest RAM in MB for run/debug/bench
#   APPEND="..."    kernel parameters for run/debug (default: demo)
#   M=dir           a module's source directory (docs/modules.md)
#   INITRD=a.ko,b.ko  modules for make run to load
#   MODARGS="a=1"   parameters for the M=dir module (module_param)
#   T=...           the tests make check runs (pytest node ids)
#   U="prog args,prog2"  user programs for make run to run (from build/user/)
#   INITRAMFS=1     make run/iso: put U's programs and M's module in one initramfs
#   WERROR=0        do not turn warnings into errors
#   KASAN=1         the Kernel Address SANitizer, in build/kasan (gcc or clang)
#   -jN             jobs (default: one per CPU)

# Build in parallel unless the user said how many jobs.  Only the top make
# decides: a sub-make ($(MAKE) in a recipe: make bench, make docs) shares
# its parent's jobs, and a -j of its own would only reset them, with a
# warning.  (GNU make 4.3 shows no -j in MAKEFLAGS while it reads the
# makefile, so the test below holds even after `make -j1`; the command
# line's -j still wins.)
ifeq ($(MAKELEVEL),0)
ifeq ($(filter -j% j%,$(MAKEFLAGS)),)
MAKEFLAGS	+= -j$(shell nproc 2>/dev/null || echo 2)
endif
endif

# make KASAN=1: the Kernel Address SANitizer (mm/kasan/), in its own build directory.
KASAN		?= 0
ifeq ($(KASAN),1)
O		?= build/kasan
endif
O		?= build
# One spelling for one directory: O=build and O=$PWD/build must name the
# same targets, or the dependency files (which carry the spelling of the
# build that wrote them) would not match and header changes be missed.
override O	:= $(patsubst $(CURDIR)/%,%,$(abspath $(O)))
CROSS_COMPILE	?= i686-linux-gnu-
MEM		?= 160
APPEND		?= demo
WERROR		?= 1
QEMU		?= qemu-system-i386
PYTHON		?= /usr/bin/python3
PYTEST		?= $(PYTHON) -m pytest
TIMEOUT		?= 600
WEB_PORT	?= 8386

ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif

# Nothing that asks an installed tool a question may be evaluated before
# the deps step has installed it: on a fresh machine the compiler is not
# there yet when make reads this file.  So LIBGCC and NM are recursive
# (=) variables, expanded only inside recipes, and every object waits for
# the deps step (| deps below).
# The user programs are always built with Debian's cross gcc and its static
# glibc (see USER_CC below), whatever compiles the kernel.
TOOLS_USER	= i686-linux-gnu-gcc i386-glibc

ifneq ($(findstring clang,$(CC)),)
COMPILER	:= clang
LD		:= ld.lld
TARGET_FLAGS	:= --target=i686-elf -march=i686
LIBGCC		= $(shell $(CC) --target=i386-linux-gnu -rtlib=compiler-rt \
			-print-libgcc-file-name 2>/dev/null)
NM		= $(or $(shell command -v llvm-nm 2>/dev/null),$(CROSS_COMPILE)nm)
TOOLS_BUILD	= $(CC) $(LD) $(NM) compiler-rt $(NASM) $(TOOLS_USER)
else
COMPILER	:= gcc
LD		:= $(CROSS_COMPILE)ld
TARGET_FLAGS	:= -march=i686 -mgeneral-regs-only
LIBGCC		= $(shell $(CC) -print-libgcc-file-name 2>/dev/null)
NM		:= $(CROSS_COMPILE)nm
TOOLS_BUILD	= $(CC) $(LD) $(NM) $(NASM) $(TOOLS_USER)
endif
NASM		:= nasm

# No path of this machine in the debug information: kernel.elf is then the
# same file wherever the tree is checked out.  gcc names sources as given
# (kernel/demo.c) and needs only the compilation directory mapped; clang
# would join a mapped "." to them (./kernel/demo.c), so there it maps to "".
DEBUG_PREFIX_MAP := -fdebug-prefix-map=$(CURDIR)=$(if $(filter clang,$(COMPILER)),,.)

# No padding before loops and jump targets (the 64-bit Linux build does the
# same): the padding is nops that run each time execution falls into the
# loop, and -icount counts them (docs/performance.md).  clang pads only loops.
NO_ALIGN_PAD := -falign-loops=1 $(if $(filter clang,$(COMPILER)),,-falign-jumps=1)

CFLAGS := $(TARGET_FLAGS) -m32 -std=gnu11 -O2 -g \
	-ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
	-fno-strict-aliasing -fno-common $(NO_ALIGN_PAD) \
	-mno-sse -mno-mmx -mno-80387 \
	-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wstrict-prototypes \
	-Iinclude -MMD -MP $(DEBUG_PREFIX_MAP)
ifeq ($(WERROR),1)
CFLAGS += -Werror
endif
ASFLAGS	:= -f elf32 -Iinclude/asm/

# KASAN=1: every file is compiled with -fsanitize=kernel-address (outline
# checks: calls to __asan_loadN/storeN; stack and global redzones), with
# the shadow at KASAN_SHADOW_OFFSET (include/linux/kasan.h) - except the
# allocators and KASAN itself, which work inside poisoned memory, and the
# boot code that runs before the shadow exists (Linux's KASAN_SANITIZE := n).
# clang offers kernel-address only for Linux targets: i686-linux-gnu.
KASAN_OFFSET	:= 0xdf800000
KASAN_SANITIZE_n := mm/kasan/%.c mm/slab.c mm/slab_common.c mm/slab_debug.c mm/slab_bulk.c \
		   mm/page_alloc.c mm/page_alloc_check.c mm/memblock.c mm/mm_init.c \
		   mm/init.c mm/maccess.c kernel/stacktrace.c
ifeq ($(KASAN),1)
ifeq ($(COMPILER),clang)
TARGET_FLAGS	:= --target=i686-linux-gnu -march=i686
CFLAGS		:= $(patsubst --target=i686-elf,--target=i686-linux-gnu,$(CFLAGS))
CFLAGS_KASAN	:= -fsanitize=kernel-address -mllvm -asan-mapping-offset=$(KASAN_OFFSET) \
		   -mllvm -asan-instrumentation-with-call-threshold=0 \
		   -mllvm -asan-stack=1 -mllvm -asan-globals=1
else
CFLAGS_KASAN	:= -fsanitize=kernel-address -fasan-shadow-offset=$(KASAN_OFFSET) \
		   --param asan-instrumentation-with-call-threshold=0 \
		   --param asan-stack=1 --param asan-globals=1
endif
CFLAGS		+= -DCONFIG_KASAN
ASFLAGS		+= -DCONFIG_KASAN
endif
kasan_flags	= $(if $(filter $(KASAN_SANITIZE_n),$(1)),,$(CFLAGS_KASAN))
LDFLAGS	:= -m elf_i386 -nostdlib -z noexecstack -z max-page-size=0x1000 \
	--build-id=none -T linker.ld

# Every directory of the layering, in boot -> kernel -> mm -> drivers/lib order.
SRCDIRS	:= boot kernel kernel/module kernel/rcu kernel/sched mm fs drivers lib shell tests/kernel \
	   $(if $(filter 1,$(KASAN)),mm/kasan)
C_SRCS	:= $(sort $(foreach d,$(SRCDIRS),$(wildcard $(d)/*.c)))
ASM_SRCS := $(sort $(foreach d,$(SRCDIRS),$(wildcard $(d)/*.asm)))
OBJS	:= $(patsubst %.c,$(O)/obj/%.o,$(C_SRCS)) \
	   $(patsubst %.asm,$(O)/obj/%.o,$(ASM_SRCS))
KERNEL	:= $(O)/kernel.elf
ISO	:= $(O)/mm386.iso

# "  CC      file.c" progress lines, silenced by make -s.
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
SAY := @true
else
SAY := @echo
endif

# Anything that changes how objects are built forces a rebuild.
CONFIG_STAMP := $(O)/.config
CONFIG_TEXT  := $(COMPILER) $(CC) $(CFLAGS) $(CFLAGS_KASAN) $(if $(CFLAGS_KASAN),$(KASAN_SANITIZE_n)) $(ASFLAGS) $(LD) $(LDFLAGS)
# A new list of objects forces a new link: a deleted source file leaves
# nothing newer behind, but its object must leave the kernel.  (Linux's
# kbuild keeps the same record in its .cmd files.)
OBJS_STAMP   := $(O)/.objs

# move_if_changed: $@.new replaces $@ only when the two differ (and is
# dropped otherwise), so that what depends on $@ is remade only then.
move_if_changed = cmp -s $@.new $@ && rm -f $@.new || mv -f $@.new $@

# $(call write_if_changed,TEXT): the stamp file $@ holds TEXT.
define write_if_changed
	@mkdir -p $(dir $@)
	@echo '$(1)' > $@.new
	@$(move_if_changed)
endef

QEMU_BASE := $(QEMU) -m $(MEM) -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04

# The deps step: one ensure-deps run for everything the goals on the
# command line need, so that even under -j only one apt-get runs.
DEPS_RUN	:= $(QEMU)
DEPS_WEB	:= node npm chromium seabios npm-ci:web
DEPS_FUZZ	:= clang compiler-rt fuzz-i386 qemu-i386
DEPS_CHECK	:= $(QEMU) grub-mkrescue xorriso gdb clang ld.lld compiler-rt \
		   i686-linux-gnu-gcc pytest pexpect slabtop psutil qemu-i386 $(DEPS_WEB) $(DEPS_FUZZ)
goal_needs	= $(filter $(1),$(or $(MAKECMDGOALS),all))
DEPS_TOOLS	= $(TOOLS_BUILD) \
		  $(if $(call goal_needs,run debug gdb bench docs diagrams),$(DEPS_RUN)) \
		  $(if $(call goal_needs,docs),gdb pexpect $(DEPS_WEB)) \
		  $(if $(call goal_needs,check iso $(ISO)),$(DEPS_CHECK)) \
		  $(if $(call goal_needs,web serve),$(DEPS_WEB)) \
		  $(if $(call goal_needs,fuzz fuzz-build),$(DEPS_FUZZ))

.PHONY: all run debug gdb iso check check-fresh clean deps bench help docs diagrams modules dups user
.PHONY: initramfs
.PHONY: web serve
.PHONY: fuzz fuzz-build
.DEFAULT_GOAL := all

# User programs (user/*.c): always Debian's i686-linux-gnu-gcc and its static
# glibc (libc6-dev-i386-cross), whatever CC builds the kernel.  Those named
# in USER_NOLIBC use no C library at all.  The assembler writes the line
# table's directories itself, so it gets the prefix map too: a program's
# bytes (and the sizes the docs show) do not depend on where the tree is.
USER_CC		:= i686-linux-gnu-gcc
USER_CFLAGS	:= -static -O2 -g -Wall -Wextra -Werror -fdebug-prefix-map=$(CURDIR)=. \
		   -Wa,--debug-prefix-map,$(CURDIR)=.
USER_NOLIBC	:= hello_raw
USER_SRCS	:= $(sort $(wildcard user/*.c))
USER_PROGS	:= $(patsubst user/%.c,$(O)/user/%,$(USER_SRCS))
# U="mallocdemo a b,hello": -initrd "build/user/mallocdemo a b,build/user/hello"
RUN_U		:= $(if $(U),$(shell echo '$(U)' | sed -e 's#^ *#$(O)/user/#' -e 's#, *#,$(O)/user/#g'))
RUN_INITRD	= $(strip $(if $(INITRD),$(INITRD)$(if $(U),$(comma)))$(RUN_U))
comma		:= ,

# make initramfs: one cpio archive of the programs U names (commas or spaces
# between names; every program without U) and the M=dir module
# (tools/mkinitramfs.py).  With INITRAMFS=1, make run and make iso pass
# that archive instead (and INITRD only if given on the command line).
INITRAMFS_CPIO	:= $(O)/initramfs.cpio
INITRAMFS_PROGS	= $(if $(U),$(addprefix $(O)/user/,$(subst $(comma), ,$(U))),$(USER_PROGS))
ifeq ($(INITRAMFS),1)
RUN_INITRD	= $(strip $(if $(filter command line,$(origin INITRD)),$(INITRD)$(comma))$(INITRAMFS_CPIO))
endif

# Out-of-tree modules, as Linux's `make -C kernel M=dir`: every .c file of
# dir, compiled with the kernel's flags and headers plus -DMODULE, and
# NAME.mod.c (the .modinfo "name=" tag, which Linux's modpost writes), are
# linked by `ld -r` into one relocatable ELF file, $(O)/modules/NAME.ko.
# NAME is the directory's name ('-' becomes '_', as in KBUILD_MODNAME).
# $(call mod_cflags,DIR,NAME): how the files of module NAME in DIR compile.
mod_cflags	= $(CFLAGS) -I$(1) -DMODULE -DKBUILD_MODNAME='"$(2)"'
# The modules in the tree, for compile_commands.json.
INTREE_MODS	:= $(patsubst %/,%,$(sort $(dir $(wildcard examples/*/*.c tests/modules/*/*.c))))

ifneq ($(M),)
# The module's directory, relative to the tree when inside it however M is
# spelled (examples/x, ./examples/x/, an absolute path): the debug
# information names the sources by it, so the .ko's bytes are the same.
MOD_DIR		:= $(patsubst $(CURDIR)/%,%,$(abspath $(M)))
MOD_NAME	:= $(subst -,_,$(notdir $(abspath $(MOD_DIR))))
MOD_OUT		:= $(O)/modules/$(MOD_NAME)
MOD_SRCS	:= $(sort $(wildcard $(MOD_DIR)/*.c))
MOD_OBJS	:= $(patsubst $(MOD_DIR)/%.c,$(MOD_OUT)/%.o,$(MOD_SRCS)) \
		   $(MOD_OUT)/$(MOD_NAME).mod.o
MOD_KO		:= $(O)/modules/$(MOD_NAME).ko
MOD_CFLAGS	:= $(call mod_cflags,$(MOD_DIR),$(MOD_NAME))
# MODARGS="a=1 b=x": the module's parameters, after its file name on the
# -initrd item, as a GRUB module line carries them (insmod's arguments).
INITRD		?= $(MOD_KO)$(if $(MODARGS), $(MODARGS))
.DEFAULT_GOAL	:= modules
endif

all: deps $(KERNEL) $(O)/compile_commands.json user

user: $(USER_PROGS)

initramfs: $(INITRAMFS_CPIO)
$(INITRAMFS_CPIO): $(INITRAMFS_PROGS) $(MOD_KO) tools/mkinitramfs.py FORCE
	$(SAY) "  CPIO    $@"
	@$(PYTHON) tools/mkinitramfs.py $@ $(INITRAMFS_PROGS) $(MOD_KO)

$(O)/user/%: user/%.c | deps
	@mkdir -p $(dir $@)
	$(SAY) "  CC [U]  $<"
	@$(USER_CC) $(USER_CFLAGS) $(if $(filter $*,$(USER_NOLIBC)),-nostdlib -ffreestanding -fno-pie -no-pie) -o $@ $<

deps:
	@tools/ensure-deps.sh $(DEPS_TOOLS)

$(CONFIG_STAMP): FORCE
	$(call write_if_changed,$(CONFIG_TEXT))

$(OBJS_STAMP): FORCE
	$(call write_if_changed,$(OBJS))

$(O)/obj/%.o: %.c $(CONFIG_STAMP) | deps
	@mkdir -p $(dir $@)
	$(SAY) "  CC      $<"
	@$(CC) $(CFLAGS) $(call kasan_flags,$<) -c $< -o $@

$(O)/obj/%.o: %.asm $(CONFIG_STAMP) | deps
	@mkdir -p $(dir $@)
	$(SAY) "  AS      $<"
	@$(NASM) $(ASFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# The kernel carries its own symbol table (kallsyms) so that an oops can
# name functions.  The table sits between .data and .bss, so three links
# are needed: the first with an empty table, the second with a table of
# the right size, the third with the right addresses.  The build then
# checks that the second and third links agree.
KSYMS_GEN := tools/gen_ksyms.sh
define link_pass
	@$(KSYMS_GEN) $(NM) $(1) > $(O)/ksyms$(2).c
	@$(CC) $(CFLAGS) -c $(O)/ksyms$(2).c -o $(O)/ksyms$(2).o
	@$(LD) $(LDFLAGS) -o $(3) $(OBJS) $(O)/ksyms$(2).o $(LIBGCC)
endef

$(KERNEL): $(OBJS) linker.ld $(KSYMS_GEN) $(CONFIG_STAMP) $(OBJS_STAMP)
	$(SAY) "  LD      $@"
	$(call link_pass,/dev/null,0,$(O)/kernel.1.elf)
	$(call link_pass,$(O)/kernel.1.elf,1,$(O)/kernel.2.elf)
	$(call link_pass,$(O)/kernel.2.elf,2,$@)
	@$(KSYMS_GEN) $(NM) $@ | cmp -s - $(O)/ksyms2.c || \
		{ echo "kallsyms: link passes disagree"; rm -f $@; exit 1; }
	@rm -f $(O)/kernel.1.elf $(O)/kernel.2.elf

# The kernel's files, then each module's in the tree (examples/, tests/modules/).
# Written at every make and replaced only when it differs: it must follow a
# new compiler or new flags in the same O= (make CC=clang) and a deleted
# file, and neither leaves a newer prerequisite behind.
$(O)/compile_commands.json: FORCE
	@mkdir -p $(O)
	@tools/gen_compile_commands.sh "$(CURDIR)" "$(O)/obj" "$(CC) $(CFLAGS)" $(C_SRCS) \
		$(foreach d,$(INTREE_MODS),-- "$(O)/modules/$(notdir $(d))" \
		"$(CC) $(subst ",\",$(call mod_cflags,$(d),$(notdir $(d))))" $(wildcard $(d)/*.c)) > $@.new
	@$(move_if_changed)

iso: $(ISO)
ISO_MODULES	= $(if $(filter 1,$(INITRAMFS)),$(INITRAMFS_CPIO),$(MOD_KO))
$(ISO): $(KERNEL) tools/mkiso.sh $(ISO_MODULES)
	$(SAY) "  ISO     $@"
	@tools/mkiso.sh $(KERNEL) $@ "$(APPEND)" $(ISO_MODULES)

# QEMU's exit status is the kernel's verdict (docs/interface.md, "Exit
# statuses").  Status 0 is never the kernel's: either the user left with
# Ctrl-A X, or the CPU reset, which -no-reboot turns into an exit.  QEMU's
# reset log (-d cpu_reset) tells the two apart: a reset after a triple
# fault is logged as "Triple fault".
QEMU_RESET_LOG = $(O)/qemu-reset.log
QEMU_WATCH	= -d cpu_reset -D $(QEMU_RESET_LOG)
EXPLAIN_STATUS = s=$$?; case $$s in \
	33) exit 0 ;; \
	0) if grep -q "Triple fault" $(QEMU_RESET_LOG) 2>/dev/null; then \
		echo "mm386: the CPU triple-faulted and reset (QEMU exits 0 under -no-reboot): the kernel died without an oops"; \
		exit 1; fi; exit 0 ;; \
	35) echo "mm386: a test failed (QEMU status 35)"; exit 1 ;; \
	37) echo "mm386: oops or panic (QEMU status 37)"; exit 1 ;; \
	124) echo "mm386: timed out"; exit 1 ;; \
	*) echo "mm386: QEMU exited with status $$s"; exit $$s ;; esac

run: all $(if $(M),modules) $(if $(filter 1,$(INITRAMFS)),initramfs)
	@echo "mm386: booting $(KERNEL) with $(MEM) MB$(if $(RUN_INITRD), and $(RUN_INITRD)); Ctrl-A X quits QEMU"
	@$(QEMU_BASE) -kernel $(KERNEL) -append "$(APPEND)" -serial mon:stdio -display none \
		$(QEMU_WATCH) $(if $(RUN_INITRD),-initrd "$(RUN_INITRD)"); $(EXPLAIN_STATUS)

# make debug: QEMU waits for GDB on :1234; run 'make gdb' in another terminal.
debug: all
	@echo "mm386: QEMU is waiting for GDB on localhost:1234 (run 'make gdb')"
	@$(QEMU_BASE) -kernel $(KERNEL) -append "$(APPEND)" -serial mon:stdio -display none \
		$(QEMU_WATCH) -gdb tcp:127.0.0.1:$(GDB_PORT) -S; $(EXPLAIN_STATUS)

# make gdb: GDB with the kernel's symbols and mm386's helpers, connected to
# the QEMU that `make debug` started.  With START=1 it starts that QEMU
# itself (halted, serial log in $(O)/gdb-serial.log) and stops it after.
GDB_PORT	?= 1234
gdb: all
	@tools/gdb/run-gdb.sh "$(KERNEL)" "$(GDB_PORT)" "$(if $(START),$(QEMU_BASE) -kernel $(KERNEL) -append '$(APPEND)' -display none -serial file:$(O)/gdb-serial.log -gdb tcp:127.0.0.1:$(GDB_PORT) -S)"

# The tests run their own makes: they must not inherit this make's
# jobserver (MAKEFLAGS), which they could not reach.  pytest prints each
# file's name as it starts it and the percentage done.
T		?= tests/host
check: all $(ISO)
	@env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(PYTEST) $(T) -ra -p no:cacheprovider

# make check-fresh: what a new user's first `make check` meets.
check-fresh:
	@env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(PYTHON) tests/host/fresh.py --full

# Deterministic benchmarks: QEMU -icount, so ticks are guest instructions.
# Both compilers' kernels, whatever CC says (tools/bench.py); UPDATE=1 also
# rewrites the generated tables of docs/performance.md and README.md.
bench: deps
	@$(MAKE) --no-print-directory CC=$(CROSS_COMPILE)gcc O=$(O)/bench/gcc all
	@$(MAKE) --no-print-directory CC=clang O=$(O)/bench/clang all
	@$(PYTHON) tools/bench.py --kernel gcc=$(O)/bench/gcc/kernel.elf \
		--kernel clang=$(O)/bench/clang/kernel.elf --out $(O)/bench.txt \
		$(if $(filter 1,$(UPDATE)),--update-docs,--json $(O)/bench.json)

# make docs: regenerate every transcript in README.md and docs/ and every
# picture in docs/images/ from real runs (tools/docgen.py); make check
# fails when a committed one differs from what the build prints.  The
# bench tables (tools/bench.py) and the slab checks' costs
# (tools/check_cost.py) are rewritten from fresh measurements too.
# make diagrams redraws only the pictures.
docs: web
	@env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(PYTHON) tools/docgen.py
	@$(MAKE) --no-print-directory bench UPDATE=1
	@$(PYTHON) tools/check_cost.py --update-docs
	@node tools/web_screenshot.mjs $(O)/web docs/images/playground.png

diagrams: all
	@$(PYTHON) tools/docgen.py --pictures

# make web: the browser playground (web/, docs/web.md) in $(O)/web: the page,
# v86 and xterm.js from web/node_modules, the SeaBIOS images, the kernel and
# every example module.  make serve serves it on localhost.
WEB_MODULES := $(patsubst %/,%,$(sort $(dir $(wildcard examples/*/*.c))))
web: all
	@for m in $(WEB_MODULES); do \
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(MAKE) -s O=$(O) CC="$(CC)" \
			CROSS_COMPILE="$(CROSS_COMPILE)" M=$$m || exit 1; done
	@tools/mkweb.sh $(O)/web $(KERNEL) $(WEB_MODULES)

serve: web
	@echo "mm386: serving $(O)/web on http://localhost:$(WEB_PORT)/ (Ctrl-C stops)"
	@$(PYTHON) -m http.server --bind 127.0.0.1 --directory $(O)/web $(WEB_PORT)

# make M=dir clean removes that module's build only.
clean:
	rm -rf $(if $(M),$(MOD_OUT) $(MOD_KO),$(O))

ifneq ($(M),)
modules: deps $(MOD_KO)

$(if $(MOD_SRCS),,$(error make M=$(M): no .c files in $(MOD_DIR)))

# The dependency files name the module's sources by their paths.  When a
# module of the same name was last built from another directory, they
# (and the objects) are stale: start that module's build afresh.
MOD_SRC_STAMP	:= $(MOD_OUT)/source-dir
ifneq ($(shell cat $(MOD_SRC_STAMP) 2>/dev/null),$(abspath $(MOD_DIR)))
$(shell rm -rf $(MOD_OUT) $(MOD_KO))
endif

$(MOD_SRC_STAMP):
	@mkdir -p $(dir $@)
	@echo '$(abspath $(MOD_DIR))' > $@

$(MOD_OUT)/%.o: $(MOD_DIR)/%.c $(CONFIG_STAMP) | $(MOD_SRC_STAMP) deps
	@mkdir -p $(dir $@)
	$(SAY) "  CC [M]  $<"
	@$(CC) $(MOD_CFLAGS) -c $< -o $@

$(MOD_OUT)/$(MOD_NAME).mod.c: Makefile
	@mkdir -p $(dir $@)
	@printf '%s\n' '/* Generated by make M=$(M): the module name, as modpost writes it. */' \
		'#include <linux/module.h>' 'MODULE_INFO(name, KBUILD_MODNAME);' > $@

$(MOD_OUT)/$(MOD_NAME).mod.o: $(MOD_OUT)/$(MOD_NAME).mod.c $(CONFIG_STAMP) | deps
	@$(CC) $(MOD_CFLAGS) -c $< -o $@

MOD_OBJS_STAMP	:= $(MOD_OUT)/.objs
$(MOD_OBJS_STAMP): FORCE
	$(call write_if_changed,$(MOD_OBJS))

$(MOD_KO): $(MOD_OBJS) $(MOD_OBJS_STAMP)
	$(SAY) "  LD [M]  $@"
	@$(LD) -r -m elf_i386 -o $@ $(MOD_OBJS)

-include $(MOD_OBJS:.o=.d)
else
modules:
	@echo "make modules: say which, with M=dir (e.g. make M=examples/mem_module)"; exit 1
endif

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

dups:
	@$(PYTHON) tools/find_dups.py

FORCE:

include tests/fuzz/fuzz.mk

-include $(OBJS:.o=.d)
