//! Every string of the interface lives here, behind [`t`]. The funding and
//! map views' many strings, and the editors' preview page's, are tables of
//! their own (`funding.rs`, `map.rs`, `preview.rs`), which `t` also serves. English only for now; French, Spanish and Chinese
//! will add a `Lang` argument resolved per mounted widget. Content strings
//! come from the data file, never from here.

use std::borrow::Cow;

use crate::model::EventKind as Kind;

mod funding;
mod map;
mod preview;

pub use funding::{funding_text, FundingText};
pub use map::{map_text, MapText};
pub use preview::{preview_text, PreviewText};

/// An interface string, with its parameters where it has any.
#[derive(Debug, Clone, PartialEq)]
pub enum Text<'a> {
    Loading,
    Retry,
    /// At the top of a printed report: what it shows.
    PrintedAll,
    PrintedFiltered,
    /// A period filter in words: `from`, `to` (either may be open).
    YearsFrom(i32),
    YearsTo(i32),
    Years(i32, i32),
    /// The page's title for a sheet: its title and subtitle.
    DocumentTitle(&'a str, &'a str),
    /// The heading of a sheet whose file gives no title.
    Untitled,
    Filters,
    FiltersWithCount(usize),
    ClearAll,
    Themes,
    Partners,
    CountryOrRegion,
    AllCountries,
    Period,
    From,
    To,
    AnyYear,
    Search,
    SearchHint,
    NoMatch,
    NoMatchHint,
    ShowingCount(usize),
    /// "Show more" under a long list: how many it adds, how many are not shown.
    ShowMore(usize, usize),
    Views,
    ViewFull,
    ViewProjects,
    ViewTimeline,
    ViewMap,
    ViewFunding,
    Highlights,
    Timeline,
    Projects,
    Contacts,
    Funding,
    /// A programme's phases, on its card.
    Phases,
    FundedBy,
    PartnersLabel,
    Reached,
    Beneficiaries,
    Results,
    SourceLabel,
    Cumulative,
    PartOfProject(&'a str),
    ProblemsTitle(usize),
    WarningsTitle(usize),
    LoadFailed(&'a str),
    NotFound(&'a str),
    HttpStatus(u16, &'a str),
    Timeout(&'a str),
    Offline,
    Network(&'a str),
    OtherOrigin(&'a str),
    /// A data address that is not a web address (`javascript:`, `file:`).
    NotWeb(&'a str),
    /// The link from an embedded view to the full report.
    FullSheet,
    EmbedView,
    EmbedIntro,
    EmbedScript,
    EmbedScriptHint,
    EmbedFrame,
    EmbedFrameHint,
    Copy,
    Copied,
    /// The clipboard refused: the snippet is selected instead.
    CopyFailed,
    Close,
    /// A data file larger than the app reads: address, its bytes, the limit.
    TooLarge(&'a str, u64, u64),
    CannotShow,
    /// More problems than the alert lists.
    MoreProblems(usize),
    /// A link from the data whose address is refused, with the reason.
    LinkRefused(&'a str),
    Crashed,
    /// What the program said when it stopped, under the crash message.
    CrashDetail,
    Reload,
    Published(&'a str),
    /// Where a syntax error is, in the data file.
    LineColumn(usize, usize),
    /// What kind of event a timeline entry is.
    EventKind(Kind),
    /// The funding view's strings.
    FundingView(FundingText),
    /// The map view's strings.
    Map(MapText<'a>),
    /// The editors' preview page's strings.
    Preview(PreviewText<'a>),
}

/// The English text of an interface string. Long by nature: it is the
/// catalogue itself, one line per string, kept in one match so the compiler
/// proves every string has its text.
pub fn t(text: Text<'_>) -> Cow<'static, str> {
    use Text::*;
    let s: &'static str = match text {
        Loading => "Loading the fact sheet…",
        Retry => "Retry",
        Untitled => "Untitled fact sheet",
        Filters => "Filters",
        FiltersWithCount(n) => return format!("Filters ({n})").into(),
        ClearAll => "Clear all",
        Themes => "Themes",
        Partners => "Partners",
        CountryOrRegion => "Country or region",
        AllCountries => "All countries and regions",
        Period => "Period",
        From => "From",
        To => "To",
        AnyYear => "Any year",
        Search => "Search",
        SearchHint => "Search the fact sheet",
        NoMatch => "Nothing matches these filters.",
        NoMatchHint => "Remove a filter or clear them all to see more.",
        ShowMore(n, hidden) => return format!("Show {n} more ({hidden} not shown yet)").into(),
        ShowingCount(n) => {
            return match n {
                1 => "1 matching item".into(),
                n => format!("{n} matching items").into(),
            }
        }
        Views => "Views",
        ViewFull => "Full report",
        ViewProjects => "Projects",
        ViewTimeline => "Timeline",
        ViewMap => "Map",
        ViewFunding => "Funding",
        Highlights => "Key figures",
        Timeline => "Timeline",
        Projects => "Projects",
        Contacts => "Contact details",
        Funding => "Funding",
        Phases => "Phases",
        FundedBy => "Funded by",
        PartnersLabel => "Partners",
        Reached => "Countries and regions",
        Beneficiaries => "Reach",
        Results => "Results",
        SourceLabel => "Source",
        Cumulative => "cumulative",
        PartOfProject(title) => return format!("Project: {title}").into(),
        ProblemsTitle(n) => {
            return match n {
                1 => "The data file has 1 problem; everything valid is shown below.".into(),
                n => format!("The data file has {n} problems; everything valid is shown below.").into(),
            }
        }
        WarningsTitle(n) => {
            return match n {
                1 => "1 warning about the data file".into(),
                n => format!("{n} warnings about the data file").into(),
            }
        }
        LoadFailed(url) => return format!("The fact sheet could not be loaded from {url}.").into(),
        NotFound(url) => return format!("The data file {url} was not found (HTTP 404).").into(),
        HttpStatus(code, url) => return format!("The server answered HTTP {code} for {url}.").into(),
        Timeout(url) => return format!("Loading {url} took too long and was stopped.").into(),
        Offline => "You seem to be offline. Check the connection, then retry.",
        Network(detail) => return format!("The network request failed: {detail}").into(),
        OtherOrigin(url) => {
            return format!("The data address {url} is not on this site. Only data files from this site can be shown.")
                .into()
        }
        NotWeb(url) => return format!("The data address {url} is not a web address (https:), so it is not loaded.").into(),
        FullSheet => "Open the full fact sheet",
        EmbedView => "Embed this view",
        EmbedIntro => "Paste one of these into your page to show this view, with its filters, on your site.",
        EmbedScript => "With a script (recommended)",
        EmbedScriptHint => "The widget fits its column and follows your page's width. Your site's Content-Security-Policy must allow scripts and data from this site.",
        EmbedFrame => "As an iframe",
        EmbedFrameHint => "For sites that remove scripts. With the script above on the page, the frame takes its content's height.",
        Copy => "Copy",
        Copied => "Copied",
        CopyFailed => "Copying was refused: the snippet is selected, press Ctrl+C (⌘C) to copy it.",
        Close => "Close",
        TooLarge(url, bytes, limit) => {
            let mb = |n: u64| n as f64 / 1_000_000.0;
            return format!(
                "The data file {url} is {:.1} MB, larger than the {:.1} MB this app reads.",
                mb(bytes),
                mb(limit)
            )
            .into();
        }
        CannotShow => "The data file cannot be shown:",
        MoreProblems(n) => {
            return match n {
                1 => "… and 1 more problem.".into(),
                n => format!("… and {n} more problems.").into(),
            }
        }
        LinkRefused(reason) => return format!("(not a link: {reason})").into(),
        Crashed => "Something went wrong while showing the fact sheet. Reload the page to try again.",
        CrashDetail => "Details",
        Reload => "Reload",
        Published(date) => return format!("Published {date}").into(),
        PrintedAll => "The whole fact sheet, without filters.",
        PrintedFiltered => "Printed with these filters:",
        YearsFrom(from) => return format!("from {from}").into(),
        YearsTo(to) => return format!("until {to}").into(),
        Years(from, to) => return format!("{from}–{to}").into(),
        DocumentTitle(title, subtitle) => {
            return match (title.trim(), subtitle.trim()) {
                ("", _) => "ILO fact sheet".into(),
                (title, "") => format!("{title} — fact sheet").into(),
                (title, subtitle) => format!("{title}: {subtitle} — fact sheet").into(),
            }
        }
        LineColumn(line, column) => return format!("line {line}, column {column}").into(),
        EventKind(kind) => match kind {
            Kind::Agreement => "Agreement",
            Kind::Mou => "MoU",
            Kind::Launch => "Launch",
            Kind::Visit => "Visit",
            Kind::Meeting => "Meeting",
            Kind::Publication => "Publication",
            Kind::Establishment => "Establishment",
            Kind::Contribution => "Contribution",
            Kind::Recognition => "Recognition",
            Kind::Membership => "Membership",
            Kind::Ratification => "Ratification",
            Kind::Renewal => "Renewal",
            Kind::Other => "Event",
        },
        FundingView(key) => funding_text(key),
        Map(key) => return map_text(key),
        Preview(key) => return preview_text(key),
    };
    Cow::Borrowed(s)
}
