//! What a snapshot and a catalog hold, code by code, and how two differ:
//! the data both the snapshot file's reader and the check share.

use core::fmt;

/// One code of a snapshot or catalog: a line of the snapshot file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Entry {
    /// The code, e.g. `"ERR-01-001"`.
    pub code: String,
    /// The HTTP status, e.g. `404`.
    pub status: u16,
    /// The variant as `Type::Variant`, e.g. `"PreflightError::NodeNotFound"`.
    pub variant: String,
    /// The message template, placeholders included.
    pub message: String,
}

impl Entry {
    /// An entry, e.g. `Entry::new("ERR-01-001", 404, "PreflightError::NodeNotFound", "The requested node is not available")`.
    pub fn new(
        code: impl Into<String>,
        status: u16,
        variant: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Entry {
            code: code.into(),
            status,
            variant: variant.into(),
            message: message.into(),
        }
    }
}

/// The snapshot line: `ERR-01-001 404 PreflightError::NodeNotFound "The requested node is not available"`.
impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} \"", self.code, self.status, self.variant)?;
        for c in self.message.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                    write!(f, "\\u{{{:x}}}", c as u32)?
                }
                c => fmt::Write::write_char(f, c)?,
            }
        }
        f.write_str("\"")
    }
}

/// One difference between a catalog and its snapshot.
///
/// [`is_breaking`](Self::is_breaking) tells the changes that break existing
/// clients from those that are safe to accept.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// Breaking: a code of the snapshot is gone from the catalog without
    /// being retired.
    Removed(Entry),
    /// Breaking: a code is answered with another status.
    StatusChanged {
        /// The code as the snapshot has it.
        before: Entry,
        /// The code as the catalog has it.
        after: Entry,
    },
    /// Breaking: a code the snapshot lists as retired is used again; the
    /// catalog's entry for it.
    RetiredReused(Entry),
    /// Breaking: a code the snapshot lists as retired is no longer retired
    /// (nor used), so it could come back unnoticed.
    Unretired(String),
    /// Compatible: a new code.
    Added(Entry),
    /// Compatible: a code newly listed as retired, with its snapshot entry
    /// when it was in use before.
    Retired {
        /// The retired code.
        code: String,
        /// The code as the snapshot had it, if it was in use.
        before: Option<Entry>,
    },
    /// Compatible: a code's public message changed.
    MessageChanged {
        /// The code as the snapshot has it.
        before: Entry,
        /// The code as the catalog has it.
        after: Entry,
    },
    /// Compatible: a code moved to another variant or type name.
    VariantChanged {
        /// The code as the snapshot has it.
        before: Entry,
        /// The code as the catalog has it.
        after: Entry,
    },
}

impl Change {
    /// The code the change is about.
    pub fn code(&self) -> &str {
        match self {
            Change::Removed(entry) | Change::RetiredReused(entry) | Change::Added(entry) => {
                &entry.code
            }
            Change::StatusChanged { after, .. }
            | Change::MessageChanged { after, .. }
            | Change::VariantChanged { after, .. } => &after.code,
            Change::Unretired(code) | Change::Retired { code, .. } => code,
        }
    }

    /// Whether the change breaks existing clients: a removed code, a changed
    /// status, a retired code used again or no longer retired.
    pub fn is_breaking(&self) -> bool {
        matches!(
            self,
            Change::Removed(_)
                | Change::StatusChanged { .. }
                | Change::RetiredReused(_)
                | Change::Unretired(_)
        )
    }

    /// The snapshot lines the change removes (`-`) and adds (`+`).
    pub(super) fn diff(&self, f: &mut fmt::Formatter<'_>, indent: &str) -> fmt::Result {
        match self {
            Change::Removed(entry) => writeln!(f, "{indent}- {entry}"),
            Change::StatusChanged { before, after }
            | Change::MessageChanged { before, after }
            | Change::VariantChanged { before, after } => {
                writeln!(f, "{indent}- {before}")?;
                writeln!(f, "{indent}+ {after}")
            }
            Change::RetiredReused(entry) => {
                writeln!(f, "{indent}- retired {}", entry.code)?;
                writeln!(f, "{indent}+ {entry}")
            }
            Change::Unretired(code) => writeln!(f, "{indent}- retired {code}"),
            Change::Added(entry) => writeln!(f, "{indent}+ {entry}"),
            Change::Retired { code, before } => {
                if let Some(before) = before {
                    writeln!(f, "{indent}- {before}")?;
                }
                writeln!(f, "{indent}+ retired {code}")
            }
        }
    }
}

/// A one-line summary, e.g. `ERR-02-003: status changed from 409 to 422`.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.code())?;
        match self {
            Change::Removed(_) => write!(
                f,
                "removed without being retired (restore it, or list it in #[api_error(retired(...))])"
            ),
            Change::StatusChanged { before, after } => write!(
                f,
                "status changed from {} to {}",
                before.status, after.status
            ),
            Change::RetiredReused(_) => {
                write!(f, "retired code used again (retired codes may never come back)")
            }
            Change::Unretired(_) => write!(
                f,
                "no longer listed as retired (keep it in #[api_error(retired(...))])"
            ),
            Change::Added(_) => write!(f, "new code"),
            Change::Retired { before: Some(_), .. } => write!(f, "removed and retired"),
            Change::Retired { before: None, .. } => write!(f, "newly retired"),
            Change::MessageChanged { .. } => write!(f, "message changed"),
            Change::VariantChanged { before, after } => write!(
                f,
                "variant changed from {} to {}",
                before.variant, after.variant
            ),
        }
    }
}
