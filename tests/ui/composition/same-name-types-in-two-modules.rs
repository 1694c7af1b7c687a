use apierror::ApiError;

mod users {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE")]
    pub enum Error {
        #[status(404)]
        NotFound,
    }
}

mod billing {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE")]
    pub enum Error {
        #[status(410)]
        NotFound,
    }
}

#[derive(Debug, ApiError)]
pub enum ServiceError {
    #[api_error(transparent)]
    Users(users::Error),
    #[api_error(transparent)]
    Billing(billing::Error),
}

fn main() {}
