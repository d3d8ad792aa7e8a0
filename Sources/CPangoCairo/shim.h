/* Pango text layout on Cairo: shaping, CJK line breaking and font fallback. */
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>
