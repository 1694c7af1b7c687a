//! Reading one error's details fields: lifting some into the map a format
//! writes ([`Details::lift`], [`Details::lift_others`], [`Only`],
//! [`Without`]), asking for one ([`Details::has`]), or for the validation
//! list ([`Details::with_violations`]). The visitors they use are
//! [`super`]'s, which the `ApiError` trait hands fields to: these read an
//! error, so they sit above the trait.

use super::{DetailVisitor, FieldVisitor, MapEntries};
use crate::error::Details;
use crate::violations::Violations;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// What a [`Format`](crate::format::Format) of your own reads of the
/// details, field by field (see [`fields`](crate::fields)).
impl<E: crate::ApiError + ?Sized> Details<'_, E> {
    /// Writes the details fields named in `keys` as entries of `map`, in the
    /// order of `keys` (Stripe's error object lists its members
    /// alphabetically: `error.details().lift(map, &["decline_code", "param"])`);
    /// the others are left out (write them with [`Without`] or
    /// [`lift_others`](Self::lift_others)). A key no field of the value has
    /// (or a `None` one) writes nothing. Nothing is allocated.
    pub fn lift<M: SerializeMap>(&self, map: &mut M, keys: &[&str]) -> Result<(), M::Error> {
        struct Lift<'m, 'k, M> {
            map: &'m mut M,
            key: &'k str,
        }

        impl<M: SerializeMap> DetailVisitor for Lift<'_, '_, M> {
            type Error = M::Error;

            fn field<T: Serialize + ?Sized>(
                &mut self,
                key: &str,
                value: &T,
            ) -> Result<(), M::Error> {
                if key == self.key {
                    self.map.serialize_entry(key, value)?;
                }
                Ok(())
            }
        }

        for key in keys {
            self.error.visit_details(&mut Lift { map, key })?;
        }
        Ok(())
    }

    /// Writes every details field but those named in `keys` as entries of
    /// `map`, in declaration order: the other fields at the level of the lifted
    /// ones (a format that flattens the details into its error object), where
    /// [`Without`] nests them in a member of their own.
    pub fn lift_others<M: SerializeMap>(&self, map: &mut M, keys: &[&str]) -> Result<(), M::Error> {
        crate::error::visit_fields(
            self.error,
            &mut MapEntries {
                map,
                reserved: keys,
            },
        )
    }

    /// Whether the value has the details field `key` (a `None` one it does
    /// not): what a format asks before it writes a member only some errors
    /// have.
    pub fn has(&self, key: &str) -> bool {
        struct Has<'k>(&'k str, bool);

        impl DetailVisitor for Has<'_> {
            type Error = std::convert::Infallible;

            fn field<T: Serialize + ?Sized>(
                &mut self,
                key: &str,
                _: &T,
            ) -> Result<(), Self::Error> {
                self.1 |= key == self.0;
                Ok(())
            }
        }

        let mut has = Has(key, false);
        let Ok(()) = self.error.visit_details(&mut has);
        has.1
    }

    /// Hands the validation list of the value (its
    /// [`Violations`](crate::Violations) field), when it has one, to `f`, as
    /// typed data: a format that writes one object per field error (JSON:API's
    /// `errors`) reads the list itself, with nothing serialized in between.
    ///
    /// ```
    /// use apierror::{ApiError, Violations};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum SignupError {
    ///     #[code("INVALID")]
    ///     #[status(422)]
    ///     Invalid { violations: Violations },
    ///     #[code("TAKEN")]
    ///     #[status(409)]
    ///     Taken,
    /// }
    ///
    /// let error = SignupError::Invalid {
    ///     violations: Violations::new().with("/email", "email", "must be an email address"),
    /// };
    /// let pointers = error.details().with_violations(|list| {
    ///     list.iter().map(|v| v.pointer().to_owned()).collect::<Vec<_>>()
    /// });
    /// assert_eq!(pointers, Some(vec!["/email".to_owned()]));
    /// assert_eq!(SignupError::Taken.details().with_violations(|list| list.len()), None);
    /// ```
    pub fn with_violations<R>(&self, f: impl FnOnce(&Violations) -> R) -> Option<R> {
        let mut out = None;
        let _ = with_list::<E, ()>(self.error, |list| {
            out = Some(f(list));
            Ok(())
        });
        out
    }
}

// The old paths, kept for one release: each a method of `Details`.

/// Writes the details fields named in `keys` as entries of `map`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::Details::lift`: `error.details().lift(map, keys)`"
)]
pub fn lift<E, M>(error: &E, map: &mut M, keys: &[&str]) -> Result<(), M::Error>
where
    E: crate::ApiError + ?Sized,
    M: SerializeMap,
{
    error.details().lift(map, keys)
}

/// Writes every details field but those named in `keys` as entries of `map`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::Details::lift_others`: `error.details().lift_others(map, keys)`"
)]
pub fn lift_others<E, M>(error: &E, map: &mut M, keys: &[&str]) -> Result<(), M::Error>
where
    E: crate::ApiError + ?Sized,
    M: SerializeMap,
{
    error.details().lift_others(map, keys)
}

/// Whether the value has the details field `key`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::Details::has`: `error.details().has(key)`"
)]
pub fn has<E: crate::ApiError + ?Sized>(error: &E, key: &str) -> bool {
    error.details().has(key)
}

/// Hands the validation list of the value, when it has one, to `f`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::Details::with_violations`: `error.details().with_violations(f)`"
)]
pub fn with_violations<E, R>(error: &E, f: impl FnOnce(&Violations) -> R) -> Option<R>
where
    E: crate::ApiError + ?Sized,
{
    error.details().with_violations(f)
}

/// The details object of an error with only the fields named in `keys`, in
/// the order of `keys`: the complement of [`Without`].
pub struct Only<'a, E: ?Sized> {
    error: &'a E,
    keys: &'a [&'a str],
}

impl<'a, E: crate::ApiError + ?Sized> Only<'a, E> {
    /// The details of `error`, only `keys`.
    pub fn new(error: &'a E, keys: &'a [&'a str]) -> Self {
        Only { error, keys }
    }

    /// How many of `keys` the value has.
    pub fn len(&self) -> usize {
        let details = self.error.details();
        self.keys.iter().filter(|key| details.has(key)).count()
    }

    /// Whether the value has none of `keys`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<E: crate::ApiError + ?Sized> Serialize for Only<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        self.error.details().lift(&mut map, self.keys)?;
        map.end()
    }
}

/// The details object of an error without the fields named in `keys`:
/// serializes as a map of the others.
pub struct Without<'a, E: ?Sized> {
    error: &'a E,
    keys: &'a [&'a str],
}

impl<'a, E: crate::ApiError + ?Sized> Without<'a, E> {
    /// The details of `error`, less `keys`.
    pub fn new(error: &'a E, keys: &'a [&'a str]) -> Self {
        Without { error, keys }
    }

    /// How many fields are left: `0` when every field present was lifted.
    pub fn len(&self) -> usize {
        struct Count<'k>(usize, &'k [&'k str]);
        impl DetailVisitor for Count<'_> {
            type Error = std::convert::Infallible;
            fn field<T: Serialize + ?Sized>(
                &mut self,
                key: &str,
                _: &T,
            ) -> Result<(), Self::Error> {
                if !self.1.contains(&key) {
                    self.0 += 1;
                }
                Ok(())
            }
        }
        let mut count = Count(0, self.keys);
        let Ok(()) = self.error.visit_details(&mut count);
        count.0
    }

    /// Whether no field is left.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<E: crate::ApiError + ?Sized> Serialize for Without<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        crate::error::visit_fields(
            self.error,
            &mut MapEntries {
                map: &mut map,
                reserved: self.keys,
            },
        )?;
        map.end()
    }
}

/// Hands the validation list of `error`'s variant, if it has one, to `f`.
pub(crate) fn with_list<E, R>(
    error: &E,
    f: impl FnOnce(&Violations) -> Result<(), R>,
) -> Result<(), R>
where
    E: crate::ApiError + ?Sized,
{
    struct Find<F>(Option<F>);
    impl<F: FnOnce(&Violations) -> Result<(), R>, R> FieldVisitor for Find<F> {
        type Error = R;
        fn field<T: Serialize + ?Sized>(&mut self, _: &str, _: &str, _: &T) -> Result<(), R> {
            Ok(())
        }
        fn violations_field(&mut self, _: &str, _: &str, value: &Violations) -> Result<(), R> {
            match self.0.take() {
                Some(f) => f(value),
                None => Ok(()),
            }
        }
    }
    // The derive flags the variants with a list: the others are not visited.
    if !error.descriptor().has_violations() {
        return Ok(());
    }
    crate::error::visit_fields(error, &mut Find(Some(f)))
}

/// Whether `error`'s value carries a validation list (a `None` one does not).
pub(crate) fn has_list<E: crate::ApiError + ?Sized>(error: &E) -> bool {
    let mut found = false;
    let _ = with_list::<E, ()>(error, |_| {
        found = true;
        Ok(())
    });
    found
}
