//! `ipobrief serve`: a live preview. Generates the briefs (through the pipeline, as `generate` does) into a
//! temporary folder, serves that folder on 127.0.0.1, regenerates on every saved change of an
//! input, a peer, the templates or the thresholds, and reloads the open pages. A bad edit shows
//! its error on the page, as the terminal prints it, until the next good save. Ctrl-C stops the
//! server and removes the temporary folder.

mod hosts;
mod http;
mod listen;
mod page;
mod quote;
mod reply;
mod request;
mod site;
mod watch;

use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::diagnostic::{eprint_line, Output};
use crate::exit::UsageError;
use crate::settings::Serve;

use self::hosts::Hosts;
use self::site::Site;
use self::watch::{Signal, Watched, Watcher};

pub fn run(mut settings: Serve, output: Output) -> Result<ExitCode> {
    let watched = Watched::of(&settings).map_err(crate::exit::usage)?;
    let listener = bind(settings.address)?;
    let address = listener.local_addr().unwrap_or(settings.address);
    let folder = tempfile::Builder::new()
        .prefix("ipobrief-serve-")
        .tempdir()
        .context("cannot make a temporary folder to generate into")?;
    let site = Arc::new(Site::new(folder.path()));

    let (signals, received) = mpsc::channel();
    let stop = signals.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Signal::Stop);
    })
    .context("cannot listen for Ctrl-C")?;
    let nothing_watched = watched.is_empty();
    let mut watcher = watched.start(signals)?;
    watcher.add(settings.generate.peers.as_deref().unwrap_or_default());

    rebuild(&site, &mut settings, &mut watcher, output);
    let hosts = Hosts::of(address);
    // The listening thread runs until the process ends; event streams end at the stop.
    std::thread::Builder::new()
        .name("serve listener".into())
        .spawn({
            let site = Arc::clone(&site);
            move || {
                listen::serve(&listener, move |stream, head| {
                    http::answer(stream, &head, &site, &hosts)
                })
            }
        })
        .context("cannot start the server's thread")?;
    let url = format!("http://{address}/");
    // The address goes to standard output, for a person or a script to read.
    let _ = writeln!(std::io::stdout(), "Serving {url}");
    if !address.ip().is_loopback() {
        eprint_line(format_args!(
            "warning: serving on {address}: other machines that can reach it can read the brief"
        ));
    }
    if !output.quiet {
        eprint_line(format_args!(
            "generated into {}; {}; Ctrl-C stops",
            folder.path().display(),
            match nothing_watched {
                true => "the bundled example: nothing to watch",
                false => "watching for changes",
            }
        ));
    }
    if settings.open {
        open_in_browser(&url);
    }

    while let Ok(signal) = received.recv() {
        // Changes that came in during the last build are one more build; a stop wins.
        let signals: Vec<Signal> = std::iter::once(signal).chain(received.try_iter()).collect();
        if signals.contains(&Signal::Stop) {
            break;
        }
        rebuild(&site, &mut settings, &mut watcher, output);
    }

    site.stop();
    let shown = folder.path().display().to_string();
    folder
        .close()
        .with_context(|| format!("cannot remove the temporary folder {shown}"))?;
    if !output.quiet {
        eprint_line("stopped; the temporary folder is removed");
    }
    Ok(ExitCode::SUCCESS)
}

/// Listens on `address`; a port in use is a usage error that names it.
fn bind(address: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(address).map_err(|error| {
        let message = match error.kind() == std::io::ErrorKind::AddrInUse {
            true => format!(
                "cannot serve on {address}: port {} is in use; pick another with --port, or \
                 --port 0 for any free one",
                address.port()
            ),
            false => format!("cannot serve on {address}: {error}"),
        };
        anyhow::Error::new(UsageError(message))
    })
}

/// Builds again, watches the peers' files the build read, and says how it went on standard
/// error: the time, or the error in full.
fn rebuild(site: &Site, settings: &mut Serve, watcher: &mut Watcher, output: Output) {
    let started = Instant::now();
    let mut peer_files = Vec::new();
    let error = site.rebuild(settings, &mut peer_files);
    watcher.add(&peer_files);
    match error {
        None if !output.quiet => eprint_line(format_args!(
            "generated in {} ms",
            started.elapsed().as_millis()
        )),
        None => {}
        Some(error) => eprint_line(error),
    }
}

/// Opens `url` with the system's opener; a failure is only a message.
fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let started = std::process::Command::new(opener.0)
        .args(&opener.1)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(error) = started {
        eprint_line(format_args!(
            "cannot open a browser ({}: {error}); open {url} yourself",
            opener.0
        ));
    }
}
