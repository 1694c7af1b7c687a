//! The stability guard: a catalog compared with its committed snapshot.
//!
//! Error codes are a public contract: clients match on them, log them, and
//! document them. A test that calls [`Drift::assert_stable`] keeps a plain text
//! snapshot of a type's catalog next to the code and fails when the catalog
//! drifts from it, with a report that says which changes break clients and
//! which are safe to accept:
//!
//! | change | kind |
//! |---|---|
//! | a code disappears without being retired | breaking |
//! | a code changes its status | breaking |
//! | a retired code is used again | breaking |
//! | a retired code is no longer listed as retired | breaking |
//! | a new code | compatible |
//! | a code removed and retired, or a newly retired code | compatible |
//! | a changed message or variant name | compatible |
//!
//! Compatible changes fail the check too, until the snapshot is accepted, so
//! that every change to the contract shows up in code review.
//!
//! ```no_run
//! # use apierror::ApiError;
//! # #[derive(Debug, ApiError)]
//! # #[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
//! # pub enum MyError { Invalid }
//! #[test]
//! fn error_codes_are_stable() {
//!     apierror::stability::Drift::assert_stable(MyError::CATALOG, "tests/snapshots/my_error.catalog");
//! }
//! ```
//!
//! # Accepting changes
//!
//! Run the tests with `APIERROR_UPDATE_SNAPSHOTS=1` to write every checked
//! snapshot from the current catalogs (a missing snapshot is created the same
//! way), review the diff and commit it:
//!
//! ```text
//! APIERROR_UPDATE_SNAPSHOTS=1 cargo test
//! ```
//!
//! Without the variable, a missing snapshot is a failure that says how to
//! create it. Relative paths resolve against the current directory, which is
//! the package root under `cargo test`.
//!
//! # The snapshot
//!
//! One line per code in catalog order (code, status, `Type::Variant`, the
//! message template in double quotes with `\"`, `\\`, `\n`, `\r`, `\t` and
//! `\u{...}` escapes), then one line per retired code, after a comment line:
//!
//! ```text
//! # Error catalog of PhalaError, checked by apierror::stability. Regenerate with: APIERROR_UPDATE_SNAPSHOTS=1 cargo test
//! ERR-01-001 404 PreflightError::NodeNotFound "The requested node is not available"
//! ERR-01-004 409 PreflightError::DuplicateCvmName "A CVM with name '{name}' already exists in this workspace"
//! retired ERR-03-003
//! ```
//!
//! Lines starting with `#` and blank lines are ignored. Codes are compared by
//! code, so reordering variants is no change. A snapshot that cannot be read
//! is reported with its line number.

mod change;
mod snapshot;

use crate::catalog::Catalog;
pub use change::{Change, Entry};
use core::fmt;
use snapshot::*;

use std::error::Error;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::stability::Drift::UPDATE_ENV`"
)]
pub const UPDATE_ENV: &str = Drift::UPDATE_ENV;

fn update_requested() -> bool {
    match std::env::var(Drift::UPDATE_ENV) {
        Ok(value) => {
            let value = value.trim().to_ascii_lowercase();
            !matches!(value.as_str(), "" | "0" | "false" | "no" | "off")
        }
        Err(_) => false,
    }
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            fs::create_dir_all(parent)?;
        }
    }
    fs::write(path, text)
}

/// Why a snapshot could not be compared with.
#[derive(Debug)]
#[non_exhaustive]
pub enum SnapshotError {
    /// The snapshot file does not exist.
    Missing,
    /// The snapshot file is not a valid snapshot.
    Malformed {
        /// The 1-based line number of the first bad line.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The snapshot file could not be read.
    Unreadable(io::Error),
    /// The snapshot file could not be written (in update mode).
    Unwritable(io::Error),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Missing => f.write_str("the snapshot does not exist"),
            SnapshotError::Malformed { line, reason } => {
                write!(f, "the snapshot is malformed: line {line}: {reason}")
            }
            SnapshotError::Unreadable(error) => write!(f, "cannot read the snapshot: {error}"),
            SnapshotError::Unwritable(error) => write!(f, "cannot write the snapshot: {error}"),
        }
    }
}

impl Error for SnapshotError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            SnapshotError::Unreadable(error) | SnapshotError::Unwritable(error) => Some(error),
            _ => None,
        }
    }
}

/// Why a catalog failed its stability check: the [`changes`](Self::changes)
/// from its snapshot, or a [`snapshot_error`](Self::snapshot_error).
///
/// Its `Display` is the report: breaking changes first, then compatible ones,
/// each as a summary and the snapshot lines it removes (`-`) and adds (`+`),
/// then how to accept them.
#[derive(Debug)]
pub struct Drift {
    type_name: &'static str,
    path: PathBuf,
    problem: Problem,
}

#[derive(Debug)]
enum Problem {
    Changes(Vec<Change>),
    Snapshot(SnapshotError),
}

impl Drift {
    /// The environment variable that makes [`check`](Self::check) and
    /// [`assert_stable`](Self::assert_stable)
    /// rewrite snapshots instead of comparing with them: `APIERROR_UPDATE_SNAPSHOTS`.
    ///
    /// Any value other than empty, `0`, `false`, `no` or `off` turns it on.
    pub const UPDATE_ENV: &'static str = "APIERROR_UPDATE_SNAPSHOTS";

    fn new(catalog: &Catalog, path: &Path, problem: Problem) -> Self {
        Drift {
            type_name: catalog.type_name(),
            path: path.to_path_buf(),
            problem,
        }
    }

    /// The name of the checked type.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The snapshot's path, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The changes from the snapshot, breaking ones first; empty when the
    /// snapshot could not be compared with.
    pub fn changes(&self) -> &[Change] {
        match &self.problem {
            Problem::Changes(changes) => changes,
            Problem::Snapshot(_) => &[],
        }
    }

    /// Whether any change breaks existing clients.
    pub fn is_breaking(&self) -> bool {
        self.changes().iter().any(Change::is_breaking)
    }

    /// Why the snapshot could not be compared with: missing, malformed,
    /// unreadable or unwritable.
    pub fn snapshot_error(&self) -> Option<&SnapshotError> {
        match &self.problem {
            Problem::Changes(_) => None,
            Problem::Snapshot(error) => Some(error),
        }
    }
}

/// The stability guard: a catalog checked against its snapshot.
impl Drift {
    /// Compares `catalog` with the snapshot at `path`, or rewrites the snapshot
    /// when the [`Drift::UPDATE_ENV`] variable is set.
    ///
    /// Returns the [`Drift`] when the catalog differs from the snapshot, when the
    /// snapshot is missing or malformed, or when it cannot be read or written.
    /// See [`check_with`](Self::check_with) for the same check with an
    /// explicit update flag.
    ///
    /// ```
    /// # use apierror::ApiError;
    /// use apierror::stability::Drift;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(pattern = "ERR-03-###", status = 404)]
    /// pub enum CvmError {
    ///     #[code("ERR-03-001")]
    ///     #[message("CVM not found")]
    ///     NotFound,
    /// }
    ///
    /// let path = std::env::temp_dir().join(format!("apierror-doc-check-{}.catalog", std::process::id()));
    /// # let _ = std::fs::remove_file(&path);
    /// // No snapshot yet: a failure that says how to create one (unless the
    /// // environment variable is set, which creates it).
    /// if let Err(drift) = Drift::check(CvmError::CATALOG, &path) {
    ///     assert!(drift.to_string().contains("APIERROR_UPDATE_SNAPSHOTS=1"));
    ///     Drift::check_with(CvmError::CATALOG, &path, true)?;
    /// }
    /// // The snapshot matches the catalog it was written from.
    /// Drift::check(CvmError::CATALOG, &path)?;
    /// # std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), Drift>(())
    /// ```
    pub fn check(catalog: &Catalog, path: impl AsRef<Path>) -> Result<(), Drift> {
        Drift::check_with(catalog, path, update_requested())
    }

    /// Like [`check`](Self::check), with the update decision given instead of read from the
    /// [`Drift::UPDATE_ENV`] variable: with `update`, the snapshot is written from the
    /// catalog (created, with its directories, if missing) and the check passes;
    /// without it, the snapshot is only compared with.
    ///
    /// The file is left untouched when it already holds the exact text.
    ///
    /// ```
    /// # use apierror::ApiError;
    /// use apierror::stability::{Change, Drift};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(pattern = "ERR-03-###", retired("ERR-03-003"), status = 404)]
    /// pub enum CvmError {
    ///     #[code("ERR-03-001")]
    ///     #[message("CVM not found")]
    ///     NotFound,
    /// }
    ///
    /// let path = std::env::temp_dir().join(format!("apierror-doc-check-with-{}.catalog", std::process::id()));
    /// Drift::check_with(CvmError::CATALOG, &path, true)?;
    /// let text = std::fs::read_to_string(&path).unwrap();
    /// assert!(text.ends_with("ERR-03-001 404 CvmError::NotFound \"CVM not found\"\nretired ERR-03-003\n"));
    ///
    /// // Had the code been answered with 410 before, changing it breaks clients.
    /// std::fs::write(&path, text.replace(" 404 ", " 410 ")).unwrap();
    /// let drift = Drift::check_with(CvmError::CATALOG, &path, false).unwrap_err();
    /// assert!(drift.is_breaking());
    /// assert!(matches!(drift.changes(), [Change::StatusChanged { .. }]));
    /// assert!(drift.to_string().contains("ERR-03-001: status changed from 410 to 404"));
    /// # std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), Drift>(())
    /// ```
    pub fn check_with(
        catalog: &Catalog,
        path: impl AsRef<Path>,
        update: bool,
    ) -> Result<(), Drift> {
        let path = path.as_ref();
        let fail = |problem| Err(Drift::new(catalog, path, problem));
        let current = State::of(catalog);
        if update {
            let text = current.render(catalog.type_name());
            if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
                return Ok(());
            }
            if let Err(error) = write(path, &text) {
                return fail(Problem::Snapshot(SnapshotError::Unwritable(error)));
            }
            return Ok(());
        }
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return fail(Problem::Snapshot(SnapshotError::Missing));
            }
            Err(error) => return fail(Problem::Snapshot(SnapshotError::Unreadable(error))),
        };
        let snapshot = match parse(&bytes) {
            Ok(snapshot) => snapshot,
            Err((line, reason)) => {
                return fail(Problem::Snapshot(SnapshotError::Malformed { line, reason }));
            }
        };
        let changes = compare(&snapshot, &current);
        if changes.is_empty() {
            Ok(())
        } else {
            fail(Problem::Changes(changes))
        }
    }

    /// [`check`](Self::check)s `catalog` against the snapshot at `path` and panics with the
    /// report when they differ: the stability guard as a `#[test]`.
    ///
    /// ```
    /// # use apierror::ApiError;
    /// use apierror::stability::Drift;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "AUTH_", status = 401)]
    /// pub enum AuthError {
    ///     #[message("Authentication token has expired")]
    ///     TokenExpired,
    /// }
    ///
    /// let path = std::env::temp_dir().join(format!("apierror-doc-assert-{}.catalog", std::process::id()));
    /// Drift::check_with(AuthError::CATALOG, &path, true)?;
    /// Drift::assert_stable(AuthError::CATALOG, &path);
    /// # std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), apierror::stability::Drift>(())
    /// ```
    #[track_caller]
    pub fn assert_stable(catalog: &Catalog, path: impl AsRef<Path>) {
        if let Err(drift) = Drift::check(catalog, path) {
            panic!("{drift}");
        }
    }

    /// The snapshot text of `catalog`, as [`check_with`](Self::check_with)
    /// writes it.
    ///
    /// ```
    /// # use apierror::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "SCREAMING_SNAKE_CASE", status = 429, retired("QUOTA_EXCEEDED"))]
    /// pub enum RateError {
    ///     #[message("Rate limit \"{limit}\" exceeded")]
    ///     RateLimited { limit: u32 },
    /// }
    ///
    /// let text = apierror::stability::Drift::snapshot(RateError::CATALOG);
    /// let lines: Vec<_> = text.lines().skip(1).collect();
    /// assert_eq!(lines, [
    ///     r#"RATE_LIMITED 429 RateError::RateLimited "Rate limit \"{limit}\" exceeded""#,
    ///     "retired QUOTA_EXCEEDED",
    /// ]);
    /// ```
    pub fn snapshot(catalog: &Catalog) -> String {
        State::of(catalog).render(catalog.type_name())
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.type_name;
        let path = self.path.display();
        let var = Drift::UPDATE_ENV;
        let changes = match &self.problem {
            Problem::Changes(changes) => changes,
            Problem::Snapshot(SnapshotError::Missing) => {
                return write!(
                    f,
                    "the error catalog `{name}` has no stability snapshot at `{path}`{}.\n\
                     Create it by running the tests with {var}=1, e.g.\n    \
                     {ACCEPT_HINT}\n\
                     then review and commit it.",
                    relative_to(&self.path)
                );
            }
            Problem::Snapshot(error @ SnapshotError::Malformed { .. }) => {
                return write!(
                    f,
                    "cannot check the error catalog `{name}` against `{path}`: {error}.\n\
                     Fix the snapshot (a merge conflict?), or rewrite it from the current \
                     catalog by running the tests with {var}=1, e.g.\n    {ACCEPT_HINT}"
                );
            }
            Problem::Snapshot(error) => {
                return write!(
                    f,
                    "cannot check the error catalog `{name}` against `{path}`: {error}"
                );
            }
        };
        let breaking = changes.iter().filter(|c| c.is_breaking()).count();
        let compatible = changes.len() - breaking;
        writeln!(
            f,
            "the error catalog `{name}` differs from its snapshot `{path}`: {}, {}",
            plural(breaking, "breaking change"),
            plural(compatible, "compatible change"),
        )?;
        if breaking > 0 {
            writeln!(
                f,
                "\nBREAKING changes (clients that rely on these codes will break):"
            )?;
            for change in changes.iter().filter(|c| c.is_breaking()) {
                writeln!(f, "  [breaking] {change}")?;
                change.diff(f, "      ")?;
            }
        }
        if compatible > 0 {
            writeln!(f, "\ncompatible changes (safe to accept):")?;
            for change in changes.iter().filter(|c| !c.is_breaking()) {
                writeln!(f, "  [compatible] {change}")?;
                change.diff(f, "      ")?;
            }
        }
        writeln!(f)?;
        if breaking > 0 {
            writeln!(
                f,
                "Breaking changes are usually mistakes: restore the code or its status, and\n\
                 retire removed codes instead of deleting them. If they are intended, tell\n\
                 your API's clients, then accept them as below."
            )?;
        }
        write!(
            f,
            "To accept the changes, run the tests with {var}=1, e.g.\n    \
             {ACCEPT_HINT}\n\
             then review and commit the updated snapshot."
        )
    }
}

impl Error for Drift {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.problem {
            Problem::Changes(_) => None,
            Problem::Snapshot(error) => Some(error),
        }
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// ` (relative to /current/dir)` for a relative path, so that a snapshot
/// looked for in an unexpected directory is easy to spot.
fn relative_to(path: &Path) -> String {
    if path.is_relative() {
        if let Ok(dir) = std::env::current_dir() {
            return format!(" (relative to `{}`)", dir.display());
        }
    }
    String::new()
}

// The old paths, kept for one release: each moved into `Drift`.

/// Compares `catalog` with the snapshot at `path`.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::stability::Drift::check`")]
pub fn check(catalog: &Catalog, path: impl AsRef<Path>) -> Result<(), Drift> {
    Drift::check(catalog, path)
}

/// Compares `catalog` with the snapshot at `path`, or rewrites it.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::stability::Drift::check_with`"
)]
pub fn check_with(catalog: &Catalog, path: impl AsRef<Path>, update: bool) -> Result<(), Drift> {
    Drift::check_with(catalog, path, update)
}

/// Panics with the report when `catalog` differs from its snapshot.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::stability::Drift::assert_stable`"
)]
#[track_caller]
pub fn assert_stable(catalog: &Catalog, path: impl AsRef<Path>) {
    Drift::assert_stable(catalog, path)
}

/// The snapshot text of `catalog`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::stability::Drift::snapshot`"
)]
pub fn snapshot(catalog: &Catalog) -> String {
    Drift::snapshot(catalog)
}
