#ifndef CURSUS_CLIBXLSXWRITER_SHIM_H
#define CURSUS_CLIBXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
