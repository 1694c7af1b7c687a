//! The grammar of error codes: patterns with `#` digits, naming rules, and
//! the characters a code may use.

use heck::{
    ToKebabCase, ToLowerCamelCase, ToShoutyKebabCase, ToShoutySnakeCase, ToSnakeCase,
    ToUpperCamelCase,
};

/// A code pattern such as `ERR-02-###`: literal text, `#` for one digit.
#[derive(Debug)]
pub struct Pattern {
    text: String,
    segments: Vec<Segment>,
    digits: usize,
}

#[derive(Debug)]
enum Segment {
    Text(String),
    Digits(usize),
}

impl Pattern {
    pub fn parse(text: &str) -> Result<Self, String> {
        let digits = text.chars().filter(|&c| c == '#').count();
        if digits == 0 {
            return Err(format!(
                "pattern `{text}` has no `#`: write one `#` per digit, e.g. \"ERR-01-###\""
            ));
        }
        if digits > 18 {
            return Err(format!("pattern `{text}` has more than 18 `#` digits"));
        }
        if let Some(bad) = text.chars().find(|&c| c != '#' && !is_code_char(c)) {
            return Err(format!(
                "pattern `{text}` contains {bad:?}; only ASCII letters, digits and `_-.:/` are allowed"
            ));
        }
        let mut segments: Vec<Segment> = Vec::new();
        for c in text.chars() {
            match (c, segments.last_mut()) {
                ('#', Some(Segment::Digits(n))) => *n += 1,
                ('#', _) => segments.push(Segment::Digits(1)),
                (c, Some(Segment::Text(t))) => t.push(c),
                (c, _) => segments.push(Segment::Text(c.to_string())),
            }
        }
        Ok(Pattern {
            text: text.to_owned(),
            segments,
            digits,
        })
    }

    /// The number formed by the `#` digits of `code`, or why it does not match.
    pub fn number(&self, code: &str) -> Result<u64, String> {
        let mismatch = |why: String| {
            format!(
                "code `{code}` does not match the pattern `{}`: {why}",
                self.text
            )
        };
        let mut rest = code;
        let mut number = 0u64;
        let mut segments = self.segments.iter().peekable();
        while let Some(segment) = segments.next() {
            let matched = &code[..code.len() - rest.len()];
            let after = if matched.is_empty() {
                "at the start".to_owned()
            } else {
                format!("after `{matched}`")
            };
            match segment {
                Segment::Text(text) => match rest.strip_prefix(text.as_str()) {
                    Some(tail) => rest = tail,
                    None => {
                        let found: String = rest.chars().take(text.chars().count()).collect();
                        return Err(mismatch(format!(
                            "expected `{text}` {after}, found `{found}`"
                        )));
                    }
                },
                Segment::Digits(count) => {
                    // Exactly `count` digits, whatever follows: `E##A` holds `E12A`.
                    let digits = rest
                        .bytes()
                        .take(*count)
                        .take_while(u8::is_ascii_digit)
                        .count();
                    // More digits than the pattern has, with no literal digit after
                    // them in the pattern, reads better as one wrong number.
                    let next_is_digit = segments.peek().is_some_and(|next| match next {
                        Segment::Text(text) => text.starts_with(|c: char| c.is_ascii_digit()),
                        Segment::Digits(_) => true,
                    });
                    let run = rest.bytes().take_while(u8::is_ascii_digit).count();
                    if digits != *count || (run > *count && !next_is_digit) {
                        let slot: String = rest
                            .chars()
                            .take_while(char::is_ascii_alphanumeric)
                            .take(run.max(*count))
                            .collect();
                        let plural = if *count == 1 { "" } else { "s" };
                        return Err(mismatch(format!(
                            "expected {count} digit{plural} {after}, found `{slot}`"
                        )));
                    }
                    for digit in rest[..*count].bytes() {
                        number = number * 10 + u64::from(digit - b'0');
                    }
                    rest = &rest[*count..];
                }
            }
        }
        if rest.is_empty() {
            Ok(number)
        } else {
            let matched = &code[..code.len() - rest.len()];
            Err(mismatch(format!("unexpected `{rest}` after `{matched}`")))
        }
    }

    /// The largest number the pattern can hold.
    pub fn max(&self) -> u64 {
        10u64.pow(self.digits as u32) - 1
    }
}

/// A container rule that derives codes from variant names.
#[derive(Clone, Copy)]
pub enum Rule {
    ScreamingSnake,
    Snake,
    Kebab,
    ScreamingKebab,
    /// Kubernetes-style reasons: `NotFound`.
    Pascal,
    /// `notFound`.
    Camel,
}

pub const RULES: &[&str] = &[
    "SCREAMING_SNAKE_CASE",
    "snake_case",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
    "PascalCase",
    "camelCase",
];

impl Rule {
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "SCREAMING_SNAKE_CASE" => Rule::ScreamingSnake,
            "snake_case" => Rule::Snake,
            "kebab-case" => Rule::Kebab,
            "SCREAMING-KEBAB-CASE" => Rule::ScreamingKebab,
            "PascalCase" => Rule::Pascal,
            "camelCase" => Rule::Camel,
            _ => return None,
        })
    }

    pub fn apply(self, prefix: &str, variant: &str) -> String {
        let name = match self {
            Rule::ScreamingSnake => variant.to_shouty_snake_case(),
            Rule::Snake => variant.to_snake_case(),
            Rule::Kebab => variant.to_kebab_case(),
            Rule::ScreamingKebab => variant.to_shouty_kebab_case(),
            Rule::Pascal => variant.to_upper_camel_case(),
            Rule::Camel => variant.to_lower_camel_case(),
        };
        format!("{prefix}{name}")
    }
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/')
}

/// Codes go into JSON, headers, URLs and docs unescaped: keep them plain.
pub fn check_chars(code: &str) -> Result<(), String> {
    if code.is_empty() {
        return Err("an error code cannot be empty".to_owned());
    }
    if code.len() > 128 {
        return Err(format!("error code `{code}` is longer than 128 characters"));
    }
    match code.chars().find(|&c| !is_code_char(c)) {
        Some(bad) => Err(format!(
            "error code `{}` contains {bad:?}; only ASCII letters, digits and `_-.:/` are allowed",
            code.escape_debug()
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_numbers() {
        let pattern = Pattern::parse("ERR-02-###").unwrap();
        assert_eq!(pattern.number("ERR-02-003"), Ok(3));
        assert_eq!(pattern.max(), 999);
        assert_eq!(
            pattern.number("ERR-03-003").unwrap_err(),
            "code `ERR-03-003` does not match the pattern `ERR-02-###`: expected `ERR-02-` at the start, found `ERR-03-`"
        );
        assert!(pattern
            .number("ERR-02-0003")
            .unwrap_err()
            .ends_with("expected 3 digits after `ERR-02-`, found `0003`"));
        assert!(pattern
            .number("ERR-02-00x")
            .unwrap_err()
            .ends_with("expected 3 digits after `ERR-02-`, found `00x`"));
        assert!(pattern
            .number("ERR-02-001-b")
            .unwrap_err()
            .ends_with("unexpected `-b` after `ERR-02-001`"));
        let middle = Pattern::parse("E##-X").unwrap();
        assert_eq!(middle.number("E42-X"), Ok(42));
        assert!(middle
            .number("E4-X")
            .unwrap_err()
            .ends_with("expected 2 digits after `E`, found `4`"));
        // A letter right after the digits.
        let letter = Pattern::parse("E##A").unwrap();
        assert_eq!(letter.number("E12A"), Ok(12));
        assert!(letter
            .number("E1AA")
            .unwrap_err()
            .ends_with("expected 2 digits after `E`, found `1A`"));
        assert!(letter
            .number("E123A")
            .unwrap_err()
            .ends_with("expected 2 digits after `E`, found `123`"));
        assert!(letter.number("E12B").unwrap_err().contains("expected `A`"));
        let suffix = Pattern::parse("V#x#").unwrap();
        assert_eq!(suffix.number("V1x2"), Ok(12));
        // A literal digit after the `#` digits.
        let digit = Pattern::parse("E##5").unwrap();
        assert_eq!(digit.number("E125"), Ok(12));
        let choreo = Pattern::parse("CHOREO-####").unwrap();
        assert_eq!(choreo.number("CHOREO-1001"), Ok(1001));
    }

    #[test]
    fn bad_patterns() {
        assert!(Pattern::parse("ERR-01").unwrap_err().contains("no `#`"));
        assert!(Pattern::parse("ERR 01 #").unwrap_err().contains("' '"));
    }

    #[test]
    fn rules() {
        let rule = Rule::parse("SCREAMING_SNAKE_CASE").unwrap();
        assert_eq!(rule.apply("AUTH_", "TokenExpired"), "AUTH_TOKEN_EXPIRED");
        assert_eq!(rule.apply("", "HTTPError"), "HTTP_ERROR");
        assert_eq!(
            Rule::parse("kebab-case").unwrap().apply("", "NotFound"),
            "not-found"
        );
        assert_eq!(
            Rule::parse("PascalCase").unwrap().apply("", "NotFound"),
            "NotFound"
        );
        assert_eq!(
            Rule::parse("camelCase").unwrap().apply("", "NotFound"),
            "notFound"
        );
        assert!(Rule::parse("Pascal").is_none());
    }

    #[test]
    fn code_chars() {
        assert!(check_chars("ERR-01-001").is_ok());
        assert!(check_chars("").is_err());
        assert!(check_chars("A B").unwrap_err().contains("' '"));
        assert!(check_chars("A\"B").is_err());
    }
}
