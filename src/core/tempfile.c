/*
 * Temporary files beside a target, for the outputs (write/outfile.c) and
 * the database and its index (corpus/store.c, graph/index.c).
 *
 * Each is ".BASE.PID.XXXXXX" in the target's directory: created by mkstemp
 * (O_EXCL, so a planted file or symlink of that name is never opened), on
 * the target's file system (so rename is atomic), and carrying the PID of
 * its writer, so that the next run on the same target can tell a leftover
 * of a killed run (kill -9 gives no chance to clean up) from the temporary
 * of a run still going, and remove only the former.  The files still open
 * are tracked so that a signal handler can remove them.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"

/* Written only outside signal handlers (with signals blocked); a pointer
 * store is atomic on every platform we build on, and volatile keeps the
 * handler's reads honest. */
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

void coa_temp_forget(const char *tmp)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (live[i] == tmp)
            live[i] = NULL;
}

void coa_temp_remove_all(void)
{
    for (int i = 0; i < MAX_LIVE; i++) {
        char *tmp = live[i];
        if (tmp)
            unlink(tmp);
    }
}

/* The PID in a leftover's name: ".BASE.PID.XXXXXX" (this scheme) or
 * "BASE.tmp-PID" (the store's earlier one); 0 when 'name' is neither. */
static long leftover_pid(const char *name, const char *base)
{
    size_t blen = strlen(base);
    char *end;
    if (name[0] == '.' && strncmp(name + 1, base, blen) == 0 && name[1 + blen] == '.') {
        const char *p = name + 2 + blen;
        if (*p < '1' || *p > '9')
            return 0;
        long pid = strtol(p, &end, 10);
        return *end == '.' && strlen(end + 1) == 6 ? pid : 0; /* mkstemp's six */
    }
    if (strncmp(name, base, blen) == 0 && strncmp(name + blen, ".tmp-", 5) == 0) {
        const char *p = name + blen + 5;
        if (*p < '1' || *p > '9')
            return 0;
        long pid = strtol(p, &end, 10);
        return *end == '\0' ? pid : 0;
    }
    return 0;
}

void coa_temp_remove_leftovers(const char *target)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    char *dir = slash ? strndup(target, (size_t)(slash - target) + 1) : strdup("./");
    if (!dir || !*base) {
        free(dir);
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        free(dir);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long pid = leftover_pid(e->d_name, base);
        if (pid <= 0 || pid == (long)getpid())
            continue;
        /* a process of that PID still runs (or is another user's): leave it */
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 1;
        char *path = malloc(len);
        if (!path)
            break;
        snprintf(path, len, "%s%s", dir, e->d_name);
        struct stat st;
        /* only files: a directory of that name is not ours */
        if (lstat(path, &st) == 0 && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
            unlink(path);
        free(path);
    }
    closedir(d);
    free(dir);
}

int coa_temp_create(const char *target, char **tmp)
{
    *tmp = NULL;
    coa_temp_remove_leftovers(target);
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target + 1) : 0;
    size_t len = strlen(target) + 40;
    char *name = malloc(len);
    if (!name) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(name, len, "%.*s.%s.%ld.XXXXXX", (int)dirlen, target, target + dirlen, (long)getpid());
    /* a signal between creating the file and recording it would leave the
     * file behind: hold signals for those two steps */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    int fd = mkstemp(name);
    int saved = errno;
    if (fd >= 0)
        live_add(name);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        free(name);
        errno = saved;
        return -1;
    }
    *tmp = name;
    return fd;
}

void coa_temp_set_mode(int fd, const struct stat *replaced)
{
    mode_t mode;
    if (replaced) {
        mode = replaced->st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    fchmod(fd, mode);
}
