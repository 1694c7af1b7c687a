#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(pattern = "CHOREO-####", range = 1000..=9999)]
#[api_error(
    envelope = "problem",
    type_url = "https://openchoreo.dev/docs/reference/error-codes#{code}"
)]
#[api_error(
    category(name = "component", range = 1000..=1999, title = "Component-related errors"),
    category(name = "project", range = 2000..=2999, title = "Project-related errors"),
    category(name = "environment", range = 3000..=3999, title = "Environment-related errors"),
    category(name = "data_plane", range = 4000..=4999, title = "Data plane-related errors"),
    category(name = "auth", range = 5000..=5999, title = "Authentication/Authorization errors"),
    category(name = "network", range = 6000..=6999, title = "Network-related errors"),
    category(name = "storage", range = 7000..=7999, title = "Storage-related errors"),
    category(name = "build", range = 8000..=8999, title = "Build/Deployment errors"),
    category(name = "system", range = 9000..=9999, title = "System/Internal errors")
)]
pub enum OpenChoreoError {
    // ---- Component errors (1000-1999) -------------------------------------
    /// Component specification contains invalid configuration.
    #[code("CHOREO-1001")]
    #[status(UNPROCESSABLE_ENTITY)] // well-formed request, invalid spec
    #[message("Component validation failed")]
    #[api_error(title = "Component Validation Failed")]
    ComponentValidationFailed {
        /// Path of the offending field, e.g. `spec.runtime`.
        field: String,
        reason: String,
    },

    /// Component build process encountered an error.
    #[code("CHOREO-1002")]
    #[status(UNPROCESSABLE_ENTITY)] // the submitted source cannot be built
    #[message("Build failed for component '{component}'")]
    #[api_error(title = "Component Build Failed")]
    ComponentBuildFailed { component: String },

    /// Component deployment to Kubernetes failed.
    #[code("CHOREO-1003")]
    #[status(INTERNAL_SERVER_ERROR)]
    #[message("Deployment failed for component '{component}'")]
    #[api_error(title = "Component Deployment Failed")]
    ComponentDeploymentFailed { component: String },

    /// Component health checks are failing consistently.
    #[code("CHOREO-1004")]
    #[status(SERVICE_UNAVAILABLE)] // the component is up but not serving
    #[message("Health check failed for component '{component}'")]
    #[api_error(title = "Component Health Check Failed")]
    ComponentHealthCheckFailed { component: String },

    // ---- Project errors (2000-2999) ---------------------------------------
    /// Unable to create new project.
    #[code("CHOREO-2001")]
    #[status(CONFLICT)] // the documented example is a name conflict
    #[message("Project creation failed")]
    #[api_error(title = "Project Creation Failed")]
    ProjectCreationFailed {
        project: String,
        organization: String,
    },

    /// Circular dependency detected between project components.
    #[code("CHOREO-2002")]
    #[status(UNPROCESSABLE_ENTITY)]
    #[message("Dependency loop detected in project '{project}'")]
    #[api_error(title = "Component Dependency Loop")]
    ComponentDependencyLoop {
        project: String,
        /// The components forming the loop, first one repeated at the end.
        cycle: Vec<String>,
    },

    // ---- Environment errors (3000-3999) -----------------------------------
    /// Environment has exceeded its allocated resource limits.
    #[code("CHOREO-3001")]
    #[status(UNPROCESSABLE_ENTITY)]
    #[message("Environment '{environment}' resource quota exceeded")]
    #[api_error(title = "Environment Resource Quota Exceeded")]
    EnvironmentResourceQuotaExceeded { environment: String },

    /// Network communication blocked by environment security policies.
    #[code("CHOREO-3002")]
    #[status(FORBIDDEN)]
    #[message("Environment network policy violation")]
    #[api_error(title = "Environment Network Policy Violation")]
    EnvironmentNetworkPolicyViolation {
        environment: String,
        from_component: String,
        to_component: String,
        port: u16,
    },

    // ---- Data plane errors (4000-4999) ------------------------------------
    /// Unable to connect to Kubernetes cluster.
    #[code("CHOREO-4001")]
    #[status(BAD_GATEWAY)] // the upstream cluster API server is unreachable
    #[message("Cluster connection failed")]
    #[api_error(title = "Cluster Connection Failed")]
    ClusterConnectionFailed,

    /// Cluster nodes have insufficient resources for new workloads.
    #[code("CHOREO-4002")]
    #[status(SERVICE_UNAVAILABLE)]
    #[message("Node resource exhaustion")]
    #[api_error(title = "Node Resource Exhaustion")]
    NodeResourceExhaustion,

    // ---- Authentication/Authorization errors (5000-5999) ------------------
    /// User authentication failed.
    #[code("CHOREO-5001")]
    #[status(UNAUTHORIZED)]
    #[message("Authentication failed")]
    #[api_error(title = "Authentication Failed")]
    AuthenticationFailed,

    /// User lacks required permissions for the requested operation.
    #[code("CHOREO-5002")]
    #[status(FORBIDDEN)]
    #[message("Insufficient permissions")]
    #[api_error(title = "Insufficient Permissions")]
    InsufficientPermissions { required_role: String },

    // ---- Network errors (6000-6999) ---------------------------------------
    /// Component cannot discover other services.
    #[code("CHOREO-6001")]
    #[status(SERVICE_UNAVAILABLE)]
    #[message("Service discovery failed")]
    #[api_error(title = "Service Discovery Failed")]
    ServiceDiscoveryFailed { component: String, target: String },

    /// Load balancer configuration is invalid or failing.
    #[code("CHOREO-6002")]
    #[status(BAD_GATEWAY)] // typically refused by the cloud provider
    #[message("Load balancer configuration error")]
    #[api_error(title = "Load Balancer Configuration Error")]
    LoadBalancerConfigurationError { service: String },

    // ---- Storage errors (7000-7999) ---------------------------------------
    /// Unable to provision persistent storage for component.
    #[code("CHOREO-7001")]
    #[status(UNPROCESSABLE_ENTITY)] // e.g. unknown storage class
    #[message("Persistent volume provisioning failed")]
    #[api_error(title = "Persistent Volume Provisioning Failed")]
    PersistentVolumeProvisioningFailed {
        component: String,
        storage_class: String,
    },

    /// Unable to mount persistent volume to component.
    #[code("CHOREO-7002")]
    #[status(INTERNAL_SERVER_ERROR)]
    #[message("Volume mount failed")]
    #[api_error(title = "Volume Mount Failed")]
    VolumeMountFailed { component: String },

    // ---- Build/Deployment errors (8000-8999) ------------------------------
    /// Unable to push or pull container images from registry.
    #[code("CHOREO-8001")]
    #[status(BAD_GATEWAY)] // the registry, not the caller, refused access
    #[message("Image registry access denied")]
    #[api_error(title = "Image Registry Access Denied")]
    ImageRegistryAccessDenied { image: String },

    /// Build context exceeds size limits.
    #[code("CHOREO-8002")]
    #[status(PAYLOAD_TOO_LARGE)]
    #[message("Build context too large")]
    #[api_error(title = "Build Context Too Large")]
    BuildContextTooLarge { size_bytes: u64, limit_bytes: u64 },

    // ---- System/Internal errors (9000-9999) -------------------------------
    /// OpenChoreo controller failed to reconcile resources.
    #[code("CHOREO-9001")]
    #[status(INTERNAL_SERVER_ERROR)]
    #[message("Controller reconciliation failed")]
    #[api_error(title = "Controller Reconciliation Failed")]
    ControllerReconciliationFailed,

    /// Request to OpenChoreo API server timed out.
    #[code("CHOREO-9002")]
    #[status(GATEWAY_TIMEOUT)]
    #[message("API server timeout")]
    #[api_error(title = "API Server Timeout")]
    ApiServerTimeout { timeout_secs: u64 },

    /// OpenChoreo cannot connect to its backend database.
    #[code("CHOREO-9003")]
    #[status(SERVICE_UNAVAILABLE)]
    #[message("Database connection failed")]
    #[api_error(title = "Database Connection Failed")]
    DatabaseConnectionFailed,
}
