// A type of one's own spelled `Violations` is taken for the runtime's
// list; the compiler says so at the type, and `violations = false` (see
// the passing case in the validation-list tests of tests/integration) makes it a plain detail.
use apierror::ApiError;

#[derive(Debug, serde::Serialize)]
pub struct Violations(Vec<String>);

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SignupError {
    #[status(422)]
    Invalid { list: Violations },
}

fn main() {}
