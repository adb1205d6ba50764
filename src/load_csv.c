/* PLACEHOLDER: being written in this session; replaced before any commit. */
#include "json.h"
#include "yaml.h"
#include "load.h"
#include "validate.h"
#include "edition.h"
#include "merge.h"
bool load_csv(struct catalogue *c, const char *f, const char *b, size_t l, const struct load_opts *o, struct diag *d) { return false; }
