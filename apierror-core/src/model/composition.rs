//! Compile-time checks over composed catalogs: a service error made of
//! module errors (transparent variants), or independent types named in
//! `assert_unique_codes!`, must not give one code two meanings.
//!
//! Everything here is `const fn`, evaluated by the compiler: a violation is a
//! compile error whose message names the code and both variants.

use crate::catalog::Catalog;
use crate::facts::code_hash;

/// What the composition check reads of a type: its codes (with their
/// hashes and variants), its numbering (pattern, range, category ranges)
/// and the types it includes, but no message, status or doc. The derive
/// emits it as `ApiError::__CODES` next to the catalog, so that editing a
/// message leaves it, and with it the check of every composed type that
/// includes it, unchanged: incremental builds do not re-run the check.
#[doc(hidden)]
pub struct Codes {
    source: Source,
}

enum Source {
    Listed(Listed),
    /// A type implementing `ApiError` by hand: its catalog is read.
    Catalog(&'static Catalog),
}

struct Listed {
    path: &'static str,
    pattern: Option<&'static str>,
    range: Option<(u64, u64)>,
    categories: &'static [(&'static str, (u64, u64))],
    /// The hash of each own code (FNV-1a, `facts::code_hash`), eight bytes
    /// little-endian each, in declaration order.
    hashes: &'static [u8],
    /// Each own code and its variant, in the same order, written
    /// `code` U+001F `variant` U+001E (neither a code nor a Rust name holds
    /// a control character). Two literals for the whole list, not a tuple
    /// per variant: what each variant costs to compile is what matters.
    names: &'static str,
    transparent: &'static [(&'static str, &'static Codes)],
}

/// Ends a code in [`Listed::names`].
const CODE_END: u8 = 0x1f;
/// Ends a variant, and so an entry, in [`Listed::names`].
const ENTRY_END: u8 = 0x1e;

impl Codes {
    /// The codes of a type, as the derive lists them. `path` is the type's
    /// full path (its owner's), `categories` the named ranges, `hashes` and
    /// `names` the own codes (see [`Listed`]).
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        path: &'static str,
        pattern: Option<&'static str>,
        range: Option<(u64, u64)>,
        categories: &'static [(&'static str, (u64, u64))],
        hashes: &'static [u8],
        names: &'static str,
        transparent: &'static [(&'static str, &'static Codes)],
    ) -> Self {
        Codes {
            source: Source::Listed(Listed {
                path,
                pattern,
                range,
                categories,
                hashes,
                names,
                transparent,
            }),
        }
    }

    /// The codes of a catalog (the default of `ApiError::__CODES`, for
    /// types that implement the trait by hand).
    pub const fn __of(catalog: &'static Catalog) -> Self {
        Codes {
            source: Source::Catalog(catalog),
        }
    }

    const fn view(&'static self) -> View {
        match &self.source {
            Source::Listed(listed) => View::Listed(listed),
            Source::Catalog(catalog) => View::Catalog(catalog),
        }
    }
}

impl Codes {
    /// Whether these codes say what `catalog` says: the same codes, hashes
    /// and variants in the same order, the same numbering, and the same
    /// transparent variants including types whose codes agree in turn. (The
    /// derive emits both; tests check that they agree.)
    pub fn __agrees_with(&'static self, catalog: &'static Catalog) -> bool {
        agree(self.view(), View::Catalog(catalog))
    }
}

fn agree(a: View, b: View) -> bool {
    let ranged = |v: View| -> Vec<(&'static str, (u64, u64))> {
        (0..v.categories())
            .filter_map(|i| match v.category(i) {
                (name, Some(range)) => Some((name, range)),
                (_, None) => None,
            })
            .collect()
    };
    a.path() == b.path()
        && a.pattern() == b.pattern()
        && a.range() == b.range()
        && ranged(a) == ranged(b)
        && a.len() == b.len()
        && (0..a.len()).all(|i| a.code(i) == b.code(i))
        && a.children() == b.children()
        && (0..a.children()).all(|i| {
            let ((va, ca), (vb, cb)) = (a.child(i), b.child(i));
            va == vb && agree(ca, cb)
        })
}

/// The `i`th code and variant of [`Listed::names`].
const fn listed_entry(names: &'static str, i: usize) -> (&'static str, &'static str) {
    let bytes = names.as_bytes();
    let (mut at, mut seen) = (0, 0);
    while seen < i && at < bytes.len() {
        if bytes[at] == ENTRY_END {
            seen += 1;
        }
        at += 1;
    }
    let start = at;
    while at < bytes.len() && bytes[at] != CODE_END {
        at += 1;
    }
    let code_end = at;
    if at < bytes.len() {
        at += 1;
    }
    let variant_start = at;
    while at < bytes.len() && bytes[at] != ENTRY_END {
        at += 1;
    }
    (
        str_slice(names, start, code_end),
        str_slice(names, variant_start, at),
    )
}

/// `s[start..end]` in a `const fn`; the bounds are ASCII separators.
const fn str_slice(s: &'static str, start: usize, end: usize) -> &'static str {
    let (head, _) = s.as_bytes().split_at(end);
    let (_, part) = head.split_at(start);
    match core::str::from_utf8(part) {
        Ok(part) => part,
        Err(_) => "",
    }
}

/// A type met by the walk, read from its [`Codes`] or its catalog.
#[derive(Clone, Copy)]
enum View {
    Listed(&'static Listed),
    Catalog(&'static Catalog),
}

impl View {
    const fn path(self) -> &'static str {
        match self {
            View::Listed(l) => l.path,
            View::Catalog(c) => c.owner.path,
        }
    }

    const fn len(self) -> usize {
        match self {
            View::Listed(l) => l.hashes.len() / 8,
            View::Catalog(c) => c.descriptors.len(),
        }
    }

    /// The hash of the `i`th own code.
    const fn hash(self, i: usize) -> u64 {
        match self {
            View::Listed(l) => match l.hashes.split_at(8 * i).1.first_chunk::<8>() {
                Some(bytes) => u64::from_le_bytes(*bytes),
                // Not reached: `len` counts whole hashes.
                None => 0,
            },
            // A type implementing the trait by hand: its codes hashed here.
            View::Catalog(c) => code_hash(c.descriptors[i].code()),
        }
    }

    /// The `i`th own code: hash, code, variant. For a listed type this
    /// reads the names from the start: the check calls it only for codes
    /// whose hashes are equal.
    const fn code(self, i: usize) -> (u64, &'static str, &'static str) {
        match self {
            View::Listed(l) => {
                let (code, variant) = listed_entry(l.names, i);
                (self.hash(i), code, variant)
            }
            View::Catalog(c) => {
                let d = &c.descriptors[i];
                (self.hash(i), d.code(), d.variant())
            }
        }
    }

    const fn children(self) -> usize {
        match self {
            View::Listed(l) => l.transparent.len(),
            View::Catalog(c) => c.transparent.len(),
        }
    }

    /// The `i`th transparent variant and the type it includes.
    const fn child(self, i: usize) -> (&'static str, View) {
        match self {
            View::Listed(l) => {
                let (variant, codes) = l.transparent[i];
                (variant, codes.view())
            }
            View::Catalog(c) => {
                let t = &c.transparent[i];
                (t.variant, View::Catalog(t.catalog))
            }
        }
    }

    const fn pattern(self) -> Option<&'static str> {
        match self {
            View::Listed(l) => l.pattern,
            View::Catalog(c) => c.pattern,
        }
    }

    const fn range(self) -> Option<(u64, u64)> {
        match self {
            View::Listed(l) => l.range,
            View::Catalog(c) => c.range,
        }
    }

    const fn categories(self) -> usize {
        match self {
            View::Listed(l) => l.categories.len(),
            View::Catalog(c) => c.categories.len(),
        }
    }

    /// The `i`th category's name and range (`None`: no range).
    const fn category(self, i: usize) -> (&'static str, Option<(u64, u64)>) {
        match self {
            View::Listed(l) => {
                let (name, range) = l.categories[i];
                (name, Some(range))
            }
            View::Catalog(c) => (c.categories[i].name, c.categories[i].range),
        }
    }
}

/// How many codes `roots` hold, transparent variants followed.
pub const fn count_codes(roots: &[&'static Codes]) -> usize {
    let mut nodes = Nodes::new(roots);
    let mut count = 0;
    loop {
        let (next, node) = nodes.next();
        nodes = next;
        match node {
            Some(node) => count += node.view.len(),
            None => return count,
        }
    }
}

/// The size of the table [`assert_unique_codes`] fills: a power of two at
/// least twice the number of codes, so that probes stay short.
pub const fn table_size(roots: &[&'static Codes]) -> usize {
    let wanted = 2 * count_codes(roots);
    let mut size = 1;
    while size < wanted {
        size *= 2;
    }
    size
}

/// Fails compilation when one code is reached twice in `roots` (two
/// variants of different types, or one type included twice), or when two
/// types with the same pattern declare overlapping ranges. `N` is
/// [`table_size`] of the same roots.
///
/// Each code goes into an open-addressing hash table by the hash the derive
/// computed: a few steps of constant evaluation per code, so a service of
/// tens of thousands of codes compiles in seconds.
pub const fn assert_unique_codes<const N: usize>(roots: &[&'static Codes]) {
    if let Err(conflict) = check::<N>(roots) {
        // Panicking here, not deeper, keeps the compiler's note trail short.
        panic!("{}", conflict.as_str());
    }
}

/// A code in the table: its hash, where it is (its type's view and its
/// place there: the code and variant are read only when two hashes are
/// equal), and the transparent variant its type was reached through.
#[derive(Clone, Copy)]
struct Slot {
    hash: u64,
    view: View,
    index: usize,
    via: Via,
}

/// How a type was reached: named as a root, or through a transparent
/// variant (the including type's path and the variant's name).
#[derive(Clone, Copy)]
struct Via {
    path: &'static str,
    variant: &'static str,
}

const ROOT: Via = Via {
    path: "",
    variant: "",
};

/// [`assert_unique_codes`] as a result: the message of the first conflict.
// Constant evaluation cannot allocate: the message is a fixed buffer.
#[allow(clippy::result_large_err)]
pub(crate) const fn check<const N: usize>(roots: &[&'static Codes]) -> Result<(), Text> {
    let mut table: [Option<Slot>; N] = [None; N];
    let mut nodes = Nodes::new(roots);
    loop {
        let (next, node) = nodes.next();
        nodes = next;
        let Some(node) = node else {
            break;
        };
        let view = node.view;
        let mut i = 0;
        while i < view.len() {
            let slot = Slot {
                hash: view.hash(i),
                view,
                index: i,
                via: node.via,
            };
            if let Err(conflict) = insert(&mut table, slot) {
                return Err(conflict);
            }
            i += 1;
        }
    }
    match find_overlap(roots) {
        Some(conflict) => Err(conflict),
        None => Ok(()),
    }
}

#[allow(clippy::result_large_err)]
const fn insert<const N: usize>(table: &mut [Option<Slot>; N], slot: Slot) -> Result<(), Text> {
    if N == 0 {
        return Ok(());
    }
    let mask = N - 1;
    let mut at = (slot.hash as usize) & mask;
    loop {
        match table[at] {
            None => {
                table[at] = Some(slot);
                return Ok(());
            }
            Some(other) if other.hash == slot.hash && str_eq(other.code(), slot.code()) => {
                return Err(duplicate(other, slot));
            }
            Some(_) => at = (at + 1) & mask,
        }
    }
}

/// Ranges of every pair of distinct types sharing a pattern. Types are few,
/// so this compares node against every later node.
const fn find_overlap(roots: &[&'static Codes]) -> Option<Text> {
    let mut outer = Nodes::new(roots);
    let mut index = 0;
    loop {
        let (next, node) = outer.next();
        outer = next;
        let Some(node) = node else {
            return None;
        };
        index += 1;
        let mut inner = Nodes::new(roots);
        let mut other_index = 0;
        loop {
            let (next, other) = inner.next();
            inner = next;
            let Some(other) = other else {
                break;
            };
            other_index += 1;
            // A type reached twice is reported as a duplicate of its codes.
            if other_index <= index || str_eq(node.view.path(), other.view.path()) {
                continue;
            }
            if let Some(conflict) = compare_ranges(node.view, other.view) {
                return Some(conflict);
            }
        }
    }
}

/// How deep transparent variants may nest.
pub(crate) const DEPTH: usize = 32;

/// A type met by the walk, and how it was reached.
#[derive(Clone, Copy)]
struct Node {
    view: View,
    via: Via,
}

/// A pre-order walk over `roots` and everything they include, with an
/// explicit stack (const fns cannot allocate).
#[derive(Clone, Copy)]
struct Nodes<'a> {
    roots: &'a [&'static Codes],
    next_root: usize,
    // (type, its next transparent variant), innermost last.
    stack: [Option<(View, usize)>; DEPTH],
    depth: usize,
}

impl<'a> Nodes<'a> {
    const fn new(roots: &'a [&'static Codes]) -> Self {
        Nodes {
            roots,
            next_root: 0,
            stack: [None; DEPTH],
            depth: 0,
        }
    }

    const fn next(mut self) -> (Self, Option<Node>) {
        while self.depth > 0 {
            let Some((node, child)) = self.stack[self.depth - 1] else {
                break;
            };
            if child < node.children() {
                self.stack[self.depth - 1] = Some((node, child + 1));
                let (variant, view) = node.child(child);
                let found = Node {
                    view,
                    via: Via {
                        path: node.path(),
                        variant,
                    },
                };
                return (self.enter(view), Some(found));
            }
            self.depth -= 1;
        }
        if self.next_root < self.roots.len() {
            let view = self.roots[self.next_root].view();
            self.next_root += 1;
            let found = Node { view, via: ROOT };
            return (self.enter(view), Some(found));
        }
        (self, None)
    }

    const fn enter(mut self, node: View) -> Self {
        if self.depth == DEPTH {
            panic!("transparent variants nest more than 32 levels deep: compose fewer levels");
        }
        self.stack[self.depth] = Some((node, 0));
        self.depth += 1;
        self
    }
}

const fn compare_ranges(a: View, b: View) -> Option<Text> {
    let (Some(pattern_a), Some(pattern_b)) = (a.pattern(), b.pattern()) else {
        return None;
    };
    if !str_eq(pattern_a, pattern_b) {
        return None;
    }
    if let (Some(ra), Some(rb)) = (a.range(), b.range()) {
        if ra.0 <= rb.1 && rb.0 <= ra.1 {
            return Some(overlap(a.path(), "", ra, b.path(), "", rb));
        }
    }
    let mut i = 0;
    while i < a.categories() {
        let mut j = 0;
        while j < b.categories() {
            let ((na, ra), (nb, rb)) = (a.category(i), b.category(j));
            if let (Some(ra), Some(rb)) = (ra, rb) {
                if ra.0 <= rb.1 && rb.0 <= ra.1 {
                    return Some(overlap(a.path(), na, ra, b.path(), nb, rb));
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
pub(crate) struct Text {
    buf: [u8; 1024],
    len: usize,
}

impl Text {
    const fn new() -> Self {
        Text {
            buf: [0; 1024],
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

    pub(crate) const fn as_str(&self) -> &str {
        let (text, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(message) => message,
            // Only a message cut inside a character gets here.
            Err(_) => "conflicting error codes or ranges across composed types",
        }
    }
}

impl Slot {
    const fn code(self) -> &'static str {
        self.view.code(self.index).1
    }
}

/// A code as the conflict message names it: code, type path, variant.
struct Named {
    code: &'static str,
    path: &'static str,
    variant: &'static str,
}

const fn named(slot: Slot) -> Named {
    let (_, code, variant) = slot.view.code(slot.index);
    Named {
        code,
        path: slot.view.path(),
        variant,
    }
}

const fn duplicate(first: Slot, second: Slot) -> Text {
    let (a, b) = (named(first), named(second));
    let text = Text::new().push("error code `").push(a.code);
    if str_eq(a.path, b.path) && str_eq(a.variant, b.variant) {
        // One variant, reached twice: its type is included twice.
        let text = text
            .push("` of `")
            .push(a.path)
            .push("::")
            .push(a.variant)
            .push("` is reached twice: `")
            .push(a.path)
            .push("` is included ");
        let text = via(via(text, first.via).push(" and "), second.via);
        return text.push("; include each type once, so that every code has one meaning");
    }
    text.push("` is declared by both `")
        .push(a.path)
        .push("::")
        .push(a.variant)
        .push("` and `")
        .push(b.path)
        .push("::")
        .push(b.variant)
        .push("`; codes must be unique across composed types")
}

/// `through `app::Service::Users`` or `as a root`.
const fn via(text: Text, via: Via) -> Text {
    if via.path.is_empty() {
        text.push("as a named type")
    } else {
        text.push("through `")
            .push(via.path)
            .push("::")
            .push(via.variant)
            .push("`")
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::built_in::{BuiltIn, Standard};
    use crate::catalog::{Descriptor, Owner, Transparent};

    fn leak<T>(value: T) -> &'static T {
        Box::leak(Box::new(value))
    }

    /// Each code, leaked, with its variant `V{index}`.
    fn leaked(codes: &[String]) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        codes.iter().enumerate().map(|(i, code)| {
            let code: &'static str = Box::leak(code.clone().into_boxed_str());
            let variant: &'static str = Box::leak(format!("V{i}").into_boxed_str());
            (code, variant)
        })
    }

    /// A catalog of `path` with `codes`, including `inner`.
    fn catalog(
        path: &'static str,
        codes: &[String],
        inner: &[(&'static str, &'static Catalog)],
    ) -> &'static Catalog {
        let name = path.rsplit("::").next().unwrap();
        let owner = leak(Owner::__new(name, path, None, None));
        let descriptors: Vec<Descriptor> = leaked(codes)
            .map(|(code, variant)| Descriptor::__new(owner, code, 400, "m", variant, 0))
            .collect();
        let transparent: Vec<Transparent> = inner
            .iter()
            .map(|(variant, catalog)| Catalog::__transparent(variant, catalog, 0))
            .collect();
        leak(Catalog {
            appendices: &[],
            statuses: &[],
            class: None,
            owner,
            description: "",
            descriptors: Box::leak(descriptors.into_boxed_slice()),
            transparent: Box::leak(transparent.into_boxed_slice()),
            pattern: None,
            range: None,
            categories: &[],
            retired: &[],
            format: BuiltIn::Standard(Standard),
        })
    }

    /// A hand-implemented type's codes: read from its catalog.
    fn of(catalog: &'static Catalog) -> &'static Codes {
        leak(Codes::__of(catalog))
    }

    fn codes(prefix: &str, n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{prefix}-{i:05}")).collect()
    }

    /// The check, with a table of `N` slots (at least the size the
    /// generated code computes), on a thread whose stack holds the table
    /// (constant evaluation has no such limit).
    fn run_with<const N: usize>(roots: &[&'static Catalog]) -> Result<(), String> {
        let roots: Vec<&'static Codes> = roots.iter().map(|c| of(c)).collect();
        assert!(table_size(&roots) <= N);
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || check::<N>(&roots).map_err(|t| t.as_str().to_owned()))
            .unwrap()
            .join()
            .unwrap()
    }

    fn run(roots: &[&'static Catalog]) -> Result<(), String> {
        run_with::<64>(roots)
    }

    #[test]
    fn same_names_in_two_modules_are_two_types() {
        let users = catalog("app::users::Error", &["NOT_FOUND".into()], &[]);
        let billing = catalog("app::billing::Error", &["NOT_FOUND".into()], &[]);
        let service = catalog(
            "app::Service",
            &[],
            &[("Users", users), ("Billing", billing)],
        );
        assert_eq!(
            run(&[service]).unwrap_err(),
            "error code `NOT_FOUND` is declared by both `app::users::Error::V0` and `app::billing::Error::V0`; codes must be unique across composed types"
        );
        assert!(run(&[users, billing]).is_err());
    }

    #[test]
    fn one_type_included_twice_is_a_duplicate() {
        let common = catalog("app::Common", &["GONE".into()], &[]);
        let twice = catalog("app::Service", &[], &[("A", common), ("B", common)]);
        assert_eq!(
            run(&[twice]).unwrap_err(),
            "error code `GONE` of `app::Common::V0` is reached twice: `app::Common` is included through `app::Service::A` and through `app::Service::B`; include each type once, so that every code has one meaning"
        );
        // A diamond: two paths to one type.
        let left = catalog("app::Left", &[], &[("Common", common)]);
        let right = catalog("app::Right", &[], &[("Common", common)]);
        let diamond = catalog("app::Service", &[], &[("L", left), ("R", right)]);
        assert!(run(&[diamond])
            .unwrap_err()
            .contains("through `app::Left::Common` and through `app::Right::Common`"));
        // Named as a root and included.
        assert!(run(&[common, left])
            .unwrap_err()
            .contains("as a named type and through `app::Left::Common`"));
    }

    #[test]
    fn twenty_thousand_codes_in_fifty_types() {
        let modules: Vec<(&'static str, &'static Catalog)> = (0..50)
            .map(|m| {
                let path: &'static str = Box::leak(format!("app::M{m}").into_boxed_str());
                (path, catalog(path, &codes(&format!("M{m}"), 400), &[]))
            })
            .collect();
        let service = catalog("app::Service", &[], &modules);
        assert_eq!(count_codes(&[of(service)]), 20_000);
        assert_eq!(table_size(&[of(service)]), 1 << 16);
        assert_eq!(run_with::<{ 1 << 16 }>(&[service]), Ok(()));
        // One repeat anywhere is found.
        let mut last = codes("M49", 400);
        last[399] = "M3-00017".into();
        let mut with_repeat = modules.clone();
        with_repeat[49] = ("app::M49", catalog("app::M49", &last, &[]));
        let service = catalog("app::Service", &[], &with_repeat);
        assert_eq!(
            run_with::<{ 1 << 16 }>(&[service]).unwrap_err(),
            "error code `M3-00017` is declared by both `app::M3::V17` and `app::M49::V399`; codes must be unique across composed types"
        );
    }

    #[test]
    fn table_sizes_are_powers_of_two_at_least_twice_the_codes() {
        for n in [0, 1, 2, 3, 1000, 1024, 1025] {
            let root = catalog("app::E", &codes("E", n), &[]);
            let size = table_size(&[of(root)]);
            assert!(size.is_power_of_two() && size >= 2 * n, "{n}: {size}");
        }
    }

    #[test]
    fn equal_hashes_of_different_codes_are_no_duplicate() {
        // Two codes forced onto one hash: only the text decides.
        let on_one_hash = |names: &'static str| {
            let hashes = [7u64.to_le_bytes(), 7u64.to_le_bytes()].concat();
            let hashes = Box::leak(hashes.into_boxed_slice());
            let codes = Codes::__new("app::E", None, None, &[], hashes, names, &[]);
            check::<4>(&[leak(codes)]).map_err(|t| t.as_str().to_owned())
        };
        assert_eq!(on_one_hash("A\u{1f}A\u{1e}B\u{1f}B\u{1e}"), Ok(()));
        // The same hash and the same code: a duplicate, named by its text.
        assert_eq!(
            on_one_hash("A\u{1f}V0\u{1e}A\u{1f}V1\u{1e}"),
            Err("error code `A` is declared by both `app::E::V0` and `app::E::V1`; codes must be unique across composed types".to_owned())
        );
    }

    /// Codes as the derive lists them (`Codes::__new`).
    fn listed(
        path: &'static str,
        codes: &[String],
        categories: &'static [(&'static str, (u64, u64))],
        pattern: Option<&'static str>,
        inner: &[(&'static str, &'static Codes)],
    ) -> &'static Codes {
        let mut hashes = Vec::new();
        let mut names = String::new();
        for (code, variant) in leaked(codes) {
            hashes.extend_from_slice(&code_hash(code).to_le_bytes());
            names.push_str(&format!("{code}\u{1f}{variant}\u{1e}"));
        }
        leak(Codes::__new(
            path,
            pattern,
            None,
            categories,
            Box::leak(hashes.into_boxed_slice()),
            Box::leak(names.into_boxed_str()),
            Box::leak(inner.to_vec().into_boxed_slice()),
        ))
    }

    /// `app::Service`, with no codes of its own, including `inner`.
    fn composing(inner: &[(&'static str, &'static Codes)]) -> &'static Codes {
        listed("app::Service", &[], &[], None, inner)
    }

    fn check_codes(roots: &[&'static Codes]) -> Result<(), String> {
        check::<1024>(roots).map_err(|t| t.as_str().to_owned())
    }

    #[test]
    fn listed_codes_are_checked_as_catalogs_are() {
        let users = listed("app::users::Error", &codes("U", 100), &[], None, &[]);
        let billing = listed("app::billing::Error", &codes("B", 100), &[], None, &[]);
        let service = composing(&[("Users", users), ("Billing", billing)]);
        assert_eq!(count_codes(&[service]), 200);
        assert_eq!(check_codes(&[service]), Ok(()));
        // A repeat between two listed types, named with both variants.
        let mut repeated = codes("B", 100);
        repeated[42] = "U-00007".into();
        let billing = listed("app::billing::Error", &repeated, &[], None, &[]);
        let service = composing(&[("Users", users), ("Billing", billing)]);
        assert_eq!(
            check_codes(&[service]).unwrap_err(),
            "error code `U-00007` is declared by both `app::users::Error::V7` and `app::billing::Error::V42`; codes must be unique across composed types"
        );
        // One listed type included twice.
        let twice = composing(&[("A", users), ("B", users)]);
        assert!(check_codes(&[twice])
            .unwrap_err()
            .contains("is reached twice: `app::users::Error` is included through `app::Service::A` and through `app::Service::B`"));
    }

    #[test]
    fn listed_types_include_hand_implemented_ones() {
        // A type implementing ApiError by hand has the default `__CODES`:
        // its catalog, read through the same walk.
        let manual = of(catalog("app::Manual", &["SHARED".into()], &[]));
        let derived = listed("app::Derived", &["SHARED".into()], &[], None, &[]);
        let service = composing(&[("M", manual), ("D", derived)]);
        assert_eq!(
            check_codes(&[service]).unwrap_err(),
            "error code `SHARED` is declared by both `app::Manual::V0` and `app::Derived::V0`; codes must be unique across composed types"
        );
        // And a catalog's own transparent variants are followed.
        let inner = catalog("app::Inner", &["DEEP".into()], &[]);
        let outer = of(catalog("app::Outer", &[], &[("Inner", inner)]));
        let deep = listed("app::Deep", &["DEEP".into()], &[], None, &[]);
        assert!(check_codes(&[outer, deep])
            .unwrap_err()
            .contains("`app::Inner::V0` and `app::Deep::V0`"));
    }

    #[test]
    fn listed_category_ranges_of_one_pattern_must_not_overlap() {
        let a = listed("app::A", &[], &[("auth", (1, 99))], Some("E-###"), &[]);
        let b = listed("app::B", &[], &[("billing", (50, 150))], Some("E-###"), &[]);
        assert_eq!(
            check_codes(&[a, b]).unwrap_err(),
            "the ranges of `app::A` category `auth` (1..=99) and `app::B` category `billing` (50..=150) overlap: types sharing a pattern must number their codes apart"
        );
        // Other patterns, or ranges apart, are fine.
        let c = listed("app::C", &[], &[("billing", (50, 150))], Some("F-###"), &[]);
        let d = listed(
            "app::D",
            &[],
            &[("billing", (100, 150))],
            Some("E-###"),
            &[],
        );
        assert_eq!(check_codes(&[a, c]), Ok(()));
        assert_eq!(check_codes(&[a, d]), Ok(()));
    }
}
