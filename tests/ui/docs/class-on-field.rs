use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum PhalaError {
    #[code("ERR-01-001")]
    #[status(404)]
    NodeNotFound {
        #[api_error(class = "NodeNotFoundError")]
        node_id: String,
    },
}

fn main() {}
