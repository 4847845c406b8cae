//! Dates at the precision the source gives: a year (`2019`) or a year and a
//! month (`2026-04`). Serialized as strings so the JSON reads as the sheet does.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A year, or a year and month. Orders by year, then month (a bare year sorts
/// before the months of that year).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
}

/// A year and a month, e.g. a publication date `2026-07`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

fn parse_year(text: &str, whole: &str) -> Result<i32, DateError> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().map_err(|_| DateError(format!("`{whole}` has no valid year")))
    } else {
        Err(DateError(format!("`{whole}` is not a date: expected YYYY or YYYY-MM")))
    }
}

fn parse_month(text: &str, whole: &str) -> Result<u8, DateError> {
    match text.parse::<u8>() {
        Ok(m) if text.len() == 2 && (1..=12).contains(&m) => Ok(m),
        _ => Err(DateError(format!("`{whole}` has no valid month (01 to 12)"))),
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.split_once('-') {
            None => Ok(PartialDate { year: parse_year(s, s)?, month: None }),
            Some((y, m)) => Ok(PartialDate { year: parse_year(y, s)?, month: Some(parse_month(m, s)?) }),
        }
    }
}

impl std::str::FromStr for YearMonth {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (y, m) = s.split_once('-').ok_or_else(|| DateError(format!("`{s}` is not a month: expected YYYY-MM")))?;
        Ok(YearMonth { year: parse_year(y, s)?, month: parse_month(m, s)? })
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for YearMonth {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> String {
        match d.month {
            Some(m) => format!("{:04}-{:02}", d.year, m),
            None => format!("{:04}", d.year),
        }
    }
}

impl From<YearMonth> for String {
    fn from(d: YearMonth) -> String {
        format!("{:04}-{:02}", d.year, d.month)
    }
}

#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    impl JsonSchema for super::PartialDate {
        fn schema_name() -> Cow<'static, str> {
            "PartialDate".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2]))?$",
                "description": "A year (YYYY) or a year and month (YYYY-MM), as precise as the source."
            })
        }
    }

    impl JsonSchema for super::YearMonth {
        fn schema_name() -> Cow<'static, str> {
            "YearMonth".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
                "description": "A year and month, YYYY-MM."
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_year_and_year_month() {
        assert_eq!("2019".parse::<PartialDate>(), Ok(PartialDate { year: 2019, month: None }));
        assert_eq!("2026-04".parse::<PartialDate>(), Ok(PartialDate { year: 2026, month: Some(4) }));
        assert_eq!("2026-07".parse::<YearMonth>(), Ok(YearMonth { year: 2026, month: 7 }));
    }

    #[test]
    fn refuses_bad_dates() {
        for bad in ["19", "2019-13", "2019-4", "20x9", "2019-00", ""] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad} should fail");
        }
        assert!("2026".parse::<YearMonth>().is_err());
    }

    #[test]
    fn orders_year_before_its_months_and_writes_back() {
        let y: PartialDate = "2026".parse().unwrap();
        let m: PartialDate = "2026-04".parse().unwrap();
        assert!(y < m);
        assert_eq!(String::from(m), "2026-04");
        assert_eq!(String::from("2026-07".parse::<YearMonth>().unwrap()), "2026-07");
    }
}
