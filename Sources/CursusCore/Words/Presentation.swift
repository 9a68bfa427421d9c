import Foundation

/// How an output speaks to people: the words of its language and the style of its dates, as
/// the manifest's (or the output's) `locale` and `date_style` say.
public struct Presentation: Sendable {
    /// The BCP 47 tag asked for ("en-US").
    public let locale: String
    /// Cursus's words in that language.
    public let words: Words
    /// How dates are written.
    public let dates: DateWriter

    /// English, in the reading style: what an output gets when the manifest says nothing.
    public static let standard = Presentation(locale: "en", words: .english, dates: .standard)

    /// The words and dates for `locale` in `style`.
    public init(locale: String, words: Words, dates: DateWriter) {
        self.locale = locale
        self.words = words
        self.dates = dates
    }

    /// The presentation for `locale` and `style`, with words from the `locales` folder in
    /// `directory` or built in; warns when the locale has no words or the style no form in it.
    public static func resolve(locale: String, style: DateStyle, directory: String?) throws(CursusError) -> (Presentation, [Diagnostic]) {
        var (words, warnings) = try Words.resolve(locale, folder: directory.map(Words.folder(beside:)))
        let dates = DateWriter(words: words, style: style, locale: locale)
        if dates.style != style {
            warnings.append(
                Diagnostic(
                    .warning, "date_style '\(style.rawValue)' is for English; writing '\(dates.style.rawValue)' dates in \(words.language)")
            )
        }
        return (Presentation(locale: locale, words: words, dates: dates), warnings)
    }

    /// The date as people read it.
    public func date(_ date: EDTF) -> String { dates.write(date) }

    /// A date and where it happened, as people read them: "7 Sep 1950, Moscow" (a birth, a death).
    public func dateAndPlace(_ date: EDTF, _ place: String?) -> String {
        ([self.date(date)] + [place].compactMap { $0 }).joined(separator: ", ")
    }

    /// A calendar day as people read it (as_of).
    public func day(_ day: CalendarDay) -> String { (try? EDTF(day.iso)).map(date) ?? day.iso }

    /// "Jul 2008 – Aug 2017", "Sep 2017 – present", "1998 – ?": a post's span; `compact`
    /// joins the ends with a bare dash ("1981–1985"), for labels on bars.
    public func span(_ tenure: Tenure, compact: Bool = false) -> String {
        let unknown = words.text("date.unknown")
        let start = tenure.start.map(date) ?? unknown
        let end = tenure.ongoing ? words.text("date.present") : (tenure.end.map(date) ?? unknown)
        if start == end { return start }  // a post begun and ended within one known period: "69 BC"
        return compact ? "\(start)–\(end)" : words.text("date.span", ["start": start, "end": end])
    }

    /// The text at `key`, filled.
    public func text(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String { words.text(key, values) }
}
