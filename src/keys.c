/* gavel: the key notation parser. */
#include "config.h"

#include "gavel/keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/text.h"
#include "gavel/util.h"

static const struct {
  const char *name;
  int key;
} named_keys[] = {
    {"Enter", GV_KEY_ENTER}, {"CR", GV_KEY_ENTER},
    {"Tab", GV_KEY_TAB},     {"S-Tab", GV_KEY_BACKTAB},
    {"Esc", GV_KEY_ESC},     {"BS", GV_KEY_BACKSPACE},
    {"Up", GV_KEY_UP},       {"Down", GV_KEY_DOWN},
    {"Left", GV_KEY_LEFT},   {"Right", GV_KEY_RIGHT},
    {"PgUp", GV_KEY_PGUP},   {"PgDn", GV_KEY_PGDN},
    {"Home", GV_KEY_HOME},   {"End", GV_KEY_END},
    {"Space", ' '},          {"lt", '<'},
};

static const struct {
  const char *name;
  int key;
} event_keys[] = {
    {"Resize", GV_KEY_RESIZE},
    {"Click", GV_KEY_CLICK},
    {"ScrollUp", GV_KEY_SCROLL_UP},
    {"ScrollDown", GV_KEY_SCROLL_DOWN},
};

/* Parses "Resize:80x24" or "Click:3,4" (the part after the colon). */
static int parse_event(const char *name, size_t len, gv_key_event *ev) {
  for (size_t i = 0; i < sizeof event_keys / sizeof *event_keys; i++) {
    size_t nl = strlen(event_keys[i].name);
    if (len <= nl || name[nl] != ':' || strncasecmp(name, event_keys[i].name, nl) != 0)
      continue;
    char sep = event_keys[i].key == GV_KEY_RESIZE ? 'x' : ',';
    char *arg = gv_xstrndup(name + nl + 1, len - nl - 1), *end;
    long a = strtol(arg, &end, 10), b = -1;
    if (*end == sep)
      b = strtol(end + 1, &end, 10);
    bool ok = *end == '\0' && a >= 0 && b >= 0 && a < 10000 && b < 10000 && end != arg;
    free(arg);
    if (!ok)
      return -1;
    *ev = (gv_key_event){event_keys[i].key, (int)a, (int)b};
    return 1;
  }
  return 0;
}

/* Parses the name inside <…>; returns 1 on success, 0 if unknown, -1 if malformed. */
static int parse_named(const char *name, size_t len, gv_key_event *ev) {
  for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
    if (strlen(named_keys[i].name) == len && strncasecmp(name, named_keys[i].name, len) == 0) {
      *ev = (gv_key_event){named_keys[i].key, 0, 0};
      return 1;
    }
  if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] >= 'a' &&
      name[2] <= 'z') {
    *ev = (gv_key_event){GV_KEY_CTRL(name[2]), 0, 0};
    return 1;
  }
  return parse_event(name, len, ev);
}

/* Parses one key at s[*i]; returns 0 or sets *error. */
static int parse_one(const char *s, size_t *i, gv_key_event *ev, char **error) {
  if (s[*i] != '<') {
    unsigned int uc;
    size_t n = strlen(s + *i);
    *i += (size_t)gv_utf8_decode(s + *i, n, &uc);
    if (uc < 0x20 || uc == 0x7f) {
      *error = gv_xasprintf("control character 0x%02x in keys: write it as <C-x>", uc);
      return -1;
    }
    *ev = (gv_key_event){(int)uc, 0, 0};
    return 0;
  }
  const char *close = strchr(s + *i, '>');
  if (!close) {
    *error = gv_xasprintf("unterminated '<' at position %zu: write <lt> for a '<' key", *i + 1);
    return -1;
  }
  const char *name = s + *i + 1;
  size_t len = (size_t)(close - name);
  int r = parse_named(name, len, ev);
  if (r <= 0) {
    *error = gv_xasprintf("%s key name <%.*s> at position %zu", r < 0 ? "malformed" : "unknown",
                          (int)len, name, *i + 1);
    return -1;
  }
  *i = (size_t)(close - s) + 1;
  return 0;
}

int gv_keys_parse(const char *notation, gv_key_event **events, char **error) {
  gv_key_event *out = NULL;
  size_t n = 0, cap = 0;
  *error = NULL;
  for (size_t i = 0; notation[i];) {
    gv_key_event ev;
    if (parse_one(notation, &i, &ev, error) < 0) {
      free(out);
      *events = NULL;
      return -1;
    }
    GV_PUSH(out, n, cap, ev);
  }
  *events = out;
  return (int)n;
}

const char *gv_key_name(int key, char *buf, size_t size, int readable) {
  if (key >= GV_KEY_CTRL_BASE) {
    snprintf(buf, size, readable ? "Ctrl-%c" : "<C-%c>", key - GV_KEY_CTRL_BASE);
    return buf;
  }
  for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
    if (named_keys[i].key == key) {
      if (readable && key == '<')
        snprintf(buf, size, "<");
      else if (readable && key == GV_KEY_BACKTAB)
        snprintf(buf, size, "Shift-Tab");
      else
        snprintf(buf, size, readable ? "%s" : "<%s>", named_keys[i].name);
      return buf;
    }
  char tmp[8];
  gv_utf8_encode((unsigned int)key, tmp);
  snprintf(buf, size, "%s", tmp);
  return buf;
}
