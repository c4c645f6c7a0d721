//! An answer as `serve` writes it on the connection: a status, the program's own headers and
//! the whole body, with `Content-Length` and `Connection: close` (one answer per connection).

use std::io::Write;
use std::net::TcpStream;

/// A whole answer, built in memory.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// A reply with a body of `kind`, never cached, its type never guessed by the browser.
    pub fn new(status: u16, kind: &str, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            headers: vec![
                ("Content-Type", kind.to_string()),
                ("Cache-Control", "no-store".to_string()),
                ("X-Content-Type-Options", "nosniff".to_string()),
            ],
            body: body.into(),
        }
    }

    /// A short plain-text reply.
    pub fn text(status: u16, text: &str) -> Self {
        Reply::new(status, "text/plain; charset=utf-8", format!("{text}\n"))
    }

    /// Adds a header. Values are the program's own (a `Location` is percent-encoded first):
    /// one holding a line break or another control character is left out, never sent.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        if !value.chars().any(char::is_control) {
            self.headers.push((name, value));
        }
        self
    }

    /// The header `name`'s value, if set.
    #[cfg(test)]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Writes the reply; the body is left out for a HEAD request (its length is still given).
    pub fn send(&self, mut out: &TcpStream, head_only: bool) -> std::io::Result<()> {
        let mut bytes = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            bytes.push_str(&format!("{name}: {value}\r\n"));
        }
        bytes.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        let mut bytes = bytes.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        out.write_all(&bytes)?;
        out.flush()
    }
}

/// The reason phrase of each status `serve` sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_with_a_line_break_is_never_set() {
        let reply = Reply::text(301, "moved")
            .with("Location", "/a/\r\nSet-Cookie: x=1")
            .with("Allow", "GET, HEAD");
        assert_eq!(reply.header("Location"), None);
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"));
        assert_eq!(reply.header("Cache-Control"), Some("no-store"));
    }
}
