use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case")]
pub enum PaymentError {
    #[status(402)]
    #[api_error(doc_url = "https://docs.example.com/errors/{code}")]
    CardDeclined,
}

fn main() {}
