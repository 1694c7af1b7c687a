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

apierror::assert_unique_codes!(users::Error, billing::Error);

fn main() {}
