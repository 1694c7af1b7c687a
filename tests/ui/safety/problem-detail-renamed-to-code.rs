use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum PaymentError {
    #[status(402)]
    #[message("The card was declined")]
    CardDeclined {
        #[api_error(rename = "code")]
        decline_code: String,
    },
}

fn main() {}
