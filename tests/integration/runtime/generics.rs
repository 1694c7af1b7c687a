//! Generic error types of every kind derive and work: type, lifetime and
//! const parameters, where clauses, defaults, with transparent variants (whose
//! codes the compiler checks as far as a `const` item can name them), with
//! `decode`, and with the framework integrations on.

use apierror::decode::Decode;
use apierror::ApiError;
use std::fmt::{Debug, Display};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "INNER_", status = 404, decode)]
pub enum Inner {
    Missing,
}

/// A const parameter and a transparent variant: the case that once failed
/// with "missing generics".
#[derive(Debug, ApiError)]
pub enum Sized<const N: usize> {
    #[code("SIZED_TOO_LARGE")]
    #[status(413)]
    #[message("Larger than {limit}")]
    TooLarge { limit: usize },
    #[api_error(transparent)]
    Inner(Inner),
}

/// A lifetime, borrowed details and a transparent variant.
#[derive(Debug, ApiError)]
pub enum Borrowed<'a> {
    #[code("BORROWED_BAD")]
    #[status(400)]
    #[message("Bad name {name}")]
    Bad { name: &'a str },
    #[api_error(transparent)]
    Inner(Inner),
}

/// A type parameter in details, in the message and in a transparent
/// variant, with a where clause and a default.
#[derive(Debug, ApiError)]
pub enum Everything<'a, T, E = Inner, const N: usize = 3>
where
    T: Debug + Display + serde::Serialize,
    E: ApiError,
{
    #[code("EVERYTHING_CONFLICT")]
    #[status(409)]
    #[message("Conflict on {value} ({label})")]
    Conflict { value: T, label: &'a str },
    #[api_error(transparent)]
    Nested(E),
    #[api_error(transparent)]
    Fixed(Inner),
}

/// Decoding a generic type.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
pub enum Decodable<T>
where
    T: Debug + Display + serde::Serialize + serde::de::DeserializeOwned + Default,
{
    #[code("DECODABLE_VALUE")]
    #[status(422)]
    #[message("Bad value {value}")]
    Value { value: T },
    #[api_error(transparent)]
    Inner(Inner),
}

fn respond<E: ApiError + axum::response::IntoResponse + actix_web::ResponseError>(error: E) -> u16 {
    let actix = actix_web::ResponseError::status_code(&error).as_u16();
    let axum = axum::response::IntoResponse::into_response(error)
        .status()
        .as_u16();
    assert_eq!(actix, axum);
    axum
}

#[test]
fn generic_types_of_every_kind_work() {
    let sized = Sized::<8>::TooLarge { limit: 8 };
    assert_eq!(sized.message().to_string(), "Larger than 8");
    assert_eq!(respond(sized), 413);
    assert_eq!(respond(Sized::<8>::Inner(Inner::Missing)), 404);
    assert_eq!(Sized::<1>::CATALOG.len(), 2);

    let name = String::from("x y");
    let borrowed = Borrowed::Bad { name: &name };
    assert_eq!(
        apierror::Render::new(&borrowed).to_string().unwrap(),
        r#"{"error":{"code":"BORROWED_BAD","message":"Bad name x y","details":{"name":"x y"}}}"#
    );
    assert_eq!(Borrowed::Inner(Inner::Missing).code(), "INNER_MISSING");

    let everything: Everything<'_, u8> = Everything::Conflict {
        value: 7,
        label: "l",
    };
    assert_eq!(everything.message().to_string(), "Conflict on 7 (l)");
    assert_eq!(Everything::<u8>::CATALOG.len(), 3);
    let nested: Everything<'_, u8, Sized<2>, 1> = Everything::Nested(Sized::TooLarge { limit: 2 });
    assert_eq!(nested.code(), "SIZED_TOO_LARGE");
    assert_eq!(respond(nested), 413);

    let body = br#"{"error":{"code":"DECODABLE_VALUE","message":"x","details":{"value":5}}}"#;
    let decoded = Decodable::<u32>::decode(body).unwrap();
    assert_eq!(decoded.known(), Some(Decodable::Value { value: 5 }));
    let body = br#"{"error":{"code":"INNER_MISSING","message":"x"}}"#;
    let decoded = Decodable::<u32>::decode(body).unwrap();
    assert_eq!(decoded.known(), Some(Decodable::Inner(Inner::Missing)));
}

/// A generic type of more variants with details than `__visit_fields`
/// keeps in one match (128): its arms are spread over hidden functions of 64,
/// found through the variant's catalog row. Variants before, between and
/// after the functions' bounds, transparent variants (whose row is the inner
/// type's, even the type itself nested in itself) and a generic field must
/// all keep their details.
macro_rules! wide {
    ($($variant:ident $code:literal,)*) => {
        #[derive(Debug, ApiError)]
        #[api_error(status = 400)]
        pub enum Wide<T: Debug + Display + serde::Serialize, I: ApiError = Inner> {
            $(
                #[code($code)]
                #[message("Needs {n}")]
                $variant { n: u32 },
            )*
            #[api_error(transparent)]
            Nested(Sized<4>),
            /// A generic transparent variant: `Wide<_, Wide<_>>` finds the
            /// inner value's row in the one `static` all of `Wide`'s
            /// instances share.
            #[api_error(transparent)]
            Generic(I),
            #[code("WIDE_VALUE")]
            #[message("Bad value {value}")]
            Value { value: T, label: String },
            #[code("WIDE_BARE")]
            #[message("Bare")]
            Bare,
        }
    };
}

wide! {
    W000 "W000", W001 "W001", W002 "W002", W003 "W003", W004 "W004", W005 "W005", W006 "W006",
    W007 "W007", W008 "W008", W009 "W009", W010 "W010", W011 "W011", W012 "W012", W013 "W013",
    W014 "W014", W015 "W015", W016 "W016", W017 "W017", W018 "W018", W019 "W019", W020 "W020",
    W021 "W021", W022 "W022", W023 "W023", W024 "W024", W025 "W025", W026 "W026", W027 "W027",
    W028 "W028", W029 "W029", W030 "W030", W031 "W031", W032 "W032", W033 "W033", W034 "W034",
    W035 "W035", W036 "W036", W037 "W037", W038 "W038", W039 "W039", W040 "W040", W041 "W041",
    W042 "W042", W043 "W043", W044 "W044", W045 "W045", W046 "W046", W047 "W047", W048 "W048",
    W049 "W049", W050 "W050", W051 "W051", W052 "W052", W053 "W053", W054 "W054", W055 "W055",
    W056 "W056", W057 "W057", W058 "W058", W059 "W059", W060 "W060", W061 "W061", W062 "W062",
    W063 "W063", W064 "W064", W065 "W065", W066 "W066", W067 "W067", W068 "W068", W069 "W069",
    W070 "W070", W071 "W071", W072 "W072", W073 "W073", W074 "W074", W075 "W075", W076 "W076",
    W077 "W077", W078 "W078", W079 "W079", W080 "W080", W081 "W081", W082 "W082", W083 "W083",
    W084 "W084", W085 "W085", W086 "W086", W087 "W087", W088 "W088", W089 "W089", W090 "W090",
    W091 "W091", W092 "W092", W093 "W093", W094 "W094", W095 "W095", W096 "W096", W097 "W097",
    W098 "W098", W099 "W099", W100 "W100", W101 "W101", W102 "W102", W103 "W103", W104 "W104",
    W105 "W105", W106 "W106", W107 "W107", W108 "W108", W109 "W109", W110 "W110", W111 "W111",
    W112 "W112", W113 "W113", W114 "W114", W115 "W115", W116 "W116", W117 "W117", W118 "W118",
    W119 "W119", W120 "W120", W121 "W121", W122 "W122", W123 "W123", W124 "W124", W125 "W125",
    W126 "W126", W127 "W127", W128 "W128", W129 "W129", W130 "W130", W131 "W131", W132 "W132",
    W133 "W133", W134 "W134", W135 "W135", W136 "W136", W137 "W137", W138 "W138", W139 "W139",
}

#[test]
fn a_wide_generic_type_keeps_every_variants_details() {
    let render = |error: &Wide<u8>| apierror::Render::new(error).to_string().unwrap();
    for (error, code, n) in [
        (Wide::W000 { n: 0 }, "W000", 0),
        (Wide::W063 { n: 63 }, "W063", 63),
        (Wide::W064 { n: 64 }, "W064", 64),
        (Wide::W128 { n: 128 }, "W128", 128),
        (Wide::W139 { n: 139 }, "W139", 139),
    ] {
        assert_eq!(
            render(&error),
            format!(
                r#"{{"error":{{"code":"{code}","message":"Needs {n}","details":{{"n":{n}}}}}}}"#
            )
        );
    }
    let value = Wide::Value {
        value: 7u8,
        label: "l".into(),
    };
    assert_eq!(
        render(&value),
        r#"{"error":{"code":"WIDE_VALUE","message":"Bad value 7","details":{"value":7,"label":"l"}}}"#
    );
    assert_eq!(
        render(&Wide::Bare),
        r#"{"error":{"code":"WIDE_BARE","message":"Bare"}}"#
    );
    // The transparent variant's row is `Sized`'s: its details come from there.
    assert_eq!(
        render(&Wide::Nested(Sized::TooLarge { limit: 4 })),
        r#"{"error":{"code":"SIZED_TOO_LARGE","message":"Larger than 4","details":{"limit":4}}}"#
    );
    // The type nested in itself: the inner value's row is one of the
    // outer type's own rows, yet its details are the inner value's.
    let nested: Wide<u8, Wide<u8>> = Wide::Generic(Wide::W100 { n: 100 });
    assert_eq!(
        apierror::Render::new(&nested).to_string().unwrap(),
        r#"{"error":{"code":"W100","message":"Needs 100","details":{"n":100}}}"#
    );
    let nested: Wide<u8, Wide<u8>> = Wide::Generic(Wide::W005 { n: 5 });
    assert!(apierror::Render::new(&nested)
        .to_string()
        .unwrap()
        .ends_with(r#""details":{"n":5}}}"#));
    // 142 own rows, the two of `Sized` and the one of `Inner`.
    assert_eq!(Wide::<u8>::CATALOG.len(), 145);
}
