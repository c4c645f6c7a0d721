//! The size check: small files, one idea each, and no long function (the style guide's "Shape").
//!
//! It reads every production file under `src/`: a `.rs` file that is not a `tests.rs`, not a
//! `*_tests.rs` and not under a `tests/` folder. The median production file must be at most
//! `MEDIAN_LINES` lines, and no production function may be longer than `FUNCTION_LINES` lines,
//! counted from the line of its signature to the line of its closing brace. Code under
//! `#[cfg(test)]` is not production, and `const`/`static` items are data tables, not functions.
//! Functions listed in `NOT_YET` are known and still over; the list only shrinks.

use std::path::{Path, PathBuf};

use syn::spanned::Spanned;
use syn::visit::Visit;

/// The median production file's lines, at most.
const MEDIAN_LINES: usize = 150;
/// A production function's lines, at most.
const FUNCTION_LINES: usize = 80;

/// Functions over `FUNCTION_LINES` not split yet (all in the outputs, compare, commands and
/// settings), as `path: name`. An entry that is no longer over fails the check too, so the
/// list only shrinks and is always the truth; the target is met when it is empty.
const NOT_YET: &[&str] = &[];

#[test]
fn production_files_are_small_and_functions_short() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    files.sort();
    let mut lines = Vec::new();
    let mut long = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("reading a source file");
        let shown = path.strip_prefix(root).unwrap().display().to_string();
        lines.push(text.lines().count());
        let syntax = syn::parse_file(&text).unwrap_or_else(|e| panic!("parsing {shown}: {e}"));
        let mut finder = LongFunctions {
            file: &shown,
            scope: Vec::new(),
            found: &mut long,
        };
        finder.visit_file(&syntax);
    }
    lines.sort_unstable();
    let median = median(&lines);
    let over = lines.iter().filter(|&&n| n > MEDIAN_LINES).count();
    println!(
        "{} production files, median {median} lines, {over} over {MEDIAN_LINES}; \
         {} functions over {FUNCTION_LINES} lines ({} of them known in NOT_YET)",
        lines.len(),
        long.len(),
        long.iter()
            .filter(|(name, _)| NOT_YET.contains(&name.as_str()))
            .count(),
    );
    let mut offenders = Vec::new();
    if median > MEDIAN_LINES as f64 {
        offenders.push(format!(
            "the median production file has {median} lines, over {MEDIAN_LINES}"
        ));
    }
    for (name, length) in &long {
        if !NOT_YET.contains(&name.as_str()) {
            offenders.push(format!("{name} has {length} lines, over {FUNCTION_LINES}"));
        }
    }
    for known in NOT_YET {
        if !long.iter().any(|(name, _)| name == known) {
            offenders.push(format!(
                "{known} is no longer over {FUNCTION_LINES}: remove it from NOT_YET"
            ));
        }
    }
    assert!(offenders.is_empty(), "\n{}\n", offenders.join("\n"));
}

/// Production `.rs` files under `folder`, depth first.
fn collect(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("reading src/") {
        let path = entry.expect("reading src/").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "tests" {
                collect(&path, files);
            }
        } else if name.ends_with(".rs") && name != "tests.rs" && !name.ends_with("_tests.rs") {
            files.push(path);
        }
    }
}

/// The middle of sorted numbers (the mean of the two middle ones for an even count).
fn median(sorted: &[usize]) -> f64 {
    let middle = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[middle] as f64
    } else {
        (sorted[middle - 1] + sorted[middle]) as f64 / 2.0
    }
}

/// Finds functions longer than `FUNCTION_LINES`, named `path: Type::function`.
struct LongFunctions<'a> {
    file: &'a str,
    /// The `impl` or `trait` the visitor is inside, if any.
    scope: Vec<String>,
    found: &'a mut Vec<(String, usize)>,
}

impl LongFunctions<'_> {
    fn measure(&mut self, name: &syn::Ident, signature: impl Spanned, body: impl Spanned) {
        let first = signature.span().start().line;
        let last = body.span().end().line;
        let length = last + 1 - first;
        if length > FUNCTION_LINES {
            let owner = self
                .scope
                .last()
                .map(|s| format!("{s}::"))
                .unwrap_or_default();
            self.found
                .push((format!("{}: {owner}{name}", self.file), length));
        }
    }
}

/// Whether the attributes hold `#[cfg(test)]`.
fn test_only(attributes: &[syn::Attribute]) -> bool {
    attributes.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta
                .require_list()
                .is_ok_and(|l| l.tokens.to_string() == "test")
    })
}

impl<'ast> Visit<'ast> for LongFunctions<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attributes = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Trait(t) => &t.attrs,
            syn::Item::Const(_) | syn::Item::Static(_) => return,
            _ => return syn::visit::visit_item(self, item),
        };
        if !test_only(attributes) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.measure(&item.sig.ident, &item.sig, &item.block);
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        let ty = &item.self_ty;
        self.scope.push(quote_type(ty));
        syn::visit::visit_item_impl(self, item);
        self.scope.pop();
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if !test_only(&item.attrs) {
            self.measure(&item.sig.ident, &item.sig, &item.block);
            syn::visit::visit_impl_item_fn(self, item);
        }
    }

    fn visit_item_trait(&mut self, item: &'ast syn::ItemTrait) {
        self.scope.push(item.ident.to_string());
        syn::visit::visit_item_trait(self, item);
        self.scope.pop();
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if let Some(body) = &item.default {
            self.measure(&item.sig.ident, &item.sig, body);
        }
        syn::visit::visit_trait_item_fn(self, item);
    }
}

/// A type's name as written, without generics: `Brief` for `Brief<'a>`.
fn quote_type(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        syn::Type::Reference(r) => quote_type(&r.elem),
        _ => "impl".to_owned(),
    }
}
