use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", doc_url = "https://docs.example.com/errors/\"{code}")]
pub enum PaymentError {
    #[status(402)]
    CardDeclined,
}

fn main() {}
