//! The brief's optional sections (the non-GAAP measures, the peers, the headcount plan, the
//! plan and guidance) are templates of their own, which the brief includes where the section
//! goes. Parsing templates is most of a small run's time and most briefs lack some of these
//! sections, so a built-in section template is parsed only when a brief that has its section
//! is first rendered, and then kept for every later one. With a templates folder, every
//! template is parsed at load instead (an override may include any template, anywhere).

use std::sync::{Mutex, PoisonError, RwLock};

use tera::Tera;

/// Each section template, with the brief's field that holds its section: the brief includes
/// the template only when that field is set.
pub const SECTIONS: &[(&str, &str)] = &[
    ("brief-non-gaap.html.tera", "non_gaap"),
    ("brief-non-gaap.md.tera", "non_gaap"),
    ("brief-peers.html.tera", "peers"),
    ("brief-peers.md.tera", "peers"),
    ("brief-plan.html.tera", "plan"),
    ("brief-plan.md.tera", "plan"),
    ("brief-plan-actual.html.tera", "plan_actual"),
    ("brief-plan-actual.md.tera", "plan_actual"),
];

/// A built-in section template not parsed yet.
#[derive(Debug)]
struct Waiting {
    name: &'static str,
    /// The brief's field that holds its section.
    field: &'static str,
    text: &'static str,
}

/// The built-in section templates still waiting to be parsed.
#[derive(Debug, Default)]
pub(super) struct Deferred {
    waiting: Mutex<Vec<Waiting>>,
}

impl Deferred {
    /// Section templates to parse when first needed: those of `names` that are sections'.
    pub fn of(names: impl Iterator<Item = &'static str>) -> Deferred {
        let waiting = names
            .filter_map(|name| {
                let field = SECTIONS.iter().find(|(n, _)| *n == name)?.1;
                Some(Waiting {
                    name,
                    field,
                    text: super::built_in(name),
                })
            })
            .collect();
        Deferred {
            waiting: Mutex::new(waiting),
        }
    }

    /// Parses into `tera` the section templates that rendering `name` (a Markdown or an HTML
    /// template) with `context` may include and that are not parsed yet: those of its format
    /// whose section the context has.
    pub fn parse_needed(
        &self,
        tera: &RwLock<Tera>,
        name: &str,
        context: &tera::Context,
    ) -> tera::Result<()> {
        let markdown = name.ends_with(".md.tera");
        let mut waiting = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
        let needed = |w: &Waiting| {
            w.name.ends_with(".md.tera") == markdown
                && context.get(w.field).is_some_and(|value| !value.is_null())
        };
        if !waiting.iter().any(needed) {
            return Ok(());
        }
        let mut tera = tera.write().unwrap_or_else(PoisonError::into_inner);
        tera.add_raw_templates(
            waiting
                .iter()
                .filter(|w| needed(w))
                .map(|w| (w.name, w.text)),
        )?;
        waiting.retain(|w| !needed(w));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tera: &RwLock<Tera>) -> Vec<String> {
        let tera = tera.read().unwrap();
        let mut names: Vec<String> = tera.get_template_names().map(str::to_string).collect();
        names.sort();
        names
    }

    /// A section's template is parsed when a brief of its format has the section, once.
    #[test]
    fn a_section_template_is_parsed_when_a_brief_has_the_section() {
        let deferred = Deferred::of(SECTIONS.iter().map(|(name, _)| *name));
        let tera = RwLock::new(Tera::default());
        let mut context = tera::Context::new();
        context.insert("plan", &serde_json::Value::Null);
        deferred
            .parse_needed(&tera, "brief.md.tera", &context)
            .unwrap();
        assert!(names(&tera).is_empty(), "no section: {:?}", names(&tera));
        context.insert("peers", &serde_json::json!({ "rows": [] }));
        deferred
            .parse_needed(&tera, "brief.md.tera", &context)
            .unwrap();
        assert_eq!(names(&tera), ["brief-peers.md.tera"]);
        deferred
            .parse_needed(&tera, "brief.html.tera", &context)
            .unwrap();
        assert_eq!(
            names(&tera),
            ["brief-peers.html.tera", "brief-peers.md.tera"]
        );
        assert_eq!(deferred.waiting.lock().unwrap().len(), SECTIONS.len() - 2);
    }

    /// Each section template is a built-in template, named for the format of the brief that
    /// includes it, and included by that brief only inside `{% if <field> %}`.
    #[test]
    fn each_section_template_is_included_only_under_its_field() {
        for (name, field) in SECTIONS {
            let brief = match name.ends_with(".md.tera") {
                true => super::super::built_in("brief.md.tera"),
                false => super::super::built_in("brief.html.tera"),
            };
            assert!(!super::super::built_in(name).is_empty(), "{name}");
            let guarded = format!("{{%- if {field} %}}{{% include \"{name}\" %}}");
            assert!(brief.contains(&guarded), "{name}: {guarded}");
            assert_eq!(brief.matches(&format!("\"{name}\"")).count(), 1, "{name}");
        }
    }
}
