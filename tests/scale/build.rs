//! Writes the catalog: `MODULES` error types of `CODES` codes each, every
//! one with its own pattern (`M01-####`), and a service type composing them
//! all with transparent variants.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

const MODULES: usize = 50;
const CODES: usize = 400;

fn main() {
    let mut out = String::new();
    for m in 1..=MODULES {
        writeln!(out, "/// Module {m}.").unwrap();
        writeln!(out, "#[derive(Debug, ApiError)]").unwrap();
        writeln!(
            out,
            "#[api_error(pattern = \"M{m:02}-####\", status = 400)]"
        )
        .unwrap();
        writeln!(out, "pub enum Module{m} {{").unwrap();
        for c in 1..=CODES {
            writeln!(out, "    #[code(\"M{m:02}-{c:04}\")] V{c},").unwrap();
        }
        writeln!(out, "}}\n").unwrap();
    }
    writeln!(out, "/// The service: every module.").unwrap();
    writeln!(out, "#[derive(Debug, ApiError)]").unwrap();
    writeln!(out, "pub enum Service {{").unwrap();
    for m in 1..=MODULES {
        writeln!(out, "    #[api_error(transparent)] Module{m}(Module{m}),").unwrap();
    }
    writeln!(out, "}}").unwrap();
    writeln!(out, "pub const CODES: usize = {};", MODULES * CODES).unwrap();
    let path = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog.rs");
    fs::write(path, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
