//! The HTTP side of `serve`: GET and HEAD of files inside the generated folder and nothing
//! else, asked for by this machine's own names (see [`Hosts`]), the reload script added to HTML
//! pages, the error page while the input is broken, and the event stream that tells open pages
//! a new build is ready.

use std::io::Write;
use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use super::hosts::Hosts;
use super::page;
use super::reply::Reply;
use super::request::Head;
use super::site::{Site, Snapshot};

/// How often an idle event stream sends a comment and looks whether its page went away.
const KEEP_ALIVE: Duration = Duration::from_secs(5);
/// The most event streams open at once (one per open page): half the connections' places, so
/// pages reloading, or a page that opens many, always leave room for the files they load; a
/// new stream past it closes the oldest, whose page reconnects by itself.
const MOST_STREAMS: usize = super::listen::MOST_CONNECTIONS / 2;

/// The open event streams, oldest first, by number: a handle to close each.
static STREAMS: std::sync::Mutex<std::collections::VecDeque<(u64, TcpStream)>> =
    std::sync::Mutex::new(std::collections::VecDeque::new());
static STREAM_NUMBERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Registers an event stream, closing the oldest past [`MOST_STREAMS`]; the stream's number.
fn open_stream(stream: &TcpStream) -> u64 {
    let number = STREAM_NUMBERS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mut streams = STREAMS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    while streams.len() >= MOST_STREAMS {
        if let Some((_, oldest)) = streams.pop_front() {
            let _ = oldest.shutdown(std::net::Shutdown::Both);
        }
    }
    if let Ok(handle) = stream.try_clone() {
        streams.push_back((number, handle));
    }
    number
}

fn close_stream(number: u64) {
    let mut streams = STREAMS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    streams.retain(|(n, _)| *n != number);
}

/// Whether the other side of an idle event stream has closed it (a read would end at once).
fn gone(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return true;
    }
    let mut byte = [0; 1];
    let gone = match stream.peek(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(error) => error.kind() != std::io::ErrorKind::WouldBlock,
    };
    stream.set_nonblocking(false).is_err() || gone
}

/// Answers one request: only when its `Host` is one of `hosts`, only GET and HEAD.
pub fn answer(stream: &TcpStream, head: &Head, site: &Site, hosts: &Hosts) {
    let head_only = head.method == "HEAD";
    let reply = if !head.host.as_deref().is_some_and(|host| hosts.allows(host)) {
        // A page of another site that renamed itself to this address (DNS rebinding) asks
        // with its own name: it reads nothing.
        Reply::text(403, "this preview answers only to the address it prints")
    } else if !matches!(head.method.as_str(), "GET" | "HEAD") {
        Reply::text(405, "only GET and HEAD are served").with("Allow", "GET, HEAD")
    } else {
        let path = head.target.split(['?', '#']).next().unwrap_or_default();
        if path == page::EVENTS && !head_only {
            // The page went away: nothing to do.
            let _ = events(stream, site);
            return;
        }
        read(path, site)
    };
    // The page went away mid-answer: nothing to do.
    let _ = reply.send(stream, head_only);
}

/// The reply to a GET of `path`: a file of the last good build, the error page while the
/// input is broken, a redirect to a folder's own path, or 404.
fn read(path: &str, site: &Site) -> Reply {
    let Some(relative) = relative_path(path) else {
        return not_found();
    };
    let state = site.snapshot();
    if let Some(error) = &state.error {
        let html = page::with_reload(&page::error_page(error), state.generation, &page::nonce());
        return Reply::new(500, "text/html; charset=utf-8", html);
    }
    let file = match locate(&state, &relative) {
        Some(Found::File(file)) => file,
        // A folder's page links relative to it: only with a trailing slash do they resolve.
        // The place is the folder's clean path, never the path as sent: `//name` would be
        // another site's address.
        Some(Found::Folder) if !path.ends_with('/') => {
            return Reply::text(301, "moved").with("Location", folder_location(&relative))
        }
        Some(Found::Folder) | None => return not_found(),
    };
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return not_found(),
        // Out of file descriptors for a moment (a burst of connections), or the like.
        Err(_) => {
            return Reply::text(503, "the file could not be read just now: try again")
                .with("Retry-After", "1")
        }
    };
    let kind = content_type(&file);
    let bytes = match kind.starts_with("text/html") {
        true => page::with_reload(
            &String::from_utf8_lossy(&bytes),
            state.generation,
            &page::nonce(),
        )
        .into_bytes(),
        false => bytes,
    };
    Reply::new(200, kind, bytes)
}

/// `/a/b/` for the folder `a/b`: one leading slash, each name percent-encoded.
fn folder_location(relative: &Path) -> String {
    let mut location = String::from("/");
    for name in relative.components() {
        for byte in name.as_os_str().to_string_lossy().bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    location.push(char::from(byte))
                }
                _ => location.push_str(&format!("%{byte:02X}")),
            }
        }
        location.push('/');
    }
    location
}

/// What a request path names in the served folder.
enum Found {
    File(PathBuf),
    /// A folder, whose page is asked for with a trailing slash.
    Folder,
}

/// The file a request names, inside the served folder: `/` is the landing page, a folder its
/// `index.html` or `brief.html`. Whatever leaves the folder (through a symbolic link too) is
/// none.
fn locate(state: &Snapshot, relative: &Path) -> Option<Found> {
    let root = state.root.as_deref()?;
    let relative = match relative.as_os_str().is_empty() {
        true => state.landing.as_deref()?,
        false => relative,
    };
    let found = inside(root, relative)?;
    if !found.is_dir() {
        return Some(Found::File(found));
    }
    ["index.html", "brief.html"]
        .iter()
        .find_map(|name| inside(root, &relative.join(name)))
        .map(Found::File)
        .or(Some(Found::Folder))
}

/// `root/relative` with every link resolved, when it exists and is still inside `root`.
pub fn inside(root: &Path, relative: &Path) -> Option<PathBuf> {
    let root = root.canonicalize().ok()?;
    let found = root.join(relative).canonicalize().ok()?;
    found.starts_with(&root).then_some(found)
}

/// A request path as a relative path of plain names: percent-decoded, with `.` and empty
/// segments dropped; none when it has a `..` (written plainly or encoded), a backslash, a
/// drive or NUL, or does not start with `/`.
pub fn relative_path(path: &str) -> Option<PathBuf> {
    let rest = path.strip_prefix('/')?;
    let decoded = percent_decode(rest)?;
    if decoded.contains(['\\', '\0', ':']) {
        return None;
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            name => relative.push(name),
        }
    }
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    plain.then_some(relative)
}

/// `%XX` escapes decoded; none for a bad escape or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            // Two hex digits exactly (from_str_radix would also take "+5").
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Server-sent events: the current build's number at once, then each new one, written on the
/// connection as they come (no length: the stream ends when the connection does).
fn events(out: &TcpStream, site: &Site) -> std::io::Result<()> {
    let number = open_stream(out);
    let result = stream_events(out, site);
    close_stream(number);
    result
}

fn stream_events(mut out: &TcpStream, site: &Site) -> std::io::Result<()> {
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          Connection: close\r\n\r\n",
    )?;
    let mut seen = None;
    loop {
        let state = match seen {
            None => site.snapshot(),
            Some(seen) => site.wait_past(seen, KEEP_ALIVE),
        };
        if state.stopping || gone(out) {
            return Ok(());
        }
        if seen == Some(state.generation) {
            out.write_all(b": still here\n\n")?;
        } else {
            write!(out, "data: {}\n\n", state.generation)?;
            seen = Some(state.generation);
        }
        out.flush()?;
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("css") => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn not_found() -> Reply {
    Reply::new(404, "text/html; charset=utf-8", page::not_found_page())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_stay_inside_the_folder() {
        assert_eq!(relative_path("/"), Some(PathBuf::new()));
        assert_eq!(
            relative_path("/klarna/./charts//a%20b.svg"),
            Some(PathBuf::from("klarna/charts/a b.svg"))
        );
        for bad in [
            "/../etc/passwd",
            "/klarna/../../x",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc",
            "/a%5c..%5cb",
            "/%00",
            "/%zz",
            "/%ff",
            "/C:/Windows",
            "etc/passwd",
            "http://example.com/",
        ] {
            assert_eq!(relative_path(bad), None, "{bad}");
        }
        // An absolute path in the URL is a path under the folder, not the system's.
        assert_eq!(
            relative_path("//etc/passwd"),
            Some(PathBuf::from("etc/passwd"))
        );
    }

    #[test]
    fn a_folder_is_redirected_to_its_own_clean_path() {
        // `GET //evil.example/charts` once sent `Location: //evil.example/charts/`, which a
        // browser reads as another site.
        let relative = relative_path("//evil.example/charts").unwrap();
        assert_eq!(folder_location(&relative), "/evil.example/charts/");
        assert_eq!(folder_location(Path::new("a b/ü")), "/a%20b/%C3%BC/");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_out_of_the_folder_is_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let served = tempfile::tempdir().unwrap();
        std::fs::write(served.path().join("brief.html"), "brief").unwrap();
        std::os::unix::fs::symlink(outside.path(), served.path().join("out")).unwrap();
        std::os::unix::fs::symlink(
            served.path().join("brief.html"),
            served.path().join("inner.html"),
        )
        .unwrap();
        assert_eq!(inside(served.path(), Path::new("out/secret.txt")), None);
        assert_eq!(inside(served.path(), Path::new("out")), None);
        assert!(inside(served.path(), Path::new("inner.html")).is_some());
        assert!(inside(served.path(), Path::new("brief.html")).is_some());
        assert_eq!(inside(served.path(), Path::new("missing.html")), None);
    }
}
