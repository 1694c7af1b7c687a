//! An actix-web server on a loopback port, on a thread of its own, for the
//! server tests: `serve!(|| App::new()...)` gives its base URL and a guard
//! that stops it when dropped.

/// Stops the server, and waits for its thread, when dropped.
pub struct Running {
    pub base: String,
    handle: Option<actix_web::dev::ServerHandle>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Running {
    pub fn new(
        addr: std::net::SocketAddr,
        handle: actix_web::dev::ServerHandle,
        thread: std::thread::JoinHandle<std::io::Result<()>>,
    ) -> Self {
        Running {
            base: format!("http://{addr}"),
            handle: Some(handle),
            thread: Some(thread),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            actix_web::rt::System::new().block_on(handle.stop(true));
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Starts `HttpServer::new($factory)` with one worker on 127.0.0.1.
macro_rules! serve {
    ($factory:expr) => {{
        let (started, on_start) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = actix_web::HttpServer::new($factory)
                    .workers(1)
                    .bind(("127.0.0.1", 0))
                    .expect("bind a loopback port");
                let addr = server.addrs()[0];
                let running = server.run();
                started.send((addr, running.handle())).unwrap();
                running.await
            })
        });
        let (addr, handle) = on_start.recv().expect("the server starts");
        $crate::actix_server::Running::new(addr, handle, thread)
    }};
}
