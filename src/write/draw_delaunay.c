/* Graphviz's Delaunay triangulation with its edges in a fixed order, so
 * that the same graph gives the same picture.
 *
 * Overlap removal by prism (overlap=prism, prism20: render.c's first
 * layout, every engine but circo and twopi) builds a proximity graph from
 * delaunay_tri() in Graphviz's neato plugin.  Built with GTS (as Debian's
 * 2.42.2 is), that lists the edges by walking GTS's hash tables, which
 * hash face pointers: the order followed the heap addresses.  The edge
 * set was the same, but the stress solver summed in another order, and
 * the node positions moved by up to 4e-6 points from run to run on the
 * largest component of CA-GrQc (4,158 authors, sfdp).  Pinned with two
 * decimals, one run in three drew a few edges 0.1 point apart; under
 * 'setarch -R' (no address randomisation) every run agreed, but a longer
 * output file name moved the heap and the picture again.
 *
 * This definition, exported from the program (the Makefile links with
 * -Wl,--export-dynamic-symbol=delaunay_tri), comes first in the dynamic
 * linker's search, so the plugin's own call lands here: it calls the
 * plugin's function and sorts the edges.  With a Graphviz that does not
 * export delaunay_tri, or a program linked without the flag, it is never
 * called and the pictures are as deterministic as Graphviz makes them.
 * The signature is 2.42's, and that of the later sources (which allocate
 * the edges with gv_calloc). */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

int *delaunay_tri(double *x, double *y, int n, int *pnedges);

typedef int *delaunay_fn(double *, double *, int, int *);

static int edge_cmp(const void *a, const void *b)
{
    const int *p = a, *q = b;
    return p[0] != q[0] ? (p[0] > q[0]) - (p[0] < q[0]) : (p[1] > q[1]) - (p[1] < q[1]);
}

/* The delaunay_tri of the object that called this one (the neato
 * plugin), or NULL. */
static delaunay_fn *caller_delaunay(const void *caller)
{
    Dl_info info;
    delaunay_fn *fn = NULL;
    if (!dladdr(caller, &info) || !info.dli_fname)
        return NULL;
    void *lib = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
    if (!lib)
        return NULL;
    /* dlsym on a library's handle searches that library first, not the
     * program; POSIX's way to turn its void * into a function pointer */
    void *sym = dlsym(lib, "delaunay_tri");
    if (sym)
        memcpy(&fn, &sym, sizeof fn);
    dlclose(lib);
    return fn == delaunay_tri ? NULL : fn;
}

/* The last caller's function, remembered: dladdr, dlopen, dlsym and
 * dlclose on every call were 1.5% of an uncached ego answer of serve, which
 * triangulates once per round of prism.  The key is the call's return
 * address, which names one call site of one loaded library. */
static pthread_mutex_t cached_lock = PTHREAD_MUTEX_INITIALIZER;
static const void *cached_caller;
static delaunay_fn *cached_fn;

static delaunay_fn *real_delaunay(const void *caller)
{
    pthread_mutex_lock(&cached_lock);
    int hit = caller == cached_caller;
    delaunay_fn *fn = cached_fn;
    pthread_mutex_unlock(&cached_lock);
    if (hit)
        return fn;
    fn = caller_delaunay(caller);
    pthread_mutex_lock(&cached_lock);
    cached_caller = caller;
    cached_fn = fn;
    pthread_mutex_unlock(&cached_lock);
    return fn;
}

int *delaunay_tri(double *x, double *y, int n, int *pnedges)
{
    delaunay_fn *real = real_delaunay(__builtin_return_address(0));
    if (!real) {
        *pnedges = 0;
        return NULL;
    }
    int *edges = real(x, y, n, pnedges);
    if (!edges || *pnedges <= 0)
        return edges;
    /* each edge as (smaller, larger), then the edges in that order */
    for (int i = 0; i < *pnedges; i++)
        if (edges[2 * i] > edges[2 * i + 1]) {
            int t = edges[2 * i];
            edges[2 * i] = edges[2 * i + 1];
            edges[2 * i + 1] = t;
        }
    qsort(edges, (size_t)*pnedges, 2 * sizeof *edges, edge_cmp);
    return edges;
}
