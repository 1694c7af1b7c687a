//! Seed 000 (OpenChoreo): the catalog of `examples/openchoreo.rs` against the
//! seed's error code reference and category list.

#[allow(dead_code)]
#[path = "../examples/openchoreo.rs"]
mod catalog;

use apierror::ApiError;
use catalog::OpenChoreoError;
use serde_json::{json, Value};

/// (code, status, category, variant, message, description). Codes, messages
/// (the seed's headings) and descriptions come from the seed; statuses are ours.
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

/// The seed's "Error Code Categories": (name, low, high, title).
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

fn render<E: ApiError>(err: &E) -> Value {
    let bytes = apierror::json::to_vec(err).expect("error renders as JSON");
    serde_json::from_slice(&bytes).expect("rendered JSON parses")
}

#[test]
fn catalog_matches_seed_in_declaration_order() {
    let catalog = OpenChoreoError::CATALOG;
    assert_eq!(catalog.len(), 21);
    assert_eq!(catalog.iter().count(), SEED.len());
    for (d, &(code, status, category, variant, message, description)) in catalog.iter().zip(SEED) {
        assert_eq!(d.code(), code);
        assert_eq!(d.status().as_u16(), status, "{code}: status");
        assert_eq!(d.category(), Some(category), "{code}: category");
        assert_eq!(d.variant(), variant, "{code}: variant");
        assert_eq!(d.message(), message, "{code}: message");
        assert_eq!(d.description(), description, "{code}: description");
        assert_eq!(catalog.find(code).map(|f| f.variant()), Some(variant));
    }
    assert_eq!(catalog.pattern(), Some("CHOREO-####"));
    assert!(catalog.retired().is_empty());
    assert!(catalog.find("CHOREO-1005").is_none());
}

#[test]
fn categories_match_seed() {
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
        json!({"error": {
            "code": "CHOREO-1002",
            "message": "Build failed for component 'user-service'",
            "details": {"component": "user-service"}
        }})
    );
}

#[test]
fn details_render_with_their_types() {
    let err = OpenChoreoError::ComponentDependencyLoop {
        project: "microservices".into(),
        cycle: vec![
            "user-service".into(),
            "order-service".into(),
            "payment-service".into(),
            "user-service".into(),
        ],
    };
    let rendered = render(&err);
    assert_eq!(
        rendered["error"]["message"],
        "Dependency loop detected in project 'microservices'"
    );
    assert_eq!(
        rendered["error"]["details"]["cycle"],
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
    assert_eq!(too_large["error"]["message"], "Build context too large");
    assert_eq!(
        too_large["error"]["details"]["size_bytes"],
        2_100_000_000u64
    );

    let unit = render(&OpenChoreoError::ClusterConnectionFailed);
    assert_eq!(
        unit,
        json!({"error": {"code": "CHOREO-4001", "message": "Cluster connection failed"}})
    );
    assert_eq!(
        OpenChoreoError::ClusterConnectionFailed
            .message()
            .as_static(),
        Some("Cluster connection failed")
    );
}
