//! The boundary's promise: a new output format is one module and one line in a list, and its
//! name is what `--format` takes.

use super::*;
use crate::report::model;

/// A pretend format, one module: the company's name and its headline revenue as the brief
/// model presented it.
mod pretend {
    use anyhow::Result;

    use crate::report::model::BriefModel;
    use crate::report::output::{Output, ReportSettings};
    use crate::write::OutputFile;

    pub struct Words;

    impl Output<BriefModel<'_>> for Words {
        fn name(&self) -> &'static str {
            "words"
        }

        fn render(&self, model: &BriefModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
            let revenue = &model.brief.headline.as_ref().expect("a year").kpis[0].value;
            let text = format!("{}: {}", model.brief.company.name, revenue.text);
            Ok(vec![OutputFile::new("words.txt", text)])
        }
    }

    /// A format that fails, to see its error name it.
    pub struct Broken;

    impl Output<BriefModel<'_>> for Broken {
        fn name(&self) -> &'static str {
            "broken"
        }

        fn render(&self, _: &BriefModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
            Err(anyhow::anyhow!("no paper left"))
        }
    }
}

/// The brief's list with the pretend formats: a line each.
const WITH_PRETEND: &[&BriefOutput] = &[&json::Json, &pretend::Words, &pretend::Broken];

const TINY: &str = "[company]\nname = \"Tiny\"\ncurrency = \"EUR\"\n\n\
                    [[period]]\nlabel = \"2024\"\nrevenue = 12.5\n";

fn settings(names: &[&str]) -> ReportSettings {
    let formats = Formats::parse(WITH_PRETEND, names).expect("known formats");
    ReportSettings::with_formats(formats, ChartFormat::Svg, None).expect("templates")
}

#[test]
fn a_new_output_is_a_module_and_a_line() {
    let input = crate::input::from_toml(TINY).expect("valid input");
    let analysis = crate::analyse(&input, &Default::default(), None);
    let model = model::build(&input, &analysis, None, Default::default()).expect("the model");
    let files = render(WITH_PRETEND, &model, &settings(&["words"])).expect("renders");
    let paths: Vec<_> = files.iter().map(|f| f.path.display().to_string()).collect();
    assert_eq!(paths, ["words.txt"]);
    // 12.5 euros in units, on a headline card: "€12.5".
    assert_eq!(&*files[0].bytes().unwrap(), "Tiny: €12.5".as_bytes());

    let error = render(WITH_PRETEND, &model, &settings(&["json", "broken"])).unwrap_err();
    assert_eq!(
        format!("{error:#}"),
        "cannot write the broken output: no paper left"
    );
    let unknown = Formats::parse(WITH_PRETEND, &["md"]).unwrap_err();
    assert_eq!(unknown, "there is no output format \"md\"");
}

/// `--format` takes the names of the brief's list; the chart files follow a brief that shows
/// them and are never asked for by name.
#[test]
fn format_names_come_from_the_list() {
    assert_eq!(names(), ["md", "html", "json", "xlsx", "pdf"]);
    let asked = formats(&["json", "md"]).expect("known formats");
    assert!(asked.has("md") && asked.shows_charts());
    assert!(!formats(&["json", "xlsx"]).expect("known").shows_charts());
    assert!(formats(&["charts"]).is_err());
}

/// The metrics view is for a template of the user's: the built-in ones never read it, so the
/// brief's data leaves it out unless an override (Markdown, HTML or Typst) renders the brief.
#[test]
fn the_metrics_view_reaches_only_a_users_template() {
    let folder = tempfile::tempdir().expect("a folder");
    let dir = Some(folder.path());
    assert!(!has_metrics(None, &["md", "html"]));
    // A folder with no template in it overrides nothing.
    std::fs::write(folder.path().join("notes.txt"), "not a template").expect("written");
    assert!(!has_metrics(dir, &["md", "html"]));
    std::fs::write(
        folder.path().join("brief.md.tera"),
        "{{ metrics.periods.0.label }}",
    )
    .expect("written");
    assert!(has_metrics(dir, &["md", "html"]));
}

#[cfg(feature = "pdf")]
#[test]
fn the_metrics_view_reaches_a_users_typst_template() {
    let folder = tempfile::tempdir().expect("a folder");
    let dir = Some(folder.path());
    std::fs::write(folder.path().join("brief.typ"), "= Brief").expect("written");
    assert!(has_metrics(dir, &["md", "pdf"]));
    assert!(!has_metrics(dir, &["md"]), "brief.typ renders no PDF here");
    assert!(!has_metrics(None, &["md", "pdf"]));
}

/// Whether the template context of TINY's brief, rendered as `names` with the templates in
/// `dir`, holds the metrics view.
fn has_metrics(dir: Option<&std::path::Path>, names: &[&str]) -> bool {
    let input = crate::input::from_toml(TINY).expect("valid input");
    let analysis = crate::analyse(&input, &Default::default(), None);
    let formats = formats(names).expect("known formats");
    let settings = ReportSettings::with_formats(formats, ChartFormat::Svg, dir)
        .and_then(|s| s.with_pdf(crate::report::pdf::Paper::A4, None, dir, "brief.typ"))
        .expect("settings");
    let model = model::build(&input, &analysis, None, settings.renders()).expect("the model");
    let context = model.template_context().expect("a context");
    context.contains_key("metrics")
}
