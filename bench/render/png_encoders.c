/* Times the ways marketcast could turn a rendered 1920x1080 chart into PNG bytes:
 * cairo_surface_write_to_png_stream (libpng defaults), zlib deflate with row filters
 * at several levels/strategies, and libpng with tuned settings. Input: PNG files
 * (rendered charts); each is decoded once, then encoded N times per option.
 * Build and run: bench/render/run.py does both (cc -O2, pkg-config cairo libpng zlib). */
#include <cairo.h>
#include <png.h>
#include <zlib.h>
#ifdef HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { unsigned char *data; size_t size, capacity; } buffer;

static void append(buffer *b, const void *p, size_t n) {
    if (b->size + n > b->capacity) {
        b->capacity = (b->size + n) * 2;
        b->data = realloc(b->data, b->capacity);
    }
    memcpy(b->data + b->size, p, n);
    b->size += n;
}

static cairo_status_t cairo_sink(void *closure, const unsigned char *data, unsigned int length) {
    append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* RGB rows, each prefixed by its filter byte: 0 none, 1 sub, 2 up. */
static unsigned char *filtered_rows(cairo_surface_t *s, int filter, size_t *size) {
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    unsigned char *px = cairo_image_surface_get_data(s);
    size_t row = 1 + 3 * (size_t)w;
    unsigned char *raw = malloc(row * h), *prev = calloc(row, 1), *cur = malloc(row);
    for (int y = 0; y < h; y++) {
        uint32_t *p = (uint32_t *)(px + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            cur[1 + 3 * x] = p[x] >> 16; cur[2 + 3 * x] = p[x] >> 8; cur[3 + 3 * x] = p[x];
        }
        unsigned char *o = raw + y * row;
        o[0] = filter;
        for (size_t i = 1; i < row; i++) {
            unsigned char left = i > 3 ? cur[i - 3] : 0;
            o[i] = filter == 0 ? cur[i] : filter == 1 ? cur[i] - left : cur[i] - prev[i];
        }
        unsigned char *t = prev; prev = cur; cur = t;
    }
    free(prev); free(cur);
    *size = row * h;
    return raw;
}

static size_t zlib_encode(cairo_surface_t *s, int filter, int level, int strategy) {
    size_t n;
    unsigned char *raw = filtered_rows(s, filter, &n);
    z_stream z; memset(&z, 0, sizeof z);
    deflateInit2(&z, level, Z_DEFLATED, 15, 8, strategy);
    uLong bound = deflateBound(&z, n);
    unsigned char *out = malloc(bound);
    z.next_in = raw; z.avail_in = n; z.next_out = out; z.avail_out = bound;
    deflate(&z, Z_FINISH);
    size_t size = z.total_out;
    deflateEnd(&z);
    /* chunk CRCs, as the PNG writer would */
    volatile uLong crc = crc32(0, out, size); (void)crc;
    free(raw); free(out);
    return size;
}

static size_t convert_only(cairo_surface_t *s) {
    size_t n;
    free(filtered_rows(s, 0, &n));
    return n;
}

#ifdef HAVE_LIBDEFLATE
/* libdeflate compresses a whole buffer at once (no streaming), faster than zlib. */
static size_t libdeflate_encode(cairo_surface_t *s, int filter, int level) {
    size_t n;
    unsigned char *raw = filtered_rows(s, filter, &n);
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
    size_t bound = libdeflate_zlib_compress_bound(c, n);
    unsigned char *out = malloc(bound);
    size_t size = libdeflate_zlib_compress(c, raw, n, out, bound);
    volatile uLong crc = crc32(0, out, size); (void)crc;
    libdeflate_free_compressor(c);
    free(raw); free(out);
    return size;
}
#endif

static void png_sink(png_structp p, png_bytep data, png_size_t n) { append(png_get_io_ptr(p), data, n); }
static void png_flush(png_structp p) { (void)p; }

static size_t libpng_encode(cairo_surface_t *s, int filters, int level, int strategy) {
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    unsigned char *px = cairo_image_surface_get_data(s);
    buffer b = {0};
    png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(p);
    png_set_write_fn(p, &b, png_sink, png_flush);
    png_set_IHDR(p, info, w, h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(p, 0, filters);
    png_set_compression_level(p, level);
    png_set_compression_strategy(p, strategy);
    png_write_info(p, info);
    png_set_filler(p, 0, PNG_FILLER_AFTER);
    png_set_bgr(p);
    for (int y = 0; y < h; y++) png_write_row(p, px + (size_t)y * stride);
    png_write_end(p, info);
    png_destroy_write_struct(&p, &info);
    size_t size = b.size;
    free(b.data);
    return size;
}

static size_t cairo_encode(cairo_surface_t *s) {
    buffer b = {0};
    cairo_surface_write_to_png_stream(s, cairo_sink, &b);
    size_t size = b.size;
    free(b.data);
    return size;
}

int main(int argc, char **argv) {
    int repeats = 10;
    for (int f = 1; f < argc; f++) {
        cairo_surface_t *loaded = cairo_image_surface_create_from_png(argv[f]);
        int w = cairo_image_surface_get_width(loaded), h = cairo_image_surface_get_height(loaded);
        /* marketcast renders onto RGB24 surfaces */
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_t *cr = cairo_create(s);
        cairo_set_source_surface(cr, loaded, 0, 0);
        cairo_paint(cr);
        cairo_destroy(cr);
        cairo_surface_flush(s);
        printf("%s (%dx%d)\n", argv[f], w, h);
        printf("  %-40s %9s %10s\n", "encoder", "ms", "bytes");
/* The fastest of the repeats: other processes on a shared machine only ever add time. */
#define TIME(label, expr) do { size_t size = 0; double best = 1e9; \
        for (int r = 0; r < repeats; r++) { double t0 = now(); size = (expr); \
            if (now() - t0 < best) best = now() - t0; } \
        printf("  %-40s %9.2f %10zu\n", label, best * 1000, size); } while (0)
        TIME("cairo_surface_write_to_png", cairo_encode(s));
        TIME("(pixel conversion alone, no deflate)", convert_only(s));
        const char *fname[] = {"none", "sub", "up"};
        int strategies[] = {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_RLE};
        const char *sname[] = {"default", "filtered", "rle"};
        for (int filter = 0; filter < 3; filter++)
            for (int si = 0; si < 3; si++)
                for (int level = 1; level <= 6; level += 5) {
                    char label[80];
                    snprintf(label, sizeof label, "zlib filter=%s level=%d %s", fname[filter], level, sname[si]);
                    TIME(label, zlib_encode(s, filter, level, strategies[si]));
                }
#ifdef HAVE_LIBDEFLATE
        for (int filter = 0; filter < 3; filter++)
            for (int level = 1; level <= 6; level += 5) {
                char label[80];
                snprintf(label, sizeof label, "libdeflate filter=%s level=%d", fname[filter], level);
                TIME(label, libdeflate_encode(s, filter, level));
            }
#endif
        int pfilters[] = {PNG_FILTER_NONE, PNG_FILTER_SUB, PNG_FILTER_UP, PNG_ALL_FILTERS};
        const char *pname[] = {"none", "sub", "up", "all"};
        for (int pf = 0; pf < 4; pf++)
            for (int si = 0; si < 3; si++) {
                char label[80];
                snprintf(label, sizeof label, "libpng filter=%s level=1 %s", pname[pf], sname[si]);
                TIME(label, libpng_encode(s, pfilters[pf], 1, strategies[si]));
            }
        cairo_surface_destroy(s);
        cairo_surface_destroy(loaded);
    }
    return 0;
}
