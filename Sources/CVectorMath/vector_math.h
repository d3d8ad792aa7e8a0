/* glibc's vector math library (libmvec, glibc >= 2.22): elementary functions on two
   doubles at a time, in the x86-64 vector ABI names (SSE2 variant, "b", which every
   x86-64 processor runs; glibc picks its SSE4.1 code at load time when it can). Swift
   passes mc_double2 as SIMD2<Double> in an xmm register. Accuracy: within 4 ulp (glibc
   manual, "Known Maximum Errors in Math Functions"). */
#ifndef MARKETCAST_VECTOR_MATH_H
#define MARKETCAST_VECTOR_MATH_H

#if defined(__x86_64__) && defined(__linux__)
typedef double mc_double2 __attribute__((vector_size(16)));
mc_double2 _ZGVbN2v_exp(mc_double2 x);
mc_double2 _ZGVbN2v_log(mc_double2 x);
mc_double2 _ZGVbN2vv_pow(mc_double2 x, mc_double2 y);
#endif

#endif
