//! The interface languages and how a widget's is chosen.

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
    Zh,
    Ar,
}

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    /// The value of the `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

impl Lang {
    /// Every interface language, in the switcher's order.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Fr, Lang::Es, Lang::Zh, Lang::Ar];

    /// Subtags of a `zh` tag that ask for Traditional Chinese, which the
    /// interface does not speak (see [`Lang::from_tag`]).
    pub const ZH_TRADITIONAL: [&'static str; 4] = ["hant", "tw", "hk", "mo"];

    /// The BCP 47 tag for the `lang` attribute and the catalogue's file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Zh => "zh",
            Lang::Ar => "ar",
        }
    }

    /// The tag given to the browser's `Intl` formatters: Simplified Chinese,
    /// and Arabic with the digits the sheets print (0-9), as UN texts do.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::Ar => "ar-u-nu-latn",
            other => other.code(),
        }
    }

    /// The language's own name, as the switcher lists it.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Zh => "中文",
            Lang::Ar => "العربية",
        }
    }

    pub fn dir(self) -> Dir {
        match self {
            Lang::Ar => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }

    /// The language a tag asks for (`fr`, `fr-CA`, `ZH_hans`, `zh-TW`), if
    /// the interface speaks it. Traditional Chinese tags (`zh-Hant`, `zh-TW`,
    /// `zh-HK`, `zh-MO`) are not Simplified Chinese: they are not taken, so
    /// the reader's next choice is tried.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let primary = parts.next()?;
        let lang = Lang::ALL.into_iter().find(|l| l.code() == primary)?;
        if lang == Lang::Zh && parts.any(|p| Lang::ZH_TRADITIONAL.contains(&p)) {
            return None;
        }
        Some(lang)
    }

    /// The widget's language: the one it is asked for (`?lang=` or the
    /// widget's `lang`), else the first of the reader's languages, else
    /// English; only languages `spoken` says the widget can speak (those
    /// whose catalogue it has) are taken.
    pub fn choose<'a>(
        asked: Option<&str>,
        preferred: impl IntoIterator<Item = &'a str>,
        spoken: impl Fn(Lang) -> bool,
    ) -> Lang {
        let take = |tag: &str| Lang::from_tag(tag).filter(|l| *l == Lang::En || spoken(*l));
        asked.and_then(take).or_else(|| preferred.into_iter().find_map(take)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_loosely_but_traditional_chinese_is_not_simplified() {
        assert_eq!(Lang::from_tag("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag(" FR-ca "), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("es_419"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh-TW"), None);
        assert_eq!(Lang::from_tag("zh-Hant"), None);
        assert_eq!(Lang::from_tag("ar-EG"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("english"), None);
    }

    #[test]
    fn the_asked_language_wins_then_the_readers_then_english() {
        let all = |_: Lang| true;
        assert_eq!(Lang::choose(Some("ar"), ["fr"], all), Lang::Ar);
        assert_eq!(Lang::choose(Some("de"), ["de-DE", "es-MX", "fr"], all), Lang::Es);
        assert_eq!(Lang::choose(None, ["zh-TW", "zh-CN"], all), Lang::Zh);
        assert_eq!(Lang::choose(None, ["ru", "de"], all), Lang::En);
        assert_eq!(Lang::choose(None, [], all), Lang::En);
        // A language without its catalogue is passed over for the next.
        let no_french = |l: Lang| l != Lang::Fr;
        assert_eq!(Lang::choose(Some("fr"), ["es"], no_french), Lang::Es);
        assert_eq!(Lang::choose(None, ["fr-CA", "en"], no_french), Lang::En);
    }

    #[test]
    fn arabic_alone_runs_right_to_left() {
        for lang in Lang::ALL {
            assert_eq!(lang.dir() == Dir::Rtl, lang == Lang::Ar, "{lang:?}");
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }
}
