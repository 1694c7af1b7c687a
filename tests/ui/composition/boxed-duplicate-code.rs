// A boxed transparent variant brings its codes along, checked as any.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum Users {
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum Billing {
    NotFound,
}

#[derive(Debug, ApiError)]
pub enum Service {
    #[api_error(transparent)]
    Users(Box<Users>),
    #[api_error(transparent)]
    Billing(Billing),
}

fn main() {}
