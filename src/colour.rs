//! Colours from book.toml (`[branding] accent`): read as hex, and kept
//! readable as text on the default theme's backgrounds, by WCAG 2's contrast
//! ratio.

/// The contrast WCAG 2 asks of body text (level AA): what the accent keeps
/// against the backgrounds it is written on.
pub const MIN_CONTRAST: f64 = 4.5;

/// The default theme's page and panel colours (book.css `--bg` and `--panel`),
/// light and dark: accent text and links sit on both.
pub(crate) const LIGHT_SURFACES: [[u8; 3]; 2] = [[0xfd, 0xfc, 0xf9], [0xf3, 0xf0, 0xe8]];
pub(crate) const DARK_SURFACES: [[u8; 3]; 2] = [[0x16, 0x18, 0x1c], [0x1f, 0x22, 0x28]];

/// `#rgb` or `#rrggbb` as red, green and blue.
pub(crate) fn parse_hex_colour(s: &str) -> Option<[u8; 3]> {
    if !is_hex_colour(s) {
        return None;
    }
    let h = &s[1..];
    let channel = |i: usize, len: usize| u8::from_str_radix(&h[i * len..(i + 1) * len], 16).ok();
    let [r, g, b] = [0, 1, 2].map(|i| {
        if h.len() == 3 {
            channel(i, 1).map(|v| v * 17)
        } else {
            channel(i, 2)
        }
    });
    Some([r?, g?, b?])
}

pub(crate) fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG 2's relative luminance of an sRGB colour.
fn luminance(rgb: [u8; 3]) -> f64 {
    let [r, g, b] = rgb.map(|c| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    });
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG 2's contrast ratio of two colours, from 1 to 21.
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `rgb` if it reaches [`MIN_CONTRAST`] on every one of `surfaces`, else the
/// first colour of the same hue and saturation, lightened (or darkened) in
/// steps of half a percent of lightness, that does: white or black at worst,
/// which always do on these surfaces. The same colour in gives the same out.
pub(crate) fn readable_on(rgb: [u8; 3], surfaces: &[[u8; 3]], lighten: bool) -> [u8; 3] {
    let reads = |c: [u8; 3]| {
        surfaces
            .iter()
            .all(|s| contrast_ratio(c, *s) >= MIN_CONTRAST)
    };
    if reads(rgb) {
        return rgb;
    }
    let (h, s, l) = to_hsl(rgb);
    for step in 1..=200u32 {
        let t = f64::from(step) / 200.0;
        let l = if lighten {
            l + (1.0 - l) * t
        } else {
            l * (1.0 - t)
        };
        let c = from_hsl(h, s, l);
        if reads(c) {
            return c;
        }
    }
    if lighten { [255; 3] } else { [0; 3] }
}

/// Hue (0–6, in sixths of a turn), saturation and lightness (0–1).
fn to_hsl(rgb: [u8; 3]) -> (f64, f64, f64) {
    let [r, g, b] = rgb.map(|c| f64::from(c) / 255.0);
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let l = (max + min) / 2.0;
    let d = max - min;
    if d == 0.0 {
        return (0.0, 0.0, l);
    }
    let s = d / (1.0 - (2.0 * l - 1.0).abs());
    let h = if max == r {
        ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    (h, s, l)
}

fn from_hsl(h: f64, s: f64, l: f64) -> [u8; 3] {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - (h.rem_euclid(2.0) - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    [r, g, b].map(|v| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8)
}

/// `#rgb` or `#rrggbb`, the colours book.toml takes.
pub(crate) fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|h| (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accent_stays_readable_in_both_colour_schemes() {
        let reads_on = |colour: &str, surfaces: &[[u8; 3]]| {
            let rgb = parse_hex_colour(colour).unwrap();
            surfaces
                .iter()
                .map(|s| contrast_ratio(rgb, *s))
                .fold(f64::INFINITY, f64::min)
        };
        // The README's sienna reads on the light page as written; in dark mode
        // it is lightened, as little as it takes.
        let c = crate::config::Config::parse("[branding]\naccent = \"#a0522d\"\n").unwrap();
        assert_eq!(c.branding.accent_light().as_deref(), Some("#a0522d"));
        let dark = c.branding.accent_on_dark().unwrap();
        assert!(reads_on("#a0522d", &DARK_SURFACES) < 3.5);
        assert_eq!(dark, "#cb7045", "deterministic");
        let ratio = reads_on(&dark, &DARK_SURFACES);
        assert!((MIN_CONTRAST..5.0).contains(&ratio), "{dark}: {ratio}");
        // Same hue, more light.
        let (h0, _, l0) = to_hsl(parse_hex_colour("#a0522d").unwrap());
        let (h1, _, l1) = to_hsl(parse_hex_colour(&dark).unwrap());
        assert!((h0 - h1).abs() < 0.05 && l1 > l0, "{h0} {h1} {l0} {l1}");

        // A gold too light for text on the light page is darkened there, and
        // kept as written in dark mode, where it reads.
        let c = crate::config::Config::parse("[branding]\naccent = \"#fc0\"\n").unwrap();
        let light = c.branding.accent_light().unwrap();
        assert_ne!(light, "#fc0");
        assert!(reads_on(&light, &LIGHT_SURFACES) >= MIN_CONTRAST, "{light}");
        assert_eq!(c.branding.accent_on_dark().as_deref(), Some("#fc0"));

        // `accent-dark` is the dark accent, itself kept readable; alone it leaves
        // the light page to the theme.
        let c = crate::config::Config::parse(
            "[branding]\naccent = \"#a0522d\"\naccent-dark = \"#e96\"\n",
        )
        .unwrap();
        assert_eq!(c.branding.accent_on_dark().as_deref(), Some("#e96"));
        let c = crate::config::Config::parse("[branding]\naccent-dark = \"#333\"\n").unwrap();
        assert_eq!(c.branding.accent_light(), None);
        let dark = c.branding.accent_on_dark().unwrap();
        assert!(reads_on(&dark, &DARK_SURFACES) >= MIN_CONTRAST, "{dark}");
        // Black and white, the extremes, come out readable too.
        for colour in ["#000", "#fff", "#000000", "#ffffff", "#808080"] {
            let b = crate::config::BrandingConfig {
                accent: Some(colour.into()),
                ..Default::default()
            };
            let (light, dark) = (b.accent_light().unwrap(), b.accent_on_dark().unwrap());
            assert!(
                reads_on(&light, &LIGHT_SURFACES) >= MIN_CONTRAST,
                "{colour} {light}"
            );
            assert!(
                reads_on(&dark, &DARK_SURFACES) >= MIN_CONTRAST,
                "{colour} {dark}"
            );
        }
        // The surfaces are book.css's own colours.
        let css = include_str!("../themes/default/static/css/book.css");
        for rgb in LIGHT_SURFACES.iter().chain(&DARK_SURFACES) {
            assert!(css.contains(&hex(*rgb)), "{} not in book.css", hex(*rgb));
        }
    }
}
