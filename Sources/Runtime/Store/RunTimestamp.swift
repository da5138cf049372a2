import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTC timestamp formats of run files.
///
/// Invariants: `seconds` is `%Y-%m-%dT%H:%M:%SZ` (manifest, RUN_LOG); `milliseconds` is
/// `%Y-%m-%dT%H:%M:%S.mmm` without a zone letter (TRACE_LOG, as the Python tool writes it); both are UTC,
/// independent of the locale and time zone of the process; thread-safe (`gmtime_r`).
public enum RunTimestamp {
    public static func seconds(_ date: Date) -> String {
        let (parts, _) = split(date)
        return parts + "Z"
    }

    public static func milliseconds(_ date: Date) -> String {
        let (parts, millis) = split(date)
        return parts + "." + pad(millis, 3)
    }

    /// Parses `seconds` output back (nil for anything else).
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    private static func split(_ date: Date) -> (String, Int) {
        let interval = date.timeIntervalSince1970
        var whole = time_t(interval.rounded(.down))
        var millis = Int(((interval - Double(whole)) * 1000).rounded(.down))
        if millis >= 1000 { whole += 1; millis -= 1000 }
        var fields = tm()
        gmtime_r(&whole, &fields)
        let text = pad(Int(fields.tm_year) + 1900, 4) + "-" + pad(Int(fields.tm_mon) + 1, 2) + "-" + pad(Int(fields.tm_mday), 2)
            + "T" + pad(Int(fields.tm_hour), 2) + ":" + pad(Int(fields.tm_min), 2) + ":" + pad(Int(fields.tm_sec), 2)
        return (text, millis)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
