/* Unit tests: the DBLP XML reader on the real fragment and small inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "coauthor.h"

typedef struct {
    int errors, warnings;
    char last[512];
} diags_t;

static void collect(void *ctx, const coa_diag_t *d)
{
    diags_t *st = ctx;
    if (d->severity == COA_DIAG_ERROR)
        st->errors++;
    else
        st->warnings++;
    snprintf(st->last, sizeof st->last, "%ld: %s", d->line, d->message);
}

static int read_text(coa_corpus_t *c, const char *xml, diags_t *st)
{
    coa_diag_sink_t sink = {collect, st};
    coa_read_options_t o;
    coa_read_options_init(&o);
    o.format = "dblp";
    return coa_read_buffer(c, "test.xml", xml, strlen(xml), &o, &sink);
}

static const char *meta(const coa_corpus_t *c, const char *label)
{
    const coa_source_t *s = &c->sources[0];
    for (uint32_t i = 0; i < s->n_meta; i++)
        if (!strcmp(coa_corpus_str(c, c->meta[s->first_meta + i].label), label))
            return coa_corpus_str(c, c->meta[s->first_meta + i].value);
    return "";
}

/* The real DBLP fragment is the project's shared data, beside the checkout
 * (tests/shared-data.sh says the same for the shell tests): on a clone
 * without it the test is skipped with one line that says why, and under
 * CI=true it fails, since CI must run every test. */
#define SHARED_FRAGMENT "../shared/data/dblp/dblp-fragment.xml"

static void test_fragment(void **state)
{
    (void)state;
    if (access(SHARED_FRAGMENT, R_OK) != 0) {
        const char *ci = getenv("CI");
        if (ci && !strcmp(ci, "true"))
            fail_msg("missing shared data: %s (CI must have ../shared/data beside the checkout)", SHARED_FRAGMENT);
        printf("skipped: needs %s, the project's shared real data, which this clone does not have beside it\n",
               SHARED_FRAGMENT);
        skip();
    }
    coa_corpus_t c;
    diags_t st = {0};
    coa_diag_sink_t sink = {collect, &st};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_read_file(&c, SHARED_FRAGMENT, NULL, &sink), COA_OK);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_int_equal(st.errors + st.warnings, 0);
    assert_string_equal(coa_corpus_str(&c, c.sources[0].format), "dblp");
    assert_int_equal(c.sources[0].records, 1245);
    assert_string_equal(meta(&c, "records article"), "565");
    assert_string_equal(meta(&c, "records incollection"), "651");
    assert_string_equal(meta(&c, "records www"), "16");
    assert_int_equal(c.n_papers, 1245 - 16);
    assert_int_equal(c.n_authorships, 1536); /* 1,547 <author> tags, 11 of them in www records */
    /* every entity decoded: no '&' left in any spelling */
    for (uint32_t a = 0; a < c.n_authors; a++)
        assert_null(strchr(coa_corpus_str(&c, c.authors[a].display), '&'));
    uint32_t ozsu = coa_corpus_find_author(&c, "M. Tamer \xC3\x96zsu");
    assert_int_not_equal(ozsu, COA_NONE);
    assert_string_equal(coa_corpus_str(&c, c.authors[ozsu].display), "M. Tamer \xC3\x96zsu");
    /* homonym numbers are identity, not spelling */
    uint32_t ms = coa_corpus_find_author(&c, "Michael Schwarz");
    assert_int_not_equal(ms, COA_NONE);
    assert_string_equal(coa_corpus_str(&c, c.authors[ms].display), "Michael Schwarz");
    assert_string_equal(coa_corpus_str(&c, c.authors[ms].id), "dblp:Michael Schwarz 0001");
    /* records keep their line, key, year, venue and DOI */
    assert_int_equal(c.papers[0].line, 1);
    assert_string_equal(coa_corpus_str(&c, c.papers[0].key), "tr/meltdown/s18");
    assert_int_equal(c.papers[0].year, 2018);
    assert_string_equal(coa_corpus_str(&c, c.papers[0].venue), "meltdownattack.com");
    int dois = 0;
    for (uint32_t p = 0; p < c.n_papers; p++)
        dois += c.papers[p].doi != COA_NOSTR;
    assert_true(dois > 500);
    coa_corpus_destroy(&c);
}

static void test_person_records(void **state)
{
    (void)state;
    coa_corpus_t c;
    diags_t st = {0};
    coa_diag_sink_t sink = {collect, &st};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(coa_read_file(&c, "tests/data/dblp/persons.xml", NULL, &sink), COA_OK);
    assert_int_equal(coa_corpus_finalize(&c), COA_OK);
    assert_int_equal(c.sources[0].records, 9);
    assert_int_equal(c.n_papers, 5); /* person records are not papers */
    uint32_t titov = coa_corpus_find_author(&c, "Ivan Titov");
    assert_int_not_equal(titov, COA_NONE);
    assert_int_equal(coa_corpus_find_author(&c, "Ivan A. Titov"), titov);
    assert_int_equal(c.authors[titov].n_papers, 2);
    assert_int_equal(coa_corpus_find_author(&c, "Tamer \xC3\x96zsu"),
                     coa_corpus_find_author(&c, "M. Tamer \xC3\x96zsu"));
    int reasons = 0;
    for (uint32_t m = 0; m < c.n_merges; m++)
        reasons += !strcmp(coa_corpus_str(&c, c.merges[m].reason), "dblp person record");
    assert_int_equal(reasons, 2);
    /* Michael Schwarz 0001 and 0002 stay two people */
    int schwarz = 0;
    for (uint32_t a = 0; a < c.n_authors; a++)
        if (c.authors[a].merged_into == COA_NONE && c.authors[a].n_papers &&
            !strcmp(coa_corpus_str(&c, c.authors[a].display), "Michael Schwarz"))
            schwarz++;
    assert_int_equal(schwarz, 2);
    coa_corpus_destroy(&c);
}

static void test_wrapped_and_bare_agree(void **state)
{
    (void)state;
    static const char rec[] = "<article mdate=\"2020-01-01\" key=\"a/b/c\">\n<author>J&uuml;rgen M&uuml;ller</author>\n"
                              "<author>Ana Bel&eacute;n</author>\n<title>T.</title>\n<year>2020</year>\n</article>\n";
    char wrapped[1024];
    snprintf(wrapped, sizeof wrapped,
             "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n%s</dblp>\n",
             rec);
    for (int i = 0; i < 2; i++) {
        coa_corpus_t c;
        diags_t st = {0};
        assert_int_equal(coa_corpus_init(&c), COA_OK);
        assert_int_equal(read_text(&c, i ? wrapped : rec, &st), COA_OK);
        assert_int_equal(st.errors + st.warnings, 0);
        assert_int_equal(c.sources[0].records, 1);
        assert_int_equal(c.papers[0].line, i ? 4 : 1); /* the file's own line numbers */
        assert_int_not_equal(coa_corpus_find_author(&c, "J\xC3\xBCrgen M\xC3\xBCller"), COA_NONE);
        assert_int_not_equal(coa_corpus_find_author(&c, "Ana Bel\xC3\xA9n"), COA_NONE);
        coa_corpus_destroy(&c);
    }
}

static void test_hostile(void **state)
{
    (void)state;
    /* the document's own entity declarations are replaced by ours, so an
     * expansion bomb never expands; its entity is then undeclared */
    static const char bomb[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp [\n<!ENTITY a \"aaaaaaaaaa\">\n"
                               "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<dblp>\n"
                               "<article key=\"k\" mdate=\"x\"><author>&b;</author></article>\n</dblp>\n";
    static const char bad_entity[] = "<article mdate=\"2020-01-01\" key=\"ok\"><author>A B</author></article>\n"
                                     "<article mdate=\"2020-01-01\" key=\"x\"><author>&nosuch;</author></article>\n";
    static const char garbage[] = "<article key=\"a\" mdate=\"b\"><author>\xFF\xFE</author></article>";
    const char *inputs[] = {bomb, bad_entity, garbage};
    for (int i = 0; i < 3; i++) {
        coa_corpus_t c;
        diags_t st = {0};
        assert_int_equal(coa_corpus_init(&c), COA_OK);
        assert_int_equal(read_text(&c, inputs[i], &st), COA_OK);
        if (st.warnings != 1)
            fail_msg("input %d: %d warnings, %d errors, last '%s'", i, st.warnings, st.errors, st.last);
        assert_int_equal(c.sources[0].skipped, 1);
        coa_corpus_destroy(&c);
    }
    /* the good record before an undeclared entity is kept, and the error is located */
    coa_corpus_t c;
    diags_t st = {0};
    assert_int_equal(coa_corpus_init(&c), COA_OK);
    assert_int_equal(read_text(&c, bad_entity, &st), COA_OK);
    assert_int_equal(c.sources[0].records, 1);
    assert_non_null(strstr(st.last, "2: XML error in the article record at line 2: Entity 'nosuch' not defined"));
    coa_corpus_destroy(&c);
}

/* An entity that dblp.dtd gains after our copy resolves when the DTD is
 * beside the file. */
static void test_dtd_beside(void **state)
{
    (void)state;
    char dir[] = "/tmp/coa-dblp-XXXXXX", path[64], dtd[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/new.xml", dir);
    snprintf(dtd, sizeof dtd, "%s/dblp.dtd", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<article mdate=\"2020-01-01\" key=\"k\"><author>Zo&newchar;</author></article>\n", f);
    fclose(f);
    for (int with_dtd = 0; with_dtd < 2; with_dtd++) {
        if (with_dtd) {
            f = fopen(dtd, "w");
            assert_non_null(f);
            fputs("<!ENTITY % field \"author|title\">\n<!ENTITY newchar \"&#235;\" ><!-- e with dieresis -->\n", f);
            fclose(f);
        }
        coa_corpus_t c;
        diags_t st = {0};
        coa_diag_sink_t sink = {collect, &st};
        assert_int_equal(coa_corpus_init(&c), COA_OK);
        assert_int_equal(coa_read_file(&c, path, NULL, &sink), COA_OK);
        assert_int_equal(c.sources[0].records, (uint32_t)with_dtd);
        if (with_dtd)
            assert_int_not_equal(coa_corpus_find_author(&c, "Zo\xC3\xAB"), COA_NONE);
        coa_corpus_destroy(&c);
    }
    unlink(dtd);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fragment),
        cmocka_unit_test(test_person_records),
        cmocka_unit_test(test_wrapped_and_bare_agree),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_dtd_beside),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
