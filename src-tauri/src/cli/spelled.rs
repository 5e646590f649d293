//! Command-line arguments that are one of the core's text enums (watch status, review kind,
//! reference source, export format), parsed by the core's own spelling.

use cinedex_catalog::TextEnum;
use clap::builder::{PossibleValuesParser, TypedValueParser};

/// The value parser of an argument that is one of the core's text enums: it offers, takes and
/// names the values exactly as the core spells them (`TextEnum`), so the command line keeps no
/// spelling of its own.
pub fn spelled<T: TextEnum>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::all().iter().map(|value| value.as_str()))
        .try_map(|text| T::parse(&text).ok_or("not one of the possible values"))
}
