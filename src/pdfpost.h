/*
 * The accessibility post-processor of the reader PDF (issue 5): adds what
 * Cairo 1.16 cannot write (ECOSYSTEM.md §1.9, §1.11), in one streaming
 * pass over Cairo's file (pdfobj.c reads it):
 *  - the catalog's /Lang, /ViewerPreferences << /DisplayDocTitle true >>
 *    and /MarkInfo << /Marked true >>;
 *  - an XMP /Metadata stream made from the document information (title,
 *    author, subject, keywords, creator, producer, dates) with the PDF/UA
 *    identification (pdfuaid:part 1); the information's dates are
 *    rewritten in the standard form "D:YYYYMMDDHHmmSSZ";
 *  - /Tabs /S on every page;
 *  - /Alt on every Figure and /Contents on every Link annotation, from the
 *    lists pdf.c collected while drawing (struct pdf_tags);
 *  - artifacts: every "Private" element pdf.c drew decoration in is
 *    removed from the structure tree, its marked content in the page
 *    becomes "/Artifact BMC ... EMC" and its parent-tree entry null;
 *  - a deterministic /ID and object streams (a smaller file: the
 *    structure elements are most of Cairo's bytes).
 * Deterministic: the same input gives the same bytes. Only files as Cairo
 * writes them are read (a classic cross-reference table).
 */
#ifndef MAPA_PDFPOST_H
#define MAPA_PDFPOST_H

#include <stdbool.h>

#include "diag.h"
#include "page.h"
#include "pdf.h"

struct pdfpost_opts {
	const char	*lang;		/* "cs-CZ"; NULL or "": none set */
	/*
	 * The Figure and Link texts pdf_write_tagged() collected. NULL: a
	 * Figure without /Alt gets "obrázek" and a link without /Contents
	 * its URI (for files not written by pdf.c). When given, the
	 * numbers of Figures and Links must match the lists, or the file
	 * is rejected (the texts would be misplaced); so must there be no
	 * more Private elements than pdf.c drew.
	 */
	const struct pdf_tags *tags;
};

/*
 * Reads the PDF in, writes the finished one to out (which may be in). The
 * result goes to a temporary file next to out that replaces it when
 * complete; an out that is not a regular file (a device) is written in
 * place. Returns false after reporting D_IO (unreadable or damaged input,
 * a file not of Cairo's kind, lists that do not match the structure, a
 * failed write); out is then unchanged (a device: incomplete) and the
 * caller removes it. Memory: the input is mapped, not copied; a few bytes
 * per object and one object stream are held.
 */
bool		 pdfpost_file(const char *in, const char *out,
		    const struct pdfpost_opts *, struct diag *);

/*
 * The reader PDF of the pages, finished: pdf_write_tagged() then
 * pdfpost_file() with the document's language, rewriting path in place
 * (the caller's temporary file, see outfile.h). A path that is not a
 * regular file (a device, a FIFO) is written through a temporary file in
 * $TMPDIR or /tmp. Returns false after reporting D_IO; the caller then
 * removes path.
 */
bool		 pdfpost_write(const struct pg_doc *, const char *path,
		    struct diag *);

/*
 * pdfpost_write() in two halves, so that the caller can free the pages
 * (and everything they were set from) before the file is finished, which
 * then needs only a few bytes per object: pdfpost_draw() draws the pages
 * into path (a regular file) or, for a device, into a scratch file, and
 * keeps what the second half needs in *s; pdfpost_finish() finishes it
 * into path and frees *s. Both return false after reporting D_IO; after
 * a failed pdfpost_draw() there is nothing to finish (*s is freed).
 */
struct pdfpost_scratch {
	char		*file;		/* what pdfpost_draw() wrote */
	bool		 own;		/* file is a scratch file, removed */
	char		*lang;
	struct pdf_tags	 tags;
};

bool		 pdfpost_draw(const struct pg_doc *, const char *path,
		    struct pdfpost_scratch *, struct diag *);
bool		 pdfpost_finish(struct pdfpost_scratch *, const char *path,
		    struct diag *);

/*
 * Rewrites the marked content of one content stream: every
 * "/Private <<...>> BDC" becomes "/Artifact BMC" (the matching EMC
 * stays). Returns the new stream (malloc'd, *outlen bytes) and puts the
 * MCIDs of the sequences changed into *mcids (malloc'd, *nmcids of them;
 * -1 for one without an MCID). Strings, comments and inline images are
 * skipped as the PDF syntax says. Exposed for the unit tests.
 */
unsigned char	*pdfpost_artifacts(const unsigned char *data, size_t len,
		    size_t *outlen, long **mcids, size_t *nmcids);

#endif
