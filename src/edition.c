/* PLACEHOLDER: being written in this session; replaced before any commit. */
#include "json.h"
#include "yaml.h"
#include "load.h"
#include "validate.h"
#include "edition.h"
#include "merge.h"
struct edition *edition_load(const char *p, struct diag *d) { return NULL; }
void edition_free(struct edition *e) { }
