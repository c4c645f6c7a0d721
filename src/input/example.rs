//! The bundled example, compiled in so `ipobrief generate` works from any folder, with its peers.

/// The example company's file, and the path it is shown under.
pub const TOML: &str = include_str!("../../examples/klarna.toml");
pub const PATH: &str = "examples/klarna.toml";
/// The bundled example's peers (its `peers` list), compiled in with it.
pub const PEERS: &[(&str, &str)] = &[
    (
        "examples/peers/paypal.toml",
        include_str!("../../examples/peers/paypal.toml"),
    ),
    (
        "examples/peers/affirm.toml",
        include_str!("../../examples/peers/affirm.toml"),
    ),
];
