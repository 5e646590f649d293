//! The names of the input fields a validation error points at ([`crate::CatalogError::Invalid`]
//! `field`, the `field` of the JSON error payload): one definition, so a call site cannot mistype
//! one. `as_str` gives the camelCase name the fronts and the tests read, exactly as before.

/// An input field an `Invalid` error names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    At,
    Author,
    Award,
    BaseUrl,
    Body,
    Candidates,
    Countries,
    CreatedAt,
    CreditedAs,
    Credits,
    DeletedAt,
    Description,
    Directors,
    ExternalIds,
    File,
    Film,
    From,
    Genres,
    Group,
    Highlights,
    Image,
    Limit,
    Name,
    Note,
    Offline,
    OriginalLanguage,
    OriginalTitle,
    Path,
    Person,
    Pick,
    Place,
    Position,
    PosterUrl,
    PublishedOn,
    Query,
    Quote,
    Rating,
    ReferenceId,
    RuntimeMinutes,
    Setting,
    Source,
    Synopsis,
    Take,
    Text,
    Themes,
    Title,
    TmdbKey,
    UpdatedAt,
    Url,
    Value,
    WatchedOn,
    Year,
}

impl Field {
    pub const ALL: [Field; 52] = [
        Field::At,
        Field::Author,
        Field::Award,
        Field::BaseUrl,
        Field::Body,
        Field::Candidates,
        Field::Countries,
        Field::CreatedAt,
        Field::CreditedAs,
        Field::Credits,
        Field::DeletedAt,
        Field::Description,
        Field::Directors,
        Field::ExternalIds,
        Field::File,
        Field::Film,
        Field::From,
        Field::Genres,
        Field::Group,
        Field::Highlights,
        Field::Image,
        Field::Limit,
        Field::Name,
        Field::Note,
        Field::Offline,
        Field::OriginalLanguage,
        Field::OriginalTitle,
        Field::Path,
        Field::Person,
        Field::Pick,
        Field::Place,
        Field::Position,
        Field::PosterUrl,
        Field::PublishedOn,
        Field::Query,
        Field::Quote,
        Field::Rating,
        Field::ReferenceId,
        Field::RuntimeMinutes,
        Field::Setting,
        Field::Source,
        Field::Synopsis,
        Field::Take,
        Field::Text,
        Field::Themes,
        Field::Title,
        Field::TmdbKey,
        Field::UpdatedAt,
        Field::Url,
        Field::Value,
        Field::WatchedOn,
        Field::Year,
    ];

    /// The field's name in the JSON error payload (and in the command line's `field: message`).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::At => "at",
            Field::Author => "author",
            Field::Award => "award",
            Field::BaseUrl => "baseUrl",
            Field::Body => "body",
            Field::Candidates => "candidates",
            Field::Countries => "countries",
            Field::CreatedAt => "createdAt",
            Field::CreditedAs => "creditedAs",
            Field::Credits => "credits",
            Field::DeletedAt => "deletedAt",
            Field::Description => "description",
            Field::Directors => "directors",
            Field::ExternalIds => "externalIds",
            Field::File => "file",
            Field::Film => "film",
            Field::From => "from",
            Field::Genres => "genres",
            Field::Group => "group",
            Field::Highlights => "highlights",
            Field::Image => "image",
            Field::Limit => "limit",
            Field::Name => "name",
            Field::Note => "note",
            Field::Offline => "offline",
            Field::OriginalLanguage => "originalLanguage",
            Field::OriginalTitle => "originalTitle",
            Field::Path => "path",
            Field::Person => "person",
            Field::Pick => "pick",
            Field::Place => "place",
            Field::Position => "position",
            Field::PosterUrl => "posterUrl",
            Field::PublishedOn => "publishedOn",
            Field::Query => "query",
            Field::Quote => "quote",
            Field::Rating => "rating",
            Field::ReferenceId => "referenceId",
            Field::RuntimeMinutes => "runtimeMinutes",
            Field::Setting => "setting",
            Field::Source => "source",
            Field::Synopsis => "synopsis",
            Field::Take => "take",
            Field::Text => "text",
            Field::Themes => "themes",
            Field::Title => "title",
            Field::TmdbKey => "tmdbKey",
            Field::UpdatedAt => "updatedAt",
            Field::Url => "url",
            Field::Value => "value",
            Field::WatchedOn => "watchedOn",
            Field::Year => "year",
        }
    }

    /// The field an `Invalid` error names by [`Field::as_str`]; `None` for a name no field has.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.as_str() == name)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn every_field_has_its_own_name_and_is_found_by_it() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()), Some(field));
        }
        assert_eq!(Field::parse("watchedOn"), Some(Field::WatchedOn));
        assert_eq!(Field::parse("watched_on"), None);
    }
}
