//! Large synthetic fact sheets for benchmarks and scale tests: every part of
//! the format filled (lead, sections with subsections and closing paragraphs,
//! a contacts section, themes, partners with parents, countries and nested
//! groups, events with figures, projects with funding, figures and results,
//! contributions of every kind, contacts with links), from a seed.
//!
//! Built from the core's own types, so the sheet is valid by construction
//! (the tests parse and validate it). Nothing in it is a fact: titles, texts
//! and quotes say "Synthetic"; the country codes are real so the map draws
//! them. The same seed gives the same text, byte for byte (a splitmix64
//! generator, no hash map in the output path).
//!
//! Size: 10,000 projects fit under the 4 MB a reader takes (about 3.8 MB)
//! because projects are lean (about 370 bytes: short ids, one-line texts,
//! figures and results on one project in six) and the JSON leaves out what
//! reads back as the default (empty lists, the `exact` qualifier). A project
//! as full as the China sheet's (about 2 KB) would allow some 2,000.

use ilo_factsheet_core::model::*;
use serde_json::Value;

/// The sheet with `projects` projects, as JSON text (compact).
pub fn sheet_json(projects: usize, seed: u64) -> String {
    sheet(projects, seed).to_string()
}

/// The sheet as a JSON value, empty lists left out.
pub fn sheet(projects: usize, seed: u64) -> Value {
    let mut value = serde_json::to_value(fact_sheet(projects, seed)).expect("the format's types always serialize");
    prune(&mut value);
    value
}

/// The sheet as the core's types, for benchmarks that skip parsing.
pub fn fact_sheet(projects: usize, seed: u64) -> FactSheet {
    let themes = pairs(THEMES).map(|(id, _)| id).collect();
    let mut g = Gen { rng: Rng(seed), countries: countries(), themes, projects };
    let home = g.rng.below(g.countries.len());
    let (code, name, _) = g.countries[home];
    let sections = g.sections();
    FactSheet {
        format_version: FORMAT_VERSION,
        meta: Meta {
            country: code.into(),
            country_name: format!("{name} (synthetic)"),
            title: format!("Synthetic sheet: {projects} projects").into(),
            subtitle: format!("Generated data for benchmarks, not facts (seed {seed})").into(),
            published: Some(PartialDate { year: 2026, month: Some(7) }),
            language: "en".into(),
            lead: Some(g.paragraph("lead".into(), ParagraphKind::Text)),
            roles: Vec::new(),
            source: SourceDocument {
                title: format!("Synthetic source document (seed {seed})"),
                url: Some("https://example.org/synthetic-factsheet".into()),
                file: None,
            },
        },
        highlights: highlights(projects),
        themes: pairs(THEMES).map(|(id, name)| Theme { id: id.into(), name: name.into() }).collect(),
        partners: partners(),
        geographies: geographies(&g.countries),
        reach: Vec::new(),
        events: (0..EVENTS).map(|i| g.event(i)).collect(),
        projects: (0..projects).map(|i| g.project(i)).collect(),
        contributions: (0..CONTRIBUTIONS).map(|i| g.contribution(i)).collect(),
        contacts: contacts(),
        sections,
    }
}

const EVENTS: usize = 300;
const CONTRIBUTIONS: usize = 40;
const PARTNERS: usize = 50;
/// Projects described in subsections of the projects section.
const SUBSECTIONS: usize = 40;

/// Theme ids and names; the ids are short so 10,000 projects fit in 4 MB.
const THEMES: &str = "skills Skills development,apprentices Quality apprenticeships,job-services Employment services,\
    protection Social protection,osh Occupational safety and health,inspection Labour inspection,\
    green-jobs Green jobs,transition Just transition,youth Youth employment,gender Gender equality,\
    child-labour Child labour,forced-labour Forced labour,migration Labour migration,dialogue Social dialogue,\
    wages Wages,conditions Working conditions,enterprises Enterprise development,cooperatives Cooperatives,\
    informal Informal economy,rural Rural economy,disability Disability inclusion,statistics Labour statistics,\
    standards International labour standards,decent-work Decent work,care Care economy,digital Digital economy,\
    crisis Crisis response,maritime Maritime labour,supply-chains Supply chains,productivity Productivity";
const ACTIONS: &str = "Strengthening,Extending,Building,Promoting,Improving,Supporting,Scaling up,Piloting,\
    Modernising,Reforming";
const TOPICS: &str = "skills systems,social protection floors,workplace safety,labour inspection,green jobs,\
    youth employment,apprenticeships,wage policies,employment services,rural enterprises,cooperatives,\
    migrant worker protection,child labour elimination,equal pay,social dialogue,platform work,care jobs,\
    informal economy transitions,disability inclusion,just transition,labour statistics,minimum wages,\
    seafarers' rights,mining safety,garment supply chains";
const GROUPS: &str = "young women,rural workers,migrant workers,small enterprises,domestic workers,trainees,\
    labour inspectors,employers' organizations,trade unions,informal workers";
const UNITS: &str = "workers,trainees,enterprises,labour inspectors,TVET institutions,households,participants,\
    officials";
const OUTCOMES: &str = "improved,assessed,written into law,taught to trainers,costed and budgeted,reviewed by peers";
const KINDS: [(PartnerKind, &str); 8] = [
    (PartnerKind::Government, "Ministry of Labour"),
    (PartnerKind::WorkersOrganization, "Trade Union Federation"),
    (PartnerKind::EmployersOrganization, "Employers' Confederation"),
    (PartnerKind::Academic, "Institute of Work Studies"),
    (PartnerKind::UnitedNations, "United Nations Agency"),
    (PartnerKind::Fund, "Development Fund"),
    (PartnerKind::Forum, "Regional Forum"),
    (PartnerKind::Other, "Foundation"),
];
const EVENT_KINDS: [(EventKind, &str); 10] = [
    (EventKind::Agreement, "agreement"),
    (EventKind::Mou, "memorandum"),
    (EventKind::Launch, "launch"),
    (EventKind::Visit, "visit"),
    (EventKind::Meeting, "meeting"),
    (EventKind::Publication, "report"),
    (EventKind::Establishment, "office"),
    (EventKind::Contribution, "pledge"),
    (EventKind::Recognition, "award"),
    (EventKind::Other, "exchange"),
];
const QUALIFIERS: [Qualifier; 6] =
    [Qualifier::Exact, Qualifier::Exact, Qualifier::Exact, Qualifier::Over, Qualifier::MoreThan, Qualifier::TotalOf];

/// Real ISO alpha-3 codes (all on the map) with their names, by ILO region.
const REGIONS: [(&str, &str, &str); 5] = [
    (
        "africa",
        "Africa",
        "AGO Angola,BEN Benin,BWA Botswana,BFA Burkina Faso,BDI Burundi,CPV Cabo Verde,CMR Cameroon,\
        CAF Central African Republic,TCD Chad,COM Comoros,COG Congo,COD Democratic Republic of the Congo,\
        CIV Côte d'Ivoire,DJI Djibouti,DZA Algeria,EGY Egypt,ERI Eritrea,SWZ Eswatini,ETH Ethiopia,GAB Gabon,\
        GMB Gambia,GHA Ghana,GIN Guinea,GNB Guinea-Bissau,KEN Kenya,LSO Lesotho,LBR Liberia,LBY Libya,MDG Madagascar,\
        MWI Malawi,MLI Mali,MRT Mauritania,MUS Mauritius,MAR Morocco,MOZ Mozambique,NAM Namibia,NER Niger,\
        NGA Nigeria,RWA Rwanda,SEN Senegal,SLE Sierra Leone,SOM Somalia,ZAF South Africa,SSD South Sudan,SDN Sudan,\
        TZA Tanzania,TGO Togo,TUN Tunisia,UGA Uganda,ZMB Zambia,ZWE Zimbabwe",
    ),
    (
        "americas",
        "Americas",
        "ARG Argentina,BHS Bahamas,BRB Barbados,BLZ Belize,BOL Bolivia,BRA Brazil,CAN Canada,\
        CHL Chile,COL Colombia,CRI Costa Rica,CUB Cuba,DOM Dominican Republic,ECU Ecuador,SLV El Salvador,\
        GTM Guatemala,GUY Guyana,HTI Haiti,HND Honduras,JAM Jamaica,MEX Mexico,NIC Nicaragua,PAN Panama,PRY Paraguay,\
        PER Peru,SUR Suriname,TTO Trinidad and Tobago,USA United States,URY Uruguay,VEN Venezuela",
    ),
    (
        "arab-states",
        "Arab States",
        "BHR Bahrain,IRQ Iraq,JOR Jordan,KWT Kuwait,LBN Lebanon,OMN Oman,QAT Qatar,\
        SAU Saudi Arabia,SYR Syria,ARE United Arab Emirates,YEM Yemen,PSE Palestine",
    ),
    (
        "asia-pacific",
        "Asia and the Pacific",
        "AFG Afghanistan,AUS Australia,BGD Bangladesh,BTN Bhutan,BRN Brunei,\
        KHM Cambodia,CHN China,FJI Fiji,IND India,IDN Indonesia,IRN Iran,JPN Japan,KIR Kiribati,LAO Laos,\
        MYS Malaysia,MDV Maldives,MNG Mongolia,MMR Myanmar,NPL Nepal,NZL New Zealand,PAK Pakistan,\
        PNG Papua New Guinea,PHL Philippines,KOR Republic of Korea,WSM Samoa,SGP Singapore,SLB Solomon Islands,\
        LKA Sri Lanka,THA Thailand,TLS Timor-Leste,TON Tonga,VUT Vanuatu,VNM Viet Nam",
    ),
    (
        "europe-central-asia",
        "Europe and Central Asia",
        "ALB Albania,ARM Armenia,AUT Austria,AZE Azerbaijan,\
        BEL Belgium,BIH Bosnia and Herzegovina,BGR Bulgaria,HRV Croatia,CYP Cyprus,CZE Czechia,DNK Denmark,\
        EST Estonia,FIN Finland,FRA France,GEO Georgia,DEU Germany,GRC Greece,HUN Hungary,ISL Iceland,IRL Ireland,\
        ITA Italy,KAZ Kazakhstan,KGZ Kyrgyzstan,LVA Latvia,LTU Lithuania,LUX Luxembourg,MLT Malta,MDA Moldova,\
        MNE Montenegro,NLD Netherlands,MKD North Macedonia,NOR Norway,POL Poland,PRT Portugal,ROU Romania,SRB Serbia,\
        SVK Slovakia,SVN Slovenia,ESP Spain,SWE Sweden,CHE Switzerland,TJK Tajikistan,TUR Türkiye,TKM Turkmenistan,\
        UKR Ukraine,GBR United Kingdom,UZB Uzbekistan",
    ),
];
/// Small groups of neighbours (members listed) and one group without a member list.
const CLUSTERS: usize = 12;
const UNLISTED: &str = "synthetic-network";

/// splitmix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// One item of a comma-separated list.
    fn pick(&mut self, list: &'static str) -> &'static str {
        let n = list.split(',').count();
        list.split(',').nth(self.below(n)).unwrap_or(list)
    }
    /// Mostly none, now and then one or two (figures, results: they weigh).
    fn few(&mut self) -> usize {
        match self.below(20) {
            0..=16 => 0,
            17 | 18 => 1,
            _ => 2,
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn year(&mut self, from: i32, to: i32) -> i32 {
        from + self.below((to - from + 1) as usize) as i32
    }
    /// Up to `k` distinct numbers below `n`, in the order drawn.
    fn some(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for _ in 0..k.min(n) {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

struct Gen {
    rng: Rng,
    countries: Vec<(&'static str, &'static str, &'static str)>,
    /// Theme ids.
    themes: Vec<&'static str>,
    projects: usize,
}

impl Gen {
    fn themes(&mut self, k: usize) -> Vec<String> {
        self.rng.some(self.themes.len(), k).into_iter().map(|i| self.themes[i].to_string()).collect()
    }
    fn partners(&mut self, k: usize) -> Vec<String> {
        self.rng.some(PARTNERS, k).into_iter().map(partner_id).collect()
    }
    /// Mostly countries; now and then a region, a cluster or the unlisted group.
    fn geographies(&mut self, k: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for _ in 0..k {
            let id = match self.rng.below(100) {
                0..=9 => REGIONS[self.rng.below(REGIONS.len())].0.to_string(),
                10..=15 => format!("cluster-{}", self.rng.below(CLUSTERS)),
                16 => UNLISTED.to_string(),
                17 => "world".to_string(),
                _ => self.countries[self.rng.below(self.countries.len())].0.to_string(),
            };
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
    fn place(&mut self) -> &'static str {
        self.countries[self.rng.below(self.countries.len())].1
    }
    fn sentence(&mut self) -> String {
        let (action, topic, group) = (self.rng.pick(ACTIONS), self.rng.pick(TOPICS), self.rng.pick(GROUPS));
        let (place, year) = (self.place(), self.rng.year(1990, 2030));
        format!("Synthetic text: {} {topic} for {group} in {place} since {year}.", action.to_lowercase())
    }
    fn paragraph(&mut self, id: String, kind: ParagraphKind) -> Paragraph {
        let (t, p, g) = (self.rng.below(3), self.rng.below(3), self.rng.below(3));
        let text = self.sentence();
        Paragraph {
            id,
            kind,
            text: text.into(),
            themes: self.themes(t),
            partners: self.partners(p),
            geographies: self.geographies(g),
        }
    }
    fn paragraphs(&mut self, prefix: &str, n: usize) -> Vec<Paragraph> {
        (0..n)
            .map(|i| {
                let kind = if i % 5 >= 3 { ParagraphKind::ListItem } else { ParagraphKind::Text };
                self.paragraph(format!("{prefix}-{i}"), kind)
            })
            .collect()
    }
    fn source(&mut self, section: &str, what: &str) -> Source {
        let quote = format!("Synthetic quote on {what} about {}.", self.rng.pick(TOPICS));
        Source { section: section.into(), quote }
    }
    fn money(&mut self) -> Money {
        let amount_usd = (1 + self.rng.below(2000)) as f64 * 10_000.0;
        Money { amount_usd, qualifier: QUALIFIERS[self.rng.below(QUALIFIERS.len())] }
    }
    fn figure(&mut self, id: String, geography: String, section: &str) -> Figure {
        let value = (1 + self.rng.below(500)) as f64 * [1.0, 10.0, 100.0][self.rng.below(3)];
        Figure {
            unit: self.rng.pick(UNITS).into(),
            qualifier: QUALIFIERS[self.rng.below(QUALIFIERS.len())],
            cumulative: self.rng.chance(20),
            source: Source { section: section.into(), quote: "Synthetic.".into() },
            id,
            value,
            geography,
        }
    }

    fn sections(&mut self) -> Vec<Section> {
        let text = |g: &mut Gen, id: &str, title: &str, n: usize| Section {
            id: id.into(),
            title: title.into(),
            paragraphs: g.paragraphs(id, n),
            ..Section::default()
        };
        let mut projects = text(self, "projects", "Synthetic current and recent projects", 2);
        projects.subsections = (0..SUBSECTIONS.min(self.projects))
            .map(|i| Subsection {
                id: format!("projects-p-{i}"),
                title: format!("Synthetic project {i}").into(),
                project: Some(project_id(i)),
                paragraphs: self.paragraphs(&format!("projects-p-{i}"), 1 + i % 3),
            })
            .collect();
        projects.closing = self.paragraphs("projects-closing", 2);
        let contact_lines = contacts().into_iter().flat_map(|c| std::iter::once(c.name).chain(c.lines));
        let contact = Section {
            id: "contact".into(),
            title: "Synthetic contact details".into(),
            role: SectionRole::Contacts,
            paragraphs: contact_lines
                .enumerate()
                .map(|(i, text)| Paragraph { id: format!("contact-{i}"), text: text.into(), ..Paragraph::default() })
                .collect(),
            ..Section::default()
        };
        vec![
            text(self, "overview", "Synthetic overview", 12),
            text(self, "cooperation", "Synthetic cooperation", 15),
            projects,
            text(self, "funding", "Synthetic funding", 8),
            text(self, "results", "Synthetic results", 10),
            contact,
        ]
    }

    fn event(&mut self, i: usize) -> Event {
        let (kind, word) = EVENT_KINDS[self.rng.below(EVENT_KINDS.len())];
        let year = self.rng.year(1990, 2030);
        let month = if self.rng.chance(50) { Some(1 + self.rng.below(12) as u8) } else { None };
        let (t, p, g) = (self.rng.below(3), self.rng.below(3), 1 + self.rng.below(2));
        let geographies = self.geographies(g);
        let figures = match geographies.first() {
            Some(place) if self.rng.chance(10) => vec![self.figure(format!("e-{i}-f"), place.clone(), "cooperation")],
            _ => Vec::new(),
        };
        let project = (self.projects > 0 && self.rng.chance(30)).then(|| project_id(self.rng.below(self.projects)));
        Event {
            id: format!("e-{i}"),
            date: PartialDate { year, month },
            kind,
            title: format!("Synthetic {word} {i} on {}", self.rng.pick(TOPICS)).into(),
            partners: self.partners(p),
            themes: self.themes(t),
            geographies,
            project,
            figures,
            source: self.source("cooperation", &format!("event {i}")),
        }
    }

    fn project(&mut self, i: usize) -> Project {
        let id = project_id(i);
        let (action, topic, group) = (self.rng.pick(ACTIONS), self.rng.pick(TOPICS), self.rng.pick(GROUPS));
        let start = self.rng.year(1990, 2030);
        let end = (start + self.rng.below(10) as i32).min(2030);
        let (f, p, t, g) = (self.rng.below(2), self.rng.below(3), 1 + self.rng.below(2), 1 + self.rng.below(2));
        let geographies = self.geographies(g);
        let funding = self.rng.chance(70).then(|| self.money());
        let funding_source = (funding.is_some() && self.rng.chance(10))
            .then(|| Source { section: "funding".into(), quote: "Synthetic funding.".into() });
        let figures = (0..self.rng.few())
            .map(|k| {
                let place = geographies[self.rng.below(geographies.len())].clone();
                self.figure(format!("{id}-f{k}"), place, "projects")
            })
            .collect();
        let results = (0..self.rng.few())
            .map(|_| {
                let (topic, place) = (self.rng.pick(TOPICS), self.place());
                format!("{topic} {} in {place}", self.rng.pick(OUTCOMES)).into()
            })
            .collect();
        Project {
            title: format!("Synthetic project {i}: {action} {topic}").into(),
            period: Period { start, end },
            phases: Vec::new(),
            funders: self.partners(f),
            funding,
            funding_source,
            partners: self.partners(p),
            themes: self.themes(t),
            geographies,
            summary: format!("For {group} in {}.", self.place()).into(),
            figures,
            results,
            source: Source { section: "projects".into(), quote: "Synthetic.".into() },
            id,
        }
    }

    fn contribution(&mut self, i: usize) -> Contribution {
        let kind = [ContributionKind::Agreement, ContributionKind::Staffing, ContributionKind::StatedTotal][i % 3];
        let start = self.rng.year(1990, 2030);
        let (f, t) = (self.rng.below(3), self.rng.below(3));
        Contribution {
            id: format!("c-{i}"),
            title: format!("Synthetic contribution {i} for {}", self.rng.pick(TOPICS)).into(),
            kind,
            funders: self.partners(f),
            amount: Some(self.money()),
            period: Some(Period { start, end: (start + self.rng.below(5) as i32).min(2030) }),
            themes: self.themes(t),
            source: self.source("funding", &format!("contribution {i}")),
        }
    }
}

fn project_id(i: usize) -> String {
    format!("p-{i}")
}

fn partner_id(i: usize) -> String {
    format!("o-{i}")
}

/// `id Name,id Name` as pairs.
fn pairs(list: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    list.split(',').filter_map(|entry| entry.split_once(' '))
}

/// Every country of [`REGIONS`]: code, name, region id.
fn countries() -> Vec<(&'static str, &'static str, &'static str)> {
    REGIONS.iter().flat_map(|&(region, _, list)| pairs(list).map(move |(code, name)| (code, name, region))).collect()
}

fn highlights(projects: usize) -> Vec<Highlight> {
    let one = |id: &str, figure: String, label: &str| Highlight {
        id: id.into(),
        figure: figure.into(),
        label: label.into(),
        source: Source { section: "lead".into(), quote: format!("Synthetic quote: {label}.") },
    };
    vec![
        one("projects", projects.to_string(), "synthetic projects"),
        one("themes", pairs(THEMES).count().to_string(), "synthetic themes"),
        one("partners", PARTNERS.to_string(), "synthetic partners"),
        one("events", EVENTS.to_string(), "synthetic events"),
    ]
}

fn partners() -> Vec<Partner> {
    (0..PARTNERS)
        .map(|i| {
            let (kind, base) = KINDS[i % KINDS.len()];
            let initials: String =
                base.split(' ').filter_map(|w| w.chars().next()).filter(char::is_ascii_uppercase).collect();
            Partner {
                id: partner_id(i),
                short_name: format!("S{initials}-{i}"),
                name: format!("Synthetic {base} {i}"),
                kind,
                parent: (i >= KINDS.len() && i % 5 == 0).then(|| partner_id(i - KINDS.len())),
            }
        })
        .collect()
}

fn geographies(countries: &[(&'static str, &'static str, &'static str)]) -> Vec<Geography> {
    let group = |id: &str, name: &str, members: Option<Vec<String>>, note: Option<&str>| Geography {
        id: id.into(),
        kind: GeographyKind::Group,
        name: name.into(),
        members,
        members_note: note.map(Into::into),
    };
    let mut out: Vec<Geography> = countries
        .iter()
        .map(|&(id, name, _)| Geography {
            id: id.into(),
            kind: GeographyKind::Country,
            name: name.into(),
            ..Geography::default()
        })
        .collect();
    for &(region, name, _) in &REGIONS {
        let members = countries.iter().filter(|c| c.2 == region).map(|c| c.0.to_string()).collect();
        out.push(group(region, name, Some(members), Some("Synthetic: ILO regions as reference data")));
    }
    // A group of groups, so nested groups are followed.
    let regions = REGIONS.iter().map(|r| r.0.to_string()).collect();
    out.push(group("world", "Synthetic world of all regions", Some(regions), None));
    for k in 0..CLUSTERS {
        let members = (0..3).map(|j| countries[(k * 13 + j * 5) % countries.len()].0.to_string()).collect();
        out.push(group(&format!("cluster-{k}"), &format!("Synthetic cluster {k}"), Some(members), None));
    }
    out.push(group(UNLISTED, "Synthetic network of more than 80 countries", None, None));
    out
}

fn contacts() -> Vec<Contact> {
    let link = |kind, label: &str, url: &str| Link { kind, label: label.into(), url: url.into() };
    vec![
        Contact {
            id: "office".into(),
            name: "Synthetic country office".into(),
            lines: vec!["1 Example Street".into(), "Example City 0000".into()],
            links: vec![
                link(LinkKind::Web, "example.org/synthetic", "https://example.org/synthetic"),
                link(LinkKind::Email, "E: synthetic@example.org", "mailto:synthetic@example.org"),
                link(LinkKind::Phone, "T: +00 000 000 0000", "tel:+0000000000000"),
            ],
        },
        Contact {
            id: "unit".into(),
            name: "Synthetic partnerships unit".into(),
            lines: vec!["PARTNERSHIPS - Example".into()],
            links: vec![link(LinkKind::Web, "http://example.org/unit", "http://example.org/unit")],
        },
    ]
}

/// Leaves out what a reader takes as the default: empty lists (every list of
/// the format may be absent) and the `exact` qualifier.
fn prune(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, v| match v {
                Value::Array(a) => !a.is_empty(),
                Value::String(s) => !(key == "qualifier" && s == "exact"),
                _ => true,
            });
            map.values_mut().for_each(prune);
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}
