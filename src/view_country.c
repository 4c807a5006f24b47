/* gavel: the country view: one state's recorded votes by series with each
 * change from the previous text highlighted, its intended-vote notes, the
 * drafts it sponsored, and every other state ranked by agreement; Enter on
 * a ranked state shows the two vote by vote. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/app.h"
#include "gavel/compare_text.h"
#include "gavel/view_kit.h"
#include "gavel/view_rows.h"

enum { ID_MAX = 32, SYMBOL_MAX = 24, NAME_MAX = 34, BALLOT_W = 9 };

/* A country shown before, and where its cursor was. */
typedef struct {
  int country;
  gv_list list;
} gv_country_place;

typedef struct {
  int country; /* -1 before the first open */
  gv_history *h;
  gv_agreement *agree;
  size_t n_agree;
  gv_country_row *rows;
  size_t n_rows;
  gv_list list;
  gv_country_place *previous; /* countries shown before (back returns to them) */
  size_t n_previous, cap_previous;
  bool pair; /* showing the country and agree[pair_row] vote by vote */
  int other;
  gv_agreement pair_sum;
  gv_pair_vote *pv;
  size_t n_pv;
  gv_list pair_list;
} country_state;

static const gv_country *country_of(const gv_model *m, int c) {
  return gv_countries_get(m->countries, (size_t)c);
}

static void leave_pair(country_state *s) {
  free(s->pv);
  s->pv = NULL;
  s->n_pv = 0;
  s->pair = false;
}

static void clear(country_state *s) {
  leave_pair(s);
  gv_history_free(s->h);
  free(s->agree);
  free(s->rows);
  s->h = NULL, s->agree = NULL, s->rows = NULL;
  s->n_agree = s->n_rows = 0;
}

static void load(const gv_model *m, country_state *s, int country) {
  clear(s);
  s->country = country;
  s->h = gv_history_build(m, country);
  s->agree = gv_agreement_rank(m, country, &s->n_agree);
  s->rows = gv_country_rows(s->h, s->n_agree, &s->n_rows);
  s->list = (gv_list){0, 0, (int)s->n_rows};
}

static void enter_pair(const gv_model *m, country_state *s, int other) {
  leave_pair(s);
  s->pair = true;
  s->other = other;
  s->pair_sum = gv_agreement_pair(m, s->country, other);
  s->pv = gv_agreement_votes(m, s->country, other, &s->n_pv);
  s->pair_list = (gv_list){0, 0, (int)s->n_pv};
}

static void country_open(gv_app *app, void *state) {
  (void)app;
  ((country_state *)state)->country = -1;
}

static void country_done(void *state) {
  country_state *s = state;
  clear(s);
  free(s->previous);
}

static gv_list *country_list(gv_app *app, void *state) {
  (void)app;
  country_state *s = state;
  if (s->country < 0)
    return NULL;
  return s->pair ? &s->pair_list : &s->list;
}

static const gv_country_row *cursor_row(const country_state *s) {
  return s->list.cursor < (int)s->n_rows ? &s->rows[s->list.cursor] : NULL;
}

static const gv_history_vote *row_vote(const country_state *s, const gv_country_row *row) {
  return row && (row->kind == GV_KROW_VOTE || row->kind == GV_KROW_NOTE)
             ? &s->h->groups[row->group].votes[row->index]
             : NULL;
}

/* ---- drawing ---- */

typedef struct {
  int id_w, symbol_w, name_w;
} country_geometry;

static int clamp_width(int w, int min, int max) {
  return w < min ? min : w > max ? max : w;
}

static country_geometry geometry(const gv_model *m, const country_state *s) {
  country_geometry g = {4, 6, 8};
  for (size_t k = 0; k < s->h->n_groups; k++)
    for (size_t i = 0; i < s->h->groups[k].n; i++) {
      const char *id = m->votes[s->h->groups[k].votes[i].vote].id;
      g.id_w = clamp_width(gv_text_columns(id, strlen(id)), g.id_w, ID_MAX);
    }
  for (size_t i = 0; i < s->h->n_sponsored; i++) {
    const char *sym = m->docs[s->h->sponsored[i].doc].texts[s->h->sponsored[i].text].symbol;
    if (sym)
      g.symbol_w = clamp_width(gv_text_columns(sym, strlen(sym)), g.symbol_w, SYMBOL_MAX);
  }
  for (size_t i = 0; i < s->n_agree; i++) {
    const char *name = country_of(m, s->agree[i].country)->name;
    g.name_w = clamp_width(gv_text_columns(name, strlen(name)), g.name_w, NAME_MAX);
  }
  return g;
}

static void draw_section(const country_state *s, gv_pen *p, size_t section, gv_style over) {
  bool sel = over == GV_STYLE_SELECTED;
  switch (section) {
  case GV_KSECTION_VOTES:
    gv_pen_printf(p, sel ? over : GV_STYLE_TITLE, "Recorded votes (%zu) by series",
                  gv_history_count(s->h));
    gv_pen_put(p, "  X\xe2\x86\x92Y: changed from the previous text", sel ? over : GV_STYLE_DIM);
    break;
  case GV_KSECTION_SPONSORED:
    gv_pen_printf(p, sel ? over : GV_STYLE_TITLE, "Sponsored drafts (%zu)", s->h->n_sponsored);
    break;
  default:
    gv_pen_printf(p, sel ? over : GV_STYLE_TITLE, "Agreement with %zu member states", s->n_agree);
    gv_pen_put(p, "  Enter: vote by vote  C: that country", sel ? over : GV_STYLE_DIM);
  }
}

static void draw_vote(const gv_model *m, const country_state *s, gv_pen *p,
                      const gv_history_vote *hv, country_geometry g, gv_style over) {
  bool sel = over == GV_STYLE_SELECTED;
  const gv_vote *v = &m->votes[hv->vote];
  gv_pen_at(p, 4);
  gv_pen_put(p, gv_vote_date(m, v), sel ? over : GV_STYLE_DIM);
  gv_pen_at(p, 16);
  gv_pen_field(p, v->id, g.id_w, over);
  gv_pen_at(p, 18 + g.id_w);
  gv_pen_put(p, gv_ballot_name(hv->ballot),
             sel           ? over
             : hv->changed ? GV_STYLE_CHANGED
                           : gv_ballot_style(hv->ballot));
  gv_pen_at(p, 18 + g.id_w + BALLOT_W);
  if (hv->changed) {
    gv_ballot was = gv_vote_ballot(&m->votes[hv->prev], s->country);
    gv_pen_printf(p, sel ? over : GV_STYLE_CHANGED, "%c\xe2\x86\x92%c", gv_ballot_letter(was),
                  gv_ballot_letter(hv->ballot));
    gv_pen_printf(p, sel ? over : GV_STYLE_DIM, " was %s in %s", gv_ballot_name(was),
                  m->votes[hv->prev].id);
  }
  if (hv->intended != GV_NO_INTENTION || hv->note)
    gv_pen_put(p, hv->changed ? "  *" : "*", sel ? over : GV_STYLE_MARKER);
}

static void draw_note(const gv_history_vote *hv, gv_pen *p, gv_style over) {
  bool sel = over == GV_STYLE_SELECTED;
  gv_pen_at(p, 16);
  if (hv->intended != GV_NO_INTENTION)
    gv_pen_printf(p, sel ? over : GV_STYLE_MARKER, "* intended: %s",
                  gv_ballot_name((gv_ballot)hv->intended));
  else
    gv_pen_put(p, "* note", sel ? over : GV_STYLE_MARKER);
  if (hv->note)
    gv_pen_printf(p, sel ? over : GV_STYLE_DIM, "  \xe2\x80\x9c%s\xe2\x80\x9d", hv->note);
}

static void draw_sponsor(const gv_model *m, const gv_sponsorship *sp, gv_pen *p, country_geometry g,
                         gv_style over) {
  bool sel = over == GV_STYLE_SELECTED;
  const gv_text *t = &m->docs[sp->doc].texts[sp->text];
  gv_pen_at(p, 4);
  gv_pen_field(p, t->symbol ? t->symbol : "?", g.symbol_w, over);
  gv_pen_at(p, 6 + g.symbol_w);
  gv_pen_put(p, sp->joined ? "joined" : "submitted", sel ? over : GV_STYLE_DIM);
  gv_pen_at(p, 17 + g.symbol_w);
  if (sp->vote < 0)
    gv_pen_put(p, "no vote", sel ? over : GV_STYLE_DIM);
  else
    gv_pen_put(p, gv_ballot_name(sp->ballot), sel ? over : gv_ballot_style(sp->ballot));
  gv_pen_at(p, 17 + g.symbol_w + BALLOT_W);
  if (sp->vote >= 0 && sp->ballot != GV_YES)
    gv_pen_put(p, "! not yes  ", sel ? over : GV_STYLE_CHANGED);
  gv_pen_put(p, gv_text_title(m, sp->doc, sp->text), sel ? over : GV_STYLE_DIM);
}

static void draw_agree(const gv_model *m, const gv_agreement *a, size_t rank, gv_pen *p,
                       country_geometry g, gv_style over) {
  bool sel = over == GV_STYLE_SELECTED;
  const gv_country *k = country_of(m, a->country);
  char num[32], score[32];
  snprintf(num, sizeof num, "%zu", rank);
  gv_pen_right(p, 7, num, sel ? over : GV_STYLE_DIM);
  gv_pen_at(p, 9);
  gv_pen_field(p, k->name, g.name_w, over);
  gv_pen_at(p, 11 + g.name_w);
  gv_pen_put(p, gv_group_short(k->group), sel ? over : GV_STYLE_LABEL);
  gv_format_score(score, sizeof score, a->score);
  gv_pen_right(p, 11 + g.name_w + 14, score, over);
  gv_pen_printf(p, sel ? over : GV_STYLE_DIM, " %4d shared", a->shared);
}

static void draw_row(const gv_model *m, const country_state *s, gv_pen *p, size_t i,
                     country_geometry g, bool cursor) {
  const gv_country_row *row = &s->rows[i];
  gv_style over = cursor ? GV_STYLE_SELECTED : GV_STYLE_NORMAL;
  static const char *const none[] = {"no recorded vote", "none", "no shared vote"};
  if (cursor)
    gv_pen_fill(p, over);
  switch (row->kind) {
  case GV_KROW_SECTION:
    draw_section(s, p, row->index, over);
    break;
  case GV_KROW_SERIES:
    gv_pen_at(p, 2);
    gv_pen_put(p, gv_text_title(m, s->h->groups[row->group].doc, s->h->groups[row->group].text),
               cursor ? over : GV_STYLE_LABEL);
    break;
  case GV_KROW_VOTE:
    draw_vote(m, s, p, row_vote(s, row), g, over);
    break;
  case GV_KROW_NOTE:
    draw_note(row_vote(s, row), p, over);
    break;
  case GV_KROW_SPONSOR:
    draw_sponsor(m, &s->h->sponsored[row->index], p, g, over);
    break;
  case GV_KROW_AGREE:
    draw_agree(m, &s->agree[row->index], row->index + 1, p, g, over);
    break;
  case GV_KROW_NONE:
    gv_pen_at(p, 2);
    gv_pen_put(p, none[row->index % 3], cursor ? over : GV_STYLE_DIM);
    break;
  default:
    break;
  }
}

static void draw_header(const gv_model *m, const country_state *s, gv_canvas *c, gv_rect r) {
  const gv_country *k = country_of(m, s->country);
  gv_pen p = gv_pen_line(c, r, 0);
  gv_pen_put(&p, k->name, GV_STYLE_TITLE);
  gv_pen_printf(&p, GV_STYLE_DIM, " (%s), %s%s", k->iso3, gv_group_name(k->group),
                k->member ? "" : ", observer state");
  if (!k->n_aliases || r.h < 2)
    return;
  p = gv_pen_line(c, r, 1);
  gv_pen_put(&p, "also: ", GV_STYLE_LABEL);
  for (size_t i = 0; i < k->n_aliases; i++)
    gv_pen_printf(&p, GV_STYLE_DIM, "%s%s", i ? "; " : "", k->aliases[i]);
}

static void scroll_into_view(gv_list *l, int h) {
  if (l->cursor >= l->top + h)
    l->top = l->cursor - h + 1;
  if (l->top > l->cursor)
    l->top = l->cursor;
  if (l->top < 0)
    l->top = 0;
}

static void draw_pair_row(const gv_model *m, const gv_pair_vote *pv, gv_pen *p, int id_w,
                          bool cursor) {
  static const char *const points[] = {"0", "0.5", "1"};
  gv_style over = cursor ? GV_STYLE_SELECTED : GV_STYLE_NORMAL;
  const gv_vote *v = &m->votes[pv->vote];
  if (cursor)
    gv_pen_fill(p, over);
  gv_pen_at(p, 2);
  gv_pen_put(p, gv_vote_date(m, v), cursor ? over : GV_STYLE_DIM);
  gv_pen_at(p, 14);
  gv_pen_field(p, v->id, id_w, over);
  gv_pen_at(p, 16 + id_w);
  gv_pen_put(p, gv_ballot_name(pv->a), cursor ? over : gv_ballot_style(pv->a));
  gv_pen_at(p, 16 + id_w + BALLOT_W);
  gv_pen_put(p, gv_ballot_name(pv->b), cursor ? over : gv_ballot_style(pv->b));
  const char *pt = pv->points2 < 0 ? "not shared" : points[pv->points2];
  gv_pen_at(p, 16 + id_w + 2 * BALLOT_W);
  gv_pen_put(p, pt,
             cursor             ? over
             : pv->points2 < 0  ? GV_STYLE_DIM
             : pv->points2 == 0 ? GV_STYLE_CHANGED
                                : GV_STYLE_NORMAL);
}

static void draw_pair(gv_app *app, country_state *s, gv_canvas *c, gv_rect r, bool focused) {
  const gv_model *m = app->model;
  const gv_agreement *a = &s->pair_sum;
  char score[32];
  gv_format_score(score, sizeof score, a->score);
  gv_pen p = gv_pen_line(c, r, 0);
  gv_pen_printf(&p, GV_STYLE_TITLE, "%s and %s", country_of(m, s->country)->name,
                country_of(m, s->other)->name);
  gv_pen_printf(&p, GV_STYLE_NORMAL, ": %s agreement over %d shared votes", score, a->shared);
  p = gv_pen_line(c, r, 1);
  gv_pen_printf(&p, GV_STYLE_DIM, "%d same, %d with one abstaining, %d opposite; q: back", a->same,
                a->half, a->opposite);
  int id_w = 4;
  for (size_t i = 0; i < s->n_pv; i++)
    id_w =
        clamp_width(gv_text_columns(m->votes[s->pv[i].vote].id, strlen(m->votes[s->pv[i].vote].id)),
                    id_w, ID_MAX);
  p = gv_pen_line(c, r, 2);
  gv_pen_at(&p, 2);
  gv_pen_put(&p, "date", GV_STYLE_LABEL);
  gv_pen_at(&p, 14);
  gv_pen_put(&p, "vote", GV_STYLE_LABEL);
  gv_pen_at(&p, 16 + id_w);
  gv_pen_put(&p, country_of(m, s->country)->iso3, GV_STYLE_LABEL);
  gv_pen_at(&p, 16 + id_w + BALLOT_W);
  gv_pen_put(&p, country_of(m, s->other)->iso3, GV_STYLE_LABEL);
  gv_pen_at(&p, 16 + id_w + 2 * BALLOT_W);
  gv_pen_put(&p, "agreement", GV_STYLE_LABEL);
  gv_rect body = {r.x, r.y + 3, r.w, r.h - 3};
  scroll_into_view(&s->pair_list, body.h);
  for (int i = 0; i < body.h && s->pair_list.top + i < (int)s->n_pv; i++) {
    gv_pen row = gv_pen_line(c, body, i);
    int k = s->pair_list.top + i;
    draw_pair_row(m, &s->pv[k], &row, id_w, focused && k == s->pair_list.cursor);
  }
}

/* Returns the lines above the list: the name, the aliases and a blank line
 * when there is room. */
static int header_lines(const gv_model *m, const country_state *s, gv_rect r) {
  if (r.h < 10)
    return 1;
  return country_of(m, s->country)->n_aliases ? 3 : 2;
}

static void country_draw(gv_app *app, void *state, gv_canvas *c, gv_rect r) {
  country_state *s = state;
  if (s->country < 0)
    return;
  bool focused = app->focus == GV_VIEW_COUNTRY && !app->help;
  if (s->pair) {
    draw_pair(app, s, c, r, focused);
    return;
  }
  int head = header_lines(app->model, s, r);
  draw_header(app->model, s, c, (gv_rect){r.x, r.y, r.w, head - (head > 1)});
  gv_rect body = {r.x, r.y + head, r.w, r.h - head};
  country_geometry g = geometry(app->model, s);
  scroll_into_view(&s->list, body.h);
  for (int i = 0; i < body.h && s->list.top + i < (int)s->n_rows; i++) {
    gv_pen p = gv_pen_line(c, body, i);
    draw_row(app->model, s, &p, (size_t)(s->list.top + i), g,
             focused && s->list.top + i == s->list.cursor);
  }
}

/* ---- requests ---- */

static void show_country(gv_app *app, country_state *s, int country) {
  if (s->country >= 0 && s->country != country) {
    gv_country_place place = {s->country, s->list};
    GV_PUSH(s->previous, s->n_previous, s->cap_previous, place);
  }
  load(app->model, s, country);
}

static gv_request_result pair_request(gv_app *app, country_state *s, gv_action a) {
  if (a == GV_ACTION_QUIT || a == GV_ACTION_CLOSE || a == GV_ACTION_BACK || a == GV_ACTION_ENTER) {
    leave_pair(s);
    return GV_HANDLED;
  }
  if (a == GV_ACTION_COUNTRY) {
    show_country(app, s, s->other);
    return GV_HANDLED;
  }
  return GV_NOT_MINE;
}

/* v on a vote: compares it with the same vote on the previous text (or one picked). */
static void compare_vote(gv_app *app, const gv_history_vote *hv) {
  gv_compare_open(app, hv->prev, hv->vote);
}

static gv_request_result country_request(gv_app *app, void *state, gv_action a, gv_rect r) {
  (void)r;
  country_state *s = state;
  if (s->country < 0)
    return GV_NOT_MINE;
  if (s->pair)
    return pair_request(app, s, a);
  const gv_country_row *row = cursor_row(s);
  int other = row && row->kind == GV_KROW_AGREE ? s->agree[row->index].country : -1;
  if (a == GV_ACTION_BACK && s->n_previous) {
    gv_country_place place = s->previous[--s->n_previous];
    load(app->model, s, place.country);
    s->list = place.list;
    return GV_HANDLED;
  }
  if ((a == GV_ACTION_ENTER || a == GV_ACTION_COUNTRY) && other >= 0) {
    if (a == GV_ACTION_ENTER)
      enter_pair(app->model, s, other);
    else
      show_country(app, s, other);
    return GV_HANDLED;
  }
  if (a == GV_ACTION_COMPARE && row_vote(s, row)) {
    compare_vote(app, row_vote(s, row));
    return GV_HANDLED;
  }
  if (a == GV_ACTION_ENTER || a == GV_ACTION_COUNTRY) {
    gv_app_message(app, "On an agreement row: Enter shows the two vote by vote, C that country");
    return GV_HANDLED;
  }
  return GV_NOT_MINE;
}

static void country_title(gv_app *app, void *state, gv_buf *out) {
  country_state *s = state;
  if (s->country < 0)
    return;
  gv_buf_adds(out, country_of(app->model, s->country)->name);
  if (s->pair)
    gv_buf_printf(out, " and %s", country_of(app->model, s->other)->name);
}

static void vote_status(const gv_model *m, const gv_history_vote *hv, gv_buf *out) {
  const gv_vote *v = &m->votes[hv->vote];
  gv_buf_printf(out, "%s, %s%s%s %d-%d-%d", gv_vote_about(m, v), gv_vote_date(m, v),
                v->outcome ? ", " : "", v->outcome ? v->outcome : "", v->counted[GV_YES],
                v->counted[GV_NO], v->counted[GV_ABSTAIN]);
  gv_buf_adds(out, hv->prev >= 0 ? "; v: compare with the previous text" : "; v: compare");
}

static void country_status(gv_app *app, void *state, gv_buf *out) {
  country_state *s = state;
  const gv_model *m = app->model;
  if (s->country < 0)
    return;
  if (s->pair) {
    if (s->pair_list.cursor < (int)s->n_pv)
      gv_buf_adds(out, gv_vote_about(m, &m->votes[s->pv[s->pair_list.cursor].vote]));
    return;
  }
  const gv_country_row *row = cursor_row(s);
  if (row_vote(s, row))
    vote_status(m, row_vote(s, row), out);
  else if (row && row->kind == GV_KROW_AGREE)
    gv_buf_printf(out, "Enter: %s and %s vote by vote; C: %s", country_of(m, s->country)->name,
                  country_of(m, s->agree[row->index].country)->name,
                  country_of(m, s->agree[row->index].country)->name);
  else if (row && row->kind == GV_KROW_SPONSOR)
    gv_buf_adds(
        out, gv_text_title(m, s->h->sponsored[row->index].doc, s->h->sponsored[row->index].text));
}

static bool country_click(gv_app *app, void *state, int x, int y, gv_rect r) {
  (void)x;
  country_state *s = state;
  gv_list *l = country_list(app, s);
  int head = s->pair ? 3 : header_lines(app->model, s, r);
  if (!l || y < head || l->top + y - head >= l->count)
    return false;
  l->cursor = l->top + y - head;
  return true;
}

const gv_view_ops gv_country_view = {
    .title = "Country",
    .hint = "Enter:vote by vote v:compare C:country q:close",
    .full = true,
    .state_size = sizeof(country_state),
    .open = country_open,
    .done = country_done,
    .list = country_list,
    .title_detail = country_title,
    .draw = country_draw,
    .request = country_request,
    .status = country_status,
    .click = country_click,
};

void gv_country_open(gv_app *app, int country) {
  country_state *s = gv_app_state(app, GV_VIEW_COUNTRY);
  if (country < 0 || (size_t)country >= gv_countries_count(app->model->countries)) {
    gv_app_message(app, "No country here");
    return;
  }
  if (gv_app_right(app) == GV_VIEW_COUNTRY) {
    show_country(app, s, country);
  } else { /* a fresh view: back starts here */
    s->n_previous = 0;
    load(app->model, s, country);
  }
  gv_app_open_view(app, GV_VIEW_COUNTRY);
}
