//! apierror (user guide comes with the derive).
pub use apierror_core::*;
pub use apierror_derive::ApiError;

#[doc(hidden)]
pub mod __private {
    pub use apierror_core::__private::*;
}
