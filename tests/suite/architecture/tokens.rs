//! Paths in Rust tokens: after `crate`, `super` or `self` and `::`, the segments up to the
//! item, with `use` groups (`{a, b::{c, d}}`) expanded into one path each. Items under
//! `#[cfg(test)]` are skipped whole.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// Collects every path from `crate`, `super` or `self` (and `ipobrief` in the binary).
pub fn scan(tokens: TokenStream, binary: bool, out: &mut Vec<Vec<String>>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        if is_cfg_test(&trees, i) {
            i = end_of_item(&trees, i + 2);
            continue;
        }
        match &trees[i] {
            TokenTree::Group(group) => scan(group.stream(), binary, out),
            TokenTree::Ident(ident) if is_path_sep(&trees, i + 1) => {
                let word = ident.to_string();
                if matches!(word.as_str(), "crate" | "super" | "self")
                    || binary && word == "ipobrief"
                {
                    let (paths, next) = path_at(&trees, i, Vec::new());
                    out.extend(paths);
                    i = next;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// The paths of the path (or `use` tree) at `i`, after `prefix`, and where it ends.
fn path_at(
    trees: &[TokenTree],
    mut i: usize,
    mut prefix: Vec<String>,
) -> (Vec<Vec<String>>, usize) {
    loop {
        match trees.get(i) {
            Some(TokenTree::Ident(ident)) if ident != "as" => prefix.push(ident.to_string()),
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                let paths = g.stream().into_iter().collect::<Vec<_>>();
                let parts = paths
                    .split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                    .filter(|part| !part.is_empty());
                let expanded = parts.flat_map(|part| path_at(part, 0, prefix.clone()).0);
                return (expanded.collect(), i + 1);
            }
            _ => return (vec![prefix], i),
        }
        if !is_path_sep(trees, i + 1) {
            return (vec![prefix], i + 1);
        }
        i += 3;
    }
}

fn is_path_sep(trees: &[TokenTree], i: usize) -> bool {
    matches!((trees.get(i), trees.get(i + 1)), (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
        if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':')
}

/// Whether `#[cfg(test)]` (or `#[cfg(all(test, ...))]`) starts at `i`.
fn is_cfg_test(trees: &[TokenTree], i: usize) -> bool {
    let attribute = match (trees.get(i), trees.get(i + 1)) {
        (Some(TokenTree::Punct(p)), Some(TokenTree::Group(g)))
            if p.as_char() == '#' && g.delimiter() == Delimiter::Bracket =>
        {
            g.stream().to_string().replace(' ', "")
        }
        _ => return false,
    };
    let all = attribute.strip_prefix("cfg(all(").unwrap_or_default();
    attribute == "cfg(test)" || all.split([',', ')']).any(|word| word == "test")
}

/// Where the item from `i` ends: after its `;` or its body in braces.
fn end_of_item(trees: &[TokenTree], mut i: usize) -> usize {
    while let Some(tree) = trees.get(i) {
        i += 1;
        match tree {
            TokenTree::Punct(p) if p.as_char() == ';' => break,
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => break,
            _ => {}
        }
    }
    i
}

/// The kind of each item at the top level of a file (`mod`, `use`, `fn`, `struct`, ...;
/// `macro` for a macro called or defined there), in order.
pub fn top_level_items(text: &str) -> Vec<String> {
    const KINDS: [&str; 12] = [
        "mod", "use", "fn", "struct", "enum", "union", "trait", "impl", "type", "const", "static",
        "extern",
    ];
    let tokens: TokenStream = text.parse().expect("the file is Rust");
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut kinds = Vec::new();
    for (i, tree) in trees.iter().enumerate() {
        let TokenTree::Ident(ident) = tree else {
            continue;
        };
        let word = ident.to_string();
        let bang = matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        if bang {
            kinds.push("macro".to_string());
        } else if KINDS.contains(&word.as_str()) {
            kinds.push(word);
        }
    }
    kinds
}

/// Each `#[path = "file.rs"] mod name;` of a file: the file and the module's name.
pub fn path_modules(text: &str) -> Vec<(String, String)> {
    let tokens: TokenStream = text.parse().expect("the file is Rust");
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut found = Vec::new();
    for (i, tree) in trees.iter().enumerate() {
        let TokenTree::Group(group) = tree else {
            continue;
        };
        let inner: Vec<TokenTree> = group.stream().into_iter().collect();
        let file = match inner.as_slice() {
            [TokenTree::Ident(key), TokenTree::Punct(eq), TokenTree::Literal(file)]
                if key == "path" && eq.as_char() == '=' =>
            {
                file.to_string().trim_matches('"').to_string()
            }
            _ => continue,
        };
        let name = trees[i..].windows(2).find_map(|pair| match pair {
            [TokenTree::Ident(m), TokenTree::Ident(name)] if m == "mod" => Some(name.to_string()),
            _ => None,
        });
        found.extend(name.map(|name| (file, name)));
    }
    found
}
