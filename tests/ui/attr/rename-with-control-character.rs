use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum ShopError {
    OrderNotFound {
        #[api_error(rename = "order\nid")]
        order_id: String,
    },
}

fn main() {}
