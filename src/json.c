/* PLACEHOLDER: being written in this session; replaced before any commit. */
#include "json.h"
#include "yaml.h"
#include "load.h"
#include "validate.h"
#include "edition.h"
#include "merge.h"
struct node *json_parse(struct arena *a, const char *f, const char *b, size_t l, struct diag *d) { return NULL; }
