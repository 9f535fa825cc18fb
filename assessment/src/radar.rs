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
                format!("{},{}", coord(x), coord(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A ring at `percent` on every axis, as SVG `points`.
    pub fn ring(&self, percent: f64) -> String {
        self.polygon(&vec![Some(percent); self.axes])
    }

    /// Where to put an axis label of `lines` lines of height `line_height`: the first line's
    /// baseline and the text anchor, chosen so the whole label stays outside the chart.
    pub fn label(&self, axis: usize, lines: usize, line_height: f64) -> (f64, f64, &'static str) {
        let (x, y) = self.point(axis, 100.0);
        let (dx, dy) = (x - self.cx, y - self.cy);
        let anchor = if dx.abs() < 1.0 {
            "middle"
        } else if dx > 0.0 {
            "start"
        } else {
            "end"
        };
        let scale = (self.r + 12.0) / self.r;
        let extra = lines.saturating_sub(1) as f64 * line_height;
        let y_first = if dy < -1.0 {
            // Above the chart: every line above the spoke's end.
            self.cy + dy * scale - extra - 4.0
        } else if dy > 1.0 {
            self.cy + dy * scale + line_height
        } else {
            self.cy + dy * scale - extra / 2.0 + line_height / 3.0
        };
        (self.cx + dx * scale, y_first, anchor)
    }
}

/// Splits a label into lines of at most `max` characters, at spaces (a longer word gets a line
/// of its own).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// A coordinate with one decimal, for SVG attributes. Formatted through integers: float
/// formatting would add about 10 KB to the wasm bundle for this one use.
pub fn coord(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
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
    fn coordinates_have_one_decimal() {
        assert_eq!(coord(12.345), "12.3");
        assert_eq!(coord(12.35), "12.4");
        assert_eq!(coord(-0.04), "0.0");
        assert_eq!(coord(-3.06), "-3.1");
        assert_eq!(coord(100.0), "100.0");
    }

    #[test]
    fn labels_sit_outside_the_chart() {
        let radar = Radar {
            axes: 4,
            cx: 100.0,
            cy: 100.0,
            r: 80.0,
        };
        assert_eq!(radar.label(0, 3, 20.0).2, "middle");
        assert_eq!(radar.label(1, 3, 20.0).2, "start");
        assert_eq!(radar.label(3, 3, 20.0).2, "end");
        assert!(radar.label(1, 3, 20.0).0 > 180.0);
        let (_, top, _) = radar.label(0, 3, 20.0);
        assert!(
            top + 2.0 * 20.0 < 20.0,
            "all three lines of the top label sit above the chart"
        );
        assert!(
            radar.label(2, 3, 20.0).1 > 180.0 + 12.0,
            "the bottom label sits below the chart"
        );
    }

    #[test]
    fn wraps_labels_at_spaces() {
        assert_eq!(
            wrap("Motivation & Rewards", 12),
            ["Motivation &", "Rewards"]
        );
        assert_eq!(
            wrap("Choice & Getting the Most", 12),
            ["Choice &", "Getting the", "Most"]
        );
        assert_eq!(wrap("Trust", 12), ["Trust"]);
        assert_eq!(wrap("Extraordinarily long", 5), ["Extraordinarily", "long"]);
    }
}
