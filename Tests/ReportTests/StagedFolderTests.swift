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

    /// What every run writes last: the mark that lets the next run replace the folder.
    static let manifest = #"{"tool":{"name":"marketcast","version":"test"}}"#

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
        try first.write(Self.manifest, to: "manifest.json")
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
        try first.write(Self.manifest, to: "manifest.json")
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

    // MARK: - Publishing protocol (issue "Never lose a byte")

    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A two-rename publish killed between its renames leaves `.previous-<pid>` and no
    /// target: the next run puts the previous output back before it starts.
    func testAPublishCutBetweenItsRenamesIsUndoneByTheNextRun() throws {
        let target = root.appendingPathComponent("2026Q4")
        let first = try StagedFolder(target: target)
        try first.write("old", to: "report.txt")
        try first.write(#"{"tool":{"name":"marketcast","version":"x"}}"#, to: "manifest.json")
        try first.commit()
        let dead = try deadProcessID()
        let previous = root.appendingPathComponent(".2026Q4.previous-\(dead)")
        XCTAssertEqual(rename(target.path, previous.path), 0)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".2026Q4.partial-\(dead)"),
                                                withIntermediateDirectories: false)

        let second = try StagedFolder(target: target)
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("report.txt"), encoding: .utf8), "old",
                       "the previous output is back before the new run writes anything")
        XCTAssertEqual(contents(root).filter { !$0.contains("\(getpid())") }, ["2026Q4"], "the dead run's leftovers are gone")
        try second.write("new", to: "report.txt")
        try second.commit()
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("report.txt"), encoding: .utf8), "new")
        XCTAssertEqual(contents(root), ["2026Q4"])
    }

    /// A stop requested before the commit aborts it; the previous output stays.
    func testAStopRequestedBeforePublishingKeepsThePreviousOutput() throws {
        let target = root.appendingPathComponent("2026Q4")
        StagingRegistry.clearStopRequestForTesting()
        let folder = try StagedFolder(target: target)
        try folder.write("new", to: "report.txt")
        StagingRegistry.requestStop(signal: SIGTERM)
        defer { StagingRegistry.clearStopRequestForTesting() }
        XCTAssertThrowsError(try folder.commit()) { error in XCTAssertTrue(error is RunInterrupted, "\(error)") }
        XCTAssertThrowsError(try folder.write("more", to: "late.txt"), "writes stop too")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        XCTAssertEqual(StagingRegistry.outcome, .nothingPublished)
    }

    /// A folder marketcast did not write is refused before anything is staged; an empty
    /// one, or one with a marketcast manifest, is replaced.
    func testOwnershipOfTheTarget() throws {
        let target = root.appendingPathComponent("2026Q4")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        XCTAssertNoThrow(try StagedFolder(target: target), "an empty folder loses nothing")
        try "mine".write(to: target.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StagedFolder(target: target)) { error in
            XCTAssertTrue("\(error)".contains("not written by marketcast"), "\(error)")
        }
        XCTAssertEqual(contents(root), ["2026Q4"], "nothing staged")
        XCTAssertNoThrow(try StagedFolder(target: target, force: true))
        try #"{"tool":{"name":"marketcast","version":"1"}}"#.write(to: target.appendingPathComponent("manifest.json"),
                                                                   atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try StagedFolder(target: target))
    }

    /// Paths are compared after resolving links: an input reached through a symbolic link
    /// to the target's folder is still inside it.
    func testContainmentSeesThroughLinks() throws {
        let target = root.appendingPathComponent("out/2026Q4")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try "q: 1".write(to: target.appendingPathComponent("report.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: target)
        XCTAssertThrowsError(try StagedFolder(target: target, inputs: [root.appendingPathComponent("link/report.yaml").path],
                                              force: true)) { error in
            XCTAssertTrue("\(error)".contains("holds the input"), "\(error)")
        }
        XCTAssertThrowsError(try OutputOwnership.check(target: root.appendingPathComponent("link/inner"),
                                                       inputs: [target.path], force: true)) { error in
            XCTAssertTrue("\(error)".contains("inside the input folder"), "\(error)")
        }
    }
}
