/* Common English nicknames of given names.
 *
 * Written by hand: each pair is one of the given name / nickname rows of
 * the ODU Web Science and Digital Libraries group's lookup
 * (github.com/carltonnorthern/nicknames, names.csv, Apache-2.0), kept to
 * the names that are common today.  That list, mined from a genealogy page,
 * also relates names that are no longer nicknames of each other (and many
 * that are rare); taking it whole would merge people on a guess, so only
 * these are used, and always with evidence of one person besides. */
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

int coa_names_nickname(const char *a, size_t la, const char *b, size_t lb)
{
    if (la < 2 || lb < 2)
        return 0;
    for (size_t i = 0; i < sizeof nicknames / sizeof nicknames[0]; i++) {
        const nickname_t *k = &nicknames[i];
        if ((la == k->full_len && lb == k->nick_len && !memcmp(a, k->full, la) && !memcmp(b, k->nick, lb)) ||
            (la == k->nick_len && lb == k->full_len && !memcmp(a, k->nick, la) && !memcmp(b, k->full, lb)))
            return 1;
    }
    return 0;
}
