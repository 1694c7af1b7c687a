//! One validation failure with three field errors, in the place each
//! format's clients read it: RFC 9457 `errors`, an AIP-193
//! `google.rpc.BadRequest`, the standard format's `details`, and a gRPC status's
//! `BadRequest` detail.
//!
//! ```sh
//! cargo run -p example-validation
//! ```
//!
//! With the `validator` feature, `Violations::from(&ValidationErrors)` builds
//! the list from `#[derive(Validate)]` (the validation-list tests in tests/integration/frameworks serve one).

use apierror::format::{Google, Problem, Standard};
use apierror::{ApiError, Render, Violations};
use serde_json::Value;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "SIGNUP_")]
pub enum SignupError {
    /// The request body is not a valid signup.
    #[status(422)]
    #[message("The request is not valid")]
    // AIP-193 has no 422: gRPC clients expect INVALID_ARGUMENT for bad input.
    #[api_error(grpc = "INVALID_ARGUMENT")]
    Invalid { violations: Violations },
}

fn main() {
    let error = SignupError::Invalid {
        violations: Violations::new()
            .with("email", "email", "must be an email address")
            .with("profile.age", "range", "must be at least 18")
            .with("/items/2/sku", "required", "is required"),
    };
    let pretty = |bytes: Vec<u8>| {
        let value: Value = serde_json::from_slice(&bytes).expect("a JSON body");
        serde_json::to_string_pretty(&value).expect("JSON")
    };
    let problem = Render::new(&error)
        .format(&Problem::new())
        .to_vec()
        .unwrap();
    let problem_value: Value = serde_json::from_slice(&problem).unwrap();
    assert_eq!(problem_value["errors"].as_array().map(Vec::len), Some(3));
    println!("RFC 9457:\n{}\n", pretty(problem));

    let google = Render::new(&error)
        .format(&Google::new("signup.example.com"))
        .to_vec()
        .unwrap();
    let google_value: Value = serde_json::from_slice(&google).unwrap();
    let bad_request = &google_value["error"]["details"][1];
    assert_eq!(
        bad_request["@type"],
        "type.googleapis.com/google.rpc.BadRequest"
    );
    println!("AIP-193:\n{}\n", pretty(google));

    let standard = Render::new(&error).format(&Standard).to_vec().unwrap();
    println!("Standard:\n{}\n", pretty(standard));
    println!("As text: {}", error.message());
    let SignupError::Invalid { violations } = &error;
    println!("  {violations}");

    {
        use tonic_types::StatusExt;
        let status: tonic::Status = apierror::grpc::Grpc::new("signup.example.com").status(&error);
        println!("\ngRPC: {:?} {:?}", status.code(), status.message());
        let bad = status
            .get_details_bad_request()
            .expect("a BadRequest detail");
        for violation in &bad.field_violations {
            println!(
                "  {} ({}): {}",
                violation.field, violation.reason, violation.description
            );
        }
        assert_eq!(bad.field_violations.len(), 3);
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
    }
}
