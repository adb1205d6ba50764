/*
 * Writing an output file so that a failed run never leaves a partial file
 * and never destroys a previous good one: the content goes to a temporary
 * file next to the target (same folder, so the final rename is atomic),
 * and replaces the target only when complete.
 *
 * The target's own folder is created when it is missing (vystup/ next to
 * the edition file); its parent must exist, so that a mistyped path fails
 * loudly instead of growing a tree of folders. A target that exists and is
 * not a regular file (a device such as /dev/null, a FIFO) is written in
 * place: renaming over it would replace the device. A symbolic link is
 * followed, so that the file it points to is replaced, not the link.
 */
#ifndef MAPA_OUTFILE_H
#define MAPA_OUTFILE_H

#include <stdbool.h>

#include "diag.h"

struct outfile {
	char	*path;		/* the target as given (for messages) */
	char	*final;		/* what the temporary file replaces */
	char	*tmp;		/* the file to write; == final when direct */
	bool	 direct;	/* a device or FIFO, written in place */
	bool	 made_dir;	/* the target's folder was created */
};

/*
 * Prepares to write path: creates the folder if needed and an empty
 * temporary file (mode 0666 less the umask) that the writer then opens by
 * name (of->tmp). Returns false after reporting D_IO at pos (the place
 * that named the path; may be NULL), with nothing left behind.
 */
bool	outfile_begin(struct outfile *of, const char *path,
	    const struct srcpos *pos, struct diag *d);

/*
 * Makes the written temporary file the target (flushes it to disk, then
 * renames it). Returns false after reporting D_IO; the temporary file is
 * then removed and the previous target is untouched. Frees of either way.
 */
bool	outfile_commit(struct outfile *of, const struct srcpos *pos,
	    struct diag *d);

/* Gives up: removes the temporary file and frees of. */
void	outfile_abort(struct outfile *of);

/*
 * Registers (on) or forgets a writer's own scratch file, which an
 * interrupted run then removes as well (up to four at a time; the path
 * must stay valid while registered).
 */
void	outfile_scratch(const char *path, bool on);

/*
 * A new empty scratch file "mapa-XXXXXX<suffix>" in $TMPDIR (or /tmp),
 * registered with outfile_scratch(). Returns its malloc'd path, or NULL
 * after reporting D_IO ("cannot make a temporary file in DIR for WHAT").
 * outfile_scratch_drop() removes, forgets and frees it.
 */
char	*outfile_scratch_new(const char *suffix, const char *what,
	    struct diag *d);
void	 outfile_scratch_drop(char *path);

#endif
