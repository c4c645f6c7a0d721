//! Loops among templates, found before tera sees them. Tera follows includes, macro calls and
//! imports with no limit on depth, so a macro that calls itself (directly or through another
//! macro), or templates that include or import each other in a circle, recurse until the stack
//! overflows and Rust aborts the process. This scan reads each template's tags as text (tera's
//! syntax trees are not public API) and refuses any such loop, naming the tag that closes it.
//!
//! Two kinds of loop are refused: rendering (an include, an extends or a macro call leads back
//! to where it started) and loading (imports and extends lead back: tera collects macros by
//! following them before it renders anything). Every loop is refused, even one behind an `if`
//! that would end it: the built-in templates have none, and an override does not need one.

use std::collections::HashMap;

use super::depth::{end_of_raw, find, tag_word};

/// A loop: the templates and macros on it, in order, back to the first, and the tag closing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loop {
    /// The index of the template holding the tag that closes the loop.
    pub template: usize,
    /// Byte offset of that tag's `{`.
    pub at: usize,
    /// The names on the loop, the first repeated at the end: `ping → pong → ping`.
    pub path: Vec<String>,
    pub kind: LoopKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    /// Macros calling one another.
    Calls,
    /// Templates including (or extending) one another, possibly through macros.
    Includes,
    /// Templates importing (or extending) one another.
    Imports,
}

impl Loop {
    pub fn message(&self) -> String {
        let path = self.path.join(" → ");
        match self.kind {
            LoopKind::Calls if self.path.len() == 2 => {
                format!("the macro {} calls itself", self.path[0])
            }
            LoopKind::Calls => format!("macros call one another in a loop: {path}"),
            LoopKind::Includes => format!("templates include one another in a loop: {path}"),
            LoopKind::Imports => format!("templates import one another in a loop: {path}"),
        }
    }
}

/// Checks the templates, given as (name, text), for loops.
#[cfg(test)]
pub fn check(templates: &[(&str, &str)]) -> Result<(), Loop> {
    check_graph(&Graph::of(templates))
}

/// Checks the graph of the templates' tags for loops.
pub fn check_graph(graph: &Graph) -> Result<(), Loop> {
    for (kind, keep) in [
        (LoopKind::Imports, Uses::Loading),
        (LoopKind::Includes, Uses::Rendering),
    ] {
        if let Some((nodes, edge)) = graph.find_loop(keep) {
            let all_macros = nodes.iter().all(|&n| n >= graph.templates);
            return Err(Loop {
                template: edge.template,
                at: edge.at,
                path: nodes.iter().map(|&n| graph.names[n].clone()).collect(),
                kind: if all_macros { LoopKind::Calls } else { kind },
            });
        }
    }
    Ok(())
}

/// What one template's tags say about the others.
#[derive(Default)]
struct Facts {
    /// `{% import "file" as namespace %}`: (file, namespace).
    imports: Vec<(String, String)>,
    /// The macros it defines.
    macros: Vec<String>,
    uses: Vec<Use>,
}

/// A tag that renders or loads something else.
struct Use {
    /// The macro the tag is in, if any.
    within: Option<String>,
    target: Target,
    /// Byte offset of the tag's `{`.
    at: usize,
}

enum Target {
    Include(String),
    Import(String),
    Extends(String),
    Call { namespace: String, name: String },
}

/// Which edges a search follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uses {
    Loading,
    Rendering,
}

/// The part of a tag the scan needs.
#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str),
    Text(&'a str),
    Path,
    Open,
    Other,
}

/// Reads a template's tags: comments and `{% raw %}` sections are skipped; an unclosed tag
/// ends the scan (tera reports it).
fn scan(text: &str) -> Facts {
    let bytes = text.as_bytes();
    let mut facts = Facts::default();
    let mut within: Option<String> = None;
    let mut at = 0;
    while let Some(open) = find(bytes, at, b"{") {
        let kind = match bytes.get(open + 1) {
            Some(b'#') => {
                match find(bytes, open + 2, b"#}") {
                    Some(close) => at = close + 2,
                    None => break,
                }
                continue;
            }
            Some(&kind @ (b'{' | b'%')) => kind,
            _ => {
                at = open + 1;
                continue;
            }
        };
        let Some((tokens, end)) = tokens(text, open + 2, kind) else {
            break;
        };
        at = end;
        let first_text = || {
            tokens.iter().find_map(|t| match t {
                Token::Text(name) => Some(name.to_string()),
                _ => None,
            })
        };
        let mut uses: Vec<Target> = Vec::new();
        if kind == b'%' {
            match tag_word(bytes, open + 2) {
                "macro" => {
                    within = tokens.iter().skip(1).find_map(|t| match t {
                        Token::Word(name) => Some(name.to_string()),
                        _ => None,
                    });
                    facts.macros.extend(within.clone());
                }
                "endmacro" => within = None,
                "include" => uses.extend(tokens.iter().filter_map(|t| match t {
                    Token::Text(name) => Some(Target::Include(name.to_string())),
                    _ => None,
                })),
                "extends" => uses.extend(first_text().map(Target::Extends)),
                "import" => {
                    let namespace = tokens.iter().skip_while(|t| **t != Token::Word("as"));
                    let namespace = namespace.skip(1).find_map(|t| match t {
                        Token::Word(name) => Some(name.to_string()),
                        _ => None,
                    });
                    if let (Some(file), Some(namespace)) = (first_text(), namespace) {
                        facts.imports.push((file.clone(), namespace));
                        uses.push(Target::Import(file));
                    }
                }
                "raw" => match end_of_raw(bytes, end) {
                    Some(after) => at = after,
                    None => break,
                },
                _ => {}
            }
        }
        for window in tokens.windows(4) {
            if let [Token::Word(namespace), Token::Path, Token::Word(name), Token::Open] = window {
                uses.push(Target::Call {
                    namespace: namespace.to_string(),
                    name: name.to_string(),
                });
            }
        }
        facts.uses.extend(uses.into_iter().map(|target| Use {
            within: within.clone(),
            target,
            at: open,
        }));
    }
    facts
}

/// The tokens of the tag whose text starts at `from` (after `{{` or `{%`), and the offset after
/// it; `None` when it is never closed.
fn tokens(text: &str, from: usize, kind: u8) -> Option<(Vec<Token<'_>>, usize)> {
    let bytes = text.as_bytes();
    let close = if kind == b'{' { b'}' } else { b'%' };
    let mut tokens = Vec::new();
    let mut index = from;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'"' | b'\'' | b'`' => {
                let quote = find(bytes, index + 1, &[byte])?;
                tokens.push(Token::Text(text.get(index + 1..quote)?));
                index = quote + 1;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let end = bytes[index..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .map_or(bytes.len(), |n| index + n);
                tokens.push(Token::Word(text.get(index..end)?));
                index = end;
            }
            b':' if bytes.get(index + 1) == Some(&b':') => {
                tokens.push(Token::Path);
                index += 2;
            }
            b'(' => {
                tokens.push(Token::Open);
                index += 1;
            }
            _ if byte == close && bytes.get(index + 1) == Some(&b'}') => {
                return Some((tokens, index + 2))
            }
            _ if byte.is_ascii_whitespace() => index += 1,
            _ => {
                tokens.push(Token::Other);
                index += 1;
            }
        }
    }
    None
}

/// One node per template, then one per macro; an edge per tag that renders or loads another.
pub struct Graph {
    /// How many of the nodes are templates (the first ones); the rest are macros.
    pub templates: usize,
    /// "brief.md.tera" for a template, "row (macros.md.tera)" for a macro.
    pub names: Vec<String>,
    pub edges: Vec<Vec<Edge>>,
}

#[derive(Debug, Clone, Copy)]
pub struct Edge {
    pub to: usize,
    uses: Uses,
    /// Extends both loads (its macros) and renders (its content).
    also_loading: bool,
    /// The index of the template holding the tag, and the byte offset of its `{`.
    pub template: usize,
    pub at: usize,
}

impl Edge {
    /// Whether a search along edges of `uses` follows this one.
    pub fn follows(&self, uses: Uses) -> bool {
        self.uses == uses || (uses == Uses::Loading && self.also_loading)
    }
}

impl Graph {
    /// Reads the templates, given as (name, text), and links their tags.
    pub fn of(templates: &[(&str, &str)]) -> Graph {
        let facts: Vec<Facts> = templates.iter().map(|(_, text)| scan(text)).collect();
        Graph::new(templates, &facts)
    }

    fn new(templates: &[(&str, &str)], facts: &[Facts]) -> Graph {
        let mut names: Vec<String> = templates.iter().map(|(name, _)| name.to_string()).collect();
        let mut macros: HashMap<(usize, &str), usize> = HashMap::new();
        for (template, facts) in facts.iter().enumerate() {
            for name in &facts.macros {
                macros.entry((template, name)).or_insert_with(|| {
                    names.push(format!("{name} ({})", templates[template].0));
                    names.len() - 1
                });
            }
        }
        // By name, for folders of thousands of templates; the first of a name, as before.
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for (index, (name, _)) in templates.iter().enumerate() {
            by_name.entry(name).or_insert(index);
        }
        let template_named = |name: &str| by_name.get(name).copied();
        // A namespace is the template's own import, or one it reaches through the templates it
        // imports or extends (tera carries them over); the first template importing it will do.
        let namespace_of = |template: usize, namespace: &str| {
            if namespace == "self" {
                return Some(template);
            }
            let file = facts[template]
                .imports
                .iter()
                .chain(facts.iter().flat_map(|f| &f.imports))
                .find(|(_, n)| n == namespace)?;
            template_named(&file.0)
        };
        let mut edges = vec![Vec::new(); names.len()];
        for (template, facts) in facts.iter().enumerate() {
            for used in &facts.uses {
                let from = match &used.within {
                    Some(name) => macros.get(&(template, name.as_str())).copied(),
                    None => Some(template),
                };
                let (to, uses, also_loading) = match &used.target {
                    Target::Include(name) => (template_named(name), Uses::Rendering, false),
                    Target::Extends(name) => (template_named(name), Uses::Rendering, true),
                    Target::Import(name) => (template_named(name), Uses::Loading, false),
                    Target::Call { namespace, name } => (
                        namespace_of(template, namespace)
                            .and_then(|file| macros.get(&(file, name.as_str())).copied()),
                        Uses::Rendering,
                        false,
                    ),
                };
                if let (Some(from), Some(to)) = (from, to) {
                    edges[from].push(Edge {
                        to,
                        uses,
                        also_loading,
                        template,
                        at: used.at,
                    });
                }
            }
        }
        Graph {
            templates: templates.len(),
            names,
            edges,
        }
    }

    /// The first loop along edges of `uses`, as its nodes (the first repeated at the end) and
    /// the edge closing it. A loop, not recursion: no template nests deep enough to matter,
    /// but thousands of macros in a chain would.
    fn find_loop(&self, uses: Uses) -> Option<(Vec<usize>, Edge)> {
        const NEW: u8 = 0;
        const OPEN: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; self.edges.len()];
        for start in 0..self.edges.len() {
            if state[start] != NEW {
                continue;
            }
            state[start] = OPEN;
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            while let Some(&(node, next)) = stack.last() {
                let Some(edge) = self.edges[node].get(next) else {
                    state[node] = DONE;
                    stack.pop();
                    continue;
                };
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                if !edge.follows(uses) {
                    continue;
                }
                match state[edge.to] {
                    NEW => {
                        state[edge.to] = OPEN;
                        stack.push((edge.to, 0));
                    }
                    OPEN => {
                        let first = stack.iter().position(|(n, _)| *n == edge.to)?;
                        let mut nodes: Vec<usize> =
                            stack[first..].iter().map(|(n, _)| *n).collect();
                        nodes.push(edge.to);
                        return Some((nodes, *edge));
                    }
                    _ => {}
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loop_in(templates: &[(&str, &str)]) -> Option<(String, usize, usize)> {
        check(templates)
            .err()
            .map(|found| (found.message(), found.template, found.at))
    }

    #[test]
    fn a_macro_calling_itself_is_refused_at_the_call() {
        let text = "{% macro again(n) %}{{ self::again(n=n) }}{% endmacro again %}";
        assert_eq!(
            loop_in(&[("a.tera", text)]),
            Some(("the macro again (a.tera) calls itself".into(), 0, 20))
        );
    }

    #[test]
    fn macros_calling_one_another_across_files_are_refused() {
        let macros = "{% import \"b.tera\" as b %}{% macro ping() %}{{ b::pong() }}{% endmacro %}";
        let other =
            "{% import \"a.tera\" as a %}{% macro pong() %}{% set x = a::ping() %}{% endmacro %}";
        // The imports loop too; that is found first, as tera meets it first.
        let found = check(&[("a.tera", macros), ("b.tera", other)]).unwrap_err();
        assert_eq!(found.kind, LoopKind::Imports);
        assert_eq!(found.path, ["a.tera", "b.tera", "a.tera"]);
        // Through a namespace imported by a third file, with no import loop.
        let caller = "{% import \"m.tera\" as m %}{{ m::ping() }}";
        let macros = "{% macro ping() %}{{ self::pong() }}{% endmacro %}\n\
                      {% macro pong() %}{{ self::ping() }}{% endmacro %}";
        let found = check(&[("page.tera", caller), ("m.tera", macros)]).unwrap_err();
        assert_eq!(found.kind, LoopKind::Calls);
        assert_eq!(
            found.message(),
            "macros call one another in a loop: ping (m.tera) → pong (m.tera) → ping (m.tera)"
        );
        // The second line starts at 18 + 18 + 14 + 1 = 51; its call after 18 more bytes.
        assert_eq!((found.template, found.at), (1, 69));
    }

    #[test]
    fn templates_including_one_another_are_refused() {
        assert_eq!(
            loop_in(&[("a.tera", "x\n{% include \"a.tera\" %}")]),
            Some((
                "templates include one another in a loop: a.tera → a.tera".into(),
                0,
                2
            ))
        );
        let found = check(&[
            (
                "a.tera",
                "{% include [\"missing\", 'b.tera'] ignore missing %}",
            ),
            (
                "b.tera",
                "{% macro m() %}{% include \"a.tera\" %}{% endmacro %}{{ self::m() }}",
            ),
        ])
        .unwrap_err();
        assert_eq!(found.path, ["a.tera", "b.tera", "m (b.tera)", "a.tera"]);
    }

    #[test]
    fn a_template_importing_itself_is_refused() {
        let found = check(&[("a.tera", "{% import \"a.tera\" as me %}")]).unwrap_err();
        assert_eq!(
            found.message(),
            "templates import one another in a loop: a.tera → a.tera"
        );
    }

    #[test]
    fn calls_and_includes_without_a_loop_pass() {
        let base = "{% block body %}{% endblock %}";
        let macros = "{% macro row(r) %}{{ r }}{% endmacro %}\
                      {% macro table(t) %}{% for r in t %}{{ self::row(r=r) }}{% endfor %}{% endmacro %}";
        let page = "{% extends \"base.tera\" %}{% import \"macros.tera\" as m %}\
                    {% block body %}{{ m::table(t=[1]) }}{% include \"part.tera\" %}{% endblock %}";
        let part = "{# {{ self::x() }} {% include \"page.tera\" %} #}\
                    {% raw %}{% include \"page.tera\" %}{% endraw %}{{ \"m::table(\" }}";
        let templates = [
            ("base.tera", base),
            ("macros.tera", macros),
            ("page.tera", page),
            ("part.tera", part),
        ];
        assert_eq!(check(&templates), Ok(()));
    }

    #[test]
    fn an_unclosed_tag_ends_the_scan_for_tera_to_report() {
        assert_eq!(check(&[("a.tera", "{% include \"a.tera\" ")]), Ok(()));
        assert_eq!(check(&[("a.tera", "{{ \"never closed }}")]), Ok(()));
    }
}
