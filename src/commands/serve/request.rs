//! One request's head, read off a connection within bounds and parsed by httparse: at most
//! [`HEAD_LIMIT`] bytes of request line and headers, all of it within [`HEAD_TIME`]. Nothing
//! past the head is read: `serve` answers GET and HEAD, never reads a body, and closes each
//! connection after its one answer.

use std::io::Read;
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The most bytes of request line and headers read; a longer head gets 431.
pub const HEAD_LIMIT: usize = 64 * 1024;
/// How long a connection may take to send its whole head; then it is closed unanswered.
pub const HEAD_TIME: Duration = Duration::from_secs(10);
/// The most header lines taken (a browser sends about 20); more is 431 too.
const MOST_HEADERS: usize = 100;

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    /// The request target as sent: a path, with any query.
    pub target: String,
    /// The `Host` header; none when missing (or not UTF-8).
    pub host: Option<String>,
}

/// Why no head was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Closed, timed out, or closed by the server to make room: nothing to answer.
    Gone,
    /// Longer than [`HEAD_LIMIT`], or more than [`MOST_HEADERS`] lines: 431.
    TooLarge,
    /// Not an HTTP request: 400.
    Malformed,
}

/// Reads one request head from `stream`, within [`HEAD_LIMIT`] and [`HEAD_TIME`].
pub fn read_head(stream: &TcpStream) -> Result<Head, Refused> {
    let deadline = Instant::now() + HEAD_TIME;
    let mut bytes = Vec::with_capacity(1024);
    let mut chunk = [0; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Refused::Gone);
        }
        // The deadline holds for the whole head: a byte every few seconds does not extend it.
        stream
            .set_read_timeout(Some(left))
            .map_err(|_| Refused::Gone)?;
        let read = match Read::read(&mut &*stream, &mut chunk) {
            Ok(0) | Err(_) => return Err(Refused::Gone),
            Ok(read) => read,
        };
        // One byte past the limit is kept, to tell a head at the limit from a longer one.
        let room = (HEAD_LIMIT + 1).saturating_sub(bytes.len());
        bytes.extend_from_slice(&chunk[..read.min(room)]);
        // A head ends with a line break: parsed again only when one arrives (or at the limit),
        // so a head sent a byte at a time costs no more than one sent at once.
        let ends_a_line = chunk[..read].contains(&b'\n');
        if !ends_a_line && bytes.len() <= HEAD_LIMIT {
            continue;
        }
        match parse(&bytes) {
            Parsed::Partial if bytes.len() > HEAD_LIMIT => return Err(Refused::TooLarge),
            Parsed::Partial => {}
            Parsed::Done(result) => return result,
        }
    }
}

enum Parsed {
    Partial,
    Done(Result<Head, Refused>),
}

/// The head at the start of `bytes`, if they hold all of it.
fn parse(bytes: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MOST_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(bytes) {
        Ok(httparse::Status::Partial) => Parsed::Partial,
        Ok(httparse::Status::Complete(_)) => {
            let hosts = request
                .headers
                .iter()
                .filter(|header| header.name.eq_ignore_ascii_case("host"))
                .count();
            // Two Host headers: which one names the site is anyone's guess (RFC 9112: 400).
            if hosts > 1 {
                return Parsed::Done(Err(Refused::Malformed));
            }
            let host = request
                .headers
                .iter()
                .find(|header| header.name.eq_ignore_ascii_case("host"))
                .and_then(|header| std::str::from_utf8(header.value).ok())
                .map(|value| value.trim().to_string());
            Parsed::Done(Ok(Head {
                method: request.method.unwrap_or_default().to_string(),
                target: request.path.unwrap_or_default().to_string(),
                host,
            }))
        }
        Err(httparse::Error::TooManyHeaders) => Parsed::Done(Err(Refused::TooLarge)),
        Err(_) => Parsed::Done(Err(Refused::Malformed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Option<Result<Head, Refused>> {
        match parse(text.as_bytes()) {
            Parsed::Partial => None,
            Parsed::Done(result) => Some(result),
        }
    }

    #[test]
    fn a_head_gives_its_method_target_and_host() {
        let parsed = head("GET /a/b?x=1 HTTP/1.1\r\nhOsT: localhost:8000 \r\nAccept: */*\r\n\r\n");
        assert_eq!(
            parsed,
            Some(Ok(Head {
                method: "GET".into(),
                target: "/a/b?x=1".into(),
                host: Some("localhost:8000".into()),
            }))
        );
        let no_host = head("HEAD / HTTP/1.0\r\n\r\n").unwrap().unwrap();
        assert_eq!((no_host.method.as_str(), no_host.host), ("HEAD", None));
    }

    #[test]
    fn a_partial_head_waits_and_nonsense_is_refused() {
        assert_eq!(head("GET / HTTP/1.1\r\nHost: a"), None);
        assert_eq!(
            head("\u{1}\u{2} nonsense\r\n\r\n"),
            Some(Err(Refused::Malformed))
        );
        let many: String = (0..=MOST_HEADERS)
            .map(|i| format!("X-{i}: y\r\n"))
            .collect();
        assert_eq!(
            head(&format!("GET / HTTP/1.1\r\n{many}\r\n")),
            Some(Err(Refused::TooLarge))
        );
    }
}
