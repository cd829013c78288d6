; boot/head.asm - from the boot loader's flat physical world into C at 3 GB.
;
; A multiboot loader jumps here with paging off, EAX = 0x2BADB002 and
; EBX = the physical address of the multiboot information.  The kernel is
; linked at 0xC0100000 but sits at physical 0x100000, so until paging is on
; every address we touch must be translated by hand: PHYS(x) = x - 3 GB.
;
; The boot page tables map the first EARLY_MAP_MB of RAM twice:
;   virtual 0x00000000... -> physical 0   (identity: the code we run now)
;   virtual 0xC0000000... -> physical 0   (the higher half: the 3G/1G split)
; Once EIP is in the higher half the identity half is removed, so that a
; NULL pointer or any user-space address faults from then on.  Later,
; paging_init() (mm/init.c) maps the rest of lowmem the same way.

%include "boot.inc"

%define PHYS(x)	((x) - PAGE_OFFSET)
%define PDE_INDEX(v)	((v) >> 22)
%define PTE_PRESENT_RW	0x003
%define CR0_PG		0x80000000
%define CR0_WP		0x00010000

extern start_kernel
extern __bss_start, __bss_stop
extern swapper_pg_dir		; mm/init.c: the kernel page directory

global _start
global early_pgtables, init_stack, init_stack_top
global boot_magic, boot_mbi_phys, boot_tsc

section .head.text progbits alloc exec nowrite align=16
_start:
	cli
	cld
	mov esi, eax			; keep the loader's magic
	rdtsc				; instruction count at entry (for bench)
	mov [PHYS(boot_tsc)], eax
	mov [PHYS(boot_tsc) + 4], edx
	mov [PHYS(boot_magic)], esi
	mov [PHYS(boot_mbi_phys)], ebx

	; Zero .bss: the page tables and the stack live there.
	mov edi, PHYS(__bss_start)
	mov ecx, PHYS(__bss_stop)
	sub ecx, edi
	shr ecx, 2
	xor eax, eax
	rep stosd

	; One PTE per 4 KB page of the first EARLY_MAP_MB.
	mov edi, PHYS(early_pgtables)
	mov eax, PTE_PRESENT_RW
	mov ecx, EARLY_PGTABLES * 1024
.fill_pte:
	stosd
	add eax, PAGE_SIZE
	loop .fill_pte

	; Hook the tables into the page directory, low and high.
	mov edi, PHYS(swapper_pg_dir)
	mov eax, PHYS(early_pgtables) + PTE_PRESENT_RW
	xor edx, edx
.fill_pde:
	mov [edi + edx * 4], eax
	mov [edi + edx * 4 + PDE_INDEX(PAGE_OFFSET) * 4], eax
	add eax, PAGE_SIZE
	inc edx
	cmp edx, EARLY_PGTABLES
	jne .fill_pde

%ifdef CONFIG_KASAN
	; KASAN: all 128 MB of shadow read as one page of zeros until
	; kasan_init() (mm/kasan/shadow.c) gives lowmem's shadow real pages.
	mov edi, PHYS(kasan_early_shadow_pte)
	mov eax, PHYS(kasan_early_shadow_page) + PTE_PRESENT_RW
	mov ecx, 1024
	rep stosd
	mov edi, PHYS(swapper_pg_dir) + PDE_INDEX(KASAN_SHADOW_START) * 4
	mov eax, PHYS(kasan_early_shadow_pte) + PTE_PRESENT_RW
	mov ecx, (KASAN_SHADOW_END - KASAN_SHADOW_START) >> 22
	rep stosd
%endif

	mov eax, PHYS(swapper_pg_dir)
	mov cr3, eax
	mov eax, cr0
	or eax, CR0_PG | CR0_WP
	mov cr0, eax

	; An absolute jump: a relative one would stay in the identity half.
	mov eax, higher_half
	jmp eax

section .text
higher_half:
	; Drop the identity mapping; from now on only 3G..4G is kernel space.
	mov edi, swapper_pg_dir
	mov ecx, EARLY_PGTABLES
	xor eax, eax
	rep stosd
	mov eax, cr3
	mov cr3, eax

	mov esp, init_stack_top
	xor ebp, ebp			; the call trace stops at a zero frame
	call start_kernel
.hang:					; start_kernel never returns
	cli
	hlt
	jmp .hang

section .data
align 8
boot_tsc:	dq 0
boot_magic:	dd 0
boot_mbi_phys:	dd 0

section .bss.page_aligned nobits alloc noexec write align=16384
early_pgtables:	resb EARLY_PGTABLES * PAGE_SIZE
%ifdef CONFIG_KASAN
global kasan_early_shadow_page
kasan_early_shadow_page:	resb PAGE_SIZE
kasan_early_shadow_pte:	resb PAGE_SIZE
%endif
alignb 16384
init_stack:	resb THREAD_SIZE
init_stack_top:
