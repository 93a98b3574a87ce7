/* Unit tests: the DBLP fast path (src/read/dblp_fast.c) on its own: which
 * documents it reads, and what it makes of single records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "read/dblp_fast.h"

static coa_dblpfast_t *fast_for(const char *prologue)
{
    coa_dblpfast_t *f = NULL;
    assert_int_equal(coa_dblpfast_new(prologue, strlen(prologue), &f), 0);
    return f;
}

/* The fast path reads a document only when its declaration is one it
 * reads exactly as libxml2 does. */
static void test_declarations(void **state)
{
    (void)state;
    static const struct {
        const char *prologue;
        int reads;
    } cases[] = {
        {"<!DOCTYPE dblp []>", 1},
        {"<?xml version=\"1.0\"?><!DOCTYPE dblp []>", 1},
        {"<?xml version='1.0' encoding='ISO-8859-1'?>", 1},
        {"<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", 1},
        {"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 1},
        {"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", 0}, /* a BOM says UTF-8 */
        {"<?xml version=\"1.1\"?>", 0},
        {"<?xml encoding=\"UTF-8\"?>", 0},                                /* no version */
        {"<?xml version=\"1.0\" encoding=\"UTF-16\"?>", 0},
        {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", 0},
        {"<?xml v&uuml;=\"1.0\" encoding=\"ISO-8859-1\"?>", 0},        /* found by fuzz_dblp */
        {"<?xml version=\"1.0\"encoding=\"UTF-8\"?>", 0},                 /* no space between */
        {"<?xml standalone=\"yes\" version=\"1.0\"?>", 0},                /* out of order */
        {"<?xml version=\"1.0\" standalone=\"maybe\"?>", 0},
        {"<?xml version=\"1.0\"", 0},                                      /* not closed */
        {"\xFF\xFE<\0?\0x\0m\0l\0", 0},                                    /* UTF-16 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        coa_dblpfast_t *f = fast_for(cases[i].prologue);
        if ((f != NULL) != cases[i].reads)
            fail_msg("case %zu: '%s' should%s be read by the fast path", i, cases[i].prologue,
                     cases[i].reads ? "" : " not");
        coa_dblpfast_free(f);
    }
}

static const char *field(const coa_dblp_rec_t *r, size_t i, int kind)
{
    assert_true(i < r->n_fields);
    assert_int_equal(r->fields[i].kind, kind);
    return r->text + r->fields[i].off;
}

static int read_one(coa_dblpfast_t *f, const char *s, coa_dblp_rec_t *r, size_t *used, long *newlines)
{
    return coa_dblpfast_record(f, (const unsigned char *)s, strlen(s), 10, r, used, newlines);
}

static void test_record(void **state)
{
    (void)state;
    coa_dblpfast_t *f = fast_for("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                                 "<!DOCTYPE dblp [<!ENTITY Ouml \"&#214;\"><!ENTITY bad \"&#38;\">]>");
    assert_non_null(f);
    coa_dblp_rec_t r = {0};
    size_t used = 0;
    long newlines = 0;
    const char *rec = "<article mdate=\"2020-01-01\"\n key=\"journals/x/A20\">\n"
                      "<author>Tamer &Ouml;zsu</author>\n"
                      "<author orcid='0000'>Jos\xE9  Garc&#237;a</author>\n"
                      "<title>On <i>k</i>-cores\n &amp; CO<sub>2</sub>.</title>\n"
                      "<pages>1-2</pages><year>2020</year><journal>J</journal><ee/>\n"
                      "</article>\nafter";
    assert_int_equal(read_one(f, rec, &r, &used, &newlines), 1);
    assert_int_equal(used, strlen(rec) - strlen("\nafter"));
    assert_int_equal(newlines, 7);
    assert_int_equal(r.type, COA_DBLP_ARTICLE);
    assert_int_equal(r.line, 11); /* the start tag's '>' is on its second line */
    assert_true(r.has_key);
    assert_string_equal(r.text + r.key_off, "journals/x/A20");
    assert_int_equal(r.n_fields, 6); /* pages is not kept */
    assert_string_equal(field(&r, 0, COA_DBLP_F_AUTHOR), "Tamer \xC3\x96zsu");
    assert_string_equal(field(&r, 1, COA_DBLP_F_AUTHOR), "Jos\xC3\xA9 Garc\xC3\xAD" "a");
    assert_string_equal(field(&r, 2, COA_DBLP_F_TITLE), "On k-cores & CO2.");
    assert_string_equal(field(&r, 3, COA_DBLP_F_YEAR), "2020");
    assert_string_equal(field(&r, 4, COA_DBLP_F_VENUE), "J");
    assert_string_equal(field(&r, 5, COA_DBLP_F_EE), "");
    assert_false(coa_dblp_rec_person(&r));

    /* a person record */
    assert_int_equal(read_one(f, "<www key=\"homepages/t/T\"><author>A</author><title>Home</title></www>", &r, &used,
                              &newlines),
                     1);
    assert_true(coa_dblp_rec_person(&r));
    assert_int_equal(r.n_fields, 1); /* a www record keeps its names only */

    /* cut short: more bytes needed, at every point of the record */
    for (size_t n = 1; n < strlen(rec) - strlen("\nafter"); n++) {
        int got = coa_dblpfast_record(f, (const unsigned char *)rec, n, 10, &r, &used, &newlines);
        if (got != 2)
            fail_msg("cut after %zu bytes: %d, not 2", n, got);
    }
    coa_dblp_rec_free(&r);
    coa_dblpfast_free(f);
}

/* What the fast path leaves to libxml2. */
static void test_declined(void **state)
{
    (void)state;
    coa_dblpfast_t *f = fast_for("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                 "<!DOCTYPE dblp [<!ENTITY Ouml \"&#214;\"><!ENTITY bad \"&#38;\">]>");
    assert_non_null(f);
    static const char *const declined[] = {
        "<article key=\"a\"><!-- c --><author>A</author></article>",
        "<article key=\"a\"><title><![CDATA[x]]></title></article>",
        "<article key=\"a\"><title>a\r\nb</title></article>",
        "<article key=\"a\"><title>a ]]> b</title></article>",
        "<article key=\"a\"><title>&bad;</title></article>",      /* an entity that would be markup */
        "<article key=\"a\"><title>&nosuch;</title></article>",
        "<article key=\"a\"><title>&#0;</title></article>",
        "<article key=\"a\"><title>&#xD800;</title></article>",
        "<article key=\"a\"><title>&#x110000;</title></article>",
        "<article key=\"a\"><title>\xEF\xBF\xBE</title></article>", /* U+FFFE */
        "<article key=\"a\"><title>\xC0\xAF</title></article>",     /* overlong */
        "<article key=\"a\"><title>\xE9t\xE9</title></article>",    /* not UTF-8 */
        "<article key=\"a\"><title>a\x01</title></article>",
        "<article key=\"a\" key=\"b\"><title>t</title></article>",
        "<article key=\"a&amp;b\"><title>t</title></article>",
        "<article key=\"a\"xml:lang=\"en\"><title>t</title></article>",
        "<article key=\"a\" xmlns:x=\"u\"><title>t</title></article>",
        "<article key=\"a\"/>",
        "<article key=\"a\">text<title>t</title></article>",
        "<article key=\"a\"><title>t</titl></article>",
        "<article key=\"a\"><title>t</title></articles>",
        "<x:article key=\"a\"><title>t</title></x:article>",
        "<article key=\"a\"><title><i>t</b></title></article>",
        "<article key=\"a\"><?pi x?><title>t</title></article>",
    };
    coa_dblp_rec_t r = {0};
    size_t used;
    long newlines;
    for (size_t i = 0; i < sizeof declined / sizeof *declined; i++) {
        int got = read_one(f, declined[i], &r, &used, &newlines);
        if (got != 0)
            fail_msg("'%s': %d, not declined", declined[i], got);
    }
    /* UTF-8 text the fast path reads */
    assert_int_equal(read_one(f, "<article><title>\xE6\x9D\xB1 \xF0\x9D\x94\xB8 &#x1D538;</title></article>", &r,
                              &used, &newlines),
                     1);
    assert_string_equal(field(&r, 0, COA_DBLP_F_TITLE), "\xE6\x9D\xB1 \xF0\x9D\x94\xB8 \xF0\x9D\x94\xB8");
    coa_dblp_rec_free(&r);
    coa_dblpfast_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_declarations),
        cmocka_unit_test(test_record),
        cmocka_unit_test(test_declined),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
