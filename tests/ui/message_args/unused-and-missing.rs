use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(400)]
    #[message("{} items", .count, .count * 2)]
    TwoArgs { count: u32 },
    #[status(404)]
    #[message("Not found", .id)]
    Static { id: u32 },
    #[status(409)]
    #[message("{} and {}", .id)]
    Missing { id: u32 },
    #[status(410)]
    #[message("{n}", n = .id, n = .id)]
    Twice { id: u32 },
    #[status(411)]
    #[message("{total}", total = .id, unused = .id)]
    Named { id: u32 },
}

fn main() {}
