//! The public, client-facing message of an error.

use alloc::borrow::Cow;
use core::cell::Cell;
use core::fmt;
use serde::{Serialize, Serializer};

/// The public message of an error value: either a static string, or the
/// `#[message("...{field}...")]` template formatted with the value's fields.
///
/// Neither case allocates: a static message is a `&'static str`, and an
/// interpolated one is written straight into the formatter or serializer that
/// renders it. Call [`to_string`](alloc::string::ToString::to_string) or
/// [`to_cow`](Self::to_cow) when an owned string is really needed.
#[derive(Clone, Copy)]
pub struct Message<'a> {
    repr: Repr<'a>,
}

#[derive(Clone, Copy)]
enum Repr<'a> {
    Static(&'static str),
    Formatted(&'a dyn PublicMessage),
    /// A text written by a `Display`: the stand-in errors of the tools, a
    /// derived error whose message is its `Display` text.
    Text(&'a dyn fmt::Display),
}

/// Writes an interpolated public message.
pub(crate) trait PublicMessage {
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl<'a> Message<'a> {
    /// A message that is the same for every value of the variant.
    pub const fn from_static(message: &'static str) -> Self {
        Message {
            repr: Repr::Static(message),
        }
    }

    /// A message written by `source` when read.
    pub(crate) fn from_source(source: &'a dyn PublicMessage) -> Self {
        Message {
            repr: Repr::Formatted(source),
        }
    }

    /// A message that is `text`, written when read.
    pub(crate) fn from_display(text: &'a dyn fmt::Display) -> Self {
        Message {
            repr: Repr::Text(text),
        }
    }

    /// The message when it has no interpolated field.
    pub const fn as_static(&self) -> Option<&'static str> {
        match self.repr {
            Repr::Static(message) => Some(message),
            Repr::Formatted(_) | Repr::Text(_) => None,
        }
    }

    /// The message, borrowed when static and formatted into a `String`
    /// otherwise. Never panics: if a field's `Display` fails, the text it
    /// wrote before failing (`to_string` would panic instead).
    pub fn to_cow(&self) -> Cow<'static, str> {
        match self.repr {
            Repr::Static(message) => Cow::Borrowed(message),
            Repr::Formatted(_) | Repr::Text(_) => {
                let mut text = String::new();
                let _ = fmt::write(&mut text, format_args!("{self}"));
                Cow::Owned(text)
            }
        }
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr {
            Repr::Static(message) => f.write_str(message),
            Repr::Formatted(source) => source.fmt_message(f),
            Repr::Text(text) => text.fmt(f),
        }
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.to_cow(), f)
    }
}

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.repr {
            Repr::Static(message) => serializer.serialize_str(message),
            // serde_json escapes `collect_str` output as it is written: no temporary String.
            Repr::Formatted(_) | Repr::Text(_) => collect_str(serializer, self),
        }
    }
}

/// `serializer.collect_str(value)` for a `Display` that may fail on its own
/// (a field's `Display` in a user's message): serde_json panics when a
/// `Display` fails while its writer did not, so that failure is caught here
/// and returned as the serializer's error.
pub(crate) fn collect_str<S, D>(serializer: S, value: &D) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    D: fmt::Display + ?Sized,
{
    let failed = Cell::new(false);
    let result = serializer.collect_str(&Guard {
        value,
        failed: &failed,
    });
    if failed.get() {
        return Err(serde::ser::Error::custom(
            "a Display implementation failed while writing the text",
        ));
    }
    result
}

/// Writes `value`, reporting a failure of its own in `failed` rather than as
/// a `fmt::Error` (which would then have no cause).
struct Guard<'a, D: ?Sized> {
    value: &'a D,
    failed: &'a Cell<bool>,
}

impl<D: fmt::Display + ?Sized> fmt::Display for Guard<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Forward {
            f,
            downstream: false,
        };
        match fmt::write(&mut out, format_args!("{}", self.value)) {
            Ok(()) => Ok(()),
            // The writer failed: serde_json has the cause.
            Err(error) if out.downstream => Err(error),
            Err(_) => {
                self.failed.set(true);
                Ok(())
            }
        }
    }
}

/// Passes text on to a formatter, noting whether the formatter failed.
struct Forward<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    downstream: bool,
}

impl fmt::Write for Forward<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.f.write_str(s).inspect_err(|_| self.downstream = true)
    }
}

impl PartialEq<str> for Message<'_> {
    fn eq(&self, other: &str) -> bool {
        match self.repr {
            Repr::Static(message) => message == other,
            Repr::Formatted(_) | Repr::Text(_) => {
                let mut rest = other;
                let mut matcher = Prefix(&mut rest);
                fmt::write(&mut matcher, format_args!("{self}")).is_ok() && rest.is_empty()
            }
        }
    }
}

impl PartialEq<&str> for Message<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// Consumes a string while the formatted text matches it, without allocating.
struct Prefix<'s, 'r>(&'r mut &'s str);

impl fmt::Write for Prefix<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.0.strip_prefix(s) {
            Some(rest) => {
                *self.0 = rest;
                Ok(())
            }
            None => Err(fmt::Error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Greeting(&'static str);

    impl fmt::Display for Greeting {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "hello {}", self.0)
        }
    }

    #[test]
    fn static_message_is_borrowed() {
        let message = Message::from_static("Not found");
        assert_eq!(message.as_static(), Some("Not found"));
        assert!(matches!(message.to_cow(), Cow::Borrowed("Not found")));
        assert_eq!(message, "Not found");
    }

    #[test]
    fn formatted_message_compares_without_allocating() {
        let source = Greeting("world");
        let message = Message::from_display(&source);
        assert_eq!(message.as_static(), None);
        assert_eq!(message, "hello world");
        assert!(message != "hello");
        assert!(message != "hello world!");
        assert_eq!(format!("{message:?}"), "\"hello world\"");
        assert_eq!(serde_json::to_string(&message).unwrap(), "\"hello world\"");
    }

    /// A `Display` that writes a little, then fails on its own.
    struct Broken;

    impl fmt::Display for Broken {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("half")?;
            Err(fmt::Error)
        }
    }

    #[test]
    fn failing_display_is_an_error_not_a_panic() {
        let message = Message::from_display(&Broken);
        let error = serde_json::to_string(&message).unwrap_err();
        assert!(error.to_string().contains("Display implementation failed"));
        let mut out = Vec::new();
        let html = &mut serde_json::Serializer::new(&mut out);
        assert!(Serialize::serialize(&message, html).is_err());
        // Neither does any other way to read it.
        assert_eq!(message.to_cow(), "half");
        assert_eq!(format!("{message:?}"), "\"half\"");
        assert!(message != "half");
    }
}
