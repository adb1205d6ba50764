/*
 * Safe output files (see outfile.h). The temporary file is named
 * ".NAME.XXXXXX" in the target's folder; a signal handler removes it when
 * the run is interrupted, so that not even an interrupted run leaves one.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"
#include "util.h"

/*
 * The temporary file being written, and scratch files of the writers
 * (outfile_scratch), for the signal handler.
 */
static char *volatile pending;
static const char *volatile scratch[4];

static void
on_signal(int sig)
{
	char		*p = pending;
	size_t		 i;

	if (p != NULL)
		unlink(p);
	for (i = 0; i < NELEM(scratch); i++)
		if (scratch[i] != NULL)
			unlink(scratch[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
install(void)
{
	static bool	 installed;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	size_t		 i;

	if (installed)
		return;
	installed = true;
	for (i = 0; i < NELEM(sigs); i++)
		if (signal(sigs[i], on_signal) == SIG_IGN)
			signal(sigs[i], SIG_IGN);	/* keep nohup's choice */
}

static void
watch(char *tmp)
{
	pending = tmp;
	if (tmp != NULL)
		install();
}

void
outfile_scratch(const char *path, bool on)
{
	size_t	 i;

	for (i = 0; i < NELEM(scratch); i++)
		if (on ? scratch[i] == NULL : scratch[i] == path) {
			scratch[i] = on ? path : NULL;
			break;
		}
	if (on)
		install();
}

char *
outfile_scratch_new(const char *suffix, const char *what, struct diag *d)
{
	const char	*dir = getenv("TMPDIR");
	struct buf	 b = { 0 };
	char		*path;
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	buf_printf(&b, "%s/mapa-XXXXXX%s", dir, suffix);
	path = buf_steal(&b);
	if ((fd = mkstemps(path, (int)strlen(suffix))) == -1) {
		diag(d, D_IO, NULL, "cannot make a temporary file in %s for "
		    "%s: %s", dir, what, strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	outfile_scratch(path, true);
	return path;
}

void
outfile_scratch_drop(char *path)
{
	if (path == NULL)
		return;
	unlink(path);
	outfile_scratch(path, false);
	free(path);
}

static void
release(struct outfile *of)
{
	watch(NULL);
	free(of->path);
	free(of->final);
	if (of->tmp != of->final)
		free(of->tmp);
	memset(of, 0, sizeof *of);
}

/* The folder part of a path ("." for a bare name). Caller frees. */
static char *
folder_of(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Creates the target's folder when missing; its parent must exist. */
static bool
make_folder(struct outfile *of, const char *dir, const struct srcpos *pos,
    struct diag *d)
{
	struct stat	 st;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return true;
		diag(d, D_IO, pos, "cannot write %s: %s is not a folder",
		    of->path, dir);
		return false;
	}
	if (errno == ENOENT && mkdir(dir, 0777) == 0) {
		of->made_dir = true;
		return true;
	}
	if (errno == ENOENT)
		diag(d, D_IO, pos, "cannot write %s: the folder %s cannot be "
		    "created because the folder above it does not exist",
		    of->path, dir);
	else
		diag(d, D_IO, pos, "cannot write %s: cannot create the "
		    "folder %s: %s", of->path, dir, strerror(errno));
	return false;
}

bool
outfile_begin(struct outfile *of, const char *path, const struct srcpos *pos,
    struct diag *d)
{
	struct stat	 st;
	char		*dir, *real;
	const char	*base;
	const char	*slash;
	mode_t		 mask;
	int		 fd;

	memset(of, 0, sizeof *of);
	of->path = xstrdup(path);
	if (path[0] == '\0' || path[strlen(path) - 1] == '/') {
		diag(d, D_IO, pos, "cannot write %s: the name of the file is "
		    "missing", dq(d, path));
		release(of);
		return false;
	}
	of->final = xstrdup(path);
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)) != NULL) {
		free(of->final);
		of->final = real;
	}
	if (stat(of->final, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			diag(d, D_IO, pos, "cannot write %s: it is a folder",
			    path);
			release(of);
			return false;
		}
		if (!S_ISREG(st.st_mode)) {
			of->direct = true;
			of->tmp = of->final;
			return true;
		}
	}
	dir = folder_of(of->final);
	if (!make_folder(of, dir, pos, d)) {
		free(dir);
		release(of);
		return false;
	}
	slash = strrchr(of->final, '/');
	base = slash != NULL ? slash + 1 : of->final;
	of->tmp = xmalloc(strlen(dir) + strlen(base) + 10);
	sprintf(of->tmp, "%s/.%s.XXXXXX", dir, base);
	free(dir);
	if ((fd = mkstemp(of->tmp)) < 0) {
		diag(d, D_IO, pos, "cannot write %s: cannot create a file "
		    "in its folder: %s", path, strerror(errno));
		free(of->tmp);
		of->tmp = NULL;
		outfile_abort(of);
		return false;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0) {
		diag(d, D_IO, pos, "cannot write %s: %s", path,
		    strerror(errno));
		outfile_abort(of);
		return false;
	}
	watch(of->tmp);
	return true;
}

bool
outfile_commit(struct outfile *of, const struct srcpos *pos, struct diag *d)
{
	int	 fd, err = 0;

	if (of->direct) {
		release(of);
		return true;
	}
	if ((fd = open(of->tmp, O_RDONLY)) < 0 || fsync(fd) != 0)
		err = errno;
	if (fd >= 0)
		close(fd);
	if (err == 0 && rename(of->tmp, of->final) != 0)
		err = errno;
	if (err != 0) {
		diag(d, D_IO, pos, "cannot write %s: %s; the previous file, "
		    "if any, is unchanged", of->path, strerror(err));
		outfile_abort(of);
		return false;
	}
	release(of);
	return true;
}

void
outfile_abort(struct outfile *of)
{
	char	*dir;

	if (of->tmp != NULL && !of->direct)
		unlink(of->tmp);
	if (of->made_dir && of->final != NULL) {
		dir = folder_of(of->final);
		rmdir(dir);	/* only if still empty */
		free(dir);
	}
	release(of);
}
