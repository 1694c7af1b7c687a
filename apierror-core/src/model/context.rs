//! The request context formats place in the body.

use crate::json_text::plain_json;

/// Per-request data that formats place where their shape puts it: the
/// request id, a timestamp, the instance URI (RFC 9457).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Context<'a> {
    pub(crate) request_id: Option<&'a str>,
    pub(crate) timestamp: Option<&'a str>,
    pub(crate) instance: Option<&'a str>,
    pub(crate) request_id_header: Option<&'a str>,
    pub(crate) accept_language: Option<&'a str>,
    /// The request id and the timestamp need no JSON escaping: checked
    /// once, when set, not at each render.
    pub(crate) request_id_plain: bool,
    pub(crate) timestamp_plain: bool,
    /// The request id is known to be visible ASCII (tabs and spaces
    /// allowed), so that a header can echo it: checked where it entered (the
    /// request-context layers). An id set with `with_request_id` is checked
    /// where a response echoes it, not at each render.
    pub(crate) request_id_checked: bool,
}

impl<'a> Context<'a> {
    /// The longest `Accept-Language` value the request layers read; a longer
    /// one is ignored (the type's own language answers).
    pub const MAX_ACCEPT_LANGUAGE: usize = 256;

    /// An empty context.
    #[inline]
    pub const fn new() -> Self {
        Context {
            request_id: None,
            timestamp: None,
            instance: None,
            request_id_header: None,
            accept_language: None,
            request_id_plain: true,
            timestamp_plain: true,
            request_id_checked: false,
        }
    }

    /// The id of the request, e.g. `"req_123456"`, without surrounding
    /// whitespace. An id that is empty, or longer than
    /// [`MAX_REQUEST_ID`](Self::MAX_REQUEST_ID) bytes, is left out: request
    /// ids often come from a client's header, and are echoed in the body and
    /// the `X-Request-Id` header (only an id of visible ASCII, spaces and
    /// tabs allowed, reaches the header).
    #[inline]
    pub const fn with_request_id(mut self, request_id: &'a str) -> Self {
        let id = request_id.trim_ascii();
        self.request_id = if id.is_empty() || id.len() > Self::MAX_REQUEST_ID {
            None
        } else {
            Some(id)
        };
        self.request_id_plain = plain_json(id.as_bytes());
        self.request_id_checked = false;
        self
    }

    /// A request id the request-context layer has checked where it entered
    /// (trimmed, 1 to [`MAX_REQUEST_ID`](Self::MAX_REQUEST_ID) bytes of
    /// visible ASCII), with whether it needs JSON escaping: kept without
    /// another look.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) const fn with_checked_request_id(mut self, id: &'a str, plain: bool) -> Self {
        self.request_id = Some(id);
        self.request_id_plain = plain;
        self.request_id_checked = true;
        self
    }

    /// The longest request id a context keeps, in bytes.
    pub const MAX_REQUEST_ID: usize = 256;

    /// When the error happened, already formatted (RFC 3339 is usual).
    #[inline]
    pub const fn with_timestamp(mut self, timestamp: &'a str) -> Self {
        self.timestamp = Some(timestamp);
        self.timestamp_plain = plain_json(timestamp.as_bytes());
        self
    }

    /// The URI of this occurrence of the problem (RFC 9457 `instance`).
    pub const fn with_instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// The response header the request id is echoed under: `X-Request-Id`
    /// unless set here (Stripe's `Request-Id`, say); `""` echoes it under
    /// none. A name that is no valid header name sends none.
    pub const fn with_request_id_header(mut self, name: &'a str) -> Self {
        self.request_id_header = Some(name);
        self
    }

    /// The header a response echoes the request id under unless
    /// [`with_request_id_header`](Self::with_request_id_header) names
    /// another: `X-Request-Id` (what [`request_id_header`](Self::request_id_header)
    /// answers for a context without one), as a header name.
    pub const REQUEST_ID_HEADER: http::HeaderName =
        http::HeaderName::from_static(crate::facts::DEFAULT_REQUEST_ID_HEADER);

    /// The header the request id is echoed under: see
    /// [`with_request_id_header`](Self::with_request_id_header).
    pub const fn request_id_header(&self) -> &'a str {
        match self.request_id_header {
            Some(name) => name,
            None => crate::facts::DEFAULT_REQUEST_ID_HEADER,
        }
    }

    /// The request id, if set.
    pub const fn request_id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// The timestamp, if set.
    pub const fn timestamp(&self) -> Option<&'a str> {
        self.timestamp
    }

    /// The instance URI, if set.
    pub const fn instance(&self) -> Option<&'a str> {
        self.instance
    }

    /// The request's `Accept-Language` header value: a type with
    /// translations answers in the language it prefers (see
    /// [`locale`](crate::locale)).
    pub const fn with_accept_language(mut self, accept_language: &'a str) -> Self {
        self.accept_language = Some(accept_language);
        self
    }

    /// The `Accept-Language` of the request, when set.
    pub const fn accept_language(&self) -> Option<&'a str> {
        self.accept_language
    }
}

/// Whether every byte is printable ASCII (0x20 to 0x7e, spaces but no tab):
/// what the request-context layers take as a client's request id.
#[cfg(any(feature = "axum", feature = "actix-web", test))]
pub(crate) const fn printable_ascii(bytes: &[u8]) -> bool {
    ascii_text(bytes, false)
}

/// Whether every byte is visible ASCII, a space or a tab: what a header
/// value can carry as it is (no obs-text, which clients read as Latin-1).
pub(crate) const fn visible_ascii(bytes: &[u8]) -> bool {
    ascii_text(bytes, true)
}

/// Whether every byte is 0x20 to 0x7e, or a tab when `tab`: eight bytes at
/// a time; a word with a control byte is looked at byte by byte when tabs
/// are allowed.
const fn ascii_text(bytes: &[u8], tab: bool) -> bool {
    use crate::json_text::{bytes_below, bytes_equal, bytes_high};
    const fn text_bytes(bytes: &[u8], tab: bool) -> bool {
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !((tab && b == b'\t') || (b >= 0x20 && b < 0x7f)) {
                return false;
            }
            i += 1;
        }
        true
    }
    let mut rest = bytes;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        let w = u64::from_le_bytes(*word);
        if bytes_high(w) | bytes_equal(w, 0x7f) != 0 {
            return false;
        }
        if bytes_below(w, 0x20) != 0 && !(tab && text_bytes(word, tab)) {
            return false;
        }
        rest = tail;
    }
    text_bytes(rest, tab)
}

#[cfg(test)]
mod tests {
    use super::{printable_ascii, visible_ascii};

    #[test]
    fn the_word_scan_agrees_with_the_byte_scan() {
        let naive = |bytes: &[u8]| {
            bytes
                .iter()
                .all(|&b| b == b'\t' || (0x20..0x7f).contains(&b))
        };
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..40 {
            for _ in 0..200 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        // Mostly visible bytes, sometimes a tab, a control
                        // byte, DEL, a high byte, a quote or a backslash.
                        match state % 18 {
                            0 => b'\t',
                            16 => b'"',
                            17 => b'\\',
                            1 => (state >> 8) as u8 % 0x20,
                            2 => 0x7f,
                            3 => 0x80 | (state >> 8) as u8,
                            _ => 0x20 + (state >> 8) as u8 % 0x5f,
                        }
                    })
                    .collect();
                assert_eq!(visible_ascii(&bytes), naive(&bytes), "{bytes:?}");
                let printable = bytes.iter().all(|b| (0x20..0x7f).contains(b));
                assert_eq!(printable_ascii(&bytes), printable, "{bytes:?}");
            }
        }
    }
}
