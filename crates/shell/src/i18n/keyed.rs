//! [`keyed!`]: an enum of messages whose every variant is a catalogue key
//! (its name, after the table's prefix), so the keys cannot drift from the
//! code: `KEYS` lists them for the catalogue tests.

/// Declares a message enum; `key()` is `prefix` + the variant's name.
macro_rules! keyed {
    (
        prefix $prefix:literal;
        $(#[$meta:meta])*
        $vis:vis enum $name:ident $(<$lt:lifetime>)? {
            $( $(#[$vmeta:meta])* $variant:ident $( ( $($ty:ty),* ) )? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name $(<$lt>)? {
            $( $(#[$vmeta])* $variant $( ( $($ty),* ) )? ),*
        }

        impl $(<$lt>)? $name $(<$lt>)? {
            /// The message's key in the catalogues (`i18n/*.json`).
            pub fn key(&self) -> &'static str {
                match self {
                    $( Self::$variant { .. } => concat!($prefix, stringify!($variant)) ),*
                }
            }

            /// Every key of this table.
            pub const KEYS: &'static [&'static str] = &[ $( concat!($prefix, stringify!($variant)) ),* ];
        }
    };
}

pub(crate) use keyed;
