//! The schema of a details field's type from its `utoipa::ToSchema` impl,
//! chosen at compile time by autoref specialization: the derive expands
//! `(&SchemaProbe::<T>::NEW).schema(components)` (through `__private::schema!`),
//! which resolves to [`ViaToSchema`] when `T: ToSchema` and to
//! [`WithoutSchema`] otherwise.

pub use crate::shape::{Components, SchemaOf};
use core::marker::PhantomData;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{Ref, RefOr};
use utoipa::ToSchema;

/// Stands for the type `T` in method resolution.
pub struct SchemaProbe<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<T: ?Sized> SchemaProbe<T> {
    /// The probe.
    pub const NEW: Self = SchemaProbe(PhantomData);
}

/// Picked when the type implements `ToSchema`.
pub trait ViaToSchema {
    /// The schema, its components pushed onto `components`.
    fn schema(&self, components: &mut Components) -> SchemaOf;
}

impl<T: ToSchema + ?Sized> ViaToSchema for SchemaProbe<T> {
    fn schema(&self, components: &mut Components) -> SchemaOf {
        Some(of::<T>(components))
    }
}

/// Picked otherwise.
pub trait WithoutSchema {
    /// `None`: the document gives the field an unconstrained schema.
    fn schema(&self, components: &mut Components) -> SchemaOf;
}

impl<T: ?Sized> WithoutSchema for &SchemaProbe<T> {
    fn schema(&self, _: &mut Components) -> SchemaOf {
        None
    }
}

/// The schema of `T`: a `$ref` to a component for a structured type (an
/// object with properties, an enum, a composition), the schema itself for
/// a type whose schema is a plain primitive or array (a type alias of a
/// primitive, a `Vec`).
fn of<T: ToSchema + ?Sized>(components: &mut Components) -> RefOr<Schema> {
    // The components `T` needs, each once however many fields need them.
    let mut needed = Components::new();
    T::schemas(&mut needed);
    for (name, schema) in needed {
        if !components.iter().any(|(existing, _)| *existing == name) {
            components.push((name, schema));
        }
    }
    match T::schema() {
        RefOr::T(schema) if structured(&schema) => {
            let name = T::name().into_owned();
            let reference = Ref::from_schema_name(name.clone());
            if !components.iter().any(|(existing, _)| *existing == name) {
                components.push((name, RefOr::T(schema)));
            }
            RefOr::Ref(reference)
        }
        other => other,
    }
}

fn structured(schema: &Schema) -> bool {
    match schema {
        Schema::Object(object) => {
            !object.properties.is_empty()
                || object.enum_values.is_some()
                || object.additional_properties.is_some()
                || object.schema_type
                    == utoipa::openapi::schema::SchemaType::Type(utoipa::openapi::Type::Object)
        }
        Schema::OneOf(_) | Schema::AllOf(_) | Schema::AnyOf(_) => true,
        _ => false,
    }
}
