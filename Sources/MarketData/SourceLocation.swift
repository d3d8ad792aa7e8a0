/// Where in the analyst's input something is: a file, and the line and column when known.
/// Lines and columns are 1-based, columns count characters (Unicode scalars), not bytes,
/// so they match what an editor shows for Chinese text.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        // A column without a line cannot be found in an editor, so it is dropped.
        self.column = line == nil ? nil : column
    }

    /// `file:line:column`, the form compilers use, so editors and terminals can jump to it.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
