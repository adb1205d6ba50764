/*
 * Command-line access to the typography stage (for users and tests):
 * `mapa typo` and `mapa hyphenate`. Both read standard input line by line
 * and write one line per input line.
 */
#ifndef MAPA_CMD_TYPO_H
#define MAPA_CMD_TYPO_H

/* `mapa typo [options]`: normalises each line (typo_text()). Returns the
   exit status: 0, 1 when a line was not UTF-8 (copied), 2 on bad usage. */
int	 cmd_typo(int argc, char **argv);

/* `mapa hyphenate [options]`: one word per line → its break points
   (hyph_show()), or running text → soft hyphens with --text. Exit status
   as cmd_typo(), 3 when --dict cannot be loaded. */
int	 cmd_hyphenate(int argc, char **argv);

#endif
