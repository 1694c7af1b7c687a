// Every attribute that takes a URL takes the same schemes: http(s), urn: or
// a relative reference, as `type_url` does.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "javascript:alert(1)//{code}")]
pub enum Script {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "JavaScript:{code}")]
pub enum Upper {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "data:text/html,{code}")]
pub enum Data {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "file:///docs/{code}")]
pub enum File {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "{code}:x")]
pub enum CodeAsScheme {
    #[status(404)]
    NotFound,
}

// Accepted: http(s), urn:, relative references.
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "HTTPS://docs.example.com/errors/{code:kebab-case}")]
pub enum Https {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "urn:example:errors:{code}")]
pub enum Urn {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "/errors/{code}#top")]
pub enum Relative {
    #[status(404)]
    NotFound,
}

fn main() {}
