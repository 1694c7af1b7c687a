//! The layers of a crate, read from its source files (nothing is
//! compiled): no import circle among its files, and no file importing from
//! a layer above its own.
//!
//! `cargo test -p apierror-tests --test runtime layers -- --nocapture`
//!
//! - A file's layer is its top folder under `src/`; [`check`] takes the
//!   layers lowest first, and the files above every layer (`lib.rs`, a
//!   protocol module), which nothing layered may import.
//! - An import is a `use` declaration (grouped trees, `self`, globs and
//!   `as` included) or a path in code that starts with `crate::`,
//!   `super::`, `self::` or the name of a child module. It points at the
//!   file that defines what it names, followed through re-exports: a
//!   path through a higher module counts even when it ends lower.
//! - The `pub use` declarations of a `lib.rs` or `mod.rs` are the module's
//!   public face: unless that file's own code uses the name, they are no
//!   import of it (they join no circle), but may not point upward either.
//! - `mod x;` declarations are no imports; comments, doc comments and
//!   literals are skipped, and `$crate` paths of macros too.
//!
//! Not followed: names used bare after a glob import (the glob itself is
//! an import of the module it names), and items a macro defines, which
//! count as the macro caller's. `check` works on any crate: the tests
//! below run it on apierror-core (`CORE_LAYERS`, `CORE_EXEMPT`) and on
//! apierror-derive (`DERIVE_LAYERS`, `DERIVE_EXEMPT`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The layers of apierror-core, lowest first: what an error is (catalog,
/// descriptors, templates, fields, the `ApiError` and `Format` traits),
/// how it is written (formats, writers, locale), how it is served
/// (responses, request context, frameworks, gRPC), and the tools around it
/// (exports, OpenAPI, stability, decoding).
pub const CORE_LAYERS: &[&str] = &["model", "rendering", "serving", "tooling"];

/// The files of apierror-core above every layer: the crate root and the
/// derive's protocol module (`__private`).
pub const CORE_EXEMPT: &[&str] = &["lib.rs", "private.rs"];

/// The layers of apierror-derive, lowest first: the leaves every stage
/// reads (the error collector, attribute keys, type predicates, the files
/// shared with the runtime), the grammars of attribute values, then the
/// three stages: parsing, checking, generating.
pub const DERIVE_LAYERS: &[&str] = &["base", "grammar", "parse", "valid", "expand"];

/// The files of apierror-derive above every layer: the crate root and the
/// property tests that drive the whole derive.
pub const DERIVE_EXEMPT: &[&str] = &["lib.rs", "property.rs"];

#[test]
fn derive_layers_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../apierror-derive/src");
    match check(&src, DERIVE_LAYERS, DERIVE_EXEMPT) {
        Ok(summary) => println!("apierror-derive: {summary}"),
        Err(failure) => panic!("apierror-derive:\n{failure}"),
    }
}

#[test]
fn core_layers_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../apierror-core/src");
    match check(&src, CORE_LAYERS, CORE_EXEMPT) {
        Ok(summary) => println!("apierror-core: {summary}"),
        Err(failure) => panic!("apierror-core:\n{failure}"),
    }
}

/// What [`check`] found in a crate that passes.
#[derive(Debug)]
pub struct Summary {
    /// The source files.
    pub files: usize,
    /// The distinct file-to-file imports.
    pub edges: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} files, {} imports between files, no circle, none upward",
            self.files, self.edges
        )
    }
}

/// Checks the crate whose sources are under `src`: no import circle among
/// its files, every file in one of `layers` (its top folder, lowest layer
/// first) or `exempt` (paths relative to `src`, above every layer), and no
/// file importing a file of a higher layer or an exempt one. The error
/// lists every circle's files and every offending import.
pub fn check(src: &Path, layers: &[&str], exempt: &[&str]) -> Result<Summary, String> {
    check_sources(&read_sources(src), layers, exempt)
}

/// [`check`] on sources held in memory: relative path (`/`-separated) to text.
pub fn check_sources(
    sources: &BTreeMap<String, String>,
    layers: &[&str],
    exempt: &[&str],
) -> Result<Summary, String> {
    let graph = import_graph(sources);
    let mut failure = String::new();
    for circle in circles(&graph) {
        let _ = writeln!(
            failure,
            "import circle among {} files ({}): {}",
            circle.len(),
            circle.join(", "),
            cycle(&graph, &circle).join(" -> ")
        );
    }
    for file in &graph.files {
        if !exempt.contains(&file.as_str()) && layer(file, layers).is_none() {
            let _ = writeln!(failure, "{file} is in no layer of {layers:?}");
        }
    }
    let upward_imports = upward(&graph, |file| rank(file, layers, exempt));
    for (from, to) in &upward_imports {
        let _ = writeln!(failure, "upward import: {from} -> {to}");
    }
    // A path that names a higher module but ends lower (a re-export there):
    // the file still reaches up, by name.
    for (from, through) in &graph.paths {
        if upward_imports.contains(&(from.clone(), through.clone())) {
            continue;
        }
        if let (Some(a), Some(b)) = (rank(from, layers, exempt), rank(through, layers, exempt)) {
            if b > a {
                let _ = writeln!(
                    failure,
                    "upward path: {from} names a path through {through}"
                );
            }
        }
    }
    if failure.is_empty() {
        Ok(Summary {
            files: graph.files.len(),
            edges: graph.edges.len(),
        })
    } else {
        Err(failure)
    }
}

/// The layer of `file`: the index in `layers` of its top folder.
pub fn layer(file: &str, layers: &[&str]) -> Option<usize> {
    let (top, _) = file.split_once('/')?;
    layers.iter().position(|l| *l == top)
}

/// Where a file stands: its layer, or above every layer when exempt.
fn rank(file: &str, layers: &[&str], exempt: &[&str]) -> Option<usize> {
    if exempt.contains(&file) {
        Some(layers.len())
    } else {
        layer(file, layers)
    }
}

/// Every `.rs` file under `src` (symbolic links followed), by its path
/// relative to `src`.
pub fn read_sources(src: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.expect("a directory entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let relative = format!("{prefix}{name}");
            if path.is_dir() {
                walk(&path, &format!("{relative}/"), out);
            } else if name.ends_with(".rs") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.insert(relative, text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, "", &mut out);
    out
}

/// The file-level import graph.
#[derive(Debug, Default)]
pub struct Graph {
    /// The files reached from `lib.rs` (or `main.rs`) through `mod` declarations.
    pub files: BTreeSet<String>,
    /// `(importing file, imported file)`, never a file to itself.
    pub edges: BTreeSet<(String, String)>,
    /// `(lib.rs or mod.rs, file)` for the `pub use` declarations of a
    /// `lib.rs` or `mod.rs` whose names its own code does not use: a
    /// module's public face, not something it depends on. Names imported
    /// through them count as imports of the file that defines them; they
    /// join no circle, but may not point upward either.
    pub re_exports: BTreeSet<(String, String)>,
    /// `(file, module file)` for each module a path of the file goes
    /// through (the crate root left out), the one it ends in included:
    /// `crate::format::Context` goes through the `format` module even when
    /// it ends in another's file.
    pub paths: BTreeSet<(String, String)>,
}

/// The circles of `graph`: its strongly connected components of more than
/// one file, each sorted, in order.
pub fn circles(graph: &Graph) -> Vec<Vec<String>> {
    // Tarjan's algorithm.
    struct State<'g> {
        next: BTreeMap<&'g str, Vec<&'g str>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.next.get(v).cloned().unwrap_or_default() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            loop {
                let w = s.stack.pop().expect("on the stack");
                s.on_stack.remove(w);
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut state = State {
        next: BTreeMap::new(),
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for (from, to) in &graph.edges {
        state
            .next
            .entry(from.as_str())
            .or_default()
            .push(to.as_str());
    }
    for file in &graph.files {
        if !state.index.contains_key(file.as_str()) {
            visit(&mut state, file);
        }
    }
    state.out.sort();
    state.out
}

/// One shortest cycle through the first file of `circle`, a circle of
/// `graph`: the first file, the files it goes through, the first again.
pub fn cycle(graph: &Graph, circle: &[String]) -> Vec<String> {
    let start = &circle[0];
    // Breadth first from `start`, within the circle, back to it.
    let mut came_from: BTreeMap<&String, &String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(file) = queue.pop_front() {
        let next = graph.edges.range((file.clone(), String::new())..);
        for (_, to) in next.take_while(|(from, _)| from == file) {
            if to == start {
                let mut path = vec![start.clone()];
                let mut back = Vec::new();
                let mut at = file;
                while at != start {
                    back.push(at.clone());
                    at = came_from[at];
                }
                path.extend(back.into_iter().rev());
                path.push(start.clone());
                return path;
            }
            if circle.contains(to) && !came_from.contains_key(to) {
                came_from.insert(to, file);
                queue.push_back(to);
            }
        }
    }
    circle.to_vec()
}

/// The imports from a file to a file that `rank` puts higher; files it
/// ranks `None` are left out.
pub fn upward(graph: &Graph, rank: impl Fn(&str) -> Option<usize>) -> Vec<(String, String)> {
    graph
        .edges
        .iter()
        .chain(&graph.re_exports)
        .filter(|(from, to)| matches!((rank(from), rank(to)), (Some(a), Some(b)) if b > a))
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------
// Reading the sources.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(char),
    /// A number, a char literal, a lifetime.
    Other,
}

/// The tokens of `text`, comments left out, literals kept as one token.
fn lex(text: &str) -> Vec<Tok> {
    let c: Vec<char> = text.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let ident_start = |ch: char| ch == '_' || ch.is_alphabetic();
    let ident_char = |ch: char| ch == '_' || ch.is_alphanumeric();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if (ch == 'r' || ch == 'b' || ch == 'c') && raw_string_start(&c, i).is_some() {
            let (start, hashes) = raw_string_start(&c, i).expect("checked");
            let mut j = start;
            let mut body = String::new();
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                body.push(c[j]);
                j += 1;
            }
            out.push(Tok::Str(body));
            i = j;
        } else if ch == '"' || ((ch == 'b' || ch == 'c') && at(i + 1) == '"') {
            let mut j = if ch == '"' { i + 1 } else { i + 2 };
            let mut body = String::new();
            while j < c.len() && c[j] != '"' {
                if c[j] == '\\' {
                    body.push(c[j]);
                    j += 1;
                }
                if j < c.len() {
                    body.push(c[j]);
                }
                j += 1;
            }
            out.push(Tok::Str(body));
            i = j + 1;
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            let q = if ch == '\'' { i } else { i + 1 };
            if at(q + 1) == '\\' {
                // An escaped char literal: up to its closing quote.
                let mut j = q + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(q + 2) == '\'' {
                i = q + 3;
            } else {
                // A lifetime or a label.
                let mut j = q + 1;
                while j < c.len() && ident_char(c[j]) {
                    j += 1;
                }
                i = j;
            }
            out.push(Tok::Other);
        } else if ch == 'r' && at(i + 1) == '#' && ident_start(at(i + 2)) {
            let mut j = i + 2;
            while j < c.len() && ident_char(c[j]) {
                j += 1;
            }
            out.push(Tok::Ident(c[i + 2..j].iter().collect()));
            i = j;
        } else if ident_start(ch) {
            let mut j = i;
            while j < c.len() && ident_char(c[j]) {
                j += 1;
            }
            out.push(Tok::Ident(c[i..j].iter().collect()));
            i = j;
        } else if ch.is_ascii_digit() {
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            out.push(Tok::Other);
        } else {
            out.push(Tok::Punct(ch));
            i += 1;
        }
    }
    out
}

/// Where the body of a raw string starting at `i` begins, and its number
/// of `#`s: `r"`, `r#"`, `br##"`, ...
fn raw_string_start(c: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if c.get(j) == Some(&'b') || c.get(j) == Some(&'c') {
        j += 1;
    }
    if c.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while c.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    (c.get(j) == Some(&'"')).then_some((j + 1, hashes))
}

/// One name a `use` declaration brings into a module.
#[derive(Debug, Clone)]
struct UseEntry {
    /// The path as written, `crate`/`super`/`self` included.
    path: Vec<String>,
    /// The name it is known by (`as` or its last segment); `None` for a glob.
    name: Option<String>,
}

/// A module: a file, or an inline `mod x { ... }` within one.
#[derive(Debug, Default)]
struct Module {
    file: String,
    /// Where the files of its `mod x;` children are.
    dir: String,
    parent: Option<usize>,
    children: BTreeMap<String, usize>,
    /// Items defined at its top level.
    defs: BTreeSet<String>,
    uses: Vec<UseEntry>,
}

/// A path found in a file: from the module it is written in.
#[derive(Debug)]
struct Reference {
    module: usize,
    path: Vec<String>,
    /// A `pub use` of a `lib.rs` or `mod.rs`: the module's public face,
    /// unless the file's own code uses the name (`None` for a glob).
    facade: Option<Option<String>>,
}

#[derive(Default)]
struct Crate {
    modules: Vec<Module>,
    references: Vec<Reference>,
    /// The names each file's code uses, its `use` declarations left out.
    names: BTreeMap<String, BTreeSet<String>>,
    /// The modules the path being resolved goes through, while `recording`.
    trail: std::cell::RefCell<Vec<usize>>,
    recording: std::cell::Cell<bool>,
}

/// The import graph of the crate whose sources are `sources`, from its
/// `lib.rs` (or `main.rs`).
pub fn import_graph(sources: &BTreeMap<String, String>) -> Graph {
    let root = ["lib.rs", "main.rs"]
        .into_iter()
        .find(|r| sources.contains_key(*r))
        .expect("a crate root, lib.rs or main.rs");
    let mut krate = Crate::default();
    krate.modules.push(Module {
        file: root.to_owned(),
        dir: String::new(),
        ..Module::default()
    });
    let mut pending = vec![0];
    while let Some(module) = pending.pop() {
        let file = krate.modules[module].file.clone();
        let Some(text) = sources.get(&file) else {
            continue;
        };
        pending.extend(parse_file(&mut krate, module, &lex(text), sources));
    }
    let mut graph = Graph::default();
    for module in &krate.modules {
        if sources.contains_key(&module.file) {
            graph.files.insert(module.file.clone());
        }
    }
    for reference in &krate.references {
        let from = &krate.modules[reference.module].file;
        krate.trail.borrow_mut().clear();
        krate.recording.set(true);
        let resolved = resolve(&krate, reference.module, &reference.path, 0);
        krate.recording.set(false);
        for &m in krate.trail.borrow().iter() {
            let through = &krate.modules[m].file;
            if m != 0 && through != from && graph.files.contains(through) {
                graph.paths.insert((from.clone(), through.clone()));
            }
        }
        if let Some(to) = resolved {
            let to = match to {
                Target::Module(m) => krate.modules[m].file.clone(),
                Target::File(f) => f,
            };
            if &to != from && graph.files.contains(&to) {
                let used = |name: &str| krate.names[from].contains(name);
                let facade = match &reference.facade {
                    None => false,
                    Some(Some(name)) => !used(name),
                    // A glob: facade unless the file uses a name it brings.
                    Some(None) => match resolve(&krate, reference.module, &reference.path, 0) {
                        Some(Target::Module(m)) => !krate.modules[m].defs.iter().any(|d| used(d)),
                        _ => true,
                    },
                };
                let edges = match facade {
                    true => &mut graph.re_exports,
                    false => &mut graph.edges,
                };
                edges.insert((from.clone(), to));
            }
        }
    }
    graph
}

/// Reads one file's tokens into `module`: its children, items, `use`
/// declarations and paths. Returns the child modules whose files are to be
/// read.
fn parse_file(
    krate: &mut Crate,
    module: usize,
    toks: &[Tok],
    sources: &BTreeMap<String, String>,
) -> Vec<usize> {
    let ident = |i: usize| match toks.get(i) {
        Some(Tok::Ident(s)) => Some(s.as_str()),
        _ => None,
    };
    let punct = |i: usize, ch: char| toks.get(i) == Some(&Tok::Punct(ch));
    let colons = |i: usize| punct(i, ':') && punct(i + 1, ':');
    let mut files = Vec::new();
    // The names the code uses: every identifier outside `use` declarations,
    // but the names `mod` declares.
    let mut names = BTreeSet::new();
    let mut in_use = false;
    for (i, tok) in toks.iter().enumerate() {
        match tok {
            Tok::Ident(word) if word == "use" => in_use = true,
            Tok::Punct(';') => in_use = false,
            Tok::Ident(_) if i >= 1 && ident(i - 1) == Some("mod") => {}
            Tok::Ident(word) if !in_use => {
                names.insert(word.clone());
            }
            _ => {}
        }
    }
    let file = krate.modules[module].file.clone();
    krate.names.entry(file).or_default().extend(names);
    // (module, brace depth of its body)
    let mut scopes: Vec<(usize, usize)> = vec![(module, 0)];
    let mut depth = 0usize;
    let mut path_attr: Option<String> = None;
    let mut i = 0;
    while i < toks.len() {
        let (current, base) = *scopes.last().expect("a scope");
        let top_level = depth == base;
        match &toks[i] {
            Tok::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if scopes.len() > 1 && depth < base {
                    scopes.pop();
                }
                i += 1;
            }
            Tok::Punct('#') if punct(i + 1, '[') => {
                // `#[path = "..."]`
                if ident(i + 2) == Some("path") && punct(i + 3, '=') {
                    if let Some(Tok::Str(p)) = toks.get(i + 4) {
                        path_attr = Some(p.clone());
                    }
                }
                // Skip to the matching `]`.
                let mut level = 0;
                while i < toks.len() {
                    match toks[i] {
                        Tok::Punct('[') => level += 1,
                        Tok::Punct(']') => {
                            level -= 1;
                            if level == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            Tok::Ident(word) if word == "mod" && !(i >= 2 && colons(i - 2)) => {
                let Some(name) = ident(i + 1) else {
                    i += 1;
                    continue;
                };
                let name = name.to_owned();
                let parent = &krate.modules[current];
                let (file, dir) = if punct(i + 2, ';') {
                    let file = match path_attr.take() {
                        Some(p) => format!("{}{p}", file_dir(&parent.file)),
                        None => {
                            let flat = format!("{}{name}.rs", parent.dir);
                            let nested = format!("{}{name}/mod.rs", parent.dir);
                            if sources.contains_key(&nested) && !sources.contains_key(&flat) {
                                nested
                            } else {
                                flat
                            }
                        }
                    };
                    let dir = module_dir(&file);
                    (file, dir)
                } else {
                    (parent.file.clone(), format!("{}{name}/", parent.dir))
                };
                let child = krate.modules.len();
                let inline = punct(i + 2, '{');
                krate.modules.push(Module {
                    file,
                    dir,
                    parent: Some(current),
                    ..Module::default()
                });
                krate.modules[current].children.insert(name, child);
                if inline {
                    depth += 1;
                    scopes.push((child, depth));
                    i += 3;
                } else {
                    files.push(child);
                    i += 3;
                }
            }
            Tok::Ident(word) if word == "use" => {
                // `pub use`, `pub(crate) use`: a re-export; in a lib.rs or
                // mod.rs, the facade of the module.
                let public = (i >= 1 && ident(i - 1) == Some("pub"))
                    || (i >= 1
                        && punct(i - 1, ')')
                        && toks[..i - 1]
                            .iter()
                            .rposition(|t| *t == Tok::Punct('('))
                            .is_some_and(|open| open >= 1 && ident(open - 1) == Some("pub")));
                let file = &krate.modules[current].file;
                let facade =
                    public && (file == "lib.rs" || file == "mod.rs" || file.ends_with("/mod.rs"));
                let mut j = i + 1;
                let mut entries = Vec::new();
                parse_use_tree(toks, &mut j, Vec::new(), &mut entries);
                while j < toks.len() && !punct(j, ';') {
                    j += 1;
                }
                for entry in entries {
                    krate.references.push(Reference {
                        module: current,
                        path: entry.path.clone(),
                        facade: facade.then(|| entry.name.clone()),
                    });
                    if top_level {
                        krate.modules[current].uses.push(entry);
                    }
                }
                path_attr = None;
                i = j + 1;
            }
            Tok::Ident(word)
                if top_level
                    && matches!(
                        word.as_str(),
                        "fn" | "struct" | "enum" | "trait" | "type" | "const" | "static" | "union"
                    ) =>
            {
                if let Some(name) = ident(i + 1) {
                    if !matches!(name, "fn" | "unsafe" | "extern" | "_" | "mut") {
                        krate.modules[current].defs.insert(name.to_owned());
                    } else if name == "mut" {
                        if let Some(name) = ident(i + 2) {
                            krate.modules[current].defs.insert(name.to_owned());
                        }
                    }
                }
                path_attr = None;
                i += 1;
            }
            Tok::Ident(word) if top_level && word == "macro_rules" && punct(i + 1, '!') => {
                if let Some(name) = ident(i + 2) {
                    krate.modules[current].defs.insert(name.to_owned());
                }
                i += 3;
            }
            Tok::Ident(word)
                if colons(i + 1)
                    && !(i >= 2 && colons(i - 2))
                    && !(i >= 1 && punct(i - 1, '$'))
                    && (matches!(word.as_str(), "crate" | "super" | "self")
                        || krate.modules[current].children.contains_key(word)) =>
            {
                let mut path = vec![word.clone()];
                let mut j = i + 1;
                while colons(j) {
                    match ident(j + 2) {
                        Some(next) => {
                            path.push(next.to_owned());
                            j += 3;
                        }
                        None => break,
                    }
                }
                krate.references.push(Reference {
                    module: current,
                    path,
                    facade: None,
                });
                i = j;
            }
            _ => i += 1,
        }
    }
    files
}

/// Reads a use tree from `toks[*i]`, each of its names appended to `out`
/// with `prefix` before its path.
/// The names a source's `pub use` declarations give (the alias for `as`,
/// the module's own name for `self`; globs left out), read with the same
/// lexer and use-tree parser as the import graph: comments and literals
/// are skipped.
pub fn pub_use_names(source: &str) -> Vec<String> {
    let toks = lex(source);
    let mut names = Vec::new();
    let mut i = 0;
    while i + 1 < toks.len() {
        let is_pub_use =
            toks[i] == Tok::Ident("pub".to_owned()) && toks[i + 1] == Tok::Ident("use".to_owned());
        if is_pub_use {
            let mut j = i + 2;
            let mut entries = Vec::new();
            parse_use_tree(&toks, &mut j, Vec::new(), &mut entries);
            names.extend(entries.into_iter().filter_map(|entry| entry.name));
            i = j;
        } else {
            i += 1;
        }
    }
    names
}

fn parse_use_tree(toks: &[Tok], i: &mut usize, prefix: Vec<String>, out: &mut Vec<UseEntry>) {
    let punct = |i: usize, ch: char| toks.get(i) == Some(&Tok::Punct(ch));
    let colons = |i: usize| punct(i, ':') && punct(i + 1, ':');
    let mut path = prefix;
    if colons(*i) {
        // `use ::std::...`: an extern crate.
        *i += 2;
        path.push("::".to_owned());
    }
    loop {
        match toks.get(*i) {
            Some(Tok::Punct('{')) => {
                *i += 1;
                loop {
                    if punct(*i, '}') {
                        *i += 1;
                        return;
                    }
                    if *i >= toks.len() {
                        return;
                    }
                    parse_use_tree(toks, i, path.clone(), out);
                    if punct(*i, ',') {
                        *i += 1;
                    }
                }
            }
            Some(Tok::Punct('*')) => {
                *i += 1;
                out.push(UseEntry { path, name: None });
                return;
            }
            Some(Tok::Ident(name)) => {
                let name = name.clone();
                *i += 1;
                if colons(*i) {
                    path.push(name);
                    *i += 2;
                    continue;
                }
                let alias = if matches!(toks.get(*i), Some(Tok::Ident(a)) if a == "as") {
                    let alias = match toks.get(*i + 1) {
                        Some(Tok::Ident(a)) => a.clone(),
                        _ => name.clone(),
                    };
                    *i += 2;
                    alias
                } else if name == "self" {
                    path.last().cloned().unwrap_or_default()
                } else {
                    name.clone()
                };
                if name != "self" {
                    path.push(name);
                }
                out.push(UseEntry {
                    path,
                    name: Some(alias),
                });
                return;
            }
            _ => return,
        }
    }
}

/// The directory a file's `#[path]` attributes are relative to.
fn file_dir(file: &str) -> String {
    match file.rfind('/') {
        Some(at) => file[..=at].to_owned(),
        None => String::new(),
    }
}

/// The directory of the files of a file module's `mod x;` children.
fn module_dir(file: &str) -> String {
    let dir = file_dir(file);
    let name = &file[dir.len()..];
    if matches!(name, "mod.rs" | "lib.rs" | "main.rs") {
        dir
    } else {
        format!("{dir}{}/", name.trim_end_matches(".rs"))
    }
}

#[derive(Debug, Clone)]
enum Target {
    Module(usize),
    /// An item defined in this file.
    File(String),
}

/// What `path`, written in `module`, names: a module, or the file that
/// defines the item. `None` for a path outside the crate.
fn resolve(krate: &Crate, module: usize, path: &[String], hops: usize) -> Option<Target> {
    if hops > 16 || path.is_empty() {
        return None;
    }
    let root = 0;
    let (start, rest) = match path[0].as_str() {
        "::" => return None,
        "crate" => (root, &path[1..]),
        "self" => (module, &path[1..]),
        "super" => (krate.modules[module].parent?, &path[1..]),
        first => match krate.modules[module].children.get(first) {
            Some(&child) => (child, &path[1..]),
            // A name the module imports (`use super::places::{self, ...}`,
            // then `places::...`), else an extern crate.
            None => {
                let entry = krate.modules[module]
                    .uses
                    .iter()
                    .find(|u| u.name.as_deref() == Some(first))?;
                let mut full = entry.path.clone();
                full.extend_from_slice(&path[1..]);
                return resolve(krate, module, &full, hops + 1);
            }
        },
    };
    walk(krate, start, rest, hops)
}

/// Follows `rest` from module `at`.
fn walk(krate: &Crate, at: usize, rest: &[String], hops: usize) -> Option<Target> {
    if krate.recording.get() {
        krate.trail.borrow_mut().push(at);
    }
    let Some((first, rest)) = rest.split_first() else {
        return Some(Target::Module(at));
    };
    let module = &krate.modules[at];
    if first == "super" {
        return walk(krate, module.parent?, rest, hops);
    }
    if first == "self" {
        return walk(krate, at, rest, hops);
    }
    if let Some(&child) = module.children.get(first) {
        return walk(krate, child, rest, hops);
    }
    if module.defs.contains(first) {
        return Some(Target::File(module.file.clone()));
    }
    if let Some(entry) = module
        .uses
        .iter()
        .find(|u| u.name.as_deref() == Some(first))
    {
        return match resolve(krate, at, &entry.path, hops + 1) {
            Some(Target::Module(m)) => walk(krate, m, rest, hops + 1),
            Some(item) => Some(item),
            // A re-exported extern crate (`pub use http;`).
            None => Some(Target::File(module.file.clone())),
        };
    }
    for entry in module.uses.iter().filter(|u| u.name.is_none()) {
        // Which glob brings the name: looked for without recording.
        let recording = krate.recording.replace(false);
        let found = match resolve(krate, at, &entry.path, hops + 1) {
            Some(Target::Module(m)) => m != at && provides(krate, m, first, hops + 1),
            _ => false,
        };
        krate.recording.set(recording);
        if !found {
            continue;
        }
        if let Some(Target::Module(m)) = resolve(krate, at, &entry.path, hops + 1) {
            return walk(krate, m, std::slice::from_ref(first), hops + 1).and_then(|t| match t {
                Target::Module(m) => walk(krate, m, rest, hops + 1),
                item => Some(item),
            });
        }
    }
    // Not found: a macro-made item, or one of an extern crate's glob.
    Some(Target::File(module.file.clone()))
}

/// Whether module `m` defines, declares or imports `name`.
fn provides(krate: &Crate, m: usize, name: &str, hops: usize) -> bool {
    if hops > 16 {
        return false;
    }
    let module = &krate.modules[m];
    module.defs.contains(name)
        || module.children.contains_key(name)
        || module.uses.iter().any(|u| u.name.as_deref() == Some(name))
        || module.uses.iter().filter(|u| u.name.is_none()).any(|u| {
            matches!(resolve(krate, m, &u.path, hops + 1),
                Some(Target::Module(g)) if g != m && provides(krate, g, name, hops + 1))
        })
}

// ---------------------------------------------------------------------------
// The checker checked, on crates small enough to read.

mod checker {
    use super::*;

    fn sources(files: &[(&str, &str)]) -> BTreeMap<String, String> {
        files
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect()
    }

    /// Two layers, `low` and `high`; `low/a.rs` and `low/b.rs` import each
    /// other, and `low/b.rs` imports `high/mod.rs`.
    fn tangled() -> BTreeMap<String, String> {
        sources(&[
            ("lib.rs", "mod low;\nmod high;\npub use low::a::A;\n"),
            ("low/mod.rs", "pub mod a;\npub mod b;\npub use b::B;\n"),
            ("low/a.rs", "use crate::low::B;\npub struct A(B);\n"),
            (
                "low/b.rs",
                "use super::{a::A, *};\npub struct B;\nfn f() { let _ = crate::high::H; }\n",
            ),
            ("high/mod.rs", "pub struct H;\n"),
        ])
    }

    #[test]
    fn layers_checker_finds_a_circle_and_an_upward_import() {
        let graph = import_graph(&tangled());
        assert_eq!(
            circles(&graph),
            vec![vec!["low/a.rs".to_owned(), "low/b.rs".to_owned()]]
        );
        let failure = check_sources(&tangled(), &["low", "high"], &["lib.rs"]).unwrap_err();
        assert!(
            failure.contains(
                "import circle among 2 files (low/a.rs, low/b.rs): low/a.rs -> low/b.rs -> low/a.rs\n"
            ),
            "{failure}"
        );
        assert!(
            failure.contains("upward import: low/b.rs -> high/mod.rs\n"),
            "{failure}"
        );
        // Both found, nothing else.
        assert_eq!(failure.lines().count(), 2, "{failure}");
    }

    #[test]
    fn layers_checker_follows_re_exports_and_reads_only_code() {
        let graph = import_graph(&tangled());
        let edges: Vec<(&str, &str)> = graph
            .edges
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            edges,
            [
                // `crate::low::B` is `low/b.rs`'s, through low/mod.rs.
                ("low/a.rs", "low/b.rs"),
                ("low/b.rs", "high/mod.rs"),
                ("low/b.rs", "low/a.rs"),
                // `use super::*`
                ("low/b.rs", "low/mod.rs"),
            ]
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
        );
        // `pub use` in lib.rs and mod.rs (the names not used there): no
        // import, and no edge for `mod a;`.
        let re_exports: Vec<(&str, &str)> = graph
            .re_exports
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            re_exports,
            [("lib.rs", "low/a.rs"), ("low/mod.rs", "low/b.rs")]
        );

        // Comments, strings, `$crate` and `#[path]` modules.
        let clean = sources(&[
            (
                "private.rs",
                "pub use crate::high::H;\npub use crate::low::L;\n",
            ),
            (
                "low/mod.rs",
                "// use crate::high::H;\n/* crate::high::H */\n/// [`H`](crate::high::H)\n\
                 pub struct L;\nconst S: &str = \"crate::high::H\";\nconst C: char = '\"';\n\
                 macro_rules! m { () => { $crate::high::H } }\n",
            ),
            (
                "high/mod.rs",
                "use crate::{low::{self, L}, Low};\npub struct H(L, Low);\n",
            ),
            (
                "lib.rs",
                "#[path = \"private.rs\"]\npub mod __private;\nmod low;\nmod high;\n\
                 pub use low::L as Low;\n",
            ),
        ]);
        let summary = check_sources(&clean, &["low", "high"], &["lib.rs", "private.rs"])
            .expect("no circle, nothing upward");
        assert_eq!((summary.files, summary.edges), (4, 3));
        // `crate::Low` is `low/mod.rs`'s `L`, through lib.rs's `pub use ... as`.
        let graph = import_graph(&clean);
        assert!(graph
            .edges
            .contains(&("high/mod.rs".into(), "low/mod.rs".into())));
        assert!(!graph.edges.iter().any(|(from, _)| from == "low/mod.rs"));

        // A layered file may not import the exempt protocol module, nor
        // may a file be in no layer.
        let mut bad = clean.clone();
        bad.insert(
            "private.rs".into(),
            "pub use crate::high::H;\npub struct P;\n".into(),
        );
        bad.insert(
            "low/mod.rs".into(),
            "mod other;\npub struct L;\nfn f() { let _ = crate::__private::P; }\n".into(),
        );
        // A path through a higher module, to a lower file.
        bad.insert(
            "low/other.rs".into(),
            "fn g() { let _ = crate::high::AlsoL; }\n".into(),
        );
        bad.insert(
            "high/mod.rs".into(),
            "use crate::{low::{self, L}, Low};\npub struct H(L, Low);\npub use crate::low::L as AlsoL;\n"
                .into(),
        );
        bad.insert(
            "lib.rs".into(),
            "#[path = \"private.rs\"]\npub mod __private;\nmod low;\nmod high;\nmod loose;\n\
             pub use low::L as Low;\n"
                .into(),
        );
        bad.insert("loose.rs".into(), String::new());
        let failure = check_sources(&bad, &["low", "high"], &["lib.rs", "private.rs"]).unwrap_err();
        assert!(
            failure.contains("upward import: low/mod.rs -> private.rs\n"),
            "{failure}"
        );
        assert!(failure.contains("loose.rs is in no layer"), "{failure}");
        assert!(
            failure.contains("upward path: low/other.rs names a path through high/mod.rs\n"),
            "{failure}"
        );
        // And the import of the protocol module closes a circle through it.
        assert!(
            failure.contains("import circle among 3 files (high/mod.rs, low/mod.rs, private.rs)"),
            "{failure}"
        );
        assert_eq!(failure.lines().count(), 4, "{failure}");
    }
}
