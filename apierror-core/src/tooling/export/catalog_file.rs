//! The committed catalog file a fleet's tools read.

use super::{Export, JsonCatalog};
use crate::catalog::Catalog;
use std::path::Path;

impl JsonCatalog<'_> {
    /// The variable that makes [`Export::assert_catalog_file`] rewrite a
    /// stale file.
    pub const UPDATE_VAR: &'static str = "APIERROR_UPDATE";
}

// The old path, kept for one release.

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::JsonCatalog::UPDATE_VAR`"
)]
pub const UPDATE_VAR: &str = JsonCatalog::UPDATE_VAR;

impl Export {
    /// Keeps the committed JSON catalog of a crate ([`Export::json`], with
    /// a final newline) in step with the code: the file a fleet's tools
    /// (`apierror-fleet check`, `diff`, `docs`, `sdk`) read.
    ///
    /// Writes the file when it is missing or when `APIERROR_UPDATE=1` is set;
    /// otherwise panics, naming the first line that differs and the command that
    /// rewrites it, when the file is not what the catalog exports now. With
    /// `APIERROR_UPDATE=0` it never writes: a missing file fails too, which is
    /// what CI should run with (else a catalog never committed is written there
    /// and passes). A relative path is read from the package's folder (`cargo
    /// test` runs there). The two lines of the test:
    ///
    /// ```no_run
    /// # use apierror::ApiError;
    /// use apierror::export::Export;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(pattern = "BILL-###")]
    /// # pub enum BillingError {
    /// #     #[code("BILL-001")] #[status(402)] #[message("Payment failed")]
    /// #     PaymentFailed,
    /// # }
    /// #[test]
    /// fn error_catalog_is_committed() {
    ///     Export::assert_catalog_file(BillingError::CATALOG, "errors/billing.json");
    /// }
    /// ```
    ///
    /// A stale file fails the test with what to do:
    ///
    /// ```
    /// # use apierror::ApiError;
    /// use apierror::export::Export;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(pattern = "BILL-###")]
    /// # pub enum BillingError {
    /// #     #[code("BILL-001")] #[status(402)] #[message("Payment failed")]
    /// #     PaymentFailed,
    /// # }
    /// let dir = std::env::temp_dir().join(format!("apierror-doc-{}", std::process::id()));
    /// let path = dir.join("billing.json");
    /// Export::assert_catalog_file(BillingError::CATALOG, &path); // missing: written
    /// Export::assert_catalog_file(BillingError::CATALOG, &path); // up to date
    ///
    /// std::fs::write(&path, std::fs::read_to_string(&path)?.replace("402", "400"))?;
    /// let stale = std::panic::catch_unwind(|| {
    ///     Export::assert_catalog_file(BillingError::CATALOG, &path)
    /// });
    /// let message = stale.unwrap_err().downcast::<String>().unwrap();
    /// assert!(message.contains("committed: \"status\": 400,\n"), "{message}");
    /// assert!(message.contains("now:       \"status\": 402,\n"), "{message}");
    /// assert!(message.contains("rewrite it with `APIERROR_UPDATE=1 cargo test`"), "{message}");
    ///
    /// // Only the end of the file differs: the message says so.
    /// let text = std::fs::read_to_string(&path)?.replace("400", "402");
    /// std::fs::write(&path, text.trim_end())?;
    /// let stale = std::panic::catch_unwind(|| {
    ///     Export::assert_catalog_file(BillingError::CATALOG, &path)
    /// });
    /// let message = stale.unwrap_err().downcast::<String>().unwrap();
    /// assert!(message.contains("does not end with exactly one newline"), "{message}");
    ///
    /// // As CI runs it: a missing file fails instead of being written.
    /// std::env::set_var("APIERROR_UPDATE", "0");
    /// let missing = dir.join("shipping.json");
    /// let failed = std::panic::catch_unwind(|| {
    ///     Export::assert_catalog_file(BillingError::CATALOG, &missing)
    /// });
    /// assert!(failed.is_err() && !missing.exists());
    ///
    /// std::env::set_var("APIERROR_UPDATE", "1");
    /// Export::assert_catalog_file(BillingError::CATALOG, &path); // rewritten
    /// std::env::remove_var("APIERROR_UPDATE");
    /// Export::assert_catalog_file(BillingError::CATALOG, &path); // up to date
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[track_caller]
    pub fn assert_catalog_file(catalog: &Catalog, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let mut expected = Export::json(catalog);
        expected.push('\n');
        let var = JsonCatalog::UPDATE_VAR;
        let setting = std::env::var_os(var);
        let update = setting.as_ref().is_some_and(|v| v != "0" && !v.is_empty());
        let strict = setting.as_ref().is_some_and(|v| v == "0");
        let current = match std::fs::read_to_string(path) {
            Ok(text) => Some(text.replace("\r\n", "\n")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("cannot read the catalog file {}: {e}", path.display()),
        };
        if current.as_deref() == Some(expected.as_str()) {
            return;
        }
        if current.is_none() && strict {
            panic!(
                "the catalog file {} is missing ({var}=0): write it with \
                 `{var}=1 cargo test` and commit it",
                path.display()
            );
        }
        if current.is_none() || update {
            if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
            }
            std::fs::write(path, &expected).unwrap_or_else(|e| {
                panic!("cannot write the catalog file {}: {e}", path.display())
            });
            return;
        }
        let current = current.unwrap_or_default();
        let lines = current.lines().count().max(expected.lines().count());
        let (line, old, new) = current
            .lines()
            .map(Some)
            .chain(std::iter::repeat(None))
            .zip(expected.lines().map(Some).chain(std::iter::repeat(None)))
            .take(lines)
            .enumerate()
            .find(|(_, (old, new))| old != new)
            .map(|(i, (old, new))| {
                (
                    i + 1,
                    old.unwrap_or("(end of file)"),
                    new.unwrap_or("(end of file)"),
                )
            })
            .unwrap_or((0, "", ""));
        if line == 0 {
            // Every line is the same: the end of the file is not.
            panic!(
                "the catalog file {} is stale: it does not end with exactly one newline as the \
                 export does; rewrite it with `{var}=1 cargo test` and commit it",
                path.display()
            );
        }
        panic!(
            "the catalog file {} is stale: {} no longer matches the catalog of {}\n  \
             line {line}, committed: {}\n  line {line}, now:       {}\n\
             rewrite it with `{var}=1 cargo test`, review the diff and commit it",
            path.display(),
            path.display(),
            catalog.type_name(),
            old.trim(),
            new.trim(),
        );
    }
}
