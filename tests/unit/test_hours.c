/*
 * Unit tests of the opening hours parser (src/hours.c): days, times, range
 * checks and free text, with the error kinds and offsets callers report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "hours.h"
#include "util.h"

/* The mask of s, or -1 when it is refused. */
static long
days(const char *s)
{
	struct hours_error	 e;
	unsigned		 m;

	return hours_days(s, strlen(s), &m, &e) ? (long)m : -1;
}

/* The kind of error for s, and its offset in characters in *col. */
static int
days_err(const char *s, size_t *col)
{
	struct hours_error	 e;
	unsigned		 m;

	if (hours_days(s, strlen(s), &m, &e))
		return HOURS_OK;
	*col = utf8_count(s, e.off);
	return (int)e.kind;
}

static long
tm(const char *s, bool end)
{
	struct hours_error	 e;
	int			 m;

	return hours_time(s, strlen(s), end, &m, &e) ? m : -1;
}

static int
tm_err(const char *s, bool end, size_t *off)
{
	struct hours_error	 e;
	int			 m;

	if (hours_time(s, strlen(s), end, &m, &e))
		return HOURS_OK;
	*off = e.off;
	return (int)e.kind;
}

static void
test_days(void)
{
	size_t	 col = 99;

	INT_EQ(days("po"), 0x01, "po");
	INT_EQ(days("út"), 0x02, "út");
	INT_EQ(days("ut"), 0x02, "ut");
	INT_EQ(days("Út"), 0x02, "Út");
	INT_EQ(days("st"), 0x04, "st");
	INT_EQ(days("čt"), 0x08, "čt");
	INT_EQ(days("Ct"), 0x08, "Ct");
	INT_EQ(days("pá"), 0x10, "pá");
	INT_EQ(days("pa"), 0x10, "pa");
	INT_EQ(days("so"), 0x20, "so");
	INT_EQ(days("Ne"), 0x40, "Ne");
	INT_EQ(days("PO-PÁ"), 0x1f, "capitals");
	INT_EQ(days("po-pá"), 0x1f, "hyphen");
	INT_EQ(days("po–pá"), 0x1f, "en dash");
	INT_EQ(days("po – čt"), 0x0f, "spaces around the dash");
	INT_EQ(days("po, st"), 0x05, "list");
	INT_EQ(days("po-st, pá"), 0x17, "range and day");
	INT_EQ(days(" pa , ct "), 0x18, "blanks");
	INT_EQ(days("so-so"), 0x20, "one-day range");
	INT_EQ(days("denně"), 0x7f, "denně");
	INT_EQ(days("denne"), 0x7f, "denne");
	INT_EQ(days("Denně"), 0x7f, "Denně");

	INT_EQ(days_err("pondělí", &col), HOURS_E_DAY, "full name: strict");
	INT_EQ(col, 0, "at the word");
	INT_EQ(days_err("pá-po", &col), HOURS_E_DAY_ORDER, "backwards");
	INT_EQ(col, 3, "at the second day (characters)");
	INT_EQ(days_err("po-pa 7-15", &col), HOURS_E_UNEXPECTED, "times");
	INT_EQ(col, 6, "at the time");
	INT_EQ(days_err("po,", &col), HOURS_E_END, "trailing comma");
	INT_EQ(col, 3, "at the end");
	INT_EQ(days_err("po-", &col), HOURS_E_END, "open range");
	INT_EQ(days_err("", &col), HOURS_E_END, "empty");
	INT_EQ(days_err("čt-xx", &col), HOURS_E_DAY, "no day after dash");
	INT_EQ(col, 3, "at xx");
	INT_EQ(days_err("po.", &col), HOURS_E_UNEXPECTED, "dot: strict");
	INT_EQ(days_err("po a út", &col), HOURS_E_UNEXPECTED, "a: strict");
	INT_EQ(days_err("víkend", &col), HOURS_E_DAY, "víkend: strict");
	INT_EQ(days_err("pox", &col), HOURS_E_DAY, "a longer word");
}

static void
test_time(void)
{
	size_t	 off = 99;

	INT_EQ(tm("7:00", false), 420, "7:00");
	INT_EQ(tm("07:30", false), 450, "07:30");
	INT_EQ(tm("7.30", false), 450, "7.30");
	INT_EQ(tm("0:00", false), 0, "midnight");
	INT_EQ(tm(" 07:05 ", false), 425, "blanks");
	INT_EQ(tm("23:59", true), 1439, "23:59");
	INT_EQ(tm("24:00", true), 1440, "24:00 as end");
	INT_EQ(tm_err("24:00", false, &off), HOURS_E_START_24, "24:00 start");
	INT_EQ(tm_err("7", false, &off), HOURS_E_TIME, "no minutes");
	INT_EQ(off, 0, "at the time");
	INT_EQ(tm_err("7:5", true, &off), HOURS_E_TIME, "one digit");
	INT_EQ(tm_err("123:00", true, &off), HOURS_E_TIME, "three digits");
	INT_EQ(tm_err("25:00", true, &off), HOURS_E_TIME_RANGE, "25:00");
	INT_EQ(tm_err("15:60", true, &off), HOURS_E_TIME_RANGE, "15:60");
	INT_EQ(tm_err("24:30", true, &off), HOURS_E_TIME_RANGE, "24:30");
	INT_EQ(tm_err("7:00x", true, &off), HOURS_E_UNEXPECTED, "trailing");
	INT_EQ(off, 4, "at x");
	INT_EQ(tm_err("7:000", true, &off), HOURS_E_TIME, "three minutes");
	INT_EQ(tm_err("", true, &off), HOURS_E_END, "empty");
	INT_EQ(tm_err("od", true, &off), HOURS_E_TIME, "a word");
}

static void
test_range_check(void)
{
	INT_EQ(hours_range_check(420, 930), HOURS_OK, "day range");
	INT_EQ(hours_range_check(1140, 420), HOURS_OK, "past midnight");
	INT_EQ(hours_range_check(0, 1440), HOURS_OK, "whole day");
	INT_EQ(hours_range_check(480, 480), HOURS_E_SAME, "empty");
	INT_EQ(hours_range_check(1440, 60), HOURS_E_START_24, "from 24:00");
	INT_EQ(hours_range_check(-1, 60), HOURS_E_TIME_RANGE, "negative");
	INT_EQ(hours_range_check(60, 1441), HOURS_E_TIME_RANGE, "after 24:00");
}

/* Parses s; the caller frees t. */
static void
text(const char *s, struct hours_text *t)
{
	hours_text(s, strlen(s), t);
}

static void
test_text(void)
{
	struct hours_text	 t;
	const char		*s;

	text("po–pá 7:00–15:30; so 8:00–12:00", &t);
	INT_EQ(t.nranges, 2, "two parts");
	if (t.nranges == 2) {
		INT_EQ(t.ranges[0].days, 0x1f, "po–pá");
		INT_EQ(t.ranges[0].from, 420, "from");
		INT_EQ(t.ranges[0].to, 930, "to");
		INT_EQ(t.ranges[0].off, 0, "first part");
		INT_EQ(t.ranges[1].days, 0x20, "so");
		INT_EQ(t.ranges[1].off, 23, "second part (bytes)");
	}
	OK(!t.nonstop && t.note == NULL && t.nrest == 0, "nothing else");
	hours_text_free(&t);

	text("Po, St: 8.00 - 12.00, 13.00 - 16.00\nčt 9-11 hod", &t);
	INT_EQ(t.nranges, 3, "two ranges, then a line");
	if (t.nranges == 3) {
		INT_EQ(t.ranges[0].days, 0x05, "po, st");
		INT_EQ(t.ranges[1].from, 780, "13.00");
		INT_EQ(t.ranges[2].days, 0x08, "čt");
		INT_EQ(t.ranges[2].to, 660, "whole hours, hod");
	}
	hours_text_free(&t);

	text("po–čt 7:30–15:00, pá 7:30–13:00; jinak po domluvě", &t);
	INT_EQ(t.nranges, 2, "two day groups");
	STR_EQ(t.note, "jinak po domluvě", "the rest is the note");
	INT_EQ(t.nrest, 1, "one part left");
	if (t.nrest == 1) {
		INT_EQ(t.rest[0].why.kind, HOURS_E_DAY, "jinak is no day");
		INT_EQ(t.rest[0].why.off, t.rest[0].off, "at its start");
	}
	hours_text_free(&t);

	text("pracovní dny 7–15 | víkend 9–12; so zavřeno", &t);
	INT_EQ(t.nranges, 2, "day words");
	if (t.nranges == 2) {
		INT_EQ(t.ranges[0].days, 0x1f, "pracovní dny");
		INT_EQ(t.ranges[1].days, 0x60, "víkend");
	}
	OK(t.note == NULL, "zavřeno read");
	hours_text_free(&t);

	text("v pondělí a o víkendu od 6 do 22 h, 23-24", &t);
	INT_EQ(t.nranges, 2, "v, o, a, od … do");
	if (t.nranges == 2) {
		INT_EQ(t.ranges[0].days, 0x61, "po + so, ne");
		INT_EQ(t.ranges[0].to, 1320, "22");
		INT_EQ(t.ranges[1].to, 1440, "24 as an end");
	}
	hours_text_free(&t);

	text("denně 6–22, pá.–po. 8-9", &t);
	INT_EQ(t.nranges, 2, "dots, wrap");
	if (t.nranges == 2)
		INT_EQ(t.ranges[1].days, 0x71, "pá-po runs over the week end");
	hours_text_free(&t);

	text("pá 22:00–6:00", &t);
	INT_EQ(t.nranges, 1, "past midnight is a range");
	if (t.nranges == 1) {
		INT_EQ(t.ranges[0].from, 1320, "from 22:00");
		INT_EQ(t.ranges[0].to, 360, "to 6:00");
	}
	OK(t.note == NULL, "no note");
	hours_text_free(&t);

	s = "po 8:00–8:00; út 24:00–6:00; st 25-26";
	text(s, &t);
	INT_EQ(t.nranges, 0, "no ranges");
	STR_EQ(t.note, s, "every part kept");
	INT_EQ(t.nrest, 3, "three parts");
	if (t.nrest == 3) {
		INT_EQ(t.rest[0].why.kind, HOURS_E_SAME, "ends when it starts");
		INT_EQ(utf8_count(s, t.rest[0].why.off), 8, "at the end time");
		INT_EQ(t.rest[1].why.kind, HOURS_E_START_24, "starts at 24:00");
		INT_EQ(utf8_count(s, t.rest[1].why.off), 17, "at 24:00");
		INT_EQ(t.rest[2].why.kind, HOURS_E_TIME_RANGE, "hour 25");
		INT_EQ(t.rest[2].off, 34, "third part");
		INT_EQ(t.rest[2].len, 8, "its length");
	}
	hours_text_free(&t);

	text("po 8-12, 13", &t);
	INT_EQ(t.nranges, 0, "a half range spoils the part");
	INT_EQ(t.nrest, 1, "kept");
	if (t.nrest == 1)
		INT_EQ(t.rest[0].why.kind, HOURS_E_END, "13 has no end");
	hours_text_free(&t);

	text("po 8-", &t);
	if (t.nrest == 1)
		INT_EQ(t.rest[0].why.kind, HOURS_E_END, "ends early");
	else
		OK(false, "po 8- kept");
	hours_text_free(&t);

	text("Non-stop", &t);
	OK(t.nonstop && t.nranges == 0 && t.note == NULL, "non-stop");
	hours_text_free(&t);
	text("24/7; po domluvě", &t);
	OK(t.nonstop, "24/7");
	STR_EQ(t.note, "po domluvě", "with a note");
	hours_text_free(&t);
	text("Nepřetržitě", &t);
	OK(t.nonstop, "nepřetržitě");
	hours_text_free(&t);
	text("nonstop kromě svátků", &t);
	OK(!t.nonstop, "more than nonstop");
	STR_EQ(t.note, "nonstop kromě svátků", "a note");
	hours_text_free(&t);

	text("  ;  |\n ", &t);
	OK(!t.nonstop && t.nranges == 0 && t.note == NULL, "only separators");
	hours_text_free(&t);
}

int
main(void)
{
	RUN(test_days);
	RUN(test_time);
	RUN(test_range_check);
	RUN(test_text);
	return DONE();
}
