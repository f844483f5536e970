#ifndef ESCALA_CPCRE2_SHIM_H
#define ESCALA_CPCRE2_SHIM_H
// Escala uses the 8-bit library: workflow files are UTF-8.
#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#endif
