//! The variables every template sees, and those of one page.

use schemars::JsonSchema;
use serde::{Serialize, Serializer};
use tera::Context;

use crate::audience::Audience;
use crate::load::Project;
use crate::load::content::MessageMeta;
use crate::markdown::Heading;
use crate::model::{Person, Profile, Progress, Workbook};

/// What every template sees: the book's settings and the workbook's data. The
/// project's other `data/*.yaml` files come beside it, each under its file stem.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SharedContext<'a> {
    /// The profile as written (every field present, null when not written), or
    /// an empty object: guidance can test `profile.region == "atlantic"` without
    /// guarding against an undefined variable.
    #[serde(serialize_with = "profile_or_empty")]
    pub profile: Option<ProfileView<'a>>,
    /// The people this build may show.
    pub people: &'a [Person],
    pub progress: &'a Progress,
    pub book: BookInfo<'a>,
    pub site: SiteInfo<'a>,
    /// The book's languages, each with the way from this language's site to
    /// its own (empty for a book in one language): for `hreflang` links and
    /// the switch between languages.
    pub languages: Vec<LanguageLink>,
}

/// One language of the book, as a page links to its version in it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LanguageLink {
    /// `fr-CA`: for `hreflang` and `lang`.
    pub tag: String,
    /// The language's own name for itself: `English`, `Français`.
    pub name: String,
    /// From this language's root to that language's: `fr/`, `../`, or `""`
    /// for this one. A page's version there is `{{ root }}{{ prefix }}{{ page.url }}`.
    pub prefix: String,
    /// The language this page is in.
    pub current: bool,
}

impl LanguageLink {
    /// Every language of `project`, seen from the language of this view of it.
    pub fn all(project: &Project) -> Vec<LanguageLink> {
        let config = &project.config;
        let languages = config.languages();
        if languages.len() < 2 {
            return Vec::new();
        }
        let here = config.book.language.as_str();
        let up = if config.folder_of(here).is_empty() {
            ""
        } else {
            "../"
        };
        languages
            .iter()
            .map(|tag| LanguageLink {
                tag: tag.clone(),
                name: project.strings.format(tag, "language-name", &[]),
                prefix: if tag == here {
                    String::new()
                } else {
                    format!("{up}{}", config.folder_of(tag))
                },
                current: tag == here,
            })
            .collect()
    }
}

/// The profile as written, and what guidance says to its owner.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProfileView<'a> {
    #[serde(flatten)]
    pub profile: &'a Profile,
    /// The first word of `name`: what a page greets you by ("Welcome, Nadia").
    pub first_name: &'a str,
}

impl<'a> ProfileView<'a> {
    pub fn of(profile: &'a Profile) -> Self {
        ProfileView {
            profile,
            first_name: profile.first_name(),
        }
    }
}

fn profile_or_empty<S: Serializer>(p: &Option<ProfileView>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => p.serialize(s),
        None => std::collections::BTreeMap::<(), ()>::new().serialize(s),
    }
}

/// `[book]` of book.toml.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BookInfo<'a> {
    pub title: &'a str,
    pub authors: &'a [String],
    pub description: Option<&'a str>,
    pub language: &'a str,
}

impl<'a> BookInfo<'a> {
    pub fn of(project: &'a Project) -> Self {
        let book = &project.config.book;
        BookInfo {
            title: project.config.title(),
            authors: &book.authors,
            description: project.config.description(),
            language: &book.language,
        }
    }
}

/// The site as a whole.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SiteInfo<'a> {
    pub base_url: &'a str,
    /// The home of this language's site as an absolute path: `base_url`, or
    /// `base_url` and the language's folder (`/guide/fr/`). For the 404 page,
    /// which a server shows at any depth.
    pub home: String,
    /// `[output.html] additional-css`, as addresses from the site's root.
    pub additional_css: Vec<String>,
    /// A `--private` build.
    pub private: bool,
    /// Who the build is for: `private`, `personal` (the default) or `public`.
    /// Every page but a public build's asks search engines not to index it.
    pub audience: &'static str,
    /// `[output.html] search`: the build writes a search index (`search/`).
    pub search: bool,
    /// YYYY-MM-DD.
    pub today: String,
    /// "careerbook" and its version.
    pub generator: &'static str,
    /// Namespaces what the browser remembers per workbook.
    pub book_id: String,
    pub branding: Branding<'a>,
}

/// `[branding]` of book.toml.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Branding<'a> {
    pub organisation: Option<&'a str>,
    /// The logo's address from the site's root.
    pub logo: Option<String>,
    /// `[branding] accent`, darkened if need be so text in it reads on the
    /// light page (see `BrandingConfig::accent_light`).
    pub accent: Option<String>,
    /// The accent in dark mode: `accent-dark`, or `accent` lightened if need be
    /// so text in it reads on the dark page (see
    /// `BrandingConfig::accent_on_dark`).
    pub accent_dark: Option<String>,
    pub footer: Option<&'a str>,
    pub contact: Option<&'a str>,
}

impl<'a> Branding<'a> {
    /// `[branding]`, with the logo at `logo` (where the output serves it).
    pub fn of(project: &'a Project, logo: Option<String>) -> Self {
        let b = &project.config.branding;
        Branding {
            organisation: project.config.organisation(),
            logo,
            accent: b.accent_light(),
            accent_dark: b.accent_on_dark(),
            footer: project.config.footer(),
            contact: b.contact.as_deref(),
        }
    }
}

impl<'a> SharedContext<'a> {
    pub fn new(
        project: &'a Project,
        workbook: &'a Workbook,
        today: chrono::NaiveDate,
        audience: Audience,
    ) -> Self {
        let config = &project.config;
        let b = &config.branding;
        SharedContext {
            profile: workbook.profile.as_ref().map(ProfileView::of),
            people: &workbook.people,
            progress: &workbook.progress,
            book: BookInfo::of(project),
            site: SiteInfo {
                base_url: &config.output.html.base_url,
                home: format!(
                    "{}{}",
                    config.output.html.base_url,
                    config.folder_of(&config.book.language)
                ),
                additional_css: config
                    .output
                    .html
                    .additional_css
                    .iter()
                    .map(|p| crate::load::content::slash_path(p))
                    .collect(),
                private: audience.shows_private(),
                audience: audience.name(),
                search: config.output.html.search,
                today: today.to_string(),
                generator: concat!("careerbook ", env!("CARGO_PKG_VERSION")),
                book_id: workbook_id(project, workbook),
                branding: Branding::of(project, b.logo_url()),
            },
            languages: LanguageLink::all(project),
        }
    }

    /// As a Tera context, with the untyped data files unless `data_files` is
    /// false (a blank PDF).
    pub fn to_tera(&self, project: &Project, data_files: bool) -> Context {
        let mut ctx = Context::new();
        if data_files {
            for (stem, value) in &project.data.files {
                ctx.insert(stem.as_str(), value);
            }
        }
        ctx.extend(Context::from_serialize(self).expect("the shared context is an object"));
        ctx
    }
}

/// Namespaces what the browser remembers (ticked checklists) and the calendar's
/// event ids per workbook.
pub fn book_id(project: &Project) -> String {
    let c = &project.config;
    crate::markdown::slug(&format!("{} {}", c.book.title, c.output.html.base_url))
}

/// [`book_id`], and a cohort member's id after it: each member's workbook
/// keeps its ticks, and its calendar's events, apart from every other's.
pub fn workbook_id(project: &Project, workbook: &Workbook) -> String {
    match workbook.member_id() {
        Some(member) => format!("{}-{member}", book_id(project)),
        None => book_id(project),
    }
}

/// The page being rendered.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PageInfo<'a> {
    pub title: &'a str,
    /// From the site's root.
    pub url: &'a str,
    /// There is a level-1 heading in the page (the theme need not add one).
    pub has_h1: bool,
    pub is_index: bool,
    /// Level-2 and level-3 headings, in order.
    pub headings: Vec<HeadingInfo<'a>>,
    /// Level-2 headings, each with the level-3 headings under it.
    pub sections: Vec<Section<'a>>,
    /// Only for pages written from Markdown.
    #[serde(flatten)]
    pub source: Option<PageSource<'a>>,
}

impl<'a> PageInfo<'a> {
    /// A page careerbook writes itself (tracker, progress, print, cohort report).
    pub fn generated(title: &'a str, url: &'a str) -> Self {
        PageInfo {
            title,
            url,
            has_h1: true,
            is_index: false,
            headings: Vec::new(),
            sections: Vec::new(),
            source: None,
        }
    }
}

/// What a page written from Markdown adds.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PageSource<'a> {
    /// From its front matter.
    pub description: Option<&'a str>,
    /// Its path under the project, e.g. `content/mentors/index.md`.
    pub source: &'a str,
    /// When the page is a message template.
    pub message: Option<&'a MessageMeta>,
    /// The language the page's text is in when it has no translation into
    /// the site's language (the default language's tag); the theme says so
    /// and marks the text with `lang`.
    pub untranslated: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct HeadingInfo<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub level: u8,
}

/// A level-2 heading with the level-3 headings under it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Section<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub subsections: Vec<SubSection<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SubSection<'a> {
    pub id: &'a str,
    pub text: &'a str,
}

/// A page's level-2 headings, each with the level-3 headings under it: what an
/// "On this page" list shows, without a test per heading in the template.
pub fn sections(headings: &[Heading]) -> Vec<Section<'_>> {
    let mut sections: Vec<Section<'_>> = Vec::new();
    for h in headings {
        match h.level {
            2 => sections.push(Section {
                id: &h.id,
                text: &h.text,
                subsections: Vec::new(),
            }),
            // Before the first section there is nothing to put them under.
            3 => {
                if let Some(last) = sections.last_mut() {
                    last.subsections.push(SubSection {
                        id: &h.id,
                        text: &h.text,
                    });
                }
            }
            _ => {}
        }
    }
    sections
}

/// The previous or next page.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PageLink<'a> {
    pub title: &'a str,
    pub url: String,
}

/// The variables of one page written from Markdown.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PageContext<'a> {
    pub page: PageInfo<'a>,
    /// The way up from this page to the site's root (shared assets).
    pub site_root: String,
    /// The way up from this page to its workbook's root.
    pub root: String,
    pub prev: Option<PageLink<'a>>,
    pub next: Option<PageLink<'a>>,
    /// The page's HTML.
    pub content: String,
}
