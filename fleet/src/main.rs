//! `apierror-fleet`: the error catalogs of a fleet of services, together.
//!
//! Each service of the fleet commits its JSON catalog
//! (`apierror::export::Export::assert_catalog_file`); this tool reads those files,
//! and nothing else:
//!
//! - `check`: codes two services (or two domains) use, retired codes used
//!   again, overlapping declared ranges, two statuses for one code;
//! - `diff OLD NEW`: every change between two releases, breaking for a
//!   client or not, with an allow-list for intended breaks;
//! - `docs`: one Markdown reference for the fleet;
//! - `sdk typescript|python`: the client error types of every service.
//!
//! Exit status: 0 when all is well, 1 for a finding or an unallowed breaking
//! change, 2 for a usage or input error (a missing file, bad JSON, a file
//! that is not a catalog).

mod catalog;
mod check;
mod diff;
mod docs;
mod sdk;

use catalog::InputError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
apierror-fleet: the error catalogs of a fleet of services, together

usage:
  apierror-fleet check [--json] [--per-domain] [--fleet FILE] [--out FILE] CATALOG...
  apierror-fleet diff [--json] [--allow FILE] [--out FILE] OLD NEW
  apierror-fleet docs [--title TEXT] [--per-domain] [--fleet FILE] [--out FILE] CATALOG...
  apierror-fleet sdk typescript|python [--fleet FILE] [--out FILE] CATALOG...
  apierror-fleet help | --help | -h, or COMMAND --help

A CATALOG is a JSON catalog file (apierror::export::Export::json; the service is the
file's name: billing.json is `billing`) or a folder of them. A folder's
apierror-fleet.json (or --fleet FILE) holds the fleet's settings:
  {\"codes\": \"per-service\" | \"per-domain\", \"services\": {\"billing\": {\"domain\": \"payments\"}}}
--per-domain: a code may be used by several services of one domain, not by two
domains (docs and sdk read the same settings, for the services' domains).
--out FILE writes the output there instead of to standard output. diff's
OLD and NEW are a catalog file each or a folder each;
--allow FILE lists intended breaks, one `KIND SERVICE/CODE[/FIELD]` a line
(a trailing * matches any rest; # starts a comment).

exit status: 0 all well, 1 findings or unallowed breaking changes, 2 bad usage or input
";

/// The command line, read by hand: a handful of flags, no dependency.
struct Args {
    command: String,
    positional: Vec<String>,
    json: bool,
    per_domain: bool,
    fleet: Option<PathBuf>,
    allow: Option<PathBuf>,
    out: Option<PathBuf>,
    title: Option<String>,
    /// The options given, to refuse one the command does not take.
    given: Vec<&'static str>,
}

fn parse(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = raw.next().ok_or("no command given")?;
    let mut args = Args {
        command,
        positional: Vec::new(),
        json: false,
        per_domain: false,
        fleet: None,
        allow: None,
        out: None,
        title: None,
        given: Vec::new(),
    };
    let mut only_positional = false;
    while let Some(arg) = raw.next() {
        if only_positional || !arg.starts_with("--") {
            args.positional.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| raw.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let name = match flag.as_str() {
            "--" => {
                only_positional = true;
                continue;
            }
            "--json" => {
                args.json = true;
                "--json"
            }
            "--per-domain" => {
                args.per_domain = true;
                "--per-domain"
            }
            "--fleet" => {
                args.fleet = Some(value("--fleet")?.into());
                "--fleet"
            }
            "--allow" => {
                args.allow = Some(value("--allow")?.into());
                "--allow"
            }
            "--out" => {
                args.out = Some(value("--out")?.into());
                "--out"
            }
            "--title" => {
                args.title = Some(value("--title")?);
                "--title"
            }
            other => return Err(format!("unknown option `{other}`")),
        };
        args.given.push(name);
    }
    Ok(args)
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    // `help`, `--help` or `-h` alone, or anywhere after a command (before
    // a `--` that ends the options).
    let asks_help = raw
        .iter()
        .take_while(|arg| *arg != "--")
        .any(|arg| matches!(arg.as_str(), "--help" | "-h"));
    if raw.is_empty() || raw[0] == "help" || asks_help {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if matches!(raw[0].as_str(), "--version" | "-V") {
        println!("apierror-fleet {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    let args = match parse(raw.into_iter()) {
        Ok(args) => args,
        Err(message) => return usage_error(&message),
    };
    match run(&args) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => usage_error(&message),
        Err(Failure::Input(error)) => {
            eprintln!("apierror-fleet: {error}");
            ExitCode::from(2)
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("apierror-fleet: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

enum Failure {
    Usage(String),
    Input(InputError),
}

impl From<InputError> for Failure {
    fn from(error: InputError) -> Self {
        Failure::Input(error)
    }
}

fn paths(args: &[String]) -> Vec<PathBuf> {
    args.iter().map(PathBuf::from).collect()
}

/// The options each command takes.
fn options(command: &str) -> &'static [&'static str] {
    match command {
        "check" => &["--json", "--per-domain", "--fleet", "--out"],
        "diff" => &["--json", "--allow", "--out"],
        "docs" => &["--title", "--out", "--fleet", "--per-domain"],
        "sdk" => &["--out", "--fleet"],
        _ => &[],
    }
}

fn run(args: &Args) -> Result<ExitCode, Failure> {
    if let Some(flag) = args
        .given
        .iter()
        .find(|flag| !options(&args.command).contains(flag))
    {
        if matches!(args.command.as_str(), "check" | "diff" | "docs" | "sdk") {
            return Err(Failure::Usage(format!(
                "{} takes no `{flag}`",
                args.command
            )));
        }
    }
    let status = |bad: bool| {
        if bad {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    };
    match args.command.as_str() {
        "check" => {
            let fleet = catalog::load(
                &paths(&args.positional),
                args.fleet.as_deref(),
                args.per_domain,
            )?;
            let findings = check::check(&fleet);
            let text = if args.json {
                pretty(&check::to_json(&fleet, &findings))
            } else {
                check::human(&fleet, &findings)
            };
            emit(args.out.as_deref(), &text)?;
            Ok(status(!findings.is_empty()))
        }
        "diff" => {
            let [old, new] = args.positional.as_slice() else {
                return Err(Failure::Usage("diff takes two arguments: OLD NEW".into()));
            };
            let (old_path, new_path) = (Path::new(old), Path::new(new));
            // Two folders (services matched by name) or two files (one
            // service's two releases): a folder against a file would read
            // as every other service removed or added.
            if old_path.is_file() != new_path.is_file() {
                return Err(Failure::Usage(format!(
                    "diff compares two folders or two files, not a {} ({}) with a {} ({})",
                    if old_path.is_file() { "file" } else { "folder" },
                    old_path.display(),
                    if new_path.is_file() { "file" } else { "folder" },
                    new_path.display(),
                )));
            }
            let old = catalog::load(&[old.into()], None, false)?;
            let mut new = catalog::load(&[new.into()], None, false)?;
            // Two files are two releases of one service, whatever their names.
            if old_path.is_file() && new_path.is_file() {
                new.services[0].name.clone_from(&old.services[0].name);
            }
            let mut changes = diff::diff(&old, &new);
            let unused = match &args.allow {
                Some(path) => diff::AllowList::read(path)?.apply(&mut changes),
                None => Vec::new(),
            };
            let text = if args.json {
                pretty(&diff::to_json(&changes, &unused))
            } else {
                for line in &unused {
                    eprintln!("apierror-fleet: warning: allow-list {line}");
                }
                diff::human(&changes)
            };
            emit(args.out.as_deref(), &text)?;
            Ok(status(diff::counts(&changes).0 > 0))
        }
        "docs" => {
            let fleet = catalog::load(
                &paths(&args.positional),
                args.fleet.as_deref(),
                args.per_domain,
            )?;
            let title = args.title.as_deref().unwrap_or("Error reference");
            emit(args.out.as_deref(), &docs::markdown(&fleet, title))?;
            Ok(ExitCode::SUCCESS)
        }
        "sdk" => {
            let Some((language, rest)) = args.positional.split_first() else {
                return Err(Failure::Usage(
                    "sdk takes a language: typescript or python".into(),
                ));
            };
            let generate = match language.as_str() {
                "typescript" | "ts" => sdk::typescript,
                "python" | "py" => sdk::python,
                other => {
                    return Err(Failure::Usage(format!(
                        "no SDK for `{other}`: typescript or python"
                    )))
                }
            };
            let fleet = catalog::load(&paths(rest), args.fleet.as_deref(), args.per_domain)?;
            emit(args.out.as_deref(), &generate(&fleet))?;
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes to `--out FILE`, else to standard output.
fn emit(out: Option<&Path>, text: &str) -> Result<(), InputError> {
    match out {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| InputError(format!("{}: {e}", path.display())))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error of the tool.
            let _ = stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush());
            Ok(())
        }
    }
}
