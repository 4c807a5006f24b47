/* gavel: the action table and the key bindings derived from it. */
#include "config.h"

#include "gavel/actions.h"

#include <stdlib.h>
#include <string.h>

#include "gavel/keys.h"

static const gv_action_info actions[] = {{GV_ACTION_NONE, "none", "", GV_GROUP_GENERAL, ""},
#define GV_ACTION_ROW(id, name, keys, group, help) {GV_ACTION_##id, name, keys, group, help},
                                         GV_ACTION_TABLE(GV_ACTION_ROW)
#undef GV_ACTION_ROW
};

static const char *const group_names[GV_ACTION_GROUP_COUNT] = {
    "Moving around", "Panes", "Paragraph tree",    "Vote grid",
    "Search",        "Views", "Jumps and history", "General"};

const gv_action_info *gv_action_get(gv_action a) {
  return a > GV_ACTION_NONE && a < GV_ACTION_COUNT ? &actions[a] : &actions[0];
}

const char *gv_action_group_name(gv_action_group g) {
  return g < GV_ACTION_GROUP_COUNT ? group_names[g] : "";
}

/* Returns the keys of one action, parsed from its notation; caller frees. */
static int action_keys(gv_action a, gv_key_event **keys) {
  char *error = NULL;
  const char *notation = actions[a].keys;
  gv_buf joined = {0};
  for (const char *p = notation; *p; p++)
    if (*p != ' ')
      gv_buf_addc(&joined, *p);
  char *s = gv_buf_take(&joined);
  int n = gv_keys_parse(s, keys, &error);
  free(s);
  free(error); /* the table is checked by tests/test_keys */
  return n < 0 ? 0 : n;
}

gv_action gv_action_for_key(int key) {
  for (int a = GV_ACTION_NONE + 1; a < GV_ACTION_COUNT; a++) {
    gv_key_event *keys;
    int n = action_keys((gv_action)a, &keys);
    bool hit = false;
    for (int i = 0; i < n && !hit; i++)
      hit = keys[i].key == key;
    free(keys);
    if (hit)
      return (gv_action)a;
  }
  return GV_ACTION_NONE;
}

void gv_action_keys_readable(gv_action a, gv_buf *buf) {
  gv_key_event *keys;
  int n = action_keys(a, &keys);
  for (int i = 0; i < n; i++) {
    char name[32];
    if (i)
      gv_buf_adds(buf, ", ");
    gv_buf_adds(buf, gv_key_name(keys[i].key, name, sizeof name, 1));
  }
  free(keys);
}
