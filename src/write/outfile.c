/* Atomic output files: write a temporary file, then rename it into place. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coauthor/write.h"

/* The temporary files of the outputs still open, so that a program ended
 * by a signal can remove them (coa_outfile_remove_temporaries).  Written
 * only outside signal handlers; a pointer store is atomic on every
 * platform we build on, and volatile keeps the handler's reads honest. */
#define MAX_LIVE 16
static char *volatile live[MAX_LIVE];

static void live_add(char *tmp)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (!live[i]) {
            live[i] = tmp;
            return;
        }
}

static void live_remove(const char *tmp)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (live[i] == tmp)
            live[i] = NULL;
}

void coa_outfile_remove_temporaries(void)
{
    for (int i = 0; i < MAX_LIVE; i++) {
        char *tmp = live[i];
        if (tmp)
            unlink(tmp);
    }
}

static void fail(char *errbuf, size_t errlen, const char *path, const char *what, int err)
{
    if (errbuf && errlen)
        snprintf(errbuf, errlen, "cannot %s '%s': %s", what, path, strerror(err));
}

int coa_outfile_open(coa_outfile_t *f, const char *path, char *errbuf, size_t errlen)
{
    memset(f, 0, sizeof *f);
    if (strcmp(path, "-") == 0) {
        f->is_stdout = 1;
        f->fp = stdout;
        return COA_OK;
    }
    if (!(f->path = strdup(path)))
        return COA_ENOMEM;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            fail(errbuf, errlen, path, "write", EISDIR);
            coa_outfile_abort(f);
            return COA_EIO;
        }
        /* a device or pipe: there is nothing to replace atomically */
        if (!(f->fp = fopen(path, "wb"))) {
            fail(errbuf, errlen, path, "write", errno);
            coa_outfile_abort(f);
            return COA_EIO;
        }
        return COA_OK;
    }
    /* the temporary file sits beside the target, so rename stays on one
     * file system; a leading dot keeps it out of globs */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    size_t len = strlen(path) + 16;
    if (!(f->tmp = malloc(len))) {
        coa_outfile_abort(f);
        return COA_ENOMEM;
    }
    snprintf(f->tmp, len, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    /* a signal between creating the file and recording it would leave the
     * file behind: hold signals for those two steps */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    int fd = mkstemp(f->tmp);
    int mkstemp_errno = errno;
    if (fd >= 0)
        live_add(f->tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = mkstemp_errno;
    if (fd < 0) {
        fail(errbuf, errlen, path, "write", errno);
        free(f->tmp);
        f->tmp = NULL;
        coa_outfile_abort(f);
        return COA_EIO;
    }
    /* keep the permissions a new file would get, not mkstemp's 0600 */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (!(f->fp = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        fail(errbuf, errlen, path, "write", e);
        coa_outfile_abort(f);
        return COA_EIO;
    }
    return COA_OK;
}

int coa_outfile_commit(coa_outfile_t *f, char *errbuf, size_t errlen)
{
    if (f->is_stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fail(errbuf, errlen, "standard output", "write", errno ? errno : EIO);
            return COA_EIO;
        }
        memset(f, 0, sizeof *f);
        return COA_OK;
    }
    int err = 0;
    if (fflush(f->fp) != 0 || ferror(f->fp))
        err = errno ? errno : EIO;
    if (!err && f->tmp && fsync(fileno(f->fp)) != 0)
        err = errno;
    if (fclose(f->fp) != 0 && !err)
        err = errno ? errno : EIO;
    f->fp = NULL;
    if (!err && f->tmp && rename(f->tmp, f->path) != 0)
        err = errno;
    if (!err && f->tmp)
        live_remove(f->tmp);
    if (err) {
        fail(errbuf, errlen, f->path, "write", err);
        coa_outfile_abort(f);
        return COA_EIO;
    }
    free(f->tmp);
    free(f->path);
    memset(f, 0, sizeof *f);
    return COA_OK;
}

void coa_outfile_abort(coa_outfile_t *f)
{
    if (f->fp && !f->is_stdout)
        fclose(f->fp);
    if (f->tmp) {
        live_remove(f->tmp);
        unlink(f->tmp);
    }
    free(f->tmp);
    free(f->path);
    memset(f, 0, sizeof *f);
}
