//! A drawing backend that lays a chart out at its logical size (the SVG's 820 × 420) and draws
//! it onto a bitmap `factor` times larger: every coordinate, line width, circle radius and font
//! size is multiplied. The PNG then has the SVG's layout with `factor` times its pixels, sharp
//! on slides and high-density screens, instead of the same small picture blown up.

use plotters::style::{FontDesc, TextStyle};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// Draws on `inner`, whose size is `factor` times the size the chart is laid out at.
pub struct Scaled<B> {
    inner: B,
    factor: u32,
}

impl<B: DrawingBackend> Scaled<B> {
    /// `factor` is at least 1; `inner`'s width and height should be multiples of it.
    pub fn new(inner: B, factor: u32) -> Self {
        Scaled {
            inner,
            factor: factor.max(1),
        }
    }

    fn point(&self, (x, y): BackendCoord) -> BackendCoord {
        let f = self.factor as i32;
        (x.saturating_mul(f), y.saturating_mul(f))
    }

    /// The last physical pixel of a logical pixel: its block is `factor` pixels wide.
    fn point_end(&self, at: BackendCoord) -> BackendCoord {
        let (x, y) = self.point(at);
        let extra = self.factor as i32 - 1;
        (x.saturating_add(extra), y.saturating_add(extra))
    }

    /// `style` with its line width scaled like the points.
    fn wider<'a, S>(&self, style: &'a S) -> Wider<'a, S> {
        Wider {
            style,
            factor: self.factor,
        }
    }
}

/// A style with its line width multiplied.
struct Wider<'a, S> {
    style: &'a S,
    factor: u32,
}

impl<S: BackendStyle> BackendStyle for Wider<'_, S> {
    fn color(&self) -> BackendColor {
        self.style.color()
    }
    fn stroke_width(&self) -> u32 {
        self.style.stroke_width().saturating_mul(self.factor)
    }
}

type Drawn<B> = Result<(), DrawingErrorKind<<B as DrawingBackend>::ErrorType>>;

impl<B: DrawingBackend> DrawingBackend for Scaled<B> {
    type ErrorType = B::ErrorType;

    /// The logical size: what the chart is laid out in.
    fn get_size(&self) -> (u32, u32) {
        let (width, height) = self.inner.get_size();
        (width / self.factor, height / self.factor)
    }

    fn ensure_prepared(&mut self) -> Drawn<B> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Drawn<B> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn<B> {
        let (from, to) = (self.point(point), self.point_end(point));
        self.inner.draw_rect(from, to, &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn<B> {
        let wider = self.wider(style);
        let (from, to) = (self.point(from), self.point(to));
        self.inner.draw_line(from, to, &wider)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn<B> {
        let wider = self.wider(style);
        let (from, to) = (self.point(upper_left), self.point_end(bottom_right));
        self.inner.draw_rect(from, to, &wider, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn<B> {
        let wider = self.wider(style);
        let points: Vec<BackendCoord> = path.into_iter().map(|p| self.point(p)).collect();
        self.inner.draw_path(points, &wider)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn<B> {
        let wider = self.wider(style);
        let center = self.point(center);
        self.inner
            .draw_circle(center, radius.saturating_mul(self.factor), &wider, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn<B> {
        let points: Vec<BackendCoord> = vertices.into_iter().map(|p| self.point(p)).collect();
        self.inner.fill_polygon(points, style)
    }

    /// The same text at `factor` times the font size; the layout measured it at its own size
    /// (`estimate_text_size` is not overridden), so it lands where the SVG has it.
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn<B> {
        let font = FontDesc::new(
            style.family(),
            style.size() * f64::from(self.factor),
            style.style(),
        )
        .transform(style.transform());
        let larger = TextStyle {
            font,
            color: style.color(),
            pos: style.anchor(),
        };
        let pos = self.point(pos);
        self.inner.draw_text(text, &larger, pos)
    }
}
