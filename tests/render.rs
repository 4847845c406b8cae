//! The views render to HTML natively (Leptos `ssr`), with no browser: every
//! view of the China sheet, filtered and not. A browser call made while
//! rendering would panic here, so this pins down that rendering is free of
//! them (effects and handlers, which may call the browser, do not run).
//! Run by `make test` as `cargo test --features ssr --test render`.
#![cfg(feature = "ssr")]

use ilo_factsheet::model::{parse, SectionRole};
use ilo_factsheet::ui::snapshot::{render, render_with};
use ilo_factsheet_shell::ctx::Setting;

const CHINA: &str = include_str!("../data/china.json");

/// Text as it appears in HTML (what `to_html` escapes).
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_full_report_holds_every_section_and_paragraph() {
    let sheet = parse(CHINA).sheet;
    let html = render(CHINA, "");
    assert!(html.contains(&escaped(&sheet.meta.title)), "title");
    for section in &sheet.sections {
        assert!(html.contains(&format!("id=\"section-{}\"", section.id)), "section {}", section.id);
        assert!(html.contains(&escaped(&section.title)), "heading {}", section.title);
        if section.role == SectionRole::Contacts {
            continue; // shown from `contacts`, below
        }
        for p in section.all_paragraphs() {
            assert!(html.contains(&escaped(&p.text)), "paragraph {}", p.id);
        }
    }
    for c in &sheet.contacts {
        assert!(html.contains(&escaped(&c.name)), "contact {}", c.name);
        for link in &c.links {
            assert!(html.contains(&format!("href=\"{}\"", escaped(&link.url))), "link {}", link.url);
        }
    }
    assert_eq!(count(&html, "class=\"project-card"), sheet.projects.len());
    assert!(!html.contains("role=\"alert\""), "no problem alert for valid data");
}

#[test]
fn a_filtered_link_renders_only_what_matches() {
    let html = render(CHINA, "?q=Kenya");
    assert_eq!(count(&html, "class=\"project-card"), 1);
    assert!(html.contains("<mark>Kenya</mark>"));
}

#[test]
fn the_map_view_renders_its_table_and_the_matching_projects() {
    let html = render(CHINA, "?view=map&country=KEN");
    assert!(html.contains("class=\"map-view\""));
    // The geometry waits for the browser; the table twin does not.
    assert!(html.contains("data-place-row=\"KEN\""));
    assert_eq!(count(&html, "data-place-row="), 1);
    assert_eq!(count(&html, "class=\"project-card"), 1);
}

#[test]
fn the_funding_view_renders_its_charts() {
    let html = render(CHINA, "?view=funding");
    assert!(html.contains("class=\"funding\""));
    assert!(count(&html, "<svg") >= 4, "four charts");
    assert!(html.contains("US$ 8 million"));
}

#[test]
fn broken_data_renders_the_problems_and_the_rest() {
    let mut value: serde_json::Value = serde_json::from_str(CHINA).expect("china.json is JSON");
    value["projects"][1]["themes"] = serde_json::json!(["no-such-theme"]);
    let broken = value.to_string();
    let sheet = parse(CHINA).sheet;
    let html = render(&broken, "");
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("projects[1].themes"), "the problem's path is shown");
    // Everything valid still renders.
    assert!(count(&html, "class=\"project-card") >= sheet.projects.len() - 1);
    assert_eq!(count(&html, "class=\"fs-section\""), sheet.sections.len());
}

/// A start tag of rendered HTML: its name and attributes (values unescaped).
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The start tags of `html` as Leptos writes it: text is escaped (a `<` in
/// text is `&lt;`), attribute values are double-quoted with `"` escaped. A
/// `<` that is not a tag, comment or end tag fails the test: it would be
/// markup that came from data.
fn start_tags(html: &str) -> Vec<Tag> {
    let unescape = |v: &str| v.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        if rest.starts_with('/') || rest.starts_with('!') {
            // An end tag, or Leptos's `<!>` marker.
            continue;
        }
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_end].to_string();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "a `<` that starts no tag: {:?}",
            &rest[..rest.len().min(80)]
        );
        let mut attributes = Vec::new();
        let mut s = &rest[name_end..];
        loop {
            s = s.trim_start();
            if s.starts_with('>') || s.starts_with("/>") || s.is_empty() {
                break;
            }
            let end = s.find(|c: char| c.is_whitespace() || c == '=' || c == '>').unwrap_or(s.len());
            let attr = s[..end].to_string();
            s = &s[end..];
            let mut value = String::new();
            if let Some(after) = s.strip_prefix("=\"") {
                let close = after.find('"').expect("a closed attribute value");
                value = unescape(&after[..close]);
                s = &after[close + 1..];
            }
            attributes.push((attr, value));
        }
        rest = s;
        tags.push(Tag { name, attributes });
    }
    tags
}

/// Everything the hostile corpus might try to put in the page: no element
/// that loads or runs anything, no event-handler attribute, no address
/// attribute but `href`, and every `href` either the widget's own filter link
/// or an allowed scheme.
fn assert_inert(html: &str, what: &str) {
    const FORBIDDEN: [&str; 15] = [
        "script", "img", "iframe", "frame", "frameset", "object", "embed", "style", "link", "meta", "base", "audio",
        "video", "source", "template",
    ];
    for tag in start_tags(html) {
        assert!(!FORBIDDEN.contains(&tag.name.to_ascii_lowercase().as_str()), "{what}: a <{}> element", tag.name);
        for (name, value) in &tag.attributes {
            let name = name.to_ascii_lowercase();
            assert!(!name.starts_with("on"), "{what}: <{} {name}=…>", tag.name);
            assert!(
                !["src", "srcdoc", "action", "formaction", "xlink:href", "style"].contains(&name.as_str()),
                "{what}: <{} {name}={value:?}>",
                tag.name
            );
            if name == "href" {
                let own = value.starts_with('?') || value.starts_with('#');
                assert!(
                    own || ilo_factsheet::model::SafeUrl::parse(value).is_ok_and(|u| u.as_str() == value),
                    "{what}: href {value:?}"
                );
            }
        }
    }
}

#[test]
fn the_tag_reader_sees_markup_when_there_is_some() {
    // The check above must be able to fail.
    let tags =
        start_tags(r#"<p class="a">x &lt;img&gt;</p><!-- c --><img src="x" onerror="y"><a href="javascript:z">"#);
    let names: Vec<_> = tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["p", "img", "a"]);
    assert_eq!(tags[1].attributes, [("src".to_string(), "x".to_string()), ("onerror".to_string(), "y".to_string())]);
    let caught = std::panic::catch_unwind(|| assert_inert(r#"<a href="javascript:z">"#, "test"));
    assert!(caught.is_err(), "a javascript: href must fail the check");
    assert!(std::panic::catch_unwind(|| assert_inert(r#"<div onclick="x">"#, "test")).is_err());
    assert!(std::panic::catch_unwind(|| assert_inert(r#"<svg><script>x</script></svg>"#, "test")).is_err());
}

#[test]
fn hostile_files_render_as_text_with_no_markup_and_no_dangerous_link() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");
    let expect: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expect.json")).expect("expect.json"))
            .expect("json");
    assert!(expect.len() >= 20, "the corpus is there");
    for e in &expect {
        let name = e["name"].as_str().expect("name");
        let stored = std::fs::read(format!("{dir}/{name}")).expect("file");
        let mut bytes = Vec::new();
        if name.ends_with(".gz") {
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&stored[..]), &mut bytes).expect("gzip");
        } else {
            bytes = stored;
        }
        let text = String::from_utf8_lossy(&bytes);
        let queries =
            ["", "?view=projects", "?view=timeline", "?view=map", "?view=funding", "?q=onerror", "?q=script&view=map"];
        for query in queries {
            let html = render(&text, query);
            assert_inert(&html, &format!("{name} {query}"));
            match e["outcome"].as_str() {
                Some("clean") => assert!(!html.contains("role=\"alert\""), "{name} {query}: no alert"),
                _ => assert!(html.contains("role=\"alert\""), "{name} {query}: an alert"),
            }
            let embedded = render_with(&text, query, embed_setting());
            assert_inert(&embedded, &format!("{name} {query} embedded"));
            if e["outcome"] == "refused" {
                assert!(!html.contains("<h1"), "{name}: nothing but the alert");
            } else {
                assert!(html.contains("<h1"), "{name} {query}: the report");
            }
        }
    }
}

#[test]
fn a_refused_link_is_text_with_its_reason_beside_it() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile/dangerous-urls.json"))
            .expect("dangerous-urls.json");
    let html = render(&text, "");
    assert!(html.contains("Link 1</span>"), "the label shows as text");
    assert!(html.contains("the scheme `javascript:` is not allowed"), "with the reason");
    assert_eq!(count(&html, "class=\"link web link-refused\""), 23);
    assert!(
        html.contains(r#"href="https://www.ilo.org/beijing""#) && html.contains(r#"href="mailto:beijing@ilo.org""#)
    );
}

/// An embed of one view from `https://f.example/s/` (what `embed.js` on
/// another site asks for).
fn embed_setting() -> Setting {
    Setting {
        base: "https://f.example/s/".into(),
        sync_url: false,
        single_view: true,
        data_src: None,
        local_file: false,
    }
}

#[test]
fn an_embedded_view_stands_alone_and_links_to_the_full_report_on_its_site() {
    let html = render_with(CHINA, "?view=map&country=KHM", embed_setting());
    assert_eq!(count(&html, "<h1"), 0, "an embed leaves the page's first heading to the host");
    assert_eq!(count(&html, "class=\"views\""), 0, "no tabs");
    assert!(html.contains("China"), "the sheet's title");
    assert!(html
        .contains(r#"<a href="https://f.example/s/?country=KHM" target="_blank" rel="noopener" class="full-sheet">"#));
    // The button; its dialog is drawn when first pressed (a wasm chunk of its own).
    assert!(html.contains("Embed this view") && !html.contains("<dialog"));
    assert_inert(&html, "embedded map");
    // The full report on our own page: tabs and the embed button, no footer.
    let page = render(CHINA, "?view=map");
    assert_eq!(count(&page, "<h1"), 1);
    assert_eq!(count(&page, "class=\"views\""), 1);
    assert!(page.contains("Embed this view") && !page.contains("full-sheet"));
}

/// The China sheet with its projects repeated (new ids) up to `n`.
fn many_projects(n: usize) -> String {
    let mut sheet: serde_json::Value = serde_json::from_str(CHINA).expect("china.json");
    let projects = sheet["projects"].as_array().cloned().unwrap_or_default();
    let copies: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut p = projects[i % projects.len()].clone();
            p["id"] = format!("copy-{i}").into();
            p
        })
        .collect();
    sheet["projects"] = copies.into();
    sheet.to_string()
}

#[test]
fn a_long_project_list_shows_a_page_and_a_button_for_the_next() {
    let page = ilo_factsheet::query::page::PAGE;
    let html = render(&many_projects(2 * page + 10), "?view=projects");
    assert_eq!(count(&html, "class=\"project-card\""), page);
    assert!(html.contains(&format!("Show {page} more ({} not shown yet)", page + 10)), "the button says what it adds");
    // A short list: every card, no button.
    let html = render(CHINA, "?view=projects");
    assert_eq!(count(&html, "class=\"project-card\""), 5);
    assert!(!html.contains("show-more"));
}

#[test]
fn the_prerendered_parts_are_our_page_the_skeleton_and_each_view_as_an_embed_shows_it() {
    use ilo_factsheet::embed::BASE_PLACEHOLDER;
    use ilo_factsheet::ui::snapshot::parts;
    let parts = parts(CHINA);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    let views = ["full", "projects", "timeline", "map", "funding"];
    let mut expected: Vec<String> = vec!["page".into(), "skeleton".into()];
    expected.extend(views[1..].iter().map(|v| format!("page-{v}")));
    expected.extend(views.iter().map(|v| v.to_string()));
    for lang in ["fr", "es", "zh", "ar"] {
        expected.extend(views.iter().map(|v| format!("page-{v}-{lang}")));
        expected.extend(views.iter().map(|v| format!("{v}-{lang}")));
    }
    assert_eq!(names, expected);
    let part = |name: &str| &parts.iter().find(|(n, _)| n == name).expect(name).1;
    assert_eq!(part("page-map"), &render(CHINA, "view=map"));
    // In another language: our page's report and each embed, with that language's root.
    assert_eq!(part("page-full-ar"), &render(CHINA, "view=full&lang=ar"));
    assert!(part("page-full-ar").contains("lang=\"ar\" dir=\"rtl\""));
    assert!(part("map-zh").contains("lang=\"zh\" dir=\"ltr\"") && part("map-zh").contains(BASE_PLACEHOLDER));
    // Our page: the report as the URL-mirrored widget draws it, links relative to the page.
    assert_eq!(part("page"), &render(CHINA, ""));
    assert!(part("page").contains("href=\"?view=projects\""));
    assert!(!part("page").contains(BASE_PLACEHOLDER));
    assert!(part("skeleton").contains("class=\"skeleton\"") && !part("skeleton").contains("<h1"));
    // Embeds: links lead to the site (the placeholder embed.js fills in), never relative.
    for name in ["full", "projects", "timeline", "map", "funding"] {
        let html = part(name);
        assert!(html.contains(&format!("href=\"{BASE_PLACEHOLDER}")), "{name}: a link to the full report");
        assert!(!html.contains("href=\"?"), "{name}: no link relative to the host page");
        // A named view stands alone (a second-level title, no tabs); `full` is the whole report.
        assert_eq!(html.contains("class=\"views\""), name == "full", "{name}: tabs");
        assert_eq!(html.contains("embed-header"), name != "full", "{name}: embed title");
    }
    assert!(count(part("projects"), "class=\"project-card\"") >= 1);
}

#[test]
fn a_file_valid_before_the_format_grew_renders_exactly_as_the_china_sheet_does_today() {
    let before = std::fs::read_to_string("tests/fixtures/china-2026-07-format-1.json").expect("the fixture");
    for query in ["", "view=projects", "view=timeline", "view=map", "view=funding", "theme=skills"] {
        assert_eq!(render(&before, query), render(CHINA, query), "{query}");
    }
}

#[test]
fn every_new_construct_renders_in_every_view() {
    let text = std::fs::read_to_string("tests/fixtures/donor-constructs.json").expect("the fixture");
    let projects = render(&text, "view=projects");
    assert!(projects.contains("Launched 2004; Renewed 2018–2020"), "phases on the card");
    assert!(projects.contains("2004–2020"), "the period from the phases");
    let timeline = render(&text, "view=timeline");
    assert!(timeline.contains("Membership") && timeline.contains("Renewal"), "event kinds");
    let funding = render(&text, "view=funding");
    for words in [
        "Assessed contribution (regular budget)",
        "Voluntary non-core funding",
        "Support without a stated amount",
        "Secondments through the Expert Programme (In kind, 2018–2022)",
        "US$ 63.1 million",
    ] {
        assert!(funding.contains(&escaped(words)), "funding: {words}");
    }
    let map = render(&text, "view=map");
    assert!(map.contains("Where the support reached"), "a development partner's map heading");
    assert!(map.contains("shade of their own"), "the intro names the places without a project");
    let full = render(&text, "");
    assert!(!full.contains("class=\"published\""), "no publication date, no date line");
    assert!(full.contains("Ministry of Employment and Labour"), "a partner without an acronym, in full");
    assert!(full.contains("Testland"));
    // The problems of the fixture (a project without a period, a stated total without an amount) are listed.
    assert!(full.contains("projects[1].period") && full.contains("contributions[4].amount"));
}

/// The English interface strings long enough to be told apart from content
/// (no placeholders), as they would appear in HTML.
fn english_phrases() -> Vec<String> {
    let english: serde_json::Value = serde_json::from_str(ilo_factsheet_shell::i18n::ENGLISH).unwrap_or_default();
    let data = [CHINA, include_str!("../data/korea.json")].concat();
    english
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| !k.starts_with('@'))
        .filter_map(|(_, v)| v.as_str())
        .filter(|s| s.len() >= 12 && !s.contains('{') && !data.contains(*s))
        .map(escaped)
        .collect()
}

#[test]
fn every_view_renders_in_each_language_with_no_english_interface_words_left() {
    use ilo_factsheet::i18n::Lang;
    let phrases = english_phrases();
    assert!(phrases.len() > 80, "{} English phrases to look for", phrases.len());
    for lang in Lang::ALL.into_iter().skip(1) {
        for (sheet, query) in [
            (CHINA, ""),
            (CHINA, "view=projects&theme=skills"),
            (CHINA, "view=timeline"),
            (CHINA, "view=map"),
            (CHINA, "view=funding"),
            (CHINA, "q=nothing-matches-this"),
            (include_str!("../data/korea.json"), "view=funding"),
            (include_str!("../data/korea.json"), "view=map"),
        ] {
            let query = format!("{query}&lang={}", lang.code());
            let html = render(sheet, &query);
            let dir = if lang == Lang::Ar { "rtl" } else { "ltr" };
            assert!(
                html.contains(&format!("lang=\"{}\" dir=\"{dir}\"", lang.code())),
                "{query}: lang and dir on the root"
            );
            let left: Vec<&String> = phrases.iter().filter(|p| html.contains(p.as_str())).collect();
            // The language's own words are there: the heading of the filters.
            let words = ilo_factsheet_shell::i18n::Words::new(
                ilo_factsheet::i18n::Catalogue::parse(lang, ilo_factsheet_shell::i18n::bundled(lang)).unwrap(),
            );
            let filters = escaped(&words.t(ilo_factsheet_shell::i18n::Text::Filters));
            assert!(html.contains(&filters), "{query}: {filters}");
            assert!(left.is_empty(), "{query}: English left: {left:?}");
        }
    }
    // And English is what a page without `lang` speaks.
    assert!(render(CHINA, "").contains("lang=\"en\" dir=\"ltr\""));
}

#[test]
fn a_text_given_in_the_interface_language_shows_unmarked_and_the_others_keep_their_own_lang() {
    let mut sheet: serde_json::Value = serde_json::from_str(CHINA).unwrap();
    let title = sheet["sections"][0]["title"].clone();
    // A test's own French words, not the sheet's.
    sheet["sections"][0]["title"] = serde_json::json!({"en": title, "fr": "Titre de section en français"});
    let text = serde_json::to_string(&sheet).unwrap();
    let french = render(&text, "lang=fr");
    assert!(french.contains("<h2>Titre de section en français</h2>"), "the French text, unmarked");
    let subtitle = escaped(&parse(CHINA).sheet.meta.subtitle);
    assert!(
        french.contains(&format!("<p lang=\"en\" dir=\"auto\" class=\"subtitle\">{subtitle}</p>")),
        "a text without French shows in English, marked as such"
    );
    let english = render(&text, "");
    assert!(english.contains(&format!("<h2>{}</h2>", escaped(title.as_str().unwrap_or_default()))));
    assert!(!english.contains("Titre de section"), "English readers see the English text");
    assert!(!english.contains("dir=\"auto\""), "nothing is marked when the interface speaks the sheet's language");
}
