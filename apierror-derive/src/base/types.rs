//! Predicates on field types as written: what a type is called under
//! references and smart pointers, whether it is a string, a scalar, an
//! `Option`, plainly an error or plainly not one. Read by every stage; they
//! look at tokens only (the compiler is asked elsewhere).

use syn::{GenericArgument, PathArguments, Type};

/// Deeper types are not looked into: nesting is the user's.
pub const MAX_DEPTH: usize = 24;

/// The name of the type under references and smart pointers: `u32` for
/// `&Box<u32>`, `str` for `Cow<'_, str>`.
pub fn leaf(ty: &Type, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    match ty {
        Type::Reference(r) => leaf(&r.elem, depth + 1),
        Type::Paren(p) => leaf(&p.elem, depth + 1),
        Type::Group(g) => leaf(&g.elem, depth + 1),
        Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            // One string per segment: comparing an `Ident` with a `&str`
            // prints it each time (the derive runs unoptimized in dev builds).
            let name = last.ident.to_string();
            if matches!(name.as_str(), "Box" | "Rc" | "Arc" | "Cow") {
                return leaf(type_arguments(&last.arguments).next()?, depth + 1);
            }
            last.arguments.is_none().then_some(name)
        }
        _ => None,
    }
}

/// Whether the type is a string the visitor can take as `&str` (by deref
/// coercion): `String`, `str` under references and `Box`/`Rc`/`Arc`/`Cow`.
pub fn is_str(ty: &Type) -> bool {
    leaf(ty, 0).is_some_and(|name| name == "String" || name == "str")
}

/// Whether the type is, as written, an owned type that serde always reads:
/// `String` or a primitive scalar, or an `Option` of one (no reference, no
/// smart pointer, no type of the user's whose `Deserialize` may be missing).
pub fn is_plainly_decodable(ty: &Type) -> bool {
    let ty = option_inner(ty).unwrap_or(ty);
    let Type::Path(path) = ty else { return false };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    path.qself.is_none() && last.arguments.is_none() && (is_scalar(ty) || last.ident == "String")
}

/// Whether the type is a primitive that serde writes as one JSON scalar
/// (an integer, a float, `bool`, `char`): the JSON writer needs no check
/// of its output.
pub fn is_scalar(ty: &Type) -> bool {
    leaf(ty, 0).is_some_and(|name| {
        matches!(
            name.as_str(),
            "u8" | "u16"
                | "u32"
                | "u64"
                | "u128"
                | "usize"
                | "i8"
                | "i16"
                | "i32"
                | "i64"
                | "i128"
                | "isize"
                | "f32"
                | "f64"
                | "bool"
                | "char"
        )
    })
}

/// Whether the type is spelled `name` (any path to it), under references
/// and `Box`/`Rc`/`Arc`/`Cow`.
pub fn is_named(ty: &Type, name: &str) -> bool {
    leaf(ty, 0).is_some_and(|leaf| leaf == name)
}

/// `T` of a field type spelled `Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    type_arguments(&last.arguments).next()
}

/// The type arguments of a path segment, lifetimes and bindings left out:
/// `T` and `U` of `Map<T, U>`.
pub fn type_arguments(arguments: &PathArguments) -> impl Iterator<Item = &Type> {
    let args = match arguments {
        PathArguments::AngleBracketed(a) => Some(a.args.iter()),
        _ => None,
    };
    args.into_iter().flatten().filter_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// Whether a type is plainly an error, as written: a path ending in `Error`
/// (`io::Error`, `anyhow::Error`), `eyre::Report`, a `dyn Error` object,
/// or one of these in a `Box`, `Arc`, `Rc`, `Option` or reference. Other
/// error types are found by the compiler (see `expand::checks::internal_probes`).
pub fn is_error_type(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            let segments = &path.path.segments;
            let Some(last) = segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            if name == "Error" {
                return true;
            }
            if name == "Report" && segments.len() > 1 {
                let first = &segments[0].ident;
                return first == "eyre" || first == "miette" || first == "color_eyre";
            }
            let wrapper = matches!(name.as_str(), "Box" | "Arc" | "Rc" | "Option");
            match &last.arguments {
                syn::PathArguments::AngleBracketed(args) if wrapper && args.args.len() == 1 => {
                    matches!(&args.args[0], syn::GenericArgument::Type(inner) if is_error_type(inner))
                }
                _ => false,
            }
        }
        Type::TraitObject(object) => object.bounds.iter().any(|bound| {
            matches!(bound, syn::TypeParamBound::Trait(t)
                if t.path.segments.last().is_some_and(|s| s.ident == "Error"))
        }),
        Type::Reference(reference) => is_error_type(&reference.elem),
        Type::Paren(inner) => is_error_type(&inner.elem),
        Type::Group(inner) => is_error_type(&inner.elem),
        _ => false,
    }
}

/// Whether a type is, as written, one that can never be an error: a
/// primitive, `String`, `str`, or one of them in a reference, `Option`,
/// `Vec` or `Box`. (No crate but `std` can implement `Error` for them, and
/// `std` does not.) The compiler is not asked about these.
pub fn is_plain_type(ty: &Type) -> bool {
    const PLAIN: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char", "String", "str",
    ];
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None => PLAIN.contains(&name.as_str()),
                syn::PathArguments::AngleBracketed(args)
                    if args.args.len() == 1
                        && matches!(name.as_str(), "Option" | "Vec" | "Box") =>
                {
                    matches!(&args.args[0], syn::GenericArgument::Type(inner) if is_plain_type(inner))
                }
                _ => false,
            }
        }
        Type::Reference(reference) => is_plain_type(&reference.elem),
        Type::Paren(inner) => is_plain_type(&inner.elem),
        Type::Group(inner) => is_plain_type(&inner.elem),
        _ => false,
    }
}
