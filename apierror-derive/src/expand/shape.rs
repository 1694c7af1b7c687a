//! Details field types read once, at expansion, into the runtime's `Shape`
//! constants: what the OpenAPI document, the JSON Schema and the TypeScript
//! exports type a field from.
//!
//! Standard types are known by name, as utoipa's derive knows them: the
//! integers, floats, strings, `Option`, the sequences, sets and maps of std,
//! `Box`/`Rc`/`Arc`/`Cow`, `std::time::Duration`, and the string-like types
//! of uuid, url, std::net and chrono. Any other type is `Named`: with the
//! `utoipa` feature of `apierror` its schema comes from its
//! `utoipa::ToSchema` impl (through `__private::schema!`, which expands to
//! nothing without the feature).

use crate::base::types::{leaf, option_inner, type_arguments, MAX_DEPTH};
use crate::parse::ast::Field;
use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::Type;

/// The `Shape` of a details field, as tokens (`__ApierrorP` is `__private`).
/// `generics` are the names a nested function cannot use: the type's type
/// and const parameters, and `Self`.
pub fn field(field: &Field, generics: &[Ident]) -> TokenStream {
    let reader = Reader { generics };
    if field.is_violations() && field.attrs.schema.is_none() {
        return if field.is_option() {
            quote!(__ApierrorP::Shape::Optional(
                &__ApierrorP::Shape::Violations
            ))
        } else {
            quote!(__ApierrorP::Shape::Violations)
        };
    }
    match &field.attrs.schema {
        // Documented as another type; `None` is still left out when the
        // field is an `Option`.
        Some(ty) => {
            let shape = reader.shape(ty, 0);
            let shape = if field.is_option() {
                let inner = match option_inner(ty) {
                    Some(inner) => reader.shape(inner, 0),
                    None => shape,
                };
                quote!(__ApierrorP::Shape::Optional(&#inner))
            } else {
                shape
            };
            // Names the type, so that a typo fails to compile with or
            // without the `utoipa` feature.
            let check = quote_spanned!(ty.span()=> ::core::marker::PhantomData<#ty>);
            quote!({
                let _: #check = ::core::marker::PhantomData;
                #shape
            })
        }
        None => match option_inner(field.ty) {
            Some(inner) if field.is_option() => {
                let inner = reader.shape(inner, 0);
                quote!(__ApierrorP::Shape::Optional(&#inner))
            }
            _ => reader.shape(field.ty, 0),
        },
    }
}

struct Reader<'g> {
    generics: &'g [Ident],
}

impl Reader<'_> {
    /// `T` of a type spelled `Option<T>`.
    fn shape(&self, ty: &Type, depth: usize) -> TokenStream {
        if depth > MAX_DEPTH {
            return self.named(ty, false);
        }
        let next = depth + 1;
        match ty {
            Type::Reference(r) => self.shape(&r.elem, next),
            Type::Paren(p) => self.shape(&p.elem, next),
            Type::Group(g) => self.shape(&g.elem, next),
            Type::Tuple(t) if t.elems.is_empty() => quote!(__ApierrorP::Shape::Unit),
            Type::Tuple(t) => {
                let items = t.elems.iter().map(|e| self.shape(e, next));
                quote!(__ApierrorP::Shape::Tuple(&[#(#items),*]))
            }
            Type::Array(a) => {
                let item = self.shape(&a.elem, next);
                let len = match &a.len {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Int(n),
                        ..
                    }) => match n.base10_parse::<usize>() {
                        Ok(n) => quote!(::core::option::Option::Some(#n)),
                        Err(_) => quote!(::core::option::Option::None),
                    },
                    _ => quote!(::core::option::Option::None),
                };
                seq(&item, false, &len)
            }
            Type::Slice(s) => {
                let item = self.shape(&s.elem, next);
                seq(&item, false, &quote!(::core::option::Option::None))
            }
            Type::Path(p) if p.qself.is_none() => self.path(ty, &p.path, next),
            _ => self.named(ty, true),
        }
    }

    fn path(&self, ty: &Type, path: &syn::Path, next: usize) -> TokenStream {
        let Some(last) = path.segments.last() else {
            return self.named(ty, true);
        };
        let prefix: Vec<String> = path
            .segments
            .iter()
            .take(path.segments.len() - 1)
            .map(|s| s.ident.to_string())
            .collect();
        let args: Vec<&Type> = type_arguments(&last.arguments).collect();
        let arg = |i: usize| match args.get(i) {
            Some(a) => self.shape(a, next),
            None => self.named(ty, true),
        };
        let none = quote!(::core::option::Option::None);
        let name = last.ident.to_string();
        let int = |bits: u8, signed: bool, nonzero: bool| quote!(__ApierrorP::Shape::Int { bits: #bits, signed: #signed, nonzero: #nonzero });
        if let Some((bits, signed)) = integer(&name) {
            return int(bits, signed, false);
        }
        if let Some(inner) = name.strip_prefix("NonZero") {
            if let Some((bits, signed)) = integer(&inner.to_ascii_lowercase()) {
                return int(bits, signed, true);
            }
            if inner.is_empty() {
                let bits = args.first().and_then(|a| match a {
                    Type::Path(p) => p.path.get_ident().and_then(|i| integer(&i.to_string())),
                    _ => None,
                });
                if let Some((bits, signed)) = bits {
                    return int(bits, signed, true);
                }
            }
        }
        let string = |format: Option<&str>, example: &str, display: bool| {
            let format = match format {
                Some(f) => quote!(::core::option::Option::Some(#f)),
                None => quote!(::core::option::Option::None),
            };
            quote!(__ApierrorP::Shape::Str { format: #format, example: #example, display: #display })
        };
        match name.as_str() {
            "f32" => quote!(__ApierrorP::Shape::Float { bits: 32u8 }),
            "f64" => quote!(__ApierrorP::Shape::Float { bits: 64u8 }),
            "bool" => quote!(__ApierrorP::Shape::Bool),
            "char" => quote!(__ApierrorP::Shape::Char),
            "String" | "str" | "CompactString" | "SmolStr" | "PathBuf" | "Path" => {
                string(None, "string", true)
            }
            "Box" | "Rc" | "Arc" | "Cow" if !args.is_empty() => arg(0),
            "Option" if !args.is_empty() => {
                let inner = arg(0);
                quote!(__ApierrorP::Shape::Nullable(&#inner))
            }
            "Vec" | "VecDeque" | "LinkedList" | "BinaryHeap" if !args.is_empty() => {
                seq(&arg(0), false, &none)
            }
            "SmallVec" => match args.first() {
                Some(Type::Array(a)) => seq(&self.shape(&a.elem, next), false, &none),
                _ => self.named(ty, true),
            },
            "HashSet" | "BTreeSet" | "IndexSet" if !args.is_empty() => seq(&arg(0), true, &none),
            "HashMap" | "BTreeMap" | "IndexMap" if args.len() >= 2 => {
                let value = arg(1);
                quote!(__ApierrorP::Shape::Map(&#value))
            }
            "Duration"
                if prefix.is_empty()
                    || matches!(prefix.as_slice(), [a, b] if (a == "std" || a == "core") && b == "time") =>
            {
                quote!(__ApierrorP::Shape::Duration)
            }
            "Uuid" => string(Some("uuid"), "00000000-0000-0000-0000-000000000000", true),
            "Url" => string(Some("uri"), "https://example.com/", true),
            "Ipv4Addr" => string(Some("ipv4"), "127.0.0.1", true),
            "Ipv6Addr" => string(Some("ipv6"), "::1", true),
            "IpAddr" => string(None, "127.0.0.1", true),
            "SocketAddr" | "SocketAddrV4" => string(None, "127.0.0.1:8080", true),
            "SocketAddrV6" => string(None, "[::1]:8080", true),
            "DateTime" => string(Some("date-time"), "1970-01-01T00:00:00Z", false),
            "NaiveDate" => string(Some("date"), "1970-01-01", true),
            "NaiveDateTime" => string(None, "1970-01-01T00:00:00", false),
            "NaiveTime" => string(None, "00:00:00", true),
            _ => self.named(ty, true),
        }
    }

    /// A type known only by name; its schema from `ToSchema` when a nested
    /// function can name it (no type parameter, no `Self`; lifetimes become
    /// `'static`).
    fn named(&self, ty: &Type, schema: bool) -> TokenStream {
        let written = super::tokens::written_type(ty);
        let tokens = ty.to_token_stream();
        let schema = if schema && !super::tokens::mentions(tokens.clone(), self.generics) {
            let ty = static_lifetimes(tokens);
            quote!(__ApierrorP::schema!(#ty))
        } else {
            quote!(::core::option::Option::None)
        };
        quote!(__ApierrorP::Shape::Named(&__ApierrorP::Named::__new(#written, #schema)))
    }
}

fn seq(item: &TokenStream, unique: bool, len: &TokenStream) -> TokenStream {
    quote!(__ApierrorP::Shape::Seq { item: &#item, unique: #unique, len: #len })
}

/// Bits and signedness of a primitive integer's name.
fn integer(name: &str) -> Option<(u8, bool)> {
    Some(match name {
        "u8" => (8, false),
        "u16" => (16, false),
        "u32" => (32, false),
        "u64" | "usize" => (64, false),
        "u128" => (128, false),
        "i8" => (8, true),
        "i16" => (16, true),
        "i32" => (32, true),
        "i64" | "isize" => (64, true),
        "i128" => (128, true),
        _ => return None,
    })
}

/// The tokens with every lifetime `'static`: a nested function names the
/// type without the lifetimes of the enum (ToSchema impls hold for all).
fn static_lifetimes(tokens: TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let mut after_quote = false;
    for tree in tokens {
        let tree = match tree {
            TokenTree::Group(g) => {
                let mut group =
                    proc_macro2::Group::new(g.delimiter(), static_lifetimes(g.stream()));
                group.set_span(g.span());
                TokenTree::Group(group)
            }
            TokenTree::Ident(ident) if after_quote => {
                TokenTree::Ident(Ident::new("static", ident.span()))
            }
            other => other,
        };
        after_quote = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '\'');
        out.extend([tree]);
    }
    out
}

/// How an example message shows a placeholder of a field of type `ty` with
/// `spec`: a fixed text for `{field}`, a generated function that formats an
/// example value of the same primitive type with the spec (real `std::fmt`)
/// otherwise. `None` for types without a known example.
pub fn example(ty: &Type, spec: &str) -> Option<Example> {
    let (text, literal) = example_parts(ty)?;
    if spec.is_empty() {
        return Some(Example::Text(text));
    }
    // Types of other crates: their Display may not pad as a `&str` does,
    // so only a plain `{field}` gets the example.
    let literal = literal?.tokens();
    let format = format!("{{:{spec}}}");
    Some(Example::Format(quote!({
        fn example(f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::write!(f, #format, #literal)
        }
        example
    })))
}

/// An example of a placeholder: a text, or the tokens of a function that
/// formats an example value with the placeholder's spec.
pub enum Example {
    Text(String),
    Format(TokenStream),
}

/// What a plain `{field}` of the type shows in an example message.
pub fn example_text(ty: &Type) -> Option<String> {
    example_parts(ty).map(|(text, _)| text)
}

/// An example value of a primitive type, to format with a spec: made into
/// tokens only then (most placeholders have no spec).
enum ExampleLiteral {
    /// An integer of the named primitive type (`NonZero*` ones: 1).
    Integer(&'static str, u8),
    Float(&'static str),
    Bool,
    Char,
    Str,
}

impl ExampleLiteral {
    fn tokens(self) -> TokenStream {
        use proc_macro2::Literal;
        // Suffixed literals made without lexing text: `0u32`, `1i8`, `0f64`.
        let literal = match self {
            ExampleLiteral::Integer(name, value) => match name {
                "u8" => Literal::u8_suffixed(value),
                "u16" => Literal::u16_suffixed(value.into()),
                "u32" => Literal::u32_suffixed(value.into()),
                "u64" => Literal::u64_suffixed(value.into()),
                "usize" => Literal::usize_suffixed(value.into()),
                "u128" => Literal::u128_suffixed(value.into()),
                "i8" => Literal::i8_suffixed(value as i8),
                "i16" => Literal::i16_suffixed(value.into()),
                "i32" => Literal::i32_suffixed(value.into()),
                "i64" => Literal::i64_suffixed(value.into()),
                "isize" => Literal::isize_suffixed(value.into()),
                _ => Literal::i128_suffixed(value.into()),
            },
            ExampleLiteral::Float("f32") => Literal::f32_suffixed(0.0),
            ExampleLiteral::Float(_) => Literal::f64_suffixed(0.0),
            ExampleLiteral::Bool => return quote!(false),
            ExampleLiteral::Char => return quote!('a'),
            ExampleLiteral::Str => return quote!("string"),
        };
        literal.into_token_stream()
    }
}

/// The example as text, and the literal of the type to format with a spec
/// (`None` for the types of other crates).
fn example_parts(ty: &Type) -> Option<(String, Option<ExampleLiteral>)> {
    let name = leaf(ty, 0)?;
    let (text, literal) = if let Some(primitive) = integer_name(&name) {
        ("0", ExampleLiteral::Integer(primitive, 0))
    } else if let Some(primitive) = name
        .strip_prefix("NonZero")
        .and_then(|inner| integer_name(&inner.to_ascii_lowercase()))
    {
        ("1", ExampleLiteral::Integer(primitive, 1))
    } else {
        match name.as_str() {
            "f32" => ("0", ExampleLiteral::Float("f32")),
            "f64" => ("0", ExampleLiteral::Float("f64")),
            "bool" => ("false", ExampleLiteral::Bool),
            "char" => ("a", ExampleLiteral::Char),
            "String" | "str" => ("string", ExampleLiteral::Str),
            _ => return Some((string_example(&name)?.to_owned(), None)),
        }
    };
    Some((text.to_owned(), Some(literal)))
}

/// The primitive integer type of this name, as a `'static` name.
fn integer_name(name: &str) -> Option<&'static str> {
    integer(name)?;
    const NAMES: &[&str] = &[
        "u8", "u16", "u32", "u64", "usize", "u128", "i8", "i16", "i32", "i64", "isize", "i128",
    ];
    NAMES.iter().copied().find(|n| *n == name)
}

/// The example of a string-like type whose `Display` is its JSON string.
fn string_example(name: &str) -> Option<&'static str> {
    Some(match name {
        "Uuid" => "00000000-0000-0000-0000-000000000000",
        "Url" => "https://example.com/",
        "Ipv4Addr" | "IpAddr" => "127.0.0.1",
        "Ipv6Addr" => "::1",
        "SocketAddr" | "SocketAddrV4" => "127.0.0.1:8080",
        "SocketAddrV6" => "[::1]:8080",
        "NaiveDate" => "1970-01-01",
        "NaiveTime" => "00:00:00",
        "CompactString" | "SmolStr" => "string",
        _ => return None,
    })
}
