use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "BILLING_", status = 402)]
pub enum BillingError {
    PaymentFailed,
    QuotaExceeded,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 403)]
pub enum QuotaError {
    #[code("BILLING_QUOTA_EXCEEDED")]
    Exceeded,
}

apierror::assert_unique_codes!(BillingError, QuotaError);

fn main() {}
