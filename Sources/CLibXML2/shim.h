#ifndef CURSUS_CLIBXML2_SHIM_H
#define CURSUS_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, whose headers clash with the ICU inside Foundation.
// Cursus uses no ICU-dependent part of libxml2 (only its parser and tree), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
