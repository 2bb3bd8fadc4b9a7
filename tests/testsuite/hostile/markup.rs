//! Reading a hostile build's output as a browser would: start tags, live markup
//! (script, handlers, `javascript:` links), entities, duplicate ids, toc.js.

use serde_json::Value;

/// Files a browser reads as markup. (toc.js, a script, is checked for its shape
/// instead: text in its JSON strings is inert, whatever it holds.)
pub(super) fn is_web_file(path: &str) -> bool {
    [".html", ".htm", ".svg", ".css", ".xml"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// A start tag: its name and attributes, lower-cased names, raw values.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// The start tags of an HTML document, read the way a browser tokenises them
/// (quoted and unquoted attribute values, comments, raw text in script and style).
/// Only as much of HTML as it takes to find every attribute a browser would see.
fn start_tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"<!--") {
            i = html[i + 4..].find("-->").map_or(b.len(), |j| i + 4 + j + 3);
            continue;
        }
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let a = i;
            while i < b.len()
                && !b[i].is_ascii_whitespace()
                && b[i] != b'='
                && b[i] != b'>'
                && (b[i] != b'/' || i == a)
            {
                i += 1;
            }
            let attr = html[a..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let v = i + 1;
                    i = html[v..].find(q as char).map_or(b.len(), |j| v + j);
                    value = html[v..i.min(b.len())].to_string();
                    i += 1;
                } else {
                    let v = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[v..i].to_string();
                }
            }
            attrs.push((attr, value));
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i.min(b.len())..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(b.len(), |j| i + j);
        }
        tags.push(Tag { name, attrs });
    }
    tags
}

/// Markup in the output that would run code: event-handler attributes, script
/// URLs, inline scripts, plugins. careerbook's own theme has none of these.
pub(super) fn live_markup(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for tag in start_tags(html) {
        for (attr, value) in &tag.attrs {
            if attr.starts_with("on") {
                problems.push(format!("<{} {attr}=…> (an event handler)", tag.name));
            }
            if [
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
                "srcdoc",
                "data",
            ]
            .contains(&attr.as_str())
            {
                // Browsers ignore whitespace and control characters in a scheme.
                let v: String = decode_entities(value)
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if v.starts_with("javascript:")
                    || v.starts_with("vbscript:")
                    || (v.starts_with("data:") && !v.starts_with("data:image/"))
                    || attr == "srcdoc"
                {
                    problems.push(format!("<{} {attr}=\"{value}\">", tag.name));
                }
            }
        }
        let has = |name: &str| tag.attrs.iter().any(|(a, _)| a == name);
        let is_data = tag
            .attrs
            .iter()
            .any(|(a, v)| a == "type" && v.eq_ignore_ascii_case("application/json"));
        match tag.name.as_str() {
            "script" if !has("src") && !is_data => problems.push("an inline <script>".into()),
            "object" | "embed" | "frame" | "frameset" => {
                problems.push(format!("a <{}> element", tag.name))
            }
            // toc.html's <base target="_parent"> is the theme's; one with an
            // address would redirect every relative link.
            "base" if has("href") => problems.push("a <base href>".into()),
            "meta"
                if tag
                    .attrs
                    .iter()
                    .any(|(a, v)| a == "http-equiv" && v.eq_ignore_ascii_case("refresh")) =>
            {
                problems.push("a <meta http-equiv=refresh>".into())
            }
            _ => {}
        }
    }
    problems
}

/// The character references that can hide a URL scheme.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let body = &rest[1..e];
            let code = if let Some(h) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X"))
            {
                u32::from_str_radix(h, 16).ok()
            } else if let Some(d) = body.strip_prefix('#') {
                d.parse().ok()
            } else {
                match body {
                    "colon" => Some(58),
                    "Tab" => Some(9),
                    "NewLine" => Some(10),
                    "amp" => Some(38),
                    _ => None,
                }
            };
            code.and_then(char::from_u32)
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// toc.js is `window.careerbookToc = <JSON>;`: text from pages must stay inside
/// its JSON strings.
pub(super) fn check_toc_js(js: &str) -> Result<(), String> {
    // Two statements, one a line, each one JSON value: the contents, and the
    // search box's words. No text from the project can end one and run code.
    let lines: Vec<&str> = js
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && !l.trim().is_empty())
        .collect();
    let [toc, words] = lines.as_slice() else {
        return Err(format!("{} statements, not 2", lines.len()));
    };
    let json = |line: &str, name: &str| -> Result<Value, String> {
        let json = line
            .strip_prefix(&format!("window.{name} = "))
            .and_then(|c| c.strip_suffix(';'))
            .ok_or(format!("not `window.{name} = …;`"))?;
        serde_json::from_str(json).map_err(|e| e.to_string())
    };
    if !json(toc, "careerbookToc")?.is_array() {
        return Err("the contents are not a list".into());
    }
    let words = json(words, "careerbookWords")?;
    if words
        .as_object()
        .is_some_and(|w| w.values().all(Value::is_string))
    {
        Ok(())
    } else {
        Err("the words are not an object of strings".into())
    }
}

/// A file of the search index (`search/*.js`): exactly one call of
/// `careerbookSearch(document.currentScript, …)` with one JSON value, so no
/// text from the project can end the call and run as code.
pub(super) fn check_search_js(js: &str) -> Result<(), String> {
    let json = js
        .strip_prefix("careerbookSearch(document.currentScript, ")
        .and_then(|c| c.strip_suffix(");\n"))
        .ok_or("not one `careerbookSearch(document.currentScript, …);` call")?;
    serde_json::from_str::<Value>(json)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The first `id` attribute value used twice in a page, if any.
pub(super) fn duplicate_id(html: &str) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    for tag in start_tags(html) {
        for (attr, value) in tag.attrs {
            if attr == "id" && !seen.insert(value.clone()) {
                return Some(value);
            }
        }
    }
    None
}
