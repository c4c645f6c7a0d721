//! User Markdown (the company summary, period notes) as a typed tree for the PDF template: blocks
//! and inline spans built from pulldown-cmark's events, every piece of text a string. The
//! template turns strings into text, never into markup, so `#`, `$`, `*`, `[`, `<`, `@`, `\` or
//! `#import "x"` in a note print as written. Raw HTML is shown as its text, as the Markdown
//! brief does; images become their description (a PDF loads nothing from anywhere).

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// Nesting deeper than this (quotes in quotes, lists in lists) is flattened into the level
/// above: the text stays, and the tree stays within the JSON reader's and Typst's limits.
const MAX_DEPTH: usize = 12;

/// A block of user text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        spans: Vec<Span>,
    },
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Code {
        text: String,
    },
    Rule,
}

/// A run of inline user text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Span {
    Text {
        text: String,
    },
    Code {
        text: String,
    },
    Strong {
        spans: Vec<Span>,
    },
    Emph {
        spans: Vec<Span>,
    },
    Strike {
        spans: Vec<Span>,
    },
    /// A link to an `http`, `https` or `mailto` address; any other target is plain text.
    Link {
        url: String,
        spans: Vec<Span>,
    },
    Break,
}

/// What is being built: a container of blocks, of spans, or a list of items.
enum Frame {
    Blocks(Vec<Block>, Container),
    Spans(Vec<Span>, Inline),
    Item(Vec<Vec<Block>>, bool, u64),
}

enum Container {
    Root,
    Quote,
    Item,
}

enum Inline {
    Paragraph,
    Heading(u8),
    Strong,
    Emph,
    Strike,
    Link(Option<String>),
    /// Text gathered as is (code blocks, image descriptions).
    Code,
    Image,
}

/// Converts user Markdown into blocks.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut stack = vec![Frame::Blocks(Vec::new(), Container::Root)];
    // Openings past MAX_DEPTH that were not pushed, so their ends are skipped too.
    let mut flattened = 0usize;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => {
                let frame = match tag {
                    Tag::Paragraph => Some(Frame::Spans(Vec::new(), Inline::Paragraph)),
                    Tag::Heading { level, .. } => {
                        Some(Frame::Spans(Vec::new(), Inline::Heading(heading(level))))
                    }
                    Tag::BlockQuote(_) => Some(Frame::Blocks(Vec::new(), Container::Quote)),
                    Tag::CodeBlock(kind) => {
                        let _: CodeBlockKind = kind;
                        Some(Frame::Spans(Vec::new(), Inline::Code))
                    }
                    Tag::List(start) => {
                        Some(Frame::Item(Vec::new(), start.is_some(), start.unwrap_or(1)))
                    }
                    Tag::Item => Some(Frame::Blocks(Vec::new(), Container::Item)),
                    Tag::Emphasis => Some(Frame::Spans(Vec::new(), Inline::Emph)),
                    Tag::Strong => Some(Frame::Spans(Vec::new(), Inline::Strong)),
                    Tag::Strikethrough => Some(Frame::Spans(Vec::new(), Inline::Strike)),
                    Tag::Link { dest_url, .. } => {
                        Some(Frame::Spans(Vec::new(), Inline::Link(safe_url(&dest_url))))
                    }
                    Tag::Image { .. } => Some(Frame::Spans(Vec::new(), Inline::Image)),
                    // Anything else (HTML blocks, footnote definitions, ...) adds no structure.
                    _ => None,
                };
                match frame {
                    Some(frame) if stack.len() < MAX_DEPTH => stack.push(frame),
                    Some(_) => flattened += 1,
                    None => {}
                }
            }
            Event::End(end) => {
                if !opens_frame(&end) {
                    continue;
                }
                if flattened > 0 {
                    flattened -= 1;
                    continue;
                }
                close(&mut stack);
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_text(&mut stack, Span::Text { text: text.into() })
            }
            Event::Code(text) => push_text(&mut stack, Span::Code { text: text.into() }),
            Event::SoftBreak => push_text(&mut stack, Span::Text { text: " ".into() }),
            Event::HardBreak => push_text(&mut stack, Span::Break),
            Event::Rule => push_block(&mut stack, Block::Rule),
            Event::FootnoteReference(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                push_text(&mut stack, Span::Text { text: text.into() })
            }
            Event::TaskListMarker(done) => push_text(
                &mut stack,
                Span::Text {
                    text: if done { "[x] " } else { "[ ] " }.into(),
                },
            ),
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    match stack.pop() {
        Some(Frame::Blocks(blocks, _)) => blocks,
        _ => Vec::new(),
    }
}

/// Whether the end of this tag closes a frame that `blocks` opened.
fn opens_frame(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn heading(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A link target the PDF may point at: web and mail addresses only.
fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        .then(|| url.trim().to_string())
}

/// Closes the innermost frame into the one around it.
fn close(stack: &mut Vec<Frame>) {
    let Some(frame) = stack.pop() else {
        return;
    };
    match frame {
        Frame::Blocks(blocks, Container::Quote) => push_block(stack, Block::Quote { blocks }),
        Frame::Blocks(blocks, Container::Item) => match stack.last_mut() {
            Some(Frame::Item(items, ..)) => items.push(blocks),
            _ => blocks.into_iter().for_each(|b| push_block(stack, b)),
        },
        Frame::Blocks(blocks, Container::Root) => {
            blocks.into_iter().for_each(|b| push_block(stack, b))
        }
        Frame::Item(items, ordered, start) => push_block(
            stack,
            Block::List {
                ordered,
                start,
                items,
            },
        ),
        Frame::Spans(spans, inline) => match inline {
            Inline::Paragraph => push_block(stack, Block::Paragraph { spans }),
            Inline::Heading(level) => push_block(stack, Block::Heading { level, spans }),
            Inline::Code => push_block(
                stack,
                Block::Code {
                    text: plain(&spans),
                },
            ),
            Inline::Strong => push_text(stack, Span::Strong { spans }),
            Inline::Emph => push_text(stack, Span::Emph { spans }),
            Inline::Strike => push_text(stack, Span::Strike { spans }),
            Inline::Link(Some(url)) => push_text(stack, Span::Link { url, spans }),
            Inline::Link(None) => spans.into_iter().for_each(|s| push_text(stack, s)),
            Inline::Image => push_text(
                stack,
                Span::Text {
                    text: format!("[image: {}]", plain(&spans)),
                },
            ),
        },
    }
}

/// The text of spans, without their styles.
fn plain(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text { text } | Span::Code { text } => out.push_str(text),
            Span::Strong { spans }
            | Span::Emph { spans }
            | Span::Strike { spans }
            | Span::Link { spans, .. } => out.push_str(&plain(spans)),
            Span::Break => out.push('\n'),
        }
    }
    out
}

/// Adds inline text to the innermost frame, opening a paragraph where blocks are expected
/// (a tight list item's text comes without one).
fn push_text(stack: &mut Vec<Frame>, span: Span) {
    match stack.last_mut() {
        Some(Frame::Spans(spans, _)) => spans.push(span),
        Some(Frame::Blocks(blocks, _)) => match blocks.last_mut() {
            Some(Block::Paragraph { spans }) => spans.push(span),
            _ => blocks.push(Block::Paragraph { spans: vec![span] }),
        },
        Some(Frame::Item(items, ..)) => items.push(vec![Block::Paragraph { spans: vec![span] }]),
        None => stack.push(Frame::Blocks(
            vec![Block::Paragraph { spans: vec![span] }],
            Container::Root,
        )),
    }
}

/// Adds a block to the innermost frame that holds blocks; in the middle of a span (a
/// flattened level), its text joins the span.
fn push_block(stack: &mut Vec<Frame>, block: Block) {
    match stack.last_mut() {
        Some(Frame::Blocks(blocks, _)) => blocks.push(block),
        Some(Frame::Item(items, ..)) => items.push(vec![block]),
        Some(Frame::Spans(spans, _)) => spans.push(Span::Text {
            text: block_text(&block),
        }),
        None => stack.push(Frame::Blocks(vec![block], Container::Root)),
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph { spans } | Block::Heading { spans, .. } => plain(spans) + " ",
        Block::Code { text } => text.clone(),
        Block::Quote { blocks } => blocks.iter().map(block_text).collect(),
        Block::List { items, .. } => items.iter().flatten().map(block_text).collect(),
        Block::Rule => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Span {
        Span::Text { text: t.into() }
    }

    #[test]
    fn markdown_becomes_a_tree_of_strings() {
        let tree = blocks("**2,000** staff, see [site](https://example.com)\n\n- a\n- b");
        assert_eq!(
            tree,
            vec![
                Block::Paragraph {
                    spans: vec![
                        Span::Strong {
                            spans: vec![text("2,000")]
                        },
                        text(" staff, see "),
                        Span::Link {
                            url: "https://example.com".into(),
                            spans: vec![text("site")]
                        },
                    ]
                },
                Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![
                        vec![Block::Paragraph {
                            spans: vec![text("a")]
                        }],
                        vec![Block::Paragraph {
                            spans: vec![text("b")]
                        }],
                    ]
                },
            ]
        );
    }

    #[test]
    fn typst_syntax_and_html_stay_text_and_bad_links_lose_their_target() {
        let tree = blocks("#import \"x.typ\" $x$ <b>@ref</b> [a](javascript:alert(1))");
        let json = serde_json::to_string(&tree).unwrap();
        assert!(json.contains("#import \\\"x.typ\\\" $x$ "), "{json}");
        assert!(json.contains("<b>"), "{json}");
        assert!(!json.contains("javascript"), "{json}");
    }

    #[test]
    fn deep_nesting_is_flattened_not_lost() {
        let deep = ">".repeat(5000) + " deep";
        let tree = blocks(&deep);
        let json = serde_json::to_string(&tree).unwrap();
        assert!(json.contains("deep"));
        assert!(json.matches("quote").count() < MAX_DEPTH, "{json}");
        let list = (0..300)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect::<String>();
        let json = serde_json::to_string(&blocks(&list)).unwrap();
        assert!(json.contains("item 299"), "{json}");
    }
}
