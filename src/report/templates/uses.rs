//! Where a template uses a variable, for a render error about an unknown one. Tera's message
//! names the variable but not the line, so the error finds it in the text: only inside a
//! `{{ }}` or `{% %}` tag, never in a `{# #}` comment, a `{% raw %}` section, plain text or a
//! quoted string, where the same words may well appear (`{# TODO: company.nme #}`).

use super::depth::{end_of_raw, find, tag_word};

/// The byte offset of the first use of `variable` in a tag of `text`, as a whole name
/// (`company.nme` is not found in `company.nmes` or `my_company.nme`).
pub fn find_variable(text: &str, variable: &str) -> Option<usize> {
    if variable.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(open) = find(bytes, at, b"{") {
        let close: &[u8] = match bytes.get(open + 1) {
            Some(b'#') => {
                at = find(bytes, open + 2, b"#}")? + 2;
                continue;
            }
            Some(b'{') => b"}}",
            Some(b'%') => b"%}",
            _ => {
                at = open + 1;
                continue;
            }
        };
        let end = tag_end(bytes, open + 2, close)?;
        if let Some(found) = in_code(text, open + 2, end, variable) {
            return Some(found);
        }
        at = end + 2;
        if close == b"%}" && tag_word(bytes, open + 2) == "raw" {
            at = end_of_raw(bytes, at)?;
        }
    }
    None
}

/// The offset of the tag's closing `}}` or `%}`, past any quoted string.
fn tag_end(bytes: &[u8], from: usize, close: &[u8]) -> Option<usize> {
    let mut index = from;
    while let Some(&byte) = bytes.get(index) {
        if matches!(byte, b'"' | b'\'' | b'`') {
            index = find(bytes, index + 1, &[byte])? + 1;
        } else if bytes[index..].starts_with(close) {
            return Some(index);
        } else {
            index += 1;
        }
    }
    None
}

/// The first whole-name occurrence of `variable` in `text[from..to]` outside quoted strings.
fn in_code(text: &str, from: usize, to: usize, variable: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'.';
    let mut index = from;
    while index < to {
        let byte = bytes[index];
        if matches!(byte, b'"' | b'\'' | b'`') {
            index = find(bytes, index + 1, &[byte]).map_or(to, |q| q + 1);
            continue;
        }
        let starts_name = index == 0 || !is_name(bytes[index - 1]);
        let after = index + variable.len();
        if starts_name
            && after <= to
            && text.get(index..after) == Some(variable)
            && bytes.get(after).is_none_or(|b| !is_name(*b) || *b == b'.')
        {
            return Some(index);
        }
        index += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_raw_section_or_string_is_passed_over_for_the_tag() {
        let text = "{# TODO: company.nme #}\n{% raw %}{{ company.nme }}{% endraw %}\n\
                    company.nme {{ \"company.nme\" }}\n# {{ company.nme | md }}";
        let at = find_variable(text, "company.nme").unwrap();
        // Line 4 starts after 24 + 39 + 32 bytes; `{{ ` puts the name 5 bytes in.
        assert_eq!(at, 24 + 39 + 32 + 5);
    }

    #[test]
    fn only_whole_names_match() {
        assert_eq!(find_variable("{{ my_company.nme }}", "company.nme"), None);
        assert_eq!(find_variable("{{ company.nmes }}", "company.nme"), None);
        assert_eq!(
            find_variable("{% if company.nme.x %}", "company.nme"),
            Some(6)
        );
        assert_eq!(find_variable("{{company.nme}}", "company.nme"), Some(2));
    }

    #[test]
    fn an_unclosed_tag_or_comment_finds_nothing() {
        assert_eq!(find_variable("{# company.nme", "company.nme"), None);
        assert_eq!(find_variable("{{ company.nme", "company.nme"), None);
    }
}
