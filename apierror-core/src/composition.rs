//! Compile-time checks over composed catalogs: a service error made of
//! module errors (transparent variants), or independent types named in
//! `assert_unique_codes!`, must not give one code two meanings.
//!
//! Everything here is `const fn`, evaluated by the compiler: a violation is a
//! compile error whose message names the code and both variants.

use crate::catalog::{Catalog, Descriptor};

/// Fails compilation when two variants of different types share a code, or
/// when two types with the same pattern declare overlapping ranges.
pub const fn assert_unique_codes(roots: &[&Catalog]) {
    let mut i = 0;
    while i < roots.len() {
        walk_outer(roots, roots[i]);
        i += 1;
    }
}

/// For each catalog node under `node`: its codes against every other type's,
/// its ranges against every other type's with the same pattern.
const fn walk_outer(roots: &[&Catalog], node: &Catalog) {
    let mut i = 0;
    while i < roots.len() {
        walk_inner(node, roots[i]);
        i += 1;
    }
    let mut t = 0;
    while t < node.transparent.len() {
        walk_outer(roots, node.transparent[t].catalog);
        t += 1;
    }
}

const fn walk_inner(node: &Catalog, other: &Catalog) {
    if !same_type(node, other) {
        compare_codes(node, other);
        compare_ranges(node, other);
    }
    let mut t = 0;
    while t < other.transparent.len() {
        walk_inner(node, other.transparent[t].catalog);
        t += 1;
    }
}

/// The derive already rejects duplicates inside one type, and a type reached
/// twice (through two modules) means the same thing both times.
const fn same_type(a: &Catalog, b: &Catalog) -> bool {
    str_eq(a.type_name, b.type_name)
        && a.descriptors.len() == b.descriptors.len()
        && (a.descriptors.is_empty() || str_eq(a.descriptors[0].code, b.descriptors[0].code))
}

const fn compare_codes(a: &Catalog, b: &Catalog) {
    let mut i = 0;
    while i < a.descriptors.len() {
        let mut j = 0;
        while j < b.descriptors.len() {
            if str_eq(a.descriptors[i].code, b.descriptors[j].code) {
                duplicate(&a.descriptors[i], &b.descriptors[j]);
            }
            j += 1;
        }
        i += 1;
    }
}

const fn compare_ranges(a: &Catalog, b: &Catalog) {
    let (Some(pattern_a), Some(pattern_b)) = (a.pattern, b.pattern) else {
        return;
    };
    if !str_eq(pattern_a, pattern_b) {
        return;
    }
    if let (Some(ra), Some(rb)) = (a.range, b.range) {
        if ra.0 <= rb.1 && rb.0 <= ra.1 {
            overlap(a.type_name, "", ra, b.type_name, "", rb);
        }
    }
    let mut i = 0;
    while i < a.categories.len() {
        let mut j = 0;
        while j < b.categories.len() {
            if let (Some(ra), Some(rb)) = (a.categories[i].range, b.categories[j].range) {
                if ra.0 <= rb.1 && rb.0 <= ra.1 {
                    let (na, nb) = (a.categories[i].name, b.categories[j].name);
                    overlap(a.type_name, na, ra, b.type_name, nb, rb);
                }
            }
            j += 1;
        }
        i += 1;
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    // Codes of one pattern differ mostly in their last digits: compare from the end.
    let mut i = a.len();
    while i > 0 {
        i -= 1;
        if a[i] != b[i] {
            return false;
        }
    }
    true
}

/// A message built at compile time, without allocation.
struct Text {
    buf: [u8; 512],
    len: usize,
}

impl Text {
    const fn new() -> Self {
        Text {
            buf: [0; 512],
            len: 0,
        }
    }

    const fn push(mut self, s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut i = 0;
        // A message cut inside a character fails `from_utf8` in `fail`, which
        // then reports a generic message instead.
        while i < bytes.len() && self.len < self.buf.len() {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    const fn number(self, mut n: u64) -> Self {
        let mut digits = [0u8; 20];
        let mut count = 0;
        loop {
            digits[19 - count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let (_, used) = digits.split_at(20 - count);
        match core::str::from_utf8(used) {
            Ok(s) => self.push(s),
            Err(_) => self,
        }
    }

    const fn fail(&self) -> ! {
        let (text, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(message) => panic!("{}", message),
            Err(_) => panic!("apierror: conflicting error catalogs"),
        }
    }
}

const fn duplicate(a: &Descriptor, b: &Descriptor) -> ! {
    Text::new()
        .push("error code `")
        .push(a.code)
        .push("` is declared by both `")
        .push(a.type_name)
        .push("::")
        .push(a.variant)
        .push("` and `")
        .push(b.type_name)
        .push("::")
        .push(b.variant)
        .push("`; codes must be unique across composed types")
        .fail()
}

const fn overlap(
    type_a: &str,
    category_a: &str,
    a: (u64, u64),
    type_b: &str,
    category_b: &str,
    b: (u64, u64),
) -> ! {
    let text = Text::new().push("the ranges of `").push(type_a);
    let text = if category_a.is_empty() {
        text
    } else {
        text.push("` category `").push(category_a)
    };
    let text = text.push("` (").number(a.0).push("..=").number(a.1);
    let text = text.push(") and `").push(type_b);
    let text = if category_b.is_empty() {
        text
    } else {
        text.push("` category `").push(category_b)
    };
    text.push("` (")
        .number(b.0)
        .push("..=")
        .number(b.1)
        .push(") overlap: types sharing a pattern must number their codes apart")
        .fail()
}
