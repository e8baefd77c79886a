//! The layout both charts share: groups of horizontal bars on a log-scale
//! axis around 1.0, one group per row (benchmark) and one bar per series
//! (implementation), a summary group set apart at the top, a legend, a
//! title, and the value of every bar written beside it.

use super::canvas::{Align, Canvas, Rgb, Style, WHITE};
use super::font::Fonts;
use super::scale::{factor_label, tick_label, LogScale};

/// The Okabe-Ito palette, distinguishable with the common colour-vision
/// deficiencies; series take the colours in this order.
pub const PALETTE: &[Rgb] = &[
    [0, 114, 178],   // blue
    [230, 159, 0],   // orange
    [0, 158, 115],   // bluish green
    [213, 94, 0],    // vermillion
    [204, 121, 167], // reddish purple
    [86, 180, 233],  // sky blue
];

/// The colour of the `i`th series.
pub fn series_color(i: usize) -> Rgb {
    PALETTE[i % PALETTE.len()]
}

const TEXT: Rgb = [34, 34, 34];
const MUTED: Rgb = [102, 102, 102];
const NOTE: Rgb = [120, 120, 120];
const GRID: Rgb = [210, 210, 210];
const AXIS: Rgb = [140, 140, 140];
const REFERENCE: Rgb = [40, 40, 40];
const ZEBRA: Rgb = [246, 246, 246];
const SUMMARY_BG: Rgb = [234, 239, 245];

pub const WIDTH: u32 = 1200;
const MARGIN: f64 = 24.0;
const TITLE_SIZE: f32 = 20.0;
const SUBTITLE_SIZE: f32 = 14.0;
const LEGEND_SIZE: f32 = 14.0;
const NAME_SIZE: f32 = 14.0;
const BAR_LABEL_SIZE: f32 = 12.0;
const NOTE_SIZE: f32 = 12.0;
const TICK_SIZE: f32 = 13.0;
const AXIS_LABEL_SIZE: f32 = 14.0;
const FOOTER_SIZE: f32 = 12.0;
const BAR_HEIGHT: f64 = 15.0;
const BAR_GAP: f64 = 3.0;
const GROUP_PAD: f64 = 7.0;
const MAX_NAME_WIDTH: f64 = 300.0;
const LEGEND_BOX: f64 = 14.0;
const LEGEND_BOX_GAP: f64 = 7.0;
const LEGEND_ENTRY_GAP: f64 = 26.0;
const LEGEND_LINE: f64 = 22.0;

/// One series (implementation): its legend entry and bar colour.
pub struct Series {
    pub name: String,
    pub color: Rgb,
}

/// One series per implementation, in order, with the palette's colours.
pub fn series_of(impls: &[&str]) -> Vec<Series> {
    impls
        .iter()
        .enumerate()
        .map(|(i, name)| Series { name: super::labels::display_name(name), color: series_color(i) })
        .collect()
}

/// What a row shows for one series.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A bar from 1.0 to this factor.
    Value(f64),
    /// No bar: a short note instead ("failed", "mismatch").
    Note(String),
}

impl Cell {
    /// The factor, if it can be drawn on a log scale.
    pub fn value(&self) -> Option<f64> {
        match self {
            Cell::Value(v) if v.is_finite() && *v > 0.0 => Some(*v),
            _ => None,
        }
    }
}

/// One group of bars: a benchmark, or the summary.
pub struct Row {
    pub name: String,
    /// One cell per series, in the order of `BarChart::series`.
    pub cells: Vec<Cell>,
}

pub struct BarChart {
    pub title: String,
    pub subtitles: Vec<String>,
    pub series: Vec<Series>,
    /// Drawn first, in bold, on a tinted band (the geometric mean).
    pub summary: Option<Row>,
    pub rows: Vec<Row>,
    /// Written above the line at 1.0 ("CPython = 1.0").
    pub reference_label: String,
    /// Written left and right of the reference label ("← slower").
    pub low_hint: String,
    pub high_hint: String,
    /// Under the axis.
    pub axis_label: String,
    /// Small print at the bottom.
    pub footer: Vec<String>,
}

/// Vertical extent of one group of bars.
struct Group<'a> {
    row: &'a Row,
    top: f64,
    summary: bool,
}

/// Draws the chart; the height follows from the number of rows.
pub fn render(chart: &BarChart, fonts: &Fonts) -> Canvas {
    let width = f64::from(WIDTH);
    let style = |bold: bool, size: f32, color: Rgb| Style {
        face: if bold { &fonts.bold } else { &fonts.regular },
        size,
        color,
    };
    let title = style(true, TITLE_SIZE, TEXT);
    let subtitle = style(false, SUBTITLE_SIZE, MUTED);
    let legend = style(false, LEGEND_SIZE, TEXT);
    let name = style(false, NAME_SIZE, TEXT);
    let summary_name = style(true, NAME_SIZE, TEXT);
    let bar_label = style(false, BAR_LABEL_SIZE, TEXT);
    let note = style(false, NOTE_SIZE, NOTE);
    let tick = style(false, TICK_SIZE, MUTED);
    let axis_label = style(false, AXIS_LABEL_SIZE, TEXT);
    let reference = style(true, TICK_SIZE, REFERENCE);
    let hint = style(false, TICK_SIZE, MUTED);
    let footer = style(false, FOOTER_SIZE, MUTED);

    let n_series = chart.series.len().max(1) as f64;
    let group_height = 2.0 * GROUP_PAD + n_series * BAR_HEIGHT + (n_series - 1.0) * BAR_GAP;
    let text_width = width - 2.0 * MARGIN;

    // Header: title, subtitles, legend.
    let title_baseline = MARGIN + 14.0;
    let subtitle_baseline = title_baseline + 26.0;
    let legend_mid = subtitle_baseline + 20.0 * chart.subtitles.len() as f64 + 8.0;
    // Legend entries left to right, wrapping onto more lines if needed:
    // (left edge, line) per series.
    let mut entries = Vec::with_capacity(chart.series.len());
    let (mut x, mut line) = (MARGIN, 0usize);
    for s in &chart.series {
        let w = LEGEND_BOX + LEGEND_BOX_GAP + legend.width(&s.name);
        if x > MARGIN && x + w > width - MARGIN {
            x = MARGIN;
            line += 1;
        }
        entries.push((x, line));
        x += w + LEGEND_ENTRY_GAP;
    }
    let reference_baseline = legend_mid + LEGEND_LINE * line as f64 + 38.0;
    let plot_top = reference_baseline + 10.0;

    // Rows, summary first.
    let mut groups = Vec::new();
    let mut y = plot_top;
    if let Some(row) = &chart.summary {
        groups.push(Group {
            row,
            top: y,
            summary: true,
        });
        y += group_height + 10.0;
    }
    let rows_top = y;
    for row in &chart.rows {
        groups.push(Group {
            row,
            top: y,
            summary: false,
        });
        y += group_height;
    }
    let plot_bottom = y.max(plot_top + group_height);
    let tick_baseline = plot_bottom + 22.0;
    let axis_label_baseline = tick_baseline + 26.0;
    let footer_baseline = axis_label_baseline + 28.0;
    let height = footer_baseline + 18.0 * chart.footer.len() as f64 + MARGIN - 10.0;
    let mut canvas = Canvas::new(WIDTH, height.ceil() as u32, WHITE);

    // Columns: names, then the plot.
    let names_width = groups
        .iter()
        .map(|g| if g.summary { &summary_name } else { &name }.width(&g.row.name))
        .fold(60.0, f64::max)
        .min(MAX_NAME_WIDTH);
    let names_right = MARGIN + names_width;
    let plot_left = names_right + 16.0;
    let plot_right = width - MARGIN - 8.0;

    // The axis, with room beside the extreme bars for their labels.
    let values: Vec<f64> = groups
        .iter()
        .flat_map(|g| g.row.cells.iter().filter_map(Cell::value))
        .collect();
    let min = values.iter().copied().fold(1.0, f64::min);
    let max = values.iter().copied().fold(1.0, f64::max);
    let label_room = |v: f64| bar_label.width(&factor_label(v)) + 12.0;
    let pad_low = if min < 1.0 { label_room(min) } else { 24.0 };
    // Notes are written right of the line at 1.0.
    let note_room = groups
        .iter()
        .flat_map(|g| g.row.cells.iter())
        .map(|c| match c {
            Cell::Note(t) => note.width(t) + 16.0,
            Cell::Value(_) if c.value().is_some() => 0.0,
            Cell::Value(_) => note.width("n/a") + 16.0,
        })
        .fold(24.0, f64::max);
    let pad_high = if max > 1.0 {
        label_room(max).max(note_room)
    } else {
        note_room
    };
    let scale = LogScale::fit(min, max, plot_left, plot_right, pad_low, pad_high, 70.0);
    let px = |v: f64| scale.to_px(v).round();
    let one = px(1.0);

    // Title block.
    let fitted = fonts.bold.fit(&chart.title, TITLE_SIZE, text_width);
    canvas.text(&title, &fitted, MARGIN, title_baseline, Align::Left);
    for (i, line) in chart.subtitles.iter().enumerate() {
        let fitted = fonts.regular.fit(line, SUBTITLE_SIZE, text_width);
        canvas.text(
            &subtitle,
            &fitted,
            MARGIN,
            subtitle_baseline + 20.0 * i as f64,
            Align::Left,
        );
    }
    for (s, (x, line)) in chart.series.iter().zip(&entries) {
        let mid = legend_mid + LEGEND_LINE * *line as f64;
        let size = LEGEND_BOX as i64;
        canvas.fill_rect(
            *x as i64,
            (mid - LEGEND_BOX / 2.0).round() as i64,
            size,
            size,
            s.color,
        );
        let name = legend.face.fit(
            &s.name,
            LEGEND_SIZE,
            text_width - LEGEND_BOX - LEGEND_BOX_GAP,
        );
        canvas.text_mid(
            &legend,
            &name,
            x + LEGEND_BOX + LEGEND_BOX_GAP,
            mid,
            Align::Left,
        );
    }

    // Backgrounds: the summary band and zebra stripes behind the rows.
    let band_left = MARGIN as i64 - 6;
    let band_width = (plot_right - MARGIN) as i64 + 12;
    let mut stripe = 0;
    for g in &groups {
        let color = if g.summary {
            Some(SUMMARY_BG)
        } else {
            stripe += 1;
            (stripe % 2 == 0).then_some(ZEBRA)
        };
        if let Some(c) = color {
            canvas.fill_rect(band_left, g.top as i64, band_width, group_height as i64, c);
        }
    }

    // Grid lines at the ticks, then the axis.
    for &t in scale.ticks() {
        let x = px(t) as i64;
        canvas.dashed_vline(x, plot_top as i64, plot_bottom as i64, 3, 3, GRID);
        canvas.vline(x, plot_bottom as i64, plot_bottom as i64 + 5, 1, AXIS);
        canvas.text(
            &tick,
            &tick_label(t),
            x as f64,
            tick_baseline,
            Align::Center,
        );
    }
    canvas.hline(
        plot_left as i64,
        plot_right as i64,
        plot_bottom as i64,
        1,
        AXIS,
    );
    canvas.text(
        &axis_label,
        &chart.axis_label,
        (plot_left + plot_right) / 2.0,
        axis_label_baseline,
        Align::Center,
    );

    // Bars and their labels.
    for g in &groups {
        let label_style = if g.summary { &summary_name } else { &name };
        let fitted = label_style.face.fit(&g.row.name, NAME_SIZE, names_width);
        canvas.text_mid(
            label_style,
            &fitted,
            names_right,
            g.top + group_height / 2.0,
            Align::Right,
        );
        for (i, cell) in g.row.cells.iter().enumerate().take(chart.series.len()) {
            let bar_top = g.top + GROUP_PAD + i as f64 * (BAR_HEIGHT + BAR_GAP);
            let mid = bar_top + BAR_HEIGHT / 2.0;
            let Some(v) = cell.value() else {
                let text = match cell {
                    Cell::Note(t) => t.as_str(),
                    Cell::Value(_) => "n/a",
                };
                canvas.text_mid(&note, text, one + 7.0, mid, Align::Left);
                continue;
            };
            let end = px(v);
            let (left, right) = if v >= 1.0 {
                (one, end.max(one + 2.0))
            } else {
                (end.min(one - 2.0), one)
            };
            let color = chart.series[i].color;
            canvas.fill_rect(
                left as i64,
                bar_top as i64,
                (right - left) as i64,
                BAR_HEIGHT as i64,
                color,
            );
            let text = factor_label(v);
            let tw = bar_label.width(&text);
            let label = if g.summary {
                Style {
                    face: &fonts.bold,
                    ..bar_label
                }
            } else {
                bar_label
            };
            if v >= 1.0 {
                if right + 5.0 + tw <= width - MARGIN / 2.0 {
                    canvas.text_mid(&label, &text, right + 5.0, mid, Align::Left);
                } else {
                    canvas.text_mid(
                        &Style {
                            color: WHITE,
                            ..label
                        },
                        &text,
                        right - 4.0,
                        mid,
                        Align::Right,
                    );
                }
            } else if left - 5.0 - tw >= plot_left - 8.0 {
                canvas.text_mid(&label, &text, left - 5.0, mid, Align::Right);
            } else {
                canvas.text_mid(
                    &Style {
                        color: WHITE,
                        ..label
                    },
                    &text,
                    left + 4.0,
                    mid,
                    Align::Left,
                );
            }
        }
    }
    if chart.summary.is_some() && !chart.rows.is_empty() {
        canvas.hline(
            band_left,
            band_left + band_width,
            (rows_top - 5.0) as i64,
            1,
            AXIS,
        );
    }

    // The reference line on top of the bars, labelled above the plot.
    canvas.vline(
        one as i64 - 1,
        plot_top as i64 - 4,
        plot_bottom as i64,
        2,
        REFERENCE,
    );
    let ref_width = reference.width(&chart.reference_label);
    let gap = 14.0;
    let low_width = hint.width(&chart.low_hint);
    let high_width = hint.width(&chart.high_hint);
    // Centre the label on the line, shifted inwards if it would leave the image.
    let min_centre = MARGIN + low_width + gap + ref_width / 2.0;
    let max_centre = width - MARGIN - high_width - gap - ref_width / 2.0;
    let centre = one.max(min_centre).min(max_centre.max(min_centre));
    canvas.text(
        &reference,
        &chart.reference_label,
        centre,
        reference_baseline,
        Align::Center,
    );
    canvas.text(
        &hint,
        &chart.low_hint,
        centre - ref_width / 2.0 - gap,
        reference_baseline,
        Align::Right,
    );
    canvas.text(
        &hint,
        &chart.high_hint,
        centre + ref_width / 2.0 + gap,
        reference_baseline,
        Align::Left,
    );

    for (i, line) in chart.footer.iter().enumerate() {
        let fitted = fonts.regular.fit(line, FOOTER_SIZE, text_width);
        canvas.text(
            &footer,
            &fitted,
            MARGIN,
            footer_baseline + 18.0 * i as f64,
            Align::Left,
        );
    }
    canvas
}
