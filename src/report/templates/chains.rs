//! Chains among templates too long to render. With no loop ([`super::cycles`]), tera still
//! recurses once per link when templates include one another or macros call one another, and
//! once per import when it collects macros: `brief.md.tera` including `a0.tera`, `a0.tera`
//! including `a1.tera` and so on 3,000 deep, or 5,000 macros each calling the next, overflow
//! the stack and Rust aborts the process. This check measures the longest chain on the same
//! graph, with loops rather than recursion, and refuses one longer than [`MAX_LINKS`].

use super::cycles::{Edge, Graph, Uses};

/// Links (includes, extends, macro calls; or imports and extends) one after another. The
/// built-in templates chain 3 deep.
pub const MAX_LINKS: usize = 64;

/// A chain past the limit: the names along it and the tag of the first link too many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    /// The index of the template holding the tag that goes past the limit.
    pub template: usize,
    /// Byte offset of that tag's `{`.
    pub at: usize,
    /// The names along the chain, from its start, one more than the limit allows.
    pub path: Vec<String>,
    /// The links in the whole chain.
    pub links: usize,
    pub loading: bool,
}

impl TooLong {
    pub fn message(&self) -> String {
        let how = if self.loading {
            "templates import one another"
        } else {
            "templates include one another or macros call one another"
        };
        let shown: Vec<&str> = self.path.iter().take(4).map(String::as_str).collect();
        format!(
            "{how} more than {MAX_LINKS} deep ({} links: {} → …)",
            self.links,
            shown.join(" → ")
        )
    }
}

/// Refuses a chain of more than [`MAX_LINKS`] links on a graph without loops.
pub fn check(graph: &Graph) -> Result<(), TooLong> {
    for uses in [Uses::Loading, Uses::Rendering] {
        let heights = heights(graph, uses);
        let Some((start, &links)) = heights
            .iter()
            .enumerate()
            .max_by_key(|&(node, height)| (*height, std::cmp::Reverse(node)))
        else {
            continue;
        };
        if links <= MAX_LINKS {
            continue;
        }
        // Walk down the longest chain to the link past the limit.
        let mut node = start;
        let mut path = vec![graph.names[node].clone()];
        let mut last = None;
        for _ in 0..=MAX_LINKS {
            let Some(edge) = longest_edge(graph, &heights, node, uses) else {
                break;
            };
            node = edge.to;
            path.push(graph.names[node].clone());
            last = Some(edge);
        }
        if let Some(edge) = last {
            return Err(TooLong {
                template: edge.template,
                at: edge.at,
                path,
                links,
                loading: uses == Uses::Loading,
            });
        }
    }
    Ok(())
}

/// The followed edge out of `node` leading down the longest chain (the first of equals).
fn longest_edge<'g>(
    graph: &'g Graph,
    heights: &[usize],
    node: usize,
    uses: Uses,
) -> Option<&'g Edge> {
    let mut best: Option<&Edge> = None;
    for edge in graph.edges[node].iter().filter(|e| e.follows(uses)) {
        if best.is_none_or(|b| heights[edge.to] > heights[b.to]) {
            best = Some(edge);
        }
    }
    best
}

/// For each node, the links in the longest chain starting there, by a depth-first walk with
/// its own stack. An edge back to a node on the stack (a loop, refused before this check) is
/// not followed, so the walk ends whatever the graph.
fn heights(graph: &Graph, uses: Uses) -> Vec<usize> {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; graph.edges.len()];
    let mut height = vec![0usize; graph.edges.len()];
    for start in 0..graph.edges.len() {
        if state[start] != NEW {
            continue;
        }
        state[start] = OPEN;
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(&(node, next)) = stack.last() {
            let Some(edge) = graph.edges[node].get(next) else {
                height[node] = graph.edges[node]
                    .iter()
                    .filter(|e| e.follows(uses) && state[e.to] == DONE)
                    .map(|e| height[e.to] + 1)
                    .max()
                    .unwrap_or(0);
                state[node] = DONE;
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            if edge.follows(uses) && state[edge.to] == NEW {
                state[edge.to] = OPEN;
                stack.push((edge.to, 0));
            }
        }
    }
    height
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain_of_includes(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| {
                (
                    format!("a{i}.tera"),
                    format!("x\n{{% include \"a{}.tera\" %}}", i + 1),
                )
            })
            .chain(std::iter::once((format!("a{n}.tera"), "end".to_string())))
            .collect()
    }

    fn check_texts(templates: &[(String, String)]) -> Result<(), TooLong> {
        let borrowed: Vec<(&str, &str)> = templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        check(&Graph::of(&borrowed))
    }

    #[test]
    fn a_chain_at_the_limit_passes_and_one_link_more_is_refused() {
        assert_eq!(check_texts(&chain_of_includes(MAX_LINKS)), Ok(()));
        let found = check_texts(&chain_of_includes(MAX_LINKS + 1)).unwrap_err();
        // The 65th include is the tag in a64.tera, on its line 2 (after "x\n").
        assert_eq!((found.template, found.at, found.links), (64, 2, 65));
        assert_eq!(
            found.message(),
            "templates include one another or macros call one another more than 64 deep \
             (65 links: a0.tera → a1.tera → a2.tera → a3.tera → …)"
        );
    }

    #[test]
    fn five_thousand_macros_in_a_chain_are_refused_without_recursion() {
        let macros: String = (0..5_000)
            .map(|n| {
                format!(
                    "{{% macro m{n}() %}}{{{{ self::m{}() }}}}{{% endmacro %}}\n",
                    n + 1
                )
            })
            .collect();
        let page = "{% import \"m.tera\" as m %}{{ m::m0() }}".to_string();
        let found = check_texts(&[("page.tera".into(), page), ("m.tera".into(), macros)]);
        let found = found.unwrap_err();
        // page.tera → m0 → … : the 65th link is m63 calling m64, in m.tera.
        assert_eq!((found.template, found.links), (1, 5_000));
        assert_eq!(found.path[..2], ["page.tera", "m0 (m.tera)"]);
        assert_eq!(found.path[65], "m64 (m.tera)");
    }

    #[test]
    fn a_long_chain_of_imports_is_refused() {
        let templates: Vec<(String, String)> = (0..100)
            .map(|i| {
                (
                    format!("a{i}.tera"),
                    format!("{{% import \"a{}.tera\" as m %}}", i + 1),
                )
            })
            .collect();
        let found = check_texts(&templates).unwrap_err();
        assert!(found.loading);
        assert_eq!(found.template, 64);
    }
}
