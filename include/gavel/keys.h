/* gavel: keys and the key notation of --keys and the action table
 * ("j<Enter><C-d><Resize:80x24>"). */
#ifndef GAVEL_KEYS_H
#define GAVEL_KEYS_H

#include <stddef.h>

/* Key codes: a Unicode code point for a character key, or one of these. */
enum {
  GV_KEY_NONE = 0,
  GV_KEY_SPECIAL = 0x110000, /* above every code point */
  GV_KEY_ENTER,
  GV_KEY_TAB,
  GV_KEY_BACKTAB,
  GV_KEY_ESC,
  GV_KEY_BACKSPACE,
  GV_KEY_UP,
  GV_KEY_DOWN,
  GV_KEY_LEFT,
  GV_KEY_RIGHT,
  GV_KEY_PGUP,
  GV_KEY_PGDN,
  GV_KEY_HOME,
  GV_KEY_END,
  GV_KEY_RESIZE,              /* event: the terminal now has cols x rows */
  GV_KEY_CLICK,               /* event: mouse button 1 at (x, y) */
  GV_KEY_SCROLL_UP,           /* event: wheel up at (x, y) */
  GV_KEY_SCROLL_DOWN,         /* event: wheel down at (x, y) */
  GV_KEY_HANGUP,              /* event: the terminal is gone (SIGHUP, SIGTERM): quit now */
  GV_KEY_CTRL_BASE = 0x120000 /* GV_KEY_CTRL_BASE + 'd' is Ctrl-d */
};

/* Returns the key code of Ctrl with a lower-case letter. */
#define GV_KEY_CTRL(c) (GV_KEY_CTRL_BASE + (c))

/* A key press or an event. */
typedef struct {
  int key;
  int x, y; /* GV_KEY_RESIZE: cols, rows; mouse events: the cell */
} gv_key_event;

/* Parses key notation into events.  Returns the number of events and stores
 * a new array in *events (caller frees); on a syntax error returns -1 and
 * stores a message in *error (caller frees). */
int gv_keys_parse(const char *notation, gv_key_event **events, char **error);

/* Writes the notation of one key ("j", "<Enter>", "<C-d>") into buf (size
 * at least 16) and returns buf.  With readable set, "<" and " " are written
 * as themselves ("<", "Space") for help texts. */
const char *gv_key_name(int key, char *buf, size_t size, int readable);

#endif
