//! Reading a user's file, or standard input for `-`, with a limit on its size: a file too large
//! is refused once the limit is passed, before it fills the memory.

use std::io::Read;
use std::path::Path;

use crate::diagnostic::InputError;

/// The bytes of `path` (standard input when `display` is `-`), at most `limit` of them; a
/// larger file is refused with `help` saying what to do.
pub fn read_limited(
    path: &Path,
    display: &str,
    limit: usize,
    help: &str,
) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    // One byte more than the limit tells a file at the limit from a larger one.
    let take = limit as u64 + 1;
    let result = if display == "-" {
        std::io::stdin().lock().take(take).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(take).read_to_end(&mut bytes))
    };
    result.map_err(|error| InputError::new(display, format!("cannot read the file: {error}")))?;
    if bytes.len() > limit {
        return Err(InputError::new(
            display,
            format!("the file is larger than the limit of {} MiB", limit >> 20),
        )
        .with_help(help));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::read_limited;

    #[test]
    fn a_file_at_the_limit_is_read_and_one_byte_more_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("figures.toml");
        std::fs::write(&path, vec![b'x'; 2 << 20]).unwrap();
        assert_eq!(
            read_limited(&path, "f", 2 << 20, "h").unwrap().len(),
            2 << 20
        );
        let error = read_limited(&path, "f", (2 << 20) - 1, "split it").unwrap_err();
        assert_eq!(error.message, "the file is larger than the limit of 1 MiB");
        assert_eq!(error.help.as_deref(), Some("split it"));
        let missing = read_limited(&dir.path().join("none"), "none", 10, "h").unwrap_err();
        assert!(
            missing.message.starts_with("cannot read the file: "),
            "{missing}"
        );
    }
}
