//! Geometry of the radar chart: pure numbers, drawn as SVG by the app.
//!
//! Axis 0 points straight up and the axes go clockwise. Values are percentages (0-100).

/// A radar chart of `axes` spokes centred at (`cx`, `cy`) with radius `r` for 100 %.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Radar {
    pub axes: usize,
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
}

impl Radar {
    /// The point of `percent` (clamped to 0-100) on axis `axis`.
    pub fn point(&self, axis: usize, percent: f64) -> (f64, f64) {
        let angle = std::f64::consts::TAU * axis as f64 / self.axes.max(1) as f64;
        let d = self.r * percent.clamp(0.0, 100.0) / 100.0;
        (self.cx + d * angle.sin(), self.cy - d * angle.cos())
    }

    /// An SVG `points` attribute for one value per axis (a missing value is drawn at the centre).
    pub fn polygon(&self, values: &[Option<f64>]) -> String {
        values
            .iter()
            .enumerate()
            .map(|(axis, v)| {
                let (x, y) = self.point(axis, v.unwrap_or(0.0));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A ring at `percent` on every axis, as SVG `points`.
    pub fn ring(&self, percent: f64) -> String {
        self.polygon(&vec![Some(percent); self.axes])
    }

    /// Where to put an axis label of two lines (name, then value): the first line's baseline and
    /// the text anchor, chosen so the label stays outside the chart.
    pub fn label(&self, axis: usize) -> (f64, f64, &'static str) {
        let (x, y) = self.point(axis, 100.0);
        let (dx, dy) = (x - self.cx, y - self.cy);
        let anchor = if dx.abs() < 1.0 {
            "middle"
        } else if dx > 0.0 {
            "start"
        } else {
            "end"
        };
        let scale = (self.r + 10.0) / self.r;
        let line = 14.0;
        let y_first = if dy < -1.0 {
            // Above the chart: both lines above the spoke's end.
            self.cy + dy * scale - line
        } else if dy > 1.0 {
            self.cy + dy * scale + line
        } else {
            self.cy - line / 3.0
        };
        (self.cx + dx * scale, y_first, anchor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_axes_point_up_right_down_left() {
        let radar = Radar {
            axes: 4,
            cx: 100.0,
            cy: 100.0,
            r: 80.0,
        };
        let close =
            |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9;
        assert!(close(radar.point(0, 100.0), (100.0, 20.0)));
        assert!(close(radar.point(1, 50.0), (140.0, 100.0)));
        assert!(close(radar.point(2, 100.0), (100.0, 180.0)));
        assert!(close(radar.point(3, 0.0), (100.0, 100.0)));
        assert!(
            close(radar.point(0, 150.0), (100.0, 20.0)),
            "clamped to 100"
        );
    }

    #[test]
    fn polygon_draws_missing_values_at_the_centre() {
        let radar = Radar {
            axes: 4,
            cx: 10.0,
            cy: 10.0,
            r: 10.0,
        };
        assert_eq!(
            radar.polygon(&[Some(100.0), None, Some(50.0), Some(0.0)]),
            "10.0,0.0 10.0,10.0 10.0,15.0 10.0,10.0"
        );
        assert_eq!(radar.ring(100.0).split(' ').count(), 4);
    }

    #[test]
    fn labels_sit_outside_the_chart() {
        let radar = Radar {
            axes: 4,
            cx: 100.0,
            cy: 100.0,
            r: 80.0,
        };
        assert_eq!(radar.label(0).2, "middle");
        assert_eq!(radar.label(1).2, "start");
        assert_eq!(radar.label(3).2, "end");
        assert!(radar.label(1).0 > 180.0);
        assert!(
            radar.label(0).1 < 20.0 - 10.0,
            "the top label's two lines sit above the chart"
        );
        assert!(
            radar.label(2).1 > 180.0,
            "the bottom label sits below the chart"
        );
    }
}
