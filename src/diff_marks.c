/* gavel: marked diff text: "[-deleted-]{+inserted+}" and where each mark lies. */
#include "config.h"

#include "gavel/diff_marks.h"

#include <stdlib.h>
#include <string.h>

/* Length of s[0..n) without its trailing white space. */
static size_t trim_end(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  return n;
}

/* Appends s[0..n) marked as a deletion or an insertion; the white space
 * after it follows the closing marker unless drop_space. */
static void add_mark(gv_marked *out, gv_span_kind kind, const char *s, size_t n, bool drop_space) {
  size_t core = trim_end(s, n);
  gv_mark mk = {out->text.len, 0, kind};
  gv_buf_adds(&out->text, kind == GV_SPAN_INSERT ? "{+" : "[-");
  gv_buf_add(&out->text, s, core);
  gv_buf_adds(&out->text, kind == GV_SPAN_INSERT ? "+}" : "-]");
  mk.end = out->text.len;
  GV_PUSH(out->marks, out->n_marks, out->cap_marks, mk);
  if (!drop_space)
    gv_buf_add(&out->text, s + core, n - core);
}

void gv_mark_spans(const char *a, const char *b, const gv_diff_span *spans, size_t n,
                   gv_marked *out) {
  gv_buf_adds(&out->text, "");
  for (size_t k = 0; k < n; k++) {
    const gv_diff_span *s = &spans[k];
    if (s->kind == GV_SPAN_EQUAL) {
      gv_buf_add(&out->text, b + s->b_off, s->b_len);
      /* "a b" -> "a": keep the space before the marked deletion */
      size_t a_core = trim_end(a + s->a_off, s->a_len);
      if (k + 1 < n && trim_end(b + s->b_off, s->b_len) == s->b_len && a_core < s->a_len)
        gv_buf_add(&out->text, a + s->a_off + a_core, s->a_len - a_core);
    } else if (s->kind == GV_SPAN_DELETE) {
      bool replaced = k + 1 < n && spans[k + 1].kind == GV_SPAN_INSERT;
      add_mark(out, GV_SPAN_DELETE, a + s->a_off, s->a_len, replaced);
    } else {
      add_mark(out, GV_SPAN_INSERT, b + s->b_off, s->b_len, false);
    }
  }
}

void gv_mark_pair(const gv_para_pair *p, const gv_para *a, const gv_para *b, gv_marked *out) {
  const char *ta = p->a >= 0 && a[p->a].text ? a[p->a].text : "";
  const char *tb = p->b >= 0 && b[p->b].text ? b[p->b].text : "";
  gv_buf_adds(&out->text, "");
  if (p->status == GV_PARA_CHANGED)
    gv_mark_spans(ta, tb, p->spans, p->n_spans, out);
  else if (p->status == GV_PARA_UNCHANGED)
    gv_buf_adds(&out->text, tb);
  else if (p->status == GV_PARA_ADDED)
    add_mark(out, GV_SPAN_INSERT, tb, strlen(tb), true);
  else
    add_mark(out, GV_SPAN_DELETE, ta, strlen(ta), true);
}

char *gv_marked_ansi(const gv_marked *m, bool color) {
  gv_buf out = {0};
  size_t pos = 0;
  const char *text = m->text.data ? m->text.data : "";
  for (size_t k = 0; k < m->n_marks; k++) {
    const gv_mark *mk = &m->marks[k];
    gv_buf_add(&out, text + pos, mk->start - pos);
    if (color)
      gv_buf_adds(&out, mk->kind == GV_SPAN_INSERT ? "\033[32m" : "\033[31m");
    gv_buf_add(&out, text + mk->start, mk->end - mk->start);
    if (color)
      gv_buf_adds(&out, "\033[m");
    pos = mk->end;
  }
  gv_buf_add(&out, text + pos, m->text.len - pos);
  gv_buf_adds(&out, "");
  return gv_buf_take(&out);
}

void gv_marked_free(gv_marked *m) {
  gv_buf_free(&m->text);
  free(m->marks);
  memset(m, 0, sizeof *m);
}

static const char *label_of(const gv_para *p) {
  return p->label ? p->label : "";
}

void gv_pair_label(const gv_para_pair *p, const gv_para *a, const gv_para *b, const char *arrow,
                   gv_buf *out) {
  const char *la = p->a >= 0 ? label_of(&a[p->a]) : NULL;
  const char *lb = p->b >= 0 ? label_of(&b[p->b]) : NULL;
  if (la && lb && strcmp(la, lb) != 0)
    gv_buf_printf(out, "%s%s%s", la, arrow, lb);
  else
    gv_buf_adds(out, lb ? lb : la ? la : "");
}

const char *gv_pair_status_name(const gv_para_pair *p) {
  static const char *const names[] = {"unchanged", "changed", "added", "removed"};
  return (unsigned)p->status < sizeof names / sizeof *names ? names[p->status] : "?";
}

bool gv_pair_is_change(const gv_para_pair *p) {
  return p->status != GV_PARA_UNCHANGED || p->moved;
}

void gv_diff_text_name(const gv_model *m, int doc, int text, gv_buf *out) {
  if (doc < 0 || (size_t)doc >= m->n_docs || text < 0 || (size_t)text >= m->docs[doc].n_texts) {
    gv_buf_adds(out, "(no text)");
    return;
  }
  const gv_text *t = &m->docs[doc].texts[text];
  gv_buf_adds(out, t->symbol ? t->symbol : "?");
  if (t->ordinal)
    gv_buf_printf(out, " draft %s %s",
                  t->kind == GV_TEXT_DRAFT_DECISION ? "decision" : "resolution", t->ordinal);
  gv_buf_printf(out, "  %s (%s)",
                t->title    ? t->title
                : t->symbol ? t->symbol
                            : "(untitled)",
                m->docs[doc].id);
}
