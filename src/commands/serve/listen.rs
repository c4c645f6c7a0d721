//! Accepting connections for `serve`, within bounds, for as long as the process runs. Each
//! connection is answered on its own thread (an event stream stays open), at most
//! [`MOST_CONNECTIONS`] at once. A burst of connections that send nothing cannot shut the
//! preview out: when all places are taken, or the process is out of file descriptors, the
//! connection that has waited longest without sending its request is closed to make room, and
//! a failed accept is retried after a pause instead of ending the listening. Running out of
//! file descriptors also lowers the number of places to what the process can hold, less a
//! margin for the files an answer and a build open. Each connection has
//! [`HEAD_TIME`](super::request::HEAD_TIME) to send its request's head.

use std::collections::VecDeque;
use std::io::{ErrorKind, Read};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::diagnostic::eprint_line;

use super::reply::Reply;
use super::request::{self, Head, Refused};

/// The most connections answered at once: far more than a browser opens to one host (about
/// six, and one event stream per open page), far fewer than the usual 1,024 file descriptors.
pub const MOST_CONNECTIONS: usize = 128;
/// File descriptors kept free for answers and builds once the process has run out of them.
const SPARE_DESCRIPTORS: usize = 16;
/// The fewest places, however few descriptors there are: a page, its event stream and the
/// files it loads.
const FEWEST_PLACES: usize = 8;
/// How long a stalled answer may wait for the other side to read.
const WRITE_TIME: Duration = Duration::from_secs(30);
/// The longest pause after a failed accept.
const MOST_PAUSE: Duration = Duration::from_millis(500);

/// Accepts connections on `listener` and hands each request's head to `answer`, on the
/// connection's own thread; for as long as the process runs.
pub fn serve<F>(listener: &TcpListener, answer: F)
where
    F: Fn(&TcpStream, Head) + Send + Sync + 'static,
{
    let answer = Arc::new(answer);
    let connections = Arc::new(Connections {
        open: AtomicUsize::new(0),
        places: AtomicUsize::new(MOST_CONNECTIONS),
        waiting: Mutex::new(VecDeque::new()),
        numbers: AtomicU64::new(0),
    });
    let mut pause = Duration::ZERO;
    let mut warned = false;
    for accepted in listener.incoming() {
        match accepted {
            Ok(stream) => {
                pause = Duration::ZERO;
                let places = connections.places.load(Ordering::SeqCst);
                if connections.open.load(Ordering::SeqCst) >= places
                    && !connections.close_longest_waiting()
                {
                    // Every place answers a request: this one is told to come back.
                    let _ = Reply::text(503, "busy: try again in a moment")
                        .with("Retry-After", "1")
                        .send(&stream, false);
                    continue;
                }
                spawn(stream, &connections, &answer);
            }
            Err(error) => {
                // Out of file descriptors (or another failure of the listening socket): fewer
                // places from now on, a descriptor freed from a connection that sends nothing,
                // a pause, and on.
                if !matches!(
                    error.kind(),
                    ErrorKind::ConnectionAborted
                        | ErrorKind::ConnectionReset
                        | ErrorKind::Interrupted
                ) {
                    let open = connections.open.load(Ordering::SeqCst);
                    let fewer = open.saturating_sub(SPARE_DESCRIPTORS).max(FEWEST_PLACES);
                    connections.places.fetch_min(fewer, Ordering::SeqCst);
                }
                // Said once: a burst would otherwise say it at every turn.
                if !warned {
                    warned = true;
                    eprint_line(format_args!(
                        "warning: serve could not accept a connection ({error}); it closes idle \
                         connections to make room and goes on"
                    ));
                }
                connections.close_longest_waiting();
                pause = (pause * 2).clamp(Duration::from_millis(5), MOST_PAUSE);
                std::thread::sleep(pause);
            }
        }
    }
}

/// Starts the thread of one connection: it reads the request's head, then answers it.
fn spawn<F>(stream: TcpStream, connections: &Arc<Connections>, answer: &Arc<F>)
where
    F: Fn(&TcpStream, Head) + Send + Sync + 'static,
{
    let stream = Arc::new(stream);
    let place = connections.take(Arc::clone(&stream));
    let answer = Arc::clone(answer);
    let spawned = std::thread::Builder::new()
        .name("serve connection".into())
        .spawn(move || {
            let _ = stream.set_write_timeout(Some(WRITE_TIME));
            let head = request::read_head(&stream);
            place.answering();
            let refused = match head {
                Ok(head) => {
                    answer(&stream, head);
                    return;
                }
                Err(Refused::TooLarge) => Reply::text(431, "the request's headers are too large"),
                Err(Refused::Malformed) => Reply::text(400, "not an HTTP request"),
                Err(Refused::Gone) => return,
            };
            if refused.send(&stream, false).is_ok() {
                linger(&stream);
            }
        });
    // Out of threads: the connection is closed unanswered (its place freed), the server goes
    // on.
    drop(spawned);
}

/// After a refusal, reads (and drops) a little of what the other side still sends before
/// closing, so that it gets the refusal rather than a reset: closing with unread bytes resets
/// the connection, and the reset may arrive before the reply is read.
fn linger(stream: &TcpStream) {
    const MOST: usize = 1 << 20;
    // In all, however slowly the other side trickles: a refused connection never keeps its
    // place for long.
    const MOST_TIME: Duration = Duration::from_secs(2);
    let deadline = std::time::Instant::now() + MOST_TIME;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut chunk = [0; 8192];
    let mut drained = 0;
    while drained < MOST {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match Read::read(&mut &*stream, &mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(read) => drained += read,
        }
    }
}

/// The connections being answered, and those of them still waiting for their request.
struct Connections {
    /// How many have a place, answered or waiting.
    open: AtomicUsize,
    /// How many places there are: [`MOST_CONNECTIONS`], or fewer once descriptors ran out.
    places: AtomicUsize,
    /// Still waiting for their request's head, oldest first, by number.
    waiting: Mutex<VecDeque<(u64, Arc<TcpStream>)>>,
    numbers: AtomicU64,
}

impl Connections {
    /// A place for `stream`, waiting for its request until [`Place::answering`].
    fn take(self: &Arc<Self>, stream: Arc<TcpStream>) -> Place {
        let number = self.numbers.fetch_add(1, Ordering::SeqCst);
        self.open.fetch_add(1, Ordering::SeqCst);
        self.waiting().push_back((number, stream));
        Place {
            connections: Arc::clone(self),
            number,
        }
    }

    /// Closes the connection that has waited longest without sending its request; false when
    /// none is waiting.
    fn close_longest_waiting(&self) -> bool {
        let Some((_, stream)) = self.waiting().pop_front() else {
            return false;
        };
        // Its thread's read ends at once; the thread closes the descriptor as it leaves.
        let _ = stream.shutdown(std::net::Shutdown::Both);
        true
    }

    fn waiting(&self) -> MutexGuard<'_, VecDeque<(u64, Arc<TcpStream>)>> {
        self.waiting
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A connection's place, given back when its thread ends.
struct Place {
    connections: Arc<Connections>,
    number: u64,
}

impl Place {
    /// The request has arrived (or never will): the connection is no longer one to close to
    /// make room.
    fn answering(&self) {
        self.connections
            .waiting()
            .retain(|(number, _)| *number != self.number);
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        self.answering();
        self.connections.open.fetch_sub(1, Ordering::SeqCst);
    }
}
