import TeamplotterCore
import TeamplotterReport

/// Sizes as people read them, with a megabyte of 1,048,576 bytes as the limits are set.
enum ByteSizes {
    /// 8 * 1_048_576 → "8 MB"; 1536 → "1,5 KB" (Dutch) or "1.5 KB".
    static func show(_ bytes: Int, _ language: Language) -> String {
        if bytes >= 1_048_576 { return NumberFormatting.short(Double(bytes) / 1_048_576, language) + " MB" }
        if bytes >= 1024 { return NumberFormatting.short(Double(bytes) / 1024, language) + " KB" }
        return "\(bytes) bytes"
    }
}
