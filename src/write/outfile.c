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
#include "internal.h"

void coa_outfile_remove_temporaries(void)
{
    coa_temp_remove_all();
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
    struct stat st, lst;
    int exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            fail(errbuf, errlen, path, "write", EISDIR);
            return COA_EIO;
        }
        /* a character device (/dev/null, a terminal) or a pipe (/dev/stdout
         * into a pipeline): there is nothing to replace, so write in place,
         * as sed and sqlite do; renaming over it would replace the device
         * node itself (as root).  Pipes are kept too, so that
         * "-o /dev/stdout | ..." works; anything else (a block device, a
         * socket) is no output file */
        if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode)) {
            if (errbuf && errlen)
                snprintf(errbuf, errlen, "cannot write '%s': not a regular file", path);
            return COA_EIO;
        }
        if (!(f->path = strdup(path)))
            return COA_ENOMEM;
        if (!(f->fp = fopen(path, "wb"))) {
            fail(errbuf, errlen, path, "write", errno);
            coa_outfile_abort(f);
            return COA_EIO;
        }
        return COA_OK;
    }
    /* a symbolic link to a file: replace the file it names, keeping the
     * link ("-o /dev/stdout > f.json" names f.json through /proc) */
    char *real = NULL;
    if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && !(real = realpath(path, NULL))) {
        fail(errbuf, errlen, path, "write", errno);
        return COA_EIO;
    }
    f->path = real ? real : strdup(path);
    if (!f->path)
        return COA_ENOMEM;
    /* the temporary file sits beside the target, so rename stays on one
     * file system; a leading dot keeps it out of globs */
    int fd = coa_temp_create(f->path, &f->tmp);
    if (fd < 0) {
        int e = errno;
        if (e == ENOMEM) {
            coa_outfile_abort(f);
            return COA_ENOMEM;
        }
        fail(errbuf, errlen, path, "write", e);
        coa_outfile_abort(f);
        return COA_EIO;
    }
    /* an existing file keeps its permissions; a new one gets what a new
     * file would get, not mkstemp's 0600 */
    coa_temp_set_mode(fd, exists ? &st : NULL);
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
        coa_temp_forget(f->tmp);
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
        coa_temp_forget(f->tmp);
        unlink(f->tmp);
    }
    free(f->tmp);
    free(f->path);
    memset(f, 0, sizeof *f);
}
