use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", decode)]
pub enum StoreError {
    #[status(500)]
    Database {
        table: String,
        #[source]
        source: std::io::Error,
    },
}

fn main() {}
