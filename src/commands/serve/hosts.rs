//! The `Host` values `serve` answers, against DNS rebinding: a web page whose own name is made
//! to point at 127.0.0.1 can send requests to the preview, but they carry that name as `Host`,
//! and are refused (403), so the page reads neither the brief nor `metrics.json`.
//!
//! Answered: `localhost`, `127.0.0.1`, `[::1]` and the `--bind` address, each with the port
//! served on (a `Host` without a port means port 80). Bound to every address (`--bind 0.0.0.0`
//! or `::`), any IP address is answered too: a rebinding needs a name, and the other machines
//! this binding is for know this one by its address.

use std::net::{IpAddr, SocketAddr};

/// The `Host` values of the address served on.
#[derive(Debug, Clone, Copy)]
pub struct Hosts {
    served: SocketAddr,
}

impl Hosts {
    /// The names of `served`, the address bound (with the port actually in use).
    pub fn of(served: SocketAddr) -> Self {
        Hosts { served }
    }

    /// Whether a request with this `Host` header is answered.
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split(host) else {
            return false;
        };
        if port != self.served.port() {
            return false;
        }
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let address = name
            .strip_prefix('[')
            .and_then(|name| name.strip_suffix(']'));
        // An IPv6 address comes in brackets, an IPv4 one without.
        let address: Option<IpAddr> = match address {
            Some(v6) => v6.parse().ok().filter(IpAddr::is_ipv6),
            None => name.parse().ok().filter(IpAddr::is_ipv4),
        };
        let Some(address) = address else {
            return false;
        };
        let bound = self.served.ip();
        is_home(address) || address == bound || bound.is_unspecified()
    }
}

/// `127.0.0.1` and `::1`, the loopback names the preview prints and a person types.
fn is_home(address: IpAddr) -> bool {
    address == IpAddr::from([127, 0, 0, 1]) || address == IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1])
}

/// A `Host` value's name and port (80 when none is given); none when it is not one.
fn split(host: &str) -> Option<(&str, u16)> {
    let (name, port) = match host.rfind(']') {
        // `[::1]:8000`: the port follows the bracket.
        Some(end) => (&host[..=end], host[end + 1..].strip_prefix(':')),
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port = match port {
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().ok()?
        }
        Some(_) => return None,
        None if host.len() > name.len() => return None,
        None => 80,
    };
    (!name.is_empty()).then_some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_machines_names_with_the_port_are_answered() {
        let hosts = Hosts::of("127.0.0.1:8000".parse().unwrap());
        for host in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LocalHost:8000",
            "[::1]:8000",
        ] {
            assert!(hosts.allows(host), "{host}");
        }
        for host in [
            "evil.example:8000",
            "evil.example",
            "localhost",
            "localhost:8001",
            "localhost:",
            "localhost:80x",
            "localhost.:8000",
            "127.0.0.2:8000",
            "127.1:8000",
            "[127.0.0.1]:8000",
            "::1:8000",
            "[::1]8000",
            "[::1]:8000x",
            "10.0.0.5:8000",
            "0.0.0.0:8000",
            ":8000",
            "",
        ] {
            assert!(!hosts.allows(host), "{host}");
        }
    }

    #[test]
    fn the_bound_address_is_answered_and_port_80_may_go_unsaid() {
        let hosts = Hosts::of("192.168.1.20:80".parse().unwrap());
        assert!(hosts.allows("192.168.1.20"));
        assert!(hosts.allows("192.168.1.20:80"));
        assert!(hosts.allows("localhost"));
        assert!(!hosts.allows("192.168.1.21"));
        assert!(!hosts.allows("brief.example"));
        let v6 = Hosts::of("[fd00::7]:9000".parse().unwrap());
        assert!(v6.allows("[fd00::7]:9000"));
        assert!(!v6.allows("[fd00::8]:9000"));
    }

    #[test]
    fn bound_to_every_address_any_address_is_answered_but_no_other_name() {
        let hosts = Hosts::of("0.0.0.0:8000".parse().unwrap());
        assert!(hosts.allows("192.168.1.20:8000"));
        assert!(hosts.allows("[fd00::7]:8000"));
        assert!(hosts.allows("localhost:8000"));
        assert!(!hosts.allows("evil.example:8000"));
        assert!(!hosts.allows("192.168.1.20:8001"));
    }
}
