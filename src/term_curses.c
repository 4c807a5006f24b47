/* gavel: the terminal backend, the only file that talks to curses: full-screen
 * mode, styles as colours or attributes, keys and mouse, and restoring the
 * terminal on quit, Ctrl-C and fatal errors. */
#include "config.h"

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "gavel/render.h"
#include "gavel/text.h"
#include "gavel/util.h"

struct gv_term {
  SCREEN *screen;
  bool utf8;
  attr_t attrs[GV_STYLE_COUNT];
  short pairs[GV_STYLE_COUNT];
};

static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t hung_up;
static bool curses_active;

/* Attributes alone keep every style readable on monochrome terminals. */
static const attr_t style_attrs[GV_STYLE_COUNT] = {
    [GV_STYLE_NORMAL] = A_NORMAL,
    [GV_STYLE_TITLE] = A_REVERSE | A_BOLD,
    [GV_STYLE_STATUS] = A_REVERSE,
    [GV_STYLE_SELECTED] = A_REVERSE,
    [GV_STYLE_LABEL] = A_BOLD,
    [GV_STYLE_LEAD] = A_UNDERLINE,
    [GV_STYLE_YES] = A_NORMAL,
    [GV_STYLE_NO] = A_BOLD,
    [GV_STYLE_ABSTAIN] = A_NORMAL,
    [GV_STYLE_ABSENT] = A_DIM,
    [GV_STYLE_CHANGED] = A_BOLD | A_UNDERLINE,
    [GV_STYLE_MARKER] = A_BOLD,
    [GV_STYLE_MATCH] = A_STANDOUT,
    [GV_STYLE_DIM] = A_DIM,
    [GV_STYLE_INSERT] = A_BOLD | A_UNDERLINE,
    [GV_STYLE_DELETE] = A_UNDERLINE,
};

/* Foreground and background on terminals with 16 colours or more; -1 is the default. */
static const short style_colors[GV_STYLE_COUNT][2] = {
    [GV_STYLE_NORMAL] = {-1, -1},
    [GV_STYLE_TITLE] = {COLOR_WHITE, COLOR_BLUE},
    [GV_STYLE_STATUS] = {-1, -1},
    [GV_STYLE_SELECTED] = {-1, -1},
    [GV_STYLE_LABEL] = {COLOR_CYAN, -1},
    [GV_STYLE_LEAD] = {-1, -1},
    [GV_STYLE_YES] = {COLOR_GREEN, -1},
    [GV_STYLE_NO] = {COLOR_RED, -1},
    [GV_STYLE_ABSTAIN] = {COLOR_YELLOW, -1},
    [GV_STYLE_ABSENT] = {-1, -1},
    [GV_STYLE_CHANGED] = {COLOR_MAGENTA, -1},
    [GV_STYLE_MARKER] = {COLOR_MAGENTA, -1},
    [GV_STYLE_MATCH] = {COLOR_YELLOW, -1},
    [GV_STYLE_DIM] = {-1, -1},
    [GV_STYLE_INSERT] = {COLOR_GREEN, -1},
    [GV_STYLE_DELETE] = {COLOR_RED, -1},
};

static void restore_terminal(void) {
  if (curses_active) {
    curses_active = false;
    endwin();
  }
}

static void on_interrupt(int sig) {
  (void)sig;
  interrupted = 1;
}

static void on_hangup(int sig) {
  (void)sig;
  hung_up = 1;
}

static void on_fatal(int sig) {
  restore_terminal();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void install_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_interrupt;
  sigaction(SIGINT, &sa, NULL);
  sa.sa_handler = on_hangup;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sa.sa_handler = on_fatal;
  sa.sa_flags = SA_RESETHAND;
  int fatal[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
  for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
    sigaction(fatal[i], &sa, NULL);
  atexit(restore_terminal);
}

static bool want_colors(void) {
  const char *no_color = getenv("NO_COLOR");
  return !(no_color && *no_color) && has_colors() && COLORS >= 16;
}

static void setup_styles(gv_term *t) {
  bool color = want_colors();
  if (color) {
    start_color();
    use_default_colors();
  }
  for (int s = 0; s < GV_STYLE_COUNT; s++) {
    t->attrs[s] = style_attrs[s];
    t->pairs[s] = 0;
    if (color && (style_colors[s][0] >= 0 || style_colors[s][1] >= 0)) {
      init_pair((short)(s + 1), style_colors[s][0], style_colors[s][1]);
      t->pairs[s] = (short)(s + 1);
      if (s == GV_STYLE_TITLE)
        t->attrs[s] = A_BOLD; /* the colour shows it; no need to reverse */
    }
  }
}

gv_term *gv_term_open(FILE *err) {
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
    fprintf(err, "gavel: the browser needs a terminal; use --headless to print a screen\n");
    return NULL;
  }
  setlocale(LC_ALL, "");
  gv_term *t = gv_xcalloc(1, sizeof *t);
  t->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
  t->screen = newterm(NULL, stdout, stdin);
  if (!t->screen) {
    const char *term = getenv("TERM");
    fprintf(err, "gavel: cannot use the terminal type '%s'\n", term ? term : "(unset)");
    free(t);
    return NULL;
  }
  curses_active = true;
  install_handlers();
  cbreak();
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  set_escdelay(25);
  curs_set(0);
  timeout(250);
  mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
  mouseinterval(0);
  setup_styles(t);
  return t;
}

void gv_term_size(gv_term *t, int *cols, int *rows) {
  (void)t;
  *cols = COLS;
  *rows = LINES;
}

/* Converts a cell's UTF-8 into a wide string for curses (at most CCHARW_MAX). */
static void cell_wide(const gv_term *t, const gv_cell *cell, wchar_t *w) {
  size_t n = 0;
  for (size_t i = 0; i < cell->len && n + 1 < CCHARW_MAX;) {
    unsigned int uc;
    i += (size_t)gv_utf8_decode(cell->bytes + i, cell->len - i, &uc);
    w[n++] = (wchar_t)(t->utf8 || uc < 0x80 ? uc : '?');
  }
  if (!n)
    w[n++] = L' ';
  w[n] = L'\0';
}

void gv_term_show(gv_term *t, const gv_canvas *c) {
  for (int y = 0; y < c->rows && y < LINES; y++)
    for (int x = 0; x < c->cols && x < COLS; x++) {
      const gv_cell *cell = gv_canvas_cell(c, x, y);
      if (!cell->width)
        continue;
      wchar_t w[CCHARW_MAX + 1];
      cell_wide(t, cell, w);
      cchar_t cc;
      setcchar(&cc, w, t->attrs[cell->style], t->pairs[cell->style], NULL);
      mvadd_wch(y, x, &cc);
    }
  refresh();
}

static int special_key(int k) {
  switch (k) {
  case KEY_UP:
    return GV_KEY_UP;
  case KEY_DOWN:
    return GV_KEY_DOWN;
  case KEY_LEFT:
    return GV_KEY_LEFT;
  case KEY_RIGHT:
    return GV_KEY_RIGHT;
  case KEY_PPAGE:
    return GV_KEY_PGUP;
  case KEY_NPAGE:
    return GV_KEY_PGDN;
  case KEY_HOME:
    return GV_KEY_HOME;
  case KEY_END:
    return GV_KEY_END;
  case KEY_BTAB:
    return GV_KEY_BACKTAB;
  case KEY_ENTER:
    return GV_KEY_ENTER;
  case KEY_BACKSPACE:
    return GV_KEY_BACKSPACE;
  default:
    return GV_KEY_NONE;
  }
}

static int char_key(wint_t c) {
  switch (c) {
  case '\r':
  case '\n':
    return GV_KEY_ENTER;
  case '\t':
    return GV_KEY_TAB;
  case 27:
    return GV_KEY_ESC;
  case 8:
  case 127:
    return GV_KEY_BACKSPACE;
  default:
    return c >= 1 && c <= 26 ? GV_KEY_CTRL('a' + (int)c - 1) : (int)c;
  }
}

static gv_key_event mouse_event(void) {
  MEVENT me;
  gv_key_event ev = {GV_KEY_NONE, 0, 0};
  if (getmouse(&me) != OK)
    return ev;
  ev.x = me.x;
  ev.y = me.y;
  if (me.bstate & BUTTON1_PRESSED)
    ev.key = GV_KEY_CLICK;
  else if (me.bstate & BUTTON4_PRESSED)
    ev.key = GV_KEY_SCROLL_UP;
  else if (me.bstate & BUTTON5_PRESSED)
    ev.key = GV_KEY_SCROLL_DOWN;
  return ev;
}

/* Returns true when the terminal on standard input has gone away (its
 * emulator closed): reads then fail at once, and waiting would spin. */
static bool terminal_gone(void) {
  struct pollfd p = {STDIN_FILENO, POLLIN, 0};
  return poll(&p, 1, 0) < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

gv_key_event gv_term_read(gv_term *t) {
  (void)t;
  gv_key_event ev = {GV_KEY_NONE, 0, 0};
  wint_t c;
  int r = get_wch(&c);
  if (hung_up || (r == ERR && terminal_gone())) {
    ev.key = GV_KEY_HANGUP;
  } else if (interrupted) {
    interrupted = 0;
    ev.key = GV_KEY_CTRL('c');
  } else if (r == KEY_CODE_YES && c == KEY_RESIZE) {
    ev = (gv_key_event){GV_KEY_RESIZE, COLS, LINES};
  } else if (r == KEY_CODE_YES && c == KEY_MOUSE) {
    ev = mouse_event();
  } else if (r == KEY_CODE_YES) {
    ev.key = special_key((int)c);
  } else if (r == OK) {
    ev.key = char_key(c);
  }
  return ev;
}

void gv_term_close(gv_term *t) {
  if (!t)
    return;
  restore_terminal();
  delscreen(t->screen);
  free(t);
}
