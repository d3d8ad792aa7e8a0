/* Prototypes for the reference LAPACK/BLAS Fortran entry points that Numerics calls.
 * Debian's liblapack-dev ships the library but no C header for the Fortran ABI
 * (LAPACKE lives in another package), so the few routines used are declared here.
 * Fortran passes every argument by reference; hidden string lengths follow the
 * gfortran convention (size_t, appended), which only the character arguments need. */
#ifndef MARKETCAST_LAPACK_FORTRAN_H
#define MARKETCAST_LAPACK_FORTRAN_H
#include <stddef.h>

/* QR factorisation with column pivoting. */
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt,
             double *tau, double *work, const int *lwork, int *info);
/* The unblocked core of dgeqp3 (what dgeqp3 itself runs for fewer than 32 columns),
 * given the column norms in vn1 and vn2. */
void dlaqp2_(const int *m, const int *n, const int *offset, double *a, const int *lda,
             int *jpvt, double *tau, double *vn1, double *vn2, double *work);
/* Apply Q or Q^T from dgeqp3/dgeqrf to a matrix. */
void dormqr_(const char *side, const char *trans, const int *m, const int *n,
             const int *k, const double *a, const int *lda, const double *tau,
             double *c, const int *ldc, double *work, const int *lwork, int *info,
             size_t side_len, size_t trans_len);
/* QR factorisation without pivoting. */
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau,
             double *work, const int *lwork, int *info);
/* Singular value decomposition (divide and conquer). */
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt,
             double *work, const int *lwork, int *iwork, int *info, size_t jobz_len);
/* Singular value decomposition (QR iteration). */
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a,
             const int *lda, double *s, double *u, const int *ldu, double *vt,
             const int *ldvt, double *work, const int *lwork, int *info,
             size_t jobu_len, size_t jobvt_len);
/* Triangular solve with one or more right-hand sides. */
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n,
             const int *nrhs, const double *a, const int *lda, double *b, const int *ldb,
             int *info, size_t uplo_len, size_t trans_len, size_t diag_len);
/* Inverse of a triangular matrix. */
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a, const int *lda,
             int *info, size_t uplo_len, size_t diag_len);
/* Cholesky factorisation and the inverse from it. */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len);
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len);
/* Linear least squares via complete orthogonal factorisation. */
void dgelsy_(const int *m, const int *n, const int *nrhs, double *a, const int *lda,
             double *b, const int *ldb, int *jpvt, const double *rcond, int *rank,
             double *work, const int *lwork, int *info);
/* Machine parameters. */
double dlamch_(const char *cmach, size_t cmach_len);
/* Euclidean norm (BLAS). */
double dnrm2_(const int *n, const double *x, const int *incx);

#endif
