//! The output boundary: what every output format is (a name, and files from a model), which of
//! them a run asks for, and the settings they render with.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::report::charts::ChartOutputs;
use crate::report::model::Renders;
use crate::report::pdf::{self, PdfSettings};
use crate::report::templates::{self, Templates};
use crate::write::OutputFile;

/// One output format: files made from a model `M` (a company's brief model, or a comparison).
pub trait Output<M: ?Sized>: Sync {
    /// Its name, as `--format` takes it ("md", "xlsx").
    fn name(&self) -> &'static str;

    /// The files it makes of `model`.
    fn render(&self, model: &M, settings: &ReportSettings) -> Result<Vec<OutputFile>>;

    /// Whether it shows the charts: they are drawn when an output asked for does.
    fn shows_charts(&self) -> bool {
        false
    }

    /// Whether `--format` names it; one that does not is made when the formats want it.
    fn selectable(&self) -> bool {
        true
    }

    /// Whether a run asking for `formats` makes it.
    fn asked_by(&self, formats: &Formats) -> bool {
        formats.has(self.name())
    }

    /// The file a multi-company site's index links beside each company, when it has one.
    fn site_link(&self) -> Option<SiteLink> {
        None
    }

    /// Why this binary cannot make it, when it cannot (the PDF without its feature).
    fn unavailable(&self) -> Option<&'static str> {
        None
    }
}

/// A link from the site's index to a file of each company's folder: "PDF" to `brief.pdf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SiteLink {
    pub file: &'static str,
    pub label: &'static str,
}

/// The outputs a run asks for, by name, checked against a list of outputs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Formats {
    names: Vec<&'static str>,
    /// Whether one of them shows the charts.
    charts: bool,
}

impl Formats {
    /// The outputs of `list` that `names` name. An unknown name, or one this binary cannot
    /// make, is refused with a sentence saying so.
    pub fn parse<M: ?Sized>(
        list: &[&(dyn Output<M> + '_)],
        names: &[impl AsRef<str>],
    ) -> Result<Formats, String> {
        let mut formats = Formats::default();
        for name in names {
            let name = name.as_ref();
            let Some(output) = list.iter().find(|o| o.selectable() && o.name() == name) else {
                return Err(format!("there is no output format \"{name}\""));
            };
            if let Some(why) = output.unavailable() {
                return Err(format!("--format {name}: {why}"));
            }
            formats.names.push(output.name());
            formats.charts |= output.shows_charts();
        }
        Ok(formats)
    }

    /// Whether the output `name` is asked for.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains(&name)
    }

    /// The names asked for, in the order given.
    pub fn names(&self) -> &[&'static str] {
        &self.names
    }

    /// Whether an output asked for shows the charts.
    pub fn shows_charts(&self) -> bool {
        self.charts
    }
}

/// The chart files to write (the settings map `--charts` onto it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
    Both,
}

/// What to put in a report, and the compiled templates (compiled once, used for every company).
pub struct ReportSettings {
    pub formats: Formats,
    pub charts: ChartFormat,
    pub templates: Templates,
    /// How to make a PDF, when one is asked for.
    pub pdf: Option<PdfSettings>,
}

impl ReportSettings {
    /// Settings for the outputs `formats`, with the templates they render with (`dir`
    /// overriding the built-in ones) and no PDF settings yet.
    pub fn with_formats(formats: Formats, charts: ChartFormat, dir: Option<&Path>) -> Result<Self> {
        let wants_templates = templates::for_brief(formats.has("md"), formats.has("html"));
        let templates = templates::load_only(dir, Some(&wants_templates))?;
        Ok(ReportSettings {
            formats,
            charts,
            templates,
            pdf: None,
        })
    }

    /// Adds how to make a PDF, with the Typst template `template` (or its override in `dir`),
    /// when the formats ask for one.
    pub fn with_pdf(
        mut self,
        paper: pdf::Paper,
        standard: Option<pdf::Standard>,
        dir: Option<&Path>,
        template: &'static str,
    ) -> Result<Self> {
        if self.formats.has("pdf") {
            self.pdf = Some(PdfSettings {
                paper,
                standard,
                template: pdf::Template::load(dir, template)?,
            });
        }
        Ok(self)
    }

    /// What the brief model is built for: the charts to draw, and whether a template of the
    /// user's (Markdown, HTML or Typst) renders it.
    pub fn renders(&self) -> Renders {
        let typst_override = self.pdf.as_ref().is_some_and(|p| p.template.overridden);
        Renders {
            charts: self.chart_outputs(),
            overrides: self.templates.has_overrides() || typst_override,
        }
    }

    /// The chart files to draw, when an output asked for shows the charts.
    pub fn chart_outputs(&self) -> Option<ChartOutputs> {
        self.formats.shows_charts().then_some(ChartOutputs {
            svg: self.charts != ChartFormat::Png,
            png: self.charts != ChartFormat::Svg,
        })
    }
}
