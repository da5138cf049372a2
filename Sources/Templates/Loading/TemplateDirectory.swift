import Foundation

/// A directory of templates (Jinja2's `FileSystemLoader`): names are paths relative to the directory,
/// with `/` separators; each file is read and compiled once and then served from a cache.
///
/// Invariants: a name may not escape the directory (`..` segments and absolute paths are refused, as
/// Jinja2 refuses them); the cache is guarded by a lock, so one instance can serve concurrent renders;
/// failed loads are not cached.
public final class TemplateDirectory: TemplateLoading, @unchecked Sendable {
    public let root: URL
    /// How error locations spell the directory (`templates` in `templates/x.jinja2:3:5`); nil: the path
    /// relative to the process's working directory, or absolute.
    public let displayRoot: String?
    private let lock = NSLock()
    private var cache: [String: Template] = [:]

    public init(_ root: URL, displayRoot: String? = nil) {
        self.root = root
        self.displayRoot = displayRoot
    }

    public func template(named name: String) throws(TemplateError) -> Template {
        // Jinja2's split_template_path: empty and "." segments vanish, ".." is refused.
        let segments = name.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !name.hasPrefix("/"), !segments.contains(".."), !segments.isEmpty else {
            throw TemplateError(.notFound, name)
        }
        let key = segments.joined(separator: "/")
        lock.lock()
        let cached = cache[key]
        lock.unlock()
        if let cached { return cached }
        let url = root.appendingPathComponent(key)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TemplateError(.notFound, name)
        }
        guard let text = String(bytes: data, encoding: .utf8) else {
            throw TemplateError(.syntax, "\(name) is not valid UTF-8")
        }
        let shown = displayRoot.map { $0.hasSuffix("/") ? $0 + key : $0 + "/" + key } ?? displayName(url)
        let template = try Template(source: text, name: shown, loader: self)
        lock.lock()
        defer { lock.unlock() }
        if let raced = cache[key] { return raced }
        cache[key] = template
        return template
    }

    private func displayName(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}
