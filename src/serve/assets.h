/* The files of the page, embedded in the binary at build time by
 * scripts/embed-assets.sh (web/ and the graph library from
 * web/node_modules), so that the page loads nothing from elsewhere. */
#ifndef COAUTHOR_SERVE_ASSETS_H
#define COAUTHOR_SERVE_ASSETS_H

#include <stddef.h>

typedef struct {
    const char *path;          /* "/", "/app.js", ... */
    const char *type;          /* Content-Type */
    const unsigned char *data;
    size_t len;
} serve_asset_t;

extern const serve_asset_t serve_assets[];
extern const size_t serve_n_assets;

#endif
