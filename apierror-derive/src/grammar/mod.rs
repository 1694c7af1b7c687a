//! The small languages inside attribute values, each a leaf the stages
//! read: a code and its naming rules (`code`), a status (`status`), a
//! message template (`message`), and JSON string escaping (`json`).

pub mod code;
pub mod json;
pub mod message;
pub mod status;
