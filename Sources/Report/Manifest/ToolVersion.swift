/// The version written into every manifest, so a diff can tell runs of different tool
/// versions apart. Bump it with every release that can change an output.
public enum ToolVersion {
    public static let name = "marketcast"
    public static let current = "0.3.0"
}
