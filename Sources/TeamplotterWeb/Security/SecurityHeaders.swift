/// Headers sent with every response.
enum SecurityHeaders {
    static let all: [(String, String)] = [
        // Only our own files: no inline script or style, no outside server, no framing.
        ("Content-Security-Policy",
         "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        // Team pages hold names: they are not sent to another site, nor kept in shared caches.
        ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ]
}
