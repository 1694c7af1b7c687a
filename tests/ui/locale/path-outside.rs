// `translations` names a directory of the crate: one outside it builds
// here and breaks once the crate is published, with only its own
// directory. `./dir` and `dir/../dir` stay inside and are read.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "../..")]
pub enum Parent {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/../../shared/locales")]
pub enum Climbs {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "/etc/locales")]
pub enum Absolute {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales\\..\\..\\shared")]
pub enum Backslashes {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "./ui-locales/complete")]
pub enum Here {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/../ui-locales/complete")]
pub enum Inside {
    #[status(404)]
    NotFound,
}

fn main() {}
