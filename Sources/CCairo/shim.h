/* The Cairo surfaces Rendering draws on: raster (PNG), PDF and SVG. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
