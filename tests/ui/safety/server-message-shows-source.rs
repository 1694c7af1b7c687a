use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum StorageError {
    #[code("VOLUME_MOUNT_FAILED")]
    #[status(500)]
    #[message("Could not mount the volume: {cause}")]
    VolumeMountFailed {
        volume: String,
        #[source]
        cause: std::io::Error,
    },
}

fn main() {}
