//! The catalogues against the code: every key the code names is in each
//! language, nothing else is, and each translation keeps English's
//! placeholders and its own plural forms.

use std::collections::BTreeSet;

use super::*;
use crate::model::{Counts, Figure, Money, PartialDate, Qualifier};

fn catalogue(lang: Lang) -> Catalogue {
    Catalogue::parse(lang, bundled(lang)).unwrap_or_else(|e| panic!("i18n/{}.json: {e}", lang.code()))
}

#[test]
fn english_holds_exactly_the_keys_the_code_names() {
    let code: BTreeSet<&str> = Text::all_keys().collect();
    let english = catalogue(Lang::En);
    let file: BTreeSet<&str> = english.keys().collect();
    let missing: Vec<_> = code.difference(&file).collect();
    let unused: Vec<_> = file.difference(&code).collect();
    assert!(missing.is_empty(), "keys the code names that i18n/en.json lacks: {missing:?}");
    assert!(unused.is_empty(), "keys of i18n/en.json no message of the code has: {unused:?}");
}

#[test]
fn every_language_translates_every_message() {
    let english = catalogue(Lang::En);
    for lang in Lang::ALL.into_iter().skip(1) {
        let problems = catalogue(lang).check(&english);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        let text = bundled(lang);
        assert!(
            text.contains(&format!("\"@lang\": \"{}\"", lang.code())),
            "i18n/{}.json names its language",
            lang.code()
        );
    }
}

#[test]
fn translations_differ_from_english() {
    let english = catalogue(Lang::En);
    for lang in Lang::ALL.into_iter().skip(1) {
        let c = catalogue(lang);
        let same: Vec<&str> = english.keys().filter(|k| c.get(k) == english.get(k)).collect();
        // Short technical words (CSV, a dash between years) may stay as they are.
        assert!(same.len() < 12, "{}: left in English: {same:?}", lang.code());
    }
}

#[test]
fn english_values_in_words() {
    let w = Words::english();
    let money = |amount_usd, qualifier| Money { amount_usd, qualifier };
    assert_eq!(w.usd(money(1.2e6, Qualifier::Exact)), "US$ 1.2 million");
    assert_eq!(w.usd(money(4.45e6, Qualifier::Over)), "over US$ 4.45 million");
    assert_eq!(w.usd(money(8e6, Qualifier::TotalOf)), "a total of US$ 8 million");
    assert_eq!(w.usd(money(500_000.0, Qualifier::MoreThan)), "more than US$ 500,000");
    let f = Figure { value: 186_000.0, qualifier: Qualifier::Over, ..Figure::default() };
    assert_eq!(w.figure_value(&f), "over 186,000");
    assert_eq!(w.date("2026-07".parse::<PartialDate>().unwrap()), "July 2026");
    assert_eq!(w.date("2019".parse::<PartialDate>().unwrap()), "2019");
    assert_eq!(w.document_title("Kenya", "ILO cooperation"), "Kenya: ILO cooperation — fact sheet");
    assert_eq!(w.document_title(" ", "x"), "ILO fact sheet");
    assert_eq!(w.t(Text::ShowingCount(1)), "1 matching item");
    assert_eq!(w.t(Text::ShowingCount(1200)), "1,200 matching items");
    assert_eq!(w.t(Text::Years(2019, 2025)), "2019–2025");
    assert_eq!(
        w.t(Text::TooLarge("x.json", 5.1, 4.0)),
        "The data file x.json is 5.1 MB, larger than the 4.0 MB this app reads."
    );
    assert_eq!(w.verdict("k.json", 0, 0), "k.json: no problems.");
    assert_eq!(w.verdict("k.json", 2, 1), "k.json: 2 errors, 1 warning.");
    assert_eq!(w.verdict("k.json", 0, 3), "k.json: no errors, 3 warnings.");
    let counts = Counts { sections: 1, paragraphs: 2, events: 0, projects: 1, partners: 3, countries: 4 };
    assert_eq!(w.holds(&counts), "It holds 1 section, 2 paragraphs, 0 events, 1 project, 3 partners, 4 countries.");
}

#[test]
fn other_languages_choose_their_own_forms_and_order() {
    let ar = Words::new(catalogue(Lang::Ar));
    let forms: BTreeSet<String> = [0, 1, 2, 3, 11, 100].map(|n| ar.t(Text::ShowingCount(n))).into_iter().collect();
    assert_eq!(forms.len(), 6, "Arabic has six forms of a count: {forms:?}");
    let fr = Words::new(catalogue(Lang::Fr));
    assert_ne!(fr.t(Text::ShowingCount(0)), fr.t(Text::ShowingCount(2)), "French: 0 takes the singular");
    for lang in Lang::ALL {
        let w = Words::new(catalogue(lang));
        let said = w.t(Text::PartOfProject("Skills for youth"));
        assert!(said.contains("Skills for youth"), "{lang:?}: {said}");
        let money = w.usd(Money { amount_usd: 4.45e6, qualifier: Qualifier::Over });
        assert!((money.contains("4.45") || money.contains("4,45")) && !money.contains('{'), "{lang:?}: {money}");
    }
}
