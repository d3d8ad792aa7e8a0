import XCTest
@testable import MarketData

/// `source_zh` / `source_en` stand in for `source` on the pages of their language.
final class LocalizedColumnsTests: XCTestCase {
    func testLocalizedSourceWinsWhenFilledAndFallsBackOtherwise() throws {
        let table = try CSVTable.parse("""
            year,value,source,source_en
            2020,1,中国信通院 2022-07,CAICT 2022-07
            2021,2,行业报道,
            """, file: "s.csv")
        XCTAssertEqual(table.text(table.rows[0], "source", in: .en), "CAICT 2022-07")
        XCTAssertEqual(table.text(table.rows[0], "source", in: .zh), "中国信通院 2022-07", "no source_zh column")
        XCTAssertEqual(table.text(table.rows[1], "source", in: .en), "行业报道", "an empty source_en falls back")
        XCTAssertEqual(table.text(table.rows[0], "missing", in: .en), "")
        XCTAssertEqual(table.texts(table.rows[0], "source"), [.zh: "中国信通院 2022-07", .en: "CAICT 2022-07"])
    }

    func testSeriesSourcesFollowTheLanguage() throws {
        let table = try CSVTable.parse("""
            year,value,unit,status,source,source_zh,source_en
            2020,1,亿元,actual,Frost report,沙利文报告,
            2021,2,亿元,actual,中国信通院,,CAICT
            2022,3,亿元,actual,中国信通院,,CAICT
            """, file: "s.csv")
        let series = try SeriesLoader.series(from: table)
        XCTAssertEqual(series.sources, ["Frost report", "中国信通院"])
        XCTAssertEqual(series.sources(in: .zh), ["沙利文报告", "中国信通院"])
        XCTAssertEqual(series.sources(in: .en), ["Frost report", "CAICT"])
    }

    func testTypedTableSourceStillRequiresThePlainColumn() throws {
        var table = try TypedTable(table: try CSVTable.parse("a,source,source_zh\n1,,来源\n", file: "t.csv"), required: ["source"])
        XCTAssertEqual(table.source(table.rows[0], in: .zh), "来源")
        XCTAssertThrowsError(try table.finish(), "an empty `source` is still an error")
    }
}
