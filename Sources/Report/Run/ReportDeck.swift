import Charts
import Deck
import Foundation
import MarketData

/// report.pptx: the report's pages as slides, in report order, each built on the deck's
/// Title Only layout (the cover on Title Slide) with its title in the title placeholder, its
/// chart or table as a native object where the page has one, the footer, the document's
/// date and the slide number in the master's placeholders, and speaker notes saying where
/// its numbers come from. Same pages, same deck bytes: the deck's dates are the report's
/// `document.date`, never the clock.
struct ReportDeck {
    let context: RunContext
    /// The run's inputs with their digests, as the manifest records them.
    let inputs: [RunManifest.InputFile]
    /// The firm's template the deck is built on, if any.
    var template: DeckTemplate? = nil

    static let fileName = "report.pptx"
    /// What `--update` rewrote, kept and could not update, beside the deck.
    static let updateListName = "deck-update.txt"

    /// The deck at `path` (an earlier edition an analyst may have edited) with `deck`'s
    /// data written in, and the list of what was updated, kept and not updated.
    static func update(_ path: String, with deck: Data, date: String) throws -> (Data, DeckUpdateList) {
        guard let old = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(SourceLocation(file: path), "cannot read the deck to update",
                             hint: "give the .pptx of the earlier edition, or leave out --update")
        }
        do {
            let (data, report) = try DeckUpdater.update(old: old, new: deck, date: date)
            return (data, DeckUpdateList(source: path, report: report))
        } catch {
            throw Diagnostic(SourceLocation(file: path), "cannot update this deck: \(error)",
                             hint: "give a .pptx written by marketcast (and edited in PowerPoint), or leave out --update")
        }
    }

    func data(for pages: [ReportPage]) throws -> Data {
        let slides = pages.enumerated().map { index, page -> DeckSlide in
            DeckSlide(scene: page.scene, native: page.native, title: page.title, name: page.chartID,
                      layout: index == 0 && page.chartID == nil ? .cover : .titleOnly,
                      provenance: provenance(of: page))
        }
        return try DeckWriter.data(slides: slides, properties: properties())
    }

    func properties() -> DeckProperties {
        let document = context.config.document
        let language = context.config.language
        let theme = context.theme
        let footerFont = theme.font(theme.fontSizes.minimumNote)
        let height = context.measurer.measure("0", font: footerFont, maxWidth: nil).height
        let footer = DeckFooter(text: "\(document.title(for: language)) · \(context.config.quarter)", date: document.date,
                                fontSize: footerFont.size, color: theme.palette.note,
                                band: theme.deckFooterBand(lineHeight: height))
        return DeckProperties(title: document.title(for: language), author: document.author, date: document.date,
                              language: language.deckLanguage, fonts: theme.deckFonts,
                              colors: .house(theme.palette), contentArea: theme.contentArea,
                              titleSize: theme.fontSizes.title, footer: footer, template: template)
    }

    /// The template at `path` (nil for none); an unreadable one stops the run with its reason.
    static func template(_ path: String?) throws -> DeckTemplate? {
        guard let path else { return nil }
        do {
            return try DeckTemplate(path: path)
        } catch let error as DeckTemplateError {
            throw Diagnostic(SourceLocation(file: path), "\(error)".replacingOccurrences(of: path + ": ", with: ""),
                             hint: "give a .potx or .pptx saved by PowerPoint, or leave out --template")
        }
    }

    /// For a series' page its publications (from the series' rows), the model, interval,
    /// data cut-off and warnings of its forecast; for any other page the sources its note
    /// states (the exhibit words them from its table's rows); the digests of the files the
    /// page reads.
    func provenance(of page: ReportPage) -> SlideProvenance {
        var notes = SlideProvenance()
        notes.warnings = page.problems
        var roles: [InputRole] = [.config]
        let chartID = page.chartID ?? ""
        let series = context.series.filter { $0.entry.chartID == chartID }
        if series.isEmpty {
            for element in page.scene.elements where element.role == "source-note" {
                if case .text(let text) = element.item { notes.sources.append(text.text) }
            }
        }
        for result in series {
            notes.sources += result.series.sources(in: context.config.language).filter { !notes.sources.contains($0) }
            let forecast = result.forecast
            let level = Int((forecast.level * 100).rounded())
            let interval = context.config.language == .en ? "\(level)% interval" : "\(level)% 区间"
            notes.models.append(SlideProvenance.Model(
                series: result.entry.id, model: forecast.model.description, formula: forecast.modelDescription,
                interval: [interval, forecast.intervalMethod].compactMap { $0 }.joined(separator: " — ")))
            notes.dataCutoffs.append("\(result.entry.id): \(result.series.vintage)")
            notes.warnings += forecast.warnings.map(\.description)
            roles += [.series(id: result.entry.id), .publisherForecasts(series: result.entry.id)]
        }
        roles += page.tableNames.map { .table($0) }
        if chartID.hasPrefix("penetration") || chartID.hasPrefix("adoption") { roles.append(.penetration) }
        if chartID == "scenarios" || chartID == "sensitivity" {
            roles += inputs.map(\.role).filter(\.isScenario)
        }
        roles.append(.theme)
        notes.inputs = roles.compactMap { role in
            inputs.first { $0.role == role }.map { SlideProvenance.Input(role: $0.role.description, path: $0.path, sha256: $0.sha256) }
        }
        return notes
    }
}

extension Theme {
    /// The deck's theme fonts: the theme file's `deck` fonts, else the house font.
    var deckFonts: DeckFonts {
        DeckFonts(latin: deckLatinFont ?? fontFamily, eastAsian: deckEastAsianFont ?? fontFamily)
    }

    /// The footer line inside the bottom margin, as report.pdf places its footer.
    func deckFooterBand(lineHeight: Double) -> Rect {
        let y = pageSize.height - margins.bottom + (margins.bottom - lineHeight) / 2
        return Rect(x: margins.left, y: y, width: pageSize.width - margins.left - margins.right, height: lineHeight)
    }
}

extension DisplayLanguage {
    var deckLanguage: DeckLanguage { self == .en ? .english : .chinese }
}

/// deck-update.txt: every update, every edit kept and everything that could not be updated.
struct DeckUpdateList {
    let source: String
    let report: DeckUpdateReport

    var lines: [String] {
        ["updated \(source):"] + report.updated.map { "  updated: \($0)" } + report.kept.map { "  kept: \($0)" }
            + report.notUpdated.map { "  not updated: \($0)" }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
