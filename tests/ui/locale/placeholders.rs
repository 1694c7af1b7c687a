// Each placeholder of a translation names a details field of its variant,
// as `{field}`: no other field, no spec, no braces besides.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/placeholders")]
pub enum NodeError {
    #[status(404)]
    #[message("Node {node} missing")]
    NoField { node: String },
    #[status(500)]
    Internal {
        #[api_error(internal)]
        secret: String,
    },
    #[status(400)]
    Skipped {
        #[api_error(skip)]
        hidden: String,
    },
    #[status(400)]
    #[message("Price {price:.2}")]
    Spec { price: f64 },
    #[status(400)]
    Braces,
    #[status(400)]
    Stray,
    #[status(400)]
    Empty,
    #[status(400)]
    NoDetails,
}

fn main() {}
