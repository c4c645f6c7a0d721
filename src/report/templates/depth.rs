//! How deep an override template nests, checked before tera parses it. Tera's parser (pest)
//! and its renderer recurse once per nested block tag or bracket, so a template with 50,000
//! nested `{% if %}` or 200,000 nested parentheses overflows the stack, and Rust aborts the
//! process. This scan is a loop with counters: it finds such a template, and where it first
//! goes too deep, in one pass over the text, whatever its size.

/// Block tags (`{% if %}`, `{% for %}`, `{% block %}`, `{% macro %}`, `{% filter %}`) inside
/// one another. The built-in templates nest 6 deep.
pub const MAX_BLOCK_DEPTH: usize = 64;

/// Brackets (`(`, `[`) inside one another within one tag, and operators in one tag: each
/// operator is a level of the expression tree tera builds. The built-in templates nest 3 deep.
pub const MAX_EXPRESSION_DEPTH: usize = 64;

/// Where a template first goes too deep, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the tag or bracket that goes past the limit.
    pub at: usize,
    pub what: Nesting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nesting {
    Blocks,
    Brackets,
    Operators,
}

impl TooDeep {
    pub fn message(&self) -> String {
        match self.what {
            Nesting::Blocks => format!(
                "block tags nest more than {MAX_BLOCK_DEPTH} deep ({{% if %}}, {{% for %}}, \
                 {{% block %}}, {{% macro %}} or {{% filter %}} inside one another)"
            ),
            Nesting::Brackets => {
                format!("brackets nest more than {MAX_EXPRESSION_DEPTH} deep in one tag")
            }
            Nesting::Operators => {
                format!("one tag has more than {MAX_EXPRESSION_DEPTH} operators or filters")
            }
        }
    }
}

/// Checks a template's nesting. Text outside tags, comments, `{% raw %}` sections and quoted
/// strings inside tags are skipped; an unclosed tag or string ends the scan (tera reports it).
pub fn check(text: &str) -> Result<(), TooDeep> {
    let bytes = text.as_bytes();
    let mut blocks = 0usize;
    let mut at = 0;
    while let Some(open) = find(bytes, at, b"{") {
        match bytes.get(open + 1) {
            Some(b'#') => match find(bytes, open + 2, b"#}") {
                Some(close) => at = close + 2,
                None => return Ok(()),
            },
            Some(&kind @ (b'{' | b'%')) => {
                let close = if kind == b'{' { b'}' } else { b'%' };
                let Some(end) = scan_tag(bytes, open, close)? else {
                    return Ok(());
                };
                at = end;
                if kind == b'%' {
                    match tag_word(bytes, open + 2) {
                        "if" | "for" | "block" | "macro" | "filter" => {
                            blocks += 1;
                            if blocks > MAX_BLOCK_DEPTH {
                                return Err(TooDeep {
                                    at: open,
                                    what: Nesting::Blocks,
                                });
                            }
                        }
                        "raw" => match end_of_raw(bytes, end) {
                            Some(after) => at = after,
                            None => return Ok(()),
                        },
                        word if word.starts_with("end") => blocks = blocks.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            _ => at = open + 1,
        }
    }
    Ok(())
}

/// Scans one tag from its `{{` or `{%` at `open`: returns the offset after its closing `}}` or
/// `%}`, or `None` when it is never closed.
fn scan_tag(bytes: &[u8], open: usize, close: u8) -> Result<Option<usize>, TooDeep> {
    let mut brackets = 0usize;
    let mut operators = 0usize;
    let mut index = open + 2;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'"' | b'\'' | b'`' => match find(bytes, index + 1, &[byte]) {
                Some(quote) => index = quote,
                None => return Ok(None),
            },
            b'(' | b'[' => {
                brackets += 1;
                if brackets > MAX_EXPRESSION_DEPTH {
                    return Err(TooDeep {
                        at: index,
                        what: Nesting::Brackets,
                    });
                }
            }
            b')' | b']' => brackets = brackets.saturating_sub(1),
            // Operators and filters: `+ - * / % ~ | < > = !` (a two-character operator such
            // as `==` counts twice, which only makes the limit stricter), and the words
            // `and`, `or`, `not`, `in`, `is` are counted below.
            b'+' | b'-' | b'*' | b'/' | b'~' | b'|' | b'<' | b'>' | b'=' | b'!' | b'%' => {
                if byte == close && bytes.get(index + 1) == Some(&b'}') {
                    return Ok(Some(index + 2));
                }
                operators += 1;
            }
            b'}' if close == b'}' && bytes.get(index + 1) == Some(&b'}') => {
                return Ok(Some(index + 2))
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let word_end = bytes[index..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .map_or(bytes.len(), |n| index + n);
                if matches!(
                    &bytes[index..word_end],
                    b"and" | b"or" | b"not" | b"in" | b"is"
                ) {
                    operators += 1;
                }
                index = word_end;
                if operators > MAX_EXPRESSION_DEPTH {
                    return Err(TooDeep {
                        at: index,
                        what: Nesting::Operators,
                    });
                }
                continue;
            }
            _ => {}
        }
        if operators > MAX_EXPRESSION_DEPTH {
            return Err(TooDeep {
                at: index,
                what: Nesting::Operators,
            });
        }
        index += 1;
    }
    Ok(None)
}

/// The first word of a block tag whose text starts at `from` (after `{%`), past a `-` and spaces.
pub(super) fn tag_word(bytes: &[u8], from: usize) -> &str {
    let start = bytes[from.min(bytes.len())..]
        .iter()
        .position(|b| !(b.is_ascii_whitespace() || *b == b'-'))
        .map_or(bytes.len(), |n| from + n);
    let end = bytes[start..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .map_or(bytes.len(), |n| start + n);
    std::str::from_utf8(&bytes[start..end]).unwrap_or("")
}

/// The offset after the `{% endraw %}` that closes a raw section whose text starts at `from`.
pub(super) fn end_of_raw(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let open = find(bytes, at, b"{%")?;
        if tag_word(bytes, open + 2) == "endraw" {
            return find(bytes, open + 2, b"%}").map(|close| close + 2);
        }
        at = open + 2;
    }
}

/// The offset of the first `needle` at or after `from`.
pub(super) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested_ifs(depth: usize) -> String {
        "{% if true %}".repeat(depth) + "x" + &"{% endif %}".repeat(depth)
    }

    #[test]
    fn the_limit_itself_is_accepted_and_one_more_is_refused() {
        assert_eq!(check(&nested_ifs(MAX_BLOCK_DEPTH)), Ok(()));
        // "{% if true %}" is 13 bytes: the 65th opens at 64 x 13 = 832.
        assert_eq!(
            check(&nested_ifs(MAX_BLOCK_DEPTH + 1)),
            Err(TooDeep {
                at: 832,
                what: Nesting::Blocks
            })
        );
    }

    #[test]
    fn blocks_side_by_side_do_not_add_up() {
        let text = "{% for x in y %}{% if x %}a{% endif %}{% endfor %}".repeat(1000);
        assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn parentheses_and_brackets_count_within_one_tag() {
        let ok = format!("{{{{ {}1{} }}}}", "(".repeat(64), ")".repeat(64));
        assert_eq!(check(&ok), Ok(()));
        // `{{ ` is 3 bytes, so the 65th `(` is at 3 + 64 = 67.
        let deep = format!("{{{{ {}1{} }}}}", "(".repeat(65), ")".repeat(65));
        assert_eq!(
            check(&deep),
            Err(TooDeep {
                at: 67,
                what: Nesting::Brackets
            })
        );
        let mixed = format!("{{% set a = {}1{} %}}", "[(".repeat(40), ")]".repeat(40));
        assert_eq!(check(&mixed).map_err(|e| e.what), Err(Nesting::Brackets));
    }

    #[test]
    fn a_long_chain_of_operators_is_refused() {
        assert_eq!(check(&format!("{{{{ 1{} }}}}", " + 1".repeat(64))), Ok(()));
        let long = format!("{{{{ 1{} }}}}", " + 1".repeat(65));
        assert_eq!(check(&long).map_err(|e| e.what), Err(Nesting::Operators));
        let words = format!("{{% if a{} %}}x{{% endif %}}", " and a".repeat(65));
        assert_eq!(check(&words).map_err(|e| e.what), Err(Nesting::Operators));
    }

    #[test]
    fn text_comments_strings_and_raw_sections_are_not_counted() {
        let many = "(".repeat(500);
        let text = format!(
            "{many} {{# {many} {{% if %}} #}} {{{{ \"{many}\" }}}} {{% raw %}}{}{{% endraw %}} {{{{ '|||' ~ `[[` }}}}",
            nested_ifs(500)
        );
        assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn whitespace_control_and_else_keep_the_depth() {
        let text = "{%- if a -%}{% elif b %}{% else %}{%- endif %}".repeat(200);
        assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn an_unclosed_tag_or_string_ends_the_scan_for_tera_to_report() {
        assert_eq!(check("{{ (((("), Ok(()));
        assert_eq!(check("{{ \"abc }}"), Ok(()));
        assert_eq!(check("{# never closed"), Ok(()));
    }
}
