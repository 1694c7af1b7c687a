//! A blocking HTTP client for the server tests: status, headers and body of
//! a request, whatever the status.

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("the body is JSON")
    }
}

/// A GET.
#[allow(dead_code)]
pub fn get(url: &str) -> Reply {
    send("GET", url, &[], b"")
}

/// A GET with request headers.
#[allow(dead_code)]
pub fn get_with(url: &str, headers: &[(&str, &str)]) -> Reply {
    send("GET", url, headers, b"")
}

/// Any method, with request headers and a body.
#[allow(dead_code)]
pub fn send(method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .allow_non_standard_methods(true)
        .build()
        .into();
    let mut request = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(body.to_vec()).expect("a valid request");
    let mut response = agent.run(request).expect("the server answers");
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_owned()))
        .collect();
    Reply {
        status: response.status().as_u16(),
        headers,
        body: response.body_mut().read_to_string().expect("a text body"),
    }
}
