use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum ProjectError {
    #[status(404)]
    #[message("Project not found")]
    ProjectNotFound { _project: String },
}

fn main() {}
