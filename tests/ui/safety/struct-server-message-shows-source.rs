use apierror::ApiError;

#[derive(Debug, ApiError)]
#[code("CONFIG_RELOAD_FAILED")]
#[status(INTERNAL_SERVER_ERROR)]
#[message("Reloading the configuration failed: {reason}")]
pub struct ConfigReloadFailed {
    #[from]
    reason: std::io::Error,
}

fn main() {}
