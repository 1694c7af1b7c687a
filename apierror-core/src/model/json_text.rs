//! Texts in JSON strings: whether bytes go into one as they are, checked a
//! word at a time. The byte writer checks every text it copies with it,
//! and a request context its request id and timestamp, once, when set.
//! Also the word tricks themselves, which the other scans of the model
//! (request ids, URL templates, message templates) use.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` equal to `byte`: exact as a boolean,
/// and the lowest flagged byte is the first equal one (a borrow only flags
/// bytes above an equal one).
#[inline]
pub(crate) const fn bytes_equal(w: u64, byte: u8) -> u64 {
    let x = w ^ (ONES * byte as u64);
    x.wrapping_sub(ONES) & !x & HIGH
}

/// The high bit of each byte of `w` below `n` (at most 0x80), exact as a
/// boolean: the "has a byte less than n" trick.
#[inline]
pub(crate) const fn bytes_below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * n as u64) & !w & HIGH
}

/// The high bit of each byte of `w` of 0x80 or more.
#[inline]
pub(crate) const fn bytes_high(w: u64) -> u64 {
    w & HIGH
}

/// The index of the first `byte` at or after `from`, else the length:
/// eight bytes at a time.
#[inline]
pub(crate) fn find_byte(bytes: &[u8], from: usize, byte: u8) -> usize {
    let mut at = from;
    while let Some(word) = bytes.get(at..at + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let equal = bytes_equal(u64::from_le_bytes(eight), byte);
        if equal != 0 {
            return at + (equal.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && bytes[at] != byte {
        at += 1;
    }
    at
}

/// Whether `bytes` go into a JSON string as they are (no control
/// character, `"` or `\\`), eight bytes at a time: the classic "has a byte
/// less than n" and "has a zero byte" word tricks, exact as booleans. A
/// `const fn`, so that contexts check their strings once, when set.
#[inline]
pub(crate) const fn plain_json(bytes: &[u8]) -> bool {
    const fn escapes(w: u64) -> bool {
        bytes_below(w, 0x20) | bytes_equal(w, b'"') | bytes_equal(w, b'\\') != 0
    }
    let mut rest = bytes;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        if escapes(u64::from_le_bytes(*word)) {
            return false;
        }
        rest = tail;
    }
    if rest.is_empty() {
        return true;
    }
    // The last bytes: as the last eight of the string (overlapping the
    // previous word), or one by one in a string shorter than a word.
    if let Some(word) = bytes.last_chunk::<8>() {
        return !escapes(u64::from_le_bytes(*word));
    }
    while let [b, tail @ ..] = rest {
        if *b < 0x20 || *b == b'"' || *b == b'\\' {
            return false;
        }
        rest = tail;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::plain_json;

    /// The byte-by-byte reading; on text, the derive's (the shared
    /// `facts::json_plain`, which computes the plain-text flags of
    /// generated descriptors) must say the same.
    fn naive(bytes: &[u8]) -> bool {
        let plain = bytes.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\');
        if let Ok(text) = core::str::from_utf8(bytes) {
            assert_eq!(crate::facts::json_plain(text), plain, "{text:?}");
        }
        plain
    }

    #[test]
    fn the_word_scan_agrees_with_the_byte_scan() {
        // Every byte value at every position of buffers of every length up
        // to 24, around plain and non-ASCII neighbours.
        for len in 0..=24usize {
            for at in 0..len {
                for value in 0..=255u8 {
                    for fill in [b'a', 0xC3, 0x7f, b' '] {
                        let mut bytes = vec![fill; len];
                        bytes[at] = value;
                        assert_eq!(plain_json(&bytes), naive(&bytes), "{bytes:?}");
                    }
                }
            }
        }
        // Pseudo-random buffers.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|i| (state.rotate_left(i as u32 * 5) as u8) | 0x18)
                .collect();
            assert_eq!(plain_json(&bytes), naive(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn the_word_search_finds_what_the_byte_search_finds() {
        let texts = [
            "",
            "{",
            "no brace at all, longer than one word",
            "Node {node} does not have {requested} free vCPUs",
            "0123456{",
            "01234567{",
            "012345678901234{x}",
            "é{ü}",
            "{{{",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for byte in [b'{', b'}'] {
                for from in 0..=bytes.len() {
                    let naive = bytes[from..]
                        .iter()
                        .position(|b| *b == byte)
                        .map_or(bytes.len(), |i| from + i);
                    assert_eq!(
                        super::find_byte(bytes, from, byte),
                        naive,
                        "{text:?} from {from}"
                    );
                }
            }
        }
    }
}
