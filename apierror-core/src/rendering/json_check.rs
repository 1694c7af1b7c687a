//! A guard that a custom [`Format`](crate::format::Format), or a details
//! field's own `Serialize`, writes valid and unambiguous JSON.
//!
//! A format drives serde_json's `Serializer` itself and can misuse it: a map
//! whose key is never given a value, for instance, comes out as `{"code"}`;
//! a type's `Serialize` can write one key twice (`{"k":1,"k":2}`), which
//! JSON parsers read differently (first wins, last wins, or an error, as
//! this crate's own decoder does). [`Checked`] sits between the serializer
//! and the output, follows the JSON grammar (RFC 8259) byte by byte as the
//! bytes go through, and refuses the first write that cannot belong to one
//! JSON value whose objects have unique keys, before it reaches the output.
//! It keeps no buffer: its state is a few words, the nesting being a stack
//! of bits, and the keys of the open objects are kept as keyed hashes of
//! their decoded text (inline for the first 16, allocated beyond).
//! [`Lazy`] does the same for one details value, and costs one branch per
//! write when the value is no object or array.

use std::hash::{BuildHasher, DefaultHasher, Hasher, RandomState};
use std::io;
use std::sync::OnceLock;

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

/// The keys of the open objects, as keyed hashes of their decoded text
/// (escapes and surrogate pairs resolved, so that `"A"` and `"\u0041"` are
/// one key), innermost last, each with the depth of its object.
#[derive(Debug)]
pub(crate) struct Keys {
    inline: [(u32, u64); INLINE_KEYS],
    spill: Vec<(u32, u64)>,
    len: usize,
    /// The key being read: its hash so far, a `\u` escape's value so far,
    /// and a high surrogate waiting for its low half.
    hasher: Option<DefaultHasher>,
    hex: u16,
    high: Option<u16>,
}

/// How many keys of the open objects are kept without allocating.
const INLINE_KEYS: usize = 16;

/// One seed per process: keys hash alike within it, and no one can build
/// keys that collide without knowing it.
fn seed() -> &'static RandomState {
    static SEED: OnceLock<RandomState> = OnceLock::new();
    SEED.get_or_init(RandomState::new)
}

impl Keys {
    pub(crate) const EMPTY: Keys = Keys {
        inline: [(0, 0); INLINE_KEYS],
        spill: Vec::new(),
        len: 0,
        hasher: None,
        hex: 0,
        high: None,
    };

    fn get(&self, i: usize) -> (u32, u64) {
        match self.inline.get(i) {
            Some(entry) => *entry,
            None => self.spill[i - INLINE_KEYS],
        }
    }

    /// A key opens.
    pub(crate) fn start(&mut self) {
        self.hasher = Some(seed().build_hasher());
        self.high = None;
    }

    /// One byte inside a key, in the grammar state before it.
    fn byte(&mut self, before: State, b: u8) {
        match before {
            State::Str { .. } if b == b'\\' => {}
            State::Str { .. } => self.text(&[b]),
            State::Escape { .. } => {
                let decoded = match b {
                    b'u' => {
                        self.hex = 0;
                        return;
                    }
                    b'b' => 0x08,
                    b'f' => 0x0c,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    other => other,
                };
                self.text(&[decoded]);
            }
            State::Hex { left, .. } => {
                let digit = match b {
                    b'0'..=b'9' => b - b'0',
                    b'a'..=b'f' => b - b'a' + 10,
                    _ => b.wrapping_sub(b'A').wrapping_add(10),
                };
                self.hex = self.hex << 4 | u16::from(digit & 0xf);
                if left == 1 {
                    self.unit(self.hex);
                }
            }
            _ => {}
        }
    }

    /// A UTF-16 code unit from a `\u` escape.
    fn unit(&mut self, unit: u16) {
        match unit {
            0xd800..=0xdbff => {
                self.flush();
                self.high = Some(unit);
            }
            0xdc00..=0xdfff => match self.high.take() {
                Some(high) => {
                    let c =
                        0x10000 + ((u32::from(high) - 0xd800) << 10) + (u32::from(unit) - 0xdc00);
                    self.code_point(c);
                }
                None => self.code_point(u32::from(unit)),
            },
            _ => {
                self.flush();
                self.code_point(u32::from(unit));
            }
        }
    }

    /// Text of the key, as UTF-8 bytes (a lone surrogate as WTF-8 would
    /// write it: only another lone surrogate matches it).
    fn code_point(&mut self, c: u32) {
        let mut bytes = [0; 4];
        let len = match c {
            0..=0x7f => {
                bytes[0] = c as u8;
                1
            }
            0x80..=0x7ff => {
                bytes[0] = 0xc0 | (c >> 6) as u8;
                bytes[1] = 0x80 | (c & 0x3f) as u8;
                2
            }
            0x800..=0xffff => {
                bytes[0] = 0xe0 | (c >> 12) as u8;
                bytes[1] = 0x80 | ((c >> 6) & 0x3f) as u8;
                bytes[2] = 0x80 | (c & 0x3f) as u8;
                3
            }
            _ => {
                bytes[0] = 0xf0 | (c >> 18) as u8;
                bytes[1] = 0x80 | ((c >> 12) & 0x3f) as u8;
                bytes[2] = 0x80 | ((c >> 6) & 0x3f) as u8;
                bytes[3] = 0x80 | (c & 0x3f) as u8;
                4
            }
        };
        self.text(&bytes[..len]);
    }

    /// A high surrogate that no low one followed.
    fn flush(&mut self) {
        if let Some(high) = self.high.take() {
            self.code_point(u32::from(high));
        }
    }

    /// Decoded text of the key being read.
    pub(crate) fn text(&mut self, bytes: &[u8]) {
        if self.high.is_some() {
            self.flush();
        }
        if let Some(hasher) = &mut self.hasher {
            hasher.write(bytes);
        }
    }

    /// The key ends, in the object at `depth`: whether it is new there.
    pub(crate) fn end(&mut self, depth: usize) -> bool {
        self.flush();
        let hash = self.hasher.take().map_or(0, |h| h.finish());
        let depth = depth as u32;
        let mut i = self.len;
        while i > 0 {
            i -= 1;
            let (d, h) = self.get(i);
            if d != depth {
                break;
            }
            if h == hash {
                return false;
            }
        }
        if self.len < INLINE_KEYS {
            self.inline[self.len] = (depth, hash);
        } else {
            self.spill.push((depth, hash));
        }
        self.len += 1;
        true
    }

    /// The object at `depth` closes: its keys go.
    pub(crate) fn close(&mut self, depth: usize) {
        while self.len > 0 && self.get(self.len - 1).0 == depth as u32 {
            self.len -= 1;
            if self.len >= INLINE_KEYS {
                self.spill.pop();
            }
        }
    }
}

/// The grammar's whole state: where it stands, what encloses it, and the
/// keys of the open objects.
#[derive(Debug)]
pub(crate) struct Grammar {
    state: State,
    /// One bit per open bracket, set for an object, clear for an array.
    stack: [u64; MAX_DEPTH / 64],
    depth: usize,
    keys: Keys,
}

impl Grammar {
    const START: Grammar = Grammar {
        state: State::Value,
        stack: [0; MAX_DEPTH / 64],
        depth: 0,
        keys: Keys::EMPTY,
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
        if self.in_object() {
            self.keys.close(self.depth);
        }
        self.depth -= 1;
        State::After
    }

    /// Takes one byte, or says why it cannot come here.
    fn step(&mut self, b: u8) -> Result<(), &'static str> {
        let before = self.state;
        self.step_grammar(b)?;
        match (before, self.state) {
            // A key opens.
            (State::KeyOrEnd | State::Key, State::Str { key: true }) => self.keys.start(),
            // A key closes: it must be new in its object.
            (State::Str { key: true }, State::Colon) => {
                let new = self.keys.end(self.depth);
                new.then_some(())
                    .ok_or("a key is written twice in one object")?;
            }
            (
                State::Str { key: true }
                | State::Escape { key: true }
                | State::Hex { key: true, .. },
                _,
            ) => {
                self.keys.byte(before, b);
            }
            _ => {}
        }
        Ok(())
    }

    /// Takes one byte as the grammar sees it, keys aside.
    fn step_grammar(&mut self, b: u8) -> Result<(), &'static str> {
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
    /// Bytes the grammar has taken that the output has not (a short write):
    /// the start of the next write, which `write_all` sends again.
    ahead: usize,
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
            ahead: 0,
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
        // The grammar takes each byte once: the start of a write that sends
        // again what the output did not take is already in it.
        let taken = self.ahead.min(buf.len());
        for (i, &b) in buf.iter().enumerate().skip(taken) {
            if let Err(reason) = self.grammar.step(b) {
                let at = self.offset + i as u64;
                self.error = Some((at, reason));
                return Err(invalid(at, reason));
            }
        }
        self.ahead = buf.len();
        let n = self.inner.write(buf)?;
        self.ahead = buf.len() - n;
        self.offset += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// [`Checked`] for one details value written into a body that is valid by
/// construction: a value that is no object or array (a number, a string, a
/// boolean, `null`) goes through unchecked, serde_json writes those right;
/// an object or an array is checked as [`Checked`] checks a whole body, so
/// that a type's `Serialize` cannot write a key twice.
///
/// The grammar's state lives in the caller's `Option<Grammar>`, set only
/// when the value is an object or an array: a scalar costs a branch per
/// write, and nothing big is moved or initialized.
pub(crate) struct Lazy<'w, 'g, W> {
    inner: &'w mut W,
    grammar: &'g mut Option<Grammar>,
    mode: Mode,
}

/// The caller's slot for [`Lazy`]'s grammar: `Slot::default()`.
pub(crate) type Slot = Option<Grammar>;

#[derive(Clone, Copy)]
enum Mode {
    /// Nothing written yet.
    Start,
    /// A scalar: passed through.
    Scalar,
    /// An object or an array: checked, this many bytes so far.
    Checked(u64),
    /// Refused at byte `at`, for `reason`.
    Failed { at: u64, reason: &'static str },
}

impl<'w, 'g, W: io::Write> Lazy<'w, 'g, W> {
    #[inline]
    pub(crate) fn new(inner: &'w mut W, grammar: &'g mut Slot) -> Self {
        Lazy {
            inner,
            grammar,
            mode: Mode::Start,
        }
    }

    /// Ok when the value written is complete (a scalar always is).
    #[inline]
    pub(crate) fn finish(&self) -> io::Result<()> {
        match self.mode {
            Mode::Start | Mode::Scalar => Ok(()),
            Mode::Checked(offset) => match &*self.grammar {
                Some(grammar) if grammar.complete() => Ok(()),
                _ => Err(invalid(offset, "the JSON value is incomplete")),
            },
            Mode::Failed { at, reason } => Err(invalid(at, reason)),
        }
    }
}

impl<W: io::Write> Lazy<'_, '_, W> {
    /// Decides, at the value's first byte, whether it is checked.
    #[inline]
    fn start(&mut self, buf: &[u8]) {
        if let Mode::Start = self.mode {
            // serde_json's compact output starts a value with its first byte.
            self.mode = match buf.first() {
                Some(b'{' | b'[') => {
                    *self.grammar = Some(Grammar::START);
                    Mode::Checked(0)
                }
                Some(_) => Mode::Scalar,
                None => Mode::Start,
            };
        }
    }
}

impl<W: io::Write> io::Write for Lazy<'_, '_, W> {
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.start(buf);
        match self.mode {
            Mode::Scalar => self.inner.write_all(buf),
            _ => {
                let mut rest = buf;
                while !rest.is_empty() {
                    let n = self.write(rest)?;
                    if n == 0 {
                        return Err(io::ErrorKind::WriteZero.into());
                    }
                    rest = &rest[n..];
                }
                Ok(())
            }
        }
    }

    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.start(buf);
        match self.mode {
            Mode::Start | Mode::Scalar => self.inner.write(buf),
            Mode::Failed { at, reason } => Err(invalid(at, reason)),
            Mode::Checked(offset) => {
                let Some(grammar) = &mut *self.grammar else {
                    return Err(invalid(offset, "no grammar"));
                };
                // serde_json writes whole: a short write of the body's
                // output fails the render (write_all sees WriteZero) rather
                // than being resent through the grammar.
                for (i, &b) in buf.iter().enumerate() {
                    if let Err(reason) = grammar.step(b) {
                        let at = offset + i as u64;
                        self.mode = Mode::Failed { at, reason };
                        return Err(invalid(at, reason));
                    }
                }
                self.inner.write_all(buf)?;
                self.mode = Mode::Checked(offset + buf.len() as u64);
                Ok(buf.len())
            }
        }
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

    /// Whether serde_json reads `input` as one JSON value whose objects have
    /// unique keys; `None` when that cannot be told (a string with a lone
    /// surrogate escape, which serde_json reads but will not decode).
    fn serde_accepts(input: &[u8]) -> Option<bool> {
        if serde_json::from_slice::<serde::de::IgnoredAny>(input).is_err() {
            return Some(false);
        }
        match serde_json::from_slice::<Unique>(input) {
            Ok(Unique(unique)) => Some(unique),
            // Strings serde_json reads but will not decode (surrogates).
            Err(_) => None,
        }
    }

    /// Reads a JSON value and says whether all its objects' keys are unique.
    struct Unique(bool);

    impl<'de> serde::Deserialize<'de> for Unique {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Unique;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("JSON")
                }
                fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
                    Ok(Unique(true))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
                    Ok(Unique(true))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
                    Ok(Unique(true))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
                    Ok(Unique(true))
                }
                fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
                    Ok(Unique(true))
                }
                fn visit_unit<E>(self) -> Result<Unique, E> {
                    Ok(Unique(true))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Unique, A::Error> {
                    let mut unique = true;
                    while let Some(Unique(u)) = seq.next_element()? {
                        unique &= u;
                    }
                    Ok(Unique(unique))
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Unique, A::Error> {
                    let mut keys = std::collections::HashSet::new();
                    let mut unique = true;
                    while let Some((key, Unique(u))) = map.next_entry::<String, Unique>()? {
                        unique &= u && keys.insert(key);
                    }
                    Ok(Unique(unique))
                }
            }
            d.deserialize_any(Visit)
        }
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

    const DUPLICATES: &[&str] = &[
        r#"{"k":1,"k":2}"#,
        r#"{"a":{"k":1,"x":{},"k":2}}"#,
        r#"[{"k":1},{"k":1,"k":1}]"#,
        r#"{"A":1,"\u0041":2}"#,
        r#"{"\n":1,"\u000a":2}"#,
        r#"{"😀":1,"\ud83d\ude00":2}"#,
        r#"{"\ud83d":1,"\uD83D":2}"#,
        r#"{"/":1,"\/":2}"#,
    ];

    const UNIQUE: &[&str] = &[
        r#"{"k":1,"K":2}"#,
        r#"{"k":{"k":{"k":1}},"j":{"k":2}}"#,
        r#"[{"k":1},{"k":1}]"#,
        r#"{"a":{"k":1},"b":{"k":1},"k":[{"k":1}]}"#,
        r#"{"\ud83d":1,"\ude00":2,"😀":3}"#,
        r#"{"":1," ":2}"#,
    ];

    #[test]
    fn keys_written_twice_in_one_object_fail() {
        for doc in DUPLICATES {
            assert!(!verdict(doc.as_bytes()), "{doc}");
            assert_ne!(serde_accepts(doc.as_bytes()), Some(true), "{doc}");
            let err = check(doc.as_bytes(), &[]).unwrap_err();
            assert!(
                err.to_string()
                    .ends_with("a key is written twice in one object"),
                "{err}"
            );
        }
        for doc in UNIQUE {
            assert!(verdict(doc.as_bytes()), "{doc}");
        }
        // More keys than are kept inline: the rest spill, and still count.
        let many: Vec<String> = (0..100).map(|i| format!(r#""k{i}":{i}"#)).collect();
        let doc = format!("{{{},{{\"in\":1}}}}", many.join(","));
        assert!(!verdict(doc.as_bytes()), "a value where a key belongs");
        let doc = format!("{{{},\"k99\":0}}", many.join(","));
        assert!(!verdict(doc.as_bytes()));
        let doc = format!("{{{},\"k100\":{{\"k1\":1}}}}", many.join(","));
        assert!(verdict(doc.as_bytes()));
    }

    #[test]
    fn a_scalar_value_goes_through_lazy_unchecked_an_object_checked() {
        let (mut out, mut slot) = (Vec::new(), Slot::default());
        let mut lazy = Lazy::new(&mut out, &mut slot);
        lazy.write_all(b"\"not {json\"").unwrap();
        lazy.finish().unwrap();
        assert!(slot.is_none(), "a scalar needs no grammar");
        let (mut out, mut slot) = (Vec::new(), Slot::default());
        let mut lazy = Lazy::new(&mut out, &mut slot);
        lazy.write_all(br#"{"k":1,"#).unwrap();
        assert!(lazy.write_all(br#""k":2}"#).is_err());
        assert!(lazy.finish().is_err());
        assert_eq!(out, br#"{"k":1,"#);
        let (mut out, mut slot) = (Vec::new(), Slot::default());
        let mut lazy = Lazy::new(&mut out, &mut slot);
        lazy.write_all(br#"[{"k":1},{"k":1}]"#).unwrap();
        lazy.finish().unwrap();
    }

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
        for doc in VALID.iter().chain(INVALID).chain(DUPLICATES).chain(UNIQUE) {
            if let Some(serde) = serde_accepts(doc.as_bytes()) {
                assert_eq!(serde, verdict(doc.as_bytes()), "{doc}");
            }
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
            if let Some(serde) = serde_accepts(&input) {
                prop_assert_eq!(verdict(&input), serde);
            }
        }

        #[test]
        fn agrees_with_serde_json_on_grammar_built_documents(input in noisy()) {
            if let Some(serde) = serde_accepts(&input) {
                prop_assert_eq!(verdict(&input), serde);
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_near_valid_documents(
            input in near_valid(),
            cut in any::<prop::sample::Index>(),
        ) {
            if let Some(serde) = serde_accepts(&input) {
                let cut = cut.index(input.len() + 1);
                prop_assert_eq!(verdict_cut(&input, [cut]), serde);
            }
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
