//! What the error page may quote of a file. The page goes out over HTTP, so it quotes a file
//! only when the file is where its path says: a file that is a symbolic link to a file outside
//! the folder the link is in (an input replaced by a link to `/etc/passwd`, say) is named with
//! its position and nothing of its content. Not its lines, and not the parser's message either,
//! which may quote what it found (`unknown field "aws_secret_access_key"`). The rule is about
//! where the file is, not about what the parser said, so no message can slip through; a link
//! to a file inside the folder (or below it) is the user's own and quoted as before. The
//! terminal, the user's own, still prints every error in full.

use std::path::Path;

use crate::commands::errors;
use crate::diagnostic::InputError;
use crate::exit::InputErrors;

/// `error` as the error page shows it: as the terminal prints it, but with the error about
/// each file linked out of its folder replaced by a note.
pub fn page_text(error: &anyhow::Error) -> String {
    let mut text = errors::text(error);
    for one in input_errors(error) {
        if linked_out(Path::new(&one.file)) {
            // The terminal's text holds each input error's own text whole, however it is
            // wrapped: replacing it leaves nothing of it.
            text = text.replace(&one.to_string(), &withheld(one).to_string());
        }
    }
    text
}

/// Every input error in `error`: the one, or each of several inputs'.
fn input_errors(error: &anyhow::Error) -> Vec<&InputError> {
    for cause in error.chain() {
        if let Some(several) = cause.downcast_ref::<InputErrors>() {
            return several.errors.iter().collect();
        }
        if let Some(one) = cause.downcast_ref::<InputError>() {
            return vec![one];
        }
    }
    Vec::new()
}

/// Whether `file` is a symbolic link to a file outside the folder the link is in. A link that
/// cannot be followed any more counts as one: nothing is known of where it went.
fn linked_out(file: &Path) -> bool {
    let is_link = std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return false;
    }
    let folder = match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    match (folder.canonicalize(), file.canonicalize()) {
        (Ok(folder), Ok(target)) => !target.starts_with(folder),
        _ => true,
    }
}

/// The note shown instead of `error`: the file and the position, no content.
fn withheld(error: &InputError) -> InputError {
    let place = match error.position() {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", error.file),
        (Some(line), None) => format!("{}:{line}", error.file),
        _ => error.file.clone(),
    };
    InputError::new(
        place,
        format!(
            "{} is a symbolic link to a file outside its folder: its error is printed on the \
             terminal that runs serve, not on this page",
            error.file
        ),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

    fn quoting(file: &Path) -> InputError {
        InputError::new(file.display().to_string(), "unknown field `aws_secret`")
            .at(Some(Location::Text {
                line: 2,
                column: 1,
                source_line: "aws_secret = AKIA-SECRET".into(),
                width: 10,
            }))
            .with_help("remove it")
    }

    #[test]
    fn a_link_out_of_its_folder_is_named_without_its_content() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(
            outside.path().join("credentials"),
            "aws_secret = AKIA-SECRET",
        )
        .unwrap();
        let folder = tempfile::tempdir().unwrap();
        let link = folder.path().join("acme.toml");
        std::os::unix::fs::symlink(outside.path().join("credentials"), &link).unwrap();

        let one = anyhow::Error::new(quoting(&link)).context("reading the inputs");
        let text = page_text(&one);
        assert!(!text.contains("AKIA"), "{text}");
        assert!(!text.contains("aws_secret"), "{text}");
        assert!(text.starts_with("error: reading the inputs: "), "{text}");
        assert!(
            text.contains(&format!("--> {}:2:1", link.display())),
            "{text}"
        );
        assert!(text.contains("is a symbolic link to a file outside its folder"));
        assert!(
            errors::text(&one).contains("AKIA-SECRET"),
            "the terminal's text"
        );

        // Among several inputs' errors, only the linked one is withheld.
        let own = folder.path().join("own.toml");
        std::fs::write(&own, "aws_secret = AKIA-SECRET").unwrap();
        let several = anyhow::Error::new(InputErrors {
            errors: vec![quoting(&own), quoting(&link)],
            inputs: 2,
        });
        let text = page_text(&several);
        assert_eq!(text.matches("AKIA-SECRET").count(), 1, "{text}");
        assert!(text.contains("is a symbolic link to a file outside its folder"));
    }

    #[test]
    fn a_link_inside_its_folder_or_a_plain_file_is_quoted() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::create_dir(folder.path().join("figures")).unwrap();
        std::fs::write(folder.path().join("figures/acme.toml"), "x").unwrap();
        let link = folder.path().join("acme.toml");
        std::os::unix::fs::symlink("figures/acme.toml", &link).unwrap();
        assert!(!linked_out(&link));
        assert!(!linked_out(&folder.path().join("figures/acme.toml")));
        assert!(!linked_out(Path::new("-")));
        let text = page_text(&anyhow::Error::new(quoting(&link)));
        assert!(text.contains("2 | aws_secret = AKIA-SECRET"), "{text}");

        let dangling = folder.path().join("gone.toml");
        std::os::unix::fs::symlink("/nonexistent/x.toml", &dangling).unwrap();
        assert!(linked_out(&dangling));
    }
}
