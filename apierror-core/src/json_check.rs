//! A guard that a custom [`Format`](crate::format::Format) writes valid JSON.
//!
//! A format drives serde_json's `Serializer` itself and can misuse it: a map
//! whose key is never given a value, for instance, comes out as `{"code"}`.
//! [`Checked`] sits between the serializer and the output, follows the JSON
//! grammar (RFC 8259) byte by byte as the bytes go through, and refuses the
//! first byte that cannot belong to one JSON value, before it reaches the
//! output. It keeps no buffer and allocates nothing: its whole state is a few
//! words, the nesting being a stack of bits.

use std::io;

/// How deep objects and arrays may nest.
const MAX_DEPTH: usize = 512;

/// Where the grammar stands between two bytes.
#[derive(Debug, Clone, Copy)]
enum State {
    /// A value is expected: at the start, after `:`, after `,` in an array.
    Value,
    /// Just after `[`: a value or `]`.
    ValueOrEnd,
    /// Just after `{`: a key or `}`.
    KeyOrEnd,
    /// After `,` in an object: a key.
    Key,
    /// After a key: `:`.
    Colon,
    /// After a value: `,` or the closing bracket, or, at top level, nothing.
    After,
    /// Inside a string, a key if `key`.
    Str { key: bool },
    /// Just after a `\` in a string.
    Escape { key: bool },
    /// In the hex digits of a `\u` escape, `left` of them still to come.
    Hex { key: bool, left: u8 },
    /// Inside a number.
    Number(Num),
    /// Inside `true`, `false` or `null`: the bytes still to come.
    Literal(&'static [u8]),
}

/// Where a number stands: `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Num {
    Minus,
    Zero,
    Int,
    Dot,
    Frac,
    Exp,
    ExpSign,
    ExpDigit,
}

impl Num {
    /// The state after `b`, or `None` if `b` cannot continue the number.
    fn next(self, b: u8) -> Option<Num> {
        use Num::*;
        Some(match (self, b) {
            (Minus, b'0') => Zero,
            (Minus | Int, b'0'..=b'9') => Int,
            (Zero | Int, b'.') => Dot,
            (Dot | Frac, b'0'..=b'9') => Frac,
            (Zero | Int | Frac, b'e' | b'E') => Exp,
            (Exp, b'+' | b'-') => ExpSign,
            (Exp | ExpSign | ExpDigit, b'0'..=b'9') => ExpDigit,
            _ => return None,
        })
    }

    /// Whether the number may end here.
    fn complete(self) -> bool {
        matches!(self, Num::Zero | Num::Int | Num::Frac | Num::ExpDigit)
    }
}

/// The grammar's whole state: where it stands and what encloses it.
#[derive(Debug, Clone, Copy)]
struct Grammar {
    state: State,
    /// One bit per open bracket, set for an object, clear for an array.
    stack: [u64; MAX_DEPTH / 64],
    depth: usize,
}

impl Grammar {
    const START: Grammar = Grammar {
        state: State::Value,
        stack: [0; MAX_DEPTH / 64],
        depth: 0,
    };

    /// Whether the innermost open bracket is an object's.
    fn in_object(&self) -> bool {
        let i = self.depth - 1;
        (self.stack[i / 64] >> (i % 64)) & 1 == 1
    }

    /// Opens an object or an array.
    fn open(&mut self, object: bool) -> Result<(), &'static str> {
        if self.depth == MAX_DEPTH {
            return Err("nested too deep");
        }
        let (word, bit) = (self.depth / 64, 1 << (self.depth % 64));
        if object {
            self.stack[word] |= bit;
        } else {
            self.stack[word] &= !bit;
        }
        self.depth += 1;
        Ok(())
    }

    /// Closes the innermost object or array, which ends a value.
    fn close(&mut self) -> State {
        self.depth -= 1;
        State::After
    }

    /// Takes one byte, or says why it cannot come here.
    fn step(&mut self, b: u8) -> Result<(), &'static str> {
        use State::*;
        if let Number(n) = self.state {
            match n.next(b) {
                Some(n) => {
                    self.state = Number(n);
                    return Ok(());
                }
                None if n == Num::Zero && b.is_ascii_digit() => {
                    return Err("leading zero in a number")
                }
                None if !n.complete() => return Err("incomplete number"),
                // The byte ends the number; it must then fit after a value.
                None => self.state = After,
            }
        }
        let whitespace = matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        self.state = match (self.state, b) {
            (Str { key: true }, b'"') => Colon,
            (Str { key: false }, b'"') => After,
            (Str { key }, b'\\') => Escape { key },
            (Str { .. }, 0..=0x1f) => return Err("control character in a string"),
            (Escape { key }, b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Str { key },
            (Escape { key }, b'u') => Hex { key, left: 4 },
            (Escape { .. }, _) => return Err("invalid escape in a string"),
            (Hex { key, left: 1 }, _) if b.is_ascii_hexdigit() => Str { key },
            (Hex { key, left }, _) if b.is_ascii_hexdigit() => Hex {
                key,
                left: left - 1,
            },
            (Hex { .. }, _) => return Err("invalid \\u escape in a string"),
            (Literal([last]), _) if *last == b => After,
            (Literal([first, rest @ ..]), _) if *first == b => Literal(rest),
            (Literal(_), _) => return Err("invalid literal"),
            (state @ Str { .. }, _) => state,
            (state, _) if whitespace => state,
            (ValueOrEnd, b']') | (KeyOrEnd, b'}') => self.close(),
            (Value | ValueOrEnd, b'{') => {
                self.open(true)?;
                KeyOrEnd
            }
            (Value | ValueOrEnd, b'[') => {
                self.open(false)?;
                ValueOrEnd
            }
            (Value | ValueOrEnd, b'"') => Str { key: false },
            (KeyOrEnd | Key, b'"') => Str { key: true },
            (KeyOrEnd | Key, _) => return Err("expected a string as key"),
            (Value | ValueOrEnd, b'-') => Number(Num::Minus),
            (Value | ValueOrEnd, b'0') => Number(Num::Zero),
            (Value | ValueOrEnd, b'1'..=b'9') => Number(Num::Int),
            (Value | ValueOrEnd, b't') => Literal(b"rue"),
            (Value | ValueOrEnd, b'f') => Literal(b"alse"),
            (Value | ValueOrEnd, b'n') => Literal(b"ull"),
            (Value | ValueOrEnd, _) => return Err("expected a value"),
            (Colon, b':') => Value,
            (Colon, _) => return Err("expected ':' after a key"),
            (After, _) if self.depth == 0 => return Err("more after the JSON value"),
            (After, b',') if self.in_object() => Key,
            (After, b',') => Value,
            (After, b'}') if self.in_object() => self.close(),
            (After, b']') if !self.in_object() => self.close(),
            (After, _) => return Err("expected ',' or a closing bracket"),
            (Number(_), _) => unreachable!("a number has ended above"),
        };
        Ok(())
    }

    /// Whether the bytes taken so far form one complete value.
    fn complete(&self) -> bool {
        self.depth == 0
            && match self.state {
                State::After => true,
                State::Number(n) => n.complete(),
                _ => false,
            }
    }
}

/// Validates, byte by byte as they are written, that what goes through is
/// exactly one JSON value (RFC 8259), then passes the bytes on.
///
/// A write whose bytes do not all fit the grammar passes none of them on and
/// fails with [`io::ErrorKind::InvalidData`]; so do all writes after it.
/// [`finish`](Checked::finish) then says whether the value is complete.
#[derive(Debug)]
pub(crate) struct Checked<W> {
    inner: W,
    grammar: Grammar,
    /// How many bytes have been passed on.
    offset: u64,
    /// The first invalid byte and why, once one was written.
    error: Option<(u64, &'static str)>,
}

impl<W: io::Write> Checked<W> {
    /// Checks what is written to `inner`.
    pub(crate) fn new(inner: W) -> Self {
        Checked {
            inner,
            grammar: Grammar::START,
            offset: 0,
            error: None,
        }
    }

    /// Ok when the bytes written so far form exactly one complete JSON value
    /// (trailing ASCII whitespace allowed); an io::Error of kind InvalidData otherwise.
    pub(crate) fn finish(self) -> io::Result<W> {
        if let Some((at, reason)) = self.error {
            return Err(invalid(at, reason));
        }
        if !self.grammar.complete() {
            let reason = match self.grammar.state {
                State::Value if self.grammar.depth == 0 => "no JSON value",
                _ => "the JSON value is incomplete",
            };
            return Err(invalid(self.offset, reason));
        }
        Ok(self.inner)
    }
}

/// The error for invalid JSON at byte `at` (counted from 0).
fn invalid(at: u64, reason: &str) -> io::Error {
    let message = format!("the format wrote invalid JSON at byte {at}: {reason}");
    io::Error::new(io::ErrorKind::InvalidData, message)
}

impl<W: io::Write> io::Write for Checked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some((at, reason)) = self.error {
            return Err(invalid(at, reason));
        }
        let mut after = self.grammar;
        for (i, &b) in buf.iter().enumerate() {
            if let Err(reason) = after.step(b) {
                let at = self.offset + i as u64;
                self.error = Some((at, reason));
                return Err(invalid(at, reason));
            }
        }
        let n = self.inner.write(buf)?;
        if n == buf.len() {
            self.grammar = after;
        } else {
            // Only a prefix went through: the grammar takes only that, and
            // takes it without fail since the whole was valid.
            for &b in &buf[..n] {
                let _ = self.grammar.step(b);
            }
        }
        self.offset += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use io::Write;
    use proptest::collection::vec;
    use proptest::prelude::*;

    /// Writes `input` cut at `cuts` (ascending), then finishes.
    fn check(input: &[u8], cuts: &[usize]) -> io::Result<Vec<u8>> {
        let mut checked = Checked::new(Vec::new());
        let mut start = 0;
        for &end in cuts.iter().chain([&input.len()]) {
            checked.write_all(&input[start..end])?;
            start = end;
        }
        checked.finish()
    }

    /// The verdict on `input`, written whole, in every cut into two writes
    /// and one byte per write: all must agree, valid output being unchanged.
    fn verdict(input: &[u8]) -> bool {
        verdict_cut(input, 0..=input.len())
    }

    /// The same, with only the given cuts into two writes.
    fn verdict_cut(input: &[u8], cuts: impl IntoIterator<Item = usize>) -> bool {
        let whole = check(input, &[]);
        let expected = whole.as_ref().ok();
        for cut in cuts {
            assert_eq!(check(input, &[cut]).ok().as_ref(), expected, "cut at {cut}");
        }
        let bytes: Vec<usize> = (1..input.len()).collect();
        assert_eq!(check(input, &bytes).ok().as_ref(), expected);
        match whole {
            Ok(out) => {
                assert_eq!(out, input);
                true
            }
            Err(e) => {
                assert_eq!(e.kind(), io::ErrorKind::InvalidData);
                false
            }
        }
    }

    /// Whether serde_json reads `input` as one JSON value.
    fn serde_accepts(input: &[u8]) -> bool {
        serde_json::from_slice::<serde::de::IgnoredAny>(input).is_ok()
    }

    const VALID: &[&str] = &[
        "{}",
        "[]",
        " { } ",
        "[[]]",
        "0",
        "-0",
        "-0.5e+10",
        "1E3",
        "12.50",
        "1e-7",
        "123456789",
        "true",
        "false",
        "null",
        r#""""#,
        r#""\" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00""#,
        "\"héllo ☃ 😀\"",
        "\t\r\n[1 , 2,3 ]\n",
        r#"{"code":"not_found","status":404,"details":{"ids":[1,2.5,-3e2],"ok":true,"x":null}}"#,
        r#"{ "a" : [ {}, [], "", 0, false ] , "b":{"c":{"d":[[[]]]}} }"#,
        r#"[{"":""},{"\u0000":-1}]"#,
    ];

    const INVALID: &[&str] = &[
        r#"{"code"}"#,
        r#"{"a":}"#,
        r#"{"a" 1}"#,
        "[1,]",
        "{,}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "1e+",
        "tru",
        "nul",
        "nulL",
        r#""\x""#,
        r#""\u12""#,
        r#""\u123""#,
        "1.+5",
        "1e+-5",
        "\"a\u{1}b\"",
        "\"a\nb\"",
        "{}{}",
        "{} 1",
        "1 2",
        "",
        "   ",
        "[1, ",
        "[",
        "]",
        "{1:2}",
        r#"{"a":1,}"#,
        r#"["a":1]"#,
        r#"{"a":1]"#,
        "[1}",
        "\"open",
        "+1",
        "\u{a0}1",
    ];

    #[test]
    fn valid_documents_pass_unchanged() {
        for doc in VALID {
            assert!(verdict(doc.as_bytes()), "{doc}");
        }
    }

    #[test]
    fn invalid_documents_fail() {
        for doc in INVALID {
            assert!(!verdict(doc.as_bytes()), "{doc}");
        }
    }

    #[test]
    fn serde_json_agrees_on_the_hand_written_cases() {
        for doc in VALID.iter().chain(INVALID) {
            let serde = serde_accepts(doc.as_bytes());
            assert_eq!(serde, verdict(doc.as_bytes()), "{doc}");
        }
    }

    #[test]
    fn nesting_is_limited_to_512() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(verdict(deep(MAX_DEPTH).as_bytes()));
        let objects = format!("{}0{}", r#"{"a":"#.repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH));
        assert!(verdict(objects.as_bytes()));
        let err = check(deep(MAX_DEPTH + 1).as_bytes(), &[]).unwrap_err();
        assert!(
            err.to_string().ends_with("at byte 512: nested too deep"),
            "{err}"
        );
        let err = check("[".repeat(600).as_bytes(), &[]).unwrap_err();
        assert!(err.to_string().ends_with("nested too deep"), "{err}");
    }

    #[test]
    fn an_invalid_write_passes_nothing_on_and_later_writes_fail() {
        let mut checked = Checked::new(Vec::new());
        checked.write_all(br#"{"code""#).unwrap();
        let err = checked.write(b" }").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert_eq!(
            err.to_string(),
            "the format wrote invalid JSON at byte 8: expected ':' after a key"
        );
        assert_eq!(checked.inner, br#"{"code""#);
        assert!(checked.write(b":1}").is_err());
        assert_eq!(checked.inner, br#"{"code""#);
        assert_eq!(checked.finish().unwrap_err().to_string(), err.to_string());
    }

    #[test]
    fn finish_reports_where_the_value_stops() {
        let err = check(b"[1, 2", &[]).unwrap_err();
        let message = "the format wrote invalid JSON at byte 5: the JSON value is incomplete";
        assert_eq!(err.to_string(), message);
        let err = check(b"", &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the format wrote invalid JSON at byte 0: no JSON value"
        );
        let err = check(b" \n", &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the format wrote invalid JSON at byte 2: no JSON value"
        );
    }

    /// An output that takes at most one byte per write.
    struct Trickle(Vec<u8>);

    impl io::Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.extend(buf.first());
            Ok(buf.len().min(1))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn short_writes_of_the_output_keep_the_grammar_in_step() {
        let doc = br#"{"a":[1,-2.5e3,"x\u0041"],"b":null}"#;
        let mut checked = Checked::new(Trickle(Vec::new()));
        checked.write_all(doc).unwrap();
        checked.flush().unwrap();
        assert_eq!(checked.finish().unwrap().0, doc);
        let mut checked = Checked::new(Trickle(Vec::new()));
        checked.write_all(b"[1,").unwrap();
        assert!(checked.write_all(b"]").is_err());
        assert_eq!(checked.inner.0, b"[1,");
    }

    /// Byte strings from a JSON-ish alphabet, single bytes and a few whole
    /// tokens so that valid documents come up often enough; short enough to
    /// stay far below serde_json's recursion limit of 128.
    fn jsonish() -> impl Strategy<Value = Vec<u8>> {
        let alphabet: Vec<&str> = r#"{ } [ ] : , " \ 0 1 2 9 . - + e E t r u f a l s n x é"#
            .split(' ')
            .chain([
                " ", "\t", "\n", "\u{1}", r#""k""#, r#"\u00"#, "true", "null", "10",
            ])
            .collect();
        let parts = prop::sample::select(alphabet);
        prop_oneof![vec(parts.clone(), 0..8), vec(parts, 0..40),]
            .prop_map(|parts| parts.concat().into_bytes())
    }

    fn value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A valid document with a few bytes replaced, inserted or removed.
    fn near_valid() -> impl Strategy<Value = Vec<u8>> {
        let edit = (any::<prop::sample::Index>(), 0..3u8, jsonish());
        (value(), vec(edit, 1..3)).prop_map(|(v, edits)| {
            let mut doc = serde_json::to_vec(&v).unwrap();
            for (at, kind, bytes) in edits {
                let i = at.index(doc.len() + 1);
                let b = bytes.first().copied().unwrap_or(b'"');
                match kind {
                    0 if i < doc.len() => doc[i] = b,
                    1 => doc.insert(i, b),
                    _ if i < doc.len() => {
                        doc.remove(i);
                    }
                    _ => {}
                }
            }
            doc
        })
    }

    /// A piece of a document: mostly `right`, sometimes `wrong` (regexes).
    fn piece(right: &'static str, wrong: &'static str) -> BoxedStrategy<String> {
        prop_oneof![12 => right, 1 => wrong].boxed()
    }

    /// Documents built by the grammar from small pieces, a few of them
    /// wrong: often valid, and otherwise wrong in only one or two places.
    fn noisy() -> impl Strategy<Value = Vec<u8>> {
        let number = r"-?(0|[1-9][0-9]{0,2})(\.[0-9]{1,2})?([eE][+-]?[0-9]{1,2})?";
        let wrong_number = r"-?0[0-9]|-?(0|[1-9])?(\.[0-9])?[.eE+-]{1,2}[0-9]?";
        let string = r#""([a é/]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4}){0,3}""#;
        let wrong_string = r#""a?(\x01|\x1f|\\x|\\u[0-9]{0,3}) ?"|"a?"#;
        let leaf = prop_oneof![
            piece(number, wrong_number),
            piece(string, wrong_string),
            piece("true|false|null", "tru|fals|nul|nulll|truE|nan"),
        ];
        let ws = || piece("[ \t\n\r]?", r"[\x0b\x0c\u{a0}]");
        let join = |open: String, items: Vec<(String, String)>, close: String| {
            let items = items.into_iter().enumerate();
            let body: String = items
                .map(|(i, (sep, item))| if i == 0 { item } else { sep + &item })
                .collect();
            open + &body + &close
        };
        let doc = leaf.prop_recursive(5, 32, 4, move |inner| {
            let sep = || piece(",", "(,,|:)?");
            let value = prop_oneof![12 => inner, 1 => Just(String::new())].boxed();
            let item = (sep(), ws(), value.clone()).prop_map(|(s, w, v)| (s, w + &v));
            let key = piece(string, "1|");
            let entry = (key, piece(":", ",?"), value).prop_map(|(k, c, v)| k + &c + &v);
            let entry = (sep(), prop_oneof![12 => entry, 1 => Just(String::new())]);
            prop_oneof![
                (piece(r"\[", r"\{"), vec(item, 0..4), piece(r"\]", r"\}?"))
                    .prop_map(move |(o, items, c)| join(o, items, c)),
                (piece(r"\{", r"\["), vec(entry, 0..4), piece(r"\}", r"\]?"))
                    .prop_map(move |(o, items, c)| join(o, items, c)),
            ]
        });
        (ws(), doc, piece("[ \n]?", r"[ ]?(1|\{\}|x)"))
            .prop_map(|(a, d, b)| (a + &d + &b).into_bytes())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn agrees_with_serde_json(input in jsonish()) {
            let serde = serde_accepts(&input);
            prop_assert_eq!(verdict(&input), serde);
        }

        #[test]
        fn agrees_with_serde_json_on_grammar_built_documents(input in noisy()) {
            let serde = serde_accepts(&input);
            prop_assert_eq!(verdict(&input), serde);
        }
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_near_valid_documents(
            input in near_valid(),
            cut in any::<prop::sample::Index>(),
        ) {
            let serde = serde_accepts(&input);
            let cut = cut.index(input.len() + 1);
            prop_assert_eq!(verdict_cut(&input, [cut]), serde);
        }

        #[test]
        fn serialized_values_pass(v in value(), cut in any::<prop::sample::Index>()) {
            for doc in [serde_json::to_vec(&v).unwrap(), serde_json::to_vec_pretty(&v).unwrap()] {
                let cut = cut.index(doc.len() + 1);
                prop_assert!(verdict_cut(&doc, [cut]));
            }
        }
    }
}
