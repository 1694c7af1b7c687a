#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
pub enum PhalaError {
    #[api_error(transparent)]
    Preflight(PreflightError),
    #[api_error(transparent)]
    Inventory(InventoryError),
    #[api_error(transparent)]
    CvmOperation(CvmOperationError),
    #[api_error(transparent)]
    Workspace(WorkspaceError),
}
