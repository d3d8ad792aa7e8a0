// swift-tools-version:6.0
// marketcast: market data in, forecasts and report-ready charts out.
// The target graph mirrors ../shared/DESIGN.md; data flows one way, left to right:
// MarketData -> Forecasting (via Numerics) -> Report (via Charts -> Rendering).
import PackageDescription

// Numerics runs its column loops (formula evaluation, norms, Qᵀf) millions of times; on
// x86-64 it is compiled for CPUs with AVX2 and FMA (Intel Haswell, 2013, and later; AMD
// since 2015), so those loops take four doubles an instruction instead of two. The same
// bits come out (Swift does not fuse a·b + c on its own). marketcast checks the CPU when
// it starts (CPUBaseline) and the Makefile before it builds, so an older CPU gets a
// message instead of an illegal-instruction crash. Other architectures are unaffected.
#if arch(x86_64)
let numericsSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let numericsSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "marketcast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "marketcast", targets: ["marketcast"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries: module maps only.
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPangoCairo", path: "Sources/CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // glibc's libmvec (part of libc6-dev): exp/log/pow on two doubles per call.
        .systemLibrary(name: "CVectorMath", path: "Sources/CVectorMath"),

        .target(name: "Numerics", dependencies: ["CLAPACK", "CVectorMath"], swiftSettings: numericsSettings),
        .target(name: "MarketData"),
        .target(name: "Forecasting", dependencies: ["Numerics", "MarketData"]),
        .target(name: "Charts", dependencies: ["MarketData"]),
        .target(name: "Rendering", dependencies: ["Charts", "CCairo", "CPangoCairo", "CZlib"]),
        .target(name: "Report", dependencies: [
            "Forecasting", "Charts", "Rendering", "MarketData",
            // Config validation names the catalog's models and parameters (did-you-mean).
            "Numerics",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "marketcast", dependencies: [
            "Report", "Forecasting", "Numerics", "MarketData",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "NumericsTests", dependencies: ["Numerics"]),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Rendering"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "EndToEndTests", dependencies: ["marketcast"]),
    ],
    swiftLanguageModes: [.v5]
)
