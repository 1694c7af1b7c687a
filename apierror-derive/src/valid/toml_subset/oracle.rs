//! The invariant the reader keeps, checked against the `toml` crate on
//! one file: whenever the reader accepts it, toml 1.x (TOML 1.1.0) and
//! toml 0.8 (TOML 1.0.0) accept it and read the same keys and strings in
//! the same tables; whenever toml 0.8 accepts it, each error of the reader
//! says "not read", never "not TOML"; errors come in line order. The
//! differential test and the fuzz target both call [`compare`].

use super::{parse, Document, Kind};
use std::collections::BTreeMap;

/// A file as `key -> string` per table (`None`: the root).
type Read = BTreeMap<Option<String>, BTreeMap<String, String>>;

fn ours(document: &Document) -> Read {
    let mut read = Read::new();
    let root = read.entry(None).or_default();
    for pair in &document.root {
        root.insert(pair.key.clone(), pair.value.clone());
    }
    for table in &document.tables {
        let pairs = read.entry(Some(table.name.clone())).or_default();
        for pair in &table.pairs {
            pairs.insert(pair.key.clone(), pair.value.clone());
        }
    }
    read
}

/// What a toml document reads as, when it is only strings in the root
/// and in tables of the root.
macro_rules! theirs {
    ($table:expr, $value:path) => {{
        use $value as Value;
        let mut read = Read::new();
        read.entry(None).or_default();
        let mut only_strings = true;
        for (key, value) in $table {
            match value {
                Value::String(text) => {
                    read.entry(None)
                        .or_default()
                        .insert(key.clone(), text.clone());
                }
                Value::Table(table) => {
                    let pairs = read.entry(Some(key.clone())).or_default();
                    for (key, value) in table {
                        match value {
                            Value::String(text) => {
                                pairs.insert(key.clone(), text.clone());
                            }
                            _ => only_strings = false,
                        }
                    }
                }
                _ => only_strings = false,
            }
        }
        only_strings.then_some(read)
    }};
}

/// What happened to one file, for the figures.
pub(crate) struct Outcome {
    pub(crate) accepted: bool,
    /// Rejected with at least one "not TOML" error.
    pub(crate) invalid: bool,
    pub(crate) toml_accepts: bool,
    pub(crate) toml_1_0_accepts: bool,
}

/// Checks the invariant on `text`: what happened, or what broke it.
pub(crate) fn compare(text: &str) -> Result<Outcome, String> {
    let read = parse(text);
    let current = text.parse::<toml::Table>();
    let toml_1_0 = text.parse::<toml_1_0::Table>();
    let mut outcome = Outcome {
        accepted: read.is_ok(),
        invalid: false,
        toml_accepts: current.is_ok(),
        toml_1_0_accepts: toml_1_0.is_ok(),
    };
    match &read {
        Ok(document) => {
            let read = Some(ours(document));
            let current = current.as_ref().ok().and_then(|t| theirs!(t, toml::Value));
            let toml_1_0 = toml_1_0
                .as_ref()
                .ok()
                .and_then(|t| theirs!(t, toml_1_0::Value));
            if current != read || toml_1_0 != read {
                return Err(format!(
                    "{text:?}\n  reader:    {read:?}\n  toml 1.x:  {current:?}\n  toml 0.8:  {toml_1_0:?}"
                ));
            }
        }
        Err(errors) => {
            let lines = text.split('\n').count();
            let ordered = errors.windows(2).all(|w| w[0].line <= w[1].line);
            if errors.is_empty() || !ordered || errors.iter().any(|e| e.line == 0 || e.line > lines)
            {
                return Err(format!(
                    "{text:?}: errors out of order or range: {errors:?}"
                ));
            }
            outcome.invalid = errors.iter().any(|e| e.kind == Kind::Invalid);
            if outcome.invalid && outcome.toml_1_0_accepts {
                return Err(format!(
                    "{text:?}: TOML 1.0 (toml 0.8 reads it), and the reader says it is not: {errors:?}"
                ));
            }
        }
    }
    Ok(outcome)
}
