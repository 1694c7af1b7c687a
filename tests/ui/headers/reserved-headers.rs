// Every header a details field may not feed, in any letter case: those the
// response sets itself, and those that frame the message, manage the
// connection, set a cookie, are CORS or redirect. One error each.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(400)]
    Rejected {
        #[api_error(header = "Content-Type")]
        h0: String,
        #[api_error(header = "CACHE-CONTROL")]
        h1: String,
        #[api_error(header = "x-content-type-options")]
        h2: String,
        #[api_error(header = "Content-Language")]
        h3: String,
        #[api_error(header = "Vary")]
        h4: String,
        #[api_error(header = "X-Request-Id")]
        h5: String,
        #[api_error(header = "Content-Length")]
        h6: String,
        #[api_error(header = "Transfer-Encoding")]
        h7: String,
        #[api_error(header = "content-encoding")]
        h8: String,
        #[api_error(header = "Content-Range")]
        h9: String,
        #[api_error(header = "TRAILER")]
        h10: String,
        #[api_error(header = "Connection")]
        h11: String,
        #[api_error(header = "Keep-Alive")]
        h12: String,
        #[api_error(header = "Proxy-Connection")]
        h13: String,
        #[api_error(header = "Upgrade")]
        h14: String,
        #[api_error(header = "TE")]
        h15: String,
        #[api_error(header = "HTTP2-Settings")]
        h16: String,
        #[api_error(header = "Alt-Svc")]
        h17: String,
        #[api_error(header = "Set-Cookie")]
        h18: String,
        #[api_error(header = "set-cookie2")]
        h19: String,
        #[api_error(header = "Access-Control-Allow-Origin")]
        h20: String,
        #[api_error(header = "access-control-allow-credentials")]
        h21: String,
        #[api_error(header = "ACCESS-CONTROL-EXPOSE-HEADERS")]
        h22: String,
        #[api_error(header = "Access-Control-Max-Age")]
        h23: String,
        #[api_error(header = "Location")]
        h24: String,
        #[api_error(header = "Content-Location")]
        h25: String,
        #[api_error(header = "Refresh")]
        h26: String,
        #[api_error(header = "Retry-After")]
        h27: String,
        #[api_error(header = "WWW-Authenticate")]
        h28: String,
    },
}

fn main() {}
