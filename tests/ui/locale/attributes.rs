// `language`, `locales` and `translations` on the type, checked.
use apierror::ApiError;

// Translations need the language the messages are written in.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", locales("de"), translations = "ui-locales/complete")]
pub enum NoLanguage {
    #[status(404)]
    NotFound,
}

// Not language tags; a locale twice; the messages' own language.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en")]
#[api_error(locales("de", "DE", "de_CH", "", "en"), translations = "ui-locales/complete")]
pub enum BadTags {
    #[status(404)]
    NotFound,
}

// The own language is checked too.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en-", locales("de"))]
#[api_error(translations = "ui-locales/complete")]
pub enum BadLanguage {
    #[status(404)]
    NotFound,
}

// A directory without locales; an empty list; `locales` twice.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", translations = "ui-locales/complete")]
pub enum DirOnly {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales())]
pub enum Empty {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"), locales("de"))]
#[api_error(translations = "ui-locales/complete")]
pub enum Twice {
    #[status(404)]
    NotFound,
}

fn main() {}
