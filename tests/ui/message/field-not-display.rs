use apierror::ApiError;

/// A field shown in the message must be `Display`: the error points at the
/// field.
#[derive(Debug, ApiError)]
enum ConfigError {
    #[code("CONFIG_INVALID")]
    #[status(400)]
    #[message("Invalid configuration: {entries}")]
    Invalid { entries: Vec<String> },
}

fn main() {}
