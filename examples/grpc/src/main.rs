//! The Hexabase catalog over gRPC: each error as the `tonic::Status` a
//! tonic handler returns (code, message, and the richer error model's
//! details), next to the AIP-193 JSON body of the same error, and decoded
//! back into the typed error as a client would.
//!
//! ```sh
//! cargo run -p example-grpc
//! ```
//!
//! The gRPC tests of `tests/integration/frameworks` serve the same statuses from a real tonic server.

// The catalog's own `main` and helpers are not used here.
#[allow(dead_code)]
#[path = "../../hexabase.rs"]
mod hexabase;

use apierror::decode::Decoded;
use apierror::format::Google;
use apierror::grpc::Grpc;
use apierror::Render;
use hexabase::{HexabaseError, ResourceError, WorkspaceError};
use tonic_types::StatusExt;

fn main() {
    let errors = [
        HexabaseError::Resource(ResourceError::AlreadyExists {
            resource_type: "project".into(),
            field: "namespace".into(),
            value: "frontend".into(),
        }),
        HexabaseError::Workspace(WorkspaceError::NotReady {
            workspace_id: "ws-123".into(),
            status: "provisioning".into(),
            retry_after: 30,
        }),
    ];
    for error in errors {
        let body = Render::new(&error)
            .format(&Google::new("api.hexabase.ai"))
            .to_string()
            .expect("a body");
        let status = Grpc::new("api.hexabase.ai").status(&error);
        println!("HTTP (AIP-193): {body}");
        println!("gRPC: {:?} {:?}", status.code(), status.message());
        if let Some(info) = status.get_details_error_info() {
            let mut metadata: Vec<_> = info.metadata.iter().collect();
            metadata.sort();
            println!(
                "  ErrorInfo {} @ {}: {metadata:?}",
                info.reason, info.domain
            );
        }
        if let Some(retry) = status.get_details_retry_info() {
            println!("  RetryInfo {:?}", retry.retry_delay);
        }
        match Grpc::decode_status::<HexabaseError>(&status) {
            Ok(Decoded::Known(back)) => {
                assert_eq!(back, error);
                println!("  decoded: {back:?}\n");
            }
            other => panic!("the status does not decode: {other:?}"),
        }
    }
}
