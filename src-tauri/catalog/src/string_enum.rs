//! The one convention for an enum written as text: `string_enum!` spells each variant once and
//! derives from that table `ALL` (in the listed order), `as_str`, `parse` and `Display`, and the
//! [`TextEnum`] trait the command line builds its value parsers from. The enum keeps its own
//! serde derive for the JSON and IPC shapes (camelCase); a test checks both spell alike.

/// An enum with one spelling per variant, as [`string_enum!`] generates it.
pub trait TextEnum: Copy + Send + Sync + 'static {
    /// Every value, in the order they are listed (and offered as a command line's choices).
    fn all() -> &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(text: &str) -> Option<Self>;
}

/// `string_enum!(Name { Variant => "text", ... })`: `parse` takes the exact spelling.
/// `string_enum!(lenient Name { ... })`: `parse` also takes it in any case, spaces around.
macro_rules! string_enum {
    (lenient $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        string_enum!(@spelled $name { $($variant => $text),+ });
        impl $name {
            /// The value spelled `text`, in any case and with spaces around.
            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim().to_ascii_lowercase();
                Self::ALL.into_iter().find(|value| value.as_str() == text)
            }
        }
        string_enum!(@text_enum $name);
    };
    ($name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        string_enum!(@spelled $name { $($variant => $text),+ });
        impl $name {
            /// The value spelled exactly `text`.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|value| value.as_str() == text)
            }
        }
        string_enum!(@text_enum $name);
    };
    (@spelled $name:ident { $($variant:ident => $text:literal),+ }) => {
        impl $name {
            /// Every value, in the order they are listed.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (@text_enum $name:ident) => {
        impl $crate::string_enum::TextEnum for $name {
            fn all() -> &'static [Self] {
                &$name::ALL
            }
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn parse(text: &str) -> Option<Self> {
                $name::parse(text)
            }
        }
    };
}
pub(crate) use string_enum;

#[cfg(test)]
mod tests {
    use super::TextEnum;
    use crate::{
        BackupReason, CompletionStatus, CsvField, ExportFormat, ImportSource, ReferenceSource,
        ReviewKind, WatchStatus,
    };

    /// The JSON (serde) spelling of every value is its text spelling, and parsing gives it back.
    fn spelled_alike<T: TextEnum + serde::Serialize + PartialEq + std::fmt::Debug>() {
        for &value in T::all() {
            let json = serde_json::to_value(value).unwrap();
            assert_eq!(json, serde_json::Value::from(value.as_str()), "{value:?}");
            assert_eq!(T::parse(value.as_str()), Some(value));
        }
        assert_eq!(T::parse("no such value"), None);
    }

    #[test]
    fn every_text_enum_is_spelled_alike_in_json_and_in_text() {
        spelled_alike::<WatchStatus>();
        spelled_alike::<ReviewKind>();
        spelled_alike::<ReferenceSource>();
        spelled_alike::<BackupReason>();
        spelled_alike::<CompletionStatus>();
        spelled_alike::<ImportSource>();
        spelled_alike::<ExportFormat>();
        spelled_alike::<CsvField>();
        assert_eq!(
            ReferenceSource::parse(" TMDB "),
            Some(ReferenceSource::Tmdb)
        );
        assert_eq!(WatchStatus::parse("Watched"), None);
        assert_eq!(WatchStatus::Watchlist.to_string(), "watchlist");
    }
}
