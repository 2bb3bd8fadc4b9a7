//! French typography: the spaces that must not break. French puts a space
//! before the colon and inside « guillemets »; written as an ordinary space,
//! it lets `:` or `»` start a line. Writers type an ordinary space and the
//! build makes it a non-breaking one (U+00A0), in the guidance's pages and in
//! every string of the interface, so the rule lives here once. Quebec usage
//! (the OQLF's) puts no space before `;`, `!` and `?`, so those are left as
//! written.

use std::borrow::Cow;

const NBSP: char = '\u{a0}';

/// `text` with French spacing when `primary` is `fr`; other languages as they are.
pub fn apply<'a>(primary: &str, text: &'a str) -> Cow<'a, str> {
    if primary != "fr" || !text.contains([':', '«', '»', '%']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(french(text))
}

/// The spaces of one run of prose.
fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let glued = match c {
            // "mot :" and "« mot »": the space before `:`, `»` and `%` …
            ' ' => {
                matches!(next, Some(':' | '»'))
                    || (next == Some('%') && prev.is_some_and(|p| p.is_ascii_digit()))
            }
            _ => false,
        };
        // … and after `«`.
        let after_open = c == ' ' && prev == Some('«');
        out.push(if glued || after_open { NBSP } else { c });
    }
    out
}

/// A page's Markdown with French spacing in its prose, and nothing changed in
/// code (spans and fenced blocks), template tags, `{#id}` attributes or link
/// destinations.
pub fn apply_markdown<'a>(primary: &str, body: &'a str) -> Cow<'a, str> {
    if primary != "fr" || !body.contains([':', '«', '»', '%']) {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len() + 64);
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            out.push_str(line);
            continue;
        }
        prose_line(line, &mut out);
    }
    Cow::Owned(out)
}

/// One line outside a fenced block: prose between the parts to keep.
fn prose_line(line: &str, out: &mut String) {
    let mut rest = line;
    while !rest.is_empty() {
        let Some(start) = rest.find(['`', '{', ']']) else {
            out.push_str(&french(rest));
            return;
        };
        out.push_str(&french(&rest[..start]));
        rest = &rest[start..];
        let kept = match rest.as_bytes()[0] {
            // A code span: up to the same run of backticks.
            b'`' => {
                let ticks = rest.len() - rest.trim_start_matches('`').len();
                let fence = &rest[..ticks];
                rest[ticks..].find(fence).map(|end| ticks + end + ticks)
            }
            // `{{ … }}`, `{% … %}`, `{# … }`, `{=id}`.
            b'{' => {
                let close = match rest.as_bytes().get(1) {
                    Some(b'{') => "}}",
                    Some(b'%') => "%}",
                    _ => "}",
                };
                rest.find(close).map(|end| end + close.len())
            }
            // `](destination)`.
            _ => rest
                .strip_prefix("](")
                .and_then(|d| d.find(')'))
                .map(|end| end + 3),
        };
        let kept = kept.unwrap_or(1);
        out.push_str(&rest[..kept]);
        rest = &rest[kept..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spaces_become_non_breaking() {
        assert_eq!(
            apply("fr", "Objectif : « un poste » à 60 %"),
            "Objectif\u{a0}: «\u{a0}un poste\u{a0}» à 60\u{a0}%"
        );
        // Quebec usage: nothing before ; ! ?
        assert_eq!(apply("fr", "Vraiment ? Oui !"), "Vraiment ? Oui !");
        assert_eq!(apply("en", "Goal : x"), "Goal : x");
        assert_eq!(apply("fr", "https://exemple.ca"), "https://exemple.ca");
    }

    #[test]
    fn markdown_code_tags_and_links_are_kept() {
        let body = "Écrivez : `a : b` et {{ x : y }} [lien](page.md#a) {#id}\n```\nclé : valeur\n```\nFin : oui\n";
        let out = apply_markdown("fr", body);
        assert_eq!(
            out,
            "Écrivez\u{a0}: `a : b` et {{ x : y }} [lien](page.md#a) {#id}\n```\nclé : valeur\n```\nFin\u{a0}: oui\n"
        );
        assert_eq!(apply_markdown("en", body), body);
    }

    #[test]
    fn unclosed_code_span_is_prose() {
        assert_eq!(apply_markdown("fr", "a `b : c"), "a `b\u{a0}: c");
    }
}
