#ifndef CURSUS_CSQLITE_SHIM_H
#define CURSUS_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
