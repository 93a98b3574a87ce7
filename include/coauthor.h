/*
 * coauthor: a library for coauthorship networks.  This umbrella header
 * includes every public header; see each for its part.
 */
#ifndef COAUTHOR_H
#define COAUTHOR_H

#include "coauthor/common.h"
#include "coauthor/strpool.h"
#include "coauthor/corpus.h"
#include "coauthor/read.h"
#include "coauthor/graph.h"
#include "coauthor/identity.h"
#include "coauthor/names.h"
#include "coauthor/stats.h"
#include "coauthor/rank.h"
#include "coauthor/community.h"
#include "coauthor/view.h"
#include "coauthor/path.h"
#include "coauthor/write.h"
#include "coauthor/store.h"
#include "coauthor/export.h"
#include "coauthor/draw.h"
#include "coauthor/load.h"

#define COAUTHOR_VERSION "0.1.0"

#endif
