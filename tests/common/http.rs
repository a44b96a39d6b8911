//! A small HTTP/1.1 server on 127.0.0.1 for fetch tests and benchmarks: one thread per
//! connection, keep-alive, a handler closure deciding each reply, and a server-side log of
//! every request (path, headers, start and end instants, requests in flight). Replies can be
//! hostile too: a body trickled a byte at a time, or a connection reset instead of an answer.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Request target (path and query).
    pub path: String,
    /// Header names lowercased.
    pub headers: HashMap<String, String>,
    /// When the request line arrived.
    pub start: Instant,
    /// Requests in flight at that moment, this one included: received and not yet answered
    /// (a request stops counting before its response is written).
    pub in_flight: usize,
}

/// What to answer.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Sleep this long before answering.
    pub delay: Duration,
    /// Send no Content-Length and close the connection to end the body.
    pub no_length: bool,
    /// Write the body one byte at a time, this long apart (a trickling server).
    pub trickle: Option<Duration>,
    /// Answer nothing: reset the connection (TCP RST) once the request is read.
    pub reset: bool,
}

impl Reply {
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Self::with_type(200, "text/html; charset=utf-8", body)
    }

    pub fn with_type(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            no_length: false,
            trickle: None,
            reset: false,
        }
    }

    /// No answer: the connection is reset once the request is read.
    pub fn reset() -> Self {
        Self { reset: true, ..Self::status(500) }
    }

    /// `body`, one byte every `every`, with no Content-Length (the connection ends it).
    pub fn trickle(body: impl Into<Vec<u8>>, every: Duration) -> Self {
        Self { trickle: Some(every), no_length: true, ..Self::html(body) }
    }

    pub fn status(status: u16) -> Self {
        Self::with_type(status, "text/plain", format!("status {status}"))
    }

    pub fn redirect(to: &str) -> Self {
        let mut r = Self::status(302);
        r.headers.push(("Location".into(), to.into()));
        r
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delayed(mut self, d: Duration) -> Self {
        self.delay = d;
        self
    }
}

type Handler = dyn Fn(&Hit, usize) -> Reply + Send + Sync;

/// A running server; stops accepting when dropped.
pub struct Server {
    pub addr: std::net::SocketAddr,
    hits: Arc<Mutex<Vec<Hit>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Starts a server whose `handler` gets each request and how many earlier requests had
    /// the same path.
    pub fn start(handler: impl Fn(&Hit, usize) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local addr");
        let hits = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let active = Arc::new(AtomicUsize::new(0));
        let (h, s) = (Arc::clone(&hits), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (h, handler, active) = (Arc::clone(&h), Arc::clone(&handler), Arc::clone(&active));
                std::thread::spawn(move || serve(stream, &h, &*handler, &active));
            }
        });
        Self { addr, hits, stop }
    }

    /// `http://127.0.0.1:PORT` + path.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Every request so far, in arrival order.
    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    /// Requests for one path.
    pub fn hits_for(&self, path: &str) -> Vec<Hit> {
        self.hits().into_iter().filter(|h| h.path == path).collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(stream: TcpStream, hits: &Mutex<Vec<Hit>>, handler: &Handler, active: &AtomicUsize) {
    let Ok(write_half) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    let mut out = write_half;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let start = Instant::now();
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        if let Some(len) = headers.get("content-length").and_then(|l| l.parse::<u64>().ok()) {
            let _ = std::io::copy(&mut (&mut reader).take(len), &mut std::io::sink());
        }
        let in_flight = active.fetch_add(1, Ordering::SeqCst) + 1;
        let hit = Hit { path: path.clone(), headers, start, in_flight };
        let seen = {
            let mut all = hits.lock().unwrap();
            let seen = all.iter().filter(|h| h.path == path).count();
            all.push(hit.clone());
            seen
        };
        let reply = handler(&hit, seen);
        std::thread::sleep(reply.delay);
        // The request leaves the count before its first response byte is written: the client
        // cannot see the response (and start another request in its place) while it is still
        // counted, so the count never exceeds what the client has in flight.
        active.fetch_sub(1, Ordering::SeqCst);
        if reply.reset {
            reset(&out);
            return;
        }
        let reason = match reply.status {
            200 => "OK",
            304 => "Not Modified",
            301 | 302 => "Found",
            404 => "Not Found",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "Status",
        };
        let mut head = format!("HTTP/1.1 {} {reason}\r\n", reply.status);
        for (k, v) in &reply.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if reply.no_length {
            head.push_str("Connection: close\r\n");
        } else {
            head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
        }
        head.push_str("\r\n");
        let ok = out.write_all(head.as_bytes()).is_ok()
            && (reply.status == 304 || write_body(&mut out, &reply))
            && out.flush().is_ok();
        if !ok || reply.no_length {
            return;
        }
    }
}

/// Writes the body whole, or a byte at a time when the reply trickles; false when the client
/// went away.
fn write_body(out: &mut TcpStream, reply: &Reply) -> bool {
    let Some(every) = reply.trickle else { return out.write_all(&reply.body).is_ok() };
    for byte in &reply.body {
        if out.write_all(std::slice::from_ref(byte)).and_then(|()| out.flush()).is_err() {
            return false;
        }
        std::thread::sleep(every);
    }
    true
}

/// Sets SO_LINGER to zero so that closing the socket (when the caller drops its handles)
/// sends a TCP RST instead of a FIN: the client sees "connection reset".
fn reset(stream: &TcpStream) {
    use std::os::fd::AsRawFd;
    let linger = libc::linger { l_onoff: 1, l_linger: 0 };
    // SAFETY: setsockopt on a socket we own, reading a properly sized linger struct.
    unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            std::ptr::addr_of!(linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        );
    }
}
