//! `ipobrief serve` (issue 17), run for real on a free port of 127.0.0.1: the brief is served
//! with the reload script, an edit is served after it is saved, a broken input shows its error
//! on the page and a fix brings the brief back, paths out of the folder get 404, only GET and
//! HEAD are answered, and Ctrl-C stops the server and removes its temporary folder. Hardening
//! II: only this machine's Host names are answered, a burst of connections and a huge head
//! leave it serving, an edited peer file is served, and a link to a file outside the input's
//! folder is not quoted on the page. Every wait is bounded; all traffic stays on 127.0.0.1.

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
    exchange(
        address,
        &format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `head` as it is to `address` and reads the whole reply.
fn exchange(address: &str, head: &str) -> Reply {
    let mut stream = TcpStream::connect(address).expect("the server accepts a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    stream
        .write_all(head.as_bytes())
        .expect("the request is sent");
    read_reply(stream)
}

fn read_reply(mut stream: TcpStream) -> Reply {
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

/// Starts `serve` as `test` sets it up and returns it with its address (host:port).
pub(crate) fn start(test: Test) -> (Running, String) {
    let server = test.start();
    let line = server.line_with("http://", PATIENCE);
    let url = line[line.find("http://").expect("a URL")..].trim();
    let address = url
        .strip_prefix("http://")
        .and_then(|rest| rest.strip_suffix('/'))
        .expect("http://host:port/")
        .to_string();
    assert!(address.starts_with("127.0.0.1:"), "{address}");
    (server, address)
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

/// Waits until the server's standard error holds `needle`, at most [`PATIENCE`]: the server
/// serves the error page before it writes the error to standard error.
#[track_caller]
fn wait_for_stderr(server: &Running, needle: &str) {
    let deadline = Instant::now() + PATIENCE;
    while !server.stderr().contains(needle) {
        assert!(
            Instant::now() < deadline,
            "standard error did not show {needle:?} within {PATIENCE:?}:\n{}",
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
    let (mut server, address) = start(
        Test::new()
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
            .env("TMPDIR", "tmp"),
    );
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
    wait_for_stderr(&server, &format!("{line} | revenue = \"ten\""));
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

/// The line of `reply`'s head that starts with `name: `, as sent.
fn header_line<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    reply
        .head
        .lines()
        .find(|line| line.to_ascii_lowercase().starts_with(&format!("{name}: ")))
}

#[test]
fn only_this_machines_host_names_are_answered_and_redirects_stay_on_it() {
    // Hardening II, 7: a page renamed to 127.0.0.1 by DNS rebinding read the brief and
    // metrics.json, and `//name/charts` redirected to `//name/charts/`, another site.
    let (_server, address) =
        start(
            Test::new()
                .example("klarna.toml")
                .args(["serve", "klarna.toml", "--port", "0"]),
        );
    let port = address.rsplit(':').next().expect("a port");
    let ask = |host: Option<&str>, path: &str| {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        exchange(
            &address,
            &format!("GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"),
        )
    };
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let reply = ask(Some(&host), "/klarna-group-plc/metrics.json");
        assert_eq!(reply.status, 200, "{host}");
    }
    for host in [
        Some(format!("rebound.example:{port}")),
        Some("rebound.example".to_string()),
        Some(format!("localhost:{}", port.parse::<u16>().unwrap() ^ 1)),
        None,
    ] {
        for path in ["/", "/klarna-group-plc/metrics.json", "/__ipobrief/events"] {
            let reply = ask(host.as_deref(), path);
            assert_eq!(reply.status, 403, "{host:?} {path}");
            assert!(!reply.body.contains("Klarna"), "{host:?} {path}");
        }
    }

    let moved = request(&address, "GET", "//klarna-group-plc/charts");
    assert_eq!(moved.status, 301);
    assert_eq!(
        header_line(&moved, "location"),
        Some("Location: /klarna-group-plc/charts/")
    );
    let moved = request(&address, "GET", "/klarna-group-plc//charts");
    assert_eq!(
        header_line(&moved, "location"),
        Some("Location: /klarna-group-plc/charts/")
    );
}

#[cfg(unix)]
#[test]
fn a_burst_of_connections_beyond_the_descriptors_leaves_the_preview_serving() {
    // Hardening II, 8: ~500 idle connections at `ulimit -n 1024` killed tiny_http's accept
    // thread and the port stopped listening. Here the limit is 64 and 200 connections send
    // nothing; a request is then served while they are still open, and after they close.
    let (server, address) = start(
        Test::new()
            .example("klarna.toml")
            .args(["serve", "klarna.toml", "--port", "0"])
            .fd_limit(64),
    );
    let socket: std::net::SocketAddr = address.parse().expect("host:port");
    let idle: Vec<TcpStream> = (0..200)
        .filter_map(|_| TcpStream::connect_timeout(&socket, Duration::from_secs(2)).ok())
        .collect();
    assert!(
        idle.len() > 64,
        "only {} connections were opened",
        idle.len()
    );
    // Served, file and all: room is made for the request and for the file it reads. While
    // the closed connections' threads are still leaving, the answer may be 503 (try again),
    // never anything else.
    let deadline = Instant::now() + PATIENCE;
    let reply = loop {
        let reply = request(&address, "GET", "/klarna-group-plc/metrics.json");
        if reply.status != 503 || Instant::now() > deadline {
            break reply;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(reply.status, 200, "{}", server.stderr());
    assert!(reply.body.contains("Klarna Group plc"));
    drop(idle);
    assert_eq!(request(&address, "GET", "/").status, 200);
    assert!(server.stderr().matches("could not accept").count() <= 1);
}

#[test]
fn a_huge_request_head_is_refused_and_not_kept() {
    // Hardening II, 9: a 300 MB header was read into memory whole (360 MB resident). A head
    // over 64 KiB gets 431, and the server stops reading a longer one.
    let (_server, address) =
        start(
            Test::new()
                .example("klarna.toml")
                .args(["serve", "klarna.toml", "--port", "0"]),
        );
    let filler = "a".repeat(70 * 1024);
    let reply = exchange(
        &address,
        &format!("GET / HTTP/1.1\r\nHost: {address}\r\nX-Filler: {filler}"),
    );
    assert_eq!(reply.status, 431, "{}", reply.head);

    // 64 MiB of header, written until the server closes the connection: it must close it long
    // before the end, having kept none of it.
    let mut stream = TcpStream::connect(&address).expect("a connection");
    stream
        .set_write_timeout(Some(Duration::from_secs(10)))
        .expect("a write timeout");
    let head = format!("GET / HTTP/1.1\r\nHost: {address}\r\nX-Filler: ");
    stream.write_all(head.as_bytes()).expect("the head starts");
    let chunk = vec![b'a'; 64 * 1024];
    let written = (0..1024)
        .take_while(|_| stream.write_all(&chunk).is_ok())
        .count();
    assert!(written < 512, "{written} chunks of 64 KiB were taken");

    // The short head still gets its answer.
    let fine = format!(
        "GET / HTTP/1.1\r\nHost: {address}\r\nX-Filler: {}\r\n\r\n",
        "a".repeat(60 * 1024)
    );
    assert_eq!(exchange(&address, &fine).status, 200);
}

#[test]
fn an_edited_peer_file_is_served() {
    // Hardening II, 10: the peers named in the company file were not watched, so editing
    // one left the preview stale.
    let (server, address) =
        start(
            Test::new()
                .example("klarna.toml")
                .args(["serve", "klarna.toml", "--port", "0"]),
        );
    let first = request(&address, "GET", "/");
    assert!(
        first.body.contains("PayPal Holdings, Inc."),
        "{}",
        server.stderr()
    );
    edit(
        &server.path("peers/paypal.toml"),
        "name = \"PayPal Holdings, Inc.\"",
        "name = \"PayPal Renamed Peer\"",
    );
    poll(&server, &address, "the edited peer", |reply| {
        reply.status == 200 && reply.body.contains("PayPal Renamed Peer")
    });
    // Broken and fixed again: the peer file stays watched through its own error.
    edit(
        &server.path("peers/paypal.toml"),
        "name = \"PayPal Renamed Peer\"",
        "name = ",
    );
    poll(&server, &address, "the peer's error", |reply| {
        reply.status == 500 && reply.body.contains("paypal.toml")
    });
    edit(
        &server.path("peers/paypal.toml"),
        "name = ",
        "name = \"PayPal Fixed Peer\"",
    );
    poll(&server, &address, "the fixed peer", |reply| {
        reply.status == 200 && reply.body.contains("PayPal Fixed Peer")
    });

    // A peer given with --peers, in a folder of its own, is watched too.
    let (server, address) = start(
        Test::new()
            .example("klarna.toml")
            .copy("examples/peers/affirm.toml", "others/affirm.toml")
            .args([
                "serve",
                "klarna.toml",
                "--port",
                "0",
                "--peers",
                "others/affirm.toml",
            ]),
    );
    edit(
        &server.path("others/affirm.toml"),
        "name = \"Affirm Holdings, Inc.\"",
        "name = \"Affirm Renamed Peer\"",
    );
    poll(&server, &address, "the edited --peers file", |reply| {
        reply.status == 200 && reply.body.contains("Affirm Renamed Peer")
    });
}

#[cfg(unix)]
#[test]
fn an_input_replaced_by_a_link_out_of_its_folder_is_not_quoted_on_the_page() {
    // Hardening II, 11: an input replaced by a symbolic link to a system file showed that
    // file's first lines on the error page. The terminal, the user's own, still shows them.
    let secret = "secret-line-4242 = root:x:0:0";
    let (server, address) = start(
        Test::new()
            .copy("examples/klarna.toml", "site/klarna.toml")
            .copy("examples/peers/paypal.toml", "site/peers/paypal.toml")
            .copy("examples/peers/affirm.toml", "site/peers/affirm.toml")
            .file("private/passwd", format!("{secret}\n"))
            .args(["serve", "site/klarna.toml", "--port", "0"]),
    );
    assert_eq!(request(&address, "GET", "/").status, 200);
    let input = server.path("site/klarna.toml");
    let link = server.path("site/klarna.toml.link");
    std::os::unix::fs::symlink(server.path("private/passwd"), &link).expect("a link");
    fs::rename(&link, &input).expect("the link replaces the input");
    let page = poll(&server, &address, "the error page", |reply| {
        reply.status == 500
    });
    assert!(!page.body.contains("secret-line"), "{}", page.body);
    assert!(!page.body.contains("root:x"), "{}", page.body);
    assert!(
        page.body
            .contains("site&#x2F;klarna.toml is a symbolic link to a file outside its folder"),
        "{}",
        page.body
    );
    assert!(server.stderr().contains(secret), "{}", server.stderr());

    // A link to a file inside the folder is the user's own: its lines are shown.
    fs::write(server.path("site/copy.toml"), "revenue = \"ten\"\n").expect("a file");
    let link = server.path("site/klarna.toml.link");
    std::os::unix::fs::symlink("copy.toml", &link).expect("a link");
    fs::rename(&link, &input).expect("the link replaces the input");
    let page = poll(&server, &address, "the inner link's error", |reply| {
        reply.body.contains("revenue = &quot;ten&quot;")
    });
    assert_eq!(page.status, 500);
}

/// Places are never held for long by connections that are not loading pages: 130 refused
/// requests whose senders trickle a byte every half second for 14 s (each refusal lingers at
/// most 2 s), and 140 event streams (more than the 128 places; streams may hold 64), each
/// leave room for a page and its files within seconds; the oldest event streams are closed,
/// and a closed page's stream is noticed and let go.
#[test]
fn trickling_refusals_and_many_event_streams_leave_room_for_pages() {
    let (server, address) =
        start(
            Test::new()
                .example("klarna.toml")
                .args(["serve", "klarna.toml", "--port", "0"]),
        );
    // The status of a GET, or none when the connection was refused or reset (a busy server's
    // 503 may be lost to a reset when it closes with the request unread).
    let status = || -> Option<u16> {
        let mut stream = TcpStream::connect(&address).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        let head = format!(
            "GET /klarna-group-plc/metrics.json HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).ok()?;
        let mut reply = String::new();
        stream.read_to_string(&mut reply).ok()?;
        reply.split(' ').nth(1)?.parse().ok()
    };
    let served_within = |what: &str, within: Duration| {
        let deadline = Instant::now() + within;
        loop {
            let got = status();
            if got == Some(200) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: {got:?} {}",
                server.stderr()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    // Refused (400), then trickling: each is let go after its linger of at most 2 s.
    let mut trickling: Vec<TcpStream> = (0..130)
        .filter_map(|_| TcpStream::connect(&address).ok())
        .collect();
    for stream in &mut trickling {
        let _ = stream.write_all(b"\x01 nonsense\r\n\r\n");
    }
    let trickle_until = Instant::now() + Duration::from_secs(14);
    let trickler = std::thread::spawn(move || {
        while Instant::now() < trickle_until {
            for stream in &mut trickling {
                let _ = stream.write_all(b"x");
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        trickling
    });
    served_within("while refused connections trickle", Duration::from_secs(6));
    drop(trickler.join());
    // Event streams past their share: the oldest are closed, pages are still served.
    let mut streams: Vec<TcpStream> = (0..140)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(&address).ok()?;
            let head = format!("GET /__ipobrief/events HTTP/1.1\r\nHost: {address}\r\n\r\n");
            stream.write_all(head.as_bytes()).ok()?;
            Some(stream)
        })
        .collect();
    assert_eq!(streams.len(), 140);
    served_within("with 140 event streams open", Duration::from_secs(8));
    // Pages that went away: their streams are let go, and pages keep loading.
    streams.clear();
    served_within("after the pages closed", Duration::from_secs(10));
}
