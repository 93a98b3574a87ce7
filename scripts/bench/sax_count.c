/*
 * The reference point for reading DBLP XML: one plain libxml2 SAX2 pass
 * that resolves the DTD's entities and counts elements, authors and text
 * bytes, and does nothing else.  A reader that keeps records cannot be
 * faster than this and still use libxml2's parser.
 *
 *   sax_count FILE.xml
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

typedef struct {
    unsigned long elements, authors;
    unsigned long long text_bytes;
} counts_t;

static void start_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes)
{
    counts_t *c = ((xmlParserCtxtPtr)ctx)->_private;
    (void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces, (void)nb_attributes;
    (void)nb_defaulted, (void)attributes;
    c->elements++;
    if (strcmp((const char *)localname, "author") == 0)
        c->authors++;
}

static void end_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)ctx, (void)localname, (void)prefix, (void)uri;
}

static void characters(void *ctx, const xmlChar *ch, int len)
{
    counts_t *c = ((xmlParserCtxtPtr)ctx)->_private;
    (void)ch;
    c->text_bytes += (unsigned long long)len;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sax_count FILE.xml\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    xmlParserCtxtPtr ctxt = xmlCreateFileParserCtxt(argv[1]);
    if (!ctxt) {
        fprintf(stderr, "sax_count: cannot open '%s'\n", argv[1]);
        return 1;
    }
    counts_t c = {0, 0, 0};
    ctxt->_private = &c;
    /* keep the default SAX2 handlers for the DTD and entities, and replace
     * those that would build a tree */
    ctxt->sax->startElementNs = start_ns;
    ctxt->sax->endElementNs = end_ns;
    ctxt->sax->characters = characters;
    ctxt->sax->ignorableWhitespace = characters;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_HUGE | XML_PARSE_NONET);
    int rc = xmlParseDocument(ctxt);
    int ok = rc == 0 && ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    printf("elements %lu\nauthors %lu\ntext_bytes %llu\nseconds %.3f\n", c.elements, c.authors, c.text_bytes, s);
    return ok ? 0 : 1;
}
