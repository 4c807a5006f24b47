/* Tests of the rows of the compare and country views. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "compare_fixture.h"
#include "gavel/view_rows.h"

static void placeholder(void **state) {
  (void)state;
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(placeholder)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
