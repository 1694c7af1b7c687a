//! The five example services' error types (`examples/*.rs`), for the tests
//! that check every catalog, included once per test binary.

#[allow(dead_code)]
#[path = "../../../examples/hexabase.rs"]
pub mod hexabase;
#[allow(dead_code)]
#[path = "../../../examples/k0rdent.rs"]
pub mod k0rdent;
#[allow(dead_code)]
#[path = "../../../examples/llm_gateway.rs"]
pub mod llm_gateway;
#[allow(dead_code)]
#[path = "../../../examples/openchoreo.rs"]
pub mod openchoreo;
#[allow(dead_code)]
#[path = "../../../examples/phala.rs"]
pub mod phala;
