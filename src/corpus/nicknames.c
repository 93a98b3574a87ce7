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

static const char *const nicknames[][2] = {
    {"abraham", "abe"},       {"albert", "al"},         {"alexander", "alex"},   {"alexander", "sasha"},
    {"alexandra", "alex"},    {"alfred", "al"},         {"andrew", "andy"},      {"andrew", "drew"},
    {"anthony", "tony"},      {"barbara", "barb"},      {"benjamin", "ben"},     {"bradley", "brad"},
    {"catherine", "cathy"},   {"catherine", "kate"},    {"charles", "charlie"},  {"charles", "chuck"},
    {"christina", "chris"},   {"christine", "chris"},   {"christopher", "chris"}, {"daniel", "dan"},
    {"daniel", "danny"},      {"david", "dave"},        {"deborah", "debbie"},   {"deborah", "deb"},
    {"donald", "don"},        {"douglas", "doug"},      {"edward", "ed"},        {"edward", "ted"},
    {"elizabeth", "beth"},    {"elizabeth", "liz"},     {"eugene", "gene"},      {"frederick", "fred"},
    {"gregory", "greg"},      {"henry", "hank"},        {"jacob", "jake"},       {"james", "jim"},
    {"james", "jimmy"},       {"jeffrey", "jeff"},      {"jennifer", "jen"},     {"jennifer", "jenny"},
    {"jonathan", "jon"},      {"joseph", "joe"},        {"joshua", "josh"},      {"katherine", "kate"},
    {"katherine", "kathy"},   {"kathleen", "kathy"},    {"kenneth", "ken"},      {"lawrence", "larry"},
    {"leonard", "len"},       {"margaret", "maggie"},   {"margaret", "peggy"},   {"matthew", "matt"},
    {"michael", "mike"},      {"michael", "mick"},      {"nathaniel", "nate"},   {"nicholas", "nick"},
    {"patricia", "pat"},      {"patricia", "patty"},    {"patrick", "pat"},      {"peter", "pete"},
    {"philip", "phil"},       {"phillip", "phil"},      {"raymond", "ray"},      {"rebecca", "becky"},
    {"richard", "dick"},      {"richard", "rich"},      {"richard", "rick"},     {"robert", "bob"},
    {"robert", "rob"},        {"robert", "bobby"},      {"ronald", "ron"},       {"samuel", "sam"},
    {"stephen", "steve"},     {"steven", "steve"},      {"susan", "sue"},        {"theodore", "ted"},
    {"thomas", "tom"},        {"timothy", "tim"},       {"victoria", "vicky"},   {"vincent", "vince"},
    {"walter", "walt"},       {"william", "bill"},      {"william", "will"},     {"william", "billy"},
    {"zachary", "zach"},
};

int coa_names_nickname(const char *a, size_t la, const char *b, size_t lb)
{
    for (size_t i = 0; i < sizeof nicknames / sizeof nicknames[0]; i++) {
        const char *f = nicknames[i][0], *n = nicknames[i][1];
        size_t lf = strlen(f), ln = strlen(n);
        if ((la == lf && lb == ln && !memcmp(a, f, la) && !memcmp(b, n, lb)) ||
            (la == ln && lb == lf && !memcmp(a, n, la) && !memcmp(b, f, lb)))
            return 1;
    }
    return 0;
}
