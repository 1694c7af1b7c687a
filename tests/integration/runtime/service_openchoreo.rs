//! Reference 000 (OpenChoreo): the catalog of `examples/openchoreo.rs` against the
//! published reference's error code reference and category list, and golden RFC 9457 problem
//! documents.

use crate::common;
#[allow(dead_code)]
use crate::services::openchoreo as catalog;

use apierror::format::{Context, Problem};
use apierror::{ApiError, Render};
use catalog::OpenChoreoError;
use common::render;
use serde_json::{json, Value};

/// (code, status, category, variant, message, description). Codes, messages
/// (the published reference's headings) and descriptions come from the published reference; statuses are ours.
#[rustfmt::skip]
const SEED: &[(&str, u16, &str, &str, &str, &str)] = &[
    ("CHOREO-1001", 422, "component", "ComponentValidationFailed", "Component validation failed", "Component specification contains invalid configuration."),
    ("CHOREO-1002", 422, "component", "ComponentBuildFailed", "Build failed for component '{component}'", "Component build process encountered an error."),
    ("CHOREO-1003", 500, "component", "ComponentDeploymentFailed", "Deployment failed for component '{component}'", "Component deployment to Kubernetes failed."),
    ("CHOREO-1004", 503, "component", "ComponentHealthCheckFailed", "Health check failed for component '{component}'", "Component health checks are failing consistently."),
    ("CHOREO-2001", 409, "project", "ProjectCreationFailed", "Project creation failed", "Unable to create new project."),
    ("CHOREO-2002", 422, "project", "ComponentDependencyLoop", "Dependency loop detected in project '{project}'", "Circular dependency detected between project components."),
    ("CHOREO-3001", 422, "environment", "EnvironmentResourceQuotaExceeded", "Environment '{environment}' resource quota exceeded", "Environment has exceeded its allocated resource limits."),
    ("CHOREO-3002", 403, "environment", "EnvironmentNetworkPolicyViolation", "Environment network policy violation", "Network communication blocked by environment security policies."),
    ("CHOREO-4001", 502, "data_plane", "ClusterConnectionFailed", "Cluster connection failed", "Unable to connect to Kubernetes cluster."),
    ("CHOREO-4002", 503, "data_plane", "NodeResourceExhaustion", "Node resource exhaustion", "Cluster nodes have insufficient resources for new workloads."),
    ("CHOREO-5001", 401, "auth", "AuthenticationFailed", "Authentication failed", "User authentication failed."),
    ("CHOREO-5002", 403, "auth", "InsufficientPermissions", "Insufficient permissions", "User lacks required permissions for the requested operation."),
    ("CHOREO-6001", 503, "network", "ServiceDiscoveryFailed", "Service discovery failed", "Component cannot discover other services."),
    ("CHOREO-6002", 502, "network", "LoadBalancerConfigurationError", "Load balancer configuration error", "Load balancer configuration is invalid or failing."),
    ("CHOREO-7001", 422, "storage", "PersistentVolumeProvisioningFailed", "Persistent volume provisioning failed", "Unable to provision persistent storage for component."),
    ("CHOREO-7002", 500, "storage", "VolumeMountFailed", "Volume mount failed", "Unable to mount persistent volume to component."),
    ("CHOREO-8001", 502, "build", "ImageRegistryAccessDenied", "Image registry access denied", "Unable to push or pull container images from registry."),
    ("CHOREO-8002", 413, "build", "BuildContextTooLarge", "Build context too large", "Build context exceeds size limits."),
    ("CHOREO-9001", 500, "system", "ControllerReconciliationFailed", "Controller reconciliation failed", "OpenChoreo controller failed to reconcile resources."),
    ("CHOREO-9002", 504, "system", "ApiServerTimeout", "API server timeout", "Request to OpenChoreo API server timed out."),
    ("CHOREO-9003", 503, "system", "DatabaseConnectionFailed", "Database connection failed", "OpenChoreo cannot connect to its backend database."),
];

/// The published reference's "Error Code Categories": (name, low, high, title).
#[rustfmt::skip]
const CATEGORIES: &[(&str, u64, u64, &str)] = &[
    ("component", 1000, 1999, "Component-related errors"),
    ("project", 2000, 2999, "Project-related errors"),
    ("environment", 3000, 3999, "Environment-related errors"),
    ("data_plane", 4000, 4999, "Data plane-related errors"),
    ("auth", 5000, 5999, "Authentication/Authorization errors"),
    ("network", 6000, 6999, "Network-related errors"),
    ("storage", 7000, 7999, "Storage-related errors"),
    ("build", 8000, 8999, "Build/Deployment errors"),
    ("system", 9000, 9999, "System/Internal errors"),
];

/// (code, title): the published reference's headings, `### CHOREO-1001: Component Validation Failed`.
#[rustfmt::skip]
const TITLES: &[(&str, &str)] = &[
    ("CHOREO-1001", "Component Validation Failed"),
    ("CHOREO-1002", "Component Build Failed"),
    ("CHOREO-1003", "Component Deployment Failed"),
    ("CHOREO-1004", "Component Health Check Failed"),
    ("CHOREO-2001", "Project Creation Failed"),
    ("CHOREO-2002", "Component Dependency Loop"),
    ("CHOREO-3001", "Environment Resource Quota Exceeded"),
    ("CHOREO-3002", "Environment Network Policy Violation"),
    ("CHOREO-4001", "Cluster Connection Failed"),
    ("CHOREO-4002", "Node Resource Exhaustion"),
    ("CHOREO-5001", "Authentication Failed"),
    ("CHOREO-5002", "Insufficient Permissions"),
    ("CHOREO-6001", "Service Discovery Failed"),
    ("CHOREO-6002", "Load Balancer Configuration Error"),
    ("CHOREO-7001", "Persistent Volume Provisioning Failed"),
    ("CHOREO-7002", "Volume Mount Failed"),
    ("CHOREO-8001", "Image Registry Access Denied"),
    ("CHOREO-8002", "Build Context Too Large"),
    ("CHOREO-9001", "Controller Reconciliation Failed"),
    ("CHOREO-9002", "API Server Timeout"),
    ("CHOREO-9003", "Database Connection Failed"),
];

const TYPE_URL: &str = "https://openchoreo.dev/docs/reference/error-codes#";

fn dependency_loop() -> OpenChoreoError {
    OpenChoreoError::ComponentDependencyLoop {
        project: "microservices".into(),
        cycle: [
            "user-service",
            "order-service",
            "payment-service",
            "user-service",
        ]
        .map(String::from)
        .to_vec(),
    }
}

#[test]
fn catalog_matches_published_in_declaration_order() {
    let catalog = OpenChoreoError::CATALOG;
    assert_eq!(catalog.len(), 21);
    common::assert_catalog(catalog, SEED);
    for (d, &(code, _, category, ..)) in catalog.iter().zip(SEED) {
        assert_eq!(d.category(), Some(category), "{code}: category");
    }
    assert_eq!(catalog.pattern(), Some("CHOREO-####"));
    assert!(catalog.retired().is_empty());
    assert!(catalog.find("CHOREO-1005").is_none());
}

#[test]
fn categories_match_published() {
    let categories = OpenChoreoError::CATALOG.categories();
    assert_eq!(categories.len(), CATEGORIES.len());
    for (c, &(name, low, high, title)) in categories.iter().zip(CATEGORIES) {
        assert_eq!(c.name(), name);
        assert_eq!(c.range(), Some((low, high)), "{name}: range");
        assert_eq!(c.title(), Some(title), "{name}: title");
        assert_eq!(c.prefix(), None, "{name}: prefix");
    }
}

#[test]
fn every_variant_has_the_published_heading_as_title() {
    let catalog = OpenChoreoError::CATALOG;
    assert_eq!(catalog.len(), TITLES.len());
    for (d, &(code, title)) in catalog.iter().zip(TITLES) {
        assert_eq!(d.code(), code);
        assert_eq!(d.title(), Some(title), "{code}: title");
        // The public message stays the sentence-case one.
        assert_ne!(d.template(), title, "{code}: message");
    }
    assert_eq!(
        catalog.built_in(),
        &apierror::format::BuiltIn::Problem(Problem::with_type(
            "https://openchoreo.dev/docs/reference/error-codes#{code}"
        ))
    );
}

#[test]
fn golden_problem_documents() {
    let validation = OpenChoreoError::ComponentValidationFailed {
        field: "spec.runtime".into(),
        reason: "runtime 'php' is not supported".into(),
    };
    let goldens: [(&OpenChoreoError, &str); 3] = [
        (
            &validation,
            r#"{"type":"https://openchoreo.dev/docs/reference/error-codes#CHOREO-1001","title":"Component Validation Failed","status":422,"detail":"Component validation failed","code":"CHOREO-1001","field":"spec.runtime","reason":"runtime 'php' is not supported"}"#,
        ),
        (
            &dependency_loop(),
            r#"{"type":"https://openchoreo.dev/docs/reference/error-codes#CHOREO-2002","title":"Component Dependency Loop","status":422,"detail":"Dependency loop detected in project 'microservices'","code":"CHOREO-2002","project":"microservices","cycle":["user-service","order-service","payment-service","user-service"]}"#,
        ),
        (
            &OpenChoreoError::ClusterConnectionFailed,
            r#"{"type":"https://openchoreo.dev/docs/reference/error-codes#CHOREO-4001","title":"Cluster Connection Failed","status":502,"detail":"Cluster connection failed","code":"CHOREO-4001"}"#,
        ),
    ];
    for (err, golden) in goldens {
        let code = err.code();
        assert_eq!(
            apierror::Render::new(err).to_string().unwrap(),
            golden,
            "{code}"
        );

        let response = apierror::Render::new(err).to_response();
        assert_eq!(response.status(), err.status(), "{code}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{code}"
        );
        assert_eq!(response.body(), golden.as_bytes(), "{code}");
    }
}

#[test]
fn every_variant_renders_the_problem_members() {
    for (d, &(code, title)) in OpenChoreoError::CATALOG.iter().zip(TITLES) {
        let err = example(code);
        let rendered = render(&err);
        let members = rendered.as_object().unwrap();
        assert_eq!(members["type"], format!("{TYPE_URL}{code}"));
        assert_eq!(members["title"], title);
        assert_eq!(members["status"], d.status().as_u16(), "{code}");
        assert_eq!(members["detail"], err.message().to_string(), "{code}");
        assert_eq!(members["code"], code);
        // The details fields, and nothing else, follow as extension members.
        let extensions: Vec<&str> = members
            .keys()
            .map(String::as_str)
            .filter(|k| !["type", "title", "status", "detail", "code"].contains(k))
            .collect();
        let mut fields = d.fields().to_vec();
        fields.sort_unstable();
        assert_eq!(extensions, fields, "{code}: extension members");
        assert!(
            members.get("details").is_none(),
            "{code}: no `details` object"
        );
    }
}

/// A value of the variant with `code`, its string fields set to `"x"`.
fn example(code: &str) -> OpenChoreoError {
    use OpenChoreoError::*;
    let x = || String::from("x");
    match code {
        "CHOREO-1001" => ComponentValidationFailed {
            field: x(),
            reason: x(),
        },
        "CHOREO-1002" => ComponentBuildFailed { component: x() },
        "CHOREO-1003" => ComponentDeploymentFailed { component: x() },
        "CHOREO-1004" => ComponentHealthCheckFailed { component: x() },
        "CHOREO-2001" => ProjectCreationFailed {
            project: x(),
            organization: x(),
        },
        "CHOREO-2002" => dependency_loop(),
        "CHOREO-3001" => EnvironmentResourceQuotaExceeded { environment: x() },
        "CHOREO-3002" => EnvironmentNetworkPolicyViolation {
            environment: x(),
            from_component: x(),
            to_component: x(),
            port: 5432,
        },
        "CHOREO-4001" => ClusterConnectionFailed,
        "CHOREO-4002" => NodeResourceExhaustion,
        "CHOREO-5001" => AuthenticationFailed,
        "CHOREO-5002" => InsufficientPermissions { required_role: x() },
        "CHOREO-6001" => ServiceDiscoveryFailed {
            component: x(),
            target: x(),
        },
        "CHOREO-6002" => LoadBalancerConfigurationError { service: x() },
        "CHOREO-7001" => PersistentVolumeProvisioningFailed {
            component: x(),
            storage_class: x(),
        },
        "CHOREO-7002" => VolumeMountFailed { component: x() },
        "CHOREO-8001" => ImageRegistryAccessDenied { image: x() },
        "CHOREO-8002" => BuildContextTooLarge {
            size_bytes: 2,
            limit_bytes: 1,
        },
        "CHOREO-9001" => ControllerReconciliationFailed,
        "CHOREO-9002" => ApiServerTimeout { timeout_secs: 30 },
        "CHOREO-9003" => DatabaseConnectionFailed,
        other => panic!("no variant for {other}"),
    }
}

#[test]
fn instance_comes_from_the_context() {
    let err = OpenChoreoError::ComponentBuildFailed {
        component: "user-service".into(),
    };
    let render = Render::new(&err)
        .context(Context::new().with_instance("/components/user-service/builds/42"));
    assert_eq!(
        render.to_string().unwrap(),
        r#"{"type":"https://openchoreo.dev/docs/reference/error-codes#CHOREO-1002","title":"Component Build Failed","status":422,"detail":"Build failed for component 'user-service'","instance":"/components/user-service/builds/42","code":"CHOREO-1002","component":"user-service"}"#
    );
    assert_eq!(
        render.to_response().headers()["content-type"],
        "application/problem+json"
    );
}

#[test]
fn message_interpolates_component() {
    let err = OpenChoreoError::ComponentBuildFailed {
        component: "user-service".into(),
    };
    assert_eq!(err.code(), "CHOREO-1002");
    assert_eq!(err.to_string(), "Build failed for component 'user-service'");
    assert_eq!(
        err.message().to_string(),
        "Build failed for component 'user-service'"
    );
    assert_eq!(err.message().as_static(), None);
    assert_eq!(
        render(&err),
        json!({
            "type": "https://openchoreo.dev/docs/reference/error-codes#CHOREO-1002",
            "title": "Component Build Failed",
            "status": 422,
            "detail": "Build failed for component 'user-service'",
            "code": "CHOREO-1002",
            "component": "user-service"
        })
    );
    // The standard format is still there at run time.
    let standard = Render::new(&err)
        .format(&apierror::format::Standard)
        .to_vec()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&standard).unwrap(),
        json!({"error": {
            "code": "CHOREO-1002",
            "message": "Build failed for component 'user-service'",
            "details": {"component": "user-service"}
        }})
    );
}

#[test]
fn details_render_with_their_types() {
    let rendered = render(&dependency_loop());
    assert_eq!(
        rendered["detail"],
        "Dependency loop detected in project 'microservices'"
    );
    assert_eq!(
        rendered["cycle"],
        json!([
            "user-service",
            "order-service",
            "payment-service",
            "user-service"
        ])
    );

    let too_large = render(&OpenChoreoError::BuildContextTooLarge {
        size_bytes: 2_100_000_000,
        limit_bytes: 1_000_000_000,
    });
    assert_eq!(too_large["detail"], "Build context too large");
    assert_eq!(too_large["status"], 413);
    assert_eq!(too_large["size_bytes"], 2_100_000_000u64);
    assert_eq!(too_large["limit_bytes"], 1_000_000_000u64);

    let network = render(&OpenChoreoError::EnvironmentNetworkPolicyViolation {
        environment: "staging".into(),
        from_component: "frontend".into(),
        to_component: "database".into(),
        port: 5432,
    });
    assert_eq!(network["port"], 5432);
    assert_eq!(network["title"], "Environment Network Policy Violation");

    assert_eq!(
        OpenChoreoError::ClusterConnectionFailed
            .message()
            .as_static(),
        Some("Cluster connection failed")
    );
}
