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

%include "boot.inc"

extern do_entry
global idt_stub_table
global ret_from_exception

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
	cld
	push esp		; struct pt_regs *
	call do_entry
ret_from_exception:		; the return address the unwinder looks for
	add esp, 4
	popad
	pop gs
	pop fs
	pop es
	pop ds
	add esp, 8		; vector and error code
	iretd

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
