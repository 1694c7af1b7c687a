use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum BillingError {
    #[code("OVER_LIMIT")]
    #[status(402)]
    #[message("Amount {amount:.digits$} exceeds the limit")]
    OverLimit { amount: f64, digits: usize },
}

fn main() {}
