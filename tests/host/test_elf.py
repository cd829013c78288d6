"""elf_check_header() (lib/elf.c, tests/kernel/elf_test.c): the one check of
"is this a sane i386 ELF file" that the module loader and the program
loader share.  The module loader's side is tested with corrupted .ko files
(test_modules.py); the suite tests the program side: executables accepted,
and each broken field of the header and the program header table refused
with its reason."""

ELF_CASES = ["executables_are_accepted", "identity_is_checked", "type_is_the_loaders",
             "program_headers_are_checked", "section_headers_are_checked"]


def test_elf_suite(run_ktest):
    r = run_ktest("elf")
    suite = r.ktap.suite("elf")
    assert [c.name for c in suite.cases] == ELF_CASES
    assert all(c.ok and not c.skip for c in suite.cases)
