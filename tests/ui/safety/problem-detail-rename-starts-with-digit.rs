use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum AuthError {
    #[status(401)]
    #[message("A second factor is required")]
    SecondFactorRequired {
        #[api_error(rename = "2fa_methods")]
        methods: Vec<String>,
    },
}

fn main() {}
