/* gavel: the two backends that show a canvas: plain text (headless, tests)
 * and the terminal (the only code that talks to curses). */
#ifndef GAVEL_RENDER_H
#define GAVEL_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "gavel/canvas.h"
#include "gavel/keys.h"

/* Returns the canvas as text, one line per row, trailing spaces trimmed.
 * Caller frees. */
char *gv_render_text(const gv_canvas *c);

/* Returns the canvas's style layer: one character per column (see
 * gv_style_letter), trailing blanks trimmed. Caller frees. */
char *gv_render_styles(const gv_canvas *c);

/* Returns the letter that stands for a style in the style layer ('Y' yes,
 * 'N' no, 'C' changed, '>' selected, ' ' normal, …). */
char gv_style_letter(gv_style s);

typedef struct gv_term gv_term;

/* Puts the terminal into full-screen mode; returns NULL (after a message to
 * err) when stdin/stdout is not a terminal.  The terminal is restored by
 * gv_term_close(), at exit, and on SIGINT/SIGTERM/fatal signals. */
gv_term *gv_term_open(FILE *err);
/* Stores the terminal's size. */
void gv_term_size(gv_term *t, int *cols, int *rows);
/* Shows the canvas on the terminal. */
void gv_term_show(gv_term *t, const gv_canvas *c);
/* Waits for a key or event; returns GV_KEY_NONE when nothing arrived (for
 * instance interrupted by a signal) and GV_KEY_CTRL('c') after SIGINT. */
gv_key_event gv_term_read(gv_term *t);
/* Restores the terminal and frees t. NULL is allowed. */
void gv_term_close(gv_term *t);

#endif
