//! The user guide: one chapter per topic, every example in it a doctest.
//!
//! The [crate documentation](crate) starts with a complete example and says
//! what each chapter covers.

pub mod codes {
    #![doc = include_str!("codes.md")]
}

pub mod statuses_and_messages {
    #![doc = include_str!("statuses_and_messages.md")]
}

pub mod details {
    #![doc = include_str!("details.md")]
}

pub mod composition {
    #![doc = include_str!("composition.md")]
}

pub mod formats {
    #![doc = include_str!("formats.md")]
}

pub mod responses_and_frameworks {
    #![doc = include_str!("responses_and_frameworks.md")]
}

pub mod localized_messages {
    #![doc = include_str!("localized_messages.md")]
}

pub mod grpc {
    #![doc = include_str!("grpc.md")]
}

pub mod metrics {
    #![doc = include_str!("metrics.md")]
}

pub mod catalog_and_documentation {
    #![doc = include_str!("catalog_and_documentation.md")]
}

pub mod fleet {
    #![doc = include_str!("fleet.md")]
}

pub mod decoding {
    #![doc = include_str!("decoding.md")]
}

pub mod safety {
    #![doc = include_str!("safety.md")]
}

pub mod thiserror {
    #![doc = include_str!("thiserror.md")]
}

pub mod attributes {
    #![doc = include_str!("attributes.md")]
}

pub mod compile_errors {
    #![doc = include_str!("compile_errors.md")]
}
