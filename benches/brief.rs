//! Benchmarks of the whole brief, in process: the bundled example, and synthetic companies of
//! 100, 1,000 and 10,000 quarters with 50 cost lines. `bench/run` measures the release binary
//! as a whole process; the README's Performance section has the figures.
//!
//! Measurement times are short so `cargo bench` finishes in a few minutes; pass
//! `-- --measurement-time 10` for steadier figures.

use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use ipobrief::input::{self, CompanyInput, Format, ReadOptions};
use ipobrief::report::{self, ChartFormat, ReportSettings};
use ipobrief::scorecard::Thresholds;

/// Parse -> analyse -> render every file (Markdown, HTML, JSON, SVG charts), as `generate` does
/// for one company, without writing.
fn whole_brief(text: &str, settings: &ReportSettings) -> usize {
    let company = parse(text);
    let metrics = ipobrief::analyse(&company, &Thresholds::default(), None);
    let files = report::build(&company, &metrics, None, settings).expect("the brief renders");
    files.len()
}

fn parse(text: &str) -> CompanyInput {
    input::parse(text, "bench.toml", Format::Toml, &ReadOptions::default())
        .expect("the benchmark input is valid")
}

fn settings() -> ReportSettings {
    ReportSettings::new(&["md", "html", "json"], ChartFormat::Svg, None)
        .expect("the built-in templates compile")
}

/// The Park-Miller generator, as in `bench/synthetic.awk`: seeded, so every run benchmarks the
/// same company.
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 = self.0 * 16_807 % 2_147_483_647;
        self.0 as f64 / 2_147_483_647.0
    }
}

/// A company of `periods` quarters from 1001-Q1 on with `lines` cost lines, the same shape as
/// `bench/synthetic.awk` writes.
fn synthetic(periods: usize, lines: usize, seed: u64) -> String {
    let mut random = Random(seed % 2_147_483_646 + 1);
    let mut toml = format!(
        "[company]\nname = \"Synthetic {periods}\"\ncurrency = \"USD\"\nscale = \"millions\"\n\
         ai_exposed = [\"line_01\", \"line_02\"]\n\n\
         [plan]\ntarget_headcount = 2000\nannual_attrition = 0.2\n"
    );
    let (mut revenue, mut headcount) = (1000.0_f64, 4000_i64);
    for i in 0..periods {
        revenue += (1000.0 - revenue) * 0.05 + (random.next() - 0.5) * 60.0;
        headcount += ((4000 - headcount) as f64 * 0.05 + (random.next() - 0.5) * 200.0) as i64;
        let _ = write!(
            toml,
            "\n[[period]]\nlabel = \"{:04}-Q{}\"\nrevenue = {revenue:.1}\n\
             headcount_end = {headcount}\npersonnel_cost = {:.1}\n",
            1001 + i / 4,
            i % 4 + 1,
            revenue * 0.3
        );
        let mut costs = String::new();
        let mut total = 0.0;
        for line in 1..=lines {
            let amount =
                (revenue * (0.8 + random.next() * 0.2) / lines as f64 * 10.0).floor() / 10.0;
            total += amount;
            let _ = writeln!(costs, "line_{line:02} = {amount:.1}");
        }
        let _ = write!(
            toml,
            "operating_income = {:.1}\n[period.costs]\n{costs}[period.ai]\nspend = {:.1}\n\
             fte_equivalent = {}\n",
            revenue - total - 5.0,
            10.0 + random.next() * 5.0,
            100 + (random.next() * 50.0) as i64
        );
    }
    toml
}

fn example(c: &mut Criterion) {
    let settings = settings();
    let mut group = c.benchmark_group("example");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("whole_brief", |b| {
        b.iter(|| whole_brief(black_box(ipobrief::EXAMPLE_TOML), &settings))
    });
    let company = parse(ipobrief::EXAMPLE_TOML);
    group.bench_function("analyse", |b| {
        b.iter(|| ipobrief::analyse(black_box(&company), &Thresholds::default(), None))
    });
    group.bench_function("compile_templates", |b| b.iter(self::settings));
    group.finish();
}

fn synthetic_companies(c: &mut Criterion) {
    let settings = settings();
    let mut group = c.benchmark_group("synthetic");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for periods in [100, 1_000, 10_000] {
        let text = synthetic(periods, 50, periods as u64);
        let company = parse(&text);
        group.bench_with_input(
            BenchmarkId::new("analyse", periods),
            &company,
            |b, company| b.iter(|| ipobrief::analyse(company, &Thresholds::default(), None)),
        );
        group.bench_with_input(
            BenchmarkId::new("whole_brief", periods),
            &text,
            |b, text| b.iter(|| whole_brief(text, &settings)),
        );
    }
    group.finish();
}

criterion_group!(benches, example, synthetic_companies);
criterion_main!(benches);
