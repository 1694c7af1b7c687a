//! The generated error references against the hand-written ones.
//!
//! `references/` holds the error references the five example services
//! published by hand. Each test here parses one of them, extracts its
//! per-code facts (titles, descriptions, causes, example errors, resolution
//! steps and commands, solutions, JSON examples, exception classes), and
//! looks for every fact in the reference `apierror::export::Export::markdown`
//! generates from the example enums (what `cargo run --example catalog`
//! publishes). A fact of a code must appear in that code's entry, the part
//! of the generated reference from its `### CODE: Title` heading to the next
//! heading; text is compared with whitespace runs collapsed to one space.
//! A failing test lists every missing fact of its catalog, with their count.
//!
//! The parsers also count what they extract and fail if the count is not
//! that of the hand-written reference, so a parser broken by an edit of a
//! reference cannot pass by finding nothing to check.
//!
//! Exception classes come from `#[api_error(class = "...")]` and the HTTP
//! status tables from `#[api_error(status_doc(...))]`; the rest from doc
//! comments.

use crate::services;
use services::{hexabase, k0rdent, llm_gateway, openchoreo, phala};

use apierror::decode::Decode;
use apierror::{ApiError, Catalog};
use serde_json::Value;

// ---- Checking facts against a generated reference ---------------------------

/// The text of a hand-written reference in `references/`.
fn hand_written(name: &str) -> String {
    let path = format!("{}/references/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("cannot read {path}: {err}"))
}

/// `text` with every run of whitespace as one space, without leading and
/// trailing whitespace.
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `token` occurs in `text` as a whole identifier that is not the
/// tail of a path: `NotFoundError` but not `NotFoundErrors`, and not the
/// variant in `K0rdentError::ValidationError`.
fn has_token(text: &str, token: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(token).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + token.len()..].chars().next();
        !before.is_some_and(|c| is_ident(c) || c == ':') && !after.is_some_and(is_ident)
    })
}

/// The fenced blocks of `markdown`: (language, lines), each line without the
/// fence's indentation (a block inside a list item is indented) and without
/// trailing whitespace.
fn fenced_blocks(markdown: &str) -> Vec<(String, Vec<String>)> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        let indent = line.len() - line.trim_start().len();
        let Some(lang) = line.trim_start().strip_prefix("```") else {
            continue;
        };
        let body = lines
            .by_ref()
            .take_while(|line| line.trim() != "```")
            .map(|line| {
                let line = line
                    .get(..indent)
                    .filter(|pad| pad.trim().is_empty())
                    .map_or(line, |_| &line[indent..]);
                line.trim_end().to_owned()
            })
            .collect();
        blocks.push((lang.trim().to_owned(), body));
    }
    blocks
}

/// The ```` ```json ```` blocks of `markdown`, parsed.
fn json_blocks(markdown: &str) -> Vec<Value> {
    fenced_blocks(markdown)
        .into_iter()
        .filter(|(lang, _)| lang == "json")
        .filter_map(|(_, lines)| serde_json::from_str(&lines.join("\n")).ok())
        .collect()
}

/// A generated reference and the facts looked for in it so far.
struct Generated {
    name: &'static str,
    markdown: String,
    checked: usize,
    missing: Vec<String>,
}

impl Generated {
    fn new(name: &'static str, catalog: &Catalog) -> Self {
        Generated {
            name,
            markdown: apierror::export::Export::markdown(catalog),
            checked: 0,
            missing: Vec::new(),
        }
    }

    /// The entry of `code`: from its `### CODE: Title` heading up to the
    /// next heading of level 2 or 3 or the next code's anchor.
    fn entry(&self, code: &str) -> Option<&str> {
        let heading = format!("### {code}:");
        let mut offset = 0;
        let mut start = None;
        for line in self.markdown.split_inclusive('\n') {
            let trimmed = line.trim_end();
            match start {
                None if trimmed.starts_with(&heading) || trimmed == format!("### {code}") => {
                    start = Some(offset);
                }
                Some(from)
                    if trimmed.starts_with("### ")
                        || trimmed.starts_with("## ")
                        || trimmed.starts_with("<a id=") =>
                {
                    return Some(&self.markdown[from..offset]);
                }
                _ => {}
            }
            offset += line.len();
        }
        start.map(|from| &self.markdown[from..])
    }

    /// Records one fact: found, or missing as described by `fact`.
    fn fact(&mut self, found: bool, fact: impl FnOnce() -> String) {
        self.checked += 1;
        if !found {
            self.missing.push(fact());
        }
    }

    /// `code` has an entry. Returns whether it has, so that its other facts
    /// are not all reported missing one by one.
    fn has_entry(&mut self, code: &str) -> bool {
        let found = self.entry(code).is_some();
        self.fact(found, || format!("{code}: no entry `### {code}: ...`"));
        found
    }

    /// `text` is in the entry of `code`, whitespace normalised.
    fn in_entry(&mut self, code: &str, what: &str, text: &str) {
        let found = self
            .entry(code)
            .is_some_and(|entry| norm(entry).contains(&norm(text)));
        self.fact(found, || format!("{code}: {what}: {text:?}"));
    }

    /// The heading of the entry of `code` is `### CODE: title`.
    fn title(&mut self, code: &str, title: &str) {
        let found = self.entry(code).is_some_and(|entry| {
            let heading = entry.lines().next().unwrap_or_default();
            norm(&heading.replace('\\', "")) == norm(&format!("### {code}: {title}"))
        });
        self.fact(found, || format!("{code}: title: {title:?}"));
    }

    /// The entry of `code` gives `status` on its HTTP status line.
    fn status(&mut self, code: &str, status: u16) {
        let status_text = status.to_string();
        let found = self.entry(code).is_some_and(|entry| {
            entry
                .lines()
                .any(|line| line.contains("HTTP Status") && has_token(line, &status_text))
        });
        self.fact(found, || format!("{code}: HTTP status {status}"));
    }

    /// One of the ```` ```json ```` blocks of the entry of `code` is `example`.
    fn json_example(&mut self, code: &str, example: &Value) {
        let found = self
            .entry(code)
            .is_some_and(|entry| json_blocks(entry).contains(example));
        self.fact(found, || format!("{code}: JSON example {example}"));
    }

    /// The entry of `code` has a fenced block in `lang` made of `lines`
    /// exactly (trailing whitespace aside): verbatim, blank lines included.
    fn block_in_entry(&mut self, code: &str, what: &str, lang: &str, lines: &[String]) {
        let lines: Vec<String> = lines.iter().map(|l| l.trim_end().to_owned()).collect();
        let found = self.entry(code).is_some_and(|entry| {
            fenced_blocks(entry)
                .iter()
                .any(|(l, body)| l == lang && *body == lines)
        });
        self.fact(found, || {
            format!("{code}: {what}, verbatim in ```{lang}: {lines:?}")
        });
    }

    /// `token` names something in the entry of `code` (not as the tail of
    /// the variant's path).
    fn token_in_entry(&mut self, code: &str, what: &str, token: &str) {
        let found = self
            .entry(code)
            .is_some_and(|entry| has_token(entry, token));
        self.fact(found, || format!("{code}: {what} `{token}`"));
    }

    /// `text` is somewhere in the generated reference, whitespace normalised.
    fn anywhere(&mut self, what: &str, text: &str) {
        let found = norm(&self.markdown).contains(&norm(text));
        self.fact(found, || format!("{what}: {text:?}"));
    }

    /// One line of the generated reference (a table row, a list item)
    /// holds all of `cells`.
    fn on_one_line(&mut self, what: &str, cells: &[String]) {
        let found = self.markdown.lines().any(|line| {
            let line = norm(line);
            cells.iter().all(|cell| line.contains(&norm(cell)))
        });
        self.fact(found, || format!("{what}: one line with {cells:?}"));
    }

    /// Fails with every missing fact if any is.
    fn assert_complete(self) {
        let Generated {
            name,
            checked,
            missing,
            ..
        } = self;
        assert!(checked > 0, "{name}: no fact was checked");
        println!("{name}: {checked} facts checked, {} missing", missing.len());
        assert!(
            missing.is_empty(),
            "{name}: {} of {checked} facts of the hand-written reference are missing \
             from the generated one:\n  - {}\n",
            missing.len(),
            missing.join("\n  - ")
        );
    }
}

// ---- OpenChoreo: references/openchoreo.md -----------------------------

/// One `### CHOREO-XXXX: Title` section.
#[derive(Debug, Default)]
struct ChoreoEntry {
    code: String,
    title: String,
    description: String,
    causes: Vec<String>,
    /// The lines of the **Example Error** block.
    example: Vec<String>,
    /// The resolution steps, without their numbers.
    steps: Vec<String>,
    /// The command blocks after the steps: (language, lines).
    commands: Vec<(String, Vec<String>)>,
}

/// The entries of the OpenChoreo reference, and the items of its "Error
/// Code Categories" list.
fn parse_openchoreo(text: &str) -> (Vec<ChoreoEntry>, Vec<String>) {
    #[derive(PartialEq)]
    enum Part {
        None,
        Causes,
        Example,
        Steps,
    }
    let mut entries: Vec<ChoreoEntry> = Vec::new();
    let mut categories = Vec::new();
    let mut in_categories = false;
    let mut in_entry = false;
    let mut part = Part::None;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix("## ") {
            in_categories = heading.trim() == "Error Code Categories";
            in_entry = false;
            continue;
        }
        if in_categories {
            if let Some(item) = line.strip_prefix("- ") {
                categories.push(item.trim().to_owned());
            }
            continue;
        }
        if let Some(heading) = line.strip_prefix("### CHOREO-") {
            let (number, title) = heading.split_once(": ").expect("`### CODE: Title`");
            entries.push(ChoreoEntry {
                code: format!("CHOREO-{number}"),
                title: title.trim().to_owned(),
                ..ChoreoEntry::default()
            });
            in_entry = true;
            part = Part::None;
            continue;
        }
        if !in_entry {
            continue;
        }
        let entry = entries.last_mut().expect("inside an entry");
        if line.trim() == "---" {
            in_entry = false;
        } else if let Some(description) = line.strip_prefix("**Description**:") {
            description.trim().clone_into(&mut entry.description);
        } else if line.starts_with("**Common Causes**") {
            part = Part::Causes;
        } else if line.starts_with("**Example Error**") {
            part = Part::Example;
        } else if line.starts_with("**Resolution Steps**") {
            part = Part::Steps;
        } else if let Some(lang) = line.strip_prefix("```") {
            let body: Vec<String> = lines
                .by_ref()
                .take_while(|line| !line.starts_with("```"))
                .map(|line| line.trim_end().to_owned())
                .collect();
            if part == Part::Example {
                entry.example = body;
            } else {
                entry.commands.push((lang.trim().to_owned(), body));
            }
        } else if let (Part::Causes, Some(cause)) = (&part, line.strip_prefix("- ")) {
            entry.causes.push(cause.trim().to_owned());
        } else if part == Part::Steps {
            let number = line.chars().take_while(char::is_ascii_digit).count();
            if let Some(step) = line[number..].strip_prefix(". ").filter(|_| number > 0) {
                entry.steps.push(step.trim().to_owned());
            }
        }
    }
    (entries, categories)
}

#[test]
fn openchoreo_titles_descriptions_causes_examples_resolutions() {
    let (entries, categories) = parse_openchoreo(&hand_written("openchoreo.md"));

    // What the hand-written reference holds, so that a broken parser fails.
    assert_eq!(entries.len(), 21, "codes");
    assert_eq!(categories.len(), 9, "categories");
    for entry in &entries {
        let code = &entry.code;
        assert!(!entry.title.is_empty(), "{code}: title");
        assert!(!entry.description.is_empty(), "{code}: description");
        assert!(entry.causes.len() >= 3, "{code}: causes");
        assert!(!entry.example.is_empty(), "{code}: example error");
        assert_eq!(entry.steps.len(), 4, "{code}: resolution steps");
        assert!(!entry.commands.is_empty(), "{code}: command blocks");
    }
    let count = |f: fn(&ChoreoEntry) -> usize| entries.iter().map(f).sum::<usize>();
    assert_eq!(count(|e| e.causes.len()), 83, "causes");
    assert_eq!(count(|e| e.steps.len()), 84, "resolution steps");
    assert_eq!(
        count(|e| e.commands.iter().map(|(_, lines)| lines.len()).sum()),
        195,
        "command block lines"
    );

    let mut generated = Generated::new("openchoreo", openchoreo::OpenChoreoError::CATALOG);
    for category in &categories {
        generated.anywhere("category", category);
    }
    for entry in &entries {
        let code = entry.code.as_str();
        if !generated.has_entry(code) {
            continue;
        }
        generated.title(code, &entry.title);
        generated.in_entry(code, "description", &entry.description);
        for cause in &entry.causes {
            generated.in_entry(code, "cause", cause);
        }
        generated.in_entry(code, "example error", &entry.example.join("\n"));
        // A plain-text block: the hand-written reference's fence is untagged.
        generated.block_in_entry(code, "example error", "text", &entry.example);
        for step in &entry.steps {
            generated.in_entry(code, "resolution step", step);
        }
        for (lang, lines) in &entry.commands {
            generated.in_entry(code, "command block language", &format!("```{lang}"));
            for line in lines.iter().filter(|line| !line.trim().is_empty()) {
                let what = if line.trim_start().starts_with('#') {
                    "command comment"
                } else {
                    "command"
                };
                generated.in_entry(code, what, line);
            }
            // The block as a whole: its lines together, in order, and
            // exactly, blank lines included.
            generated.in_entry(code, "command block", &lines.join("\n"));
            generated.block_in_entry(code, "command block", lang, lines);
        }
    }
    generated.assert_complete();
}

// ---- LLM gateway: references/llm_gateway.md ---------------------------

/// The rows of a Markdown table, header and separator left out: the cells
/// of each, trimmed.
fn table_row(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    if inner.trim_start().starts_with('-') {
        return None;
    }
    Some(
        inner
            .split('|')
            .map(|cell| cell.trim().to_owned())
            .collect(),
    )
}

/// A row of an "Application Errors" table.
#[derive(Debug)]
struct GatewayRow {
    category: String,
    message: String,
    status: u16,
    cause: String,
    solution: String,
}

/// The rows of the "Application Errors" tables, and the rows of the "HTTP
/// Status Codes" tables (each row's cells, the status first).
fn parse_llm_gateway(text: &str) -> (Vec<GatewayRow>, Vec<Vec<String>>) {
    let mut rows = Vec::new();
    let mut statuses = Vec::new();
    let mut section = "";
    let mut category = String::new();
    let mut header_seen = false;
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading.trim();
            continue;
        }
        if let Some(heading) = line.strip_prefix("### ") {
            heading.trim().clone_into(&mut category);
            header_seen = false;
            continue;
        }
        let Some(cells) = table_row(line) else {
            continue;
        };
        if !header_seen {
            header_seen = true;
            continue;
        }
        match section {
            "Application Errors" => {
                let [message, status, cause, solution] = &cells[..] else {
                    panic!("an Application Errors row has four cells: {line}");
                };
                rows.push(GatewayRow {
                    category: category.clone(),
                    message: message.trim_matches('`').to_owned(),
                    status: status.parse().expect("HTTP Code is a number"),
                    cause: cause.clone(),
                    solution: solution.clone(),
                });
            }
            "HTTP Status Codes" => statuses.push(cells),
            _ => {}
        }
    }
    (rows, statuses)
}

#[test]
fn llm_gateway_messages_causes_solutions_categories() {
    let (rows, _) = parse_llm_gateway(&hand_written("llm_gateway.md"));

    assert_eq!(rows.len(), 13, "application errors");
    let mut categories: Vec<&str> = rows.iter().map(|row| row.category.as_str()).collect();
    categories.dedup();
    assert_eq!(
        categories,
        [
            "Authentication & Authorization",
            "Rate Limiting",
            "Provider Errors",
            "Configuration Errors"
        ]
    );

    let catalog = llm_gateway::GatewayError::CATALOG;
    let mut generated = Generated::new("llm_gateway", catalog);
    for row in &rows {
        // The reference names no codes: a row is the code with its message.
        let Some(descriptor) = catalog.iter().find(|d| d.template() == row.message) else {
            generated.fact(false, || {
                format!("no code has the message {:?}", row.message)
            });
            continue;
        };
        let code = descriptor.code();
        if !generated.has_entry(code) {
            continue;
        }
        generated.in_entry(code, "message", &format!("`{}`", row.message));
        generated.status(code, row.status);
        generated.in_entry(code, "cause", &row.cause);
        generated.in_entry(code, "solution", &row.solution);
        generated.in_entry(code, "category", &row.category);
    }
    generated.assert_complete();
}

/// The "HTTP Status Codes" tables: each status, its meaning, and the text
/// the reference attaches to it (`#[api_error(status_doc(...))]`) on one
/// row of the generated reference's status table.
#[test]
fn http_status_tables() {
    let (_, statuses) = parse_llm_gateway(&hand_written("llm_gateway.md"));
    assert_eq!(statuses.len(), 11, "llm_gateway HTTP status rows");
    assert!(statuses.iter().all(|row| row[0].parse::<u16>().is_ok()));
    let mut generated = Generated::new("llm_gateway", llm_gateway::GatewayError::CATALOG);
    for row in &statuses {
        generated.on_one_line(&format!("HTTP status {}", row[0]), row);
    }
    generated.assert_complete();

    // Hexabase: `| 409 | Conflict - Resource already exists or state conflict |`.
    let rows: Vec<Vec<String>> = hand_written("hexabase.md")
        .lines()
        .filter_map(table_row)
        .filter(|cells| cells.len() == 2 && cells[0].parse::<u16>().is_ok())
        .map(|cells| {
            let (meaning, description) = cells[1].split_once(" - ").expect("meaning - description");
            vec![cells[0].clone(), meaning.to_owned(), description.to_owned()]
        })
        .collect();
    assert_eq!(rows.len(), 13, "hexabase HTTP status rows");
    let mut generated = Generated::new("hexabase", hexabase::HexabaseError::CATALOG);
    for row in &rows {
        generated.on_one_line(&format!("HTTP status {}", row[0]), row);
    }
    generated.assert_complete();

    // k0rdent: `409Conflict (resource state conflict)` between the section's
    // heading and "Key Patterns".
    let text = hand_written("k0rdent.txt");
    let section =
        &text[text.find("HTTP Status Codes").unwrap()..text.find("Key Patterns").unwrap()];
    let rows: Vec<Vec<String>> = section
        .lines()
        .filter(|line| line.len() > 3 && line[..3].parse::<u16>().is_ok())
        .map(|line| vec![line[..3].to_owned(), line[3..].trim().to_owned()])
        .collect();
    assert_eq!(rows.len(), 13, "k0rdent HTTP status rows");
    let mut generated = Generated::new("k0rdent", k0rdent::K0rdentError::CATALOG);
    for row in &rows {
        generated.on_one_line(&format!("HTTP status {}", row[0]), row);
    }
    generated.assert_complete();
}

// ---- Hexabase: references/hexabase.md ---------------------------------

/// One `### CODE` section.
#[derive(Debug)]
struct HexabaseEntry {
    code: String,
    /// None for the WebSocket errors, which the reference gives none.
    status: Option<u16>,
    description: String,
    example: Value,
}

fn parse_hexabase(text: &str) -> Vec<HexabaseEntry> {
    let mut entries = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(code) = line.strip_prefix("### ") else {
            continue;
        };
        let code = code.trim();
        if !code.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            continue;
        }
        let (mut status, mut description, mut example) = (None, None, None);
        while let Some(line) = lines.next_if(|line| !line.starts_with('#')) {
            if let Some(value) = line.strip_prefix("**HTTP Status**:") {
                status = Some(value.trim().parse().expect("HTTP Status is a number"));
            } else if let Some(value) = line.strip_prefix("**Description**:") {
                description = Some(value.trim().to_owned());
            } else if line.trim() == "```json" {
                let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
                let value = serde_json::from_str(&body.join("\n"))
                    .unwrap_or_else(|err| panic!("{code}: example is not JSON: {err}"));
                example = Some(value);
            }
        }
        entries.push(HexabaseEntry {
            code: code.to_owned(),
            status,
            description: description.unwrap_or_else(|| panic!("{code}: no description")),
            example: example.unwrap_or_else(|| panic!("{code}: no example")),
        });
    }
    entries
}

#[test]
fn hexabase_statuses_descriptions_json_examples() {
    let entries = parse_hexabase(&hand_written("hexabase.md"));

    assert_eq!(entries.len(), 36, "codes");
    assert_eq!(
        entries.iter().filter(|e| e.status.is_some()).count(),
        33,
        "codes with a status"
    );
    for entry in &entries {
        assert_eq!(
            entry.example["error"]["code"], entry.code,
            "the example is the code's"
        );
    }

    let mut generated = Generated::new("hexabase", hexabase::HexabaseError::CATALOG);
    for entry in &entries {
        let code = entry.code.as_str();
        if !generated.has_entry(code) {
            continue;
        }
        if let Some(status) = entry.status {
            generated.status(code, status);
        }
        generated.in_entry(code, "description", &entry.description);
        generated.json_example(code, &entry.example);
    }
    generated.assert_complete();
}

// ---- k0rdent: references/k0rdent.txt ----------------------------------

/// A row of the "Common Error Codes" table: (code, status, description).
type K0rdentRow = (String, u16, String);

/// A typed error class: (name, what it is used for).
type K0rdentClass = (String, String);

/// The rows of the "Common Error Codes" table and the "Typed Error Classes"
/// (the page is the text of a web page: table cells run together,
/// `VALIDATION_ERROR400Request validation failed`).
fn parse_k0rdent(text: &str) -> (Vec<K0rdentRow>, Vec<K0rdentClass>) {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|line| *line == "CodeHTTP StatusDescription")
        .expect("the Common Error Codes table");
    let rows = lines[start + 1..]
        .iter()
        .take_while(|line| !line.is_empty())
        .map(|line| {
            let split = line
                .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
                .expect("code, then status");
            let (code, rest) = line.split_at(split);
            let (status, description) = rest.split_at(3);
            let status = status.parse().expect("three-digit status");
            (code.to_owned(), status, description.trim().to_owned())
        })
        .collect();

    let from = lines
        .iter()
        .position(|line| *line == "Typed Error Classes")
        .expect("the Typed Error Classes section");
    let to = lines
        .iter()
        .position(|line| *line == "Bulk Operation Errors")
        .expect("the section after it");
    let section: Vec<&str> = lines[from + 1..to]
        .iter()
        .copied()
        .filter(|line| !line.is_empty())
        .collect();
    let classes = section
        .windows(2)
        .filter(|pair| {
            let name = pair[0];
            name.ends_with("Error") && name.chars().all(|c| c.is_ascii_alphanumeric())
        })
        .map(|pair| {
            let usage = pair[1].trim_end_matches(':');
            (pair[0].to_owned(), usage.to_owned())
        })
        .collect();
    (rows, classes)
}

/// `NotFoundError` -> `NOT_FOUND_ERROR`.
fn screaming_snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// The code a typed error class stands for: the one named like the class
/// (`ValidationError` -> `VALIDATION_ERROR`) or like the class without its
/// `Error` (`NotFoundError` -> `NOT_FOUND`); None for the base class.
fn k0rdent_class_code<'a>(class: &str, rows: &'a [K0rdentRow]) -> Option<&'a str> {
    let names = [
        screaming_snake(class),
        screaming_snake(class.strip_suffix("Error").unwrap_or(class)),
    ];
    names.iter().find_map(|name| {
        rows.iter()
            .find(|(code, ..)| code == name)
            .map(|(code, ..)| code.as_str())
    })
}

#[test]
fn k0rdent_codes_statuses_descriptions_class_usage() {
    let (rows, classes) = parse_k0rdent(&hand_written("k0rdent.txt"));

    assert_eq!(rows.len(), 10, "Common Error Codes rows");
    assert_eq!(classes.len(), 6, "typed error classes");

    let mut generated = Generated::new("k0rdent", k0rdent::K0rdentError::CATALOG);
    for (code, status, description) in &rows {
        if !generated.has_entry(code) {
            continue;
        }
        generated.status(code, *status);
        generated.in_entry(code, "description", description);
    }
    // What each class is used for, in the entry of its code (the base class
    // `AppError` has none; see `exception_classes`).
    for (class, usage) in &classes {
        if let Some(code) = k0rdent_class_code(class, &rows) {
            generated.in_entry(code, &format!("use of {class}"), usage);
        }
    }
    generated.assert_complete();
}

// ---- Phala Cloud: references/phala.txt --------------------------------

/// A code of the Phala catalog.
#[derive(Debug)]
struct PhalaEntry {
    code: String,
    class: String,
    message: String,
    raised_when: String,
}

/// The codes of the Phala page (the text of a web page: the cells run
/// together, `ERR-01-001NodeNotFoundErrorThe requested node is not
/// available`, and the "Raised when ..." sentence is the next line).
fn parse_phala(text: &str) -> Vec<PhalaEntry> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut entries = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let is_code = line.len() > 10
            && line.starts_with("ERR-")
            && line[4..10].chars().enumerate().all(|(j, c)| {
                if j == 2 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !is_code {
            continue;
        }
        let (code, rest) = line.split_at(10);
        // The class runs up to the message's first word: the last capital
        // letter of the first word, or an opening parenthesis.
        let first_word = rest.split(' ').next().unwrap_or(rest);
        let split = match first_word.find('(') {
            Some(paren) => paren,
            None => first_word
                .rfind(|c: char| c.is_ascii_uppercase())
                .expect("a capitalised message"),
        };
        let (class, message) = rest.split_at(split);
        let raised_when = lines
            .get(i + 1)
            .filter(|next| next.starts_with("Raised when"))
            .unwrap_or_else(|| panic!("{code}: no `Raised when` sentence"));
        entries.push(PhalaEntry {
            code: code.to_owned(),
            class: class.to_owned(),
            message: message.to_owned(),
            raised_when: (*raised_when).to_owned(),
        });
    }
    entries
}

#[test]
fn phala_messages_raised_when() {
    let text = hand_written("phala.txt");
    let entries = parse_phala(&text);

    assert_eq!(entries.len(), 29, "codes");
    let modules: Vec<&str> = text
        .lines()
        .map(|line| line.trim().trim_start_matches('•').trim())
        .filter(|line| line.starts_with("Module 0") && line.contains(" - "))
        .collect();
    assert_eq!(modules.len(), 4, "modules");

    let mut generated = Generated::new("phala", phala::PhalaError::CATALOG);
    for module in &modules {
        generated.anywhere("module", module);
    }
    for entry in &entries {
        let code = entry.code.as_str();
        if !generated.has_entry(code) {
            continue;
        }
        match entry.message.strip_prefix("(dynamic: ") {
            // `(dynamic: A CVM with name ’…)`: the message begins so.
            Some(dynamic) => {
                let start = dynamic.trim_end_matches(')').trim_end_matches('…');
                let start = start.replace('’', "'");
                generated.in_entry(code, "message", &format!("`{start}"));
            }
            None => generated.in_entry(code, "message", &format!("`{}`", entry.message)),
        }
        generated.in_entry(code, "description", &entry.raised_when);
    }
    generated.assert_complete();
}

// ---- Exception classes --------------------------------------------------------

/// Each code's exception class (`#[api_error(class = "...")]`) in its entry;
/// the base class of a type's classes (`class` on the enum) in its reference.
#[test]
fn exception_classes() {
    let mut failures = Vec::new();

    let mut generated = Generated::new("phala", phala::PhalaError::CATALOG);
    let entries = parse_phala(&hand_written("phala.txt"));
    assert_eq!(entries.len(), 29, "phala codes");
    for entry in &entries {
        if generated.has_entry(&entry.code) {
            generated.token_in_entry(&entry.code, "exception class", &entry.class);
        }
    }
    failures.push(std::panic::catch_unwind(move || {
        generated.assert_complete()
    }));

    let mut generated = Generated::new("k0rdent", k0rdent::K0rdentError::CATALOG);
    let (rows, classes) = parse_k0rdent(&hand_written("k0rdent.txt"));
    assert_eq!(classes.len(), 6, "k0rdent classes");
    for (class, usage) in &classes {
        match k0rdent_class_code(class, &rows) {
            Some(code) => generated.token_in_entry(code, "typed error class", class),
            // The base class (`AppError`), for the whole type.
            None => {
                let found = has_token(&generated.markdown, class);
                generated.fact(found, || format!("base error class `{class}`"));
                generated.anywhere(&format!("use of {class}"), usage);
            }
        }
    }
    failures.push(std::panic::catch_unwind(move || {
        generated.assert_complete()
    }));

    let messages: Vec<String> = failures
        .into_iter()
        .filter_map(Result::err)
        .map(|panic| match panic.downcast::<String>() {
            Ok(message) => *message,
            Err(_) => "a check panicked".to_owned(),
        })
        .collect();
    assert!(messages.is_empty(), "{}", messages.join("\n"));
}

// ---- Introductions and appendices -------------------------------------------

/// The lines of the `## name` section of a Markdown reference (up to the next
/// `## `), as they should read in the generated reference: fence lines and
/// rules dropped, heading marks removed, blank lines left out.
fn markdown_section(text: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut in_fence = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if !in_fence {
            if let Some(heading) = line.strip_prefix("## ") {
                inside = heading.trim() == name;
                if inside {
                    out.push(heading.trim().to_owned());
                }
                continue;
            }
        }
        if !inside || line.trim().is_empty() || (!in_fence && line.trim() == "---") {
            continue;
        }
        let line = if in_fence {
            line
        } else {
            line.trim_start_matches('#')
        };
        out.push(line.trim().to_owned());
    }
    assert!(!out.is_empty(), "no section `## {name}`");
    out
}

/// The first paragraph after the `# Title` of a Markdown reference.
fn markdown_introduction(text: &str) -> String {
    let mut lines = text
        .lines()
        .skip_while(|line| !line.starts_with("# "))
        .skip(1)
        .skip_while(|line| line.trim().is_empty());
    let intro: Vec<&str> = lines
        .by_ref()
        .take_while(|line| !line.trim().is_empty())
        .collect();
    intro.join("\n")
}

/// The lines of a web page's text from the line `from` up to the line `to`,
/// bullets and the colons that introduced lost samples removed.
fn text_section(text: &str, from: &str, to: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines.iter().position(|line| *line == from).expect(from);
    let end = lines.iter().position(|line| *line == to).expect(to);
    lines[start..end]
        .iter()
        .map(|line| line.trim_start_matches('•').trim().trim_end_matches(':'))
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn introductions_and_appendices() {
    let mut failures = Vec::new();
    let mut check = |name, catalog, intro: Vec<String>, sections: Vec<Vec<String>>| {
        let mut generated = Generated::new(name, catalog);
        for line in &intro {
            generated.anywhere("introduction", line);
        }
        for section in &sections {
            for line in &section[1..] {
                generated.anywhere(&format!("appendix {:?}", section[0]), line);
            }
            generated.anywhere("appendix heading", &section[0]);
        }
        let lines: usize = sections.iter().map(Vec::len).sum();
        assert!(lines > 10, "{name}: appendix lines");
        failures.push(std::panic::catch_unwind(move || {
            generated.assert_complete()
        }));
    };

    let text = hand_written("openchoreo.md");
    check(
        "openchoreo",
        openchoreo::OpenChoreoError::CATALOG,
        vec![markdown_introduction(&text)],
        ["Error Troubleshooting Tools", "Getting Help"]
            .map(|name| markdown_section(&text, name))
            .to_vec(),
    );
    let text = hand_written("llm_gateway.md");
    check(
        "llm_gateway",
        llm_gateway::GatewayError::CATALOG,
        vec![markdown_introduction(&text)],
        [
            "Common Issues & Solutions",
            "Logging Error Details",
            "Monitoring Errors",
            "Getting Support",
        ]
        .map(|name| markdown_section(&text, name))
        .to_vec(),
    );
    let text = hand_written("hexabase.md");
    check(
        "hexabase",
        hexabase::HexabaseError::CATALOG,
        vec![markdown_introduction(&text)],
        [
            "Error Handling Best Practices",
            "Common Error Scenarios",
            "Getting Help",
        ]
        .map(|name| markdown_section(&text, name))
        .to_vec(),
    );
    let text = hand_written("k0rdent.txt");
    check(
        "k0rdent",
        k0rdent::K0rdentError::CATALOG,
        text_section(
            &text,
            "Common error codes and their meanings",
            "Error Response Structure",
        )[1..]
            .to_vec(),
        [
            ("Key Patterns", "Common Error Codes"),
            ("Bulk Operation Errors", "Error Handling Best Practices"),
            ("Error Handling Best Practices", "Example Client Code"),
            ("Rate Limiting", "Last updated on"),
        ]
        .map(|(from, to)| text_section(&text, from, to))
        .to_vec(),
    );
    let text = hand_written("phala.txt");
    let intro = text_section(&text, "Error Code Catalog", "Modules")[1..].to_vec();
    assert_eq!(intro.len(), 3, "phala introduction");
    // The Phala page has no appendix; its introduction is checked alone.
    let mut generated = Generated::new("phala", phala::PhalaError::CATALOG);
    for line in &intro {
        generated.anywhere("introduction", line);
    }
    failures.push(std::panic::catch_unwind(move || {
        generated.assert_complete()
    }));

    let messages: Vec<String> = failures
        .into_iter()
        .filter_map(Result::err)
        .map(|panic| match panic.downcast::<String>() {
            Ok(message) => *message,
            Err(_) => "a check panicked".to_owned(),
        })
        .collect();
    assert!(messages.is_empty(), "{}", messages.join("\n"));
}

// ---- Examples that cannot drift ---------------------------------------------

/// Every JSON `# Example` of a documented code is a body the library
/// renders: decoded into the typed error and rendered again in the type's
/// format (WebSocket frames in the WebSocket format), it is the same JSON.
/// A doc edit that changes a key, a message or a status's code fails here.
#[test]
fn json_examples_are_what_the_library_renders() {
    use apierror::format::WebSocket;
    use apierror::Render;
    let mut checked = 0;
    for d in hexabase::HexabaseError::CATALOG {
        let Some(example) = d.docs().example() else {
            continue;
        };
        if example.lang() != "json" {
            continue;
        }
        let documented: Value = serde_json::from_str(example.code())
            .unwrap_or_else(|e| panic!("{}: the example is not JSON: {e}", d.code()));
        let decoded = hexabase::HexabaseError::decode(example.code().as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", d.code()))
            .known()
            .unwrap_or_else(|| panic!("{}: the example's code is not the type's", d.code()));
        assert_eq!(
            decoded.code(),
            d.code(),
            "the example documents another code"
        );
        let rendered = if documented["type"] == "error" {
            Render::new(&decoded).format(&WebSocket).to_vec()
        } else {
            Render::new(&decoded).to_vec()
        }
        .unwrap();
        let rendered: Value = serde_json::from_slice(&rendered).unwrap();
        assert_eq!(
            rendered,
            documented,
            "{}: the documented example drifted",
            d.code()
        );
        checked += 1;
    }
    assert_eq!(checked, 36, "documented JSON examples");
}
