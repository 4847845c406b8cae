//! `embed.js` holds no copy of the widget's rules: every value of
//! `embed::Protocol` (option keys, views, colour schemes, languages, event
//! names, …) reaches it through the build (`/*ILO_PROTOCOL*/`), so none is
//! written in its code. `tests/e2e/protocol.test.mjs` checks what the build
//! wrote and that both halves choose alike in a browser.

use std::path::Path;

use ilo_factsheet_core::embed::Protocol;

#[test]
fn embed_js_writes_no_rule_of_the_protocol_itself() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/embed.js");
    let source = std::fs::read_to_string(path).expect("public/embed.js");
    assert_eq!(source.matches("/*ILO_PROTOCOL*/{}").count(), 1, "one place for the build to fill in");
    let code: Vec<&str> = source.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
    let quoted = |value: &str| [format!("'{value}'"), format!("\"{value}\""), format!("`{value}`")];
    let p = Protocol::current();
    // Values: none written.
    let mut values: Vec<&str> = Vec::new();
    values.extend(p.views.iter().chain(&p.languages).chain(&p.schemes).chain(&p.url_sync_off));
    values.extend(p.not_spoken.iter().map(|(_, subtag)| subtag));
    values.extend([p.ready_event, p.height_message, p.placeholder, p.data]);
    for value in values {
        for quoted in quoted(value) {
            let copies: Vec<&&str> = code.iter().filter(|l| l.contains(&quoted)).collect();
            assert!(copies.is_empty(), "embed.js writes {quoted} itself: {copies:?}");
        }
    }
    // Keys: one may be named where the code asks for it (`ask.get('view')`),
    // but no line lists several (a list of options of its own).
    for line in &code {
        let named = p.options.iter().filter(|k| quoted(k).iter().any(|q| line.contains(q.as_str()))).count();
        assert!(named < 2, "embed.js lists option keys itself: {line}");
    }
}
