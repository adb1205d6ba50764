/*
 * JSON parser of our own: RFC 8259, strict UTF-8, duplicate keys reported,
 * nesting depth limited, and a source position (line, column in characters)
 * on every value and key — which no Debian JSON library offers. Two ways in:
 *
 *   json_parse()     the whole text as a tree (native files, katalog.json);
 *   json_reader_*()  a pull reader over a file read in chunks, for the
 *                    ~100 MB registry file: walk the outer structure key by
 *                    key and parse one array element at a time into a scratch
 *                    arena, so memory stays bounded.
 *
 * Syntax errors are reported to diag as
 * "file:line:col: error: ... [json-syntax]" (D_BAD_UTF8 for text that is
 * not UTF-8, with a hint when it looks like windows-1250; D_TOO_DEEP past
 * JSON_MAX_DEPTH). The first such error ends the parse. Line and column are
 * 1-based; columns count characters, and a leading UTF-8 byte-order mark is
 * skipped (the next character is 1:1).
 *
 * A key that appears twice in one object is reported as D_DUPLICATE_KEY (an
 * error that does not end the parse): the FIRST value is kept and the later
 * one is checked for syntax but dropped. Values skipped with
 * json_skip_value() are checked for syntax only (no duplicate check).
 * Keys may not contain \u0000 (reported as a syntax error), so that they
 * compare as C strings; string values may (node->len counts the bytes).
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
 * in arena. file is the name for positions (interned with diag_file()).
 * Returns NULL after reporting the first syntax error, including anything
 * but whitespace after the top value.
 */
struct node	*json_parse(struct arena *, const char *file, const char *buf,
		    size_t len, struct diag *);

struct json_reader;

/*
 * Opens a file for pull reading (64 KiB at a time); NULL (reported) if it
 * cannot be opened.
 */
struct json_reader *json_reader_open(const char *path, struct diag *);
/*
 * A reader over memory (tests, fuzzing). The buffer must outlive the reader.
 * Both kinds are freed with json_reader_close().
 */
struct json_reader *json_reader_mem(const char *file, const char *buf,
		    size_t len, struct diag *);
void		 json_reader_close(struct json_reader *);

/*
 * For tests and fuzzing: makes the reader see its input at most n bytes at
 * a time (files read 64 KiB at a time; memory is otherwise one window), so
 * that chunk boundaries fall inside strings, escapes and UTF-8 sequences.
 * Only effective before the first read.
 */
void		 json_reader_set_window(struct json_reader *, size_t n);

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
 * A key seen before in the same object is reported and its value skipped:
 * the caller only ever sees the first.
 */
bool		 json_next_key(struct json_reader *, const char **key,
		    struct srcpos *keypos);
/*
 * Inside an array: returns true when another element follows (the reader is
 * then at its first character), false at the closing bracket (consumed) or
 * on error.
 */
bool		 json_next_item(struct json_reader *);
/*
 * Parses the next value into a tree in arena (the caller may reset the arena
 * after each item: the reader keeps no pointer into it); NULL on error.
 */
struct node	*json_read_value(struct json_reader *, struct arena *);
/* Skips the next value without building it. */
bool		 json_skip_value(struct json_reader *);
/* True once a syntax or I/O error was reported: stop reading. */
bool		 json_reader_failed(const struct json_reader *);
/* Only whitespace left after the top value? Reports if not. */
bool		 json_reader_end(struct json_reader *);

#endif
