//! Files that import each other in a circle (a -> b -> ... -> a): the strongly connected
//! components of the graph of files (Tarjan's algorithm), each of more than one file.

use std::collections::{BTreeMap, BTreeSet};

/// Each file and the files it imports.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every circle, each as its files in path order.
pub fn circles(graph: &Graph) -> Vec<Vec<String>> {
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for file in graph.keys() {
        if !search.index.contains_key(file.as_str()) {
            search.visit(file);
        }
    }
    search.found
}

struct Search<'a> {
    graph: &'a Graph,
    index: BTreeMap<&'a str, usize>,
    low: BTreeMap<&'a str, usize>,
    stack: Vec<&'a str>,
    found: Vec<Vec<String>>,
}

impl<'a> Search<'a> {
    fn visit(&mut self, file: &'a str) {
        let number = self.index.len();
        self.index.insert(file, number);
        self.low.insert(file, number);
        self.stack.push(file);
        for next in self.graph.get(file).into_iter().flatten() {
            if !self.graph.contains_key(next) {
                continue;
            }
            if !self.index.contains_key(next.as_str()) {
                self.visit(next);
                let low = self.low[file].min(self.low[next.as_str()]);
                self.low.insert(file, low);
            } else if self.stack.contains(&next.as_str()) {
                let low = self.low[file].min(self.index[next.as_str()]);
                self.low.insert(file, low);
            }
        }
        if self.low[file] == self.index[file] {
            let at = self
                .stack
                .iter()
                .rposition(|f| *f == file)
                .expect("on the stack");
            let mut circle: Vec<String> = self.stack.drain(at..).map(String::from).collect();
            if circle.len() > 1 {
                circle.sort();
                self.found.push(circle);
            }
        }
    }
}
