//! Texts in JSON strings: whether bytes go into one as they are, checked a
//! word at a time. The byte writer checks every text it copies with it,
//! and a request context its request id and timestamp, once, when set.

/// Whether `bytes` go into a JSON string as they are (no control
/// character, `"` or `\\`), eight bytes at a time: the classic "has a byte
/// less than n" and "has a zero byte" word tricks, exact as booleans. A
/// `const fn`, so that contexts check their strings once, when set.
#[inline]
pub(crate) const fn plain_json(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const QUOTE: u64 = ONES * b'"' as u64;
    const BACKSLASH: u64 = ONES * b'\\' as u64;
    const fn escapes(w: u64) -> bool {
        let control = w.wrapping_sub(ONES * 0x20) & !w;
        let quote = (w ^ QUOTE).wrapping_sub(ONES) & !(w ^ QUOTE);
        let backslash = (w ^ BACKSLASH).wrapping_sub(ONES) & !(w ^ BACKSLASH);
        (control | quote | backslash) & HIGH != 0
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
}
