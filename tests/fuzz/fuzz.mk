# tests/fuzz/fuzz.mk - make fuzz: the allocator cores on the host, under
# AddressSanitizer and UndefinedBehaviorSanitizer, with unit tests and
# libFuzzer targets (included by the Makefile).
#
#   make fuzz                    build, run the unit tests and replay the
#                                corpus, then fuzz each target FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=600   longer (make check uses a few seconds)
#   make fuzz FUZZ=buddy         one target
#
# The kernel's own files are compiled unchanged for i386 Linux user space
# (clang --target=i686-linux-gnu: the same 32-bit types, and the fake RAM
# mapped at PAGE_OFFSET); only <linux/irqflags.h> is replaced
# (tests/fuzz/shim/).  tests/fuzz/host.c is the rest of the kernel they
# call.  Each target fuzzes from a copy of its corpus in the tree
# (tests/fuzz/corpus/NAME), so a run never writes into the tree; crashes
# go to $(O)/fuzz/ as crash-* files.

FUZZ_SECONDS	?= 60
FUZZ_TARGETS	:= rbtree vmap_area buddy slab
FUZZ		?= $(FUZZ_TARGETS)
FUZZ_DIR	:= $(O)/fuzz
FUZZ_CC		:= clang --target=i686-linux-gnu
FUZZ_SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=undefined \
		   -fno-omit-frame-pointer -g -O1
# The kernel's files: freestanding, with the kernel's headers (the shim first).
FUZZ_KFLAGS	= -std=gnu11 -ffreestanding -nostdinc -isystem $(shell clang -print-resource-dir)/include \
		  -fno-builtin -Itests/fuzz/shim -Iinclude -Wall -Wno-unused-parameter \
		  -Wno-unused-function $(FUZZ_SAN) -fsanitize=fuzzer-no-link
# The harnesses: the host's libc too.
FUZZ_HFLAGS	:= -std=gnu11 -Itests/fuzz/shim -Iinclude -Wall -Wno-unused-parameter \
		   -Wno-macro-redefined $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_CORE	:= lib/rbtree.c lib/random32.c lib/kstrtox.c lib/fault-inject.c lib/ratelimit.c \
		   mm/memblock.c mm/mm_init.c mm/page_alloc.c mm/page_alloc_check.c mm/debug.c \
		   mm/page_wmark.c mm/show_mem.c mm/slab.c mm/slab_common.c mm/slab_order.c \
		   mm/slab_debug.c mm/vmap_area.c mm/vmstat.c \
		   mm/failslab.c mm/fail_page_alloc.c
FUZZ_CORE_OBJS	:= $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_CORE)) $(FUZZ_DIR)/obj/host.o

$(FUZZ_DIR)/obj/%.o: %.c tests/fuzz/shim/linux/irqflags.h | deps
	@mkdir -p $(dir $@)
	$(SAY) "  HOSTCC  $<"
	@$(FUZZ_CC) $(FUZZ_KFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_DIR)/obj/%.o: tests/fuzz/%.c tests/fuzz/host.h | deps
	@mkdir -p $(dir $@)
	$(SAY) "  HOSTCC  $<"
	@$(FUZZ_CC) $(FUZZ_HFLAGS) -MMD -MP -c $< -o $@

# fuzz_NAME: libFuzzer's main; unit_NAME: unit tests and corpus replay.
$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/fuzz_%.o $(FUZZ_CORE_OBJS)
	$(SAY) "  HOSTLD  $@"
	@$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer $^ -o $@

$(FUZZ_DIR)/unit_%: $(FUZZ_DIR)/obj/fuzz_%.o $(FUZZ_DIR)/obj/unit_main.o $(FUZZ_CORE_OBJS)
	$(SAY) "  HOSTLD  $@"
	@$(FUZZ_CC) $(FUZZ_SAN) $^ -o $@

.PRECIOUS: $(FUZZ_DIR)/obj/%.o $(FUZZ_DIR)/obj/lib/%.o $(FUZZ_DIR)/obj/mm/%.o

fuzz-build: $(foreach t,$(FUZZ),$(FUZZ_DIR)/fuzz_$(t) $(FUZZ_DIR)/unit_$(t))

# Does this host's kernel run i386 programs?  Some are built without IA32
# emulation, or refuse it ("Exec format error"); there qemu-i386 runs the
# targets, with two of ASan's habits switched off: LeakSanitizer's exit
# check stops the world with a clone() qemu-user refuses (it would spin
# forever), and the memset/memcpy interceptors reject the fake RAM, which
# ASan takes for a 32-bit kernel's top GB (instrumented loads and stores
# are still checked: host.c maps that shadow).
$(FUZZ_DIR)/i386-probe: | deps
	@mkdir -p $(dir $@)
	@echo 'int main(void) { return 0; }' | $(FUZZ_CC) -x c - -o $@
FUZZ_QEMU	:= ASAN_OPTIONS=detect_leaks=0:replace_intrin=0 qemu-i386

# Unit tests and corpus replay first, then each fuzzer from a copy of its
# corpus.  The seeds are also named one by one (-seed_inputs): under
# qemu-i386 a 32-bit readdir() of an ext4 directory fails (64-bit offsets).
fuzz: deps fuzz-build $(FUZZ_DIR)/i386-probe
	@set -e; run=; \
	if ! $(FUZZ_DIR)/i386-probe 2>/dev/null; then \
		run="$(FUZZ_QEMU)"; \
		echo "  NOTE    this kernel does not run i386 programs: qemu-i386 runs the targets"; \
	fi; \
	for t in $(FUZZ); do \
		env $$run $(FUZZ_DIR)/unit_$$t tests/fuzz/corpus/$$t/*; \
	done; \
	for t in $(FUZZ); do \
		rm -rf $(FUZZ_DIR)/corpus/$$t; mkdir -p $(FUZZ_DIR)/corpus/$$t; \
		cp tests/fuzz/corpus/$$t/* $(FUZZ_DIR)/corpus/$$t/; \
		seeds=$$(ls -d $(FUZZ_DIR)/corpus/$$t/* | paste -sd, -); \
		echo "  FUZZ    $$t ($(FUZZ_SECONDS) s)"; \
		env $$run $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_DIR)/crash-$$t- -max_len=1024 -seed_inputs=$$seeds \
			$(FUZZ_DIR)/corpus/$$t > $(FUZZ_DIR)/$$t.log 2>&1 || \
			{ tail -60 $(FUZZ_DIR)/$$t.log; echo "fuzz: $$t failed (log: $(FUZZ_DIR)/$$t.log)"; exit 1; }; \
		sed -n 's/^stat::number_of_executed_units: */fuzz: '$$t': executions /p' $(FUZZ_DIR)/$$t.log; \
	done

-include $(FUZZ_CORE_OBJS:.o=.d) $(wildcard $(FUZZ_DIR)/obj/*.d)
