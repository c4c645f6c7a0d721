//! `ipobrief serve` (issue 17), run for real on a free port of 127.0.0.1: the brief is served
//! with the reload script, an edit is served after it is saved, a broken input shows its error
//! on the page and a fix brings the brief back, paths out of the folder get 404, only GET and
//! HEAD are answered, and Ctrl-C stops the server and removes its temporary folder. Every wait
//! is bounded; all traffic stays on 127.0.0.1.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::harness::{Running, Test};

/// How long a change may take to be served: far more than the ~100 ms it takes, for a loaded
/// machine.
pub(crate) const PATIENCE: Duration = Duration::from_secs(20);

/// One HTTP response, as read off the connection.
pub(crate) struct Reply {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// Sends one request to `address` (host:port) and reads the whole reply.
pub(crate) fn request(address: &str, method: &str, path: &str) -> Reply {
    let mut stream = TcpStream::connect(address).expect("the server accepts a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("the request is sent");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("the reply is read");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("an HTTP status line: {head:?}"));
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// Asks for `/` until `done` holds for the reply, at most [`PATIENCE`].
#[track_caller]
fn poll(server: &Running, address: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let reply = request(address, "GET", "/");
        if done(&reply) {
            return reply;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: not served within {PATIENCE:?}; last reply {}:\n{}\nstderr:\n{}",
            reply.status,
            &reply.body[..reply.body.len().min(400)],
            server.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Replaces `from` by `to` in the file at `path`, as an editor saves: a new file renamed over.
fn edit(path: &std::path::Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("the input");
    assert!(text.contains(from), "{from:?} in the input");
    let saved = path.with_extension("toml.saving");
    fs::write(&saved, text.replacen(from, to, 1)).expect("the edit is written");
    fs::rename(&saved, path).expect("the edit is saved");
}

#[cfg(unix)]
#[test]
fn serve_previews_regenerates_shows_errors_and_stops_cleanly() {
    let mut server = Test::new()
        .example("klarna.toml")
        .file("templates/style.css", "/* first style */")
        .file("tmp/.keep", "")
        .args([
            "serve",
            "klarna.toml",
            "--port",
            "0",
            "--templates",
            "templates",
        ])
        .env("TMPDIR", "tmp")
        .start();
    let line = server.line_with("http://", PATIENCE);
    let url = line[line.find("http://").expect("a URL")..].trim();
    let address = url
        .strip_prefix("http://")
        .and_then(|rest| rest.strip_suffix('/'))
        .expect("http://host:port/")
        .to_string();
    assert!(address.starts_with("127.0.0.1:"), "{address}");
    let input = server.path("klarna.toml");

    // The brief, with the reload script its nonce allows; 2024's revenue as written.
    let brief = request(&address, "GET", "/");
    assert_eq!(brief.status, 200, "{}", server.stderr());
    assert!(brief.head.contains("Content-Type: text/html"));
    assert!(brief.body.contains("<td>2,811</td>"));
    let nonce = brief
        .body
        .split("<script nonce=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the reload script has a nonce");
    assert!(brief.body.contains(&format!(
        "content=\"script-src 'nonce-{nonce}'; connect-src 'self'; "
    )));
    let head = request(&address, "HEAD", "/");
    assert_eq!((head.status, head.body.as_str()), (200, ""));

    // A saved edit is served.
    edit(&input, "revenue = 2811 ", "revenue = 2999 ");
    poll(&server, &address, "the edited revenue", |reply| {
        reply.status == 200 && reply.body.contains("<td>2,999</td>")
    });

    // A template override saved is served too.
    assert!(brief.body.contains("/* first style */"));
    fs::write(server.path("templates/style.css"), "/* second style */").expect("a new style");
    poll(&server, &address, "the new style", |reply| {
        reply.body.contains("/* second style */")
    });

    // A broken input: the error as the terminal prints it, escaped, on a page that reloads.
    edit(&input, "revenue = 2999 ", "revenue = \"ten\" ");
    let error = poll(&server, &address, "the error page", |reply| {
        reply.status == 500
    });
    let line = fs::read_to_string(&input)
        .expect("the input")
        .lines()
        .position(|l| l.starts_with("revenue = \"ten\" "))
        .expect("the broken line")
        + 1;
    assert!(
        error.body.contains(&format!("klarna.toml:{line}:11")),
        "{}",
        error.body
    );
    assert!(error
        .body
        .contains(&format!("{line} | revenue = &quot;ten&quot;")));
    assert!(error.body.contains("   |           ^^^^^"));
    assert!(error.body.contains("<script nonce=\""));
    assert!(server
        .stderr()
        .contains(&format!("{line} | revenue = \"ten\"")));
    // Fixed: the brief is back.
    edit(&input, "revenue = \"ten\" ", "revenue = 3000 ");
    poll(&server, &address, "the fixed brief", |reply| {
        reply.status == 200 && reply.body.contains("<td>3,000</td>")
    });

    // Nothing outside the generated folder, however the path is written.
    for path in [
        "/../klarna.toml",
        "/%2e%2e/klarna.toml",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/klarna-group-plc/../../klarna.toml",
        "//etc/passwd",
        "/etc/passwd",
        "/klarna-group-plc/nothing.html",
    ] {
        assert_eq!(request(&address, "GET", path).status, 404, "{path}");
    }
    assert_eq!(
        request(&address, "GET", "/klarna-group-plc/metrics.json").status,
        200
    );
    for method in ["POST", "PUT", "DELETE"] {
        let reply = request(&address, method, "/");
        assert_eq!(reply.status, 405, "{method}");
        assert!(reply.head.contains("Allow: GET, HEAD"));
    }

    // Ctrl-C: the server stops, with its temporary folder gone.
    let temporary = fs::read_dir(server.path("tmp")).expect("TMPDIR").count();
    assert_eq!(temporary, 2, "the server's folder beside .keep");
    server.interrupt();
    let code = server.wait(PATIENCE);
    assert_eq!(code, Some(Some(0)), "stderr:\n{}", server.stderr());
    let left: Vec<_> = fs::read_dir(server.path("tmp"))
        .expect("TMPDIR")
        .map(|entry| entry.expect("an entry").file_name())
        .collect();
    assert_eq!(left, [".keep"]);
}

#[test]
fn a_port_in_use_is_named_with_exit_code_2() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = taken.local_addr().expect("its address").port().to_string();
    Test::new()
        .example("klarna.toml")
        .args(["serve", "klarna.toml", "--port", &port])
        .run()
        .status(2)
        .stderr_contains(&format!("port {port} is in use"));
}

#[test]
fn generate_writes_no_reload_script() {
    // The reload script and its nonce exist only in what serve sends.
    let run = Test::new()
        .example("klarna.toml")
        .args(["generate", "klarna.toml", "-o", "out"])
        .run()
        .status(0);
    let html = run.read("out/klarna-group-plc/brief.html");
    assert!(!html.contains("<script"));
    assert!(!html.contains("nonce"));
    assert!(!html.contains("__ipobrief"));
}
