//! The one way this suite runs the real binary (in the style of just's `tests/lib.rs` and
//! mdBook's `BookTest`): a `Test` gathers arguments, files, standard input, environment and the
//! folder to run in; `run` gives an `Output` whose checks return it, so they chain.
//!
//! Standard input is written from a thread that ignores a broken pipe: the binary may exit
//! before it reads its input (a usage error), and that must never fail the test by a race.
//! Variables that change output (SOURCE_DATE_EPOCH, colour, CI) are removed unless a test sets
//! them, so a developer's environment cannot change a result.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Variables removed from every run unless the test sets them.
const CLEARED_ENV: [&str; 5] = [
    "SOURCE_DATE_EPOCH",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "CI",
];

/// The binary under test; every run of it goes through this file.
const BINARY: &str = env!("CARGO_BIN_EXE_ipobrief");

/// The repository's root, for fixtures and examples.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One run of the binary, being set up.
pub struct Test {
    /// The temporary folder this test owns (none when it runs in a folder of the caller's).
    temp: Option<TempDir>,
    dir: PathBuf,
    args: Vec<OsString>,
    stdin: Option<Vec<u8>>,
    env: Vec<(OsString, OsString)>,
    /// The most file descriptors the binary may hold (`ulimit -n`), when lowered.
    fd_limit: Option<u32>,
}

impl Test {
    /// A run in a fresh temporary folder, removed when the `Output` is dropped.
    pub fn new() -> Self {
        let temp = tempfile::tempdir().expect("a temporary folder");
        let dir = temp.path().to_path_buf();
        Test::with(Some(temp), dir)
    }

    /// A run in a folder the caller owns (and keeps) such as `root()`.
    pub fn in_dir(dir: &Path) -> Self {
        Test::with(None, dir.to_path_buf())
    }

    fn with(temp: Option<TempDir>, dir: PathBuf) -> Self {
        Test {
            temp,
            dir,
            args: Vec::new(),
            stdin: None,
            env: Vec::new(),
            fd_limit: None,
        }
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
        self
    }

    /// Writes a file (and its folders) into the run's folder.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("a folder for the test file");
        }
        fs::write(path, contents).expect("the test file is written");
        self
    }

    /// Copies a file of this repository (such as `tests/fixtures/acme.toml`) into the folder.
    pub fn copy(self, from: &str, name: &str) -> Self {
        let bytes = fs::read(root().join(from)).expect(from);
        self.file(name, bytes)
    }

    /// Copies the bundled example (`examples/klarna.toml`) as `name`, with the peer files it
    /// names, so it generates as in the repository.
    pub fn example(self, name: &str) -> Self {
        self.copy("examples/klarna.toml", name).example_peers()
    }

    /// The bundled example's peer files, at `peers/` where its `peers` list looks for them
    /// (for a test that copies an input of its own choosing, which may be the example).
    pub fn example_peers(self) -> Self {
        self.copy("examples/peers/paypal.toml", "peers/paypal.toml")
            .copy("examples/peers/affirm.toml", "peers/affirm.toml")
    }

    /// Standard input; without it the binary reads an empty one.
    pub fn stdin(mut self, bytes: impl AsRef<[u8]>) -> Self {
        self.stdin = Some(bytes.as_ref().to_vec());
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs the binary with at most `limit` file descriptors (the shell's `ulimit -n`), so that
    /// a test can run it out of them quickly.
    #[cfg(unix)]
    pub fn fd_limit(mut self, limit: u32) -> Self {
        self.fd_limit = Some(limit);
        self
    }

    fn command(&self) -> Command {
        let mut command = match self.fd_limit {
            None => Command::new(BINARY),
            Some(limit) => {
                let mut shell = Command::new("sh");
                shell.args([
                    "-c",
                    &format!("ulimit -n {limit} && exec \"$0\" \"$@\""),
                    BINARY,
                ]);
                shell
            }
        };
        command.args(&self.args).current_dir(&self.dir);
        for key in CLEARED_ENV {
            command.env_remove(key);
        }
        command.envs(self.env.iter().map(|(key, value)| (key, value)));
        command
    }

    /// Runs the binary to its end.
    pub fn run(self) -> Output {
        let mut command = self.command();
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        command.stdin(match self.stdin {
            Some(_) => Stdio::piped(),
            None => Stdio::null(),
        });
        let mut child = command.spawn().expect("the binary starts");
        let writer = match (child.stdin.take(), self.stdin) {
            (Some(mut pipe), Some(bytes)) => Some(std::thread::spawn(move || {
                match pipe.write_all(&bytes) {
                    // The binary exited before reading all of it: its output says why.
                    Err(error) if error.kind() == ErrorKind::BrokenPipe => {}
                    other => other.expect("standard input is written"),
                }
            })),
            _ => None,
        };
        let output = child.wait_with_output().expect("the binary runs");
        if let Some(writer) = writer {
            writer.join().expect("the standard input writer");
        }
        Output {
            _temp: self.temp,
            dir: self.dir,
            args: self.args,
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs the binary with standard output, or standard error, a pipe whose reader is already
    /// gone, as `| head` leaves it: every write to it fails with a broken pipe, whatever the
    /// timing. The other stream is kept in the `Output`.
    pub fn run_with_reader_gone(self, stream: Stream) -> Output {
        let mut command = self.command();
        command.stdin(Stdio::null());
        match stream {
            Stream::Stdout => command.stdout(closed_pipe()).stderr(Stdio::piped()),
            Stream::Stderr => command.stdout(Stdio::piped()).stderr(closed_pipe()),
        };
        let output = command
            .spawn()
            .expect("the binary starts")
            .wait_with_output()
            .expect("the binary runs");
        Output {
            _temp: self.temp,
            dir: self.dir,
            args: self.args,
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Starts the binary and returns at once, output discarded, for tests that stop it midway.
    /// The folder must be the caller's (`in_dir`): a temporary one would go with `self`.
    pub fn spawn(self) -> Child {
        assert!(
            self.temp.is_none(),
            "spawn runs in a folder of the caller's"
        );
        self.command()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts")
    }
}

impl Test {
    /// Starts the binary and returns at once, with its standard output read line by line and
    /// its standard error kept, for a test that talks to it while it runs (`serve`). The
    /// run's folder lives as long as the `Running`; dropping it kills the binary if it still
    /// runs.
    pub fn start(self) -> Running {
        let mut child = self
            .command()
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let (lines, received) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().expect("standard output is piped");
        std::thread::spawn(move || {
            for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
                let Ok(line) = line else { break };
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("standard error is piped");
        let kept = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut chunk = [0; 4096];
            while let Ok(read @ 1..) = std::io::Read::read(&mut pipe, &mut chunk) {
                let text = String::from_utf8_lossy(&chunk[..read]).into_owned();
                kept.lock().expect("stderr buffer").push_str(&text);
            }
        });
        Running {
            child,
            _temp: self.temp,
            dir: self.dir,
            lines: received,
            stderr,
        }
    }
}

/// A run of the binary still going (see [`Test::start`]).
pub struct Running {
    child: Child,
    _temp: Option<TempDir>,
    dir: PathBuf,
    lines: Receiver<String>,
    stderr: Arc<Mutex<String>>,
}

impl Running {
    /// The path of `name` inside the run's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// What the binary printed on standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr buffer").clone()
    }

    /// The next line of standard output holding `text`, waiting at most `within`.
    #[track_caller]
    pub fn line_with(&self, text: &str, within: Duration) -> String {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => panic!(
                    "no line with {text:?} on standard output within {within:?}; stderr:\n{}",
                    self.stderr()
                ),
            }
        }
    }

    /// Sends SIGINT, as Ctrl-C does.
    #[cfg(unix)]
    pub fn interrupt(&self) {
        // The shell's own `kill`: a minimal system may have no kill program.
        let sent = Command::new("sh")
            .args(["-c", &format!("kill -INT {}", self.child.id())])
            .status()
            .expect("sh runs");
        assert!(sent.success(), "SIGINT was sent");
    }

    /// The exit code once the binary has ended, waiting at most `within`; none if it has not.
    pub fn wait(&mut self, within: Duration) -> Option<Option<i32>> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("the binary's status") {
                return Some(status.code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Standard output or standard error.
pub enum Stream {
    Stdout,
    Stderr,
}

/// The writing end of a pipe whose only reader has exited: the standard input of a run of
/// `ipobrief --version`, which never reads it (the test's process never holds the reader).
fn closed_pipe() -> Stdio {
    let mut reader = Command::new(BINARY)
        .arg("--version")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let pipe = reader.stdin.take().expect("a pipe to its standard input");
    reader.wait().expect("the binary runs");
    Stdio::from(pipe)
}

/// What a run printed and left behind; every check returns `self` so checks chain.
pub struct Output {
    _temp: Option<TempDir>,
    dir: PathBuf,
    args: Vec<OsString>,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    #[track_caller]
    pub fn status(self, code: i32) -> Self {
        assert_eq!(
            self.code,
            Some(code),
            "exit code of {:?}\n--- stderr:\n{}\n--- stdout:\n{}",
            self.args,
            self.stderr,
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stderr_contains(self, text: &str) -> Self {
        assert!(
            self.stderr.contains(text),
            "stderr of {:?} lacks {text:?}:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(self, text: &str) -> Self {
        assert!(
            !self.stderr.contains(text),
            "stderr of {:?} has {text:?}:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_contains(self, text: &str) -> Self {
        assert!(
            self.stdout.contains(text),
            "stdout of {:?} lacks {text:?}:\n{}",
            self.args,
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stdout_is(self, text: &str) -> Self {
        assert_eq!(self.stdout, text, "stdout of {:?}", self.args);
        self
    }

    #[track_caller]
    pub fn stdout_empty(self) -> Self {
        self.stdout_is("")
    }

    #[track_caller]
    pub fn absent(self, path: &str) -> Self {
        assert!(
            !self.path(path).exists(),
            "{path} was written by {:?}",
            self.args
        );
        self
    }

    #[track_caller]
    pub fn present(self, path: &str) -> Self {
        assert!(
            self.path(path).exists(),
            "{path} was not written by {:?}",
            self.args
        );
        self
    }

    /// The path of `name` inside the run's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The text of a file the run wrote.
    #[track_caller]
    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// Standard output as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", self.stdout))
    }
}

#[test]
fn standard_input_is_not_raced_by_an_early_exit() {
    // Guards the harness: 16 MiB cannot fit a pipe, and `metrics -` without a format exits
    // before it reads any of it. Writing it inline failed with "Broken pipe" every time.
    Test::new()
        .args(["metrics", "-"])
        .stdin(vec![b'#'; 16 << 20])
        .run()
        .status(2)
        .stderr_contains("cannot tell the format of standard input");
}
