//! The imports of each file of `src/`, read as Rust tokens so that comments, strings and doc
//! text never count: every path that starts with `crate::`, `super::` or `self::` (in
//! `main.rs`, `ipobrief::`), in a `use` or in code, with `use` groups expanded. Items under
//! `#[cfg(test)]` and the test files (`tests.rs`, `*_tests.rs`) are left out, as the shared
//! `layers` and `circles` tools leave them out. A file a `#[path]` attribute names is the
//! module it is declared as.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::tokens::{path_modules, scan};

/// One file of `src/` and the module paths it imports, each from the crate root.
pub struct SourceFile {
    /// As `src/report/cell.rs`.
    pub path: String,
    /// `src/report/cell.rs` and `src/report/cell/mod.rs` are `["report", "cell"]`; `src/lib.rs`
    /// is `[]`; `src/main.rs`, the binary, is `["main"]`.
    pub module: Vec<String>,
    pub imports: Vec<Vec<String>>,
}

/// The files of `src/` (but the test files, in path order) and which module each one is.
pub struct Src {
    pub files: Vec<SourceFile>,
    by_module: BTreeMap<Vec<String>, String>,
}

impl Src {
    pub fn read(root: &Path) -> Src {
        let mut paths = Vec::new();
        collect(&root.join("src"), &mut paths);
        paths.sort();
        let texts: Vec<(String, String)> = paths
            .iter()
            .filter(|path| !is_test_file(path))
            .map(|path| {
                let rel = path.strip_prefix(root).expect("under the root");
                let text = fs::read_to_string(path).expect("a source file is read");
                (rel.to_string_lossy().replace('\\', "/"), text)
            })
            .collect();
        let mut modules: BTreeMap<String, Vec<String>> = texts
            .iter()
            .map(|(rel, _)| (rel.clone(), module_of(rel)))
            .collect();
        for (rel, text) in &texts {
            let folder = rel.rsplit_once('/').map_or("", |(folder, _)| folder);
            for (file, name) in path_modules(text) {
                let mut module = modules[rel].clone();
                module.push(name);
                modules.insert(format!("{folder}/{file}"), module);
            }
        }
        let files = texts
            .iter()
            .map(|(rel, text)| read(rel, text, modules[rel].clone()))
            .collect();
        let by_module = modules
            .into_iter()
            .map(|(file, module)| (module, file))
            .collect();
        Src { files, by_module }
    }

    /// The file a module path names: the deepest file its segments (or their start) reach;
    /// `src/lib.rs` for an item of the crate root.
    pub fn file_of(&self, segments: &[String]) -> &str {
        (1..=segments.len())
            .rev()
            .find_map(|n| self.by_module.get(&segments[..n]))
            .map_or("src/lib.rs", String::as_str)
    }

    /// Whether `src/` has a module of this name at its top.
    pub fn is_module(&self, name: &str) -> bool {
        self.by_module.contains_key(&[name.to_string()][..])
    }
}

/// The imports of one file, `rel` its path from the root, `module` the module it is.
pub fn read(rel: &str, text: &str, module: Vec<String>) -> SourceFile {
    let tokens = text.parse().unwrap_or_else(|e| panic!("{rel}: {e:?}"));
    let mut paths = Vec::new();
    scan(tokens, rel == "src/main.rs", &mut paths);
    let imports = paths.iter().map(|p| absolute(&module, p)).collect();
    SourceFile {
        path: rel.to_string(),
        module,
        imports,
    }
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is read").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name == "tests.rs" || name.ends_with("_tests.rs")
}

fn module_of(rel: &str) -> Vec<String> {
    let inner = rel.trim_start_matches("src/").trim_end_matches(".rs");
    let mut module: Vec<String> = inner.split('/').map(String::from).collect();
    if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
        module.pop();
    }
    module
}

/// A path as written (`super::super::x::Y`) made absolute from the file's module.
pub fn absolute(module: &[String], path: &[String]) -> Vec<String> {
    let (mut at, rest) = match path.first().map(String::as_str) {
        Some("crate" | "ipobrief") => (Vec::new(), &path[1..]),
        _ => (module.to_vec(), path),
    };
    let mut rest = rest.iter().peekable();
    while let Some(step) = rest.next_if(|s| *s == "super" || *s == "self") {
        if step == "super" {
            at.pop();
        }
    }
    at.extend(rest.filter(|s| *s != "self" && *s != "*").cloned());
    at
}
