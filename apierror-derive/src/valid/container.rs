//! What the type says about all its variants: the format and its
//! settings, the code rules (pattern, range, naming rule, prefix, default
//! status), categories, retired codes, `doc_url` and `status_doc`.

use super::model::{BuiltIn, Category, Rules, ROWS};
use crate::base::ctxt::{closest, Ctxt};
use crate::grammar::code::{self, Pattern, Rule};
use crate::grammar::status;
use crate::parse::ast::Input;
use crate::parse::attr::{FormatAttr, RangeAttr};
use proc_macro2::Span;

/// What each setting of a built-in format is, for messages: the attribute
/// key, what it sets, and an example value.
const SETTINGS: &[(&str, &str, &str)] = &[
    (
        "type_url",
        "the RFC 9457 `type`",
        "https://docs.example.com/errors/{code}",
    ),
    ("domain", "the AIP-193 ErrorInfo domain", "api.example.com"),
];

/// The attribute of a setting key.
fn setting_attr<'a>(input: &'a Input, key: &str) -> Option<&'a syn::LitStr> {
    match key {
        "type_url" => input.attrs.type_url.as_ref(),
        "domain" => input.attrs.domain.as_ref(),
        _ => None,
    }
}

pub(super) fn format_of(cx: &Ctxt, input: &Input) -> BuiltIn {
    let (name, lit) = match &input.attrs.format {
        Some(FormatAttr::Name(lit)) => (Some(lit.value()), Some(lit)),
        Some(FormatAttr::Path(path)) => {
            for (key, _, _) in SETTINGS {
                if let Some(lit) = setting_attr(input, key) {
                    cx.error_at(
                        lit.span(),
                        format_args!("`{key}` configures a built-in format: your own format takes its settings in its own value"),
                    );
                }
            }
            return BuiltIn::Custom(path.clone());
        }
        None => (None, None),
    };
    let row = match name.as_deref() {
        None => Some(&ROWS[0]),
        Some(name) => ROWS.iter().find(|row| row.name == name),
    };
    let Some(row) = row else {
        let other = name.unwrap_or_default();
        let names: Vec<&str> = ROWS.iter().map(|row| row.name).collect();
        let hint = match closest(&other, names.iter().copied()) {
            Some(close) => format!("did you mean \"{close}\"?"),
            None => format!(
                "expected one of: {}, or the path of your own format without quotes (format = my::FORMAT)",
                names.join(", ")
            ),
        };
        if let Some(lit) = lit {
            cx.error_at(
                lit.span(),
                format_args!("unknown format \"{other}\"; {hint}"),
            );
        }
        return BuiltIn::standard();
    };
    // Each setting attribute needs the format that takes it; the one the
    // format takes, when required, must be there.
    let mut setting = None;
    for (key, what, example) in SETTINGS {
        let attr = setting_attr(input, key);
        let takes = row.setting.filter(|(k, _)| k == key);
        match (attr, takes) {
            (Some(lit), None) => {
                let owner = ROWS
                    .iter()
                    .find(|r| r.setting.is_some_and(|(k, _)| k == *key))
                    .map_or("", |r| r.name);
                cx.error_at(
                    lit.span(),
                    format_args!("`{key}` is {what}: it needs format = \"{owner}\""),
                );
            }
            (Some(lit), Some(_)) => {
                if let Err(why) = check_setting(key, &lit.value()) {
                    cx.error_at(lit.span(), why);
                }
                setting = Some(lit.value());
            }
            (None, Some((_, true))) => {
                if let Some(lit) = lit {
                    cx.error_at(
                        lit.span(),
                        format_args!(
                            "format = \"{}\" needs {what}: add `{key} = \"{example}\"`",
                            row.name
                        ),
                    );
                }
                return BuiltIn::standard();
            }
            (None, _) => {}
        }
    }
    BuiltIn::Named { row, setting }
}

/// Checks the value of a setting attribute.
fn check_setting(key: &str, value: &str) -> Result<(), String> {
    match key {
        "type_url" => type_url(value),
        "domain" if value.is_empty() => Err("`domain` cannot be empty: write the service's name, like \"pubsub.googleapis.com\"".to_owned()),
        "domain" if !value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b)) => Err(
            "`domain` is a service name like \"pubsub.googleapis.com\": ASCII letters, digits, `-`, `.` and `_` only".to_owned(),
        ),
        _ => Ok(()),
    }
}

/// Checks an RFC 9457 `type` URL template: an `http(s)` URL, a `urn:`, or a
/// relative reference, with `{code}` as its only placeholder and only
/// characters a URI may hold.
pub(super) fn type_url(template: &str) -> Result<(), String> {
    let url = template.replace("{code}", "CODE");
    if url.contains(['{', '}']) {
        return Err(
            "`type_url` must be a URL template: `{code}` is the only placeholder it takes"
                .to_owned(),
        );
    }
    url_attribute(&url).map_err(|problem| match problem {
        UrlProblem::Character(why) => format!("`type_url` must be a URL template: {why}"),
        UrlProblem::Scheme(scheme) => format!("`type_url` {}", scheme_rule(&scheme)),
    })
}

/// What is wrong with the URL of a URL attribute.
enum UrlProblem {
    /// A character no URI holds, and why.
    Character(String),
    /// A scheme other than `http`, `https` and `urn`.
    Scheme(String),
}

fn scheme_rule(scheme: &str) -> String {
    format!("must be an http(s) URL, a urn: or a relative reference, not a `{scheme}:` URL")
}

/// The one check of every attribute that takes a URL (`type_url`,
/// `doc_url`), on its text with the placeholders written out: only
/// characters a URI may hold, and an `http(s)` URL, a `urn:` or a relative
/// reference, never a `javascript:`, `data:`, `file:`... URL, which would
/// reach clients' links.
fn url_attribute(url: &str) -> Result<(), UrlProblem> {
    if let Some(bad) = url.chars().find(|c| !uri_char(*c)) {
        return Err(UrlProblem::Character(match bad {
            c if c.is_whitespace() => "a URL has no spaces".to_owned(),
            c => format!("{c:?} is not a URI character (percent-encode it)"),
        }));
    }
    // A scheme is what comes before the first `:`, if no `/`, `?` or `#` does.
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| !scheme.contains(['/', '?', '#']));
    match scheme.map(str::to_ascii_lowercase) {
        None => Ok(()),
        Some(scheme) if matches!(scheme.as_str(), "http" | "https" | "urn") => Ok(()),
        Some(other) => Err(UrlProblem::Scheme(other)),
    }
}

pub(super) fn container_rules(cx: &Ctxt, input: &Input) -> Rules {
    let attrs = &input.attrs;
    let pattern = attrs.pattern.as_ref().and_then(|lit| {
        Pattern::parse(&lit.value())
            .map_err(|message| cx.error_at(lit.span(), message))
            .ok()
    });
    // An empty range is reported once, and codes are not checked against it.
    let range = attrs.range.clone().filter(|range| {
        check_range(
            cx,
            range,
            attrs.pattern.is_some(),
            pattern.as_ref(),
            "`range`",
        )
    });
    let rule = attrs.rule.as_ref().and_then(|lit| {
        let rule = Rule::parse(&lit.value());
        if rule.is_none() {
            let hint = match closest(&lit.value(), code::RULES.iter().copied()) {
                Some(close) => format!("did you mean \"{close}\"?"),
                None => format!("expected one of: {}", code::RULES.join(", ")),
            };
            cx.error_at(
                lit.span(),
                format_args!("unknown naming rule \"{}\"; {hint}", lit.value()),
            );
        }
        rule
    });
    if let Some(prefix) = &attrs.prefix {
        if attrs.rule.is_none() {
            cx.error_at(
                prefix.span(),
                "`prefix` applies to codes derived from variant names: add a naming rule such as `code = \"SCREAMING_SNAKE_CASE\"`",
            );
        } else if let Err(message) = code::check_chars(&prefix.value()) {
            cx.error_at(prefix.span(), message);
        }
    }
    Rules {
        pattern,
        range,
        rule,
        rule_written: attrs.rule.is_some(),
        prefix: attrs
            .prefix
            .as_ref()
            .map(syn::LitStr::value)
            .unwrap_or_default(),
        status: attrs.status.as_ref().and_then(|s| status::resolve(cx, s)),
        status_written: attrs.status.is_some(),
        unreadable: attrs.unreadable,
    }
}

/// Reports what is wrong with a range; whether codes can be checked against it.
fn check_range(
    cx: &Ctxt,
    range: &RangeAttr,
    has_pattern: bool,
    pattern: Option<&Pattern>,
    what: &str,
) -> bool {
    if !has_pattern {
        cx.error_spanned_by(
            &range.tokens,
            format_args!(
                "{what} numbers codes by their `#` digits: add a `pattern` such as \"ERR-####\""
            ),
        );
    }
    if range.lo > range.hi {
        cx.error_spanned_by(
            &range.tokens,
            format_args!("{what} {}..={} is empty", range.lo, range.hi),
        );
        return false;
    }
    if let Some(pattern) = pattern {
        if range.hi > pattern.max() {
            cx.error_spanned_by(
                &range.tokens,
                format_args!(
                    "{what} ends at {} but the pattern's digits reach only {}",
                    range.hi,
                    pattern.max()
                ),
            );
        }
    }
    true
}

pub(super) fn categories(cx: &Ctxt, input: &Input, rules: &Rules) -> Vec<Category> {
    let mut out: Vec<Category> = Vec::new();
    for attr in &input.attrs.categories {
        let name = attr.name.value();
        if out.iter().any(|c| c.name == name) {
            cx.error_at(
                attr.name.span(),
                format_args!("duplicate category `{name}`"),
            );
            continue;
        }
        if let Some(range) = &attr.range {
            let what = format!("category `{name}` range");
            check_range(
                cx,
                range,
                input.attrs.pattern.is_some(),
                rules.pattern.as_ref(),
                &what,
            );
            if let Some(outer) = &rules.range {
                if range.lo < outer.lo || range.hi > outer.hi {
                    cx.error_spanned_by(
                        &range.tokens,
                        format_args!(
                            "category `{name}` range {}..={} lies outside the type's range {}..={}",
                            range.lo, range.hi, outer.lo, outer.hi
                        ),
                    );
                }
            }
            for other in &out {
                if let Some((lo, hi)) = other.range {
                    if range.lo <= hi && lo <= range.hi {
                        cx.error_spanned_by(
                            &range.tokens,
                            format_args!(
                                "category `{name}` range {}..={} overlaps category `{}` ({lo}..={hi})",
                                range.lo, range.hi, other.name
                            ),
                        );
                    }
                }
            }
        }
        if let Some(prefix) = &attr.prefix {
            if let Err(message) = code::check_chars(&prefix.value()) {
                cx.error_at(prefix.span(), message);
            }
        }
        out.push(Category {
            name,
            title: attr.title.as_ref().map(syn::LitStr::value),
            range: attr.range.as_ref().map(|r| (r.lo, r.hi)),
            prefix: attr.prefix.as_ref().map(syn::LitStr::value),
        });
    }
    out
}

/// A character a URI may hold (RFC 3986 unreserved, reserved, `%`).
fn uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

use crate::base::facts::DOC_URL_TRANSFORMS as TRANSFORMS;

/// A `doc_url` template: every `{` opens `{code}` or `{code:<transform>}`,
/// as `apierror::doc::DocUrl` writes it.
pub(super) fn doc_url(template: &str) -> Result<(), String> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err("a `{` is never closed: write `{code}`".to_owned());
        };
        let inner = &after[..close];
        let known = match inner.strip_prefix("code") {
            Some("") => true,
            Some(transform) => transform
                .strip_prefix(':')
                .is_some_and(|t| TRANSFORMS.contains(&t)),
            None => false,
        };
        if !known {
            return Err(format!(
                "unknown placeholder `{{{inner}}}`: write `{{code}}`, or `{{code:<transform>}}` with one of {}",
                TRANSFORMS.join(", ")
            ));
        }
        rest = &after[close + 1..];
    }
    if !template.contains("{code") {
        return Err("the template has no `{code}`: every code would get the same URL".to_owned());
    }
    // The placeholders written out, as a code would fill them.
    let mut url = String::new();
    let mut inside = false;
    for c in template.chars() {
        match c {
            '{' => {
                inside = true;
                url.push_str("CODE");
            }
            '}' => inside = false,
            c if !inside => url.push(c),
            _ => {}
        }
    }
    url_attribute(&url).map_err(|problem| match problem {
        UrlProblem::Character(why) => why,
        UrlProblem::Scheme(scheme) => format!("it {}", scheme_rule(&scheme)),
    })
}

/// `status_doc(...)`: statuses of 100..=599, each documented once.
pub(super) fn status_docs(cx: &Ctxt, input: &Input) -> Vec<(u16, String, Option<String>)> {
    let mut out: Vec<(u16, String, Option<String>)> = Vec::new();
    for attr in &input.attrs.status_docs {
        let status = match attr.status.base10_parse::<u16>() {
            Ok(status) if (100..=599).contains(&status) => status,
            _ => {
                cx.error_at(
                    attr.status.span(),
                    "`status_doc` documents an HTTP status: a number from 100 to 599",
                );
                continue;
            }
        };
        if out.iter().any(|(s, ..)| *s == status) {
            cx.error_at(
                attr.status.span(),
                format_args!("status {status} is documented twice"),
            );
            continue;
        }
        out.push((
            status,
            attr.description.value(),
            attr.troubleshooting.as_ref().map(syn::LitStr::value),
        ));
    }
    out
}

pub(super) fn retired(cx: &Ctxt, input: &Input, rules: &Rules) -> Vec<(String, Span)> {
    let mut out: Vec<(String, Span)> = Vec::new();
    for lit in input.attrs.retired.iter().flatten() {
        let code = lit.value();
        let problem = code::check_chars(&code).err().or_else(|| {
            let pattern = rules.pattern.as_ref()?;
            pattern
                .number(&code)
                .err()
                .map(|why| format!("retired {why}"))
        });
        if let Some(problem) = problem {
            cx.error_at(lit.span(), problem);
        } else if out.iter().any(|(c, _)| *c == code) {
            cx.error_at(
                lit.span(),
                format_args!("`{code}` is listed as retired twice"),
            );
        } else {
            out.push((code, lit.span()));
        }
    }
    out
}
