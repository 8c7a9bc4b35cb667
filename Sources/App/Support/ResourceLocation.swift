import Foundation

/// Templates and static files ship inside the executable's resource bundle, so that
/// `lumbung serve` finds them from any working directory.
enum ResourceLocation {
    static let directory: String = {
        if let override = ProcessInfo.processInfo.environment["LUMBUNG_RESOURCES"], !override.isEmpty {
            return override.hasSuffix("/") ? override : override + "/"
        }
        let url = Bundle.module.bundleURL.appendingPathComponent("Resources")
        return url.path + "/"
    }()
}
