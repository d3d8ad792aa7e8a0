// swift-tools-version:6.0
// marketcast: market data in, forecasts and report-ready charts out.
// The target graph (docs/architecture.md); data flows one way, left to right:
// MarketData -> Forecasting (via Numerics) -> Report (via Charts -> Rendering).
import PackageDescription

// The default build runs on any CPU of its architecture. `MARKETCAST_CPU=haswell` (or
// `make release CPU=haswell`) compiles Numerics for x86-64 CPUs with AVX2 and FMA (Intel
// Haswell, 2013, and later; AMD since 2015): its column loops then take four doubles an
// instruction, about 10% faster fits, the same bits. That build also compiles the start-up
// check (CPUBaseline, which holds the one list of CPU flags), so an older CPU gets a
// message instead of an illegal-instruction crash.
let optInHaswell = Context.environment["MARKETCAST_CPU"] == "haswell"
#if arch(x86_64)
let numericsSettings: [SwiftSetting] = optInHaswell ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
#else
let numericsSettings: [SwiftSetting] = []
#endif
let commandLineSettings: [SwiftSetting] = optInHaswell ? [.define("MARKETCAST_HASWELL")] : []

let package = Package(
    name: "marketcast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "marketcast", targets: ["marketcast"]),
        .executable(name: "marketcast-bench", targets: ["marketcast-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // System libraries: module maps only.
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPangoCairo", path: "Sources/CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CZlibSystem", path: "Sources/CZlibSystem", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // glibc's libmvec (part of libc6-dev): exp/log/pow on two doubles per call.
        .systemLibrary(name: "CVectorMath", path: "Sources/CVectorMath"),

        .target(name: "Numerics", dependencies: ["CLAPACK", "CVectorMath"], swiftSettings: numericsSettings),
        .target(name: "MarketData"),
        .target(name: "Forecasting", dependencies: ["Numerics", "MarketData"]),
        .target(name: "Charts", dependencies: ["MarketData"]),
        .target(name: "Rendering", dependencies: ["Charts", "CCairo", "CPangoCairo", "CZlibSystem"]),
        // Scenes and native charts/tables -> an editable PowerPoint deck (OOXML in a zip).
        .target(name: "Deck", dependencies: [
            "Charts", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Report", dependencies: [
            "Forecasting", "Charts", "Rendering", "MarketData", "Deck",
            // Config validation names the catalog's models and parameters (did-you-mean).
            "Numerics",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
            // Commentary pages: the analyst's Markdown.
            .product(name: "Ink", package: "Ink"),
        ]),
        .executableTarget(name: "marketcast", dependencies: [
            "Report", "Forecasting", "Numerics", "MarketData",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: commandLineSettings),
        // Benchmark and maintenance commands (make bench, regenerating calibration data).
        .executableTarget(name: "marketcast-bench", dependencies: [
            "Charts", "Rendering", "Forecasting", "MarketData", "Numerics",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // `make fuzz`: random CSV and YAML through the reading paths of check and forecast.
        .executableTarget(name: "marketcast-fuzz", dependencies: ["Report", "MarketData", "Numerics"]),

        // What the test targets share: golden images, the fake text measurer. No product.
        .target(name: "TestSupport", dependencies: ["Charts", "Rendering", "CCairo"]),

        .testTarget(name: "NumericsTests", dependencies: ["Numerics"]),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Rendering", "TestSupport", "Numerics"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TestSupport"]),
        .testTarget(name: "DeckTests", dependencies: ["Deck", "Charts", "TestSupport",
                                                      .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["marketcast"]),
    ],
    swiftLanguageModes: [.v5]
)
