# mm386 - a bare-metal i386 kernel that rebuilds Linux's memory management.
#
#   make            build build/kernel.elf (a multiboot v1 ELF)
#   make run        boot it in QEMU, serial console on this terminal
#   make check      build everything and run the whole test suite
#   make bench      deterministic benchmarks (guest instructions per operation)
#   make diagrams   boot at 160 MB and 2 GB, redraw docs/images/layout-*.svg
#   make web        the browser playground in build/web (v86 + xterm.js)
#   make serve      serve build/web on http://localhost:8386/
#   make M=dir      build the module in dir (its .c files) into build/modules/NAME.ko
#   make run M=dir  boot with that module loaded (QEMU -initrd)
#
# Variables a user may set:
#   CROSS_COMPILE   tool prefix (default i686-linux-gnu-; i686-elf- for OSDev toolchains)
#   CC=clang        build with clang --target=i686-elf and ld.lld instead
#   O=dir           build directory (default build)
#   MEM=160         guest RAM in MB for run/debug/bench
#   APPEND="..."    kernel parameters for run/debug (default: demo)
#   M=dir           a module's source directory (docs/modules.md)
#   INITRD=a.ko,b.ko  modules for make run to load
#   WERROR=0        do not turn warnings into errors

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

ifneq ($(findstring clang,$(CC)),)
COMPILER	:= clang
LD		:= ld.lld
TARGET_FLAGS	:= --target=i686-elf -march=i686
LIBGCC		:= $(shell $(CC) --target=i386-linux-gnu -rtlib=compiler-rt \
			-print-libgcc-file-name 2>/dev/null)
NM		:= $(or $(shell command -v llvm-nm 2>/dev/null),$(CROSS_COMPILE)nm)
else
COMPILER	:= gcc
LD		:= $(CROSS_COMPILE)ld
TARGET_FLAGS	:= -march=i686 -mgeneral-regs-only
LIBGCC		:= $(shell $(CC) -print-libgcc-file-name 2>/dev/null)
NM		:= $(CROSS_COMPILE)nm
endif
NASM		:= nasm

CFLAGS := $(TARGET_FLAGS) -m32 -std=gnu11 -O2 -g \
	-ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
	-fno-strict-aliasing -fno-common \
	-mno-sse -mno-mmx -mno-80387 \
	-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wstrict-prototypes \
	-Iinclude -MMD -MP
ifeq ($(WERROR),1)
CFLAGS += -Werror
endif
ASFLAGS	:= -f elf32 -Iinclude/asm/
LDFLAGS	:= -m elf_i386 -nostdlib -z noexecstack -z max-page-size=0x1000 \
	--build-id=none -T linker.ld

# Every directory of the layering, in boot -> kernel -> mm -> drivers/lib order.
SRCDIRS	:= boot kernel mm drivers lib tests/kernel
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
CONFIG_TEXT  := $(COMPILER) $(CC) $(CFLAGS) $(ASFLAGS) $(LD) $(LDFLAGS)

QEMU_BASE := $(QEMU) -m $(MEM) -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04
TOOLS_BUILD := $(CC) $(LD) $(NM) $(NASM)

.PHONY: all run debug gdb iso check clean deps deps-run deps-check deps-web bench help diagrams \
	modules web serve
.DEFAULT_GOAL := all

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
MOD_DIR		:= $(patsubst %/,%,$(M))
MOD_NAME	:= $(subst -,_,$(notdir $(abspath $(MOD_DIR))))
MOD_OUT		:= $(O)/modules/$(MOD_NAME)
MOD_SRCS	:= $(sort $(wildcard $(MOD_DIR)/*.c))
MOD_OBJS	:= $(patsubst $(MOD_DIR)/%.c,$(MOD_OUT)/%.o,$(MOD_SRCS)) \
		   $(MOD_OUT)/$(MOD_NAME).mod.o
MOD_KO		:= $(O)/modules/$(MOD_NAME).ko
MOD_CFLAGS	:= $(call mod_cflags,$(MOD_DIR),$(MOD_NAME))
INITRD		?= $(MOD_KO)
.DEFAULT_GOAL	:= modules
endif

all: deps $(KERNEL) $(O)/compile_commands.json

deps:
	@tools/ensure-deps.sh $(TOOLS_BUILD)
deps-run:
	@tools/ensure-deps.sh $(TOOLS_BUILD) $(QEMU)
deps-check:
	@tools/ensure-deps.sh $(TOOLS_BUILD) $(QEMU) grub-mkrescue xorriso gdb \
		clang ld.lld compiler-rt i686-linux-gnu-gcc pytest pexpect $(WEB_DEPS)
WEB_DEPS := node npm chromium seabios npm-ci:web
deps-web:
	@tools/ensure-deps.sh $(WEB_DEPS)

$(CONFIG_STAMP): FORCE
	@mkdir -p $(O)
	@echo '$(CONFIG_TEXT)' | cmp -s - $@ || echo '$(CONFIG_TEXT)' > $@

$(O)/obj/%.o: %.c $(CONFIG_STAMP)
	@mkdir -p $(dir $@)
	$(SAY) "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(O)/obj/%.o: %.asm $(CONFIG_STAMP)
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

$(KERNEL): $(OBJS) linker.ld $(KSYMS_GEN) $(CONFIG_STAMP)
	$(SAY) "  LD      $@"
	$(call link_pass,/dev/null,0,$(O)/kernel.1.elf)
	$(call link_pass,$(O)/kernel.1.elf,1,$(O)/kernel.2.elf)
	$(call link_pass,$(O)/kernel.2.elf,2,$@)
	@$(KSYMS_GEN) $(NM) $@ | cmp -s - $(O)/ksyms2.c || \
		{ echo "kallsyms: link passes disagree"; rm -f $@; exit 1; }
	@rm -f $(O)/kernel.1.elf $(O)/kernel.2.elf

# The kernel's files, then each module's in the tree (examples/, tests/modules/).
$(O)/compile_commands.json: $(C_SRCS) $(wildcard $(addsuffix /*.c,$(INTREE_MODS))) Makefile \
		tools/gen_compile_commands.sh
	@tools/gen_compile_commands.sh "$(CURDIR)" "$(O)/obj" "$(CC) $(CFLAGS)" $(C_SRCS) \
		$(foreach d,$(INTREE_MODS),-- "$(O)/modules/$(notdir $(d))" \
		"$(CC) $(subst ",\",$(call mod_cflags,$(d),$(notdir $(d))))" $(wildcard $(d)/*.c)) > $@

iso: $(ISO)
$(ISO): deps-check $(KERNEL) tools/mkiso.sh $(MOD_KO)
	$(SAY) "  ISO     $@"
	@tools/mkiso.sh $(KERNEL) $@ "$(APPEND)" $(MOD_KO)

# QEMU's exit status is the kernel's verdict (see README, "Exit statuses").
EXPLAIN_STATUS = s=$$?; case $$s in \
	0|33) exit 0 ;; \
	35) echo "mm386: a test failed (QEMU status 35)"; exit 1 ;; \
	37) echo "mm386: oops or panic (QEMU status 37)"; exit 1 ;; \
	*) echo "mm386: QEMU exited with status $$s"; exit $$s ;; esac

run: deps-run all $(if $(M),modules)
	@echo "mm386: booting $(KERNEL) with $(MEM) MB$(if $(INITRD), and $(INITRD)); Ctrl-A X quits QEMU"
	@$(QEMU_BASE) -kernel $(KERNEL) -append "$(APPEND)" -serial mon:stdio -display none \
		$(if $(INITRD),-initrd "$(INITRD)"); $(EXPLAIN_STATUS)

# make debug: QEMU waits for GDB on :1234; run 'make gdb' in another terminal.
debug: deps-run all
	@echo "mm386: QEMU is waiting for GDB on localhost:1234 (run 'make gdb')"
	@$(QEMU_BASE) -kernel $(KERNEL) -append "$(APPEND)" -serial mon:stdio -display none \
		-s -S; $(EXPLAIN_STATUS)

gdb: all
	gdb -q -x tools/gdb/gdbinit $(KERNEL)

check: deps-check all $(ISO)
	$(PYTEST) tests/host -q -ra -p no:cacheprovider

# Deterministic benchmarks: QEMU -icount, so ticks are guest instructions.
bench: deps-run all
	@$(PYTHON) tools/bench.py --kernel $(KERNEL) --out $(O)/bench.txt

# make diagrams: boot at each size, then draw the address space from the
# serial log with tools/layout_svg.py.  Not part of make check: the pictures
# are committed, and a test only checks that they are there and parse.
DIAGRAM_SIZES := 160:160mb 2048:2gb
diagrams: deps-run all
	@mkdir -p docs/images
	@for d in $(DIAGRAM_SIZES); do \
		mem=$${d%%:*}; name=$${d#*:}; log=$(O)/layout-$$name.log; \
		timeout --kill-after=5 120 $(QEMU) -m $$mem -no-reboot -display none \
			-monitor none -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
			-kernel $(KERNEL) -append "poweroff" -serial file:$$log; s=$$?; \
		[ $$s -eq 33 ] || { echo "mm386: boot at -m $$mem failed (QEMU status $$s)"; exit 1; }; \
		$(PYTHON) tools/layout_svg.py $$log -o docs/images/layout-$$name.svg \
			--title "mm386 at -m $$mem: the virtual address space and physical memory" \
			|| exit 1; \
		echo "  SVG     docs/images/layout-$$name.svg"; \
	done

# make web: the browser playground (web/, docs/web.md) in $(O)/web: the page,
# v86 and xterm.js from web/node_modules, the SeaBIOS images, the kernel and
# every example module.  make serve serves it on localhost.
WEB_MODULES := $(patsubst %/,%,$(sort $(dir $(wildcard examples/*/*.c))))
web: deps-web all
	@for m in $(WEB_MODULES); do $(MAKE) -s O=$(O) M=$$m || exit 1; done
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

$(MOD_OUT)/%.o: $(MOD_DIR)/%.c $(CONFIG_STAMP) | $(MOD_SRC_STAMP)
	@mkdir -p $(dir $@)
	$(SAY) "  CC [M]  $<"
	@$(CC) $(MOD_CFLAGS) -c $< -o $@

$(MOD_OUT)/$(MOD_NAME).mod.c: Makefile
	@mkdir -p $(dir $@)
	@printf '%s\n' '/* Generated by make M=$(M): the module name, as modpost writes it. */' \
		'#include <linux/module.h>' 'MODULE_INFO(name, KBUILD_MODNAME);' > $@

$(MOD_OUT)/$(MOD_NAME).mod.o: $(MOD_OUT)/$(MOD_NAME).mod.c $(CONFIG_STAMP)
	@$(CC) $(MOD_CFLAGS) -c $< -o $@

$(MOD_KO): $(MOD_OBJS)
	$(SAY) "  LD [M]  $@"
	@$(LD) -r -m elf_i386 -o $@ $(MOD_OBJS)

-include $(MOD_OBJS:.o=.d)
else
modules:
	@echo "make modules: say which, with M=dir (e.g. make M=examples/mem_module)"; exit 1
endif

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

FORCE:

-include $(OBJS:.o=.d)
