//! Rules for single values that end up in URLs, HTML ids and links: ids, links
//! and e-mail addresses.

use super::quote;

/// A person's id: lower-case ASCII letters, digits and `-`, starting with a letter
/// or digit. It becomes part of URLs and HTML ids, so nothing else is allowed.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("the id is empty".into());
    }
    let ok = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{} is not a valid id: ids use lower-case letters, digits and `-`",
            quote(id)
        ))
    }
}

/// A lower-case ASCII id made from any text (`Hélène Cormier` → `helene-cormier`),
/// to suggest in a help message.
pub fn suggest_id(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let c = fold_accent(c.to_ascii_lowercase());
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() { "person".into() } else { out }
}

/// The common accented letters of French and other Latin-script names, without
/// their accent.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ô' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// A link a page may carry: `http(s)://host…` or `mailto:…`. Anything else
/// (`javascript:`, `data:`, relative paths) is refused: the value ends up in an
/// `href`, where only these are harmless and meaningful.
pub fn check_link(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err("the link is empty".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "{} contains spaces or control characters",
            quote(url)
        ));
    }
    let lower = url.to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = lower.strip_prefix(scheme) {
            return if rest.is_empty() || rest.starts_with('/') {
                Err(format!("{} has no site name after `{scheme}`", quote(url)))
            } else {
                Ok(())
            };
        }
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        return if rest.is_empty() {
            Err(format!("{} has no address", quote(url)))
        } else {
            Ok(())
        };
    }
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    Err(match scheme {
        Some(s) => format!("`{s}:` links are not allowed, only http(s) and mailto"),
        None => format!("{} is not a full web address", quote(url)),
    })
}

/// A plain e-mail address. It becomes a `mailto:` link, so characters that would
/// add headers or break the link (`?`, `&`, `<`, spaces, …) are refused.
pub fn check_email(email: &str) -> Result<(), String> {
    let bad = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"'?&/%`".contains(c);
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email.chars().any(bad) =>
        {
            Ok(())
        }
        _ => Err(format!("{} is not an e-mail address", quote(email))),
    }
}

pub(super) fn suggest_placeholder(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        let c = fold_accent(c.to_ascii_lowercase());
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}
