//! Compile-time checks over composed catalogs: a service error made of
//! module errors (transparent variants), or independent types named in
//! `assert_unique_codes!`, must not give one code two meanings.
//!
//! Everything here is `const fn`, evaluated by the compiler: a violation is a
//! compile error whose message names the code and both variants.

use crate::catalog::{Catalog, Descriptor};

/// How many codes `roots` hold, transparent variants followed: the length of
/// the array [`assert_unique_codes`] sorts.
pub const fn count_codes(roots: &[&Catalog]) -> usize {
    let mut nodes = Nodes::new(roots);
    let mut count = 0;
    loop {
        let (next, node) = nodes.next();
        nodes = next;
        match node {
            Some(node) => count += node.descriptors.len(),
            None => return count,
        }
    }
}

/// Fails compilation when two variants of different types share a code, or
/// when two types with the same pattern declare overlapping ranges. `N` is
/// [`count_codes`] of the same roots.
///
/// The codes are sorted (heapsort, O(n log n) steps of const evaluation) and
/// neighbours compared, so a service of thousands of codes stays cheap.
pub const fn assert_unique_codes<const N: usize>(roots: &[&Catalog]) {
    let mut codes = collect::<N>(roots);
    sort(&mut codes);
    let mut i = 1;
    while i < N {
        let (a, b) = (codes[i - 1], codes[i]);
        // The same variant reached through two modules is not a conflict.
        if str_eq(a.code, b.code)
            && !(str_eq(a.type_name, b.type_name) && str_eq(a.variant, b.variant))
        {
            // Panicking here, not deeper, keeps the compiler's note trail short.
            panic!("{}", duplicate(a, b).as_str());
        }
        i += 1;
    }
    if let Some(conflict) = find_overlap(roots) {
        panic!("{}", conflict.as_str());
    }
}

const PLACEHOLDER: Descriptor = Descriptor::__from_parts(crate::catalog::DescriptorParts::EMPTY);

const fn collect<const N: usize>(roots: &[&Catalog]) -> [&'static Descriptor; N] {
    let mut out = [&PLACEHOLDER; N];
    let mut filled = 0;
    let mut nodes = Nodes::new(roots);
    loop {
        let (next, node) = nodes.next();
        nodes = next;
        let Some(node) = node else {
            return out;
        };
        let own: &'static [Descriptor] = node.descriptors;
        let mut i = 0;
        while i < own.len() && filled < N {
            out[filled] = &own[i];
            filled += 1;
            i += 1;
        }
    }
}

const fn sort(codes: &mut [&'static Descriptor]) {
    let len = codes.len();
    let mut start = len / 2;
    while start > 0 {
        start -= 1;
        sift_down(codes, start, len);
    }
    let mut end = len;
    while end > 1 {
        end -= 1;
        swap(codes, 0, end);
        sift_down(codes, 0, end);
    }
}

const fn sift_down(codes: &mut [&'static Descriptor], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && str_lt(codes[child].code, codes[child + 1].code) {
            child += 1;
        }
        if !str_lt(codes[root].code, codes[child].code) {
            return;
        }
        swap(codes, root, child);
        root = child;
    }
}

const fn swap(codes: &mut [&'static Descriptor], i: usize, j: usize) {
    let held = codes[i];
    codes[i] = codes[j];
    codes[j] = held;
}

const fn str_lt(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// Ranges of every pair of distinct types sharing a pattern. Types are few,
/// so this compares node against node.
const fn find_overlap(roots: &[&Catalog]) -> Option<Text> {
    let mut outer = Nodes::new(roots);
    loop {
        let (next, node) = outer.next();
        outer = next;
        let Some(node) = node else {
            return None;
        };
        let mut inner = Nodes::new(roots);
        loop {
            let (next, other) = inner.next();
            inner = next;
            let Some(other) = other else {
                break;
            };
            if same_type(node, other) {
                continue;
            }
            if let Some(conflict) = compare_ranges(node, other) {
                return Some(conflict);
            }
        }
    }
}

/// How deep transparent variants may nest.
const DEPTH: usize = 32;

/// A pre-order walk over the catalogs of `roots` and of everything they
/// include, with an explicit stack (const fns cannot allocate).
#[derive(Clone, Copy)]
struct Nodes<'a> {
    roots: &'a [&'a Catalog],
    next_root: usize,
    // (catalog, its next transparent variant), innermost last.
    stack: [Option<(&'a Catalog, usize)>; DEPTH],
    depth: usize,
}

impl<'a> Nodes<'a> {
    const fn new(roots: &'a [&'a Catalog]) -> Self {
        Nodes {
            roots,
            next_root: 0,
            stack: [None; DEPTH],
            depth: 0,
        }
    }

    const fn next(mut self) -> (Self, Option<&'a Catalog>) {
        while self.depth > 0 {
            let Some((node, child)) = self.stack[self.depth - 1] else {
                break;
            };
            if child < node.transparent.len() {
                self.stack[self.depth - 1] = Some((node, child + 1));
                let found = node.transparent[child].catalog;
                return (self.enter(found), Some(found));
            }
            self.depth -= 1;
        }
        if self.next_root < self.roots.len() {
            let found = self.roots[self.next_root];
            self.next_root += 1;
            return (self.enter(found), Some(found));
        }
        (self, None)
    }

    const fn enter(mut self, node: &'a Catalog) -> Self {
        if self.depth == DEPTH {
            panic!("transparent variants nest more than 32 levels deep");
        }
        self.stack[self.depth] = Some((node, 0));
        self.depth += 1;
        self
    }
}

/// The derive already rejects duplicates inside one type, and a type reached
/// twice (through two modules) means the same thing both times.
const fn same_type(a: &Catalog, b: &Catalog) -> bool {
    str_eq(a.type_name, b.type_name)
        && a.descriptors.len() == b.descriptors.len()
        && (a.descriptors.is_empty() || str_eq(a.descriptors[0].code, b.descriptors[0].code))
}

const fn compare_ranges(a: &Catalog, b: &Catalog) -> Option<Text> {
    let (Some(pattern_a), Some(pattern_b)) = (a.pattern, b.pattern) else {
        return None;
    };
    if !str_eq(pattern_a, pattern_b) {
        return None;
    }
    if let (Some(ra), Some(rb)) = (a.range, b.range) {
        if ra.0 <= rb.1 && rb.0 <= ra.1 {
            return Some(overlap(a.type_name, "", ra, b.type_name, "", rb));
        }
    }
    let mut i = 0;
    while i < a.categories.len() {
        let mut j = 0;
        while j < b.categories.len() {
            if let (Some(ra), Some(rb)) = (a.categories[i].range, b.categories[j].range) {
                if ra.0 <= rb.1 && rb.0 <= ra.1 {
                    let (na, nb) = (a.categories[i].name, b.categories[j].name);
                    return Some(overlap(a.type_name, na, ra, b.type_name, nb, rb));
                }
            }
            j += 1;
        }
        i += 1;
    }
    None
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

    const fn as_str(&self) -> &str {
        let (text, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(message) => message,
            // Only a message cut inside a character gets here.
            Err(_) => "conflicting error codes or ranges across composed types",
        }
    }
}

const fn duplicate(a: &Descriptor, b: &Descriptor) -> Text {
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
}

const fn overlap(
    type_a: &str,
    category_a: &str,
    a: (u64, u64),
    type_b: &str,
    category_b: &str,
    b: (u64, u64),
) -> Text {
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
}
