//! The reader against the `toml` crate, on generated files: whenever the
//! reader accepts a file, toml 1.2 (TOML 1.1.0) and toml 0.8 (TOML 1.0.0)
//! accept it and read the same keys and strings in the same tables;
//! whenever toml 0.8 accepts a file, each error of the reader says
//! "not read", never "not TOML".
//!
//! The files come from a grammar biased toward the edges of TOML (keys
//! bare, quoted, literal-quoted, dotted, twice; tables twice, dotted,
//! quoted, arrays of tables; every escape, the invalid ones too; control
//! characters, CR, CRLF, BOM; comments with odd characters; values of the
//! other types), then random byte mutations. `APIERROR_TOML_CASES` sets how
//! many (100 000 by default, a few seconds), `APIERROR_TOML_SEED` the seed.

use super::oracle::compare;
use std::fmt::Write as _;

/// SplitMix64: small, deterministic, good enough to pick grammar branches.
struct Rng {
    state: u64,
    /// The file being made is one of the odd ones, which go past TOML's
    /// edges; the others stay inside but for keys and tables twice and
    /// the TOML translation files do not read.
    odd: bool,
}

impl Rng {
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `true` once in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// `true` once in `n` in an odd file, else never.
    fn edge(&mut self, n: usize) -> bool {
        self.odd && self.one_in(n)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Keys from a small pool, so that files define some twice, in every
/// spelling TOML has for them.
const BARE_KEYS: &[&str] = &["A", "B", "NOT_FOUND", "a-b", "_", "1", "-", "T", "U"];

/// Pieces of strings that TOML 1.0 reads: plain, unicode, every escape.
const STRING_PIECES: &[&str] = &[
    "text",
    " ",
    "\t",
    "é",
    "😀",
    "\u{2028}",
    "\u{feff}",
    "\u{85}",
    "\u{ffff}",
    "{field}",
    "#",
    "=",
    "[",
    "]",
    ".",
    "'",
    "\\b",
    "\\t",
    "\\n",
    "\\f",
    "\\r",
    "\\\"",
    "\\\\",
    "\\u00e9",
    "\\u00E9",
    "\\u0000",
    "\\u001f",
    "\\U0001F600",
    "\\U0010FFFF",
];

/// Pieces of strings at or past the edge: invalid escapes, control
/// characters, quotes.
const ODD_STRING_PIECES: &[&str] = &[
    "\\e",
    "\\x41",
    "\\q",
    "\\ ",
    "\\/",
    "\\a",
    "\\0",
    "\\uD800",
    "\\uDFFF",
    "\\U00110000",
    "\\UFFFFFFFF",
    "\\u12",
    "\\u+123",
    "\\u00E",
    "\\U0001F60",
    "\\",
    "\"",
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{1f}",
    "\u{7f}",
    "\r",
];

/// Values other than one-line strings: TOML 1.0 that translation files
/// do not read.
const OTHER_VALUES: &[&str] = &[
    "1",
    "+1",
    "-0",
    "0x1f",
    "1_000",
    "1.5",
    "-0.5e3",
    "inf",
    "-inf",
    "+nan",
    "nan",
    "true",
    "false",
    "1979-05-27",
    "1979-05-27T07:32:00Z",
    "1979-05-27 07:32:00",
    "07:32:00",
    "[]",
    "[\"a\", 'b']",
    "[\n\"a\",\n]",
    "{}",
    "{ a = \"x\" }",
    "{ a.b = 'x' }",
    "\"\"\"multi\nline\"\"\"",
    "\"\"\"one\"\"\"",
    "'''multi\nline'''",
    "''''''",
];

/// Words that are no TOML 1.0 value.
const BAD_VALUES: &[&str] = &[
    "1__0",
    "01",
    "tru",
    "True",
    "{ a = \"x\", }",
    "\"\"\"\"",
    "x",
    "nicht gefunden",
    "",
    "=",
    "\"a\" \"b\"",
    "\"a\"\"",
];

const COMMENT_PIECES: &[&str] = &[
    "#", " note", "\t", "ä", "\u{80}", "\u{85}", "\u{feff}", "\u{fffe}", "#", "\"", "\\", "'",
    "[A]",
];

/// What a comment cannot have: control characters, a CR without LF.
const ODD_COMMENT_PIECES: &[&str] = &["\u{0}", "\u{1}", "\u{1b}", "\u{7f}", "\r", "\rB = \"x\""];

const WHITESPACE: &[&str] = &["", "", " ", "\t", "  ", " \t"];

/// Not TOML whitespace.
const ODD_WHITESPACE: &[&str] = &["\u{b}", "\u{c}", "\u{a0}", "\u{3000}", "\u{feff}", "\r"];

const LINE_ENDS: &[&str] = &["\n", "\r\n"];

/// Not TOML line ends, or more than one.
const ODD_LINE_ENDS: &[&str] = &["\r", "\n\r", "\r\r\n", "\n\n", "\r\n\r\n"];

fn ws(rng: &mut Rng) -> &'static str {
    if rng.edge(40) {
        rng.pick(ODD_WHITESPACE)
    } else {
        rng.pick(WHITESPACE)
    }
}

fn string(rng: &mut Rng, quote: char) -> String {
    let mut out = String::new();
    out.push(quote);
    for _ in 0..rng.below(4) {
        let piece = if rng.edge(12) {
            rng.pick(ODD_STRING_PIECES)
        } else {
            rng.pick(STRING_PIECES)
        };
        if quote == '\'' && rng.one_in(3) {
            // Literal strings read backslashes as themselves.
            out.push_str(&piece.replace('\'', "\\"));
        } else {
            out.push_str(piece);
        }
    }
    if !rng.edge(50) {
        out.push(quote);
    }
    out
}

fn simple_key(rng: &mut Rng) -> String {
    match rng.below(14) {
        0..=7 => rng.pick(BARE_KEYS).to_owned(),
        8 => format!("\"{}\"", rng.pick(BARE_KEYS)),
        9 => format!("'{}'", rng.pick(BARE_KEYS)),
        10 | 11 => string(rng, '"'),
        12 => string(rng, '\''),
        _ if rng.edge(2) => rng
            .pick(&["é", "A B", "'''A'''", "\"\"\"A\"\"\"", "\"A", "A\"", "[A]"])
            .to_owned(),
        _ => rng
            .pick(&[
                "\"\"",
                "''",
                "a.b",
                "\"a.b\"",
                "\"\\u0041\"",
                "'\\u0041'",
                "\"A\\tB\"",
            ])
            .to_owned(),
    }
}

fn key(rng: &mut Rng) -> String {
    let mut key = simple_key(rng);
    if rng.one_in(16) {
        let dot = if rng.edge(4) {
            rng.pick(&["..", ". .", "\u{b}."])
        } else {
            rng.pick(&[".", " . ", "\t.", ". "])
        };
        key = format!("{key}{dot}{}", simple_key(rng));
    }
    key
}

fn value(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=4 => string(rng, '"'),
        5..=7 => string(rng, '\''),
        8 if rng.edge(2) => rng.pick(BAD_VALUES).to_owned(),
        _ => rng.pick(OTHER_VALUES).to_owned(),
    }
}

fn comment(rng: &mut Rng) -> String {
    let mut out = String::from("#");
    for _ in 0..rng.below(4) {
        if rng.edge(6) {
            out.push_str(rng.pick(ODD_COMMENT_PIECES));
        } else {
            out.push_str(rng.pick(COMMENT_PIECES));
        }
    }
    out
}

/// A line: in an odd file, more often not TOML.
fn line(rng: &mut Rng) -> String {
    let mut out = String::new();
    out.push_str(ws(rng));
    match rng.below(if rng.odd { 20 } else { 18 }) {
        0..=10 => {
            out.push_str(&key(rng));
            out.push_str(ws(rng));
            if !rng.edge(40) {
                out.push('=');
            }
            out.push_str(ws(rng));
            out.push_str(&value(rng));
        }
        11..=13 => {
            let (open, close) = if rng.one_in(8) {
                ("[[", "]]")
            } else {
                ("[", "]")
            };
            out.push_str(open);
            out.push_str(ws(rng));
            out.push_str(&key(rng));
            out.push_str(ws(rng));
            if !rng.edge(30) {
                out.push_str(close);
            }
        }
        14..=16 => out.push_str(&comment(rng)),
        17 => {}
        18 => out.push_str(rng.pick(&[
            "\u{feff}", "]", "[", "[]", "\"", "=", "=\"x\"", ".", "A.", "\u{0}",
        ])),
        _ => out.push_str(rng.pick(BAD_VALUES)),
    }
    if rng.one_in(3) {
        out.push_str(ws(rng));
        if rng.one_in(2) {
            out.push_str(&comment(rng));
        } else if rng.edge(10) {
            out.push_str(rng.pick(&["x", "\"y\"", "= 'z'", "]", "\r"]));
        }
    }
    out
}

fn file(rng: &mut Rng) -> String {
    let mut out = String::new();
    if rng.one_in(10) {
        out.push('\u{feff}');
    }
    rng.odd = rng.one_in(4);
    let lines = rng.below(9);
    for i in 0..lines {
        out.push_str(&line(rng));
        if i + 1 < lines || !rng.one_in(4) {
            out.push_str(if rng.edge(30) {
                rng.pick(ODD_LINE_ENDS)
            } else {
                rng.pick(LINE_ENDS)
            });
        }
    }
    out
}

/// Bytes that make and break TOML.
const MUTATION_BYTES: &[u8] =
    b"\r\n\t \"'\\#[]{}.=,_-+0aAeuUx\x00\x01\x0b\x1b\x7f\xc3\xa9\xef\xbb\xbf\xf0\x9f\x98\x80";

fn mutate(rng: &mut Rng, text: String) -> Option<String> {
    let mut bytes = text.into_bytes();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        let byte = MUTATION_BYTES[rng.below(MUTATION_BYTES.len())];
        match rng.below(5) {
            0 | 1 => bytes.insert(at, byte),
            2 if at < bytes.len() => {
                bytes.remove(at);
            }
            3 if at < bytes.len() => bytes[at] = byte,
            _ => {
                // A run of the file, written again elsewhere.
                let from = rng.below(bytes.len() + 1);
                let len = rng.below(12).min(bytes.len() - from);
                let run = bytes[from..from + len].to_vec();
                bytes.splice(at..at, run);
            }
        }
    }
    String::from_utf8(bytes).ok()
}

#[derive(Default)]
struct Figures {
    generated: usize,
    not_utf8: usize,
    accepted: usize,
    rejected_invalid: usize,
    rejected_unsupported: usize,
    toml_accepted: usize,
    toml_rejected: usize,
    toml_1_0_accepted: usize,
    toml_1_0_rejected: usize,
    /// TOML 1.0 that the reader rejects as not read.
    unsupported_but_toml: usize,
    failures: Vec<String>,
}

fn check(text: &str, figures: &mut Figures) {
    let outcome = std::panic::catch_unwind(|| compare(text));
    let outcome = match outcome {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(failure)) => {
            figures.failures.push(failure);
            return;
        }
        Err(_) => {
            figures
                .failures
                .push(format!("the reader panics on {text:?}"));
            return;
        }
    };
    if outcome.toml_accepts {
        figures.toml_accepted += 1;
    } else {
        figures.toml_rejected += 1;
    }
    if outcome.toml_1_0_accepts {
        figures.toml_1_0_accepted += 1;
    } else {
        figures.toml_1_0_rejected += 1;
    }
    if outcome.accepted {
        figures.accepted += 1;
    } else if outcome.invalid {
        figures.rejected_invalid += 1;
    } else {
        figures.rejected_unsupported += 1;
        if outcome.toml_1_0_accepts {
            figures.unsupported_but_toml += 1;
        }
    }
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

#[test]
fn the_reader_reads_what_toml_reads_or_rejects() {
    let cases = env("APIERROR_TOML_CASES", 100_000);
    let seed = env("APIERROR_TOML_SEED", 0x00a9_1e44_0a70_7011);
    let mut rng = Rng {
        state: seed,
        odd: false,
    };
    let mut figures = Figures::default();
    for _ in 0..cases {
        figures.generated += 1;
        let mut text = file(&mut rng);
        if rng.one_in(3) {
            match mutate(&mut rng, text) {
                Some(mutated) => text = mutated,
                None => {
                    figures.not_utf8 += 1;
                    continue;
                }
            }
        }
        check(&text, &mut figures);
        if figures.failures.len() >= 20 {
            break;
        }
    }
    let mut report = String::new();
    let f = &figures;
    let _ = writeln!(
        report,
        "{} files (seed {seed:#x}), {} not UTF-8 after mutation (skipped)\n\
         reader:            {} accepted, {} rejected as not TOML, {} rejected as not read only\n\
         toml 1.2 (1.1.0):  {} accepted, {} rejected\n\
         toml 0.8 (1.0.0):  {} accepted, {} rejected\n\
         TOML 1.0 that the reader does not read: {}",
        f.generated,
        f.not_utf8,
        f.accepted,
        f.rejected_invalid,
        f.rejected_unsupported,
        f.toml_accepted,
        f.toml_rejected,
        f.toml_1_0_accepted,
        f.toml_1_0_rejected,
        f.unsupported_but_toml,
    );
    eprintln!("{report}");
    assert!(
        figures.failures.is_empty(),
        "{report}{} failures, the first:\n{}",
        figures.failures.len(),
        figures.failures.join("\n")
    );
    // The grammar reaches both sides of the line.
    if cases >= 10_000 {
        assert!(f.accepted > cases as usize / 20, "{report}");
        assert!(f.rejected_invalid > cases as usize / 20, "{report}");
        assert!(f.unsupported_but_toml > cases as usize / 100, "{report}");
    }
}
