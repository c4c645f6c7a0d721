//! The imports between the files of `src/` follow `ARCHITECTURE.md`: each floor imports only
//! its own floor and those below, no command imports another command, `lib.rs` holds no items
//! (so nothing imports from it), and no files import each other in a circle.

mod circles;
mod imports;
mod rules;
mod tokens;

use crate::harness::root;

use self::imports::Src;
use self::rules::{broken_rule, lib_items};

/// Circles known when this test was written, each being taken apart elsewhere: a circle here
/// passes, one no longer found fails until it is taken off this list. Keep it empty.
const KNOWN_CIRCLES: &[&[&str]] = &[];

#[test]
fn every_import_follows_the_floors_of_architecture_md() {
    let src = Src::read(root());
    let mut breaks: Vec<String> = lib_items();
    for file in &src.files {
        for import in file.imports.iter().filter(|i| !i.is_empty()) {
            if let Some(rule) = broken_rule(&src, file, import) {
                let target = src.file_of(import);
                breaks.push(format!("{} -> {target}: {rule}", file.path));
            }
        }
    }
    breaks.sort();
    breaks.dedup();
    assert!(
        breaks.is_empty(),
        "{} imports against ARCHITECTURE.md:\n{}",
        breaks.len(),
        breaks.join("\n")
    );
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let src = Src::read(root());
    let graph = src
        .files
        .iter()
        .map(|file| {
            let targets = file.imports.iter().map(|i| src.file_of(i).to_string());
            let targets = targets.filter(|t| *t != file.path).collect();
            (file.path.clone(), targets)
        })
        .collect();
    let found = circles::circles(&graph);
    let known: Vec<Vec<String>> = KNOWN_CIRCLES
        .iter()
        .map(|c| c.iter().map(|f| f.to_string()).collect())
        .collect();
    let mut problems: Vec<String> = found
        .iter()
        .filter(|circle| !known.contains(circle))
        .map(|circle| {
            format!(
                "{}: these files import each other in a circle",
                circle.join(" <-> ")
            )
        })
        .collect();
    problems.extend(known.iter().filter(|c| !found.contains(c)).map(|c| {
        format!(
            "{}: no longer a circle; take it off KNOWN_CIRCLES",
            c.join(" <-> ")
        )
    }));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Guards the reader: comments, strings and `#[cfg(test)]` items hold no imports; `use`
/// groups expand; `super` climbs from the file's module.
#[test]
fn imports_are_read_from_code_only() {
    let text = r#"
        //! crate::cli in a comment
        use crate::{input::{self, CompanyInput}, money};
        use super::super::plan::Plan;
        fn f() -> String {
            /* crate::commands */
            crate::report::build();
            "crate::settings::Generate".to_string()
        }
        #[cfg(test)]
        mod tests { use crate::commands::run; }
    "#;
    let module = vec!["pipeline".to_string(), "render".to_string()];
    let file = imports::read("src/pipeline/render.rs", text, module);
    let expected: Vec<Vec<&str>> = vec![
        vec!["input"],
        vec!["input", "CompanyInput"],
        vec!["money"],
        vec!["plan", "Plan"],
        vec!["report", "build"],
    ];
    assert_eq!(file.imports, expected);
}
