// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/unit_main.c - a harness without libFuzzer: its unit tests,
 * then every file named on the command line (a corpus) replayed through
 * LLVMFuzzerTestOneInput.  make fuzz runs these first; they are plain
 * ASan/UBSan programs, so a failure is a report and a non-zero status:
 */
// build/fuzz/unit_buddy tests/fuzz/corpus/buddy/*
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <stddef.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int harness_unit_tests(void);

int main(int argc, char **argv)
{
	static uint8_t buf[1 << 20];
	int i, replayed = 0;

	if (harness_unit_tests()) {
		fprintf(stderr, "%s: unit tests failed\n", argv[0]);
		return 1;
	}
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		size_t n;

		if (!f) {
			perror(argv[i]);
			return 1;
		}
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
		replayed++;
	}
	printf("%s: unit tests passed, %d corpus inputs replayed\n", argv[0], replayed);
	return 0;
}
