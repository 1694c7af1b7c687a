use apierror::ApiError;

// The status comes from the type's default: still a 5xx.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum BillingError {
    #[message("Invoice {invoice} could not be stored: {error}")]
    InvoiceStoreFailed {
        invoice: String,
        #[source]
        error: std::io::Error,
    },
}

fn main() {}
