//! Rendering: an error written as a body. The formats, their byte writers
//! and JSON checks, the negotiated language of messages, `Render`. It
//! imports from the model only.

pub mod format;
pub(crate) mod html;
pub mod json;
pub(crate) mod json_check;
pub mod locale;
pub(crate) mod render;
