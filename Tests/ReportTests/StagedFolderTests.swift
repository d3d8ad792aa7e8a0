import Foundation
import XCTest
@testable import Report

final class StagedFolderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-stage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func contents(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    func testNothingAppearsUntilCommit() throws {
        let target = root.appendingPathComponent("2026Q4")
        let folder = try StagedFolder(target: target)
        try folder.write("a", to: "charts/a.csv")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        try folder.commit()
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("charts/a.csv"), encoding: .utf8), "a")
        XCTAssertEqual(contents(root), ["2026Q4"], "no staging or backup folder is left behind")
    }

    func testAbandonedRunLeavesThePreviousOutputUntouched() throws {
        let target = root.appendingPathComponent("2026Q4")
        let first = try StagedFolder(target: target)
        try first.write("old", to: "report.txt")
        try first.commit()

        do {
            let second = try StagedFolder(target: target)
            try second.write("new", to: "report.txt")
            // The run fails here: the folder is dropped without commit.
        }
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("report.txt"), encoding: .utf8), "old")
        XCTAssertEqual(contents(root), ["2026Q4"], "the abandoned staging folder is removed")
    }

    func testCommitReplacesThePreviousRun() throws {
        let target = root.appendingPathComponent("2026Q4")
        let first = try StagedFolder(target: target)
        try first.write("old", to: "old-only.txt")
        try first.commit()
        let second = try StagedFolder(target: target)
        try second.write("new", to: "new-only.txt")
        try second.commit()
        XCTAssertEqual(contents(target), ["new-only.txt"])
        XCTAssertEqual(contents(root), ["2026Q4"])
    }

    func testUnwritableParentIsAClearError() throws {
        guard getuid() != 0 else {
            // root ignores permission bits; a file where a folder should be fails for everyone.
            let blocker = root.appendingPathComponent("blocker")
            try "x".write(to: blocker, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try StagedFolder(target: blocker.appendingPathComponent("2026Q4"))) { error in
                XCTAssertTrue("\(error)".contains("cannot create"), "\(error)")
                XCTAssertTrue("\(error)".contains("hint:"), "\(error)")
            }
            return
        }
        let locked = root.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
        XCTAssertThrowsError(try StagedFolder(target: locked.appendingPathComponent("2026Q4")))
    }
}
