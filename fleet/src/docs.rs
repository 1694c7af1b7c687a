//! `docs`: one Markdown reference for the whole fleet.

use crate::catalog::{Fleet, Ownership};

pub fn markdown(fleet: &Fleet, title: &str) -> String {
    let codes: usize = fleet.services.iter().map(|s| s.codes.len()).sum();
    let mut out = format!("# {title}\n\n");
    out.push_str(&format!(
        "{} services, {codes} codes; codes are unique per {}.\n\n",
        fleet.services.len(),
        match fleet.ownership {
            Ownership::Service => "service",
            Ownership::Domain => "domain",
        }
    ));
    out.push_str(
        "## Services\n\n| service | type | domain | format | codes |\n|---|---|---|---|---|\n",
    );
    for service in &fleet.services {
        out.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} |\n",
            cell(&service.name),
            anchor(&["service", &service.name]),
            cell(&service.type_name),
            cell(&service.domain),
            service.format.as_deref().unwrap_or("-"),
            service.codes.len()
        ));
    }
    out.push_str("\n## Codes\n\n| code | service | status | message |\n|---|---|---|---|\n");
    let mut index: Vec<(&str, &str, u16, &str)> = fleet
        .services
        .iter()
        .flat_map(|s| {
            s.codes.iter().map(move |c| {
                (
                    c.code.as_str(),
                    s.name.as_str(),
                    c.status,
                    c.message.as_str(),
                )
            })
        })
        .collect();
    index.sort();
    for (code, service, status, message) in index {
        out.push_str(&format!(
            "| [`{code}`](#{}) | [{}](#{}) | {status} | {} |\n",
            anchor(&[service, code]),
            cell(service),
            anchor(&["service", service]),
            cell(message)
        ));
    }
    for service in &fleet.services {
        out.push_str(&format!(
            "\n<a id=\"{}\"></a>\n\n## {}\n\n",
            anchor(&["service", &service.name]),
            service.name
        ));
        out.push_str(&format!("`{}`", service.type_name));
        if let Some(format) = &service.format {
            out.push_str(&format!(", {format} format"));
        }
        if let Some((lo, hi)) = service.range {
            out.push_str(&format!(", codes {lo}-{hi}"));
        }
        out.push_str(&format!(", domain {}.\n\n", service.domain));
        if !service.description.is_empty() {
            out.push_str(&service.description);
            out.push_str("\n\n");
        }
        if !service.retired.is_empty() {
            out.push_str(&format!(
                "Retired codes, never reused: {}.\n\n",
                service
                    .retired
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        for code in &service.codes {
            out.push_str(&format!(
                "<a id=\"{}\"></a>\n\n### {}\n\n",
                anchor(&[&service.name, &code.code]),
                code.code
            ));
            out.push_str(&format!("- **HTTP status**: {}\n", code.status));
            if let Some(grpc) = &code.grpc {
                out.push_str(&format!("- **gRPC code**: `{grpc}`\n"));
            }
            out.push_str(&format!(
                "- **Message**: `{}`\n",
                code.message.replace('`', "'")
            ));
            out.push('\n');
            if !code.description.is_empty() {
                out.push_str(&code.description);
                out.push_str("\n\n");
            }
            if !code.fields.is_empty() {
                out.push_str("| details field | JSON type | always sent | description |\n|---|---|---|---|\n");
                for field in &code.fields {
                    out.push_str(&format!(
                        "| `{}` | {}{} | {} | {} |\n",
                        field.name,
                        field.json,
                        if field.nullable { " or null" } else { "" },
                        if field.required { "yes" } else { "no" },
                        cell(&field.description)
                    ));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// A Markdown table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// An HTML id from parts: lowercase letters, digits and `-`.
pub fn anchor(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() {
            out.push('-');
        }
        for c in part.chars() {
            out.push(if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            });
        }
    }
    out
}
