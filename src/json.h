/*
 * JSON parser of our own: RFC 8259, strict UTF-8, duplicate keys rejected,
 * nesting depth limited, and a source position (line, column in characters)
 * on every value and key — which no Debian JSON library offers. Two ways in:
 *
 *   json_parse()     the whole text as a tree (native files, katalog.json);
 *   json_reader_*()  a pull reader over a file read in chunks, for the
 *                    ~100 MB registry file: walk the outer structure key by
 *                    key and parse one array element at a time into a scratch
 *                    arena, so memory stays bounded.
 *
 * Syntax errors are reported to diag as "file:line:col: error: ... [json-syntax]".
 */
#ifndef MAPA_JSON_H
#define MAPA_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "tree.h"

struct arena;

#define JSON_MAX_DEPTH	128

/*
 * Parses buf[0..len) (a leading UTF-8 BOM is skipped) into a tree allocated
 * in arena. file is the interned name for positions (diag_file()). Returns
 * NULL after reporting the first syntax error.
 */
struct node	*json_parse(struct arena *, const char *file, const char *buf,
		    size_t len, struct diag *);

struct json_reader;

/* Opens a file for pull reading; NULL (reported) if it cannot be opened. */
struct json_reader *json_reader_open(const char *path, struct diag *);
/* A reader over memory (tests, fuzzing). The buffer must outlive the reader. */
struct json_reader *json_reader_mem(const char *file, const char *buf,
		    size_t len, struct diag *);
void		 json_reader_close(struct json_reader *);

/* The interned file name positions refer to. */
const char	*json_reader_file(const struct json_reader *);

/*
 * The next value must be an object / array: consumes the opening bracket.
 * Returns false (reported) if it is something else.
 */
bool		 json_begin_object(struct json_reader *, struct srcpos *);
bool		 json_begin_array(struct json_reader *, struct srcpos *);
/*
 * Inside an object: reads the next key and the colon. Returns false at the
 * closing brace (consumed) or on error. *key stays valid until the next call.
 */
bool		 json_next_key(struct json_reader *, const char **key,
		    struct srcpos *keypos);
/*
 * Inside an array: returns true when another element follows (the reader is
 * then at its first character), false at the closing bracket (consumed) or
 * on error.
 */
bool		 json_next_item(struct json_reader *);
/* Parses the next value into a tree in arena; NULL on error. */
struct node	*json_read_value(struct json_reader *, struct arena *);
/* Skips the next value without building it. */
bool		 json_skip_value(struct json_reader *);
/* True once a syntax or I/O error was reported: stop reading. */
bool		 json_reader_failed(const struct json_reader *);
/* At end of input after the top value (only whitespace left)? Reports if not. */
bool		 json_reader_end(struct json_reader *);

#endif
