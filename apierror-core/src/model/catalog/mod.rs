//! Static descriptions of error variants and of whole error types.
//!
//! Everything here is built by `#[derive(ApiError)]` in constant context: a
//! catalog costs no work at run time and can be read without an error value.

mod descriptor;
mod field_list;
mod owner;

/// The hash a descriptor keeps of its code (64-bit FNV-1a). Not public API.
#[doc(hidden)]
pub use crate::facts::code_hash;
pub use descriptor::{Descriptor, Extra};
pub use field_list::FieldList;
pub use owner::Owner;

use crate::built_in::BuiltIn;
use crate::doc::{Section, StatusDoc};
use core::fmt;

/// A named group of codes: by numeric range (`1000..=1999`) or by prefix (`AUTH_`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Category {
    pub(crate) name: &'static str,
    pub(crate) title: Option<&'static str>,
    pub(crate) range: Option<(u64, u64)>,
    pub(crate) prefix: Option<&'static str>,
}

impl Category {
    /// The category's name, as variants refer to it.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// A human title for documentation, e.g. `"Component errors"`.
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The inclusive range of code numbers the category holds.
    pub const fn range(&self) -> Option<(u64, u64)> {
        self.range
    }

    /// The code prefix the category holds.
    pub const fn prefix(&self) -> Option<&'static str> {
        self.prefix
    }
}

/// A variant that delegates to another error type, and so includes its catalog.
#[derive(Debug, Clone, Copy)]
pub struct Transparent {
    pub(crate) variant: &'static str,
    pub(crate) catalog: &'static Catalog,
    pub(crate) position: usize,
}

impl Transparent {
    /// The Rust name of the delegating variant.
    pub const fn variant(&self) -> &'static str {
        self.variant
    }

    /// The catalog of the inner error type.
    pub const fn catalog(&self) -> &'static Catalog {
        self.catalog
    }
}

/// Every code of an error type, as static data in declaration order.
///
/// Reach it through [`ApiError::CATALOG`](crate::ApiError::CATALOG). The
/// derive writes it as a struct literal (its fields are hidden, not public
/// API).
#[derive(Debug, Clone, Copy)]
pub struct Catalog {
    #[doc(hidden)]
    pub owner: &'static Owner,
    #[doc(hidden)]
    pub description: &'static str,
    #[doc(hidden)]
    pub appendices: &'static [Section],
    #[doc(hidden)]
    pub statuses: &'static [StatusDoc],
    #[doc(hidden)]
    pub class: Option<&'static str>,
    #[doc(hidden)]
    pub descriptors: &'static [Descriptor],
    #[doc(hidden)]
    pub transparent: &'static [Transparent],
    #[doc(hidden)]
    pub pattern: Option<&'static str>,
    #[doc(hidden)]
    pub range: Option<(u64, u64)>,
    #[doc(hidden)]
    pub categories: &'static [Category],
    #[doc(hidden)]
    pub retired: &'static [&'static str],
    #[doc(hidden)]
    pub format: BuiltIn,
}

impl Catalog {
    /// A declared category, as the derive writes it.
    #[doc(hidden)]
    pub const fn __category(
        name: &'static str,
        title: Option<&'static str>,
        range: Option<(u64, u64)>,
        prefix: Option<&'static str>,
    ) -> Category {
        Category {
            name,
            title,
            range,
            prefix,
        }
    }

    /// A variant that delegates to another type's catalog, as the derive
    /// writes it.
    #[doc(hidden)]
    pub const fn __transparent(
        variant: &'static str,
        catalog: &'static Catalog,
        position: usize,
    ) -> Transparent {
        Transparent {
            variant,
            catalog,
            position,
        }
    }

    /// The Rust name of the type.
    pub const fn type_name(&self) -> &'static str {
        self.owner.name
    }

    /// The full path of the type, e.g. `"my_service::users::Error"`.
    pub const fn type_path(&self) -> &'static str {
        self.owner.path
    }

    #[doc(hidden)]
    pub const fn __owner(&self) -> &'static Owner {
        self.owner
    }

    /// The type's doc comment up to its first heading: the introduction of
    /// its reference.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The sections of the type's doc comment, each under its heading
    /// (`# Getting Help`): the appendices of its reference, in order.
    pub const fn appendices(&self) -> &'static [Section] {
        self.appendices
    }

    /// Text the type attaches to HTTP statuses, from
    /// `#[api_error(status_doc(...))]`, in declaration order.
    pub const fn statuses(&self) -> &'static [StatusDoc] {
        self.statuses
    }

    /// The base class of the classes of the type's errors, from
    /// `#[api_error(class = "AppError")]` on the enum (each variant's own is
    /// in [`Docs::class`](crate::doc::Docs::class)).
    pub const fn class(&self) -> Option<&'static str> {
        self.class
    }

    /// The documentation URL template, from `#[api_error(doc_url = "...")]`.
    pub const fn doc_url(&self) -> Option<&'static str> {
        self.owner.doc_url
    }

    /// The variants the type declares itself, without those of transparent variants.
    pub const fn own(&self) -> &'static [Descriptor] {
        self.descriptors
    }

    /// The transparent variants, each with the catalog it includes.
    pub const fn transparent(&self) -> &'static [Transparent] {
        self.transparent
    }

    /// The code pattern, e.g. `"ERR-02-###"`.
    pub const fn pattern(&self) -> Option<&'static str> {
        self.pattern
    }

    /// The inclusive range of code numbers.
    pub const fn range(&self) -> Option<(u64, u64)> {
        self.range
    }

    /// The declared categories.
    pub const fn categories(&self) -> &'static [Category] {
        self.categories
    }

    /// Codes that were used once and may never be used again.
    pub const fn retired(&self) -> &'static [&'static str] {
        self.retired
    }

    /// The built-in format the type renders in by default, from
    /// `#[api_error(format = "...")]`; the standard format when the type
    /// declares a format of its own (`format = my::FORMAT`), which
    /// [`Render::new`](crate::Render::new) and every response then use
    /// instead (see [`Declared`](crate::format::Declared)).
    pub const fn built_in(&self) -> &BuiltIn {
        &self.format
    }

    /// The built-in format the type renders in by default.
    #[doc(hidden)]
    #[deprecated(since = "0.1.0", note = "renamed to `Catalog::built_in`")]
    pub const fn envelope(&self) -> &BuiltIn {
        self.built_in()
    }

    /// The `WWW-Authenticate` challenge sent with 401 responses, from
    /// `#[api_error(www_authenticate = "...")]` (`Bearer` when unset);
    /// `Some("")` for `www_authenticate = false`: no challenge at all.
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        self.owner.www_authenticate
    }

    /// The retired codes of this type and of every type it includes through
    /// transparent variants: none of them may be used anywhere in the service.
    pub fn all_retired(&self) -> impl Iterator<Item = &'static str> {
        let mut out: Vec<&'static str> = self.retired.to_vec();
        for transparent in self.transparent {
            out.extend(transparent.catalog.all_retired());
        }
        out.into_iter()
    }

    /// Every code of the type, transparent variants expanded in place, in
    /// declaration order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            stack: vec![(self, 0, 0)],
        }
    }

    /// How many codes [`iter`](Self::iter) yields.
    pub fn len(&self) -> usize {
        self.descriptors.len()
            + self
                .transparent
                .iter()
                .map(|t| t.catalog.len())
                .sum::<usize>()
    }

    /// Whether the type has no code at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The descriptor of `code`, searching included catalogs too.
    pub fn find(&self, code: &str) -> Option<&'static Descriptor> {
        self.iter().find(|d| d.code() == code)
    }
}

/// An aligned text table of every code: code, status, variant, message.
///
/// ```text
/// CODE        STATUS  VARIANT       MESSAGE
/// ERR-01-001  404     NodeNotFound  The requested node is not available
/// ```
impl fmt::Display for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = || self.iter();
        let code = rows().map(|d| d.code().len()).max().unwrap_or(0).max(4);
        let variant = rows().map(|d| d.variant().len()).max().unwrap_or(0).max(7);
        writeln!(
            f,
            "{:<code$}  STATUS  {:<variant$}  MESSAGE",
            "CODE", "VARIANT"
        )?;
        for d in rows() {
            let line = format!(
                "{:<code$}  {:<6}  {:<variant$}  {}",
                d.code(),
                d.status().as_u16(),
                d.variant(),
                d.template()
            );
            writeln!(f, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = &'static Descriptor;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Iterator over every descriptor of a [`Catalog`], in declaration order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    // (catalog, next own descriptor, next transparent variant)
    stack: Vec<(&'a Catalog, usize, usize)>,
}

impl Iterator for Iter<'_> {
    type Item = &'static Descriptor;

    fn next(&mut self) -> Option<&'static Descriptor> {
        loop {
            let (catalog, own, nested) = self.stack.last_mut()?;
            let catalog: &Catalog = catalog;
            match catalog.transparent.get(*nested) {
                // A transparent variant declared before the next own one comes first.
                Some(t) if t.position <= *own => {
                    *nested += 1;
                    self.stack.push((t.catalog, 0, 0));
                }
                _ => match catalog.descriptors.get(*own) {
                    Some(descriptor) => {
                        *own += 1;
                        return Some(descriptor);
                    }
                    None => {
                        self.stack.pop();
                    }
                },
            }
        }
    }
}

// Catalogs are `&'static` and built in const context, but `Catalog` must
// still be usable in `static` items of user code.
const _: () = {
    const fn assert_sync<T: Sync>() {}
    assert_sync::<Catalog>();
};
