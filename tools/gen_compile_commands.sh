#!/bin/sh
# gen_compile_commands.sh DIR OBJDIR "CC CFLAGS" FILE... [-- OBJDIR "CC CFLAGS" FILE...]...
# - print compile_commands.json for clangd: one entry per C file, compiled
# from DIR.  Each group has its own flags and object directory: the
# kernel's files keep their paths under theirs (build/obj/mm/slab.o); a
# module's files go straight into its own (build/modules/NAME/file.o).
dir=$1
shift
printf '['
sep=''
first=1
while [ $# -ge 2 ]; do
	objdir=$1
	cmd=$(printf '%s' "$2" | sed 's/\\/\\\\/g; s/"/\\"/g')
	shift 2
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		f=$1
		shift
		if [ $first = 1 ]; then
			o="$objdir/${f%.c}.o"
		else
			o="$objdir/$(basename "$f" .c).o"
		fi
		printf '%s\n  {\n    "directory": "%s",\n    "command": "%s -c %s -o %s",\n    "file": "%s"\n  }' \
			"$sep" "$dir" "$cmd" "$f" "$o" "$f"
		sep=','
	done
	[ $# -gt 0 ] && shift	# the --
	first=0
done
printf '\n]\n'
