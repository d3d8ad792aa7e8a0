// A dataset names its sources once, in whatever language the citation was written, and

import Foundation
// may add `source_zh` / `source_en` (or `<column>_zh` / `<column>_en` for any text column)
// so a Chinese page never shows an English citation and an English page prefers an
// English rendering of a Chinese publisher.

extension CSVTable {
    /// `column` for `language`: the `<column>_zh` / `<column>_en` cell when the file has
    /// that column and the cell is filled, else the `column` cell ("" when neither exists).
    public func text(_ row: CSVRow, _ column: String, in language: DisplayLanguage) -> String {
        if let localized = optionalColumnIndex(named: "\(column)_\(language.rawValue)") {
            let text = row[localized].text.trimmedOfSpaces
            if !text.isEmpty { return text }
        }
        return optionalColumnIndex(named: column).map { row[$0].text.trimmedOfSpaces } ?? ""
    }

    /// The `column` in every language, keyed by language, for values read once and shown
    /// in either (e.g. an observation's source).
    public func texts(_ row: CSVRow, _ column: String) -> [DisplayLanguage: String] {
        var texts: [DisplayLanguage: String] = [:]
        for language in DisplayLanguage.allCases { texts[language] = text(row, column, in: language) }
        return texts
    }
}

extension TypedTable {
    /// The row's source for `language` (see `CSVTable.text(_:_:in:)`); the plain `source`
    /// column is required and an empty one is recorded as an error. `language` nil reads
    /// the plain column.
    public mutating func source(_ row: CSVRow, in language: DisplayLanguage?) -> String {
        let plain = requiredText(row, "source")
        guard let language else { return plain }
        let localized = table.text(row, "source", in: language)
        return localized.isEmpty ? plain : localized
    }
}
