import TeamplotterCore

extension TeamFunction {
    /// A short, stable digest of everything in the function (FNV-1a, 64 bits). Edit and remove
    /// forms carry it, so that a post meant for one function never changes another: functions
    /// are addressed by their place in the list, and that place shifts when one is removed.
    var fingerprint: String {
        var parts = [title, holder ?? "", isVacancy ? "v" : ""]
        switch workload {
        case .hoursPerWeek(let hours): parts.append("h\(hours)")
        case .fte(let fte): parts.append("f\(fte)")
        case nil: parts.append("")
        }
        parts += tasks
        parts += roles.map { "\($0.roleId)=\($0.sharePercent.map { "\($0)" } ?? "")" }
        parts += competencies.map { "\($0.name)#\($0.level.map(String.init) ?? "")" }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
