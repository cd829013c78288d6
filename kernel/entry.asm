; kernel/entry.asm - the way into C for exceptions and interrupts.
;
; Every vector gets a tiny stub that makes the stack look the same: an
; error code (the CPU's, or a 0 we push) and the vector number.  The common
; path then saves the segment and general registers, which together make a
; struct pt_regs (include/asm/ptrace.h), and calls
;     void do_entry(struct pt_regs *regs)      (kernel/traps.c)
; Returning undoes it all and IRETs.  The saved EBP keeps the frame-pointer
; chain intact, so a call trace taken in a handler runs straight through
; the interrupted code.
;
; From ring 3 the CPU has first switched to the task's kernel stack (the
; TSS's sp0) and pushed the user's ss and esp; the user's segment
; registers (%gs holds glibc's TLS selector) are saved in pt_regs and come
; back from there, so the kernel never has to know them.
;
; Also here, as in Linux's entry_32.S: entry_INT80_32 (the system call),
; __switch_to_asm (the stack switch between two tasks) and ret_from_fork
; (where a new task starts).

%include "boot.inc"

extern do_entry
extern schedule_tail
global idt_stub_table
global ret_from_exception
global entry_INT80_32
global __switch_to_asm
global ret_from_fork
global ret_from_kernel_thread

%macro STUB_NOERR 1
stub_%1:
	push dword 0
	push dword %1
	jmp common_entry
%endmacro

%macro STUB_ERR 1
stub_%1:
	push dword %1		; the CPU already pushed an error code
	jmp common_entry
%endmacro

section .text
align 16
common_entry:
	push ds
	push es
	push fs
	push gs
	pushad
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	xor eax, eax		; no user selector stays loaded in the kernel: a
	mov fs, ax		; TLS entry emptied meanwhile (exec, a task switch)
	mov gs, ax		; would make the pop in restore_all fault
	cld
; The C code expects the stack 16-byte aligned at each call (the i386 ABI
; gcc and clang assume).  From ring 3 it is, but an exception in the kernel
; (a uaccess fault) comes at whatever esp the interrupted code had, and
; KASAN lays out its stack redzones (mm/kasan) from that assumption: off by
; 4, a valid local reads as a redzone.  So align, keeping the pt_regs
; pointer in ebx (callee-saved: do_entry gives it back).
	mov ebx, esp		; struct pt_regs *
	and esp, -16
	sub esp, 12
	push ebx		; do_entry(regs): the unwinder finds it above the return address
	call do_entry
ret_from_exception:		; the return address the unwinder looks for
	mov esp, ebx
restore_all:			; esp points at a struct pt_regs
	popad
; The program's own selectors come back here, and a program can make one
; of them bad meanwhile: empty the TLS entry its %gs names, or load a TLS
; selector into %ds and then change the descriptor (kernel/tls.c).  Each
; pop that faults gets 0 in its slot and runs again (EX_TYPE_POP_ZERO, as
; Linux's RESTORE_REGS); the program then faults on its own, in ring 3.
.pop_gs:
	pop gs
.pop_fs:
	pop fs
.pop_es:
	pop es
.pop_ds:
	pop ds
	add esp, 8		; vector and error code
.iret:
	iretd

; The iret itself faulted (the program's %ss names a TLS entry it has
; since emptied or made read-only).  The fault's own iret came back here
; with the program's frame still on the stack and all its other registers
; loaded: make that an exception from ring 3, and do_trap() sends SIGILL
; with Linux's "trap iret exception" line (Linux: asm_iret_error).
iret_error:
	push dword 0
	push dword X86_TRAP_IRET
	jmp common_entry

section __ex_table
align 4
	dd restore_all.pop_gs, restore_all.pop_gs, EX_TYPE_POP_ZERO
	dd restore_all.pop_fs, restore_all.pop_fs, EX_TYPE_POP_ZERO
	dd restore_all.pop_es, restore_all.pop_es, EX_TYPE_POP_ZERO
	dd restore_all.pop_ds, restore_all.pop_ds, EX_TYPE_POP_ZERO
	dd restore_all.iret, iret_error, EX_TYPE_DEFAULT
section .text

; int $0x80 from ring 3: the system call number in eax (kept as orig_ax,
; in the error code's slot), the arguments in ebx, ecx, edx, esi, edi, ebp.
; do_int80_syscall_32() puts the result into the saved eax.
entry_INT80_32:
	push eax		; orig_ax
	push dword 0x80
	jmp common_entry

; void *__switch_to_asm(unsigned long *prev_sp, unsigned long next_sp,
;                       void *prev)
; Save the callee-saved registers on the current kernel stack, store the
; stack pointer in *prev_sp, continue on next_sp's stack, and return there
; (into the next task's own call of __switch_to_asm, or into
; ret_from_fork for a task that never ran) with prev in eax.
__switch_to_asm:
	mov eax, [esp + 4]
	mov edx, [esp + 8]
	mov ecx, [esp + 12]
	push ebp
	push ebx
	push esi
	push edi
	mov [eax], esp
	mov esp, edx
	mov eax, ecx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

; A new task's first instructions: finish the switch (schedule_tail), then
; leave for ring 3 through the pt_regs that copy_thread() built at the top
; of its kernel stack.
ret_from_fork:
	push eax		; the task we switched away from
	call schedule_tail
	add esp, 4
	cli			; iret turns them on again from the saved EFLAGS
	jmp restore_all

; A task the kernel started (kernel_run_program): finish the switch, call
; fn(arg) (ebx, edi from the switch frame), which exec's a program and so
; fills the pt_regs at the top of the stack; then leave for ring 3.
ret_from_kernel_thread:
	push eax
	call schedule_tail
	add esp, 4
	push edi
	call ebx
	add esp, 4
	cli
	jmp restore_all

; Exceptions 0-31.  Those with a CPU error code: 8, 10-14, 17, 21, 29, 30.
%assign v 0
%rep 32
%if v = 8 || (v >= 10 && v <= 14) || v = 17 || v = 21 || v = 29 || v = 30
	STUB_ERR v
%else
	STUB_NOERR v
%endif
%assign v v + 1
%endrep

; Hardware interrupts: the two 8259 PICs, remapped to vectors 32-47.
%rep 16
	STUB_NOERR v
%assign v v + 1
%endrep

section .rodata
align 4
idt_stub_table:
%assign v 0
%rep 48
	dd stub_ %+ v
%assign v v + 1
%endrep
