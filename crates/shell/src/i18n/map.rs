//! The map view's strings: keys `map.*` of the catalogues, served by
//! [`super::t`] as `Text::Map`.

use std::borrow::Cow;

use super::keyed::keyed;
use super::{Arg, Said};

keyed! {
    prefix "map.";
    /// A string of the map view, with its parameters.
    #[derive(Debug, Clone, PartialEq)]
    pub enum MapText<'a> {
        Heading,
        /// The heading for a development partner's sheet: its support, not its projects.
        HeadingPartner,
        /// The intro's sentence on places reached without a named project.
        IntroUnnamed,
        Intro,
        ShowMap,
        ShowTable,
        Modes,
        LoadingMap,
        MapFailed(&'a str),
        NoCountries(&'a str),
        NotAMap(&'a str, &'a str),
        ZoomGroup,
        MapLabel,
        KeysHint,
        Frames,
        FrameWorld,
        FrameAsiaPacific,
        FrameAfrica,
        /// The frame of the places the selection reached (a phone opens on it).
        FrameReached,
        ZoomIn,
        ZoomOut,
        PanWest,
        PanEast,
        PanNorth,
        PanSouth,
        Find,
        FindButton,
        NotFound(&'a str),
        Found(&'a str),
        Legend,
        Projects(usize),
        ProjectsOrMore(usize),
        Origin(&'a str),
        Link(&'a str),
        /// The sheet's country, and the links from it, as a development partner.
        OriginPartner(&'a str),
        LinkPartner(&'a str),
        /// The sheet's country as host of ILO programmes only.
        OriginHost(&'a str),
        /// Countries reached without a named project: the legend key, and a place's label.
        Unnamed,
        PlaceUnnamed(&'a str),
        Circles,
        FiguresShown,
        Unmapped,
        Projection,
        Caption,
        ColPlace,
        ColProjects,
        ColBeneficiaries,
        ColUnit,
        ColSource,
        GroupSuffix,
        NoRows,
        DetailsProjects(usize),
        NoProject(&'a str),
        GroupFigures(&'a str),
        ShowAll,
        Selected(&'a str),
        PlaceLabel(&'a str, usize),
        NoFigure,
    }
}

impl<'a> MapText<'a> {
    pub fn said(&self) -> Said<'a> {
        use MapText::*;
        let s = |v: &&'a str| Arg::Text(Cow::Borrowed(*v));
        let args = match self {
            MapFailed(why) => vec![("why", s(why))],
            NoCountries(url) => vec![("url", s(url))],
            NotAMap(url, why) => vec![("url", s(url)), ("why", s(why))],
            NotFound(q) => vec![("q", s(q))],
            Found(name) | Origin(name) | Link(name) | OriginPartner(name) | LinkPartner(name) | OriginHost(name)
            | PlaceUnnamed(name) | NoProject(name) | GroupFigures(name) | Selected(name) => vec![("name", s(name))],
            Projects(n) | ProjectsOrMore(n) | DetailsProjects(n) => vec![("n", Arg::from(*n))],
            PlaceLabel(name, n) => vec![("name", s(name)), ("n", Arg::from(*n))],
            _ => vec![],
        };
        Said { key: self.key(), args }
    }
}
