// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/params.c - the kernel command line.
 *
 * Parameters are separated by white space (spaces, tabs, newlines: any
 * isspace() character, as Linux's next_arg()); each is a flag ("poweroff") or a
 * key=value pair ("mem=64M", "ktest=lib,buddy").  A double-quoted value may
 * contain spaces.  Handlers are registered with early_param() or __setup()
 * (include/linux/init.h) and collected by the linker in .init.setup.
 *
 * parse_early_param() runs the early ones (mem=, highmem=, vmalloc=,
 * loglevel=) before memory is set up; parse_args() runs the rest and is
 * the one that reports what nobody claimed.  Every rejected parameter
 * gets exactly one line that names it, and its default stays in force.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <asm/setup.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/*
 * A handler's own explanation of why it refused its value, and whether the
 * value was malformed (param_invalid: "mem=lots") or well formed but not
 * acceptable (param_out_of_range: "mem=4M").
 */
static char reject_reason[384];

/* Handlers may keep pointers into these copies, so they live forever. */
static char early_args[COMMAND_LINE_SIZE];
static char late_args[COMMAND_LINE_SIZE];

/*
 * next_arg - split off the next parameter of @args.
 * Sets *@param and *@val (NULL for a flag); returns the rest of the line.
 */
char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false;
	char *p, *eq = NULL;

	args = skip_spaces(args);
	for (p = args; *p && (in_quote || !isspace(*p)); p++) {
		if (*p == '"')
			in_quote = !in_quote;
		else if (*p == '=' && !eq)
			eq = p;
	}
	if (*p)
		*p++ = '\0';
	*param = args;
	*val = NULL;
	if (eq) {
		*eq = '\0';
		*val = eq + 1;
		if (**val == '"') {	/* strip the quotes of "a b" */
			char *end = strrchr(*val, '"');

			(*val)++;
			if (end && end >= *val)
				*end = '\0';
		}
	}
	return p;
}

/*
 * find_param - the handler for @name, or NULL.  A name may have two
 * handlers, a flag ("slab_debug") and a key ("slab_debug="): the one that
 * fits @has_value wins.  *@takes_value says which one was found.
 */
static const struct obs_kernel_param *find_param(const struct param_table *tab,
						 const char *name, bool has_value,
						 bool *takes_value)
{
	const struct obs_kernel_param *p, *found = NULL;

	for (p = tab->start; p < tab->end; p++) {
		size_t len = strlen(p->str);
		bool value = p->str[len - 1] == '=';

		if (value)
			len--;
		if (strncmp(p->str, name, len) || name[len] != '\0')
			continue;
		if (!found || value == has_value) {
			found = p;
			*takes_value = value;
		}
	}
	return found;
}

/*
 * Run @p's handler; NULL if it took the value, else why it was refused.
 * *@malformed says which line to print: "Malformed" for a value that does
 * not parse, "rejected" for one that parses but is out of range.
 */
static const char *apply_param(const struct obs_kernel_param *p, bool takes_value,
			       char *param, char *val, bool *malformed)
{
	int err;

	*malformed = true;
	if (takes_value && !val)
		return "needs a value";
	if (!takes_value && val)
		return "takes no value";
	reject_reason[0] = '\0';
	err = p->setup_func(val ? val : param);
	if (!err)
		return NULL;
	*malformed = err != -ERANGE;
	if (reject_reason[0])
		return reject_reason;
	switch (err) {
	case -ERANGE:
		return "value out of range";
	case -E2BIG:
		return "value too long";
	default:
		return "invalid value";
	}
}

/**
 * param_invalid - a handler's reason for refusing its value
 * @fmt: the reason, printed in the "Malformed kernel parameter" line
 *
 * Return: -EINVAL, for the handler to return.
 */
int param_invalid(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(reject_reason, sizeof(reject_reason), fmt, args);
	va_end(args);
	return -EINVAL;
}

/**
 * param_out_of_range - a handler's reason for refusing a well-formed value
 * @fmt: the reason ("too small (minimum 8 MB)"), printed in the
 *       "Kernel parameter ... rejected" line
 *
 * Return: -ERANGE, for the handler to return.
 */
int param_out_of_range(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(reject_reason, sizeof(reject_reason), fmt, args);
	va_end(args);
	return -ERANGE;
}

/**
 * param_reject - refuse a parameter that parsed but does not fit this
 * machine (highmem= larger than RAM...), found after parsing
 * @param: the parameter as written, "highmem=4G"
 * @fmt: why
 */
void param_reject(const char *param, const char *fmt, ...)
{
	char why[160];
	va_list args;

	va_start(args, fmt);
	vsnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	pr_warn("Kernel parameter \"%s\" rejected (%s), default kept\n", param, why);
}

/**
 * parse_params - run the handlers in @tab for the parameters in @args
 * @args: the command line; it is cut up in place
 * @tab: the handlers
 * @early: run the early handlers (true) or the others (false); unknown
 *         parameters are reported only when !@early, so once in all
 *
 * Return: the number of parameters rejected (unknown or malformed).
 */
int parse_params(char *args, const struct param_table *tab, bool early)
{
	char *param, *val;
	int rejected = 0;

	while (*(args = skip_spaces(args))) {
		const struct obs_kernel_param *p;
		bool takes_value = false;
		const char *why;
		bool malformed;

		args = next_arg(args, &param, &val);
		p = find_param(tab, param, val != NULL, &takes_value);
		if (!p) {
			/* NAME.PARAM=VALUE: a module's, when it loads (Linux's syntax) */
			if (early || strchr(param, '.'))
				continue;
			pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n",
				param, val ? "=" : "", val ? val : "");
			rejected++;
			continue;
		}
		if (p->early != early)
			continue;
		why = apply_param(p, takes_value, param, val, &malformed);
		if (why && malformed) {
			pr_warn("Malformed kernel parameter \"%s%s%s\" (%s), default kept\n",
				param, val ? "=" : "", val ? val : "", why);
			rejected++;
		} else if (why) {
			pr_warn("Kernel parameter \"%s%s%s\" rejected (%s), default kept\n",
				param, val ? "=" : "", val ? val : "", why);
			rejected++;
		}
	}
	return rejected;
}

static const struct param_table kernel_params = { __setup_start, __setup_end };

void __init parse_early_param(void)
{
	strscpy(early_args, boot_command_line, sizeof(early_args));
	parse_params(early_args, &kernel_params, true);
}

void __init parse_args(void)
{
	strscpy(late_args, boot_command_line, sizeof(late_args));
	parse_params(late_args, &kernel_params, false);
}
