import XCTest
@testable import MarketData

final class SuggestionsTests: XCTestCase {
    func testEditDistanceKnownValues() {
        XCTAssertEqual(Suggestions.editDistance("", ""), 0)
        XCTAssertEqual(Suggestions.editDistance("abc", ""), 3)
        XCTAssertEqual(Suggestions.editDistance("", "abcd"), 4)
        XCTAssertEqual(Suggestions.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestions.editDistance("flaw", "lawn"), 2)
        // An adjacent transposition is one edit (plain Levenshtein would say 2).
        XCTAssertEqual(Suggestions.editDistance("statsu", "status"), 1)
        XCTAssertEqual(Suggestions.editDistance("ca", "ac"), 1)
        // Counted in characters, not bytes.
        XCTAssertEqual(Suggestions.editDistance("亿元", "万元"), 1)
        // Symmetric.
        XCTAssertEqual(Suggestions.editDistance("logistic", "gompertz"), Suggestions.editDistance("gompertz", "logistic"))
    }

    func testClosestSuggestsPlausibleSlipsOnly() {
        let columns = ["year", "value", "unit", "status", "source"]
        XCTAssertEqual(Suggestions.closest(to: "staus", among: columns), "status")
        XCTAssertEqual(Suggestions.closest(to: "Valeu", among: columns), "value")
        XCTAssertEqual(Suggestions.closest(to: "YEAR", among: columns), "year")
        XCTAssertNil(Suggestions.closest(to: "population", among: columns))
        XCTAssertNil(Suggestions.closest(to: "year", among: columns), "an exact match is no suggestion")
        XCTAssertNil(Suggestions.closest(to: "x", among: []))
    }

    func testTiesGoToTheEarlierCandidate() {
        // "cat" is one edit from both; the candidates' order decides, not hashing.
        XCTAssertEqual(Suggestions.closest(to: "cat", among: ["bat", "car"]), "bat")
        XCTAssertEqual(Suggestions.closest(to: "cat", among: ["car", "bat"]), "car")
    }

    func testHintSentence() {
        XCTAssertEqual(Suggestions.hint(for: "estimat", among: ["actual", "estimate"], listIntro: "the status must be one of"),
                       "did you mean \"estimate\"? the status must be one of: \"actual\", \"estimate\"")
        XCTAssertEqual(Suggestions.hint(for: "zzz", among: ["logistic"], listIntro: "models are"),
                       "models are: \"logistic\"")
        XCTAssertEqual(Suggestions.hint(for: "zzz", among: [], listIntro: "models are"), "models are: nothing")
    }
}
