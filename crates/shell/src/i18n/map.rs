//! The map view's strings, served by [`super::t`] as `Text::Map`.

use std::borrow::Cow;

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

/// The English text of a map string.
pub fn map_text(text: MapText<'_>) -> Cow<'static, str> {
    use MapText::*;
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let s: &'static str = match text {
        Heading => "Where the projects reached",
        HeadingPartner => "Where the support reached",
        IntroUnnamed => "Places the fact sheet names without a project have a shade of their own.",
        Intro => "Countries reached by the matching projects, shaded by how many projects reached them; circles show the beneficiary figures the fact sheet gives, at the country or group it names.",
        ShowMap => "Map",
        ShowTable => "Table",
        Modes => "Show as",
        LoadingMap => "Loading the map…",
        MapFailed(why) => return format!("The map could not be loaded: {why} The table has every figure.").into(),
        NoCountries(url) => return format!("{url} holds no countries.").into(),
        NotAMap(url, why) => return format!("{url} is not a map file ({why}).").into(),
        ZoomGroup => "Zoom and move",
        MapLabel => "Map of the countries and groups reached",
        KeysHint => "Arrow keys move between the countries reached; Enter selects one.",
        Frames => "Zoom to",
        FrameWorld => "World",
        FrameAsiaPacific => "Asia and the Pacific",
        FrameAfrica => "Africa",
        ZoomIn => "Zoom in",
        ZoomOut => "Zoom out",
        PanWest => "Move west",
        PanEast => "Move east",
        PanNorth => "Move north",
        PanSouth => "Move south",
        Find => "Find a country",
        FindButton => "Find",
        NotFound(q) => return format!("No country or group named “{q}”.").into(),
        Found(name) => return format!("{name} selected.").into(),
        Legend => "Legend",
        Projects(n) => return plural(n, "project", "projects").into(),
        ProjectsOrMore(n) => return format!("{n} or more projects").into(),
        Origin(name) => return format!("{name}, where the South–South links start").into(),
        Link(name) => return format!("South–South link from {name}").into(),
        OriginPartner(name) => return format!("{name}, the development partner").into(),
        LinkPartner(name) => return format!("Support from {name}").into(),
        OriginHost(name) => return format!("{name}, host of the programmes").into(),
        Unnamed => "Reached without a named project",
        PlaceUnnamed(name) => return format!("{name}: reached without a named project").into(),
        Circles => "Circle area grows with the count (small counts have a minimum size). Counts are never added up or split.",
        FiguresShown => "Figures on the map",
        Unmapped => "Figures for groups whose members the fact sheet does not list are in the table only.",
        Projection => "Projection: Equal Earth.",
        Caption => "Countries and groups reached by the matching projects, with the beneficiary figures the fact sheet gives",
        ColPlace => "Country or group",
        ColProjects => "Projects",
        ColBeneficiaries => "Beneficiaries",
        ColUnit => "Unit",
        ColSource => "Source",
        GroupSuffix => " (group)",
        NoRows => "No country or group matches the current filters.",
        DetailsProjects(n) => return format!("{}:", plural(n, "matching project", "matching projects")).into(),
        NoProject(name) => return format!("No matching project reached {name}.").into(),
        GroupFigures(name) => return format!("Figures for groups that include {name}").into(),
        ShowAll => "Show all countries",
        Selected(name) => return format!("Selected: {name}").into(),
        PlaceLabel(name, n) => return format!("{name}: {}", plural(n, "matching project", "matching projects")).into(),
        NoFigure => "No beneficiary figure.",
    };
    s.into()
}
