/// Makes Cairo's SVG output independent of what else the process rendered before.
///
/// What we found (cairo 1.16): glyph ids (`glyph<font>-<glyph>`) and clip ids (`clip<n>`)
/// are numbered per document, but the page group is written as `<g id="surface<n>">`
/// with the surface's process-global unique id, so the second render of the same scene
/// in one process says `surface121` where the first said `surface92`. Image and pattern
/// ids that draw on surface ids would behave the same way.
///
/// The fix: every id of the form letters+digits (`surface92`, `clip3`, `image7`) is
/// renumbered per prefix in the order of its definition, and every reference to it
/// (`#surface92` in `href`s and `url(...)`) is rewritten to match. The mapping is a
/// bijection per prefix, so references keep resolving. Ids with other shapes, such as
/// `glyph0-1`, are already per document and stay untouched.
enum SVGIdentifiers {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        let renames = renamesForDefinedIds(in: bytes)
        if renames.isEmpty { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = 0
        let idMarker = Array("id=\"".utf8)
        while i < bytes.count {
            // A definition `id="name"` or a reference `#name`; names end at a non-name byte.
            var nameStart = -1
            if bytes[i] == UInt8(ascii: "#") {
                nameStart = i + 1
            } else if hasPrefix(bytes, idMarker, at: i) && (i == 0 || !isNameByte(bytes[i - 1])) {
                nameStart = i + idMarker.count
            }
            if nameStart >= 0 {
                var end = nameStart
                while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
                if end > nameStart, let replacement = renames[Array(bytes[nameStart..<end])] {
                    output.append(contentsOf: bytes[i..<nameStart])
                    output.append(contentsOf: replacement)
                    i = end
                    continue
                }
            }
            output.append(bytes[i])
            i += 1
        }
        return output
    }

    /// Old name -> new name for each `id="<letters><digits>"`, numbered from 1 per prefix.
    private static func renamesForDefinedIds(in bytes: [UInt8]) -> [[UInt8]: [UInt8]] {
        let idMarker = Array("id=\"".utf8)
        var renames: [[UInt8]: [UInt8]] = [:]
        var nextNumber: [[UInt8]: Int] = [:]
        var i = 0
        while i < bytes.count {
            guard hasPrefix(bytes, idMarker, at: i), i == 0 || !isNameByte(bytes[i - 1]) else { i += 1; continue }
            var j = i + idMarker.count
            let letterStart = j
            while j < bytes.count && isLetter(bytes[j]) { j += 1 }
            let digitStart = j
            while j < bytes.count && isDigit(bytes[j]) { j += 1 }
            if digitStart > letterStart, j > digitStart, j < bytes.count, bytes[j] == UInt8(ascii: "\"") {
                let name = Array(bytes[letterStart..<j])
                if renames[name] == nil {
                    let prefix = Array(bytes[letterStart..<digitStart])
                    let number = (nextNumber[prefix] ?? 0) + 1
                    nextNumber[prefix] = number
                    renames[name] = prefix + Array(String(number).utf8)
                }
            }
            i = j
        }
        return renames
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for k in 0..<prefix.count where bytes[offset + k] != prefix[k] { return false }
        return true
    }
    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}
