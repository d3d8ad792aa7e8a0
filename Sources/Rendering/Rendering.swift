// Rendering owns drawing a Charts scene with Cairo: PNG, SVG and PDF surfaces, text
// shaping and measuring with Pango (CJK line breaking and font fallback), and the
// multi-page PDF with outline and metadata. Nothing else links Cairo or Pango.
import CCairo
import CPangoCairo
