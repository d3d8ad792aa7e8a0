import Charts
import Deck
import Foundation
import MarketData

/// report.pptx: the report's pages as slides, in report order, each with the page footer
/// report.pdf prints and its chart or table as a native object where the page has one.
/// Same pages, same deck bytes: the deck's dates are the report's `document.date`.
struct ReportDeck {
    let context: RunContext
    let assembler: ReportAssembler

    static let fileName = "report.pptx"

    func data(for pages: [ReportPage]) throws -> Data {
        let slides = pages.enumerated().map { index, page -> DeckSlide in
            var scene = page.scene
            assembler.addFooter(to: &scene, pageNumber: index + 1, pageCount: pages.count)
            return DeckSlide(scene: scene, native: page.native, title: page.title, name: page.chartID)
        }
        let document = context.config.document
        let language = context.config.language
        return try DeckWriter.data(slides: slides, properties: DeckProperties(
            title: document.title(for: language), author: document.author, date: document.date,
            language: language.deckLanguage, fontFamily: context.theme.fontFamily,
            accents: context.theme.palette.series))
    }
}

extension DisplayLanguage {
    var deckLanguage: DeckLanguage { self == .en ? .english : .chinese }
}
