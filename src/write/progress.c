/* The progress bar of long work on stderr (include/coauthor/report.h). */
#include <stdlib.h>
#include <time.h>

#include "coauthor/report.h"

/* Whether a bar is on the terminal's last line: a message then wipes it
 * first, and the bar comes back at its next redraw. */
static int on_screen;

void coa_progress_wipe(FILE *err)
{
    if (on_screen) {
        fputs("\r\033[K", err);
        on_screen = 0;
    }
}

/* The progress bar of long work (a file being read, a database being
 * written, distance searches): on a terminal only, redrawn at most ten
 * times a second, and wiped when the work is done.  The rate and the time
 * left are over bytes (compressed bytes for gzip), or over what p->unit
 * names. */
static double elapsed(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) * 1e-9;
}

void coa_progress_bar(void *ctx, const char *name, uint64_t done, uint64_t total)
{
    coa_progress_t *p = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (p->name != name) {
        p->name = name;
        p->start = p->last = now;
        p->shown = 0;
    }
    if (total && done >= total) {
        if (p->shown)
            fputs("\r\033[K", stderr);
        p->shown = on_screen = 0;
        return;
    }
    double t = elapsed(&p->start, &now);
    static double after = -1; /* seconds before a bar shows; tests set 0 */
    if (after < 0) {
        const char *e = getenv("COAUTHOR_PROGRESS_AFTER");
        after = e && *e ? atof(e) : 1.0;
    }
    if (t < after || (p->shown && elapsed(&p->last, &now) < 0.1))
        return; /* quick work gets no bar */
    p->last = now;
    p->shown = on_screen = 1;
    double rate = t > 0.001 ? (double)done / t : 0;
    if (p->unit && total) {
        int width = 30, fill = (int)((double)width * (double)done / (double)total);
        double left = rate > 0 ? (double)(total - done) / rate : 0;
        fprintf(stderr, "\r\033[K%s: [%.*s%*s] %llu/%llu  %.1f %s/s  %d:%02d left", name, fill,
                "##############################", width - fill, "", (unsigned long long)done,
                (unsigned long long)total, rate, p->unit, (int)left / 60, (int)left % 60);
    } else if (total) {
        int width = 30, fill = (int)((double)width * (double)done / (double)total);
        double left = rate > 0 ? (double)(total - done) / rate : 0;
        fprintf(stderr, "\r\033[K%s: [%.*s%*s] %3d%%  %.0f MB/s  %d:%02d left", name, fill,
                "##############################", width - fill, "", (int)(100.0 * (double)done / (double)total),
                rate / 1e6, (int)left / 60, (int)left % 60);
    } else {
        fprintf(stderr, "\r\033[K%s: %.0f MB  %.0f MB/s", name, (double)done / 1e6, rate / 1e6);
    }
    fflush(stderr);
}
