// Writes a new edition into a deck an analyst has edited (`--update last-quarter.pptx`).
// Slides are matched by their name (the chart id, else the title: the `p:cSld` name the
// deck writer sets), shapes by their names, never by position. What the data decides is
// rewritten: every native chart's part and embedded workbook (with the CAGR pills and
// arrows, which are the chart's own), native tables, the bound and CAGR groups, value and
// end labels, whiskers drawn as shapes, units, source notes, the footer, date and slide
// number, and the speaker notes. Everything else the analyst has
// (slides and shapes added, shapes moved or retyped, the title) is left as it is. Every
// update, and everything that could not be updated (a shape the analyst deleted, a slide
// this edition no longer has), is listed, so no edit is lost silently. The unit label keeps
// the place the analyst moved it to; the CAGR and bound groups, the labels and the source
// note are placed by the data, so they take this edition's place. A deck from an edition
// that drew a chart's CAGR arrows as groups loses them: this edition has none, since the
// chart draws them itself.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

public struct DeckUpdateReport: Sendable, Equatable {
    /// "slide 5 (market-size): chart data and workbook", …
    public var updated: [String] = []
    /// "slide 5 (market-size): market-size CAGR 2 was deleted in the deck; not added back", …
    public var notUpdated: [String] = []
    /// The analyst's edits kept as they are: "slide 5 (market-size): kept the title …".
    public var kept: [String] = []
}

public enum DeckUpdater {
    /// Shape names whose content the data decides. `<chart> CAGR n` groups are drawn on
    /// slides without a native chart, and were on chart slides of earlier editions.
    static func isDataShape(_ name: String) -> Bool {
        if name.contains(" CAGR ") || name.hasSuffix(" bounds") { return true }
        let role = name.split(separator: " ").dropLast().joined(separator: " ")
        let roles: Set<String> = ["value-label", "end-label", "interval", "interval-clipped", "interval-clip-label",
                                  "interval-clip-arrow", "source-note", "unit", "gap-label", "missing-label",
                                  "label-leader", "leader", "publisher-forecast", "tile-value"]
        return roles.contains(role) || role.hasPrefix("cagr-") || role.hasPrefix("bound-")
    }

    /// Data shapes whose place is the analyst's to choose (the unit label): their text and
    /// size are rewritten, their place kept. A source note's place follows its length (a
    /// longer note starts higher), so it takes this edition's place, and the list says so.
    static func keepsPlace(_ name: String) -> Bool {
        name.split(separator: " ").dropLast().joined(separator: " ") == "unit"
    }

    /// `old` (the analyst's deck) with `new`'s data written in; `date` dates the zip entries.
    public static func update(old: Data, new: Data, date: String) throws -> (data: Data, report: DeckUpdateReport) {
        let oldPackage = try Package(old)
        let newPackage = try Package(new)
        var report = DeckUpdateReport()
        var replaced: [String: Data] = [:]

        let newSlides = try newPackage.slides()
        let oldSlides = try oldPackage.slides()
        let newByKey = Dictionary(newSlides.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let oldKeys = Set(oldSlides.map(\.key))
        for (number, oldSlide) in oldSlides.enumerated() {
            let label = "slide \(number + 1) (\(oldSlide.key))"
            guard let newSlide = newByKey[oldSlide.key] else {
                report.notUpdated.append("\(label): not in this edition; left as it is")
                continue
            }
            let document = try oldPackage.xml(oldSlide.path)
            let fresh = try newPackage.xml(newSlide.path)
            guard let tree = elements("p:spTree", in: document).first, let newTree = elements("p:spTree", in: fresh).first else {
                continue
            }
            var nextID = (elements("p:cNvPr", in: document).compactMap { attribute($0, "id").flatMap(Int.init) }.max() ?? 1) + 1
            let newShapes = shapes(of: newTree)
            let oldShapes = shapes(of: tree)
            var changes: [String] = []

            // The title: the analyst's wording wins.
            if let title = oldShapes.first(where: { placeholderType($0) == "title" || placeholderType($0) == "ctrTitle" }),
               let newTitle = newShapes.first(where: { placeholderType($0) == "title" || placeholderType($0) == "ctrTitle" }) {
                let mine = text(of: title), theirs = text(of: newTitle)
                if mine != theirs { report.kept.append("\(label): kept the title «\(mine)» (this edition's: «\(theirs)»)") }
            }

            // Charts: the part and its workbook are this edition's; the frame stays where it is.
            let oldRelationships = try oldPackage.relationships(of: oldSlide.path)
            let newRelationships = try newPackage.relationships(of: newSlide.path)
            for frame in oldShapes where frame.name == "p:graphicFrame" {
                guard let chart = elements("c:chart", in: frame).first, let oldID = attribute(chart, "r:id"),
                      let name = shapeName(frame),
                      let newFrame = newShapes.first(where: { $0.name == "p:graphicFrame" && shapeName($0) == name }),
                      let newChart = elements("c:chart", in: newFrame).first, let newID = attribute(newChart, "r:id"),
                      let oldTarget = oldRelationships[oldID], let newTarget = newRelationships[newID] else { continue }
                let oldPart = resolve(oldTarget, from: oldSlide.path), newPart = resolve(newTarget, from: newSlide.path)
                guard let data = newPackage.entries[newPart] else { continue }
                replaced[oldPart] = data
                let oldBooks = try oldPackage.relationships(of: oldPart).values.map { resolve($0, from: oldPart) }
                let newBooks = try newPackage.relationships(of: newPart).values.map { resolve($0, from: newPart) }
                if let oldBook = oldBooks.first, let newBook = newBooks.first, let book = newPackage.entries[newBook] {
                    replaced[oldBook] = book
                }
                // Its alt text describes this edition's chart.
                if let mine = elements("p:cNvPr", in: frame).first, let theirs = elements("p:cNvPr", in: newFrame).first,
                   let description = attribute(theirs, "descr") {
                    if let existing = mine.attribute(forName: "descr") {
                        existing.stringValue = description
                    } else if let node = FoundationXML.XMLNode.attribute(withName: "descr", stringValue: description)
                                as? FoundationXML.XMLNode {
                        mine.addAttribute(node)
                    }
                }
                changes.append("chart \(name): data, labels, hatch, error bars, workbook and alt text")
            }

            // Tables and data-drawn shapes: this edition's, in the old one's place in the tree.
            var matched: Set<String> = []
            for shape in oldShapes {
                guard let name = shapeName(shape) else { continue }
                let isTable = shape.name == "p:graphicFrame" && !elements("a:tbl", in: shape).isEmpty
                let placeholder = placeholderType(shape)
                let isFooter = ["ftr", "dt", "sldNum"].contains(placeholder ?? "")
                let isDiagram = shape.name == "p:grpSp" && name == oldSlide.key
                guard isTable || isFooter || isDiagram || isDataShape(name) else { continue }
                let replacement = newShapes.first { candidate in
                    isFooter ? placeholderType(candidate) == placeholder : shapeName(candidate) == name && candidate.name == shape.name
                }
                guard let replacement, let copy = replacement.copy() as? XMLElement else {
                    if !isFooter {
                        shape.detach()
                        report.updated.append("\(label): removed \(name) (this edition has none)")
                    }
                    continue
                }
                matched.insert(isFooter ? "ph:" + (placeholder ?? "") : name)
                // A unit or source note keeps the place the analyst moved it to; its text and
                // size are this edition's.
                var kept = false
                if !isFooter, keepsPlace(name), let mine = elements("a:off", in: shape).first,
                   let theirs = elements("a:off", in: copy).first {
                    for key in ["x", "y"] {
                        theirs.attribute(forName: key)?.stringValue = mine.attribute(forName: key)?.stringValue
                    }
                    kept = true
                }
                for id in elements("p:cNvPr", in: copy) {
                    id.attribute(forName: "id")?.stringValue = String(nextID)
                    nextID += 1
                }
                // Links name this edition's slide relationships, which the deck's slide lacks:
                // the copied text keeps its words, not its links.
                for link in elements("a:hlinkClick", in: copy) { link.detach() }
                // The slide count after the number is the deck's, not this edition's.
                if placeholder == "sldNum" {
                    for run in elements("a:t", in: copy) where (run.stringValue ?? "").hasPrefix(" / ") {
                        run.stringValue = " / \(oldSlides.count)"
                    }
                }
                if let parent = shape.parent as? XMLElement {
                    parent.replaceChild(at: shape.index, with: copy)
                }
                changes.append(isTable ? "table \(name)" : kept ? name + " (its place kept)" : name)
            }
            // Data-drawn shapes this edition has that the deck lacks: deleted by the analyst.
            for shape in newShapes {
                guard let name = shapeName(shape) else { continue }
                let placeholder = placeholderType(shape)
                let isFooter = ["ftr", "dt", "sldNum"].contains(placeholder ?? "")
                let isTable = shape.name == "p:graphicFrame" && !elements("a:tbl", in: shape).isEmpty
                guard isFooter || isTable || isDataShape(name), !matched.contains(isFooter ? "ph:" + (placeholder ?? "") : name) else { continue }
                if isFooter || oldShapes.contains(where: { shapeName($0) == name }) { continue }
                report.notUpdated.append("\(label): \(name) is not in the deck (deleted there, or the earlier edition had none); not added")
            }
            if !changes.isEmpty { report.updated.append("\(label): " + changes.joined(separator: ", ")) }
            replaced[oldSlide.path] = Data(document.xmlString.utf8)

            // Speaker notes: this edition's provenance.
            let oldNotes = oldRelationships.first { $0.value.contains("notesSlide") }.map { resolve($0.value, from: oldSlide.path) }
            let newNotes = newRelationships.first { $0.value.contains("notesSlide") }.map { resolve($0.value, from: newSlide.path) }
            if let oldNotes, let newNotes, let notes = try? newPackage.xml(newNotes), let mine = try? oldPackage.xml(oldNotes),
               let body = elements("p:txBody", in: notes).last, let target = elements("p:txBody", in: mine).last,
               let copy = body.copy() as? XMLElement, let parent = target.parent as? XMLElement {
                parent.replaceChild(at: target.index, with: copy)
                replaced[oldNotes] = Data(mine.xmlString.utf8)
                report.updated.append("\(label): speaker notes")
            } else if newNotes != nil {
                report.notUpdated.append("\(label): the deck has no notes page for this slide; notes not written")
            }
        }
        for (number, slide) in newSlides.enumerated() where !oldKeys.contains(slide.key) {
            report.notUpdated.append("slide \(number + 1) of this edition (\(slide.key)) is not in the deck; not added")
        }
        return (try oldPackage.zipped(replacing: replaced, date: DeckWriter.zipDate(date)), report)
    }

    // MARK: the package

    struct Package {
        let names: [String]
        let entries: [String: Data]

        init(_ data: Data) throws {
            let archive = try Archive(data: data, accessMode: .read)
            var names: [String] = []
            var entries: [String: Data] = [:]
            for entry in archive where entry.type == .file {
                var bytes = Data()
                _ = try archive.extract(entry, skipCRC32: true) { bytes.append($0) }
                names.append(entry.path)
                entries[entry.path] = bytes
            }
            self.names = names; self.entries = entries
        }

        init(names: [String], entries: [String: Data]) { self.names = names; self.entries = entries }

        func xml(_ path: String) throws -> XMLDocument {
            guard let data = entries[path] else { throw DeckTemplateError.unreadable(path, "the part is missing") }
            return try XMLDocument(data: data)
        }

        /// Relationship id → target, of `part`.
        func relationships(of part: String) throws -> [String: String] {
            let name = OPCPackage.relationshipsPath(of: part)
            guard entries[name] != nil else { return [:] }
            var out: [String: String] = [:]
            for element in elements("Relationship", in: try xml(name)) {
                if let id = attribute(element, "Id"), let target = attribute(element, "Target"),
                   attribute(element, "TargetMode") != "External" {
                    out[id] = target
                }
            }
            return out
        }

        /// The slides in presentation order, each with its key (the `p:cSld` name).
        func slides() throws -> [(path: String, key: String)] {
            let presentation = "ppt/presentation.xml"
            let relationships = try self.relationships(of: presentation)
            return try elements("p:sldId", in: try xml(presentation)).compactMap { entry in
                guard let id = attribute(entry, "r:id"), let target = relationships[id] else { return nil }
                let path = resolve(target, from: presentation)
                let key = elements("p:cSld", in: try xml(path)).first.flatMap { attribute($0, "name") } ?? path
                return (path, key)
            }
        }

        func zipped(replacing replaced: [String: Data], date: Date) throws -> Data {
            let archive = try Archive(data: Data(), accessMode: .create)
            for name in names {
                let data = replaced[name] ?? entries[name] ?? Data()
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw DeckError.zip("the archive has no data") }
            return bytes
        }
    }

    // MARK: XML helpers

    static func elements(_ name: String, in node: FoundationXML.XMLNode) -> [XMLElement] {
        DeckTemplate.elements(name, in: node)
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        DeckTemplate.attribute(element, name)
    }

    static func resolve(_ target: String, from source: String) -> String {
        DeckTemplate.resolve(target, from: source)
    }

    /// The shape tree's shapes, in order.
    static func shapes(of tree: XMLElement) -> [XMLElement] {
        (tree.children ?? []).compactMap { $0 as? XMLElement }.filter { !["p:nvGrpSpPr", "p:grpSpPr"].contains($0.name ?? "") }
    }

    /// A shape's name: its non-visual properties' `p:cNvPr` name.
    static func shapeName(_ shape: XMLElement) -> String? {
        let properties = (shape.children ?? []).compactMap { $0 as? XMLElement }.first { ($0.name ?? "").hasPrefix("p:nv") }
        let cNvPr = (properties?.children ?? []).compactMap { $0 as? XMLElement }.first { $0.name == "p:cNvPr" }
        return cNvPr.flatMap { attribute($0, "name") }
    }

    static func placeholderType(_ shape: XMLElement) -> String? {
        guard shape.name == "p:sp", let ph = elements("p:ph", in: shape).first else { return nil }
        return attribute(ph, "type") ?? "body"
    }

    static func text(of shape: XMLElement) -> String {
        elements("a:t", in: shape).compactMap(\.stringValue).joined()
    }
}
