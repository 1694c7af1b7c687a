//! The fleet as the tool reads it: every service's JSON catalog (the output
//! of `apierror::export::Export::json`), and the fleet file's settings.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The name of the fleet file inside a folder of catalogs.
pub const FLEET_FILE: &str = "apierror-fleet.json";

/// A problem with the input: a missing file, bad JSON, a file that is not
/// a catalog. The tool prints it and exits with status 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who owns a code: unique per service (the default), or per domain, a
/// group of services that share their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    Service,
    Domain,
}

/// The services of a fleet, in the order of their names.
#[derive(Debug)]
pub struct Fleet {
    pub services: Vec<Service>,
    pub ownership: Ownership,
}

/// One service: one catalog file.
#[derive(Debug)]
pub struct Service {
    /// The file's name without `.json`: `errors/billing.json` is `billing`.
    pub name: String,
    pub file: PathBuf,
    /// From the fleet file, else the `google` format's domain, else the
    /// service's name.
    pub domain: String,
    pub type_name: String,
    pub description: String,
    /// The built-in format's name; `None` in a file written before the
    /// member existed.
    pub format: Option<String>,
    /// The codes' pattern (`BILL-####`), if the type declares one.
    pub pattern: Option<String>,
    pub range: Option<(u64, u64)>,
    pub categories: Vec<Category>,
    pub retired: Vec<String>,
    pub codes: Vec<Code>,
}

#[derive(Debug)]
pub struct Category {
    pub name: String,
    pub range: Option<(u64, u64)>,
}

/// One code of a service.
#[derive(Debug)]
pub struct Code {
    pub code: String,
    /// The type that declares it: the service's own, or one it includes.
    pub declared_by: String,
    pub status: u16,
    pub grpc: Option<String>,
    pub variant: String,
    pub message: String,
    pub description: String,
    pub details: bool,
    pub fields: Vec<Field>,
}

/// One member of a code's details.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    /// The Rust type as written.
    pub rust: String,
    /// The JSON type (`string`, `integer`, ...); from the Rust type in an
    /// older file.
    pub json: String,
    pub nullable: bool,
    pub required: bool,
    pub description: String,
}

impl Service {
    /// The space its ranges number codes in: the pattern without its `#`
    /// digits (`BILL-`); `None` without a pattern (any space).
    pub fn code_space(&self) -> Option<String> {
        self.pattern.as_ref().map(|p| p.replace('#', ""))
    }

    /// The code's owner for the fleet's uniqueness rule.
    pub fn owner(&self, ownership: Ownership) -> &str {
        match ownership {
            Ownership::Service => &self.name,
            Ownership::Domain => &self.domain,
        }
    }
}

/// The fleet file: `{"codes": "per-service" | "per-domain", "services":
/// {"billing": {"domain": "payments"}}}`, every member optional.
#[derive(Debug, Default)]
pub struct Settings {
    pub ownership: Option<Ownership>,
    pub domains: BTreeMap<String, String>,
}

impl Settings {
    pub fn read(path: &Path) -> Result<Settings, InputError> {
        let value = read_json(path)?;
        let bad = |what: &str| InputError(format!("{}: {what}", path.display()));
        let object = value
            .as_object()
            .ok_or_else(|| bad("a fleet file is a JSON object"))?;
        let mut settings = Settings::default();
        for (key, value) in object {
            match key.as_str() {
                "codes" => {
                    settings.ownership = Some(match value.as_str() {
                        Some("per-service") => Ownership::Service,
                        Some("per-domain") => Ownership::Domain,
                        _ => return Err(bad("`codes` is \"per-service\" or \"per-domain\"")),
                    })
                }
                "services" => {
                    let services = value
                        .as_object()
                        .ok_or_else(|| bad("`services` is an object of service names"))?;
                    for (name, service) in services {
                        if let Some(domain) = service.get("domain") {
                            let domain = domain.as_str().ok_or_else(|| {
                                bad(&format!("services.{name}.domain is a string"))
                            })?;
                            settings.domains.insert(name.clone(), domain.to_owned());
                        }
                    }
                }
                "$schema" | "description" => {}
                other => {
                    return Err(bad(&format!(
                        "unknown member `{other}` (expected `codes` or `services`)"
                    )))
                }
            }
        }
        Ok(settings)
    }
}

/// Reads the catalogs named by `paths` (files, or folders of `*.json`
/// files): a folder's `apierror-fleet.json` is its fleet file, unless
/// `fleet_file` names one.
pub fn load(
    paths: &[PathBuf],
    fleet_file: Option<&Path>,
    per_domain: bool,
) -> Result<Fleet, InputError> {
    if paths.is_empty() {
        return Err(InputError(
            "no catalogs given: name JSON catalog files or folders of them".into(),
        ));
    }
    let mut files = Vec::new();
    let mut found_fleet_file = None;
    for path in paths {
        let meta =
            std::fs::metadata(path).map_err(|e| InputError(format!("{}: {e}", path.display())))?;
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| InputError(format!("{}: {e}", path.display())))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|ext| ext == "json") && p.is_file())
                .collect();
            entries.sort();
            for entry in entries {
                if entry.file_name().is_some_and(|name| name == FLEET_FILE) {
                    found_fleet_file.get_or_insert(entry);
                } else {
                    files.push(entry);
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    let settings = match fleet_file.map(Path::to_path_buf).or(found_fleet_file) {
        Some(path) => Settings::read(&path)?,
        None => Settings::default(),
    };
    let mut services = Vec::with_capacity(files.len());
    for file in files {
        let service = read_service(&file, &settings)?;
        if let Some(other) = services.iter().find(|s: &&Service| s.name == service.name) {
            return Err(InputError(format!(
                "two catalogs of the service `{}`: {} and {} (a service is named by its file)",
                service.name,
                other.file.display(),
                file.display()
            )));
        }
        services.push(service);
    }
    if services.is_empty() {
        return Err(InputError(format!(
            "no catalogs found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    services.sort_by(|a, b| a.name.cmp(&b.name));
    let ownership = if per_domain {
        Ownership::Domain
    } else {
        settings.ownership.unwrap_or(Ownership::Service)
    };
    Ok(Fleet {
        services,
        ownership,
    })
}

fn read_json(path: &Path) -> Result<Value, InputError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputError(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| InputError(format!("{}: not valid JSON: {e}", path.display())))
}

/// Reads one catalog, checking each member the tool uses.
pub fn read_service(path: &Path, settings: &Settings) -> Result<Service, InputError> {
    let value = read_json(path)?;
    let name = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let reader = Reader { path };
    let root = reader.object(&value, "the catalog")?;
    let errors = root
        .get("errors")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            reader.bad("`errors` is missing: not an apierror JSON catalog (apierror::export::Export::json)")
        })?;
    let mut codes = Vec::with_capacity(errors.len());
    for (i, error) in errors.iter().enumerate() {
        codes.push(reader.code(error, i)?);
    }
    let format = reader.opt_str(root, "format", "the catalog")?;
    let domain = settings
        .domains
        .get(&name)
        .cloned()
        .or(reader.opt_str(root, "domain", "the catalog")?)
        .unwrap_or_else(|| name.clone());
    let mut categories = Vec::new();
    if let Some(list) = root.get("categories").and_then(Value::as_array) {
        for (i, category) in list.iter().enumerate() {
            let where_ = format!("categories[{i}]");
            let object = reader.object(category, &where_)?;
            categories.push(Category {
                name: reader.str(object, "name", &where_)?,
                range: reader.range(object.get("range"), &where_)?,
            });
        }
    }
    let mut retired = Vec::new();
    if let Some(list) = root.get("retired").and_then(Value::as_array) {
        for code in list {
            retired.push(
                code.as_str()
                    .ok_or_else(|| reader.bad("`retired` is a list of codes"))?
                    .to_owned(),
            );
        }
    }
    Ok(Service {
        type_name: reader
            .opt_str(root, "type", "the catalog")?
            .unwrap_or_default(),
        description: reader
            .opt_str(root, "description", "the catalog")?
            .unwrap_or_default(),
        range: reader.range(root.get("range"), "the catalog")?,
        pattern: reader.opt_str(root, "pattern", "the catalog")?,
        name,
        file: path.to_path_buf(),
        domain,
        format,
        categories,
        retired,
        codes,
    })
}

struct Reader<'a> {
    path: &'a Path,
}

impl Reader<'_> {
    fn bad(&self, what: &str) -> InputError {
        InputError(format!("{}: {what}", self.path.display()))
    }

    fn object<'v>(
        &self,
        value: &'v Value,
        where_: &str,
    ) -> Result<&'v Map<String, Value>, InputError> {
        value
            .as_object()
            .ok_or_else(|| self.bad(&format!("{where_} is not a JSON object")))
    }

    fn str(
        &self,
        object: &Map<String, Value>,
        key: &str,
        where_: &str,
    ) -> Result<String, InputError> {
        self.opt_str(object, key, where_)?
            .ok_or_else(|| self.bad(&format!("{where_}: `{key}` is missing")))
    }

    fn opt_str(
        &self,
        object: &Map<String, Value>,
        key: &str,
        where_: &str,
    ) -> Result<Option<String>, InputError> {
        match object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.bad(&format!("{where_}: `{key}` is not a string"))),
        }
    }

    fn bool(
        &self,
        object: &Map<String, Value>,
        key: &str,
        where_: &str,
    ) -> Result<Option<bool>, InputError> {
        match object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.bad(&format!("{where_}: `{key}` is not true or false"))),
        }
    }

    fn range(&self, value: Option<&Value>, where_: &str) -> Result<Option<(u64, u64)>, InputError> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(pair)) => match pair.as_slice() {
                [lo, hi] => match (lo.as_u64(), hi.as_u64()) {
                    (Some(lo), Some(hi)) => Ok(Some((lo, hi))),
                    _ => Err(self.bad(&format!("{where_}: `range` is two numbers"))),
                },
                _ => Err(self.bad(&format!("{where_}: `range` is two numbers"))),
            },
            Some(_) => Err(self.bad(&format!("{where_}: `range` is two numbers"))),
        }
    }

    fn code(&self, value: &Value, i: usize) -> Result<Code, InputError> {
        let where_ = format!("errors[{i}]");
        let object = self.object(value, &where_)?;
        let code = self.str(object, "code", &where_)?;
        let where_ = format!("errors[{i}] ({code})");
        let status = object
            .get("status")
            .and_then(Value::as_u64)
            .filter(|s| (100..=999).contains(s))
            .ok_or_else(|| {
                self.bad(&format!(
                    "{where_}: `status` is missing or not an HTTP status"
                ))
            })?;
        let mut fields = Vec::new();
        if let Some(list) = object.get("fields") {
            let list = list
                .as_array()
                .ok_or_else(|| self.bad(&format!("{where_}: `fields` is not a list")))?;
            for (j, field) in list.iter().enumerate() {
                let where_ = format!("{where_}.fields[{j}]");
                let f = self.object(field, &where_)?;
                let rust = self.opt_str(f, "type", &where_)?.unwrap_or_default();
                let (json, nullable) = match self.opt_str(f, "json", &where_)? {
                    Some(json) => (json, self.bool(f, "nullable", &where_)?.unwrap_or(false)),
                    None => guess_json(&rust),
                };
                fields.push(Field {
                    name: self.str(f, "name", &where_)?,
                    required: self
                        .bool(f, "required", &where_)?
                        .unwrap_or_else(|| !rust.starts_with("Option<")),
                    json,
                    nullable,
                    rust,
                    description: self.opt_str(f, "description", &where_)?.unwrap_or_default(),
                });
            }
        }
        Ok(Code {
            status: status as u16,
            grpc: self.opt_str(object, "grpc", &where_)?,
            declared_by: self.opt_str(object, "type", &where_)?.unwrap_or_default(),
            variant: self
                .opt_str(object, "variant", &where_)?
                .unwrap_or_default(),
            message: self
                .opt_str(object, "message", &where_)?
                .unwrap_or_default(),
            description: self
                .opt_str(object, "description", &where_)?
                .unwrap_or_default(),
            details: self
                .bool(object, "details", &where_)?
                .unwrap_or(!fields.is_empty()),
            fields,
            code,
        })
    }
}

/// The JSON type of a Rust type as written, for a catalog written before
/// the `json` member existed.
fn guess_json(rust: &str) -> (String, bool) {
    let inner = rust
        .strip_prefix("Option<")
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or(rust);
    let json = match inner {
        "String" | "&str" | "char" | "&'static str" => "string",
        "bool" => "boolean",
        "f32" | "f64" => "number",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" => "integer",
        t if t.starts_with("Vec<") || t.starts_with('[') => "array",
        t if t.contains("Map<") => "object",
        _ => "any",
    };
    (json.to_owned(), json == "any")
}
