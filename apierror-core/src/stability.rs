//! The stability guard: a catalog compared with its committed snapshot.
