//! The type that declares variants, as its descriptors and its catalog
//! name it: shared by both, so it is a file of its own.

/// The type that declares a set of variants: what its descriptors share.
///
/// Settings written on a type (`www_authenticate`, `type_url`) apply to the
/// variants it declares wherever they are rendered: through a composed type
/// too, before that type's own settings.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Owner {
    pub(crate) name: &'static str,
    pub(crate) path: &'static str,
    pub(crate) www_authenticate: Option<&'static str>,
    pub(crate) type_url: Option<&'static str>,
    pub(crate) doc_url: Option<&'static str>,
    /// The language of the type's messages, when it declares translations.
    pub(crate) language: Option<&'static str>,
    /// The type declares a format of its own (`format = my::FORMAT`): its
    /// catalog's built-in format is only the default it replaces.
    pub(crate) own_format: bool,
}

impl Owner {
    /// What generated code writes: the type's name, its full path
    /// (`module_path!()` and the name), and its header and URL settings.
    pub const fn __new(
        name: &'static str,
        path: &'static str,
        www_authenticate: Option<&'static str>,
        type_url: Option<&'static str>,
    ) -> Self {
        Owner {
            name,
            path,
            www_authenticate,
            type_url,
            doc_url: None,
            language: None,
            own_format: false,
        }
    }

    /// The owner of a type that declares a format of its own.
    pub const fn __with_own_format(mut self) -> Self {
        self.own_format = true;
        self
    }

    /// The owner of a translated type: `language` is its messages'.
    pub const fn __with_language(mut self, language: &'static str) -> Self {
        self.language = Some(language);
        self
    }

    /// The owner with a documentation URL template (`doc_url = "..."`).
    pub const fn __with_doc_url(mut self, doc_url: &'static str) -> Self {
        self.doc_url = Some(doc_url);
        self
    }

    /// An owner with nothing set.
    pub const EMPTY: Owner = Owner::__new("", "", None, None);

    /// The `WWW-Authenticate` challenge the type declares.
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        self.www_authenticate
    }

    /// The RFC 9457 `type` URL template the type declares.
    pub const fn type_url(&self) -> Option<&'static str> {
        self.type_url
    }

    /// The documentation URL template the type declares.
    pub const fn doc_url(&self) -> Option<&'static str> {
        self.doc_url
    }
}
