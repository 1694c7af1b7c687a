use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum L0 {
    Missing,
}

#[derive(Debug, ApiError)]
pub enum L1 {
    #[api_error(transparent)]
    Inner(L0),
}

#[derive(Debug, ApiError)]
pub enum L2 {
    #[api_error(transparent)]
    Inner(L1),
}

#[derive(Debug, ApiError)]
pub enum L3 {
    #[api_error(transparent)]
    Inner(L2),
}

#[derive(Debug, ApiError)]
pub enum L4 {
    #[api_error(transparent)]
    Inner(L3),
}

#[derive(Debug, ApiError)]
pub enum L5 {
    #[api_error(transparent)]
    Inner(L4),
}

#[derive(Debug, ApiError)]
pub enum L6 {
    #[api_error(transparent)]
    Inner(L5),
}

#[derive(Debug, ApiError)]
pub enum L7 {
    #[api_error(transparent)]
    Inner(L6),
}

#[derive(Debug, ApiError)]
pub enum L8 {
    #[api_error(transparent)]
    Inner(L7),
}

#[derive(Debug, ApiError)]
pub enum L9 {
    #[api_error(transparent)]
    Inner(L8),
}

#[derive(Debug, ApiError)]
pub enum L10 {
    #[api_error(transparent)]
    Inner(L9),
}

#[derive(Debug, ApiError)]
pub enum L11 {
    #[api_error(transparent)]
    Inner(L10),
}

#[derive(Debug, ApiError)]
pub enum L12 {
    #[api_error(transparent)]
    Inner(L11),
}

#[derive(Debug, ApiError)]
pub enum L13 {
    #[api_error(transparent)]
    Inner(L12),
}

#[derive(Debug, ApiError)]
pub enum L14 {
    #[api_error(transparent)]
    Inner(L13),
}

#[derive(Debug, ApiError)]
pub enum L15 {
    #[api_error(transparent)]
    Inner(L14),
}

#[derive(Debug, ApiError)]
pub enum L16 {
    #[api_error(transparent)]
    Inner(L15),
}

#[derive(Debug, ApiError)]
pub enum L17 {
    #[api_error(transparent)]
    Inner(L16),
}

#[derive(Debug, ApiError)]
pub enum L18 {
    #[api_error(transparent)]
    Inner(L17),
}

#[derive(Debug, ApiError)]
pub enum L19 {
    #[api_error(transparent)]
    Inner(L18),
}

#[derive(Debug, ApiError)]
pub enum L20 {
    #[api_error(transparent)]
    Inner(L19),
}

#[derive(Debug, ApiError)]
pub enum L21 {
    #[api_error(transparent)]
    Inner(L20),
}

#[derive(Debug, ApiError)]
pub enum L22 {
    #[api_error(transparent)]
    Inner(L21),
}

#[derive(Debug, ApiError)]
pub enum L23 {
    #[api_error(transparent)]
    Inner(L22),
}

#[derive(Debug, ApiError)]
pub enum L24 {
    #[api_error(transparent)]
    Inner(L23),
}

#[derive(Debug, ApiError)]
pub enum L25 {
    #[api_error(transparent)]
    Inner(L24),
}

#[derive(Debug, ApiError)]
pub enum L26 {
    #[api_error(transparent)]
    Inner(L25),
}

#[derive(Debug, ApiError)]
pub enum L27 {
    #[api_error(transparent)]
    Inner(L26),
}

#[derive(Debug, ApiError)]
pub enum L28 {
    #[api_error(transparent)]
    Inner(L27),
}

#[derive(Debug, ApiError)]
pub enum L29 {
    #[api_error(transparent)]
    Inner(L28),
}

#[derive(Debug, ApiError)]
pub enum L30 {
    #[api_error(transparent)]
    Inner(L29),
}

#[derive(Debug, ApiError)]
pub enum L31 {
    #[api_error(transparent)]
    Inner(L30),
}

#[derive(Debug, ApiError)]
pub enum L32 {
    #[api_error(transparent)]
    Inner(L31),
}

#[derive(Debug, ApiError)]
pub enum L33 {
    #[api_error(transparent)]
    Inner(L32),
}

fn main() {}
