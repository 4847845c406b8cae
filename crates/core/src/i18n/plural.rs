//! Plural categories (CLDR's) of the interface languages, for counts:
//! which form of a message a number takes. Rules from CLDR's plural rules
//! for cardinal integers; any other number takes `other`.

use super::Lang;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        [Category::Zero, Category::One, Category::Two, Category::Few, Category::Many, Category::Other]
            .into_iter()
            .find(|c| c.name() == name)
    }
}

/// The categories a count takes in `lang`: every plural message of that
/// language's catalogue gives a form for each (Spanish's and French's
/// `many`, for millions, fall back to `other` and are optional).
pub fn categories(lang: Lang) -> &'static [Category] {
    use Category::*;
    match lang {
        Lang::En | Lang::Es | Lang::Fr => &[One, Other],
        Lang::Zh => &[Other],
        Lang::Ar => &[Zero, One, Two, Few, Many, Other],
    }
}

/// The category of the count `n` in `lang`.
pub fn category(lang: Lang, n: f64) -> Category {
    use Category::*;
    if n.fract() != 0.0 || !n.is_finite() || n < 0.0 {
        return Other;
    }
    let i = n as u64;
    match lang {
        Lang::En | Lang::Es => {
            if i == 1 {
                One
            } else {
                Other
            }
        }
        Lang::Fr => {
            if i <= 1 {
                One
            } else {
                Other
            }
        }
        Lang::Zh => Other,
        Lang::Ar => match (i, i % 100) {
            (0, _) => Zero,
            (1, _) => One,
            (2, _) => Two,
            (_, 3..=10) => Few,
            (_, 11..=99) => Many,
            _ => Other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;

    #[test]
    fn counts_take_their_languages_forms() {
        assert_eq!([0.0, 1.0, 2.0].map(|n| category(Lang::En, n)), [Other, One, Other]);
        assert_eq!([0.0, 1.0, 2.0].map(|n| category(Lang::Fr, n)), [One, One, Other]);
        assert_eq!([0.0, 1.0, 2.0].map(|n| category(Lang::Es, n)), [Other, One, Other]);
        assert_eq!([0.0, 1.0, 7.0].map(|n| category(Lang::Zh, n)), [Other, Other, Other]);
        assert_eq!(
            [0.0, 1.0, 2.0, 3.0, 10.0, 11.0, 99.0, 100.0, 102.0, 103.0, 111.0, 1000.0].map(|n| category(Lang::Ar, n)),
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many, Other]
        );
        assert_eq!(category(Lang::En, 1.5), Other);
    }

    #[test]
    fn every_category_a_count_takes_is_required() {
        for lang in Lang::ALL {
            for n in 0..1200 {
                let c = category(lang, n as f64);
                assert!(categories(lang).contains(&c), "{lang:?} {n} takes {c:?}");
            }
            assert!(categories(lang).contains(&Other));
        }
    }
}
