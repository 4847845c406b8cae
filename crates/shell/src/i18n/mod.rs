//! Every string of the interface, in five languages, behind one layer: the
//! messages are enums ([`Text`], and the funding, map and preview tables),
//! each variant a key of the catalogues `i18n/<lang>.json` (English built
//! in, the others fetched when a widget speaks them); [`Words`] is one
//! widget's language with its catalogue, provided as context, and [`t`]
//! says a message in the language of the widget it is called in. Numbers
//! and dates are written by the browser's `Intl` ([`intl`]); the core's
//! values (a qualifier, an amount and its scale, a date) are put in words
//! here. Content strings come from the data file, never from here.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use ilo_factsheet_core::funding::{scaled, Scaled};

use crate::model::{EventKind as Kind, Figure, Money, PartialDate, Qualifier};
pub use ilo_factsheet_core::i18n::{Arg, Catalogue, Dir, Lang, NumberStyle};

mod funding;
pub mod intl;
mod keyed;
mod map;
mod preview;

pub use funding::FundingText;
pub use map::MapText;
pub use preview::PreviewText;

use keyed::keyed;

/// The English catalogue, the reference every other is checked against.
pub const ENGLISH: &str = include_str!("../../../../i18n/en.json");

/// The catalogues of the other languages, for native tests and the build's
/// snapshot (the widget fetches them instead: they are not in the wasm).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ENGLISH,
        Lang::Fr => include_str!("../../../../i18n/fr.json"),
        Lang::Es => include_str!("../../../../i18n/es.json"),
        Lang::Zh => include_str!("../../../../i18n/zh.json"),
        Lang::Ar => include_str!("../../../../i18n/ar.json"),
    }
}

keyed! {
    prefix "";
    /// An interface string, with its values where it has any.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Text<'a> {
        Loading,
        Retry,
        /// At the top of a printed report: what it shows.
        PrintedAll,
        PrintedFiltered,
        /// A period filter in words: from, to (either may be open).
        YearsFrom(i32),
        YearsTo(i32),
        Years(i32, i32),
        /// The page's title for a sheet without a title, with a title, with a subtitle too.
        DocumentTitleNone,
        DocumentTitle(&'a str),
        DocumentTitleSub(&'a str, &'a str),
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
        /// A data address on this site but outside its data folder (or with
        /// `..`, `.` or encoded dots): the address and the folder.
        OutsideData(&'a str, &'a str),
        /// The server sent the data file from another address than asked.
        Redirected(&'a str),
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
        /// A data file larger than the app reads: address, its size and the limit in MB.
        TooLarge(&'a str, f64, f64),
        /// A data file that turned out larger than the limit (in MB) as it was read.
        TooLargeRead(&'a str, f64),
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
        /// The interface language switcher's label.
        Language,
        /// The skip link to the report's content.
        SkipToContent,
        /// Closes the filters' sheet on a phone.
        FiltersDone,
        /// What kind of event a timeline entry is.
        EventAgreement,
        EventMou,
        EventLaunch,
        EventVisit,
        EventMeeting,
        EventPublication,
        EventEstablishment,
        EventContribution,
        EventRecognition,
        EventMembership,
        EventRatification,
        EventRenewal,
        EventOther,
        /// Money: an amount in dollars, or in millions of dollars (the number written already).
        Usd(&'a str),
        UsdMillions(&'a str),
        /// A figure with the source's qualifier (the figure written already).
        QualifierOver(&'a str),
        QualifierMoreThan(&'a str),
        QualifierTotalOf(&'a str),
        /// A beneficiary figure: its value, unit and place; cumulative or not.
        Figure(&'a str, &'a str, &'a str),
        FigureCumulative(&'a str, &'a str, &'a str),
        /// A figure's unit in the map's table, when the count is cumulative.
        UnitCumulative(&'a str),
        /// The funding view's strings.
        FundingView(FundingText),
        /// The map view's strings.
        Map(MapText<'a>),
        /// The editors' preview page's strings.
        Preview(PreviewText<'a>),
    }
}

/// A line or column number: digits, never grouped.
pub(crate) fn digits(n: usize) -> Arg<'static> {
    Arg::Digits(n as u64)
}

/// A message's key and values.
pub struct Said<'a> {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg<'a>)>,
}

impl Text<'static> {
    /// The name of a view, as its tab says it.
    pub fn view(view: crate::query::View) -> Text<'static> {
        use crate::query::View;
        match view {
            View::Full => Text::ViewFull,
            View::Projects => Text::ViewProjects,
            View::Timeline => Text::ViewTimeline,
            View::Map => Text::ViewMap,
            View::Funding => Text::ViewFunding,
        }
    }
}

impl<'a> Text<'a> {
    /// The message's key (the table's, for the nested tables) and values.
    pub fn said(&self) -> Said<'a> {
        use Text::*;
        let s = |v: &&'a str| Arg::Text(Cow::Borrowed(*v));
        let args: Vec<(&'static str, Arg<'a>)> = match self {
            YearsFrom(y) | YearsTo(y) => vec![("year", Arg::Year(*y))],
            Years(from, to) => vec![("from", Arg::Year(*from)), ("to", Arg::Year(*to))],
            DocumentTitle(title) => vec![("title", s(title))],
            DocumentTitleSub(title, sub) => vec![("title", s(title)), ("subtitle", s(sub))],
            FiltersWithCount(n) | ShowingCount(n) | ProblemsTitle(n) | WarningsTitle(n) | MoreProblems(n) => {
                vec![("n", Arg::from(*n))]
            }
            ShowMore(n, hidden) => vec![("n", Arg::from(*n)), ("hidden", Arg::from(*hidden))],
            PartOfProject(title) => vec![("title", s(title))],
            LoadFailed(url) | NotFound(url) | Timeout(url) | OtherOrigin(url) | NotWeb(url) | Redirected(url) => {
                vec![("url", s(url))]
            }
            OutsideData(url, folder) => vec![("url", s(url)), ("folder", s(folder))],
            TooLargeRead(url, limit) => vec![("url", s(url)), ("limit", Arg::Number(*limit, NumberStyle::exactly(1)))],
            HttpStatus(code, url) => vec![("code", Arg::Text(code.to_string().into())), ("url", s(url))],
            Network(detail) => vec![("detail", s(detail))],
            TooLarge(url, size, limit) => {
                let mb = NumberStyle::exactly(1);
                vec![("url", s(url)), ("size", Arg::Number(*size, mb)), ("limit", Arg::Number(*limit, mb))]
            }
            LinkRefused(reason) => vec![("reason", s(reason))],
            UnitCumulative(unit) => vec![("unit", s(unit))],
            Published(date) => vec![("date", s(date))],
            LineColumn(line, column) => vec![("line", digits(*line)), ("column", digits(*column))],
            Usd(amount) | UsdMillions(amount) => vec![("amount", s(amount))],
            QualifierOver(v) | QualifierMoreThan(v) | QualifierTotalOf(v) => vec![("value", s(v))],
            Figure(value, unit, place) | FigureCumulative(value, unit, place) => {
                vec![("value", s(value)), ("unit", s(unit)), ("place", s(place))]
            }
            FundingView(f) => return Said { key: f.key(), args: vec![] },
            Map(m) => return m.said(),
            Preview(p) => return p.said(),
            _ => vec![],
        };
        Said { key: self.key(), args }
    }

    /// Every key of every table: what each catalogue holds.
    pub fn all_keys() -> impl Iterator<Item = &'static str> {
        Text::KEYS
            .iter()
            .filter(|k| !matches!(**k, "FundingView" | "Map" | "Preview"))
            .chain(FundingText::KEYS)
            .chain(MapText::KEYS)
            .chain(PreviewText::KEYS)
            .copied()
    }
}

/// One widget's interface language and its catalogue.
#[derive(Debug, Clone)]
pub struct Words {
    lang: Lang,
    catalogue: Arc<Catalogue>,
}

fn english() -> &'static Arc<Catalogue> {
    static ENGLISH_CATALOGUE: OnceLock<Arc<Catalogue>> = OnceLock::new();
    // The English catalogue is checked by the tests; an empty one (every
    // message shown as its key) is only reached if it were broken.
    ENGLISH_CATALOGUE.get_or_init(|| {
        Arc::new(Catalogue::parse(Lang::En, ENGLISH).unwrap_or_else(|_| {
            Catalogue::parse(Lang::En, "{}").unwrap_or_else(|_| unreachable!("an empty object is a catalogue"))
        }))
    })
}

impl Default for Words {
    fn default() -> Self {
        Words::english()
    }
}

impl Words {
    pub fn english() -> Words {
        Words { lang: Lang::En, catalogue: english().clone() }
    }

    /// The words of a catalogue read for its language.
    pub fn new(catalogue: Catalogue) -> Words {
        Words { lang: catalogue.lang(), catalogue: Arc::new(catalogue) }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message by key, English when this language lacks it.
    pub fn say(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let number = |n: f64, style: NumberStyle| intl::number(self.lang, n, style);
        self.catalogue
            .format(key, args, &number)
            .or_else(|| english().format(key, args, &number))
            .unwrap_or_else(|| key.to_string())
    }

    /// A message in this language.
    pub fn t(&self, text: Text<'_>) -> String {
        let said = text.said();
        self.say(said.key, &said.args)
    }

    /// A number in this language's digits and grouping.
    pub fn number(&self, n: f64, style: NumberStyle) -> String {
        intl::number(self.lang, n, style)
    }

    /// A count: `186,000`, `186 000`.
    pub fn count(&self, n: f64) -> String {
        self.number(n.max(0.0).round(), NumberStyle::INTEGER)
    }

    /// `value` (written already) with the source's qualifier: "over 186,000".
    pub fn qualified(&self, qualifier: Qualifier, value: &str) -> String {
        match qualifier {
            Qualifier::Exact => value.to_string(),
            Qualifier::Over => self.t(Text::QualifierOver(value)),
            Qualifier::MoreThan => self.t(Text::QualifierMoreThan(value)),
            Qualifier::TotalOf => self.t(Text::QualifierTotalOf(value)),
        }
    }

    /// An amount of money with its qualifier: "over US$ 4.45 million".
    pub fn usd(&self, money: Money) -> String {
        let amount = match scaled(money.amount_usd) {
            Scaled::Millions(m) => self.t(Text::UsdMillions(&self.number(m, NumberStyle::up_to(2)))),
            Scaled::Units(u) => self.t(Text::Usd(&self.number(u, NumberStyle::INTEGER))),
        };
        self.qualified(money.qualifier, &amount)
    }

    /// A beneficiary figure's count with its qualifier: "more than 10,000".
    pub fn figure_value(&self, f: &Figure) -> String {
        self.qualified(f.qualifier, &self.count(f.value))
    }

    /// A date as precise as the source: `2019`, `April 2026`.
    pub fn date(&self, date: PartialDate) -> String {
        match date.month {
            Some(m) => intl::month_year(self.lang, date.year, m),
            None => date.year.to_string(),
        }
    }

    /// The page's title for a sheet.
    pub fn document_title(&self, title: &str, subtitle: &str) -> String {
        match (title.trim(), subtitle.trim()) {
            ("", _) => self.t(Text::DocumentTitleNone),
            (title, "") => self.t(Text::DocumentTitle(title)),
            (title, subtitle) => self.t(Text::DocumentTitleSub(title, subtitle)),
        }
    }
}

/// The message naming an event's kind.
pub fn event_kind(kind: Kind) -> Text<'static> {
    match kind {
        Kind::Agreement => Text::EventAgreement,
        Kind::Mou => Text::EventMou,
        Kind::Launch => Text::EventLaunch,
        Kind::Visit => Text::EventVisit,
        Kind::Meeting => Text::EventMeeting,
        Kind::Publication => Text::EventPublication,
        Kind::Establishment => Text::EventEstablishment,
        Kind::Contribution => Text::EventContribution,
        Kind::Recognition => Text::EventRecognition,
        Kind::Membership => Text::EventMembership,
        Kind::Ratification => Text::EventRatification,
        Kind::Renewal => Text::EventRenewal,
        Kind::Other => Text::EventOther,
    }
}

/// The words of the widget this is called in (Leptos context, provided by
/// the widget's root for its language); English outside any widget. An
/// event handler or an async task runs outside the widget's reactive owner,
/// where no context is found: take `words()` where the component is built
/// and use that (the map's search box, the preview page's reading do).
pub fn words() -> Words {
    leptos::prelude::use_context::<Words>().unwrap_or_default()
}

/// `text` in the language of the widget this is called in.
pub fn t(text: Text<'_>) -> Cow<'static, str> {
    Cow::Owned(words().t(text))
}

#[cfg(test)]
mod tests;
