// zlib (Debian's zlib1g-dev): inflate, for IMDb's gzipped dataset files read as a stream.
#include <zlib.h>
