/*
 * Opening hours as people write them: days of the week ("po-pá", "po, st",
 * "denně"), times ("7:30", "7.30") and whole texts from a spreadsheet cell
 * ("po–pá 7:00–15:30; so 8:00–12:00", "nonstop"). Pure parsing: no
 * catalogue and no messages. What does not fit comes back as an error kind
 * and the byte offset in the input where it starts, so that the caller
 * words the message and places it (columns are characters: utf8_count()
 * over the input up to the offset).
 *
 * Days are a bit mask, bit 0 = pondělí … bit 6 = neděle; times are minutes
 * after midnight, 1440 = 24:00 (allowed only as the end of a range). A
 * range whose end is earlier than its start runs past midnight
 * ("19:00–7:00"); one that ends when it starts is an error.
 */
#ifndef MAPA_HOURS_H
#define MAPA_HOURS_H

#include <stdbool.h>
#include <stddef.h>

enum hours_err {
	HOURS_OK,
	HOURS_E_END,		/* the text ends where more was expected */
	HOURS_E_DAY,		/* not a day where one was expected */
	HOURS_E_DAY_ORDER,	/* a range of days runs backwards ("pá-po") */
	HOURS_E_TIME,		/* not a time ("7" where "7:00" is needed) */
	HOURS_E_TIME_RANGE,	/* hour above 24 or minutes above 59 */
	HOURS_E_START_24,	/* "24:00" as the start of a range */
	HOURS_E_SAME,		/* a range that ends when it starts */
	HOURS_E_UNEXPECTED	/* something that does not belong here */
};

struct hours_error {
	enum hours_err	 kind;
	size_t		 off;	/* byte offset in the input */
};

/*
 * Parses the days of one opening hours item of the native format: short
 * day names "po", "út" (or "ut"), "st", "čt" ("ct"), "pá" ("pa"), "so",
 * "ne" in any case, ranges with a hyphen or a dash ("po-pá", "po – st"),
 * lists with commas ("po, st", "po-st, pá") and "denně". Sets *mask and
 * returns true, or fills *err and returns false.
 */
bool	 hours_days(const char *s, size_t len, unsigned *mask,
	    struct hours_error *err);

/*
 * Parses a time "7:00", "07:30" or "7.30" into *minutes; "24:00" only when
 * end is true (the end of a range). Blanks around it are allowed. Returns
 * false and fills *err when s is anything else.
 */
bool	 hours_time(const char *s, size_t len, bool end, int *minutes,
	    struct hours_error *err);

/*
 * Checks a range from–to (minutes): HOURS_E_TIME_RANGE when a time lies
 * outside 0:00–24:00, HOURS_E_START_24 when it starts at 24:00,
 * HOURS_E_SAME when it ends when it starts, else HOURS_OK (to < from is a
 * range past midnight).
 */
enum hours_err hours_range_check(int from, int to);

/* One range found in a text. */
struct hours_span {
	unsigned	 days;
	int		 from, to;
	size_t		 off;	/* where its part starts in the text */
};

/* A part of a text that is not opening hours; it goes into the note. */
struct hours_rest {
	size_t		 off, len;	/* the part, without blanks around */
	struct hours_error why;		/* first thing that did not fit */
};

struct hours_text {
	bool		 nonstop;	/* a part said "nonstop", "24/7", … */
	struct hours_span *ranges;
	size_t		 nranges;
	struct hours_rest *rest;	/* the parts kept as the note */
	size_t		 nrest;
	char		*note;		/* those parts joined by "; "; or NULL */
};

/*
 * Reads a free text of opening hours, as a spreadsheet cell has it. The text
 * is split into parts at ';', '|' and line ends. A part is "nonstop" (also
 * "non-stop", "24/7", "nepřetržitě"), or groups of days followed by time
 * ranges ("po–čt 7:30–15:00, pá 7:30–13:00"), or anything else, which is
 * kept word for word as the note. Beyond what hours_days() and hours_time()
 * accept, a part may use full day names ("pondělí"), dots ("po."),
 * "pracovní dny", "víkend", "v"/"o" before days, "a" between days or
 * ranges, a colon after the days, whole hours ("8–12"), "od 8 do 12",
 * "h"/"hod" after a time, ranges of days across the week end ("pá-po") and
 * "zavřeno" instead of times. Free *out with hours_text_free().
 */
void	 hours_text(const char *s, size_t len, struct hours_text *out);
void	 hours_text_free(struct hours_text *);

#endif
