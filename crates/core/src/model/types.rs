//! The fact-sheet types: what a country partnership fact sheet *is*, as serde structs.
//!
//! These types are the data format. `data/schema.json` is generated from them
//! (`cargo run --bin gen-schema`), and the README documents them for editors.
//! They carry no behaviour beyond small accessors; parsing lives in
//! [`super::parse`](mod@super::parse), checks in [`super::validate`], money in [`crate::funding`].
//!
//! Conventions:
//! - Every id is a short, stable string. Countries use their ISO 3166-1 alpha-3
//!   code as id (`KHM`); everything else uses lowercase kebab-case (`asean`).
//! - Every link is a field named `url`.
//! - A figure the source does not give is absent, never zero.
//! - Every paragraph, event, project, figure and contribution says where it comes
//!   from: [`Source`] names a section id and quotes the source sentence verbatim.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::local_text::LocalText;

/// The current major version of the format. A file with a larger
/// `format_version` is refused: it may mean something this build cannot show.
pub const FORMAT_VERSION: u32 = 1;

/// One country's partnership fact sheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct FactSheet {
    /// Major version of this format; 1 for now.
    pub format_version: u32,
    pub meta: Meta,
    /// Headline figures shown at the top of the report.
    #[serde(default)]
    pub highlights: Vec<Highlight>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub geographies: Vec<Geography>,
    /// The text of the fact sheet, section by section, in the source's order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Dated happenings: agreements, MoUs, visits, meetings, publications.
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub projects: Vec<Project>,
    /// Countries and regions the cooperation reaches without a named project
    /// ("programmes in Algeria, Bangladesh …"); the map shows them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reach: Vec<ReachEntry>,
    /// Money that is not a project budget, including totals the source states.
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
}

/// What the sheet is about and where it comes from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Meta {
    /// ISO 3166-1 alpha-3 code of the country, e.g. `CHN`.
    pub country: String,
    /// The country's name as the sheet gives it, e.g. `China`.
    pub country_name: String,
    pub title: LocalText,
    pub subtitle: LocalText,
    /// Publication date as precise as the source gives it: `YYYY-MM` or
    /// `YYYY`; absent when the source gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// BCP 47 language tag of the text, e.g. `en`.
    pub language: String,
    /// The lead paragraph printed under the title, before the first section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Paragraph>,
    /// What the sheet's country is to the ILO's cooperation; it decides how
    /// the map and headings speak of it. Left out: a South–South partner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<CountryRole>,
    pub source: SourceDocument,
}

/// A part the sheet's country plays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CountryRole {
    /// Funds the ILO's work elsewhere (a donor, a "development partner").
    DevelopmentPartner,
    /// Shares its own experience with other countries of the South.
    #[default]
    SouthSouthPartner,
    /// Hosts ILO programmes in its own territory.
    Host,
}

impl Meta {
    /// The roles the sheet gives, or the South–South partner a sheet that
    /// names none has always been.
    pub fn roles(&self) -> Vec<CountryRole> {
        if self.roles.is_empty() {
            vec![CountryRole::SouthSouthPartner]
        } else {
            self.roles.clone()
        }
    }

    /// True when the map should draw links from the country to the places
    /// reached: it sends support (South–South or as a development partner).
    pub fn sends_support(&self) -> bool {
        self.roles().iter().any(|r| matches!(r, CountryRole::SouthSouthPartner | CountryRole::DevelopmentPartner))
    }
}

/// The document the sheet transcribes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct SourceDocument {
    pub title: String,
    /// Where the published document can be read, if online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Path of the plain-text transcription inside the project, e.g.
    /// `data/sources/china-2026-07.txt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// Where a fact comes from: a section of the sheet and the sentence quoted verbatim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Source {
    /// Id of a section, or `lead` for the lead paragraph.
    pub section: String,
    /// The source sentence (or the part of it that states the fact), verbatim.
    pub quote: String,
}

/// A headline figure, e.g. "28" / "Conventions ratified".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Highlight {
    pub id: String,
    /// The figure as displayed, with its qualifier and unit: `US$ 8 million`.
    pub figure: LocalText,
    /// What the figure counts: `voluntary contributions, 2021-2025`.
    pub label: LocalText,
    pub source: Source,
}

/// A subject the cooperation deals with (skills, social protection, ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Theme {
    pub id: String,
    pub name: LocalText,
}

/// What kind of body a partner is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Government,
    WorkersOrganization,
    EmployersOrganization,
    Academic,
    UnitedNations,
    Fund,
    Forum,
    #[default]
    Other,
}

/// An organisation, ministry, fund or forum named by the sheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Partner {
    pub id: String,
    /// Short name or acronym as the sheet uses it, e.g. `MOHRSS`; leave it
    /// out when the source gives none (the full name is shown instead).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    /// Full name as the sheet gives it.
    pub name: String,
    pub kind: PartnerKind,
    /// The partner this one belongs to (the IECC belongs to the MEM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Whether a geography is one country or a named group of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GeographyKind {
    #[default]
    Country,
    /// A named group: an organisation's members (ASEAN), a region (Africa), or a
    /// set the sheet names without listing it ("more than 80 countries").
    Group,
}

/// A country (id = ISO alpha-3) or a named group of countries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Geography {
    pub id: String,
    pub kind: GeographyKind,
    pub name: LocalText,
    /// Member country ids of a group, when known. Absent when the sheet does
    /// not say which countries a group holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<String>>,
    /// Where the member list comes from when it is reference data rather than
    /// the fact sheet (e.g. ASEAN's membership).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_note: Option<String>,
}

/// One section of the sheet, with its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Section {
    pub id: String,
    pub title: LocalText,
    /// What the section holds; `contacts` shows the structured `contacts`
    /// (with working links) in place of the printed lines.
    #[serde(default, skip_serializing_if = "is_default")]
    pub role: SectionRole,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// Headed parts inside the section (one per project in "Current and recent
    /// projects"), in the source's order, after the section's own paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subsections: Vec<Subsection>,
    /// Paragraphs printed after the subsections, at the end of the section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<Paragraph>,
}

/// What a section holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    /// Running text.
    #[default]
    Text,
    /// The contact block: its paragraphs are the printed lines, and the app
    /// shows the structured `contacts` with working links instead.
    Contacts,
}

/// A headed part of a section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Subsection {
    pub id: String,
    /// The heading exactly as printed, e.g. with its period `(2018-27)`.
    pub title: LocalText,
    /// The project this part describes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    #[default]
    Text,
    /// An item of a bulleted list; consecutive items form one list.
    ListItem,
}

/// A paragraph of the sheet's text, verbatim, tagged for filtering.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Paragraph {
    pub id: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: ParagraphKind,
    /// The paragraph's text exactly as in the source (without a list bullet).
    pub text: LocalText,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub geographies: Vec<String>,
}

/// What kind of happening an event is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Agreement,
    Mou,
    Launch,
    Visit,
    Meeting,
    Publication,
    Establishment,
    Contribution,
    Recognition,
    /// Joining (or rejoining) the ILO as a member State.
    Membership,
    /// Ratifying a Convention or Protocol.
    Ratification,
    /// A programme or agreement renewed or extended.
    Renewal,
    #[default]
    Other,
}

/// A dated happening, at the precision the source gives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Event {
    pub id: String,
    /// `YYYY` or `YYYY-MM`, as precise as the source.
    pub date: PartialDate,
    pub kind: EventKind,
    /// A short title in the sheet's words.
    pub title: LocalText,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub geographies: Vec<String>,
    /// The project this event belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// Counts the source gives for this event (participants, countries).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    pub source: Source,
}

/// A period in whole years, both ends included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Period {
    #[serde(deserialize_with = "year")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1000, max = 9999)))]
    pub start: i32,
    #[serde(deserialize_with = "year")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1000, max = 9999)))]
    pub end: i32,
}

/// The years a period may name. A year outside drops its item when the file
/// is read: views lay periods out year by year, so a year like 2147483647
/// would cost billions of steps.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

fn year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let y = i64::deserialize(d)?;
    match i32::try_from(y) {
        Ok(y) if YEARS.contains(&y) => Ok(y),
        _ => Err(serde::de::Error::custom(format_args!(
            "a year must be a whole number from {} to {}, not {y}",
            YEARS.start(),
            YEARS.end()
        ))),
    }
}

fn optional_year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    year(d).map(Some)
}

/// How the source qualifies an amount or a count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The source gives the figure plainly.
    #[default]
    Exact,
    /// "over": the true figure is larger.
    Over,
    /// "more than": the true figure is larger.
    MoreThan,
    /// "total of", "totalling": an exact sum stated by the source.
    TotalOf,
}

impl Qualifier {
    /// True when the figure is only a lower bound ("over", "more than").
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::Over | Qualifier::MoreThan)
    }
}

/// An amount of money in US dollars with the source's qualifier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Money {
    pub amount_usd: f64,
    #[serde(default)]
    pub qualifier: Qualifier,
}

/// A count the source gives (beneficiaries, institutions, participants),
/// attached to the geography it names. Never split or summed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Figure {
    pub id: String,
    pub value: f64,
    /// What is counted, plural: `workers`, `TVET institutions`.
    pub unit: LocalText,
    #[serde(default)]
    pub qualifier: Qualifier,
    /// True when the source says the count is cumulative.
    #[serde(default, skip_serializing_if = "is_default")]
    pub cumulative: bool,
    /// The country or group the source attaches the figure to.
    pub geography: String,
    pub source: Source,
}

/// One phase of a programme that ran in several (launched in 2004, renewed
/// for 2018-2020), at the precision the source gives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Phase {
    /// What the phase is, in the source's words: `Launched`, `Renewed`, `Phase II`.
    pub title: LocalText,
    /// The year it started.
    #[serde(deserialize_with = "year")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1000, max = 9999)))]
    pub start: i32,
    /// The year it ended or ends, when the source gives one.
    #[serde(default, deserialize_with = "optional_year", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1000, max = 9999)))]
    pub end: Option<i32>,
    pub source: Source,
}

impl Phase {
    /// The last year the phase is known to cover: its end, else its start.
    pub fn last_year(&self) -> i32 {
        self.end.unwrap_or(self.start)
    }
}

/// A project or programme funded by the country.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Project {
    pub id: String,
    pub title: LocalText,
    /// The years the project runs. May be left out when `phases` are given:
    /// it is then taken from them (the first start to the last year named).
    #[serde(default)]
    pub period: Period,
    /// The phases of a programme that ran in several, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// Partner ids of those who fund it.
    #[serde(default)]
    pub funders: Vec<String>,
    /// The contribution to the project, when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Money>,
    /// Where the funding figure is stated, when not in the project's own text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_source: Option<Source>,
    /// Partner ids of those who take part (implementers, counterparts).
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    /// Countries and groups reached.
    #[serde(default)]
    pub geographies: Vec<String>,
    /// One sentence on what the project does, in the source's words.
    pub summary: LocalText,
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Results, each in the source's words.
    #[serde(default)]
    pub results: Vec<LocalText>,
    pub source: Source,
}

/// Countries or regions reached without a named project, as the source
/// lists them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ReachEntry {
    pub id: String,
    /// What reaches them, in the source's words: `Programmes`, `Global
    /// initiatives and activities`.
    pub title: LocalText,
    /// The countries and groups (regions) reached.
    pub geographies: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    /// Partner ids of those who fund or run it.
    #[serde(default)]
    pub partners: Vec<String>,
    /// The years, when the source gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub source: Source,
}

/// What kind of money a contribution is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    /// Money committed under an agreement.
    #[default]
    Agreement,
    /// Staff programmes: Junior Professional Officers, secondments.
    Staffing,
    /// A total the source states, which overlaps other items (projects,
    /// agreements). Never added to anything.
    StatedTotal,
    /// Assessed contributions to the ILO's regular budget (a member State's dues).
    Assessed,
    /// Voluntary core funding, not earmarked (such as the Regular Budget
    /// Supplementary Account, RBSA).
    VoluntaryCore,
    /// Voluntary non-core funding, earmarked for programmes and projects.
    VoluntaryNonCore,
    /// Support in kind: secondments, experts, hosting, services.
    InKind,
}

/// Money given that is not a single project's budget.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Contribution {
    pub id: String,
    pub title: LocalText,
    pub kind: ContributionKind,
    /// Partner ids of the contributors; empty when the source names the country only.
    #[serde(default)]
    pub funders: Vec<String>,
    /// The amount, when the source gives one (support such as secondments or
    /// experts often has none; a stated total always needs one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The year it was committed or the years it covers; may be left out
    /// only for support without an amount whose years the source does not give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default)]
    pub themes: Vec<String>,
    pub source: Source,
}

/// An office or contact point with its links.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Contact {
    pub id: String,
    pub name: String,
    /// Address or unit lines, as printed.
    #[serde(default)]
    pub lines: Vec<String>,
    #[serde(default)]
    pub links: Vec<Link>,
}

/// What a link opens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    #[default]
    Web,
    Email,
    Phone,
}

/// A link: `https:`, `http:`, `mailto:` or `tel:`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Link {
    pub kind: LinkKind,
    /// The text shown, as printed in the sheet.
    pub label: String,
    pub url: String,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl FactSheet {
    /// Every paragraph in reading order (the lead, then each section's own
    /// paragraphs, its subsections', its closing ones), each with the project
    /// its subsection describes (the first of that id), if any.
    pub fn reading_order(&self) -> Vec<(&Paragraph, Option<&Project>)> {
        let mut projects: HashMap<&str, &Project> = HashMap::new();
        if self.sections.iter().any(|s| s.subsections.iter().any(|u| u.project.is_some())) {
            for p in &self.projects {
                projects.entry(p.id.as_str()).or_insert(p);
            }
        }
        let mut out: Vec<(&Paragraph, Option<&Project>)> = self.meta.lead.iter().map(|p| (p, None)).collect();
        for section in &self.sections {
            out.extend(section.paragraphs.iter().map(|p| (p, None)));
            for sub in &section.subsections {
                let project = sub.project.as_deref().and_then(|id| projects.get(id).copied());
                out.extend(sub.paragraphs.iter().map(|p| (p, project)));
            }
            out.extend(section.closing.iter().map(|p| (p, None)));
        }
        out
    }

    /// A partner's short name as the sheet gives it (its full name when it
    /// has none), else its id.
    pub fn partner_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.partners.iter().find(|p| p.id == id).map_or(id, Partner::display_name)
    }

    /// A theme's name, else its id.
    pub fn theme_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.themes.iter().find(|t| t.id == id).map_or(id, |t| &*t.name)
    }

    /// The years everything dated in the sheet spans (events, projects,
    /// contributions), both ends included; `None` for a sheet with no dates.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        let events = self.events.iter().map(|e| (e.date.year, e.date.year));
        let projects = self.projects.iter().map(|p| (p.period.start, p.period.end));
        let contributions = self.contributions.iter().filter_map(|c| c.period).map(|p| (p.start, p.end));
        events.chain(projects).chain(contributions).fold(None, |acc, (a, b)| {
            let (a, b) = (a.min(b), a.max(b));
            Some(acc.map_or((a, b), |(lo, hi): (i32, i32)| (lo.min(a), hi.max(b))))
        })
    }
}

impl Project {
    /// The span of its phases (first start to last year named), if it has any.
    pub fn phases_span(&self) -> Option<Period> {
        let start = self.phases.iter().map(|p| p.start).min()?;
        let end = self.phases.iter().map(Phase::last_year).max()?;
        Some(Period { start, end: end.max(start) })
    }
}

impl Partner {
    /// The name the views use: the acronym when the sheet gives one, else the full name.
    pub fn display_name(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }
}

impl Section {
    /// Every paragraph of the section in reading order: its own paragraphs,
    /// each subsection's, then the closing ones.
    pub fn all_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .chain(self.subsections.iter().flat_map(|u| u.paragraphs.iter()))
            .chain(self.closing.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    #[test]
    fn names_fall_back_to_ids_and_the_span_covers_every_date() {
        let sheet = FactSheet {
            partners: vec![Partner { id: "mohrss".into(), short_name: "MOHRSS".into(), ..Partner::default() }],
            themes: vec![Theme { id: "skills".into(), name: "Skills".into() }],
            events: vec![Event { date: "2009".parse::<PartialDate>().expect("a year"), ..Event::default() }],
            projects: vec![Project { period: Period { start: 2018, end: 2027 }, ..Project::default() }],
            ..FactSheet::default()
        };
        assert_eq!((sheet.partner_name("mohrss"), sheet.partner_name("ilo")), ("MOHRSS", "ilo"));
        let unnamed = FactSheet {
            partners: vec![Partner {
                id: "dfa".into(),
                name: "Department of Foreign Affairs".into(),
                ..Partner::default()
            }],
            ..FactSheet::default()
        };
        assert_eq!(unnamed.partner_name("dfa"), "Department of Foreign Affairs", "no acronym: the full name");
        assert_eq!((sheet.theme_name("skills"), sheet.theme_name("x")), ("Skills", "x"));
        assert_eq!(sheet.year_span(), Some((2009, 2027)));
        assert_eq!(FactSheet::default().year_span(), None);
    }
}
