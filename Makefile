# mm386 - a bare-metal i386 kernel that rebuilds Linux's memory management.
#
#   make            build build/kernel.elf (a multiboot v1 ELF)
#   make run        boot it in QEMU, serial console on this terminal
#   make check      build everything and run the whole test suite
#   make bench      deterministic benchmarks (guest instructions per operation)
#   make diagrams   boot at 160 MB and 2 GB, redraw docs/images/layout-*.svg
#
# Variables a user may set:
#   CROSS_COMPILE   tool prefix (default i686-linux-gnu-; i686-elf- for OSDev toolchains)
#   CC=clang        build with clang --target=i686-elf and ld.lld instead
#   O=dir           build directory (default build)
#   MEM=160         guest RAM in MB for run/debug/bench
#   APPEND="..."    kernel parameters for run/debug (default: demo)
#   WERROR=0        do not turn warnings into errors

O		?= build
CROSS_COMPILE	?= i686-linux-gnu-
MEM		?= 160
APPEND		?= demo
WERROR		?= 1
QEMU		?= qemu-system-i386
PYTHON		?= /usr/bin/python3
PYTEST		?= $(PYTHON) -m pytest
TIMEOUT		?= 600

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

.PHONY: all run debug gdb iso check clean deps deps-run deps-check bench help diagrams
.DEFAULT_GOAL := all

all: deps $(KERNEL) $(O)/compile_commands.json

deps:
	@tools/ensure-deps.sh $(TOOLS_BUILD)
deps-run:
	@tools/ensure-deps.sh $(TOOLS_BUILD) $(QEMU)
deps-check:
	@tools/ensure-deps.sh $(TOOLS_BUILD) $(QEMU) grub-mkrescue xorriso gdb \
		clang ld.lld compiler-rt i686-linux-gnu-gcc pytest pexpect

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

$(O)/compile_commands.json: $(C_SRCS) Makefile
	@tools/gen_compile_commands.sh "$(CURDIR)" "$(O)/obj" "$(CC) $(CFLAGS)" $(C_SRCS) > $@

iso: $(ISO)
$(ISO): deps-check $(KERNEL) tools/mkiso.sh
	$(SAY) "  ISO     $@"
	@tools/mkiso.sh $(KERNEL) $@ "$(APPEND)"

# QEMU's exit status is the kernel's verdict (see README, "Exit statuses").
EXPLAIN_STATUS = s=$$?; case $$s in \
	0|33) exit 0 ;; \
	35) echo "mm386: a test failed (QEMU status 35)"; exit 1 ;; \
	37) echo "mm386: oops or panic (QEMU status 37)"; exit 1 ;; \
	*) echo "mm386: QEMU exited with status $$s"; exit $$s ;; esac

run: deps-run all
	@echo "mm386: booting $(KERNEL) with $(MEM) MB; Ctrl-A X quits QEMU"
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

clean:
	rm -rf $(O)

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

FORCE:

-include $(OBJS:.o=.d)
