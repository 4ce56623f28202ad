// zlib, for the deflate streams inside ZIP (and so XLSX) files. Debian: zlib1g-dev.
#include <zlib.h>
