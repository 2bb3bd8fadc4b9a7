//! Tera: the theme's templates, and pages' Markdown bodies rendered as templates
//! ([`pages`]).

mod pages;
pub use pages::{PageTemplates, protect};

use std::collections::HashMap;
use std::path::Path;

use tera::Tera;

use crate::diagnostics::{Diagnostic, line_col, not_utf8};
use crate::language::{Locale, Value};
use crate::load::Theme;

/// Compile every template of the theme once.
pub fn compile_theme(theme: &Theme, locale: &Locale) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = new_tera(locale);
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    for (name, file) in theme.templates() {
        match std::str::from_utf8(&file.bytes) {
            Ok(text) => sources.push((
                name.to_string(),
                text.to_string(),
                file.display_path(&format!("templates/{name}")),
            )),
            Err(e) => problems.push(not_utf8(
                file.display_path(&format!("templates/{name}")),
                &file.bytes,
                &e,
            )),
        }
    }
    // Tera follows `extends`, `include` and `import` without looking for cycles,
    // and a cycle overflows the stack: find them first (in the text).
    let cycles = template_cycles(&sources);
    // Parsing is the slow part of compiling, so a sound theme is parsed once,
    // all together.
    let together = if problems.is_empty() && cycles.is_empty() {
        match tera.add_raw_templates(sources.iter().map(|(n, t, _)| (n.as_str(), t.as_str()))) {
            Ok(()) => return Ok(tera),
            Err(e) => Some(e),
        }
    } else {
        None
    };
    // Something is wrong: parse each template alone, so every syntax error is
    // reported with its own file, not just the first one Tera meets.
    for (name, text, path) in &sources {
        match Tera::default().add_raw_template(name, text) {
            // Alone, a child template misses its parent, and one that extends
            // itself is a cycle: both are checked apart.
            Err(e)
                if !matches!(
                    e.kind,
                    tera::ErrorKind::MissingParent { .. } | tera::ErrorKind::CircularExtend { .. }
                ) =>
            {
                problems.push(template_error(&e, path, text, 1));
            }
            _ => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if !cycles.is_empty() {
        return Err(cycles);
    }
    // Inheritance problems (a missing parent, a cycle) only show up together.
    // (Here the templates were always tried together: nothing else was wrong.)
    let message = together.map_or_else(
        || "the theme's templates do not compile together".to_string(),
        |e| error_chain(&e),
    );
    Err(vec![Diagnostic::error("template", message).help(
        "check the `extends`, `include` and `import` names against the theme's templates",
    )])
}

/// How one template uses another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefKind {
    Include,
    Extends,
    Import,
}

impl RefKind {
    fn tag(self) -> &'static str {
        match self {
            RefKind::Include => "include",
            RefKind::Extends => "extends",
            RefKind::Import => "import",
        }
    }

    /// "a includes b", "a extends b", "a imports b".
    fn verb(self) -> &'static str {
        match self {
            RefKind::Include => "includes",
            RefKind::Extends => "extends",
            RefKind::Import => "imports",
        }
    }
}

/// A `{% include %}`, `{% extends %}` or `{% import %}` tag: what it names (an
/// include may name several, the first that exists is used) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TemplateRef {
    kind: RefKind,
    names: Vec<String>,
    /// Byte offset of the tag's `{%`.
    offset: usize,
}

/// The templates a template names, read from its text the way Tera tokenises it:
/// comments, `{{ … }}` expressions and `{% raw %}` blocks are skipped, and quotes
/// inside a tag do not end it.
fn template_refs(text: &str) -> Vec<TemplateRef> {
    let mut refs = Vec::new();
    let mut i = 0;
    while let Some(j) = text[i..].find('{') {
        let at = i + j;
        let rest = &text[at..];
        if rest.starts_with("{#") {
            i = rest.find("#}").map_or(text.len(), |k| at + k + 2);
        } else if rest.starts_with("{{") {
            i = at + 2 + tag_end(&text[at + 2..], "}}");
        } else if rest.starts_with("{%") {
            let len = tag_end(&text[at + 2..], "%}");
            i = at + 2 + len;
            let inner = text[at + 2..at + 2 + len]
                .trim_end_matches("%}")
                .trim_start_matches('-')
                .trim_end_matches('-')
                .trim();
            let word: &str = inner
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("");
            let args = inner[word.len()..].trim_start();
            let kind = match word {
                "include" => RefKind::Include,
                "extends" => RefKind::Extends,
                "import" => RefKind::Import,
                "raw" => {
                    i = raw_end(text, i);
                    continue;
                }
                _ => continue,
            };
            let names = if kind == RefKind::Include && args.starts_with('[') {
                string_literals(&args[1..args.find(']').unwrap_or(args.len())])
            } else {
                string_literals(args).into_iter().take(1).collect()
            };
            if !names.is_empty() {
                refs.push(TemplateRef {
                    kind,
                    names,
                    offset: at,
                });
            }
        } else {
            i = at + 1;
        }
    }
    refs
}

/// The length of a tag's body up to and including `close`, skipping quoted
/// strings; the rest of the text when it is never closed.
fn tag_end(body: &str, close: &str) -> usize {
    let mut quote = None;
    for (k, c) in body.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if body[k..].starts_with(close) => return k + close.len(),
            None => {}
        }
    }
    body.len()
}

/// Just past the `{% endraw %}` that closes a raw block whose opening tag ends at `from`.
fn raw_end(text: &str, from: usize) -> usize {
    let mut i = from;
    while let Some(j) = text[i..].find("{%") {
        let at = i + j;
        let len = tag_end(&text[at + 2..], "%}");
        let inner = text[at + 2..at + 2 + len]
            .trim_end_matches("%}")
            .trim_matches('-')
            .trim();
        i = at + 2 + len;
        if inner == "endraw" {
            return i;
        }
    }
    text.len()
}

/// The string literals at the start of `args` (`"a"`, `'b'`, `` `c` ``, separated by
/// commas), up to the first thing that is not one.
fn string_literals(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = args.trim_start();
    while let Some(q) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))
    {
        let Some(end) = rest[1..].find(q) else { break };
        out.push(rest[1..1 + end].to_string());
        rest = rest[end + 2..].trim_start();
        match rest.strip_prefix(',') {
            Some(r) => rest = r.trim_start(),
            None => break,
        }
    }
    out
}

/// Every cycle of `include`s and `extends` (which Tera would follow until the stack
/// runs out while rendering) and of `import`s (which it follows while loading
/// macros), one error per cycle, at the tag that closes it. `sources` are
/// (name, text, path for diagnostics).
fn template_cycles(sources: &[(String, String, std::path::PathBuf)]) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    let index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, (name, _, _))| (name.as_str(), i))
        .collect();
    // Edges to templates of the theme: (target, kind, offset in the source).
    let edges: Vec<Vec<(usize, RefKind, usize)>> = sources
        .iter()
        .map(|(_, text, _)| {
            template_refs(text)
                .into_iter()
                .filter_map(|r| {
                    // Like Tera: the first name that exists. A missing one is
                    // reported by Tera itself.
                    let target = r.names.iter().find_map(|n| index.get(n.as_str()))?;
                    Some((*target, r.kind, r.offset))
                })
                .collect()
        })
        .collect();
    let mut problems = Vec::new();
    // Rendering follows includes and parents; loading macros follows imports.
    for imports in [false, true] {
        let follows = |k: RefKind| (k == RefKind::Import) == imports;
        // 0: not seen, 1: on the current path, 2: done.
        let mut state = vec![0u8; sources.len()];
        for root in 0..sources.len() {
            if state[root] != 0 {
                continue;
            }
            // An explicit stack, so a long chain of templates cannot overflow ours.
            let mut path: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some((node, next)) = path.last_mut() {
                let node = *node;
                let Some(&(target, kind, offset)) = edges[node].get(*next) else {
                    state[node] = 2;
                    path.pop();
                    continue;
                };
                *next += 1;
                if !follows(kind) {
                    continue;
                }
                match state[target] {
                    0 => {
                        state[target] = 1;
                        path.push((target, 0));
                    }
                    1 => {
                        let start = path
                            .iter()
                            .position(|(n, _)| *n == target)
                            .expect("a template on the path");
                        let cycle: Vec<usize> = path[start..].iter().map(|(n, _)| *n).collect();
                        problems.push(cycle_error(sources, &edges, &cycle, kind, offset));
                    }
                    _ => {}
                }
            }
        }
    }
    problems
}

/// The error for one cycle: `cycle` lists its templates in order, the last one's
/// tag (`kind` at `offset`) leading back to the first.
fn cycle_error(
    sources: &[(String, String, std::path::PathBuf)],
    edges: &[Vec<(usize, RefKind, usize)>],
    cycle: &[usize],
    kind: RefKind,
    offset: usize,
) -> Diagnostic {
    let last = *cycle.last().expect("a cycle has a template");
    let (_, text, path) = &sources[last];
    let (line, column) = line_col(text, offset);
    let names: Vec<&str> = cycle
        .iter()
        .chain(cycle.first())
        .map(|&n| sources[n].0.as_str())
        .collect();
    let mut hops = Vec::new();
    let mut kinds = Vec::new();
    for (k, &from) in cycle.iter().enumerate() {
        let to = cycle[(k + 1) % cycle.len()];
        let (hop_kind, hop_offset) = if from == last {
            (kind, offset)
        } else {
            edges[from]
                .iter()
                .find(|(t, hk, _)| {
                    *t == to && (*hk == RefKind::Import) == (kind == RefKind::Import)
                })
                .map(|&(_, hk, o)| (hk, o))
                .expect("the edge the search followed")
        };
        let (l, c) = line_col(&sources[from].1, hop_offset);
        kinds.push(hop_kind);
        hops.push(format!(
            "{}:{l}:{c} {} {}",
            sources[from].2.display(),
            hop_kind.verb(),
            sources[to].0
        ));
    }
    let message = if cycle.len() == 1 {
        format!("`{}` {} itself", names[0], kind.verb())
    } else {
        format!(
            "this `{}` closes a cycle: {}",
            kind.tag(),
            names.join(" → ")
        )
    };
    let one = cycle.len() == 1;
    let advice = if kinds.iter().all(|k| *k == RefKind::Extends) {
        if one {
            "a template cannot extend itself: remove this `extends`"
        } else {
            "a template cannot extend itself, even through others: remove one of these `extends`"
        }
    } else if kinds.iter().all(|k| *k == RefKind::Import) {
        if one {
            "a template's own macros need no import: call them as `self::name()`"
        } else {
            "templates cannot import each other's macros in a circle: move the shared macros to a file of their own"
        }
    } else if one {
        "rendering would never end: remove this include (for markup that nests, such as a tree, write a macro that calls itself)"
    } else {
        "rendering would never end: remove one of these tags (for markup that nests, such as a tree, write a macro that calls itself)"
    };
    let help = if cycle.len() == 1 {
        advice.to_string()
    } else {
        format!("{}; {advice}", hops.join(", "))
    };
    Diagnostic::error("template", message)
        .in_file(path)
        .at(line, column)
        .help(help)
}

/// A Tera instance that escapes everything it inserts, whatever a template's file
/// name says.
///
/// Words come in `locale`'s language: `t(id=…)` and `long_date`. On a French
/// page, what the reader wrote (a log summary, a win's title) gets French
/// spacing as it is printed, as the guidance and the interface's words have it.
fn new_tera(locale: &Locale) -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![""]);
    let escape: fn(&str) -> String = if locale.primary() == "fr" {
        escape_html_french
    } else {
        escape_html
    };
    tera.set_escape_fn(escape);
    let dates = locale.clone();
    tera.register_filter(
        "long_date",
        move |value: &tera::Value, _: &HashMap<String, tera::Value>| {
            long_date_filter(&dates, value)
        },
    );
    // `| escape` (for a value passed to `t()` whose result is `| safe`) is
    // the same escaping as everything else a template prints: Tera's own
    // also turns `/` into `&#x2F;`, which garbles paths and URLs.
    tera.register_filter(
        "escape",
        move |value: &tera::Value, _: &HashMap<String, tera::Value>| match value {
            tera::Value::String(s) => Ok(tera::Value::String(escape(s))),
            other => Err(tera::Error::msg(format!(
                "`escape` needs text, not {other}"
            ))),
        },
    );
    tera.register_filter("sentence", sentence_filter);
    tera.register_filter("phrase", phrase_filter);
    tera.register_filter("full_stop", full_stop_filter);
    tera.register_function("t", Translate::new(locale.clone()));
    tera
}

/// `{{ t(id="nav-dashboard") }}`, `{{ t(id="people-count", count=3) }}`: a
/// message of the theme's `i18n/<language>.ftl`, in the page's language, its
/// other arguments passed to Fluent (numbers choose the plural).
struct Translate {
    locale: Locale,
    /// Messages with arguments as pages asked for them: most are the same on
    /// every page (the search box's "{count} pages match"), and formatting
    /// one with Fluent costs more than looking it up. Bounded, so pages'
    /// own arguments (titles, names) cannot grow it without end.
    formatted: std::sync::RwLock<HashMap<String, String>>,
}

/// How many formatted messages [`Translate`] keeps.
const FORMATTED_KEPT: usize = 1024;

impl Translate {
    fn new(locale: Locale) -> Self {
        Translate {
            locale,
            formatted: std::sync::RwLock::new(HashMap::new()),
        }
    }
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let id = args
            .get("id")
            .and_then(tera::Value::as_str)
            .ok_or_else(|| {
                tera::Error::msg("`t` needs the message's id: t(id=\"nav-dashboard\")")
            })?;
        if args.len() == 1
            && let Some(text) = self.locale.plain(id)
        {
            // Most calls: a message without arguments, formatted once.
            return Ok(tera::Value::String(text.to_string()));
        }
        if !self.locale.has(id) {
            return Err(tera::Error::msg(format!(
                "there is no message `{id}` in i18n/{}.ftl (nor in the default language's)",
                self.locale.tag()
            )));
        }
        // The call as a key: the id, then the arguments in name order.
        let mut names: Vec<&String> = args.keys().filter(|k| k.as_str() != "id").collect();
        names.sort();
        let mut key = id.to_string();
        for name in &names {
            key.push('\u{1f}');
            key.push_str(name);
            key.push('=');
            key.push_str(&args[*name].to_string());
        }
        if let Some(text) = self
            .formatted
            .read()
            .ok()
            .and_then(|m| m.get(&key).cloned())
        {
            return Ok(tera::Value::String(text));
        }
        let mut rest: Vec<(&str, Value)> = args
            .iter()
            .filter(|(k, _)| k.as_str() != "id")
            .map(|(k, v)| {
                let value = match v {
                    tera::Value::Number(n) => match n.as_i64() {
                        Some(i) => Value::Number(i),
                        None => Value::Text(n.to_string()),
                    },
                    tera::Value::String(s) => Value::Text(s.clone()),
                    tera::Value::Null => Value::Text(String::new()),
                    other => Value::Text(other.to_string()),
                };
                (k.as_str(), value)
            })
            .collect();
        rest.sort_by(|a, b| a.0.cmp(b.0));
        let text = self.locale.t_with(id, &rest);
        if let Ok(mut m) = self.formatted.write()
            && m.len() < FORMATTED_KEPT
        {
            m.insert(key, text.clone());
        }
        Ok(tera::Value::String(text))
    }
}

/// `{{ ambition | sentence }}`: the first letter upper-case and the rest as
/// written ("a role in Halifax" → "A role in Halifax"), where Tera's
/// `capitalize` would lower-case the rest ("in halifax").
fn sentence_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg(format!("`sentence` needs text, not {value}")))?;
    let mut chars = text.chars();
    Ok(tera::Value::String(match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }))
}

/// `{{ win.title | full_stop }} {{ win.impact }}`: a text the person wrote,
/// ended as a sentence, without a second stop after their `!` or `?`
/// ([`crate::model::message::with_full_stop`]).
fn full_stop_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg(format!("`full_stop` needs text, not {value}")))?;
    Ok(tera::Value::String(crate::model::message::with_full_stop(
        text,
    )))
}

/// `**{{ profile.ambitions | first | phrase }}**.`: a goal or ambition put
/// before the sentence's own full stop, without the one it may have been written
/// with ([`crate::model::message::before_punctuation`]).
fn phrase_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg(format!("`phrase` needs text, not {value}")))?;
    Ok(tera::Value::String(
        crate::model::message::before_punctuation(text, ".").to_string(),
    ))
}

/// `{{ profile.plan_start | long_date }}`: a YYYY-MM-DD date as "2 February
/// 2026" ("2 février 2026"), the form sentences use ([`Locale::long_date`]).
fn long_date_filter(locale: &Locale, value: &tera::Value) -> tera::Result<tera::Value> {
    let text = value.as_str().ok_or_else(|| {
        tera::Error::msg(format!(
            "`long_date` needs a date written YYYY-MM-DD, not {value}"
        ))
    })?;
    let date = crate::model::date::parse_iso_date(text)
        .map_err(|e| tera::Error::msg(format!("`long_date`: {e}")))?;
    Ok(tera::Value::String(locale.long_date(date)))
}

/// [`escape_html`] with French spacing ([`crate::language::typography`]).
fn escape_html_french(input: &str) -> String {
    escape_html(&crate::language::typography::apply("fr", input))
}

/// Escape text for HTML content and quoted attributes. Unlike Tera's default we
/// leave `/` alone: it is harmless in both, and escaping it garbles URLs.
///
/// Tera calls this for every value a template prints, a few dozen times a page,
/// so the text between the five special bytes is copied in runs, not by character
/// (they are ASCII, so a run never splits a character).
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    let mut copied = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&input[copied..]);
    out
}

/// Turn a Tera error into a diagnostic, finding the line where we can: Tera's parse
/// errors carry `--> line:col`; for a missing variable we look for its name.
pub fn template_error(e: &tera::Error, file: &Path, source: &str, first_line: usize) -> Diagnostic {
    error_from_chain(&error_chain(e), file, source, first_line)
}

/// [`template_error`] from Tera's messages joined by [`error_chain`].
fn error_from_chain(chain: &str, file: &Path, source: &str, first_line: usize) -> Diagnostic {
    let (mut line, mut col) = (0, 0);
    if let Some(pos) = chain.find("--> ") {
        let rest = &chain[pos + 4..];
        let mut nums = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        line = nums.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        col = nums.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    } else if let Some(i) = fault_in(chain, source) {
        (line, col) = line_col(source, i);
    }
    // A block left open is found by Tera only at the end of the text (after
    // its last line's last character, or past it after a final newline):
    // say which one, where it opens.
    let lines = source.lines().count();
    let at_end = line > lines
        || (line == lines && col > source.lines().last().map_or(0, |l| l.chars().count()));
    if chain.contains("expected")
        && at_end
        && let Some((at, tag)) = unclosed_block(source)
    {
        let (line, col) = line_col(source, at);
        return Diagnostic::error("template", format!("`{{% {tag} %}}` is never closed"))
            .in_file(file)
            .at(line + first_line - 1, col)
            .help(format!(
                "end it with `{{% end{tag} %}}` where its part ends"
            ));
    }
    let message = summarize(chain);
    let help = if chain.contains("not found in context") {
        // A misspelt name (`profile.frist_name`): the variable it was likely
        // meant to be, among those of the same depth.
        let known = crate::view::variable_paths();
        let meant = between(chain, "Variable `", "`").and_then(|name| {
            let depth = name.matches('.').count();
            crate::diagnostics::suggest(
                name,
                known
                    .iter()
                    .map(String::as_str)
                    .filter(|p| p.matches('.').count() == depth),
            )
        });
        let name = between(chain, "Variable `", "`").unwrap_or_default();
        match meant {
            // The name is right, but has no value in this build: a cohort's
            // guide is no member's, so has no profile; a field may be left out.
            Some(meant) if meant == name => format!(
                "`{name}` has no value here: a cohort's guide belongs to no member, and a field \
                 may be left out of the data; guard it with `{{% if {name} %}}…{{% endif %}}`, or \
                 give it a `| default(value=\"…\")`"
            ),
            Some(meant) => format!("did you mean `{meant}`?"),
            None => "the value is not in the data: guard it with `{% if … %}`, give it a \
                     `| default(value=\"…\")`, or fix the name"
                .to_string(),
        }
    } else if let Some(filter) = between(chain, "Filter '", "' not found") {
        let known = FILTERS.iter().copied();
        match crate::diagnostics::suggest(filter, known) {
            Some(meant) => format!("did you mean `{meant}`?"),
            None => format!(
                "the filters are Tera's ({}) and careerbook's ({}); see the template reference in the README",
                TERA_FILTERS.join(", "),
                CAREERBOOK_FILTERS.join(", ")
            ),
        }
    } else if chain.contains("expected") {
        "fix the template syntax; write `{% raw %}…{% endraw %}` around text that should keep its braces".to_string()
    } else {
        "see the template reference in the README".to_string()
    };
    let line = if line > 0 {
        line + first_line - 1
    } else {
        first_line
    };
    Diagnostic::error("template", message)
        .in_file(file)
        .at(line, col)
        .help(help)
}

/// Filters careerbook adds to Tera's (registered in [`new_tera`]).
const CAREERBOOK_FILTERS: &[&str] = &["long_date", "sentence", "phrase", "full_stop"];
/// Tera's own filters, without its optional ones (careerbook builds Tera
/// without them); a test renders each.
const TERA_FILTERS: &[&str] = &[
    "lower",
    "upper",
    "capitalize",
    "title",
    "trim",
    "trim_start",
    "trim_end",
    "trim_start_matches",
    "trim_end_matches",
    "truncate",
    "wordcount",
    "replace",
    "striptags",
    "linebreaksbr",
    "spaceless",
    "indent",
    "escape",
    "escape_xml",
    "safe",
    "default",
    "length",
    "reverse",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "slice",
    "group_by",
    "filter",
    "map",
    "concat",
    "split",
    "int",
    "float",
    "round",
    "abs",
    "pluralize",
    "json_encode",
    "as_str",
    "get",
];
static FILTERS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    CAREERBOOK_FILTERS
        .iter()
        .chain(TERA_FILTERS)
        .copied()
        .collect()
});

/// Where in `source` the name Tera's render error is about is written: a
/// variable (`book.titel`), a filter after its `|`, a function before its
/// `(`. `None` when it is not there (the fault is in another template).
pub fn fault_in(chain: &str, source: &str) -> Option<usize> {
    if let Some(name) = between(chain, "Variable `", "`") {
        return source.find(name);
    }
    let (name, before, after) = if let Some(name) = between(chain, "Filter '", "' not found") {
        (name, Some('|'), None)
    } else if let Some(name) = between(chain, "Function '", "' not found") {
        (name, None, Some('('))
    } else {
        return None;
    };
    source.match_indices(name).map(|(i, _)| i).find(|&i| {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let prev = source[..i].trim_end().chars().next_back();
        let next = source[i + name.len()..].trim_start().chars().next();
        !source[..i].ends_with(word)
            && !source[i + name.len()..].starts_with(word)
            && before.is_none_or(|b| prev == Some(b))
            && after.is_none_or(|a| next == Some(a))
    })
}

/// The last block tag of `source` left open (`if`, `for`, `block`, `macro`,
/// `filter`, `raw`), by its offset and name.
fn unclosed_block(source: &str) -> Option<(usize, String)> {
    const BLOCKS: [&str; 6] = ["if", "for", "block", "macro", "filter", "raw"];
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut rest = 0;
    while let Some(start) = source[rest..].find("{%").map(|i| rest + i) {
        let Some(end) = source[start..].find("%}").map(|i| start + i) else {
            break;
        };
        let inner = source[start + 2..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let word = inner.split_whitespace().next().unwrap_or("");
        if let Some(tag) = BLOCKS.iter().find(|t| **t == word) {
            open.push((start, tag));
        } else if let Some(tag) = word.strip_prefix("end")
            && let Some(i) = open.iter().rposition(|(_, t)| *t == tag)
        {
            open.truncate(i);
        }
        rest = end + 2;
        // Nothing inside `{% raw %}` is a tag.
        if open.last().is_some_and(|(_, t)| *t == "raw") {
            match source[rest..].find("endraw") {
                // From the `{%` that opens it.
                Some(i) => rest = source[..rest + i].rfind("{%").unwrap_or(rest + i),
                None => break,
            }
        }
    }
    open.pop().map(|(at, tag)| (at, tag.to_string()))
}

/// Tera nests the useful message in its error's sources.
pub fn error_chain(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// The one line of Tera's message worth showing (its parse errors quote the source,
/// which our own snippet already does).
fn summarize(chain: &str) -> String {
    if let Some(name) = between(chain, "Variable `", "` not found") {
        return format!("`{name}` is not defined");
    }
    if let Some(name) = between(chain, "Filter '", "' not found") {
        return format!("there is no filter `{name}`");
    }
    if let Some(name) = between(chain, "Function '", "' not found") {
        return format!("there is no function `{name}`");
    }
    if let Some(pos) = chain.find("= ") {
        let expected = chain[pos + 2..].lines().next().unwrap_or("").trim();
        return format!("template syntax error: {expected}");
    }
    chain.lines().next().unwrap_or(chain).trim().to_string()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

#[cfg(test)]
mod tests;
