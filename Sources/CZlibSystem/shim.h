/* zlib (Debian: zlib1g-dev): deflate and crc32 for Rendering's PNG writer. */
#include <zlib.h>

/* deflateInit2 is a macro (it passes the header's version and sizeof(z_stream) to
 * deflateInit2_), and Swift does not import function-like macros. */
static inline int czlib_deflate_init(z_streamp stream, int level, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 /* 32 KiB window, zlib header */,
                        8 /* default memory level */, strategy);
}
