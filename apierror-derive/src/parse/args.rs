//! Computed message arguments, as thiserror takes them:
//! `#[message("{} left", .limit - .used)]`, `#[message("{n} items", n = .items.len())]`.
//!
//! `.field` and `.0` name the variant's fields. They are rewritten here, at
//! parse time, into the bindings the generated `match` arm gives the fields
//! (`__field_limit`, `__field_0`); `valid::message` then finds which fields each
//! argument uses and holds them to the rules of placeholders (no internal
//! field, no `self`, no Debug formatting).

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token};

/// The prefix of the binding of a field in generated match arms.
pub const BINDING: &str = "__field_";

/// One argument after the message literal.
pub struct MessageArg {
    /// `n` of `n = expr`; `None` for a positional argument.
    pub name: Option<Ident>,
    /// The expression's tokens, `.field` rewritten to the field's binding
    /// (kept as tokens: rustc parses them in the generated `write!`).
    pub expr: TokenStream,
    /// Where the expression starts.
    pub span: Span,
}

/// `#[message("...", args...)]`.
pub fn parse_message(input: ParseStream) -> syn::Result<(LitStr, Vec<MessageArg>)> {
    let lit: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected a string literal: #[message(\"...{field}...\")]",
        )
    })?;
    let mut args = Vec::new();
    while !input.is_empty() {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let name = if input.peek(Ident) && input.peek2(Token![=]) && !input.peek2(Token![==]) {
            let name: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            Some(name)
        } else {
            None
        };
        // The argument's tokens, up to the next comma outside groups and
        // outside the angle brackets of a turbofish (`sum::<u32>()`).
        let mut tokens: Vec<TokenTree> = Vec::new();
        let mut angle = 0usize;
        while !input.is_empty() {
            if angle == 0 && input.peek(Token![,]) {
                break;
            }
            let tree: TokenTree = input.parse()?;
            if let TokenTree::Punct(p) = &tree {
                let turbofish = tokens.len() >= 2
                    && matches!(&tokens[tokens.len() - 2..], [TokenTree::Punct(a), TokenTree::Punct(b)] if a.as_char() == ':' && b.as_char() == ':');
                match p.as_char() {
                    '<' if turbofish || angle > 0 => angle += 1,
                    '>' if angle > 0 => angle -= 1,
                    _ => {}
                }
            }
            tokens.push(tree);
        }
        let Some(first) = tokens.first() else {
            return Err(input.error("expected an expression after the message"));
        };
        let span = first.span();
        let tokens: TokenStream = tokens.into_iter().collect();
        let expr = shorthand(tokens);
        args.push(MessageArg { name, expr, span });
    }
    Ok((lit, args))
}

/// Rewrites `.field` and `.0` where an expression starts (at the start, or
/// after an operator or an opening bracket) into the field's binding;
/// `.method()` after a value stays a method call.
fn shorthand(tokens: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(dot) if dot.as_char() == '.' && starts_operand(out.last()) => {
                match trees.peek() {
                    Some(TokenTree::Ident(ident)) => {
                        let name = ident.to_string();
                        let name = name.trim_start_matches("r#");
                        let binding = Ident::new(&format!("{BINDING}{name}"), ident.span());
                        trees.next();
                        out.push(TokenTree::Ident(binding));
                    }
                    Some(TokenTree::Literal(lit))
                        if lit.to_string().bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        let binding = Ident::new(&format!("{BINDING}{lit}"), lit.span());
                        trees.next();
                        out.push(TokenTree::Ident(binding));
                    }
                    _ => out.push(TokenTree::Punct(dot)),
                }
            }
            TokenTree::Group(group) => {
                let mut inner = Group::new(group.delimiter(), shorthand(group.stream()));
                inner.set_span(group.span());
                out.push(TokenTree::Group(inner));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Whether an operand may start after `previous`: at the start, after an
/// operator or a separator, not after a value (`x.len()`, `f().0`, `x?.y`).
fn starts_operand(previous: Option<&TokenTree>) -> bool {
    match previous {
        None => true,
        Some(TokenTree::Punct(p)) => !matches!(p.as_char(), '?' | '.'),
        // Keywords that precede an expression.
        Some(TokenTree::Ident(ident)) => matches!(
            ident.to_string().as_str(),
            "return" | "in" | "if" | "match" | "while" | "else"
        ),
        Some(TokenTree::Group(_) | TokenTree::Literal(_)) => false,
    }
}

/// Every binding of a field an expression uses, with its span: `limit` of
/// `__field_limit`, `0` of `__field_0`.
pub fn fields_used(expr: &TokenStream) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut stack = vec![expr.clone().into_iter()];
    while let Some(trees) = stack.last_mut() {
        match trees.next() {
            Some(TokenTree::Ident(ident)) => {
                if let Some(name) = ident.to_string().strip_prefix(BINDING) {
                    out.push((name.to_owned(), ident.span()));
                }
            }
            Some(TokenTree::Group(g)) => stack.push(g.stream().into_iter()),
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    out
}

/// Identifiers of the expression that are not after a `.` nor before a
/// `(`, `!` or `::`: what could be meant as a field's name.
pub fn bare_idents(expr: &TokenStream) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut stack = vec![(expr.clone().into_iter().peekable(), false)];
    while let Some((trees, after_dot)) = stack.last_mut() {
        let Some(tree) = trees.next() else {
            stack.pop();
            continue;
        };
        let dot = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '.');
        match tree {
            TokenTree::Ident(ident) if !*after_dot => {
                let call = matches!(trees.peek(), Some(TokenTree::Punct(p)) if matches!(p.as_char(), '!' | ':'))
                    || matches!(trees.peek(), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis);
                if !call && !ident.to_string().starts_with(BINDING) {
                    out.push((ident.to_string(), ident.span()));
                }
                *after_dot = false;
            }
            TokenTree::Group(g) => {
                *after_dot = false;
                stack.push((g.stream().into_iter().peekable(), false));
            }
            _ => *after_dot = dot,
        }
    }
    out
}

/// The span of a `self` in the expression: the whole error, which may hold
/// internal values.
pub fn uses_self(expr: &TokenStream) -> Option<Span> {
    let mut stack = vec![expr.clone().into_iter()];
    while let Some(trees) = stack.last_mut() {
        match trees.next() {
            Some(TokenTree::Ident(ident)) if ident == "self" || ident == "Self" => {
                return Some(ident.span())
            }
            Some(TokenTree::Group(g)) => stack.push(g.stream().into_iter()),
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    None
}

/// The span of a format macro in the expression that formats with Debug
/// (`format!("{:?}", .x)`), or of `dbg!`.
pub fn debug_formatting(expr: &TokenStream) -> Option<Span> {
    let mut stack = vec![expr.clone().into_iter().peekable()];
    while let Some(trees) = stack.last_mut() {
        match trees.next() {
            Some(TokenTree::Ident(ident)) => {
                let bang = matches!(trees.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                if bang && ident == "dbg" {
                    return Some(ident.span());
                }
                if bang {
                    trees.next();
                    if let Some(TokenTree::Group(g)) = trees.peek() {
                        let debug = g.stream().into_iter().any(|t| match t {
                            TokenTree::Literal(lit) => {
                                syn::parse2::<LitStr>(lit.into_token_stream())
                                    .is_ok_and(|s| formats_debug(&s.value()))
                            }
                            _ => false,
                        });
                        if debug {
                            return Some(ident.span());
                        }
                    }
                }
            }
            Some(TokenTree::Group(g)) => stack.push(g.stream().into_iter().peekable()),
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    None
}

/// Whether a format string has a `{...:...?}` placeholder.
fn formats_debug(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            rest = stripped;
            continue;
        }
        let Some(close) = after.find('}') else {
            return false;
        };
        let inner = &after[..close];
        if inner
            .split_once(':')
            .is_some_and(|(_, spec)| spec.ends_with('?'))
        {
            return true;
        }
        rest = &after[close + 1..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<MessageArg> {
        syn::parse::Parser::parse_str(parse_message, text)
            .unwrap()
            .1
    }

    fn expr(arg: &MessageArg) -> String {
        arg.expr.to_string()
    }

    #[test]
    fn shorthand_names_fields_where_an_operand_starts() {
        let args = parse(r#""{} {n}", .limit * 2, n = .0.len()"#);
        assert_eq!(args.len(), 2);
        assert_eq!(expr(&args[0]), "__field_limit * 2");
        assert!(args[0].name.is_none());
        assert_eq!(args[1].name.as_ref().unwrap(), "n");
        assert_eq!(expr(&args[1]), "__field_0 . len ()");
        let args = parse(r#""{}", (.a + .b).min(.c), "#);
        assert_eq!(expr(&args[0]), "(__field_a + __field_b) . min (__field_c)");
        let args = parse(r#""{}", .items.iter().map(|i| i.len()).sum::<usize>()"#);
        assert_eq!(
            expr(&args[0]),
            "__field_items . iter () . map (| i | i . len ()) . sum ::< usize > ()"
        );
        let args = parse(r#""{}", .r#type"#);
        assert_eq!(expr(&args[0]), "__field_type");
    }

    #[test]
    fn finds_fields_self_and_debug() {
        let args = parse(r#""{} {} {}", .a + .b, self.c, format!("{:?}", .d)"#);
        let used: Vec<String> = fields_used(&args[0].expr)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(used, ["a", "b"]);
        assert!(uses_self(&args[1].expr).is_some());
        assert!(uses_self(&args[0].expr).is_none());
        assert!(debug_formatting(&args[2].expr).is_some());
        assert!(debug_formatting(&args[0].expr).is_none());
        let display = parse(r#""{}", format!("{{:?}} {}", .d)"#);
        assert!(debug_formatting(&display[0].expr).is_none());
        let dbg = parse(r#""{}", dbg!(.d)"#);
        assert!(debug_formatting(&dbg[0].expr).is_some());
    }
}
