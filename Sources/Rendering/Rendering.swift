// Rendering owns drawing a Charts scene with Cairo: PNG, SVG and PDF surfaces, text
// shaping and measuring with Pango (CJK line breaking and font fallback), and the
// multi-page PDF with outline and metadata. Nothing else links Cairo or Pango.
//
// Three decisions shape the files here:
// - Text is laid out once, surface-independently (PangoTextMeasurer: 72 dpi, no
//   hinting, no rounding), and drawn from that same layout, so what Charts measures is
//   what every surface shows.
// - Every format is encoded in memory and written in one go (ByteSink, writeFile):
//   errors carry the OS's reason, and a failed render leaves no partial file.
// - Same scene, same bytes: fixed PDF dates (PDFMetadata), SVG ids renumbered
//   (SVGIdentifiers), and PNGs written with zlib (PNGEncoder) without a time chunk, at
//   settings several times faster than cairo_surface_write_to_png for charts.
// Map of the targets, the data flow and the extension points: docs/architecture.md.
