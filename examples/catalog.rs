//! Publishes the error references of the five service catalogs, generated from
//! their `#[derive(ApiError)]` types alone.
//!
//! `apierror::export::Export::markdown` writes each catalog as a Markdown reference
//! (categories or modules, an index, one entry per code, retired codes);
//! `apierror::export::Export::json` writes the same catalog as JSON for SDK
//! generators and other tools.
//!
//! ```text
//! cargo run --features export --example catalog                    # the Markdown references, one after another
//! cargo run --features export --example catalog -- --json          # a JSON array of the five catalogs
//! cargo run --features export --example catalog -- phala           # one catalog (openchoreo, llm_gateway, hexabase, k0rdent, phala)
//! cargo run --features export --example catalog -- --json phala    # one catalog as JSON
//! cargo run --features export --example catalog > ERRORS.md        # ready to commit or publish
//! cargo run --features export --example catalog -- explain CHOREO-1001   # one code's whole entry, like `rustc --explain`
//! cargo run --features export --example catalog -- --typescript k0rdent   # TypeScript declarations of one catalog's codes and bodies
//! cargo run --features export --example catalog -- --schema k0rdent       # the JSON Schema of its bodies, in its own format
//! ```

use apierror::{ApiError, Catalog};
use std::io::{self, Write};
use std::process::ExitCode;

#[allow(dead_code)]
#[path = "hexabase.rs"]
mod hexabase;
#[allow(dead_code)]
#[path = "k0rdent.rs"]
mod k0rdent;
#[allow(dead_code)]
#[path = "llm_gateway.rs"]
mod llm_gateway;
#[allow(dead_code)]
#[path = "openchoreo.rs"]
mod openchoreo;
#[allow(dead_code)]
#[path = "phala.rs"]
mod phala;

/// The service catalogs: (name on the command line, service, catalog).
const SERVICES: [(&str, &str, &Catalog); 5] = [
    (
        "openchoreo",
        "OpenChoreo",
        openchoreo::OpenChoreoError::CATALOG,
    ),
    (
        "llm_gateway",
        "LLM gateway",
        llm_gateway::GatewayError::CATALOG,
    ),
    (
        "hexabase",
        "Hexabase KaaS",
        hexabase::HexabaseError::CATALOG,
    ),
    ("k0rdent", "k0rdent", k0rdent::K0rdentError::CATALOG),
    ("phala", "Phala Cloud", phala::PhalaError::CATALOG),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("explain") {
        return explain(&args[1..]);
    }
    let mut json = false;
    let mut typescript = false;
    let mut schema = false;
    let mut only = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            "--typescript" => typescript = true,
            "--schema" => schema = true,
            "-h" | "--help" => {
                println!("usage: catalog [--json] [{}]...", names().join(" | "));
                println!("       catalog --typescript NAME | --schema NAME");
                println!("       catalog explain CODE");
                return ExitCode::SUCCESS;
            }
            name => match SERVICES.iter().find(|(service, ..)| *service == name) {
                Some(service) => only.push(*service),
                None => {
                    eprintln!(
                        "unknown catalog `{name}`; expected one of: {}",
                        names().join(", ")
                    );
                    return ExitCode::FAILURE;
                }
            },
        }
    }
    if typescript || schema {
        // One catalog: two sets of declarations would name the same types.
        let [(_, _, catalog)] = only[..] else {
            eprintln!(
                "--typescript and --schema take one catalog: {}",
                names().join(", ")
            );
            return ExitCode::FAILURE;
        };
        let mut output = if typescript {
            apierror::export::Export::typescript(catalog)
        } else {
            apierror::export::Export::json_schema(catalog, catalog.built_in())
        };
        if !output.ends_with('\n') {
            output.push('\n');
        }
        return write(&output);
    }
    let selected = if only.is_empty() {
        SERVICES.to_vec()
    } else {
        only
    };

    let output = if json {
        json_array(&selected)
    } else {
        markdown_book(&selected)
    };
    write(&output)
}

fn write(output: &str) -> ExitCode {
    // A closed pipe (`| head`) is not an error worth a panic.
    match io::stdout().lock().write_all(output.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("cannot write the catalogs: {err}");
            ExitCode::FAILURE
        }
    }
}

/// `explain CODE`: the code's entry from whichever catalog has it.
fn explain(args: &[String]) -> ExitCode {
    let [code] = args else {
        eprintln!("usage: catalog explain CODE");
        return ExitCode::FAILURE;
    };
    match SERVICES
        .iter()
        .find_map(|(_, _, catalog)| catalog.explain(code))
    {
        Some(text) => write(&text),
        None => {
            eprintln!("no catalog has the code `{code}`");
            ExitCode::FAILURE
        }
    }
}

fn names() -> Vec<&'static str> {
    SERVICES.iter().map(|(name, ..)| *name).collect()
}

/// The Markdown references, one after another, behind a table of contents
/// when there is more than one.
fn markdown_book(selected: &[(&str, &str, &Catalog)]) -> String {
    let mut out = String::new();
    if selected.len() > 1 {
        out.push_str(
            "<!-- Generated by `cargo run --features export --example catalog`. Do not edit by hand. -->\n\n",
        );
        out.push_str("# Error references\n\n");
        out.push_str(
            "Each reference below is generated from a `#[derive(ApiError)]` type by \
             `apierror::export::Export::markdown`: the Rust code is the source of truth, and \
             the documentation cannot drift from it.\n\n",
        );
        out.push_str("| Service | Type | Codes | Retired |\n");
        out.push_str("|---------|------|-------|---------|\n");
        for (_, service, catalog) in selected {
            out.push_str(&format!(
                "| [{service}](#{}) | `{}` | {} | {} |\n",
                // GitHub's anchor for the reference's `# TypeName` title.
                catalog.type_name().to_lowercase(),
                catalog.type_name(),
                catalog.len(),
                catalog.all_retired().count(),
            ));
        }
    }
    for (i, (_, _, catalog)) in selected.iter().enumerate() {
        if i > 0 || selected.len() > 1 {
            out.push_str("\n---\n\n");
        }
        out.push_str(&apierror::export::Export::markdown(catalog));
    }
    out
}

/// The JSON catalogs as one pretty-printed JSON array (a single object when
/// one catalog is asked for).
fn json_array(selected: &[(&str, &str, &Catalog)]) -> String {
    let mut out = if let [(_, _, catalog)] = selected {
        apierror::export::Export::json(catalog)
    } else {
        let catalogs: Vec<_> = selected
            .iter()
            .map(|(_, _, catalog)| apierror::export::JsonCatalog(catalog))
            .collect();
        serde_json::to_string_pretty(&catalogs).expect("catalogs serialize to JSON")
    };
    out.push('\n');
    out
}
