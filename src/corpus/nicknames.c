/* Common English nicknames of given names.
 *
 * Written by hand: each pair is one of the given name / nickname rows of
 * the ODU Web Science and Digital Libraries group's lookup
 * (github.com/carltonnorthern/nicknames, names.csv, Apache-2.0), kept to
 * the names that are common today.  That list, mined from a genealogy page,
 * also relates names that are no longer nicknames of each other (and many
 * that are rare); taking it whole would merge people on a guess, so only
 * these are used, and always with evidence of one person besides. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "corpus/names_internal.h"

typedef struct {
    const char *full, *nick;
    size_t full_len, nick_len;
} nickname_t;

#define N(full, nick) {full, nick, sizeof full - 1, sizeof nick - 1}
static const nickname_t nicknames[] = {
    N("abraham", "abe"), N("albert", "al"), N("alexander", "alex"), N("alexander", "sasha"),
    N("alexandra", "alex"), N("alfred", "al"), N("andrew", "andy"), N("andrew", "drew"),
    N("anthony", "tony"), N("barbara", "barb"), N("benjamin", "ben"), N("bradley", "brad"),
    N("catherine", "cathy"), N("catherine", "kate"), N("charles", "charlie"), N("charles", "chuck"),
    N("christina", "chris"), N("christine", "chris"), N("christopher", "chris"), N("daniel", "dan"),
    N("daniel", "danny"), N("david", "dave"), N("deborah", "debbie"), N("deborah", "deb"),
    N("donald", "don"), N("douglas", "doug"), N("edward", "ed"), N("edward", "ted"),
    N("elizabeth", "beth"), N("elizabeth", "liz"), N("eugene", "gene"), N("frederick", "fred"),
    N("gregory", "greg"), N("henry", "hank"), N("jacob", "jake"), N("james", "jim"),
    N("james", "jimmy"), N("jeffrey", "jeff"), N("jennifer", "jen"), N("jennifer", "jenny"),
    N("jonathan", "jon"), N("joseph", "joe"), N("joshua", "josh"), N("katherine", "kate"),
    N("katherine", "kathy"), N("kathleen", "kathy"), N("kenneth", "ken"), N("lawrence", "larry"),
    N("leonard", "len"), N("margaret", "maggie"), N("margaret", "peggy"), N("matthew", "matt"),
    N("michael", "mike"), N("michael", "mick"), N("nathaniel", "nate"), N("nicholas", "nick"),
    N("patricia", "pat"), N("patricia", "patty"), N("patrick", "pat"), N("peter", "pete"),
    N("philip", "phil"), N("phillip", "phil"), N("raymond", "ray"), N("rebecca", "becky"),
    N("richard", "dick"), N("richard", "rich"), N("richard", "rick"), N("robert", "bob"),
    N("robert", "rob"), N("robert", "bobby"), N("ronald", "ron"), N("samuel", "sam"),
    N("stephen", "steve"), N("steven", "steve"), N("susan", "sue"), N("theodore", "ted"),
    N("thomas", "tom"), N("timothy", "tim"), N("victoria", "vicky"), N("vincent", "vince"),
    N("walter", "walt"), N("william", "bill"), N("william", "will"), N("william", "billy"),
    N("zachary", "zach"),
};
#undef N

/* Each row twice, as (full, nick) and (nick, full), grouped by the first
 * letter of the first: block_pairs asks about most pairs of given names
 * in a surname, and a scan of the whole table for each was 7 % of a load
 * (issue 20).  Built once; every name of the table is in a-z. */
typedef struct {
    const char *word, *other;
    size_t word_len, other_len;
} nickname_half_t;

#define N_NICKNAMES (sizeof nicknames / sizeof nicknames[0])
static nickname_half_t by_letter[2 * N_NICKNAMES];
static uint32_t letter_start[27];
static pthread_once_t by_letter_once = PTHREAD_ONCE_INIT;

static void index_nicknames(void)
{
    nickname_half_t halves[2 * N_NICKNAMES];
    for (size_t i = 0; i < N_NICKNAMES; i++) {
        const nickname_t *k = &nicknames[i];
        halves[2 * i] = (nickname_half_t){k->full, k->nick, k->full_len, k->nick_len};
        halves[2 * i + 1] = (nickname_half_t){k->nick, k->full, k->nick_len, k->full_len};
    }
    uint32_t count[27] = {0};
    for (size_t h = 0; h < 2 * N_NICKNAMES; h++)
        count[halves[h].word[0] - 'a' + 1]++;
    for (int l = 0; l < 26; l++)
        count[l + 1] += count[l];
    memcpy(letter_start, count, sizeof letter_start);
    for (size_t h = 0; h < 2 * N_NICKNAMES; h++)
        by_letter[count[halves[h].word[0] - 'a']++] = halves[h];
}

int coa_names_nickname(const char *a, size_t la, const char *b, size_t lb)
{
    if (la < 2 || lb < 2 || a[0] < 'a' || a[0] > 'z')
        return 0;
    pthread_once(&by_letter_once, index_nicknames);
    for (uint32_t h = letter_start[a[0] - 'a']; h < letter_start[a[0] - 'a' + 1]; h++) {
        const nickname_half_t *k = &by_letter[h];
        if (la == k->word_len && lb == k->other_len && !memcmp(a, k->word, la) && !memcmp(b, k->other, lb))
            return 1;
    }
    return 0;
}
